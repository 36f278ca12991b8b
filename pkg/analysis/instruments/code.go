package instruments

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/structure"
)

// entry kinds
const (
	kTerm = iota
	kPiece
	kExclude
	kGlobalExclude
)

type entry struct {
	key    string
	kind   int
	sub    int // subcategory index (kTerm, kExclude)
	weight int
}

// Coder codes documents with one frame. It is read-only once built and
// safe for concurrent use.
type Coder struct {
	frame *Frame
	refs  []Ref
	// entries by first rune, longest first
	byFirst map[rune][]int
	entries []entry
	// patterns[sub] are the patterns of a subcategory as entry keys
	patterns [][]pattern
	skip     [][]string
}

type pattern struct {
	text   string
	pieces []string
}

// NewCoder compiles a frame.
func NewCoder(f *Frame) (*Coder, error) {
	if f == nil {
		return nil, fmt.Errorf("instruments: no frame")
	}
	c := &Coder{frame: f, refs: f.Subcategories(), byFirst: map[rune][]int{}}
	index := map[string]int{} // key+kind+sub → entry
	owner := map[string]int{} // term key → subcategory
	add := func(key string, kind, sub, weight int) {
		id := fmt.Sprintf("%s\x00%d\x00%d", key, kind, sub)
		if i, ok := index[id]; ok {
			if weight > c.entries[i].weight {
				c.entries[i].weight = weight
			}
			return
		}
		index[id] = len(c.entries)
		c.entries = append(c.entries, entry{key: key, kind: kind, sub: sub, weight: weight})
	}
	c.patterns = make([][]pattern, len(c.refs))
	si := 0
	for _, cat := range f.Categories {
		for _, s := range cat.Subcategories {
			for w, list := range [][]string{s.Terms, s.Strong} {
				for _, t := range list {
					k := matchKey(t)
					if o, ok := owner[k]; ok && o != si {
						return nil, fmt.Errorf("instruments: frame %s: term %q is under both %s and %s", f.Name, t, c.refs[o].Subcategory, s.ID)
					}
					owner[k] = si
					add(k, kTerm, si, w+1)
				}
			}
			for _, t := range s.Exclude {
				add(matchKey(t), kExclude, si, 0)
			}
			for _, p := range s.Patterns {
				var pieces []string
				for _, piece := range patternPieces(p) {
					k := matchKey(piece)
					pieces = append(pieces, k)
					add(k, kPiece, -1, 0)
				}
				c.patterns[si] = append(c.patterns[si], pattern{text: p, pieces: pieces})
			}
			si++
		}
	}
	for _, t := range f.Exclude {
		add(matchKey(t), kGlobalExclude, -1, 0)
	}
	for _, t := range f.SkipUnits {
		var pieces []string
		for _, p := range patternPieces(t) {
			pieces = append(pieces, matchKey(p))
		}
		c.skip = append(c.skip, pieces)
	}
	for i, e := range c.entries {
		r, _ := utf8.DecodeRuneInString(e.key)
		c.byFirst[r] = append(c.byFirst[r], i)
	}
	for r, list := range c.byFirst {
		slices.SortFunc(list, func(a, b int) int {
			if d := len(c.entries[b].key) - len(c.entries[a].key); d != 0 {
				return d
			}
			return a - b
		})
		c.byFirst[r] = list
	}
	return c, nil
}

// Frame returns the coder's frame.
func (c *Coder) Frame() *Frame { return c.frame }

// Refs lists the frame's subcategories in frame order.
func (c *Coder) Refs() []Ref { return slices.Clone(c.refs) }

// Options say how to code a document.
type Options struct {
	Unit UnitKind
	// Sections are the document's sections (SectionsOf a structure
	// analysis), with offsets into in.Text; nil: the coder parses the
	// document's structure itself.
	Sections []Section
}

// Evidence is one match that counts for a code.
type Evidence struct {
	// Text is the matched text as the document writes it (a pattern's
	// evidence runs from its first piece to its last).
	Text string `json:"text"`
	// Rule is the frame's term or pattern that matched.
	Rule    string `json:"rule"`
	Pattern bool   `json:"pattern,omitempty"`
	Weight  int    `json:"weight"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}

// Code is one subcategory found in a unit.
type Code struct {
	Category    string     `json:"category"`
	Subcategory string     `json:"subcategory"`
	Score       int        `json:"score"`
	Primary     bool       `json:"primary"`
	Evidence    []Evidence `json:"evidence"`
}

// CodedUnit is a unit and its codes: the primary code first, then the
// others by score, then frame order. No codes: the unit is uncoded
// ("none").
type CodedUnit struct {
	Unit
	Text string `json:"text"`
	// Original is the unit as the document writes it, when that differs from Text (a
	// pinyin annotation, an invisible character): set by callers that map offsets back.
	Original string `json:"original,omitempty"`
	Codes    []Code `json:"codes"`
}

// Primary returns the unit's main code, or false when it has none.
func (u CodedUnit) Primary() (Code, bool) {
	if len(u.Codes) == 0 {
		return Code{}, false
	}
	return u.Codes[0], true
}

// Result is one coded document.
type Result struct {
	Doc   string      `json:"doc"`
	Unit  UnitKind    `json:"unit_kind"`
	Chars int         `json:"chars"`
	Units []CodedUnit `json:"units"`
}

type hit struct {
	start, end int // byte offsets in the folded text
	e          int
}

// Code codes one document. Offsets are byte offsets into in.Text.
// Cancellation is checked between units.
func (c *Coder) Code(ctx context.Context, in *analysis.Input, opts Options) (*Result, error) {
	if opts.Unit == "" {
		opts.Unit = UnitSentence
	}
	folded := in.Folded
	if folded == "" {
		folded = in.Text
	}
	low := lowerASCII(folded)
	hits := c.scan(low)
	if !c.frame.KeepTitles {
		hits = dropInTitles(low, hits)
	}
	hits = c.dropContained(hits)

	secs := opts.Sections
	if secs == nil {
		secs = SectionsOf(structure.ParseFolded(in.Text, in.Folded))
	}
	if len(folded) != len(in.Text) {
		// sections come with offsets into Text; the units are cut in Folded
		secs = slices.Clone(secs)
		for i := range secs {
			secs[i].Start, secs[i].End = in.FoldedSpan(secs[i].Start, secs[i].End)
		}
	}
	units := Split(folded, opts.Unit, secs)
	res := &Result{Doc: in.Name, Unit: opts.Unit, Chars: utf8.RuneCountInString(in.Text), Units: make([]CodedUnit, 0, len(units))}
	h := 0
	for _, u := range units {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for h < len(hits) && hits[h].start < u.Start {
			h++
		}
		j := h
		for j < len(hits) && hits[j].end <= u.End {
			j++
		}
		var codes []Code
		if !c.skipped(low[u.Start:u.End]) {
			codes = c.codeUnit(in, low, u, hits[h:j])
		}
		ts, te := in.TextSpan(u.Start, u.End)
		u.Start, u.End = ts, te
		res.Units = append(res.Units, CodedUnit{Unit: u, Text: in.Text[ts:te], Codes: codes})
	}
	return res, nil
}

// scan finds every entry at every position.
func (c *Coder) scan(s string) []hit {
	var out []hit
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		for _, ei := range c.byFirst[r] {
			k := c.entries[ei].key
			if strings.HasPrefix(s[i:], k) {
				out = append(out, hit{start: i, end: i + len(k), e: ei})
			}
		}
		i += n
	}
	return out
}

// dropInTitles removes hits inside 《…》.
func dropInTitles(s string, hits []hit) []hit {
	var spans [][2]int
	depth, open := 0, 0
	for i, r := range s {
		switch r {
		case '《':
			if depth == 0 {
				open = i
			}
			depth++
		case '》':
			if depth > 0 {
				depth--
				if depth == 0 {
					spans = append(spans, [2]int{open, i + len("》")})
				}
			}
		case '\n':
			depth = 0
		}
	}
	if len(spans) == 0 {
		return hits
	}
	out := hits[:0]
	k := 0
	for _, h := range hits {
		for k < len(spans) && spans[k][1] <= h.start {
			k++
		}
		if k < len(spans) && spans[k][0] <= h.start && h.end <= spans[k][1] {
			continue
		}
		out = append(out, h)
	}
	return out
}

// dropContained removes term hits strictly inside a longer term hit, and
// term hits overlapping a global exclusion or an exclusion of their own
// subcategory. Pieces are kept (patterns see them all).
func (c *Coder) dropContained(hits []hit) []hit {
	keep := make([]bool, len(hits))
	for i, h := range hits {
		e := c.entries[h.e]
		if e.kind != kTerm && e.kind != kPiece {
			continue
		}
		keep[i] = true
		// hits are ordered by start; look at neighbours that can overlap
		for j := i - 1; j >= 0 && j >= i-64; j-- {
			if c.hides(hits[j], h) {
				keep[i] = false
				break
			}
		}
		if !keep[i] {
			continue
		}
		for j := i + 1; j < len(hits) && hits[j].start < h.end; j++ {
			if c.hides(hits[j], h) {
				keep[i] = false
				break
			}
		}
	}
	out := hits[:0]
	for i, h := range hits {
		if keep[i] {
			out = append(out, h)
		}
	}
	return out
}

// hides says whether hit o hides term or piece hit h.
func (c *Coder) hides(o, h hit) bool {
	if o.end <= h.start || h.end <= o.start {
		return false
	}
	oe, he := c.entries[o.e], c.entries[h.e]
	switch oe.kind {
	case kGlobalExclude:
		return he.kind == kTerm
	case kExclude:
		return he.kind == kTerm && oe.sub == he.sub
	case kTerm:
		if he.kind != kTerm {
			return false
		}
		// a longer term containing h
		return o.start <= h.start && h.end <= o.end && o.end-o.start > h.end-h.start
	}
	return false
}

// codeUnit scores the subcategories of one unit.
func (c *Coder) codeUnit(in *analysis.Input, low string, u Unit, hits []hit) []Code {
	type acc struct {
		score int
		first int
		seen  map[string]bool
		ev    []Evidence
	}
	var subs map[int]*acc
	get := func(si int) *acc {
		if subs == nil {
			subs = map[int]*acc{}
		}
		a := subs[si]
		if a == nil {
			a = &acc{first: -1, seen: map[string]bool{}}
			subs[si] = a
		}
		return a
	}
	addEv := func(si int, rule string, isPat bool, w, s, e int) {
		a := get(si)
		if !a.seen[rule] {
			a.seen[rule] = true
			a.score += w
		}
		if a.first < 0 || s < a.first {
			a.first = s
		}
		ts, te := in.TextSpan(s, e)
		a.ev = append(a.ev, Evidence{Text: in.Text[ts:te], Rule: rule, Pattern: isPat, Weight: w, Start: ts, End: te})
	}
	hasPiece := false
	for _, h := range hits {
		e := c.entries[h.e]
		switch e.kind {
		case kTerm:
			addEv(e.sub, e.key, false, e.weight, h.start, h.end)
		case kPiece:
			hasPiece = true
		}
	}
	if hasPiece {
		gap := c.frame.MaxGap
		for si, pats := range c.patterns {
			for _, p := range pats {
				if s, e, ok := c.matchPattern(low, p, hits, gap); ok {
					addEv(si, p.text, true, 2, s, e)
				}
			}
		}
	}
	if len(subs) == 0 {
		return nil
	}
	codes := make([]Code, 0, len(subs))
	order := make([]int, 0, len(subs))
	for si := range subs {
		order = append(order, si)
	}
	slices.SortFunc(order, func(a, b int) int {
		x, y := subs[a], subs[b]
		if x.score != y.score {
			return y.score - x.score
		}
		if x.first != y.first {
			return x.first - y.first
		}
		return a - b
	})
	for i, si := range order {
		a := subs[si]
		slices.SortStableFunc(a.ev, func(x, y Evidence) int { return x.Start - y.Start })
		codes = append(codes, Code{Category: c.refs[si].Category, Subcategory: c.refs[si].Subcategory, Score: a.score, Primary: i == 0, Evidence: a.ev})
	}
	return codes
}

// matchPattern finds the first occurrence of a pattern's pieces in order
// among a unit's hits, each piece starting at most gap characters after
// the previous one ends.
func (c *Coder) matchPattern(low string, p pattern, hits []hit, gap int) (int, int, bool) {
	for i, h := range hits {
		if c.entries[h.e].kind != kPiece || c.entries[h.e].key != p.pieces[0] {
			continue
		}
		end, ok := h.end, true
		from := i + 1
		for _, piece := range p.pieces[1:] {
			found := false
			for j := from; j < len(hits); j++ {
				hj := hits[j]
				if hj.start < end || c.entries[hj.e].kind != kPiece || c.entries[hj.e].key != piece {
					continue
				}
				if utf8.RuneCountInString(low[end:hj.start]) > gap {
					break
				}
				end, from, found = hj.end, j+1, true
				break
			}
			if !found {
				ok = false
				break
			}
		}
		if ok {
			return h.start, end, true
		}
	}
	return 0, 0, false
}

// skipped says whether a unit is boilerplate by the frame's skip_units.
func (c *Coder) skipped(unit string) bool {
	for _, pieces := range c.skip {
		if !strings.HasPrefix(unit, pieces[0]) {
			continue
		}
		rest, ok := unit[len(pieces[0]):], true
		for _, p := range pieces[1:] {
			i := strings.Index(rest, p)
			if i < 0 {
				ok = false
				break
			}
			rest = rest[i+len(p):]
		}
		if ok {
			return true
		}
	}
	return false
}

// MapOffsets rewrites every offset of the result through f (from the
// cleaned text the coder read to the text the user gave).
func (r *Result) MapOffsets(f func(start, end int) (int, int)) {
	for i := range r.Units {
		u := &r.Units[i]
		u.Start, u.End = f(u.Start, u.End)
		for j := range u.Codes {
			for k := range u.Codes[j].Evidence {
				e := &u.Codes[j].Evidence[k]
				e.Start, e.End = f(e.Start, e.End)
			}
		}
	}
}
