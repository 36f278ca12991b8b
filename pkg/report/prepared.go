package report

import (
	"bytes"
	"encoding/csv"
)

// Prepared is a table rendered ahead of its turn: on a worker, while the
// documents before it are still being written. Writing it copies bytes, so
// that the ordered output of a -j run is not one core formatting every
// table. JSON rows are rendered ahead too (what comes before them, the
// document's start, a key, the first row's comma, is settled when
// written), and so are the rows of an untitled markdown table, which
// continue the last table when it has the same name (otherwise the table
// is rendered when written, with its header).
type Prepared struct {
	table  *Table
	body   []byte // the table's output, less what depends on the writer's state
	ok     bool   // body holds the rendering
	indent string // json: the indent the rows were rendered with
}

// Prepare renders t in w's format without writing it or changing w. It reads
// only the format and options, so it is safe to call from many goroutines
// while another writes to w.
func (w *Writer) Prepare(t *Table) (*Prepared, error) {
	p := &Prepared{table: t}
	cols, idx := w.columns(t)
	var buf bytes.Buffer
	switch w.format {
	case "table":
		// what terminal writes after its separator
		tmp := &Writer{w: &buf, format: w.format, opt: w.opt}
		if err := tmp.terminal(t, cols, idx); err != nil {
			return nil, err
		}
	case "jsonl":
		tmp := &Writer{w: &buf, format: w.format, opt: w.opt}
		if err := tmp.jsonLines(t, cols, idx); err != nil {
			return nil, err
		}
	case "csv", "tsv":
		// the rows; the header, from the first table written, is added then
		cw := csv.NewWriter(&buf)
		if w.format == "tsv" {
			cw.Comma = '\t'
		}
		tmp := &Writer{w: &buf, format: w.format, opt: w.opt, cw: cw, n: 1}
		if err := tmp.csvRows(t, cols, idx); err != nil {
			return nil, err
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return nil, err
		}
	case "markdown":
		// an untitled table continues the last one of its name (see
		// markdown): its rows alone are rendered ahead; whether it does
		// continue is settled when written
		if t.Title != "" {
			return p, nil
		}
		for _, r := range t.Rows {
			row := make([]string, len(idx))
			for j, i := range idx {
				row[j] = cellAt(r, i).Text("markdown")
			}
			if err := writeMarkdownRow(&buf, row); err != nil {
				return nil, err
			}
		}
	case "json":
		// the rows, each after its comma; the indent depends on Meta,
		// which is called before the first table or not at all
		p.indent = w.jsonIndent()
		body, err := jsonRows(nil, t, cols, idx, p.indent)
		if err != nil {
			return nil, err
		}
		p.body, p.ok = body, true
		return p, nil
	default:
		return p, nil
	}
	p.body, p.ok = buf.Bytes(), true
	return p, nil
}

// WritePrepared writes p as Table would have written its table.
func (w *Writer) WritePrepared(p *Prepared) error {
	if w.err != nil {
		return w.err
	}
	if !p.ok || w.cw != nil && w.n == 0 || w.format == "json" && p.indent != w.jsonIndent() {
		// rendered when written; or the first CSV table, which brings the
		// header; or JSON prepared before Meta changed the indent
		return w.Table(p.table)
	}
	if w.format == "markdown" {
		if !(w.n > 0 && p.table.Name == w.lastName) {
			return w.Table(p.table) // not a continuation: with its header
		}
		_, w.err = w.w.Write(p.body)
		w.n++
		w.flush()
		return w.err
	}
	if w.format == "json" {
		w.err = w.jsonOpen(p.table)
		if w.err == nil {
			w.err = w.jsonBody(p.body)
		}
		w.n++
		w.flush()
		return w.err
	}
	switch w.format {
	case "table":
		if w.n > 0 {
			w.err = w.write("\n")
		}
	case "csv", "tsv":
		// rows go through w's csv.Writer buffer: flush it first so that the
		// bytes stay in order
		w.cw.Flush()
		w.err = w.cw.Error()
	}
	if w.err == nil {
		_, w.err = w.w.Write(p.body)
	}
	w.n++
	w.flush()
	return w.err
}
