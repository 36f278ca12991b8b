package convert

import (
	"strings"
	"testing"
)

// diff reports each changed run with its column (characters) and byte
// offset: the offsets are those of the line's own bytes, whatever the
// width of the characters before.
func TestDiffOffsets(t *testing.T) {
	orig := "a國家b發展c，經濟😀建設"
	conv := "a国家b发展c，经济😀建设"
	fs := diff("f", 3, 100, orig, conv)
	want := []struct {
		col  int
		text string
	}{{2, "國"}, {5, "發"}, {9, "經濟"}, {13, "設"}}
	if len(fs) != len(want) {
		t.Fatalf("%d findings: %+v", len(fs), fs)
	}
	for i, w := range want {
		f := fs[i]
		if f.Column != w.col || f.Text != w.text || f.Line != 3 {
			t.Errorf("finding %d: %+v, want column %d %q", i, f, w.col, w.text)
		}
		if got := orig[f.Offset-100 : f.Offset-100+int64(len(f.Text))]; got != f.Text {
			t.Errorf("finding %d: offset %d points at %q, not %q", i, f.Offset, got, f.Text)
		}
	}
	// different lengths: one finding, between the common prefix and suffix
	fs = diff("f", 1, 0, "前後說明", "前后说明书")
	if len(fs) != 1 || fs[0].Column != 2 || fs[0].Offset != int64(len("前")) {
		t.Errorf("%+v", fs)
	}
}

// BenchmarkDiffLongLine: one long Traditional line (a document without
// line breaks) with a finding every few characters; the offsets used to
// re-encode the line up to each finding (quadratic).
func BenchmarkDiffLongLine(b *testing.B) {
	orig := strings.Repeat("這個國家的經濟發展，", 5000)
	conv := strings.Repeat("这个国家的经济发展，", 5000)
	b.SetBytes(int64(len(orig)))
	b.ReportAllocs()
	for b.Loop() {
		if len(diff("f", 1, 0, orig, conv)) == 0 {
			b.Fatal("no findings")
		}
	}
}
