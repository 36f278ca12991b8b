// Package overview is what `zhpolicy analyze` computes: in one pass over the
// documents, the size and make-up of the corpus (documents, characters,
// scripts, encodings, formats), its most frequent words, its keywords, its
// formulations and its named entities.
//
// The sections come from the analyzers (freq, keywords, slogans,
// entities); this package only runs them on each document and adds the
// per-document results into corpus totals. Every total is an integer sum
// (keyword scores are added in fixed point), so a Summary merges exactly:
// the summaries of any split of a corpus, merged in any order, are the
// summary of the whole (see Merge and partial.go).
package overview

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/analysis/entities"
	"zhpolicy/pkg/analysis/freq"
	kw "zhpolicy/pkg/analysis/keywords"
	"zhpolicy/pkg/analysis/slogans"
)

// Analyzers are the analyzers a Summary runs; a nil field leaves its
// section out.
type Analyzers struct {
	// Words counts the words of the top-words section.
	Words *freq.Options
	// Keywords extracts each document's keywords (all of them, scored).
	Keywords *kw.Options
	// Slogans extracts each document's formulations.
	Slogans *slogans.Options
	// Entities finds each document's named entities.
	Entities *entities.Extractor
}

// WordOptions are the counting options of the top-words section: words of
// two characters or more with a Chinese character, not in the built-in
// stopword list of policy text.
func WordOptions() freq.Options {
	return freq.Options{MinLen: 2, HanOnly: true, Stopwords: kw.BuiltinStopwords()}
}

// Doc describes one document: what the input stage found out.
type Doc struct {
	Encoding string
	Format   string
	Size     int64
	Script   string
}

// Summary is the overview of one document or of many.
type Summary struct {
	Docs  int64
	Bytes int64 // size of the input files
	Chars int64 // characters (runes) of the cleaned text, white space excluded
	Han   int64 // Chinese characters
	// Tokens is the number of words (tokens with a letter or digit), all
	// of them: the top-words section counts fewer.
	Tokens int64
	// Scripts, Encodings and Formats count the documents of each kind.
	Scripts   map[string]int64
	Encodings map[string]int64
	Formats   map[string]int64

	Words        *freq.Counts
	Keywords     *Tally
	Formulations *Tally
	Entities     *Tally
}

// New returns an empty Summary with the sections of a.
func New(a Analyzers) *Summary {
	s := &Summary{Scripts: map[string]int64{}, Encodings: map[string]int64{}, Formats: map[string]int64{}}
	if a.Words != nil {
		s.Words = freq.New()
	}
	if a.Keywords != nil {
		s.Keywords = NewTally()
	}
	if a.Slogans != nil {
		s.Formulations = newKindTally()
	}
	if a.Entities != nil {
		s.Entities = NewTally()
	}
	return s
}

// ScoreScale is the fixed point in which keyword scores are added: scores
// are rounded to 1e-9 so that sums are exact whatever the order.
const ScoreScale = 1e9

// Analyze summarises one document.
func Analyze(in *analysis.Input, d Doc, a Analyzers) *Summary {
	s := New(a)
	s.add(in, d, a, false)
	return s
}

// AddDoc adds one document to s: the same as s.Merge(Analyze(in, d, a))
// without the document's own summary (its maps, its counts) made and then
// merged: for a sum that documents are added to one by one (a worker's
// sum). The strings s keeps are copies, as with Merge.
func (s *Summary) AddDoc(in *analysis.Input, d Doc, a Analyzers) {
	s.add(in, d, a, true)
}

// add counts one document into s. sum: s is a sum of documents (strings
// copied, an item's documents counted by the tally's document stamp);
// else s is the document's own new summary.
func (s *Summary) add(in *analysis.Input, d Doc, a Analyzers, sum bool) {
	s.Docs++
	s.Bytes += d.Size
	for _, r := range in.Text {
		if unicode.IsSpace(r) {
			continue
		}
		s.Chars++
		if r >= 0x2E80 && unicode.Is(unicode.Han, r) {
			s.Han++
		}
	}
	for _, k := range in.Keys {
		if isWord(k) {
			s.Tokens++
		}
	}
	s.Scripts[nonEmpty(d.Script)]++
	s.Encodings[nonEmpty(d.Encoding)]++
	s.Formats[nonEmpty(d.Format)]++
	if a.Words != nil {
		if sum {
			s.Words.AddDoc(in, *a.Words)
		} else {
			s.Words = freq.Count(in, *a.Words)
		}
	}
	var mentions []entities.Mention
	if a.Entities != nil {
		mentions = a.Entities.Extract(in)
	}
	if a.Keywords != nil {
		var terms *kw.Terms
		if a.Entities != nil && a.Keywords.Entities == a.Entities {
			// the names keywords ranks apart are the mentions just found
			terms = kw.CollectTagged(in, *a.Keywords, mentions)
		} else {
			terms = kw.Collect(in, *a.Keywords)
		}
		s.Keywords.start(sum)
		for _, k := range terms.Score(*a.Keywords, 0) {
			if k.Name != "" && a.Keywords.Names != kw.NamesKeep {
				// names ranked apart are the entities section's, as
				// keywords --corpus leaves them out of its keywords:
				// a short document ranks them with its keywords
				continue
			}
			s.Keywords.add(k.Key, "", k.Surface, int64(k.Count), int64(math.Round(k.Score*ScoreScale)), nil)
		}
		s.Keywords.docs(1)
	}
	if a.Slogans != nil {
		s.Formulations.start(sum)
		for _, f := range slogans.Extract(in, *a.Slogans) {
			t := s.Formulations.add(f.Key, "", "", 0, 0, nil)
			t.Type = pickKind(t.Type, string(f.Kind))
			t.Count += int64(f.Count)
			for _, fm := range f.Forms {
				s.Formulations.addForm(t, f.Key, slogans.StripMarks(fm.Text), int64(fm.Count))
			}
			if f.New {
				t.New = true
			}
			if f.Gloss != "" && (t.Gloss == "" || f.Gloss < t.Gloss) {
				t.Gloss = s.Formulations.str(f.Gloss)
			}
		}
		s.Formulations.docs(1)
	}
	if a.Entities != nil {
		c := entities.NewCounter()
		c.Add(in.Name, mentions)
		s.Entities.start(sum)
		for _, e := range c.Entities() {
			t := s.Entities.add(e.Key, string(e.Type), "", 0, 0, e.Titles)
			t.Count += int64(e.Count)
			for f, n := range e.Forms {
				s.Entities.addForm(t, e.Key, f, int64(n))
			}
		}
		s.Entities.docs(1)
	}
}

func isWord(key string) bool {
	for _, r := range key {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return true
		}
	}
	return false
}

func nonEmpty(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// Merge adds o to s.
func (s *Summary) Merge(o *Summary) {
	s.Docs += o.Docs
	s.Bytes += o.Bytes
	s.Chars += o.Chars
	s.Han += o.Han
	s.Tokens += o.Tokens
	for k, n := range o.Scripts {
		s.Scripts[k] += n
	}
	for k, n := range o.Encodings {
		s.Encodings[k] += n
	}
	for k, n := range o.Formats {
		s.Formats[k] += n
	}
	if s.Words != nil {
		s.Words.Merge(o.Words)
	}
	s.Keywords.Merge(o.Keywords)
	s.Formulations.Merge(o.Formulations)
	s.Entities.Merge(o.Entities)
}

// Tally counts items of a section under a key and, for entities, a type:
// count, documents, surface forms, a summed score.
type Tally struct {
	Docs  int64 // documents added
	items map[tallyKey]*Item
	// kinds: Item.Type is a formulation kind, not part of the key; of the
	// kinds documents give one formulation, the first in slogans.Kinds is
	// kept.
	kinds bool
	// sum: documents are added one by one (Summary.AddDoc): the strings
	// kept are copies, and an item counts a document once, the one
	// numbered doc (Item.doc) being added.
	sum bool
	doc int64
}

// pickKind keeps the kind listed first in slogans.Kinds (the order in
// which the slogans analyzer prefers them).
func pickKind(a, b string) string {
	if a == "" {
		return b
	}
	if b == "" {
		return a
	}
	ia := slices.Index(slogans.Kinds, slogans.Kind(a))
	ib := slices.Index(slogans.Kinds, slogans.Kind(b))
	if ib >= 0 && (ia < 0 || ib < ia) {
		return b
	}
	return a
}

type tallyKey struct{ key, typ string }

// Item is one counted item.
type Item struct {
	Key  string
	Type string // entity type or formulation kind; empty for keywords
	// Count is the number of occurrences; Docs the number of documents.
	Count, Docs int64
	// Score is the sum of the per-document scores, in units of
	// 1/ScoreScale (keywords).
	Score int64
	// Forms counts the written forms (all of them, the key's included).
	Forms map[string]int64
	// Titles are the titles seen with a person, sorted.
	Titles []string
	// New marks a formulation missing from the lexicon.
	New   bool
	Gloss string
	doc   int64 // the last document counted in Docs (Tally.sum)
}

// NewTally returns an empty tally.
func NewTally() *Tally { return &Tally{items: map[tallyKey]*Item{}} }

func newKindTally() *Tally { return &Tally{items: map[tallyKey]*Item{}, kinds: true} }

// start begins the items of one more document; sum: t is a sum of
// documents (Summary.AddDoc), not a document's own tally.
func (t *Tally) start(sum bool) {
	t.sum = t.sum || sum
	t.doc++
}

// docs ends the items of a document: n more documents.
func (t *Tally) docs(n int64) {
	t.Docs += n
	if t.sum {
		return // counted as they were added
	}
	for _, it := range t.items {
		it.Docs = 1
	}
}

// str is s as t keeps it: a copy in a sum (a document's strings are
// substrings of its text, which the sum must not hold).
func (t *Tally) str(s string) string {
	if t.sum {
		return strings.Clone(s)
	}
	return s
}

func (t *Tally) add(key, typ, form string, count, score int64, titles []string) *Item {
	it := t.items[tallyKey{key, typ}]
	if it == nil {
		it = &Item{Key: t.str(key), Type: t.str(typ), Forms: map[string]int64{}}
		t.items[tallyKey{it.Key, it.Type}] = it
	}
	if t.sum && it.doc != t.doc {
		it.doc = t.doc
		it.Docs++
	}
	it.Count += count
	it.Score += score
	if form != "" {
		t.addForm(it, key, form, count)
	}
	for _, ti := range titles {
		if !slices.Contains(it.Titles, ti) {
			it.Titles = append(it.Titles, t.str(ti))
		}
	}
	slices.Sort(it.Titles)
	return it
}

// addForm counts n of a written form of it (its key when form is empty).
func (t *Tally) addForm(it *Item, key, form string, n int64) {
	if form == "" {
		form = key
	}
	// always a copy in a sum: assigning to a map replaces an equal string
	// key with the one given
	it.Forms[t.str(form)] += n
}

// Merge adds the items of o.
func (t *Tally) Merge(o *Tally) {
	if t == nil || o == nil {
		return
	}
	t.Docs += o.Docs
	// A document's items hold substrings of its text: the strings kept in
	// the sum are copies, or every document's text would stay in memory
	// for as long as the sum (a corpus of 1 GB, or a big file read in
	// parts, would be held whole).
	for k, oi := range o.items {
		it := t.items[k]
		if it == nil {
			it = &Item{Key: strings.Clone(oi.Key), Type: strings.Clone(oi.Type), Forms: map[string]int64{}}
			t.items[tallyKey{it.Key, strings.Clone(k.typ)}] = it
		}
		it.Count += oi.Count
		it.Docs += oi.Docs
		it.Score += oi.Score
		for f, n := range oi.Forms {
			// always a copy: assigning to a map replaces an equal string
			// key with the one given, so even an existing form would
			// become the document's substring
			it.Forms[strings.Clone(f)] += n
		}
		for _, ti := range oi.Titles {
			if !slices.Contains(it.Titles, ti) {
				it.Titles = append(it.Titles, strings.Clone(ti))
			}
		}
		slices.Sort(it.Titles)
		if t.kinds {
			it.Type = pickKind(it.Type, oi.Type)
		}
		it.New = it.New || oi.New
		if oi.Gloss != "" && (it.Gloss == "" || oi.Gloss < it.Gloss) {
			it.Gloss = oi.Gloss
		}
	}
}

// TypeKey is the part of an item's type that tells it apart from items of
// the same key: its type for entities, nothing for formulations (whose
// kind is an attribute).
func (t *Tally) TypeKey(it *Item) string {
	if t.kinds {
		return ""
	}
	return it.Type
}

// Len is the number of items.
func (t *Tally) Len() int {
	if t == nil {
		return 0
	}
	return len(t.items)
}

// Surface is the most frequent written form (ties: the smallest string).
func (it *Item) Surface() string {
	best, n := it.Key, int64(0)
	for f, c := range it.Forms {
		if c > n || c == n && f < best {
			best, n = f, c
		}
	}
	return best
}

// MeanScore is the mean per-document score over all documents of the
// tally (0 where the item is absent), as keywords --corpus ranks.
func (t *Tally) MeanScore(it *Item) float64 {
	if t.Docs == 0 {
		return 0
	}
	return float64(it.Score) / ScoreScale / float64(t.Docs)
}

// ByScore returns the items by summed score, highest first, ties as the
// keyword rankings break them (kw.TieOrder: the longer key first), then by
// type; top limits their number (0: all).
func (t *Tally) ByScore(top int) []*Item {
	return t.sorted(top, func(a, b *Item) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return kw.TieOrder(a.Key, b.Key)
	})
}

// ByCount returns the items by count, then documents, most first, ties by
// key then type; top limits their number (0: all).
func (t *Tally) ByCount(top int) []*Item {
	return t.sorted(top, func(a, b *Item) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return cmp.Compare(b.Docs, a.Docs)
	})
}

// Items returns every item sorted by type, then key.
func (t *Tally) Items() []*Item {
	return t.sorted(0, func(a, b *Item) int { return 0 })
}

func (t *Tally) sorted(top int, by func(a, b *Item) int) []*Item {
	if t == nil {
		return nil
	}
	out := make([]*Item, 0, len(t.items))
	for _, it := range t.items {
		out = append(out, it)
	}
	slices.SortFunc(out, func(a, b *Item) int {
		if c := by(a, b); c != 0 {
			return c
		}
		if c := strings.Compare(a.Key, b.Key); c != 0 {
			return c
		}
		return strings.Compare(a.Type, b.Type)
	})
	if top > 0 && len(out) > top {
		out = out[:top]
	}
	return out
}

// Default returns the analyzers of `zhpolicy analyze`: every section, with
// the built-in lists; the keywords as `zhpolicy keywords` ranks them by
// default (kw.Default: against the policy background, names apart — the
// names are the entities section's).
func Default() (Analyzers, error) {
	ko, err := kw.Default()
	if err != nil {
		return Analyzers{}, err
	}
	ko.NoVocabulary = true // no background is built from the documents
	words := WordOptions()
	a := Analyzers{
		Words:    &words,
		Keywords: &ko,
		Entities: ko.Entities,
	}
	// new as `zhpolicy slogans` judges it: attested nowhere in the built-in
	// baseline (national reports, CPC congress reports)
	so, err := slogans.BuiltinOptions()
	if err != nil {
		return a, err
	}
	a.Slogans = &so
	return a, nil
}
