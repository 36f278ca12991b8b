package check

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Pair is an opening and a closing punctuation mark checked by the
// brackets rule.
type Pair struct{ Open, Close rune }

// DefaultPairs are the pairs checked by default.
func DefaultPairs() []Pair {
	return []Pair{{'“', '”'}, {'《', '》'}, {'（', '）'}, {'【', '】'}, {'「', '」'}, {'『', '』'}, {'〈', '〉'}}
}

// ParsePair reads a pair written as two characters ("《》").
func ParsePair(s string) (Pair, error) {
	rs := []rune(s)
	if len(rs) != 2 || rs[0] == rs[1] {
		return Pair{}, fmt.Errorf("invalid pair %q: write the opening and the closing mark, such as \"《》\"", s)
	}
	return Pair{rs[0], rs[1]}, nil
}

// halfWidthTwin is the ASCII form of a full-width bracket: （ is written (
// by mistake, and a （ closed by ) is a mismatch.
func halfWidthTwin(r rune) rune {
	switch r {
	case '（':
		return '('
	case '）':
		return ')'
	case '(':
		return '（'
	case ')':
		return '）'
	}
	return 0
}

type openMark struct {
	r     rune
	close rune
	off   int
	ascii bool // an ASCII ( only matters when it meets a full-width ）
}

// ruleBrackets checks the pairs paragraph by paragraph: a line of a text
// file, a block between blank lines in Markdown, a block element in HTML.
func ruleBrackets(v *view) []Finding {
	pairs := v.set.Pairs
	if len(pairs) == 0 {
		return nil
	}
	closeOf := make(map[rune]rune, len(pairs)+1)
	openOf := make(map[rune]rune, len(pairs)+1)
	for _, p := range pairs {
		closeOf[p.Open] = p.Close
		openOf[p.Close] = p.Open
	}
	fullParens := closeOf['（'] == '）'
	if fullParens {
		closeOf['('] = ')'
		openOf[')'] = '('
	}
	t := v.mk.masked
	units := paragraphs(t, v.doc.Format, v.mk.breaks)
	var out []Finding
	var stack []openMark
	for ui, u := range units {
		stack = stack[:0]
		for i := u[0]; i < u[1]; {
			r, size := utf8.DecodeRuneInString(t[i:])
			if r == '"' && len(stack) > 0 && stack[len(stack)-1].r == '“' && closeOf['“'] == '”' {
				// “…" : a Chinese quotation closed by an ASCII quote.
				top := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				l, c := v.loc.position(top.off)
				f := v.loc.finding(RuleBrackets, i, i+size, fmt.Sprintf("%s (at %d:%d) is closed by %s; use %s",
					quote("“"), l, c, quote(`"`), quote("”")))
				f.Suggestion = "”"
				out = append(out, f)
				i += size
				continue
			}
			if r < utf8.RuneSelf && r != '(' && r != ')' {
				i += size
				continue
			}
			if c, ok := closeOf[r]; ok {
				stack = append(stack, openMark{r: r, close: c, off: i, ascii: r == '('})
				i += size
				continue
			}
			o, ok := openOf[r]
			if !ok {
				i += size
				continue
			}
			ascii := r == ')'
			switch {
			case len(stack) > 0 && stack[len(stack)-1].r == o:
				stack = stack[:len(stack)-1]
			case len(stack) > 0 && stack[len(stack)-1].r == halfWidthTwin(o):
				top := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				l, c := v.loc.position(top.off)
				var f Finding
				if top.ascii {
					f = v.loc.finding(RuleBrackets, i, i+size, fmt.Sprintf("%s (at %d:%d) is closed by %s; write %s there",
						quote(string(top.r)), l, c, quote(string(r)), quote(string(o))))
				} else {
					f = v.loc.finding(RuleBrackets, i, i+size, fmt.Sprintf("%s (at %d:%d) is closed by %s; use %s",
						quote(string(top.r)), l, c, quote(string(r)), quote(string(top.close))))
					f.Suggestion = string(top.close)
				}
				out = append(out, f)
			default:
				d := len(stack) - 1
				for d >= 0 && stack[d].r != o {
					d--
				}
				if d < 0 {
					if !ascii && !isListLabel(t, i) {
						out = append(out, v.loc.finding(RuleBrackets, i, i+size, fmt.Sprintf(
							"%s has no opening %s; remove it or add the opening mark", quote(string(r)), quote(string(o)))))
					}
					break
				}
				for _, m := range stack[d+1:] {
					if !m.ascii {
						out = append(out, unclosed(v, m))
					}
				}
				stack = stack[:d]
			}
			i += size
		}
		for _, m := range stack {
			if m.ascii || continuedQuote(t, units, ui, m.r) {
				continue
			}
			out = append(out, unclosed(v, m))
		}
	}
	return out
}

func unclosed(v *view, m openMark) Finding {
	f := v.loc.finding(RuleBrackets, m.off, m.off+utf8.RuneLen(m.r),
		fmt.Sprintf("%s is not closed in this paragraph; add %s", quote(string(m.r)), quote(string(m.close))))
	f.Suggestion = string(m.close)
	return f
}

// continuedQuote reports whether a quotation left open at the end of
// paragraph ui goes on in the next one, which by convention opens with the
// same mark again (a quotation over several paragraphs closes only at its
// end).
func continuedQuote(t string, units [][2]int, ui int, open rune) bool {
	switch open {
	case '“', '「', '『', '‘':
	default:
		return false
	}
	if ui+1 >= len(units) {
		return false
	}
	next := strings.TrimLeft(t[units[ui+1][0]:units[ui+1][1]], " \t\u3000")
	r, _ := utf8.DecodeRuneInString(next)
	return r == open
}

// isListLabel reports whether the closing mark at t[i] ends a list label:
// 1） 一） a) ②） at the start of a line or after punctuation or a space
// (包括：1）道路；2）设施).
func isListLabel(t string, i int) bool {
	j := i
	n := 0
	for j > 0 && n <= 3 {
		r, size := utf8.DecodeLastRuneInString(t[:j])
		if !isLabelRune(r) {
			break
		}
		j -= size
		n++
	}
	if n == 0 || n > 3 {
		return false
	}
	if j == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(t[:j])
	return r == '\n' || r == ' ' || r == '\t' || r == '\u3000' || strings.ContainsRune("：；，。、:;,.！？", r)
}

func isLabelRune(r rune) bool {
	switch {
	case r >= '0' && r <= '9', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '０' && r <= '９':
		return true
	case r >= '①' && r <= '⑳':
		return true
	}
	return strings.ContainsRune("一二三四五六七八九十", r)
}

// paragraphs splits the masked text into the units the brackets rule
// checks: lines for plain text and DOCX; blocks between blank lines for
// Markdown; for HTML, blocks between block-level tags and blank lines.
func paragraphs(t, format string, breaks []int) [][2]int {
	var units [][2]int
	if format != "markdown" && format != "html" {
		prev := ""
		for s := 0; s < len(t); {
			e := strings.IndexByte(t[s:], '\n')
			if e < 0 {
				e = len(t)
			} else {
				e += s
			}
			if n := len(units) - 1; n >= 0 && wrapped(prev, t[s:e]) {
				units[n][1] = e // a hard-wrapped paragraph goes on
			} else {
				units = append(units, [2]int{s, e})
			}
			prev = t[s:e]
			s = e + 1
		}
		return units
	}
	start := 0
	bi := 0
	cut := func(e int) {
		if strings.TrimSpace(t[start:e]) != "" {
			units = append(units, [2]int{start, e})
		}
		start = e
	}
	for s := 0; s < len(t); {
		e := strings.IndexByte(t[s:], '\n')
		if e < 0 {
			e = len(t)
		} else {
			e += s
		}
		for bi < len(breaks) && breaks[bi] < e {
			if breaks[bi] > start {
				cut(breaks[bi])
			}
			bi++
		}
		if strings.TrimSpace(t[s:e]) == "" && s > start {
			cut(s)
		}
		s = e + 1
	}
	cut(len(t))
	return units
}

// wrapped reports whether next continues the paragraph that prev ends, as
// in text extracted from PDF files with hard line breaks: prev is a long
// line that does not end a sentence, and next is neither blank nor indented.
func wrapped(prev, next string) bool {
	prev = strings.TrimRight(prev, " \t\r")
	if prev == "" || next == "" || strings.TrimSpace(next) == "" {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(next); r == ' ' || r == '\t' || r == '\u3000' {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(prev)
	if strings.ContainsRune("。！？；：…!?;:", r) {
		return false
	}
	// A short line is a heading or a list label, not wrapped prose.
	return utf8.RuneCountInString(prev) >= 20
}
