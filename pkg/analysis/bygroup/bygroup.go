// Package bygroup lets the counting analyzers count by the units and the
// metadata of pkg/structure: a document's sections as documents of their
// own (freq --by section), and counts added up by a metadata value (year,
// issuer, document type, a --meta column).
package bygroup

import (
	"sort"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/analysis/freq"
	"zhpolicy/pkg/analysis/timeseries"
	"zhpolicy/pkg/segment"
	"zhpolicy/pkg/structure"
)

// SectionInput is the part of a prepared document that a section spans,
// as a document of its own (its text cut out, its tokens re-based). The
// section's offsets are those of in.Text (the structure parsed from
// in.Text, not mapped to the original).
func SectionInput(in *analysis.Input, s structure.Section) *analysis.Input {
	start, end := max(s.Start, 0), min(s.End, len(in.Text))
	if end < start {
		end = start
	}
	var toks []segment.Token
	for _, t := range in.Tokens {
		if int(t.Start) >= start && int(t.End) <= end {
			t.Start -= int32(start)
			t.End -= int32(start)
			toks = append(toks, t)
		}
	}
	return analysis.NewInput(in.Name+"#"+s.ID, in.Text[start:end], in.Script, toks)
}

// Freq is word counts by group. Add a document's counts under its group;
// Merge another Freq: the result is the same for any split and any order
// of the documents (freq.Counts merge by addition).
type Freq struct {
	groups map[string]*freq.Counts
}

// NewFreq returns empty grouped counts.
func NewFreq() *Freq { return &Freq{groups: map[string]*freq.Counts{}} }

// Add counts c under group g.
func (f *Freq) Add(g string, c *freq.Counts) {
	t := f.groups[g]
	if t == nil {
		t = freq.New()
		f.groups[g] = t
	}
	t.Merge(c)
}

// Merge adds o into f.
func (f *Freq) Merge(o *Freq) {
	for g, c := range o.groups {
		f.Add(g, c)
	}
}

// Groups lists the groups in order (numbers and names as text, the
// unknown group last).
func (f *Freq) Groups() []string {
	var out []string
	for g := range f.groups {
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a == structure.Unknown) != (b == structure.Unknown) {
			return b == structure.Unknown
		}
		return a < b
	})
	return out
}

// Get returns the counts of a group (nil when it has none).
func (f *Freq) Get(g string) *freq.Counts { return f.groups[g] }

// Resolver finds documents' metadata the way the commands do: a --meta
// CSV row first, then the document's own structure, then its file name
// (the resolver's FromName, else timeseries.DateInName). Dates is the
// resolver the commands build from --meta and --date-from-name
// (cmdutil.DateFlags); nil: none.
type Resolver struct {
	Dates *timeseries.Resolver
}

// Of resolves one document's metadata.
func (r *Resolver) Of(d *structure.Document, name string) structure.Meta {
	fromName := func(p string) (int, int, int, bool) {
		dt, ok := timeseries.DateInName(p)
		return dt.Year, dt.Month, dt.Day, ok
	}
	var row map[string]string
	if r != nil && r.Dates != nil {
		if fn := r.Dates.FromName; fn != nil {
			fromName = func(p string) (int, int, int, bool) {
				dt, ok := fn(p)
				return dt.Year, dt.Month, dt.Day, ok
			}
		}
		row, _ = r.Dates.Meta.Row(name)
	}
	return structure.MetaOf(d, name, structure.MetaOptions{Row: row, FromName: fromName})
}

// MetaColumns are the --by dimensions that must be columns of a --meta
// CSV: those that are neither doc, year, section nor a dimension of the
// documents' structure.
func MetaColumns(by []string) []string {
	var out []string
	for _, b := range by {
		if b != "doc" && b != "year" && b != "section" && !Dimension(b) {
			out = append(out, b)
		}
	}
	return out
}

// Dimension reports whether a --by name is a dimension of the documents'
// structure (issuer, doctype), as against a --meta column.
func Dimension(by string) bool { return by == "issuer" || by == "doctype" }
