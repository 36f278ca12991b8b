package keywords

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"zhpolicy/pkg/analysis/entities"
)

// Corpus sums the keywords of many documents into one ranking: what the
// corpus is about. Add documents in any order; Corpora built separately
// merge (Merge), and the result is the same for any split and any order,
// since scores are added in fixed point (ScoreScale).
type Corpus struct {
	docs  int64
	terms map[string]*corpusTerm
}

type corpusTerm struct {
	docs, count int64
	score       int64 // sum of per-document scores, in 1/ScoreScale
	forms       map[string]int64
	// names counts the documents that tagged the term as a name, by type
	// (nameTypes order).
	names [4]int64
}

// ScoreScale is the fixed point in which a Corpus adds scores: each
// document's score is rounded to 1e-9, so that sums are exact whatever the
// order.
const ScoreScale = 1e9

// CorpusKeyword is one term of a corpus ranking.
type CorpusKeyword struct {
	Key string
	// Surface is the form the documents wrote most often.
	Surface string
	// Docs is the number of documents the term is ranked in; Count its
	// occurrences in them.
	Docs, Count int64
	// Score is the mean of its per-document scores over all documents of
	// the corpus (0 in a document without it): a term ranks high when it
	// is salient in many documents.
	Score float64
	// Name is the entity type most documents tagged the term with, if
	// most did.
	Name entities.Type
}

// NewCorpus returns an empty corpus.
func NewCorpus() *Corpus { return &Corpus{terms: make(map[string]*corpusTerm)} }

// Add adds one document: its scored keywords (Terms.Score with top 0),
// and, for names ranked apart, its names (Terms.Names) in the same call.
func (c *Corpus) Add(t *Terms, kws ...[]Keyword) {
	c.docs++
	forms := make(map[string][]form, len(t.terms))
	for i := range t.terms {
		forms[t.terms[i].key] = t.terms[i].forms
	}
	for _, list := range kws {
		for _, k := range list {
			ct := c.term(k.Key)
			ct.docs++
			ct.count += int64(k.Count)
			ct.score += int64(math.Round(k.Score * ScoreScale))
			if k.Name != "" {
				ct.names[slices.Index(nameTypes, k.Name)]++
			}
			if fs, ok := forms[k.Key]; ok {
				for _, f := range fs {
					ct.addForm(f.text, int64(f.n))
				}
			} else {
				ct.addForm(k.Surface, int64(k.Count))
			}
		}
	}
}

func (c *Corpus) term(k string) *corpusTerm {
	ct := c.terms[k]
	if ct == nil {
		ct = &corpusTerm{forms: make(map[string]int64)}
		// a copy: a document's keys are substrings of its text, which the
		// corpus must not keep in memory
		c.terms[strings.Clone(k)] = ct
	}
	return ct
}

// addForm adds n to the count of form f under a copy of f: assigning to a
// map replaces an equal string key with the one given, so even an existing
// form must be written with a copy.
func (ct *corpusTerm) addForm(f string, n int64) {
	ct.forms[strings.Clone(f)] += n
}

// Merge adds the documents of o.
func (c *Corpus) Merge(o *Corpus) {
	c.docs += o.docs
	for k, ot := range o.terms {
		ct := c.term(k)
		ct.docs += ot.docs
		ct.count += ot.count
		ct.score += ot.score
		for i, n := range ot.names {
			ct.names[i] += n
		}
		for f, n := range ot.forms {
			ct.addForm(f, n)
		}
	}
}

// Docs is the number of documents added.
func (c *Corpus) Docs() int64 { return c.docs }

// Which selects the terms of a corpus ranking.
type Which int

const (
	// All ranks every term.
	All Which = iota
	// KeywordsOnly leaves out the names.
	KeywordsOnly
	// NamesOnly ranks only the names.
	NamesOnly
)

// Ranking returns the corpus keywords, best first (ties as TieOrder); top
// limits their number (0: all).
func (c *Corpus) Ranking(top int, which Which) []CorpusKeyword {
	out := make([]CorpusKeyword, 0, len(c.terms))
	for k, ct := range c.terms {
		ck := CorpusKeyword{Key: k, Surface: bestForm(ct.forms, k), Docs: ct.docs, Count: ct.count,
			Score: float64(ct.score) / ScoreScale / float64(max(c.docs, 1))}
		best := 0
		for i, n := range ct.names {
			if n > ct.names[best] {
				best = i
			}
		}
		if 2*ct.names[best] > ct.docs {
			ck.Name = nameTypes[best]
		}
		if which == KeywordsOnly && ck.Name != "" || which == NamesOnly && ck.Name == "" {
			continue
		}
		out = append(out, ck)
	}
	slices.SortFunc(out, func(a, b CorpusKeyword) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return TieOrder(a.Key, b.Key)
	})
	if top > 0 && len(out) > top {
		out = out[:top]
	}
	return out
}

// bestForm is the most frequent surface form; of equally frequent ones, the
// first in string order.
func bestForm(forms map[string]int64, key string) string {
	best, n := key, int64(-1)
	for f, c := range forms {
		if c > n || c == n && f < best {
			best, n = f, c
		}
	}
	return best
}
