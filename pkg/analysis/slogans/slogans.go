// Package slogans finds the political formulations (提法) of a document:
// phrases in quotation marks, numbered formulations (两个维护, 三大攻坚战),
// five-year plan periods (十四五), parallel series (高端化、智能化、绿色化)
// and the known formulations of a lexicon, and counts them.
//
// The rules read the document folded to Simplified, so 「三個大抓」 and
// “三个大抓” are one formulation; results carry both the Simplified key and
// the forms the document wrote. Extract is a pure function of its Input.
package slogans

import (
	"slices"
	"sort"
	"strings"

	"zhpolicy/pkg/analysis"
)

// Kind is the shape of a formulation.
type Kind string

const (
	// Quoted is a short phrase the document puts in quotation marks.
	Quoted Kind = "quoted"
	// Numbered starts with a numeral: 两个维护, 三大攻坚战, 一带一路.
	Numbered Kind = "numbered"
	// Plan is a five-year plan period: 十四五 (in all its forms).
	Plan Kind = "plan"
	// Parallel is a series of phrases of the same shape.
	Parallel Kind = "parallel"
	// Lex is a known formulation of the lexicon used bare: 新质生产力.
	Lex Kind = "lexicon"
)

// Kinds lists every kind, in the order results of equal count are shown.
var Kinds = []Kind{Plan, Numbered, Parallel, Quoted, Lex}

// kindRank orders kinds when one formulation is found by several rules.
func kindRank(k Kind) int {
	switch k {
	case Plan:
		return 0
	case Numbered:
		return 1
	case Parallel:
		return 2
	case Quoted:
		return 3
	}
	return 4
}

// ParseKind reads a kind name.
func ParseKind(s string) (Kind, bool) {
	for _, k := range Kinds {
		if string(k) == strings.ToLower(strings.TrimSpace(s)) {
			return k, true
		}
	}
	return "", false
}

// Options tune Extract. The zero value uses the defaults.
type Options struct {
	// Lexicon holds the known formulations; nil means none (every
	// formulation is then new).
	Lexicon *Lexicon
	// MaxQuoted is the longest quoted phrase, in characters, taken as a
	// formulation (DefaultMaxQuoted when 0). Quoted series separated by 、
	// may be longer: each member is at most 8 characters.
	MaxQuoted int
	// Context is the number of characters of context kept on each side of
	// the first occurrence (0: none).
	Context int
}

// DefaultMaxQuoted is the default MaxQuoted.
const DefaultMaxQuoted = 12

// Occurrence is one use of a formulation.
type Occurrence struct {
	// Start and End are byte offsets into Input.Text.
	Start, End int
	// Text is Input.Text[Start:End]: the formulation as written (for a
	// quoted one, without its quotation marks).
	Text string
	// Quoted is set when the occurrence stands inside quotation marks.
	Quoted bool
	// Members are the members of a parallel series as written.
	Members []string
}

// Form is one way the document writes a formulation, with its count.
type Form struct {
	Text  string `json:"text"`
	Count int    `json:"count"`
}

// Formulation is one formulation of a document.
type Formulation struct {
	// Key is the Simplified form it is counted under; for a series, its
	// members joined by 、.
	Key  string
	Kind Kind
	// New is set when the formulation is not in the lexicon.
	New   bool
	Gloss string
	Count int
	// Members are the keys of the members of a parallel series.
	Members []string
	// Forms are the written forms, most frequent first.
	Forms []Form
	// Occurrences in text order.
	Occurrences []Occurrence
	// Context is text around the first occurrence (Options.Context).
	Context string
}

// Surface is the most frequent written form.
func (f *Formulation) Surface() string {
	if len(f.Forms) > 0 {
		return f.Forms[0].Text
	}
	return f.Key
}

// hit is an occurrence found by a rule, in runes of the view's r.
type hit struct {
	key     string
	kind    Kind
	i, k    int      // runes of r
	members []string // keys of the members (parallel)
	mspans  [][2]int // runes of r of each member (parallel)
	quoted  bool
	lex     bool // matched through the lexicon
}

// Extract finds the formulations of a document. Results are sorted by
// count (descending), then key.
func Extract(in *analysis.Input, opts Options) []Formulation {
	if in == nil || in.Folded == "" {
		return nil
	}
	if opts.MaxQuoted <= 0 {
		opts.MaxQuoted = DefaultMaxQuoted
	}
	v := newView(in)
	x := &extractor{v: v, opts: opts, lex: opts.Lexicon}
	x.run()
	return x.results()
}

type extractor struct {
	v           *view
	opts        Options
	lex         *Lexicon
	hits        []hit
	compactKeys map[string]bool // keys found only by compactNumbered
}

func (x *extractor) run() {
	quotes := x.findQuotes()
	// keys from quoted phrases, counted wherever they are used
	extra := map[string]Kind{}
	for _, q := range quotes {
		switch q.kind {
		case Quoted, Numbered:
			if _, ok := extra[q.key]; !ok || kindRank(q.kind) < kindRank(extra[q.key]) {
				extra[q.key] = q.kind
			}
		default: // plan and parallel are found again by their own rules
			x.hits = append(x.hits, q)
		}
	}
	x.compactKeys = map[string]bool{}
	for k, kind := range x.compactNumbered() {
		if _, ok := extra[k]; !ok {
			extra[k] = kind
			x.compactKeys[k] = true
		}
	}
	x.hits = append(x.hits, x.plans()...)
	lexPar := x.scan(extra)
	x.hits = append(x.hits, x.series(lexPar)...)
	x.dropMemberUnits()
}

// dropMemberUnits removes new compact numbered formulations that are only
// members of a parallel series (一链一专班 in 一链一专班、一链一方案、一链一清单):
// the series is the formulation.
func (x *extractor) dropMemberUnits() {
	var members [][2]int
	for _, h := range x.hits {
		if h.kind == Parallel {
			members = append(members, h.mspans...)
		}
	}
	out := x.hits[:0]
	for _, h := range x.hits {
		drop := false
		if h.kind == Numbered && !h.lex && x.compactKeys[h.key] {
			for _, m := range members {
				if m[0] <= h.i && h.k <= m[1] {
					drop = true
					break
				}
			}
		}
		if !drop {
			out = append(out, h)
		}
	}
	x.hits = out
}

// results groups the hits by key.
func (x *extractor) results() []Formulation {
	type acc struct {
		f      *Formulation
		forms  map[string]int
		spans  map[[2]int]bool
		quoted bool
		kind   Kind
	}
	byKey := map[string]*acc{}
	var order []string
	slices.SortStableFunc(x.hits, func(a, b hit) int { return a.i - b.i })
	for _, h := range x.hits {
		a := byKey[h.key]
		if a == nil {
			a = &acc{f: &Formulation{Key: h.key, Members: h.members}, forms: map[string]int{}, spans: map[[2]int]bool{}, kind: h.kind}
			byKey[h.key] = a
			order = append(order, h.key)
		}
		sp := [2]int{h.i, h.k}
		if a.spans[sp] {
			continue
		}
		a.spans[sp] = true
		if kindRank(h.kind) < kindRank(a.kind) {
			a.kind = h.kind
		}
		s, e := x.v.textSpan(h.i, h.k)
		occ := Occurrence{Start: s, End: e, Text: x.v.in.Text[s:e], Quoted: h.quoted}
		for _, m := range h.mspans {
			occ.Members = append(occ.Members, stripQuotes(x.v.surface(m[0], m[1])))
		}
		a.quoted = a.quoted || h.quoted
		a.f.Occurrences = append(a.f.Occurrences, occ)
		a.forms[stripQuotes(occ.Text)]++
	}
	out := make([]Formulation, 0, len(order))
	for _, k := range order {
		a := byKey[k]
		f := a.f
		f.Count = len(f.Occurrences)
		f.Kind = a.kind
		if e, ok := x.lex.Lookup(k); ok {
			f.Gloss = e.Gloss
			switch e.Kind {
			case Numbered, Plan, Parallel:
				f.Kind = e.Kind
			default:
				f.Kind = Lex
				if a.quoted {
					f.Kind = Quoted
				}
			}
			if e.Kind == Parallel && len(f.Members) == 0 {
				f.Members = splitMembers(e.Text)
			}
		} else {
			f.New = true
		}
		for t, c := range a.forms {
			f.Forms = append(f.Forms, Form{Text: t, Count: c})
		}
		sortForms(f.Forms, f.Key)
		if x.opts.Context > 0 && len(f.Occurrences) > 0 {
			f.Context = snippet(x.v.in.Text, f.Occurrences[0].Start, f.Occurrences[0].End, x.opts.Context)
		}
		out = append(out, *f)
	}
	sortFormulations(out)
	return out
}

func sortFormulations(fs []Formulation) {
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].Count != fs[j].Count {
			return fs[i].Count > fs[j].Count
		}
		if fs[i].Key != fs[j].Key {
			return fs[i].Key < fs[j].Key
		}
		return kindRank(fs[i].Kind) < kindRank(fs[j].Kind)
	})
}

func sortEntries(es []Entry) {
	sort.Slice(es, func(i, j int) bool { return es[i].Text < es[j].Text })
}

// snippet returns up to n runes of text on each side of [s,e), on one line.
func snippet(text string, s, e, n int) string {
	a := s
	for c := 0; c < n && a > 0; c++ {
		_, size := lastRune(text[:a])
		if text[a-size] == '\n' {
			break
		}
		a -= size
	}
	b := e
	for c := 0; c < n && b < len(text); c++ {
		r, size := firstRune(text[b:])
		if r == '\n' {
			break
		}
		b += size
	}
	out := text[a:b]
	out = strings.NewReplacer("\r", " ", "\t", " ").Replace(out)
	if a > 0 {
		out = "…" + out
	}
	if b < len(text) {
		out += "…"
	}
	return out
}

// stripQuotes removes quotation marks: the form of “六稳”“六保” is 六稳六保.
func stripQuotes(s string) string {
	if !strings.ContainsFunc(s, isQuoteMark) {
		return s
	}
	var b strings.Builder
	for _, c := range s {
		if !isQuoteMark(c) {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// sortForms orders written forms by count; among equals, the one written
// as the key (Simplified) first, then by text.
func sortForms(fs []Form, key string) {
	norm := func(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "，", "、"), ",", "、") }
	sort.Slice(fs, func(i, j int) bool {
		if fs[i].Count != fs[j].Count {
			return fs[i].Count > fs[j].Count
		}
		ki, kj := norm(fs[i].Text) == key, norm(fs[j].Text) == key
		if ki != kj {
			return ki
		}
		return fs[i].Text < fs[j].Text
	})
}
