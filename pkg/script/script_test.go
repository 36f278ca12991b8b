package script

import (
	"zhpolicy/dict/hanzi"

	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/iotest"
	"unicode/utf8"
)

// sharedDir is ../shared from the module root (the team's public evaluation
// data), or $ZHPOLICY_SHARED. Tests that need it skip when it is absent.
func sharedDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("ZHPOLICY_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared data not available (%s); set ZHPOLICY_SHARED", dir)
	}
	return dir
}

func mustConverter(t testing.TB, config string) *Converter {
	t.Helper()
	c, err := NewConverter(config)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestConfigs(t *testing.T) {
	want := []string{"s2t", "t2s", "s2tw", "tw2s", "s2hk", "hk2s", "s2twp", "tw2sp", "t2tw", "t2hk", "tw2t", "hk2t"}
	if got := Configs(); !slices.Equal(got, want) {
		t.Fatalf("Configs() = %v, want %v", got, want)
	}
	for _, name := range want {
		c := mustConverter(t, name)
		if c.Name() != name || Describe(name) == "" {
			t.Errorf("%s: Name %q, Describe %q", name, c.Name(), Describe(name))
		}
		if c2 := mustConverter(t, name); c2 != c {
			t.Errorf("%s: NewConverter built a second converter", name)
		}
	}
	for _, bad := range []string{"", "fold", "jp2t", "S2T"} {
		if _, err := NewConverter(bad); err == nil {
			t.Errorf("NewConverter(%q) succeeded", bad)
		}
	}
}

// TestRegressionCases: testdata/convert/cases.tsv, outputs of the OpenCC
// 1.1.6 CLI, including cases that gocc's own data gets wrong.
func TestRegressionCases(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "..", "testdata", "convert", "cases.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 3 {
			t.Fatalf("bad line %q", line)
		}
		n++
		if got := mustConverter(t, parts[0]).Convert(parts[1]); got != parts[2] {
			t.Errorf("%s(%s) = %s, want %s", parts[0], parts[1], got, parts[2])
		}
	}
	if n < 10 {
		t.Fatalf("only %d cases read", n)
	}
}

// TestOpenCC116Cases runs OpenCC 1.1.6's own test cases (CONFIG.in and
// CONFIG.ans, one case a line) for every conversion offered.
func TestOpenCC116Cases(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "bench", "opencc", "v1.1.6")
	total := 0
	for _, config := range Configs() {
		in, err := os.ReadFile(filepath.Join(dir, config+".in"))
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		ans, err := os.ReadFile(filepath.Join(dir, config+".ans"))
		if err != nil {
			t.Fatal(err)
		}
		ins, want := splitCases(string(in)), splitCases(string(ans))
		if len(ins) != len(want) {
			t.Fatalf("%s: %d inputs, %d answers", config, len(ins), len(want))
		}
		c := mustConverter(t, config)
		for i := range ins {
			total++
			if got := c.Convert(ins[i]); got != want[i] {
				t.Errorf("%s(%s) = %s, want %s", config, ins[i], got, want[i])
			}
		}
	}
	if total == 0 {
		t.Fatal("no OpenCC 1.1.6 case found")
	}
	t.Logf("%d OpenCC 1.1.6 cases", total)
}

func splitCases(s string) []string {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

type jsonCase struct {
	ID       string            `json:"id"`
	Input    string            `json:"input"`
	Expected map[string]string `json:"expected"`
}

// readTestcasesJSON parses OpenCC's testcases.json, which has trailing commas.
func readTestcasesJSON(path string) ([]jsonCase, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	data = regexp.MustCompile(`,(\s*[}\]])`).ReplaceAll(data, []byte("$1"))
	var doc struct {
		Cases []jsonCase `json:"cases"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	return doc.Cases, nil
}

// TestOpenCCTestcasesJSON runs the newer cases of OpenCC's testcases.json.
// They are written for OpenCC releases after 1.1.6, so neither the Debian
// CLI nor zhpolicy passes all; testdata/convert/testcases_debian.tsv lists
// the ones the Debian opencc 1.1.6 CLI passes (bench/convert/run.sh cases
// writes it), and zhpolicy must pass each of those.
func TestOpenCCTestcasesJSON(t *testing.T) {
	cases, err := readTestcasesJSON(filepath.Join(sharedDir(t), "bench", "opencc", "testcases.json"))
	if err != nil {
		t.Fatal(err)
	}
	debian := map[string]map[string]bool{}
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "convert", "testcases_debian.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		config, ids, _ := strings.Cut(line, "\t")
		debian[config] = map[string]bool{}
		for _, id := range strings.Fields(ids) {
			debian[config][id] = true
		}
	}
	pass, all, debianPass := map[string]int{}, map[string]int{}, map[string]int{}
	for _, tc := range cases {
		for config, want := range tc.Expected {
			if Describe(config) == "" {
				continue // a conversion zhpolicy does not offer (jp2t, s2hkp, ...)
			}
			all[config]++
			got := mustConverter(t, config).Convert(tc.Input)
			if got == want {
				pass[config]++
			}
			if debian[config][tc.ID] {
				debianPass[config]++
				if got != want {
					t.Errorf("%s %s(%s) = %s, want %s (the Debian CLI passes it)", tc.ID, config, tc.Input, got, want)
				}
			}
		}
	}
	for _, config := range Configs() {
		if all[config] == 0 {
			continue
		}
		t.Logf("%-6s %3d/%3d (Debian opencc 1.1.6: %d)", config, pass[config], all[config], debianPass[config])
		if pass[config] < debianPass[config] {
			t.Errorf("%s: %d passed, fewer than Debian's %d", config, pass[config], debianPass[config])
		}
	}
}

func TestConvertKeepsLinesAndBytes(t *testing.T) {
	c := mustConverter(t, "s2t")
	cases := []struct{ in, want string }{
		{"", ""},
		{"abc\n", "abc\n"},
		{"发展\r\n头发\r\n", "發展\r\n頭髮\r\n"},
		{"发展\n\n头发", "發展\n\n頭髮"},
		{"发\xff展", "發\xff展"}, // invalid UTF-8 copied through
		{"\xe5\x8f", "\xe5\x8f"},
		{"𠀀发", "𠀀發"}, // outside the BMP
	}
	for _, tc := range cases {
		if got := c.Convert(tc.in); got != tc.want {
			t.Errorf("Convert(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// Unchanged text comes back without a copy.
	s := "plain ASCII text, nothing to convert\n"
	if n := testing.AllocsPerRun(10, func() { _ = c.Convert(s) }); n != 0 {
		t.Errorf("Convert of unchanged text allocates %v times", n)
	}
}

func TestConvertReader(t *testing.T) {
	in := "经理发现后，\r\n决策事项目录\n\n内存" + strings.Repeat("发", 10) + "\n最后一行没有换行"
	for _, config := range []string{"s2t", "s2twp", "tw2sp"} {
		c := mustConverter(t, config)
		var out bytes.Buffer
		if err := c.ConvertReader(&out, strings.NewReader(in)); err != nil {
			t.Fatal(err)
		}
		if want := c.Convert(in); out.String() != want {
			t.Errorf("%s: ConvertReader = %q, want %q", config, out.String(), want)
		}
	}
}

func TestConvertReaderLongLine(t *testing.T) {
	// A 3 MB line is converted in pieces cut after "。", with the same result.
	unit := "决策事项目录里的内存与头发。"
	in := strings.Repeat(unit, 3<<20/len(unit)) + "\n"
	c := mustConverter(t, "s2twp")
	var out bytes.Buffer
	var lines []int
	err := c.ConvertLines(&out, strings.NewReader(in), func(n int, _ int64, _, _ string) { lines = append(lines, n) })
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != c.Convert(in) {
		t.Fatal("long line converted differently in pieces")
	}
	if len(lines) < 2 || slices.ContainsFunc(lines, func(n int) bool { return n != 1 }) {
		t.Errorf("changed lines reported as %v, want several parts of line 1", lines)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestConvertReaderWriteError(t *testing.T) {
	c := mustConverter(t, "s2t")
	err := c.ConvertReader(failingWriter{}, strings.NewReader(strings.Repeat("发展\n", 100000)))
	if err == nil {
		t.Fatal("no error from a failing writer")
	}
}

func TestSplitRunesInNoKey(t *testing.T) {
	for _, name := range tableNames {
		tb, err := loadTable(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range splitRunes {
			for i, e := range tb.edges {
				if e == r {
					t.Errorf("%s: edge %d is split rune %q", name, i, r)
				}
			}
		}
	}
}

func TestFoldToSimplified(t *testing.T) {
	cases := []struct{ in, want string }{
		{"後來的發展與乾隆年間的著作", "后来的发展与乾隆年间的著作"},
		{"衞生署的報告", "卫生署的报告"}, // Hong Kong variant
		{"裡面的線索", "里面的线索"},   // Taiwan variant
		{"瞭解皇后的頭髮", "了解皇后的头发"},
		{"抬頭挺胸", "抬头挺胸"}, // not 擡头挺胸: 擡 is a rarer variant no dictionary knows
		{"爇", "爇"},       // OpenCC's 𦶟 is in no Simplified list
		{"擡頭", "抬头"},     // an old variant the chain keeps: written 抬 in Taiwan and Hong Kong
		{"已经是简体的文字", "已经是简体的文字"},
		{"mixed 中文 and 發展\r\n", "mixed 中文 and 发展\r\n"},
	}
	for _, tc := range cases {
		got, ok := FoldToSimplified(tc.in)
		if !ok || got != tc.want {
			t.Errorf("FoldToSimplified(%q) = %q, %v; want %q, true", tc.in, got, ok, tc.want)
		}
		if utf8.RuneCountInString(got) != utf8.RuneCountInString(tc.in) {
			t.Errorf("FoldToSimplified(%q) changed the rune count", tc.in)
		}
	}
	s := "各位代表：现在，我代表国务院，向大会报告政府工作，请予审议。"
	if n := testing.AllocsPerRun(10, func() { _, _ = FoldToSimplified(s) }); n != 0 {
		t.Errorf("FoldToSimplified of Simplified text allocates %v times", n)
	}
}

func TestFoldCorpusKeepsRunes(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "corpus")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if len(files) == 0 {
		t.Skip("no corpus files")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := FoldToSimplified(string(data))
		if !ok || utf8.RuneCountInString(got) != utf8.RuneCountInString(string(data)) {
			t.Fatalf("%s: fold not one-to-one (ok=%v)", f, ok)
		}
		if d := Detect(got); d.TradOnly > 0 && d.TradShare > 0.001 {
			t.Errorf("%s: %d Traditional-only characters left after folding", f, d.TradOnly)
		}
	}
}

func TestDetect(t *testing.T) {
	cases := []struct {
		in   string
		want Kind
	}{
		{"", Unknown},
		{"hello, world", Unknown},
		{"中国人民", Simplified},
		{"中文", Unknown}, // nothing script-specific
		{"各位代表：现在，我代表国务院，向大会报告政府工作。", Simplified},
		{"各位代表：現在，我代表國務院，向大會報告政府工作。", Traditional},
		{"这个發展", Mixed},
	}
	for _, tc := range cases {
		d := Detect(tc.in)
		if d.Kind != tc.want {
			t.Errorf("Detect(%q) = %v (%+v), want %v", tc.in, d.Kind, d, tc.want)
		}
		if d.SimpOnly+d.TradOnly > d.Han {
			t.Errorf("Detect(%q): counts exceed Han: %+v", tc.in, d)
		}
	}
	d := Detect("发發后後")
	if d.Han != 4 || d.SimpOnly != 1 || d.TradOnly != 2 || d.SimpShare != 0.25 || d.TradShare != 0.5 {
		t.Errorf("Detect(发發后後) = %+v", d)
	}
	for k, s := range map[Kind]string{Unknown: "unknown", Simplified: "simplified", Traditional: "traditional", Mixed: "mixed"} {
		if k.String() != s {
			t.Errorf("%d.String() = %q", k, k.String())
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	in := strings.Repeat("决策事项目录里的内存与头发。\n", 50)
	want := map[string]string{}
	for _, config := range Configs() {
		want[config] = mustConverter(t, config).Convert(in)
	}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, config := range Configs() {
				c, err := NewConverter(config)
				if err != nil {
					t.Error(err)
					return
				}
				if got := c.Convert(in); got != want[config] {
					t.Errorf("%s: concurrent result differs", config)
				}
				FoldToSimplified(in)
				Detect(in)
			}
		}()
	}
	wg.Wait()
}

func FuzzConvert(f *testing.F) {
	f.Add("经理发现后，一紧张就口吃\r\n")
	f.Add("決策事項目錄\xff")
	f.Fuzz(func(t *testing.T, s string) {
		for _, config := range []string{"s2t", "t2s", "s2twp", "tw2sp", "hk2s"} {
			c := mustConverter(t, config)
			out := c.Convert(s)
			if strings.Count(out, "\n") != strings.Count(s, "\n") {
				t.Fatalf("%s changed the number of lines of %q", config, s)
			}
			var b bytes.Buffer
			if err := c.ConvertReader(&b, strings.NewReader(s)); err != nil || b.String() != out {
				t.Fatalf("%s: ConvertReader differs from Convert on %q", config, s)
			}
		}
		if folded, ok := FoldToSimplified(s); ok && utf8.ValidString(s) &&
			utf8.RuneCountInString(folded) != utf8.RuneCountInString(s) {
			t.Fatalf("fold changed the rune count of %q", s)
		}
	})
}

func TestChain(t *testing.T) {
	id, err := Chain()
	if err != nil || id.Name() != "none" {
		t.Fatalf("Chain() = %v, %v", id, err)
	}
	if got := id.Convert("发展 發展"); got != "发展 發展" {
		t.Errorf("identity changed the text: %q", got)
	}
	c, err := Chain("hk2t", "t2tw")
	if err != nil {
		t.Fatal(err)
	}
	if c.Name() != "hk2t+t2tw" {
		t.Errorf("Name() = %q", c.Name())
	}
	if got, want := c.Convert("衞生署的報告裏"), "衛生署的報告裡"; got != want {
		t.Errorf("hk2t+t2tw = %q, want %q", got, want)
	}
	var b bytes.Buffer
	if err := c.ConvertReader(&b, strings.NewReader("衞生\n裏面\n")); err != nil || b.String() != "衛生\n裡面\n" {
		t.Errorf("ConvertReader = %q, %v", b.String(), err)
	}
	if _, err := Chain("s2t", "nope"); err == nil {
		t.Error("Chain with an unknown configuration succeeded")
	}
}

func TestFoldIfTraditional(t *testing.T) {
	if got, ok := FoldIfTraditional("你在做什么？显著提高"); ok || got != "你在做什么？显著提高" {
		t.Errorf("Simplified text folded: %q, %v", got, ok)
	}
	if got, ok := FoldIfTraditional("三個大抓，顯著提高"); !ok || got != "三个大抓，显著提高" {
		t.Errorf("Traditional text: %q, %v", got, ok)
	}
}

// TestFoldOntoKnownCharacters: for every character the fold changes, and
// for every key of the dictionaries of the fold chain, each character the
// fold changes becomes one the 通用规范汉字表 or gse's dictionary knows.
func TestFoldOntoKnownCharacters(t *testing.T) {
	changed := 0
	check := func(s string) {
		f, ok := FoldToSimplified(s)
		if !ok {
			t.Fatalf("fold of %q not one-to-one", s)
		}
		fr, sr := []rune(f), []rune(s)
		for i := range fr {
			if fr[i] != sr[i] {
				changed++
				if !hanzi.Known(fr[i]) {
					t.Errorf("fold %q → %q: %c (U+%04X) becomes %c (U+%04X), which no Simplified list knows", s, f, sr[i], sr[i], fr[i], fr[i])
				}
			}
		}
	}
	for r := rune(0x3400); r <= 0x323AF; r++ {
		if isHan(r) {
			check(string(r))
		}
	}
	if changed < 3000 {
		t.Fatalf("the fold changes only %d characters", changed)
	}
	c, _ := folder()
	for _, st := range c.stages {
		for _, d := range st.dicts {
			walkKeys(d, check)
		}
	}
}

// walkKeys calls f with every key of t.
func walkKeys(t *table, f func(key string)) {
	var rec func(node int, prefix []rune)
	rec = func(node int, prefix []rune) {
		nd := &t.nodes[node]
		if nd.valOff != noValue && len(prefix) > 0 {
			f(string(prefix))
		}
		for j := nd.childStart; j < nd.childStart+nd.childCount; j++ {
			rec(int(j)+1, append(prefix, t.edges[j]))
		}
	}
	rec(0, nil)
}

// ConvertLines keeps its buffers between calls: the strings it gave to
// changed stay what they were after later calls (which reuse the buffers),
// and every call's output is Convert's, from any reader.
func TestConvertLinesReusesBuffersSafely(t *testing.T) {
	c, err := NewConverter("s2t")
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"发展经济\n没有变化的行 abc\n后来居上",
		strings.Repeat("国家发展改革委员会发布通知。", 20000) + "\n尾行\n", // past one buffer
		"",
		"只有一行没有换行的发展",
		"ok\nno change\n",
	}
	type change struct{ orig, conv string }
	var kept [][]change
	for round := 0; round < 3; round++ {
		for _, in := range texts {
			var out strings.Builder
			var got []change
			err := c.ConvertLines(&out, iotest.OneByteReader(strings.NewReader(in)), func(_ int, _ int64, o, v string) {
				got = append(got, change{o, v})
			})
			if err != nil {
				t.Fatal(err)
			}
			if want := c.Convert(in); out.String() != want {
				t.Fatalf("round %d: ConvertLines(%.20q) differs from Convert", round, in)
			}
			kept = append(kept, got)
			if err := c.ConvertLines(nil, strings.NewReader(in), nil); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, got := range kept {
		for _, ch := range got {
			if c.Convert(ch.orig) != ch.conv {
				t.Fatalf("a line given to changed was overwritten: %.40q -> %.40q", ch.orig, ch.conv)
			}
		}
	}
}
