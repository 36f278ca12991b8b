package structure

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// maxCitedTitle is the longest title in 《》 read, in runes.
const maxCitedTitle = 120

// citingWords stand before an unbracketed title or a number without being
// part of it (根据国务院关于…的通知, 按照国发〔2024〕5号).
var citingWords = []string{
	"贯彻落实", "认真贯彻", "深入贯彻", "根据", "按照", "依据", "依照", "遵照", "对照", "参照", "贯彻", "落实",
	"执行", "结合", "印发", "转发", "为", "及", "和", "与", "是", "的", "对", "将", "在", "由", "把", "据",
}

// documentTitle reports whether a title in 《》 names a document (it ends
// with a document type, before its qualifiers) rather than a book, a
// newspaper or a programme.
func documentTitle(t string) bool {
	n := runeLen(t)
	if n < 4 || n > maxCitedTitle {
		return false
	}
	dt, _ := titleDocType(t)
	return dt != ""
}

// closingBook finds the 》 (or ») closing a title opened at byte i, with
// nested titles counted; -1 when there is none within maxCitedTitle runes.
func closingBook(t string, i int) int {
	open, w := utf8.DecodeRuneInString(t[i:])
	closer := '》'
	if open == '«' {
		closer = '»'
	}
	depth := 0
	runes := 0
	for j := i + w; j < len(t) && runes <= maxCitedTitle+2; {
		r, n := utf8.DecodeRuneInString(t[j:])
		switch r {
		case open:
			depth++
			if depth > 2 {
				return -1 // titles nest two deep at most
			}
		case closer:
			if depth == 0 {
				return j
			}
			depth--
		case '\n':
			return -1
		}
		j += n
		runes++
	}
	return -1
}

// closingParen finds the bracket closing one opened at byte i (nested
// brackets counted), within limit runes; -1 when none.
func closingParen(t string, i, limit int) int {
	_, w := utf8.DecodeRuneInString(t[i:])
	depth := 0
	runes := 0
	for j := i + w; j < len(t) && runes <= limit; {
		r, n := utf8.DecodeRuneInString(t[j:])
		switch r {
		case '（', '(':
			depth++
		case '）', ')':
			if depth == 0 {
				return j
			}
			depth--
		}
		j += n
		runes++
	}
	return -1
}

// citationsIn finds the citations in the compact text of a paragraph from
// compact offset from.
func citationsIn(pp *para, from int) []Citation {
	t := pp.text
	nums := scanNumbers(t[from:])
	for k := range nums {
		shiftNumber(&nums[k], from)
	}
	used := make([]bool, len(nums))
	var out []Citation
	type span struct{ s, e int }
	var spans []span
	for i := from; i < len(t); {
		r, w := utf8.DecodeRuneInString(t[i:])
		if r != '《' && r != '«' {
			i += w
			continue
		}
		cl := closingBook(t, i)
		if cl < 0 {
			i += w
			continue
		}
		_, clw := utf8.DecodeRuneInString(t[cl:])
		title := t[i+w : cl]
		end := cl + clw
		if !documentTitle(title) {
			i = end
			continue
		}
		c := Citation{Title: title}
		ce := end
		if r2, w2 := utf8.DecodeRuneInString(t[end:]); r2 == '（' || r2 == '(' {
			if pc := closingParen(t, end, 48); pc > 0 {
				for k, n := range nums {
					if !used[k] && n.Start >= end+w2 && n.End <= pc {
						nn := n
						c.Number = &nn
						used[k] = true
						_, pw := utf8.DecodeRuneInString(t[pc:])
						ce = pc + pw
						break
					}
				}
			}
		}
		c.Field = pp.field(i, ce)
		out = append(out, c)
		spans = append(spans, span{i, ce})
		i = ce
	}
	for k, n := range nums {
		if used[k] {
			continue
		}
		inside := false
		for _, s := range spans {
			if n.Start >= s.s && n.End <= s.e {
				inside = true
			}
		}
		if inside {
			continue
		}
		c := Citation{}
		nn := n
		c.Number = &nn
		cs, ce := n.Start, n.End
		// 国务院关于…的通知（国发〔2017〕35号）: a title without 《》
		before, bw := utf8.DecodeLastRuneInString(t[:n.Start])
		after, aw := utf8.DecodeRuneInString(t[n.End:])
		if (before == '（' || before == '(') && (after == '）' || after == ')') {
			if ts := titleBefore(t, n.Start-bw, from); ts >= 0 {
				c.Title = t[ts : n.Start-bw]
				cs, ce = ts, n.End+aw
				// a 《》 citation inside this title is part of it
				kept := out[:0]
				for _, o := range out {
					os, _ := pp.span(ts, ts)
					if o.Number == nil && o.Start >= os && o.Start < pp.orig(n.Start) {
						continue
					}
					kept = append(kept, o)
				}
				out = kept
			}
		}
		c.Field = pp.field(cs, ce)
		out = append(out, c)
	}
	for k := range out {
		if out[k].Number != nil {
			n := out[k].Number
			n.Start, n.End = pp.span(n.Start, n.End)
			for _, sp := range []*Span{&n.Open, &n.Close, &n.Di, &n.Zeros} {
				if !sp.Empty() {
					sp.Start, sp.End = pp.span(sp.Start, sp.End)
				}
			}
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

func shiftNumber(n *Number, by int) {
	n.Start += by
	n.End += by
	for _, sp := range []*Span{&n.Open, &n.Close, &n.Di, &n.Zeros} {
		if !sp.Empty() {
			sp.Start += by
			sp.End += by
		}
	}
}

// titleBefore finds an unbracketed title that ends at byte e of t: back to
// the clause boundary, without the citing words in front; it must name a
// notice or the like (关于 … 文种). It returns the title's start, -1 when
// there is none.
func titleBefore(t string, e, from int) int {
	s := e
	runes := 0
	for s > from && runes < 100 {
		r, w := utf8.DecodeLastRuneInString(t[:s])
		if strings.ContainsRune("，。；：！？、,;:", r) || r == '）' && runes == 0 {
			break
		}
		s -= w
		runes++
	}
	for changed := true; changed; {
		changed = false
		for _, cw := range citingWords {
			if hasPrefix(t[s:e], cw) && e-s > len(cw) {
				s += len(cw)
				changed = true
			}
		}
	}
	title := t[s:e]
	if !strings.Contains(title, "关于") {
		return -1
	}
	if dt, _ := titleDocType(title); dt == "" {
		return -1
	}
	return s
}

// citations finds the citations of the body and the attachments.
func (p *parser) citations() {
	for k := range p.ps {
		if p.role[k] != rBody {
			continue
		}
		pp := &p.ps[k]
		if p.numberLine(pp) {
			continue
		}
		from := 0
		if k == p.bodyPara && p.bodyOff > pp.start {
			from = p.compactOf(pp, p.bodyOff)
		}
		p.d.Citations = append(p.d.Citations, citationsIn(pp, from)...)
	}
}

// numberLine: a paragraph that is a document number alone (of a document
// printed inside this one) is not a reference to it.
func (p *parser) numberLine(pp *para) bool {
	t := pp.text
	if bracketed(t) {
		_, w := utf8.DecodeRuneInString(t)
		_, lw := utf8.DecodeLastRuneInString(t)
		t = t[w : len(t)-lw]
	}
	ns := scanNumbers(t)
	return len(ns) == 1 && ns[0].Start == 0 && ns[0].End == len(t)
}

// compactOf finds the compact offset of an original offset in a paragraph.
func (p *parser) compactOf(pp *para, off int) int {
	lo, hi := 0, len(pp.text)
	for lo < hi {
		m := (lo + hi) / 2
		if pp.orig(m) < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
