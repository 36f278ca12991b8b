// Package compare finds what distinguishes one corpus from another: the
// keyness of every term by log-likelihood (G², Dunning 1993; quanteda's
// textstat_keyness with measure = "lr"), its effect size as a log ratio
// (Hardie 2014: the binary log of the ratio of relative frequencies), and
// the terms one side has and the other never uses.
package compare

import (
	"cmp"
	"slices"
	"strings"

	"zhpolicy/pkg/analysis/freq"
	"zhpolicy/pkg/analysis/keyness"
	"zhpolicy/pkg/analysis/overview"
)

// Options control which terms are listed.
type Options struct {
	// MinCount is the smallest total count (A + B) of a listed term; 0
	// means 1. For the terms only one side has, it is the smallest count
	// on that side.
	MinCount int64
	// MaxP lists in MoreInA and MoreInB only terms whose G² has a p-value
	// below it (chi-squared, one degree of freedom); 0 means 0.05. Use 1
	// to list every term.
	MaxP float64
	// Top limits every list (0: all).
	Top int
}

// Side is one of the two corpora.
type Side struct {
	Docs  int64 `json:"docs"`
	Units int64 `json:"units"`
	Terms int   `json:"terms"`
}

// Row is the comparison of one term.
type Row struct {
	Key     string `json:"-"`
	Surface string `json:"term"`
	A       int64  `json:"count_a"`
	B       int64  `json:"count_b"`
	DocsA   int64  `json:"docs_a"`
	DocsB   int64  `json:"docs_b"`
	// RateA and RateB are the counts per 10,000 units of each side.
	RateA float64 `json:"per10k_a"`
	RateB float64 `json:"per10k_b"`
	// G2 is the log-likelihood statistic (never negative); P its p-value.
	G2 float64 `json:"g2"`
	P  float64 `json:"p"`
	// LogRatio is log2 of the relative frequency in A over that in B, a
	// zero count taken as 0.5: positive when the term is more frequent in
	// A; +1 means twice as frequent.
	LogRatio float64 `json:"log_ratio"`
}

// MoreInA says whether the term is relatively more frequent in A.
func (r Row) MoreInA() bool { return r.LogRatio > 0 }

// Result is a comparison.
type Result struct {
	A, B Side
	// MoreInA and MoreInB are the terms relatively more frequent in one
	// side, by G², highest first (ties by key).
	MoreInA, MoreInB []Row
	// OnlyInA and OnlyInB are the terms the other side never uses, most
	// frequent first (ties by key).
	OnlyInA, OnlyInB []Row
}

// Keyness compares the counts of two corpora. Both must have been counted
// the same way.
func Keyness(a, b *freq.Counts, opts Options) Result {
	minCount := max(opts.MinCount, 1)
	maxP := opts.MaxP
	if maxP <= 0 {
		maxP = 0.05
	}
	res := Result{
		A: Side{Docs: a.Docs, Units: a.Units, Terms: a.Len()},
		B: Side{Docs: b.Docs, Units: b.Units, Terms: b.Len()},
	}
	keys := a.Keys()
	for _, k := range b.Keys() {
		if a.Get(k).Count == 0 {
			keys = append(keys, k)
		}
	}
	for _, k := range keys {
		ta, tb := a.Get(k), b.Get(k)
		if ta.Count+tb.Count < minCount && ta.Count < minCount && tb.Count < minCount {
			continue
		}
		r := Score(ta.Count, tb.Count, a.Units, b.Units)
		r.Key, r.DocsA, r.DocsB = k, ta.Docs, tb.Docs
		r.Surface = ta.Surface
		if tb.Count > ta.Count {
			r.Surface = tb.Surface
		}
		if tb.Count == 0 && ta.Count >= minCount {
			res.OnlyInA = append(res.OnlyInA, r)
		}
		if ta.Count == 0 && tb.Count >= minCount {
			res.OnlyInB = append(res.OnlyInB, r)
		}
		if ta.Count+tb.Count < minCount || r.P >= maxP && maxP < 1 {
			continue
		}
		switch {
		case r.LogRatio > 0:
			res.MoreInA = append(res.MoreInA, r)
		case r.LogRatio < 0:
			res.MoreInB = append(res.MoreInB, r)
		}
	}
	byG2 := func(x, y Row) int {
		if c := cmp.Compare(y.G2, x.G2); c != 0 {
			return c
		}
		return strings.Compare(x.Key, y.Key)
	}
	slices.SortFunc(res.MoreInA, byG2)
	slices.SortFunc(res.MoreInB, byG2)
	slices.SortFunc(res.OnlyInA, func(x, y Row) int {
		if c := cmp.Compare(y.A, x.A); c != 0 {
			return c
		}
		return strings.Compare(x.Key, y.Key)
	})
	slices.SortFunc(res.OnlyInB, func(x, y Row) int {
		if c := cmp.Compare(y.B, x.B); c != 0 {
			return c
		}
		return strings.Compare(x.Key, y.Key)
	})
	res.MoreInA = top(res.MoreInA, opts.Top)
	res.MoreInB = top(res.MoreInB, opts.Top)
	res.OnlyInA = top(res.OnlyInA, opts.Top)
	res.OnlyInB = top(res.OnlyInB, opts.Top)
	return res
}

func top(rs []Row, n int) []Row {
	if n > 0 && len(rs) > n {
		return rs[:n]
	}
	return rs
}

// Score computes the statistics of a term counted a times in a corpus of
// na units and b times in one of nb units.
func Score(a, b, na, nb int64) Row {
	r := Row{A: a, B: b}
	if na > 0 {
		r.RateA = float64(a) / float64(na) * 1e4
	}
	if nb > 0 {
		r.RateB = float64(b) / float64(nb) * 1e4
	}
	if na == 0 || nb == 0 {
		return r
	}
	r.G2 = keyness.G2(a, b, na, nb)
	r.P = keyness.PValue(r.G2)
	r.LogRatio = keyness.LogRatio(a, b, na, nb)
	return r
}

// OnlyIn returns the items of a (formulations, entities) that b never has,
// most frequent first (ties by key, then type); top limits their number (0:
// all). Items are matched by key and type.
func OnlyIn(a, b *overview.Tally, top int) []*overview.Item {
	if a == nil {
		return nil
	}
	have := map[[2]string]bool{}
	for _, it := range b.Items() {
		have[[2]string{it.Key, b.TypeKey(it)}] = true
	}
	var out []*overview.Item
	for _, it := range a.ByCount(0) {
		if !have[[2]string{it.Key, a.TypeKey(it)}] {
			out = append(out, it)
		}
	}
	if top > 0 && len(out) > top {
		out = out[:top]
	}
	return out
}
