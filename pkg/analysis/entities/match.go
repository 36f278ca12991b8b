package entities

import (
	"math/bits"
	"unicode"
)

// A small pattern matcher for the recogniser's fixed patterns (dates,
// amounts, meetings), written instead of regular expressions (issue 23: no
// regexp on per-document paths). A pattern is a function that matches the
// runes rs from position i and calls k with every end it can reach, in the
// order a backtracking regular expression prefers them (greedy repetitions
// longest first, alternatives in their order), stopping at the first end k
// accepts. Every pattern here is anchored at its start and bounded in
// length, so a scan over a text is linear in the text: at each start the
// work is bounded by a constant of the pattern.
type pat struct {
	m func(rs []rune, i int, k func(int) bool) bool
	// first holds the runes a match can start with (nil: any rune, or the
	// pattern matches nothing); a sequence tests it before it builds the
	// continuation of its rest, so that most tries allocate nothing
	first *rset
	// empty: the pattern can match the empty string
	empty bool
}

// can says whether a match of p may start at i.
func (p pat) can(rs []rune, i int) bool {
	return p.empty || p.first == nil || i < len(rs) && p.first.has(rs[i])
}

// lit matches the runes of s.
func lit(s string) pat {
	w := []rune(s)
	return pat{m: func(rs []rune, i int, k func(int) bool) bool {
		if i+len(w) > len(rs) {
			return false
		}
		for j, r := range w {
			if rs[i+j] != r {
				return false
			}
		}
		return k(i + len(w))
	}, first: runeSet(string(w[:min(1, len(w))])), empty: len(w) == 0}
}

// lits matches one of the strings, in order.
func lits(ss ...string) pat {
	ps := make([]pat, len(ss))
	for i, s := range ss {
		ps[i] = lit(s)
	}
	return alt(ps...)
}

// one matches a rune for which f holds.
func one(f func(rune) bool) pat {
	return pat{m: func(rs []rune, i int, k func(int) bool) bool {
		return i < len(rs) && f(rs[i]) && k(i+1)
	}}
}

// in matches a rune of set.
func in(set string) pat {
	m := runeSet(set)
	return pat{m: func(rs []rune, i int, k func(int) bool) bool {
		return i < len(rs) && m.has(rs[i]) && k(i+1)
	}, first: m}
}

// rset is a set of runes as a bitmap over the range they span: a lookup is
// a compare and a bit test, not a map access (the sets are tried at most
// positions of a text).
type rset struct {
	lo, hi rune
	bits   []uint64
}

func runeSet(set string) *rset {
	return runeSetOf([]rune(set))
}

func runeSetOf(rs []rune) *rset {
	m := &rset{lo: -1}
	for _, r := range rs {
		if m.lo < 0 || r < m.lo {
			m.lo = r
		}
		m.hi = max(m.hi, r)
	}
	if m.lo < 0 {
		return &rset{lo: 1, hi: 0}
	}
	m.bits = make([]uint64, (m.hi-m.lo)/64+1)
	for _, r := range rs {
		d := r - m.lo
		m.bits[d>>6] |= 1 << (d & 63)
	}
	return m
}

func (m *rset) has(r rune) bool {
	if r < m.lo || r > m.hi {
		return false
	}
	d := r - m.lo
	return m.bits[d>>6]&(1<<(d&63)) != 0
}

// runes lists the runes of the set.
func (m *rset) runes() []rune {
	var out []rune
	for i, w := range m.bits {
		for ; w != 0; w &= w - 1 {
			out = append(out, m.lo+rune(i*64+bits.TrailingZeros64(w)))
		}
	}
	return out
}

// isHan says whether r is a Han character; the common CJK block without
// the table search.
func isHan(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= 0x4E00 && r <= 0x9FFF:
		return true
	}
	return unicode.Is(unicode.Han, r)
}

// seq matches the patterns one after another.
func seq(ps ...pat) pat {
	switch len(ps) {
	case 0:
		return pat{m: func(rs []rune, i int, k func(int) bool) bool { return k(i) }, empty: true}
	case 1:
		return ps[0]
	}
	first, rest := ps[0], seq(ps[1:]...)
	out := pat{first: first.first, empty: first.empty && rest.empty}
	if first.empty {
		out.first = nil // a match may start with the rest
	}
	out.m = func(rs []rune, i int, k func(int) bool) bool {
		if !first.can(rs, i) {
			return false
		}
		return first.m(rs, i, func(j int) bool { return rest.m(rs, j, k) })
	}
	return out
}

// alt matches one of the patterns, trying them in order.
func alt(ps ...pat) pat {
	out := pat{}
	var firsts []rune
	known := true
	for _, p := range ps {
		out.empty = out.empty || p.empty
		if p.first == nil || p.empty {
			known = false
		} else {
			firsts = append(firsts, p.first.runes()...)
		}
	}
	if known && len(ps) > 0 {
		out.first = runeSetOf(firsts)
	}
	out.m = func(rs []rune, i int, k func(int) bool) bool {
		for _, p := range ps {
			if p.can(rs, i) && p.m(rs, i, k) {
				return true
			}
		}
		return false
	}
	return out
}

// rep matches p from min to max times (max < 0: no limit), as many as
// possible first (as few as possible first when lazy).
func rep(p pat, min, max int, lazy bool) pat {
	var try func(rs []rune, i, n int, k func(int) bool) bool
	try = func(rs []rune, i, n int, k func(int) bool) bool {
		more := func() bool {
			if max >= 0 && n >= max || !p.can(rs, i) {
				return false
			}
			return p.m(rs, i, func(j int) bool { return j > i && try(rs, j, n+1, k) })
		}
		if lazy {
			return n >= min && k(i) || more()
		}
		return more() || n >= min && k(i)
	}
	out := pat{m: func(rs []rune, i int, k func(int) bool) bool { return try(rs, i, 0, k) }, empty: min == 0 || p.empty}
	if !out.empty {
		out.first = p.first
	}
	return out
}

// opt matches p or nothing, p first.
func opt(p pat) pat { return rep(p, 0, 1, false) }

// finder finds the leftmost, non-overlapping matches of a pattern, trying
// only the positions whose rune can start one and, when need is set, that
// have one of the runes every match holds within the longest match
// (年, 月, 日 … for a date): most positions of a text are never tried.
type finder struct {
	p     pat
	start func(rune) bool
	// need holds runes one of which every match contains; maxLen is the
	// length of the longest match (0: need is not used)
	need   *rset
	maxLen int
	// must, when set, is a run of runes every match holds: a text
	// without it is not scanned at all
	must []rune
}

// all returns the [start, end) rune spans of the matches in rs.
func (f finder) all(rs []rune, out [][2]int) [][2]int {
	if len(f.must) > 0 && !containsRunes(rs, f.must) {
		return out
	}
	next := len(rs) // the next position at or after i holding a needed rune
	if f.maxLen > 0 {
		next = -1
		for i, r := range rs {
			if f.need.has(r) {
				next = i
				break
			}
		}
		if next < 0 {
			return out
		}
	}
	end := -1
	found := func(j int) bool { end = j; return true }
	for i := 0; i < len(rs); {
		if f.maxLen > 0 && next < i {
			for next = i; next < len(rs) && !f.need.has(rs[next]); next++ {
			}
			if next == len(rs) {
				return out
			}
		}
		if !f.start(rs[i]) || f.maxLen > 0 && next-i >= f.maxLen {
			i++
			continue
		}
		end = -1
		if f.p.can(rs, i) {
			f.p.m(rs, i, found)
		}
		if end > i {
			out = append(out, [2]int{i, end})
			i = end
			continue
		}
		i++
	}
	return out
}

// containsRunes says whether w occurs in rs.
func containsRunes(rs, w []rune) bool {
	for i := 0; i+len(w) <= len(rs); i++ {
		if rs[i] == w[0] && hasRunes(rs[i:], w) {
			return true
		}
	}
	return false
}
