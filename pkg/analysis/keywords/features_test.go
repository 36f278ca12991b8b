package keywords

import (
	"math"
	"testing"
)

// TestCandidatesRankAsScore: Candidates gives Score's ranking, each term
// with one value for every feature name, and the features say what the
// terms are.
func TestCandidatesRankAsScore(t *testing.T) {
	opts, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	in := realInput(t, "municipal_report.txt", readSample(t, "municipal_report.txt"))
	terms := Collect(in, opts)
	want := terms.Score(opts, 30)
	got := terms.Candidates(opts, 30)
	if len(got) != len(want) || len(got) == 0 {
		t.Fatalf("%d candidates, Score gives %d", len(got), len(want))
	}
	col := map[string]int{}
	for i, n := range FeatureNames {
		col[n] = i
	}
	for i, c := range got {
		if c.Key != want[i].Key || c.Score != want[i].Score {
			t.Errorf("#%d: %s %v, Score has %s %v", i, c.Key, c.Score, want[i].Key, want[i].Score)
		}
		if len(c.Features) != len(FeatureNames) {
			t.Fatalf("%s: %d features for %d names", c.Key, len(c.Features), len(FeatureNames))
		}
		for j, v := range c.Features {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Errorf("%s: %s = %v", c.Key, FeatureNames[j], v)
			}
		}
		if c.Features[col["phrase"]] != b2f(c.Phrase) || c.Features[col["runes"]] != float64(runeLen(c.Key)) {
			t.Errorf("%s: phrase %v runes %v", c.Key, c.Features[col["phrase"]], c.Features[col["runes"]])
		}
		if first := c.Features[col["first"]]; first < 0 || first > 1 {
			t.Errorf("%s: first %v outside [0, 1]", c.Key, first)
		}
	}
	if got[0].Features[col["score_rel"]] != 0 {
		t.Errorf("the best term's score_rel is %v, want 0", got[0].Features[col["score_rel"]])
	}
}
