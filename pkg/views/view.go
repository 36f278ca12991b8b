package views

import "zhpolicy/pkg/report"

// View is a result as each kind of reader wants it: tables for people
// (table, Markdown), a document for programs (JSON: Meta and the Machine
// tables), and one flat table for spreadsheets and streams (CSV, TSV,
// JSON Lines). A view leaves a form nil when another serves: without
// People, people see the Machine tables; without Flat, the rows of the
// Machine tables are written one table after the other.
type View struct {
	Meta    []report.KV
	People  []*report.Table
	Machine []*report.Table
	Flat    *report.Table
	// Lines, when set, is the JSON Lines table instead of Flat.
	Lines *report.Table
}

// Write writes the view in w's format.
func (v *View) Write(w *report.Writer, format string) error {
	if format == "json" && v.Meta != nil {
		w.Meta(v.Meta...)
	}
	for _, t := range v.tables(format) {
		if err := w.Table(t); err != nil {
			return err
		}
	}
	return nil
}

// tables are the tables written in format.
func (v *View) tables(format string) []*report.Table {
	tables := v.Machine
	switch format {
	case "json":
	case "jsonl":
		if v.Lines != nil {
			tables = []*report.Table{v.Lines}
		} else if v.Flat != nil {
			tables = []*report.Table{v.Flat}
		}
	case "csv", "tsv":
		if v.Flat != nil {
			tables = []*report.Table{v.Flat}
		}
	default:
		if v.People != nil {
			tables = v.People
		}
	}
	return tables
}

// Prepared is a view rendered on a worker, written later in input order
// (see report.Prepared).
type Prepared struct {
	meta   []report.KV
	tables []*report.Prepared
}

// Prepare renders the view for w (format as in Write) without writing it;
// safe to call from many goroutines while another writes to w.
func (v *View) Prepare(w *report.Writer, format string) (*Prepared, error) {
	p := &Prepared{}
	if format == "json" {
		p.meta = v.Meta
	}
	for _, t := range v.tables(format) {
		pt, err := w.Prepare(t)
		if err != nil {
			return nil, err
		}
		p.tables = append(p.tables, pt)
	}
	return p, nil
}

// Write writes the prepared view to w, as View.Write would have.
func (p *Prepared) Write(w *report.Writer) error {
	if p.meta != nil {
		w.Meta(p.meta...)
	}
	for _, t := range p.tables {
		if err := w.WritePrepared(t); err != nil {
			return err
		}
	}
	return nil
}
