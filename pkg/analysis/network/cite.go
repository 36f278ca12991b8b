package network

import (
	"strings"
	"unicode/utf8"
)

// Citation is a reference to another document found in a text: a title in
// 《…》 and, when one follows in brackets, its document number
// （国发〔2017〕35号）; or a document number standing alone.
type Citation struct {
	Title  string
	Number string
	// Start and End are byte offsets of the whole reference.
	Start, End int
}

// Key is what a citation is counted under: its document number when it
// has one (the same document cited under a shortened title still counts
// once), else its title.
func (c Citation) Key() string {
	if c.Number != "" {
		return c.Number
	}
	return c.Title
}

// Label is how a citation node is shown: the title, with its number.
func (c Citation) Label() string {
	switch {
	case c.Title != "" && c.Number != "":
		return "《" + c.Title + "》（" + c.Number + "）"
	case c.Title != "":
		return "《" + c.Title + "》"
	}
	return c.Number
}

// Citations scans a text for references to other documents. It is the
// built-in scanner until a structure analysis hands over its citations:
// titles in 《》 of 4–80 characters that name a document (ending in a
// document type: 通知, 意见, 规划, 办法, 方案, 条例, 决定, 法 …) and
// document numbers 机关代字〔YYYY〕N号. No regular expressions.
func Citations(text string) []Citation {
	var out []Citation
	covered := -1
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '《':
			j := strings.Index(text[i+w:], "》")
			if j < 0 || j > 80*3 {
				i += w
				continue
			}
			title := text[i+w : i+w+j]
			end := i + w + j + len("》")
			if n := utf8.RuneCountInString(title); n < 4 || strings.ContainsAny(title, "《\n") || !documentTitle(title) {
				i = end
				continue
			}
			c := Citation{Title: title, Start: i, End: end}
			// （国发〔2017〕35号） right after
			if rest := text[end:]; strings.HasPrefix(rest, "（") || strings.HasPrefix(rest, "(") {
				_, bw := utf8.DecodeRuneInString(rest)
				k := strings.IndexAny(rest[bw:], "）)")
				if k > 0 && k < 40*3 {
					if num := docNumber(rest[bw : bw+k]); num != "" {
						c.Number = num
						c.End = end + bw + k + 1
						if strings.HasPrefix(rest[bw+k:], "）") {
							c.End = end + bw + k + len("）")
						}
					}
				}
			}
			out = append(out, c)
			covered = c.End
			i = c.End
		case r == '〔' || r == '[':
			if i < covered {
				i += w
				continue
			}
			s, e, num := numberAround(text, i)
			if num != "" && s >= covered {
				out = append(out, Citation{Number: num, Start: s, End: e})
				covered = e
				i = e
				continue
			}
			i += w
		default:
			i += w
		}
	}
	return out
}

// documentTitle says whether a 《…》 title names a policy document rather
// than a book, a newspaper or a programme.
func documentTitle(t string) bool {
	for _, suffix := range []string{"通知", "意见", "规划", "纲要", "办法", "方案", "条例", "决定", "规定", "细则", "计划", "指南", "法", "决议", "报告", "通告", "公告", "批复", "函", "指引", "规范", "标准", "战略", "措施", "政策"} {
		if strings.HasSuffix(t, suffix) || strings.Contains(t, suffix+"（") || strings.Contains(t, suffix+"(") {
			return true
		}
	}
	return false
}

// docNumber finds a document number 机关代字〔YYYY〕N号 inside s and returns
// it, or "".
func docNumber(s string) string {
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == '〔' || r == '[' {
			if _, _, num := numberAround(s, i); num != "" {
				return num
			}
		}
		i += w
	}
	return ""
}

// numberAround reads a document number whose bracket opens at byte i:
// the issuer code before it (2–10 Han characters), 〔YYYY〕, digits, 号.
func numberAround(s string, i int) (start, end int, num string) {
	_, bw := utf8.DecodeRuneInString(s[i:])
	j := i + bw
	y := 0
	for y < 4 && j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
		y++
	}
	if y != 4 {
		return 0, 0, ""
	}
	r, w := utf8.DecodeRuneInString(s[j:])
	if r != '〕' && r != ']' {
		return 0, 0, ""
	}
	j += w
	d := 0
	for j < len(s) && s[j] >= '0' && s[j] <= '9' && d < 5 {
		j++
		d++
	}
	if d == 0 {
		return 0, 0, ""
	}
	r, w = utf8.DecodeRuneInString(s[j:])
	if r != '号' {
		return 0, 0, ""
	}
	j += w
	// the issuer code: Han characters right before the bracket
	k, n := i, 0
	for k > 0 && n < 8 {
		r, w := utf8.DecodeLastRuneInString(s[:k])
		if r < 0x4e00 || r > 0x9fff {
			break
		}
		k -= w
		n++
	}
	// words that stand before a number but are not part of the code
	for changed := true; changed; {
		changed = false
		for _, w := range []string{"根据", "按照", "依据", "印发", "落实", "贯彻", "执行", "参照", "文件", "的", "和", "与", "及", "见", "是"} {
			if strings.HasPrefix(s[k:i], w) && len(s[k:i]) > len(w) {
				k += len(w)
				changed = true
			}
		}
	}
	if k >= i {
		return 0, 0, ""
	}
	return k, j, s[k:j]
}
