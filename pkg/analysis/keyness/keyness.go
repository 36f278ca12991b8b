// Package keyness has the statistics that tell what distinguishes one
// body of text from another: the log-likelihood G² of a term's counts, its
// p-value and the log ratio of its relative frequencies. compare (corpus
// against corpus) and keywords (a document against the rest or a
// background) both use them, so that the two rank by the same numbers.
package keyness

import "math"

// G2 is the log-likelihood statistic of a term counted a times in na units
// and b times in nb units: 2 Σ O ln(O/E) over the two cells, with the
// expected counts E in proportion to the sizes. It is never negative (a
// rounding below zero when a/na == b/nb gives 0).
func G2(a, b, na, nb int64) float64 {
	n := float64(na + nb)
	if n == 0 || a+b == 0 {
		return 0
	}
	ea := float64(na) * float64(a+b) / n
	eb := float64(nb) * float64(a+b) / n
	g := 0.0
	if a > 0 {
		g += float64(a) * math.Log(float64(a)/ea)
	}
	if b > 0 {
		g += float64(b) * math.Log(float64(b)/eb)
	}
	return max(2*g, 0)
}

// PValue is the probability of a G² at least g by chance (chi-squared
// distribution, one degree of freedom).
func PValue(g float64) float64 {
	if g <= 0 {
		return 1
	}
	return math.Erfc(math.Sqrt(g / 2))
}

// LogRatio is log2 of the relative frequency a/na over b/nb, a zero count
// taken as 0.5 (na and nb must not be zero).
func LogRatio(a, b, na, nb int64) float64 {
	fa, fb := float64(a), float64(b)
	if a == 0 {
		fa = 0.5
	}
	if b == 0 {
		fb = 0.5
	}
	return math.Log2((fa / float64(na)) / (fb / float64(nb)))
}
