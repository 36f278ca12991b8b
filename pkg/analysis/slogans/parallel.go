package slogans

import (
	"fmt"
	"strings"
)

// Shape limits of a parallel series.
const (
	minMember = 2
	maxMember = 8
)

// series finds parallel series: lists separated by 、, runs of clauses of
// the same shape separated by ，, and compact runs with a repeated
// character (强链延链补链). Series overlapping the lexicon's own (lexPar,
// runes of s) are left to the lexicon.
func (x *extractor) series(lexPar [][2]int) []hit {
	v := x.v
	s := v.s
	var out []hit
	overlapsLex := func(a, b int) bool {
		for _, sp := range lexPar {
			if a < sp[1] && sp[0] < b {
				return true
			}
		}
		return false
	}
	emit := func(spans [][2]int) {
		a, b := spans[0][0], spans[len(spans)-1][1]
		if overlapsLex(a, b) {
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
		h.quoted = x.enclosed(h.i, h.k)
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

// sentence handles one stretch of text between hard stops.
func (x *extractor) sentence(a, b int, emit func([][2]int)) {
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
func (x *extractor) list(a, b int, emit func([][2]int)) {
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
func (x *extractor) subLists(segs [][2]int, emit func([][2]int)) {
	if x.listRange(segs, emit) != listNoShape || len(segs) < 3 {
		return
	}
	first, last := segs[0], segs[len(segs)-1]
	for cut := 1; cut < len(segs)-1; cut++ {
		n := segs[cut][1] - segs[cut][0]
		if x.canCut(first, n, true) && x.canCut(last, n, false) {
			continue
		}
		x.subLists(segs[:cut+1], emit)
		x.subLists(segs[cut:], emit)
		return
	}
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
// (不出事|的良好氛围), the others whole.
func (x *extractor) listRange(segs [][2]int, emit func([][2]int)) listResult {
	v := x.v
	s := v.s
	k := len(segs) - 1
	first, last := segs[0], segs[k]
	var firsts, lasts, stubs []int
	for l := minMember; l <= maxMember && l <= first[1]-first[0]; l++ {
		if x.edgeOK(first[1]-l) && memberOK(s[first[1]-l:first[1]]) {
			firsts = append(firsts, l)
		}
	}
	for l := minMember; l <= maxMember && l <= last[1]-last[0]; l++ {
		if !x.edgeOK(last[0]+l) || !memberOK(s[last[0]:last[0]+l]) {
			continue
		}
		// in a pair, what is cut off the second member must be a phrase of
		// its own, not a stub (提高就业|质量), unless the members are
		// modifiers of a head (差异化、内涵式|发展)
		rest := s[last[0]+l : last[1]]
		if k == 1 && len(rest) > 0 && len(rest) < 3 && !strings.ContainsRune("的地等", rest[0]) &&
			!strings.ContainsRune("化性式型", s[last[0]+l-1]) && !x.quoteEdge(last[0]+l) {
			stubs = append(stubs, l)
			continue
		}
		lasts = append(lasts, l)
	}
	bestScore := -1 << 30
	var best [][2]int
	choose := func(lasts []int) {
		for _, lf := range firsts {
			for _, ll := range lasts {
				spans := make([][2]int, 0, len(segs))
				spans = append(spans, [2]int{first[1] - lf, first[1]})
				spans = append(spans, segs[1:k]...)
				spans = append(spans, [2]int{last[0], last[0] + ll})
				members := x.runesOf(spans)
				lo, hi := lengths(members)
				sh := shared(members)
				if lo < minMember || hi-lo > 1 || (len(members) == 2 && hi != lo && sh < 2) {
					continue
				}
				sc := 10*sh + 4*x.posAgreement(spans)
				if lo == hi {
					sc += 6
				}
				if lf == first[1]-first[0] {
					sc += 2
				}
				if ll == last[1]-last[0] {
					sc += 2
				} else if strings.ContainsRune("的地", s[last[0]+ll]) {
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
				if x.quoteEdge(first[1] - lf) {
					sc += 8
				}
				if x.quoteEdge(last[0] + ll) {
					sc += 8
				}
				if sc > bestScore {
					bestScore, best = sc, spans
				}
			}
		}
	}
	choose(lasts)
	if best == nil {
		choose(stubs)
	}
	if best == nil {
		return listNoShape
	}
	// a list of quantities (平板玻璃7600多万重量箱、电解铝100多万吨)
	if st := best[0][0]; st > first[0] && (strings.ContainsRune("万亿多余", s[st-1]) || isDigit(s[st-1])) {
		return listFinal
	}
	if en := best[len(best)-1][1]; en < last[1] && isDigit(s[en]) {
		return listFinal
	}
	// an open list (……等) or one continued by 和, 及, 与: an enumeration
	end := best[len(best)-1][1]
	rest := string(s[end:last[1]])
	for _, w := range []string{"和", "及", "以及", "与", "或", "同"} {
		if strings.HasPrefix(rest, w) {
			return listFinal
		}
	}
	if i := strings.IndexRune(rest, '等'); i >= 0 && len([]rune(rest[:i])) <= maxMember {
		return listFinal
	}
	members := x.runesOf(best)
	if x.known(members) {
		emit(best)
		return listEmitted
	}
	if len(members) == 2 && x.verbScopes(best) {
		return listFailed
	}
	if len(members) == 2 {
		// two numbered formulations side by side (三证合一、一照一码)
		if numberedShape(members[0]) && numberedShape(members[1]) && shared(members) == 0 {
			return listFailed
		}
		if best[0][0] != first[0] && best[1][1] != last[1] && shared(members) < 2 && !(isModifier(members[0]) && isModifier(members[1])) {
			// two members cut from longer segments: the second must not run
			// on into a noun (生产性服务业专业化、生活性|服务业精细化)
			b := best[1][1]
			if !strings.ContainsRune("的地", s[b]) {
				i, _ := v.fullSpan(b, b+1)
				if p := v.pos[i]; v.hasTokens && p != "" && p[0] == 'n' && p != "vn" {
					return listFailed
				}
			}
		}
	}
	if x.seriesOK(members, x.fullSpans(best), true, false) {
		emit(best)
		return listEmitted
	}
	return listFailed
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
	return !(b-a == 1 && v.quoted[a] && v.quoted[b])
}

// quoteEdge reports whether a quotation mark was removed before s[j].
func (x *extractor) quoteEdge(j int) bool {
	v := x.v
	return j > 0 && j < len(v.s) && v.sIdx[j]-v.sIdx[j-1] > 1
}

// memberOK: a possible member of a series, made of ideographs, neither a
// number nor starting or ending with a function word, with no conjunction
// inside.
func memberOK(m []rune) bool {
	if !allHan(m) {
		return false
	}
	if strings.ContainsRune("的地之和及与或等了并而", m[0]) || strings.ContainsRune("地之和及与或等了并而", m[len(m)-1]) {
		return false
	}
	for i, c := range m {
		if c == '了' {
			return false
		}
		if strings.ContainsRune("倍%", c) || (i > 0 && isNumeral(c) && isNumeral(m[i-1]) && c != '一' && m[i-1] != '一') {
			return false
		}
	}
	return true
}

// clauseRuns finds runs of clauses of the same shape separated by ，. The
// clause before a run may end with a member (在……基础上|统一认识，统一政策，
// 统一计划; 我们要|保持警惕，加强防御，准备打仗), the clause after may begin
// with one (发展民族经济|的斗争), and two long clauses may meet in a pair
// sharing two characters (坚持|从群众中来，到群众中去|的群众路线).
func (x *extractor) clauseRuns(clauses [][2]int, emit func([][2]int)) {
	v := x.v
	s := v.s
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
		// the end of the clause before
		if i > 0 {
			pc := clauses[i-1]
			for l := hi; l >= lo && l >= minMember; l-- {
				a := pc[1] - l
				if pc[1]-pc[0] <= l || !v.sBound(a) || !memberOK(s[a:pc[1]]) {
					continue
				}
				ext := append([][2]int{{a, pc[1]}}, run...)
				if shared(x.runesOf(ext)) >= max(1, shared(x.runesOf(run))) {
					before = [][2]int{{a, pc[1]}}
				} else if x.takesPredicate(a) && !x.runOK(run) {
					before = [][2]int{{a, pc[1]}}
				}
				break
			}
		}
		// the start of the clause after, when 的 follows it
		if j < len(clauses) && !ok(clauses[j]) {
			nc := clauses[j]
			for l := hi; l >= lo && l >= minMember; l-- {
				b := nc[0] + l
				if b >= nc[1] || !v.sBound(b) || !memberOK(s[nc[0]:b]) || !strings.ContainsRune("的地", s[b]) {
					continue
				}
				after = [][2]int{{nc[0], b}}
				break
			}
		}
		x.bestRun(run, before, after, emit)
		if j == i+1 {
			i++
		} else {
			i = j
		}
	}
}

// bestRun emits the longest qualifying run among: the run with the
// members before and after it, then shorter ones down to pairs.
func (x *extractor) bestRun(run, before, after [][2]int, emit func([][2]int)) {
	full := append(append(append([][2]int{}, before...), run...), after...)
	for n := len(full); n >= 2; n-- {
		for st := 0; st+n <= len(full); st++ {
			cand := full[st : st+n]
			members := x.runesOf(cand)
			if x.known(members) || x.seriesOK(members, x.fullSpans(cand), false, false) {
				emit(cand)
				return
			}
		}
	}
}

// runOK reports whether a run of clauses is a series as it stands.
func (x *extractor) runOK(run [][2]int) bool {
	members := x.runesOf(run)
	return len(run) >= 2 && (x.known(members) || x.seriesOK(members, x.fullSpans(run), false, false))
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
func (x *extractor) clausePair(c, d [2]int, emit func([][2]int)) {
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
			emit([][2]int{a, b})
			return
		}
	}
}

// compact finds runs of three or more units of 2 or 3 characters written
// together that repeat a character at the same place: 强链延链补链,
// 获得感幸福感安全感, 共商共建共享.
func (x *extractor) compact(a, b int, emit func([][2]int)) {
	v := x.v
	s := v.s
	for j := a; j < b; j++ {
		if !v.sBound(j) || !isHan(s[j]) {
			continue
		}
		done := false
		for _, l := range []int{3, 2} {
			// units while they still share a position with the first (no
			// longer run can pass sharedCompact: the shared positions of a
			// run are those of each of its prefixes)
			var spans [][2]int
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
				spans = append(spans, [2]int{t, t + l})
			}
			// the longest prefix of units sharing a position, ending at a boundary
			for n := len(spans); n >= 3; n-- {
				units := x.runesOf(spans[:n])
				if !v.sBound(spans[n-1][1]) || sharedCompact(units) == 0 || !distinct(units) {
					continue
				}
				if containsFunctionChar(units) || x.modifierAtTail(spans[:n]) {
					continue
				}
				emit(spans[:n])
				j = spans[n-1][1] - 1
				done = true
				break
			}
			if done {
				break
			}
		}
	}
}

func hasSep(r []rune) bool {
	for _, c := range r {
		if isDun(c) || isComma(c) {
			return true
		}
	}
	return false
}

// seriesOK applies the shape rules to the members of a candidate series.
// byDun: the members were separated by 、 (a list); otherwise by ，.
func (x *extractor) seriesOK(members [][]rune, rspans [][2]int, byDun, quoted bool) bool {
	n := len(members)
	if n < 2 {
		return false
	}
	lo, hi := lengths(members)
	if lo < minMember || hi > maxMember || hi-lo > 1 {
		return false
	}
	for _, m := range members {
		if !memberOK(m) {
			return false
		}
	}
	if !distinct(members) || !x.sameMarks(members, rspans) {
		return false
	}
	deEnd := 0
	for i, m := range members {
		if m[len(m)-1] == '的' {
			deEnd++
		}
		if x.hasConj(rspans[i]) {
			return false
		}
	}
	if deEnd > 0 && deEnd < n {
		return false
	}
	sh := shared(members)
	switch {
	case n >= 3 && sh >= 1:
		return true
	case n == 2 && sh >= 2:
		return true
	}
	if !x.predicative(members, rspans) {
		return false
	}
	return n >= 3 || (byDun && lo >= 3)
}

// known reports whether members form a parallel formulation of the lexicon.
func (x *extractor) known(members [][]rune) bool {
	keys := make([]string, len(members))
	for i, m := range members {
		keys[i] = textKey(string(m))
	}
	e, ok := x.lex.Lookup(joinMembers(keys))
	return ok && e.Kind == Parallel
}

func (x *extractor) runesOf(spans [][2]int) [][]rune {
	out := make([][]rune, len(spans))
	for i, sp := range spans {
		out[i] = x.v.s[sp[0]:sp[1]]
	}
	return out
}

func (x *extractor) fullSpans(spans [][2]int) [][2]int {
	out := make([][2]int, len(spans))
	for i, sp := range spans {
		a, b := x.v.fullSpan(sp[0], sp[1])
		out[i] = [2]int{a, b}
	}
	return out
}

func lengths(ms [][]rune) (lo, hi int) {
	lo, hi = 1<<30, 0
	for _, m := range ms {
		lo, hi = min(lo, len(m)), max(hi, len(m))
	}
	return lo, hi
}

// shared counts the places where every member has the same character,
// aligned at the start or at the end, whichever gives more.
func shared(ms [][]rune) int {
	lo, _ := lengths(ms)
	head, tail := 0, 0
	for p := 0; p < lo; p++ {
		same, sameT := true, true
		for _, m := range ms[1:] {
			if m[p] != ms[0][p] {
				same = false
			}
			if m[len(m)-1-p] != ms[0][len(ms[0])-1-p] {
				sameT = false
			}
		}
		if same {
			head++
		}
		if sameT {
			tail++
		}
	}
	return max(head, tail)
}

// sharedCompact is shared for units written together, which must also
// differ somewhere.
func sharedCompact(units [][]rune) int {
	sh := shared(units)
	if sh >= len(units[0]) {
		return 0
	}
	return sh
}

func distinct(ms [][]rune) bool {
	seen := map[string]bool{}
	for _, m := range ms {
		k := string(m)
		if seen[k] {
			return false
		}
		seen[k] = true
	}
	return true
}

// containsFunctionChar rejects compact runs that are ordinary prose.
func containsFunctionChar(units [][]rune) bool {
	for _, u := range units {
		for _, c := range u {
			if strings.ContainsRune("的了和是在把对为与及等之也都而其就", c) {
				return true
			}
		}
	}
	return false
}

// predicative reports whether most members are verb or adjective phrases
// (严肃对待, 更加公平, 需求升级, 高端化, 稳就业) rather than names of things.
// In a pair, one clearly predicative member is enough: gse tags many
// four-character phrases as nouns (攻坚克难/n).
func (x *extractor) predicative(members [][]rune, rspans [][2]int) bool {
	count := 0
	for i, m := range members {
		if isPredicative(m, x.posOf(rspans[i])) {
			count++
		}
	}
	if len(members) == 2 {
		return count >= 1
	}
	return 2*count >= len(members)
}

// verbInitials are one-character verbs and adverbs that open the short
// members of slogans: 稳就业, 惠民生, 兴业, 更安心, 乱作为.
const verbInitials = "稳保促防惠调增扩降提补去强优抓育建创兴富护拓控减治破立改谋拼抢利严夯筑树守用管放办推搞学讲比赶超帮带干跑聚凝汇引留通连接转延联融扶救助托养教查纠追打扫除反禁限停整清免缓退奖罚评考选派监督思践悟做抗固铸塑筹谋惠让促" +
	"更最很不乱敢善勇能愿想要会可必应须多少早快好真重共"

// adverbInitials open predicates of any length: 更加公平, 能早则早, 不平衡.
const adverbInitials = "更最很不乱敢善勇能愿想要会可必应须"

func isPredicative(m []rune, pos []string) bool {
	switch m[len(m)-1] {
	case '化', '性', '式':
		return true
	}
	if len(m) <= 3 && strings.ContainsRune(verbInitials, m[0]) {
		return true
	}
	if strings.ContainsRune(adverbInitials, m[0]) {
		return true
	}
	for _, p := range pos {
		if p == "" || p == "vn" || p == "an" {
			continue
		}
		switch p[0] {
		case 'v', 'a', 'd', 'i', 'l':
			return true
		}
	}
	return false
}

// sameMarks: the particles 的 and 地 and the prepositions inside members
// must stand at the same places in all of them (国家的未来、人民的期盼;
// 以电代煤、以气代煤; 从家庭到学校、从政府到社会), or the members are phrases
// of different shapes (着重从工人、贫下中农中). rspans are runes of r.
func (x *extractor) sameMarks(ms [][]rune, rspans [][2]int) bool {
	v := x.v
	sig := func(i int) string {
		sp := rspans[i]
		var b strings.Builder
		for q := sp[0]; q < sp[1]; q++ {
			if !v.hasTokens {
				if v.r[q] == '的' {
					fmt.Fprintf(&b, "%d的", q-sp[0])
				}
				continue
			}
			if q == sp[0] || v.bound[q] {
				switch p := v.pos[q]; p {
				case "uj", "uv", "p":
					fmt.Fprintf(&b, "%d%c", q-sp[0], v.r[q])
				}
			}
		}
		return b.String()
	}
	s0 := sig(0)
	for i := 1; i < len(ms); i++ {
		if sig(i) != s0 {
			return false
		}
	}
	return true
}

// posAgreement scores how alike the members are: 1 when the first words
// of all members are of the same class (verb-like or noun-like), 0 when
// not, -1 when a name or a preposition opens one member but not the others.
func (x *extractor) posAgreement(spans [][2]int) int {
	if !x.v.hasTokens || len(spans) < 2 {
		return 0
	}
	class := func(sp [2]int) string {
		a, b := x.v.fullSpan(sp[0], sp[1])
		ps := x.posOf([2]int{a, b})
		if len(ps) == 0 || ps[0] == "" {
			return "?"
		}
		switch p := ps[0]; {
		case p == "p":
			return "p"
		case p == "vn" || p[0] == 'n' || p == "s" || p == "f":
			return "n"
		case p[0] == 'v' || p[0] == 'a' || p[0] == 'd' || p == "i" || p == "l":
			return "v"
		}
		return "?"
	}
	c0 := class(spans[len(spans)-1])
	agree := 1
	for _, sp := range spans[:len(spans)-1] {
		c := class(sp)
		if (c == "p") != (c0 == "p") {
			return -1
		}
		if c != c0 {
			agree = 0
		}
	}
	return agree
}

// posOf lists the parts of speech of the tokens within runes r[i:k].
func (x *extractor) posOf(sp [2]int) []string {
	v := x.v
	if !v.hasTokens {
		return nil
	}
	var out []string
	for q := sp[0]; q < sp[1]; q++ {
		if q == sp[0] || v.bound[q] {
			out = append(out, v.pos[q])
		}
	}
	return out
}

// modifierAtTail rejects a compact run read one character too early:
// 开展新|技术新|产品新 for 新技术|新产品|新场景, where the shared character
// is an adjective standing alone, which modifies what follows it.
func (x *extractor) modifierAtTail(spans [][2]int) bool {
	v := x.v
	if !v.hasTokens {
		return false
	}
	units := x.runesOf(spans)
	l := len(units[0])
	last := units[0][l-1]
	for _, u := range units[1:] {
		if u[l-1] != last {
			return false
		}
	}
	j := spans[0][1] - 1
	i := v.sIdx[j]
	p := v.pos[i]
	return v.sBound(j) && v.sBound(j+1) && (p == "a" || p == "b" || p == "m")
}

func isDigit(c rune) bool { return (c >= '0' && c <= '9') || (c >= '０' && c <= '９') }

// hasConj reports whether a conjunction or 等 stands inside runes r[i:k] as
// a word of its own: 关键零部件及紧缺能源 is two things.
func (x *extractor) hasConj(sp [2]int) bool {
	v := x.v
	if !v.hasTokens {
		for q := sp[0] + 1; q < sp[1]; q++ {
			if strings.ContainsRune("及与等", v.r[q]) {
				return true
			}
		}
		return false
	}
	for q := sp[0] + 1; q < sp[1]; q++ {
		if !v.bound[q] {
			continue
		}
		k := q + 1
		for k < sp[1] && !v.bound[k] {
			k++
		}
		w := string(v.r[q:k])
		if p := v.pos[q]; p == "c" || w == "等" || w == "及" || w == "与" || w == "和" || w == "或" {
			return true
		}
	}
	return false
}

// isModifier: members ending in 化, 性, 式, 型 modify a head noun that
// follows the list (数字化、智能化|基础设施).
func isModifier(m []rune) bool { return strings.ContainsRune("化性式型", m[len(m)-1]) }

// verbScopes recognises a verb standing before a list of two things rather
// than two phrases: 加快|火电、钢铁行业 (first member a verb and a noun, the
// second nouns only).
func (x *extractor) verbScopes(spans [][2]int) bool {
	v := x.v
	if !v.hasTokens {
		return false
	}
	toks := func(sp [2]int) []string {
		a, b := v.fullSpan(sp[0], sp[1])
		return x.posOf([2]int{a, b})
	}
	noun := func(p string) bool { return p != "" && p[0] == 'n' && p != "vn" }
	f, l := toks(spans[0]), toks(spans[1])
	if len(f) != 2 || len(f[0]) == 0 || f[0][0] != 'v' || f[0] == "vn" || !noun(f[1]) {
		return false
	}
	for _, p := range l {
		if !noun(p) {
			return false
		}
	}
	return true
}
