package corpus

import (
	"testing"

	"zhpolicy/pkg/input"
)

// TestStructureOriginalListsJoinedPages: a notice as pdftotext gives it has
// three page numbers (— 1 — … — 3 —); two fall inside a sentence, and
// cleaning removes them with the line ends it joins. The parsed text holds
// one; StructureOriginal lists all three, at their places in the original.
func TestStructureOriginalListsJoinedPages(t *testing.T) {
	in, err := input.Read(input.Source{Path: "../../testdata/normalize/wrapped_notice.txt", Size: -1}, input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := Prepare(in, true)
	if got := len(d.Structure().PageNumbers); got != 1 {
		t.Fatalf("the cleaned text holds %d page numbers, want 1 (the test's premise)", got)
	}
	doc := d.StructureOriginal()
	if doc.Layout != "wrapped" {
		t.Errorf("layout %q, want wrapped", doc.Layout)
	}
	if len(doc.PageNumbers) != 3 {
		t.Fatalf("%d page numbers, want 3: %+v", len(doc.PageNumbers), doc.PageNumbers)
	}
	for i, p := range doc.PageNumbers {
		if p.Number != i+1 || !p.Standard || d.Original[p.Start:p.End] != p.Text || p.Text == "" {
			t.Errorf("page number %d: %+v (original there %q)", i, p, d.Original[p.Start:p.End])
		}
	}
	if doc.Title == nil || d.Original[doc.Title.Start:doc.Title.End] == "" {
		t.Errorf("title not mapped into the original: %+v", doc.Title)
	}
}
