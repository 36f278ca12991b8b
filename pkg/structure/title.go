package structure

import (
	"strings"
	"unicode/utf8"
)

// docType is a word a title ends with, and the short form it is counted
// under. legal marks the 15 kinds of 党政机关公文处理工作条例 (and 令), the
// ones a 公文's own title must end with.
type docType struct {
	word, canon string
	legal       bool
}

// docTypes, longer words first where one ends another.
var docTypes = []docType{
	{"指导意见", "意见", true}, {"实施意见", "意见", true}, {"若干意见", "意见", true}, {"意见", "意见", true},
	{"通知", "通知", true}, {"通报", "通报", true}, {"通告", "通告", true}, {"公告", "公告", true},
	{"公报", "公报", true}, {"决定", "决定", true}, {"决议", "决议", true}, {"命令", "命令", true},
	{"报告", "报告", true}, {"请示", "请示", true}, {"批复", "批复", true}, {"议案", "议案", true},
	{"复函", "函", true}, {"函", "函", true}, {"纪要", "纪要", true}, {"令", "令", true},
	{"答复", "答复", false},
	{"实施方案", "方案", false}, {"工作方案", "方案", false}, {"方案", "方案", false},
	{"行动计划", "计划", false}, {"计划", "计划", false}, {"规划纲要", "纲要", false}, {"纲要", "纲要", false},
	{"规划", "规划", false}, {"实施细则", "细则", false}, {"细则", "细则", false}, {"办法", "办法", false},
	{"规定", "规定", false}, {"条例", "条例", false}, {"规则", "规则", false}, {"规程", "规程", false},
	{"规范", "规范", false}, {"标准", "标准", false}, {"指南", "指南", false}, {"指引", "指引", false},
	{"工作要点", "要点", false}, {"要点", "要点", false}, {"若干措施", "措施", false}, {"措施", "措施", false},
	{"若干政策", "政策", false}, {"政策", "政策", false}, {"制度", "制度", false}, {"章程", "章程", false},
	{"准则", "准则", false}, {"守则", "守则", false}, {"清单", "清单", false}, {"名单", "名单", false},
	{"名录", "名录", false}, {"目录", "目录", false}, {"白皮书", "白皮书", false}, {"说明", "说明", false},
	{"解读", "解读", false}, {"方法", "方法", false}, {"法", "法", false},
}

// stripQualifiers removes the bracketed qualifiers a title may end with:
// （试行）, （2021—2025年）, （征求意见稿）, (2022版).
func stripQualifiers(s string) string {
	for k := 0; k < 4; k++ {
		r, n := utf8.DecodeLastRuneInString(s)
		if r != '）' && r != ')' {
			break
		}
		depth := 0
		j := len(s) - n
		open := -1
		for j > 0 {
			c, w := utf8.DecodeLastRuneInString(s[:j])
			j -= w
			if c == '）' || c == ')' {
				depth++
			} else if c == '（' || c == '(' {
				if depth == 0 {
					open = j
					break
				}
				depth--
			}
			if len(s)-j > 40*3 {
				break
			}
		}
		if open <= 0 {
			break
		}
		s = s[:open]
	}
	return s
}

// titleDocType returns the document type a title ends with (after its
// qualifiers), and whether it is one of the legal 文种.
func titleDocType(s string) (string, bool) {
	s = stripQualifiers(s)
	for _, t := range docTypes {
		if strings.HasSuffix(s, t.word) {
			// 令 alone is a 命令 only when the title names no 关于 (an order is
			// titled 中华人民共和国国务院令); 法 only for a law's name.
			if t.word == "令" && strings.Contains(s, "关于") {
				continue
			}
			return t.canon, t.legal
		}
	}
	return "", false
}

// DocType returns the document type (文种) a title ends with, in its short
// form: 关于加快发展某某产业的意见 → 意见; "" when it ends with none.
func DocType(title string) string {
	t, _ := titleDocType(title)
	return t
}

// IsLegalDocType reports whether a title ends with one of the 15 文种 of the
// 党政机关公文处理工作条例 (决议 决定 命令 公报 公告 通告 意见 通知 通报 报告 请示 批复
// 议案 函 纪要) or 令.
func IsLegalDocType(title string) bool {
	_, legal := titleDocType(title)
	return legal
}

// runeLen counts runes.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

// titleLike reports whether a compact paragraph can be a title: 4–160
// characters, no sentence inside it, not a heading or a date, ending with
// a document type.
func titleLike(s string) bool {
	n := runeLen(s)
	if n < 4 || n > 160 {
		return false
	}
	if strings.ContainsAny(s, "。！？；") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	switch last {
	case '：', ':', '，', ',', '、':
		return false
	}
	if _, ok := scanMarker(s); ok {
		return false
	}
	if strings.HasPrefix(s, "附件") || strings.HasPrefix(s, "抄送") {
		return false
	}
	if t, _ := titleDocType(s); t == "" {
		return false
	}
	// a sentence that ends with a type word (特制定本方案, 为…制定如下措施)
	for _, w := range openingWords {
		if strings.HasPrefix(s, w) && w != "关于" {
			return false
		}
	}
	if strings.Contains(s, "如下") || strings.Contains(s, "以下") {
		return false
	}
	core := stripQualifiers(s)
	for _, w := range []string{"本方案", "本办法", "本规定", "本意见", "本通知", "本规划", "本计划", "本细则", "本指南", "此通知", "如下"} {
		if strings.HasSuffix(core, w) {
			return false
		}
	}
	return true
}

// organSuffixes are what the name of a body ends with.
var organSuffixes = []string{
	"委员会", "办公厅", "办公室", "人民政府", "政府", "领导小组", "工作组", "小组", "中心", "公司", "集团", "协会", "学会",
	"联合会", "基金会", "法院", "检察院", "银行", "大学", "学院", "医院", "研究院", "研究所", "机构", "单位", "党组",
	"党委", "支部", "总局", "总署", "代章", "部", "委", "局", "厅", "院", "署", "办", "室", "府", "会", "司", "处", "所",
	"校", "行", "社", "馆", "站", "队", "团", "组", "军", "区",
}

// organLike reports whether s (compact, no brackets) reads as the name of a
// body: 2–30 Han characters (brackets and · allowed) ending with an organ
// suffix.
func organLike(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case isHan(r):
		case r == '（' || r == '）' || r == '(' || r == ')' || r == '·':
		default:
			return false
		}
		n++
	}
	if n < 2 || n > 30 {
		return false
	}
	for _, suf := range organSuffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// analyzeTitle fills a title's type, issuers and forwarded documents.
func analyzeTitle(t *Title, p *para, cs int) {
	s := t.Text
	t.DocType, _ = titleDocType(s)
	subj := s
	prefixEnd := -1
	if k := indexTopLevel(s, "关于"); k >= 0 {
		prefixEnd = k
		subj = s[k+len("关于"):]
	}
	actions := []string{"印发", "转发", "批转", "颁布", "发布"}
	act := ""
	for _, a := range actions {
		if strings.HasPrefix(subj, a) {
			act = a
			break
		}
	}
	if prefixEnd < 0 {
		// 中共中央办公厅 国务院办公厅印发《…》的通知
		for _, a := range actions {
			if k := strings.Index(s, a+"《"); k > 0 {
				prefixEnd, act, subj = k, a, s[k:]
				break
			}
		}
	}
	if prefixEnd > 0 && p != nil {
		t.Issuers = issuersIn(p, cs, cs+prefixEnd)
	}
	if act == "" {
		return
	}
	t.Action = act
	rest := subj[len(act):]
	// the forwarded part ends at the last 的 before the type word
	core := stripQualifiers(rest)
	if k := strings.LastIndex(core, "的"); k > 0 {
		core = core[:k]
	} else {
		return
	}
	if strings.Contains(core, "《") {
		for _, ti := range topLevelBook(core) {
			t.Forwards = append(t.Forwards, Forwarded{Title: ti, DocType: DocType(ti)})
		}
	} else if core != "" {
		t.Forwards = []Forwarded{{Title: core, DocType: DocType(core)}}
	}
}

// topLevelBook lists the titles in top-level 《》 of s (《》 inside them
// kept).
func topLevelBook(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '《':
			if depth == 0 {
				start = i + len("《")
			}
			depth++
		case '》':
			if depth > 0 {
				depth--
				if depth == 0 && i > start {
					out = append(out, s[start:i])
				}
			}
		}
	}
	return out
}

// issuersIn splits the compact range [cs, ce) of a paragraph into names of
// bodies: at 、，, at the white space the layout dropped, with the pieces of
// letter-spaced names (中 央 网 信 办) joined again. Nil unless every piece
// reads as a body.
func issuersIn(p *para, cs, ce int) []string {
	items := splitItems(p, cs, ce, "、，,；; ", true)
	var out []string
	for _, it := range items {
		if !organLike(it.Text) {
			return nil
		}
		out = append(out, it.Text)
	}
	return out
}

// splitItems splits the compact range [cs, ce) of a paragraph at the
// separators in seps that stand outside brackets, and at dropped white
// space when gaps is set. Pieces of one character (letter spacing: 科 技 部)
// are joined to the pieces of one character next to them.
func splitItems(p *para, cs, ce int, seps string, gaps bool) []Field {
	type cut struct{ s, e int }
	var cuts []cut
	start := cs
	gi := 0
	depth := 0
	for i := cs; i < ce; {
		r, n := utf8.DecodeRuneInString(p.text[i:])
		if gaps {
			for gi < len(p.gaps) && p.gaps[gi].pos < i {
				gi++
			}
			if gi < len(p.gaps) && p.gaps[gi].pos == i && i > start && depth == 0 {
				cuts = append(cuts, cut{start, i})
				start = i
			}
		}
		switch r {
		case '（', '(', '《', '“', '〔':
			depth++
		case '）', ')', '》', '”', '〕':
			if depth > 0 {
				depth--
			}
		default:
			if depth == 0 && strings.ContainsRune(seps, r) {
				cuts = append(cuts, cut{start, i})
				start = i + n
			}
		}
		i += n
	}
	cuts = append(cuts, cut{start, ce})
	// join runs of single characters
	var merged []cut
	for _, c := range cuts {
		s, e := c.s, c.e
		for s < e && p.text[s] == ' ' {
			s++
		}
		for e > s && p.text[e-1] == ' ' {
			e--
		}
		if s >= e {
			continue
		}
		one := runeLen(p.text[s:e]) == 1
		if n := len(merged); one && n > 0 && runeLen(p.text[merged[n-1].s:merged[n-1].e]) >= 1 && lastWasSingle(p, merged[n-1]) && adjacent(p, merged[n-1].e, s) {
			merged[n-1].e = e
			continue
		}
		merged = append(merged, cut{s, e})
	}
	out := make([]Field, 0, len(merged))
	for _, c := range merged {
		f := p.field(c.s, c.e)
		out = append(out, f)
	}
	return out
}

// lastWasSingle reports whether a piece was made of single characters
// joined (or is one).
func lastWasSingle(p *para, c struct{ s, e int }) bool {
	for i := c.s; i < c.e; {
		_, n := utf8.DecodeRuneInString(p.text[i:])
		i += n
		if i < c.e && !gapAt(p, i) {
			return false
		}
	}
	return true
}

// adjacent reports whether only dropped white space separates e and s.
func adjacent(p *para, e, s int) bool { return e == s && gapAt(p, s) }

func gapAt(p *para, pos int) bool {
	lo, hi := 0, len(p.gaps)
	for lo < hi {
		m := (lo + hi) / 2
		if p.gaps[m].pos < pos {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(p.gaps) && p.gaps[lo].pos == pos
}

// indexTopLevel finds sub in s outside 《》 and quotes; -1 when none.
func indexTopLevel(s, sub string) int {
	depth := 0
	for i, r := range s {
		switch r {
		case '《', '“', '〈':
			depth++
		case '》', '”', '〉':
			if depth > 0 {
				depth--
			}
		default:
			if depth == 0 && strings.HasPrefix(s[i:], sub) {
				return i
			}
		}
	}
	return -1
}
