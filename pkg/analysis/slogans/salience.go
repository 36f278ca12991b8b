package slogans

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// evidence is how strongly a kind marks a formulation: a numeral or a plan
// period are deliberate, quotation marks nearly so, a series may be
// rhetoric, a known term used bare is the weakest signal.
func evidence(kind Kind, members int) float64 {
	switch kind {
	case Plan, Numbered:
		return 1.0
	case Quoted:
		return 0.9
	case Parallel:
		if members >= 3 {
			return 0.85
		}
		return 0.75
	}
	return 0.7
}

// newBonus raises formulations no baseline attests: what an analyst reads
// a new report for.
const newBonus = 1.3

// Salience scores a formulation for the order an analyst wants: more uses
// (log-scaled), used by more documents of a corpus (docs of total), the
// evidence of its kind, and novelty. Per document, docs = total = 1.
func Salience(f *Formulation, docs, total int) float64 {
	return salience(f.Kind, len(f.Members), f.Count, docs, total, f.New)
}

func salience(kind Kind, members, count, docs, total int, isNew bool) float64 {
	if count < 1 {
		return 0
	}
	s := evidence(kind, members) * (1 + math.Log(float64(count)))
	if total > 1 && docs > 0 {
		s *= 1 + math.Log(float64(docs))
	}
	if isNew {
		s *= newBonus
	}
	return math.Round(s*1e6) / 1e6
}

// Order is an order of results.
type Order string

// The orders of results.
const (
	BySalience Order = "salience" // the default
	ByCount    Order = "count"
	ByKey      Order = "key"
)

// ParseOrder reads an order name.
func ParseOrder(s string) (Order, bool) {
	switch o := Order(strings.ToLower(strings.TrimSpace(s))); o {
	case BySalience, ByCount, ByKey:
		return o, true
	case "":
		return BySalience, true
	}
	return "", false
}

// SortBySalience sorts formulations by score, then count, then key.
func SortBySalience(fs []Formulation) { sortFormulations(fs, BySalience) }

func sortFormulations(fs []Formulation, o Order) {
	slices.SortStableFunc(fs, func(a, b Formulation) int {
		return compareItems(o, a.Score, b.Score, a.Count, b.Count, 1, 1, a.Key, b.Key, a.Kind, b.Kind)
	})
}

func compareItems(o Order, sa, sb float64, ca, cb, da, db int, ka, kb string, kia, kib Kind) int {
	switch o {
	case ByKey:
	case ByCount:
		if c := cmp.Compare(cb, ca); c != 0 {
			return c
		}
		if c := cmp.Compare(db, da); c != 0 {
			return c
		}
	default:
		if c := cmp.Compare(sb, sa); c != 0 {
			return c
		}
		if c := cmp.Compare(cb, ca); c != 0 {
			return c
		}
		if c := cmp.Compare(db, da); c != 0 {
			return c
		}
	}
	if c := strings.Compare(ka, kb); c != 0 {
		return c
	}
	return kindRank(kia) - kindRank(kib)
}

// Filter selects results: the --kind, --min-count, --new and --top of the
// commands.
type Filter struct {
	// Kinds keeps only these kinds (none: all).
	Kinds []Kind
	// MinCount keeps formulations used at least this often.
	MinCount int
	// NewOnly keeps only formulations that are new.
	NewOnly bool
	// Top keeps at most this many (0: all), after ordering.
	Top int
	// Order orders the results (empty: by salience).
	Order Order
}

// Keep reports whether a formulation of this kind, count and novelty
// passes the filter.
func (fl Filter) Keep(kind Kind, count int, isNew bool) bool {
	if len(fl.Kinds) > 0 && !slices.Contains(fl.Kinds, kind) {
		return false
	}
	if fl.NewOnly && !isNew {
		return false
	}
	return count >= fl.MinCount
}

// Select orders a document's formulations and keeps those the filter
// passes. It does not change fs.
func Select(fs []Formulation, fl Filter) []Formulation {
	out := make([]Formulation, 0, len(fs))
	for _, f := range fs {
		if fl.Keep(f.Kind, f.Count, f.New) {
			out = append(out, f)
		}
	}
	sortFormulations(out, fl.Order)
	if fl.Top > 0 && len(out) > fl.Top {
		out = out[:fl.Top]
	}
	return out
}
