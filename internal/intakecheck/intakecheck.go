// Package intakecheck compares the text a reader extracted from a fixture
// of ../shared/bench/intake with the fixture's expected lines, by the
// rules of that folder's README: both sides decoded as UTF-8 without BOM
// and CRLF, page-number lines (dashes around a number) dropped, full-width
// digits made ASCII, and all spaces, tabs, form feeds, U+3000 and NBSP
// deleted; then every non-blank expected line must occur in the output.
// Three counts, each stricter than the last: "joined" (in the output with
// its line breaks deleted too, as the README's own checks of pdftotext
// did), "found" (within one output line) and "exact" (equal to a whole
// output line: the paragraphs were rebuilt). Lines of *.lines.txt count
// as a multiset.
package intakecheck

import (
	"bufio"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Fixture is one row of manifest.tsv.
type Fixture struct {
	File     string // path relative to the intake folder
	Format   string
	Expect   string // text, lines, no_text_layer, error, text_or_error
	Expected string // expected file, relative; "" if none
	Note     string
}

// Manifest reads dir/manifest.tsv.
func Manifest(dir string) ([]Fixture, error) {
	f, err := os.Open(filepath.Join(dir, "manifest.tsv"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReader(f))
	r.Comma = '\t'
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	var out []Fixture
	for first := true; ; first = false {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if first || len(rec) < 3 {
			continue
		}
		fx := Fixture{File: rec[0], Format: rec[1], Expect: rec[2]}
		if len(rec) > 3 {
			fx.Expected = rec[3]
		}
		if len(rec) > 4 {
			fx.Note = rec[4]
		}
		out = append(out, fx)
	}
}

// Result of comparing one output with its expected lines.
type Result struct {
	Lines   int      // non-blank expected lines
	Joined  int      // found in the output with line breaks deleted
	Found   int      // found in one output line
	Exact   int      // equal to a whole output line
	Missing []string // expected lines not found
}

// Normalize applies the README's rules to one line.
func Normalize(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t' || r == '\f' || r == '\r' || r == '\u3000' || r == '\u00A0':
			continue
		case r >= '０' && r <= '９':
			r = r - '０' + '0'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isPageLine: only dashes around a number.
func isPageLine(s string) bool {
	t := Normalize(s)
	i := 0
	dash := func() int {
		n := 0
		for i < len(t) {
			r, size := utf8.DecodeRuneInString(t[i:])
			if r != '-' && r != '—' && r != '–' && r != '－' {
				break
			}
			i += size
			n++
		}
		return n
	}
	a := dash()
	d := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
		d++
	}
	b := dash()
	return a > 0 && b > 0 && d > 0 && i == len(t)
}

func lines(text string) []string {
	text = strings.ReplaceAll(strings.TrimPrefix(text, "\uFEFF"), "\r\n", "\n")
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if isPageLine(l) {
			continue
		}
		if n := Normalize(l); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// Compare checks output against the expected text; multiset counts each
// expected line once per occurrence (for *.lines.txt).
func Compare(output, expected string, multiset bool) Result {
	got := lines(output)
	want := lines(expected)
	res := Result{Lines: len(want)}
	all := strings.Join(got, "")
	joinedUsed := map[string]int{}
	for _, w := range want {
		if c := strings.Count(all, w); c > joinedUsed[w] || !multiset && c > 0 {
			joinedUsed[w]++
			res.Joined++
		}
	}
	type use struct {
		line int
		want string
	}
	used := map[use]int{} // occurrences of an expected line already matched in each output line
	exactUsed := make([]bool, len(got))
	for _, w := range want {
		found := false
		for i, g := range got {
			c := strings.Count(g, w)
			if c == 0 {
				continue
			}
			if multiset {
				k := use{i, w}
				if used[k] >= c {
					continue
				}
				used[k]++
			}
			found = true
			break
		}
		if found {
			res.Found++
		} else {
			res.Missing = append(res.Missing, w)
		}
		for i, g := range got {
			if g == w && !exactUsed[i] {
				exactUsed[i] = true
				res.Exact++
				break
			}
		}
	}
	return res
}
