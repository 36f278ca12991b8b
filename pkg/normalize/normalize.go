package normalize

import (
	"slices"
	"unicode/utf8"
)

// Options selects the cleaning steps. The zero value only repairs invalid UTF-8; use
// DefaultOptions for the usual cleaning.
type Options struct {
	Pinyin      bool // remove pinyin annotations after Han characters
	Invisible   bool // remove zero-width and bidi marks, BOM, soft hyphen; odd spaces → ' '
	Width       bool // full-width letters and digits → ASCII (punctuation kept)
	LineEnds    bool // \r\n and \r → \n
	Boilerplate bool // drop web-page boilerplate and credits; mark the report's metadata (Result.Meta)
	Unwrap      bool // join the lines of a text broken at the page width (text extracted from a PDF)
	// Repeated, with Boilerplate, also drops the lines that the documents of a corpus
	// repeat (LineCounts.Repeated): page chrome no rule knows. Nil: rules only.
	Repeated *Repeated
}

// DefaultOptions enables every cleaning step.
func DefaultOptions() Options {
	return Options{Pinyin: true, Invisible: true, Width: true, LineEnds: true, Boilerplate: true, Unwrap: true}
}

// ChangeKind names the step that made a Change.
type ChangeKind string

const (
	ChangePinyin      ChangeKind = "pinyin"       // a pinyin annotation removed
	ChangeInvisible   ChangeKind = "invisible"    // invisible characters removed
	ChangeSpace       ChangeKind = "space"        // odd spaces replaced by ' '
	ChangeWidth       ChangeKind = "width"        // full-width letters/digits (and ．between digits) folded
	ChangeLineEnd     ChangeKind = "line-end"     // \r\n or \r replaced by \n
	ChangeBoilerplate ChangeKind = "boilerplate"  // a boilerplate line removed, with its line end
	ChangeInvalid     ChangeKind = "invalid-utf8" // invalid bytes replaced by U+FFFD, one per byte
	ChangeJoin        ChangeKind = "line-join"    // a soft line break (with its white space) removed, or made ' '
)

// Change records one edit. Adjacent edits of the same kind are merged into one Change,
// except pinyin annotations and boilerplate, which are reported one by one (a boilerplate
// line, or the credit cut off the end of a line).
type Change struct {
	Kind       ChangeKind
	Start, End int    // byte range in the original text
	Old, New   string // the original bytes [Start, End) and what they became ("" = removed)
	Reason     Reason // why boilerplate went ("" for other kinds)
}

// Result is the cleaned text, the edits that produced it and the offset map back to the
// original.
type Result struct {
	Text    string   // cleaned text, valid UTF-8
	Changes []Change // in order of position, not overlapping
	// Meta marks the document's metadata in Text (title, occasion, speaker, captions), in
	// order of position; spans may nest (a name inside its speaker line). Options.Boilerplate.
	Meta []Meta
	m    offsetMap
	opts Options
	fps  []uint64 // fingerprints of the lines a LineCounts counts
}

// Changed reports whether cleaning changed anything.
func (r *Result) Changed() bool { return len(r.Changes) > 0 }

// Clean cleans text as selected by opts. It never panics and runs in time linear in the
// length of text; when nothing needs cleaning, Result.Text is text itself (no copy).
func Clean(text string, opts Options) *Result {
	var cl *classifier
	var view *Result
	var vc cleaner
	if opts.Boilerplate {
		// The view: the text cleaned by the other steps, every annotation removed, line
		// for line; the classifier plans each line on it.
		vo := opts
		vo.Boilerplate = false
		vc = cleaner{src: text, opts: vo, evidence: true, record: true}
		vc.run()
		view = vc.result()
		cl = &classifier{v: view.Text, lines: vc.lines, rep: opts.Repeated}
		cl.classify()
	}
	c := cleaner{src: text, opts: opts}
	if cl != nil {
		c.plan = planOf(cl, view)
	}
	if opts.Unwrap {
		c.joins = softBreaks(text, c.plan)
	}
	if cl != nil {
		if len(c.plan) == 0 && len(c.joins) == 0 && vc.weakRemoved == 0 {
			// Nothing to remove and no weak annotation: the view is the result.
			view.opts, view.fps = opts, cl.fps
			view.Meta = metaOf(cl, view, view)
			return view
		}
	}
	c.run()
	if opts.Pinyin && c.strongSyllables >= evidenceSyllables && c.weakSkipped > 0 {
		// The document clearly carries annotations: run again, removing the weak ones too.
		c.reset()
		c.evidence = true
		c.run()
	}
	r := c.result()
	r.opts = opts
	if cl != nil {
		r.fps = cl.fps
		r.Meta = metaOf(cl, view, r)
	}
	return r
}

// evidenceSyllables is how many toned syllables a document must have had removed before
// toneless (weak) annotations are removed as well.
const evidenceSyllables = 2

// changeKinds indexes the kinds so a pending change stays small.
var changeKinds = [...]ChangeKind{ChangePinyin, ChangeInvisible, ChangeSpace, ChangeWidth, ChangeLineEnd, ChangeBoilerplate, ChangeInvalid, ChangeJoin}

type kindIndex uint8

const (
	kPinyin kindIndex = iota
	kInvisible
	kSpace
	kWidth
	kLineEnd
	kBoilerplate
	kInvalid
	kJoin
)

type pendingChange struct {
	s, e   int // original
	cs, ce int // clean
	kind   kindIndex
	reason reasonIndex
}

// cleaner does one left-to-right pass. The output is built lazily: until the first change,
// nothing is copied and the clean offset equals the original offset.
type cleaner struct {
	src      string
	opts     Options
	evidence bool

	building bool
	out      []byte
	copied   int // src[:copied] is accounted for in out
	pts      []point
	chg      []pendingChange

	lastOut rune // last rune written to the output (0 at the start)
	hanRun  int  // number of Han runes at the end of the output

	strongSyllables int // toned syllables removed
	weakSkipped     int // weak annotations kept for lack of evidence
	weakRemoved     int // weak annotations removed (with evidence)

	// Boilerplate: the plan made on the view (nil without Options.Boilerplate).
	plan []planned
	// joins: the soft line breaks to remove (Options.Unwrap), in order.
	joins []join
	// record: this is the view pass; keep every line's content offsets in lines.
	record bool
	lines  []lineRec
}

// planned is what the final pass does to one line: remove it, or cut its content from the
// original offset cut.
type planned struct {
	line   int
	cut    int // -1: the whole line with its line end
	reason reasonIndex
}

func (c *cleaner) reset() {
	*c = cleaner{src: c.src, opts: c.opts, out: c.out[:0], pts: c.pts[:0], chg: c.chg[:0], plan: c.plan, joins: c.joins}
}

// cleanPos is the clean offset of original offset p (p >= c.copied).
func (c *cleaner) cleanPos(p int) int { return len(c.out) + p - c.copied }

func mergeable(k kindIndex) bool { return k != kPinyin && k != kBoilerplate }

// replace records that src[s:e] (s >= c.copied) becomes repl.
func (c *cleaner) replace(s, e int, repl string, kind kindIndex) {
	c.replaceFor(s, e, repl, kind, rNone)
}

// replaceFor is replace with the reason for a boilerplate removal.
func (c *cleaner) replaceFor(s, e int, repl string, kind kindIndex, reason reasonIndex) {
	if !c.building {
		c.building = true
		if c.out == nil {
			c.out = make([]byte, 0, len(c.src)+len(c.src)/8+16)
		}
		c.out = c.out[:0]
		c.copied = 0
		c.pts = append(c.pts[:0], point{})
		c.chg = c.chg[:0]
	}
	c.out = append(c.out, c.src[c.copied:s]...)
	cp := len(c.out)
	c.out = append(c.out, repl...)
	c.copied = e

	n := len(repl)
	start := s
	if n == 0 {
		start = e
	}
	if len(c.pts)+2 > cap(c.pts) {
		c.pts = growFor(c.pts, 2, e, len(c.src))
	}
	if last := &c.pts[len(c.pts)-1]; last.clean == cp {
		last.start = start
	} else {
		c.pts = append(c.pts, point{clean: cp, start: start, end: s})
	}
	if n > 0 {
		c.pts = append(c.pts, point{clean: cp + n, start: e, end: e})
	}

	if k := len(c.chg) - 1; k >= 0 && mergeable(kind) && c.chg[k].kind == kind && c.chg[k].e == s && c.chg[k].ce == cp {
		c.chg[k].e, c.chg[k].ce = e, cp+n
		return
	}
	if len(c.chg) == cap(c.chg) {
		c.chg = growFor(c.chg, 1, e, len(c.src))
	}
	c.chg = append(c.chg, pendingChange{kind: kind, s: s, e: e, cs: cp, ce: cp + n, reason: reason})
}

// growFor grows s for at least extra more elements, to the size the whole text will need if
// changes keep coming at the density seen so far (done of total bytes), so that annotated
// text is not copied over and over by append's gentle growth for large slices.
func growFor[S ~[]E, E any](s S, extra, done, total int) S {
	want := 2*cap(s) + extra
	if done > 0 && done < total {
		est := float64(len(s)) * float64(total) / float64(done) * 1.125
		if limit := float64(2*total + extra); est > limit {
			est = limit
		}
		if int(est)+extra > want {
			want = int(est) + extra
		}
	}
	return slices.Grow(s, want-len(s))
}

// run processes the text line by line.
func (c *cleaner) run() {
	src := c.src
	if c.record {
		c.lines = make([]lineRec, 0, countLines(src))
	}
	next := 0  // index into c.plan
	nextJ := 0 // index into c.joins
	for pos, lineNo := 0, 0; pos < len(src); lineNo++ {
		lineStart := pos
		var p *planned
		if next < len(c.plan) && c.plan[next].line == lineNo {
			p = &c.plan[next]
			next++
		}
		if p != nil && p.cut < 0 {
			end := lineEnd(src, pos)
			c.replaceFor(lineStart, end, "", kBoilerplate, p.reason)
			pos = end
			continue
		}
		limit := len(src)
		if p != nil {
			limit = p.cut
		}
		var j *join
		if nextJ < len(c.joins) && c.joins[nextJ].line == lineNo {
			j = &c.joins[nextJ]
			nextJ++
			limit = j.s
		}
		cleanStart := c.cleanPos(lineStart)
		pos = c.line(pos, limit)
		if j != nil && pos == j.s {
			// A soft line break: the next line goes on here (a Han run too).
			c.replace(j.s, j.e, j.repl, kJoin)
			if j.repl != "" {
				c.lastOut, c.hanRun = ' ', 0
			}
			pos = j.e
			lineNo += j.lines - 1
			continue
		}
		if p != nil && pos == p.cut {
			e := pos
			for e < len(src) && src[e] != '\n' && src[e] != '\r' {
				e++
			}
			if e > pos {
				c.replaceFor(pos, e, "", kBoilerplate, p.reason)
			}
			pos = e
		}
		contentEnd := pos
		if c.record {
			c.lines = append(c.lines, lineRec{vs: cleanStart, ve: c.cleanPos(contentEnd)})
		}
		termEnd := pos
		if pos < len(src) {
			termEnd++
			if src[pos] == '\r' && pos+1 < len(src) && src[pos+1] == '\n' {
				termEnd++
			}
		}
		if termEnd > contentEnd {
			if c.opts.LineEnds && src[contentEnd] == '\r' {
				c.replace(contentEnd, termEnd, "\n", kLineEnd)
			}
			c.lastOut, c.hanRun = '\n', 0
		}
		pos = termEnd
	}
}

// lineEnd returns the offset after the line that starts at pos, its terminator included.
func lineEnd(src string, pos int) int {
	for pos < len(src) {
		switch src[pos] {
		case '\n':
			return pos + 1
		case '\r':
			if pos+1 < len(src) && src[pos+1] == '\n' {
				return pos + 2
			}
			return pos + 1
		}
		pos++
	}
	return pos
}

// countLines returns the number of lines run will see in src.
func countLines(src string) int {
	n := 0
	for pos := 0; pos < len(src); n++ {
		pos = lineEnd(src, pos)
	}
	return n
}

// line processes the content of one line from pos and returns the offset of its terminator
// (\n or \r), len(src), or limit if it comes first.
func (c *cleaner) line(pos, limit int) int {
	src := c.src
	for pos < len(src) && pos < limit {
		b := src[pos]
		if b < utf8.RuneSelf {
			switch b {
			case '\n', '\r':
				return pos
			case '(':
				if c.hanRun > 0 && c.opts.Pinyin {
					if end, ok := c.annotation(pos, 1, ')'); ok {
						pos = end
						continue
					}
				}
			}
			c.lastOut, c.hanRun = rune(b), 0
			pos++
			continue
		}
		r, size := utf8.DecodeRuneInString(src[pos:])
		if r >= 0x4E00 && r <= 0x9FFF {
			c.lastOut = r
			c.hanRun++
			pos += size
			continue
		}
		pos = c.special(pos, r, size)
	}
	return pos
}

// special handles a non-ASCII rune outside the CJK Unified Ideographs block.
func (c *cleaner) special(pos int, r rune, size int) int {
	switch {
	case r == utf8.RuneError && size == 1:
		c.replace(pos, pos+1, "\uFFFD", kInvalid)
		c.lastOut, c.hanRun = utf8.RuneError, 0
		return pos + 1
	case r >= 0xFF01 && r <= 0xFF5E: // full-width forms
		if r == fullWidthOpenParen && c.hanRun > 0 && c.opts.Pinyin {
			if end, ok := c.annotation(pos, size, fullWidthCloseParen); ok {
				return end
			}
		}
		if c.opts.Width {
			if b, ok := foldAlnum(r); ok {
				c.replace(pos, pos+size, asciiString(b), kWidth)
				c.lastOut, c.hanRun = rune(b), 0
				return pos + size
			}
			if r == fullWidthPoint && c.lastOut >= '0' && c.lastOut <= '9' && c.digitAt(pos+size) {
				c.replace(pos, pos+size, ".", kWidth)
				c.lastOut, c.hanRun = '.', 0
				return pos + size
			}
		}
	case c.opts.Invisible && isInvisible(r):
		c.replace(pos, pos+size, "", kInvisible)
		return pos + size
	case c.opts.Invisible && isOddSpace(r):
		c.replace(pos, pos+size, " ", kSpace)
		c.lastOut, c.hanRun = ' ', 0
		return pos + size
	}
	c.lastOut = r
	if isHan(r) {
		c.hanRun++
	} else {
		c.hanRun = 0
	}
	return pos + size
}

// asciiString returns the one-byte string for b without allocating.
func asciiString(b byte) string {
	const ascii = "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f" +
		"\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f" +
		" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\x7f"
	return ascii[b : b+1]
}

// digitAt reports whether the next rune of the output at src[i:] will be an ASCII digit
// (skipping characters that Options.Invisible removes; called only under Options.Width).
func (c *cleaner) digitAt(i int) bool {
	for i < len(c.src) {
		r, size := utf8.DecodeRuneInString(c.src[i:])
		if r == utf8.RuneError && size == 1 {
			return false
		}
		if c.opts.Invisible && isInvisible(r) {
			i += size
			continue
		}
		return r >= '0' && r <= '9' || r >= 0xFF10 && r <= 0xFF19
	}
	return false
}

// annotation tries to remove a pinyin annotation opening at src[pos] (the opening
// parenthesis is openSize bytes long) and closing with closer. It reports the offset after
// the closing parenthesis and whether the annotation was removed.
func (c *cleaner) annotation(pos, openSize int, closer rune) (int, bool) {
	src := c.src
	var rs [maxAnnotationRunes]rune
	n := 0
	i := pos + openSize
	for {
		if i >= len(src) {
			return 0, false
		}
		r, size := utf8.DecodeRuneInString(src[i:])
		if r == closer {
			i += size
			break
		}
		switch {
		case r == utf8.RuneError && size == 1:
			return 0, false
		case isInvisible(r):
			i += size
			continue
		case isOddSpace(r):
			r = ' '
		case r >= 0xFF10 && r <= 0xFF5A:
			if b, ok := foldAlnum(r); ok {
				r = rune(b)
			}
		}
		if !isAnnotationRune(r) || n == len(rs) {
			return 0, false
		}
		rs[n] = r
		n++
		i += size
	}
	a, ok := parseAnnotation(rs[:n])
	if !ok || a.syllables > c.hanRun {
		return 0, false
	}
	if !a.strong && !c.evidence {
		c.weakSkipped++
		return 0, false
	}
	if a.strong {
		c.strongSyllables += a.syllables
	} else {
		c.weakRemoved++
	}
	c.replace(pos, i, "", kPinyin)
	return i, true
}

func (c *cleaner) result() *Result {
	if !c.building {
		return &Result{Text: c.src}
	}
	c.out = append(c.out, c.src[c.copied:]...)
	c.copied = len(c.src)
	text := string(c.out)
	if last := &c.pts[len(c.pts)-1]; last.clean == len(text) {
		last.start = len(c.src)
	} else {
		c.pts = append(c.pts, point{clean: len(text), start: len(c.src), end: len(c.src)})
	}
	changes := make([]Change, len(c.chg))
	for i, pc := range c.chg {
		changes[i] = Change{Kind: changeKinds[pc.kind], Start: pc.s, End: pc.e, Old: c.src[pc.s:pc.e], New: text[pc.cs:pc.ce],
			Reason: reasons[pc.reason]}
	}
	return &Result{Text: text, Changes: changes, m: offsetMap{pts: slices.Clip(c.pts)}}
}
