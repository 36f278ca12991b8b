package views

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"zhpolicy/pkg/analysis/instruments"
	"zhpolicy/pkg/analysis/network"
	"zhpolicy/pkg/analysis/reuse"
	"zhpolicy/pkg/analysis/timeseries"
	"zhpolicy/pkg/report"
)

// clip shortens s to n characters for people (machines get it whole).
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// CodedUnits is one coded document: for machines the long table (one row
// per unit and code, the primary code first; uncoded units as "none" when
// all is set) with unit and evidence byte offsets and the unit's text — the
// form R and Stata read; for people the same rows with the text clipped.
func CodedUnits(doc string, r *instruments.Result, all bool) *View {
	group := []report.KV{{Key: "file", Value: doc}}
	machine := &report.Table{Name: "units", Title: doc, Group: group, Empty: "(no unit coded)",
		Columns: []report.Column{
			{Name: "unit"}, {Name: "kind"}, {Name: "start", Align: report.Right}, {Name: "end", Align: report.Right},
			{Name: "category"}, {Name: "subcategory"}, {Name: "primary"}, {Name: "score", Align: report.Right},
			{Name: "evidence"}, {Name: "evidence_offsets"}, {Name: "text"}, {Name: "original", OmitEmpty: true},
		}}
	people := &report.Table{Name: "units", Title: doc, Group: group, Empty: "(no unit coded)",
		Columns: []report.Column{{Name: "unit"}, {Name: "category"}, {Name: "subcategory"}, {Name: "score", Align: report.Right},
			{Name: "evidence"}, {Name: "text"}}}
	for _, u := range r.Units {
		if len(u.Codes) == 0 {
			if all {
				machine.Rows = append(machine.Rows, []any{u.ID, string(u.Kind), u.Start, u.End, instruments.NoneLabel, "", false, 0, "", "", u.Text, u.Original})
				people.Rows = append(people.Rows, []any{u.ID, instruments.NoneLabel, "", 0, "", clip(u.Text, 24)})
			}
			continue
		}
		for _, c := range u.Codes {
			var ev, offs []string
			seen := map[string]bool{}
			for _, e := range c.Evidence {
				offs = append(offs, strconv.Itoa(e.Start)+"-"+strconv.Itoa(e.End))
				if !seen[e.Text] {
					seen[e.Text] = true
					ev = append(ev, e.Text)
				}
			}
			machine.Rows = append(machine.Rows, []any{u.ID, string(u.Kind), u.Start, u.End, c.Category, c.Subcategory, c.Primary, c.Score,
				report.List(ev, "|"), report.List(offs, " "), u.Text, u.Original})
			sub := c.Subcategory
			if !c.Primary {
				sub = "(" + sub + ")"
			}
			people.Rows = append(people.Rows, []any{u.ID, c.Category, sub, c.Score, strings.Join(ev, "|"), clip(u.Text, 24)})
		}
	}
	return &View{People: []*report.Table{people}, Machine: []*report.Table{machine}}
}

// InstrumentCounts shows counts by group: for people a crosstab (codes ×
// groups, count and share of the group's coded units); for machines the
// tidy table (one row per group and code, zeros included).
func InstrumentCounts(c *instruments.Counts, level string, labels map[string]string) *View {
	s := c.Settings()
	dimA, dimB := "group", ""
	if len(s.By) > 0 {
		dimA = s.By[0]
	}
	if len(s.By) > 1 {
		dimB = s.By[1]
	}
	tidy := &report.Table{Name: "counts", Columns: []report.Column{{Name: dimA}}}
	if dimB != "" {
		tidy.Columns = append(tidy.Columns, report.Column{Name: dimB})
	}
	tidy.Columns = append(tidy.Columns, report.Column{Name: "category"})
	if level != "category" {
		tidy.Columns = append(tidy.Columns, report.Column{Name: "subcategory"})
	}
	tidy.Columns = append(tidy.Columns,
		report.Column{Name: "units", Align: report.Right}, report.Column{Name: "share", Align: report.Right},
		report.Column{Name: "unit_share", Align: report.Right}, report.Column{Name: "per_10k_chars", Align: report.Right},
		report.Column{Name: "docs", Align: report.Right}, report.Column{Name: "group_units", Align: report.Right},
		report.Column{Name: "group_chars", Align: report.Right})
	for _, cell := range c.Tidy(level) {
		row := []any{cell.A}
		if dimB != "" {
			row = append(row, cell.B)
		}
		row = append(row, cell.Category)
		if level != "category" {
			row = append(row, cell.Subcategory)
		}
		row = append(row, cell.Units, report.Score(cell.Share), report.Score(cell.UnitShare), report.Fixed(cell.Per10k, 3), cell.Docs, cell.Total, cell.Chars)
		tidy.Rows = append(tidy.Rows, row)
	}
	x := c.Crosstab(level)
	grid := &report.Table{Name: "crosstab", Title: fmt.Sprintf("Coded units by %s (count, share of the column's coded units)", strings.Join(s.By, " × ")),
		Columns: []report.Column{{Name: level}}, Empty: "(no document)"}
	for _, g := range x.Cols {
		name := g.A
		if g.B != "" {
			name += " · " + g.B
		}
		grid.Columns = append(grid.Columns, report.Column{Name: name, Align: report.Right})
	}
	for i, r := range x.Rows {
		name := r
		if l, ok := labels[r]; ok {
			name = r + " " + l
		}
		row := []any{name}
		for j := range x.Cols {
			row = append(row, fmt.Sprintf("%d %s", x.Counts[i][j], pct(x.Shares[i][j])))
		}
		grid.Rows = append(grid.Rows, row)
	}
	coded := []any{"coded units"}
	all := []any{"all units"}
	for j := range x.Cols {
		coded = append(coded, strconv.FormatInt(x.Coded[j], 10))
		all = append(all, strconv.FormatInt(x.Units[j], 10))
	}
	if len(x.Cols) > 0 {
		grid.Rows = append(grid.Rows, coded, all)
	}
	return &View{
		Meta:    []report.KV{{Key: "frame", Value: s.Frame}, {Key: "unit", Value: string(s.Unit)}, {Key: "multi", Value: s.Multi}, {Key: "by", Value: s.By}, {Key: "documents", Value: c.Docs()}},
		People:  []*report.Table{grid},
		Machine: []*report.Table{tidy},
	}
}

func pct(x float64) string { return strconv.FormatFloat(x*100, 'f', 1, 64) + "%" }

// Agreement shows Cohen's κ of the tool against a human coder, the
// confusion table of categories and the disagreements.
func Agreement(cmp *instruments.Comparison) *View {
	kappa := &report.Table{Name: "agreement", Title: "Agreement with the human coding (Cohen's κ)",
		Columns: []report.Column{{Name: "level"}, {Name: "units", Align: report.Right}, {Name: "observed", Align: report.Right},
			{Name: "expected", Align: report.Right}, {Name: "kappa", Align: report.Right}}}
	for _, a := range []instruments.Agreement{cmp.Category, cmp.Subcategory} {
		kappa.Rows = append(kappa.Rows, []any{a.Level, a.N, report.Score(a.Observed), report.Score(a.Expected), report.Score(a.Kappa)})
	}
	conf := &report.Table{Name: "confusion", Title: "Categories: tool (rows) × human (columns)",
		Columns: []report.Column{{Name: "tool"}}}
	a := cmp.Category
	for _, l := range a.Labels {
		conf.Columns = append(conf.Columns, report.Column{Name: l, Align: report.Right})
	}
	for i, l := range a.Labels {
		row := []any{l}
		for j := range a.Labels {
			row = append(row, a.Matrix[i][j])
		}
		conf.Rows = append(conf.Rows, row)
	}
	per := &report.Table{Name: "labels", Title: "Per subcategory: precision and recall of the tool against the human",
		Columns: []report.Column{{Name: "label"}, {Name: "human", Align: report.Right}, {Name: "tool", Align: report.Right},
			{Name: "both", Align: report.Right}, {Name: "precision", Align: report.Right}, {Name: "recall", Align: report.Right}, {Name: "f1", Align: report.Right}}}
	for _, pr := range cmp.Subcategory.PerLabel {
		per.Rows = append(per.Rows, []any{pr.Label, pr.Human, pr.Tool, pr.Both, report.Score(pr.Precision), report.Score(pr.Recall), report.Score(pr.F1)})
	}
	dis := &report.Table{Name: "disagreements", Title: "Units coded differently", Empty: "(none)",
		Columns: []report.Column{{Name: "file"}, {Name: "unit"}, {Name: "tool"}, {Name: "human"}, {Name: "evidence"}, {Name: "text"}}}
	for _, d := range cmp.Disagreements {
		dis.Rows = append(dis.Rows, []any{d.Doc, d.Unit, d.ToolCategory + "/" + d.ToolSub, d.HumanCategory + "/" + d.HumanSub, d.Evidence, d.Text})
	}
	flat := &report.Table{Name: "agreement", Columns: kappa.Columns, Rows: kappa.Rows}
	return &View{
		Meta:    []report.KV{{Key: "kappa_category", Value: report.Round(cmp.Category.Kappa, 6)}, {Key: "kappa_subcategory", Value: report.Round(cmp.Subcategory.Kappa, 6)}},
		People:  []*report.Table{kappa, conf, per, dis},
		Machine: []*report.Table{kappa, conf, per, dis},
		Flat:    flat,
	}
}

// ReusePairs is the table of reuse pairs; passages in JSON (and one row per
// passage in the passages table of JSON and the flat CSV when asked).
func ReusePairs(pairs []reuse.Pair) *report.Table {
	t := &report.Table{Name: "pairs", Title: "Documents that share passages", Empty: "(no pair above the thresholds)",
		Columns: []report.Column{{Name: "a"}, {Name: "b"}, {Name: "kind"},
			{Name: "containment_a", Align: report.Right}, {Name: "containment_b", Align: report.Right},
			{Name: "aligned", Align: report.Right}, {Name: "passages", Align: report.Right},
			{Name: "source", OmitEmpty: true}, {Name: "lag_days", Align: report.Right, OmitEmpty: true},
			{Name: "date_a", MachineOnly: true, OmitEmpty: true}, {Name: "date_b", MachineOnly: true, OmitEmpty: true},
			{Name: "passage_list", Key: "passage_list", JSONOnly: true}}}
	for _, p := range pairs {
		var lag any = "" // omitted in JSON, blank in tables
		if p.LagDays != nil {
			lag = *p.LagDays
		}
		src := ""
		if p.Source != "" {
			src = p.Source + " → " + p.Target
		}
		t.Rows = append(t.Rows, []any{p.A, p.B, p.Kind, report.Fixed(p.ContainmentA, 3), report.Fixed(p.ContainmentB, 3),
			p.Aligned, len(p.Passages), src, lag, p.DateA, p.DateB, report.Value(p.Passages)})
	}
	return t
}

// ReusePassages lists every passage of every pair with its offsets in both
// documents (the flat form for spreadsheets).
func ReusePassages(pairs []reuse.Pair, clipAt int) *report.Table {
	t := &report.Table{Name: "passages", Empty: "(no passage)",
		Columns: []report.Column{{Name: "a"}, {Name: "b"}, {Name: "a_start", Align: report.Right}, {Name: "a_end", Align: report.Right},
			{Name: "b_start", Align: report.Right}, {Name: "b_end", Align: report.Right}, {Name: "chars", Align: report.Right}, {Name: "text"}}}
	for _, p := range pairs {
		for _, ps := range p.Passages {
			text := ps.Text
			if clipAt > 0 {
				text = clip(text, clipAt)
			}
			t.Rows = append(t.Rows, []any{p.A, p.B, ps.AStart, ps.AEnd, ps.BStart, ps.BEnd, ps.Chars, text})
		}
	}
	return t
}

// NetworkTables are the node and edge tables of a graph.
func NetworkTables(g *network.Graph) (nodes, edges *report.Table) {
	nodes = &report.Table{Name: "nodes", Title: fmt.Sprintf("Nodes (%d)", len(g.Nodes)), Empty: "(no node)",
		Columns: []report.Column{{Name: "id"}, {Name: "label"}}}
	for _, a := range g.NodeAttrs {
		nodes.Columns = append(nodes.Columns, report.Column{Name: a.Title, Align: report.Right})
	}
	for _, n := range g.Nodes {
		row := []any{n.ID, n.Label}
		for _, a := range g.NodeAttrs {
			row = append(row, attrCell(a, n.Attrs[a.ID]))
		}
		nodes.Rows = append(nodes.Rows, row)
	}
	edges = &report.Table{Name: "edges", Title: fmt.Sprintf("Edges (%d)", len(g.Edges)), Empty: "(no edge)",
		Columns: []report.Column{{Name: "source"}, {Name: "target"}, {Name: "weight", Align: report.Right}}}
	for _, a := range g.EdgeAttrs {
		edges.Columns = append(edges.Columns, report.Column{Name: a.Title, Align: report.Right})
	}
	for _, e := range g.Edges {
		row := []any{e.Source, e.Target, report.Fixed(e.Weight, 4)}
		for _, a := range g.EdgeAttrs {
			row = append(row, attrCell(a, e.Attrs[a.ID]))
		}
		edges.Rows = append(edges.Rows, row)
	}
	return nodes, edges
}

// attrCell is an attribute value as a number when its type is one (JSON
// gets numbers), blank when absent.
func attrCell(a network.AttrDef, v string) any {
	if v == "" {
		return ""
	}
	switch a.Type {
	case "integer", "long":
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			return n
		}
	case "double", "float":
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			return report.Raw(f)
		}
	}
	return v
}

// Series is the tidy table of a time series: period, group, term, count,
// docs, per 10,000 characters, and the period's totals.
func Series(s *timeseries.Series, terms []string) *report.Table {
	t := &report.Table{Name: "series", Empty: "(nothing counted)",
		Columns: []report.Column{{Name: "year"}}}
	by := s.Settings().By
	if by != "" {
		t.Columns = append(t.Columns, report.Column{Name: by})
	}
	t.Columns = append(t.Columns, report.Column{Name: "term"}, report.Column{Name: "count", Align: report.Right},
		report.Column{Name: "docs", Align: report.Right}, report.Column{Name: "per_10k_chars", Align: report.Right},
		report.Column{Name: "year_docs", Align: report.Right}, report.Column{Name: "year_chars", Align: report.Right})
	for _, r := range s.Tidy(terms) {
		row := []any{r.Period}
		if by != "" {
			row = append(row, r.Group)
		}
		row = append(row, r.Term, r.Count, r.Docs, report.Fixed(r.Per10k, 3), r.PeriodDocs, r.PeriodChars)
		t.Rows = append(t.Rows, row)
	}
	return t
}
