package keywords

import (
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
