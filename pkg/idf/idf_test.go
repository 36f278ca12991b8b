package idf

import (
	"testing"
	"unicode/utf8"

	gseidf "github.com/go-ego/gse/hmm/idf"

	"zhpolicy/internal/dictindex"
)

// TestTableIsFullTable: every word of the whole table parsed the slow way
// has the same IDF through the index; the index has no other words; the
// medians agree.
func TestTableIsFullTable(t *testing.T) {
	tab, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if tab.m != nil {
		t.Fatal("the committed IDF index does not match gse's embedded table: run `go generate ./dict`")
	}
	ref := parse(dictindex.GseIDF())
	if tab.Len() != ref.Len() {
		t.Fatalf("index has %d words, table %d", tab.Len(), ref.Len())
	}
	for w, want := range ref.m {
		got, ok := tab.Lookup(w)
		if !ok || got != want {
			t.Fatalf("%q: index %v %v, table %v", w, got, ok, want)
		}
	}
	if tab.Median() != ref.Median() {
		t.Errorf("median %v, table %v", tab.Median(), ref.Median())
	}
	for _, w := range []string{"", "高质量发展的", "劳动防", "zzzz", "\xff"} {
		if _, ok := ref.m[w]; ok {
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
	if err := te.LoadIdfStr(dictindex.GseIDF()); err != nil {
		t.Fatal(err)
	}
	tab, _ := Default()
	ref := parse(dictindex.GseIDF())
	n := 0
	for w, want := range ref.m {
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
	if got := dictindex.Median([]float64{3, 1, 2, 5}); got != 3 {
		t.Errorf("median of 1 2 3 5 = %v, want 3 (index len/2 of the sorted values)", got)
	}
	tab, _ := Default()
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
