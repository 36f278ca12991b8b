package bygroup

import (
	"fmt"
	"testing"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/analysis/freq"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
	"zhpolicy/pkg/structure"
)

// tokens cuts text at every rune (enough to test re-basing).
func tokens(text string) []segment.Token {
	var out []segment.Token
	for i, r := range text {
		out = append(out, segment.Token{Text: string(r), Start: int32(i), End: int32(i + len(string(r)))})
	}
	return out
}

func TestSectionInput(t *testing.T) {
	text := "关于某某的通知\n一、甲乙\n二、丙丁戊\n"
	in := analysis.NewInput("a.txt", text, script.Simplified, tokens(text))
	d := structure.Parse(text)
	secs := d.Sections()
	if len(secs) != 2 {
		t.Fatalf("sections %+v", secs)
	}
	sub := SectionInput(in, secs[1])
	if sub.Text != "二、丙丁戊" || len(sub.Tokens) != 5 || sub.Tokens[2].Text != "丙" || sub.Text[sub.Tokens[2].Start:sub.Tokens[2].End] != "丙" {
		t.Errorf("section input %q %+v", sub.Text, sub.Tokens)
	}
	if c := freq.Count(sub, freq.Options{}); c.Get("丁").Count != 1 || c.Get("甲").Count != 0 {
		t.Errorf("counts of the section")
	}
}

// TestFreqMerges: grouped counts merge to the same result in any split.
func TestFreqMerges(t *testing.T) {
	docs := []string{"甲乙", "乙丙", "丙丁", "甲甲"}
	groups := []string{"2024", "2025", "2024", structure.Unknown}
	count := func(s string) *freq.Counts {
		return freq.Count(analysis.NewInput("x", s, script.Simplified, tokens(s)), freq.Options{})
	}
	whole := NewFreq()
	for i, d := range docs {
		whole.Add(groups[i], count(d))
	}
	a, b := NewFreq(), NewFreq()
	for i := len(docs) - 1; i >= 0; i-- {
		if i%2 == 0 {
			a.Add(groups[i], count(docs[i]))
		} else {
			b.Add(groups[i], count(docs[i]))
		}
	}
	b.Merge(a)
	if fmt.Sprint(whole.Groups()) != "[2024 2025 (unknown)]" || fmt.Sprint(b.Groups()) != fmt.Sprint(whole.Groups()) {
		t.Fatalf("groups %v %v", whole.Groups(), b.Groups())
	}
	for _, g := range whole.Groups() {
		for _, k := range []string{"甲", "乙", "丙", "丁"} {
			if whole.Get(g).Get(k).Count != b.Get(g).Get(k).Count {
				t.Errorf("%s %s: %d vs %d", g, k, whole.Get(g).Get(k).Count, b.Get(g).Get(k).Count)
			}
		}
	}
	if got := MetaColumns([]string{"doc", "year", "issuer", "stage", "section"}); fmt.Sprint(got) != "[stage]" {
		t.Errorf("meta columns %v", got)
	}
	var r *Resolver
	m := r.Of(structure.Parse("国务院关于某某的通知\n各省：\n正文。\n国务院\n2024年3月5日\n"), "x_2019.txt")
	if m.Year != 2024 || m.DateSource != "text" || m.Group("issuer") != "国务院" {
		t.Errorf("meta %+v", m)
	}
}
