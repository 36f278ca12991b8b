package slogans

import "strings"

// Rules 19 (round 12): kinds of one thing named by a shared head noun
// whatever modifies it, lists of names joined by 等 to a tail of software,
// and designations conferred some words before the quote.

// kindsByNoun reports whether every member ends in the same noun of two
// characters or more, one word of the document's segmentation (not a
// verbal noun, not a set phrase), after a modifier of any part of speech:
// kinds of one thing listed (网络基础设施、大数据基础设施、计算基础设施;
// 国家标准、行业标准), which kindsOf misses when a modifier is a verb
// (计算/v). A series of the reference reports, or members most of which
// are formulations themselves, make a series of formulations.
func (x *extractor) kindsByNoun(members [][]rune, rspans [][2]int) bool {
	v := x.v
	if !v.hasTokens || x.ref == nil || len(members) < 2 {
		return false
	}
	t0, ok := v.tokenBefore(rspans[0][1])
	if !ok || t0.b != rspans[0][1] {
		return false
	}
	hl := t0.b - t0.a
	if hl < 2 || t0.pos != "n" {
		return false // a common noun: not a place (法治福建、平安福建), a verbal noun or a set phrase
	}
	head := string(members[0][len(members[0])-hl:])
	if genericTails[head] {
		return false // named spirits and thoughts (大别山精神、抗洪精神、抗疫精神) are formulations each
	}
	known, preds := 0, 0
	for i, m := range members {
		if len(m) < hl+2 || string(m[len(m)-hl:]) != head {
			return false
		}
		t, ok := v.tokenBefore(rspans[i][1])
		if !ok || t.a != rspans[i][1]-hl || t.b != rspans[i][1] {
			return false
		}
		if x.knownMember(m) {
			known++
		}
		if x.verbsOnly(rspans[i][0], rspans[i][1]-hl) {
			preds++
		}
	}
	if 2*preds >= len(members) {
		return false // verbs and their object (探寻资源、开发资源、利用资源)
	}
	if x.ref.seriesTail(string([]rune(head)[hl-2:])) {
		return known == 0 && !x.inRefSeries(members)
	}
	return 2*known < len(members)
}

// softNameTails follow 等 and one short modifier after a run of quoted
// names (“行程卡”“健康码”等新应用, “选择山东”“好品山东”等综合平台): the quotes
// name apps and platforms.
var softNameTails = []string{"应用", "平台", "APP", "App", "app", "客户端", "小程序", "公众号", "网站", "栏目", "频道", "专区"}

// nameAfterDeng reports whether r[j:] (right after a run of quotes) is 等,
// a modifier of one or two characters and a name tail ending the phrase.
func (x *extractor) nameAfterDeng(j int) bool {
	r := x.v.r
	if !hasPrefixAt(r, j, "等") {
		return false
	}
	j++
	for m := 0; m <= 2; m++ {
		for _, w := range softNameTails {
			if e := j + m + len([]rune(w)); hasPrefixAt(r, j+m, w) && (e >= len(r) || !isHan(r[e]) || strings.ContainsRune(nameTailNext, r[e])) {
				return m == 0 || allHan(r[j:j+m]) && !strings.ContainsAny(string(r[j:j+m]), "的之")
			}
		}
	}
	return false
}

// conferCues confer an honour or a title on what follows (not 获得 or 入选:
// 获得国家支持的“X”工程 names a programme).
var conferCues = []string{"荣获", "获评", "评为", "授予", "命名为"}

// designationBefore reports whether a designation cue (认定为, 评为 …)
// opens the clause of the quote at r[a-1] within 24 characters, with only
// words of a name between (认定为国家人工智能相关“世界一流学科”和省“一流学科”):
// the quote is a designation conferred (rules 19).
func (x *extractor) designationBefore(a int) bool {
	r := x.v.r
	lo := max(0, a-1-24)
	for i := a - 2; i >= lo; i-- {
		c := r[i]
		if c == '，' || c == '。' || c == '；' || c == '：' || c == '\n' || c == ',' || c == ';' || c == '、' {
			return false
		}
		for _, w := range designationCues {
			if endsWithAt(r, i+1, w) {
				return true
			}
		}
		for _, w := range conferCues {
			if endsWithAt(r, i+1, w) {
				return true
			}
		}
	}
	return false
}

// verbsOnly reports whether r[a:b] is one or more words, all verbs.
func (x *extractor) verbsOnly(a, b int) bool {
	v := x.v
	if a >= b {
		return false
	}
	for i := a; i < b; {
		t, ok := v.tokenAt(i)
		if !ok || t.b > b || !verbish(t.pos) {
			return false
		}
		i = t.b
	}
	return true
}

// trimVerbTail cuts the predicate off a series' last member (rules 19),
// spans in runes of s: when every member opens with the same character and
// all but the last have one length, a last member longer by one verb of
// two characters or more, a word of its own right where the others end,
// runs on into the predicate (跨业务、跨区域、跨部门|共享).
func (x *extractor) trimVerbTail(spans [][2]int) {
	v := x.v
	n := len(spans)
	if !v.hasTokens || n < 2 {
		return
	}
	l := spans[0][1] - spans[0][0]
	last := &spans[n-1]
	if l < 2 || last[1]-last[0] < l+2 {
		return
	}
	for _, sp := range spans[:n-1] {
		if sp[1]-sp[0] != l || v.s[sp[0]] != v.s[last[0]] {
			return
		}
	}
	cut := last[0] + l
	if !v.sBound(cut) {
		return
	}
	ra := v.sIdx[cut]
	t, ok := v.tokenAt(ra)
	if !ok || !strings.HasPrefix(t.pos, "v") || t.b-t.a < 2 || t.b != v.sIdx[last[1]-1]+1 {
		return
	}
	last[1] = cut
}

// verbOpeners reports whether half the members or more (spans in runes of
// s) open with a verb of one character before more words (跨/v 业务; not
// 审计/v 、统计|监督, whole words): each member has its predicate, so a verb
// after the last is the clause's, not a tail they share.
func (x *extractor) verbOpeners(spans [][2]int) bool {
	v := x.v
	k := 0
	for _, sp := range spans {
		if t, ok := v.tokenAt(v.sIdx[sp[0]]); ok && verbTag(t.pos) && t.b-t.a == 1 && sp[1]-sp[0] > 1 {
			k++
		}
	}
	return 2*k >= len(spans)
}
