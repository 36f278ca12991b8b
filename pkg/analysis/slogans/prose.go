package slogans

import "strings"

// Rules 12: series that have the form of a parallel series but are not
// formulations. Each reads the shape of the members, never their words:
//
//   - qualities: a list of attributes, a scalar adjective with a measure
//     (低时延、高可靠、大带宽, 高精度、高可靠、低功耗) or a measure with a
//     scalar predicate (成本最低、效率最高; 强度大、额度高), the poles mixed;
//   - prose: clauses of speech read as a series: members opened by the same
//     adverb, modal or preposition (非常认真、非常努力; 要对话、要和解;
//     可以对话、可以协商), a later member continuing the first (有活力、也耐操;
//     不一定、也没有), a concession (东德也好、西德也罢), or, in the spoken
//     register, every member a phrase with 的 (国家的责任、人民的期待); a
//     degree adverb inside a member (转得很艰辛、走得很坚定); ordinals
//     (第一大党、第二大党).
//
// A series the lexicon knows or the reference reports attest is kept, and
// so is a series the document quotes (the caller checks).

// scalarHeads are adjectives of degree that head a quality (高精度) or end
// one (成本低).
const scalarHeads = "高低大小超多少长短快慢强弱轻重宽窄深浅广"

// proseOpeners open a member of speech, not of a slogan, when every member
// starts with the same one of them as a word of its own (Simplified keys:
// the view is folded).
var proseOpeners = wordSet("非常 很 太 十分 再 还 还要 要 需要 可以 能够 才 才能 才能够 去 不用 还没 没有 " +
	"比较 绝对 继续 正常 所 就 也 都 已经 正在 应该 必须 会 不会 不要 把 被 给 跟 这 那 是 大家")

// spokenOpeners open members of speech in the spoken register only: in
// writing they open slogans (向绿向智向新向优, 在发展中创新，在创新中发展,
// 更红火、更幸福).
var spokenOpeners = wordSet("对 到 让 比 在 向 从 更 最 有")

// continuers open a later member that continues the clause of the first:
// 有活力、也耐操.
const continuers = "也又但却就还并而都"

// notASeries reports whether members (runes of s at spans) are qualities or
// prose rather than a formulation.
func (x *extractor) notASeries(members [][]rune, spans [][2]int) bool {
	if len(members) >= 2 && frameInside(members) {
		return true // rules 23: a piece of 在…方面 (attested pieces too: the reference reports were cut the same way)
	}
	if len(members) < 2 || x.known(members) || x.attested(members) {
		return false
	}
	if x.qualities(members, spans) || x.prose(members, spans) || x.clauses(members, spans) {
		return true
	}
	return x.spoken() && !x.repeatsAcross(members)
}

// spokenPerMille is the rate of first and second person (我, 你: 我们,
// 你们 included) per 1,000 runes from which a document reads as speech: an
// interview, a talk, a campaign address. Written documents stay well
// below it (measured on ../shared/corpus: provincial reports 0.7–2.4,
// notices a median of 0.2, national work reports since 1978 1.3–5;
// presidential office speeches a median of 7.5).
const spokenPerMille = 6

// spoken reports whether the document is in the spoken register, where
// clauses of the same shape are how people talk: a series found there
// must repeat a part across its members (repeatsAcross) unless quoted,
// known or attested.
func (x *extractor) spoken() bool {
	if x.oral == 0 {
		x.oral = -1
		n := 0
		for _, c := range x.v.r {
			if c == '我' || c == '你' {
				n++
			}
		}
		if len(x.v.r) > 0 && n*1000 >= spokenPerMille*len(x.v.r) {
			x.oral = 1
		}
	}
	return x.oral > 0
}

// repeatsAcross reports whether members repeat a character at the same
// place: short members (at most four runes) at their start or their end
// (全国、全民、全面; 商业化、企业化), longer ones, three or more, anywhere
// (政府挺银行、银行挺企业、企业挺劳工).
func (x *extractor) repeatsAcross(members [][]rune) bool {
	if _, hi := lengths(members); hi <= 4 {
		first := true
		for _, m := range members[1:] {
			first = first && m[0] == members[0][0]
		}
		return first || sameLast(members)
	}
	return len(members) >= 3 && samePlace(members)
}

// qualities: attributes with mixed scalar poles.
func (x *extractor) qualities(members [][]rune, spans [][2]int) bool {
	// a scalar adjective heading a measure: 低时延、高可靠、大带宽
	heads := map[rune]bool{}
	q := 0
	for i, m := range members {
		if len(m) < 2 || len(m) > 4 || !strings.ContainsRune(scalarHeads, m[0]) {
			return x.scalarEnds(members)
		}
		heads[m[0]] = true
		if x.qualityMember(spans[i]) {
			q++
		}
	}
	if len(heads) >= 2 && 3*q >= 2*len(members) {
		return true
	}
	return x.scalarEnds(members)
}

// qualityMember reports whether runes s[sp] are a scalar adjective and one
// measure word with no verb: 高可靠, 低功耗, 大型 (not 多踩油门, 重建设,
// 小县大城).
func (x *extractor) qualityMember(sp [2]int) bool {
	v := x.v
	if !v.hasTokens {
		return false
	}
	a, b := v.fullSpan(sp[0], sp[1])
	if b-a != sp[1]-sp[0] || isModifier(v.r[a:b]) {
		return false // quotation marks inside; 高端化、多元化、低碳化 are no qualities
	}
	starts := 0
	for j := a; j < b; j++ {
		if j == a || v.bound[j] {
			starts++
			if starts == 2 && j != a+1 && b-a > 3 {
				return false // the second word does not start after the adjective
			}
			// a verb, except in a member of three runes, where the tagger
			// takes measures for verbs (高可靠/v, 大带宽/v); a verbal noun
			// is an action (重建设、轻实效)
			if p := v.pos[j]; p == "vn" || p != "" && p[0] == 'v' && b-a > 3 {
				return false
			}
		}
	}
	return starts <= 2 || b-a <= 3
}

// scalarEnds: measures with scalar predicates, 成本最低、效率最高,
// 强度大、额度高, 时间更短、质量更高.
func (x *extractor) scalarEnds(members [][]rune) bool {
	// superlatives ending every member: 发展最迅速、创新最活跃、应用最丰富
	// (not 找到最大公约数、画出最大同心圆, not 最严格的监管、最严厉的处罚)
	sup := 0
	for _, m := range members {
		if n := len(m); n >= 4 && (m[n-2] == '最' || m[n-3] == '最') {
			sup++
		}
	}
	if sup == len(members) {
		return true
	}
	ends := map[rune]bool{}
	graded := 0
	for _, m := range members {
		if len(m) < 3 || !strings.ContainsRune(scalarHeads+"好差优", m[len(m)-1]) {
			return false
		}
		ends[m[len(m)-1]] = true
		if strings.ContainsRune("最更越较", m[len(m)-2]) {
			graded++
		}
	}
	return len(ends) >= 2 || graded == len(members)
}

// prose: clauses of speech.
func (x *extractor) prose(members [][]rune, spans [][2]int) bool {
	de, ordinals := 0, 0
	for i, m := range members {
		n := len(m)
		// a degree adverb inside: 转得很艰辛、走得很坚定; 非常快、非常好
		if strings.Contains(string(m), "很") || strings.Contains(string(m), "非常") {
			return true
		}
		// ordinals: 第一大党、第二大党
		if n >= 2 && m[0] == '第' && isNumeral(m[1]) {
			ordinals++
		}
		if n >= 3 && (string(m[n-2:]) == "也好" || string(m[n-2:]) == "也罢") {
			return true
		}
		if i > 0 && strings.ContainsRune(continuers, m[0]) && m[0] != members[0][0] {
			return true
		}
		if m[n-1] == '的' && x.spoken() {
			return true // 善的、好的
		}
		if strings.ContainsRune(string(m), '的') {
			de++
		}
	}
	// short phrases with 的 ending apart: 国家的责任、人民的期待 (not
	// 时不我待的干劲、攻坚克难的拼劲, not 稳的态势有所巩固、进的支撑持续积累)
	if ordinals == len(members) {
		return true
	}
	if de == len(members) && !sameLast(members) && x.spoken() {
		return true
	}
	// the same opener, a word of its own, in every member
	v := x.v
	if !v.hasTokens {
		return false
	}
	first := ""
	for i, sp := range spans {
		a, _ := v.fullSpan(sp[0], sp[1])
		t, ok := v.tokenAt(a)
		if !ok || t.a != a || t.b-t.a >= len(members[i]) {
			return false
		}
		w := string(v.r[t.a:t.b])
		if i == 0 {
			first = w
		} else if w != first {
			return false
		}
	}
	return proseOpeners[first] || spokenOpeners[first] && x.spoken()
}

func sameLast(ms [][]rune) bool {
	for _, m := range ms[1:] {
		if m[len(m)-1] != ms[0][len(ms[0])-1] {
			return false
		}
	}
	return true
}

// clauses: members separated by commas are clauses of a sentence unless
// they are compact pairs (合宪合法，合情合理), the frame 以…为…, hold quoted formulations
// (增强“四个意识”，坚定“四个自信”) or, three or more, repeat a part at the
// same place (研究工作求真务实，推进工作真抓实干，总结工作注重实效); on the
// labelled DEV rows 28 of 31 comma series were not formulations.
func (x *extractor) clauses(members [][]rune, spans [][2]int) bool {
	v := x.v
	comma := false
	for i := 0; i+1 < len(spans); i++ {
		for j := spans[i][1]; j < spans[i+1][0] && j < len(v.s); j++ {
			if isComma(v.s[j]) {
				comma = true
			}
		}
	}
	if !comma {
		return false
	}
	for _, sp := range spans {
		a, b := v.fullSpan(sp[0], sp[1])
		if b-a != sp[1]-sp[0] {
			return false // quoted formulations inside
		}
	}
	// the frame 以…为…: 以科技创新为引领，以改革开放为动力
	frame := true
	for _, m := range members {
		frame = frame && m[0] == '以' && strings.ContainsRune(string(m[2:]), '为')
	}
	if frame {
		return false
	}
	if _, hi := lengths(members); hi <= 4 {
		return !x.repeatsAcross(members)
	}
	return len(members) < 3 || !x.repeatsAcross(members)
}
