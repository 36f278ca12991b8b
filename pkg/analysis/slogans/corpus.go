package slogans

import (
	"sort"
)

// CorpusEntry is one formulation over a corpus.
type CorpusEntry struct {
	Key     string
	Kind    Kind
	New     bool
	Gloss   string
	Members []string
	// Count is the number of uses in all documents, Docs the number of
	// documents that use it.
	Count, Docs int
	// First and Last name the first and the last document using it, in
	// the corpus order (the order keys given to Add).
	First, Last string
	// Forms are the written forms over all documents, most frequent first.
	Forms []Form
	// FirstOccurrence is the first use in the First document, and
	// Context the text around it (when Extract kept context).
	FirstOccurrence Occurrence
	Context         string

	firstOrder, lastOrder docOrder
	forms                 map[string]int
}

// docOrder places a document in the corpus: by its order key, then name.
type docOrder struct{ key, name string }

func (a docOrder) before(b docOrder) bool {
	if a.key != b.key {
		return a.key < b.key
	}
	return a.name < b.name
}

// Surface is the most frequent written form over the corpus.
func (e *CorpusEntry) Surface() string {
	if len(e.Forms) > 0 {
		return e.Forms[0].Text
	}
	return e.Key
}

// Corpus adds up the formulations of many documents. Adding is
// associative and order-independent: documents may be added, and
// corpora merged, in any order.
type Corpus struct {
	m map[string]*CorpusEntry
}

// NewCorpus returns an empty corpus.
func NewCorpus() *Corpus { return &Corpus{m: map[string]*CorpusEntry{}} }

// Add adds the formulations of one document. order places the document in
// the corpus (a date read from its name, or "" to use the name alone).
func (c *Corpus) Add(doc, order string, fs []Formulation) {
	o := docOrder{order, doc}
	for _, f := range fs {
		e := &CorpusEntry{
			Key: f.Key, Kind: f.Kind, New: f.New, Gloss: f.Gloss, Members: f.Members,
			Count: f.Count, Docs: 1, First: doc, Last: doc, Context: f.Context,
			firstOrder: o, lastOrder: o, forms: map[string]int{},
		}
		if len(f.Occurrences) > 0 {
			e.FirstOccurrence = f.Occurrences[0]
		}
		for _, fm := range f.Forms {
			e.forms[fm.Text] += fm.Count
		}
		c.merge(e)
	}
}

// Merge adds all of o to c.
func (c *Corpus) Merge(o *Corpus) {
	for _, e := range o.m {
		cp := *e
		cp.forms = map[string]int{}
		for k, v := range e.forms {
			cp.forms[k] = v
		}
		c.merge(&cp)
	}
}

func (c *Corpus) merge(e *CorpusEntry) {
	old, ok := c.m[e.Key]
	if !ok {
		c.m[e.Key] = e
		return
	}
	old.Count += e.Count
	old.Docs += e.Docs
	if kindRank(e.Kind) < kindRank(old.Kind) {
		old.Kind = e.Kind
	}
	if old.Gloss == "" {
		old.Gloss = e.Gloss
	}
	if len(old.Members) == 0 {
		old.Members = e.Members
	}
	if e.firstOrder.before(old.firstOrder) {
		old.firstOrder, old.First, old.FirstOccurrence, old.Context = e.firstOrder, e.First, e.FirstOccurrence, e.Context
	}
	if old.lastOrder.before(e.lastOrder) {
		old.lastOrder, old.Last = e.lastOrder, e.Last
	}
	for k, v := range e.forms {
		old.forms[k] += v
	}
}

// Len is the number of formulations.
func (c *Corpus) Len() int { return len(c.m) }

// Results returns the formulations sorted by count (descending), then
// number of documents, then key.
func (c *Corpus) Results() []CorpusEntry {
	out := make([]CorpusEntry, 0, len(c.m))
	for _, e := range c.m {
		r := *e
		r.Forms = nil
		for t, n := range e.forms {
			r.Forms = append(r.Forms, Form{Text: t, Count: n})
		}
		sortForms(r.Forms, r.Key)
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := &out[i], &out[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		if a.Docs != b.Docs {
			return a.Docs > b.Docs
		}
		return a.Key < b.Key
	})
	return out
}
