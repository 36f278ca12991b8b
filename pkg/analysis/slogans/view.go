package slogans

import (
	"unicode"
	"unicode/utf8"

	"zhpolicy/pkg/analysis"
)

// view is a document as the rules read it: the folded (Simplified) text as
// runes, the same runes with quotation marks removed (so that “十四五”规划
// reads 十四五规划 and 增强“四个意识”、坚定“四个自信” is one series), and
// what the segmenter says about word boundaries and parts of speech.
type view struct {
	in  *analysis.Input
	r   []rune // Folded, rune by rune
	off []int  // byte offset in Folded of rune i; off[len(r)] == len(Folded)

	s    []rune // r without quotation marks
	sIdx []int  // index in r of s[j]; sIdx[len(s)] == len(r)

	hasTokens bool
	bound     []bool   // bound[i]: a token starts or ends before r[i] (len(r)+1)
	pos       []string // part of speech of the token covering r[i]
	quoted    []bool   // quoted[i]: r[i] is inside a pair of quotation marks
}

func newView(in *analysis.Input) *view {
	v := &view{in: in}
	n := utf8.RuneCountInString(in.Folded)
	v.r = make([]rune, 0, n)
	v.off = make([]int, 0, n+1)
	for i, c := range in.Folded {
		v.r = append(v.r, c)
		v.off = append(v.off, i)
	}
	v.off = append(v.off, len(in.Folded))

	v.s = make([]rune, 0, n)
	v.sIdx = make([]int, 0, n+1)
	for i, c := range v.r {
		if isQuoteMark(c) {
			continue
		}
		v.s = append(v.s, c)
		v.sIdx = append(v.sIdx, i)
	}
	v.sIdx = append(v.sIdx, len(v.r))

	v.bound = make([]bool, len(v.r)+1)
	v.pos = make([]string, len(v.r))
	v.quoted = make([]bool, len(v.r))
	if len(in.Tokens) > 0 {
		v.hasTokens = true
		// byte offset in Folded → rune index
		runeAt := make(map[int]int, len(v.r)+1)
		for i, o := range v.off {
			runeAt[o] = i
		}
		for _, t := range in.Tokens {
			fs, fe := in.FoldedSpan(int(t.Start), int(t.End))
			a, ok1 := runeAt[fs]
			b, ok2 := runeAt[fe]
			if !ok1 || !ok2 || a > b || b > len(v.r) {
				continue
			}
			v.bound[a], v.bound[b] = true, true
			for k := a; k < b; k++ {
				v.pos[k] = t.POS
			}
		}
	} else {
		for i := range v.bound {
			v.bound[i] = true
		}
	}
	v.bound[0], v.bound[len(v.r)] = true, true
	for i, c := range v.r {
		// punctuation and spaces always separate words
		if !isWordRune(c) {
			v.bound[i], v.bound[i+1] = true, true
		}
	}
	return v
}

// sBound reports whether a word may start (or end) before s[j].
func (v *view) sBound(j int) bool {
	if j <= 0 || j >= len(v.s) {
		return true
	}
	i := v.sIdx[j]
	if i-v.sIdx[j-1] > 1 { // a quotation mark was removed here
		return true
	}
	return v.bound[i]
}

// fullSpan maps runes [a,b) of s to runes of r.
func (v *view) fullSpan(a, b int) (int, int) {
	if b <= a {
		i := v.sIdx[a]
		return i, i
	}
	return v.sIdx[a], v.sIdx[b-1] + 1
}

// textSpan maps runes [i,k) of r to a byte range of Input.Text.
func (v *view) textSpan(i, k int) (int, int) {
	return v.in.TextSpan(v.off[i], v.off[k])
}

// surface is the text of runes [i,k) of r as the document writes it.
func (v *view) surface(i, k int) string {
	s, e := v.textSpan(i, k)
	return v.in.Text[s:e]
}

func isQuoteMark(c rune) bool {
	switch c {
	case '“', '”', '「', '」', '『', '』', '‘', '’', '"', '〝', '〞', '﹁', '﹂', '﹃', '﹄':
		return true
	}
	return false
}

// isWordRune: letters, digits and ideographs; what can be part of a word.
func isWordRune(c rune) bool {
	return unicode.IsLetter(c) || unicode.IsDigit(c) || c == '+' || c == '＋'
}

func isHan(c rune) bool { return unicode.Is(unicode.Han, c) }

// allHan reports whether every rune of s is an ideograph.
func allHan(s []rune) bool {
	for _, c := range s {
		if !isHan(c) {
			return false
		}
	}
	return len(s) > 0
}

// hardStop ends a sentence for the series rules.
func hardStop(c rune) bool {
	switch c {
	case '。', '！', '？', '；', '：', '!', '?', ';', ':', '\n', '\r', '（', '）', '(', ')',
		'《', '》', '〈', '〉', '【', '】', '[', ']', '—', '…', '·', '•', '．':
		return true
	}
	return unicode.IsSpace(c) && c != ' '
}

func isComma(c rune) bool { return c == '，' || c == ',' || c == '﹐' }
func isDun(c rune) bool   { return c == '、' || c == '﹑' }
