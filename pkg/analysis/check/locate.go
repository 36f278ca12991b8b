package check

import (
	"sort"
	"unicode/utf8"
)

// locator turns byte offsets of a text into lines and character columns.
type locator struct {
	text  string
	lines []int // byte offset of the start of every line
}

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
	return i + 1, utf8.RuneCountInString(l.text[start:off]) + 1
}

// lineOf returns the 1-based line of byte offset off.
func (l *locator) lineOf(off int) int {
	off = max(0, min(off, len(l.text)))
	return sort.Search(len(l.lines), func(i int) bool { return l.lines[i] > off })
}

// lineStart returns the byte offset where 1-based line n starts.
func (l *locator) lineStart(n int) int {
	if n < 1 {
		return 0
	}
	if n > len(l.lines) {
		return len(l.text)
	}
	return l.lines[n-1]
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
