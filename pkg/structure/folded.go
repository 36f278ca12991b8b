package structure

import (
	"sort"
	"unicode/utf8"
)

// ParseFolded parses a document whose analysis text is folded to
// Simplified (folded has the same runes as text, some of another script:
// script.FoldIfTraditional). The folded text is read, so a Traditional
// 公文 (關於…的通知) is read like a Simplified one; offsets, and the texts
// of fields, headings and citations, are those of text. Derived keys
// (document types, issuers, codes) stay Simplified, as counting wants
// them. When folded is "" or equal to text, it is Parse(text).
func ParseFolded(text, folded string) *Document { return ParseFoldedPages(text, folded, nil) }

// ParseFoldedPages is ParseFolded for a text whose cleaning removed page
// numbers (the page broke inside a sentence and the page number went with
// the line end cleaning joined): removed are those page numbers, their Start
// the offset in text where each stood. They are not listed again, but they
// count in the run of page numbers that tells a bare number on a line of its
// own is a page number (1 … 4 … 9 with the pages between removed).
func ParseFoldedPages(text, folded string, removed []PageNumber) *Document {
	if folded == "" || folded == text {
		return parse(text, removed)
	}
	if utf8.RuneCountInString(text) != utf8.RuneCountInString(folded) {
		return parse(text, removed)
	}
	// Offsets of text serve for folded: only the order of the removed
	// numbers among the lines counts.
	d := parse(folded, removed)
	m := newRuneMap(text, folded)
	d.remap(text, m)
	return d
}

// runeMap maps byte offsets of folded to the same rune positions in text.
type runeMap struct {
	pts []struct{ f, t int } // from folded offset f on, text offset is t + (off - f)
}

func newRuneMap(text, folded string) *runeMap {
	m := &runeMap{}
	ti, fi, delta := 0, 0, 0
	for ti < len(text) && fi < len(folded) {
		_, tn := utf8.DecodeRuneInString(text[ti:])
		_, fn := utf8.DecodeRuneInString(folded[fi:])
		ti += tn
		fi += fn
		if ti-fi != delta {
			delta = ti - fi
			m.pts = append(m.pts, struct{ f, t int }{fi, ti})
		}
	}
	return m
}

func (m *runeMap) off(f int) int {
	i := sort.Search(len(m.pts), func(i int) bool { return m.pts[i].f > f }) - 1
	if i < 0 {
		return f
	}
	return m.pts[i].t + f - m.pts[i].f
}

// remap moves every offset of d from the folded text to text and takes the
// texts of its elements from text.
func (d *Document) remap(text string, m *runeMap) {
	field := func(f *Field) {
		if f == nil {
			return
		}
		f.Start, f.End = m.off(f.Start), m.off(f.End)
		f.Text = compactOf(text[f.Start:f.End], utf8.RuneCountInString(f.Text))
	}
	span := func(s *Span) { s.Start, s.End = m.off(s.Start), m.off(s.End) }
	rng := func(start, end *int) { *start, *end = m.off(*start), m.off(*end) }
	d.eachElement(field, span, rng)
	for i := range d.Headings {
		h := &d.Headings[i]
		mr, tr := utf8.RuneCountInString(h.Marker), utf8.RuneCountInString(h.Title)
		h.Start, h.End, h.ParaEnd = m.off(h.Start), m.off(h.End), m.off(h.ParaEnd)
		all := []rune(compactOf(text[h.Start:h.End], mr+tr))
		if len(all) >= mr {
			h.Marker = string(all[:mr])
			h.Title = string(all[mr:])
		}
	}
	if d.AttachmentNote != nil {
		d.AttachmentNote.Start, d.AttachmentNote.End = m.off(d.AttachmentNote.Start), m.off(d.AttachmentNote.End)
		for i := range d.AttachmentNote.Items {
			field(&d.AttachmentNote.Items[i].Field)
		}
	}
	for i := range d.PageNumbers {
		p := &d.PageNumbers[i]
		p.Start, p.End = m.off(p.Start), m.off(p.End)
		p.Text = text[p.Start:p.End]
	}
	for i := range d.Citations {
		c := &d.Citations[i]
		tr := utf8.RuneCountInString(c.Title)
		field(&c.Field)
		c.Number.each(field, span)
		if tr > 0 {
			// the title is the text inside the brackets (or before the number)
			all := []rune(c.Text)
			if len(all) > tr && (all[0] == '《' || all[0] == '«') {
				c.Title = string(all[1 : 1+tr])
			} else if len(all) >= tr {
				c.Title = string(all[:tr])
			}
		}
	}
}

// each calls field for the number's field and span for each of its parts
// that is not empty (nothing for a nil number).
func (n *Number) each(field func(*Field), span func(*Span)) {
	if n == nil {
		return
	}
	field(&n.Field)
	for _, sp := range []*Span{&n.Open, &n.Close, &n.Di, &n.Zeros} {
		if !sp.Empty() {
			span(sp)
		}
	}
}

// eachElement calls field for every field of d's 版头, 主体 and 版记 that
// remap and MapOffsets treat alike (the number's field too), span for the
// body and the number's parts that are not empty, and rng for the ranges
// of attachments. Headings, the attachment note, page numbers and
// citations are left to the callers: they map them differently.
func (d *Document) eachElement(field func(*Field), span func(*Span), rng func(start, end *int)) {
	d.Number.each(field, span)
	field(d.CopyNumber)
	if d.Secrecy != nil {
		field(&d.Secrecy.Field)
	}
	field(d.Urgency)
	field(d.IssuerMark)
	for i := range d.Signers {
		field(&d.Signers[i])
	}
	if d.Title != nil {
		field(&d.Title.Field)
	}
	for _, dt := range []*Date{d.Dateline, d.Date, d.PrintedDate} {
		if dt != nil {
			field(&dt.Field)
		}
	}
	field(d.Addressees)
	for i := range d.Recipients {
		field(&d.Recipients[i])
	}
	if d.Body != nil && !d.Body.Empty() {
		span(d.Body)
	}
	for i := range d.Signatures {
		field(&d.Signatures[i])
	}
	for i := range d.Notes {
		field(&d.Notes[i])
	}
	for i := range d.Attachments {
		a := &d.Attachments[i]
		rng(&a.Start, &a.End)
		field(a.Title)
	}
	field(d.CC)
	for i := range d.CCList {
		field(&d.CCList[i])
	}
	field(d.PrintedBy)
}

// compactOf drops layout white space from s as the parser does (a single
// space between ASCII characters is kept, line breaks and page-number
// lines go), keeping at most limit runes (the rune count of the folded
// field, which is the same).
func compactOf(s string, limit int) string {
	var b []rune
	start := 0
	for start <= len(s) {
		end := start
		for end < len(s) && s[end] != '\n' && s[end] != '\f' && s[end] != '\r' {
			end++
		}
		line := s[start:end]
		if _, _, ok := pageNumber(trimSpaceString(line)); !ok {
			b = append(b, []rune(compactString(line).text)...)
		}
		start = end + 1
	}
	if limit >= 0 && len(b) > limit {
		b = b[:limit]
	}
	return string(b)
}

// MapOffsets moves every offset of d through fn, which maps a byte range
// of the parsed text to a range of another text (the original a cleaned
// text came from: corpus.Doc.OriginalSpan). Texts are left as they are.
func (d *Document) MapOffsets(fn func(start, end int) (int, int)) {
	field := func(f *Field) {
		if f != nil {
			f.Start, f.End = fn(f.Start, f.End)
		}
	}
	span := func(s *Span) { s.Start, s.End = fn(s.Start, s.End) }
	rng := func(start, end *int) { *start, *end = fn(*start, *end) }
	d.eachElement(field, span, rng)
	for i := range d.Headings {
		h := &d.Headings[i]
		s := h.Start
		h.Start, h.End = fn(h.Start, h.End)
		_, h.ParaEnd = fn(s, h.ParaEnd)
	}
	if an := d.AttachmentNote; an != nil {
		field(&an.Field)
		for i := range an.Items {
			field(&an.Items[i].Field)
		}
	}
	for i := range d.PageNumbers {
		field(&d.PageNumbers[i].Field)
	}
	for i := range d.Citations {
		field(&d.Citations[i].Field)
		d.Citations[i].Number.each(field, span)
	}
}
