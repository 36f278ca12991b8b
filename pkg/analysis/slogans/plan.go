package slogans

import "strings"

// isNumeral reports whether c is a Chinese numeral character.
func isNumeral(c rune) bool {
	switch c {
	case '〇', '零', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '亿':
		return true
	}
	return false
}

// smallNumber reads 一 … 十九 (the numbers of five-year plans).
func smallNumber(n []rune) (int, bool) {
	digit := func(c rune) int { return strings.IndexRune("零一二三四五六七八九", c) }
	switch len(n) {
	case 1:
		if n[0] == '十' {
			return 10, true
		}
		if d := digit(n[0]); d > 0 {
			return d, true
		}
	case 2:
		if n[0] == '十' {
			if d := digit(n[1]); d > 0 {
				return 10 + d, true
			}
		}
	}
	return 0, false
}

// planKey reads a plan period written as N五 (十四五, 九五) and returns it.
func planKey(c []rune) (string, bool) {
	if len(c) < 2 || len(c) > 3 || c[len(c)-1] != '五' {
		return "", false
	}
	if _, ok := smallNumber(c[:len(c)-1]); !ok {
		return "", false
	}
	return string(c), true
}

// planFollowers may follow a two-character period (九五, 十五), which is
// otherwise read as a number.
var planFollowers = []string{"计划", "规划", "时期", "期间", "期末", "末期", "初期", "中期", "以来", "纲要", "普法"}

// unitAfterNumber marks N五 as a quantity: 十五年, 十四五个.
func unitAfterNumber(c rune) bool {
	return strings.ContainsRune("年月日天周个万亿元倍点岁次人名家项条%％分秒度届期", c) || (c >= '0' && c <= '9')
}

// plans finds five-year plan periods in the text without quotation marks:
// 十四五, “十四五”规划, 九五计划, 第十四个五年规划.
func (x *extractor) plans() []hit {
	v := x.v
	s := v.s
	var out []hit
	add := func(a, b int, key string, kind Kind) {
		i, k := v.fullSpan(a, b)
		h := hit{key: key, kind: kind, i: i, k: k, ei: i, ek: k, quoted: x.enclosed(i, k)}
		// the quotation marks around the period belong to its extent:
		// “十四五”规划 is written “十四五”, “七五”普法 “七五”普法
		if i > 0 && closerOf(v.r[i-1]) != 0 {
			h.ei = i - 1
			if k < len(v.r) && isQuoteMark(v.r[k]) {
				h.ek = k + 1
			}
		}
		out = append(out, h)
	}
	for j := 0; j < len(s); j++ {
		// 第十四个五年规划
		if s[j] == '第' {
			e := j + 1
			for e < len(s) && isNumeral(s[e]) {
				e++
			}
			if n, ok := smallNumber(s[j+1 : e]); ok && n > 0 && hasPrefixAt(s, e, "个五年") {
				t := e + 3
				if hasPrefixAt(s, t, "计划") || hasPrefixAt(s, t, "规划") {
					add(j, t+2, string(s[j+1:e])+"五", Plan)
					j = t + 1
					continue
				}
			}
			continue
		}
		if !isNumeral(s[j]) || (j > 0 && (isNumeral(s[j-1]) || s[j-1] == '第')) {
			continue
		}
		e := j
		for e < len(s) && isNumeral(s[e]) {
			e++
		}
		key, ok := planKey(s[j:e])
		if !ok {
			j = e - 1
			continue
		}
		follower := ""
		for _, f := range planFollowers {
			if hasPrefixAt(s, e, f) {
				follower = f
				break
			}
		}
		i, k := v.fullSpan(j, e)
		isQuoted := x.enclosed(i, k)
		switch {
		case e-j == 2 && follower == "" && !isQuoted:
			// 九五, 十五 alone are numbers
		case e < len(s) && unitAfterNumber(s[e]) && !isQuoted:
		case follower == "普法":
			// the law-popularisation plans have their own numbering
			add(j, e+2, key+"普法", Numbered)
		default:
			add(j, e, key, Plan)
		}
		j = e - 1
	}
	return out
}

// enclosed reports whether runes r[i:k] stand exactly inside quotation
// marks.
func (x *extractor) enclosed(i, k int) bool {
	r := x.v.r
	return i > 0 && k < len(r) && closerOf(r[i-1]) != 0 && isQuoteMark(r[k])
}

func hasPrefixAt(s []rune, at int, p string) bool {
	for _, c := range p {
		if at >= len(s) || s[at] != c {
			return false
		}
		at++
	}
	return true
}
