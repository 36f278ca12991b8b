package keywords

import (
	"bytes"
	"fmt"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"zhpolicy/pkg/script"
)

// vocabTerms is a document whose vocabulary is the given keys, each once,
// of units words.
func vocabTerms(units int64, keys ...string) *Terms {
	t := &Terms{Chinese: true, Units: units, vocab: map[string]int32{}}
	for _, k := range keys {
		t.vocab[k]++
	}
	return t
}

func TestBackgroundCounts(t *testing.T) {
	b := NewBackground()
	b.Add(vocabTerms(10, "发展", "疫情", "疫情"))
	b.Add(vocabTerms(5, "发展"))
	if b.Docs() != 2 || b.Units() != 15 || b.Len() != 2 {
		t.Fatalf("docs %d units %d len %d", b.Docs(), b.Units(), b.Len())
	}
	if df, n := b.Lookup("发展"); df != 2 || n != 2 {
		t.Errorf("发展: df %d count %d, want 2 2", df, n)
	}
	if df, n := b.Lookup("疫情"); df != 1 || n != 2 {
		t.Errorf("疫情: df %d count %d, want 1 2", df, n)
	}
	if df, n := b.Lookup("没有"); df != 0 || n != 0 {
		t.Errorf("absent: %d %d", df, n)
	}
}

// TestBackgroundMergeAnySplit: backgrounds of any split of a collection,
// merged in any order, are the background of the whole.
func TestBackgroundMergeAnySplit(t *testing.T) {
	words := []string{"发展", "疫情", "乡村", "振兴", "数字经济", "新质生产力", "营商环境"}
	rng := rand.New(rand.NewSource(1))
	docs := make([]*Terms, 40)
	for i := range docs {
		var ks []string
		for j := 0; j < 1+rng.Intn(6); j++ {
			ks = append(ks, words[rng.Intn(len(words))])
		}
		docs[i] = vocabTerms(int64(10+rng.Intn(100)), ks...)
	}
	whole := NewBackground()
	for _, d := range docs {
		whole.Add(d)
	}
	var want bytes.Buffer
	if err := whole.WriteTSV(&want); err != nil {
		t.Fatal(err)
	}
	for trial := 0; trial < 20; trial++ {
		parts := make([]*Background, 1+rng.Intn(5))
		for i := range parts {
			parts[i] = NewBackground()
		}
		for _, i := range rng.Perm(len(docs)) {
			parts[rng.Intn(len(parts))].Add(docs[i])
		}
		rng.Shuffle(len(parts), func(i, j int) { parts[i], parts[j] = parts[j], parts[i] })
		// merge as a tree: ((p0+p1)+(p2+p3))…
		for len(parts) > 1 {
			var next []*Background
			for i := 0; i < len(parts); i += 2 {
				if i+1 < len(parts) {
					if err := parts[i].Merge(parts[i+1]); err != nil {
						t.Fatal(err)
					}
				}
				next = append(next, parts[i])
			}
			parts = next
		}
		var got bytes.Buffer
		if err := parts[0].WriteTSV(&got); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Fatalf("trial %d: merged background differs:\n%s\nwant\n%s", trial, got.String(), want.String())
		}
	}
}

func TestBackgroundTSV(t *testing.T) {
	b := NewBackground()
	b.Add(vocabTerms(10, "发展", "疫情"))
	b.Add(vocabTerms(20, "发展", "乡村振兴"))
	b.Add(vocabTerms(30, "发展", "乡村振兴"))
	var buf bytes.Buffer
	if err := b.WriteTSV(&buf); err != nil {
		t.Fatal(err)
	}
	want := "# zhpolicy keywords background\tv" + curV + "\tdocs=3\tunits=60\tmindf=1\n乡村振兴\t2\t2\n发展\t3\t3\n疫情\t1\t1\n"
	if buf.String() != want {
		t.Fatalf("TSV:\n%q\nwant\n%q", buf.String(), want)
	}
	r, err := ReadBackgroundTSV("bg.tsv", strings.NewReader(buf.String()))
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	r.WriteTSV(&again)
	if again.String() != want {
		t.Errorf("round trip:\n%q", again.String())
	}
	p := b.Prune(2)
	if p.Len() != 2 || p.MinDF() != 2 || p.Docs() != 3 {
		t.Errorf("pruned: len %d mindf %d docs %d", p.Len(), p.MinDF(), p.Docs())
	}
	if err := p.Merge(b); err == nil || !strings.Contains(err.Error(), "pruned") {
		t.Errorf("merging a pruned background: %v", err)
	}

	for _, c := range []struct{ in, err string }{
		{"", "empty"},
		{"word\t1\t1\n", "not a keyword background"},
		{"# zhpolicy keywords background\tv99\tdocs=1\tunits=1\tmindf=1\n", "version v99"}, // a version this build does not know
		{"# zhpolicy keywords background\tv1\tdocs=1\tunits=1\tmindf=1\n", "version v1"},   // before the rules of sessions 3-6
		{"# zhpolicy keywords background\tv" + curV + "\tdocs=x\tunits=1\tmindf=1\n", "bad header field"},
		{"# zhpolicy keywords background\tv" + curV + "\tdocs=1\tunits=1\tmindf=1\n发展\t2\t2\n", "bg.tsv:2: bad line"},
		{"# zhpolicy keywords background\tv" + curV + "\tdocs=2\tunits=1\tmindf=1\n发展 2 2\n", "bg.tsv:2: want"},
		{"# zhpolicy keywords background\tv" + curV + "\tdocs=2\tunits=1\tmindf=1\n发展\t1\t1\n发展\t1\t1\n", "bg.tsv:3: term \"发展\" twice"},
	} {
		if _, err := ReadBackgroundTSV("bg.tsv", strings.NewReader(c.in)); err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("%q: err %v, want %q", c.in, err, c.err)
		}
	}
}

func TestBackgroundIDF(t *testing.T) {
	b := NewBackground()
	for i := 0; i < 100; i++ {
		ks := []string{"推进"}
		if i < 10 {
			ks = append(ks, "营商环境")
		}
		b.Add(vocabTerms(100, ks...))
	}
	general := NewMapIDF(map[string]float64{"推进": 4, "营商环境": 12, "今天": 3, "南疆": 9})
	x := b.IDF(general)
	unseen := math.Log((100 + bgPrior) / bgUnseen)
	want := func(g, df float64) float64 {
		// each document uses each term once (vocabTerms): count = df
		return g * math.Log((100+bgPrior)/(df+bgPrior*math.Exp(-g)+bgUnseen)) / unseen * burst(int64(df), int64(df))
	}
	for _, c := range []struct {
		w     string
		g, df float64
		known bool
	}{{"推进", 4, 100, true}, {"营商环境", 12, 10, true}, {"南疆", 9, 0, true}, {"今天", 3, 0, true}, {"八八战略", general.Median(), 0, false}} {
		got, ok := x.Lookup(c.w)
		if math.Abs(got-want(c.g, c.df)) > 1e-12 || ok != c.known {
			t.Errorf("IDF(%s) = %v, %v; want %v, %v", c.w, got, ok, want(c.g, c.df), c.known)
		}
	}
	// a word every policy document uses ranks far below one some use,
	// which ranks below one none uses; among the unseen, general text
	// decides.
	idf := func(w string) float64 { v, _ := x.Lookup(w); return v }
	if !(idf("推进") < idf("营商环境")/5 && idf("营商环境") < idf("南疆") && idf("今天") < idf("南疆")) {
		t.Errorf("order: 推进 %v 营商环境 %v 南疆 %v 今天 %v", idf("推进"), idf("营商环境"), idf("南疆"), idf("今天"))
	}
	if got := x.Median(); math.Abs(got-want(general.Median(), 0)) > 1e-12 {
		t.Errorf("Median = %v", got)
	}
	// no background: the general table itself.
	if NewBackground().IDF(general) != IDF(general) {
		t.Error("empty background should give the general table")
	}
}

func TestBuiltinBackground(t *testing.T) {
	b, err := BuiltinBackground()
	if err != nil {
		t.Fatal(err)
	}
	if b.Docs() < 200 || b.Len() < 20000 || b.MinDF() != 2 {
		t.Fatalf("built-in background: %d docs, %d terms, mindf %d", b.Docs(), b.Len(), b.MinDF())
	}
	// words every report uses are in most documents; a formulation of
	// recent years in some; none of the glossary terms of the TEST
	// reports (they were kept out) is more than rare.
	for _, c := range []struct {
		w        string
		min, max int64
	}{{"改革", b.Docs() / 3, b.Docs()}, {"高质量发展", 20, b.Docs() / 2}, {"四大主导产业", 0, 1}, {"三医联动一张网", 0, 1}} {
		if df, _ := b.Lookup(c.w); df < c.min || df > c.max {
			t.Errorf("%s: df %d, want %d..%d", c.w, df, c.min, c.max)
		}
	}
}

// TestTermsVocabulary: a document adds every candidate word and every
// well-formed sequence to a background, phrase or not.
func TestTermsVocabulary(t *testing.T) {
	in := doc(t, script.Simplified, "医药/n 高新区/nr 发展/vn 。/w 数字/n 经济/n 。/w 加强/v 监管/vn")
	tm := Collect(in, Options{})
	var got []string
	for k, n := range tm.vocab {
		got = append(got, fmt.Sprintf("%s:%d", k, n))
	}
	slices.Sort(got)
	// 医药高新区 and 数字经济 occur once: not phrases of the document,
	// but in its vocabulary; 高新区发展 ends with a stopword in a short
	// text, which is allowed; 加强监管 begins with a stopword.
	want := []string{"医药:1", "医药高新区:1", "医药高新区发展:1", "数字:1", "数字经济:1", "监管:1", "经济:1", "高新区:1", "高新区发展:1"}
	if !slices.Equal(got, want) {
		t.Errorf("vocabulary %q, want %q", got, want)
	}
	if tm.Units != 7 {
		t.Errorf("units %d, want 7", tm.Units)
	}
}

// TestBackgroundTable checks the table form: a background written as a
// table reads back the same, in place, and the embedded table is the
// committed text form (go generate ./dict/keywords writes both).
func TestBackgroundTable(t *testing.T) {
	b := NewBackground()
	b.docs, b.units = 3, 100
	for i, k := range []string{"高质量发展", "推进", "x", "新质生产力", "一带一路"} {
		*b.terms.ref(k) = bgEntry{df: int64(i + 1), count: int64(10 * (i + 1))}
	}
	var buf strings.Builder
	if err := b.WriteTable(&buf); err != nil {
		t.Fatal(err)
	}
	r, err := readBackgroundTable("t.bin", buf.String())
	if err != nil {
		t.Fatal(err)
	}
	if r.Len() != b.Len() || r.Docs() != 3 || r.Units() != 100 || !slices.Equal(r.Keys(), b.Keys()) {
		t.Fatalf("read back: %d terms %d docs %d units %q", r.Len(), r.Docs(), r.Units(), r.Keys())
	}
	b.each(func(k string, e bgEntry) bool {
		if df, n := r.Lookup(k); df != e.df || n != e.count {
			t.Errorf("%s: %d %d, want %d %d", k, df, n, e.df, e.count)
		}
		return true
	})
	if df, _ := r.Lookup("没有"); df != 0 {
		t.Errorf("unknown term: df %d", df)
	}
	// a table read in place is copied, not written to, when added to
	r.Add(&Terms{vocab: map[string]int32{"推进": 1}})
	if df, _ := r.Lookup("推进"); df != 3 {
		t.Errorf("after Add: df(推进) = %d, want 3", df)
	}
	if again, _ := readBackgroundTable("t.bin", buf.String()); func() int64 { e, _ := again.tab.get("推进"); return e.df }() != 2 {
		t.Error("Add wrote to the table")
	}
	for _, bad := range []string{"", "ZPKWBG\x01\n", buf.String()[:len(buf.String())-1], "x" + buf.String()[1:]} {
		if _, err := readBackgroundTable("bad.bin", bad); err == nil {
			t.Errorf("a bad table (%d bytes) read without error", len(bad))
		}
	}

	builtin, err := BuiltinBackground()
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(filepath.Join("..", "..", "..", "dict", "keywords", "background.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := readBackgroundText("background.tsv", string(text))
	if err != nil {
		t.Fatal(err)
	}
	if builtin.Len() != want.Len() || builtin.Docs() != want.Docs() || builtin.Units() != want.Units() || builtin.MinDF() != want.MinDF() {
		t.Fatalf("embedded table: %d terms, %d docs; background.tsv: %d terms, %d docs (run go run ./dict/keywords/gen -table)",
			builtin.Len(), builtin.Docs(), want.Len(), want.Docs())
	}
	want.each(func(k string, e bgEntry) bool {
		if df, n := builtin.Lookup(k); df != e.df || n != e.count {
			t.Fatalf("embedded table: %s %d %d; background.tsv: %d %d (run go run ./dict/keywords/gen -table)", k, df, n, e.df, e.count)
		}
		return true
	})
}

// A word every document of the background uses about once (a genre's
// procedure: 申报材料) is more background than one used as often in fewer
// documents' bursts (a topic: 智能网联汽车), at the same document frequency.
func TestBurstLowersOnceADocumentWords(t *testing.T) {
	if got := burst(0, 0); got != 1 {
		t.Errorf("burst of an unknown term = %v, want 1", got)
	}
	once, bursty := burst(12, 12), burst(12, 120)
	if once > 0.6 || bursty < 0.99 || once >= bursty {
		t.Errorf("burst(12 docs, 12) = %.3f, burst(12 docs, 120) = %.3f: want at most 0.6 and near 1", once, bursty)
	}
	prev := 0.0
	for c := int64(12); c <= 60; c += 6 {
		b := burst(12, c)
		if b < prev {
			t.Errorf("burst(12, %d) = %.3f falls below burst(12, %d) = %.3f", c, b, c-6, prev)
		}
		prev = b
	}
	// two documents say little: shrunk towards the prior
	if got := burst(2, 2); got < burst(12, 12)+0.1 {
		t.Errorf("burst(2, 2) = %.3f: want well above burst(12, 12) = %.3f", got, burst(12, 12))
	}
	bg := NewBackground()
	bg.docs = 100
	*bg.terms.ref("申报材料") = bgEntry{df: 12, count: 12}
	*bg.terms.ref("网联汽车") = bgEntry{df: 12, count: 120}
	idf := bg.IDF(nil)
	a, _ := idf.Lookup("申报材料")
	b, _ := idf.Lookup("网联汽车")
	if a >= b {
		t.Errorf("IDF 申报材料 %.3f >= 网联汽车 %.3f at the same document frequency", a, b)
	}
}

// curV is the current PartialVersion as written in headers.
var curV = strconv.Itoa(PartialVersion)
