// Package hannum reads Chinese numerals: the digits dates and numbers
// write (二〇二五, 一百零五) and small numbers with 十 and 百, as headings,
// dates and counts use them. Scanners only: it is on per-document paths.
package hannum

import "unicode/utf8"

// Digit reads one Chinese digit: 〇 (and the look-alikes ○ Ｏ, and 零) is
// 0, 一 … 九 are 1 … 9.
func Digit(r rune) (int, bool) {
	switch r {
	case '〇', '○', 'Ｏ', '零':
		return 0, true
	case '一':
		return 1, true
	case '二':
		return 2, true
	case '三':
		return 3, true
	case '四':
		return 4, true
	case '五':
		return 5, true
	case '六':
		return 6, true
	case '七':
		return 7, true
	case '八':
		return 8, true
	case '九':
		return 9, true
	}
	return 0, false
}

// Number reads a Chinese numeral of at most 6 characters (一 … 九十九,
// 一百零五) at the start of s: its value and its length in bytes (0 when s
// does not start with one). With liang, 两 is 2 (两个, 两项); ○ and Ｏ are
// not read here (they are zeros of dates only).
func Number(s string, liang bool) (value, n int) {
	total, cur, i, count := 0, 0, 0, 0
	for i < len(s) && count < 6 {
		r, size := utf8.DecodeRuneInString(s[i:])
		d := -1
		switch r {
		case '〇', '零':
			d = 0
		case '两':
			if !liang {
				return total + cur, i
			}
			d = 2
		case '十':
			if cur == 0 {
				cur = 1
			}
			total += cur * 10
			cur = 0
		case '百':
			if cur == 0 {
				cur = 1
			}
			total += cur * 100
			cur = 0
		default:
			v, ok := Digit(r)
			if !ok || r == '○' || r == 'Ｏ' {
				return total + cur, i
			}
			d = v
		}
		if d >= 0 {
			cur = d
		}
		i += size
		count++
	}
	return total + cur, i
}
