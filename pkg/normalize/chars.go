package normalize

import (
	"unicode"
)

// isInvisible reports whether r is a format character that is removed under Options.Invisible:
// soft hyphen, Mongolian vowel separator, zero-width space/non-joiner/joiner, LRM/RLM,
// bidi embeddings and isolates, word joiner and invisible operators, deprecated format
// characters U+206A–U+206F, and the BOM / zero-width no-break space.
func isInvisible(r rune) bool {
	switch {
	case r == 0x00AD, r == 0x180E, r == 0xFEFF:
		return true
	case r >= 0x200B && r <= 0x200F,
		r >= 0x202A && r <= 0x202E,
		r >= 0x2060 && r <= 0x2064,
		r >= 0x2066 && r <= 0x206F:
		return true
	}
	return false
}

// isOddSpace reports whether r is a space character other than U+0020 that becomes ' ' under
// Options.Invisible: no-break space, Ogham space mark, the U+2000–U+200A spaces, narrow
// no-break space, medium mathematical space and the ideographic space U+3000.
func isOddSpace(r rune) bool {
	return r == 0x00A0 || r == 0x1680 || (r >= 0x2000 && r <= 0x200A) ||
		r == 0x202F || r == 0x205F || r == 0x3000
}

// foldAlnum maps a full-width ASCII letter or digit (Ａ-Ｚ ａ-ｚ ０-９) to its ASCII form.
func foldAlnum(r rune) (byte, bool) {
	switch {
	case r >= 0xFF10 && r <= 0xFF19, r >= 0xFF21 && r <= 0xFF3A, r >= 0xFF41 && r <= 0xFF5A:
		return byte(r - 0xFF00 + 0x20), true
	}
	return 0, false
}

const (
	fullWidthPoint      = 0xFF0E // ．
	fullWidthOpenParen  = 0xFF08 // （
	fullWidthCloseParen = 0xFF09 // ）
)

// isHan reports whether r is a Han character (CJK ideograph), with a fast path for the
// Unified Ideographs block.
func isHan(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	if r < 0x2E80 {
		return false
	}
	return unicode.Is(unicode.Han, r)
}
