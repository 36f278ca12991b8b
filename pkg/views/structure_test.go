package views

import (
	"strings"
	"testing"

	"zhpolicy/pkg/structure"
)

// TestStructureBodyDetail: a body without headings says so, rather than a
// bare "headings " label (audit of the NPC resolutions).
func TestStructureBodyDetail(t *testing.T) {
	d := &structure.Document{Title: &structure.Title{Field: structure.Field{Text: "关于政府工作报告的决议", Start: 0, End: 33}},
		Body: &structure.Span{Start: 40, End: 100}}
	var body *element
	els := elements(d, structure.Meta{})
	for i := range els {
		if els[i].name == "正文" {
			body = &els[i]
		}
	}
	if body == nil {
		t.Fatalf("no 正文 among %+v", els)
	}
	if body.detail != "no headings" {
		t.Errorf("detail %q, want %q", body.detail, "no headings")
	}
	d.Headings = []structure.Heading{{Kind: "一、"}, {Kind: "一、"}}
	for _, e := range elements(d, structure.Meta{}) {
		if e.name == "正文" && !strings.HasPrefix(e.detail, "headings 一、×2") {
			t.Errorf("detail %q", e.detail)
		}
	}
}
