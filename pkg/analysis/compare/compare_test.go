package compare

import (
	"math"
	"strings"
	"testing"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/analysis/freq"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

func TestScoreLogRatio(t *testing.T) {
	tests := []struct {
		a, b, na, nb int64
		lr           float64
	}{
		{20, 10, 1000, 1000, 1},
		{10, 20, 1000, 1000, -1},
		{10, 10, 1000, 2000, 1},
		{4, 0, 100, 100, 3}, // zero taken as 0.5: log2(4/0.5)
		{7, 7, 50, 50, 0},
	}
	for _, tt := range tests {
		r := Score(tt.a, tt.b, tt.na, tt.nb)
		if math.Abs(r.LogRatio-tt.lr) > 1e-9 {
			t.Errorf("Score(%d,%d,%d,%d).LogRatio = %v, want %v", tt.a, tt.b, tt.na, tt.nb, r.LogRatio, tt.lr)
		}
	}
	if r := Score(3, 1, 0, 10); r.G2 != 0 || r.P != 0 || r.RateB != 1000 {
		t.Errorf("empty side: %+v", r)
	}
}

func count(spec string, kind script.Kind) *freq.Counts {
	var text strings.Builder
	var toks []segment.Token
	for _, w := range strings.Fields(spec) {
		if w == "/" { // a line end: Traditional lines are folded line by line
			text.WriteString("\n")
			continue
		}
		s := text.Len()
		text.WriteString(w)
		toks = append(toks, segment.Token{Text: w, Start: int32(s), End: int32(text.Len())})
	}
	return freq.Count(analysis.NewInput("x", text.String(), kind, toks), freq.Options{})
}

func keys(rs []Row) string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Surface)
	}
	return strings.Join(out, " ")
}

func TestKeyness(t *testing.T) {
	a := count(strings.Repeat("发展 改革 新质生产力 新质生产力 ", 10)+"开放 开放 开放 稳定", script.Simplified)
	b := count(strings.Repeat("发展 改革 稳定 稳定 稳定 ", 10)+"脱贫攻坚 脱贫攻坚 / 脫貧攻堅", script.Mixed)
	tests := []struct {
		name                       string
		opts                       Options
		moreA, moreB, onlyA, onlyB string
	}{
		// 脱贫攻坚 (3 against 0) has G² 3.63, p 0.057: listed only in B, not significant
		{"default", Options{}, "新质生产力 开放", "稳定", "新质生产力 开放", "脱贫攻坚"},
		{"min count", Options{MinCount: 4}, "新质生产力", "稳定", "新质生产力", ""},
		{"top", Options{Top: 1, MaxP: 1}, "新质生产力", "稳定", "新质生产力", "脱贫攻坚"},
		// A is the smaller corpus: 发展 and 改革 (10 in each) are relatively more frequent in A
		{"all p", Options{MaxP: 1}, "新质生产力 开放 发展 改革", "稳定 脱贫攻坚", "新质生产力 开放", "脱贫攻坚"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Keyness(a, b, tt.opts)
			for _, c := range []struct{ what, got, want string }{
				{"more in A", keys(r.MoreInA), tt.moreA},
				{"more in B", keys(r.MoreInB), tt.moreB},
				{"only in A", keys(r.OnlyInA), tt.onlyA},
				{"only in B", keys(r.OnlyInB), tt.onlyB},
			} {
				if c.got != c.want {
					t.Errorf("%s: %q, want %q", c.what, c.got, c.want)
				}
			}
			if r.A.Units != a.Units || r.B.Docs != 1 {
				t.Errorf("sides: %+v %+v", r.A, r.B)
			}
		})
	}
	// swapping the sides swaps the lists
	r1, r2 := Keyness(a, b, Options{}), Keyness(b, a, Options{})
	if keys(r1.MoreInA) != keys(r2.MoreInB) || keys(r1.OnlyInB) != keys(r2.OnlyInA) {
		t.Errorf("not symmetric: %q/%q %q/%q", keys(r1.MoreInA), keys(r2.MoreInB), keys(r1.OnlyInB), keys(r2.OnlyInA))
	}
}
