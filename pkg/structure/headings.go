package structure

import (
	"unicode/utf8"
	"zhpolicy/internal/hannum"
)

// markerKind is the numbering of a heading, in the order of rank: a kind
// of lower rank encloses one of higher rank.
type markerKind uint8

const (
	mNone     markerKind = iota
	mPart                // 第一部分
	mChapter             // 第一章
	mSection             // 第一节
	mArticle             // 第一条
	mHan                 // 一、
	mParenHan            // （一）
	mNum                 // 1.
	mParenNum            // （1）
	mCircled             // ①
)

var kindNames = [...]string{mNone: "", mPart: "第N部分", mChapter: "第N章", mSection: "第N节", mArticle: "第N条",
	mHan: "一、", mParenHan: "（一）", mNum: "1.", mParenNum: "（1）", mCircled: "①"}

// gbLevel is the GB/T 9704 level of a kind (一、 1 … （1） 4), 0 for others.
func (k markerKind) gbLevel() int {
	switch k {
	case mHan:
		return 1
	case mParenHan:
		return 2
	case mNum:
		return 3
	case mParenNum:
		return 4
	}
	return 0
}

// marker is the numbering read at the start of a paragraph.
type marker struct {
	kind   markerKind
	num    int
	n      int    // bytes of the marker (with the 、 or the closing bracket)
	nonstd string // how the marker departs from GB/T 9704
	fix    string // the marker as GB/T 9704 writes it
}

// hanNumber reads a Chinese numeral (一 … 九十九, 一百零五) of at most 6
// characters at the start of s: value and bytes read.
func hanNumber(s string) (int, int) { return hannum.Number(s, false) }

// arabicNumber reads up to max ASCII or full-width digits.
func arabicNumber(s string, max int) (int, int) {
	v, c, n := readDigits(s, 0, max)
	if c == 0 {
		return 0, 0
	}
	return v, n
}

func isOpenParen(r rune) bool  { return r == '（' || r == '(' }
func isCloseParen(r rune) bool { return r == '）' || r == ')' }

// hanDigits writes n in Chinese numerals as headings number (一 … 九十九).
func hanDigits(n int) string {
	ds := []string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n <= 0 || n >= 1000:
		return ""
	case n < 10:
		return ds[n]
	case n < 20:
		if n == 10 {
			return "十"
		}
		return "十" + ds[n-10]
	case n < 100:
		s := ds[n/10] + "十"
		if n%10 != 0 {
			s += ds[n%10]
		}
		return s
	}
	s := ds[n/100] + "百"
	if r := n % 100; r > 0 {
		if r < 10 {
			s += "零" + ds[r]
		} else {
			if r < 20 {
				s += "一"
			}
			s += hanDigits(r)
		}
	}
	return s
}

// scanMarker reads the numbering at the start of s.
func scanMarker(s string) (marker, bool) {
	if s == "" {
		return marker{}, false
	}
	r, n := utf8.DecodeRuneInString(s)
	switch {
	case r == '第':
		v, l := hanNumber(s[n:])
		if l == 0 {
			v, l = arabicNumber(s[n:], 4)
		}
		if l == 0 || v == 0 {
			return marker{}, false
		}
		rest := s[n+l:]
		r2, n2 := utf8.DecodeRuneInString(rest)
		var k markerKind
		switch r2 {
		case '章':
			k = mChapter
		case '节':
			k = mSection
		case '条':
			k = mArticle
		case '部':
			if hasPrefix(rest, "部分") {
				k, n2 = mPart, len("部分")
			}
		}
		if k == mNone {
			return marker{}, false
		}
		// 第一条件, 第三章节 are words, not numbering
		if nx, _ := utf8.DecodeRuneInString(rest[n2:]); k == mArticle && (nx == '件' || nx == '款') || k == mChapter && nx == '节' {
			return marker{}, false
		}
		return marker{kind: k, num: v, n: n + l + n2}, true
	case isOpenParen(r):
		rest := s[n:]
		v, l := hanNumber(rest)
		k := mParenHan
		if l == 0 {
			v, l = arabicNumber(rest, 3)
			k = mParenNum
		}
		if l == 0 || v == 0 {
			return marker{}, false
		}
		c, cn := utf8.DecodeRuneInString(rest[l:])
		if !isCloseParen(c) {
			return marker{}, false
		}
		m := marker{kind: k, num: v, n: n + l + cn}
		num := rest[:l]
		if k == mParenHan {
			m.fix = "（" + hanDigits(v) + "）"
		} else {
			m.fix = "（" + num + "）"
		}
		if r != '（' || c != '）' {
			m.nonstd = "half-width brackets"
		}
		// （一）、: GB/T 9704 puts nothing after a bracketed number
		if t, tn := utf8.DecodeRuneInString(s[m.n:]); t == '、' || t == '.' || t == '．' {
			m.n += tn
			m.nonstd = "punctuation after the bracket"
		}
		if m.nonstd == "" {
			m.fix = ""
		}
		return m, true
	case r >= '①' && r <= '⑳':
		return marker{kind: mCircled, num: int(r-'①') + 1, n: n}, true
	case r >= '0' && r <= '9' || r >= '０' && r <= '９':
		v, l := arabicNumber(s, 3)
		if l == 0 {
			return marker{}, false
		}
		c, cn := utf8.DecodeRuneInString(s[l:])
		if c != '.' && c != '．' && c != '、' {
			return marker{}, false
		}
		// 1.5万亿 and 3.5% are numbers, not headings; nor is a year 2024.
		if c2, _ := utf8.DecodeRuneInString(s[l+cn:]); c2 >= '0' && c2 <= '9' || c2 >= '０' && c2 <= '９' {
			return marker{}, false
		}
		if v == 0 {
			return marker{}, false
		}
		m := marker{kind: mNum, num: v, n: l + cn}
		if c == '、' {
			m.nonstd = "1、 instead of 1."
			m.fix = s[:l] + "."
		}
		return m, true
	default:
		v, l := hanNumber(s)
		if l == 0 || v == 0 {
			return marker{}, false
		}
		c, cn := utf8.DecodeRuneInString(s[l:])
		switch c {
		case '、':
			return marker{kind: mHan, num: v, n: l + cn}, true
		case '.', '．':
			if c2, _ := utf8.DecodeRuneInString(s[l+cn:]); c2 >= '0' && c2 <= '9' {
				return marker{}, false
			}
			return marker{kind: mHan, num: v, n: l + cn, nonstd: "一. instead of 一、", fix: s[:l] + "、"}, true
		}
	}
	return marker{}, false
}

// headingTitle splits what follows a marker into the heading's title and
// whether a paragraph runs on after it: the title ends at the first 。！？
// outside brackets and quotes.
func headingTitle(rest string) (title string, runIn bool) {
	depth := 0
	for i := 0; i < len(rest); {
		r, n := utf8.DecodeRuneInString(rest[i:])
		switch r {
		case '（', '(', '《', '“', '「', '〔', '【', '[':
			depth++
		case '）', ')', '》', '”', '」', '〕', '】', ']':
			if depth > 0 {
				depth--
			}
		case '。', '！', '？':
			if depth == 0 {
				return trimTitle(rest[:i]), i+n < len(rest)
			}
		}
		i += n
	}
	return trimTitle(rest), false
}

// trimTitle drops a heading title's trailing ：；，and spaces.
func trimTitle(s string) string {
	for len(s) > 0 {
		r, n := utf8.DecodeLastRuneInString(s)
		switch r {
		case '：', ':', '；', ';', '，', ',', ' ':
			s = s[:len(s)-n]
			continue
		}
		break
	}
	for len(s) > 0 && s[0] == ' ' {
		s = s[1:]
	}
	return s
}

// treeBuilder assigns depths, parents and paths to the headings of one
// part: a kind met again closes the deeper ones; a new kind goes under
// the open headings of lower rank.
type treeBuilder struct {
	stack []int // indices into the document's headings
}

func (t *treeBuilder) add(hs []Heading, i int) {
	h := &hs[i]
	// pop the headings of the same or a higher rank (deeper kinds)
	for len(t.stack) > 0 && hs[t.stack[len(t.stack)-1]].mk >= h.mk {
		t.stack = t.stack[:len(t.stack)-1]
	}
	h.Parent = -1
	if n := len(t.stack); n > 0 {
		h.Parent = t.stack[n-1]
		h.Path = append(append([]int(nil), hs[h.Parent].Path...), h.Number)
	} else {
		h.Path = []int{h.Number}
	}
	h.Depth = len(t.stack) + 1
	t.stack = append(t.stack, i)
}
