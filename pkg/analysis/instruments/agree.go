package instruments

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// NoneLabel is the label of a unit without code, in agreement tables and
// counts.
const NoneLabel = "none"

// HumanCode is one unit as a human coder coded it.
type HumanCode struct {
	Doc, Unit   string
	Category    string // "none" (or empty) for an uncoded unit
	Subcategory string
	Line        int // line in the file, for messages
}

// ReadHuman reads a human coding: CSV (or TSV) with a header naming at
// least doc, unit and category (subcategory optional; other columns are
// ignored). Column names are matched case-insensitively; 文档/单元/类别/子类别
// are accepted too. Empty category means none. A unit coded twice is an
// error.
func ReadHuman(r io.Reader, name string) ([]HumanCode, error) {
	data, err := io.ReadAll(io.LimitReader(r, 256<<20))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	cr := csv.NewReader(strings.NewReader(text))
	first, _, _ := strings.Cut(text, "\n")
	if strings.Count(first, "\t") > strings.Count(first, ",") {
		cr.Comma = '\t'
	}
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: empty file; want a header doc,unit,category[,subcategory]", name)
		}
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	col := map[string]int{}
	for i, h := range header {
		switch strings.ToLower(strings.TrimSpace(h)) {
		case "doc", "document", "file", "文档", "文件":
			col["doc"] = i
		case "unit", "unit_id", "id", "单元", "编号":
			col["unit"] = i
		case "category", "类别", "工具类型":
			col["category"] = i
		case "subcategory", "sub", "子类别", "工具":
			col["subcategory"] = i
		}
	}
	for _, need := range []string{"doc", "unit", "category"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("%s:1: no %q column in the header (want doc,unit,category[,subcategory])", name, need)
		}
	}
	get := func(rec []string, k string) string {
		i, ok := col[k]
		if !ok || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	var out []HumanCode
	seen := map[[2]string]int{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		h := HumanCode{Doc: get(rec, "doc"), Unit: get(rec, "unit"), Category: get(rec, "category"), Subcategory: get(rec, "subcategory"), Line: line}
		if h.Doc == "" || h.Unit == "" {
			return nil, fmt.Errorf("%s:%d: doc and unit must not be empty", name, line)
		}
		if h.Category == "" {
			h.Category = NoneLabel
		}
		k := [2]string{h.Doc, h.Unit}
		if prev, ok := seen[k]; ok {
			return nil, fmt.Errorf("%s:%d: unit %s of %s coded twice (first on line %d); give each unit one code", name, line, h.Unit, h.Doc, prev)
		}
		seen[k] = line
		out = append(out, h)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no coded units", name)
	}
	return out, nil
}

// Agreement is Cohen's κ between two coders over the same units, with the
// confusion table (rows: the first coder, the tool; columns: the second,
// the human).
type Agreement struct {
	Level    string    `json:"level"` // category or subcategory
	N        int       `json:"n"`
	Observed float64   `json:"observed"` // p_o
	Expected float64   `json:"expected"` // p_e
	Kappa    float64   `json:"kappa"`
	Labels   []string  `json:"labels"`
	Matrix   [][]int   `json:"matrix"` // Matrix[tool][human]
	PerLabel []LabelPR `json:"per_label"`
}

// LabelPR is how one label fares: precision and recall of the tool
// against the human, and the human's and the tool's counts.
type LabelPR struct {
	Label     string  `json:"label"`
	Human     int     `json:"human"`
	Tool      int     `json:"tool"`
	Both      int     `json:"both"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Kappa computes Cohen's κ over paired labels.
func Kappa(level string, tool, human []string, order []string) Agreement {
	a := Agreement{Level: level, N: len(tool)}
	idx := map[string]int{}
	for _, l := range order {
		if _, ok := idx[l]; !ok {
			idx[l] = len(a.Labels)
			a.Labels = append(a.Labels, l)
		}
	}
	var extra []string
	for _, list := range [][]string{tool, human} {
		for _, l := range list {
			if _, ok := idx[l]; !ok && !slices.Contains(extra, l) {
				extra = append(extra, l)
			}
		}
	}
	slices.Sort(extra)
	for _, l := range extra {
		idx[l] = len(a.Labels)
		a.Labels = append(a.Labels, l)
	}
	k := len(a.Labels)
	a.Matrix = make([][]int, k)
	for i := range a.Matrix {
		a.Matrix[i] = make([]int, k)
	}
	for i := range tool {
		a.Matrix[idx[tool[i]]][idx[human[i]]]++
	}
	if a.N == 0 {
		return a
	}
	n := float64(a.N)
	agree := 0
	rows, cols := make([]int, k), make([]int, k)
	for i := 0; i < k; i++ {
		agree += a.Matrix[i][i]
		for j := 0; j < k; j++ {
			rows[i] += a.Matrix[i][j]
			cols[j] += a.Matrix[i][j]
		}
	}
	a.Observed = float64(agree) / n
	for i := 0; i < k; i++ {
		a.Expected += float64(rows[i]) * float64(cols[i]) / (n * n)
	}
	if a.Expected < 1 {
		a.Kappa = (a.Observed - a.Expected) / (1 - a.Expected)
	} else {
		a.Kappa = 1 // both coders used one and the same label throughout
	}
	for i, l := range a.Labels {
		pr := LabelPR{Label: l, Human: cols[i], Tool: rows[i], Both: a.Matrix[i][i]}
		if pr.Tool > 0 {
			pr.Precision = float64(pr.Both) / float64(pr.Tool)
		}
		if pr.Human > 0 {
			pr.Recall = float64(pr.Both) / float64(pr.Human)
		}
		if pr.Precision+pr.Recall > 0 {
			pr.F1 = 2 * pr.Precision * pr.Recall / (pr.Precision + pr.Recall)
		}
		a.PerLabel = append(a.PerLabel, pr)
	}
	return a
}

// Comparison is the tool's coding set against a human's.
type Comparison struct {
	Category    Agreement `json:"category"`
	Subcategory Agreement `json:"subcategory"`
	// Disagreements lists the units coded differently (category level
	// first, then subcategory), in the human file's order.
	Disagreements []Disagreement `json:"disagreements"`
}

// Disagreement is one unit the two coders coded differently.
type Disagreement struct {
	Doc, Unit                  string
	ToolCategory, ToolSub      string
	HumanCategory, HumanSub    string
	Text                       string
	Evidence                   string
	CategoryDiffers, SubDiffer bool
}

// Compare pairs the tool's primary codes with a human coding, unit by unit
// (the units of the human file). It fails when the human file names a
// document or a unit the tool did not code: the two were cut differently
// (another --unit, or an edited text).
func Compare(results []*Result, human []HumanCode, frame *Frame) (*Comparison, error) {
	type key struct{ doc, unit string }
	tool := map[key]CodedUnit{}
	docs := map[string]bool{}
	for _, r := range results {
		docs[r.Doc] = true
		for _, u := range r.Units {
			tool[key{r.Doc, u.ID}] = u
		}
	}
	var catOrder, subOrder []string
	subToCat := map[string]string{}
	for _, c := range frame.Categories {
		catOrder = append(catOrder, c.ID)
		for _, s := range c.Subcategories {
			subOrder = append(subOrder, s.ID)
			subToCat[s.ID] = c.ID
		}
	}
	catOrder = append(catOrder, NoneLabel)
	subOrder = append(subOrder, NoneLabel)
	var tc, hc, ts, hs []string
	cmp := &Comparison{}
	for _, h := range human {
		if !docs[h.Doc] {
			return nil, fmt.Errorf("line %d: document %q was not coded (name documents by their file name without extension)", h.Line, h.Doc)
		}
		u, ok := tool[key{h.Doc, h.Unit}]
		if !ok {
			return nil, fmt.Errorf("line %d: %s has no unit %q: were the units cut the same way (--unit)?", h.Line, h.Doc, h.Unit)
		}
		hcat, hsub := h.Category, h.Subcategory
		if hcat == NoneLabel {
			hsub = NoneLabel
		} else if hsub == "" {
			hsub = hcat // coded at category level only
		} else if c, ok := subToCat[hsub]; ok && c != hcat {
			return nil, fmt.Errorf("line %d: subcategory %s belongs to %s, not %s", h.Line, hsub, c, hcat)
		}
		tcat, tsub := NoneLabel, NoneLabel
		var ev []string
		if p, ok := u.Primary(); ok {
			tcat, tsub = p.Category, p.Subcategory
			for _, e := range p.Evidence {
				ev = append(ev, e.Text)
			}
		}
		tc, hc = append(tc, tcat), append(hc, hcat)
		ts, hs = append(ts, tsub), append(hs, hsub)
		if tcat != hcat || tsub != hsub {
			cmp.Disagreements = append(cmp.Disagreements, Disagreement{
				Doc: h.Doc, Unit: h.Unit, ToolCategory: tcat, ToolSub: tsub, HumanCategory: hcat, HumanSub: hsub,
				Text: u.Text, Evidence: strings.Join(ev, "|"), CategoryDiffers: tcat != hcat, SubDiffer: tsub != hsub,
			})
		}
	}
	cmp.Category = Kappa("category", tc, hc, catOrder)
	cmp.Subcategory = Kappa("subcategory", ts, hs, subOrder)
	return cmp, nil
}
