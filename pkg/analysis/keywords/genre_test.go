package keywords

import (
	"math"
	"testing"
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
