package normalize

import (
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"
)

const example = "市委常委會(huì)在醫(yī)藥高新區(qū)調(diào)研"
const exampleClean = "市委常委會在醫藥高新區調研"

func TestCleanExample(t *testing.T) {
	r := Clean(example, DefaultOptions())
	if r.Text != exampleClean {
		t.Fatalf("Clean(%q) = %q, want %q", example, r.Text, exampleClean)
	}
	want := []Change{
		{ChangePinyin, 15, 21, "(huì)", "", ""},
		{ChangePinyin, 27, 32, "(yī)", "", ""},
		{ChangePinyin, 44, 49, "(qū)", "", ""},
		{ChangePinyin, 52, 59, "(diào)", "", ""},
	}
	if len(r.Changes) != len(want) {
		t.Fatalf("Changes = %+v, want %+v", r.Changes, want)
	}
	for i, c := range r.Changes {
		if c != want[i] {
			t.Errorf("Changes[%d] = %+v, want %+v", i, c, want[i])
		}
		if example[c.Start:c.End] != c.Old {
			t.Errorf("Changes[%d]: original[%d:%d] = %q, Old = %q", i, c.Start, c.End, example[c.Start:c.End], c.Old)
		}
	}
}

func TestPinyin(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"tone digit", "会(hui4)议", "会议"},
		{"full-width parens", "会（huì）议", "会议"},
		{"two syllables with space", "调研(diào yán)工作", "调研工作"},
		{"two syllables with comma", "调研(diào,yán)工作", "调研工作"},
		{"two syllables with full-width comma", "调研（diào，yán）工作", "调研工作"},
		{"three syllables", "高新区(gāo xīn qū)", "高新区"},
		{"more syllables than characters", "研(diào yán)究", "研(diào yán)究"},
		{"u umlaut", "女(nǚ)士", "女士"},
		{"v for u umlaut", "率(lv4)先", "率先"},
		{"u colon", "率(lu:4)先", "率先"},
		{"lue variant", "略(lüè)", "略"},
		{"neutral tone digit", "的(de5)", "的"},
		{"capitalised with tone mark", "会(Huì)议", "会议"},
		{"upper case with tone mark", "会(HUÌ)议", "会议"},
		{"capitalised with digit", "会(Hui4)议", "会议"},
		{"nasal interjection", "嗯(ń)", "嗯"},
		{"nasal caron", "嗯(ňg)", "嗯"},
		{"space inside", "会( huì )议", "会议"},
		{"full-width letters inside", "会(ｈｕì)议", "会议"},
		{"zero-width space before paren", "会\u200b(huì)议", "会议"},
		{"several annotations in a row", "會(huì)(huì)", "會"},
		{"traditional with multi", "醫藥(yī yào)", "醫藥"},
		{"dictionary alpha and script g", "港(ɡǎnɡ)", "港"},

		// Must stay.
		{"WTO", "加入(WTO)以来", "加入(WTO)以来"},
		{"GDP", "生产总值(GDP)增长", "生产总值(GDP)增长"},
		{"Han in parens", "地区(江苏)", "地区(江苏)"},
		{"year", "年度(2025)", "年度(2025)"},
		{"Chinese numeral", "第(一)条", "第(一)条"},
		{"trial", "办法(试行)", "办法(试行)"},
		{"after non-Han", "plan(an)", "plan(an)"},
		{"after non-Han with tone", "abc(huì)", "abc(huì)"},
		{"space before paren", "会 (huì)议", "会 (huì)议"},
		{"weak without evidence", "会(hui)议", "会(hui)议"},
		{"list marker", "措施(a)加强", "措施(a)加强"},
		{"list marker e", "措施(e)加强", "措施(e)加强"},
		{"hectare", "面积120公顷(ha)", "面积120公顷(ha)"},
		{"not a syllable", "咖啡(café)", "咖啡(café)"},
		{"two tone marks", "会(hùì)", "会(hùì)"},
		{"mark and digit", "会(huì4)", "会(huì4)"},
		{"bad tone digit", "会(hui6)", "会(hui6)"},
		{"unclosed", "会(hui4议", "会(hui4议"},
		{"mismatched parens", "会(huì）议", "会(huì）议"},
		{"line break inside", "会(huì\n)议", "会(huì\n)议"},
		{"upper case toneless", "会(Hui)议", "会(Hui)议"},
		{"all caps with digit", "会(HUI4)议", "会(HUI4)议"},
		{"toneless nasal", "嗯(n)", "嗯(n)"},
		{"word not split", "中国(Zhōngguó)", "中国(Zhōngguó)"},
		{"empty", "会()议", "会()议"},
		{"lone letter with digit is weak", "附表(a1)", "附表(a1)"},
		{"ordinary English", "中国(China)", "中国(China)"},
		{"unit", "面积(km)", "面积(km)"},

		// Weak annotations go when the document clearly carries annotations.
		{"evidence removes weak", "會(huì)議(yì)第(a)条(tiao)", "會議第条"},
		{"one toned syllable is not evidence", "會(huì)第(a)条", "會第(a)条"},
		{"multi-syllable counts as evidence", "调研(diào yán)会(hui)", "调研会"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Clean(tt.in, DefaultOptions())
			if r.Text != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, r.Text, tt.want)
			}
			checkResult(t, tt.in, r, DefaultOptions())
		})
	}
}

func TestPinyinNeedsInvisibleForZeroWidth(t *testing.T) {
	opts := DefaultOptions()
	opts.Invisible = false
	in := "会\u200b(huì)议"
	if got := Clean(in, opts).Text; got != in {
		t.Errorf("Clean(%q) without Invisible = %q, want unchanged", in, got)
	}
}

func TestSyllableTable(t *testing.T) {
	set := pinyinSyllables()
	normal := 0
	for _, k := range set {
		if k == syllableNormal {
			normal++
		}
	}
	if normal < 395 || normal > 420 {
		t.Errorf("syllable table has %d syllables, want about 410", normal)
	}
	for _, s := range []string{"zhuang", "shuang", "chuang", "lve", "nv", "jiong", "er", "yo", "a", "e", "o", "dia", "shei", "ri"} {
		if set[s] != syllableNormal {
			t.Errorf("%q missing from the syllable table", s)
		}
	}
	for _, s := range []string{"wto", "gdp", "ji\u0300", "bie1", "fiao", "jv", "shong", "bong", "gi", "zhi1", "kin", "ha1", "an2"} {
		if set[s] == syllableNormal {
			t.Errorf("%q should not be in the syllable table", s)
		}
	}
}

func TestInvisibleAndSpaces(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"zero-width space", "国务\u200b院", "国务院"},
		{"BOM", "\ufeff政府工作报告", "政府工作报告"},
		{"soft hyphen", "re\u00adform", "reform"},
		{"bidi marks", "\u202a文件\u202c\u200e\u2066x\u2069", "文件x"},
		{"word joiner", "发展\u2060改革", "发展改革"},
		{"NBSP", "第一条\u00a0总则", "第一条 总则"},
		{"ideographic space indentation", "\u3000\u3000为了贯彻落实", "  为了贯彻落实"},
		{"ideographic space between words", "国务院\u3000办公厅", "国务院 办公厅"},
		{"thin and narrow spaces", "a\u2009b\u202fc\u205fd", "a b c d"},
		{"tab kept", "a\tb", "a\tb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Clean(tt.in, DefaultOptions())
			if r.Text != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, r.Text, tt.want)
			}
			checkResult(t, tt.in, r, DefaultOptions())
		})
	}
}

func TestWidth(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"letters digits and decimal point", "ＧＤＰ增长５．２％", "GDP增长5.2％"},
		{"lower case", "ａｂｃ", "abc"},
		{"punctuation kept", "（一）坚持稳中求进，推动高质量发展：", "（一）坚持稳中求进，推动高质量发展："},
		{"full stop not between digits", "第５．", "第5．"},
		{"full stop after letter", "Ａ．Ｂ", "A．B"},
		{"decimal across zero-width space", "５\u200b．２", "5.2"},
		{"half-width digits around full stop", "5．2", "5.2"},
		{"percent and plus kept", "＋５％", "＋5％"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Clean(tt.in, DefaultOptions())
			if r.Text != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, r.Text, tt.want)
			}
			checkResult(t, tt.in, r, DefaultOptions())
		})
	}
}

func TestLineEnds(t *testing.T) {
	in := "第一行\r\n第二行\r第三行\n\r\n"
	r := Clean(in, DefaultOptions())
	if want := "第一行\n第二行\n第三行\n\n"; r.Text != want {
		t.Errorf("Clean(%q) = %q, want %q", in, r.Text, want)
	}
	want := []Change{
		{ChangeLineEnd, 9, 11, "\r\n", "\n", ""},
		{ChangeLineEnd, 20, 21, "\r", "\n", ""},
		{ChangeLineEnd, 31, 33, "\r\n", "\n", ""},
	}
	if len(r.Changes) != len(want) {
		t.Fatalf("Changes = %+v, want %+v", r.Changes, want)
	}
	for i := range want {
		if r.Changes[i] != want[i] {
			t.Errorf("Changes[%d] = %+v, want %+v", i, r.Changes[i], want[i])
		}
	}
	checkResult(t, in, r, DefaultOptions())
}

func TestBoilerplate(t *testing.T) {
	lines := []string{
		"【字号 大 中 小】",
		"字号：大 中 小",
		"【字体：大 中 小】",
		"【打印本页】【关闭窗口】",
		"打印 | 关闭",
		"打印丨关闭",
		"分享到：",
		"分享到： 微信 微博 QQ空间",
		"责任编辑：张三",
		"(责任编辑：李四)",
		"（责任编辑：王五）",
		"来源：XX 发布时间：2024-01-02 浏览次数：123",
		"发布时间：2024-01-02 10:30:00",
		"来源：新华社 作者：李明",
		"来源：新华社",
		"来源：北京日报",
		"扫一扫在手机打开当前页",
		"相关链接",
		"上一篇/下一篇",
		"上一篇：关于开展专项检查的通知",
		"【纠错】",
		"附件下载",
		"  【打印】 【关闭】  ",
		"\u3000【返回顶部】",
		"ＱＱ空间", // not after 分享: stays, see below
	}
	for _, line := range lines[:len(lines)-1] {
		in := "正文第一段。\n" + line + "\n正文第二段。"
		r := Clean(in, DefaultOptions())
		if want := "正文第一段。\n正文第二段。"; r.Text != want {
			t.Errorf("line %q: Clean = %q, want %q", line, r.Text, want)
		}
		if len(r.Changes) != 1 || r.Changes[0].Kind != ChangeBoilerplate || r.Changes[0].Old != line+"\n" {
			t.Errorf("line %q: Changes = %+v, want one boilerplate change", line, r.Changes)
		}
		checkResult(t, in, r, DefaultOptions())
	}

	keep := []string{
		"ＱＱ空间",
		"请各单位及时打印并分享本通知。",
		"分享到朋友圈",
		"打印机采购项目",
		"时间：2024年1月2日 地点：市政府",
		"编辑部",
		"大 中 小",
		"附件",
		"附件：1.实施方案",
		"责任编辑：张三，李四负责审核。",
		"打印" + strings.Repeat(" 关闭", 40),
		"上一篇文章指出，要加强管理",
		"---",
	}
	for _, line := range keep {
		in := "正文。\n" + line + "\n正文。"
		r := Clean(in, DefaultOptions())
		want := Clean(line, Options{Width: true}).Text
		if r.Text != "正文。\n"+want+"\n正文。" {
			t.Errorf("line %q must stay: Clean = %q", line, r.Text)
		}
	}
}

func TestBoilerplateLineEnds(t *testing.T) {
	tests := []struct{ in, want string }{
		{"打印 | 关闭", ""},
		{"正文\n打印 | 关闭", "正文\n"},
		{"打印 | 关闭\r\n正文", "正文"},
		{"正文\r\n分享到：\r\n\r\n尾", "正文\n\n尾"},
		{"打印\n关闭\n", ""},
		{"打\u200b印", ""},
		{"责任编辑：张(zhāng)三", ""},
	}
	for _, tt := range tests {
		r := Clean(tt.in, DefaultOptions())
		if r.Text != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, r.Text, tt.want)
		}
		checkResult(t, tt.in, r, DefaultOptions())
	}
}

func TestOptionsOff(t *testing.T) {
	in := "會(huì)\u200b\u00a0ＧＤＰ\r\n打印 | 关闭\n"
	r := Clean(in, Options{})
	if r.Text != in || r.Changed() {
		t.Errorf("Clean with no options = %q (%d changes), want input unchanged", r.Text, len(r.Changes))
	}
	tests := []struct {
		opts Options
		want string
	}{
		{Options{Pinyin: true}, "會\u200b\u00a0ＧＤＰ\r\n打印 | 关闭\n"},
		{Options{Invisible: true}, "會(huì) ＧＤＰ\r\n打印 | 关闭\n"},
		{Options{Width: true}, "會(huì)\u200b\u00a0GDP\r\n打印 | 关闭\n"},
		{Options{LineEnds: true}, "會(huì)\u200b\u00a0ＧＤＰ\n打印 | 关闭\n"},
		{Options{Boilerplate: true}, "會(huì)\u200b\u00a0ＧＤＰ\r\n"},
	}
	for _, tt := range tests {
		r := Clean(in, tt.opts)
		if r.Text != tt.want {
			t.Errorf("Clean(%+v) = %q, want %q", tt.opts, r.Text, tt.want)
		}
		checkResult(t, in, r, tt.opts)
	}
}

func TestInvalidUTF8(t *testing.T) {
	in := "政策\xff\xfe文件\xe4\xb8"
	for _, opts := range []Options{{}, DefaultOptions()} {
		r := Clean(in, opts)
		if want := "政策\uFFFD\uFFFD文件\uFFFD\uFFFD"; r.Text != want {
			t.Errorf("Clean(%q, %+v) = %q, want %q", in, opts, r.Text, want)
		}
		if !utf8.ValidString(r.Text) {
			t.Errorf("Clean(%q) is not valid UTF-8", in)
		}
		if len(r.Changes) != 2 || r.Changes[0] != (Change{ChangeInvalid, 6, 8, "\xff\xfe", "\uFFFD\uFFFD", ""}) {
			t.Errorf("Changes = %+v", r.Changes)
		}
		checkResult(t, in, r, opts)
	}
}

func TestFastPath(t *testing.T) {
	in := strings.Repeat("坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。\n一、总体要求\n", 50)
	r := Clean(in, DefaultOptions())
	if r.Text != in || r.Changed() {
		t.Fatalf("clean text was changed")
	}
	if unsafe.StringData(r.Text) != unsafe.StringData(in) {
		t.Errorf("clean text was copied; want the input string itself")
	}
	// The allocations do not grow with the text: the boilerplate pass keeps one record a
	// line, allocated once.
	allocs := testing.AllocsPerRun(20, func() { Clean(in, DefaultOptions()) })
	long := strings.Repeat(in, 10)
	allocsLong := testing.AllocsPerRun(5, func() { Clean(long, DefaultOptions()) })
	if allocs > 6 || allocsLong != allocs {
		t.Errorf("Clean of clean text allocates %v times (%v for ten times the text), want a few, whatever the size", allocs, allocsLong)
	}
	if allocs := testing.AllocsPerRun(20, func() { Clean(in, Options{Pinyin: true, Invisible: true, Width: true, LineEnds: true}) }); allocs > 1 {
		t.Errorf("Clean of clean text without the boilerplate pass allocates %v times, want at most 1 (the Result)", allocs)
	}
	if got := r.Original(9); got != 9 {
		t.Errorf("identity Original(9) = %d", got)
	}
}

func TestIdempotentCases(t *testing.T) {
	cases := []string{
		example,
		"會(huì)(huì)議",
		"会(a会(ā)o)",
		"会(hui)(huì)(huì)",
		"分享到(fēn)：",
		"５\u200b．\u200b２",
		"打印\r关闭\n\r\n",
		"X\r打印\n\n",
		"\xff(huì)",
		"会\u00a0(huì)",
		"（\u3000huì\u3000）",
		"会（ｈｕì）",
	}
	for _, in := range cases {
		for mask := 0; mask < 64; mask++ {
			opts := optionsFromMask(uint8(mask))
			r := Clean(in, opts)
			if again := Clean(r.Text, opts).Text; again != r.Text {
				t.Errorf("not idempotent with %+v: %q → %q → %q", opts, in, r.Text, again)
			}
			checkResult(t, in, r, opts)
		}
	}
}

func TestConcurrentClean(t *testing.T) {
	// The lookup tables are built lazily on first use; run under -race.
	done := make(chan *Result)
	for range 8 {
		go func() { done <- Clean(example+"\n责任编辑：张三", DefaultOptions()) }()
	}
	for range 8 {
		if r := <-done; r.Text != exampleClean+"\n" {
			t.Errorf("Clean = %q", r.Text)
		}
	}
}

func optionsFromMask(m uint8) Options {
	return Options{
		Pinyin:      m&1 != 0,
		Invisible:   m&2 != 0,
		Width:       m&4 != 0,
		LineEnds:    m&8 != 0,
		Boilerplate: m&16 != 0,
		Unwrap:      m&32 != 0,
	}
}
