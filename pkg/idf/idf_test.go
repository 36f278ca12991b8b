package idf

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-ego/gse"
	gseidf "github.com/go-ego/gse/hmm/idf"

	"zhpolicy/internal/zhdict"
)

// reference is gse's IDF table parsed the slow way, independently of the
// compiled dictionary: key → value, and the median.
func reference() (map[string]float64, float64) {
	words, median := zhdict.ParseIDF(gse.ZhIdf)
	m := make(map[string]float64, len(words))
	for _, w := range words {
		m[w.Key] = w.Value
	}
	return m, median
}

// TestTableIsFullTable: every word of gse's table parsed the slow way
// has the same IDF in the compiled dictionary; it has no other words; the
// medians agree.
func TestTableIsFullTable(t *testing.T) {
	tab, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ref, median := reference()
	if tab.Len() != len(ref) {
		t.Fatalf("compiled table has %d words, gse's %d", tab.Len(), len(ref))
	}
	for w, want := range ref {
		got, ok := tab.Lookup(w)
		if !ok || got != want {
			t.Fatalf("%q: compiled %v %v, gse's table %v", w, got, ok, want)
		}
	}
	n := 0
	tab.d.Each(func(key string, node uint32) {
		if _, ok := tab.d.IDF(node); ok {
			n++
			if _, in := ref[key]; !in {
				t.Errorf("%q has an IDF in the compiled table, not in gse's", key)
			}
		}
	})
	if n != len(ref) {
		t.Errorf("%d nodes with an IDF, want %d", n, len(ref))
	}
	if tab.Median() != median {
		t.Errorf("median %v, gse's table %v", tab.Median(), median)
	}
	for _, w := range []string{"", "高质量发展的", "劳动防", "zzzz", "\xff"} {
		if _, ok := ref[w]; ok {
			continue
		}
		if v, ok := tab.Lookup(w); ok {
			t.Errorf("%q is not in the table, Lookup gives %v", w, v)
		}
	}
	if v := tab.IDF("不在表里的词语"); v != tab.Median() {
		t.Errorf("IDF of an unknown word = %v, want the median %v", v, tab.Median())
	}
}

// TestMatchesGse: for the words gse's own TF-IDF can score (two runes or
// more, as its ExtractTags keeps, with an IDF of at least 2, which its
// loader keeps), gse gives the same number. The differences documented
// in the package comment hold.
func TestMatchesGse(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse's IDF table (about 2 s)")
	}
	var te gseidf.TagExtracter
	if err := te.LoadIdfStr(gse.ZhIdf); err != nil {
		t.Fatal(err)
	}
	tab, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ref, _ := reference()
	n := 0
	for w, want := range ref {
		g, _, ok := te.Idf.Freq(w)
		if utf8.RuneCountInString(w) < 2 || want < 2 {
			continue
		}
		if got, _ := tab.Lookup(w); !ok || g != got {
			t.Fatalf("%q: gse %v %v, table %v", w, g, ok, got)
		}
		n++
	}
	if n < 250000 {
		t.Fatalf("only %d words compared", n)
	}
	// the documented differences
	if v, _, ok := te.Idf.Freq("劳动防"); !ok || v != 0 {
		t.Errorf("gse: a prefix of a word is found with IDF 0: got %v %v", v, ok)
	}
	if v, _, _ := te.Idf.Freq("的"); v != 0 {
		t.Errorf("gse: values below 2 are dropped: 的 = %v, want 0", v)
	}
	if v, _, _ := te.Idf.Freq("党"); v != 2 {
		t.Errorf("gse: single characters get 2: 党 = %v", v)
	}
	if v, ok := tab.Lookup("党"); !ok || v < 2 || v == 2 {
		t.Errorf("table: 党 = %v %v, want its own IDF (above 2)", v, ok)
	}
	if v, ok := tab.Lookup("的"); !ok || v != 0.88474202619 {
		t.Errorf("table: 的 = %v %v", v, ok)
	}
}

func TestMedian(t *testing.T) {
	if got := zhdict.Median([]float64{3, 1, 2, 5}); got != 3 {
		t.Errorf("median of 1 2 3 5 = %v, want 3 (index len/2 of the sorted values)", got)
	}
	tab, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if m := tab.Median(); m < 5 || m > 15 {
		t.Errorf("median IDF %v is implausible", m)
	}
}

func BenchmarkLookup(b *testing.B) {
	tab, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	words := []string{"高质量发展", "新质生产力", "的", "劳动防护", "不在表里的词语", "经济", "GDP"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		tab.Lookup(words[i%len(words)])
	}
}

// TestImplausibleTable: a dictionary without the IDF table is refused with
// an error, not used.
func TestImplausibleTable(t *testing.T) {
	if _, err := open(nil, zhdict.ErrFormat); err == nil {
		t.Error("an unreadable dictionary was accepted")
	}
	data, err := zhdict.Build(&zhdict.Source{
		Base:      []zhdict.Word{{Key: "中国", Freq: 10}},
		BaseTotal: 10,
		IDF:       []zhdict.IDFWord{{Key: "中国", Value: 3}},
		IDFMedian: 3,
	})
	if err != nil {
		t.Fatal(err)
	}
	d, err := zhdict.Open(string(data))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := open(d, nil); err == nil || !strings.Contains(err.Error(), "go generate ./dict") {
		t.Errorf("a table of one word: %v, want an error naming `go generate ./dict`", err)
	}
}
