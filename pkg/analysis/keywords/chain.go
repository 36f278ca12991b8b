package keywords

import (
	"strings"
	"unicode/utf8"
)

// chainTerms marks as pieces (never ranked), in a text under minCountUnits
// words that is not short (a resolution on the work report, a brief
// notice: see policyText), two kinds of term its occurrences show to be
// no subject of its own:
//
//   - the guiding-ideology chain: a term every occurrence of which stands
//     inside the frame a text names its guiding ideology in, 以…为指导
//     (以马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、
//     科学发展观为指导) or 高举…旗帜 (高举中国特色社会主义伟大旗帜), in one
//     clause. Every resolution of a period names the same chain there; it
//     dates the text and says nothing of what it is about. A term the
//     text also uses outside the frame stays.
//   - an attributive -主义 word (社会主义 of 社会主义现代化建设,
//     社会主义+经济建设, 社会主义+和谐社会): a word ending in 主义 that
//     touches a following noun at every occurrence is the modifier of the
//     compounds it begins ("socialist ..."), not a term; one that stands
//     alone once (坚持社会主义) stays.
//
// A long document is left alone: it ranks no word used once, and what it
// names twice outside its closing call it develops.
func (c *collector) chainTerms(t *Terms, spans [][2]int) {
	if c.long || c.short {
		return
	}
	type occ struct{ frame, attrib, seen bool }
	ns := make([]occ, len(t.terms))
	t.occurrences(spans, func(id int32, i, j int) {
		n := &ns[id]
		frame := ideologyFrame(c.in.Text, c.units[i].start, c.units[j-1].end)
		attrib := j-i == 1 && strings.HasSuffix(c.units[i].key, "主义") && j < len(c.units) && c.touching(j-1) && nounHead(&c.units[j])
		if !n.seen {
			n.frame, n.attrib, n.seen = frame, attrib, true
		} else {
			n.frame, n.attrib = n.frame && frame, n.attrib && attrib
		}
	})
	for i := range t.terms {
		if n := ns[i]; n.seen && (n.frame || n.attrib) && t.terms[i].name == "" {
			t.terms[i].partial = true
		}
	}
}

// clauseStops end a clause: the frames of ideologyFrame never cross one.
const clauseStops = "，。；！？：\n,;!?:"

// ideologyFrame says whether text[s:e] stands, in its clause, after 以 in
// a clause that closes with 为指导 (为指导思想), or after 高举 in one that
// closes with 旗帜 (the term may be the closing words: 指导, 伟大旗帜).
func ideologyFrame(text string, s, e int) bool {
	cs := strings.LastIndexAny(text[:s], clauseStops)
	if cs < 0 {
		cs = 0
	} else {
		_, w := utf8.DecodeRuneInString(text[cs:])
		cs += w
	}
	ce := strings.IndexAny(text[e:], clauseStops)
	if ce < 0 {
		ce = len(text)
	} else {
		ce += e
	}
	head := text[cs:s]
	clause := strings.TrimRight(text[cs:ce], " 　”’\"」』")
	return strings.Contains(head, "以") && (strings.HasSuffix(clause, "为指导") || strings.HasSuffix(clause, "为指导思想")) ||
		strings.Contains(head, "高举") && strings.HasSuffix(clause, "旗帜")
}

// nounHead says whether a unit is a word that heads a compound after a
// modifier: a noun, a verbal noun, a set phrase or an abbreviation
// (社会主义+现代化/vn, +经济/n, +和谐社会/l).
func nounHead(u *unit) bool {
	return u.word && (strings.HasPrefix(u.pos, "n") || u.pos == "vn" || u.pos == "l" || u.pos == "j")
}
