package entities

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"zhpolicy/pkg/partial"
)

func writePartial(t *testing.T, c *Counts, part string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WritePartial(&b, Header{Envelope: partial.Envelope{Tool: "test", Parts: []string{part}}}, c); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func readPartial(t *testing.T, b []byte) (Header, *Counts, error) {
	t.Helper()
	pr := partial.NewReader("p", bytes.NewReader(b))
	if _, line, err := pr.Next(true); err != nil {
		return Header{}, nil, err
	} else {
		return ReadBody(pr, line)
	}
}

// TestPartialRoundTripAndMerge: a partial reads back to the counts it was
// written from, partials of the parts add up to the partial of the whole,
// and merging refuses other settings and the same run twice.
func TestPartialRoundTripAndMerge(t *testing.T) {
	x := New(nil)
	docs := docsForCounts()
	whole := NewCounts(x.Settings(nil))
	for _, d := range docs {
		whole.Add(d)
	}
	wb := writePartial(t, whole, "whole")
	h, c, err := readPartial(t, wb)
	if err != nil {
		t.Fatal(err)
	}
	if got := writePartial(t, c, "whole"); !bytes.Equal(got, wb) {
		t.Fatalf("round trip differs:\n%s\nwant\n%s", got, wb)
	}
	if h.Docs != int64(len(docs)) || h.EntitiesVersion != PartialVersion {
		t.Errorf("header %+v", h)
	}
	a, b := NewCounts(x.Settings(nil)), NewCounts(x.Settings(nil))
	for i, d := range docs {
		if i%2 == 0 {
			a.Add(d)
		} else {
			b.Add(d)
		}
	}
	ha, ca, err := readPartial(t, writePartial(t, a, "a"))
	if err != nil {
		t.Fatal(err)
	}
	hb, cb, err := readPartial(t, writePartial(t, b, "b"))
	if err != nil {
		t.Fatal(err)
	}
	if err := hb.Add(ha, cb, ca); err != nil { // b first: the order does not matter
		t.Fatal(err)
	}
	got := writePartial(t, cb, "whole")
	if !bytes.Equal(got, wb) {
		t.Errorf("merged partial differs:\n%s\nwant\n%s", got, wb)
	}
	if err := hb.Add(ha, cb, ca); err == nil {
		t.Error("the same run merged twice")
	}
	other := x.Settings([]Type{PER})
	hp, cp, err := readPartial(t, writePartial(t, NewCounts(other), "p"))
	if err != nil {
		t.Fatal(err)
	}
	if err := hp.Add(ha, cp, ca); err == nil || !strings.Contains(err.Error(), "types") {
		t.Errorf("partials of other types merged: %v", err)
	}
	hmm := x.Settings(nil)
	hmm.HMM = true
	hh, ch, err := readPartial(t, writePartial(t, NewCounts(hmm), "h"))
	if err != nil {
		t.Fatal(err)
	}
	if err := hh.Add(ha, ch, ca); err == nil || !strings.Contains(err.Error(), "--hmm") {
		t.Errorf("partials of other --hmm merged: %v", err)
	}
}

// TestPartialRefusesImpossibleLines: lines no run could write are refused
// with the line named.
func TestPartialRefusesImpossibleLines(t *testing.T) {
	x := New(nil)
	c := NewCounts(x.Settings(nil))
	for _, d := range docsForCounts() {
		c.Add(d)
	}
	good := string(writePartial(t, c, "a"))
	for _, tc := range []struct{ name, from, to string }{
		{"count below the forms", `"count":3,"docs":2`, `"count":2,"docs":2`},
		{"docs above the documents", `"count":3,"docs":2`, `"count":3,"docs":9`},
		{"unknown type", `"type":"LOC"`, `"type":"XYZ"`},
		{"another version", fmt.Sprintf(`"entities_version":%d`, PartialVersion), fmt.Sprintf(`"entities_version":%d`, PartialVersion-1)},
		{"unknown field", `"kind":"entity",`, `"kind":"entity","extra":1,`},
	} {
		bad := strings.Replace(good, tc.from, tc.to, 1)
		if bad == good {
			t.Fatalf("%s: %q not in the partial:\n%s", tc.name, tc.from, good)
		}
		if _, _, err := readPartial(t, []byte(bad)); err == nil {
			t.Errorf("%s: accepted", tc.name)
		}
	}
}
