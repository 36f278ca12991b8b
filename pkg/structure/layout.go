package structure

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// The layout step turns the lines of a text into paragraphs. A text from a
// flowing format (txt, docx, html) has one paragraph a line; the text of a
// fixed-layout page (PDF, OFD) has one line per printed line, wrapped at
// the type area's width, with page numbers between pages and, from some
// extractors, spaces between Han characters and digits (2026 年 3 月). The
// parser reads paragraphs either way:
//
//   - page-number lines (— 3 —, or bare numbers that count up through the
//     text) are set aside;
//   - a text is "wrapped" when many of its lines end at the same right edge
//     without ending a sentence, and few are twice as wide; then a line that reaches the edge goes on
//     in the next line, unless the next line starts an element (a heading,
//     附件, 抄送, a date);
//   - in any text, a line that ends inside brackets （… 《… 〔… goes on in
//     the next line (a number or a title broken by the layout), and so
//     does one ending with ， or 、;
//   - each paragraph's text is compacted: the line breaks inside it and the
//     white space next to a Han character are dropped (a single space
//     between two ASCII characters is kept), with a map back to the
//     offsets of the original text.

type lineKind uint8

const (
	lBlank lineKind = iota
	lText
	lPage     // a page number
	lPageBare // a number alone: a page number if the numbers count up
	lRule     // a rule: ———— or ____
)

type pline struct {
	start, end int // the content, trimmed, in the text
	num        int // 1-based line number
	indent     int // display width of the leading white space
	width      int // display width of the content
	kind       lineKind
	page       int
	pageStd    bool
}

// seg maps the compact text of a paragraph back to the original: compact
// offset c is original offset o, and so on byte for byte up to the next seg.
type seg struct{ c, o int }

// gap is white space (or a line break) dropped from a paragraph's compact
// text at compact offset pos.
type gap struct {
	pos   int
	width int  // display width of the white space
	nl    bool // a line break
}

// para is one paragraph.
type para struct {
	text        string // compact text
	first, last int    // line indices
	start, end  int    // original offsets of the first and last content bytes (end exclusive)
	segs        []seg
	gaps        []gap
	lines       int // physical lines joined
}

// orig maps a compact offset to the original text.
func (p *para) orig(c int) int {
	if c >= len(p.text) {
		return p.end
	}
	i := sort.Search(len(p.segs), func(i int) bool { return p.segs[i].c > c }) - 1
	if i < 0 {
		return p.start
	}
	return p.segs[i].o + c - p.segs[i].c
}

// span maps a compact range to the original text.
func (p *para) span(cs, ce int) (int, int) {
	if ce <= cs {
		o := p.orig(cs)
		return o, o
	}
	return p.orig(cs), p.orig(ce-1) + 1
}

// field makes a Field of the compact range [cs, ce).
func (p *para) field(cs, ce int) Field {
	s, e := p.span(cs, ce)
	return Field{Text: p.text[cs:ce], Start: s, End: e}
}

// whole is the paragraph as a Field.
func (p *para) whole() Field { return p.field(0, len(p.text)) }

type layout struct {
	text    string
	lines   []pline
	paras   []para
	wrapped bool
	edge    int // the right edge of a full line, when wrapped
	pages   []PageNumber
	// removed are page numbers the text no longer holds (cleaning took them
	// out with a soft line break), at the offsets where they stood: they
	// count in the run of page numbers that tells bare numbers are pages.
	removed []PageNumber
}

// isSpace is the white space the layout drops: ASCII space and tab,
// U+3000, no-break spaces, the Unicode spaces and a BOM.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\u3000', '\u00a0', '\ufeff', '\u202f', '\u205f', '\v':
		return true
	}
	return r >= '\u2000' && r <= '\u200a'
}

func spaceWidth(r rune) int {
	switch r {
	case '\t':
		return 4
	case '\u3000':
		return 2
	case '\ufeff':
		return 0
	}
	return 1
}

// runeWidth is the display width of a rune: 2 for East Asian wide and
// full-width characters (and the punctuation Chinese text sets wide), else 1.
func runeWidth(r rune) int {
	switch {
	case r < 0x1100:
		return 1
	case r >= 0x2010 && r <= 0x2027, r >= 0x2E80 && r <= 0xA4CF, r >= 0xAC00 && r <= 0xD7A3,
		r >= 0xF900 && r <= 0xFAFF, r >= 0xFE30 && r <= 0xFE4F, r >= 0xFF00 && r <= 0xFF60,
		r >= 0xFFE0 && r <= 0xFFE6, r >= 0x20000 && r <= 0x3FFFD, r >= 0x2460 && r <= 0x24FF:
		return 2
	}
	return 1
}

// maxEdge caps the widths the wrap detection looks at: a line wider than
// this is a paragraph, not a printed line.
const maxEdge = 240

// buildLayout splits text into lines and paragraphs.
func buildLayout(text string, removed []PageNumber) *layout {
	l := &layout{text: text, removed: removed}
	l.splitLines()
	l.findPages()
	l.detectWrap()
	l.buildParas()
	return l
}

func (l *layout) splitLines() {
	text := l.text
	num := 1
	i := 0
	for i <= len(text) {
		// find the end of the line
		j := i
		next := len(text) + 1
		nextNum := num
		for j < len(text) {
			c := text[j]
			if c == '\n' {
				next, nextNum = j+1, num+1
				break
			}
			if c == '\r' {
				next, nextNum = j+1, num+1
				if j+1 < len(text) && text[j+1] == '\n' {
					next = j + 2
				}
				break
			}
			if c == '\f' {
				next = j + 1
				break
			}
			if c == 0xE2 && j+2 < len(text) && text[j+1] == 0x80 && (text[j+2] == 0xA8 || text[j+2] == 0xA9) {
				next, nextNum = j+3, num+1
				break
			}
			j++
		}
		l.addLine(i, j, num)
		if next > len(text) {
			break
		}
		i, num = next, nextNum
	}
}

func (l *layout) addLine(s, e, num int) {
	ln := pline{num: num}
	// leading white space
	for s < e {
		r, n := utf8.DecodeRuneInString(l.text[s:e])
		if !isSpace(r) {
			break
		}
		ln.indent += spaceWidth(r)
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(l.text[s:e])
		if !isSpace(r) {
			break
		}
		e -= n
	}
	ln.start, ln.end = s, e
	if s == e {
		ln.kind = lBlank
		l.lines = append(l.lines, ln)
		return
	}
	w := 0
	for _, r := range l.text[s:e] {
		w += runeWidth(r)
		if w > maxEdge*4 {
			break
		}
	}
	ln.width = w
	ln.kind = lText
	if ln.width <= 40 {
		if v, std, ok := pageNumber(l.text[s:e]); ok {
			ln.kind, ln.page, ln.pageStd = lPage, v, std
		} else if v, ok := bareNumber(l.text[s:e]); ok {
			ln.kind, ln.page = lPageBare, v
		} else if isRule(l.text[s:e]) {
			ln.kind = lRule
		}
	}
	l.lines = append(l.lines, ln)
}

func isDash(r rune) bool {
	switch r {
	case '—', '–', '-', '－', '─', '━', '‒', '―', '⸺':
		return true
	}
	return false
}

// digitVal reads an ASCII or full-width digit.
func digitVal(r rune) (int, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), true
	case r >= '０' && r <= '９':
		return int(r - '０'), true
	}
	return 0, false
}

// pageNumber reads a page-number line: — 3 —, -3-, 第3页, 第 3 页 共 10 页.
func pageNumber(s string) (int, bool, bool) {
	var rs []rune
	for _, r := range s {
		if !isSpace(r) {
			rs = append(rs, r)
		}
		if len(rs) > 24 {
			return 0, false, false
		}
	}
	i := 0
	lead := 0
	allEm := true
	for i < len(rs) && isDash(rs[i]) {
		allEm = allEm && rs[i] == '—'
		i++
		lead++
	}
	if lead > 0 {
		v, n := 0, 0
		for i < len(rs) {
			d, ok := digitVal(rs[i])
			if !ok {
				break
			}
			v = v*10 + d
			i++
			n++
		}
		trail := 0
		for i < len(rs) && isDash(rs[i]) {
			allEm = allEm && rs[i] == '—'
			i++
			trail++
		}
		if n > 0 && n <= 4 && trail > 0 && i == len(rs) && lead <= 2 && trail <= 2 {
			return v, allEm && lead == 1 && trail == 1, true
		}
		return 0, false, false
	}
	if len(rs) >= 3 && rs[0] == '第' {
		v, n := 0, 0
		i = 1
		for i < len(rs) {
			d, ok := digitVal(rs[i])
			if !ok {
				break
			}
			v = v*10 + d
			i++
			n++
		}
		if n == 0 || n > 4 || i >= len(rs) || rs[i] != '页' {
			return 0, false, false
		}
		i++
		rest := string(rs[i:])
		if rest == "" {
			return v, false, true
		}
		// 共 N 页, /N页, ，共N页
		j := 0
		rr := rs[i:]
		for j < len(rr) && (rr[j] == '，' || rr[j] == ',' || rr[j] == '/' || rr[j] == '／') {
			j++
		}
		if j < len(rr) && rr[j] == '共' {
			j++
		}
		m := 0
		for j < len(rr) {
			if _, ok := digitVal(rr[j]); !ok {
				break
			}
			j++
			m++
		}
		if m > 0 && j < len(rr) && rr[j] == '页' && j+1 == len(rr) {
			return v, false, true
		}
	}
	return 0, false, false
}

// bareNumber reads a line that is a number of 1–4 digits and nothing else.
func bareNumber(s string) (int, bool) {
	v, n := 0, 0
	for _, r := range s {
		if isSpace(r) {
			continue
		}
		d, ok := digitVal(r)
		if !ok || n >= 4 {
			return 0, false
		}
		v = v*10 + d
		n++
	}
	return v, n > 0 && v > 0
}

// isRule reports whether a line is a rule: at least four dashes,
// underscores or box-drawing lines and nothing else.
func isRule(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case isSpace(r):
		case isDash(r), r == '_', r == '＿', r == '=', r == '＝', r == '━', r == '═':
			n++
		default:
			return false
		}
	}
	return n >= 4
}

// findPages decides which bare numbers are page numbers (those of a run
// that counts up through the text) and collects the page numbers.
func (l *layout) findPages() {
	var bare []int
	for i, ln := range l.lines {
		if ln.kind == lPageBare {
			bare = append(bare, i)
		}
	}
	// The run is the bare numbers with the removed page numbers, in the
	// order they stood in.
	type entry struct{ at, page int }
	run := make([]entry, 0, len(bare)+len(l.removed))
	for _, i := range bare {
		run = append(run, entry{l.lines[i].start, l.lines[i].page})
	}
	if len(bare) > 0 {
		for _, p := range l.removed {
			run = append(run, entry{p.Start, p.Number})
		}
		sort.SliceStable(run, func(i, j int) bool { return run[i].at < run[j].at })
	}
	up := len(run) >= 2
	for k := 1; k < len(run) && up; k++ {
		up = run[k].page > run[k-1].page && run[k].page <= run[k-1].page+3
	}
	for _, i := range bare {
		if up {
			l.lines[i].kind = lPage
		} else {
			l.lines[i].kind = lText
		}
	}
	for _, ln := range l.lines {
		if ln.kind == lPage {
			l.pages = append(l.pages, PageNumber{
				Field:    Field{Text: l.text[ln.start:ln.end], Start: ln.start, End: ln.end},
				Number:   ln.page,
				Standard: ln.pageStd,
			})
		}
	}
}

// isTerminal reports whether r ends a sentence or a clause at a line end.
func isTerminal(r rune) bool {
	switch r {
	case '。', '！', '？', '；', '：', '!', '?', ';', ':', '”', '」', '』', '.':
		return true
	}
	return false
}

// detectWrap decides whether the text's lines are wrapped printed lines:
// many lines end at one right edge, most of them mid-sentence.
func (l *layout) detectWrap() {
	var hist [maxEdge + 1]int
	text := 0
	for _, ln := range l.lines {
		if ln.kind != lText {
			continue
		}
		text++
		if e := ln.indent + ln.width; e >= 16 && e <= maxEdge {
			hist[e]++
		}
	}
	if text < 4 {
		return
	}
	// the window of 5 display columns holding most lines
	best, bestAt, win := 0, 0, 0
	for e := 16; e <= maxEdge; e++ {
		win += hist[e]
		if e-5 >= 16 {
			win -= hist[e-5]
		}
		if win > best {
			best, bestAt = win, e
		}
	}
	if best < 3 || best*10 < text*3 {
		return
	}
	edge := bestAt - 4
	// Lines twice as wide as the edge are paragraphs: a text of them (one that cleaning
	// has already unwrapped, normalize.Options.Unwrap) is not wrapped, though what is left
	// at one width (a table, a table of contents) may look so.
	wide := 0
	for _, ln := range l.lines {
		if ln.kind == lText && ln.indent+ln.width > 2*edge {
			wide++
		}
	}
	if wide*4 > best {
		return
	}
	full, open := 0, 0
	for _, ln := range l.lines {
		if ln.kind != lText || ln.indent+ln.width < edge {
			continue
		}
		full++
		r, _ := utf8.DecodeLastRuneInString(l.text[ln.start:ln.end])
		if !isTerminal(r) {
			open++
		}
	}
	if full > 0 && open*2 >= full {
		l.wrapped, l.edge = true, edge
	}
}

func (l *layout) full(ln *pline) bool {
	return l.wrapped && ln.indent+ln.width >= l.edge
}

// bracketDepth returns the bracket depth after s, starting from d (a
// closing bracket with nothing open is ignored).
func bracketDepth(d int, s string) int {
	for _, r := range s {
		switch r {
		case '（', '(', '《', '〔', '【', '[', '“', '「', '『', '〈', '［':
			d++
		case '）', ')', '》', '〕', '】', ']', '”', '」', '』', '〉', '］':
			if d > 0 {
				d--
			}
		}
	}
	return d
}

// buildParas groups lines into paragraphs and compacts them.
func (l *layout) buildParas() {
	var cur []int // line indices of the current paragraph
	depth := 0
	bracketJoins := 0
	flush := func() {
		if len(cur) > 0 {
			l.paras = append(l.paras, l.compact(cur))
			cur = cur[:0]
		}
		depth, bracketJoins = 0, 0
	}
	for i := range l.lines {
		ln := &l.lines[i]
		switch ln.kind {
		case lPage:
			continue // a paragraph goes on across a page break
		case lBlank, lRule:
			flush()
			continue
		}
		content := l.text[ln.start:ln.end]
		if len(cur) > 0 {
			prev := &l.lines[cur[len(cur)-1]]
			join := false
			if !startsElement(content) && !tocLine(l.text[prev.start:prev.end]) {
				last, _ := utf8.DecodeLastRuneInString(l.text[prev.start:prev.end])
				switch {
				case depth > 0 && bracketJoins < 3:
					join = true
					bracketJoins++
				case l.full(prev) && ln.indent < prev.indent+3:
					join = true
					bracketJoins = 0
				case last == '，' || last == '、' || last == ',':
					join = true
				}
			}
			if !join {
				flush()
			}
		}
		cur = append(cur, i)
		if len(content) < 4096 {
			depth = bracketDepth(depth, content)
		} else {
			depth = 0
		}
	}
	flush()
}

// compact builds the paragraph of the given lines.
func (l *layout) compact(lines []int) para {
	p := para{first: lines[0], last: lines[len(lines)-1], lines: len(lines)}
	p.start = l.lines[lines[0]].start
	p.end = l.lines[lines[len(lines)-1]].end
	size := 0
	for _, i := range lines {
		size += l.lines[i].end - l.lines[i].start
	}
	buf := make([]byte, 0, size)
	var prev rune // last rune written
	pendingW, pendingAt, pendingNL := 0, -1, false
	for k, li := range lines {
		ln := l.lines[li]
		if k > 0 {
			pendingNL = true
			if pendingAt < 0 {
				pendingAt = ln.start
			}
		}
		for i := ln.start; i < ln.end; {
			r, n := utf8.DecodeRuneInString(l.text[i:])
			if isSpace(r) {
				if pendingAt < 0 {
					pendingAt = i
				}
				pendingW += spaceWidth(r)
				i += n
				continue
			}
			if pendingAt >= 0 && len(buf) > 0 {
				p.gaps = append(p.gaps, gap{pos: len(buf), width: pendingW, nl: pendingNL})
				if prev < utf8.RuneSelf && r < utf8.RuneSelf && prev > ' ' && r > ' ' &&
					(!pendingNL || isASCIILetter(prev) && isASCIILetter(r)) {
					p.addSeg(len(buf), pendingAt)
					buf = append(buf, ' ')
				}
			}
			pendingW, pendingAt, pendingNL = 0, -1, false
			p.addSeg(len(buf), i)
			buf = append(buf, l.text[i:i+n]...)
			prev = r
			i += n
		}
	}
	p.text = string(buf)
	return p
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

func (p *para) addSeg(c, o int) {
	if n := len(p.segs); n > 0 {
		last := p.segs[n-1]
		if o-last.o == c-last.c {
			return
		}
	}
	p.segs = append(p.segs, seg{c, o})
}

// startsElement reports whether a line starts an element a wrapped line
// does not run into: a heading, 附件, 抄送, a 签发人 line, a date alone, a
// note in brackets.
func startsElement(s string) bool {
	if _, ok := scanMarker(s); ok {
		return true
	}
	for _, w := range []string{"附件", "抄送", "抄报", "分送", "主题词", "签发人", "主送"} {
		if hasPrefix(s, w) {
			return true
		}
	}
	if d, n := scanDate(s, 0); n > 0 && d.Day > 0 && restIsDateSuffix(s[n:]) {
		return true
	}
	return false
}

func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

// split cuts a paragraph at compact offset c (a line break) into two.
func (p *para) split(c int, l *layout) (para, para) {
	a := para{text: p.text[:c], first: p.first, start: p.start}
	b := para{text: p.text[c:], last: p.last, end: p.end}
	for _, s := range p.segs {
		if s.c < c {
			a.segs = append(a.segs, s)
		}
	}
	b.start = p.orig(c)
	a.end = p.orig(c-1) + 1
	for _, s := range p.segs {
		if s.c >= c {
			b.segs = append(b.segs, seg{s.c - c, s.o})
		}
	}
	if len(b.segs) == 0 || b.segs[0].c != 0 {
		b.segs = append([]seg{{0, b.start}}, b.segs...)
	}
	for _, g := range p.gaps {
		switch {
		case g.pos < c:
			a.gaps = append(a.gaps, g)
		case g.pos > c:
			b.gaps = append(b.gaps, gap{g.pos - c, g.width, g.nl})
		}
	}
	// the lines on each side
	a.last, b.first = p.first, p.last
	for i := p.first; i <= p.last; i++ {
		ln := l.lines[i]
		if ln.kind != lText {
			continue
		}
		if ln.end <= a.end {
			a.last = i
		} else if ln.start >= b.start && b.first == p.last {
			b.first = i
		}
	}
	for i := p.first; i <= p.last; i++ {
		if l.lines[i].kind == lText && l.lines[i].start >= b.start {
			b.first = i
			break
		}
	}
	a.lines = a.last - a.first + 1
	b.lines = b.last - b.first + 1
	return a, b
}

// lineBreaks lists the compact offsets where a paragraph's lines were
// joined.
func (p *para) lineBreaks() []int {
	var out []int
	for _, g := range p.gaps {
		if g.nl {
			out = append(out, g.pos)
		}
	}
	return out
}

// tocLine reports whether a paragraph is an entry of a table of contents:
// text, a leader of dots and a page number (一、总体要求……3).
func tocLine(t string) bool {
	i := len(t)
	digits := 0
	for i > 0 {
		r, w := utf8.DecodeLastRuneInString(t[:i])
		if _, ok := digitVal(r); !ok && r != ' ' {
			break
		}
		if r != ' ' {
			digits++
		}
		i -= w
	}
	dots := 0
	for i > 0 {
		r, w := utf8.DecodeLastRuneInString(t[:i])
		if r != '.' && r != '…' && r != '·' && r != '．' && r != ' ' && r != '⋯' {
			break
		}
		if r != ' ' {
			dots++
		}
		i -= w
	}
	return dots >= 4 && i > 0 && digits <= 4
}

// ReadPageNumber reads a line that is only a page number: — 3 —, -3-, 第3页,
// 第 3 页 共 10 页, 3/12 or a bare number (a bare number is a page number only
// where the caller knows the line stands between two pages). standard is true
// for the GB/T 9704 form.
func ReadPageNumber(s string) (n int, standard, ok bool) {
	if v, std, ok := pageNumber(s); ok {
		return v, std, true
	}
	num := func(s string) (int, bool) {
		v, digits := 0, 0
		for _, r := range s {
			d, ok := digitVal(r)
			if !ok || digits == 4 {
				return 0, false
			}
			v = v*10 + d
			digits++
		}
		return v, digits > 0
	}
	s = trimSpaceString(s)
	if i := strings.IndexAny(s, "/／"); i > 0 {
		_, w := utf8.DecodeRuneInString(s[i:])
		v, ok := num(trimSpaceString(s[:i]))
		if _, ok2 := num(trimSpaceString(s[i+w:])); ok && ok2 {
			return v, false, true // 3/12: the page of the pages
		}
		return 0, false, false
	}
	v, ok := num(s)
	return v, false, ok
}
