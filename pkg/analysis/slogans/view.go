package slogans

import (
	"sort"
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
	quoted    []bool   // quoted[i]: r[i] is inside a pair of quotation marks that is a formulation
	toks      []vtok   // the tokens, in runes of r
	tokAt     []int32  // tokAt[i]: index in toks of the token covering r[i], -1 if none
}

// vtok is a token in runes of r.
type vtok struct {
	a, b int
	pos  string
}

// minWrappedLine is the length of a line, in runes, from which a line
// break between two ideographs (or after 、 or ，) is taken for a line
// wrapped inside a sentence, as PDF text has them, and read through by
// the series rules; shorter lines are headings or list items.
const minWrappedLine = 16

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
	line := 0 // runes since the last line break
	for i, c := range v.r {
		if c == '\n' {
			wrapped := line >= minWrappedLine && i > 0 && i+1 < len(v.r) && isHan(v.r[i+1]) &&
				(isHan(v.r[i-1]) || isDun(v.r[i-1]) || isComma(v.r[i-1]))
			line = 0
			if wrapped {
				continue // a line wrapped in the middle of a sentence (text from PDF)
			}
		} else {
			line++
		}
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
	v.tokAt = make([]int32, len(v.r))
	for i := range v.tokAt {
		v.tokAt[i] = -1
	}
	if len(in.Tokens) > 0 {
		v.hasTokens = true
		v.toks = make([]vtok, 0, len(in.Tokens))
		cur := 0 // tokens come in text order: a cursor instead of a search
		at := func(o int) (int, bool) {
			if cur > 0 && v.off[cur-1] >= o {
				cur, _ = v.runeAt(o) // out of order: search
			}
			for cur < len(v.off) && v.off[cur] < o {
				cur++
			}
			return cur, cur < len(v.off) && v.off[cur] == o
		}
		for _, t := range in.Tokens {
			fs, fe := in.FoldedSpan(int(t.Start), int(t.End))
			a, ok1 := at(fs)
			b, ok2 := at(fe)
			if !ok1 || !ok2 || a >= b || b > len(v.r) {
				continue
			}
			v.bound[a], v.bound[b] = true, true
			ti := int32(len(v.toks))
			v.toks = append(v.toks, vtok{a: a, b: b, pos: t.POS})
			for k := a; k < b; k++ {
				v.pos[k] = t.POS
				v.tokAt[k] = ti
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

// runeAt gives the index of the rune starting at byte offset o of Folded.
func (v *view) runeAt(o int) (int, bool) {
	i := sort.SearchInts(v.off, o)
	return i, i < len(v.off) && v.off[i] == o
}

// sBound reports whether a word may start (or end) before s[j].
func (v *view) sBound(j int) bool {
	if j <= 0 || j >= len(v.s) {
		return true
	}
	i := v.sIdx[j]
	if i-v.sIdx[j-1] > 1 && isQuoteMark(v.r[i-1]) { // a quotation mark was removed here
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

// sOf maps rune i of r to the index in s of the first rune of s at or
// after it.
func (v *view) sOf(i int) int {
	return sort.SearchInts(v.sIdx, i)
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

// tokenBefore gives the token ending right before r[i], if any.
func (v *view) tokenBefore(i int) (vtok, bool) {
	if i <= 0 || i > len(v.r) || v.tokAt[i-1] < 0 {
		return vtok{}, false
	}
	t := v.toks[v.tokAt[i-1]]
	return t, t.b == i
}

// tokenAt gives the token starting at r[i], if any.
func (v *view) tokenAt(i int) (vtok, bool) {
	if i < 0 || i >= len(v.r) || v.tokAt[i] < 0 {
		return vtok{}, false
	}
	t := v.toks[v.tokAt[i]]
	return t, t.a == i
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

func isHan(c rune) bool {
	if c >= 0x4E00 && c <= 0x9FFF { // CJK Unified Ideographs: the common case
		return true
	}
	return c >= 0x2E80 && unicode.Is(unicode.Han, c)
}

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
