package structure

import (
	"fmt"
	"unicode/utf8"
	"zhpolicy/internal/hannum"
)

// hanDigit reads a Chinese numeral digit as dates write them (〇 and its
// look-alikes ○ Ｏ O ◯ 零 for zero).
func hanDigit(r rune) (int, bool) {
	if r == 'O' || r == '◯' {
		return 0, true
	}
	return hannum.Digit(r)
}

// skipSpace skips white space at s[i:].
func skipSpace(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isSpace(r) {
			break
		}
		i += n
	}
	return i
}

// datePart reads the number before 年, 月 or 日 at s[i:]: Arabic digits
// (ASCII or full-width) or Chinese numerals. For a year, four digits read
// one by one (二〇一二); for a month or a day, 十 counts (十二, 二十三, 三十一).
// It returns the value, whether it was Arabic, and the bytes read.
func datePart(s string, i int, year bool) (v int, arabic bool, n int) {
	j := skipSpace(s, i)
	start := j
	digits := 0
	// Arabic
	for j < len(s) && digits < 4 {
		r, w := utf8.DecodeRuneInString(s[j:])
		d, ok := digitVal(r)
		if !ok {
			break
		}
		v = v*10 + d
		digits++
		j += w
		j = skipSpace(s, j)
	}
	if digits > 0 {
		if year && digits != 4 || !year && digits > 2 {
			return 0, false, 0
		}
		return v, true, j - i
	}
	// Chinese
	j = start
	if year {
		for j < len(s) && digits < 4 {
			r, w := utf8.DecodeRuneInString(s[j:])
			d, ok := hanDigit(r)
			if !ok {
				break
			}
			v = v*10 + d
			digits++
			j += w
		}
		if digits != 4 {
			return 0, false, 0
		}
		return v, false, j - i
	}
	tens := false
	for j < len(s) && digits < 3 {
		r, w := utf8.DecodeRuneInString(s[j:])
		if r == '十' {
			if tens {
				break
			}
			if digits == 0 {
				v = 1
			}
			v *= 10
			tens = true
			digits++
			j += w
			continue
		}
		d, ok := hanDigit(r)
		if !ok || r == '零' && !tens {
			break
		}
		if tens {
			v += d
		} else {
			v = v*10 + d
		}
		digits++
		j += w
	}
	if digits == 0 {
		return 0, false, 0
	}
	return v, false, j - i
}

// scanDate reads a date at s[i:]: YYYY年M月D日 in Arabic or Chinese
// numerals (the day may be missing: 2021年11月). White space between the
// parts is allowed (2026 年 3 月 18 日). It returns the date (offsets
// unset) and its length in bytes, 0 when there is none.
func scanDate(s string, i int) (Date, int) {
	y, ya, n := datePart(s, i, true)
	if n == 0 || y < 1900 || y > 2100 {
		return Date{}, 0
	}
	j := skipSpace(s, i+n)
	if !hasPrefix(s[j:], "年") {
		return Date{}, 0
	}
	j += len("年")
	m, ma, n := datePart(s, j, false)
	if n == 0 || m < 1 || m > 12 {
		return Date{}, 0
	}
	j = skipSpace(s, j+n)
	if !hasPrefix(s[j:], "月") {
		return Date{}, 0
	}
	j += len("月")
	d := Date{Year: y, Month: m, Arabic: ya && ma}
	end := j
	if dd, da, n := datePart(s, j, false); n > 0 && dd >= 1 && dd <= 31 {
		k := skipSpace(s, j+n)
		if hasPrefix(s[k:], "日") || hasPrefix(s[k:], "号") {
			d.Day = dd
			d.Arabic = d.Arabic && da
			end = k + len("日")
		}
	}
	if d.Day > 0 {
		d.ISO = fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	} else {
		d.ISO = fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return d, end - i
}

// dateSuffixes are the words that may follow a date on its own line.
var dateSuffixes = []string{"签发", "发布", "印发", "通过", "公布", "制定", "修订", "施行"}

// restIsDateSuffix reports whether what follows a date on its line leaves
// the line a date line: nothing, or a suffix word.
func restIsDateSuffix(rest string) bool {
	rest = trimSpaceString(rest)
	if rest == "" {
		return true
	}
	for _, w := range dateSuffixes {
		if rest == w {
			return true
		}
	}
	return false
}

// dateSuffix returns the suffix word of a date line ("" if none).
func dateSuffix(rest string) string {
	rest = trimSpaceString(rest)
	for _, w := range dateSuffixes {
		if rest == w {
			return w
		}
	}
	return ""
}

func trimSpaceString(s string) string {
	i, j := 0, len(s)
	for i < j {
		r, n := utf8.DecodeRuneInString(s[i:j])
		if !isSpace(r) {
			break
		}
		i += n
	}
	for j > i {
		r, n := utf8.DecodeLastRuneInString(s[i:j])
		if !isSpace(r) {
			break
		}
		j -= n
	}
	return s[i:j]
}

// arabicDate writes a date's numbers in Arabic numerals, as GB/T 9704
// wants the 成文日期: 2012年7月1日.
func arabicDate(d Date) string {
	if d.Day > 0 {
		return fmt.Sprintf("%d年%d月%d日", d.Year, d.Month, d.Day)
	}
	return fmt.Sprintf("%d年%d月", d.Year, d.Month)
}

// dateField makes a Date of the compact range [cs, ce) of a paragraph.
func dateField(p *para, cs, ce int, d Date) *Date {
	d.Field = p.field(cs, ce)
	return &d
}
