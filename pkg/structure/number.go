package structure

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// isHan reports whether r is a Han character.
func isHan(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF || r == '〇' {
		return true
	}
	if r < 0x2E80 {
		return false
	}
	return unicode.Is(unicode.Han, r)
}

// yearOpen and yearClose are the brackets a document number may put its
// year in; GB/T 9704 wants 〔〕 (六角括号).
func yearOpen(r rune) bool {
	switch r {
	case '〔', '[', '［', '（', '(', '【', '〈', '｛', '{':
		return true
	}
	return false
}

func yearClose(r rune) bool {
	switch r {
	case '〕', ']', '］', '）', ')', '】', '〉', '｝', '}':
		return true
	}
	return false
}

// codeStops are words that stand before a document number without being
// part of its 机关代字 (根据国发〔2024〕5号, 印发国发…). They are stripped from the
// front of the Han characters before the bracket, repeatedly.
var codeStops = []string{
	"根据", "按照", "依据", "依照", "遵照", "对照", "参照", "贯彻", "落实", "执行", "印发", "转发",
	"批转", "参见", "详见", "文件", "精神", "要求", "规定", "的", "和", "与", "及", "或", "见", "是",
	"以", "经", "由", "为", "即", "并", "将", "在", "对", "按", "据", "照",
}

// maxCode is the longest 机关代字 read, in runes.
const maxCode = 12

// readDigits reads up to max ASCII or full-width digits at s[i:]: value,
// count and bytes read.
func readDigits(s string, i, max int) (v, count, n int) {
	j := i
	for j < len(s) && count < max {
		r, w := utf8.DecodeRuneInString(s[j:])
		d, ok := digitVal(r)
		if !ok {
			break
		}
		v = v*10 + d
		count++
		j += w
	}
	return v, count, j - i
}

// codeBefore finds the 机关代字 that ends at byte i of s: the Han
// characters right before it, without leading stop words. It returns the
// code's start ("" when there is none).
func codeBefore(s string, i int) (int, string) {
	k, n := i, 0
	for k > 0 && n < maxCode+4 {
		r, w := utf8.DecodeLastRuneInString(s[:k])
		if !isHan(r) {
			break
		}
		k -= w
		n++
	}
	for changed := true; changed && k < i; {
		changed = false
		for _, w := range codeStops {
			if hasPrefix(s[k:i], w) && i-k > len(w) {
				k += len(w)
				changed = true
			}
		}
	}
	if k >= i || utf8.RuneCountInString(s[k:i]) > maxCode {
		return i, ""
	}
	return k, s[k:i]
}

// numberAt reads a standard document number whose year bracket opens at
// byte i of s: 代字〔YYYY〕N号, with a 第 or leading zeros tolerated (and
// recorded as nonstandard). Offsets in the Number are bytes of s.
func numberAt(s string, i int) (Number, bool) {
	open, ow := utf8.DecodeRuneInString(s[i:])
	if !yearOpen(open) {
		return Number{}, false
	}
	cs, code := codeBefore(s, i)
	if code == "" {
		return Number{}, false
	}
	j := i + ow
	year, yc, yn := readDigits(s, j, 4)
	if yc != 4 || year < 1900 || year > 2100 {
		return Number{}, false
	}
	j += yn
	cl, cw := utf8.DecodeRuneInString(s[j:])
	if !yearClose(cl) {
		return Number{}, false
	}
	closeAt := j
	j += cw
	num := Number{Form: "standard", Code: code, Year: year}
	num.Open = Span{i, i + ow}
	num.Close = Span{closeAt, closeAt + cw}
	if open != '〔' || cl != '〕' {
		num.Nonstandard = append(num.Nonstandard, "bracket")
	}
	if hasPrefix(s[j:], "第") {
		num.Di = Span{j, j + len("第")}
		num.Nonstandard = append(num.Nonstandard, "第")
		j += len("第")
	}
	seqAt := j
	seq, sc, sn := readDigits(s, j, 6)
	if sc == 0 || !hasPrefix(s[j+sn:], "号") {
		return Number{}, false
	}
	// leading zeros: 05号 (not the number 0 itself)
	z := seqAt
	for z < seqAt+sn-1 {
		r, w := utf8.DecodeRuneInString(s[z:])
		if d, _ := digitVal(r); d != 0 {
			break
		}
		z += w
	}
	if z > seqAt {
		num.Zeros = Span{seqAt, z}
		num.Nonstandard = append(num.Nonstandard, "leading-zero")
	}
	j += sn + len("号")
	num.Seq = seq
	num.Joint = containsRune(code, '联')
	num.Text = s[cs:j]
	num.Start, num.End = cs, j
	return num, true
}

func containsRune(s string, c rune) bool {
	for _, r := range s {
		if r == c {
			return true
		}
	}
	return false
}

// announcementAt reads 机关公告YYYY年第N号 with 公告 at byte i of s.
func announcementAt(s string, i int) (Number, bool) {
	j := i + len("公告")
	year, yc, yn := readDigits(s, j, 4)
	if yc != 4 || year < 1900 || year > 2100 {
		return Number{}, false
	}
	j += yn
	if !hasPrefix(s[j:], "年") {
		return Number{}, false
	}
	j += len("年")
	if !hasPrefix(s[j:], "第") {
		return Number{}, false
	}
	j += len("第")
	seq, sc, sn := readDigits(s, j, 6)
	if sc == 0 || !hasPrefix(s[j+sn:], "号") {
		return Number{}, false
	}
	j += sn + len("号")
	cs, org := codeBefore(s, i)
	if org == "" {
		return Number{}, false
	}
	return Number{Field: Field{Text: s[cs:j], Start: cs, End: j}, Form: "announcement", Code: org, Year: year, Seq: seq}, true
}

// orderAt reads 机关令第N号 with 第 at byte i of s (the 令 right before it).
func orderAt(s string, i int) (Number, bool) {
	if i < len("令") || s[i-len("令"):i] != "令" {
		return Number{}, false
	}
	j := i + len("第")
	seq, sc, sn := readDigits(s, j, 6)
	if sc == 0 || !hasPrefix(s[j+sn:], "号") {
		return Number{}, false
	}
	j += sn + len("号")
	cs, org := codeBefore(s, i)
	if utf8.RuneCountInString(org) < 2 {
		return Number{}, false
	}
	return Number{Field: Field{Text: s[cs:j], Start: cs, End: j}, Form: "order", Code: org, Seq: seq}, true
}

// scanNumbers finds every document number in s (a compact paragraph), in
// text order, without overlaps.
func scanNumbers(s string) []Number {
	var out []Number
	covered := 0
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		var n Number
		ok := false
		switch {
		case yearOpen(r):
			n, ok = numberAt(s, i)
		case r == '公' && hasPrefix(s[i:], "公告"):
			n, ok = announcementAt(s, i)
		case r == '第':
			n, ok = orderAt(s, i)
		}
		if ok && n.Start >= covered {
			out = append(out, n)
			covered = n.End
			i = n.End
			continue
		}
		i += w
	}
	return out
}

// ParseNumber finds the first document number in s: the standard form
// 国发〔2024〕5号 (brackets other than 〔〕, a 第 and leading zeros are read
// and listed in Nonstandard), an announcement's 国家税务总局公告2023年第1号 or
// an order's 中华人民共和国国务院令第752号. Offsets are bytes of s.
func ParseNumber(s string) (Number, bool) {
	p := compactString(s)
	ns := scanNumbers(p.text)
	if len(ns) == 0 {
		return Number{}, false
	}
	n := ns[0]
	n.Text = p.text[n.Start:n.End]
	n.Start, n.End = p.span(n.Start, n.End)
	for _, sp := range []*Span{&n.Open, &n.Close, &n.Di, &n.Zeros} {
		if !sp.Empty() {
			sp.Start, sp.End = p.span(sp.Start, sp.End)
		}
	}
	return n, true
}

// Canonical writes the number as GB/T 9704 wants it: 〔〕, no 第, no
// leading zero, ASCII digits.
func (n Number) Canonical() string {
	switch n.Form {
	case "announcement":
		return n.Code + "公告" + strconv.Itoa(n.Year) + "年第" + strconv.Itoa(n.Seq) + "号"
	case "order":
		return n.Code + "第" + strconv.Itoa(n.Seq) + "号"
	}
	return n.Code + "〔" + strconv.Itoa(n.Year) + "〕" + strconv.Itoa(n.Seq) + "号"
}

// compactString compacts a single string as the layout compacts a
// paragraph (white space next to Han dropped), with the offset map.
func compactString(s string) *para {
	l := &layout{text: s}
	l.lines = []pline{{start: 0, end: len(s), kind: lText}}
	p := l.compact([]int{0})
	return &p
}
