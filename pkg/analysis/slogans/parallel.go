package slogans

import (
	"slices"
	"strings"
)

// Shape limits of a parallel series.
const (
	minMember = 2
	maxMember = 8
)

// A series is emitted as the spans of its members (runes of s) and the
// length of a tail the members share (府院、府检|联动: 0 when none).
type emitFunc func(spans [][2]int, tail int)

// series finds parallel series: lists separated by 、, runs of clauses of
// the same shape separated by ，, and compact runs with a repeated
// character (强链延链补链). Series overlapping the lexicon's own (lexPar,
// runes of s) are left to the lexicon.
func (x *extractor) series(lexPar [][2]int) []hit {
	v := x.v
	s := v.s
	var out []hit
	// a series that holds a lexicon series and more members is the
	// whole (高端化、智能化、绿色化、融合化 over 智能化、绿色化、融合化):
	// it stays, and dropLexInside removes the lexicon's hit
	overlapsLex := func(a, b int) bool {
		for _, sp := range lexPar {
			if a < sp[1] && sp[0] < b && !(a <= sp[0] && sp[1] <= b && b-a > sp[1]-sp[0]) {
				return true
			}
		}
		return false
	}
	emit := func(spans [][2]int, tail int) {
		if tail == 0 {
			x.fixLastMember(spans)
			x.trimVerbTail(spans)
			if x.cutFrameTail(spans) {
				return
			}
		}
		a, b := spans[0][0], spans[len(spans)-1][1]
		if overlapsLex(a, b) || x.partOfList(spans) {
			return
		}
		h := hit{kind: Parallel}
		for _, sp := range spans {
			h.members = append(h.members, textKey(string(s[sp[0]:sp[1]])))
			i, k := v.fullSpan(sp[0], sp[1])
			h.mspans = append(h.mspans, [2]int{i, k})
		}
		h.key = joinMembers(h.members)
		h.i, h.k = v.fullSpan(a, b)
		h.i, h.k = x.withMarks(h.i, h.k)
		h.quoted = x.enclosed(h.i, h.k)
		if !h.quoted && (x.notASeries(x.runesOf(spans), spans) || x.noEvidence(x.runesOf(spans), spans, tail > 0) || x.addressees(h.i, h.k)) {
			return
		}
		h.ei, h.ek = h.i, h.k
		if h.quoted {
			h.ei, h.ek = h.i-1, h.k+1
		} else if tail > 0 {
			_, h.ek = v.fullSpan(b, b+tail)
			h.tail = h.ek - h.k
		}
		out = append(out, h)
	}
	for a := 0; a < len(s); {
		b := a
		for b < len(s) && !hardStop(s[b]) {
			b++
		}
		if b > a {
			x.sentence(a, b, emit)
		}
		a = b + 1
	}
	return out
}

// partOfList reports a series of separated members with a further member
// of the same list right before or after it, across a 、: a part of a
// longer list, either a list of things (新闻出版、|广播影视、文学艺术|、哲学社会
// 科学) or a series cut at its start or end (党的基本理论、|基本路线、基本方略;
// 稳增长、稳就业|、稳物价), never the formulation as written (rules 24).
// Compact runs (敢干敢闯敢投 inside a list) are members of their own.
func (x *extractor) partOfList(spans [][2]int) bool {
	s := x.v.s
	if len(spans) < 2 || spans[1][0] == spans[0][1] {
		return false
	}
	a, b := spans[0][0], spans[len(spans)-1][1]
	return a > 0 && isDun(s[a-1]) || b < len(s) && isDun(s[b])
}

// withMarks widens runes r[i:k] over quotation marks that open or close
// inside it: 坚定拥护“两个确立”，坚决做到“两个维护” ends with its ”.
func (x *extractor) withMarks(i, k int) (int, int) {
	r := x.v.r
	open := 0
	for j := i; j < k; j++ {
		switch {
		case closerOf(r[j]) != 0 && r[j] != '"':
			open++
		case isQuoteMark(r[j]) && r[j] != '"':
			open--
		}
	}
	if open < 0 && i > 0 && closerOf(r[i-1]) != 0 {
		i--
	}
	if open > 0 && k < len(r) && isQuoteMark(r[k]) && closerOf(r[k]) == 0 {
		k++
	}
	return i, k
}

// sentence handles one stretch of text between hard stops.
func (x *extractor) sentence(a, b int, emit emitFunc) {
	s := x.v.s
	var clauses [][2]int
	start := a
	for j := a; j <= b; j++ {
		if j == b || isComma(s[j]) {
			clauses = append(clauses, [2]int{start, j})
			start = j + 1
		}
	}
	for _, c := range clauses {
		x.list(c[0], c[1], emit)
		x.compact(c[0], c[1], emit)
	}
	x.clauseRuns(clauses, emit)
}

// list reads a clause with 、 as one or more lists: a segment too long to
// be a member ends one list and begins the next (坚定不移贯彻“一国两制”、
// “港人治港”… is the end of 全面准确、坚定不移 and the start of a second
// list).
func (x *extractor) list(a, b int, emit emitFunc) {
	s := x.v.s
	var segs [][2]int
	start := a
	for j := a; j <= b; j++ {
		if j == b || isDun(s[j]) {
			segs = append(segs, [2]int{start, j})
			start = j + 1
		}
	}
	if len(segs) < 2 {
		return
	}
	isMember := func(sg [2]int) bool {
		n := sg[1] - sg[0]
		return n >= minMember && n <= maxMember && memberOK(s[sg[0]:sg[1]])
	}
	p := 0
	for p < len(segs)-1 {
		q := p + 1
		for q < len(segs)-1 && isMember(segs[q]) {
			q++
		}
		x.subLists(segs[p:q+1], emit)
		p = q
	}
}

// listResult says what listRange made of a list.
type listResult int

const (
	listEmitted listResult = iota
	listFailed             // not a series
	listNoShape            // no choice of members has one shape
	listFinal              // an enumeration (……等, ……和……): no part of it is a series
)

// subLists reads segments as one list, or, when no choice of members gives
// them one shape because a segment in the middle is longer or shorter than
// the ends allow, as two lists meeting in that segment (支持香港、澳门|发展
// 经济、改善民生).
func (x *extractor) subLists(segs [][2]int, emit emitFunc) {
	if x.listRange(segs, emit) != listNoShape || len(segs) < 3 {
		return
	}
	first, last := segs[0], segs[len(segs)-1]
	for cut := 1; cut < len(segs)-1; cut++ {
		n := segs[cut][1] - segs[cut][0]
		if x.canCut(first, n, true) && x.canCut(last, n, false) {
			continue
		}
		// a part of a longer enumeration is no series: the lists meet
		// in a segment of another shape than its neighbour (支持香港、
		// 澳门|发展经济、改善民生), not between two members alike
		// (审计、统计|、气象、地震……; 车辆位置、车辆到站预报|、车辆拥挤情况)
		if !x.alike(segs, cut, cut+1) {
			x.subLists(segs[:cut+1], emit)
		}
		if !x.alike(segs, cut-1, cut) {
			x.subLists(segs[cut:], emit)
		}
		return
	}
}

// alike reports whether segments i and k of a list are whole members of
// one length (within one): two members of one enumeration.
func (x *extractor) alike(segs [][2]int, i, k int) bool {
	s := x.v.s
	whole := func(q int) bool {
		n := segs[q][1] - segs[q][0]
		return n >= minMember && n <= maxMember && memberOK(s[segs[q][0]:segs[q][1]])
	}
	if i < 0 || k >= len(segs) || !whole(i) || !whole(k) {
		return false
	}
	d := (segs[i][1] - segs[i][0]) - (segs[k][1] - segs[k][0])
	return d >= -1 && d <= 1
}

// canCut reports whether a member of n±1 characters can be cut from the end
// of sg (fromEnd) or from its start, at word boundaries.
func (x *extractor) canCut(sg [2]int, n int, fromEnd bool) bool {
	for l := max(minMember, n-1); l <= n+1 && l <= sg[1]-sg[0]; l++ {
		if fromEnd && x.edgeOK(sg[1]-l) || !fromEnd && x.edgeOK(sg[0]+l) {
			return true
		}
	}
	return false
}

// listRange reads segments as one list: the first member is the end of
// the first segment (推动传统产业|高端化), the last the start of the last
// (不出事|的良好氛围), the others whole. It picks the best cut of the two
// end segments, then decides whether the list is a series.
func (x *extractor) listRange(segs [][2]int, emit emitFunc) listResult {
	first, last := segs[0], segs[len(segs)-1]
	firsts := x.firstCuts(first)
	var want []int
	if len(segs) > 2 {
		want = []int{segs[1][1] - segs[1][0]}
	} else {
		// a pair: the last member may match the first in length
		// (中医药、民族医药|事业)
		for _, l := range firsts {
			want = append(want, l-1, l, l+1)
		}
	}
	lasts, stubs := x.lastCuts(last, len(segs) == 2, want)
	best, tail := x.bestCut(segs, firsts, lasts)
	if best == nil {
		best, tail = x.bestCut(segs, firsts, stubs)
	}
	if best == nil {
		return listNoShape
	}
	if x.enumeration(best, first, last) {
		// a series of one form closed by 和 or followed by 等 is a series
		// all the same (数字化、网络化和智能化; 建链、补链、延链、强链等)
		if ext := x.closedSeries(best, last); ext != nil && x.acceptList(ext, first, last, 0) {
			emit(ext, 0)
			return listEmitted
		}
		return listFinal
	}
	if x.acceptList(best, first, last, tail) {
		emit(best, tail)
		return listEmitted
	}
	return listFailed
}

// firstCuts lists the lengths a first member may take at the end of the
// first segment.
func (x *extractor) firstCuts(first [2]int) []int {
	s := x.v.s
	var out []int
	for l := minMember; l <= maxMember && l <= first[1]-first[0]; l++ {
		if x.edgeOK(first[1]-l) && memberOK(s[first[1]-l:first[1]]) && !x.localiserAt(first[1]-l) && !x.cutFromPhrase(first[1]-l, first[1]) {
			out = append(out, l)
		}
	}
	return out
}

// cutFromPhrase reports whether a first member s[j:e], cut from a longer
// segment, leaves behind a preposition that frames it (构建以|国内为主体,
// 从|中央到地方): 以 and 为, 从 and 到 make one phrase, and a series cut
// between them is cut in the middle of its first member. A preposition
// before a list of things governs the whole list (对|企业、个人): no frame.
func (x *extractor) cutFromPhrase(j, e int) bool {
	v := x.v
	if !v.hasTokens || j == 0 {
		return false
	}
	i := v.sIdx[j]
	pt, ok := v.tokenBefore(i)
	if !ok || pt.b != i || pt.pos != "p" || pt.b-pt.a != 1 {
		return false
	}
	var closer rune
	switch v.r[pt.a] {
	case '以':
		closer = '为'
	case '从':
		closer = '到'
	default:
		return false
	}
	for _, c := range v.s[j+1 : e] {
		if c == closer {
			return true
		}
	}
	return false
}

// localiserAt reports whether s[j] is a localiser of one character, the
// end of a phrase before it (全国残特奥会|上|顽强拼搏): no member starts
// with one.
func (x *extractor) localiserAt(j int) bool {
	v := x.v
	if !v.hasTokens || j == 0 {
		return false
	}
	t, ok := v.tokenAt(v.sIdx[j])
	if !ok || t.b-t.a != 1 || t.pos != "f" || !strings.ContainsRune("上中下里内外", v.s[j]) {
		return false
	}
	pt, ok := v.tokenBefore(t.a)
	return ok && pt.b == t.a && nounish(pt.pos) // 会|上, not 呈现|前高
}

// lastCuts lists the lengths a last member may take at the start of the
// last segment: where it ends, what follows must begin a phrase of its
// own (a predicate, 的, a head all members modify), never the rest of a
// word or of a noun phrase (死亡人数|分别下降 yes, 国家级专精特新|“小巨人”
// no, 让农民生活更加|富裕 no). In a pair, a stub cut off (提高就业|质量)
// makes a weak choice, tried only when nothing else fits (stubs).
//
// want are the lengths of the members before: a noun after a
// member of that very length is taken for a mistagged predicate.
func (x *extractor) lastCuts(last [2]int, pair bool, want []int) (lasts, stubs []int) {
	s := x.v.s
	for l := minMember; l <= maxMember && l <= last[1]-last[0]; l++ {
		e := last[0] + l
		if !x.edgeOK(e) || !memberOK(s[last[0]:e]) {
			continue
		}
		if e < last[1] && !x.endsPhrase(last[0], e, slices.Contains(want, l)) {
			continue
		}
		rest := s[e:last[1]]
		if pair && len(rest) > 0 && len(rest) < 3 && !strings.ContainsRune("的地等", rest[0]) &&
			!strings.ContainsRune("化性式型", s[e-1]) && !x.quoteEdge(e) {
			stubs = append(stubs, l)
			continue
		}
		lasts = append(lasts, l)
	}
	return lasts, stubs
}

// endsPhrase reports whether a member s[a:e] cut from a longer segment
// ends a phrase: its last word is no adverb, particle or preposition
// (让农民生活更加|富裕), it does not stop before a quoted word
// (国家级专精特新|“小巨人”企业) or a one-character modifier (世界经济大|循环),
// and a noun after it is the head all members modify.
func (x *extractor) endsPhrase(a, e int, lengthOK bool) bool {
	v := x.v
	s := v.s
	if strings.ContainsRune("的地之等和及与或", s[e]) || !v.hasTokens {
		return true
	}
	if x.quoteEdge(e) && closerOf(v.r[v.sIdx[e]-1]) != 0 {
		return false
	}
	_, k := v.fullSpan(a, e)
	lt, ok := v.tokenBefore(k)
	if !ok || closedPOS(lt.pos) && lt.pos != "f" {
		return false
	}
	nt, ok := v.tokenAt(v.sIdx[e])
	if !ok {
		return !isWordRune(s[e])
	}
	if e-a >= 3 && lt.b-lt.a == 1 && verbish(lt.pos) && nounish(nt.pos) && nt.pos != "vn" && !(a >= 2 && s[a-2] == s[e-1]) {
		// a phrase ending in a verb of one character without its object:
		// 服务得有|竞争力, 车辆到|站 (a unit of single characters takes the
		// noun as the head of all members: 众创、众包、众扶、众筹|平台; so do
		// members ending in the same verb: 邻县高速通、乡镇便捷通、港口铁路通|项目)
		return false
	}
	if nt.b-nt.a == 1 && nt.pos == "a" && isModifier(s[a:e]) {
		return true // 牵引性、撬动性|强
	}
	if nt.b-nt.a == 1 && !verbish(nt.pos) && nt.pos != "p" && nt.pos != "c" && nt.pos != "d" && !strings.HasPrefix(nt.pos, "u") {
		return false // 不到|位, 世界经济大|循环
	}
	if nounish(nt.pos) && nt.pos != "vn" && !isModifier(s[a:e]) {
		// a noun after the member: the member is cut out of a compound
		// (国家级制造业|创新中心), unless the tag is wrong (医药|协同/n
		// 发展): checked against the other members' length by the caller
		return lengthOK
	}
	return true
}

// bestCut tries every choice of first and last member lengths and returns
// the best-scoring spans that give the members one shape, with the length
// of the tail they share (府院、府检|联动).
func (x *extractor) bestCut(segs [][2]int, firsts, lasts []int) ([][2]int, int) {
	k := len(segs) - 1
	first, last := segs[0], segs[k]
	bestScore := -1 << 30
	var best [][2]int
	// one buffer for the candidates, copied when one wins: cutScore keeps
	// nothing of it
	spans := make([][2]int, len(segs))
	copy(spans[1:k], segs[1:k])
	for _, lf := range firsts {
		for _, ll := range lasts {
			spans[0] = [2]int{first[1] - lf, first[1]}
			spans[k] = [2]int{last[0], last[0] + ll}
			sc, ok := x.cutScore(spans, first, last)
			if ok && sc > bestScore {
				bestScore, best = sc, append(best[:0], spans...)
			}
		}
	}
	if best == nil {
		return nil, 0
	}
	return best, x.sharedTail(best, last)
}

// cutScore scores one choice of members (higher is better); ok is false
// when the members do not have one shape.
func (x *extractor) cutScore(spans [][2]int, first, last [2]int) (int, bool) {
	s := x.v.s
	x.rbuf = x.runesInto(x.rbuf[:0], spans)
	members := x.rbuf
	lo, hi := lengths(members)
	sh := shared(members)
	if lo < minMember || hi-lo > 1 || (len(members) == 2 && hi != lo && sh < 2) {
		return 0, false
	}
	agree := x.posAgreement(spans)
	// a member cut from its segment must open like the others (企业核心功能
	// is no match for 提升核心竞争力)
	if (spans[0][0] != first[0] || spans[len(spans)-1][1] != last[1]) && agree < 0 {
		return 0, false
	}
	if (spans[0][0] != first[0] || spans[len(spans)-1][1] != last[1]) && x.classConflict(x.fullSpans(spans)) {
		return 0, false
	}
	sc := 10*sh + 4*agree
	if x.verbHead(spans, false) {
		sc -= 12
	}
	if x.verbHead(spans, true) {
		return 0, false // 加快|国家实验室、国家重点实验室……
	}
	if lo == hi {
		sc += 6
	}
	if spans[0][0] == first[0] {
		sc += 2
	}
	ll := spans[len(spans)-1]
	if ll[1] == last[1] {
		sc += 3
	} else if strings.ContainsRune("的地", s[ll[1]]) {
		sc += 2
	}
	modifiers := 0
	for _, m := range members {
		if isModifier(m) {
			modifiers++
		}
	}
	if modifiers == len(members) {
		sc += 5
	}
	// members that are exactly the quoted phrases
	if x.quoteEdge(spans[0][0]) {
		sc += 8
	}
	if x.quoteEdge(ll[1]) {
		sc += 8
	}
	return sc, true
}

// verbHead reports whether the first member opens with a verb of two
// characters or more that governs the list, the second member opening
// with a noun: 发展|中医药、民族医药, 推动|老旧工业区、低效商办楼宇, and
// the first member the longest. Such a verb is no part of the member.
//
// governingOnly: the verb is one that governs what follows (加快, 推进,
// 探索: governingVerbs), whatever the lengths of the members.
func (x *extractor) verbHead(spans [][2]int, governingOnly bool) bool {
	v := x.v
	if !v.hasTokens || len(spans) < 2 {
		return false
	}
	// the head makes the first member the longest (需求/v 升级 beside
	// 结构优化 is a mistagged noun, not a head)
	for _, sp := range spans[1:] {
		if !governingOnly && sp[1]-sp[0] >= spans[0][1]-spans[0][0] {
			return false
		}
	}
	a, b := v.fullSpan(spans[0][0], spans[0][1])
	t, ok := v.tokenAt(a)
	if !ok || t.b-t.a < 2 || t.b >= b || !(verbish(t.pos) || t.pos == "vn") {
		return false
	}
	if governingOnly && (!verbish(t.pos) || !governing(string(v.r[t.a:t.b])) || b-t.b <= 2) {
		return false // 服务/vn 模式, 服务|最优: no verb taking a list
	}
	c, _ := v.fullSpan(spans[1][0], spans[1][1])
	u, ok := v.tokenAt(c)
	return ok && u.b-u.a >= 2 && nounish(u.pos) && u.pos != "vn" && u.pos != "l"
}

// sharedTail gives the length of a word after the last member that every
// member shares when the members are short and the word follows them
// directly (深化府院、府检|联动 is 府院联动、府检联动): 0 when none.
func (x *extractor) sharedTail(spans [][2]int, last [2]int) int {
	v := x.v
	e := spans[len(spans)-1][1]
	if e >= last[1] || !v.hasTokens {
		return 0
	}
	mods := 0
	for _, sp := range spans {
		if sp[1]-sp[0] > 3 {
			return 0
		}
		if isModifier(v.s[sp[0]:sp[1]]) {
			mods++
		}
	}
	// three or more words of two characters share a tail without sharing
	// a character: 审计、统计、财会|监督
	short := len(spans) >= 3
	for _, sp := range spans {
		short = short && sp[1]-sp[0] == 2
	}
	if mods == len(spans) || shared(x.runesOf(spans)) == 0 && !short {
		return 0 // modifiers take a head, not a shared tail: 专业化、高端化|发展
	}
	if x.verbOpeners(spans) {
		return 0 // rules 19: members with a verb of their own (跨/v 业务、跨/v 区域、跨部门|共享) end before the predicate
	}
	t, ok := v.tokenAt(v.sIdx[e])
	if !ok || t.b-t.a != 2 || !(verbish(t.pos) || t.pos == "vn") {
		return 0
	}
	// the tail must end the segment, or be followed by 的 or a particle
	end := v.sOf(t.b)
	if end < last[1] && !strings.ContainsRune("的地", v.s[end]) {
		return 0
	}
	return end - e
}

// closedSeries reads an enumeration whose members repeat a character at
// the same place as a series: the members as they are when 等 follows
// them, with the member after 和, 及 or 与 when one of the same form
// follows (数字化、网络化和智能化); nil otherwise.
func (x *extractor) closedSeries(best [][2]int, last [2]int) [][2]int {
	s := x.v.s
	members := x.runesOf(best)
	if shared(members) < 1 {
		return nil
	}
	end := best[len(best)-1][1]
	if end >= last[1] {
		return nil
	}
	switch s[end] {
	case '等':
		// an open list of compact units repeating a character (建链、补链、
		// 延链、强链等); longer members before 等 are things listed
		// (困境儿童、流动儿童、留守儿童等)
		if len(best) < 3 {
			return nil
		}
		for _, m := range members {
			if len(m) != 2 {
				return nil
			}
		}
		return best
	case '和', '及', '与':
		// modifiers only: 数字化、网络化和智能化, 基础性、前沿性和引领性
		for _, m := range members {
			if !isModifier(m) {
				return nil
			}
		}
	default:
		return nil
	}
	lo, hi := lengths(members)
	a := end + 1
	for l := min(hi+1, maxMember); l >= max(lo-1, minMember); l-- {
		b := a + l
		if b > last[1] || !x.edgeOK(a) || !x.edgeOK(b) || !memberOK(s[a:b]) {
			continue
		}
		if b < last[1] && !x.endsPhrase(a, b, true) {
			continue
		}
		ext := append(append([][2]int{}, best...), [2]int{a, b})
		if sh := shared(x.runesOf(ext)); sh >= 1 && isModifier(s[a:b]) {
			return ext
		}
	}
	return nil
}

// enumeration reports whether the list is an enumeration, never a series:
// a list of quantities (平板玻璃7600多万重量箱、电解铝100多万吨), an open list
// (……等) or one continued by 和, 及, 与.
func (x *extractor) enumeration(best [][2]int, first, last [2]int) bool {
	s := x.v.s
	if st := best[0][0]; st > first[0] && (strings.ContainsRune("万亿多余", s[st-1]) || isDigit(s[st-1])) {
		return true
	}
	if en := best[len(best)-1][1]; en < last[1] && isDigit(s[en]) {
		return true
	}
	end := best[len(best)-1][1]
	rest := string(s[end:last[1]])
	for _, w := range []string{"和", "及", "以及", "与", "或", "同"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	if i := strings.IndexRune(rest, '等'); i >= 0 && len([]rune(rest[:i])) <= maxMember {
		return true
	}
	return false
}

// acceptList decides whether the chosen members of a list are a series.
func (x *extractor) acceptList(best [][2]int, first, last [2]int, tail int) bool {
	v := x.v
	s := v.s
	members := x.runesOf(best)
	if x.known(members) {
		return true
	}
	if len(members) == 2 {
		if x.verbScopes(best) {
			return false
		}
		// two numbered formulations side by side (三证合一、一照一码,
		// “六稳”、“六保”)
		if numberedShape(members[0]) && numberedShape(members[1]) {
			return false
		}
		if tail > 0 {
			return x.seriesShape(members, x.fullSpans(best)) && shared(members)+1 >= 2
		}
		if best[0][0] != first[0] && best[1][1] != last[1] && shared(members) < 2 && !(isModifier(members[0]) && isModifier(members[1])) {
			// two members cut from longer segments: the second must not run
			// on into a noun (生产性服务业专业化、生活性|服务业精细化)
			b := best[1][1]
			if !strings.ContainsRune("的地", s[b]) {
				i, _ := v.fullSpan(b, b+1)
				if p := v.pos[i]; v.hasTokens && p != "" && p[0] == 'n' && p != "vn" {
					return false
				}
			}
		}
	}
	return x.seriesOKTail(members, x.fullSpans(best), true, tail > 0)
}

// edgeOK reports whether a member may begin or end before s[j]: at a word
// boundary, and not inside a quoted phrase.
func (x *extractor) edgeOK(j int) bool {
	v := x.v
	if !v.sBound(j) {
		return false
	}
	if j <= 0 || j >= len(v.s) {
		return true
	}
	a, b := v.sIdx[j-1], v.sIdx[j]
	if b-a == 2 && isLineBreak(v.r[a+1]) && x.wordAcross(j) {
		return false // rules 18: 服务要\n求 is 服务要求 wrapped
	}
	return !(b-a == 1 && v.quoted[a] && v.quoted[b])
}

// quoteEdge reports whether a quotation mark was removed before s[j].
func (x *extractor) quoteEdge(j int) bool {
	v := x.v
	return j > 0 && j < len(v.s) && v.sIdx[j]-v.sIdx[j-1] > 1 && isQuoteMark(v.r[v.sIdx[j]-1])
}

// clauseRuns finds runs of clauses of the same shape separated by ，. The
// clause before a run may end with a member (在……基础上|统一认识，统一政策，
// 统一计划; 我们要|保持警惕，加强防御，准备打仗), the clause after may begin
// with one (发展民族经济|的斗争), and two long clauses may meet in a pair
// sharing two characters (坚持|从群众中来，到群众中去|的群众路线).
func (x *extractor) clauseRuns(clauses [][2]int, emit emitFunc) {
	s := x.v.s
	ok := func(c [2]int) bool {
		n := c[1] - c[0]
		return n >= minMember && n <= maxMember && memberOK(s[c[0]:c[1]])
	}
	for i := 0; i < len(clauses); {
		if !ok(clauses[i]) {
			if i+1 < len(clauses) && !ok(clauses[i+1]) {
				x.clausePair(clauses[i], clauses[i+1], emit)
			}
			i++
			continue
		}
		j := i + 1
		lo, hi := clauses[i][1]-clauses[i][0], clauses[i][1]-clauses[i][0]
		for j < len(clauses) && ok(clauses[j]) {
			n := clauses[j][1] - clauses[j][0]
			if max(hi, n)-min(lo, n) > 1 {
				break
			}
			lo, hi = min(lo, n), max(hi, n)
			j++
		}
		run := append([][2]int{}, clauses[i:j]...)
		var before, after [][2]int
		if i > 0 {
			var cut bool
			before, cut = x.memberBefore(clauses[i-1], run, lo, hi)
			if cut {
				// the series begins inside a noun phrase of the clause
				// before (编制交通运输信息|资源共享目录，建立共享机制，
				// 构建共享平台): what is left is a series cut in the
				// middle, not a series of its own (rules 17)
				i = j
				continue
			}
		}
		if j < len(clauses) && !ok(clauses[j]) {
			after = x.memberAfter(clauses[j], lo, hi)
		}
		x.bestRun(run, before, after, emit)
		if j == i+1 {
			i++
		} else {
			i = j
		}
	}
}

// memberBefore gives the end of the clause before a run when it is a
// member of the run (在……基础上|统一认识，统一政策). cut reports that the
// member would begin inside a noun phrase (信息|资源共享目录): the clause
// before is the series' first member, too long to be one, and the run is
// the rest of a series cut in the middle.
func (x *extractor) memberBefore(pc [2]int, run [][2]int, lo, hi int) (before [][2]int, cut bool) {
	v := x.v
	s := v.s
	for l := hi; l >= lo && l >= minMember; l-- {
		a := pc[1] - l
		if pc[1]-pc[0] <= l || !v.sBound(a) || !memberOK(s[a:pc[1]]) {
			continue
		}
		ext := append([][2]int{{a, pc[1]}}, run...)
		if shared(x.runesOf(ext)) >= max(1, shared(x.runesOf(run))) {
			if x.insideNounPhrase(a) {
				return nil, true
			}
			return [][2]int{{a, pc[1]}}, false
		}
		if x.takesPredicate(a) && !x.runOK(run) {
			return [][2]int{{a, pc[1]}}, false
		}
		break
	}
	return nil, false
}

// insideNounPhrase reports whether s[a] begins a noun right after a noun
// or a numeral, with no mark between (交通运输信息|资源共享目录): a phrase
// starting there is the tail of a longer one.
func (x *extractor) insideNounPhrase(a int) bool {
	v := x.v
	if a <= 0 || a >= len(v.s) || v.sIdx[a]-v.sIdx[a-1] > 1 {
		return false
	}
	i := v.sIdx[a]
	p, ok := v.tokenBefore(i)
	if !ok || !(nounish(p.pos) && p.pos != "l" || p.pos == "m") {
		return false
	}
	t, ok := v.tokenAt(i)
	return ok && nounish(t.pos) && t.pos != "l"
}

// memberAfter gives the start of the clause after a run when it is a
// member followed by 的 (发展民族经济|的斗争).
func (x *extractor) memberAfter(nc [2]int, lo, hi int) [][2]int {
	v := x.v
	s := v.s
	for l := hi; l >= lo && l >= minMember; l-- {
		b := nc[0] + l
		if b >= nc[1] || !v.sBound(b) || !memberOK(s[nc[0]:b]) || !strings.ContainsRune("的地", s[b]) {
			continue
		}
		return [][2]int{{nc[0], b}}
	}
	return nil
}

// bestRun emits the longest qualifying run among: the run with the
// members before and after it, with one of them, or alone.
//
// A run is judged whole: a part of a run that is no series is no series
// either (破除政策障碍，优化消费环境，维护消费者权益 is three ordinary
// clauses, not the pair 优化消费环境、维护消费者权益).
func (x *extractor) bestRun(run, before, after [][2]int, emit emitFunc) {
	join := func(parts ...[][2]int) [][2]int {
		var out [][2]int
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	for _, cand := range [][][2]int{join(before, run, after), join(before, run), join(run, after), run} {
		if len(cand) < 2 || len(cand) == 2 && shared(x.runesOf(cand)) < 2 {
			continue // two clauses make a pair only when they repeat a word
		}
		members := x.runesOf(cand)
		if x.known(members) || x.seriesOK(members, x.fullSpans(cand), false) {
			emit(cand, 0)
			return
		}
	}
}

// runOK reports whether a run of clauses is a series as it stands.
func (x *extractor) runOK(run [][2]int) bool {
	members := x.runesOf(run)
	return len(run) >= 2 && (x.known(members) || x.seriesOK(members, x.fullSpans(run), false))
}

// takesPredicate reports whether the word before s[a] takes a predicate
// as its object (我们要|保持警惕, 需要|远近结合, 坚持|……).
func (x *extractor) takesPredicate(a int) bool {
	v := x.v
	if a == 0 || !v.sBound(a) {
		return false
	}
	st := a - 1
	for st > 0 && !v.sBound(st) {
		st--
	}
	switch string(v.s[st:a]) {
	case "要", "需要", "必须", "应当", "应该", "应", "须", "坚持", "继续", "努力", "就是", "还要", "都要", "也要", "更要", "就要", "上", "得":
		return true
	}
	return false
}

// clausePair reads the end of clause c and the start of clause d, both too
// long to be members, as a pair sharing two or more characters at the same
// places; what follows in d must be 的 or nothing.
func (x *extractor) clausePair(c, d [2]int, emit emitFunc) {
	v := x.v
	s := v.s
	for l := maxMember; l >= 3; l-- {
		if c[1]-c[0] < l || d[1]-d[0] < l {
			continue
		}
		a := [2]int{c[1] - l, c[1]}
		b := [2]int{d[0], d[0] + l}
		if !v.sBound(a[0]) || !v.sBound(b[1]) || !memberOK(s[a[0]:a[1]]) || !memberOK(s[b[0]:b[1]]) {
			continue
		}
		if b[1] < d[1] && !strings.ContainsRune("的地", s[b[1]]) {
			continue
		}
		if sh := shared([][]rune{s[a[0]:a[1]], s[b[0]:b[1]]}); sh >= 2 && sh*2 >= l {
			emit([][2]int{a, b}, 0)
			return
		}
	}
}

// compact finds runs of three or more units of 2 or 3 characters written
// together that repeat a character at the same place: 强链延链补链,
// 获得感幸福感安全感, 共商共建共享.
func (x *extractor) compact(a, b int, emit emitFunc) {
	v := x.v
	s := v.s
	for j := a; j < b; j++ {
		if !v.sBound(j) || !isHan(s[j]) {
			continue
		}
		if spans := x.compactRun(j, b); spans != nil {
			if x.misaligned(spans, b) {
				continue // rules 19: the run starting at its shared character is the series
			}
			emit(spans, 0)
			j = spans[len(spans)-1][1] - 1
		}
	}
}

// misaligned reports whether a compact run shares only the last character
// of its units while the run starting at that character, one unit on, is a
// compact run sharing its first (rules 19): 环|大学|大院|大所 read as 环大、
// 学大、院大 cuts 大所, 治国理政|新理念新思想新战略 read as 理政新、理念新、
// 思想新 cuts 新战略; the series is the aligned one.
func (x *extractor) misaligned(spans [][2]int, b int) bool {
	l := spans[0][1] - spans[0][0]
	s := x.v.s
	for p := 0; p < l-1; p++ {
		same := true
		for _, sp := range spans[1:] {
			if s[sp[0]+p] != s[spans[0][0]+p] {
				same = false
				break
			}
		}
		if same {
			return false // shares a position before the last
		}
	}
	next := x.compactRun(spans[0][0]+l-1, b)
	if next == nil || next[0][1]-next[0][0] != l {
		return false
	}
	v := x.v
	if e := next[len(next)-1][1]; v.sIdx[e-1]-v.sIdx[next[0][0]] != e-1-next[0][0] {
		return false // across a line break
	}
	for _, sp := range next {
		if s[sp[0]] != s[next[0][0]] {
			return false
		}
		// the shared character opens each unit: a word starting there
		// (大学, 新理念) or an adjective of its own (新/a, 大/a); a noun
		// of one character is the end of the word before (身边|事, 普惠|性)
		if !v.hasTokens {
			return false
		}
		t, ok := v.tokenAt(v.sIdx[sp[0]])
		if !ok || t.a != v.sIdx[sp[0]] || t.b-t.a < 2 && !strings.Contains(" a b v d p ", " "+t.pos+" ") {
			return false
		}
	}
	return true
}

// compactRun gives the units of a compact run starting at s[j] (nil: none):
// the longest prefix of units of one length sharing a position and
// ending at a word boundary.
func (x *extractor) compactRun(j, b int) [][2]int {
	v := x.v
	s := v.s
	for _, l := range []int{3, 2} {
		// units while they still share a position with the first (no
		// longer run can pass sharedCompact: the shared positions of a
		// run are those of each of its prefixes)
		n := 0
		mask := 1<<l - 1
		for t := j; t+l <= b && allHan(s[t:t+l]); t += l {
			for p := 0; p < l; p++ {
				if s[t+p] != s[j+p] {
					mask &^= 1 << p
				}
			}
			if mask == 0 {
				break
			}
			n++
		}
		if n < 3 {
			continue // the common case: no run here, nothing allocated
		}
		spans := make([][2]int, n)
		for q := range spans {
			spans[q] = [2]int{j + q*l, j + (q+1)*l}
		}
		// units meet at word boundaries, never at a quotation mark
		for q, sp := range spans {
			if !v.sBound(sp[0]) && !x.insideRunToken(sp[0], j) || x.quoteEdge(sp[0]) && q > 0 {
				spans = spans[:q]
				break
			}
		}
		for n := len(spans); n >= 3; n-- {
			units := x.runesOf(spans[:n])
			if !v.sBound(spans[n-1][1]) || sharedCompact(units) == 0 || !distinct(units) {
				continue
			}
			if containsFunctionChar(units) || x.modifierAtTail(spans[:n]) {
				continue
			}
			return spans[:n]
		}
	}
	return nil
}

// insideRunToken reports whether s[p] is inside a token that begins at or
// after s[j], the start of a compact run: the segmenter may keep a whole
// run as one idiom (强链延链补链/l), whose units then meet inside it.
func (x *extractor) insideRunToken(p, j int) bool {
	v := x.v
	if !v.hasTokens || p <= j {
		return false
	}
	t := v.tokAt[v.sIdx[p]]
	return t >= 0 && v.toks[t].a >= v.sIdx[j]
}

// dropLexInside removes the lexicon's series that lie inside a longer
// series found in the text: the document's own series is the whole.
func (x *extractor) dropLexInside(series []hit) {
	if len(series) == 0 {
		return
	}
	out := x.hits[:0]
	for _, h := range x.hits {
		inside := false
		if h.lex && h.kind == Parallel {
			for _, sr := range series {
				if sr.i <= h.i && h.k <= sr.k && sr.k-sr.i > h.k-h.i && len(sr.members) > len(h.members) {
					inside = true
					break
				}
			}
		}
		if !inside {
			out = append(out, h)
		}
	}
	x.hits = out
}
