package slogans

import (
	"math"
	"testing"
)

// TestFeaturesMatchTheModel: Features gives one value per name, and the
// generated weights have one weight per feature (regenerate model.go with
// `go run ./bench/slogans/learn -weights pkg/analysis/slogans/model.go`
// after changing the features).
func TestFeaturesMatchTheModel(t *testing.T) {
	in := prep(t, "坚持“两个毫不动摇”，推进“放管服”改革，实现高端化、智能化、绿色化发展，鼓励企业“看样学样”。")
	fs := Extract(in, Options{Lexicon: builtinLex(t)})
	if len(fs) == 0 {
		t.Fatal("no formulation")
	}
	w := modelWeights()
	for i := range fs {
		x := Features(in, &fs[i])
		if len(x) != len(FeatureNames()) || len(x) != len(w) {
			t.Fatalf("%d features, %d names, %d weights", len(x), len(FeatureNames()), len(w))
		}
		for j, v := range x {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Errorf("%s: feature %s = %v", fs[i].Key, FeatureNames()[j], v)
			}
		}
		q := quality(&w, in, &fs[i], len([]rune(in.Text)))
		if !(q > 0 && q < 1) {
			t.Errorf("%s: quality %v", fs[i].Key, q)
		}
		// Quality is kept to six decimals, and Score is made of it
		qr := math.Round(q*1e6) / 1e6
		if fs[i].Quality != qr {
			t.Errorf("%s: quality %v, want %v", fs[i].Key, fs[i].Quality, qr)
		}
		if want := math.Round(Salience(&fs[i], 1, 1)*qr*1e6) / 1e6; fs[i].Score != want {
			t.Errorf("%s: score %v, want salience × quality %v", fs[i].Key, fs[i].Score, want)
		}
		if len(FeatureWords(in, &fs[i])) == 0 {
			t.Errorf("%s: no symbolic feature", fs[i].Key)
		}
	}
}

// TestQualityOrders: the learned probability puts a numbered label and a
// known quoted label above a technology quoted in a list (“物联网”) and a
// plain phrase quoted for emphasis (“看样学样”), the kinds of DEV errors it
// was fitted on, and removes none of them.
func TestQualityOrders(t *testing.T) {
	in := prep(t, "全面贯彻新发展理念，坚持“两个毫不动摇”，深化“放管服”改革。充分利用云计算、“物联网”、大数据等技术，鼓励中小企业“看样学样”。")
	q := map[string]float64{}
	for _, f := range Extract(in, Options{Lexicon: builtinLex(t)}) {
		q[f.Key] = f.Quality
	}
	for _, k := range []string{"两个毫不动摇", "放管服", "物联网", "看样学样"} {
		if _, ok := q[k]; !ok {
			t.Fatalf("%s not output (the model only orders): %v", k, q)
		}
	}
	for _, good := range []string{"两个毫不动摇", "放管服"} {
		for _, weak := range []string{"物联网", "看样学样"} {
			if q[good] <= q[weak] {
				t.Errorf("quality %s %.3f <= %s %.3f", good, q[good], weak, q[weak])
			}
		}
	}
}
