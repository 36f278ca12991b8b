package report

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// drawTable must draw exactly what tablewriter draws, or decline.
func TestDrawTableAsTablewriter(t *testing.T) {
	// runes of every kind a cell may hold: ASCII, CJK (wide), fullwidth and
	// CJK punctuation, Latin with accents, combining marks, zero-width
	// characters, emoji, box drawing, Hangul, a private-use rune, and the
	// ones drawTable declines (controls, escape, tab, line breaks, C1)
	pool := []rune("aZ09 -.%|发展新质生产力，。、：（）《》“”〇々ＡＢ１éüß\u0301\u200b\u200d\ufe0f😀👍🏽─│┼가한\ue000·…—")
	declined := []rune("\x1b\t\r\u0085\x7f")
	rng := rand.New(rand.NewPCG(1, 2))
	cell := func() string {
		var b strings.Builder
		for range rng.IntN(7) {
			b.WriteRune(pool[rng.IntN(len(pool))])
		}
		if rng.IntN(10) == 0 {
			b.WriteString("\n")
			for range rng.IntN(4) {
				b.WriteRune(pool[rng.IntN(len(pool))])
			}
		}
		if rng.IntN(200) == 0 {
			b.WriteRune(declined[rng.IntN(len(declined))])
		}
		return b.String()
	}
	drawn := 0
	for i := range 1000 {
		cols := 1 + rng.IntN(4)
		g := Grid{Header: make([]string, cols), Align: make([]Align, rng.IntN(cols+1))}
		for c := range cols {
			g.Header[c] = cell()
			if rng.IntN(3) > 0 {
				g.Header[c] = "h" + g.Header[c]
			}
		}
		for c := range g.Align {
			g.Align[c] = Align(rng.IntN(2))
		}
		for range rng.IntN(5) {
			n := cols
			if rng.IntN(20) == 0 {
				n = rng.IntN(cols + 2)
			}
			r := make([]string, n)
			for c := range r {
				r[c] = cell()
			}
			g.Rows = append(g.Rows, r)
		}
		var want, got bytes.Buffer
		if err := tablewriterTable(&want, g); err != nil {
			t.Fatal(err)
		}
		ok, err := drawTable(&got, g)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			if got.Len() > 0 {
				t.Fatalf("table %d: declined after writing %q", i, got.String())
			}
			continue
		}
		drawn++
		if got.String() != want.String() {
			t.Fatalf("table %d %#v:\ngot\n%s\nwant (tablewriter)\n%s", i, g, got.String(), want.String())
		}
	}
	t.Logf("%d of 1000 tables drawn by drawTable, the same bytes", drawn)
	if drawn < 500 {
		t.Errorf("only %d of 1000 tables drawn by drawTable: the comparison proves little", drawn)
	}
}

// The one range drawTable does not ask twwidth about is wide, whatever the
// process's earlier settings.
func TestRuneWidths(t *testing.T) {
	twwidth.SetEastAsian(true)
	var m widths
	// the first rune outside the range sets East Asian widths off, as
	// tablewriter.WithEastAsian(tw.Off) does for each table
	if got, ok := m.width("é"); !ok || got != 1 {
		t.Fatalf("é: %d %v", got, ok)
	}
	for r := rune(0x4e00); r <= 0x9fff; r++ {
		want := twwidth.Width(string(r))
		if got, _ := m.width(string(r)); got != want {
			t.Fatalf("%U: %d, tablewriter %d", r, got, want)
		}
	}
	// and every other rune is measured by twwidth itself
	for _, s := range []string{"😀", "\u0301", "가", "（"} {
		r, _ := utf8.DecodeRuneInString(s)
		got, ok := m.width(s)
		if !ok || got != twwidth.Width(string(r)) {
			t.Errorf("%q: %d %v, tablewriter %d", s, got, ok, twwidth.Width(s))
		}
	}
}

// benchGrid is a table like instruments' per-document units: a number, a
// code and a sentence of Chinese text a row.
func benchGrid() (Grid, int) {
	g := Grid{Header: []string{"#", "code", "unit"}, Align: []Align{Right, Left, Left}}
	size := 0
	for i := range 500 {
		r := []string{strings.Repeat("9", 1+i%3), "supply/fiscal", strings.Repeat("加快发展新质生产力，", 1+i%7)}
		for _, c := range r {
			size += len(c)
		}
		g.Rows = append(g.Rows, r)
	}
	return g, size
}

func BenchmarkTerminalTable(b *testing.B) {
	g, size := benchGrid()
	for _, bc := range []struct {
		name string
		draw func(*bytes.Buffer) error
	}{
		{"drawTable", func(w *bytes.Buffer) error { _, err := drawTable(w, g); return err }},
		{"tablewriter", func(w *bytes.Buffer) error { return tablewriterTable(w, g) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			var w bytes.Buffer
			for b.Loop() {
				w.Reset()
				if err := bc.draw(&w); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
