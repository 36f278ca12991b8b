// Package slogans finds the political formulations (提法) of a document:
// phrases in quotation marks that name a policy (the quoted spans are
// classified first: formulation, title, scare quote, citation, reported
// speech), numbered formulations with or without quotes (两个维护,
// 三大攻坚战, 四大主导产业, codes such as “1+M+N”), five-year plan periods
// (十四五), parallel series (高端化、智能化、绿色化) and the known
// formulations of a lexicon; it gives each its full extent as the document
// writes it (轨道交通“四网融合”), a counting key, quoted and bare counts,
// novelty against a baseline of earlier documents and a salience score.
//
// The rules read the document folded to Simplified, so 「三個大抓」 and
// “三个大抓” are one formulation; results carry both the Simplified key and
// the forms the document wrote. Extract is a pure function of its Input and
// Options.
package slogans

import (
	"math"
	"slices"
	"strings"

	"zhpolicy/pkg/analysis"
)

// RulesVersion changes whenever the rules change what Extract finds; the
// built-in baseline records the version it was generated with, and
// partials record it so that results of other rules never merge.
const RulesVersion = 25 // 25: the built-in lexicon holds the standard phrases of the DEV national documents (dict/slogans/national.tsv)

// Kind is the shape of a formulation.
type Kind string

const (
	// Quoted is a phrase the document puts in quotation marks as a label
	// of policy: “放管服”, “枫桥经验”.
	Quoted Kind = "quoted"
	// Numbered counts the parts of a named bundle: 两个维护, 三大攻坚战,
	// 四大主导产业, 一带一路, codes such as “1+M+N” and “45432”.
	Numbered Kind = "numbered"
	// Plan is a five-year plan period: 十四五 (in all its forms).
	Plan Kind = "plan"
	// Parallel is a series of phrases of the same shape.
	Parallel Kind = "parallel"
	// Lex is a known formulation of the lexicon used bare: 新质生产力.
	Lex Kind = "lexicon"
)

// Kinds lists every kind, in the order results of equal score are shown.
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
	// Lexicon holds the known formulations; nil means none.
	Lexicon *Lexicon
	// Baseline holds the formulations attested in earlier documents
	// (BuiltinBaseline, a user's baseline, or both merged); nil means
	// none: novelty is then judged against the lexicon alone.
	Baseline *Baseline
	// MaxQuoted is the longest quoted phrase, in characters, taken as a
	// formulation (DefaultMaxQuoted when 0). Quoted series separated by 、
	// may be longer: each member is at most 8 characters.
	MaxQuoted int
	// Context is the number of characters of context kept on each side of
	// the first occurrence (0: none).
	Context int
	// LoosePairs keeps every pair of unrepeated phrases the shape rules
	// allow (迎难而上、奋发有为), attested or not. Only the generator of
	// the built-in baseline sets it: by default such a pair is kept only
	// when the reference reports attest it (see pairAttested).
	LoosePairs bool
}

// DefaultMaxQuoted is the default MaxQuoted.
const DefaultMaxQuoted = 12

// Occurrence is one use of a formulation.
type Occurrence struct {
	// Start and End are byte offsets into Input.Text of the use with its
	// full extent: head, quotation marks and tail as written.
	Start, End int
	// Text is Input.Text[Start:End].
	Text string
	// Quoted is set when the use stands inside quotation marks.
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
	// Key is what it is counted under: its full extent folded to
	// Simplified, quotation marks and 《》 removed (轨道交通四网融合); for a
	// series, its members joined by 、.
	Key string
	// Core is the key of the quoted or numbered core when the document
	// attaches a head or a tail to it (四网融合), else Key.
	Core string
	// Text is the full extent as the document writes it, quotation marks
	// included: 轨道交通“四网融合”, “45432”发展架构.
	Text string
	Kind Kind
	// Count is the number of uses; Quoted of them stand inside quotation
	// marks, Bare do not.
	Count, Quoted, Bare int
	// Members are the keys of the members of a parallel series.
	Members []string
	// Forms are the written forms, most frequent first.
	Forms []Form
	// Occurrences in text order.
	Occurrences []Occurrence
	// Gloss explains a known formulation (lexicon).
	Gloss string
	// New is set when neither the lexicon nor the baseline attests the
	// formulation; Novelty says why.
	New     bool
	Novelty Novelty
	// Quality is the learned probability that the formulation is one an
	// analyst keeps (a logistic regression over Features, fitted to our
	// labelled DEV rows: model.go). Score is the salience score (Salience)
	// times Quality; results are sorted by it.
	Quality float64
	Score   float64
	// Context is text around the first occurrence (Options.Context).
	Context string
}

// Surface is the formulation as the document writes it (Text).
func (f *Formulation) Surface() string {
	if f.Text != "" {
		return f.Text
	}
	if len(f.Forms) > 0 {
		return f.Forms[0].Text
	}
	return f.Key
}

// Result is everything Analyze finds in a document.
type Result struct {
	Formulations []Formulation
	// Quotes are all the quoted spans of the document, classified.
	Quotes []Quote
}

// hit is an occurrence found by a rule, in runes of the view's r.
type hit struct {
	key     string
	kind    Kind
	i, k    int      // the core, runes of r (inside any quotation marks)
	ei, ek  int      // the full extent, runes of r (head, marks, tail)
	members []string // keys of the members (parallel)
	mspans  [][2]int // runes of r of each member (parallel)
	quoted  bool
	lex     bool // matched through the lexicon
	head    int  // runes of head before the marks (0: none)
	tail    int  // runes of tail after the marks
}

// Extract finds the formulations of a document, most salient first.
func Extract(in *analysis.Input, opts Options) []Formulation {
	if in == nil || in.Folded == "" {
		return nil
	}
	return Analyze(in, opts).Formulations
}

// Analyze finds the formulations of a document and classifies its quoted
// spans.
func Analyze(in *analysis.Input, opts Options) *Result {
	if in == nil || in.Folded == "" {
		return &Result{}
	}
	if opts.MaxQuoted <= 0 {
		opts.MaxQuoted = DefaultMaxQuoted
	}
	v := newView(in)
	x := &extractor{v: v, opts: opts, lex: opts.Lexicon, base: opts.Baseline, words: builtinWords()}
	if !opts.LoosePairs {
		x.ref, _ = BuiltinBaseline() // nil on error: no pair is attested
	}
	x.run()
	return &Result{Formulations: x.results(), Quotes: x.quoteList()}
}

type extractor struct {
	v     *view
	opts  Options
	lex   *Lexicon
	base  *Baseline
	ref   *Baseline // the built-in baseline, attesting pairs (nil: LoosePairs)
	words *wordStats
	hits  []hit
	// quotes are the quoted spans found, classified
	quotes      []quoteSpan
	compactKeys map[string]bool // keys found only by compactNumbered
	rbuf        [][]rune        // members of the cut cutScore is scoring
	oral        int8            // 0 not yet decided, 1 spoken register, -1 written (see spoken)
}

func (x *extractor) run() {
	extra := map[string]pattern{}
	addExtra := func(key string, kind Kind, quotedOnly bool) {
		old, ok := extra[key]
		if !ok || kindRank(kind) < kindRank(old.kind) {
			extra[key] = pattern{text: []rune(key), key: key, kind: kind, quotedOnly: quotedOnly && (!ok || old.quotedOnly)}
		} else if !quotedOnly {
			old.quotedOnly = false
			extra[key] = old
		}
	}
	for _, q := range x.findQuotes() {
		if q.class != ClassFormulation {
			continue
		}
		switch q.kind {
		case Quoted, Numbered:
			addExtra(q.key, q.kind, !x.bareCounts(q))
		case Parallel:
			x.hits = append(x.hits, q.hit)
		}
	}
	x.compactKeys = map[string]bool{}
	for k, kind := range x.compactNumbered() {
		if _, ok := extra[k]; !ok {
			addExtra(k, kind, false)
			x.compactKeys[k] = true
		}
	}
	for _, k := range x.bareNumbered() {
		addExtra(k, Numbered, false)
	}
	x.hits = append(x.hits, x.plans()...)
	lexPar := x.scan(extra)
	ser := x.series(lexPar)
	x.dropLexInside(ser)
	x.hits = append(x.hits, ser...)
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

// group is the hits of one formulation.
type group struct {
	key  string
	kind Kind
	hits []hit
}

// results groups the hits by key and builds the formulations.
func (x *extractor) results() []Formulation {
	slices.SortStableFunc(x.hits, func(a, b hit) int { return a.i - b.i })
	byKey := map[string]*group{}
	var order []*group
	seen := map[[2]int]string{}
	for _, h := range x.hits {
		sp := [2]int{h.i, h.k}
		if k, dup := seen[sp]; dup && k == h.key {
			continue
		}
		seen[sp] = h.key
		g := byKey[h.key]
		if g == nil {
			g = &group{key: h.key, kind: h.kind}
			byKey[h.key] = g
			order = append(order, g)
		}
		if kindRank(h.kind) < kindRank(g.kind) {
			g.kind = h.kind
		}
		g.hits = append(g.hits, h)
	}
	order = x.mergePrefixSeries(order)
	out := make([]Formulation, 0, len(order))
	for _, g := range order {
		out = append(out, x.formulation(g))
	}
	w := modelWeights()
	docRunes := len(x.v.r)
	for i := range out {
		out[i].Quality = math.Round(quality(&w, x.v.in, &out[i], docRunes)*1e6) / 1e6
		out[i].Score = math.Round(Salience(&out[i], 1, 1)*out[i].Quality*1e6) / 1e6
	}
	SortBySalience(out)
	return out
}

// formulation builds the formulation of a group of hits.
// unwrap removes the line breaks of a line wrapped inside a formulation
// (text from PDF): the form shown; occurrences keep the document's bytes.
func unwrap(t string) string {
	if !strings.ContainsAny(t, "\n\r") {
		return t
	}
	return strings.NewReplacer("\r\n", "", "\n", "", "\r", "").Replace(t)
}

func (x *extractor) formulation(g *group) Formulation {
	f := Formulation{Core: g.key, Kind: g.kind}
	forms := map[string]int{}
	for _, h := range g.hits {
		s, e := x.v.textSpan(h.ei, h.ek)
		occ := Occurrence{Start: s, End: e, Text: x.v.in.Text[s:e], Quoted: h.quoted}
		for _, m := range h.mspans {
			occ.Members = append(occ.Members, unwrap(stripQuotes(x.v.surface(m[0], m[1]))))
		}
		if h.quoted {
			f.Quoted++
		} else {
			f.Bare++
		}
		f.Occurrences = append(f.Occurrences, occ)
		forms[unwrap(occ.Text)]++
		if len(f.Members) == 0 && h.key == g.key {
			f.Members = h.members
		}
	}
	f.Count = len(f.Occurrences)
	rep := x.representative(g.hits)
	f.Text = unwrap(f.Occurrences[rep].Text)
	f.Key = g.key
	if h := g.hits[rep]; h.head > 0 || h.tail > 0 {
		f.Key = textKey(x.v.surfaceFolded(h.ei, h.ek))
	}
	if e, ok := x.lex.Lookup(g.key); ok {
		f.Gloss = e.Gloss
		switch e.Kind {
		case Numbered, Plan, Parallel:
			f.Kind = e.Kind
		default:
			f.Kind = Lex
			if f.Quoted > 0 {
				f.Kind = Quoted
			}
		}
		if e.Kind == Parallel && len(f.Members) == 0 {
			f.Members = splitMembers(e.Text)
		}
	}
	f.Novelty = judge(x.lex, x.words, x.base, f.Key, f.Core, f.Members)
	f.New = f.Novelty.New()
	for t, c := range forms {
		f.Forms = append(f.Forms, Form{Text: t, Count: c})
	}
	sortForms(f.Forms, f.Text)
	if x.opts.Context > 0 {
		f.Context = snippet(x.v.in.Text, f.Occurrences[0].Start, f.Occurrences[0].End, x.opts.Context)
	}
	return f
}

// representative picks the use whose extent names the formulation: the
// tail most uses attach (a tail wins a tie), and the first use with that
// tail: a head is given at the first mention (重大慢性病防治“四早”工程 …
// “四早”工程); one found in a later use is that sentence's own (……战胜
// “四人帮”), not the name of the formulation.
func (x *extractor) representative(hs []hit) int {
	tails := map[string]int{}
	for _, h := range hs {
		tails[x.tailText(h)]++
	}
	best, bestN := "", -1
	for t, n := range tails {
		if n > bestN || n == bestN && (len(t) > len(best) || len(t) == len(best) && t < best) {
			best, bestN = t, n
		}
	}
	for i, h := range hs {
		if x.tailText(h) == best {
			return i
		}
	}
	return 0
}

func (x *extractor) tailText(h hit) string {
	if h.tail == 0 {
		return ""
	}
	return string(x.v.r[h.ek-h.tail : h.ek])
}

// surfaceFolded is the folded text of runes [i,k) of r.
func (v *view) surfaceFolded(i, k int) string {
	return v.in.Folded[v.off[i]:v.off[k]]
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

// sortForms orders written forms by count; among equals, the
// representative text first, then by text.
func sortForms(fs []Form, text string) {
	slices.SortFunc(fs, func(a, b Form) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		if (a.Text == text) != (b.Text == text) {
			if a.Text == text {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Text, b.Text)
	})
}

// mergePrefixSeries counts a series whose last member is cut short under
// the whole series of the same document: the whole wins over the twin
// (智能化、绿色化、融合 beside 智能化、绿色化、融合化).
func (x *extractor) mergePrefixSeries(gs []*group) []*group {
	var series []*group
	for _, g := range gs {
		if g.kind == Parallel && len(g.hits) > 0 && len(g.hits[0].members) >= 2 {
			series = append(series, g)
		}
	}
	into := map[*group]*group{}
	for _, a := range series {
		var best *group
		for _, b := range series {
			if a == b || !prefixSeries(a.hits[0].members, b.hits[0].members) {
				continue
			}
			if best == nil || len(b.key) > len(best.key) || len(b.key) == len(best.key) && b.key < best.key {
				best = b
			}
		}
		if best != nil {
			into[a] = best
		}
	}
	if len(into) == 0 {
		return gs
	}
	out := gs[:0]
	for _, g := range gs {
		t, ok := into[g]
		for ok {
			if next, more := into[t]; more {
				t = next
				continue
			}
			break
		}
		if ok {
			t.hits = append(t.hits, g.hits...)
			continue
		}
		out = append(out, g)
	}
	for _, g := range out {
		slices.SortStableFunc(g.hits, func(a, b hit) int { return a.i - b.i })
	}
	return out
}

// prefixSeries reports whether series a is series b with its last member
// cut short.
func prefixSeries(a, b []string) bool {
	if len(a) > len(b) {
		return false
	}
	last := len(a) - 1
	for i := 0; i < last; i++ {
		if a[i] != b[i] {
			return false
		}
	}
	// a shorter series of whole members is a formulation of its own
	// (市场化、法治化 beside 市场化、法治化、国际化)
	return a[last] != b[last] && strings.HasPrefix(b[last], a[last])
}

// StripMarks removes the quotation marks of a surface (“三个大抓”攻坚行动 →
// 三个大抓攻坚行动), for callers that show forms without them.
func StripMarks(s string) string { return stripQuotes(s) }
