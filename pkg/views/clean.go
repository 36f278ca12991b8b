package views

import (
	"fmt"

	"zhpolicy/pkg/normalize"
	"zhpolicy/pkg/report"
)

// CleanChangeColumns are the columns of `clean --list`: what cleaning changed, where in the
// decoded input, and for boilerplate why.
var cleanChangeColumns = []report.Column{{Name: "file"}, {Name: "kind"}, {Name: "reason"}, {Name: "start", Align: report.Right},
	{Name: "end", Align: report.Right}, {Name: "old"}, {Name: "new"}}

// cleanMetaColumns are the columns of `clean --meta`.
var cleanMetaColumns = []report.Column{{Name: "file"}, {Name: "kind"}, {Name: "start", Align: report.Right},
	{Name: "end", Align: report.Right}, {Name: "text"}}

// CleanChanges is the table of what cleaning changed in one document (name), positions in
// the decoded input. human shows invisible characters by their code point.
func CleanChanges(name string, changes []normalize.Change, human bool) *report.Table {
	t := &report.Table{Name: "changes", Columns: cleanChangeColumns}
	for _, c := range changes {
		old, new := c.Old, c.New
		if human {
			old, new = Visible(old), Visible(new)
		}
		t.Rows = append(t.Rows, []any{name, string(c.Kind), string(c.Reason), c.Start, c.End, old, new})
	}
	return t
}

// CleanMeta is the table of the metadata cleaning marked in one document (name): r is the
// cleaning of its decoded input; positions are in that input.
func CleanMeta(name string, r *normalize.Result) *report.Table {
	t := &report.Table{Name: "meta", Columns: cleanMetaColumns}
	for _, m := range r.Meta {
		s, e := r.Span(m.Start, m.End)
		t.Rows = append(t.Rows, []any{name, string(m.Kind), s, e, r.Text[m.Start:m.End]})
	}
	return t
}

// Visible shows invisible characters by their code point, for tables people read.
func Visible(s string) string {
	var b []byte
	for _, r := range s {
		switch {
		case r == '\n':
			b = append(b, `\n`...)
		case r == '\r':
			b = append(b, `\r`...)
		case r == '\t':
			b = append(b, `\t`...)
		case r < 0x20 || (r >= 0x200B && r <= 0x200F) || r == 0xFEFF || r == 0xAD || (r >= 0x202A && r <= 0x202E) || (r >= 0x2060 && r <= 0x2069) || r == 0xA0 || r == 0x3000 || (r >= 0x2000 && r <= 0x200A) || r == 0x202F || r == 0x205F:
			// as check names them (U+200B): four upper-case digits, so
			// that a letter after the code point does not read as one
			// more digit (U+a0 before b read U+a0b)
			b = fmt.Appendf(b, "U+%04X", r)
		default:
			b = append(b, string(r)...)
		}
	}
	return string(b)
}
