// Package freq counts words, word n-grams and characters in documents, the
// way quanteda's dfm and textstat_frequency do for a corpus: per document,
// then summed into corpus totals with document frequencies.
//
// Counts are exact integers keyed by the Simplified form of a term
// (analysis.Input.Keys), so a Traditional document and its Simplified
// conversion count the same; the surface forms a document wrote are kept
// with their counts so that a term can be shown as written. Counts merge by
// addition: merging the counts of any split of a corpus, in any order,
// gives exactly the counts of the whole (see Merge and the partial format
// in partial.go).
package freq

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"zhpolicy/pkg/analysis"
)

// Options say what is counted. The zero value counts every word (a token
// with at least one letter or digit; punctuation and symbols are never
// counted) one at a time.
type Options struct {
	// Chars counts characters (letters and digits) instead of words.
	Chars bool
	// N counts sequences of N adjacent units (word or character n-grams);
	// 0 and 1 count single units. An n-gram never spans punctuation, a
	// line break, or a unit left out by the filters below.
	N int
	// MinLen leaves out words shorter than MinLen characters (words only).
	MinLen int
	// HanOnly leaves out units without a Chinese (Han) character: numbers,
	// Latin words; and, of words, the numbers written in Chinese numerals
	// (一九五八年, 五千万元, 两个, 第一: see NumeralWord), which old reports
	// write where new ones write 1958年.
	HanOnly bool
	// POS, when set, keeps only words whose part of speech it allows
	// (words only; the tokens must carry POS tags).
	POS interface{ Allows(pos string) bool }
	// Stopwords, when set, leaves out the units it has (by Simplified key).
	Stopwords interface{ Has(key string) bool }
}

func (o *Options) n() int { return max(o.N, 1) }

// Sep joins the words of a word n-gram. Tokens never contain spaces, so the
// joined key is unambiguous; character n-grams are joined with nothing.
const Sep = " "

// Counts are the term counts of one document or of many.
type Counts struct {
	// Docs is the number of documents counted (documents without any
	// counted unit included).
	Docs int64
	// Units is the number of units (words, n-grams or characters) counted:
	// the denominator of a term's share.
	Units int64
	terms map[string]*entry
	// doc numbers the documents AddDoc counts in, so that a term counts
	// once per document (entry.doc); own: the keys are copies (a sum),
	// not substrings of one document's text.
	doc uint64
	own bool
}

type entry struct {
	n, df int64
	doc   uint64 // the last document (Counts.doc) the term was counted in
	// forms counts the surface forms that differ from the key (Traditional
	// or upper-case spellings); the key's own form has n minus their sum.
	forms map[string]int64
}

// New returns empty counts.
func New() *Counts { return &Counts{terms: make(map[string]*entry)} }

// Len is the number of distinct terms.
func (c *Counts) Len() int { return len(c.terms) }

// Count counts one document.
func Count(in *analysis.Input, opts Options) *Counts {
	c := &Counts{terms: make(map[string]*entry, len(in.Tokens)/3+8)}
	c.count(in, &opts)
	return c
}

// AddDoc counts one more document into c: the same as c.Merge(Count(in,
// opts)) without the document's own counts (a map of its terms) made and
// merged: for a sum that documents are added to one by one.
func (c *Counts) AddDoc(in *analysis.Input, opts Options) {
	if c.terms == nil {
		c.terms = make(map[string]*entry)
	}
	c.own = true
	c.count(in, &opts)
}

func (c *Counts) count(in *analysis.Input, opts *Options) {
	c.Docs++
	c.doc++
	if opts.Chars {
		c.countChars(in, opts)
	} else {
		c.countWords(in, opts)
	}
}

func (c *Counts) add(key, surface string, n int64) {
	e := c.terms[key]
	if e == nil {
		e = &entry{}
		if c.own {
			key = strings.Clone(key)
		}
		c.terms[key] = e
	}
	e.n += n
	if e.doc != c.doc {
		e.doc = c.doc
		e.df++
	}
	if surface != key {
		if e.forms == nil {
			e.forms = make(map[string]int64, 1)
		}
		if c.own {
			surface = strings.Clone(surface) // the map takes the key given, even when present
		}
		e.forms[surface] += n
	}
	c.Units += n
}

// ngram holds the last n units passed.
type ngram struct {
	keys, surfaces []string
	run            int
}

func newNgram(n int) *ngram {
	return &ngram{keys: make([]string, n), surfaces: make([]string, n)}
}

// push adds a unit and says whether n units are now in a row.
func (g *ngram) push(key, surface string) bool {
	n := len(g.keys)
	copy(g.keys, g.keys[1:])
	copy(g.surfaces, g.surfaces[1:])
	g.keys[n-1], g.surfaces[n-1] = key, surface
	g.run++
	return g.run >= n
}

func (g *ngram) join(sep string) (key, surface string) {
	return strings.Join(g.keys, sep), strings.Join(g.surfaces, sep)
}

func (c *Counts) countWords(in *analysis.Input, opts *Options) {
	n := opts.n()
	g := newNgram(n)
	prevEnd := -1
	for i, tok := range in.Tokens {
		if int(tok.Start) < prevEnd || int(tok.Start) > len(in.Text) || int(tok.End) > len(in.Text) || tok.End < tok.Start {
			// tokens out of order or outside the text (not from a
			// precise cut): count no n-gram across them.
			g.run = 0
		} else if prevEnd >= 0 && strings.IndexByte(in.Text[prevEnd:tok.Start], '\n') >= 0 {
			g.run = 0
		}
		prevEnd = int(tok.End)
		key := in.Keys[i]
		if !opts.keep(key, tok.POS) {
			g.run = 0
			continue
		}
		surface := key
		if tok.Start >= 0 && int(tok.End) <= len(in.Text) && tok.Start <= tok.End {
			surface = in.Text[tok.Start:tok.End]
		}
		if n == 1 {
			c.add(key, surface, 1)
			continue
		}
		if g.push(key, surface) {
			k, s := g.join(Sep)
			c.add(k, s, 1)
		}
	}
}

// keep says whether a word is counted.
func (o *Options) keep(key, pos string) bool {
	han, word := false, false
	runes := 0
	for _, r := range key {
		runes++
		switch {
		case r >= 0x2E80 && unicode.Is(unicode.Han, r):
			han, word = true, true
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			word = true
		}
	}
	if !word || o.HanOnly && (!han || NumeralWord(key)) || runes < o.MinLen {
		return false
	}
	if o.POS != nil && !o.POS.Allows(pos) {
		return false
	}
	return o.Stopwords == nil || !o.Stopwords.Has(key)
}

func (c *Counts) countChars(in *analysis.Input, opts *Options) {
	n := opts.n()
	g := newNgram(n)
	text, folded := in.Text, in.Folded
	if utf8.RuneCountInString(text) != utf8.RuneCountInString(folded) {
		folded = text
	}
	var kb [utf8.UTFMax]byte
	fi := 0
	for ti, r := range text {
		fr, fn := utf8.DecodeRuneInString(folded[fi:])
		fi += fn
		han := r >= 0x2E80 && unicode.Is(unicode.Han, r)
		if !han && !unicode.IsLetter(r) && !unicode.IsNumber(r) || opts.HanOnly && !han {
			g.run = 0
			continue
		}
		if fr >= 'A' && fr <= 'Z' {
			fr += 'a' - 'A'
		}
		key := string(kb[:utf8.EncodeRune(kb[:], fr)])
		if opts.Stopwords != nil && opts.Stopwords.Has(key) {
			g.run = 0
			continue
		}
		surface := text[ti : ti+utf8.RuneLen(r)]
		if n == 1 {
			c.add(key, surface, 1)
			continue
		}
		if g.push(key, surface) {
			k, s := g.join("")
			c.add(k, s, 1)
		}
	}
}

// Merge adds the counts of o to c. Addition of integers: merging any split
// of a corpus in any order gives the counts of the whole.
func (c *Counts) Merge(o *Counts) {
	if o == nil {
		return
	}
	if c.terms == nil {
		c.terms = make(map[string]*entry, len(o.terms))
	}
	c.Docs += o.Docs
	c.Units += o.Units
	for k, oe := range o.terms {
		e := c.terms[k]
		if e == nil {
			// a copy: o's keys may be substrings of its document's text,
			// which the sum would otherwise keep in memory
			e = &entry{}
			c.terms[strings.Clone(k)] = e
		}
		e.n += oe.n
		e.df += oe.df
		for f, n := range oe.forms {
			if e.forms == nil {
				e.forms = make(map[string]int64, len(oe.forms))
			}
			e.forms[strings.Clone(f)] += n // a copy even when present: the map takes the key given
		}
	}
}

// MergePart adds the counts of o, another part of the same document, to
// c: counts add up, but a term is in the document once (docs stays 1).
func (c *Counts) MergePart(o *Counts) {
	if o == nil {
		return
	}
	if c.terms == nil {
		c.terms = make(map[string]*entry, len(o.terms))
	}
	c.Docs = max(c.Docs, o.Docs)
	c.Units += o.Units
	for k, oe := range o.terms {
		e := c.terms[k]
		if e == nil {
			// a copy: o's keys may be substrings of its document's text,
			// which the sum would otherwise keep in memory
			e = &entry{}
			c.terms[strings.Clone(k)] = e
		}
		e.n += oe.n
		e.df = max(e.df, oe.df)
		for f, n := range oe.forms {
			if e.forms == nil {
				e.forms = make(map[string]int64, len(oe.forms))
			}
			e.forms[strings.Clone(f)] += n // a copy even when present: the map takes the key given
		}
	}
}

// Term is one counted term.
type Term struct {
	// Key is the term as counted: Simplified, ASCII lower-cased; the words
	// of an n-gram joined by Sep.
	Key string
	// Surface is the form the documents wrote most often (of equally
	// frequent forms, the first in string order).
	Surface string
	Count   int64
	// Docs is the number of documents the term occurs in.
	Docs int64
	// Share is Count over all units counted.
	Share float64
}

// Get returns the counts of one term (zero when absent).
func (c *Counts) Get(key string) Term {
	e := c.terms[key]
	if e == nil {
		return Term{Key: key, Surface: key}
	}
	return c.term(key, e)
}

func (c *Counts) term(key string, e *entry) Term {
	t := Term{Key: key, Surface: surface(key, e), Count: e.n, Docs: e.df}
	if c.Units > 0 {
		t.Share = float64(e.n) / float64(c.Units)
	}
	return t
}

// Forms returns the surface forms of a term with their counts, sorted by
// form (the key's own form included when it was written).
func (c *Counts) Forms(key string) []Form {
	e := c.terms[key]
	if e == nil {
		return nil
	}
	return forms(key, e)
}

// Form is a surface form and how often it was written.
type Form struct {
	Text  string
	Count int64
}

func forms(key string, e *entry) []Form {
	out := make([]Form, 0, len(e.forms)+1)
	rest := e.n
	for f, n := range e.forms {
		out = append(out, Form{f, n})
		rest -= n
	}
	if rest > 0 {
		out = append(out, Form{key, rest})
	}
	slices.SortFunc(out, func(a, b Form) int { return strings.Compare(a.Text, b.Text) })
	return out
}

func surface(key string, e *entry) string {
	if len(e.forms) == 0 {
		return key
	}
	best, bn := key, e.n
	for _, n := range e.forms {
		bn -= n
	}
	for f, n := range e.forms {
		if n > bn || n == bn && f < best {
			best, bn = f, n
		}
	}
	return best
}

// Terms returns the terms counted at least minCount times, most frequent
// first, ties by key; top limits their number (0: all).
func (c *Counts) Terms(minCount int64, top int) []Term {
	if top > 0 && top < len(c.terms)/4 {
		return c.topTerms(minCount, top)
	}
	out := make([]Term, 0, len(c.terms))
	for k, e := range c.terms {
		if e.n >= minCount {
			out = append(out, c.term(k, e))
		}
	}
	SortTerms(out)
	if top > 0 && len(out) > top {
		out = out[:top]
	}
	return out
}

// topTerms is Terms for a top well below the number of terms: the top
// entries are picked first in one pass (a heap of top entries, the
// lowest-ranked at its root; most counts fall below it at once) and only
// they are made into Terms and sorted, where Terms sorts every term (a
// serial step at the end of a corpus run, of tens of milliseconds). The
// order, count descending then key ascending, is total (keys are
// unique), so the result is the same.
func (c *Counts) topTerms(minCount int64, top int) []Term {
	type ranked struct {
		key string
		e   *entry
	}
	// below: a ranks after b
	below := func(a, b ranked) bool {
		if a.e.n != b.e.n {
			return a.e.n < b.e.n
		}
		return a.key > b.key
	}
	h := make([]ranked, 0, top)
	down := func(i int) {
		for {
			l := 2*i + 1
			if l >= len(h) {
				return
			}
			m := l
			if r := l + 1; r < len(h) && below(h[r], h[l]) {
				m = r
			}
			if !below(h[m], h[i]) {
				return
			}
			h[i], h[m] = h[m], h[i]
			i = m
		}
	}
	for k, e := range c.terms {
		if e.n < minCount {
			continue
		}
		x := ranked{k, e}
		if len(h) < top {
			h = append(h, x)
			for i := len(h) - 1; i > 0; {
				p := (i - 1) / 2
				if !below(h[i], h[p]) {
					break
				}
				h[i], h[p] = h[p], h[i]
				i = p
			}
			continue
		}
		if below(h[0], x) {
			h[0] = x
			down(0)
		}
	}
	out := make([]Term, len(h))
	for i, x := range h {
		out[i] = c.term(x.key, x.e)
	}
	SortTerms(out)
	return out
}

// SortTerms sorts terms by count, most frequent first, ties by key.
func SortTerms(ts []Term) {
	slices.SortFunc(ts, func(a, b Term) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return strings.Compare(a.Key, b.Key)
	})
}

// Keys returns every counted key, sorted.
func (c *Counts) Keys() []string {
	out := make([]string, 0, len(c.terms))
	for k := range c.terms {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Equal says whether two counts are the same, forms included.
func (c *Counts) Equal(o *Counts) bool {
	if c.Docs != o.Docs || c.Units != o.Units || len(c.terms) != len(o.terms) {
		return false
	}
	for k, e := range c.terms {
		oe := o.terms[k]
		if oe == nil || e.n != oe.n || e.df != oe.df || !slices.Equal(forms(k, e), forms(k, oe)) {
			return false
		}
	}
	return true
}

// NumeralWord says whether a word is a number written in Chinese numerals:
// numeral characters (一九五八, 五千万, 两, 几, 半), after an optional 第
// and before at most one character of a unit or a measure (年, 个, 元,
// 项 …): 一九五八年, 五千万元, 两个, 第一, 三年, 一些. A word with any other
// character is not (三农, 两会, 十分, 四个全面, 第三方), nor is the name of a
// five-year plan's period (十五五, 十四五, 九五: see planPeriod).
func NumeralWord(key string) bool {
	// (on freq's path for every word with HanOnly: most words are out at
	// their first character, before the plan periods are looked at)
	n, rest := 0, 0 // numeral characters at the start; characters after them
	var last rune
	for _, r := range strings.TrimPrefix(key, "第") {
		if rest == 0 && strings.ContainsRune(numeralChars, r) {
			n++
			continue
		}
		rest++
		last = r
		if rest > 1 || n == 0 {
			return false
		}
	}
	switch {
	case n == 0:
		return false
	case rest == 0:
		return !planPeriod(key)
	}
	return strings.ContainsRune(numeralUnits, last)
}

const (
	numeralChars = "〇零一二两三四五六七八九十百千万亿几半"
	numeralUnits = "年月日号个项元种次倍条位名家所座批些度成届期轮类张台户人"
)

// planPeriod says whether a word names the period of a five-year plan as
// policy text writes it: the plan's ordinal and 五 (一五 … 九五, 十五,
// 十一五 … 十九五).
func planPeriod(key string) bool {
	rs := []rune(key)
	if len(rs) < 2 || len(rs) > 3 || rs[len(rs)-1] != '五' {
		return false
	}
	const digits = "一二三四五六七八九"
	switch len(rs) {
	case 2:
		return rs[0] == '十' || strings.ContainsRune(digits, rs[0])
	default:
		return rs[0] == '十' && strings.ContainsRune(digits, rs[1])
	}
}
