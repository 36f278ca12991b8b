package check

import (
	"sort"
	"unicode/utf8"
)

// locator turns byte offsets of a text into lines and character columns.
type locator struct {
	text  string
	lines []int // byte offset of the start of every line
	// cps are checkpoints every cpStride bytes or so: the number of runes
	// before a rune boundary. They are built on the first column asked for
	// far from the start of its line, so that locating the findings of a
	// very long line costs each a bounded count, not one from the line start.
	cps []checkpoint
	// last is the last count made: rules report in order of position, so
	// the next one usually counts on from it.
	last checkpoint
	// lineBase is the number of lines before text in its document (a part
	// of a document checked in parts): lines are reported in the document.
	lineBase int
}

type checkpoint struct{ off, runes int }

const cpStride = 1024

func newLocator(text string) *locator {
	l := &locator{text: text, lines: make([]int, 1, 1+len(text)/40)}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			l.lines = append(l.lines, i+1)
		}
	}
	return l
}

// position returns the 1-based line and character column of byte offset off.
func (l *locator) position(off int) (line, col int) {
	off = max(0, min(off, len(l.text)))
	i := sort.Search(len(l.lines), func(i int) bool { return l.lines[i] > off }) - 1
	start := l.lines[i]
	if off-start <= 2*cpStride {
		return l.lineBase + i + 1, utf8.RuneCountInString(l.text[start:off]) + 1
	}
	return l.lineBase + i + 1, l.runesBefore(off) - l.runesBefore(start) + 1
}

// runesBefore returns utf8.RuneCountInString(l.text[:off]) from the nearest
// checkpoint. Checkpoints and line starts are boundaries of the decoding
// from the start of the text (a '\n' is never inside an invalid sequence),
// so counts from them add up to counts from the line start.
func (l *locator) runesBefore(off int) int {
	if l.cps == nil {
		l.cps = make([]checkpoint, 1, 1+len(l.text)/cpStride)
		runes, next := 0, cpStride
		for i := 0; i < len(l.text); runes++ {
			if i >= next {
				l.cps = append(l.cps, checkpoint{i, runes})
				next = i + cpStride
			}
			if l.text[i] < utf8.RuneSelf {
				i++
				continue
			}
			_, n := utf8.DecodeRuneInString(l.text[i:])
			i += n
		}
	}
	cp := l.last
	if off < cp.off || off-cp.off > cpStride {
		j := sort.Search(len(l.cps), func(j int) bool { return l.cps[j].off > off }) - 1
		cp = l.cps[j]
	}
	n := cp.runes + utf8.RuneCountInString(l.text[cp.off:off])
	if off > cp.off && (off == len(l.text) || utf8.RuneStart(l.text[off])) {
		l.last = checkpoint{off, n}
	}
	return n
}

// lineOf returns the 1-based line of byte offset off.
func (l *locator) lineOf(off int) int {
	off = max(0, min(off, len(l.text)))
	return l.lineBase + sort.Search(len(l.lines), func(i int) bool { return l.lines[i] > off })
}

// finding builds a finding over text[start:end].
func (l *locator) finding(rule string, start, end int, msg string) Finding {
	f := Finding{Rule: rule, Offset: start, EndOffset: end, Message: msg}
	f.Line, f.Column = l.position(start)
	f.EndLine, f.EndColumn = l.position(end)
	if end > start && end <= len(l.text) {
		f.Text = l.text[start:end]
	}
	return f
}

// documentFinding is a finding about the whole file, placed at 1:1.
func documentFinding(rule, msg string) Finding {
	return Finding{Rule: rule, Line: 1, Column: 1, EndLine: 1, EndColumn: 1, Message: msg}
}
