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

// Untitled tables that continue one another (segment's stream: markdown
// writes their rows under the first one's header), a table of another name
// between them, and a JSON document with Meta: prepared and direct output
// are the same bytes.
func TestPreparedEqualsTableStreams(t *testing.T) {
	cols := []Column{{Name: "text"}, {Name: "start", Align: Right}, {Name: "original", OmitEmpty: true}}
	tables := func() []*Table {
		return []*Table{
			{Name: "tokens", Group: []KV{{"file", "a.txt"}}, Columns: cols},
			{Name: "tokens", Group: []KV{{"file", "a.txt"}}, Columns: cols, Rows: [][]any{{"发展", 0, ""}, {"|x|", 6, "x"}}},
			{Name: "tokens", Group: []KV{{"file", "b.txt"}}, Columns: cols, Rows: [][]any{{"改革", 0, "改革"}}},
			{Name: "other", Columns: cols, Rows: [][]any{{"a", 1, ""}}},
			{Name: "tokens", Group: []KV{{"file", "c.txt"}}, Columns: cols, Rows: [][]any{{"\u2028", 3, "\xff"}}},
		}
	}
	for _, format := range Formats {
		for _, meta := range []bool{false, true} {
			write := func(prepare bool) string {
				var b bytes.Buffer
				w, _ := NewWriter(&b, format, Options{})
				if meta {
					w.Meta(KV{"total", 3})
				}
				var ps []*Prepared
				for _, tb := range tables() {
					if !prepare {
						if err := w.Table(tb); err != nil {
							t.Fatal(err)
						}
						continue
					}
					p, err := w.Prepare(tb)
					if err != nil {
						t.Fatal(err)
					}
					ps = append(ps, p)
				}
				for _, p := range ps {
					if err := w.WritePrepared(p); err != nil {
						t.Fatal(err)
					}
				}
				if err := w.Close(); err != nil {
					t.Fatal(err)
				}
				return b.String()
			}
			if d, p := write(false), write(true); d != p {
				t.Errorf("%s meta=%v: prepared output differs\n--- direct\n%s\n--- prepared\n%s", format, meta, d, p)
			}
		}
	}
}
