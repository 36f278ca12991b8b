package keywords

import (
	"cmp"
	"slices"
	"strings"

	"zhpolicy/pkg/analysis/entities"
	"zhpolicy/pkg/analysis/keyness"
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
		kt.G2 = keyness.G2(a, b, t.Units, refUnits)
		kt.P = keyness.PValue(kt.G2)
		kt.LogRatio = keyness.LogRatio(a, b, t.Units, refUnits)
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
