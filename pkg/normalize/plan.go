package normalize

import (
	"slices"
	"sort"
)

// planOf turns the classifier's decisions, made on the view, into the final pass's plan in
// original offsets.
func planOf(cl *classifier, view *Result) []planned {
	var p []planned
	for i := range cl.lines {
		l := &cl.lines[i]
		switch l.act {
		case actRemove:
			p = append(p, planned{line: i, cut: -1, reason: l.reason})
		case actCut:
			p = append(p, planned{line: i, cut: view.Original(l.cut), reason: l.reason})
		}
	}
	return p
}

// metaOf maps the metadata spans found on the view to offsets of the cleaned text r.
func metaOf(cl *classifier, view, r *Result) []Meta {
	if len(cl.meta) == 0 {
		return nil
	}
	out := make([]Meta, 0, len(cl.meta))
	for _, m := range cl.meta {
		s := r.cleanOffset(view.Original(m.vs))
		e := r.cleanOffset(view.OriginalEnd(m.ve))
		if e > s {
			out = append(out, Meta{Kind: m.kind, Start: s, End: e})
		}
	}
	slices.SortStableFunc(out, func(a, b Meta) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	return out
}

// cleanOffset maps a byte offset of the original text to the offset of r.Text where the
// text from there on ended up: inside removed text, the offset where it was removed.
func (r *Result) cleanOffset(orig int) int {
	p := r.m.pts
	if len(p) == 0 {
		return clamp(orig, 0, len(r.Text))
	}
	i := sort.Search(len(p), func(i int) bool { return p[i].start > orig }) - 1
	if i < 0 {
		return 0
	}
	c := p[i].clean + orig - p[i].start
	if i+1 < len(p) && c > p[i+1].clean {
		c = p[i+1].clean
	}
	return clamp(c, 0, len(r.Text))
}
