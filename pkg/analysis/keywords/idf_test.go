package keywords

import (
	"math"
	"strings"
	"testing"
)

func TestParseIDF(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantErr string
		check   map[string]float64
		median  float64
	}{
		{name: "jieba format with comments and a BOM", in: "\uFEFF# words\n产业 2.5\n\nGDP 7\n乡村 9.25\n",
			check: map[string]float64{"产业": 2.5, "gdp": 7, "乡村": 9.25}, median: 7},
		{name: "one field", in: "产业 2\n乡村\n", wantErr: "f.idf:2: want `word idf`, got 1 field(s)"},
		{name: "three fields", in: "产业 2 n\n", wantErr: "f.idf:1: want `word idf`, got 3 field(s)"},
		{name: "not a number", in: "产业 2\n\n乡村 high\n", wantErr: "f.idf:3: idf \"high\" is not a non-negative number"},
		{name: "negative", in: "产业 -1\n", wantErr: "f.idf:1: idf \"-1\""},
		{name: "NaN", in: "产业 NaN\n", wantErr: "f.idf:1:"},
		{name: "invalid UTF-8", in: "产业 1\n\xff\xfe 2\n", wantErr: "f.idf:2: not valid UTF-8"},
		{name: "empty", in: "# nothing\n", wantErr: "f.idf: no `word idf` lines"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseIDF("f.idf", strings.NewReader(tt.in))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for w, v := range tt.check {
				if g, ok := got.Lookup(w); !ok || g != v {
					t.Errorf("Lookup(%q) = %v, %v; want %v", w, g, ok, v)
				}
			}
			if got.Median() != tt.median {
				t.Errorf("Median = %v, want %v", got.Median(), tt.median)
			}
			if _, ok := got.Lookup("没有"); ok {
				t.Error("Lookup of an absent word reported found")
			}
		})
	}
}

func terms(keys ...string) *Terms {
	t := &Terms{Chinese: true}
	for _, k := range keys {
		t.terms = append(t.terms, term{key: k, count: 1, weight: 1, forms: []form{{text: k, n: 1}}})
		t.seq = append(t.seq, int32(len(t.terms)-1))
		t.weight++
	}
	return t
}

func TestCorpusIDF(t *testing.T) {
	a := NewDocFreq()
	a.Add(terms("发展", "疫情"))
	a.Add(terms("发展"))
	b := NewDocFreq()
	b.Add(terms("发展", "乡村"))
	b.Add(terms("发展"))
	a.Merge(b)
	if a.N != 4 || a.DF["发展"] != 4 || a.DF["疫情"] != 1 || a.DF["乡村"] != 1 {
		t.Fatalf("merged = %+v", a)
	}
	prior := NewMapIDF(map[string]float64{"发展": 3, "疫情": 10, "乡村": 6})
	idf := a.IDF(prior)
	want := func(df, builtin float64) float64 {
		return math.Log((4 + corpusPrior) / (df + corpusPrior*math.Exp(-builtin)))
	}
	for _, c := range []struct {
		w         string
		df, prior float64
	}{{"发展", 4, 3}, {"疫情", 1, 10}, {"乡村", 1, 6}} {
		got, ok := idf.Lookup(c.w)
		if !ok || math.Abs(got-want(c.df, c.prior)) > 1e-12 {
			t.Errorf("IDF(%s) = %v, %v; want %v", c.w, got, ok, want(c.df, c.prior))
		}
	}
	// a word in every document ranks far below a word in one.
	d, _ := idf.Lookup("发展")
	y, _ := idf.Lookup("疫情")
	if d > y/4 {
		t.Errorf("IDF(发展) = %v, IDF(疫情) = %v", d, y)
	}
	// the built-in IDF breaks ties between words of the same df.
	x, _ := idf.Lookup("乡村")
	if !(x < y) {
		t.Errorf("IDF(乡村) = %v should be below IDF(疫情) = %v (commoner in the reference)", x, y)
	}
	if _, ok := idf.Lookup("没有"); ok {
		t.Error("absent word reported found")
	}
	if got := idf.Median(); math.Abs(got-math.Log(4+corpusPrior)) > 1e-12 {
		t.Errorf("Median = %v", got)
	}
	// a single document still ranks by the built-in table.
	one := NewDocFreq()
	one.Add(terms("发展", "疫情"))
	i1 := one.IDF(prior)
	p, _ := i1.Lookup("发展")
	q, _ := i1.Lookup("疫情")
	if !(p < q) {
		t.Errorf("one document: IDF(发展) = %v, IDF(疫情) = %v", p, q)
	}
}
