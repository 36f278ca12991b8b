package views

import (
	"fmt"

	"zhpolicy/pkg/analysis/compare"
	"zhpolicy/pkg/analysis/overview"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/script"
)

// Side names one side of a comparison.
type Side struct {
	Name string
}

// Keyness is the view of a comparison of A with B: the terms more
// frequent on each side, those only one side uses, and (when both sides
// were read from documents: onlyA and onlyB not nil) the formulations only
// one side uses.
func Keyness(disp *script.Display, unit string, a, b Side, res compare.Result, onlyA, onlyB []*overview.Item, forms bool) *View {
	v := &View{}
	sideRec := func(name string, st compare.Side) report.Object {
		return report.Object{{Key: "name", Value: name}, {Key: "documents", Value: st.Docs}, {Key: "units", Value: st.Units}, {Key: "distinct", Value: st.Terms}}
	}
	v.Meta = []report.KV{{Key: "unit", Value: unit}, {Key: "a", Value: report.Value(sideRec(a.Name, res.A))}, {Key: "b", Value: report.Value(sideRec(b.Name, res.B))}}
	t := report.Thousands
	v.People = []*report.Table{{Name: "sides", Title: fmt.Sprintf("Comparing %s", unit),
		Columns: []report.Column{{Name: ""}, {Name: "documents", Align: report.Right}, {Name: unit, Align: report.Right}, {Name: "distinct", Align: report.Right}},
		Rows: [][]any{
			{"A: " + a.Name, t(res.A.Docs), t(res.A.Units), t(int64(res.A.Terms))},
			{"B: " + b.Name, t(res.B.Docs), t(res.B.Units), t(int64(res.B.Terms))},
		}}}
	machineCols := []report.Column{{Name: "term"}, {Name: "count_a"}, {Name: "count_b"}, {Name: "docs_a"}, {Name: "docs_b"},
		{Name: "per10k_a"}, {Name: "per10k_b"}, {Name: "g2"}, {Name: "p"}, {Name: "log_ratio"}}
	v.Flat = &report.Table{Name: "rows", Columns: append([]report.Column{{Name: "list"}}, machineCols...)}
	const per = "per 10k"
	lists := []struct {
		id, title string
		rows      []compare.Row
	}{
		{"more_in_a", "More frequent in A: " + a.Name, res.MoreInA},
		{"more_in_b", "More frequent in B: " + b.Name, res.MoreInB},
		{"only_in_a", "Only in A: " + a.Name, res.OnlyInA},
		{"only_in_b", "Only in B: " + b.Name, res.OnlyInB},
	}
	for i, l := range lists {
		machine := &report.Table{Name: l.id, Columns: machineCols}
		var people *report.Table
		if i < 2 {
			people = &report.Table{Name: l.id, Title: l.title, Empty: "(none)",
				Columns: []report.Column{{Name: "term"}, {Name: "A", Align: report.Right}, {Name: "B", Align: report.Right},
					{Name: "A " + per, Align: report.Right}, {Name: "B " + per, Align: report.Right},
					{Name: "G²", Align: report.Right}, {Name: "log ratio", Align: report.Right}}}
		} else {
			people = &report.Table{Name: l.id, Title: l.title, Empty: "(none)",
				Columns: []report.Column{{Name: "term"}, {Name: "count", Align: report.Right}, {Name: "docs", Align: report.Right}, {Name: per, Align: report.Right}}}
		}
		for _, r := range l.rows {
			term := disp.Show(r.Key, r.Surface)
			row := []any{term, r.A, r.B, r.DocsA, r.DocsB, report.Fixed(r.RateA, 4), report.Fixed(r.RateB, 4),
				report.Fixed(r.G2, 4), report.Sig(r.P), report.Fixed(r.LogRatio, 4)}
			machine.Rows = append(machine.Rows, row)
			v.Flat.Rows = append(v.Flat.Rows, append([]any{l.id}, row...))
			switch i {
			case 0, 1:
				people.Rows = append(people.Rows, []any{term, r.A, r.B, fmt.Sprintf("%.2f", r.RateA), fmt.Sprintf("%.2f", r.RateB),
					fmt.Sprintf("%.2f", r.G2), fmt.Sprintf("%+.2f", r.LogRatio)})
			case 2:
				people.Rows = append(people.Rows, []any{term, r.A, r.DocsA, fmt.Sprintf("%.2f", r.RateA)})
			case 3:
				people.Rows = append(people.Rows, []any{term, r.B, r.DocsB, fmt.Sprintf("%.2f", r.RateB)})
			}
		}
		v.Machine = append(v.Machine, machine)
		v.People = append(v.People, people)
	}
	if !forms {
		return v
	}
	formCols := []report.Column{{Name: "formulation"}, {Name: "kind"}, {Name: "count", Align: report.Right},
		{Name: "docs", Align: report.Right}, {Name: "new"}}
	for i, l := range []struct {
		id, title string
		items     []*overview.Item
	}{{"formulations_only_in_a", "Formulations only in A: " + a.Name, onlyA}, {"formulations_only_in_b", "Formulations only in B: " + b.Name, onlyB}} {
		t := &report.Table{Name: l.id, Title: l.title, Columns: formCols, Empty: "(none)"}
		for _, it := range l.items {
			f := disp.Show(it.Key, it.Surface())
			t.Rows = append(t.Rows, []any{f, it.Type, it.Count, it.Docs, report.Flag(it.New, "new")})
			// the count and documents on their side, the rest empty
			row := []any{l.id, f, "", "", "", "", "", "", "", "", ""}
			if i == 0 {
				row[2], row[4] = it.Count, it.Docs
			} else {
				row[3], row[5] = it.Count, it.Docs
			}
			v.Flat.Rows = append(v.Flat.Rows, row)
		}
		v.Machine = append(v.Machine, t)
		v.People = append(v.People, t)
	}
	return v
}
