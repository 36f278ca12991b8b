package normalize

import (
	"math/bits"
	"sort"
	"strings"
	"unicode/utf8"
)

// Soft line breaks (Options.Unwrap): the rules are in the package documentation (doc.go).
// The detection reads the original text (the lines are the view's, line for line) and does
// not allocate; the joins are a plan, like the boilerplate plan, that the final pass applies.

const (
	minWrapEdge  = 24  // display columns: a narrower "edge" is a list or a table column
	minOpenLines = 5   // lines ending mid-sentence at the edge
	maxWrapEdge  = 240 // a line wider than this is a paragraph, not a printed line
	wrapWindow   = 5   // columns of the edge window
)

// byteWidth is the display width each byte of UTF-8 adds: 1 for ASCII and two-byte
// sequences, 2 for three- and four-byte sequences (Han, full-width forms, the CJK
// punctuation and quotes), counted at the lead byte.
var byteWidth = func() (t [256]uint8) {
	for b := 0; b < 256; b++ {
		switch {
		case b < 0x80:
			t[b] = 1
		case b < 0xC0:
			t[b] = 0
		case b < 0xE0:
			t[b] = 1
		default:
			t[b] = 2
		}
	}
	return
}()

// displayWidth is the display width of s by byteWidth, eight bytes at a time: an ASCII
// byte counts 1, a lead byte 11xxxxxx 1 more and a lead byte 111xxxxx 1 more again.
func displayWidth(s string) int {
	const high = 0x8080808080808080
	w, i := 0, 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		lead := x & (x << 1) & high
		w += 8 - bits.OnesCount64(x&high) + bits.OnesCount64(lead) + bits.OnesCount64(lead&(x<<2))
	}
	for ; i < len(s); i++ {
		w += int(byteWidth[s[i]])
	}
	return w
}

// wline is what the join rules read of one line of the original text.
type wline struct {
	start, end int // the line's bytes, without its terminator
	cs, ce     int // the content, without leading and trailing white space
	next       int // the start of the next line
	indent     int // display width of the leading white space
	width      int // display width of the content
}

// nextLine reads the line of src starting at pos.
func nextLine(src string, pos int) wline {
	l := wline{start: pos}
	rest := src[pos:]
	n := strings.IndexByte(rest, '\n')
	if n < 0 {
		n = len(rest)
		l.next = len(src)
	} else {
		l.next = pos + n + 1
	}
	if k := strings.IndexByte(rest[:n], '\r'); k >= 0 {
		// \r\n, or a lone \r ending the line
		n = k
		l.next = pos + k + 1
		if k+1 < len(rest) && rest[k+1] == '\n' {
			l.next++
		}
	}
	l.end = pos + n
	line := src[pos:l.end]
	i, j := 0, len(line)
	if j > 0 && (maySpace(line[0]) || maySpaceEnd(line)) {
		i, j = trimLine(line)
	}
	l.cs, l.ce = pos+i, pos+j
	for k := 0; k < i; {
		r, size := utf8.DecodeRuneInString(line[k:])
		if r == '\t' {
			l.indent += 4
		} else {
			l.indent += int(byteWidth[line[k]])
		}
		k += size
	}
	l.width = displayWidth(line[i:j])
	if !utf8.ValidString(line[i:j]) {
		l.width = invalidWidth(line[i:j])
	}
	return l
}

// invalidWidth is the display width of a line that is not valid UTF-8 as cleaning
// writes it: every invalid byte replaced by U+FFFD (one per byte, ChangeInvalid), which is
// two columns wide as its lead byte says. The join is then the same for the text and for
// its cleaned form: cleaning twice changes nothing more.
func invalidWidth(s string) int {
	w := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			w += int(byteWidth[0xEF]) // U+FFFD: EF BF BD
		} else {
			w += int(byteWidth[s[i]])
		}
		i += size
	}
	return w
}

// maySpace reports whether a rune starting with byte b may be white space for trimLine
// (ASCII white space, or the lead byte of U+00A0, U+1680, U+180E, U+2000–U+206F, U+3000,
// U+FEFF).
func maySpace(b byte) bool {
	switch b {
	case ' ', '\t', '\v', '\f', 0xC2, 0xE1, 0xE2, 0xE3, 0xEF:
		return true
	}
	return false
}

// maySpaceEnd reports whether the last rune of s may be white space for trimLine.
func maySpaceEnd(s string) bool {
	for k := len(s) - 1; k >= 0 && k >= len(s)-4; k-- {
		if b := s[k]; b < 0x80 || b >= 0xC0 {
			return maySpace(b)
		}
	}
	return true
}

// opensOn reports whether a line's content ends without closing a sentence or a clause.
func opensOn(content string) bool {
	r, _ := utf8.DecodeLastRuneInString(content)
	switch r {
	case '。', '！', '？', '；', '：', '!', '?', ';', ':', '”', '」', '』', '.', '…':
		return false
	}
	return true
}

// cjkEnd reports whether a line's content ends with a Han character or CJK punctuation:
// what a line of Chinese text broken at the page width ends with (a wrapped English text,
// a Markdown file, is not read as wrapped).
func cjkEnd(content string) bool {
	r, _ := utf8.DecodeLastRuneInString(content)
	return r >= 0x3000 && r != utf8.RuneError
}

// wrapEdge reports the width from which a line of a wrapped text reaches its right edge (and
// true), or false when the text is not wrapped. It does not allocate.
func wrapEdge(src string) (int, bool) {
	var hist, open, prose [maxWrapEdge + 1]int32
	text, over := 0, int32(0)
	for pos := 0; pos < len(src); {
		l := nextLine(src, pos)
		pos = l.next
		if l.ce == l.cs {
			continue
		}
		text++
		e := l.indent + l.width
		if e > maxWrapEdge {
			over++
		} else if e >= 16 {
			hist[e]++
			if c := src[l.cs:l.ce]; opensOn(c) && cjkEnd(c) {
				open[e]++
				if containsAny(c, "，", "、", "。", "；", "：") {
					prose[e]++
				}
			}
		}
	}
	if text < minOpenLines {
		return 0, false
	}
	best, bestAt, win := int32(0), 0, int32(0)
	for e := 16; e <= maxWrapEdge; e++ {
		win += hist[e]
		if e-wrapWindow >= 16 {
			win -= hist[e-wrapWindow]
		}
		if win > best {
			best, bestAt = win, e
		}
	}
	edge := bestAt - wrapWindow + 1
	if edge < minWrapEdge || int(best)*4 < text {
		return 0, false
	}
	// A printed line may stop short of the edge by a few characters (digits and Latin
	// letters set narrow, punctuation kept off the line's start), and a box or a table on
	// a page may be set wider: every line from low on counts as reaching the edge.
	low := edge - edge/8
	var full, opened, sentences int32
	for e := low; e <= maxWrapEdge; e++ {
		full += hist[e]
		opened += open[e]
		sentences += prose[e]
	}
	if opened < minOpenLines || opened*2 < full || sentences*3 < opened {
		return 0, false
	}
	// Lines of twice the edge are paragraphs: a text of them is not wrapped, though its
	// headings may share a width.
	wide := over
	for e := 2 * edge; e <= maxWrapEdge; e++ {
		wide += hist[e]
	}
	if wide*4 > best {
		return 0, false
	}
	return low, true
}

// join is one soft line break: src[s:e] (white space, a line end, perhaps a page number
// line) becomes repl.
type join struct {
	line  int // the line whose end is removed
	lines int // the lines it ends: 1, or 2 across a page number
	s, e  int
	repl  string
}

// softBreaks lists the soft line breaks of src, in order; nil when src is not wrapped. Lines
// the plan removes or cuts are left alone.
func softBreaks(src string, plan []planned) []join {
	edge, ok := wrapEdge(src)
	if !ok {
		return nil
	}
	planned := func(line int) bool {
		i := sort.Search(len(plan), func(i int) bool { return plan[i].line >= line })
		return i < len(plan) && plan[i].line == line
	}
	var out []join
	cur := nextLine(src, 0)
	titled := 0 // the line before cur is a title (a heading or list item without a sentence): its marker's kind
	for lineNo := 0; cur.next < len(src); lineNo++ {
		nxt := nextLine(src, cur.next)
		to, span := nxt, 1
		if nxt.next < len(src) && nxt.ce > nxt.cs && pageNumberLine(src[nxt.cs:nxt.ce]) {
			// A page break inside a sentence: the page number goes with the line end.
			to, span = nextLine(src, nxt.next), 2
		}
		if joins(src, &cur, &to, edge, titled) && !planned(lineNo) && !planned(lineNo+1) && (span == 1 || !planned(lineNo+2)) {
			repl := ""
			a, _ := utf8.DecodeLastRuneInString(src[cur.cs:cur.ce])
			b, _ := utf8.DecodeRuneInString(src[to.cs:to.ce])
			if isASCIILetter(a) && isASCIILetter(b) {
				repl = " "
			}
			out = append(out, join{line: lineNo, lines: span, s: cur.ce, e: to.cs, repl: repl})
			if span == 2 {
				lineNo++
				nxt = to
			}
		}
		if cur.ce > cur.cs {
			titled = 0
			if c := src[cur.cs:cur.ce]; title(c) {
				titled = markerKind(c)
			}
		}
		cur = nxt
	}
	if len(out) < minOpenLines {
		return nil // too few to be sure: a list or headings that share a width
	}
	return out
}

// brokenTail reports whether a line is the last character or two of a word broken off the
// line before (…2024年4月3日印\n发): a table row or a signature with a date goes on in such a
// line.
func brokenTail(s string) bool {
	n := 0
	for _, r := range s {
		if !isHan(r) {
			return false
		}
		n++
	}
	return n <= 2
}

func isASCIILetter(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

// joins reports whether line cur goes on in line nxt of a text wrapped at edge.
func joins(src string, cur, nxt *wline, edge int, titled int) bool {
	if cur.ce == cur.cs || nxt.ce == nxt.cs {
		return false
	}
	if e := cur.indent + cur.width; e < edge || e > maxWrapEdge {
		return false
	}
	a, b := src[cur.cs:cur.ce], src[nxt.cs:nxt.ce]
	if !opensOn(a) || nxt.indent > cur.indent+1 {
		return false
	}
	if startsBlock(b) || tableRow(b) || tableRow(afterMarker(a)) && !brokenTail(b) {
		return false
	}
	if title(a) && (topHeading(a) || titled == markerKind(a)) {
		// A heading that fills the line, or an item of a list of titles: its rest is short
		// and ends the line; a line of body text after it is not its rest.
		if n := nxt.indent + nxt.width; n >= edge {
			return false
		}
	}
	return true
}

// markerKind tells the kinds of heading and list markers apart (一、 （一） 1. （1） 第一条
// 第一章 …): the first rune's class (第, an opening bracket, a Chinese numeral, a digit)
// and the rune that closes the marker. 0 for a line without a marker.
func markerKind(s string) int {
	if !isNumberedHeading(s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s)
	class := 1
	switch {
	case r == '第':
		class = 2
	case r == '（' || r == '(':
		class = 3
		if _, n := utf8.DecodeRuneInString(s); n < len(s) {
			if d, _ := utf8.DecodeRuneInString(s[n:]); d >= '0' && d <= '9' {
				class = 4
			}
		}
	case r >= '0' && r <= '9':
		class = 5
	}
	for i, c := range s {
		if i > 8*3 {
			break
		}
		switch c {
		case '条', '章', '节', '部', '篇', '款', '编', '）', ')', '、', '.', '．', '，':
			return class<<21 | int(c)
		}
	}
	return class << 21
}

// title reports whether s is a heading or list item without a sentence: a marker and words.
func title(s string) bool {
	return isNumberedHeading(s) && !strings.ContainsAny(afterMarker(s), "。；！？，：、")
}

// topHeading reports whether s starts with the marker of a heading of the first level (一、
// 第一章 第一节 …), which stands on its own lines; the markers of lower levels and of list
// items (（一） 1. （1） 第一条) often run into their text and wrap with it.
func topHeading(s string) bool {
	if !isNumberedHeading(s) {
		return false
	}
	r, n := utf8.DecodeRuneInString(s)
	if r == '第' {
		return !strings.Contains(s[:min(len(s), n+4*3)], "条") && !strings.Contains(s[:min(len(s), n+4*3)], "款")
	}
	return isChineseNumeral(r)
}

// listStart reports whether s starts with a heading or list marker; 4.25 亿 and 57.0% are
// numbers, not markers.
func listStart(s string) bool {
	if !isNumberedHeading(s) {
		return false
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && s[i] == '.' && s[i+1] >= '0' && s[i+1] <= '9' {
		return false
	}
	return true
}

// startsBlock reports whether a line starts an element a wrapped line does not run into: a
// numbered heading or list item, 附件, 抄送 and the like, a date alone, a page number.
func startsBlock(s string) bool {
	if listStart(s) || isDateLike(s) || pageNumberLine(s) {
		return true
	}
	return hasPrefixAny(s, "附件", "抄送", "抄报", "分送", "主题词", "签发人", "主送", "联系人", "联系电话",
		"●", "•", "·", "■", "□", "◆", "★", "※", "-", "—", "－", "（注", "注：", "注:", "说明：") ||
		figureCaption(s)
}

// figureCaption reports whether s starts like the caption of a figure or a table: 图1, 表 2-3.
func figureCaption(s string) bool {
	if !hasPrefixAny(s, "图", "表") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s[len("图"):], " "))
	return r >= '0' && r <= '9' || isChineseNumeral(r)
}

// pageNumberLine reports whether s is a page number: — 3 —, -3-, 第3页, 3/12, a bare number.
func pageNumberLine(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '—' || r == '-' || r == '－' || r == '–' || r == ' ' || r == '/' || r == '第' || r == '页' || r == '共' || isLineSpace(r):
		default:
			return false
		}
	}
	return digits > 0 && digits <= 4
}

// afterMarker returns s after its heading or list marker and the white space after it
// (第七条  适时… is an article, not a table row).
func afterMarker(s string) string {
	if !isNumberedHeading(s) {
		return s
	}
	for i, r := range s {
		if i > 8*3 {
			break
		}
		switch r {
		case '条', '章', '节', '部', '篇', '款', '编', '）', ')', '、', '.', '．', '，':
			rest := s[i+utf8.RuneLen(r):]
			k, _ := trimLine(rest)
			return rest[k:]
		}
	}
	return s
}

// tableRow reports whether s holds white space of two columns or more between its words: a
// table row, a contact line, a signature with a date.
func tableRow(s string) bool {
	w := 0
	for _, r := range s {
		switch {
		case r == ' ':
			w++
		case r == '\t':
			w += 2
		case r == '\u3000':
			w += 2
		case isLineSpace(r):
			w++
		default:
			if w >= 2 {
				return true
			}
			w = 0
		}
	}
	return false
}

// Unwrapped reports whether Clean joined lines of a text broken at the page width
// (Options.Unwrap): the text was wrapped, and its paragraphs are lines again.
func (r *Result) Unwrapped() bool {
	for i := range r.Changes {
		if r.Changes[i].Kind == ChangeJoin {
			return true
		}
	}
	return false
}
