package instruments

import (
	"strings"
	"unicode/utf8"
	"zhpolicy/internal/hannum"
)

// markerType is the kind of numbering a heading uses; levels follow from the
// order in which kinds first appear, as readers of 公文 take them.
type markerType uint8

const (
	mNone     markerType = iota
	mChapter             // 第一章
	mPart                // 第一节
	mArticle             // 第一条
	mHan                 // 一、
	mParenHan            // （一）
	mNum                 // 1. 1、 1．
	mParenNum            // （1）
	mCircled             // ①
	markerTypes
)

// Sections finds the headed sections of a text from the numbering at line
// starts: 第N章/节/条, 一、, （一）, 1. / 1、, （1）, ①. A heading kind met
// again closes the deeper ones (the usual 公文 hierarchy; GB/T 9704 gives
// 一、（一）1.（1）, regulations 第N章 第N条). Sections are returned in text
// order; the text before the first heading is not a section (Split makes it
// section 0).
func Sections(text string) []Section {
	var secs []Section
	var stack []markerType
	var nums []int
	line := 0
	for line < len(text) {
		end := strings.IndexByte(text[line:], '\n')
		next := len(text)
		if end >= 0 {
			end += line
			next = end + 1
		} else {
			end = len(text)
		}
		typ, num, mlen, ok := headingMarker(text[line:end])
		if ok {
			k := -1
			for i, t := range stack {
				if t == typ {
					k = i
					break
				}
			}
			if k >= 0 {
				stack, nums = stack[:k+1], nums[:k+1]
				nums[k] = num
			} else {
				stack, nums = append(stack, typ), append(nums, num)
			}
			if n := len(secs); n > 0 {
				secs[n-1].End = line
			}
			lead := leadingSpace(text[line:end])
			body := text[line+lead+mlen : end]
			title := body
			if i := strings.IndexAny(body, "。！？"); i >= 0 {
				title = body[:i]
			}
			secs = append(secs, Section{
				Path:   append([]int(nil), nums...),
				Marker: text[line+lead : line+lead+mlen],
				Title:  strings.TrimSpace(title),
				Start:  line, End: len(text),
			})
		}
		line = next
	}
	return secs
}

func leadingSpace(s string) int {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r != ' ' && r != '\t' && r != '\u3000' && r != '\ufeff' && r != '\r' {
			break
		}
		i += n
	}
	return i
}

// headingMarker reads the numbering at the start of a line: its kind, its
// number and its length in bytes.
func headingMarker(line string) (markerType, int, int, bool) {
	s := line[leadingSpace(line):]
	if s == "" {
		return mNone, 0, 0, false
	}
	r, n := utf8.DecodeRuneInString(s)
	switch {
	case r == '第':
		v, l := hanNumber(s[n:])
		if l == 0 {
			return mNone, 0, 0, false
		}
		r2, n2 := utf8.DecodeRuneInString(s[n+l:])
		typ := mNone
		switch r2 {
		case '章':
			typ = mChapter
		case '节':
			typ = mPart
		case '条':
			typ = mArticle
		}
		if typ == mNone {
			return mNone, 0, 0, false
		}
		m := n + l + n2
		// 第一条 is often followed by a space or a full-width space
		return typ, v, m, true
	case r == '（' || r == '(':
		rest := s[n:]
		if v, l := hanNumber(rest); l > 0 {
			if c, cn := utf8.DecodeRuneInString(rest[l:]); c == '）' || c == ')' {
				return mParenHan, v, n + l + cn, true
			}
			return mNone, 0, 0, false
		}
		if v, l := asciiNumber(rest); l > 0 && l <= 3 {
			if c, cn := utf8.DecodeRuneInString(rest[l:]); c == '）' || c == ')' {
				return mParenNum, v, n + l + cn, true
			}
		}
		return mNone, 0, 0, false
	case r >= '①' && r <= '⑳':
		return mCircled, int(r-'①') + 1, n, true
	case r >= '0' && r <= '9':
		v, l := asciiNumber(s)
		if l > 3 {
			return mNone, 0, 0, false
		}
		c, cn := utf8.DecodeRuneInString(s[l:])
		if c != '.' && c != '．' && c != '、' {
			return mNone, 0, 0, false
		}
		// 1.2亿 and 3.5% are numbers, not headings
		if c2, _ := utf8.DecodeRuneInString(s[l+cn:]); c2 >= '0' && c2 <= '9' {
			return mNone, 0, 0, false
		}
		return mNum, v, l + cn, true
	default:
		v, l := hanNumber(s)
		if l == 0 {
			return mNone, 0, 0, false
		}
		if c, cn := utf8.DecodeRuneInString(s[l:]); c == '、' {
			return mHan, v, l + cn, true
		}
	}
	return mNone, 0, 0, false
}

// hanNumber reads a Chinese numeral (一 … 九十九, 一百零五; 两 is 2) at
// the start of s: its value and length in bytes.
func hanNumber(s string) (int, int) { return hannum.Number(s, true) }

func asciiNumber(s string) (int, int) {
	v, i := 0, 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' && i < 6 {
		v = v*10 + int(s[i]-'0')
		i++
	}
	return v, i
}
