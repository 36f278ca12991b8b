package views

import (
	"fmt"

	ent "zhpolicy/pkg/analysis/entities"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/script"
)

// entityMention is one mention in JSON.
type entityMention struct {
	File  string `json:"file,omitempty"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Title string `json:"title,omitempty"`
}

// Entities is the table of one document's entities (group names the file):
// entity, type, count, titles; in JSON also the key and every mention with
// its byte offsets. Entities come most frequent first; top > 0 keeps that many.
func Entities(disp *script.Display, title string, group []report.KV, es []*ent.Entity, top int) *report.Table {
	cols := []report.Column{{Name: "entity", Key: "text"}, {Name: "key", JSONOnly: true}, {Name: "type"},
		{Name: "count", Align: report.Right}, {Name: "titles", OmitEmpty: true}, {Name: "mentions", JSONOnly: true}}
	t := &report.Table{Name: "entities", Title: title, Group: group, Columns: cols, Empty: "no entities"}
	for _, e := range topEntities(es, top) {
		ms := make([]entityMention, len(e.Mentions))
		for i, m := range e.Mentions {
			ms[i] = entityMention{Start: m.Start, End: m.End, Text: m.Text, Title: m.Title}
		}
		t.Rows = append(t.Rows, []any{disp.Show(e.Key, e.Surface()), e.Key, string(e.Type), e.Count,
			report.List(entityTitles(disp, e), "、"), report.Value(ms)})
	}
	return t
}

// EntityCounts is the table of entities over a corpus (entities --corpus,
// merge of entities partials): entity, type, count, documents, titles; in
// JSON also the key. An entity is shown in its most frequent form.
func EntityCounts(disp *script.Display, c *ent.Counts, top int) *report.Table {
	cols := []report.Column{{Name: "entity", Key: "text"}, {Name: "key", JSONOnly: true}, {Name: "type"},
		{Name: "count", Align: report.Right}, {Name: "documents", Align: report.Right}, {Name: "titles", OmitEmpty: true}}
	t := &report.Table{Name: "entities", Title: fmt.Sprintf("corpus (%s)", Plural(c.Docs(), "document")),
		Columns: cols, Empty: "no entities"}
	for _, e := range topEntities(c.Entities(), top) {
		t.Rows = append(t.Rows, []any{disp.Show(e.Key, e.Surface()), e.Key, string(e.Type), e.Count, e.Docs,
			report.List(entityTitles(disp, e), "、")})
	}
	return t
}

// EntityMeta are the JSON fields of the corpus table.
func EntityMeta(c *ent.Counts) []report.KV {
	s := c.Settings()
	types := make([]string, len(s.Types))
	for i, t := range s.Types {
		types[i] = string(t)
	}
	return []report.KV{{Key: "documents", Value: c.Docs()}, {Key: "genre", Value: string(s.Genre)}, {Key: "types", Value: types}}
}

func topEntities(es []*ent.Entity, top int) []*ent.Entity {
	if top > 0 && len(es) > top {
		return es[:top]
	}
	return es
}

// entityTitles shows a person's titles; in auto mode as the documents
// wrote them (a title's key is Simplified).
func entityTitles(disp *script.Display, e *ent.Entity) []string {
	out := make([]string, len(e.Titles))
	for i, t := range e.Titles {
		surface := t
		for _, m := range e.Mentions {
			if m.Title == t && m.TitleText != "" {
				surface = m.TitleText
				break
			}
		}
		out[i] = disp.Show(t, surface)
	}
	return out
}
