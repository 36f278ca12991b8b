package entities

import "unicode"

// A small pattern matcher for the recogniser's fixed patterns (dates,
// amounts, meetings), written instead of regular expressions (issue 23: no
// regexp on per-document paths). A pattern is a function that matches the
// runes rs from position i and calls k with every end it can reach, in the
// order a backtracking regular expression prefers them (greedy repetitions
// longest first, alternatives in their order), stopping at the first end k
// accepts. Every pattern here is anchored at its start and bounded in
// length, so a scan over a text is linear in the text: at each start the
// work is bounded by a constant of the pattern.
type pat func(rs []rune, i int, k func(int) bool) bool

// lit matches the runes of s.
func lit(s string) pat {
	w := []rune(s)
	return func(rs []rune, i int, k func(int) bool) bool {
		if i+len(w) > len(rs) {
			return false
		}
		for j, r := range w {
			if rs[i+j] != r {
				return false
			}
		}
		return k(i + len(w))
	}
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
	return func(rs []rune, i int, k func(int) bool) bool {
		return i < len(rs) && f(rs[i]) && k(i+1)
	}
}

// in matches a rune of set.
func in(set string) pat {
	m := runeSet(set)
	return one(func(r rune) bool { return m[r] })
}

func runeSet(set string) map[rune]bool {
	m := map[rune]bool{}
	for _, r := range set {
		m[r] = true
	}
	return m
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// seq matches the patterns one after another.
func seq(ps ...pat) pat {
	switch len(ps) {
	case 0:
		return func(rs []rune, i int, k func(int) bool) bool { return k(i) }
	case 1:
		return ps[0]
	}
	first, rest := ps[0], seq(ps[1:]...)
	return func(rs []rune, i int, k func(int) bool) bool {
		return first(rs, i, func(j int) bool { return rest(rs, j, k) })
	}
}

// alt matches one of the patterns, trying them in order.
func alt(ps ...pat) pat {
	return func(rs []rune, i int, k func(int) bool) bool {
		for _, p := range ps {
			if p(rs, i, k) {
				return true
			}
		}
		return false
	}
}

// rep matches p from min to max times (max < 0: no limit), as many as
// possible first (as few as possible first when lazy).
func rep(p pat, min, max int, lazy bool) pat {
	var try func(rs []rune, i, n int, k func(int) bool) bool
	try = func(rs []rune, i, n int, k func(int) bool) bool {
		more := func() bool {
			if max >= 0 && n >= max {
				return false
			}
			return p(rs, i, func(j int) bool { return j > i && try(rs, j, n+1, k) })
		}
		if lazy {
			return n >= min && k(i) || more()
		}
		return more() || n >= min && k(i)
	}
	return func(rs []rune, i int, k func(int) bool) bool { return try(rs, i, 0, k) }
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
	need   map[rune]bool
	maxLen int
}

// all returns the [start, end) rune spans of the matches in rs.
func (f finder) all(rs []rune, out [][2]int) [][2]int {
	next := len(rs) // the next position at or after i holding a needed rune
	if f.maxLen > 0 {
		next = -1
		for i, r := range rs {
			if f.need[r] {
				next = i
				break
			}
		}
		if next < 0 {
			return out
		}
	}
	for i := 0; i < len(rs); {
		if f.maxLen > 0 && next < i {
			for next = i; next < len(rs) && !f.need[rs[next]]; next++ {
			}
			if next == len(rs) {
				return out
			}
		}
		if !f.start(rs[i]) || f.maxLen > 0 && next-i >= f.maxLen {
			i++
			continue
		}
		end := -1
		f.p(rs, i, func(j int) bool { end = j; return true })
		if end > i {
			out = append(out, [2]int{i, end})
			i = end
			continue
		}
		i++
	}
	return out
}
