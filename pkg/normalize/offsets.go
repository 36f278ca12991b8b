package normalize

import "sort"

// point is a breakpoint of the offset map at clean offset clean: start is the original offset
// where the clean text from here on comes from (after any removed span), end is the original
// offset where the clean text up to here ends (before any removed span). end <= start; they
// differ exactly when something was removed at this position.
type point struct {
	clean, start, end int
}

// offsetMap maps offsets in the cleaned text back to the original. It holds one breakpoint
// per position where the clean/original delta changes (about one per change), sorted by clean
// offset, starting at clean offset 0 and ending at len(clean). Between breakpoints the text is
// either copied (offsets move together) or a single replacement (' ' for NBSP, 'A' for Ａ).
// An empty map is the identity (nothing changed).
type offsetMap struct {
	pts []point
}

func clamp(x, lo, hi int) int {
	if x < lo {
		return lo
	}
	if x > hi {
		return hi
	}
	return x
}

// Original maps a byte offset in r.Text to a byte offset in the original text, for use as the
// start of a span: when text was removed at off, the result is the offset just after the
// removed text. Offsets are clamped to [0, len(r.Text)]; Original(len(r.Text)) is the length
// of the original. At every rune boundary of r.Text, 0 <= OriginalEnd(off) <= Original(off),
// and both are non-decreasing in off.
func (r *Result) Original(off int) int {
	off = clamp(off, 0, len(r.Text))
	p := r.m.pts
	if len(p) == 0 {
		return off
	}
	i := sort.Search(len(p), func(i int) bool { return p[i].clean > off }) - 1
	if i < 0 {
		i = 0
	}
	v := p[i].start + off - p[i].clean
	if i+1 < len(p) && v > p[i+1].end {
		v = p[i+1].end // inside a replacement: stay within its original span
	}
	return v
}

// OriginalEnd maps a byte offset in r.Text to a byte offset in the original text, for use as
// the end of a span: when text was removed at off (a pinyin annotation after a character),
// the result is the offset just before the removed text. OriginalEnd(0) is 0.
func (r *Result) OriginalEnd(off int) int {
	off = clamp(off, 0, len(r.Text))
	p := r.m.pts
	if len(p) == 0 {
		return off
	}
	j := sort.Search(len(p), func(j int) bool { return p[j].clean >= off })
	if j == len(p) {
		j = len(p) - 1
	}
	if p[j].clean == off || j == 0 {
		return p[j].end
	}
	v := p[j].end - (p[j].clean - off)
	if v < p[j-1].start {
		v = p[j-1].start // inside a replacement: stay within its original span
	}
	return v
}

// Span maps the clean byte range [s, e) to the original range that holds its characters:
// (Original(s), OriginalEnd(e)). Removed text at either edge is left out; removed text
// inside the range is included. An empty or inverted range maps to the empty range at
// Original(s).
func (r *Result) Span(s, e int) (int, int) {
	os := r.Original(s)
	if e <= s {
		return os, os
	}
	oe := r.OriginalEnd(e)
	if oe < os {
		oe = os
	}
	return os, oe
}
