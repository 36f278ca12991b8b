package entities

import (
	"sort"
	"strings"
)

// rtok is a token of the folded text, in rune offsets.
type rtok struct {
	s, e int
	pos  string
}

// span is a recognised entity in rune offsets of the folded text.
type span struct {
	s, e  int
	typ   Type
	score float64
	// strong: for PER, evidence beyond the shape of the name (a title or
	// form of address next to it, a header or caption line, the lists)
	strong bool
	title  string // for PER: the post attached
	// ts, te locate the post; os, oe its body (os == oe when there is none)
	ts, te int
	os, oe int
}

// sentence is the working state of the recognition of one sentence.
type sentence struct {
	d    *document
	t    *tables
	rs   []rune
	toks []rtok
	// tokStr caches the text of the tokens
	tokStr []string
	// startTok[i] is the index of the token starting at rune i, or -1;
	// endTok[i] the index of the token ending at rune i (exclusive), or -1.
	startTok, endTok []int
	// blocked: inside a date or amount; credit: inside a photo credit
	blocked, credit []bool
	cands           []span
	cur             int // the start of the gazetteer walk
	// str is the document's runes as a string and off[i] the byte offset
	// in it of rune i of the sentence, made on the first text call: a
	// span's text is then a substring, not a new string
	str string
	off []int
	// base is the index in the document of the sentence's first rune
	base int
}

func newSentence(d *document, base int, rs []rune, toks []rtok, credit []bool) *sentence {
	// the per-rune and per-token arrays are the document's, reused from
	// one sentence to the next (a sentence keeps none of them)
	b := &d.buf
	if cap(b.tokStr) < len(toks) {
		b.tokStr = make([]string, len(toks))
	}
	if cap(b.startTok) < len(rs)+1 {
		b.startTok, b.endTok, b.blocked = make([]int, len(rs)+1), make([]int, len(rs)+1), make([]bool, len(rs)+1)
	}
	st := &sentence{d: d, t: d.x.t, base: base, rs: rs, toks: toks, credit: credit, tokStr: b.tokStr[:len(toks)],
		startTok: b.startTok[:len(rs)+1], endTok: b.endTok[:len(rs)+1], blocked: b.blocked[:len(rs)]}
	clear(st.tokStr)
	clear(st.blocked)
	for i := range st.startTok {
		st.startTok[i], st.endTok[i] = -1, -1
	}
	for i, tk := range toks {
		st.startTok[tk.s] = i
		st.endTok[tk.e] = i
	}
	return st
}

func (st *sentence) text(s, e int) string {
	if st.off == nil {
		st.str, st.off = st.d.textOffsets()
		st.off = st.off[st.base : st.base+len(st.rs)+1]
	}
	return st.str[st.off[s]:st.off[e]]
}

func (st *sentence) tokText(i int) string {
	if st.tokStr[i] == "" {
		st.tokStr[i] = st.text(st.toks[i].s, st.toks[i].e)
	}
	return st.tokStr[i]
}

// lookup finds a name in the user's entries, then in the built-in lists.
func (st *sentence) lookup(w string) (gazEntry, bool) {
	if g, ok := st.d.x.user[w]; ok {
		return g, true
	}
	if st.d.x.genre == Policy {
		if g, ok := st.t.policyGaz[w]; ok {
			return g, true
		}
	}
	g, ok := st.t.gaz[w]
	return g, ok
}

func (st *sentence) isBlocked(s, e int) bool {
	for i := s; i < e; i++ {
		if st.blocked[i] {
			return true
		}
	}
	return false
}

func (st *sentence) isCredit(s, e int) bool {
	for i := s; i < e; i++ {
		if st.credit[i] {
			return true
		}
	}
	return false
}

// add proposes a candidate.
func (st *sentence) add(s, e int, typ Type, score float64) *span {
	if s >= e || st.isBlocked(s, e) || typ == PER && st.d.x.genre == Policy && st.isCredit(s, e) ||
		typ == ORG && st.cutFromWord(s, e) {
		return nil
	}
	st.cands = append(st.cands, span{s: s, e: e, typ: typ, score: score})
	return &st.cands[len(st.cands)-1]
}

// addPerson proposes a person; strong when the name has evidence beyond
// its shape.
func (st *sentence) addPerson(s, e int, score float64, strong bool) {
	if sp := st.add(s, e, PER, score); sp != nil {
		sp.strong = strong
	}
}

// prevTok is the index of the token ending at s, skipping blanks when
// skipBlank (省长　王正谱); -1 if none.
func (st *sentence) prevTok(s int, skipBlank bool) int {
	for s > 0 {
		j := st.endTok[s]
		if j < 0 {
			return -1
		}
		if !skipBlank || !st.blankTok(j) {
			return j
		}
		s = st.toks[j].s
	}
	return -1
}

// blankTok says whether token j is spaces only.
func (st *sentence) blankTok(j int) bool {
	for _, r := range st.rs[st.toks[j].s:st.toks[j].e] {
		if !isBlank(r) {
			return false
		}
	}
	return true
}

// recognizeCore finds PER, LOC and ORG in a sentence.
func (st *sentence) recognizeCore() []span {
	st.gazetteer()
	st.knownPeople()
	st.abbreviations()
	st.countryPairs()
	st.organisations()
	st.aliasOrganisations()
	st.departments()
	st.listedOrganisations()
	st.quotedOrganisations()
	st.enumeratedCompanies()
	st.abbreviatedInstitutes()
	st.chineseNames()
	if st.d.x.genre == Policy {
		st.contactNames()
		st.warningNames()
		st.postFramedNames()
		st.listedPeople()
	}
	st.headerName()
	if st.d.x.genre == Policy {
		st.spacedByline()
	}
	st.foreignNames()
	st.places()
	return st.resolve()
}

// resolve picks non-overlapping candidates, best first.
func (st *sentence) resolve() []span {
	c := st.cands
	// a name proposed twice is strong when one proposal is
	strong := map[[2]int]bool{}
	for _, x := range c {
		if x.typ == PER && x.strong {
			strong[[2]int{x.s, x.e}] = true
		}
	}
	for i := range c {
		if c[i].typ == PER && strong[[2]int{c[i].s, c[i].e}] {
			c[i].strong = true
		}
	}
	sort.SliceStable(c, func(i, j int) bool {
		if c[i].score != c[j].score {
			return c[i].score > c[j].score
		}
		return c[i].s < c[j].s
	})
	taken := make([]bool, len(st.rs))
	var out []span
	for _, x := range c {
		if clash(taken, x.s, x.e) {
			continue
		}
		for i := x.s; i < x.e; i++ {
			taken[i] = true
		}
		out = append(out, x)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].s < out[j].s })
	return st.dropKindConjuncts(st.dropListedPlaces(st.dropPlacesInNames(st.joinDivisions(out))))
}

// dropKindConjuncts drops the organisations that are the kind of a system
// (see systemAfter) or conjuncts of a list
// of kinds opened by 各 in the same clause, as an addressee line writes it
// (各省、自治区、直辖市及计划单列市、新疆生产建设兵团住房和城乡建设厅（委、管委、
// 局）、发展改革委、科技厅（局）…: each province's department, not one body):
// a name with no place or level of its own (发展改革委), or one whose
// conjuncts before it, back to 各, are levels only (the 兵团's department
// shares the head of 省、自治区…). A name with its own place after a body
// (各市人民政府、省财政厅) is one body and stays, and so does a conjunct that
// is no department nor government (…及新疆生产建设兵团|商务主管部门: the 兵团 itself). Policy
// genre only.
func (st *sentence) dropKindConjuncts(spans []span) []span {
	if st.d.x.genre != Policy {
		return spans
	}
	out := spans[:0]
	for _, sp := range spans {
		if sp.typ == ORG && (st.kindConjunct(sp.s, sp.e) && (deptTails[st.rs[sp.e-1]] || strings.HasSuffix(st.text(sp.s, sp.e), "政府")) || st.systemAfter(sp.e) ||
			st.bareOrganAmongKinds(sp.s, sp.e)) {
			continue
		}
		out = append(out, sp)
	}
	return out
}

// bareOrganAmongKinds says whether the organisation [s, e) is an organ's
// bare name with no place or level (人大, 政协) written in a list beside a
// kind of body (党委、人大、政协、法院): the organs of every level, not one
// body.
func (st *sentence) bareOrganAmongKinds(s, e int) bool {
	if w := st.text(s, e); !organEndings[w] && w != "人大" {
		return false
	}
	kindAt := func(j int) bool {
		if j < 0 || j >= len(st.toks) {
			return false
		}
		tk := st.toks[j]
		w := st.tokText(j)
		if tk.e-tk.s < 2 || tk.e-tk.s > 3 || tk.pos != "n" && tk.pos != "nt" || !strings.ContainsRune("院委会局厅部", st.rs[tk.e-1]) {
			return false
		}
		g, ok := st.lookup(w)
		return !ok || g.Type != ORG || organEndings[w]
	}
	if s >= 2 && st.rs[s-1] == '、' && kindAt(st.endTok[s-1]) {
		return true
	}
	return e+1 < len(st.rs) && st.rs[e] == '、' && kindAt(st.startTok[e+1])
}

// systemAfter says whether the word at e is 体系 (…行业数据中心|体系): the
// name before it is the kind its system is made of, not one body.
func (st *sentence) systemAfter(e int) bool {
	j := st.startTok[e]
	return j >= 0 && strings.HasPrefix(st.tokText(j), "体系")
}

// kindConjunct says whether the organisation [s, e) stands in a clause
// whose list of kinds opened by 各 and a level (各省、…) it continues (see dropKindConjuncts).
func (st *sentence) kindConjunct(s, e int) bool {
	g := -1
	for i := s - 1; i >= 0; i-- {
		r := st.rs[i]
		if strings.ContainsRune("，,：:；;。！？\n", r) {
			break
		}
		if r == '各' && st.startTok[i] >= 0 {
			g = i
			break
		}
	}
	if g < 0 || g+1 >= s || !levelAt(st.rs[g+1:s]) || !strings.ContainsRune("、及和与", st.rs[s-1]) && st.rs[s-1] != '）' && st.rs[s-1] != ')' && !levelsOnly(st.rs[g+1:s]) {
		return false
	}
	if !st.ownLevel(s, e) && !st.startsWithPlace(s, e) {
		return true
	}
	return levelsOnly(st.rs[g+1 : s])
}

// ownLevel says whether the organisation [s, e) starts with a level of
// government of its own: a level word (省|财政厅, 国家|…) or one token that
// is a level's department (省公安厅); 市场|监管局 has none.
func (st *sentence) ownLevel(s, e int) bool {
	j := st.startTok[s]
	if j < 0 {
		return false
	}
	w := st.tokText(j)
	if adminLevel[w] || deptLeads[w] {
		return true
	}
	tk := st.toks[j]
	if tk.e-tk.s < 3 || !strings.ContainsRune("省市县", st.rs[tk.s]) || !deptTails[st.rs[tk.e-1]] {
		return false
	}
	// 市场监管局: 市场 is a word of the document, the level's rune is the
	// word's (省委|宣传部 as one token keeps its lead)
	return deptLeads[string(st.rs[tk.s:tk.s+2])] || !st.d.isWordPair(st.rs[tk.s], st.rs[tk.s+1])
}

// levelAt says whether rs starts with a level of government (各|省、…,
// 各|市…): a list of addressees by level, not of kinds of bodies (各|民主
// 党派、工商联).
func levelAt(rs []rune) bool {
	for L := min(len(rs), 5); L >= 1; L-- {
		if levelKinds[string(rs[:L])] {
			return true
		}
	}
	return false
}

// levelKinds are the levels of government and kinds of division a list of
// addressees names before a shared head (各省、自治区、直辖市及计划单列市…).
var levelKinds = map[string]bool{"省": true, "自治区": true, "直辖市": true, "计划单列市": true, "市": true, "县": true,
	"区": true, "州": true, "盟": true, "地区": true, "市县": true, "县市": true, "区县": true, "地市": true, "乡镇": true,
	"副省级城市": true, "省会城市": true, "经济特区": true, "新区": true, "旗": true, "自治州": true, "自治县": true}

// levelsOnly says whether rs (after 各, before a name) is a list of levels
// only, each written bare and joined by 、, 及, 和 or 与, brackets skipped
// (省、自治区、直辖市及计划单列市、).
func levelsOnly(rs []rune) bool {
	var item []rune
	depth, n := 0, 0
	flush := func() bool {
		if len(item) == 0 {
			return true
		}
		ok := levelKinds[string(item)]
		item, n = item[:0], n+1
		return ok
	}
	for _, r := range rs {
		switch {
		case r == '（' || r == '(':
			depth++
		case r == '）' || r == ')':
			depth--
		case depth > 0:
		case strings.ContainsRune("、及和与", r):
			if !flush() {
				return false
			}
		default:
			item = append(item, r)
		}
	}
	return flush() && n > 0
}

// dropPlacesInNames drops a place that begins the name of a body the
// recogniser did not find whole (山东省|智能制造|专家|委员会): the place
// is part of that name, not a place the document names. The name runs
// from the place over nouns to an ending of two runes or more that makes
// an organisation's name (委员会, 研究院, 有限公司), within five tokens.
// Policy genre only.
func (st *sentence) dropPlacesInNames(spans []span) []span {
	if st.d.x.genre == News {
		return spans
	}
	out := spans[:0]
	for i, sp := range spans {
		next := len(st.rs)
		if i+1 < len(spans) {
			next = spans[i+1].s
		}
		if sp.typ == LOC && st.bodyNameAfter(sp.e, next) {
			continue
		}
		out = append(out, sp)
	}
	return out
}

// bodyNameAfter says whether the tokens from e (before limit, the next
// entity) are nouns (and verbs of two runes after a noun: 智能|制造) that
// end, within five tokens, with an organisation's ending of two runes or
// more.
func (st *sentence) bodyNameAfter(e, limit int) bool {
	j := st.startTok[e]
	if j < 0 {
		return false
	}
	for n := 0; j < len(st.toks) && n < 5 && st.toks[j].e <= limit; j, n = j+1, n+1 {
		tk := st.toks[j]
		w := st.tokText(j)
		if !hanOnly(w) {
			return false
		}
		if tk.e-tk.s >= 2 && st.t.suffixes[w] {
			return n > 0 // a noun before the ending: 山东省|人民政府 alone is the government, found elsewhere
		}
		if n == 0 && tk.e-tk.s >= 3 && (tk.pos == "n" || tk.pos == "nt") && st.fieldAndEnding(w) {
			return true // 欧美|同学会: a word made of a field and an ending of two runes, the body's name
		}
		switch tk.pos {
		case "n", "vn", "nz", "an", "j", "l":
		case "v":
			if n == 0 || tk.e-tk.s < 2 {
				return false // 山东省|成立…委员会: the place does something
			}
		default:
			return false
		}
	}
	return false
}

// fieldAndEnding says whether the word w is a field of one rune or more
// and an organisation's ending of two runes or more (同|学会, 商|协会).
func (st *sentence) fieldAndEnding(w string) bool {
	rs := []rune(w)
	for L := min(len(rs)-1, st.t.maxSuffix); L >= 2; L-- {
		if st.t.suffixes[string(rs[len(rs)-L:])] {
			return true
		}
	}
	return false
}

// joinDivisions joins a division written right after the one above it into
// one place, as an address writes it (北京市|海淀区, 山东省|青岛市,
// 济宁市|任城区): the unit the gold counts. Policy genre only; the news gold
// sets tag the levels apart.
func (st *sentence) joinDivisions(spans []span) []span {
	if st.d.x.genre == News || len(spans) < 2 {
		return spans
	}
	out := spans[:1]
	for _, sp := range spans[1:] {
		last := &out[len(out)-1]
		if last.typ == LOC && sp.typ == LOC && last.e == sp.s && st.upperDivision(last.s, last.e) && st.lowerDivision(sp.s, sp.e) {
			last.e = sp.e
			continue
		}
		out = append(out, sp)
	}
	return out
}

// upperDivision says whether the place [s, e) is written as a province,
// region, city or prefecture with its level (河北省, 广西壮族自治区, 济宁市,
// 延边朝鲜族自治州, 阿拉善盟): a division that others lie in.
func (st *sentence) upperDivision(s, e int) bool {
	if e-s < 3 {
		return false
	}
	return strings.ContainsRune("省市州盟", st.rs[e-1]) || strings.HasSuffix(st.text(s, e), "自治区")
}

// lowerDivision says whether the place [s, e) is written as a division
// below a province or city with its level (海淀区, 青岛市, 胶州市, 兴国县,
// 额济纳旗, 城关镇).
func (st *sentence) lowerDivision(s, e int) bool {
	return e-s >= 2 && strings.ContainsRune("市区县旗镇乡", st.rs[e-1]) && !strings.HasSuffix(st.text(s, e), "自治区")
}

// dropListedPlaces drops the people known by their shape alone that stand
// in an enumeration among places or organisations (罗浮山、黄茅海、白洋淀):
// the list is one of places, not of people.
func (st *sentence) dropListedPlaces(spans []span) []span {
	out := spans[:0]
	for i, sp := range spans {
		if sp.typ == PER && !sp.strong {
			prev := i > 0 && spans[i-1].e+1 == sp.s && st.rs[sp.s-1] == '、' && spans[i-1].typ != PER
			next := i+1 < len(spans) && sp.e+1 == spans[i+1].s && st.rs[sp.e] == '、' && spans[i+1].typ != PER
			if prev || next {
				continue
			}
		}
		out = append(out, sp)
	}
	return out
}
