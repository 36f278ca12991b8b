package keyness

import (
	"math"
	"testing"
)

func TestG2(t *testing.T) {
	// 2 Σ O ln(O/E) by hand: a=10 of 100, b=10 of 1000
	ea, eb := 100.0*20/1100, 1000.0*20/1100
	want := 2 * (10*math.Log(10/ea) + 10*math.Log(10/eb))
	if got := G2(10, 10, 100, 1000); math.Abs(got-want) > 1e-12 {
		t.Errorf("G2 = %v, want %v", got, want)
	}
	if G2(5, 50, 100, 1000) != 0 || G2(0, 0, 10, 10) != 0 || G2(1, 1, 0, 0) != 0 {
		t.Error("equal rates, no counts or no units must give 0")
	}
	if p := PValue(3.841458820694124); math.Abs(p-0.05) > 1e-9 {
		t.Errorf("PValue(3.84) = %v, want 0.05", p)
	}
	if PValue(0) != 1 {
		t.Error("PValue(0) != 1")
	}
	if r := LogRatio(4, 0, 10, 10); math.Abs(r-3) > 1e-12 {
		t.Errorf("LogRatio(4, 0) = %v, want log2(4/0.5) = 3", r)
	}
}

func TestG2Table(t *testing.T) {
	// Reference values computed by hand from 2 Σ O ln(O/E):
	// a=10 of 1000, b=2 of 1000: E=6,6 → 2(10 ln(10/6) + 2 ln(2/6)) = 5.82236…
	// a=1, b=100 of 10000 each: E=50.5 → 2(ln(1/50.5) + 100 ln(100/50.5)) = 128.7954…
	tests := []struct {
		a, b, na, nb int64
		g2, p        float64
	}{
		{10, 2, 1000, 1000, 5.822364, 0.015826},
		{5, 5, 100, 100, 0, 1},
		{0, 0, 100, 100, 0, 1},
		{20, 0, 1000, 1000, 27.725887, 1.3926e-07},
		{1, 100, 10000, 10000, 128.795423, 7.518e-30},
	}
	for _, tt := range tests {
		g := G2(tt.a, tt.b, tt.na, tt.nb)
		if math.Abs(g-tt.g2) > 1e-3*math.Max(1, tt.g2) {
			t.Errorf("G2(%d,%d,%d,%d) = %.6f, want %.6f", tt.a, tt.b, tt.na, tt.nb, g, tt.g2)
		}
		if p := PValue(g); math.Abs(p-tt.p) > 0.01*tt.p+1e-12 {
			t.Errorf("p(%.4f) = %g, want %g", g, p, tt.p)
		}
	}
}
