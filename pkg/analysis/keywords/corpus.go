package keywords

import (
	"cmp"
	"slices"
	"strings"
)

// Corpus accumulates the keywords of many documents into one ranking.
// Add documents in any order, on one goroutine per Corpus; Corpora built
// separately can be merged. Scores are summed in the order documents are
// added, so add them in input order for results that are the same on
// every run.
type Corpus struct {
	docs  int
	terms map[string]*corpusTerm
}

type corpusTerm struct {
	docs  int
	count int
	score float64
	forms map[string]int
}

// CorpusKeyword is one term of a corpus ranking.
type CorpusKeyword struct {
	Key string
	// Surface is the form the documents wrote most often.
	Surface string
	// Docs is the number of documents the term is a candidate keyword in.
	Docs int
	// Count is its number of occurrences in all documents.
	Count int
	// Score is the mean of its per-document scores over all documents of
	// the corpus (0 in a document without it): a term ranks high when it
	// is salient in many documents.
	Score float64
}

// NewCorpus returns an empty corpus.
func NewCorpus() *Corpus { return &Corpus{terms: make(map[string]*corpusTerm)} }

// Add adds one document: its Terms and all its scored keywords
// (t.Score(opts, 0)).
func (c *Corpus) Add(t *Terms, kws []Keyword) {
	c.docs++
	idx := make(map[string]int, len(t.terms))
	for i := range t.terms {
		idx[t.terms[i].key] = i
	}
	for _, k := range kws {
		ct := c.terms[k.Key]
		if ct == nil {
			ct = &corpusTerm{forms: make(map[string]int)}
			c.terms[k.Key] = ct
		}
		ct.docs++
		ct.count += k.Count
		ct.score += k.Score
		if i, ok := idx[k.Key]; ok {
			for _, f := range t.terms[i].forms {
				ct.forms[f.text] += f.n
			}
		} else {
			ct.forms[k.Surface] += k.Count
		}
	}
}

// Merge adds the documents of o.
func (c *Corpus) Merge(o *Corpus) {
	c.docs += o.docs
	for k, ot := range o.terms {
		ct := c.terms[k]
		if ct == nil {
			ct = &corpusTerm{forms: make(map[string]int)}
			c.terms[k] = ct
		}
		ct.docs += ot.docs
		ct.count += ot.count
		ct.score += ot.score
		for f, n := range ot.forms {
			ct.forms[f] += n
		}
	}
}

// Docs is the number of documents added.
func (c *Corpus) Docs() int { return c.docs }

// Ranking returns the corpus keywords, best first (ties by key); top limits
// their number (0: all).
func (c *Corpus) Ranking(top int) []CorpusKeyword {
	out := make([]CorpusKeyword, 0, len(c.terms))
	for k, ct := range c.terms {
		out = append(out, CorpusKeyword{Key: k, Surface: bestForm(ct.forms, k), Docs: ct.docs,
			Count: ct.count, Score: ct.score / float64(max(c.docs, 1))})
	}
	slices.SortFunc(out, func(a, b CorpusKeyword) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return strings.Compare(a.Key, b.Key)
	})
	if top > 0 && len(out) > top {
		out = out[:top]
	}
	return out
}

// bestForm is the most frequent surface form; of equally frequent ones, the
// first in string order.
func bestForm(forms map[string]int, key string) string {
	best, n := key, -1
	for f, c := range forms {
		if c > n || c == n && f < best {
			best, n = f, c
		}
	}
	return best
}
