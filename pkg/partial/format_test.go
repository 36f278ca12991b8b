package partial

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
)

// Add refuses a sum that does not fit in int64 (issue 22: merge printed
// "-2 counted") and leaves the count as it was.
func TestAddRefusesOverflow(t *testing.T) {
	for _, c := range []struct {
		a, b int64
		ok   bool
	}{
		{1, 2, true},
		{math.MaxInt64 - 1, 1, true},
		{math.MaxInt64, 1, false},
		{math.MaxInt64, math.MaxInt64, false},
		{math.MinInt64 + 1, -1, true},
		{math.MinInt64, -1, false},
		{-1, math.MinInt64, false},
		{math.MaxInt64, math.MinInt64, true},
	} {
		a := c.a
		err := Add(&a, c.b)
		if c.ok && (err != nil || a != c.a+c.b) {
			t.Errorf("Add(%d, %d) = %d, %v", c.a, c.b, a, err)
		}
		if !c.ok && (!errors.Is(err, ErrOverflow) || a != c.a) {
			t.Errorf("Add(%d, %d) = %d, %v; want ErrOverflow and %d unchanged", c.a, c.b, a, err, c.a)
		}
	}
}

// MergeParts refuses the same run given twice, and a merged partial given
// with one of its inputs; otherwise it is the sorted union.
func TestMergePartsRefusesARunTwice(t *testing.T) {
	got, err := MergeParts([]string{"b"}, []string{"a", "c"})
	if err != nil || !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Fatalf("MergeParts = %v, %v", got, err)
	}
	for _, c := range [][2][]string{
		{{"a"}, {"a"}},
		{{"a", "b"}, {"b"}},
	} {
		if _, err := MergeParts(c[0], c[1]); err == nil || !strings.Contains(err.Error(), "counted twice") {
			t.Errorf("MergeParts(%v, %v): %v, want a refusal", c[0], c[1], err)
		}
	}
	// two runs over the same inputs have the same ID: the partial of one
	// run given twice is caught
	var x, y Inputs
	x.Add("a.txt", 10)
	y.Add("a.txt", 10)
	if _, err := MergeParts(x.Parts(), y.Parts()); err == nil {
		t.Error("the same inputs twice were not refused")
	}
}

// zeros serves NUL bytes forever, like /dev/zero.
type zeros struct{ served int64 }

func (z *zeros) Read(p []byte) (int, error) {
	clear(p)
	z.served += int64(len(p))
	return len(p), nil
}

// braces serves an endless first line that begins as JSON.
type braces struct{ served int64 }

func (b *braces) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = '['
	}
	if b.served == 0 {
		p[0] = '{'
	}
	b.served += int64(len(p))
	return len(p), nil
}

// A stream that is not a partial is refused after its first block, and no
// line is read past MaxLine (issue 22: merge /dev/zero grew without bound).
func TestReaderIsBounded(t *testing.T) {
	z := &zeros{}
	_, _, err := NewReader("zero", z).Next(true)
	if err == nil || !strings.HasPrefix(err.Error(), "zero:1: not a zhpolicy partial") || z.served > 1<<20 {
		t.Errorf("Next on /dev/zero: %v after %d bytes", err, z.served)
	}
	if testing.Short() {
		return
	}
	b := &braces{}
	_, _, err = NewReader("long", b).Next(true)
	if err == nil || !strings.HasPrefix(err.Error(), "long:1: a line longer than 64 MiB") || b.served > MaxLine+1<<20 {
		t.Errorf("Next on an endless line: %v after %d bytes", err, b.served)
	}
}

type versionedValue struct {
	Kind    string `json:"kind"`
	Version int    `json:"version"`
	N       int    `json:"n"`
}

func (v *versionedValue) KindVersion() (string, int) { return v.Kind, v.Version }

func TestDecodeVersioned(t *testing.T) {
	for _, c := range []struct{ in, err string }{
		{`{"kind":"k","version":2,"n":3}`, ""},
		{`{"kind":"x","version":2,"n":3}`, `kind "x", want "k"`},
		{`{"kind":"k","version":1,"n":3}`, "version 1, this zhpolicy reads 2"},
		{`{"kind":"k","version":2,"m":3}`, "unknown field"},
		{`{"kind":"k","version":2} {}`, "trailing data"},
	} {
		var v versionedValue
		err := DecodeVersioned([]byte(c.in), &v, "test counts", "k", 2)
		switch {
		case c.err == "" && (err != nil || v.N != 3):
			t.Errorf("%s: %v %+v", c.in, err, v)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err) || !strings.HasPrefix(err.Error(), "test counts: ")):
			t.Errorf("%s: error %v, want one with %q", c.in, err, c.err)
		}
	}
}

func TestEnvelopeJoin(t *testing.T) {
	e := Envelope{Parts: []string{"b"}}
	merged := 0
	merge := func() error { merged++; return nil }
	if err := e.Join(Envelope{Parts: []string{"a"}, Tool: "v1"}, merge); err != nil || merged != 1 ||
		!slices.Equal(e.Parts, []string{"a", "b"}) || e.Tool != "v1" {
		t.Fatalf("Join: %v, merged %d, %+v", err, merged, e)
	}
	if err := e.Join(Envelope{Parts: []string{"b", "c"}, Tool: "v2"}, merge); err == nil || merged != 1 {
		t.Errorf("a run held twice was joined (%v, merged %d)", err, merged)
	}
	failed := errors.New("overflow")
	if err := e.Join(Envelope{Parts: []string{"c"}}, func() error { return failed }); err != failed ||
		!slices.Equal(e.Parts, []string{"a", "b"}) {
		t.Errorf("a failed merge changed the parts: %v, %v", err, e.Parts)
	}
	if err := e.Join(Envelope{Parts: []string{"c"}, Tool: "v3"}, merge); err != nil || e.Tool != "v1" || len(e.Parts) != 3 {
		t.Errorf("Join: %v, %+v", err, e)
	}
}
