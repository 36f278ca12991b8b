package keywords

import (
	"math"
	"testing"

	dictkw "zhpolicy/dict/keywords"
)

func TestGenreVocabularyIsTheCallsOwn(t *testing.T) {
	g := genreVocabulary()
	for _, w := range []string{"申报材料", "联系人", "附件"} {
		if g[w] < 3 {
			t.Errorf("%s: concentration %.2f among the calls, want >= 3", w, g[w])
		}
	}
	for _, w := range []string{"人工智能", "高质量发展", "智能网联汽车"} {
		if _, ok := g[w]; ok {
			t.Errorf("%s is in the calls' vocabulary", w)
		}
	}
}

func TestGenreTF(t *testing.T) {
	for _, w := range []float64{0.5, 1, 3, 20} {
		for _, r := range []float64{1, 4, 9} {
			got := 1 + math.Log(genreTF(w, r))
			want := (1 + math.Log(w)) / math.Sqrt(r)
			if math.Abs(got-want) > 1e-9 {
				t.Errorf("genreTF(%g, %g): 1+ln = %g, want %g", w, r, got, want)
			}
		}
	}
}

// The embedded tables parse whole (a malformed row would be skipped
// silently at run time), and a malformed row is counted.
func TestEmbeddedTablesParse(t *testing.T) {
	if m, bad := parseGenre(dictkw.Genre); bad != 0 || len(m) == 0 {
		t.Errorf("genre.tsv: %d terms, %d rows that do not parse", len(m), bad)
	}
	if m, bad := parseProcedure(dictkw.Procedure); bad != 0 || len(m) == 0 {
		t.Errorf("procedure.tsv: %d terms, %d rows that do not parse", len(m), bad)
	}
	genre := "# calls=21\tdocs=222\n专网\t3\t9\n坏行\t3\n负数\t-1\t9\n\n# comment\n"
	if m, bad := parseGenre(genre); bad != 2 || len(m) != 1 {
		t.Errorf("parseGenre: %v, %d bad; want 1 term, 2 bad", m, bad)
	}
	if _, bad := parseGenre("专网\t3\t9\n"); bad != 1 {
		t.Errorf("parseGenre without its calls= line: %d bad, want 1", bad)
	}
	proc := "公章\t4\t5\t6\n坏\t4\t7\t6\n空\t1\t0\t0\nx\t1\t2\n"
	if m, bad := parseProcedure(proc); bad != 3 || len(m) != 1 || m["公章"] != 5.0/6 {
		t.Errorf("parseProcedure: %v, %d bad; want 公章 5/6, 3 bad", m, bad)
	}
}
