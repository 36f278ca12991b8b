package segment

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/go-ego/gse"

	"zhpolicy/internal/dictindex"
)

// policyText is policy-style text written for these tests: ASCII upper
// case (GDP, 5G), digits and decimals, percentages, full-width letters and
// digits, quotes and brackets, a few Traditional and rare characters, and
// the words gse's log(0) pitfall changes (本报记者).
const policyText = `关于加快推进新型工业化和数字经济高质量发展的实施意见
各区人民政府，市政府各部门：
为深入贯彻党的二十大和二十届三中全会精神，全面落实“十五五”规划纲要，加快培育新质生产力，现提出如下意见。
一、总体要求。坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，推动GDP年均增长5.5%左右，研发投入强度达到3.2%以上。
二、主要任务。（一）建设5G基站1.2万个，实现重点园区千兆光网全覆盖；（二）培育国家级专精特新“小巨人”企业30家；（三）推进“放管服”改革和“一网通办”，政务服务事项网上可办率达到98%。
本报记者从市发展改革委获悉，2024年全市实现地区生产总值（GDP）１２３４５亿元，同比增长５．２％。
三、保障措施。各级党委和政府要落实全面从严治党主体责任，巡视整改不力的，依规依纪严肃问责。CPI涨幅控制在3%左右，PM2.5平均浓度下降到30微克/立方米。
附件：1.重点项目清单 2.Wi-Fi全覆盖工作方案（试行） 3.ＡＩ＋制造行动计划
联系人：张伟，电话：0531-12345678，邮箱：zhangwei@example.gov.cn。
醫藥高新區管委會關於推動數位轉型的通知。龘靐齉爩。
`

// sampleTexts are the UTF-8 samples of testdata/sample and policyText.
func sampleTexts(t testing.TB) map[string]string {
	out := map[string]string{"policyText": policyText}
	paths, _ := filepath.Glob("../../testdata/sample/*")
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil || !utf8.Valid(b) {
			continue // other encodings are pkg/input's business
		}
		out[filepath.Base(p)] = string(b)
	}
	return out
}

// corpusDocs returns up to n documents of ../shared/corpus (every n-th
// file of each directory, so that all kinds are in), or nil when it is
// absent.
func corpusDocs(t testing.TB, n int) map[string]string {
	root := "../../../shared/corpus"
	var paths []string
	_ = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			paths = append(paths, p)
		}
		return nil
	})
	if len(paths) == 0 {
		return nil
	}
	sort.Strings(paths)
	step := 1
	if n > 0 && len(paths) > n {
		step = len(paths) / n
	}
	out := make(map[string]string)
	for i := 0; i < len(paths) && (n <= 0 || len(out) < n); i += step {
		b, err := os.ReadFile(paths[i])
		if err != nil || !utf8.Valid(b) {
			continue
		}
		out[strings.TrimPrefix(paths[i], root+"/")] = string(b)
	}
	return out
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

var allOptions = []Options{
	{Mode: Precise},
	{Mode: Precise, HMM: true, POS: true},
	{Mode: Search, POS: true},
	{Mode: Search, HMM: true},
	{Mode: All, POS: true},
}

// userWords exercise the overlay: upper case, a word that replaces a base
// word's frequency, a single character, a fractional frequency (the total
// must still come out exactly), a word that only extends base words, a
// Traditional word, and a word given twice (the first wins).
var userWords = []Entry{
	{Word: "AI+制造", Freq: 500, POS: "nz"},
	{Word: "数字经济", Freq: 123457, POS: "n"},
	{Word: "龘", Freq: 7, POS: "x"},
	{Word: "专精特新", Freq: 0.3, POS: "nz"},
	{Word: "一网通办", Freq: 2.75, POS: "nz"},
	{Word: "本报记", Freq: 3},
	{Word: "數位轉型", Freq: 900, POS: "vn"},
	{Word: "专精特新", Freq: 99999},
}

var configs = map[string]Config{
	"default":   {},
	"user":      {User: userWords},
	"nocharfix": {NoCharFix: true, NoPolicy: true},
}

// segPair is a Subset and a Full Segmenter of one Config; full segmenters
// are shared between tests (each loads for about half a second).
type segPair struct{ sub, full *Segmenter }

var pairs sync.Map

func pairFor(t testing.TB, name string) segPair {
	return newPair(t, name, configs[name])
}

// plainPairFor is pairFor with Config.Plain: cuts to compare with gse's.
func plainPairFor(t testing.TB, name string) segPair {
	cfg := configs[name]
	cfg.Plain = true
	return newPair(t, name+"/plain", cfg)
}

func newPair(t testing.TB, name string, cfg Config) segPair {
	if p, ok := pairs.Load(name); ok {
		return p.(segPair)
	}
	cs, cf := cfg, cfg
	cs.Strategy, cf.Strategy = Subset, Full
	sub, err := New(cs)
	if err != nil {
		t.Fatal(err)
	}
	full, err := New(cf)
	if err != nil {
		t.Fatal(err)
	}
	p := segPair{sub, full}
	pairs.Store(name, p)
	return p
}

func sameCut(t *testing.T, p segPair, name, text string, opt Options) bool {
	t.Helper()
	a, errA := p.sub.Cut(text, opt)
	b, errB := p.full.Cut(text, opt)
	if errA != nil || errB != nil {
		t.Fatalf("%s: errors %v %v", name, errA, errB)
	}
	if reflect.DeepEqual(a, b) {
		return true
	}
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			t.Errorf("%s %+v: subset and full differ at token %d: %+v vs %+v\ntext: %q", name, opt, i, a[i], b[i], text)
			return false
		}
	}
	t.Errorf("%s %+v: subset gives %d tokens, full %d\ntext: %q", name, opt, len(a), len(b), text)
	return false
}

// TestSubsetMatchesFull: every sample, line by line and whole, in every
// mode and Config, cut the same with per-text subsets as with the full
// dictionary.
func TestSubsetMatchesFull(t *testing.T) {
	for cname := range configs {
		if raceEnabled && cname != "user" {
			continue
		}
		p := pairFor(t, cname)
		for name, text := range sampleTexts(t) {
			for _, opt := range allOptions {
				if !sameCut(t, p, cname+"/"+name, text, opt) {
					continue
				}
				for i, l := range lines(text) {
					if !sameCut(t, p, fmt.Sprintf("%s/%s:%d", cname, name, i+1), l, opt) {
						break
					}
				}
			}
		}
	}
}

// TestSubsetMatchesFullCorpus does the same over every line of every
// document of ../shared/corpus (302 documents, 57,712 line cuts: about
// 8 s), or of 20 of them with -short.
func TestSubsetMatchesFullCorpus(t *testing.T) {
	n := 0
	if testing.Short() {
		n = 20
	}
	if raceEnabled {
		t.Skip("identity is proven without -race")
	}
	docs := corpusDocs(t, n)
	if docs == nil {
		t.Skip("../shared/corpus is absent")
	}
	if n > 0 && len(docs) < n {
		t.Fatalf("want %d corpus documents, found %d", n, len(docs))
	}
	p := pairFor(t, "default")
	opts := []Options{{Mode: Precise}, {Mode: Precise, HMM: true, POS: true}}
	nl := 0
	for name, text := range docs {
		for _, opt := range opts {
			if !sameCut(t, p, name, text, opt) {
				continue
			}
			for i, l := range lines(text) {
				nl++
				if !sameCut(t, p, fmt.Sprintf("%s:%d", name, i+1), l, opt) {
					break
				}
			}
		}
	}
	t.Logf("%d documents, %d line cuts identical", len(docs), nl)
}

// plainGse is gse loaded the ordinary way.
var plainGse = sync.OnceValue(func() *gse.Segmenter {
	g := &gse.Segmenter{SkipLog: true, NotLoadHMM: true}
	if err := g.LoadDictEmbed("zh_s"); err != nil {
		panic(err)
	}
	return g
})

// TestFullIsPlainGse closes the chain: without the overlay and the
// character fix, the full load is gse's LoadDictEmbed("zh_s") (same words,
// frequencies, total); gse's own cuts on it are plain gse's; and the
// cutter, on either lexicon, cuts whole lines (not split into blocks)
// exactly as plain gse does, in each of gse's modes.
func TestFullIsPlainGse(t *testing.T) {
	if raceEnabled {
		t.Skip("identity is proven without -race")
	}
	base, stale, err := openBase()
	if err != nil || stale {
		t.Fatalf("index: stale %v, %v", stale, err)
	}
	def := newDictDef(base, nil, false)
	full, err := def.buildFull()
	if err != nil {
		t.Fatal(err)
	}
	plain := plainGse()
	if full.Dict.NumTokens() != plain.Dict.NumTokens() || full.Dict.TotalFreq() != plain.Dict.TotalFreq() {
		t.Fatalf("full load has %d words, total %v; gse %d, %v",
			full.Dict.NumTokens(), full.Dict.TotalFreq(), plain.Dict.NumTokens(), plain.Dict.TotalFreq())
	}
	for _, tok := range plain.Dict.Tokens {
		f, p, ok := full.Find(tok.Text())
		if !ok || f != tok.Freq() || p != tok.Pos() {
			t.Fatalf("%q: gse has %v %q, full load %v %q %v", tok.Text(), tok.Freq(), tok.Pos(), f, p, ok)
		}
	}

	loadHMM()
	for _, l := range identityLines(t) {
		for _, m := range gseModes {
			want := m.gse(plain, l)
			if got := m.gse(full, l); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: gse on the full load differs from gse on %q:\n%q\n%q", m.name, l, got, want)
			}
			for lname, lex := range map[string]lexicon{"index": indexLexicon{def}, "full": gseLexicon{full}} {
				if got := cutWords(lex, def.logTotal, l, m.opt); !reflect.DeepEqual(got, want) {
					t.Fatalf("%s: cutter on the %s lexicon differs from gse on %q:\n%q\n%q", m.name, lname, l, got, want)
				}
			}
		}
	}
}

// identityLines are the lines of the samples and of 20 corpus documents.
func identityLines(t testing.TB) []string {
	texts := sampleTexts(t)
	for name, doc := range corpusDocs(t, 20) {
		texts[name] = doc
	}
	var ls []string
	for _, text := range texts {
		ls = append(ls, lines(text)...)
	}
	sort.Strings(ls)
	return ls
}

// gseModes are gse's own cuts and the cutter's options that reproduce them.
var gseModes = []struct {
	name string
	opt  Options
	gse  func(g *gse.Segmenter, s string) []string
}{
	{"cut", Options{}, func(g *gse.Segmenter, s string) []string { return g.Cut(s, false) }},
	{"cut hmm", Options{HMM: true}, func(g *gse.Segmenter, s string) []string { return g.Cut(s, true) }},
	{"search", Options{Mode: Search}, func(g *gse.Segmenter, s string) []string { return g.CutSearch(s, false) }},
	{"search hmm", Options{Mode: Search, HMM: true}, func(g *gse.Segmenter, s string) []string { return g.CutSearch(s, true) }},
	{"all", Options{Mode: All}, func(g *gse.Segmenter, s string) []string { return g.CutAll(s) }},
}

// cutWords runs the cutter on s as one block (as gse sees a whole string,
// punctuation and spaces included) and returns the words as gse gives
// them (lower-cased).
func cutWords(lex lexicon, logT float64, s string, opt Options) []string {
	c := cutter{lex: lex, logT: logT, opt: opt, text: s, work: s, same: true}
	c.cutBlock(span{0, len(s), true})
	out := make([]string, len(c.out))
	for i, tk := range c.out {
		out[i] = strings.ToLower(tk.Text)
	}
	return out
}

// TestLexiconsAgree: the index walk gives, at every rune of every line,
// exactly the DAG edges gse's full dictionary gives (the frequencies and
// the -Inf/0 fallbacks included), in every Config.
func TestLexiconsAgree(t *testing.T) {
	if raceEnabled {
		t.Skip("identity is proven without -race")
	}
	ls := identityLines(t)
	for cname := range configs {
		s := pairFor(t, cname).full
		g, err := s.loadFull()
		if err != nil {
			t.Fatal(err)
		}
		idx, full := indexLexicon{s.def}, gseLexicon{g}
		var a, b []edge
		var off []int
		n := 0
		for _, l := range ls {
			lb := strings.ToLower(l)
			off = off[:0]
			for i := range lb {
				off = append(off, i)
			}
			off = append(off, len(lb))
			for r := 0; r+1 < len(off); r++ {
				a = idx.edges(lb, off, r, a[:0])
				b = full.edges(lb, off, r, b[:0])
				n += len(a)
				if len(a) != len(b) {
					t.Fatalf("%s: %q at rune %d: index edges %+v, gse %+v", cname, l, r, a, b)
				}
				for i := range a {
					if a[i].end != b[i].end || a[i].word != b[i].word || a[i].freq != b[i].freq {
						t.Fatalf("%s: %q at rune %d: index edges %+v, gse %+v", cname, l, r, a, b)
					}
					if a[i].word {
						w := lb[off[r]:off[a[i].end+1]]
						if pa, pb := idx.pos(a[i], w), full.pos(b[i], w); pa != pb {
							t.Fatalf("%s: %q: part of speech %q from the index, %q from gse", cname, w, pa, pb)
						}
					}
				}
			}
		}
		t.Logf("%s: %d lines, %d edges identical", cname, len(ls), n)
	}
}

// TestWrapperModesAreGse: the search and all modes, which the wrapper
// computes with positions, give gse's own words on each block.
func TestWrapperModesAreGse(t *testing.T) {
	if raceEnabled {
		t.Skip("identity is proven without -race")
	}
	loadHMM()
	for cname := range configs {
		// gse's own cuts on the full load of this Config (its total made
		// the definition's) against Cut with either strategy, block by block
		p := plainPairFor(t, cname)
		g, err := p.full.loadFull()
		if err != nil {
			t.Fatal(err)
		}
		for name, text := range sampleTexts(t) {
			for sp, ok := nextSpan(text, 0, true); ok; sp, ok = nextSpan(text, sp.end, true) {
				if !sp.block {
					continue
				}
				block := text[sp.start:sp.end]
				for _, m := range gseModes {
					want := m.gse(g, block)
					for _, s := range []*Segmenter{p.sub, p.full} {
						toks, err := s.Cut(block, m.opt)
						if err != nil {
							t.Fatal(err)
						}
						got := make([]string, len(toks))
						for i, tk := range toks {
							got[i] = strings.ToLower(tk.Text)
						}
						if !reflect.DeepEqual(got, want) {
							t.Fatalf("%s %s %s (%v) on %q:\n got %q\nwant %q", cname, name, m.name, s.cfg.Strategy, block, got, want)
						}
					}
				}
			}
		}
	}
}

// FuzzCutIsGse: on any string (as one block, punctuation and all), the
// cutter on the index gives gse's own words in every mode.
func FuzzCutIsGse(f *testing.F) {
	for _, s := range []string{policyText[:300], "GDP增长5.2%，", "本报记者1", "ＡＩ＋制造 Wi-Fi", "龘靐齉爩"} {
		f.Add(s)
	}
	base, _, err := openBase()
	if err != nil {
		f.Fatal(err)
	}
	def := newDictDef(base, nil, false)
	plain := plainGse()
	loadHMM()
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
			// gse's trie reads a NUL byte as its own end-of-word mark
			// (NUL is never handed to gse: it is not a block character)
			return
		}
		for _, m := range gseModes {
			want := m.gse(plain, s)
			if got := cutWords(indexLexicon{def}, def.logTotal, s, m.opt); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s on %q:\n got %q\nwant %q", m.name, s, got, want)
			}
		}
	})
}

func TestIndexCurrent(t *testing.T) {
	if _, stale, err := openBase(); err != nil || stale {
		t.Fatalf("the committed word index does not match gse's embedded dictionary (stale %v, %v): run `go generate ./dict`", stale, err)
	}
}

// TestCharFix: with the fix, a line's cut no longer depends on what
// follows it (the DESIGN pitfall); without it, it is gse's.
func TestCharFix(t *testing.T) {
	fixed := pairFor(t, "default").sub
	plain := pairFor(t, "nocharfix").sub
	words := func(s *Segmenter, text string) string {
		toks, err := s.Cut(text, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var w []string
		for _, tk := range toks {
			w = append(w, tk.Text)
		}
		return strings.Join(w, "|")
	}
	a := words(fixed, "本报记者")
	b := words(fixed, "本报记者1")
	if !strings.HasPrefix(b, a) {
		t.Errorf("with the fix, 本报记者 cuts %q alone and %q before a digit", a, b)
	}
	if raceEnabled {
		return
	}
	if p := plainGse(); strings.Join(p.Cut("本报记者1", false), "|") != words(plain, "本报记者1") {
		t.Errorf("without the fix the cut should be gse's: %q vs %q", p.Cut("本报记者1", false), words(plain, "本报记者1"))
	}
}

func TestTotalIsExact(t *testing.T) {
	for name := range configs {
		if raceEnabled && name != "user" {
			continue
		}
		p := pairFor(t, name)
		g, err := p.full.loadFull()
		if err != nil {
			t.Fatal(err)
		}
		if g.Dict.TotalFreq() != p.full.def.total {
			t.Errorf("%s: full total %v, definition %v", name, g.Dict.TotalFreq(), p.full.def.total)
		}
	}
	base, _, _ := openBase()
	if base.Extra() != plainGse().Dict.TotalFreq() {
		t.Errorf("index total %v, gse %v", base.Extra(), plainGse().Dict.TotalFreq())
	}
}

func TestIndexMatchesGseLoader(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("loads gse's dictionary")
	}
	base, _, _ := openBase()
	if err := dictindex.CheckWords(base, dictindex.GseWords()); err != nil {
		t.Fatal(err)
	}
}
