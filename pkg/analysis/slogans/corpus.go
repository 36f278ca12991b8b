package slogans

import (
	"math"
	"slices"
	"strings"

	"zhpolicy/pkg/analysis"
)

// CorpusEntry is one formulation over a corpus.
type CorpusEntry struct {
	Key, Core string
	// Text is the extent most documents write (the representative text of
	// each document, weighted by its count).
	Text    string
	Kind    Kind
	New     bool
	Novelty Novelty
	Gloss   string
	Members []string
	// Count is the number of uses in all documents (Quoted of them in
	// quotation marks, Bare not), Docs the number of documents using it.
	Count, Quoted, Bare, Docs int
	// First and Last name the first and the last document using it, in
	// the corpus order (the order keys given to Add: dates read from the
	// paths, or none); FirstDate and LastDate are those order keys.
	First, Last         string
	FirstDate, LastDate string
	// Forms are the written forms over all documents, most frequent first.
	Forms []Form
	// FirstOccurrence is the first use in the First document, and
	// Context the text around it (when Extract kept context).
	FirstOccurrence Occurrence
	Context         string
	// Quality is the largest Quality of its documents' formulations; Score
	// is the salience over the corpus (Salience with the number of
	// documents) times Quality.
	Quality float64
	Score   float64

	firstOrder, lastOrder docOrder
	forms                 map[string]int
	texts                 map[string]int
}

// docOrder places a document in the corpus: by its order key, then name.
type docOrder struct{ key, name string }

func (a docOrder) before(b docOrder) bool {
	if a.key != b.key {
		// documents without a date come last
		if a.key == "" || b.key == "" {
			return b.key == ""
		}
		return a.key < b.key
	}
	return a.name < b.name
}

// Surface is the formulation as the documents write it.
func (e *CorpusEntry) Surface() string {
	if e.Text != "" {
		return e.Text
	}
	if len(e.Forms) > 0 {
		return e.Forms[0].Text
	}
	return e.Key
}

// Corpus adds up the formulations of many documents. Adding is
// associative and order-independent: documents may be added, and corpora
// merged, in any order, with the same result.
type Corpus struct {
	m    map[string]*CorpusEntry
	docs int
}

// NewCorpus returns an empty corpus.
func NewCorpus() *Corpus { return &Corpus{m: map[string]*CorpusEntry{}} }

// Docs is the number of documents added.
func (c *Corpus) Docs() int { return c.docs }

// Add adds the formulations of one document. order places the document in
// the corpus (a date read from its name, YYYYMMDD, or "" for none: such
// documents come after the dated ones, by name).
func (c *Corpus) Add(doc, order string, fs []Formulation) {
	c.docs++
	o := docOrder{order, doc}
	for _, f := range fs {
		e := &CorpusEntry{
			Key: f.Key, Core: f.Core, Kind: f.Kind, New: f.New, Novelty: f.Novelty, Gloss: f.Gloss, Members: f.Members,
			Count: f.Count, Quoted: f.Quoted, Bare: f.Bare, Docs: 1, Context: f.Context, Quality: f.Quality,
			firstOrder: o, lastOrder: o, forms: map[string]int{}, texts: map[string]int{f.Surface(): f.Count},
		}
		if len(f.Occurrences) > 0 {
			e.FirstOccurrence = f.Occurrences[0]
		}
		for _, fm := range f.Forms {
			e.forms[fm.Text] += fm.Count
		}
		e.own()
		c.merge(e)
	}
}

// own gives e copies of its strings: a document's formulations hold
// substrings of its text, which a corpus must not keep in memory (every
// document of a corpus, or every part of a big file, would stay).
func (e *CorpusEntry) own() {
	e.Key, e.Core, e.Text, e.Gloss, e.Context = strings.Clone(e.Key), strings.Clone(e.Core), strings.Clone(e.Text), strings.Clone(e.Gloss), strings.Clone(e.Context)
	e.Members = analysis.CloneStrings(e.Members)
	e.Novelty.Source, e.Novelty.Match = strings.Clone(e.Novelty.Source), strings.Clone(e.Novelty.Match)
	e.FirstOccurrence.Text = strings.Clone(e.FirstOccurrence.Text)
	e.FirstOccurrence.Members = analysis.CloneStrings(e.FirstOccurrence.Members)
	for _, m := range []*map[string]int{&e.forms, &e.texts} {
		own := make(map[string]int, len(*m))
		for k, v := range *m {
			own[strings.Clone(k)] = v
		}
		*m = own
	}
}

// Merge adds all of o to c.
func (c *Corpus) Merge(o *Corpus) {
	c.docs += o.docs
	for _, e := range o.m {
		c.merge(e.clone())
	}
}

func (e *CorpusEntry) clone() *CorpusEntry {
	cp := *e
	cp.forms = make(map[string]int, len(e.forms))
	for k, v := range e.forms {
		cp.forms[k] = v
	}
	cp.texts = make(map[string]int, len(e.texts))
	for k, v := range e.texts {
		cp.texts[k] = v
	}
	return &cp
}

func (c *Corpus) merge(e *CorpusEntry) {
	old, ok := c.m[e.Key]
	if !ok {
		c.m[e.Key] = e
		return
	}
	old.Count += e.Count
	old.Quoted += e.Quoted
	old.Bare += e.Bare
	old.Docs += e.Docs
	old.Quality = max(old.Quality, e.Quality)
	if kindRank(e.Kind) < kindRank(old.Kind) {
		old.Kind = e.Kind
	}
	if e.Gloss != "" && (old.Gloss == "" || e.Gloss < old.Gloss) {
		old.Gloss = e.Gloss
	}
	if core := e.Core; core != "" && (old.Core == "" || len(core) < len(old.Core) || len(core) == len(old.Core) && core < old.Core) {
		old.Core = core
	}
	old.Novelty = pickNovelty(old.Novelty, e.Novelty)
	old.New = old.Novelty.New()
	if e.firstOrder.before(old.firstOrder) {
		old.firstOrder, old.FirstOccurrence, old.Context, old.Members = e.firstOrder, e.FirstOccurrence, e.Context, e.Members
	}
	if old.lastOrder.before(e.lastOrder) {
		old.lastOrder = e.lastOrder
	}
	for k, v := range e.forms {
		old.forms[k] += v
	}
	for k, v := range e.texts {
		old.texts[k] += v
	}
}

// pickNovelty keeps the attestation of two judgements of one formulation
// (they differ only when the documents wrote it with different cores):
// known wins over new, the lexicon over the baseline, the earlier year.
func pickNovelty(a, b Novelty) Novelty {
	rank := func(n Novelty) int {
		switch n.Source {
		case SourceLexicon:
			return 0
		case SourcePolicy:
			return 1
		case SourceBaseline:
			return 2
		}
		return 3
	}
	if ra, rb := rank(a), rank(b); ra != rb {
		if ra < rb {
			return a
		}
		return b
	}
	if a.FirstYear != b.FirstYear {
		if a.FirstYear != 0 && (b.FirstYear == 0 || a.FirstYear < b.FirstYear) {
			return a
		}
		return b
	}
	if a.Reason <= b.Reason {
		return a
	}
	return b
}

// Len is the number of formulations.
func (c *Corpus) Len() int { return len(c.m) }

// Results returns the formulations, most salient first.
func (c *Corpus) Results() []CorpusEntry {
	return c.Select(Filter{})
}

// Select returns the formulations the filter keeps, in its order.
func (c *Corpus) Select(fl Filter) []CorpusEntry {
	out := make([]CorpusEntry, 0, len(c.m))
	for _, e := range c.m {
		if !fl.Keep(e.Kind, e.Count, e.New) {
			continue
		}
		out = append(out, c.result(e))
	}
	slices.SortFunc(out, func(a, b CorpusEntry) int {
		return compareItems(fl.Order, a.Score, b.Score, a.Count, b.Count, a.Docs, b.Docs, a.Key, b.Key, a.Kind, b.Kind)
	})
	if fl.Top > 0 && len(out) > fl.Top {
		out = out[:fl.Top]
	}
	return out
}

func (c *Corpus) result(e *CorpusEntry) CorpusEntry {
	r := *e
	r.First, r.FirstDate = e.firstOrder.name, e.firstOrder.key
	r.Last, r.LastDate = e.lastOrder.name, e.lastOrder.key
	r.Forms = nil
	for t, n := range e.forms {
		r.Forms = append(r.Forms, Form{Text: t, Count: n})
	}
	r.Text = mostFrequent(e.texts)
	sortForms(r.Forms, r.Text)
	r.Score = math.Round(salience(r.Kind, len(r.Members), r.Count, r.Docs, c.docs, r.New)*r.Quality*1e6) / 1e6
	return r
}

// mostFrequent gives the key of the largest count (ties: the smallest key).
func mostFrequent(m map[string]int) string {
	best, n := "", -1
	for k, v := range m {
		if v > n || v == n && strings.Compare(k, best) < 0 {
			best, n = k, v
		}
	}
	return best
}
