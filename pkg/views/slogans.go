package views

import (
	"fmt"

	"zhpolicy/pkg/analysis/slogans"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/script"
)

// SlogansCorpus is the table of formulations counted over a corpus
// (`slogans --corpus`, and `merge` of slogans partials): entries as
// slogans.Corpus.Select gives them; context adds the snippet column.
func SlogansCorpus(disp *script.Display, entries []slogans.CorpusEntry, context bool) *report.Table {
	cols := []report.Column{{Name: "formulation", Key: "text"}, {Name: "key", JSONOnly: true}, {Name: "kind"},
		{Name: "count", Align: report.Right}, {Name: "quoted", Align: report.Right}, {Name: "bare", Align: report.Right},
		{Name: "docs", Align: report.Right}, {Name: "first"}, {Name: "first_date", JSONOnly: true, OmitEmpty: true}, {Name: "last"},
		{Name: "new"}, {Name: "members", OmitEmpty: true}, {Name: "gloss", JSONOnly: true, OmitEmpty: true},
		{Name: "novelty", JSONOnly: true}, {Name: "forms", JSONOnly: true, OmitEmpty: true}}
	if context {
		cols = append(cols, report.Column{Name: "context"})
	}
	t := &report.Table{Name: "formulations", Columns: cols}
	for _, e := range entries {
		row := []any{disp.Show(e.Key, e.Surface()), e.Key, string(e.Kind), e.Count, e.Quoted, e.Bare, e.Docs, e.First, e.FirstDate, e.Last,
			report.Flag(e.New, "new"), report.List(SloganMembers(disp, e.Members, e.FirstOccurrence.Members), " | "), e.Gloss,
			report.Value(e.Novelty), SloganForms(disp, e.Key, e.Forms)}
		if context {
			row = append(row, disp.ShowText(e.Context))
		}
		t.Rows = append(t.Rows, row)
	}
	t.Footer = fmt.Sprintf("%d formulations", len(t.Rows))
	return t
}

// SloganMembers gives the members of a series as displayed: the keys,
// shown in the document's writing (written) where known. A series of the
// lexicon found by an alias that joins members (马克思列宁主义、毛泽东思想 for
// 马克思主义、列宁主义、毛泽东思想) has other members than its keys: they are
// shown as the document writes them.
func SloganMembers(disp *script.Display, keys, written []string) []string {
	if len(keys) == 0 {
		return nil
	}
	if len(written) > 0 && len(written) != len(keys) {
		out := make([]string, len(written))
		for i, w := range written {
			out[i] = disp.ShowText(w)
		}
		return out
	}
	out := make([]string, len(keys))
	for i, k := range keys {
		w := k
		if i < len(written) {
			w = written[i]
		}
		out[i] = disp.Show(k, w)
	}
	return out
}

// SloganForms gives the written forms of a formulation as displayed (a JSON
// value; "" when none).
func SloganForms(disp *script.Display, key string, fs []slogans.Form) any {
	var out []slogans.Form
	for _, fm := range fs {
		out = append(out, slogans.Form{Text: disp.Show(key, fm.Text), Count: fm.Count})
	}
	if out == nil {
		return ""
	}
	return report.Value(out)
}
