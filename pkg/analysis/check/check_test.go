package check

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"zhpolicy/pkg/input"
)

func doc(format, text string) *Document {
	return &Document{Name: "d", Format: format, Encoding: input.EncUTF8, Size: int64(len(text)), Text: text}
}

// short renders findings as "line:col rule text" for comparison.
func short(fs []Finding) []string {
	out := make([]string, 0, len(fs))
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%d:%d %s %s", f.Line, f.Column, f.Rule, f.Text))
	}
	return out
}

func only(rule string, mod func(*Settings)) *Settings {
	s := DefaultSettings()
	for _, r := range registry {
		if r.ID != rule {
			s.SetSeverity(r.ID, Off)
		}
	}
	if mod != nil {
		mod(s)
	}
	if err := s.compile(); err != nil {
		panic(err)
	}
	return s
}

func TestRules(t *testing.T) {
	terms := func(s *Settings) {
		s.terms = []Term{
			{Kind: TermForbidden, Text: "数字化转型", Replace: "数智化转型"},
			{Kind: TermOutdated, Text: "十三五规划", Replace: "十四五规划"},
			{Kind: TermRequired, Text: "高质量发展"},
		}
	}
	tests := []struct {
		name   string
		rule   string
		format string
		text   string
		mod    func(*Settings)
		want   []string
	}{
		{"pinyin positive", RulePinyin, "text", "市委常委會(huì)在醫(yī)藥高新區調研", nil,
			[]string{"1:6 pinyin-annotation (huì)", "1:13 pinyin-annotation (yī)"}},
		{"pinyin negative", RulePinyin, "text", "加入世界贸易组织(WTO)，(试行)，第(a)项", nil, nil},
		{"script-mix positive", RuleScriptMix, "text", "推动经济高质量發展，加快建设现代化产业体系，各地區要抓好落实。", nil,
			[]string{"1:8 script-mix 發", "1:25 script-mix 區"}},
		{"script-mix negative", RuleScriptMix, "text", "推动经济高质量发展，着力扩大国内需求，后续工作。", nil, nil},
		// Standard characters of the 通用规范汉字表 are never named (昇, 吒),
		// nor a character OpenCC keeps in its context (哪吒).
		{"script-mix standard characters", RuleScriptMix, "text", "《哪吒2》票房创纪录，昇腾芯片加快应用，陞、甦、祕鲁。", nil, nil},
		// 濛 is not in the table (its appendix lists it as a Traditional
		// form of 蒙; Unihan kTGHZ2013): named, with OpenCC's 蒙.
		{"script-mix a Traditional form outside the table", RuleScriptMix, "text", "濛溪河遗址的发掘", nil,
			[]string{"1:1 script-mix 濛"}},
		{"script-mix traditional expected", RuleScriptMix, "text", "推動經濟发展", func(s *Settings) { s.Script = ScriptTraditional },
			[]string{"1:5 script-mix 发"}},
		{"script-mix whole document in the other script", RuleScriptMix, "text", "推動經濟發展，擴大內需。", func(s *Settings) { s.Script = ScriptSimplified },
			[]string{"1:2 script-mix 動經濟發"}},
		{"width punctuation", RuleWidth, "text", "发展,改革; 开放。注:无", nil,
			[]string{"1:3 width ,", "1:6 width ; ", "1:12 width :"}},
		{"width alnum and parens", RuleWidth, "text", "增长５．２％\n(一)总体要求", nil,
			[]string{"1:3 width ５．２", "2:1 width (一)"}},
		{"width: a heading number takes 、", RuleWidth, "text", "十二.总体要求", func(s *Settings) { s.WidthAlnum = false },
			[]string{"1:3 width ."}},
		{"width negative", RuleWidth, "text", "GDP增长5.2%，(WTO)，时间:2025，1,000", nil, nil},
		{"brackets positive", RuleBrackets, "text", "依照《数据法的规定\n会议（扩大)审议\n落实」。", nil,
			[]string{"1:3 brackets 《", "2:6 brackets )", "3:3 brackets 」"}},
		{"brackets negative", RuleBrackets, "text", "《数据安全法》（2021年）“数字中国”\n1）道路；2）设施\n他说：“第一段\n“第二段。”", nil, nil},
		{"brackets in markdown code are ignored", RuleBrackets, "markdown", "正文《标题》\n\n```\n《未闭合\n```\n`（` 行内\n", nil, nil},
		{"term positive, either script", RuleTerm, "text", "推動數字化轉型，落實十三五规划", terms,
			[]string{"1:1 term ", "1:3 term 數字化轉型", "1:11 term 十三五规划"}},
		{"term across a pinyin annotation", RuleTerm, "text", "推动高质量发展，数字化(huà)转型，", terms,
			[]string{"1:9 term 数字化(huà)转型"}},
		{"term negative", RuleTerm, "text", "推动高质量发展，落实十四五规划", terms, nil},
		{"invisible positive", RuleInvisible, "text", "高质量\u200b发展", nil, []string{"1:4 invisible \u200b"}},
		{"invisible negative", RuleInvisible, "text", "\u3000\u3000高质量发展", nil, nil},
		{"empty positive", RuleEmpty, "markdown", "\n<!-- 空 -->\n", nil, []string{"1:1 empty "}},
		{"empty negative", RuleEmpty, "text", "内容", nil, nil},
		{"size positive", RuleSize, "text", strings.Repeat("字", 40), func(s *Settings) { s.MaxSize = 100 }, []string{"1:1 size "}},
		{"size negative", RuleSize, "text", "字", func(s *Settings) { s.MaxSize = 100 }, nil},
		{"html markup and entities", RuleBrackets, "html", "<p title=\"《\">依照&ldquo;数据法</p>\n<p>第二段&rdquo;</p>", nil,
			[]string{"1:16 brackets &ldquo;", "2:7 brackets &rdquo;"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Check(doc(tt.format, tt.text), only(tt.rule, tt.mod))
			got := short(res.Findings)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			for _, f := range res.Findings {
				if f.Message == "" || f.Severity == Off || f.File != "d" {
					t.Errorf("incomplete finding %+v", f)
				}
			}
		})
	}
}

func TestEncodingRule(t *testing.T) {
	tests := []struct {
		name string
		d    *Document
		mod  func(*Settings)
		want []string
	}{
		{"utf-8", &Document{Name: "a", Format: "text", Encoding: "utf-8", Text: "好", Size: 3}, nil, nil},
		{"gb18030", &Document{Name: "a", Format: "text", Encoding: "gb18030", Text: "好", Size: 2}, nil, []string{"1:1 encoding "}},
		{"gb18030 allowed", &Document{Name: "a", Format: "text", Encoding: "gb18030", Text: "好", Size: 2},
			func(s *Settings) { s.Encodings = []string{"utf-8", "gb18030"} }, nil},
		{"bom allowed", &Document{Name: "a", Format: "text", Encoding: "utf-8-bom", Text: "好", Size: 6}, nil, nil},
		{"bom forbidden", &Document{Name: "a", Format: "text", Encoding: "utf-8-bom", Text: "好", Size: 6},
			func(s *Settings) { s.BOM = BOMForbid }, []string{"1:1 encoding "}},
		{"bom required", &Document{Name: "a", Format: "text", Encoding: "utf-8", Text: "好", Size: 3},
			func(s *Settings) { s.BOM = BOMRequire }, []string{"1:1 encoding "}},
		{"undecodable", &Document{Name: "a", Format: "text", Encoding: "utf-8", Text: "好\n坏\uFFFD\uFFFD了\uFFFD", Size: 9,
			Warnings: []input.Warning{{Offset: 7, Message: "3 invalid utf-8 byte sequences replaced"}}}, nil,
			[]string{"2:2 encoding \uFFFD\uFFFD", "2:5 encoding \uFFFD"}},
		{"legitimate U+FFFD without a warning", &Document{Name: "a", Format: "text", Encoding: "utf-8", Text: "\uFFFD", Size: 3}, nil, nil},
		{"binary", &Document{Name: "a", Size: 9, Problem: "not a text file"}, nil, []string{"1:1 encoding "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := short(Check(tt.d, only(RuleEncoding, tt.mod)).Findings)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// Columns count characters, offsets count bytes, and both point at the text.
func TestPositions(t *testing.T) {
	text := "第一行\n\t發展，ａ\r\n第三行會(huì)"
	s := only(RuleScriptMix, func(s *Settings) { s.Script = ScriptSimplified })
	s.SetSeverity(RulePinyin, Error)
	s.SetSeverity(RuleWidth, Warning)
	res := Check(doc("text", text), s)
	want := map[string][2]int{"發": {2, 2}, "ａ": {2, 5}, "(huì)": {3, 5}}
	if len(res.Findings) != len(want) {
		t.Fatalf("findings %q", short(res.Findings))
	}
	for _, f := range res.Findings {
		w, ok := want[f.Text]
		if !ok || f.Line != w[0] || f.Column != w[1] {
			t.Errorf("%q at %d:%d, want %v", f.Text, f.Line, f.Column, w)
		}
		if text[f.Offset:f.EndOffset] != f.Text {
			t.Errorf("offsets [%d,%d) give %q, want %q", f.Offset, f.EndOffset, text[f.Offset:f.EndOffset], f.Text)
		}
	}
}

func TestSuppression(t *testing.T) {
	text := strings.Join([]string{
		"发展,一", // 1: reported
		"<!-- zhpolicy-disable-next-line width -->", // 2
		"发展,二", // 3: silenced
		"发展,三 <!-- zhpolicy-disable-line -->",       // 4: silenced
		"<!-- zhpolicy-disable width -- 引文原样保留 -->", // 5
		"发展,四",                           // 6: silenced
		"<!-- zhpolicy-enable width -->", // 7
		"发展,五",                           // 8: reported
		"<!-- zhpolicy-disable-next-line brackets -->", // 9
		"发展,六", // 10: reported (other rule)
	}, "\n")
	res := Check(doc("markdown", text), only(RuleWidth, nil))
	var lines []int
	for _, f := range res.Findings {
		lines = append(lines, f.Line)
	}
	if fmt.Sprint(lines) != "[1 8 10]" || res.Suppressed != 3 {
		t.Errorf("reported on lines %v (%d suppressed), want [1 8 10] and 3", lines, res.Suppressed)
	}
	res = Check(doc("html", "<!-- zhpolicy-disable-file -->\n<p>发展,一</p>"), only(RuleWidth, nil))
	if len(res.Findings) != 0 || res.Suppressed != 1 {
		t.Errorf("disable-file in HTML: %q", short(res.Findings))
	}
	// Comments in plain text are text, not directives.
	res = Check(doc("text", "<!-- zhpolicy-disable-file -->\n发展,一"), only(RuleWidth, nil))
	if len(res.Findings) != 1 {
		t.Errorf("plain text: %q", short(res.Findings))
	}
	// Corpus-level findings ask the document.
	res = Check(doc("markdown", "<!-- zhpolicy-disable-file duplicate -->\n正文"), nil)
	if !res.Suppresses(Finding{Rule: RuleDuplicate, Line: 1, Column: 1}) || res.Suppresses(Finding{Rule: RuleWidth, Line: 1}) {
		t.Error("Suppresses does not follow disable-file")
	}
}

func TestMaskKeepsOffsets(t *testing.T) {
	inputs := []struct{ format, text string }{
		{"markdown", "---\ntitle: 《\n---\n# 标题\n正文`代码（`和[链接](http://x.cn/《)与<span class=\"a\">标签</span>。\n<!--\n多行《注释\n-->\n```go\nfunc（）\n```\n尾"},
		{"html", "<!DOCTYPE html><html><head><style>p{content:\"《\"}</style><script>var a=\"（\";</script></head>\n<body><p>正文&nbsp;&ldquo;引文&rdquo;</p><!-- 注释《 --></body></html>"},
		{"html", "<p>未闭合的 <b"},
	}
	for _, in := range inputs {
		m := prepareMarkup(in.text, in.format)
		if len(m.masked) != len(in.text) {
			t.Fatalf("%s: masked length %d, want %d", in.format, len(m.masked), len(in.text))
		}
		for i := range in.text {
			if (in.text[i] == '\n') != (m.masked[i] == '\n') {
				t.Fatalf("%s: line break moved at %d", in.format, i)
			}
		}
		for _, bad := range []string{"《", "（", "http", "span", "style"} {
			if strings.Contains(m.masked, bad) {
				t.Errorf("%s: %q left in %q", in.format, bad, m.masked)
			}
		}
	}
}

func FuzzMask(f *testing.F) {
	f.Add("<p>a&amp;b</p><!-- x", "html")
	f.Add("```\n`a`\n[x](y)", "markdown")
	strict := DefaultSettings()
	strict.Script = ScriptSimplified
	strict.ScriptFix = true
	strict.terms = []Term{{Kind: TermForbidden, Text: "發展"}, {Kind: TermOutdated, Text: "a", Replace: "b"}, {Kind: TermRequired, Text: "要"}}
	if err := strict.compile(); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, format string) {
		m := prepareMarkup(text, format)
		if len(m.masked) != len(text) {
			t.Fatalf("masked length %d, want %d", len(m.masked), len(text))
		}
		d := &Document{Name: "f", Format: format, Encoding: "utf-8", Text: text, Size: int64(len(text))}
		for _, s := range []*Settings{nil, strict} {
			for _, fd := range Check(d, s).Findings {
				if fd.Offset < 0 || fd.EndOffset > len(text) || fd.Offset > fd.EndOffset || fd.Line < 1 || fd.Column < 1 {
					t.Fatalf("bad position %+v", fd)
				}
			}
		}
		Fix(d, strict)
	})
}

func TestFixIsIdempotent(t *testing.T) {
	text := "市委常委會(huì),在醫(yī)藥高新區調研\u200b。增长５．２％\n(一)总体要求;落实。\n"
	s := DefaultSettings()
	fixed := Fix(doc("text", text), s)
	want := "市委常委會，在醫藥高新區調研。增长5.2％\n（一）总体要求；落实。\n"
	if fixed.Text != want {
		t.Fatalf("fixed text:\n%q\nwant\n%q", fixed.Text, want)
	}
	if fixed.Applied[RulePinyin] != 2 || fixed.Applied[RuleWidth] < 3 || fixed.Applied[RuleInvisible] != 1 {
		t.Errorf("applied %v", fixed.Applied)
	}
	again := Fix(doc("text", fixed.Text), s)
	if again.Changed() || again.Text != fixed.Text {
		t.Errorf("second fix changed %v: %q", again.Applied, again.Text)
	}
	for _, f := range again.Findings {
		if f.Fixable {
			t.Errorf("fixable finding left: %v", f)
		}
	}
	// script-mix repairs only when configured, in the context of the line.
	s.Script = ScriptSimplified
	mixed := "推动经济高质量發展，头發要整齐。加快建设。"
	if got := Fix(doc("text", mixed), s).Text; got != mixed {
		t.Errorf("script fixed without fix: true: %q", got)
	}
	s.ScriptFix = true
	if got := Fix(doc("text", mixed), s).Text; got != "推动经济高质量发展，头发要整齐。加快建设。" {
		t.Errorf("script fix: %q", got)
	}
	// DOCX text is never rewritten.
	d := doc("docx", "发展,改革")
	if f := Fix(d, DefaultSettings()); f.Changed() {
		t.Error("docx fixed")
	}
}

func TestApplyEditsSkipsOverlaps(t *testing.T) {
	fs := []Finding{
		{Rule: "a", Edits: []Edit{{Start: 0, End: 2, New: "X"}}},
		{Rule: "b", Edits: []Edit{{Start: 1, End: 3, New: "Y"}}},
		{Rule: "c", Edits: []Edit{{Start: 4, End: 5, New: "Z"}, {Start: 6, End: 6, New: "!"}}},
	}
	got, applied := ApplyEdits("abcdefg", fs)
	if got != "Xcd"+"Z"+"f!g" || len(applied) != 2 {
		t.Errorf("got %q, %d applied", got, len(applied))
	}
}

func TestUnifiedDiff(t *testing.T) {
	old := "一\n二\n三\n四\n五\n六\n七\n八\n九\n十\n"
	new := "一\n二\n3\n四\n五\n六\n七\n八\n九\n10\n"
	want := "--- a/x.txt\n+++ b/x.txt\n@@ -1,10 +1,10 @@\n 一\n 二\n-三\n+3\n 四\n 五\n 六\n 七\n 八\n 九\n-十\n+10\n"
	if got := UnifiedDiff("x.txt", old, new); got != want {
		t.Errorf("diff:\n%s\nwant:\n%s", got, want)
	}
	old2 := strings.Repeat("行\n", 20) + "尾"
	new2 := "首\n" + strings.Repeat("行\n", 20) + "尾巴"
	want2 := "--- a/y\n+++ b/y\n@@ -1,3 +1,4 @@\n+首\n 行\n 行\n 行\n@@ -18,4 +19,4 @@\n 行\n 行\n 行\n-尾\n\\ No newline at end of file\n+尾巴\n\\ No newline at end of file\n"
	if got := UnifiedDiff("y", old2, new2); got != want2 {
		t.Errorf("diff:\n%s\nwant:\n%s", got, want2)
	}
	if UnifiedDiff("z", "同", "同") != "" {
		t.Error("diff of equal texts")
	}
}

func TestDuplicates(t *testing.T) {
	base := strings.Repeat("坚持稳中求进工作总基调完整准确全面贯彻新发展理念加快构建新发展格局着力推动高质量发展", 3)
	texts := []string{
		base,
		"政府工作报告" + base[:len(base)-len("高质量发展")] + "高水平发展", // near
		"全然不同的一篇通知，关于做好春季农业生产工作，各市农业农村局要抓好春耕备耕，稳定粮食播种面积，加强农资供应保障。",
		base,                  // identical to 0
		"短",                   // too short
		strings.ToUpper(base), // identical again (letters lower-cased, nothing to change here)
	}
	norms := make([]string, len(texts))
	fps := make([]Fingerprint, len(texts))
	for i, tx := range texts {
		norms[i] = normaliseForDuplicates(tx)
		fps[i] = fingerprint(norms[i], 20)
	}
	calls := 0
	pairs := FindDuplicates(fps, 0.8, func(i, j int) (float64, bool) {
		calls++
		return Similarity(norms[i], norms[j]), true
	})
	got := make([]string, 0, len(pairs))
	for _, p := range pairs {
		got = append(got, fmt.Sprintf("%d-%d %.2f %v", p.First, p.Second, p.Similarity, p.Identical))
	}
	if strings.Join(got, " | ") != "0-1 0.81 false | 0-3 1.00 true | 0-5 1.00 true" {
		t.Errorf("pairs: %v", got)
	}
	if calls == 0 || calls > 3 {
		t.Errorf("%d exact comparisons", calls)
	}
	if s := Similarity(norms[0], norms[2]); s > 0.1 {
		t.Errorf("unrelated texts similarity %.2f", s)
	}
	f := DuplicateFinding("b.txt", "a.txt", DuplicatePair{Similarity: 0.998})
	if !strings.Contains(f.Message, "0.99") || f.Related != "a.txt" {
		t.Errorf("finding %+v", f)
	}
}

func TestGlob(t *testing.T) {
	tests := []struct {
		pat, path string
		want      bool
	}{
		{"*.md", "a.md", true},
		{"*.md", "docs/sub/a.md", true},
		{"docs/*.md", "docs/a.md", true},
		{"docs/*.md", "docs/sub/a.md", false},
		{"docs/**/*.md", "docs/sub/x/a.md", true},
		{"docs/**", "docs/a.txt", true},
		{"**/*.txt", "a.txt", true},
		{"drafts/", "x/drafts/a.md", true},
		{"drafts/", "drafts.md", false},
		{"drafts", "x/drafts/a.md", true},
		{"/docs/a.md", "docs/a.md", true},
		{"./docs/a.md", "docs/a.md", true},
		{"tw/**", "cn/tw.md", false},
	}
	for _, tt := range tests {
		if got := matchGlob(tt.pat, tt.path); got != tt.want {
			t.Errorf("matchGlob(%q, %q) = %v, want %v", tt.pat, tt.path, got, tt.want)
		}
	}
	if checkGlob("[") == nil || checkGlob("") == nil || checkGlob("a/**/b") != nil {
		t.Error("checkGlob")
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"100": 100, "100B": 100, "2KiB": 2048, "1.5 MiB": 3 << 19, "1m": 1 << 20, "1GB": 1 << 30} {
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MB", "-1", "1TB", "abc"} {
		if _, err := ParseSize(in); err == nil {
			t.Errorf("ParseSize(%q) accepted", in)
		}
	}
}

func TestStarterConfig(t *testing.T) {
	cfg, err := ParseConfig(".zhpolicy.yaml", "/repo", []byte(StarterConfig))
	if err != nil {
		t.Fatal(err)
	}
	base, def := cfg.Base(), DefaultSettings()
	for _, r := range Rules() {
		if base.Severity(r.ID) != def.Severity(r.ID) {
			t.Errorf("%s: starter severity %v, default %v", r.ID, base.Severity(r.ID), def.Severity(r.ID))
		}
	}
	if cfg.FailOn != Error || cfg.DuplicateSimilarity != 0.9 || base.MaxSize != 1<<20 || base.Terms.Len() != 0 {
		t.Errorf("starter config: %+v %+v", cfg, base)
	}
	if got := cfg.For("/repo/drafts/a.md").Severity(RuleTerm); got != Warning {
		t.Errorf("override for drafts/: term %v", got)
	}
	if cfg.Selected("/repo/node_modules/x/a.md") || !cfg.Selected("/repo/docs/a.md") {
		t.Error("exclude of the starter config")
	}
}

func TestConfig(t *testing.T) {
	yml := `
version: 1
script: simplified
fail-on: warning
include: ["**/*.md", "**/*.txt"]
exclude: [old/]
rules:
  width: off
  brackets: {severity: warning, pairs: ["《》"]}
  duplicate: {similarity: 0.8, min-chars: 10}
  encoding: {allow: [utf-8, gbk], bom: forbid}
  script-mix: {fix: true, variant: tw}
terms:
  forbidden: [禁用词, {term: 旧称, suggest: 新称, severity: warning}]
  outdated:
    - {old: 老提法, new: 新提法, message: 已更新}
  required: [高质量发展]
overrides:
  - files: ["tw/**"]
    script: traditional
    rules: {width: error}
    terms:
      required: [{term: 臺灣}]
`
	cfg, err := ParseConfig("c.yaml", "/r", []byte(yml))
	if err != nil {
		t.Fatal(err)
	}
	s := cfg.For("/r/cn/a.md")
	if s.Script != ScriptSimplified || s.Severity(RuleWidth) != Off || s.Severity(RuleBrackets) != Warning ||
		len(s.Pairs) != 1 || !s.ScriptFix || s.Variant != "s2tw" || s.BOM != BOMForbid ||
		fmt.Sprint(s.Encodings) != "[utf-8 gb18030]" || s.DuplicateMinChars != 10 || s.Terms.Len() != 4 {
		t.Errorf("settings: %+v", s)
	}
	tw := cfg.For("/r/tw/a.md")
	if tw.Script != ScriptTraditional || tw.Severity(RuleWidth) != Error || tw.Terms.Len() != 5 {
		t.Errorf("override: %+v", tw)
	}
	if s2 := cfg.For("/r/cn/b.md"); s2 != s {
		t.Error("settings not shared between files with the same overrides")
	}
	if cfg.FailOn != Warning || cfg.DuplicateSimilarity != 0.8 {
		t.Errorf("fail-on %v, similarity %v", cfg.FailOn, cfg.DuplicateSimilarity)
	}
	if cfg.Selected("/r/old/a.md") || cfg.Selected("/r/a.html") || !cfg.Selected("/r/x/a.txt") {
		t.Error("include/exclude")
	}
	if err := cfg.Only([]string{"term"}); err != nil || cfg.For("/r/cn/a.md").Severity(RuleBrackets) != Off ||
		cfg.For("/r/cn/a.md").Severity(RuleTerm) != Error {
		t.Errorf("Only: %v", err)
	}
	if err := cfg.Only([]string{"nope"}); err == nil {
		t.Error("Only accepted an unknown rule")
	}
	if empty, err := ParseConfig("e.yaml", "/", []byte("# only comments\n")); err != nil || empty.Base().Severity(RuleWidth) != Warning {
		t.Errorf("empty config: %v", err)
	}
}

func TestConfigErrors(t *testing.T) {
	tests := []struct{ yml, want string }{
		{"version: 2\n", "c.yaml:1:10: unsupported version"},
		{"rules:\n  widht: off\n", `c.yaml:2:3: unknown key "widht" in rules (did you mean "width"?)`},
		{"rules:\n  width:\n    severty: error\n", `c.yaml:3:5: unknown key "severty" in rules.width (did you mean "severity"?)`},
		{"rules:\n  width: fatal\n", `c.yaml:2:10: invalid severity "fatal" for rules.width`},
		{"rules:\n  size: {max: lots}\n", `c.yaml:2:15: invalid size "lots"`},
		{"rules:\n  duplicate: {similarity: 1.5}\n", `c.yaml:2:27: invalid value "1.5" for rules.duplicate.similarity`},
		{"rules:\n  encoding: {allow: [utf-8, latin1]}\n", `c.yaml:2:29: unknown encoding "latin1"`},
		{"rules:\n  brackets: {pairs: [\"《\"]}\n", `c.yaml:2:22: rules.brackets.pairs: invalid pair`},
		{"script: klingon\n", `c.yaml:1:9: invalid script "klingon"`},
		{"exclude: [\"[\"]\n", `c.yaml:1:11: exclude: malformed pattern`},
		{"terms:\n  outdated: [老提法]\n", `c.yaml:2:14: terms.outdated[0]: write the old and the current form`},
		{"terms:\n  forbidden:\n    - {suggest: x}\n", `c.yaml:3:7: terms.forbidden[0] needs a non-empty term`},
		{"overrides:\n  - rules: {width: off}\n", `c.yaml:2:5: overrides[0] needs files`},
		{"overrides:\n  - files: [a]\n    rules: {duplicate: {similarity: 0.5}}\n", `c.yaml:3:25: overrides[0].rules.duplicate.similarity applies to the whole corpus`},
		{"fail-on: sometimes\n", `c.yaml:1:10: invalid fail-on "sometimes"`},
		{"rules: [a]\n", "c.yaml:1:8: rules must be a mapping"},
		{"rules:\n  width: off\n  width: on\n", `c.yaml:3:3: key "width" given twice`},
		{"rules: {\n", "c.yaml:1:1: invalid YAML"},
	}
	for _, tt := range tests {
		_, err := ParseConfig("c.yaml", "/", []byte(tt.yml))
		var ce *ConfigError
		if err == nil || !errors.As(err, &ce) || !strings.HasPrefix(err.Error(), tt.want[:strings.Index(tt.want, ": ")+2]) || !strings.Contains(err.Error(), tt.want[strings.Index(tt.want, ": ")+2:]) {
			t.Errorf("%q: error %v, want %q", tt.yml, err, tt.want)
		}
	}
}

func BenchmarkCheck(b *testing.B) {
	para := "坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展（2024年），更好统筹发展和安全。\n"
	text := strings.Repeat(para, 200)
	d := doc("text", text)
	s := DefaultSettings()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Check(d, s)
	}
}

func TestWidthSuggestions(t *testing.T) {
	for text, want := range map[string]string{
		"十二.总体要求": "、",
		"发展.改革":   "。",
		"发展, 改革":  "，",
		"会议(扩大)":  "（扩大）",
		"增长５％":    "5",
	} {
		res := Check(doc("text", text), only(RuleWidth, nil))
		if len(res.Findings) != 1 || res.Findings[0].Suggestion != want {
			t.Errorf("%q: findings %+v, want suggestion %q", text, res.Findings, want)
		}
	}
}
