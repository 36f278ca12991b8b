package views

import (
	"fmt"
	"slices"
	"strings"

	"zhpolicy/pkg/analysis/overview"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/script"
)

// Overview is what `zhpolicy analyze` shows of a summary, top items per
// section: for people the corpus description and one table per section
// (top words, keywords, formulations, entities); in JSON the description's
// fields and the sections; in CSV, TSV and JSON Lines everything in one
// table with a section column.
func Overview(s *overview.Summary, disp *script.Display, top int) *View {
	v := &View{}
	v.Meta = []report.KV{{Key: "documents", Value: s.Docs}, {Key: "bytes", Value: s.Bytes},
		{Key: "characters", Value: s.Chars}, {Key: "chinese_characters", Value: s.Han}, {Key: "words", Value: s.Tokens},
		{Key: "scripts", Value: report.Value(orEmpty(s.Scripts))}, {Key: "encodings", Value: report.Value(orEmpty(s.Encodings))},
		{Key: "formats", Value: report.Value(orEmpty(s.Formats))}}

	t := report.Thousands
	chars := t(s.Chars)
	if s.Chars > 0 {
		chars += fmt.Sprintf(" (Chinese %s, %.0f%%)", t(s.Han), 100*float64(s.Han)/float64(s.Chars))
	}
	corpus := &report.Table{Name: "corpus", Title: "Corpus",
		Columns: []report.Column{{Name: ""}, {Name: ""}},
		Rows: [][]any{{"documents", t(s.Docs)}, {"size", report.Size(s.Bytes)}, {"characters", chars},
			{"words", t(s.Tokens)}, {"scripts", mix(s.Scripts)}, {"encodings", mix(s.Encodings)}, {"formats", mix(s.Formats)}}}

	flat := &report.Table{Name: "rows", Columns: []report.Column{{Name: "section"}, {Name: "rank", OmitEmpty: true},
		{Name: "item"}, {Name: "type", OmitEmpty: true}, {Name: "count"}, {Name: "docs", OmitEmpty: true}, {Name: "share", OmitEmpty: true}, {Name: "score", OmitEmpty: true},
		{Name: "new", OmitEmpty: true}}}
	v.Flat = flat
	blank := func(n int64) any {
		if n == 0 {
			return ""
		}
		return n
	}
	for _, kv := range v.Meta[:5] { // documents … words
		flat.Rows = append(flat.Rows, []any{"corpus", "", kv.Key, "", kv.Value, "", "", "", ""})
	}
	for _, m := range []struct {
		name string
		m    map[string]int64
	}{{"scripts", s.Scripts}, {"encodings", s.Encodings}, {"formats", s.Formats}} {
		for _, k := range sortedKeys(m.m) {
			flat.Rows = append(flat.Rows, []any{m.name, "", k, "", m.m[k], "", "", "", ""})
		}
	}

	words := &report.Table{Name: "top_words", Title: "Top words (two characters or more, stopwords left out)",
		Columns: []report.Column{{Name: "rank", Align: report.Right}, {Name: "word", Key: "term"}, {Name: "count", Align: report.Right},
			{Name: "share", Align: report.Right}, {Name: "docs", Align: report.Right}}, Empty: "(none)"}
	if s.Words != nil {
		for i, w := range s.Words.Terms(1, top) {
			term := disp.Show(w.Key, w.Surface)
			words.Rows = append(words.Rows, []any{i + 1, term, w.Count, report.Share(w.Share), w.Docs})
			flat.Rows = append(flat.Rows, []any{"top_words", i + 1, term, "", w.Count, blank(w.Docs), report.Fixed(w.Share, 6), "", ""})
		}
	}
	keys := &report.Table{Name: "keywords", Title: "Keywords (mean TF-IDF over the documents)",
		Columns: []report.Column{{Name: "rank", Align: report.Right}, {Name: "keyword"}, {Name: "docs", Align: report.Right},
			{Name: "count", Align: report.Right}, {Name: "score", Align: report.Right}}, Empty: "(none)"}
	if s.Keywords != nil {
		for i, it := range s.Keywords.ByScore(top) {
			kwd, score := disp.Show(it.Key, it.Surface()), s.Keywords.MeanScore(it)
			keys.Rows = append(keys.Rows, []any{i + 1, kwd, it.Docs, it.Count, report.Score(score)})
			flat.Rows = append(flat.Rows, []any{"keywords", i + 1, kwd, "", it.Count, blank(it.Docs), "", report.Fixed(score, 6), ""})
		}
	}
	forms := &report.Table{Name: "formulations", Title: "Formulations",
		Columns: []report.Column{{Name: "rank", Align: report.Right}, {Name: "formulation"}, {Name: "kind"},
			{Name: "count", Align: report.Right}, {Name: "docs", Align: report.Right}, {Name: "new"},
			{Name: "gloss", JSONOnly: true, OmitEmpty: true}}, Empty: "(none)"}
	if s.Formulations != nil {
		for i, it := range s.Formulations.ByCount(top) {
			f := disp.Show(it.Key, it.Surface())
			forms.Rows = append(forms.Rows, []any{i + 1, f, it.Type, it.Count, it.Docs, report.Flag(it.New, "new"), it.Gloss})
			flat.Rows = append(flat.Rows, []any{"formulations", i + 1, f, it.Type, it.Count, blank(it.Docs), "", "", newWord(it.New)})
		}
	}
	ents := &report.Table{Name: "entities", Title: "Entities",
		Columns: []report.Column{{Name: "rank", Align: report.Right}, {Name: "entity"}, {Name: "type"},
			{Name: "count", Align: report.Right}, {Name: "docs", Align: report.Right}, {Name: "titles", OmitEmpty: true}}, Empty: "(none)"}
	if s.Entities != nil {
		for i, it := range s.Entities.ByCount(top) {
			var titles []string
			for _, t := range it.Titles {
				titles = append(titles, disp.Show(t, t))
			}
			e := disp.Show(it.Key, it.Surface())
			ents.Rows = append(ents.Rows, []any{i + 1, e, it.Type, it.Count, it.Docs, report.List(titles, "、")})
			flat.Rows = append(flat.Rows, []any{"entities", i + 1, e, it.Type, it.Count, blank(it.Docs), "", "", ""})
		}
	}
	v.Machine = []*report.Table{words, keys, forms, ents}
	v.People = append([]*report.Table{corpus}, v.Machine...)
	return v
}

// newWord is the flat table's new column: "new" or empty (left out of JSON
// Lines), as the formulations table shows it to people.
func newWord(on bool) string {
	if on {
		return "new"
	}
	return ""
}

// mix shows the documents of each kind, most first: "simplified 4, traditional 3".
func mix(m map[string]int64) string {
	keys := sortedKeys(m)
	slices.SortStableFunc(keys, func(a, b string) int { return int(m[b] - m[a]) })
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}

func sortedKeys(m map[string]int64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func orEmpty(m map[string]int64) map[string]int64 {
	if m == nil {
		return map[string]int64{}
	}
	return m
}
