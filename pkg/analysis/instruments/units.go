package instruments

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
	"zhpolicy/pkg/structure"
)

// UnitKind is what a coding unit is: a sentence, a clause or a headed
// section.
type UnitKind string

// The coding units.
const (
	// UnitSentence ends at 。！？!? (with the closing quotes and brackets
	// that follow) and at every line end.
	UnitSentence UnitKind = "sentence"
	// UnitClause is a sentence cut further at ；; — the items of a
	// run-on list of measures.
	UnitClause UnitKind = "clause"
	// UnitSection is a headed part of a document, from its heading to the
	// next heading of the same or a higher level (the text before the first
	// heading is section 0).
	UnitSection UnitKind = "section"
)

// ParseUnitKind reads a unit name as a user writes it.
func ParseUnitKind(s string) (UnitKind, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "sentence", "sentences", "s":
		return UnitSentence, true
	case "clause", "clauses", "c":
		return UnitClause, true
	case "section", "sections", "article", "articles":
		return UnitSection, true
	}
	return "", false
}

// Section is a headed part of a document. The built-in heading scanner
// (Sections) finds them from the numbering at line starts; a structure
// analysis that knows more (GB/T 9704 elements, attachments) can hand its
// own sections to Split instead.
type Section struct {
	// Path is the numbering of the heading and its parents: 二、 → [2];
	// （一） under it → [2 1]; 第三章 第五条 → [3 5]. Empty for the text
	// before the first heading.
	Path []int
	// Marker is the numbering as written (二、, （一）, 第五条).
	Marker string
	// Title is the heading text after the marker up to the end of the line
	// or the first 。 (a run-in heading).
	Title string
	// Start and End are byte offsets into the text: from the heading line's
	// start to the start of the next section.
	Start, End int
}

// Unit is one coding unit of a document.
type Unit struct {
	// ID names the unit inside its document, chapter-article style: the
	// section path, then s<n> for the n-th sentence of that section or
	// c<n> for the n-th clause ("2-1-s3": 二（一）, third sentence; "3-c2";
	// "0-s1" in the preamble). A section unit's id is its path ("2-1").
	// IDs are unique in a document: a path met again (numbering restarted
	// in an attachment) continues its count.
	ID      string   `json:"unit"`
	Kind    UnitKind `json:"kind"`
	Section []int    `json:"section,omitempty"`
	// Start and End are byte offsets into the text, trimmed of spaces.
	Start int `json:"start"`
	End   int `json:"end"`
}

// SectionsOf are the sections of a parsed document as the coder takes them
// (--unit section, and the numbering of sentence ids): the headed sections
// of the 正文 and of the attachments, offsets into the parsed text. The text
// before the first heading is left to the coder's own preamble (section 0).
// The result is never nil.
func SectionsOf(d *structure.Document) []Section {
	out := []Section{}
	for _, s := range d.Sections() {
		if s.Heading < 0 && s.Part == 0 {
			continue
		}
		out = append(out, Section{Path: s.Path, Marker: s.Marker, Title: s.Title, Start: s.Start, End: s.End})
	}
	return out
}

// Split cuts text into units of the given kind. secs are the document's
// sections; nil means those structure.Parse reads in text.
func Split(text string, kind UnitKind, secs []Section) []Unit {
	if secs == nil {
		secs = SectionsOf(structure.Parse(text))
	}
	if len(secs) == 0 {
		secs = []Section{{Start: 0, End: len(text)}}
	}
	var units []Unit
	seen := map[string]int{}
	sec := func(s Section, i int) {
		pid := structure.PathID(s.Path)
		if kind == UnitSection {
			st, en := trimSpan(text, s.Start, s.End)
			if st >= en {
				return
			}
			id := pid
			if n := seen[pid]; n > 0 {
				id = pid + "~" + strconv.Itoa(n+1)
			}
			seen[pid]++
			units = append(units, Unit{ID: id, Kind: kind, Section: s.Path, Start: st, End: en})
			return
		}
		prefix := "s"
		if kind == UnitClause {
			prefix = "c"
		}
		eachSentence(text[s.Start:s.End], kind == UnitClause, func(a, b int) {
			st, en := trimSpan(text, s.Start+a, s.Start+b)
			if st >= en || onlyPunct(text[st:en]) {
				return
			}
			seen[pid]++
			units = append(units, Unit{ID: pid + "-" + prefix + strconv.Itoa(seen[pid]), Kind: kind, Section: s.Path, Start: st, End: en})
		})
	}
	// The text before the first section, if any, is the preamble.
	if secs[0].Start > 0 {
		sec(Section{Start: 0, End: secs[0].Start}, -1)
	}
	for i, s := range secs {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			continue
		}
		sec(s, i)
	}
	return units
}

// trimSpan shrinks [s,e) past white space (ASCII and U+3000) at both ends.
func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) && r != '\u3000' && r != '\ufeff' {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) && r != '\u3000' {
			break
		}
		e -= n
	}
	return s, e
}

// onlyPunct reports whether s has no letter or digit: a stray 。 or ）
// is not a unit.
func onlyPunct(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func isTerminator(r rune) bool {
	switch r {
	case '。', '！', '？', '!', '?':
		return true
	}
	return false
}

func isClauseBreak(r rune) bool { return r == '；' || r == ';' }

func isCloser(r rune) bool {
	switch r {
	case '”', '’', '」', '』', '"', '\'':
		return true
	}
	return false
}

func bracketDelta(r rune) int {
	switch r {
	case '（', '(', '【', '〔', '[':
		return 1
	case '）', ')', '】', '〕', ']':
		return -1
	}
	return 0
}

// eachSentence calls f with the byte span of every sentence (or clause) of
// s. A terminator inside brackets opened in the same line does not end a
// sentence; closing quotes after a terminator belong to its sentence, and so
// do closing brackets of brackets the sentence opened.
func eachSentence(s string, clauses bool, f func(a, b int)) {
	start, depth := 0, 0
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' {
			if i > start {
				f(start, i)
			}
			i += n
			start, depth = i, 0
			continue
		}
		d := bracketDelta(r)
		if d > 0 {
			depth++
		} else if d < 0 && depth > 0 {
			depth--
		}
		i += n
		if depth > 0 || !(isTerminator(r) || (clauses && isClauseBreak(r))) {
			continue
		}
		// absorb more terminators, closing quotes and brackets this
		// sentence opened
		for i < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[i:])
			if isTerminator(r2) || isCloser(r2) || (clauses && isClauseBreak(r2)) {
				i += n2
				continue
			}
			break
		}
		f(start, i)
		start = i
	}
	if start < len(s) {
		f(start, len(s))
	}
}
