package kwic

import (
	"unicode"

	"golang.org/x/text/width"
)

// Width is the number of terminal columns s takes: two for East Asian wide
// and full-width characters (Han, kana, full-width punctuation such as ，。),
// none for combining marks and zero-width characters, one for the rest
// (East Asian ambiguous characters such as “” included, as terminals show
// them outside CJK locales).
func Width(s string) int {
	w := 0
	for _, r := range s {
		w += RuneWidth(r)
	}
	return w
}

// RuneWidth is the number of terminal columns of r.
func RuneWidth(r rune) int {
	switch {
	case r < 0x20 || r == 0x7f:
		return 0
	case r < 0x300:
		return 1
	case r == 0x200b || r == 0x200c || r == 0x200d || r == 0x2060 || r == 0xfeff:
		return 0
	case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r):
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// PadLeft puts spaces before s to make it w columns wide.
func PadLeft(s string, w int) string {
	if n := w - Width(s); n > 0 {
		return spaces(n) + s
	}
	return s
}

// PadRight puts spaces after s to make it w columns wide.
func PadRight(s string, w int) string {
	if n := w - Width(s); n > 0 {
		return s + spaces(n)
	}
	return s
}

func spaces(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = ' '
	}
	return string(b)
}
