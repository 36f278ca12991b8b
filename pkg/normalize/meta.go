package normalize

import (
	"unicode/utf8"

	"zhpolicy/pkg/script"
)

// MetaKind names what a metadata span of a document is (Result.Meta).
type MetaKind string

// The kinds of document metadata that cleaning marks. They stay in the text: they are the
// document's own words, but not its body, and analyzers may treat them apart (the speaker's
// name is a person, the occasion names a meeting, a caption describes a photo).
const (
	MetaTitle    MetaKind = "title"    // 2026年上海市政府工作报告, 政府工作报告
	MetaOccasion MetaKind = "occasion" // ——2026年2月3日在上海市第十六届人民代表大会第四次会议上
	MetaSpeaker  MetaKind = "speaker"  // 上海市市长 龚 正, 省长　李炳军 (post and name)
	MetaName     MetaKind = "name"     // 龚 正: the speaker's name, inside the speaker span
	MetaCaption  MetaKind = "caption"  // 殷勇同志作政府工作报告。 (a photo caption; its credit is removed)
)

// Meta is a span of metadata in Result.Text: [Start, End) in bytes.
type Meta struct {
	Kind       MetaKind
	Start, End int
}

// findMeta marks the title, occasion and speaker lines at the head of the document (before
// the salutation 各位代表： or the first long paragraph) and photo captions: head lines that
// say who delivered the report, and lines whose photo credit was cut.
func (c *classifier) findMeta() {
	head := true
	seen := 0
	for _, i := range c.kept {
		l := &c.lines[i]
		t, sh := c.tline(i)
		if t == "" {
			continue
		}
		base := l.ts
		if head {
			seen++
			if seen > maxHeadLines || sh.runes > 100 || isSalutation(t, sh) {
				head = false
			}
		}
		if l.act == actCut && l.reason == rPhoto {
			c.meta = append(c.meta, metaSpan{MetaCaption, base, base + len(t)})
			continue
		}
		if hasPrefixAny(t, "图为", "图：", "图:") && sh.runes <= 150 {
			c.meta = append(c.meta, metaSpan{MetaCaption, base, base + len(t)})
			continue
		}
		if !head {
			continue
		}
		// Read a Traditional header as Simplified (報告, 會議上, 院長): the same runes, so
		// offsets carry over by rune.
		f := t
		if folded, ok := script.FoldToSimplified(t); ok && utf8.RuneCountInString(folded) == utf8.RuneCountInString(t) {
			f = folded
		}
		if end, ok := occasionEnd(f); ok {
			end = sameRune(f, t, end)
			c.meta = append(c.meta, metaSpan{MetaOccasion, base, base + end})
			rs, re := trimLine(t[end:])
			if rs < re {
				c.speaker(base+end+rs, t[end+rs:end+re])
			}
			continue
		}
		if c.speaker(base, t) {
			continue
		}
		if captionPhrase(f, sh) {
			c.meta = append(c.meta, metaSpan{MetaCaption, base, base + len(t)})
			continue
		}
		if isTitle(f, sh) {
			c.meta = append(c.meta, metaSpan{MetaTitle, base, base + len(t)})
		}
	}
}

// sameRune returns the byte offset in b of the rune at byte offset off of a (a and b have
// the same runes, one for one).
func sameRune(a, b string, off int) int {
	if a == b {
		return off
	}
	n := utf8.RuneCountInString(a[:off])
	i := 0
	for k := 0; k < n && i < len(b); k++ {
		_, size := utf8.DecodeRuneInString(b[i:])
		i += size
	}
	return i
}

// speaker marks t (at view offset base) as the speaker line, with the name inside it.
func (c *classifier) speaker(base int, t string) bool {
	f := t
	if folded, ok := script.FoldToSimplified(t); ok && utf8.RuneCountInString(folded) == utf8.RuneCountInString(t) {
		f = folded
	}
	s, ns, ok := speakerLine(f)
	if !ok {
		return false
	}
	s, ns = sameRune(f, t, s), sameRune(f, t, ns)
	c.meta = append(c.meta, metaSpan{MetaSpeaker, base + s, base + len(t)}, metaSpan{MetaName, base + ns, base + len(t)})
	return true
}

// isMetaLine reports whether t, wherever it stands, has the shape of a metadata line; the
// corpus pass never removes one.
func isMetaLine(t string, sh lineShape) bool {
	if sh.runes > 120 {
		return false
	}
	if _, ok := occasionEnd(t); ok {
		return true
	}
	if _, _, ok := speakerLine(t); ok {
		return true
	}
	return captionPhrase(t, sh) || isTitle(t, sh)
}

func isSalutation(t string, sh lineShape) bool {
	return sh.runes <= 20 && hasPrefixAny(t, "各位代表", "各位委员", "同志们", "女士们", "尊敬的", "各位来宾", "各位")
}

// skipDashes skips the dashes or opening parenthesis that introduce a header line.
func skipDashes(t string) int {
	i := 0
	for i < len(t) {
		r, n := utf8.DecodeRuneInString(t[i:])
		if r != '—' && r != '-' && r != '–' && r != '─' && r != '―' && r != '（' && r != '(' && !isLineSpace(r) {
			break
		}
		i += n
	}
	return i
}

// number reads digits (ASCII or Chinese numerals) at t[i:].
func number(t string, i int) (int, bool) {
	j := i
	for j < len(t) {
		r, n := utf8.DecodeRuneInString(t[j:])
		if !(r >= '0' && r <= '9') && !isChineseNumeral(r) {
			break
		}
		j += n
	}
	return j, j > i
}

// expect reads the rune want at t[i:].
func expect(t string, i int, want rune) (int, bool) {
	if i >= len(t) {
		return i, false
	}
	r, n := utf8.DecodeRuneInString(t[i:])
	return i + n, r == want
}

// occasionEnd recognises the occasion line of a report: (——)2026年1月25日在北京市第十六届人民代表大会
// 第四次会议上, possibly in parentheses; it returns the offset after it (a speaker may follow).
func occasionEnd(t string) (int, bool) {
	if utf8.RuneCountInString(t) > 80 {
		return 0, false
	}
	i := skipDashes(t)
	j, ok := number(t, i)
	if !ok {
		return 0, false
	}
	if k, ok := expect(t, j, '年'); ok {
		if j, ok = number(t, k); !ok {
			return 0, false
		}
	}
	if j, ok = expect(t, j, '月'); !ok {
		return 0, false
	}
	if j, ok = number(t, j); !ok {
		return 0, false
	}
	if j, ok = expect(t, j, '日'); !ok {
		return 0, false
	}
	for j < len(t) {
		r, n := utf8.DecodeRuneInString(t[j:])
		if !isLineSpace(r) {
			break
		}
		j += n
	}
	if j, ok = expect(t, j, '在'); !ok {
		return 0, false
	}
	from := j
	for k := j; k < len(t); {
		r, n := utf8.DecodeRuneInString(t[k:])
		k += n
		if r != '上' {
			continue
		}
		if !containsAny(t[from:k], "会") {
			continue
		}
		e := k
		if r2, n2 := utf8.DecodeRuneInString(t[e:]); r2 == '）' || r2 == ')' {
			e += n2
		}
		if e == len(t) {
			return e, true
		}
		if r2, _ := utf8.DecodeRuneInString(t[e:]); isLineSpace(r2) {
			return e, true
		}
	}
	return 0, false
}

// posts are the titles a report's speaker carries, longest first where one ends another.
var posts = []string{"代省长", "副省长", "省长", "代市长", "副市长", "市长", "代主席", "副主席", "主席",
	"代区长", "区长", "州长", "县长", "盟长", "旗长", "副总理", "总理", "副书记", "书记", "主任",
	"委员长", "院长", "部长"}

// speakerLine recognises 上海市市长 龚 正, 省人民政府省长 王清宪, 省长　李炳军, 自治区主席 艾尔肯·吐尼亚孜:
// an office ending in a post, then a name of two to four characters (or a transliterated
// name with ·). It returns where the line starts after dashes and where the name starts.
func speakerLine(t string) (int, int, bool) {
	s := skipDashes(t)
	body := t[s:]
	if body == "" || utf8.RuneCountInString(body) > 36 {
		return 0, 0, false
	}
	// The office: Han characters only, ending with a post, at most 20 runes.
	for i := 0; i < len(body); {
		r, n := utf8.DecodeRuneInString(body[i:])
		if !isHan(r) {
			return 0, 0, false
		}
		i += n
		if i/3 > 24 {
			return 0, 0, false
		}
		for _, p := range posts {
			if i >= len(p) && body[i-len(p):i] == p {
				rest := body[i:]
				ns := 0
				for ns < len(rest) {
					r2, n2 := utf8.DecodeRuneInString(rest[ns:])
					if !isLineSpace(r2) {
						break
					}
					ns += n2
				}
				if speakerName(rest[ns:]) {
					return s, s + i + ns, true
				}
			}
		}
	}
	return 0, 0, false
}

// speakerName reports whether s is a personal name: two to four Han characters, possibly
// spaced out (龚 正), or a transliterated name with · (艾尔肯·吐尼亚孜).
func speakerName(s string) bool {
	han, dot := 0, false
	for _, r := range s {
		switch {
		case isHan(r):
			han++
		case r == '·' || r == '•':
			dot = true
		case r == ' ':
		default:
			return false
		}
	}
	return han >= 2 && (han <= 4 || dot && han <= 14)
}

// captionPhrase recognises the caption of the speaker's photo: 殷勇同志作政府工作报告。
func captionPhrase(t string, sh lineShape) bool {
	if sh.runes > 120 || hasPrefixAny(t, "各位", "现在") {
		return false
	}
	// 作 (delivers) followed by the report, where 作 is not the end of 工作.
	for i := 0; i < len(t); {
		r, n := utf8.DecodeRuneInString(t[i:])
		if r == '作' && i > 0 {
			// After 工 only the full phrase: 张工作政府工作报告 (张工 delivers it), not 工作报告.
			if hasPrefixAny(t[i+n:], "政府工作报告") {
				return true
			}
			if p, _ := utf8.DecodeLastRuneInString(t[:i]); p != '工' && hasPrefixAny(t[i+n:], "工作报告", "报告", "说明") {
				return true
			}
		}
		i += n
	}
	return false
}

// docTypes are the words that end the title of a policy document.
var docTypes = []string{"报告", "通知", "意见", "方案", "办法", "规划", "纲要", "决定", "决议", "公告", "通告",
	"讲话", "规定", "细则", "计划", "指南", "批复", "函", "条例", "公报", "白皮书", "要点", "清单", "建议"}

// isTitle recognises the title of a document: a short line that ends with the kind of
// document it is (政府工作报告, …的通知), possibly followed by (草案) or (试行).
func isTitle(t string, sh lineShape) bool {
	if sh.sentence || sh.comma || sh.runes > 60 || sh.runes < 4 || isNumberedHeading(t) || !balanced(t) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(t); r == '）' || r == ')' || r == '》' || r == '”' || r == '、' {
		return false // the end of a title wrapped over lines
	}
	u := t
	for _, tail := range []string{"（草案）", "（试行）", "（征求意见稿）", "(草案)", "(试行)"} {
		if hasSuffixAny(u, tail) {
			u = u[:len(u)-len(tail)]
			break
		}
	}
	return hasSuffixAny(u, docTypes...)
}

// balanced reports whether the brackets and quotes of t pair up.
func balanced(t string) bool {
	var stack [8]rune
	n := 0
	for _, r := range t {
		switch r {
		case '《', '（', '(', '“', '【', '〔', '「':
			if n == len(stack) {
				return false
			}
			stack[n] = r
			n++
		case '》', '）', ')', '”', '】', '〕', '」':
			if n == 0 {
				return false
			}
			n--
			o := stack[n]
			if !(o == '《' && r == '》' || (o == '（' || o == '(') && (r == '）' || r == ')') || o == '“' && r == '”' ||
				o == '【' && r == '】' || o == '〔' && r == '〕' || o == '「' && r == '」') {
				return false
			}
		}
	}
	return n == 0
}
