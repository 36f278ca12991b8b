package views

import "testing"

// TestVisibleCodePoints: invisible characters are shown as check names them,
// U+200B, with four upper-case hex digits (clean --list showed U+200b and
// U+a0 while check said U+200B and U+00A0).
func TestVisibleCodePoints(t *testing.T) {
	for in, want := range map[string]string{
		"\u200b政府":     "U+200B政府",
		"a\u00a0b":     "aU+00A0b",
		"\u3000\u3000": "U+3000U+3000",
		"\x01\n":       `U+0001\n`,
	} {
		if got := Visible(in); got != want {
			t.Errorf("Visible(%q) = %q, want %q", in, got, want)
		}
	}
}
