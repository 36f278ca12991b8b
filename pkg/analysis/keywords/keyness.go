package keywords

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"zhpolicy/pkg/analysis/entities"
)

// KeyTerm is a term of a document compared with a reference: how much more
// the document uses it than the reference does.
type KeyTerm struct {
	Key, Surface string
	// Count is the term's occurrences in the document, RefCount in the
	// reference (the rest of the corpus, or the background).
	Count, RefCount int64
	// G2 is the log-likelihood statistic (Dunning 1993) of the two counts
	// against the sizes of the document and of the reference in words;
	// P its p-value (chi-squared, one degree of freedom).
	G2, P float64
	// LogRatio is log2 of the term's relative frequency in the document
	// over that in the reference, a zero count taken as 0.5 (Hardie 2014):
	// +1 means twice as frequent.
	LogRatio float64
	Phrase   bool
	Name     entities.Type
	// Start and End locate the term's first occurrence in the document's
	// text.
	Start, End int
}

// Keyness compares a document with a reference and returns the terms it
// uses significantly more (p < keynessMaxP), by G² (ties by key); top
// limits their number (0: all). The reference is a background: the
// built-in one, a user's, or that of the whole corpus the document is part
// of, when within says so (the document's own counts are then taken out,
// so that it is compared with the rest). The terms are the document's
// rankable ones (see Score), names included or not as opts.Names says
// (NamesApart: KeynessNames ranks them).
func (t *Terms) Keyness(ref *Background, within bool, opts Options, top int) []KeyTerm {
	return t.keyness(ref, within, opts, top, false)
}

// KeynessNames is Keyness for the names of the document.
func (t *Terms) KeynessNames(ref *Background, within bool, opts Options, top int) []KeyTerm {
	if !t.names {
		return nil
	}
	return t.keyness(ref, within, opts, top, true)
}

func (t *Terms) keyness(ref *Background, within bool, opts Options, top int, names bool) []KeyTerm {
	if ref == nil || len(t.terms) == 0 || t.Units == 0 {
		return nil
	}
	refUnits := ref.Units()
	if within {
		refUnits -= t.Units
	}
	if refUnits <= 0 {
		return nil
	}
	var out []KeyTerm
	for i := range t.terms {
		tm := &t.terms[i]
		if names && tm.name == "" || !names && tm.name != "" && opts.Names != NamesKeep || !t.ranked(tm) {
			continue
		}
		a := max(int64(t.vocab[tm.key]), int64(tm.count))
		_, b := ref.Lookup(tm.key)
		if within {
			b = max(b-int64(t.vocab[tm.key]), 0)
		}
		kt := KeyTerm{Key: tm.key, Surface: tm.forms[0].text, Count: a, RefCount: b, Phrase: tm.phrase, Name: tm.name,
			Start: int(tm.spans[0][0]), End: int(tm.spans[0][1])}
		kt.G2 = g2(a, b, t.Units, refUnits)
		kt.P = pValue(kt.G2)
		kt.LogRatio = logRatio(a, b, t.Units, refUnits)
		if kt.LogRatio <= 0 || kt.P >= keynessMaxP {
			continue
		}
		out = append(out, kt)
	}
	slices.SortFunc(out, func(a, b KeyTerm) int {
		if c := cmp.Compare(b.G2, a.G2); c != 0 {
			return c
		}
		return strings.Compare(a.Key, b.Key)
	})
	// the same pieces as in Score are left out (湾区 under 大湾区)
	kws := make([]Keyword, len(out))
	for i, k := range out {
		kws[i] = Keyword{Key: k.Key, Count: int(k.Count), Score: k.G2}
		if k.Phrase {
			kws[i].parts = t.partsOf(k.Key)
		}
	}
	kept := dropRedundant(kws, opts.IDF, top, t.Units >= minCountUnits)
	res := out[:0]
	j := 0
	for _, k := range kept {
		for out[j].Key != k.Key {
			j++
		}
		res = append(res, out[j])
	}
	return res
}

// partsOf is the parts string of a phrase term (see Keyword.parts).
func (t *Terms) partsOf(key string) string {
	for i := range t.terms {
		if t.terms[i].key == key && t.terms[i].phrase {
			return strings.Join(t.terms[i].parts, "|") + "|"
		}
	}
	return ""
}

// keynessMaxP: Keyness lists the terms whose G² has a p-value below it.
const keynessMaxP = 0.01

// g2 is the log-likelihood statistic of a term counted a times in na
// units and b times in nb units: 2 Σ O ln(O/E) over the two cells, the
// expected counts E in proportion to the sizes.
func g2(a, b, na, nb int64) float64 {
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

// pValue is the probability of a G² at least g by chance (chi-squared, one
// degree of freedom).
func pValue(g float64) float64 {
	if g <= 0 {
		return 1
	}
	return math.Erfc(math.Sqrt(g / 2))
}

// logRatio is log2 of the relative frequency in the document over that in
// the reference, a zero count taken as 0.5.
func logRatio(a, b, na, nb int64) float64 {
	fa, fb := float64(a), float64(b)
	if a == 0 {
		fa = 0.5
	}
	if b == 0 {
		fb = 0.5
	}
	return math.Log2((fa / float64(na)) / (fb / float64(nb)))
}
