package instruments

import (
	"context"
	"encoding/json"
	"math"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/structure"
)

const sample = `关于印发《数字经济发展规划》的通知
为加快发展，制定本方案。
一、总体要求
（一）主要目标
到2028年，数字经济核心产业增加值达到420亿元。
二、政策措施
（一）加大专项资金支持。市财政每年安排不少于3亿元，对企业数字化改造项目按投入的20%给予补助。（牵头单位：市财政局）
（二）落实税收优惠政策。落实研发费用税前加计扣除政策；高新技术企业减按15%税率征收企业所得税。
（三）发挥政府采购引导作用。将创新产品纳入政府采购首购范围。
三、保障措施
各部门要按照职责分工抓好落实。
`

func code(t *testing.T, text string, kind UnitKind) *Result {
	t.Helper()
	f, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewCoder(f)
	if err != nil {
		t.Fatal(err)
	}
	in := analysis.NewInput("doc", text, script.Detect(text).Kind, nil)
	r, err := c.Code(context.Background(), in, Options{Unit: kind})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func primaries(r *Result) map[string]string {
	m := map[string]string{}
	for _, u := range r.Units {
		if p, ok := u.Primary(); ok {
			m[u.ID] = p.Subcategory
		} else {
			m[u.ID] = NoneLabel
		}
	}
	return m
}

func TestSplitIDs(t *testing.T) {
	units := Split(sample, UnitSentence, nil)
	var ids []string
	for _, u := range units {
		ids = append(ids, u.ID)
		if strings.TrimSpace(sample[u.Start:u.End]) != sample[u.Start:u.End] || u.Start >= u.End {
			t.Errorf("unit %s span %d-%d not trimmed: %q", u.ID, u.Start, u.End, sample[u.Start:u.End])
		}
	}
	want := []string{"0-s1", "0-s2", "1-s1", "1-1-s1", "1-1-s2", "2-s1", "2-1-s1", "2-1-s2", "2-1-s3", "2-2-s1", "2-2-s2", "2-3-s1", "2-3-s2", "3-s1", "3-s2"}
	if !slices.Equal(ids, want) {
		t.Fatalf("ids\n got %v\nwant %v", ids, want)
	}
	// the sentence after a terminator inside brackets is not cut there
	u := units[8]
	if got := sample[u.Start:u.End]; got != "（牵头单位：市财政局）" {
		t.Errorf("2-1-s3 = %q", got)
	}
	clauses := Split(sample, UnitClause, nil)
	var n int
	for _, c := range clauses {
		if strings.HasPrefix(c.ID, "2-2-c") {
			n++
		}
	}
	if n != 3 { // heading sentence, two clauses cut at ；
		t.Errorf("clauses in 2-2: %d, want 3", n)
	}
	secs := Split(sample, UnitSection, nil)
	if len(secs) != 8 || secs[0].ID != "0" || secs[3].ID != "2" || secs[4].ID != "2-1" {
		var got []string
		for _, s := range secs {
			got = append(got, s.ID)
		}
		t.Errorf("sections %v", got)
	}
}

// The coder numbers its units by the sections structure reads: articles
// under chapters (第二章 第五条 → [2 5]), items under articles.
func TestSectionsOf(t *testing.T) {
	secs := SectionsOf(structure.Parse("第一章 总则\n第一条 目的\n第二条 范围\n第二章 管理\n第三条 应当\n（一）甲\n（二）乙\n第四条 不得\n"))
	var paths []string
	for _, s := range secs {
		paths = append(paths, structure.PathID(s.Path))
	}
	if want := []string{"1", "1-1", "1-2", "2", "2-3", "2-3-1", "2-3-2", "2-4"}; !slices.Equal(paths, want) {
		t.Errorf("paths %v, want %v", paths, want)
	}
	if secs := SectionsOf(structure.Parse("没有标题的一段话。")); secs == nil || len(secs) != 0 {
		t.Errorf("a text without headings: %#v, want an empty, non-nil list", secs)
	}
}

func TestCodeSample(t *testing.T) {
	r := code(t, sample, UnitSentence)
	got := primaries(r)
	want := map[string]string{
		"0-s1":   NoneLabel, // 《…规划》 is a title, not a plan
		"0-s2":   NoneLabel, // purpose-and-basis sentence (skip_units)
		"1-1-s1": "planning",
		"1-1-s2": "planning",
		"2-1-s1": "funding",
		"2-1-s2": "funding",
		"2-1-s3": NoneLabel, // responsibility line; 财政局 is an agency
		"2-2-s1": "tax",
		"2-2-s2": "tax",
		"2-3-s1": "procurement",
		"2-3-s2": "procurement",
		"3-s2":   NoneLabel,
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: %s, want %s", id, got[id], w)
		}
	}
	// evidence offsets point into the text
	for _, u := range r.Units {
		if sample[u.Start:u.End] != u.Text {
			t.Errorf("%s: text %q != span %q", u.ID, u.Text, sample[u.Start:u.End])
		}
		for _, c := range u.Codes {
			if len(c.Evidence) == 0 {
				t.Errorf("%s %s: no evidence", u.ID, c.Subcategory)
			}
			for _, e := range c.Evidence {
				if sample[e.Start:e.End] != e.Text || e.Start < u.Start || e.End > u.End {
					t.Errorf("%s: evidence %q at %d-%d", u.ID, e.Text, e.Start, e.End)
				}
			}
		}
	}
	// the funding sentence has the pattern 按…给予补助 and the strong term 补助
	for _, u := range r.Units {
		if u.ID != "2-1-s2" {
			continue
		}
		p, _ := u.Primary()
		var pat bool
		for _, e := range p.Evidence {
			pat = pat || e.Pattern
		}
		if !pat || p.Score < 4 {
			t.Errorf("2-1-s2 evidence %+v", p)
		}
	}
}

func TestTraditionalCodedLikeSimplified(t *testing.T) {
	trad := "二、政策措施\n（一）加大專項資金支持。對企業數位化改造項目給予補助。\n（二）落實稅收優惠政策。\n"
	simp := "二、政策措施\n（一）加大专项资金支持。对企业数位化改造项目给予补助。\n（二）落实税收优惠政策。\n"
	rt, rs := code(t, trad, UnitSentence), code(t, simp, UnitSentence)
	if !mapsEqual(primaries(rt), primaries(rs)) {
		t.Fatalf("traditional %v\nsimplified %v", primaries(rt), primaries(rs))
	}
	for _, u := range rt.Units {
		if trad[u.Start:u.End] != u.Text {
			t.Errorf("offsets not in the original text: %q", u.Text)
		}
		for _, c := range u.Codes {
			for _, e := range c.Evidence {
				if trad[e.Start:e.End] != e.Text || !strings.ContainsAny(e.Text, "專資稅優補助") {
					t.Errorf("evidence %q", e.Text)
				}
			}
		}
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestUserFrame(t *testing.T) {
	y := `name: mini
max_gap: 4
exclude: [人才市场]
skip_units: [注：]
categories:
  - id: money
    label: 钱
    subcategories:
      - id: cash
        terms: [资金]
        patterns: [给予…奖励]
  - id: people
    subcategories:
      - id: staff
        terms: [人才]
        strong: [高层次人才]
`
	f, err := ParseFrame([]byte(y), "mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewCoder(f)
	if err != nil {
		t.Fatal(err)
	}
	text := "给予一次性奖励。给予企业技术改造项目奖励。引进高层次人才，安排资金。规范人才市场。注：资金另行安排。"
	r, err := c.Code(context.Background(), analysis.NewInput("d", text, script.Simplified, nil), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := primaries(r)
	want := map[string]string{"0-s1": "cash", "0-s2": NoneLabel /* gap 8 > 4 */, "0-s3": "staff", "0-s4": NoneLabel, "0-s5": NoneLabel}
	if !mapsEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	// 0-s3: strong 高层次人才 (2) beats 资金 (1); 人才 inside it is not counted again
	u := r.Units[2]
	if len(u.Codes) != 2 || u.Codes[0].Score != 2 || len(u.Codes[0].Evidence) != 1 || u.Codes[1].Subcategory != "cash" {
		t.Errorf("0-s3 codes %+v", u.Codes)
	}
}

func TestFrameErrors(t *testing.T) {
	for _, c := range []struct{ yaml, want string }{
		{"", "empty coding frame"},
		{"name: x\n", "no categories"},
		{"categories: []\n", "no name"},
		{"name: x\nfoo: 1\ncategories: []\n", "field foo not found"},
		{"name: x\ncategories:\n  - id: a\n    subcategories: []\n", "no subcategories"},
		{"name: x\ncategories:\n  - id: a\n    subcategories:\n      - id: b\n", "no terms"},
		{"name: x\ncategories:\n  - id: a\n    subcategories:\n      - id: a\n        terms: [t]\n", "used twice"},
		{"name: x\ncategories:\n  - id: a\n    subcategories:\n      - id: none\n        terms: [t]\n", "reserved"},
		{"name: x\ncategories:\n  - id: a\n    subcategories:\n      - id: b\n        patterns: [给予]\n", "two pieces"},
		{"name: x\ncategories:\n  - id: a\n    subcategories:\n      - id: b\n        terms: [给予…补助]\n", "put it under patterns"},
		{"name: x\ncategories:\n  - id: a b\n    subcategories:\n      - id: b\n        terms: [t]\n", "no spaces"},
		{"name: x\nmax_gap: 500\ncategories: []\n", "max_gap"},
	} {
		_, err := ParseFrame([]byte(c.yaml), "f.yaml")
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "f.yaml: ") {
			t.Errorf("%q: error %v, want %q", c.yaml, err, c.want)
		}
	}
	f, err := ParseFrame([]byte("name: x\ncategories:\n  - id: a\n    subcategories:\n      - id: b\n        terms: [资金]\n      - id: c\n        terms: [资金]\n"), "f.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewCoder(f); err == nil || !strings.Contains(err.Error(), "under both b and c") {
		t.Errorf("a term in two subcategories: %v", err)
	}
}

func TestBuiltinFrame(t *testing.T) {
	f, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Categories) != 3 {
		t.Fatalf("%d categories", len(f.Categories))
	}
	want := map[string][]string{
		"supply":      {"funding", "talent", "technology", "infrastructure", "public_service"},
		"environment": {"planning", "tax", "finance", "regulation", "strategic"},
		"demand":      {"procurement", "outsourcing", "demonstration", "trade", "overseas"},
	}
	for _, c := range f.Categories {
		var ids []string
		for _, s := range c.Subcategories {
			ids = append(ids, s.ID)
			if s.Label == "" {
				t.Errorf("%s has no label", s.ID)
			}
		}
		if !slices.Equal(ids, want[c.ID]) {
			t.Errorf("%s: %v", c.ID, ids)
		}
	}
	if _, err := NewCoder(f); err != nil {
		t.Fatal(err)
	}
	if f.Digest() == "" {
		t.Error("no digest")
	}
}

func TestKappa(t *testing.T) {
	// 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15 → p_o 0.7, p_e 0.5, κ 0.4
	var a, b []string
	add := func(x, y string, n int) {
		for i := 0; i < n; i++ {
			a, b = append(a, x), append(b, y)
		}
	}
	add("yes", "yes", 20)
	add("yes", "no", 5)
	add("no", "yes", 10)
	add("no", "no", 15)
	k := Kappa("category", a, b, []string{"yes", "no"})
	if math.Abs(k.Kappa-0.4) > 1e-9 || math.Abs(k.Observed-0.7) > 1e-9 || math.Abs(k.Expected-0.5) > 1e-9 {
		t.Fatalf("κ %+v", k)
	}
	if k.Matrix[0][1] != 5 || k.Matrix[1][0] != 10 {
		t.Errorf("matrix %v", k.Matrix)
	}
	if pr := k.PerLabel[0]; pr.Tool != 25 || pr.Human != 30 || pr.Both != 20 {
		t.Errorf("per label %+v", pr)
	}
	same := Kappa("c", []string{"a", "a"}, []string{"a", "a"}, nil)
	if same.Kappa != 1 {
		t.Errorf("identical one-label coding: κ %v", same.Kappa)
	}
}

func TestReadHumanAndCompare(t *testing.T) {
	r := code(t, sample, UnitSentence)
	f, _ := Builtin()
	csv := "\ufeffdoc,unit,category,subcategory\ndoc,2-1-s2,supply,funding\ndoc,2-2-s2,environment,tax\ndoc,3-s2,,\ndoc,2-3-s2,demand,\n"
	h, err := ReadHuman(strings.NewReader(csv), "h.csv")
	if err != nil {
		t.Fatal(err)
	}
	cmp, err := Compare([]*Result{r}, h, f)
	if err != nil {
		t.Fatal(err)
	}
	if cmp.Category.N != 4 || cmp.Category.Kappa != 1 {
		t.Errorf("category %+v", cmp.Category)
	}
	// 2-3-s2 coded at category level only: subcategory "demand" vs procurement
	if len(cmp.Disagreements) != 1 || cmp.Disagreements[0].Unit != "2-3-s2" || cmp.Disagreements[0].CategoryDiffers {
		t.Errorf("disagreements %+v", cmp.Disagreements)
	}
	tsv := "文档\t单元\t类别\ndoc\t2-1-s2\tsupply\n"
	if h, err := ReadHuman(strings.NewReader(tsv), "h.tsv"); err != nil || len(h) != 1 || h[0].Category != "supply" {
		t.Errorf("TSV with Chinese header: %v %v", h, err)
	}
	for _, c := range []struct{ in, want string }{
		{"", "empty file"},
		{"doc,category\nx,y\n", `no "unit" column`},
		{"doc,unit,category\nd,1,a\nd,1,b\n", "coded twice"},
		{"doc,unit,category\n", "no coded units"},
		{"doc,unit,category\n,1,a\n", "must not be empty"},
	} {
		if _, err := ReadHuman(strings.NewReader(c.in), "h.csv"); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want %q", c.in, err, c.want)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"doc,unit,category\nother,0-s1,none\n", "was not coded"},
		{"doc,unit,category\ndoc,9-s9,none\n", "no unit"},
		{"doc,unit,category,subcategory\ndoc,0-s1,supply,tax\n", "belongs to environment"},
	} {
		h, err := ReadHuman(strings.NewReader(c.in), "h.csv")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Compare([]*Result{r}, h, f); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want %q", c.in, err, c.want)
		}
	}
}

func TestCountsMerge(t *testing.T) {
	f, _ := Builtin()
	c, _ := NewCoder(f)
	texts := []string{sample, "（一）强化人才培养。引进高层次人才。\n", "开展示范应用。国际合作。\n", "无关的句子。\n", sample}
	years := []string{"2020", "2021", "2020", "2019", "2021"}
	var results []*Result
	for i, tx := range texts {
		r, err := c.Code(context.Background(), analysis.NewInput("d", tx, script.Simplified, nil), Options{})
		if err != nil {
			t.Fatal(err)
		}
		r.Doc = "d" + string(rune('a'+i))
		results = append(results, r)
	}
	for _, multi := range []bool{false, true} {
		s := c.SettingsFor(UnitSentence, multi, "year")
		whole := NewCounts(s, c.Refs())
		for i, r := range results {
			whole.Add(r, Group{A: years[i]})
		}
		want, err := json.Marshal(whole)
		if err != nil {
			t.Fatal(err)
		}
		rng := rand.New(rand.NewSource(1))
		for trial := 0; trial < 20; trial++ {
			perm := rng.Perm(len(results))
			parts := []*Counts{NewCounts(s, c.Refs()), NewCounts(s, c.Refs()), NewCounts(s, c.Refs())}
			for _, i := range perm {
				parts[rng.Intn(3)].Add(results[i], Group{A: years[i]})
			}
			// (p0 + p2) + p1, through JSON
			acc := NewCounts(s, nil)
			for _, k := range []int{0, 2, 1} {
				b, _ := json.Marshal(parts[k])
				var back Counts
				if err := json.Unmarshal(b, &back); err != nil {
					t.Fatal(err)
				}
				if err := acc.Merge(&back); err != nil {
					t.Fatal(err)
				}
			}
			got, _ := json.Marshal(acc)
			if string(got) != string(want) {
				t.Fatalf("multi=%v split %v:\n got %s\nwant %s", multi, perm, got, want)
			}
		}
		// shares of a group's coded units add up to 1
		sums := map[string]float64{}
		for _, cell := range whole.Tidy("subcategory") {
			sums[cell.A] += cell.Share
		}
		for y, v := range sums {
			if y != "2019" && math.Abs(v-1) > 1e-9 {
				t.Errorf("multi=%v year %s shares add to %v", multi, y, v)
			}
		}
	}
	s := c.SettingsFor(UnitSentence, false, "year")
	a := NewCounts(s, c.Refs())
	b := NewCounts(c.SettingsFor(UnitClause, false, "year"), c.Refs())
	if err := a.Merge(b); err == nil || !strings.Contains(err.Error(), "unit sentence vs clause") {
		t.Errorf("mismatched merge: %v", err)
	}
	a.Add(results[0], Group{A: "2020"})
	x := a.Crosstab("category")
	if len(x.Rows) != 3 || x.Rows[0] != "supply" || len(x.Cols) != 1 {
		t.Fatalf("crosstab %+v", x)
	}
	// sample: funding 2; planning 3 (总体要求, 主要目标, the target) + tax 2; procurement 2
	if x.Counts[0][0] != 2 || x.Counts[1][0] != 5 || x.Counts[2][0] != 2 {
		t.Errorf("crosstab counts %v", x.Counts)
	}
	for _, bad := range []string{`{"kind":"freq","version":1}`, `{"kind":"instruments","version":99}`,
		`{"kind":"instruments","version":1,"settings":{},"docs":2,"groups":[{"a":"x","docs":1,"units":1,"coded":0,"chars":1,"codes":[]}]}`,
		`{"kind":"instruments","version":1,"settings":{},"docs":1,"groups":[{"a":"x","docs":1,"units":1,"coded":1,"chars":1,"codes":[]}]}`} {
		var back Counts
		if err := json.Unmarshal([]byte(bad), &back); err == nil {
			t.Errorf("accepted %s", bad)
		}
	}
}

func TestNaturalCompare(t *testing.T) {
	in := []string{"2021", "doc10", "doc2", "2019", "", "doc02x"}
	slices.SortFunc(in, naturalCompare)
	if want := []string{"", "2019", "2021", "doc2", "doc02x", "doc10"}; !slices.Equal(in, want) {
		t.Errorf("%v", in)
	}
}

func FuzzCode(f *testing.F) {
	f.Add(sample)
	f.Add("（一）《（》）。；\n第一条\n1.\n（")
	fr, _ := Builtin()
	c, _ := NewCoder(fr)
	f.Fuzz(func(t *testing.T, text string) {
		in := analysis.NewInput("f", text, script.Detect(text).Kind, nil)
		for _, k := range []UnitKind{UnitSentence, UnitClause, UnitSection} {
			r, err := c.Code(context.Background(), in, Options{Unit: k})
			if err != nil {
				t.Fatal(err)
			}
			seen := map[string]bool{}
			for _, u := range r.Units {
				if seen[u.ID] {
					t.Fatalf("unit id %s twice", u.ID)
				}
				seen[u.ID] = true
				if u.Start < 0 || u.End > len(text) || u.Start > u.End || text[u.Start:u.End] != u.Text {
					t.Fatalf("bad span %d-%d", u.Start, u.End)
				}
			}
		}
	})
}
