package report

import (
	"bytes"
	"testing"
)

// Tables prepared ahead (as -j workers do) and written in order give the
// same bytes as the tables written directly, in every format, including a
// first table without rows and cells that need quoting.
func TestPreparedEqualsTable(t *testing.T) {
	tables := func() []*Table {
		cols := []Column{{Name: "term"}, {Name: "n", Align: Right}, {Name: "bar", TTYOnly: true}, {Name: "note", OmitEmpty: true}}
		return []*Table{
			{Name: "terms", Title: "a.txt", Group: []KV{{"file", "a.txt"}}, Columns: cols, Empty: "(none)"},
			{Name: "terms", Title: "b.txt", Group: []KV{{"file", "b.txt"}}, Columns: cols,
				Rows: [][]any{{"发展", 3, "###", ""}, {"a,\"b\"\tc", 1, "#", "x\ny"}}, Footer: "2 terms"},
			{Name: "terms", Title: "c.txt", Group: []KV{{"file", "c.txt"}}, Columns: cols,
				Rows: [][]any{{"改革", 2.5, "##", ""}}},
		}
	}
	for _, format := range Formats {
		for _, tty := range []bool{false, true} {
			var direct, prepared bytes.Buffer
			dw, _ := NewWriter(&direct, format, Options{TTY: tty})
			for _, tb := range tables() {
				if err := dw.Table(tb); err != nil {
					t.Fatal(err)
				}
			}
			if err := dw.Close(); err != nil {
				t.Fatal(err)
			}
			pw, _ := NewWriter(&prepared, format, Options{TTY: tty})
			var ps []*Prepared
			for _, tb := range tables() {
				p, err := pw.Prepare(tb)
				if err != nil {
					t.Fatal(err)
				}
				ps = append(ps, p)
			}
			for _, p := range ps {
				if err := pw.WritePrepared(p); err != nil {
					t.Fatal(err)
				}
			}
			if err := pw.Close(); err != nil {
				t.Fatal(err)
			}
			if direct.Len() == 0 {
				t.Fatalf("%s: no output", format)
			}
			if direct.String() != prepared.String() {
				t.Errorf("%s tty=%v: prepared output differs\n--- direct\n%s\n--- prepared\n%s", format, tty, direct.String(), prepared.String())
			}
		}
	}
}
