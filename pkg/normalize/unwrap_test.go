package normalize

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"zhpolicy/internal/testenv"
)

// wrapAt breaks each paragraph of paras at width display columns (2 for a Han character or
// CJK punctuation, 1 for ASCII), keeping closing punctuation on the line it closes, as a
// PDF's text comes out of pdftotext.
func wrapAt(width int, paras ...string) string {
	var b strings.Builder
	for _, p := range paras {
		w := 0
		for _, r := range p {
			rw := 1
			if r >= 0x1100 {
				rw = 2
			}
			if w+rw > width && !strings.ContainsRune("，。、；：）》”", r) {
				b.WriteByte('\n')
				w = 0
			}
			b.WriteRune(r)
			w += rw
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func joinsOf(r *Result) []Change {
	var out []Change
	for _, c := range r.Changes {
		if c.Kind == ChangeJoin {
			out = append(out, c)
		}
	}
	return out
}

// checkMap checks that every rune of the clean text maps back to the same rune of the
// original, and that cleaning again changes nothing.
func checkMap(t *testing.T, in string, r *Result) {
	t.Helper()
	for off, ch := range r.Text {
		o := r.Original(off)
		got, _ := utf8.DecodeRuneInString(in[o:])
		if got != ch && ch != ' ' && ch != '\n' {
			t.Fatalf("clean offset %d (%q) maps to %d (%q)", off, ch, o, got)
		}
		if e := r.OriginalEnd(off + utf8.RuneLen(ch)); e != o+utf8.RuneLen(got) && ch != ' ' && ch != '\n' {
			t.Fatalf("clean rune at %d ends at original %d, want %d", off, e, o+utf8.RuneLen(got))
		}
	}
	if again := Clean(r.Text, DefaultOptions()); again.Text != r.Text {
		t.Errorf("cleaning the unwrapped text again changes it:\n%s", again.Text)
	}
}

// TestUnwrapNotice: a notice as pdftotext gives it (testdata/normalize/wrapped_notice.txt,
// written for this test: broken at 22 characters, with page numbers inside sentences, a
// title over two lines, headings, a list, a contact line, attachments, the signature and
// the date) comes out as its paragraphs.
func TestUnwrapNotice(t *testing.T) {
	dir := filepath.Join(testenv.Root(), "testdata", "normalize")
	raw, err := os.ReadFile(filepath.Join(dir, "wrapped_notice.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(dir, "wrapped_notice.unwrapped.txt"))
	if err != nil {
		t.Fatal(err)
	}
	in := string(raw)
	r := Clean(in, DefaultOptions())
	if r.Text != string(want) {
		t.Fatalf("unwrapped:\n%s\nwant:\n%s", r.Text, want)
	}
	if !r.Unwrapped() {
		t.Errorf("Unwrapped() = false")
	}
	checkMap(t, in, r)
	// The word broken at the edge is one again, and maps back to its two halves.
	i := strings.Index(r.Text, "工业互联网")
	if s, e := r.Span(i, i+len("工业互联网")); in[s:e] != "工业\n互联网" {
		t.Errorf("工业互联网 maps back to %q", in[s:e])
	}
	// A page number inside a sentence goes with its line end.
	for _, c := range joinsOf(r) {
		if strings.Contains(c.Old, "— 1 —") && c.Old != "\n— 1 —\n" {
			t.Errorf("join across page 1: %q", c.Old)
		}
	}
	// Without Unwrap, nothing is joined.
	opts := DefaultOptions()
	opts.Unwrap = false
	if r := Clean(in, opts); !strings.Contains(r.Text, "工业\n互联网") || r.Unwrapped() {
		t.Errorf("Unwrap off joined lines")
	}
}

// TestUnwrapHeadingAndBody: a heading is never run into its first body line: a short one
// does not reach the edge, and a first-level heading that fills the line goes on only in a
// short line (its own rest), not in a line of body text.
func TestUnwrapHeadingAndBody(t *testing.T) {
	body := wrapAt(44,
		"为加快推进制造业数字化转型，推动工业互联网平台在重点行业规模化应用，提升产业链供应链韧性和安全水平，现提出如下意见。",
		"一、总体要求",
		"坚持以数据为关键要素，以平台为重要载体，以场景为主要牵引，统筹推进新型基础设施建设和传统产业改造升级，分行业分领域有序推进。")
	heading := "二、加快构建以工业互联网平台为核心的新型制造体系\n"
	heading2 := "三、推动重点行业和产业集群开展数字化改造升级\n行动\n"
	rest := wrapAt(44,
		"各地要结合本地产业基础和发展需求，制定工作方案，明确目标任务和推进路径，加强资金、人才和数据等要素保障，确保各项任务落到实处。",
		"鼓励龙头企业开放平台能力和应用场景，带动产业链上下游中小企业协同转型，形成大中小企业融通发展的良好生态。")
	in := body + heading + rest + heading2 + rest
	r := Clean(in, DefaultOptions())
	if len(joinsOf(r)) == 0 {
		t.Fatalf("the wrapped text was not unwrapped:\n%s", r.Text)
	}
	checkMap(t, in, r)
	for _, l := range []string{"一、总体要求\n", heading} {
		if !strings.Contains(r.Text, "\n"+l) {
			t.Errorf("heading %q was joined:\n%s", l, r.Text)
		}
	}
	if !strings.Contains(r.Text, "\n三、推动重点行业和产业集群开展数字化改造升级行动\n各地要") {
		t.Errorf("a heading over two lines was not rejoined, or ran into its body:\n%s", r.Text)
	}
}

// TestUnwrapList: list items that end without punctuation stay one a line, though they
// reach the edge; a list item broken over two lines is joined.
func TestUnwrapList(t *testing.T) {
	in := wrapAt(44,
		"为加快推进制造业数字化转型，推动工业互联网平台在重点行业规模化应用，提升产业链供应链韧性和安全水平，现就有关事项通知如下。",
		"申报单位应同时具备以下条件：",
		"1.在本省境内注册登记并具有独立法人资格的企业",
		"2.近三年未发生重大安全、质量和环境污染事故的",
		"3.平台连接工业设备数量和注册用户企业数量均居于全省同行业前列，具有较强的示范带动作用和推广价值",
		"（1）申报书及其附件材料",
		"（2）企业近三年经审计的财务报告和纳税证明",
		"各市要组织企业认真填报申报材料，对材料的真实性和完整性进行审核把关，按时报送省工业和信息化厅，逾期不予受理，特此通知。")
	r := Clean(in, DefaultOptions())
	if len(joinsOf(r)) == 0 {
		t.Fatalf("the wrapped text was not unwrapped:\n%s", r.Text)
	}
	checkMap(t, in, r)
	for _, l := range []string{
		"\n1.在本省境内注册登记并具有独立法人资格的企业\n2.",
		"\n2.近三年未发生重大安全、质量和环境污染事故的\n3.",
		"\n3.平台连接工业设备数量和注册用户企业数量均居于全省同行业前列，具有较强的示范带动作用和推广价值\n（1）",
		"\n（1）申报书及其附件材料\n（2）企业近三年经审计的财务报告和纳税证明\n各市",
	} {
		if !strings.Contains(r.Text, l) {
			t.Errorf("list item not as %q:\n%s", l, r.Text)
		}
	}
}

// TestUnwrapNoOp: text that is not wrapped is given back as it is, whatever its lines'
// widths: paragraphs a line, headings that share a width above long paragraphs, a list of
// names of one width, a table, Latin text.
func TestUnwrapNoOp(t *testing.T) {
	para := "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。"
	cases := map[string]string{
		"paragraphs": strings.Repeat("一、总体要求\n"+para+"\n", 10),
		"headings of one width": "（一）离散型智能制造试点示范\n" + para + "\n（二）流程型智能制造试点示范\n" + para +
			"\n（三）网络协同制造试点示范项目\n" + para + "\n（四）大规模个性化定制试点示范\n" + para +
			"\n（五）远程运维服务试点示范项目\n" + para + "\n（六）智能装备和产品试点示范\n" + para + "\n",
		"names": strings.Repeat("青川省工业和信息化厅信息化推进处处长\n青川省发展和改革委员会高技术产业处\n", 6),
		"table": strings.Repeat("序号  平台名称  所在地市  连接设备数量\n1  青川工业互联网平台  青川市  五千台套以上\n", 6),
		"latin": strings.Repeat("The notice asks every city to report the platforms that it\nsupports and the companies that use them in the coming\n", 6),
	}
	for name, in := range cases {
		r := Clean(in, DefaultOptions())
		if r.Text != in || len(joinsOf(r)) != 0 || r.Unwrapped() {
			t.Errorf("%s: changed:\n%s", name, r.Text)
		}
	}
}

func TestDisplayWidth(t *testing.T) {
	for _, s := range []string{"", "a", "构筑", "GDP增长5.2％，“十四五”—— ü×é 𠀀 end", strings.Repeat("工业互联网ab，", 9)} {
		want := 0
		for i := 0; i < len(s); i++ {
			want += int(byteWidth[s[i]])
		}
		for k := 0; k <= len(s); k++ {
			if got, want := displayWidth(s[:k]), displayWidthSlow(s[:k]); got != want {
				t.Errorf("displayWidth(%q) = %d, want %d", s[:k], got, want)
			}
		}
		if got := displayWidth(s); got != want {
			t.Errorf("displayWidth(%q) = %d, want %d", s, got, want)
		}
	}
}

func displayWidthSlow(s string) int {
	w := 0
	for i := 0; i < len(s); i++ {
		w += int(byteWidth[s[i]])
	}
	return w
}

// TestNextLineTrim: nextLine's fast path trims as trimLine does.
func TestNextLineTrim(t *testing.T) {
	for _, line := range []string{"abc", " abc ", "\u3000\u3000构筑\u3000", "构筑\u00a0", "\ufeff构筑", "构筑\u2003", "\t构筑\t", "构筑。", "é", "\u200b构筑\u200b", ""} {
		l := nextLine(line+"\n", 0)
		i, j := trimLine(line)
		if l.cs != i || l.ce != j {
			t.Errorf("nextLine(%q) trims to [%d,%d), trimLine to [%d,%d)", line, l.cs, l.ce, i, j)
		}
	}
}
