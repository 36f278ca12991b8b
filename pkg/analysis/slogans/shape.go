package slogans

import (
	"fmt"
	"strings"
)

// badMemberEdge: function words that neither open (的 may not, 地 may)
// nor end (地 may not, 的 may) a member; a switch: memberOK runs on every
// candidate cut.
func badMemberEdge(c rune) bool {
	switch c {
	case '的', '地', '之', '和', '及', '与', '或', '等', '了', '并', '而':
		return true
	}
	return false
}

// memberOK: a possible member of a series, made of ideographs, neither a
// number nor starting or ending with a function word, with no conjunction
// inside.
func memberOK(m []rune) bool {
	if !allHan(m) {
		return false
	}
	for _, p := range asideOpeners {
		if hasPrefixAt(m, 0, p) {
			return false
		}
	}
	for _, p := range clauseOpeners {
		if hasPrefixAt(m, 0, p) && !hasPrefixAt(m, 0, "是非") {
			return false
		}
	}
	if badMemberEdge(m[0]) && m[0] != '地' || badMemberEdge(m[len(m)-1]) && m[len(m)-1] != '的' {
		return false
	}
	for i, c := range m {
		if c == '了' {
			return false
		}
		if c == '倍' || c == '%' || (i > 0 && isNumeral(c) && isNumeral(m[i-1]) && c != '一' && m[i-1] != '一') {
			return false
		}
	}
	return true
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
//
// Members of one shape (2 to 8 characters, lengths within one, the same
// particles at the same places, no conjunction inside) make a series when
// they read as a set phrase: three or more members repeating a character
// at the same place (高端化、智能化、绿色化; 资源、资产、资金); two members
// repeating one that are not both names of things (做优增量、盘活存量;
// 稳中有进、稳中有好; 市场化、法治化; not 城市火灾、森林火灾); three or more
// predicates (严肃对待、诚恳接受、照单全收; short ones when separated by
// ，: 发扬成绩，克服缺点，谦虚谨慎). Lists of things with nothing repeated,
// names and forms of address (女士们、先生们、朋友们) are not series.
func (x *extractor) seriesOK(members [][]rune, rspans [][2]int, byDun bool) bool {
	return x.seriesOKTail(members, rspans, byDun, false)
}

// seriesOKTail is seriesOK for members that may share a tail written once
// after the last (审计、统计、财会|监督): such members repeat the tail.
func (x *extractor) seriesOKTail(members [][]rune, rspans [][2]int, byDun, tail bool) bool {
	if !x.seriesShape(members, rspans) || addressOrOffice(members) {
		return false
	}
	n := len(members)
	lo, _ := lengths(members)
	sh := shared(members)
	if (x.separatelyQuoted(rspans) || x.pronounOpeners(rspans)) && !x.attested(members) {
		return false
	}
	if n == 2 && x.kindPair(members, rspans) {
		return false
	}
	if x.adverbOnly(members, rspans) && !x.attested(members) {
		return false // rules 18: 相互支撑、相互促进
	}
	if x.kindsByNoun(members, rspans) && !x.attested(members) {
		return false // rules 19: 网络基础设施、大数据基础设施、计算基础设施
	}
	if n == 2 && sh >= 2 && !x.thing(members[0], rspans[0]) {
		// a pair repeating a word, not a list of things (新兴产业、未来产业
		// with 新兴产业/nt is no name)
		return true
	}
	if x.names(rspans) {
		return false
	}
	if x.kindsOf(members, rspans) && !x.attested(members) {
		return false
	}
	switch {
	case n >= 3 && sh >= 1:
		return true
	case n == 2 && sh >= 2:
		// a pair repeating a word (传统媒体、新兴媒体; 以电代煤、以气代煤);
		// two names of things sharing a word are kinds of one thing
		// listed (虚拟主机、虚拟桌面; 服务贸易、数字贸易; 灵活就业人员、
		// 新就业群体) unless the reference reports pair them, both are
		// formulations themselves, or the document quotes the pair
		if x.plainThing(members[0], rspans[0]) && x.plainThing(members[1], rspans[1]) && !internalRepeat(members) {
			return x.attested(members) || x.knownMember(members[0]) && x.knownMember(members[1]) ||
				x.enclosed(rspans[0][0], rspans[1][1])
		}
		return true
	}
	// predicates by any word of theirs, not only the first (天蓝、地绿、水清;
	// 保就业、惠民生): half of three or more, one of a pair of 3+ characters
	// separated by 、
	loose := x.looseSeries(members, rspans, byDun)
	switch {
	case n >= 3:
		if !byDun && lo > 4 && !x.attested(members) {
			// clauses with nothing repeated are ordinary measures listed
			// (加大政策支持，培育龙头企业，加强示范引领) unless short enough
			// for a slogan line (发扬成绩，克服缺点，谦虚谨慎)
			return false
		}
		// two thirds predicates; gse tags many four-character set phrases
		// as nouns (照单全收/n, 克服缺点/n): such a word is not held against
		// a series of predicates
		preds := x.predicates(members, rspans)
		if !(loose || preds >= 1 && 3*(preds+x.setPhrases(members, rspans)) >= 2*n && (byDun || lo <= 4)) {
			return false
		}
		// predicates with nothing repeated are a slogan line only in the
		// compact form of one (降碳、减污、扩绿; 控增量、去库存、优供给;
		// 吃改革饭、走开放路), when the document quotes the series as one
		// unit, or when the reference reports use it; otherwise they are
		// ordinary qualities or measures listed (公平、开放、透明; 技术先进、
		// 管理科学、运行可靠; 对接沟通、工作协同、信息共享)
		return tail || x.attested(members) || x.enclosed(rspans[0][0], rspans[n-1][1]) || 3*x.compactPredicates(members, rspans) >= 2*n
	case sh == 0:
		// two phrases with nothing repeated (迎难而上、顶压前行; 科学治理、
		// 市值管理) are mostly two ordinary phrases coordinated: a set
		// phrase only by a form of its own or by use in the reference
		// reports
		return loose && (x.pairForm(members, rspans) || x.pairAttested(members))
	}
	return loose || !x.thing(members[0], rspans[0]) || !x.thing(members[1], rspans[1]) || isModifier(members[0]) && isModifier(members[1])
}

// kindPair reports a pair of members that share nothing but a word at
// their start or at their end, the rest of each a word of its own of two
// characters or more: two kinds of one thing (虚拟主机、虚拟桌面; 不良反应、
// 不良事件; 数字化转型、数字化创新; 服务贸易、数字贸易), listed rather than
// formulated, unless the reference reports pair them (传统媒体、新兴媒体),
// both are formulations themselves, the document quotes the pair, or the
// members are predicates (越走越宽广、越走越坚定; 亲自部署、亲自检查).
func (x *extractor) kindPair(members [][]rune, rspans [][2]int) bool {
	a, b := members[0], members[1]
	p, q := 0, 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	for q < len(a) && q < len(b) && a[len(a)-1-q] == b[len(b)-1-q] {
		q++
	}
	if p >= 2 == (q >= 2) || shared(members) != max(p, q) || p > 0 && q > 0 {
		return false
	}
	rest := [2][2]int{}
	for i, m := range members {
		if len(m)-p-q < 2 {
			return false
		}
		rest[i] = [2]int{rspans[i][0] + p, rspans[i][1] - q}
	}
	if internalRepeat(members) || x.enclosed(rspans[0][0], rspans[1][1]) {
		return false
	}
	if q >= 2 && x.v.hasTokens {
		// a place shared at the end is the province's own series (平安
		// 黑龙江、法治黑龙江), not kinds of a thing
		if t, ok := x.v.tokenAt(rspans[0][1] - q); ok && t.b == rspans[0][1] && t.pos == "ns" {
			return false
		}
	}
	if x.v.hasTokens {
		// predicates, not things: an adverb shared at the start (亲自部署、
		// 亲自检查; 相互衔接、相互融合), a verb opening the rest of each (一手
		// 抓发展、一手防风险), an adjective as the rest of each
		if t, ok := x.v.tokenAt(rspans[0][0]); ok && p >= 2 && t.b-t.a == p && (t.pos == "d" || t.pos == "ad") {
			return false
		}
		adj, verbs := 0, 0
		for _, sp := range rest {
			t, ok := x.v.tokenAt(sp[0])
			if !ok || t.a != sp[0] {
				continue
			}
			if t.b == sp[1] && (t.pos == "a" || t.pos == "ad") {
				adj++
			}
			if verbish(t.pos) {
				verbs++
			}
		}
		if adj == 2 || verbs == 2 {
			return false
		}
	}
	return !x.attested(members) && !(x.knownMember(a) && x.knownMember(b))
}

// plainThing is thing for a member that does not open with a verbal noun
// (发展/vn 开放型经济 is a predicate the tagger took for a noun).
func (x *extractor) plainThing(m []rune, sp [2]int) bool {
	if !x.thing(m, sp) {
		return false
	}
	t, ok := x.v.tokenAt(sp[0])
	return !ok || t.pos != "vn"
}

// internalRepeat reports whether every member of four characters repeats
// its first character in its third place (合宪合法、合情合理; 善建善营、
// 善管善治): set phrases of a fixed pattern, not names of things.
func internalRepeat(members [][]rune) bool {
	for _, m := range members {
		if len(m) != 4 || m[0] != m[2] {
			return false
		}
	}
	return true
}

// separatelyQuoted reports whether every member opens with a quotation
// mark of its own (“票根经济”、“夜间经济”; “一带一路”国家、“全球南方”国家):
// labels listed, each a formulation of its own, not one series.
func (x *extractor) separatelyQuoted(rspans [][2]int) bool {
	r := x.v.r
	for _, sp := range rspans {
		if sp[0] == 0 || closerOf(r[sp[0]-1]) == 0 {
			return false
		}
	}
	return true
}

// pronounOpeners reports whether every member opens with a pronoun (我很
// 惭愧，我很丢脸; 自己的总统、自己的国会; 各领域、各阶层): prose about
// someone or a list of things, not a formulation.
func (x *extractor) pronounOpeners(rspans [][2]int) bool {
	v := x.v
	if !v.hasTokens {
		return false
	}
	for _, sp := range rspans {
		t, ok := v.tokenAt(sp[0])
		if !ok || t.pos != "r" {
			return false
		}
	}
	return true
}

// compactPredicates counts the members written in the compact form of a
// slogan: a verb, adjective or adverb of one character and its object or
// complement, four characters at most (降碳, 控增量, 快成长, 吃改革饭), a
// set phrase the segmenter keeps as one word of three characters or more
// (上规模/b, 照单全收, 真抓实干), or a manner and its verb (严肃对待), rather
// than words of two characters (公平, 透明) or a subject and its predicate
// (数据驱动, 技术先进, 信息共享).
func (x *extractor) compactPredicates(members [][]rune, rspans [][2]int) int {
	v := x.v
	if !v.hasTokens {
		return 0
	}
	count := 0
	for i, m := range members {
		if len(m) > 4 {
			continue
		}
		t, ok := v.tokenAt(rspans[i][0])
		if !ok {
			continue
		}
		switch {
		case t.b-t.a == 1:
			switch t.pos {
			case "r", "m", "q", "mq", "p", "c", "f", "uj", "ul", "uz", "ug", "uv", "ud", "u", "x", "w":
				continue
			}
			count++
		case len(m) >= 3 && t.b == rspans[i][1]:
			// one word: 上规模/b, 照单全收, 真抓实干, 谦虚谨慎
			count++
		case len(m) == 4 && t.b-t.a == 2 && (t.pos == "a" || t.pos == "ad" || t.pos == "d"):
			// a manner and its verb: 严肃/a 对待, 诚恳/a 接受
			if u, ok := v.tokenAt(t.b); ok && u.b == rspans[i][1] && verbish(u.pos) {
				count++
			}
		}
	}
	return count
}

// looseSeries is the rule of the first release: most members predicative
// by any of their words (verb, adjective, adverb, idiom), a pair only when
// separated by 、 and of three characters or more.
func (x *extractor) looseSeries(members [][]rune, rspans [][2]int, byDun bool) bool {
	count := 0
	for i, m := range members {
		if anyPredicative(m, x.posOf(rspans[i])) {
			count++
		}
	}
	if len(members) == 2 {
		lo, _ := lengths(members)
		return count >= 1 && byDun && lo >= 3
	}
	return 2*count >= len(members)
}

// anyPredicative is isPredicative by any word of the member.
func anyPredicative(m []rune, pos []string) bool {
	if isPredicative(m, pos) {
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

// thing reports whether a member names a thing: its words of two
// characters or more are nouns (verbal nouns included) and none is a verb,
// an adverb, a preposition or a set phrase (新兴产业, 城市火灾, 法律监督,
// 京雄快线; not 做优增量, 稳中有进, 严肃对待). The tags of one-character
// words are too unreliable to count; a member of single characters is a
// thing unless it opens like a predicate.
func (x *extractor) thing(m []rune, sp [2]int) bool {
	v := x.v
	if !v.hasTokens || isModifier(m) {
		return false
	}
	words := 0
	for i := sp[0]; i < sp[1]; {
		t, ok := v.tokenAt(i)
		if !ok {
			i++
			continue
		}
		i = t.b
		if t.b-t.a < 2 {
			continue
		}
		words++
		if !nounish(t.pos) || t.pos == "l" {
			return false
		}
	}
	if words == 0 {
		return !isPredicative(m, nil)
	}
	return true
}

// seriesShape checks that members have one shape: 2 to 8 characters,
// lengths within one, distinct, the same particles at the same places, no
// conjunction inside, and 的 at the end of all or none.
func (x *extractor) seriesShape(members [][]rune, rspans [][2]int) bool {
	n := len(members)
	if n < 2 {
		return false
	}
	lo, hi := lengths(members)
	if lo < minMember || hi > maxMember || hi-lo > 1 {
		return false
	}
	for _, m := range members {
		if !memberOK(m) || m[len(m)-1] == '们' {
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
	return deEnd == 0 || deEnd == n
}

// names reports whether a member opens with a name of a person, place or
// organisation (京雄快线, 亚运会): a list of names, not a series.
func (x *extractor) names(rspans [][2]int) bool {
	v := x.v
	if !v.hasTokens {
		return false
	}
	// gse tags many ordinary words as names (公正/nr, 智慧/nr, 中医药/nt):
	// a list of names when most members of a longer list open with one
	n := 0
	for _, sp := range rspans {
		t, ok := v.tokenAt(sp[0])
		if !ok {
			continue
		}
		m := v.r[sp[0]:sp[1]]
		switch t.pos {
		case "nr", "ns", "nt", "nrt", "nrfg":
			// a member of four characters or more that is one word tagged
			// as a person or an organisation is a phrase the tagger took
			// for one (新兴产业/nt, 廉洁奉公/nr)
			if (t.pos == "nt" || t.pos == "nr") && t.a == sp[0] && t.b == sp[1] && len(m) >= 4 {
				continue
			}
			if t.b-t.a >= 2 && !isModifier(m) && !isPredicative(m, nil) {
				n++
			}
		}
	}
	if len(rspans) == 2 {
		return n > 0 // 市委副书记、市长|王立新; 建设济南、青岛|两大
	}
	return 2*n > len(rspans)
}

// predicates counts the members that are predicates: verb or adjective
// phrases (严肃对待, 稳就业, 更加公平, 高端化), by their first word.
func (x *extractor) predicates(members [][]rune, rspans [][2]int) int {
	count := 0
	for i, m := range members {
		if isPredicative(m, x.posOf(rspans[i])) {
			count++
		}
	}
	return count
}

// setPhrases counts the members that are one word of four characters or
// more that is no predicate by its tag.
func (x *extractor) setPhrases(members [][]rune, rspans [][2]int) int {
	v := x.v
	count := 0
	for i, m := range members {
		if len(m) < 4 || isPredicative(m, x.posOf(rspans[i])) {
			continue
		}
		if t, ok := v.tokenAt(rspans[i][0]); ok && t.b == rspans[i][1] {
			count++
		}
	}
	return count
}

// classConflict reports whether one member opens with a verb and another
// with a noun (企业|核心功能 beside 提升|核心竞争力): not one shape.
func (x *extractor) classConflict(rspans [][2]int) bool {
	if !x.v.hasTokens {
		return false
	}
	var verbs, nouns int
	for _, sp := range rspans {
		ps := x.posOf(sp)
		// the tags of one-character words are unreliable (惠/nr in 惠民生)
		// nor are those of a long word that is the whole member (稳定物价/n
		// beside 改善民生)
		if t, ok := x.v.tokenAt(sp[0]); len(ps) == 0 || !ok || t.b-t.a < 2 || t.b-t.a >= 4 && t.b == sp[1] {
			continue
		}
		switch p := ps[0]; {
		case verbish(p):
			verbs++
		case nounish(p) && p != "vn" && p != "l" && p != "j":
			nouns++
		}
	}
	if len(rspans) > 2 {
		// one mistagged member does not make a longer list two shapes
		// (公平/n、公正/nr、透明/v、稳定/a)
		return min(verbs, nouns) >= 2
	}
	return verbs > 0 && nouns > 0
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

// runesInto is runesOf into a buffer the caller reuses.
func (x *extractor) runesInto(buf [][]rune, spans [][2]int) [][]rune {
	for _, sp := range spans {
		buf = append(buf, x.v.s[sp[0]:sp[1]])
	}
	return buf
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
// aligned at the start or at the end, whichever gives more; members of one
// length also count the places they share in the middle (开好局、起好步,
// 察实情、出实招、求实效).
func shared(ms [][]rune) int {
	lo, hi := lengths(ms)
	head, tail, pos := 0, 0, 0
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
			if lo == hi {
				pos++
			}
		}
		if sameT {
			tail++
		}
	}
	return max(head, tail, pos)
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
	if len(pos) == 0 || pos[0] == "" {
		return false
	}
	switch p := pos[0]; {
	case p == "vn", p == "an":
		return len(pos) > 1 && nounish(pos[1])
	case p[0] == 'v', p[0] == 'a', p[0] == 'd', p == "i", p == "l", p == "p", p == "c":
		return true
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

// asideOpeners open an aside, never a member of a series
// (有效需求不足、特别是消费不振).
// clauseOpeners begin a clause that comments on what comes before it — a
// copula, a conjunction, a condition — never a member of a series:
// 知识分子劳动化，劳动人民知识化，|是我们文化革命…; 这是有目共睹的，|也是来之不易的;
// 严格忠于职守，|如有渎职现象 (rules 24). 是非 is a word, not the copula
// (纪律松弛，是非不分，赏罚不明).
var clauseOpeners = []string{"是", "也是", "就是", "但是", "然而", "如果", "如有", "因为", "所以", "因此", "否则"}

var asideOpeners = []string{"特别是", "尤其是", "特别", "尤其", "包括", "例如", "比如", "其中", "以及", "还有", "甚至"}

// addressOrOffice reports a list of forms of address (各位贵宾、各位代表)
// or of offices (市财政局、市统计局): names, never a series.
func addressOrOffice(members [][]rune) bool {
	offices := 0
	for _, m := range members {
		if len(m) >= 2 && m[0] == '各' && m[1] == '位' {
			return true
		}
		if len(m) >= 3 && strings.ContainsRune("局厅委办署", m[len(m)-1]) {
			offices++
		}
	}
	return offices == len(members)
}

// pairForm reports whether two members with nothing repeated have a form
// of a set pair: both modifiers (差异化、内涵式), or both a verb of one
// character and a word of two (保就业、惠民生; 扩范围、降门槛).
func (x *extractor) pairForm(members [][]rune, rspans [][2]int) bool {
	if isModifier(members[0]) && isModifier(members[1]) {
		return true
	}
	v := x.v
	for i, m := range members {
		if len(m) != 3 || !v.hasTokens {
			return false
		}
		t, ok := v.tokenAt(rspans[i][0])
		if !ok || t.b-t.a != 1 {
			return false
		}
		u, ok := v.tokenAt(t.b)
		if !ok || u.b != rspans[i][1] {
			return false
		}
	}
	return true
}

// minPairReports is the number of reference reports that must use a pair
// of unrepeated phrases for it to count as a set pair.
const minPairReports = 1

// kindsOf reports whether the members (four characters or more) are
// names of things that share their head noun (two characters or more), on
// which the reference reports build no series, and not their first character:
// kinds of one thing (国家标准、行业标准; 基金机构、保险机构、担保机构), a list
// rather than a set phrase unless the reference reports use it as one
// (法治政府、廉洁政府、服务型政府).
func (x *extractor) kindsOf(members [][]rune, rspans [][2]int) bool {
	first := members[0][0]
	same := true
	for _, m := range members[1:] {
		same = same && m[0] == first
	}
	if same {
		// 新技术、新产品、新模式 repeat a first character; names sharing a
		// first word of two characters are kinds of one thing too (测试环境、
		// 测试人员、测试方法) unless the reference reports build series on
		// that word (数字经济、数字社会)
		return x.kindsByHead(members, rspans)
	}
	// the shared head noun is a word of two characters or more (标准,
	// 机构), not one character (干事、成事 share only 事)
	m0 := members[0]
	if len(m0) < 4 {
		// a member of three characters has a head of one, often a verb
		// (谋发展、抓发展)
		return false
	}
	known := 0
	for i, m := range members {
		if len(m) < 4 || m[len(m)-1] != m0[len(m0)-1] || m[len(m)-2] != m0[len(m0)-2] || !x.thing(m, rspans[i]) || !x.allNouns(rspans[i]) {
			return false
		}
		if x.knownMember(m) {
			known++
		}
	}
	if x.ref.seriesTail(string(m0[len(m0)-2:])) {
		// the reference reports build series on the head (政治意识、大局意识;
		// 法治政府、廉洁政府), but also list kinds on it (创业投资、股权投资;
		// 社会保险基金、社会保障基金): a series on such a head is kept when
		// a member is a formulation (法治政府 in 法治政府、效能政府、廉洁政府)
		// or the reference reports hold all its members in one series
		// (rules 16)
		return known == 0 && !x.inRefSeries(members)
	}
	// members that are formulations themselves make a series of
	// formulations (制造强国、海洋强国、交通强国; 科教融合、产教融合)
	return 2*known < len(members)
}

// inRefSeries reports whether one series of the reference reports holds
// every member.
func (x *extractor) inRefSeries(members [][]rune) bool {
	if x.ref == nil {
		return false
	}
	keys := make([]string, len(members))
	for i, m := range members {
		keys[i] = textKey(string(m))
	}
	_, ok := x.ref.seriesWith(keys)
	return ok
}

// kindsByHead is kindsOf for members sharing their first two characters.
func (x *extractor) kindsByHead(members [][]rune, rspans [][2]int) bool {
	m0 := members[0]
	if len(m0) < 4 || x.ref.seriesHead(string(m0[:2])) {
		return false
	}
	known := 0
	for i, m := range members {
		if len(m) < 4 || m[0] != m0[0] || m[1] != m0[1] || !x.thing(m, rspans[i]) || !x.allNouns(rspans[i]) {
			return false
		}
		if x.knownMember(m) {
			known++
		}
	}
	return 2*known < len(members)
}

// allNouns reports whether every word of a span, one character long or
// more, is tagged as a noun (才/d 聚/v 宁夏 and 山水之美 are not).
func (x *extractor) allNouns(sp [2]int) bool {
	v := x.v
	if !v.hasTokens {
		return false
	}
	for i := sp[0]; i < sp[1]; {
		if isLineBreak(v.r[i]) {
			// hard-wrapped text breaks a word across lines (行业\n标准):
			// the break is no word of the member (rules 17)
			i++
			continue
		}
		t, ok := v.tokenAt(i)
		if !ok {
			return false
		}
		if !nounish(t.pos) {
			return false
		}
		i = t.b
	}
	return true
}

// knownMember reports whether a member is a formulation of the lexicon or
// of the reference reports on its own.
func (x *extractor) knownMember(m []rune) bool {
	k := textKey(string(m))
	if _, ok := x.lex.Lookup(k); ok {
		return true
	}
	_, ok := x.ref.Lookup(k)
	return ok
}

// attested is pairAttested for any number of members.
func (x *extractor) attested(members [][]rune) bool { return x.pairAttested(members) }

// pairAttested reports whether the reference reports (the built-in
// baseline: national work reports and CPC congress reports) use the pair
// as a series.
func (x *extractor) pairAttested(members [][]rune) bool {
	if x.ref == nil {
		return x.opts.LoosePairs
	}
	keys := make([]string, len(members))
	for i, m := range members {
		keys[i] = textKey(string(m))
	}
	a, ok := x.ref.Lookup(joinMembers(keys))
	return ok && a.Kind == Parallel && a.Docs >= minPairReports
}

// isLineBreak reports whether c ends a line (a hard wrap inside a word of
// text converted from print).
func isLineBreak(c rune) bool { return c == '\n' || c == '\r' || c == '\u2028' }
