package keywords

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"zhpolicy/internal/testenv"
	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/structure"
)

func TestProceduralSpans(t *testing.T) {
	text := "关于开展智能水电站试点的通知\n各省能源局：\n现将有关事项通知如下。\n" +
		"一、试点任务\n建设智能水电站，推进流域梯级调度。\n" +
		"二、申报流程\n（一）网上填报\n申报单位填写申报书，加盖公章。\n（二）材料报送\n一式两份报送。\n" +
		"三、联系方式\n联系人：王某，电话：010-12345678\n" +
		"附件：智能水电站试点申报书\n国家能源局\n2024年3月1日\n" +
		"附件\n智能水电站试点申报书\n单位名称：\n负责人：\n"
	in := analysis.NewInput("n.txt", text, script.Simplified, nil)
	spans := ProceduralSpans(in)
	inside := func(s string) bool { return spanHolds(text, spans, s) }
	for _, s := range []string{"申报单位填写申报书", "一式两份报送", "联系人：王某", "单位名称："} {
		if !inside(s) {
			t.Errorf("%q is not in a procedural span (%v)", s, spans)
		}
	}
	for _, s := range []string{"建设智能水电站", "推进流域梯级调度", "各省能源局"} {
		if inside(s) {
			t.Errorf("%q is in a procedural span (%v)", s, spans)
		}
	}
	for i := 1; i < len(spans); i++ {
		if spans[i][0] <= spans[i-1][1] {
			t.Errorf("spans overlap or touch: %v", spans)
		}
	}
}

func TestProceduralHeading(t *testing.T) {
	for h, want := range map[string]bool{
		"二、申报流程": true, "三、联系方式": true, "（二）材料报送": true, "四、工作要求": true,
		"第五章附则": true, "一、重点任务": false, "（三）建设要求与标准体系框架": false, "二、主要目标": false,
		"一、总体要求": false, "（四）加快转变经济发展方式": false, "三、培养方式": false, "二、申报条件": true,
		"第四章 道路测试申请及审核": true, "9.智能就医咨询": false,
	} {
		if got := proceduralHeading(h); got != want {
			t.Errorf("proceduralHeading(%q) = %v, want %v", h, got, want)
		}
	}
	for title, want := range map[string]bool{"智能水电站试点申报书": true, "推荐汇总表": true, "试点工作方案": false, "名单": false} {
		if got := formTitle(title); got != want {
			t.Errorf("formTitle(%q) = %v, want %v", title, got, want)
		}
	}
}

func TestProcTF(t *testing.T) {
	for _, w := range []float64{1, 2, 5, 40} {
		if got := procTF(w, 0); got != w {
			t.Errorf("procTF(%v, 0) = %v", w, got)
		}
		// every use procedural (implAll of the weight or more): procDampAll
		all := 1 + math.Log(procTF(w, w))
		if want := (1 + math.Log(w)) * (1 - procDampAll); math.Abs(all-want) > 1e-9 {
			t.Errorf("procTF(%v, %v): tf %v, want %v", w, w, all, want)
		}
		if nearly, want := 1+math.Log(procTF(w, implAll*w)), (1+math.Log(w))*(1-procDampAll); math.Abs(nearly-want) > 1e-9 {
			t.Errorf("procTF(%v, %v): tf %v, want %v", w, implAll*w, nearly, want)
		}
		// below implAll, in proportion to the share: procDamp
		most := 1 + math.Log(procTF(w, 0.8*w))
		if want := (1 + math.Log(w)) * (1 - procDamp*0.8); math.Abs(most-want) > 1e-9 {
			t.Errorf("procTF(%v, %v): tf %v, want %v", w, 0.8*w, most, want)
		}
		half := 1 + math.Log(procTF(w, w/2))
		if !(all < half && half < 1+math.Log(w)) {
			t.Errorf("procTF(%v, …) not monotone: %v %v", w, all, half)
		}
	}
}

func TestTitleSpans(t *testing.T) {
	// a title runs over one line break when it is short (a wrapped line:
	// 《无障碍⏎通用设计规范》), not over two, nor when it is long
	text := "依据《信息技术 人工智能 术语》和《关于〈标准〉的通知》，见《未完\n下文\n再下文》，见《无障碍\n通用设计规范》，《" +
		strings.Repeat("长", wrappedTitleRunes-2) + "\n标题》"
	var got []string
	for _, sp := range titleSpans(text) {
		got = append(got, text[sp[0]:sp[1]])
	}
	if want := []string{"信息技术 人工智能 术语", "关于〈标准〉的通知", "无障碍\n通用设计规范"}; !slices.Equal(got, want) {
		t.Errorf("titleSpans = %q, want %q", got, want)
	}
}

// A word a long document uses only inside the titles it cites is a piece
// of those titles, not a keyword; the same word used outside them too is.
func TestTitlePieces(t *testing.T) {
	body := strings.Repeat("建设/v 智能/n 水电站/n ，/x 调度/vn 流域/n 。/x | ", 200)
	cite := "依据/p 《/x 水利/n 术语/n 规范/n 》/x 和/c 《/x 水利/n 术语/n 规范/n 》/x 。/x | "
	opts := Options{}
	kws := keys(Extract(doc(t, script.Simplified, cite+body), opts, 0))
	if slices.Contains(kws, "水利术语") || slices.Contains(kws, "术语") || slices.Contains(kws, "规范") {
		t.Errorf("pieces of titles ranked: %v", kws)
	}
	kws = keys(Extract(doc(t, script.Simplified, cite+body+"水利/n 术语/n 。/x 水利/n 术语/n 。/x | "), opts, 0))
	if !slices.Contains(kws, "水利术语") {
		t.Errorf("水利术语, used outside titles too, not ranked: %v", kws)
	}
}

func TestProceduralLine(t *testing.T) {
	for line, want := range map[string]bool{
		"请于6月30日前将申报书报送至我司。":            true,
		"申报材料一式两份，加盖公章后报送，电子版发送至邮箱。":    true,
		"联系人：王某，联系电话：010-12345678":      true,
		"日前，我部印发了智能制造标准体系建设指南。":         false,
		"加快建设智能水电站，推进流域梯级调度，提交一批典型案例。":  false,
		"到2025年12月31日止，累计建成智能工厂500家以上。": false, // a target, no mark of procedure
	} {
		if got := proceduralLine(line); got != want {
			t.Errorf("proceduralLine(%q) = %v, want %v", line, got, want)
		}
	}
}

// The built-in vocabulary of procedure is read, and holds the words of
// forms it was derived for.
func TestProcVocabulary(t *testing.T) {
	v := procVocabulary()
	if len(v) < 5 {
		t.Fatalf("procedure vocabulary: %d terms", len(v))
	}
	for k, s := range v {
		if s <= 0 || s > 1 {
			t.Errorf("%s: share %v", k, s)
		}
	}
}

// In a document that is not short, a short quoted term is a term even when
// used once (a report explains its new formulations once), and its quoted
// occurrences count more; a quoted clause is not a term.
func TestQuotedOnce(t *testing.T) {
	body := strings.Repeat("建设/v 智能/n 水电站/n ，/x 调度/vn 流域/n 。/x | ", 200)
	spec := "推进/v “/w 四个/m 中心/n ”/w 建设/vn 。/w " +
		"以/p “/w 重构/v 房地产/n 商业模式/n ”/w 为/p 核心/n 。/w " +
		"践行/v “/w 四个/m 与/c 共/v ”/w 。/w | "
	kws := keys(Extract(doc(t, script.Simplified, spec+body), Options{}, 0))
	if !slices.Contains(kws, "四个中心") {
		t.Errorf("a quoted term used once is not ranked: %v", kws)
	}
	if !slices.Contains(kws, "四个与共") {
		t.Errorf("a numbered formulation with a conjunction inside is not ranked: %v", kws)
	}
	if slices.Contains(kws, "重构房地产商业模式") {
		t.Errorf("a quoted clause is ranked: %v", kws)
	}
}

// BenchmarkProceduralSpans measures finding the procedural parts of a
// notice with procedure (a DEV document: the structure is parsed) and of a
// government work report (none: no line can head procedure, no parse).
func BenchmarkProceduralSpans(b *testing.B) {
	for _, name := range []string{"ministry_provincial_notices/shandong_008.txt", "gwr/2024.txt"} {
		text, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "shared", "corpus", name))
		if err != nil {
			b.Skip("../shared/corpus not available")
		}
		in := analysis.NewInput(name, string(text), script.Simplified, nil)
		b.Run(filepath.Base(name), func(b *testing.B) {
			b.SetBytes(int64(len(in.Text)))
			b.ReportAllocs()
			for b.Loop() {
				ProceduralSpans(in)
			}
		})
	}
}

func TestProcMarkStarts(t *testing.T) {
	if len(procLineMarks) > 32 {
		t.Fatalf("%d marks: more than the bits of proceduralLine's set", len(procLineMarks))
	}
	for _, m := range procLineMarks {
		if r, _ := utf8.DecodeRuneInString(m); !procMarkStart(r) {
			t.Errorf("procMarkStart lacks %q, the first character of %q", r, m)
		}
	}
}

// CollectParsed, given the structure the caller parsed, ranks as Collect
// does, which parses it itself: on a notice with procedural sections (a
// DEV document long enough to be searched for them) and on a report.
func TestCollectParsedIsCollect(t *testing.T) {
	b, err := os.ReadFile(testenv.Shared(t, "corpus", "ministry_provincial_notices", "shandong_008.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"shandong_008.txt": string(b), "municipal_report.txt": readSample(t, "municipal_report.txt")} {
		in := realInput(t, name, text)
		want := Collect(in, Options{}).Score(Options{}, 0)
		doc := structure.ParseFolded(in.Text, in.Folded)
		if got := CollectParsed(in, Options{}, doc).Score(Options{}, 0); !slices.Equal(got, want) {
			t.Errorf("%s: CollectParsed ranks\n%v\nCollect\n%v", name, got, want)
		}
		if name == "shandong_008.txt" {
			// the structure given is the one used: another document's changes the ranking
			other := structure.Parse("一、申报流程\n" + strings.Repeat("甲", 200) + "\n")
			if got := CollectParsed(in, Options{}, other).Score(Options{}, 0); slices.Equal(got, want) {
				t.Errorf("%s: the structure given is not used", name)
			}
		}
	}
}

func TestAssignmentSpans(t *testing.T) {
	par := "加快建设算力网络（省发展改革委牵头，各有关部门按职责分工负责）。推广应用（详见附件）。（责任单位：市统计局）"
	got := assignmentSpans(par, 10, nil)
	var texts []string
	for _, sp := range got {
		texts = append(texts, par[sp[0]-10:sp[1]-10])
	}
	want := []string{"（省发展改革委牵头，各有关部门按职责分工负责）", "（责任单位：市统计局）"}
	if !slices.Equal(texts, want) {
		t.Errorf("assignments %q, want %q", texts, want)
	}
	if got := assignmentSpans("责任单位：市经济和信息化委、市统计局", 0, nil); len(got) != 1 || got[0] != [2]int{0, len("责任单位：市经济和信息化委、市统计局")} {
		t.Errorf("labelled paragraph: %v", got)
	}
	// a parenthesis of content, or one too long to be an assignment
	long := "（" + strings.Repeat("数", assignMaxRunes) + "负责）"
	if got := assignmentSpans("智能网联汽车（以下简称汽车）"+long, 0, nil); len(got) != 0 {
		t.Errorf("content taken for an assignment: %v", got)
	}
}

func TestLineSpans(t *testing.T) {
	for text, want := range map[string][][2]int{
		"":          nil,
		"a":         {{0, 1}},
		"a\n":       {{0, 1}},
		"ab\n\ncd":  {{0, 2}, {3, 3}, {4, 6}},
		"\n一行\n二\n": {{0, 0}, {1, 7}, {8, 11}},
	} {
		var got [][2]int
		for s, e := range lineSpans(text) {
			got = append(got, [2]int{s, e})
		}
		if !slices.Equal(got, want) {
			t.Errorf("lineSpans(%q) = %v, want %v", text, got, want)
		}
	}
}

// spanHolds says whether the first s in text lies inside one of spans.
func spanHolds(text string, spans [][2]int, s string) bool {
	i := strings.Index(text, s)
	for _, sp := range spans {
		if sp[0] <= i && i+len(s) <= sp[1] {
			return true
		}
	}
	return false
}
