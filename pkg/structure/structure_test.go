package structure

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestNoStructure: prose with no element gives an empty structure, not an
// error; so does an empty text.
func TestNoStructure(t *testing.T) {
	for _, text := range []string{
		"",
		"\n\n   \n",
		"春天来了，河边的柳树发芽了。孩子们在草地上放风筝，笑声传得很远。\n傍晚，大家一起回家吃饭。",
		"hello world\nthis is not a document\n",
	} {
		d := Parse(text)
		if !d.Empty() {
			t.Errorf("%q: structure %s", text, dumpJSON(d))
		}
	}
}

// TestElements: the elements of small documents, one feature at a time.
func TestElements(t *testing.T) {
	t.Run("title over two lines, number broken over two lines", func(t *testing.T) {
		d := Parse("移动智能终端应用软件预置\n和分发管理暂行规定\n第一条 为了规范管理，根据《关于加强管理的通知》（工信部\n〔2016〕12号），制定本规定。\n")
		if d.Title == nil || d.Title.Text != "移动智能终端应用软件预置和分发管理暂行规定" || d.Title.DocType != "规定" {
			t.Fatalf("title %+v", d.Title)
		}
		if len(d.Citations) != 1 || d.Citations[0].Number == nil || d.Citations[0].Number.Text != "工信部〔2016〕12号" {
			t.Fatalf("citations %s", dumpJSON(d.Citations))
		}
		if len(d.Headings) != 1 || d.Headings[0].Kind != "第N条" || !d.Headings[0].RunIn {
			t.Errorf("headings %s", dumpJSON(d.Headings))
		}
	})
	t.Run("addressee glued to the first sentence", func(t *testing.T) {
		text := "各省、自治区、直辖市医疗保障局:为贯彻落实有关部署，现通知如下。\n一、总体要求\n"
		d := Parse(text)
		if d.Addressees == nil || d.Addressees.Text != "各省、自治区、直辖市医疗保障局" {
			t.Fatalf("addressees %+v", d.Addressees)
		}
		if d.Body == nil || !strings.HasPrefix(text[d.Body.Start:], "为贯彻") {
			t.Errorf("body %+v", d.Body)
		}
	})
	t.Run("title glued to the first sentence", func(t *testing.T) {
		text := "新一代人工智能伦理规范为深入贯彻有关规划，制定本规范。\n第一章　总则\n"
		d := Parse(text)
		if d.Title == nil || d.Title.Text != "新一代人工智能伦理规范" {
			t.Fatalf("title %+v", d.Title)
		}
		if d.Body == nil || !strings.HasPrefix(text[d.Body.Start:], "为深入") {
			t.Errorf("body %+v", d.Body)
		}
	})
	t.Run("a sentence is not a title", func(t *testing.T) {
		d := Parse("为深入贯彻有关精神，结合实际，制定如下措施\n一、强化统筹\n")
		if d.Title != nil {
			t.Errorf("title %+v", d.Title)
		}
	})
	t.Run("joint signatures, letter-spaced and on one line", func(t *testing.T) {
		d := Parse("为推进工作，现提出以下意见。\n一、总体要求\n各地要抓好落实。\n国家发展改革委\n中 央 网 信 办\n工业和信息化部　国家能源局\n2020年12月23日\n（此件公开发布）\n")
		var got []string
		for _, s := range d.Signatures {
			got = append(got, s.Text)
		}
		if strings.Join(got, "|") != "国家发展改革委|中央网信办|工业和信息化部|国家能源局" {
			t.Errorf("signatures %v", got)
		}
		if d.Date == nil || d.Date.ISO != "2020-12-23" || len(d.Notes) != 1 {
			t.Errorf("date %+v notes %+v", d.Date, d.Notes)
		}
		m := MetaOf(d, "x.txt", MetaOptions{})
		if m.Year != 2020 || m.IssuerSource != "signature" || len(m.Issuers) != 4 {
			t.Errorf("meta %+v", m)
		}
	})
	t.Run("signatures broken over lines by columns", func(t *testing.T) {
		d := Parse("现印发给你们，请遵照执行。\n济南市工业和\n信息化局\n济南市公安局 济南市城乡交通\n运输局\n2022年3月10日\n")
		var got []string
		for _, s := range d.Signatures {
			got = append(got, s.Text)
		}
		if strings.Join(got, "|") != "济南市工业和信息化局|济南市公安局|济南市城乡交通运输局" {
			t.Errorf("signatures %v", got)
		}
	})
	t.Run("a notice and the document it issues", func(t *testing.T) {
		text := "各省、自治区、直辖市教育厅：\n《平台接入管理规范（试行）》已经审定同意，现印发给你们。\n教育部办公厅\n2022年7月25日\n国家智慧教育公共服务平台接入管理规范（试行）\n第一章　总则\n第一条　为加快推进，制定本规范。\n"
		d := Parse(text)
		if len(d.Attachments) != 1 || d.Attachments[0].Title == nil || d.Attachments[0].Label != "" ||
			d.Attachments[0].Title.Text != "国家智慧教育公共服务平台接入管理规范（试行）" {
			t.Fatalf("attachments %s", dumpJSON(d.Attachments))
		}
		if len(d.Headings) != 2 || d.Headings[0].Part != 1 || d.Headings[1].Parent != 0 {
			t.Errorf("headings %s", dumpJSON(d.Headings))
		}
		secs := d.Sections()
		var ids []string
		for _, s := range secs {
			ids = append(ids, s.ID)
		}
		if strings.Join(ids, " ") != "0 a1:0 a1:1 a1:1-1" {
			t.Errorf("sections %v", ids)
		}
	})
	t.Run("table of contents lines are not headings", func(t *testing.T) {
		d := Parse("目 录\n一、总体要求..............3\n二、建设内容..............5\n附件：标准清单............9\n\n一、总体要求\n正文。\n二、建设内容\n正文。\n")
		if len(d.Headings) != 2 || d.Headings[0].Line != 6 {
			t.Errorf("headings %s", dumpJSON(d.Headings))
		}
		if d.AttachmentNote != nil {
			t.Errorf("note %+v", d.AttachmentNote)
		}
	})
	t.Run("bare page numbers that count up", func(t *testing.T) {
		d := Parse("第一段。\n2\n第二段。\n3\n第三段。\n")
		if len(d.PageNumbers) != 2 || d.PageNumbers[1].Number != 3 || d.PageNumbers[1].Standard {
			t.Errorf("pages %+v", d.PageNumbers)
		}
		if d := Parse("数量：\n2\n"); len(d.PageNumbers) != 0 {
			t.Errorf("a number alone taken as a page: %+v", d.PageNumbers)
		}
	})
	t.Run("nonstandard heading markers", func(t *testing.T) {
		d := Parse("一.总体要求\n(一)指导思想\n1、坚持创新。\n（二）、基本原则\n")
		var got []string
		for _, h := range d.Headings {
			got = append(got, h.Kind+"="+h.Nonstandard+"->"+h.MarkerFix)
		}
		want := "一、=一. instead of 一、->一、|（一）=half-width brackets->（一）|1.=1、 instead of 1.->1.|（一）=punctuation after the bracket->（二）"
		if strings.Join(got, "|") != want {
			t.Errorf("got  %s\nwant %s", strings.Join(got, "|"), want)
		}
	})
	t.Run("dates in Chinese numerals", func(t *testing.T) {
		for in, iso := range map[string]string{
			"二〇一二年七月一日": "2012-07-01", "二○二三年十二月三十一日": "2023-12-31", "２０２４年３月５日": "2024-03-05",
			"2026 年 3 月 18 日": "2026-03-18", "二零零八年十月二十日": "2008-10-20",
		} {
			d, n := scanDate(in, 0)
			if n != len(in) || d.ISO != iso {
				t.Errorf("%s: %q %d", in, d.ISO, n)
			}
		}
		for _, bad := range []string{"2024年13月1日", "24年3月5日", "二〇一二年"} {
			if d, n := scanDate(bad, 0); n > 0 && d.Day > 0 {
				t.Errorf("%s read as %s", bad, d.ISO)
			}
		}
	})
	t.Run("title analysis", func(t *testing.T) {
		for in, want := range map[string]string{
			"国务院办公厅关于印发《A规划》和《B办法》的通知":       "通知 [国务院办公厅] 印发 A规划/规划 B办法/办法",
			"工业和信息化部 国家发展改革委关于加快发展的指导意见":     "意见 [工业和信息化部 国家发展改革委]",
			"中共中央办公厅、国务院办公厅印发《关于加强工作的意见》的通知": "通知 [中共中央办公厅 国务院办公厅] 印发 关于加强工作的意见/意见",
			"关于转发国务院关于做好工作的通知的通知":            "通知 [] 转发 国务院关于做好工作的通知/通知",
			"临江市数字经济高质量发展三年行动方案（2026—2028年）": "方案 []",
		} {
			p := compactString(in)
			ti := &Title{Field: p.whole()}
			analyzeTitle(ti, p, 0)
			got := ti.DocType + " [" + strings.Join(ti.Issuers, " ") + "]"
			if ti.Action != "" {
				got += " " + ti.Action
				for _, f := range ti.Forwards {
					got += " " + f.Title + "/" + f.DocType
				}
			}
			if got != want {
				t.Errorf("%s:\n got  %s\n want %s", in, got, want)
			}
		}
	})
}

// TestOffsetsPointIntoText: every field's offsets are inside the text and
// on rune boundaries, whatever the text (seeds for the fuzz target).
func TestOffsetsPointIntoText(t *testing.T) {
	for _, s := range fuzzSeeds() {
		checkOffsets(t, s)
	}
}

func checkOffsets(t *testing.T, text string) {
	d := Parse(text)
	// in text that is not UTF-8 (the documents commands give are; a caller
	// may not) rune boundaries are undefined: offsets need only be in it
	valid := utf8.ValidString(text)
	ok := func(s, e int) bool {
		in := s >= 0 && e <= len(text) && s <= e
		return in && (!valid || (s == len(text) || utf8.RuneStart(text[s])) && (e == len(text) || utf8.RuneStart(text[e])))
	}
	var fs []Field
	add := func(f *Field) {
		if f != nil {
			fs = append(fs, *f)
		}
	}
	add(d.CopyNumber)
	add(d.Urgency)
	add(d.IssuerMark)
	add(d.Addressees)
	add(d.CC)
	add(d.PrintedBy)
	if d.Title != nil {
		add(&d.Title.Field)
	}
	if d.Number != nil {
		add(&d.Number.Field)
	}
	if d.Date != nil {
		add(&d.Date.Field)
	}
	fs = append(fs, d.Signatures...)
	fs = append(fs, d.Recipients...)
	fs = append(fs, d.Notes...)
	for _, c := range d.Citations {
		fs = append(fs, c.Field)
	}
	for _, f := range fs {
		if !ok(f.Start, f.End) {
			t.Fatalf("%q: field %+v out of the text", text, f)
		}
	}
	for _, h := range d.Headings {
		if !ok(h.Start, h.End) || h.End > h.ParaEnd || !ok(h.ParaEnd, h.ParaEnd) {
			t.Fatalf("%q: heading %+v out of the text", text, h)
		}
	}
	last := -1
	for _, s := range d.Sections() {
		if !ok(s.Start, s.End) || s.Start < last {
			t.Fatalf("%q: section %+v overlaps or is out of the text", text, s)
		}
		last = s.End
	}
}

func fuzzSeeds() []string {
	return []string{
		"", "\n", "附件", "附件：", "附件：\n1.", "抄送：", "印发", "2024年3月5日印发", "（", "《", "〔2024〕5号",
		"国发〔2024〕", "第一条", "一、\n（一）\n1.\n（1）", "— 1 —\n\f— 2 —", "签发人：", "秘密★", "000001\n特急",
		"国务院文件\n国发〔2024〕5号\n国务院关于某某的通知\n各省：\n一、要求\n国务院\n2024年3月5日\n（此件公开发布）\n附件1\n名单\n抄送：各部。\n国务院办公厅 2024年3月6日印发\n",
		"\xff\xfe国发〔2024〕5号\xe4\xb8", "关于印发《\n》的通知", "《《《《《《", "（（（（（（（\n1.\n2.\n",
		strings.Repeat("一、", 50), "1.2.3.4.5.", "第一章第一条第二条", "附件：1.A 2.B 3.C\n4.D",
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<16 {
			return
		}
		checkOffsets(t, s)
	})
}

// TestAbsurdInputs: 10,000 headings, a 1 MB title line, a million bracket
// openings: parsed whole, without a panic (their speed is a benchmark).
func TestAbsurdInputs(t *testing.T) {
	d := Parse(manyHeadings(10000))
	if len(d.Headings) != 10000 {
		t.Errorf("%d headings, want 10000", len(d.Headings))
	}
	d = Parse(hugeTitle(1 << 20))
	if d.Title != nil {
		t.Errorf("a 1 MB line taken as a title")
	}
	d = Parse(strings.Repeat("（《〔", 100000) + "\n一、要求\n")
	if len(d.Headings) != 0 && d.Headings[0].Kind != "一、" {
		t.Errorf("headings %d", len(d.Headings))
	}
}

// manyHeadings writes n headings, four levels deep, numbered 1–99 at
// each level.
func manyHeadings(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		k := i/4%99 + 1
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, "%s、第%d项任务\n", hanDigits(k), i)
		case 1:
			fmt.Fprintf(&b, "（%s）加强组织领导。各地要落实。\n", hanDigits(k))
		case 2:
			fmt.Fprintf(&b, "%d.完善机制。\n", k)
		case 3:
			fmt.Fprintf(&b, "（%d）细化措施。\n", k)
		}
	}
	return b.String()
}

func hugeTitle(n int) string {
	unit := "关于加快推进数字经济高质量发展"
	return strings.Repeat(unit, n/len(unit)) + "的通知\n各省：\n正文。\n"
}

// TestMapOffsets: every offset goes through the map (here a shift).
func TestMapOffsets(t *testing.T) {
	text := "国务院文件\n国发〔2024〕5号\n国务院关于某某的通知\n各省：\n根据国发〔2023〕1号文件精神，通知如下。\n一、要求\n附件：名单\n国务院\n2024年3月5日\n附件\n名单\n抄送：各部。\n国务院办公厅 2024年3月6日印发\n"
	d := Parse(text)
	before := dumpJSON(d)
	d.MapOffsets(func(s, e int) (int, int) { return s + 7, e + 7 })
	shifted := "1234567" + text
	if d.Title.Text != compactOf(shifted[d.Title.Start:d.Title.End], -1) || d.Number.Text != shifted[d.Number.Start:d.Number.End] ||
		d.Citations[0].Number.Text != shifted[d.Citations[0].Number.Start:d.Citations[0].Number.End] ||
		d.PrintedDate.Text != shifted[d.PrintedDate.Start:d.PrintedDate.End] || d.Headings[0].Marker != shifted[d.Headings[0].Start:d.Headings[0].Start+len("一、")] {
		t.Errorf("offsets not moved: before %s\nafter %s", before, dumpJSON(d))
	}
}

// TestBodyJSONKeys: the body span is written with the lower-case keys of
// every other span (start, end), not Go's field names (audit of the NPC
// resolutions: structure --format json gave "body": {"Start", "End"}).
func TestBodyJSONKeys(t *testing.T) {
	b, err := json.Marshal(&Document{Body: &Span{Start: 3, End: 9}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `"body":{"start":3,"end":9}`; !strings.Contains(got, want) {
		t.Errorf("%s does not contain %s", got, want)
	}
}

// TestDocTypeFromName: a document whose text has no title but whose file
// is named by it (the NPC's resolutions on the work report) has its 文种
// from the name; a name that is no title gives none, and the text's own
// title wins over the name.
func TestDocTypeFromName(t *testing.T) {
	body := Parse("第十二届全国人民代表大会第三次会议听取和审议了国务院总理所作的政府工作报告。会议决定批准这个报告。\n")
	for name, want := range map[string]string{
		"npc/第十二届全国人民代表大会第三次会议关于政府工作报告的决议.txt": "决议",
		"gwr/1983.txt":    "",
		"central_001.txt": "",
		"15_高举邓小平理论伟大旗帜，把建设有中国特色社会主义事业全面推向.txt": "",
	} {
		m := MetaOf(body, name, MetaOptions{})
		if m.DocType != want || want != "" && m.DocTypeSource != "name" {
			t.Errorf("%s: doctype %q from %q, want %q", name, m.DocType, m.DocTypeSource, want)
		}
	}
	titled := Parse("关于加快发展数字经济的意见\n为推进工作，现提出以下意见。\n")
	if m := MetaOf(titled, "关于某事的通知.txt", MetaOptions{}); m.DocType != "意见" || m.DocTypeSource != "title" {
		t.Errorf("titled text: %q from %q", m.DocType, m.DocTypeSource)
	}
}

// TestFlowingTextWithHeadingsOfOneWidth: a notice of one paragraph a line whose headings
// share one width (and so end at one "edge") is not wrapped text: its paragraphs, twice as
// wide as that edge and more, say so; the headings are not run into their paragraphs.
func TestFlowingTextWithHeadingsOfOneWidth(t *testing.T) {
	para := "　　各地工业和信息化主管部门要结合本地产业基础，统筹推进平台培育、场景开放和标准建设，加强政策协同和要素保障，及时总结推广典型经验做法，形成可复制可推广的工作机制，确保各项任务落到实处、取得实效。\n"
	text := "青川省工业和信息化厅关于公布首批工业互联网示范平台名单的通知\n各市（州）工业和信息化主管部门，有关企业：\n" + para +
		"　　一、切实发挥示范作用\n" + para + "　　二、持续提升服务能力\n" + para +
		"　　三、加快推进场景开放\n" + para + "　　四、建立动态管理机制\n" + para +
		"　　联系人：信息化推进处 周文远\n　　电 话：028-86120000\n　　邮 箱：xxhc@example.gov.cn\n" +
		"　　附件：首批工业互联网示范平台名单\n"
	d := Parse(text)
	if d.Layout != "lines" {
		t.Errorf("layout %q, want lines", d.Layout)
	}
	want := []string{"切实发挥示范作用", "持续提升服务能力", "加快推进场景开放", "建立动态管理机制"}
	if len(d.Headings) != len(want) {
		t.Fatalf("%d headings, want %d: %+v", len(d.Headings), len(want), d.Headings)
	}
	for i, h := range d.Headings {
		if h.Title != want[i] || h.RunIn {
			t.Errorf("heading %d: %q (run-in %v), want %q", i, h.Title, h.RunIn, want[i])
		}
	}
}
