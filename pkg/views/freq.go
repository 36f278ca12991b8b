// Package views turns the results of the analyses into the tables the
// commands print (report.Table): one view per result, shared by every
// command that shows it (freq and merge show the same frequency table,
// analyze and merge the same overview). Views decide columns, order and
// titles; report decides how a table looks in each format.
package views

import (
	"fmt"
	"strings"

	"zhpolicy/pkg/analysis/freq"
	"zhpolicy/pkg/analysis/timeseries"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/script"
)

// FreqMeta are the JSON fields of a frequency table.
func FreqMeta(s freq.Settings, c *freq.Counts) []report.KV {
	return []report.KV{{Key: "unit", Value: freq.UnitName(s)}, {Key: "documents", Value: c.Docs},
		{Key: "units", Value: c.Units}, {Key: "distinct", Value: c.Len()}}
}

// Freq is the frequency table of counts: rank, term, count, share, docs
// (and a bar on a terminal), most frequent first.
func Freq(disp *script.Display, s freq.Settings, c *freq.Counts, minCount int64, top int) *report.Table {
	terms := c.Terms(minCount, top)
	t := &report.Table{Name: "terms",
		Title: fmt.Sprintf("%s: %s counted, %s distinct, in %s", capitalize(freq.UnitName(s)),
			report.Thousands(c.Units), report.Thousands(int64(c.Len())), Plural(c.Docs, "document")),
		Columns: []report.Column{{Name: "rank", Align: report.Right}, {Name: "term"},
			{Name: "count", Align: report.Right}, {Name: "share", Align: report.Right},
			{Name: "docs", Align: report.Right}, {Name: "", TTYOnly: true}},
		Empty: "(nothing counted)",
	}
	var top1 int64
	if len(terms) > 0 {
		top1 = terms[0].Count
	}
	for i, term := range terms {
		t.Rows = append(t.Rows, []any{i + 1, disp.Show(term.Key, term.Surface), term.Count,
			report.Share(term.Share), term.Docs, report.BarOf(term.Count, top1)})
	}
	return t
}

// DocCounts are the counts of one document, for the document × term
// matrix.
type DocCounts struct {
	Name   string
	Counts *freq.Counts
}

// Matrix is the document × term matrix: one row per document, its total,
// and one column per term (the top terms of the corpus).
func Matrix(disp *script.Display, total *freq.Counts, docs []DocCounts, minCount int64, top int) *report.Table {
	terms := total.Terms(minCount, top)
	t := &report.Table{Name: "documents",
		Columns: []report.Column{{Name: "file"}, {Name: "total", Align: report.Right}}}
	for _, term := range terms {
		t.Columns = append(t.Columns, report.Column{Name: disp.Show(term.Key, term.Surface), Align: report.Right})
	}
	for _, d := range docs {
		row := []any{d.Name, d.Counts.Units}
		for _, term := range terms {
			row = append(row, d.Counts.Get(term.Key).Count)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// Plural is "1 document", "2 documents", "1,024 documents".
func Plural(n int64, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return report.Thousands(n) + " " + what + "s"
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// MatrixJSON is the document × term matrix for JSON: the terms once (meta
// field "terms"), then per document its total and its counts — in JSON
// Lines a map of the non-zero counts by term, in JSON an array in the
// order of the terms.
func MatrixJSON(disp *script.Display, total *freq.Counts, docs []DocCounts, minCount int64, top int, lines bool) ([]report.KV, *report.Table) {
	terms := total.Terms(minCount, top)
	names := make([]string, len(terms))
	for i, term := range terms {
		names[i] = disp.Show(term.Key, term.Surface)
	}
	t := &report.Table{Name: "documents",
		Columns: []report.Column{{Name: "file"}, {Name: "total"}, {Name: "counts"}}}
	for _, d := range docs {
		var counts any
		if lines {
			m := map[string]int64{} // written with its keys sorted
			for i, term := range terms {
				if n := d.Counts.Get(term.Key).Count; n > 0 {
					m[names[i]] = n
				}
			}
			counts = m
		} else {
			a := make([]int64, len(terms))
			for i, term := range terms {
				a[i] = d.Counts.Get(term.Key).Count
			}
			counts = a
		}
		t.Rows = append(t.Rows, []any{d.Name, d.Counts.Units, report.Value(counts)})
	}
	return []report.KV{{Key: "terms", Value: report.Value(names)}}, t
}

// FreqByYear is attention over time: per year and term (the top terms of
// the corpus), the count, the documents, the count per 10,000 characters,
// and the year's documents and characters; a tidy table for R, Stata or a
// spreadsheet's pivot.
func FreqByYear(disp *script.Display, total *freq.Counts, s *timeseries.Series, minCount int64, top int) *report.Table {
	terms := total.Terms(minCount, top)
	keys := make([]string, len(terms))
	shown := map[string]string{}
	for i, t := range terms {
		keys[i] = t.Key
		shown[t.Key] = disp.Show(t.Key, t.Surface)
	}
	t := &report.Table{Name: "years", Columns: []report.Column{{Name: "year"}, {Name: "term"},
		{Name: "count", Align: report.Right}, {Name: "docs", Align: report.Right},
		{Name: "per_10k_chars", Align: report.Right},
		{Name: "year_docs", Align: report.Right}, {Name: "year_chars", Align: report.Right}},
		Empty: "(nothing counted)"}
	for _, r := range s.Tidy(keys) {
		t.Rows = append(t.Rows, []any{r.Period, shown[r.Term], r.Count, r.Docs, report.Fixed(r.Per10k, 4), r.PeriodDocs, r.PeriodChars})
	}
	return t
}
