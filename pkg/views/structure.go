package views

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"zhpolicy/pkg/report"
	"zhpolicy/pkg/structure"
)

// element is one row of a document's element table.
type element struct {
	name, text   string
	start, end   int
	detail       string
	hasPositions bool
}

func fieldRow(name string, f *structure.Field, detail string) element {
	return element{name: name, text: f.Text, start: f.Start, end: f.End, detail: detail, hasPositions: true}
}

// elements lists a document's GB/T 9704 elements in their order.
func elements(d *structure.Document, m structure.Meta) []element {
	var out []element
	add := func(name string, f *structure.Field, detail string) {
		if f != nil {
			out = append(out, fieldRow(name, f, detail))
		}
	}
	add("份号", d.CopyNumber, "")
	if d.Secrecy != nil {
		add("密级", &d.Secrecy.Field, strings.TrimSpace(d.Secrecy.Level+" "+d.Secrecy.Term))
	}
	add("紧急程度", d.Urgency, "")
	add("发文机关标志", d.IssuerMark, strings.Join(d.MarkIssuers, "、"))
	if n := d.Number; n != nil {
		det := fmt.Sprintf("代字 %s, %d, 序号 %d", n.Code, n.Year, n.Seq)
		if n.Joint {
			det += ", 联合行文"
		}
		if len(n.Nonstandard) > 0 {
			det += "; nonstandard: " + strings.Join(n.Nonstandard, ", ")
		}
		add("发文字号", &n.Field, det)
	}
	for i := range d.Signers {
		add("签发人", &d.Signers[i], "")
	}
	if t := d.Title; t != nil {
		var det []string
		if t.DocType != "" {
			det = append(det, "文种 "+t.DocType)
		}
		if len(t.Issuers) > 0 {
			det = append(det, "issuers "+strings.Join(t.Issuers, "、"))
		}
		for _, f := range t.Forwards {
			det = append(det, t.Action+" 《"+f.Title+"》")
		}
		add("标题", &t.Field, strings.Join(det, "; "))
	}
	if d.Dateline != nil {
		add("题注日期", &d.Dateline.Field, d.Dateline.ISO)
	}
	if d.Addressees != nil {
		add("主送机关", d.Addressees, fmt.Sprintf("%d recipients", len(d.Recipients)))
	}
	if d.Body != nil && !d.Empty() {
		counts := map[string]int{}
		var kinds []string
		for _, h := range d.Headings {
			if counts[h.Kind] == 0 {
				kinds = append(kinds, h.Kind)
			}
			counts[h.Kind]++
		}
		var det []string
		for _, k := range kinds {
			det = append(det, fmt.Sprintf("%s×%d", k, counts[k]))
		}
		detail := "no headings"
		if len(det) > 0 {
			detail = "headings " + strings.Join(det, " ")
		}
		out = append(out, element{name: "正文", text: fmt.Sprintf("(%d bytes)", d.Body.End-d.Body.Start), start: d.Body.Start, end: d.Body.End,
			detail: detail, hasPositions: true})
	}
	if an := d.AttachmentNote; an != nil {
		var items []string
		for _, it := range an.Items {
			items = append(items, it.Text)
		}
		add("附件说明", &an.Field, strings.Join(items, " | "))
	}
	for i := range d.Signatures {
		add("发文机关署名", &d.Signatures[i], "")
	}
	if d.Date != nil {
		det := d.Date.ISO
		if !d.Date.Arabic {
			det += " (Chinese numerals)"
		}
		add("成文日期", &d.Date.Field, det)
	}
	for i := range d.Notes {
		add("附注", &d.Notes[i], "")
	}
	for _, a := range d.Attachments {
		label := a.Label
		if label == "" {
			label = "(no label)"
		}
		title := ""
		if a.Title != nil {
			title = a.Title.Text
		}
		out = append(out, element{name: "附件", text: strings.TrimSpace(label + " " + title), start: a.Start, end: a.End, hasPositions: true})
	}
	if d.CC != nil {
		add("抄送机关", d.CC, fmt.Sprintf("%d bodies", len(d.CCList)))
	}
	add("印发机关", d.PrintedBy, "")
	if d.PrintedDate != nil {
		add("印发日期", &d.PrintedDate.Field, d.PrintedDate.ISO)
	}
	if n := len(d.PageNumbers); n > 0 {
		out = append(out, element{name: "页码", text: fmt.Sprintf("%d page numbers", n)})
	}
	if n := len(d.Citations); n > 0 {
		out = append(out, element{name: "引用", text: fmt.Sprintf("%d citations", n)})
	}
	// the metadata the groupings use, with their sources
	if m.Year > 0 {
		out = append(out, element{name: "year", text: m.Date, detail: "from " + m.DateSource})
	}
	if len(m.Issuers) > 0 {
		out = append(out, element{name: "issuers", text: strings.Join(m.Issuers, "、"), detail: "from " + m.IssuerSource})
	}
	if m.DocType != "" {
		out = append(out, element{name: "doctype", text: m.DocType, detail: "from " + m.DocTypeSource})
	}
	return out
}

// Structure is one document's structure: for people the table of its
// elements (element, text, byte offsets, details); for programs the whole
// structure and its metadata as one object (JSON, JSON Lines); for
// spreadsheets one row per element.
func Structure(doc string, d *structure.Document, m structure.Meta) *View {
	group := []report.KV{{Key: "file", Value: doc}}
	els := elements(d, m)
	people := &report.Table{Name: "elements", Title: doc, Group: group, Empty: "(no structure found)",
		Columns: []report.Column{{Name: "element"}, {Name: "text"}, {Name: "start", Align: report.Right}, {Name: "end", Align: report.Right}, {Name: "detail"}}}
	flat := &report.Table{Name: "elements", Title: doc, Group: group,
		Columns: []report.Column{{Name: "element"}, {Name: "text"}, {Name: "start", Align: report.Right}, {Name: "end", Align: report.Right}, {Name: "detail"}}}
	for _, e := range els {
		s, en := "", ""
		if e.hasPositions {
			s, en = strconv.Itoa(e.start), strconv.Itoa(e.end)
		}
		people.Rows = append(people.Rows, []any{e.name, clip(e.text, 40), s, en, clip(e.detail, 40)})
		flat.Rows = append(flat.Rows, []any{e.name, e.text, s, en, e.detail})
	}
	machine := &report.Table{Name: "documents", Title: doc, Group: group,
		Columns: []report.Column{{Name: "meta"}, {Name: "structure"}},
		Rows:    [][]any{{report.Value(m), report.Value(d)}}}
	return &View{People: []*report.Table{people}, Machine: []*report.Table{machine}, Flat: flat, Lines: machine}
}

// StructureHeadings is a document's heading tree, one row per heading.
func StructureHeadings(doc string, d *structure.Document) *View {
	t := &report.Table{Name: "headings", Title: doc, Group: []report.KV{{Key: "file", Value: doc}}, Empty: "(no heading)",
		Columns: []report.Column{{Name: "part", Align: report.Right}, {Name: "section"}, {Name: "level", Align: report.Right},
			{Name: "depth", Align: report.Right}, {Name: "kind", MachineOnly: true}, {Name: "heading"}, {Name: "run_in"},
			{Name: "line", Align: report.Right}, {Name: "start", Align: report.Right}, {Name: "end", Align: report.Right},
			{Name: "nonstandard", OmitEmpty: true, MachineOnly: true}}}
	for _, h := range d.Headings {
		indent := strings.Repeat("  ", max(h.Depth-1, 0))
		t.Rows = append(t.Rows, []any{h.Part, structure.PathID(h.Path), h.Level, h.Depth, h.Kind, indent + clip(h.Text(), 40), h.RunIn, h.Line, h.Start, h.End, h.Nonstandard})
	}
	return &View{Machine: []*report.Table{t}}
}

// StructureSections is a document's sections: the coding units other
// analyses count by, with their byte ranges and sizes.
func StructureSections(doc string, secs []structure.Section) *View {
	t := &report.Table{Name: "sections", Title: doc, Group: []report.KV{{Key: "file", Value: doc}}, Empty: "(no section)",
		Columns: []report.Column{{Name: "section"}, {Name: "part", Align: report.Right}, {Name: "heading"},
			{Name: "start", Align: report.Right}, {Name: "end", Align: report.Right}, {Name: "bytes", Align: report.Right}}}
	for _, s := range secs {
		t.Rows = append(t.Rows, []any{s.ID, s.Part, clip(s.Marker+s.Title, 40), s.Start, s.End, s.End - s.Start})
	}
	return &View{Machine: []*report.Table{t}}
}

// StructureCitations is a document's citations: title, number (parsed)
// and byte offsets.
func StructureCitations(doc string, d *structure.Document) *View {
	t := &report.Table{Name: "citations", Title: doc, Group: []report.KV{{Key: "file", Value: doc}}, Empty: "(no citation)",
		Columns: []report.Column{{Name: "title"}, {Name: "number"}, {Name: "code", MachineOnly: true}, {Name: "year", MachineOnly: true},
			{Name: "seq", MachineOnly: true}, {Name: "start", Align: report.Right}, {Name: "end", Align: report.Right}}}
	for _, c := range d.Citations {
		num, code, year, seq := "", "", "", ""
		if n := c.Number; n != nil {
			num, code = n.Text, n.Code
			if n.Year > 0 {
				year = strconv.Itoa(n.Year)
			}
			seq = strconv.Itoa(n.Seq)
		}
		t.Rows = append(t.Rows, []any{c.Title, num, code, year, seq, c.Start, c.End})
	}
	return &View{Machine: []*report.Table{t}}
}

// StructureSummary is a corpus's structure by group: documents, how many
// have a title, a date, a number, signatures, joint issuers, and their
// headings and citations; then the document types, issuers and years.
func StructureSummary(s *structure.Summary) *View {
	by := s.By
	if by == "" {
		by = "corpus"
	}
	t := &report.Table{Name: "groups", Title: "Documents by " + by, Empty: "(no document)",
		Columns: []report.Column{{Name: by}, {Name: "docs", Align: report.Right}, {Name: "titled", Align: report.Right},
			{Name: "dated", Align: report.Right}, {Name: "numbered", Align: report.Right}, {Name: "signed", Align: report.Right},
			{Name: "joint", Align: report.Right}, {Name: "headings", Align: report.Right}, {Name: "citations", Align: report.Right},
			{Name: "first"}, {Name: "last"}}}
	row := func(name string, x *structure.Totals) []any {
		return []any{name, x.Docs, x.Titled, x.Dated, x.Numbered, x.Signed, x.Joint, x.Headings, x.Citations, x.First, x.Last}
	}
	if s.By == "" {
		t.Rows = append(t.Rows, row("all", &s.All))
	} else {
		for _, g := range s.GroupNames() {
			t.Rows = append(t.Rows, row(g, s.Groups[g]))
		}
	}
	v := &View{
		Meta:    []report.KV{{Key: "by", Value: s.By}, {Key: "documents", Value: s.All.Docs}},
		Machine: []*report.Table{t},
	}
	v.Machine = append(v.Machine, CorpusProfile(&s.All)...)
	v.Flat = t
	return v
}

// CorpusProfile is what a corpus's documents are: their types, their
// issuers and their years, with where the years came from. Tables without
// a row are left out.
func CorpusProfile(x *structure.Totals) []*report.Table {
	var out []*report.Table
	count := func(name, col, title string, m map[string]int64, sorted []string) {
		if len(m) == 0 {
			return
		}
		t := &report.Table{Name: name, Title: title,
			Columns: []report.Column{{Name: col}, {Name: "docs", Align: report.Right}, {Name: "share", Align: report.Right}}}
		for _, k := range sorted {
			t.Rows = append(t.Rows, []any{k, m[k], report.Share(float64(m[k]) / float64(max(x.Docs, 1)))})
		}
		out = append(out, t)
	}
	count("doctypes", "doctype", "Document types (文种, or the type of the document a notice issues)", x.DocTypes, structure.Ranked(x.DocTypes))
	count("issuers", "issuer", "Issuers (署名, 发文机关标志 or title; a joint document counts for each)", x.Issuers, structure.Ranked(x.Issuers))
	var years []string
	for y := range x.Years {
		years = append(years, y)
	}
	sort.Strings(years)
	title := "Years"
	if x.First != "" {
		title = fmt.Sprintf("Years (dates %s to %s)", x.First, x.Last)
	}
	count("years", "year", title, x.Years, years)
	var srcs []string
	for _, k := range structure.Ranked(x.DateSources) {
		name := k
		if name == "" {
			name = "unknown"
		}
		srcs = append(srcs, fmt.Sprintf("%s %d", name, x.DateSources[k]))
	}
	if len(out) > 0 && len(srcs) > 0 {
		out[len(out)-1].Footer = "dates from: " + strings.Join(srcs, ", ")
	}
	return out
}

// RenameFirstColumn names the first column of a matrix by its grouping
// (section, year, issuer, doctype, a --meta column) instead of "file".
func RenameFirstColumn(t *report.Table, name string) {
	if len(t.Columns) > 0 {
		t.Columns[0].Name = name
	}
}
