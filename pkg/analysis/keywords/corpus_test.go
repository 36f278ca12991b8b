package keywords

import (
	"math"
	"testing"

	"zhpolicy/pkg/script"
)

func TestCorpusRanking(t *testing.T) {
	docs := []struct {
		kind script.Kind
		spec string
	}{
		{script.Simplified, "经济/n 。/w 经济/n 。/w 乡村/n"},
		{script.Traditional, "經濟/n 。/w 疫情/n"},
		{script.Traditional, "經濟/n 。/w 經濟/n 。/w 乡村/n"},
	}
	whole := NewCorpus()
	a, b := NewCorpus(), NewCorpus()
	for i, d := range docs {
		terms := Collect(doc(t, d.kind, d.spec), Options{})
		kws := terms.Score(Options{}, 0)
		whole.Add(terms, kws)
		if i < 2 {
			a.Add(terms, kws)
		} else {
			b.Add(terms, kws)
		}
	}
	a.Merge(b)
	for name, c := range map[string]*Corpus{"whole": whole, "merged": a} {
		r := c.Ranking(0, All)
		if c.Docs() != 3 || len(r) != 3 {
			t.Fatalf("%s: docs %d, ranking %v", name, c.Docs(), r)
		}
		top := r[0]
		// 经济 is in all three documents (both scripts fold together);
		// written 經濟 3 times, 经济 2 times.
		if top.Key != "经济" || top.Docs != 3 || top.Count != 5 || top.Surface != "經濟" {
			t.Errorf("%s: top = %+v", name, top)
		}
		// mean over all documents, IDF 1, counts damped (1 + ln 2 for two).
		if want := ((1+math.Ln2)/3 + 1.0/2 + (1+math.Ln2)/3) / 3; math.Abs(top.Score-want) > 1e-9 {
			t.Errorf("%s: score %v, want %v", name, top.Score, want)
		}
		if r[1].Key != "乡村" || r[1].Docs != 2 || r[2].Key != "疫情" || r[2].Docs != 1 {
			t.Errorf("%s: ranking %+v", name, r)
		}
		if got := c.Ranking(1, All); len(got) != 1 {
			t.Errorf("%s: top 1 gave %d", name, len(got))
		}
	}
}
