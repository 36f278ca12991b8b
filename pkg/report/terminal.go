package report

import (
	"io"
	"strings"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// drawTable writes the box-drawn table of t (no title, no footer) as
// tablewriter draws it with the options of writeTerminal, when t is plain:
// a header and at least one row, every row as long as the header, every
// header cell at least one column wide, and no control character or
// invalid UTF-8 in any cell. It says false, having written nothing, for
// any other table, which tablewriter then draws.
//
// Why not tablewriter always: it measures every cell through a width cache
// shared by the whole process behind two mutexes, which per-document
// tables rendered on -j workers contend for (instruments -j 2 used 9–15%
// more CPU than -j 1), and it costs about half of instruments' CPU. This
// draws the same bytes (TestDrawTableAsTablewriter compares the two on
// random tables, and every terminal golden goes through it) several times
// faster, with no shared state.
func drawTable(w io.Writer, t Grid) (bool, error) {
	n := len(t.Header)
	if n == 0 || len(t.Rows) == 0 {
		return false, nil
	}
	var m widths
	cols := make([]int, n)
	for i, h := range t.Header {
		wd, ok := m.width(h)
		if !ok || wd == 0 {
			return false, nil
		}
		cols[i] = wd
	}
	// each row's cells, cut at line breaks into lines (a row is as many
	// lines high as its highest cell), and their widths
	var lines []line
	rowCells := make([][][]line, len(t.Rows))
	for ri, r := range t.Rows {
		if len(r) != n {
			return false, nil
		}
		rowCells[ri] = make([][]line, n)
		for i, c := range r {
			start := len(lines)
			for {
				text, rest, more := strings.Cut(c, "\n")
				wd, ok := m.width(text)
				if !ok {
					return false, nil
				}
				lines = append(lines, line{text, wd})
				cols[i] = max(cols[i], wd)
				if !more {
					break
				}
				c = rest
			}
			rowCells[ri][i] = lines[start:len(lines):len(lines)]
		}
	}
	var b strings.Builder
	size := 0
	for _, c := range cols {
		size += c + 3
	}
	b.Grow((len(t.Rows) + 4) * (size + 4) * 2)
	rule := func(left, mid, right string) {
		b.WriteString(left)
		for i, c := range cols {
			if i > 0 {
				b.WriteString(mid)
			}
			b.WriteString(strings.Repeat("─", c+2))
		}
		b.WriteString(right)
		b.WriteByte('\n')
	}
	pad := func(k int) {
		for k > 0 {
			n := min(k, len(spaces))
			b.WriteString(spaces[:n])
			k -= n
		}
	}
	rule("┌", "┬", "┐")
	b.WriteString("│")
	for i, h := range t.Header {
		b.WriteByte(' ')
		b.WriteString(h)
		pad(cols[i] - cells0(&m, h) + 1)
		b.WriteString("│")
	}
	b.WriteByte('\n')
	rule("├", "┼", "┤")
	for _, r := range rowCells {
		height := 1
		for _, c := range r {
			height = max(height, len(c))
		}
		for k := range height {
			if k > 0 && blank(r, k) {
				continue // tablewriter leaves out a row's later lines with nothing in them
			}
			b.WriteString("│")
			for i, c := range r {
				var l line
				if k < len(c) {
					l = c[k]
				}
				gap := cols[i] - l.width
				b.WriteByte(' ')
				if i < len(t.Align) && t.Align[i] == Right {
					pad(gap)
					b.WriteString(l.text)
				} else {
					b.WriteString(l.text)
					pad(gap)
				}
				b.WriteString(" │")
			}
			b.WriteByte('\n')
		}
	}
	rule("└", "┴", "┘")
	_, err := io.WriteString(w, b.String())
	return true, err
}

// line is one line of a cell, and its display width.
type line struct {
	text  string
	width int
}

// spaces pad cells.
const spaces = "                                                                "

// blank says whether line k of a row's cells is empty in every cell.
func blank(r [][]line, k int) bool {
	for _, c := range r {
		if k < len(c) && c[k].text != "" {
			return false
		}
	}
	return true
}

// cells0 is the width of a header cell already measured once.
func cells0(m *widths, s string) int {
	wd, _ := m.width(s)
	return wd
}

// widths measures display widths as tablewriter does (twwidth.Width, with
// East Asian widths off: writeTerminal's option), one rune at a time: the
// width of a string is the sum of its runes' (twwidth.Width sums them), so
// each distinct rune is asked of twwidth once per table, not each cell.
type widths struct {
	set  bool
	rune map[rune]int
}

// width is the display width of s, and false when s holds a control
// character, invalid UTF-8, or a rune of negative width: cells that
// tablewriter treats in ways of its own (escape sequences, line breaks,
// tabs).
func (m *widths) width(s string) (int, bool) {
	total := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return 0, false
			}
			total++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1, r < 0xa0:
			return 0, false
		case r >= 0x4e00 && r <= 0x9fff: // CJK Unified Ideographs: wide (TestRuneWidths)
			total += 2
		default:
			wd, ok := m.rune[r]
			if !ok {
				if !m.set {
					// what tablewriter.WithEastAsian(tw.Off) sets for each table
					twwidth.SetEastAsian(false)
					m.set = true
					m.rune = map[rune]int{}
				}
				wd = twwidth.Width(string(r))
				m.rune[r] = wd
			}
			if wd < 0 {
				return 0, false
			}
			total += wd
		}
	}
	return total, true
}
