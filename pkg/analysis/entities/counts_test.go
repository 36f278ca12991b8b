package entities

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// docsForCounts are the mentions of a few documents.
func docsForCounts() [][]Mention {
	return [][]Mention{
		{{Key: "李强", Text: "李强", Type: PER, Title: "国务院总理"}, {Key: "国务院", Text: "国务院", Type: ORG},
			{Key: "李强", Text: "李强", Type: PER, Title: "总理"}, {Key: "泰州", Text: "泰州", Type: LOC}},
		{{Key: "李强", Text: "李強", Type: PER}, {Key: "泰州", Text: "泰州", Type: LOC}, {Key: "2025年", Text: "2025年", Type: DATE}},
		{},
		{{Key: "王正谱", Text: "王正谱", Type: PER, Title: "河北省人民政府省长"}, {Key: "河北省人民政府", Text: "河北省人民政府", Type: ORG}},
		{{Key: "国务院", Text: "國務院", Type: ORG}, {Key: "王正谱", Text: "王正谱", Type: PER}},
	}
}

// TestCountsMergeAnyOrder: any split of the documents into parts, merged in
// any order, gives the counts of adding them all to one value.
func TestCountsMergeAnyOrder(t *testing.T) {
	x := New(nil)
	docs := docsForCounts()
	whole := NewCounts(x.Settings(nil))
	for _, d := range docs {
		whole.Add(d)
	}
	want, err := json.Marshal(whole)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 50; round++ {
		parts := make([]*Counts, 1+r.IntN(len(docs)))
		for i := range parts {
			parts[i] = NewCounts(x.Settings(nil))
		}
		for _, i := range r.Perm(len(docs)) {
			parts[r.IntN(len(parts))].Add(docs[i])
		}
		r.Shuffle(len(parts), func(i, j int) { parts[i], parts[j] = parts[j], parts[i] })
		sum := NewCounts(x.Settings(nil))
		for _, p := range parts {
			// through JSON, as partial files carry them
			b, err := json.Marshal(p)
			if err != nil {
				t.Fatal(err)
			}
			var back Counts
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatalf("round %d: %v\n%s", round, err, b)
			}
			if err := sum.Merge(&back); err != nil {
				t.Fatal(err)
			}
		}
		got, _ := json.Marshal(sum)
		if string(got) != string(want) {
			t.Fatalf("round %d: merged counts differ:\n got %s\nwant %s", round, got, want)
		}
	}
	es := whole.Entities()
	if es[0].Key != "李强" || es[0].Count != 3 || es[0].Docs != 2 || fmt.Sprint(es[0].Titles) != "[国务院总理 总理]" {
		t.Errorf("first entity = %+v", es[0])
	}
	if whole.Docs() != 5 {
		t.Errorf("docs = %d", whole.Docs())
	}
	if n := whole.TitleCounts("李强")["总理"]; n != 1 {
		t.Errorf("李强 总理 counted %d", n)
	}
}

func TestCountsRefuse(t *testing.T) {
	a := NewCounts(New(nil).Settings(nil))
	b := NewCounts(NewWith(Options{Genre: News}).Settings(nil))
	if err := a.Merge(b); err == nil || !strings.Contains(err.Error(), "genre") {
		t.Errorf("merging another genre: %v", err)
	}
	g := New([]Entry{{Name: "迈博太科", Type: ORG}})
	if err := a.Merge(NewCounts(g.Settings(nil))); err == nil || !strings.Contains(err.Error(), "gazetteer") {
		t.Errorf("merging another gazetteer: %v", err)
	}
	if err := a.Merge(NewCounts(New(nil).Settings([]Type{PER}))); err == nil || !strings.Contains(err.Error(), "types") {
		t.Errorf("merging other types: %v", err)
	}
	typed := NewCounts(New(nil).Settings([]Type{PER}))
	typed.Add(docsForCounts()[0])
	if es := typed.Entities(); len(es) != 1 || es[0].Type != PER {
		t.Errorf("PER-only counts hold %v", es)
	}
	for _, bad := range []string{
		`{"kind":"freq","version":1,"settings":{"genre":"policy"},"docs":0,"entities":[]}`,
		`{"kind":"entities","version":9,"settings":{"genre":"policy"},"docs":0,"entities":[]}`,
		`{"kind":"entities","version":1,"settings":{"genre":"policy"},"docs":1,"entities":[{"key":"a","type":"PER","count":2,"docs":3,"forms":[{"text":"a","count":2}]}]}`,
		`{"kind":"entities","version":1,"settings":{"genre":"policy"},"docs":1,"entities":[{"key":"a","type":"PER","count":2,"docs":1,"forms":[{"text":"a","count":1}]}]}`,
		`{"kind":"entities","version":1,"settings":{"genre":"policy"},"docs":1,"entities":[{"key":"a","type":"XYZ","count":1,"docs":1,"forms":[{"text":"a","count":1}]}]}`,
		`{"kind":"entities","version":1,"settings":{"genre":"policy"},"docs":1,"extra":1,"entities":[]}`,
	} {
		var c Counts
		if err := json.Unmarshal([]byte(bad), &c); err == nil {
			t.Errorf("accepted %s", bad)
		}
	}
}
