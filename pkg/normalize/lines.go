package normalize

import (
	"strings"
	"unicode/utf8"
)

// Helpers that look at one line of the view text (the text as the other cleaning steps make
// it). They take the line content without its terminator and never allocate.

// isLineSpace reports whether r is white space inside a line.
func isLineSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\v' || r == '\f' || r > 0x7F && (isOddSpace(r) || isInvisible(r))
}

// trimLine returns the offsets of s without leading and trailing white space.
func trimLine(s string) (int, int) {
	i, j := 0, len(s)
	for i < j {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isLineSpace(r) {
			break
		}
		i += n
	}
	for j > i {
		r, n := utf8.DecodeLastRuneInString(s[i:j])
		if !isLineSpace(r) {
			break
		}
		j -= n
	}
	return i, j
}

func trimmed(s string) string {
	i, j := trimLine(s)
	return s[i:j]
}

// isSentenceEnd marks punctuation that ends or divides a sentence of body text.
func isSentenceEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '；', '!', '?', ';':
		return true
	}
	return false
}

// lineShape is what the classifier needs to know about a line before reading its words.
type lineShape struct {
	runes    int  // runes other than white space, counted up to shapeCap
	sentence bool // holds sentence punctuation (。！？；) within the runes counted
	comma    bool // holds a comma (，,) within the runes counted
}

// shapeCap is where shapeOf stops counting: no rule looks at longer lines but to know that
// they are long.
const shapeCap = maxFooterRunes + 1

// shapeOf scans at most shapeCap runes of s, decoding only what may be punctuation or space.
func shapeOf(s string) lineShape {
	var sh lineShape
	for i := 0; i < len(s) && sh.runes < shapeCap; {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			switch c {
			case ' ', '\t', '\v', '\f':
				i++
				continue
			case '!', '?', ';':
				sh.sentence = true
			case ',':
				sh.comma = true
			}
			i++
		case c >= 0xE4 && c <= 0xE9 && i+2 < len(s):
			i += 3 // CJK Unified Ideographs: neither punctuation nor space
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			i += n
			switch {
			case isLineSpace(r):
				continue
			case isSentenceEnd(r):
				sh.sentence = true
			case r == '，':
				sh.comma = true
			}
		}
		sh.runes++
	}
	return sh
}

func hasSuffixAny(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if len(s) >= len(x) && s[len(s)-len(x):] == x {
			return true
		}
	}
	return false
}

func hasPrefixAny(s string, prefixes ...string) bool {
	for _, x := range prefixes {
		if len(s) >= len(x) && s[:len(x)] == x {
			return true
		}
	}
	return false
}

func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// isNumberedHeading reports whether s starts like a heading or list item of body text:
// 一、 （一） (一) 1. 1、 （1） 第一章 第二条 ……
func isNumberedHeading(s string) bool {
	i := 0
	r, n := utf8.DecodeRuneInString(s)
	switch {
	case r == '第':
		i = n
		k := 0
		for i < len(s) {
			r, n = utf8.DecodeRuneInString(s[i:])
			if !isChineseNumeral(r) && !(r >= '0' && r <= '9') {
				break
			}
			i += n
			k++
		}
		if k == 0 || i >= len(s) {
			return false
		}
		r, _ = utf8.DecodeRuneInString(s[i:])
		return r == '章' || r == '节' || r == '条' || r == '部' || r == '篇' || r == '款' || r == '编'
	case r == '（' || r == '(':
		i = n
		k := 0
		for i < len(s) {
			r, n = utf8.DecodeRuneInString(s[i:])
			if !isChineseNumeral(r) && !(r >= '0' && r <= '9') {
				break
			}
			i += n
			k++
		}
		if k == 0 || k > 3 || i >= len(s) {
			return false
		}
		r, _ = utf8.DecodeRuneInString(s[i:])
		return r == '）' || r == ')'
	case isChineseNumeral(r) || r >= '0' && r <= '9':
		k := 0
		for i < len(s) {
			r, n = utf8.DecodeRuneInString(s[i:])
			if !isChineseNumeral(r) && !(r >= '0' && r <= '9') {
				break
			}
			i += n
			k++
		}
		if k > 3 || i >= len(s) {
			return false
		}
		r, _ = utf8.DecodeRuneInString(s[i:])
		return r == '、' || r == '.' || r == '．' || r == '，'
	}
	return false
}

func isChineseNumeral(r rune) bool {
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '零', '〇':
		return true
	}
	return false
}

// isDateLike reports whether s is only a date or a time: 2024-01-05, 09:45:30, 2024年1月5日,
// 二〇二四年一月五日.
func isDateLike(s string) bool {
	digits, marks := 0, 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9', isChineseNumeral(r):
			digits++
		case r == '年' || r == '月' || r == '日' || r == '时' || r == '分' || r == '秒' || r == '号',
			r == '-' || r == '/' || r == '.' || r == ':' || r == '：':
			marks++
		case isLineSpace(r):
		default:
			return false
		}
	}
	return digits > 0 && (marks > 0 || digits >= 4 && digits <= 14)
}
