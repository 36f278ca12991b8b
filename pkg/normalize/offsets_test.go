package normalize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestOffsetsExample(t *testing.T) {
	r := Clean(example, DefaultOptions())
	// Every rune and every word of the cleaned text maps back to its own characters.
	for s, ch := range r.Text {
		e := s + utf8.RuneLen(ch)
		os, oe := r.Original(s), r.OriginalEnd(e)
		if got := example[os:oe]; got != string(ch) {
			t.Errorf("rune %q at [%d,%d) maps to original[%d:%d] = %q", ch, s, e, os, oe, got)
		}
	}
	for _, tok := range []string{"市委", "常委會", "在", "醫藥", "高新區", "調研", "會在醫"} {
		s := strings.Index(r.Text, tok)
		e := s + len(tok)
		os, oe := r.Span(s, e)
		// Removed text inside a token is part of its original span.
		want := map[string]string{"會在醫": "會(huì)在醫", "醫藥": "醫(yī)藥", "調研": "調(diào)研"}[tok]
		if want == "" {
			want = tok
		}
		if got := example[os:oe]; got != want {
			t.Errorf("token %q [%d,%d) maps to %q, want %q", tok, s, e, got, want)
		}
	}
	tests := []struct{ off, orig, origEnd int }{
		{0, 0, 0},
		{15, 21, 15}, // after 會: the annotation (huì) sits between
		{18, 24, 24}, // 醫 follows 在 directly
		{len(r.Text), len(example), len(example)},
	}
	for _, tt := range tests {
		if got := r.Original(tt.off); got != tt.orig {
			t.Errorf("Original(%d) = %d, want %d", tt.off, got, tt.orig)
		}
		if got := r.OriginalEnd(tt.off); got != tt.origEnd {
			t.Errorf("OriginalEnd(%d) = %d, want %d", tt.off, got, tt.origEnd)
		}
	}
}

func TestOffsetsReplacements(t *testing.T) {
	in := "\ufeffＧＤＰ\u00a0增长\r\n５．２％(huì)"
	r := Clean(in, DefaultOptions())
	if want := "GDP 增长\n5.2％(huì)"; r.Text != want {
		t.Fatalf("Clean = %q, want %q", r.Text, want)
	}
	spans := []struct{ clean, orig string }{
		{"GDP", "ＧＤＰ"},
		{"G", "Ｇ"},
		{" ", "\u00a0"},
		{"增长", "增长"},
		{"\n", "\r\n"},
		{"5.2", "５．２"},
		{".", "．"},
		{"％(huì)", "％(huì)"},
	}
	for _, sp := range spans {
		s := strings.Index(r.Text, sp.clean)
		os, oe := r.Span(s, s+len(sp.clean))
		if got := in[os:oe]; got != sp.orig {
			t.Errorf("%q maps to %q, want %q", sp.clean, got, sp.orig)
		}
	}
	if got := r.Original(0); got != 3 {
		t.Errorf("Original(0) = %d, want 3 (after the BOM)", got)
	}
	if got := r.OriginalEnd(0); got != 0 {
		t.Errorf("OriginalEnd(0) = %d, want 0", got)
	}
}

func TestOffsetsTrailingRemoval(t *testing.T) {
	in := "正文\n打印 | 关闭"
	r := Clean(in, DefaultOptions())
	if r.Text != "正文\n" {
		t.Fatalf("Clean = %q", r.Text)
	}
	if got := r.Original(len(r.Text)); got != len(in) {
		t.Errorf("Original(end) = %d, want %d", got, len(in))
	}
	if got := r.OriginalEnd(len(r.Text)); got != len("正文\n") {
		t.Errorf("OriginalEnd(end) = %d, want %d", got, len("正文\n"))
	}
}

func TestOffsetsClampAndEmptySpan(t *testing.T) {
	r := Clean(example, DefaultOptions())
	if got := r.Original(-5); got != 0 {
		t.Errorf("Original(-5) = %d", got)
	}
	if got := r.Original(1 << 20); got != len(example) {
		t.Errorf("Original(big) = %d", got)
	}
	s, e := r.Span(15, 15)
	if s != 21 || e != 21 {
		t.Errorf("Span(15,15) = %d,%d, want 21,21", s, e)
	}
	s, e = r.Span(18, 3)
	if s != e {
		t.Errorf("inverted Span = %d,%d, want empty", s, e)
	}
	var zero Result
	if zero.Original(3) != 0 || zero.OriginalEnd(3) != 0 {
		t.Errorf("zero Result maps offsets")
	}
}

func TestOffsetMapIsCompact(t *testing.T) {
	in := strings.Repeat("正文没有需要清理的内容，", 100) + "會(huì)" + strings.Repeat("正文", 100)
	r := Clean(in, DefaultOptions())
	if n := len(r.m.pts); n > 3 {
		t.Errorf("offset map has %d breakpoints for one change, want at most 3", n)
	}
}

// checkResult verifies the documented invariants of a Result for the original text orig.
func checkResult(t *testing.T, orig string, r *Result, opts Options) {
	t.Helper()
	if !utf8.ValidString(r.Text) {
		t.Fatalf("Clean(%q) = %q: not valid UTF-8", orig, r.Text)
	}
	// Changes: ordered, not overlapping, Old from the original, and they rebuild the text.
	var b strings.Builder
	prev := 0
	for i, c := range r.Changes {
		if c.Start < prev || c.End < c.Start || c.End > len(orig) {
			t.Fatalf("Clean(%q): Changes[%d] = %+v out of order or range", orig, i, c)
		}
		if orig[c.Start:c.End] != c.Old {
			t.Fatalf("Clean(%q): Changes[%d].Old = %q, original has %q", orig, i, c.Old, orig[c.Start:c.End])
		}
		b.WriteString(orig[prev:c.Start])
		b.WriteString(c.New)
		prev = c.End
	}
	b.WriteString(orig[prev:])
	if b.String() != r.Text {
		t.Fatalf("Clean(%q): applying Changes gives %q, Text is %q", orig, b.String(), r.Text)
	}
	// Offsets at rune boundaries.
	lastO, lastE := 0, 0
	check := func(off int) {
		o, e := r.Original(off), r.OriginalEnd(off)
		if e < 0 || e > o || o > len(orig) {
			t.Fatalf("Clean(%q): offset %d: OriginalEnd %d, Original %d out of order (len %d)", orig, off, e, o, len(orig))
		}
		if o < lastO || e < lastE {
			t.Fatalf("Clean(%q): offset %d: Original %d / OriginalEnd %d decreased from %d / %d", orig, off, o, e, lastO, lastE)
		}
		lastO, lastE = o, e
	}
	for off := range r.Text {
		check(off)
	}
	check(len(r.Text))
	if got := r.OriginalEnd(0); got != 0 {
		t.Fatalf("Clean(%q): OriginalEnd(0) = %d", orig, got)
	}
	if got := r.Original(len(r.Text)); got != len(orig) {
		t.Fatalf("Clean(%q): Original(end) = %d, want %d", orig, got, len(orig))
	}
	// Each rune maps to itself, or into the one change that produced it.
	for s, ch := range r.Text {
		e := s + utf8.RuneLen(ch)
		os, oe := r.Span(s, e)
		if orig[os:oe] == r.Text[s:e] {
			continue
		}
		found := false
		for _, c := range r.Changes {
			if c.Start <= os && oe <= c.End && c.New != "" {
				found = true
				break
			}
		}
		if !found {
			t.Fatalf("Clean(%q): rune %q at %d maps to original %q [%d,%d), not covered by a change", orig, ch, s, orig[os:oe], os, oe)
		}
	}
	_ = opts
}
