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
	tables := v.Machine
	switch format {
	case "json":
		if v.Meta != nil {
			w.Meta(v.Meta...)
		}
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
	for _, t := range tables {
		if err := w.Table(t); err != nil {
			return err
		}
	}
	return nil
}
