package entities

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"zhpolicy/internal/testenv"
	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

var (
	segOnce sync.Once
	seg     *segment.Segmenter
	segErr  error
)

func cut(t testing.TB, text string) []segment.Token {
	t.Helper()
	segOnce.Do(func() { seg, segErr = segment.New(segment.Config{Fold: script.FoldIfTraditional}) })
	if segErr != nil {
		t.Fatal(segErr)
	}
	toks, err := seg.Cut(text, segment.Options{Mode: segment.Precise, HMM: segment.DefaultHMM, POS: true})
	if err != nil {
		t.Fatal(err)
	}
	return toks
}

// found renders mentions as "TYPE text" or "TYPE text/title".
func found(ms []Mention) []string {
	var out []string
	for _, m := range ms {
		s := string(m.Type) + " " + m.Text
		if m.Title != "" {
			s += "/" + m.Title
		}
		out = append(out, s)
	}
	return out
}

func TestExtract(t *testing.T) {
	tests := []struct {
		text string
		want []string // must all be found
		not  []string // must not be found
	}{
		{text: "市委书记姜冬冬主持召开市委常委会会议。",
			want: []string{"TITLE 市委书记", "PER 姜冬冬/市委书记", "MEETING 市委常委会会议", "ORG 市委常委会"},
			not:  []string{"PER 姜", "PER 冬冬"}},
		{text: "国务院总理李强和李强总理都出席了。",
			want: []string{"PER 李强/国务院总理", "PER 李强/总理", "ORG 国务院", "TITLE 国务院总理"}},
		{text: "要支持泰州迈博太科药业有限公司、瑞可达（泰州）电子科技有限公司扩大投资。",
			want: []string{"ORG 泰州迈博太科药业有限公司", "ORG 瑞可达（泰州）电子科技有限公司"},
			not:  []string{"LOC 泰州"}},
		{text: "做强做优泰州医药高新区，推进高端化、从严治党，增强严肃性。",
			want: []string{"ORG 泰州医药高新区"},
			not:  []string{"PER 高新区", "PER 高端化", "PER 从严治党", "PER 严肃性"}},
		{text: "江苏省泰州市和长三角、粤港澳大湾区的合作。",
			want: []string{"LOC 江苏省泰州市", "LOC 长三角", "LOC 粤港澳大湾区"},
			not:  []string{"LOC 江苏省", "LOC 泰州市"}},
		// a district joins the city written before it; roads are not
		// places, nor the place cut from a road's name
		{text: "寄送地址：北京市海淀区复兴路15号，西城区三里河路52号，南京路步行街。",
			want: []string{"LOC 北京市海淀区", "LOC 西城区"},
			not:  []string{"LOC 北京市", "LOC 海淀区", "LOC 三里河", "LOC 南京路", "LOC 南京"}},
		// a place that begins a body's name is part of it
		{text: "成立山东省智能制造专家委员会。",
			not: []string{"LOC 山东省"}},
		{text: "山东省成立专家委员会，支持山东省企业发展。",
			want: []string{"LOC 山东省"}},
		// a county's short form inside a four-character phrase is no place
		{text: "标准是兴国之器；人才兴国，科技强省。",
			not: []string{"LOC 兴国"}},
		{text: "江苏、泰州两地，京津冀协同发展。",
			want: []string{"LOC 江苏", "LOC 泰州", "LOC 京津冀"}},
		{text: "推动沪苏浙皖合作，深化中美、中俄关系。",
			want: []string{"LOC 沪", "LOC 苏", "LOC 浙", "LOC 皖", "LOC 中俄"},
			not:  []string{"LOC 中", "LOC 美", "LOC 俄"}},
		// 中 beside other countries: the relation, not its halves
		{text: "中、俄、德等国专家出席第十五届中俄文化大集，中蒙两国合作。",
			want: []string{"LOC 中蒙"},
			not:  []string{"LOC 中", "LOC 俄", "LOC 德", "LOC 蒙"}},
		{text: "2025年第三季度，上半年，今年以来，9月24日，增长5.2%，增长百分之五，投资5000亿元，下降0.3个百分点。",
			want: []string{"DATE 2025年第三季度", "DATE 上半年", "DATE 今年以来", "DATE 9月24日", "PERCENT 5.2%",
				"PERCENT 百分之五", "MONEY 5000亿元", "PERCENT 0.3个百分点"}},
		{text: "学习《中华人民共和国民法典》和《政府工作报告》，贯彻十四届全国人大三次会议和二十届三中全会精神。",
			want: []string{"DOC 《中华人民共和国民法典》", "DOC 《政府工作报告》", "MEETING 十四届全国人大三次会议", "MEETING 二十届三中全会"}},
		{text: "国务院副总理何立峰、发展改革委、人民银行、省委巡视组出席。",
			want: []string{"TITLE 国务院副总理", "PER 何立峰/国务院副总理", "ORG 发展改革委", "ORG 人民银行", "ORG 省委巡视组"}},
		{text: "美国总统克林顿和俄罗斯总统叶利钦在莫斯科会晤，中美关系。",
			want: []string{"LOC 美国", "PER 克林顿/美国总统", "LOC 俄罗斯", "PER 叶利钦/俄罗斯总统", "LOC 莫斯科", "LOC 中美"},
			not:  []string{"LOC 中", "LOC 美"}},
		{text: "明天有雷阵雨，卫星文明高潮，顾客很荣幸。",
			not: []string{"PER 雷阵雨", "PER 卫星", "PER 文明", "PER 高潮", "PER 顾客"}},
		{text: "北京大学和清华大学的教授。",
			want: []string{"ORG 北京大学", "ORG 清华大学"}, not: []string{"LOC 北京"}},
	}
	x := New(nil)
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := found(x.ExtractTokens(tt.text, cut(t, tt.text)))
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %q in %v", w, got)
				}
			}
			for _, n := range tt.not {
				if slices.Contains(got, n) {
					t.Errorf("unexpected %q in %v", n, got)
				}
			}
		})
	}
}

// TestOffsets checks that mentions point at their text, in Simplified and
// in Traditional, and that PER, ORG and LOC never overlap.
func TestOffsets(t *testing.T) {
	simp := "2025年9月24日，市委书记姜冬冬在泰州医药高新区调研，国务院副总理何立峰出席。"
	trad := "2025年9月24日，市委書記姜冬冬在泰州醫藥高新區調研，國務院副總理何立峰出席。"
	x := New(nil)
	var keys [2][]string
	for i, text := range []string{simp, trad} {
		kind := script.Detect(text).Kind
		probe := analysis.NewInput("t", text, kind, nil)
		toks := cut(t, probe.Folded)
		for j, tk := range toks {
			s, e := probe.TextSpan(int(tk.Start), int(tk.End))
			toks[j] = segment.Token{Text: text[s:e], Start: int32(s), End: int32(e), POS: tk.POS}
		}
		ms := x.Extract(analysis.NewInput("t", text, kind, toks))
		end := -1
		for _, m := range ms {
			if text[m.Start:m.End] != m.Text {
				t.Errorf("%s: %d:%d is %q, not %q", m.Type, m.Start, m.End, text[m.Start:m.End], m.Text)
			}
			keys[i] = append(keys[i], string(m.Type)+" "+m.Key)
			if m.Type == PER || m.Type == ORG || m.Type == LOC {
				if m.Start < end {
					t.Errorf("%s %s overlaps the entity before it", m.Type, m.Text)
				}
				end = m.End
			}
		}
	}
	if fmt.Sprint(keys[0]) != fmt.Sprint(keys[1]) {
		t.Errorf("Traditional differs from Simplified:\n %v\n %v", keys[1], keys[0])
	}
}

func TestUserGazetteer(t *testing.T) {
	text := "迈博太科与瑞可达签约。"
	x := New([]Entry{{Name: "迈博太科", Type: ORG}, {Name: "瑞可達", Type: ORG}})
	got := found(x.ExtractTokens(text, cut(t, text)))
	for _, w := range []string{"ORG 迈博太科", "ORG 瑞可达"} {
		if !slices.Contains(got, w) {
			t.Errorf("missing %q in %v", w, got)
		}
	}
}

func TestParseGazetteer(t *testing.T) {
	tests := []struct {
		in      string
		want    []Entry
		wantErr string
	}{
		{in: "# names\n\n迈博太科 ORG\n姜冬冬\tper\n", want: []Entry{{"迈博太科", ORG}, {"姜冬冬", PER}}},
		{in: "\ufeff泰州 LOC\n", want: []Entry{{"泰州", LOC}}},
		{in: "泰州 LOC\n泰州\n", wantErr: "g.txt:2: want `name type`"},
		{in: "泰州 CITY\n", wantErr: "g.txt:1: unknown entity type"},
	}
	for _, tt := range tests {
		got, err := ParseGazetteer("g.txt", strings.NewReader(tt.in))
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%q: err = %v, want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestCounter(t *testing.T) {
	c := NewCounter()
	c.Add("a", []Mention{{Key: "李强", Text: "李强", Type: PER, Title: "总理"}, {Key: "国务院", Text: "国务院", Type: ORG},
		{Key: "李强", Text: "李强", Type: PER, Title: "国务院总理"}})
	c.Add("b", []Mention{{Key: "李强", Text: "李強", Type: PER}, {Key: "泰州", Text: "泰州", Type: LOC}})
	es := c.Entities()
	var got []string
	for _, e := range es {
		got = append(got, fmt.Sprintf("%s %s %d/%d %v %s", e.Type, e.Key, e.Count, e.Docs, e.Titles, e.Surface()))
	}
	want := []string{"PER 李强 3/2 [国务院总理 总理] 李强", "ORG 国务院 1/1 [] 国务院", "LOC 泰州 1/1 [] 泰州"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	if f := Filter([]Mention{{Type: PER}, {Type: LOC}, {Type: ORG}}, []Type{LOC, ORG}); len(f) != 2 {
		t.Errorf("Filter kept %d", len(f))
	}
}

func TestShortPlace(t *testing.T) {
	for in, want := range map[string]string{"泰州市": "泰州", "江苏省": "江苏", "延边朝鲜族自治州": "延边", "广西壮族自治区": "广西",
		"恭城瑶族自治县": "恭城", "北京": "", "沙市": ""} {
		if got := shortPlace(in); got != want {
			t.Errorf("shortPlace(%s) = %q, want %q", in, got, want)
		}
	}
}

func TestNoPanicOnOddInput(t *testing.T) {
	x := New(nil)
	for _, text := range []string{"", "。", "《", "》《》", "（", "）（）公司", "·", "王", "李强", "5%", "abc 公司 ", strings.Repeat("的", 500)} {
		x.ExtractTokens(text, cut(t, text))
	}
}

// FuzzExtract checks that any text gives mentions inside it, at rune
// boundaries, with the text they claim.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{"市委书记姜冬冬在泰州医药高新区调研。", "《》（）公司", "國務院副總理何立峰", "2025年5.2%百分之五"} {
		f.Add(s)
	}
	x := New([]Entry{{Name: "迈博太科", Type: ORG}})
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		kind := script.Detect(text).Kind
		probe := analysis.NewInput("f", text, kind, nil)
		toks := cut(t, probe.Folded)
		for j, tk := range toks {
			s, e := probe.TextSpan(int(tk.Start), int(tk.End))
			toks[j] = segment.Token{Text: text[s:e], Start: int32(s), End: int32(e), POS: tk.POS}
		}
		for _, m := range x.Extract(analysis.NewInput("f", text, kind, toks)) {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text ||
				!utf8.RuneStart(text[m.Start]) {
				t.Fatalf("bad mention %+v in %q", m, text)
			}
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	path := filepath.Join("..", "..", "..", "testdata", "entities", "central_report.txt")
	src, err := os.ReadFile(path)
	if err != nil {
		b.Skip(err)
	}
	text := strings.Repeat(string(src), 20)
	toks := cut(b, text)
	x := New(nil)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		x.ExtractTokens(text, toks)
	}
}

// BenchmarkExtractReport recognises the entities of a provincial report of
// the shared corpus (segmented once, outside the timing).
func BenchmarkExtractReport(b *testing.B) {
	path := testenv.Shared(b, "corpus", "provincial_gwr_2026", "2026_陕西省.txt")
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	text := string(src)
	toks := cut(b, text)
	x := New(nil)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		x.ExtractTokens(text, toks)
	}
}
