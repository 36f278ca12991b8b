package keywords

import (
	"bufio"
	"strings"
	"testing"

	"zhpolicy/dict/keywords"
	"zhpolicy/pkg/script"
)

func TestParseStopwords(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantErr string
		has     []string
		hasNot  []string
	}{
		{name: "words, comments, both scripts", in: "\uFEFF# mine\n進一步\n\n部署\nGDP\n",
			has: []string{"进一步", "部署", "gdp"}, hasNot: []string{"# mine", ""}},
		{name: "two words on a line", in: "部署\n部署 安排\n", wantErr: "s.txt:2: want one word a line"},
		{name: "invalid UTF-8", in: "\xff\n", wantErr: "s.txt:1: not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseStopwords("s.txt", strings.NewReader(tt.in))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.has {
				if !s.Has(w) {
					t.Errorf("missing %q", w)
				}
			}
			for _, w := range tt.hasNot {
				if s.Has(w) {
					t.Errorf("has %q", w)
				}
			}
		})
	}
}

func TestBuiltinStopwords(t *testing.T) {
	// the list parses, is Simplified, and has no duplicates.
	if _, err := ParseStopwords("stopwords.txt", strings.NewReader(keywords.Stopwords)); err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(keywords.Stopwords))
	line := 0
	for sc.Scan() {
		line++
		w := strings.TrimSpace(sc.Text())
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		if prev, dup := seen[w]; dup {
			t.Errorf("line %d: %q repeats line %d", line, w, prev)
		}
		seen[w] = line
		if k := script.Detect(w).Kind; k == script.Traditional || k == script.Mixed {
			t.Errorf("line %d: %q is not Simplified (%v)", line, w, k)
		}
	}
	s := BuiltinStopwords()
	for _, w := range []string{"要", "进一步", "坚持", "加强", "工作", "方面", "推进", "的"} {
		if !s.Has(w) {
			t.Errorf("built-in list lacks %q", w)
		}
	}
	for _, w := range []string{"高质量发展", "乡村振兴", "疫情防控", "经济"} {
		if s.Has(w) {
			t.Errorf("built-in list must not have the term %q", w)
		}
	}
	if s.Len() < len(seen) {
		t.Errorf("Len = %d, want at least %d", s.Len(), len(seen))
	}
	// a word that folding changes is found under both keys.
	if !s.Has("显著") || !s.Has("显着") {
		t.Error("显著 must be found as written and as folded")
	}
}

func TestStopwordsUnion(t *testing.T) {
	a := NewStopwords("甲乙")
	b := NewStopwords("丙丁", "經濟")
	u := a.Union(b, nil)
	for _, w := range []string{"甲乙", "丙丁", "经济"} {
		if !u.Has(w) {
			t.Errorf("union lacks %q", w)
		}
	}
	if a.Has("丙丁") {
		t.Error("Union changed its receiver")
	}
	var none *Stopwords
	if none.Has("x") || none.Len() != 0 {
		t.Error("nil set must be empty")
	}
}
