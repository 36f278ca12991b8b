package views

import (
	"fmt"
	"slices"

	kw "zhpolicy/pkg/analysis/keywords"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/script"
)

// keywordColumns are the columns of a document's keywords: the keywords,
// then (names ranked apart) its names, each list ranked from 1; name is
// the entity type of a name; start and end locate the first occurrence in
// the text the user gave (machine formats only).
var keywordColumns = []report.Column{{Name: "rank", Align: report.Right}, {Name: "keyword"},
	{Name: "score", Align: report.Right}, {Name: "count", Align: report.Right},
	{Name: "name", OmitEmpty: true}, {Name: "start", MachineOnly: true}, {Name: "end", MachineOnly: true}}

// Span maps a byte range of a document's cleaned text to the text the
// user gave (corpus.Doc.OriginalSpan).
type Span func(start, end int) (int, int)

// KeywordsDoc is the view of one document's keywords (and names, when they
// are ranked apart): for people a table of keywords and one of names, for
// programs one table with the names after the keywords.
func KeywordsDoc(file string, kws, names []kw.Keyword, disp *script.Display, span Span) *View {
	group := []report.KV{{Key: "file", Value: file}}
	rows := func(list []kw.Keyword, name bool) [][]any {
		out := make([][]any, len(list))
		for i, k := range list {
			s, e := k.Start, k.End
			if span != nil {
				s, e = span(s, e)
			}
			out[i] = []any{i + 1, disp.Show(k.Key, k.Surface), report.Score(k.Score), k.Count, string(k.Name), s, e}
			if !name {
				out[i] = slices.Delete(out[i], 4, 5)
			}
		}
		return out
	}
	all := &report.Table{Name: "keywords", Title: file, Group: group, Columns: keywordColumns, Empty: "(no keywords)",
		Rows: append(rows(kws, true), rows(names, true)...)}
	v := &View{Machine: []*report.Table{all}}
	if names != nil {
		// apart: the keywords have no name column
		plain := slices.Delete(slices.Clone(keywordColumns), 4, 5)
		v.People = []*report.Table{
			{Name: "keywords", Title: file, Group: group, Columns: plain, Empty: "(no keywords)", Rows: rows(kws, false)},
			{Name: "names", Title: file + " — names of places, organisations and people", Group: group, Columns: keywordColumns, Empty: "(no names)", Rows: rows(names, true)},
		}
	}
	return v
}

// KeynessDoc is one document of a corpus: what distinguishes it from the
// reference (the rest of the corpus, or the background).
type KeynessDoc struct {
	File  string
	Terms []kw.KeyTerm
	Span  Span
}

// KeywordsCorpus is the view of `keywords --corpus`: what the corpus is
// about (its keywords by their mean score, and its names when they are
// ranked apart), then, per document, the terms that distinguish it from
// the reference, by keyness. reference names the reference ("the rest of
// the corpus", "the policy background"). In CSV, TSV and JSON Lines
// everything is one table with a section column.
func KeywordsCorpus(c *kw.Corpus, which kw.Which, names bool, docs []KeynessDoc, reference string, disp *script.Display, top int) *View {
	v := &View{Meta: []report.KV{{Key: "documents", Value: c.Docs()}, {Key: "keyness_reference", Value: reference}}}
	flat := &report.Table{Name: "rows", Columns: []report.Column{{Name: "section"}, {Name: "file", OmitEmpty: true},
		{Name: "rank", Align: report.Right}, {Name: "keyword"}, {Name: "docs", Align: report.Right, OmitEmpty: true},
		{Name: "count", Align: report.Right}, {Name: "ref_count", Align: report.Right, OmitEmpty: true},
		{Name: "score", Align: report.Right, OmitEmpty: true}, {Name: "g2", Align: report.Right, OmitEmpty: true},
		{Name: "log_ratio", Align: report.Right, OmitEmpty: true}, {Name: "name", OmitEmpty: true},
		{Name: "start", MachineOnly: true, OmitEmpty: true}, {Name: "end", MachineOnly: true, OmitEmpty: true}}}
	v.Flat = flat
	rankCols := []report.Column{{Name: "rank", Align: report.Right}, {Name: "keyword"}, {Name: "docs", Align: report.Right},
		{Name: "count", Align: report.Right}, {Name: "score", Align: report.Right}, {Name: "name", OmitEmpty: true}}
	ranking := func(name, title, section string, list []kw.CorpusKeyword) *report.Table {
		t := &report.Table{Name: name, Title: title, Columns: rankCols, Empty: "(none)"}
		for i, k := range list {
			t.Rows = append(t.Rows, []any{i + 1, disp.Show(k.Key, k.Surface), k.Docs, k.Count, report.Score(k.Score), string(k.Name)})
			flat.Rows = append(flat.Rows, []any{section, "", i + 1, disp.Show(k.Key, k.Surface), k.Docs, k.Count, "",
				report.Score(k.Score), "", "", string(k.Name), "", ""})
		}
		return t
	}
	about := ranking("keywords", fmt.Sprintf("What the corpus is about: keywords of its %d documents (mean score over all documents)", c.Docs()),
		"corpus", c.Ranking(top, which))
	v.Machine = append(v.Machine, about)
	if names {
		v.Machine = append(v.Machine, ranking("names", "Names of places, organisations and people", "names", c.Ranking(top, kw.NamesOnly)))
	}
	keyCols := []report.Column{{Name: "rank", Align: report.Right}, {Name: "keyword"}, {Name: "count", Align: report.Right},
		{Name: "ref_count", Align: report.Right}, {Name: "g2", Align: report.Right}, {Name: "log_ratio", Align: report.Right},
		{Name: "name", OmitEmpty: true}, {Name: "start", MachineOnly: true}, {Name: "end", MachineOnly: true}}
	dist := &report.Table{Name: "distinctive", Columns: append([]report.Column{{Name: "file"}}, keyCols...)}
	for _, d := range docs {
		t := &report.Table{Name: "distinctive", Title: fmt.Sprintf("%s — what distinguishes it from %s (G², log ratio)", d.File, reference),
			Group: []report.KV{{Key: "file", Value: d.File}}, Columns: keyCols, Empty: "(nothing significant)"}
		for i, k := range d.Terms {
			s, e := k.Start, k.End
			if d.Span != nil {
				s, e = d.Span(s, e)
			}
			row := []any{i + 1, disp.Show(k.Key, k.Surface), k.Count, k.RefCount, report.Fixed(k.G2, 1),
				report.Fixed(k.LogRatio, 2), string(k.Name), s, e}
			t.Rows = append(t.Rows, row)
			dist.Rows = append(dist.Rows, append([]any{d.File}, row...))
			flat.Rows = append(flat.Rows, []any{"distinctive", d.File, i + 1, disp.Show(k.Key, k.Surface), "", k.Count, k.RefCount,
				"", report.Fixed(k.G2, 1), report.Fixed(k.LogRatio, 2), string(k.Name), s, e})
		}
		v.People = append(v.People, t)
	}
	v.People = append(append([]*report.Table{}, v.Machine...), v.People...)
	v.Machine = append(v.Machine, dist)
	return v
}
