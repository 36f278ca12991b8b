package report

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

var cols = []Column{{Name: "rank", Align: Right}, {Name: "term"}, {Name: "share", Align: Right}, {Name: "bar", TTYOnly: true}, {Name: "titles", OmitEmpty: true}}

func rows() [][]any {
	return [][]any{
		{1, "发展", Share(0.0165), BarOf(10, 10), List([]string{"省长"}, "、")},
		{2, `"改革"`, Share(0.5), BarOf(5, 10), List(nil, "、")},
	}
}

func render(t *testing.T, format string, opt Options, meta []KV, tables ...*Table) string {
	t.Helper()
	var b bytes.Buffer
	w, err := NewWriter(&b, format, opt)
	if err != nil {
		t.Fatal(err)
	}
	if meta != nil {
		w.Meta(meta...)
	}
	for _, tb := range tables {
		if err := w.Table(tb); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// The streamed JSON document is valid, indented as encoding/json indents,
// and has the shape its tables ask for.
func TestWriterJSON(t *testing.T) {
	cases := []struct {
		name   string
		meta   []KV
		tables []*Table
		want   any
	}{
		{"object", []KV{{"unit", "words"}, {"documents", 2}},
			[]*Table{{Name: "terms", Columns: cols, Rows: rows()}},
			map[string]any{"unit": "words", "documents": 2.0, "terms": []any{
				map[string]any{"rank": 1.0, "term": "发展", "share": 0.0165, "titles": []any{"省长"}},
				map[string]any{"rank": 2.0, "term": `"改革"`, "share": 0.5}}}},
		{"object, empty table", []KV{}, []*Table{{Name: "terms", Columns: cols}},
			map[string]any{"terms": []any{}}},
		{"object, two keys", []KV{{"n", 1}}, []*Table{{Name: "a", Columns: cols, Rows: rows()[:1]}, {Name: "b", Columns: cols}},
			map[string]any{"n": 1.0, "a": []any{map[string]any{"rank": 1.0, "term": "发展", "share": 0.0165, "titles": []any{"省长"}}}, "b": []any{}}},
		{"groups", nil, []*Table{
			{Name: "rows", Group: []KV{{"file", "a.txt"}}, Columns: cols, Rows: rows()[:1]},
			{Name: "rows", Group: []KV{{"file", "a.txt"}}, Columns: cols, Rows: rows()[1:]}, // a second part
			{Name: "rows", Group: []KV{{"file", "b.txt"}}, Columns: cols}},
			[]any{
				map[string]any{"file": "a.txt", "rank": 1.0, "term": "发展", "share": 0.0165, "titles": []any{"省长"}},
				map[string]any{"file": "a.txt", "rank": 2.0, "term": `"改革"`, "share": 0.5}}},
		{"rows", nil, []*Table{{Name: "x", Columns: cols, Rows: rows()[:1]}},
			[]any{map[string]any{"rank": 1.0, "term": "发展", "share": 0.0165, "titles": []any{"省长"}}}},
		{"nothing", nil, nil, []any{}},
	}
	for _, c := range cases {
		out := render(t, "json", Options{}, c.meta, c.tables...)
		var got any
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%s: invalid JSON: %v\n%s", c.name, err, out)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %#v, want %#v\n%s", c.name, got, c.want, out)
		}
		// the indentation is encoding/json's
		var buf bytes.Buffer
		if err := json.Indent(&buf, []byte(out), "", "  "); err != nil {
			t.Fatal(err)
		}
		if buf.String() != out {
			t.Errorf("%s: not indented as json.Indent would:\n%s\nwant\n%s", c.name, out, buf.String())
		}
	}
}

func TestWriterRowFormats(t *testing.T) {
	a := &Table{Name: "t", Title: "a.txt", Group: []KV{{"file", "a.txt"}}, Columns: cols, Rows: rows()}
	b := &Table{Name: "t", Title: "b.txt", Group: []KV{{"file", "b\tc.txt"}}, Columns: cols, Rows: rows()[:1], Empty: "(none)"}
	if got, want := render(t, "csv", Options{}, nil, a, b), "file,rank,term,share,titles\n"+
		"a.txt,1,发展,0.0165,省长\n"+
		`a.txt,2,"""改革""",0.5,`+"\n"+
		"b\tc.txt,1,发展,0.0165,省长\n"; got != want {
		t.Errorf("csv:\n%s\nwant\n%s", got, want)
	}
	if got := render(t, "tsv", Options{}, nil, b); !strings.Contains(got, "b c.txt\t1\t发展") {
		t.Errorf("tsv keeps one record a line: %q", got)
	}
	if got, want := render(t, "jsonl", Options{}, nil, b), `{"file":"b\tc.txt","rank":1,"term":"发展","share":0.0165,"titles":["省长"]}`+"\n"; got != want {
		t.Errorf("jsonl: %s want %s", got, want)
	}
	tty := render(t, "table", Options{TTY: true}, nil, a)
	plain := render(t, "table", Options{}, nil, a)
	if !strings.Contains(tty, "████") || strings.Contains(plain, "████") || !strings.Contains(plain, "1.65%") {
		t.Errorf("bars only on a terminal:\n%s\n%s", tty, plain)
	}
	md := render(t, "markdown", Options{}, nil, a, &Table{Name: "t", Title: "empty", Columns: cols})
	if !strings.Contains(md, "### a.txt") || !strings.Contains(md, "| ---: | --- | ---: | --- |") {
		t.Errorf("markdown:\n%s", md)
	}
	empty := render(t, "table", Options{}, nil, &Table{Columns: cols, Empty: "(none)"})
	if !strings.Contains(empty, "(none)") {
		t.Errorf("an empty table says so: %q", empty)
	}
}
