package normalize

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// siteCorpus returns n pages of one portal: a body that differs from page to page between
// chrome that no rule knows and structural lines every document has on purpose.
func siteCorpus(n int) []string {
	topics := []string{"数字经济", "乡村振兴", "生态保护", "科技创新", "营商环境", "公共服务", "城市更新", "对外开放"}
	var docs []string
	for i := range n {
		t1, t2 := topics[i%len(topics)], topics[(i*3+1)%len(topics)]
		var b strings.Builder
		b.WriteString("走进某省 | 省情概况 | 政务动态 | 市县之窗\n")
		b.WriteString("某省政务服务品牌 一网通办\n")
		fmt.Fprintf(&b, "关于推进%s工作的通知\n", t1)
		b.WriteString("各市人民政府，省政府各部门：\n")
		fmt.Fprintf(&b, "为加快推进%s，经省政府同意，现就第%d批重点任务通知如下。\n", t1, i+1)
		b.WriteString("一、总体要求\n")
		fmt.Fprintf(&b, "坚持以人民为中心的发展思想，统筹%s和%s，确保各项任务落地见效，第%d项工作按期完成。\n", t1, t2, i+3)
		b.WriteString("二、保障措施\n")
		fmt.Fprintf(&b, "各地要加强组织领导，建立%s工作台账，每季度报送进展情况，确保第%d季度完成目标。\n", t2, i%4+1)
		b.WriteString("某省人民政府\n")
		fmt.Fprintf(&b, "2024年%d月%d日\n", i%12+1, i%28+1)
		b.WriteString("（此件公开发布）\n")
		b.WriteString("本网站支持IPv6访问\n")
		b.WriteString("某省人民政府办公厅主办 某省大数据局承办\n")
		docs = append(docs, b.String())
	}
	return docs
}

func countsOf(docs []string, opts Options) *LineCounts {
	c := NewLineCounts(opts)
	for _, d := range docs {
		if err := c.Add(Clean(d, opts)); err != nil {
			panic(err)
		}
	}
	return c
}

func TestCorpusPassRemovesRepeatedChrome(t *testing.T) {
	docs := siteCorpus(12)
	opts := DefaultOptions()
	counts := countsOf(docs, opts)
	if counts.Docs() != 12 {
		t.Fatalf("Docs = %d", counts.Docs())
	}
	rep := counts.Repeated(DefaultRepeat())
	opts.Repeated = rep
	gone := []string{"走进某省 | 省情概况 | 政务动态 | 市县之窗", "某省政务服务品牌 一网通办", "本网站支持IPv6访问",
		"某省人民政府办公厅主办 某省大数据局承办"}
	stays := []string{"各市人民政府，省政府各部门：", "一、总体要求", "二、保障措施", "某省人民政府\n", "（此件公开发布）", "关于推进"}
	for i, d := range docs {
		r := Clean(d, opts)
		for _, g := range gone {
			if strings.Contains(r.Text, g) {
				t.Errorf("doc %d: %q left", i, g)
			}
		}
		for _, s := range stays {
			if !strings.Contains(r.Text, s) {
				t.Errorf("doc %d: %q removed", i, s)
			}
		}
		for _, c := range r.Changes {
			if c.Kind == ChangeBoilerplate && c.Reason != ReasonRepeated {
				t.Errorf("doc %d: %q removed for %q", i, c.Old, c.Reason)
			}
		}
		// Idempotent with the corpus pass too.
		if again := Clean(r.Text, opts); again.Text != r.Text {
			t.Errorf("doc %d: not idempotent: %q → %q", i, r.Text, again.Text)
		}
		checkResult(t, d, r, opts)
	}
	// Without the corpus pass the same chrome stays: no rule knows it.
	if r := Clean(docs[0], DefaultOptions()); !strings.Contains(r.Text, gone[0]) {
		t.Error("a rule removed the unknown menu: the test needs chrome no rule knows")
	}
	// Two documents are not a corpus.
	if rep := countsOf(docs[:2], DefaultOptions()).Repeated(DefaultRepeat()); rep.Len() != 0 {
		t.Errorf("%d repeated lines in two documents", rep.Len())
	}
}

// TestLineCountsMerge: any split of the documents, counted in any order and merged in any
// order, gives the counts of the whole, byte for byte.
func TestLineCountsMerge(t *testing.T) {
	docs := siteCorpus(20)
	opts := DefaultOptions()
	whole, err := json.Marshal(countsOf(docs, opts))
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for trial := range 20 {
		perm := rng.Perm(len(docs))
		parts := rng.IntN(5) + 1
		groups := make([][]string, parts)
		for _, i := range perm {
			g := rng.IntN(parts)
			groups[g] = append(groups[g], docs[i])
		}
		var pcs []*LineCounts
		for _, g := range groups {
			pcs = append(pcs, countsOf(g, opts))
		}
		rng.Shuffle(len(pcs), func(i, j int) { pcs[i], pcs[j] = pcs[j], pcs[i] })
		total := NewLineCounts(opts)
		for _, p := range pcs {
			// Through JSON, as partial files travel.
			b, _ := json.Marshal(p)
			var q LineCounts
			if err := json.Unmarshal(b, &q); err != nil {
				t.Fatal(err)
			}
			if err := total.Merge(&q); err != nil {
				t.Fatal(err)
			}
		}
		got, _ := json.Marshal(total)
		if string(got) != string(whole) {
			t.Fatalf("trial %d: merged counts differ from the whole:\n%s\n%s", trial, got, whole)
		}
	}
}

func TestLineCountsRefuse(t *testing.T) {
	c := NewLineCounts(DefaultOptions())
	if err := c.Add(Clean("x", Options{Boilerplate: true})); err == nil {
		t.Error("Add accepted a result cleaned with other options")
	}
	if err := c.Merge(NewLineCounts(Options{Boilerplate: true})); err == nil {
		t.Error("Merge accepted counts made with other options")
	}
	var d LineCounts
	for _, bad := range []string{
		`{"version":2,"options":"","docs":1,"lines":[]}`,
		`{"version":1,"options":"","docs":1,"lines":[["zz","1"]]}`,
		`{"version":1,"options":"","docs":1,"lines":[["00000000000000ff","2"]]}`,
		`{"version":1,"options":"","docs":-1,"lines":[]}`,
	} {
		if err := json.Unmarshal([]byte(bad), &d); err == nil {
			t.Errorf("Unmarshal(%s) accepted", bad)
		}
	}
}

// TestCorpusPassIsOrderFree: the result of a document depends on the corpus, not on the
// order its documents were counted in.
func TestCorpusPassIsOrderFree(t *testing.T) {
	docs := siteCorpus(9)
	opts := DefaultOptions()
	a := countsOf(docs, opts).Repeated(DefaultRepeat())
	rev := slices.Clone(docs)
	slices.Reverse(rev)
	b := countsOf(rev, opts).Repeated(DefaultRepeat())
	oa, ob := opts, opts
	oa.Repeated, ob.Repeated = a, b
	for i, d := range docs {
		if x, y := Clean(d, oa).Text, Clean(d, ob).Text; x != y {
			t.Errorf("doc %d: %q vs %q", i, x, y)
		}
	}
}
