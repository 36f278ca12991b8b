package structure

import (
	"fmt"
	"strconv"
	"strings"
)

// Section is a headed part of a document: a coding unit other analyses
// count by (--by section). Sections do not overlap: a heading's section
// runs to the next heading of any level, so every byte of the 正文 and of
// the attachments is in exactly one section. The text of the 正文 before
// its first heading is the preamble (path empty, ID "0"); each attachment
// has its own preamble and headings, their IDs prefixed with a1:, a2: ….
type Section struct {
	// ID names the section in its document: the path of its heading,
	// chapter-article style ("2-1" is 二、(一)), "0" for a preamble,
	// prefixed by "aN:" in attachment N. A path met again (numbering
	// restarted) gets "~2", "~3".
	ID string `json:"id"`
	// Part is 0 for the 正文, n for attachment n.
	Part int `json:"part"`
	// Path is the numbering of the heading and its parents.
	Path []int `json:"path,omitempty"`
	// Heading is the index of the section's heading in Document.Headings,
	// -1 for a preamble.
	Heading int    `json:"heading"`
	Depth   int    `json:"depth"`
	Marker  string `json:"marker,omitempty"`
	Title   string `json:"title,omitempty"`
	// Start and End are byte offsets into the parsed text.
	Start int `json:"start"`
	End   int `json:"end"`
}

// Label is how a section is shown: its ID and its heading (2-1 （一）指导思想).
func (s Section) Label() string {
	if s.Heading < 0 {
		return s.ID
	}
	return s.ID + " " + s.Marker + s.Title
}

// PathID writes a path as a section ID: [2 1] → "2-1", empty → "0".
func PathID(path []int) string {
	if len(path) == 0 {
		return "0"
	}
	var b strings.Builder
	for i, n := range path {
		if i > 0 {
			b.WriteByte('-')
		}
		b.WriteString(strconv.Itoa(n))
	}
	return b.String()
}

// Sections cuts the document into its sections. A document with a body but
// no headings is one section, "0". It returns nil when the document has no
// body and no attachments.
func (d *Document) Sections() []Section {
	var out []Section
	seen := map[string]int{}
	add := func(s Section) {
		if s.End <= s.Start {
			return
		}
		id := s.ID
		if n := seen[id]; n > 0 {
			s.ID = fmt.Sprintf("%s~%d", id, n+1)
		}
		seen[id]++
		out = append(out, s)
	}
	next := 0 // headings come in part order, each part in text order
	part := func(p, start, end int) {
		prefix := ""
		if p > 0 {
			prefix = "a" + strconv.Itoa(p) + ":"
		}
		var hs []int
		for next < len(d.Headings) && d.Headings[next].Part < p {
			next++
		}
		for ; next < len(d.Headings) && d.Headings[next].Part == p; next++ {
			if h := d.Headings[next]; h.Start >= start && h.Start < end {
				hs = append(hs, next)
			}
		}
		first := end
		if len(hs) > 0 {
			first = d.Headings[hs[0]].Start
		}
		add(Section{ID: prefix + "0", Part: p, Heading: -1, Start: start, End: first})
		for k, i := range hs {
			h := d.Headings[i]
			e := end
			if k+1 < len(hs) {
				e = d.Headings[hs[k+1]].Start
			}
			add(Section{ID: prefix + PathID(h.Path), Part: p, Path: h.Path, Heading: i, Depth: h.Depth,
				Marker: h.Marker, Title: h.Title, Start: h.Start, End: e})
		}
	}
	if d.Body != nil {
		part(0, d.Body.Start, d.Body.End)
	}
	for k, a := range d.Attachments {
		part(k+1, a.Start, a.End)
	}
	return out
}

// SectionAt returns the section holding byte offset off (false when the
// offset is outside every section).
func SectionAt(secs []Section, off int) (Section, bool) {
	lo, hi := 0, len(secs)
	for lo < hi {
		m := (lo + hi) / 2
		if secs[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(secs) && secs[lo].Start <= off && off < secs[lo].End {
		return secs[lo], true
	}
	return Section{}, false
}
