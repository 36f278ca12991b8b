package structure

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
)

func summaryDocs() []struct {
	d *Document
	m Meta
} {
	texts := []string{
		"国务院关于某某的通知\n各省：\n一、要求\n根据国发〔2023〕1号文件精神，通知如下。\n国务院\n2024年3月5日\n",
		"工业和信息化部 财政部关于某某的意见\n各省：\n一、要求\n（一）任务\n工业和信息化部\n财政部\n2023年1月2日\n",
		"某某实施方案\n一、目标\n二、措施\n",
		"春天来了。",
		"国务院办公厅关于印发《某某规划》的通知\n各省：\n现印发给你们。\n国务院办公厅\n2022年12月30日\n",
	}
	var out []struct {
		d *Document
		m Meta
	}
	for i, t := range texts {
		d := Parse(t)
		out = append(out, struct {
			d *Document
			m Meta
		}{d, MetaOf(d, fmt.Sprintf("doc%d.txt", i), MetaOptions{})})
	}
	return out
}

// TestSummaryMerges: any split and any order of the documents gives the
// same summary, and it survives its JSON encoding.
func TestSummaryMerges(t *testing.T) {
	docs := summaryDocs()
	for _, by := range []string{"", "year", "issuer", "doctype"} {
		whole := NewSummary(by)
		for _, x := range docs {
			whole.Add(x.d, x.m)
		}
		want, _ := json.Marshal(whole)
		rng := rand.New(rand.NewPCG(1, 2))
		for trial := 0; trial < 20; trial++ {
			perm := rng.Perm(len(docs))
			parts := []*Summary{NewSummary(by), NewSummary(by), NewSummary(by)}
			for _, i := range perm {
				parts[rng.IntN(3)].Add(docs[i].d, docs[i].m)
			}
			total := NewSummary(by)
			for _, k := range rng.Perm(3) {
				b, _ := json.Marshal(parts[k])
				var back Summary
				if err := json.Unmarshal(b, &back); err != nil {
					t.Fatal(err)
				}
				if err := total.Merge(&back); err != nil {
					t.Fatal(err)
				}
			}
			if got, _ := json.Marshal(total); string(got) != string(want) {
				t.Fatalf("by %q: split and merged\n%s\nwant\n%s", by, got, want)
			}
		}
	}
	s := NewSummary("year")
	for _, x := range docs {
		s.Add(x.d, x.m)
	}
	if s.All.Docs != 5 || s.All.Dated != 3 || s.All.Joint != 1 || s.All.DocTypes["规划"] != 1 || s.All.First != "2022-12-30" || s.All.Last != "2024-03-05" {
		t.Errorf("totals %+v", s.All)
	}
	if names := s.GroupNames(); fmt.Sprint(names) != "[2022 2023 2024 (unknown)]" {
		t.Errorf("groups %v", names)
	}
	if err := NewSummary("year").Merge(NewSummary("issuer")); err == nil {
		t.Error("merged summaries grouped differently")
	}
	var bad Summary
	if err := json.Unmarshal([]byte(`{"version":99}`), &bad); err == nil {
		t.Error("read another version")
	}
}
