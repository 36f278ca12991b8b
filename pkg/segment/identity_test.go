package segment

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"
	"github.com/go-ego/gse/hmm"

	"zhpolicy/dict"
	"zhpolicy/internal/testenv"
	"zhpolicy/internal/zhdict"
)

// The chain of proof: the compiled dictionary holds exactly gse's words
// (TestCompiledIsGse); a gse Segmenter loaded with a Segmenter's definition
// (gseRef: the overlay, the policy words, gse's own loader of its own word
// list, the fixed characters, a total made the definition's) cuts as plain
// gse does when the definition adds nothing (TestRefIsPlainGse); and the
// cutter gives that gse's own Cut (HMM on and off), CutSearch and CutAll
// words, on the samples, on corpus lines and on anything a fuzzer finds.

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

// corpusDocs returns up to n documents of ../shared/corpus (every k-th
// file, so that all kinds are in; all of them for n <= 0). It skips on a
// clone without ../shared and fails in CI.
func corpusDocs(t testing.TB, n int) map[string]string {
	root := testenv.Shared(t, "corpus")
	var paths []string
	_ = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			paths = append(paths, p)
		}
		return nil
	})
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
	if len(out) == 0 {
		t.Fatalf("no documents under %s", root)
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
// Traditional word, a word of runes no dictionary word has, and a word
// given twice (the first wins).
var userWords = []Entry{
	{Word: "AI+制造", Freq: 500, POS: "nz"},
	{Word: "数字经济", Freq: 123457, POS: "n"},
	{Word: "龘", Freq: 7, POS: "x"},
	{Word: "专精特新", Freq: 0.3, POS: "nz"},
	{Word: "一网通办", Freq: 2.75, POS: "nz"},
	{Word: "本报记", Freq: 3},
	{Word: "數位轉型", Freq: 900, POS: "vn"},
	{Word: "ⱥⱥ中国", Freq: 40, POS: "nz"},
	{Word: "专精特新", Freq: 99999},
}

var configs = map[string]Config{
	"default":   {},
	"user":      {User: userWords},
	"nocharfix": {NoCharFix: true, NoPolicy: true},
}

var segmenters sync.Map // name → *Segmenter

func segFor(t testing.TB, name string) *Segmenter {
	if s, ok := segmenters.Load(name); ok {
		return s.(*Segmenter)
	}
	cfg, ok := configs[name]
	if !ok {
		t.Fatalf("no config %q", name)
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	segmenters.Store(name, s)
	return s
}

// plainFor is segFor with Config.Plain: cuts to compare with gse's.
func plainFor(t testing.TB, name string) *Segmenter {
	if s, ok := segmenters.Load(name + "/plain"); ok {
		return s.(*Segmenter)
	}
	cfg := configs[name]
	cfg.Plain = true
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	segmenters.Store(name+"/plain", s)
	return s
}

var hmmOnce sync.Once

// loadHMM loads gse's process-wide HMM model once (gse writes a global map
// when it loads it).
func loadHMM() { hmmOnce.Do(func() { hmm.LoadModel() }) }

// plainGse is gse loaded the ordinary way.
var plainGse = sync.OnceValue(func() *gse.Segmenter {
	g := &gse.Segmenter{SkipLog: true, NotLoadHMM: true}
	if err := g.LoadDictEmbed("zh_s"); err != nil {
		panic(err)
	}
	loadHMM()
	return g
})

var refs sync.Map // config name → *gse.Segmenter

// gseRef is a gse Segmenter loaded with the definition of the Segmenter of
// a config: the overlay first (gse keeps the first entry of a word), the
// policy words unless left out, gse's own word list by gse's own loader,
// the characters that only begin words at frequency 1 unless
// Config.NoCharFix, and a dummy word whose frequency makes gse's total the
// definition's. None of it is read from the compiled dictionary.
func gseRef(t testing.TB, name string) *gse.Segmenter {
	if g, ok := refs.Load(name); ok {
		return g.(*gse.Segmenter)
	}
	s := segFor(t, name)
	if name == "nocharfix" {
		// the definition adds nothing to gse's words: plain gse
		// (TestRefIsPlainGse checks that the construction below gives it)
		return plainGse()
	}
	return buildRef(t, name, s)
}

func buildRef(t testing.TB, name string, s *Segmenter) *gse.Segmenter {
	g := &gse.Segmenter{SkipLog: true, NotLoadHMM: true}
	g.Dict = gse.NewDict()
	g.Init()
	add := func(w string, f float64, pos string) {
		if err := g.AddToken(w, f, pos); err != nil {
			t.Fatal(err)
		}
	}
	var entries []Entry
	for _, e := range s.cfg.User {
		e.Word = foldWord(s.cfg.Fold, e.Word)
		entries = append(entries, e)
	}
	if !s.cfg.NoPolicy {
		pol, err := ParseDict("policy", strings.NewReader(dict.Policy))
		if err != nil {
			t.Fatal(err)
		}
		entries = append(entries, pol...)
	}
	seen := map[string]bool{}
	for _, e := range entries {
		k := strings.ToLower(e.Word)
		if k == "" || seen[k] || !(e.Freq > 0) {
			continue
		}
		seen[k] = true
		add(k, e.Freq, e.POS)
	}
	if err := g.LoadDictEmbed("zh_s"); err != nil {
		t.Fatal(err)
	}
	if s.charFix {
		var fix []string
		done := map[string]bool{}
		for _, tok := range g.Dict.Tokens {
			w := tok.Text()
			r, n := utf8.DecodeRuneInString(w)
			if n == len(w) || r == utf8.RuneError || done[w[:n]] {
				continue
			}
			done[w[:n]] = true
			if f, _, ok := g.Find(w[:n]); !ok || f == 0 {
				fix = append(fix, w[:n])
			}
		}
		for _, c := range fix {
			add(c, 1, "")
		}
	}
	// the dummy word: 0xFF 0xFE never occur in UTF-8 text
	have := g.Dict.TotalFreq()
	f := s.total - have
	for i := 0; i < 64 && have+f != s.total; i++ {
		if have+f < s.total {
			f = math.Nextafter(f, math.Inf(1))
		} else {
			f = math.Nextafter(f, math.Inf(-1))
		}
	}
	if f != 0 {
		add("\xff\xfe", f, "")
	}
	if g.Dict.TotalFreq() != s.total {
		t.Fatalf("%s: cannot make gse's total %v (have %v)", name, s.total, g.Dict.TotalFreq())
	}
	loadHMM()
	refs.Store(name, g)
	return g
}

// TestCompiledIsGse: without the policy words the compiled dictionary has
// exactly the words, frequencies, parts of speech and total of gse's
// LoadDictEmbed("zh_s"); with them, the policy words' values where they
// have the word, gse's elsewhere.
func TestCompiledIsGse(t *testing.T) {
	if raceEnabled {
		t.Skip("identity is proven without -race")
	}
	d, err := zhdict.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	g := plainGse()
	pol, err := ParseDict("policy", strings.NewReader(dict.Policy))
	if err != nil {
		t.Fatal(err)
	}
	policy := map[string]Entry{}
	for _, e := range pol {
		if k := strings.ToLower(e.Word); policy[k].Word == "" {
			policy[k] = e
		}
	}
	base, def := segFor(t, "nocharfix"), segFor(t, "default")
	nb, nd := 0, 0
	freqs := d.Freqs()
	d.Each(func(key string, node uint32) {
		gf, gpos, gok := g.Find(key)
		gok = gok && gf > 0
		if v := base.val(node); v&zhdict.FreqMask != 0 {
			nb++
			if f, pos := freqs[v&zhdict.FreqMask-1], base.posOf(int32(node)); !gok || f != gf || pos != gpos {
				t.Fatalf("%q: compiled %v %q, gse %v %q %v", key, f, pos, gf, gpos, gok)
			}
		} else if gok {
			t.Fatalf("%q: gse has it (%v), the compiled dictionary not", key, gf)
		}
		v := def.val(node)
		e, inPolicy := policy[key]
		switch {
		case v&zhdict.FreqMask == 0:
			if inPolicy || gok {
				t.Fatalf("%q: missing from the compiled dictionary with the policy words", key)
			}
		case inPolicy:
			nd++
			if f, pos := freqs[v&zhdict.FreqMask-1], def.posOf(int32(node)); f != e.Freq || pos != e.POS {
				t.Fatalf("%q: compiled %v %q, policy.txt %v %q", key, f, pos, e.Freq, e.POS)
			}
		default:
			nd++
			if f, pos := freqs[v&zhdict.FreqMask-1], def.posOf(int32(node)); !gok || f != gf || pos != gpos {
				t.Fatalf("%q: compiled with the policy words %v %q, gse %v %q", key, f, pos, gf, gpos)
			}
		}
	})
	if nb != g.Dict.NumTokens() || d.BaseWords() != nb || d.BaseTotal() != g.Dict.TotalFreq() {
		t.Errorf("%d words compiled (header %d, total %v); gse has %d, total %v", nb, d.BaseWords(), d.BaseTotal(), g.Dict.NumTokens(), g.Dict.TotalFreq())
	}
	if nd != d.Words() {
		t.Errorf("%d words with the policy words, header says %d", nd, d.Words())
	}
}

// TestRefIsPlainGse: a reference loaded with a definition that adds
// nothing is plain gse (same words, total and cuts).
func TestRefIsPlainGse(t *testing.T) {
	if raceEnabled {
		t.Skip("identity is proven without -race")
	}
	ref, plain := buildRef(t, "nocharfix/built", segFor(t, "nocharfix")), plainGse()
	if ref.Dict.NumTokens() != plain.Dict.NumTokens() || ref.Dict.TotalFreq() != plain.Dict.TotalFreq() {
		t.Fatalf("reference has %d words, total %v; gse %d, %v", ref.Dict.NumTokens(), ref.Dict.TotalFreq(), plain.Dict.NumTokens(), plain.Dict.TotalFreq())
	}
	for _, l := range lines(policyText) {
		for _, m := range gseModes {
			if a, b := m.gse(ref, l), m.gse(plain, l); !reflect.DeepEqual(a, b) {
				t.Fatalf("%s on %q: reference %q, gse %q", m.name, l, a, b)
			}
		}
	}
}

// identityLines are the lines of the samples and of 8 corpus documents.
func identityLines(t testing.TB) []string {
	texts := sampleTexts(t)
	for name, doc := range corpusDocs(t, 8) {
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
func cutWords(s *Segmenter, text string, opt Options) []string {
	sc := new(scratch)
	c := cutter{s: s, sc: sc, opt: opt, text: text, work: text, same: true, plain: true}
	c.prepare(span{0, len(text), true})
	c.cutRange(0, len(c.sc.runes))
	out := make([]string, len(c.out))
	for i, tk := range c.out {
		out[i] = strings.ToLower(tk.Text)
	}
	return out
}

func sameAsGse(t *testing.T, s *Segmenter, g *gse.Segmenter, what, text string) bool {
	t.Helper()
	for _, m := range gseModes {
		want := m.gse(g, text)
		if got := cutWords(s, text, m.opt); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %s on %q:\n got %q\nwant %q", what, m.name, text, got, want)
			return false
		}
	}
	return true
}

// TestCutIsGse: on every line of the samples and of 8 corpus documents,
// in every mode and Config, the cutter gives gse's own words.
func TestCutIsGse(t *testing.T) {
	if raceEnabled {
		t.Skip("identity is proven without -race")
	}
	ls := identityLines(t)
	for name := range configs {
		s, g := segFor(t, name), gseRef(t, name)
		for _, l := range ls {
			if !sameAsGse(t, s, g, name, l) {
				break
			}
		}
		// the slow path (edges) must agree with the fast one
		slow, err := New(s.cfg)
		if err != nil {
			t.Fatal(err)
		}
		slow.slow = true
		for _, l := range ls[:min(len(ls), 300)] {
			if !sameAsGse(t, slow, g, name+" (edges)", l) {
				break
			}
		}
	}
}

// TestCorpusIsGse: every line of every document of ../shared/corpus
// (41,486 lines, 9.7 MB) is cut as gse cuts it, precise, with HMM off in
// one document and on in the next (gse takes about 4 s for each pass over
// the corpus); 20 documents with -short.
func TestCorpusIsGse(t *testing.T) {
	if raceEnabled {
		t.Skip("identity is proven without -race")
	}
	n := 0
	if testing.Short() {
		n = 20
	}
	docs := corpusDocs(t, n)
	names := make([]string, 0, len(docs))
	for name := range docs {
		names = append(names, name)
	}
	sort.Strings(names)
	s, g := segFor(t, "default"), gseRef(t, "default")
	nl := 0
	for i, name := range names {
		hmm := i%2 == 1
		for _, l := range lines(docs[name]) {
			nl++
			want := g.Cut(l, hmm)
			if got := cutWords(s, l, Options{HMM: hmm}); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: hmm %v on %q:\n got %q\nwant %q", name, hmm, l, got, want)
			}
		}
	}
	t.Logf("%d documents, %d lines, cut as gse cuts them", len(docs), nl)
}

// TestWrapperModesAreGse: Cut with Config.Plain gives, block by block,
// gse's own words in every mode and Config.
func TestWrapperModesAreGse(t *testing.T) {
	if raceEnabled {
		t.Skip("identity is proven without -race")
	}
	for name := range configs {
		s, g := plainFor(t, name), gseRef(t, name)
		for tname, text := range sampleTexts(t) {
			for sp, ok := nextSpan(text, 0, true); ok; sp, ok = nextSpan(text, sp.end, true) {
				if !sp.block {
					continue
				}
				block := text[sp.start:sp.end]
				for _, m := range gseModes {
					want := m.gse(g, block)
					toks, err := s.Cut(block, m.opt)
					if err != nil {
						t.Fatal(err)
					}
					got := make([]string, len(toks))
					for i, tk := range toks {
						got[i] = strings.ToLower(tk.Text)
					}
					if !reflect.DeepEqual(got, want) {
						t.Fatalf("%s %s %s on %q:\n got %q\nwant %q", name, tname, m.name, block, got, want)
					}
				}
			}
		}
	}
}

// TestLongRunsAreGse: runs far longer than any sentence, where gse's
// Viterbi is quadratic, are still cut as gse cuts them (issue 22: a run of
// 3,000 ASCII letters was cut at 2,048).
func TestLongRunsAreGse(t *testing.T) {
	if raceEnabled {
		t.Skip("identity is proven without -race")
	}
	s, g := segFor(t, "nocharfix"), plainGse()
	for _, text := range []string{
		strings.Repeat("a", 3000),
		strings.Repeat("a", 2047) + "中" + strings.Repeat("b", 1000),
		strings.Repeat("龘", 2500),
		strings.Repeat("靐齉爩鬱", 700),
		strings.Repeat("1.5", 1000),
	} {
		for _, m := range gseModes[:2] {
			want := m.gse(g, text)
			if got := cutWords(s, text, m.opt); !reflect.DeepEqual(got, want) {
				t.Errorf("%s on %d bytes of %q…: %d words, gse %d", m.name, len(text), text[:12], len(got), len(want))
			}
		}
	}
}

// FuzzCutIsGse: on any string (as one block, punctuation and all), the
// cutter gives plain gse's own words in every mode, and with the project's
// definition (policy words, fixed characters, user words) the words of gse
// loaded with that definition.
//
//	go test -run=NONE -fuzz=FuzzCutIsGse -fuzztime=5m ./pkg/segment
func FuzzCutIsGse(f *testing.F) {
	for _, s := range []string{policyText[:300], "GDP增长5.2%，", "本报记者1", "ＡＩ＋制造 Wi-Fi", "龘靐齉爩", "ⱥⱥ中国人"} {
		f.Add(s)
	}
	plain, user := segFor(f, "nocharfix"), segFor(f, "user")
	g, gu := plainGse(), gseRef(f, "user")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
			// gse's trie reads a NUL byte as its own end-of-word mark
			// (NUL is never handed to gse: it is not a block character)
			return
		}
		if !sameAsGse(t, plain, g, "plain gse", s) {
			return
		}
		sameAsGse(t, user, gu, "user words", s)
	})
}

func TestCompiledCurrent(t *testing.T) {
	d, err := zhdict.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if d.PolicyChecksum() != zhdict.Checksum(dict.Policy) {
		t.Fatal("dict/zhdict.bin was compiled from another dict/policy.txt: run `go generate ./dict`")
	}
	if s := segFor(t, "default"); s.stale || s.noPolicy {
		t.Fatal("the default Segmenter does not use the compiled policy words")
	}
}

// TestStalePolicy: when dict/policy.txt has changed since the dictionary
// was compiled, the current policy words are applied as an overlay: the
// same words as a fresh compilation would give.
func TestStalePolicy(t *testing.T) {
	d, err := zhdict.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	stale, err := newSegmenter(Config{}, d, dict.Policy+"\n# an edit\n")
	if err != nil {
		t.Fatal(err)
	}
	if !stale.stale || stale.ov == nil {
		t.Fatal("a changed policy list was not noticed")
	}
	fresh := segFor(t, "default")
	if stale.total != fresh.total {
		t.Errorf("total %v with the overlay, %v compiled", stale.total, fresh.total)
	}
	for _, l := range lines(policyText) {
		for _, opt := range allOptions {
			a, _ := stale.Cut(l, opt)
			b, _ := fresh.Cut(l, opt)
			if !reflect.DeepEqual(a, b) {
				t.Fatalf("%+v on %q:\n%v\n%v", opt, l, a, b)
			}
		}
	}
}

// TestImplausibleDictionary: a missing, damaged or tiny built-in dictionary
// is an error from New's check, never a segmenter that cuts every
// character apart.
func TestImplausibleDictionary(t *testing.T) {
	small, err := zhdict.Build(&zhdict.Source{
		Base:      []zhdict.Word{{Key: "中国", Freq: 10}, {Key: "人民", Freq: 5}},
		BaseTotal: 15,
		IDF:       []zhdict.IDFWord{{Key: "中国", Value: 3}},
		IDFMedian: 3,
		HMM:       zhdict.HMM{Emit: map[rune][4]float64{'中': {-1, -2, -3, -4}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	real := dict.Compiled
	for name, data := range map[string]string{
		"empty":     "",
		"truncated": real[:len(real)/2],
		"damaged":   real[:1000] + "x" + real[1001:],
		"tiny":      string(small),
	} {
		_, err := checkDict(zhdict.Open(data))
		if err == nil {
			t.Errorf("%s dictionary accepted", name)
			continue
		}
		if !strings.Contains(err.Error(), "dict/zhdict.bin") {
			t.Errorf("%s: %v does not name the file", name, err)
		}
	}
	if _, err := checkDict(zhdict.Open(real)); err != nil {
		t.Errorf("the real dictionary: %v", err)
	}
	if _, err := New(Config{}); err != nil {
		t.Errorf("New: %v", err)
	}
}

func toLowerRef(r rune) rune { return unicode.ToLower(r) }
func isHanRef(r rune) bool   { return unicode.Is(unicode.Han, r) }

func TestLower(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if a, b := lower(r), toLowerRef(r); a != b {
			t.Fatalf("lower(%U) = %U, unicode.ToLower %U", r, a, b)
		}
	}
}

func TestIsHan(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if a, b := isHan(r), isHanRef(r); a != b {
			t.Fatalf("isHan(%U) = %v, unicode.Is(Han) %v", r, a, b)
		}
	}
}

func ExampleSegmenter_Cut() {
	s, err := New(Config{})
	if err != nil {
		panic(err)
	}
	toks, _ := s.Cut("推动GDP增长5.2%，发展新质生产力", Options{})
	var words []string
	for _, tk := range toks {
		words = append(words, fmt.Sprintf("%s[%d:%d]", tk.Text, tk.Start, tk.End))
	}
	fmt.Println(strings.Join(words, " "))
	// Output: 推动[0:6] GDP[6:9] 增长[9:15] 5.2%[15:19] ，[19:22] 发展[22:28] 新质生产力[28:43]
}

// nextSpan returns the first span of text at or after byte i, as
// cutter.run reads them (the blocks TestWrapperModesAreGse cuts); whitespace
// is skipped. Unless plain, the full-width forms of ASCII (U+FF01–FF5E:
// ＡＢＣ, ０１２, ．％) are classed as the ASCII they stand for, so that
// full-width digits and letters join words and numbers, and a run of one
// dash or ellipsis character is one span.
func nextSpan(text string, i int, plain bool) (span, bool) {
	class := func(r rune) uint8 {
		if !plain && r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFF01 - 0x21
		}
		return classOf(r)
	}
	for i < len(text) {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		switch class(r) {
		case clSpace:
			i += n
		case clBlock:
			j := i + n
			for j < len(text) {
				r2, n2 := rune(text[j]), 1
				if r2 >= utf8.RuneSelf {
					r2, n2 = utf8.DecodeRuneInString(text[j:])
				}
				if class(r2) != clBlock {
					break
				}
				j += n2
			}
			return span{i, j, true}, true
		default:
			if !plain && isRunPunct(r) {
				// a dash or an ellipsis is written as a run of one character
				j := i + n
				for j < len(text) {
					r2, n2 := utf8.DecodeRuneInString(text[j:])
					if r2 != r {
						break
					}
					j += n2
				}
				return span{i, j, false}, true
			}
			return span{i, i + n, false}, true
		}
	}
	return span{}, false
}
