package entities

import (
	"strings"
	"unicode"
)

// commonPOS are the tags of ordinary words: a dictionary word with one of
// them is not taken for a name unless a list says so.
var commonPOS = map[string]bool{
	"n": true, "v": true, "a": true, "d": true, "vn": true, "ad": true, "an": true, "i": true, "l": true,
	"p": true, "c": true, "u": true, "r": true, "m": true, "q": true, "t": true, "f": true, "s": true,
	"vd": true, "ag": true, "vg": true, "ng": true, "dg": true, "tg": true, "y": true, "e": true, "o": true,
	"uj": true, "ul": true, "uz": true, "ud": true, "ug": true, "uv": true, "k": true, "h": true, "mq": true,
	"rr": true, "rz": true, "zg": true, "z": true, "b": true, "g": true, "yg": true, "df": true, "mg": true,
	"rg": true, "vi": true, "vq": true,
}

var namePOS = map[string]bool{"nr": true, "nrfg": true, "nrt": true, "nrf": true}

// gazetteer adds the list names found at token boundaries: the user's
// entries first, then (in policy text) the short names of bodies, then
// the built-in lists, walking a trie from every token start.
func (st *sentence) gazetteer() {
	type hit struct {
		e int
		g gazEntry
	}
	var hits []hit
	byEnd := map[int]bool{}
	collect := func(e int, g gazEntry) bool {
		if e-st.cur >= 2 && !byEnd[e] {
			byEnd[e] = true
			hits = append(hits, hit{e, g})
		}
		return true
	}
	for s := range st.rs {
		if st.startTok[s] < 0 {
			continue
		}
		hits = hits[:0]
		clear(byEnd)
		st.cur = s
		st.d.x.userTrie.match(st.rs, s, collect)
		if st.d.x.genre == Policy {
			st.t.policyTrie.match(st.rs, s, collect)
		}
		st.t.gazTrie.match(st.rs, s, collect)
		for _, h := range hits {
			st.gazetteerHit(s, h.e, h.g)
		}
	}
}

// gazetteerHit judges a list name [s, e).
func (st *sentence) gazetteerHit(s, e int, g gazEntry) {
	if g.Type == LOC && st.d.x.genre == Policy && s > 0 && st.startTok[s-1] < 0 && st.endTok[e] >= 0 {
		// 以东|南亚: the token before ends with the first rune of a
		// longer place (东南亚), which the segmenter cut apart
		if g2, ok := st.lookup(st.text(s-1, e)); ok && g2.Type == LOC {
			st.add(s-1, e, LOC, float64(e-s+1)*10+5)
			return
		}
	}
	if !st.gazetteerEnd(s, e, g) || g.Type == LOC && (st.notPlace(s, e) || st.grammarTail(s, e) || st.fourRunePhrase(s, e) || st.relationPair(s, e) || st.pairHalf(s, e) || st.compoundTail(s, e) || st.conjunctionCut(s, e) || st.placeCut(s, e) || st.streetAfter(e) || st.inSingleRun(s, e) ||
		g.Derived && st.inPhrase(s, e)) {
		return
	}
	if g.Type == ORG && !g.User && s > 0 && strings.ContainsRune(levelChars, st.rs[s-1]) && strings.ContainsRune(levelChars, st.rs[s]) &&
		organEndings[st.text(s+1, e)] {
		return // 省市|县政府: the bodies of every level, not one
	}
	score := float64(e-s)*10 + 5
	if g.User {
		score += 1000
	}
	if g.Type == PER {
		if g.User || st.d.x.genre == News || !g.Ambiguous && !st.listedNeedsEvidence(s, e) ||
			st.titleBefore(s) || st.titleAfter(e) || st.titleInside(e) || st.speaksAfter(e) {
			st.addPerson(s, e, score, true)
		}
		return
	}
	st.add(s, e, g.Type, score)
}

// listedNeedsEvidence says whether a public figure's name from the lists is
// also a common word (沙龙, 万里, 福特): one token the dictionary tags as
// something else than a name, or a two-character transliteration.
func (st *sentence) listedNeedsEvidence(s, e int) bool {
	pos, dict := st.dictWord(s, e)
	if !dict || e-s > 2 {
		return false
	}
	if !namePOS[pos] {
		return true
	}
	if e-s == 2 {
		for _, r := range st.rs[s:e] {
			if !st.t.translit.has(r) {
				return false
			}
		}
		return true
	}
	return false
}

// gazetteerEnd says whether a list name [s, e) may end at e: at a token
// end; or, for a name written in the lists (not a short form derived from
// one, as 泰州 from 泰州市), inside a token
// that goes on with a word (邓小平|理论, 中国|政府); or, for a person, inside
// a token that goes on with a title (习近平总书记 as one token).
func (st *sentence) gazetteerEnd(s, e int, g gazEntry) bool {
	if st.endTok[e] >= 0 {
		return true
	}
	if g.Derived {
		return false
	}
	if g.Type == PER {
		if rest := st.restOfToken(e); rest != "" && (st.t.titles[rest] || st.t.cues[rest] || afterName[rest]) {
			return true
		}
	}
	return st.restIsWord(e)
}

// restOfToken is the text of the token around rune e from e to its end, or
// "" when e is not inside a token.
func (st *sentence) restOfToken(e int) string {
	for i := e - 1; i >= 0; i-- {
		if j := st.startTok[i]; j >= 0 {
			if st.toks[j].e > e {
				return st.text(e, st.toks[j].e)
			}
			return ""
		}
	}
	return ""
}

// restIsWord says whether the token around rune e goes on from e with at
// least two more characters (邓小平|理论, 中国|政府): a name may end there.
func (st *sentence) restIsWord(e int) bool {
	return len([]rune(st.restOfToken(e))) >= 2
}

// knownPeople adds the names of the people the document names with
// evidence elsewhere (a header line gives 王正谱; 王正谱作政府工作报告 names
// him again). Such a name may swallow the first character of the next word
// (张工|作 of 张工作政府工作报告, where the segmenter cut 张|工作).
func (st *sentence) knownPeople() {
	if len(st.d.known) == 0 {
		return
	}
	n := len(st.rs)
	for s := 0; s < n; s++ {
		if st.startTok[s] < 0 || !st.d.knownFirst[st.rs[s]] {
			continue
		}
		for L := min(st.d.maxKnown, n-s); L >= 2; L-- {
			e := s + L
			if !st.d.known[st.text(s, e)] {
				continue
			}
			if st.endTok[e] < 0 && len([]rune(st.restOfToken(e))) != 1 {
				continue
			}
			if st.companyAfter(e) {
				break // 包钢 the chairman's name, 包钢板材厂 the company's
			}
			st.addPerson(s, e, float64(L)*10+500, true)
			break
		}
	}
}

// companyWords end the name of a company or works, which a person's name
// may begin (包钢|板材厂, 包钢|集团).
var companyWords = map[string]bool{"厂": true, "公司": true, "集团": true, "矿": true, "厂区": true, "工厂": true,
	"有限公司": true, "板材厂": true, "钢厂": true, "股份": true}

// companyAfter says whether up to three tokens after e end with a word that
// ends the name of a company or works, with no title, form of address or
// punctuation before it.
func (st *sentence) companyAfter(e int) bool {
	j := st.startTok[e]
	for n := 0; j >= 0 && j < len(st.toks) && n < 3; j, n = j+1, n+1 {
		w := st.tokText(j)
		if companyWords[w] {
			return true
		}
		if !hanOnly(w) || st.t.titles[w] || honorifics[w] || afterName[w] {
			return false
		}
	}
	return false
}

// notPlace says whether [s, e) begins a fixed term in which a place name is
// not a place (中华 of 中华民族, 中欧 of 中欧班列).
func (st *sentence) notPlace(s, e int) bool {
	if st.d.x.genre == News {
		return false // the news gold sets tag 中华 of 中华民族 as a place
	}
	for _, w := range st.t.notPlaces {
		if len(w) >= e-s && hasRunes(st.rs[s:], w) {
			return true
		}
	}
	return false
}

var abbrVerbs = map[rune]bool{'访': true, '来': true, '在': true, '驻': true, '对': true, '旅': true, '抵': true,
	'离': true, '援': true, '侵': true, '赴': true, '返': true, '进': true, '留': true}

// isStrongAbbr says whether r is a one-character short form that names a
// place even without a neighbour: after a verb of travel (访华, 抵京) or before 方
// (中方, 美方). 港 and 澳 are not among them: alone they are too often
// something else (港口, 澳 of 澳洲), and 港澳 is one name.
func isStrongAbbr(r rune) bool {
	switch r {
	case '华', '京', '美', '日', '俄', '台', '沪', '英', '法', '德', '韩', '中':
		return true
	}
	return false
}

// abbreviations adds one-character short forms of places that stand
// beside another one (中美, 京津冀), before 方 (中方), or after a verb of
// travel (访华, 抵京).
func (st *sentence) abbreviations() {
	st.abbreviationRuns()
	n := len(st.rs)
	for i := 0; i < n; i++ {
		r := st.rs[i]
		if !isStrongAbbr(r) {
			if st.cityShort(i) {
				st.add(i, i+1, LOC, 12)
			}
			continue
		}
		if st.notPlace(i, i+1) {
			continue
		}
		// 中方, 美方
		if i+1 < n && st.rs[i+1] == '方' && st.startTok[i] >= 0 && st.endTok[i+2] >= 0 {
			st.add(i, i+1, LOC, 12)
		}
		// 访华, 在京, 对华关系
		if r != '中' && i > 0 && abbrVerbs[st.rs[i-1]] && (st.endTok[i+1] >= 0 || st.restIsWord(i+1)) && (st.startTok[i-1] >= 0 || st.startTok[i] >= 0) {
			st.add(i, i+1, LOC, 12)
		}
		// 俄 alone is always Russia (in policy text, not as half of a pair
		// or list of short forms: 中俄, 中、俄、德)
		if r == '俄' && !(i+1 < n && st.rs[i+1] == '罗') && !st.inAbbrRun(i) {
			st.add(i, i+1, LOC, 12)
		}
	}
}

// abbreviationRuns adds runs of one-character short forms (沪苏浙皖, 中美),
// one place each; 港澳 and 港澳台 stay one name.
func (st *sentence) abbreviationRuns() {
	n := len(st.rs)
	for s := 0; s < n; {
		if !st.t.abbr.has(st.rs[s]) || st.startTok[s] < 0 || st.gluedAbbr(s) {
			s++
			continue
		}
		e := s
		for e < n && (st.t.abbr.has(st.rs[e]) || st.rs[e] == '、' && e+1 < n && st.t.abbr.has(st.rs[e+1]) && e > s) {
			e++
		}
		// shrink to whole tokens, or to a token that goes on with a word
		for e > s && st.endTok[e] < 0 && !st.restIsWord(e) {
			e--
		}
		if e-s >= 2 && st.plainRun(s, e) && !st.notPlace(s, e) && !st.relationPair(s, e) && !st.compoundTail(s, e) {
			if w := st.text(s, e); w == "港澳" || w == "港澳台" || st.placeWord(s, e) {
				// one name: 港澳, or a run the dictionary knows as one
				// place (京津/ns)
				st.add(s, e, LOC, float64(e-s)*10+2)
			} else if pairs := st.pairList(s, e); pairs != nil {
				// 中日、中以、中德: a list of relations, each pair one
				// name, never 中 and its partner apart
				for _, p := range pairs {
					st.add(p, p+2, LOC, 22)
				}
			} else if st.chinaAndOthers(s, e) {
				// 中 and other countries: a relation, not places of
				// its own (中俄, 中、俄、德); the pair is one name, a
				// list with 、 none
				if !strings.ContainsRune(w, '、') && st.endTok[e] >= 0 {
					st.add(s, e, LOC, float64(e-s)*10+2)
				}
			} else {
				for i := s; i < e; i++ {
					if st.rs[i] != '、' {
						st.add(i, i+1, LOC, 12)
					}
				}
			}
		}
		s = max(e, s+1)
	}
}

// pairWords follow two countries' short forms: 意中两国, 中蒙边界.
var pairWords = []string{"两国", "双方", "双边", "建交", "边界", "边境", "关系", "友好", "合作"}

// countryPairs adds 意中两国: a country's short form beside 中 before a
// word of relations, even when the short form is not in the lists.
func (st *sentence) countryPairs() {
	n := len(st.rs)
	for i := 0; i+2 < n; i++ {
		a, b := st.rs[i], st.rs[i+1]
		if a != '中' && b != '中' || a == b || st.startTok[i] < 0 {
			continue
		}
		other := a
		if a == '中' {
			other = b
		}
		if !unicode.Is(unicode.Han, other) || strings.ContainsRune(functionChars, other) {
			continue
		}
		rest := string(st.rs[i+2 : min(n, i+4)])
		for _, w := range pairWords {
			if strings.HasPrefix(rest, w) {
				if st.d.x.genre == Policy {
					st.add(i, i+2, LOC, 22) // the pair, not its halves
					break
				}
				st.add(i, i+1, LOC, 12)
				st.add(i+1, i+2, LOC, 12)
				break
			}
		}
	}
}

// plainRun says whether [s, e) is not a common word made of place
// abbreviations (加以, 以及, 美德).
func (st *sentence) plainRun(s, e int) bool {
	w := st.text(s, e)
	for _, c := range abbrWords {
		if strings.Contains(w, c) {
			return false
		}
	}
	return true
}

var abbrWords = []string{"加以", "以及", "以法", "以德", "美德", "美美", "日日", "中中", "华美", "以美", "以日", "以中", "英德", "德美"}

// functionChars are characters that, standing alone, are grammar rather
// than part of a name.
const functionChars = "的了着过在是和与及或而但并就也都还又再才只更最很太不没未已曾正将要会能可应该把被让使向往对从自由于为以因若当每某另其各几多少上下中内外前后里间边这那此哪谁啥么什之所者们个位名种次回条件项点些去来到得地说讲问答看听想做作用有无非"

func hanOrAlnum(w string) bool {
	for _, r := range w {
		if !(unicode.Is(unicode.Han, r) || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}

func hanOnly(w string) bool {
	for _, r := range w {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return w != ""
}

// relationPair says whether [s, e) is 中 and another country's or region's
// one-character short form written as the first half of a compound (中欧|班列,
// 中非|经贸, 中美|贸易): a relation between two, not the region of the same
// name (中亚 and 中东 are always regions). Policy genre only.
func (st *sentence) relationPair(s, e int) bool {
	if st.d.x.genre == News || e-s != 2 || st.rs[s] != '中' || !strings.ContainsRune(relationAbbr, st.rs[s+1]) {
		return false
	}
	if e >= len(st.rs) || !isHan(st.rs[e]) {
		return false
	}
	rest := string(st.rs[e:min(len(st.rs), e+2)])
	return rest != "国家" && rest != "地区"
}

// compoundTail says whether the pair 中X [s, e) ends a compound with the
// noun written right before it (数据|中台, 服务|中台: a middle platform),
// not a place nor a relation. Policy genre only.
func (st *sentence) compoundTail(s, e int) bool {
	if st.d.x.genre == News || e-s != 2 || st.rs[s] != '中' || s == 0 || !strings.ContainsRune(relationAbbr+"台港澳", st.rs[s+1]) {
		return false // 指导|中国: the country
	}
	j := st.endTok[s]
	if j < 0 || st.toks[j].e-st.toks[j].s < 2 || !hanOnly(st.tokText(j)) {
		return false
	}
	switch st.toks[j].pos {
	case "n", "vn", "nz":
		return true
	}
	return false
}

// conjunctionCut says whether the place [s, e) of two runes ends with a
// conjunction and follows a Han rune with no break (开放云|和|涉密云 read
// as 云和): the first rune ends the word before, the second joins two.
// Policy genre only.
func (st *sentence) conjunctionCut(s, e int) bool {
	if st.d.x.genre == News || e-s != 2 || s == 0 || !strings.ContainsRune("和与及", st.rs[e-1]) {
		return false
	}
	p := st.rs[s-1]
	if !isHan(p) {
		return false
	}
	if j := st.endTok[s]; j >= 0 && st.toks[j].e-st.toks[j].s >= 2 && hanOnly(st.tokText(j)) {
		return true // 公有|云和: a word before, the place's first rune its tail
	}
	return !strings.ContainsRune(functionChars, p)
}

// placeCut says whether the place [s, e) is cut out of a longer name by the
// segmenter: a noun runs into it from the left with no break and a bound
// one-rune morpheme follows it (围子|岭南|麓: the south foot of 围子岭, not
// 岭南), or a time word does and the place begins with the locative 中
// (五年|中国|家: 五年中 国家, "in these five years the state"). Policy genre
// only.
func (st *sentence) placeCut(s, e int) bool {
	if st.d.x.genre == News || s == 0 || e >= len(st.rs) {
		return false
	}
	p, n := st.endTok[s], st.startTok[e]
	if p < 0 || n < 0 || st.toks[n].e-st.toks[n].s != 1 || !isHan(st.rs[e]) {
		return false
	}
	switch st.toks[n].pos {
	case "ng", "zg", "g":
	default:
		return false
	}
	pt := st.toks[p]
	return pt.e-pt.s >= 2 && hanOnly(st.tokText(p)) && (pt.pos == "n" || pt.pos == "nz" || pt.pos == "t" && st.rs[s] == '中')
}

// relationAbbr are the one-character short forms of countries and regions
// that follow 中 in the name of a relation between two (中欧, 中非, 中美,
// 中新); 亚 and 东 are not among them (中亚, 中东 are regions).
const relationAbbr = "欧非美俄日韩英法德意加澳印巴新蒙朝越泰老柬缅菲阿拉哈吉乌塞荷瑞葡西希波捷匈"

// streetAfter says whether a street word follows at e as a token of its
// own (赤峰|道, 友谊|路): the place's name is part of a street's. Policy
// genre only.
func (st *sentence) streetAfter(e int) bool {
	if st.d.x.genre == News || e >= len(st.rs) {
		return false
	}
	j := st.startTok[e]
	if j < 0 {
		return false
	}
	return streetWords[st.tokText(j)]
}

// levelChars are the one-character levels of government.
const levelChars = "省市县区乡镇"

// gluedAbbr says whether the one-character token at s closes the noun
// before it (生态|港, 科技|城): the last character of a compound, not a
// place's short form. Policy genre only.
func (st *sentence) gluedAbbr(s int) bool {
	if st.d.x.genre == News || s == 0 || !isHan(st.rs[s-1]) || st.endTok[s+1] < 0 {
		return false
	}
	j := st.endTok[s]
	return j >= 0 && st.toks[j].e-st.toks[j].s >= 2 && (st.toks[j].pos == "n" || st.toks[j].pos == "vn")
}

// placeWord says whether [s, e) is one token the dictionary tags as a place.
// Policy genre only.
func (st *sentence) placeWord(s, e int) bool {
	if st.d.x.genre == News {
		return false // the news gold sets tag 中 and 美 of 中美 apart
	}
	j := st.startTok[s]
	return j >= 0 && st.toks[j].e == e && st.toks[j].pos == "ns"
}

// inSingleRun says whether a listed place [s, e) made of one-character
// tokens goes on with another one-character token that is not grammar
// (新|和|成 of 新和成, a company): part of an unknown word the segmenter cut
// apart, not the place. Policy genre only.
func (st *sentence) inSingleRun(s, e int) bool {
	if st.d.x.genre == News || e >= len(st.rs) {
		return false
	}
	for i := s; i < e; i++ {
		if st.startTok[i] < 0 || st.endTok[i+1] < 0 {
			return false
		}
	}
	j := st.startTok[e]
	return j >= 0 && st.toks[j].e-st.toks[j].s == 1 && isHan(st.rs[e]) && !strings.ContainsRune(functionChars+placeSuffix, st.rs[e])
}

// grammarTail says whether the place [s, e) of two runes is two
// one-rune tokens, the second grammar (空天|等 read as 天等): the segmenter
// did not see the place, and its last rune does the grammar's work.
// Policy genre only.
func (st *sentence) grammarTail(s, e int) bool {
	if st.d.x.genre == News || e-s != 2 || st.startTok[s] < 0 || st.endTok[s+1] < 0 {
		return false
	}
	j := st.startTok[s+1]
	if j < 0 || st.toks[j].e != e {
		return false
	}
	switch st.toks[j].pos {
	case "u", "uj", "ul", "uz", "ug", "uv", "ud", "c", "p", "y":
		return true
	}
	return false
}

// cityVerbs are the one-rune verbs of movement and place before a city's
// one-rune short form (来青, 驻青, 在济).
var cityVerbs = map[rune]bool{'来': true, '驻': true, '在': true, '赴': true, '抵': true, '离': true, '返': true, '留': true}

// cityShort says whether the one-rune token at i, after a one-rune verb of
// movement (来青, 驻青, 在济设立), is the short form of a city or province
// the document writes as a word (青岛, 济南): the first rune of such a
// place, a short form no list carries. Policy genre only.
func (st *sentence) cityShort(i int) bool {
	if st.d.x.genre == News || i == 0 || i+1 >= len(st.rs) || !cityVerbs[st.rs[i-1]] || !isHan(st.rs[i]) ||
		strings.ContainsRune(functionChars+"东南西北", st.rs[i]) {
		return false // 在北|臺灣: a direction, not 北京
	}
	if st.startTok[i-1] < 0 || st.endTok[i] < 0 || st.startTok[i] < 0 || st.endTok[i+1] < 0 {
		return false
	}
	switch st.toks[st.startTok[i]].pos {
	case "a", "ad", "an", "d", "v", "vn", "m", "q", "p", "c", "u", "uj", "f", "r":
		return false // 站在|新|的起点: a word, not a short form
	}
	return st.d.cityShort(st.rs[i])
}

// cityShort says whether r is the first rune of a city or province the
// document writes as a word of two or three runes the lists name as a place
// (the places are gathered on the first call).
func (d *document) cityShort(r rune) bool {
	if d.cityFirst == nil {
		d.cityFirst = map[rune]bool{}
		for _, tk := range d.toks {
			L := tk.e - tk.s
			if L < 2 || L > 3 || tk.pos != "ns" {
				continue
			}
			w := string(d.rs[tk.s:tk.e])
			if L == 3 && !strings.HasSuffix(w, "市") && !strings.HasSuffix(w, "省") {
				continue
			}
			if g, ok := d.x.t.gaz[w]; ok && g.Type == LOC {
				d.cityFirst[d.rs[tk.s]] = true
			}
		}
	}
	return d.cityFirst[r]
}

// fourRunePhrase says whether the place [s, e) of two runes ends a phrase
// of four one-rune words, the two before it one-rune tokens that name no
// place (空|天|海地: sky, space, sea and land): the segmenter read the last
// two as a country. Policy genre only.
func (st *sentence) fourRunePhrase(s, e int) bool {
	if st.d.x.genre == News || e-s != 2 || s < 2 || st.endTok[s] < 0 || st.startTok[s-2] < 0 || st.endTok[s-1] < 0 {
		return false
	}
	// the phrase ends a list's member (空天海地等, …、空天海地、)
	if e < len(st.rs) && isHan(st.rs[e]) && st.rs[e] != '等' {
		return false
	}
	if s > 2 && isHan(st.rs[s-3]) {
		return false // the phrase stands alone after a break (、空天海地等)
	}
	for i := s - 2; i < s; i++ {
		if !isHan(st.rs[i]) || st.t.abbr.has(st.rs[i]) || strings.ContainsRune(functionChars, st.rs[i]) {
			return false
		}
		switch st.toks[st.startTok[i]].pos {
		case "n", "ng", "q", "nz":
		default:
			return false
		}
	}
	if s >= 3 && isHan(st.rs[s-3]) && st.endTok[s-2] < 0 {
		return false
	}
	if j := st.endTok[s-2]; j >= 0 && s >= 3 && isHan(st.rs[s-3]) {
		if tk := st.toks[j]; tk.e-tk.s == 1 {
			return false // a longer run of one-rune words: not a four-rune phrase
		}
	}
	return true
}

// pairList gives the starts of the pairs when the run [s, e) is a list of
// two-rune relations each opened by 中 (中日、中以、中德), else nil. Policy
// genre only.
func (st *sentence) pairList(s, e int) []int {
	if st.d.x.genre == News {
		return nil
	}
	var out []int
	for i := s; i < e; {
		if i+2 > e || st.rs[i] != '中' || st.rs[i+1] == '中' || st.rs[i+1] == '、' || (i+2 < e && st.rs[i+2] != '、') {
			return nil
		}
		out = append(out, i)
		i += 3
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// pairHalf says whether the place [s, e) follows a 中 that stands as a
// word of its own after grammar or a break (在中|印尼, 推进中|老挝): the
// partner of a relation between two, which names no place of its own.
// Policy genre only.
func (st *sentence) pairHalf(s, e int) bool {
	if st.d.x.genre == News || s == 0 || e-s > 3 || st.rs[s-1] != '中' || st.startTok[s-1] < 0 || st.endTok[s] < 0 {
		return false
	}
	if s-1 == 0 || !isHan(st.rs[s-2]) {
		return true
	}
	j := st.endTok[s-1]
	if j < 0 {
		return false
	}
	switch st.toks[j].pos {
	case "p", "v", "c", "vn", "d":
		return true
	}
	return false
}

// chinaAndOthers says whether the run of short forms [s, e) is 中 beside
// the short forms of other countries or regions (中俄, 中、俄、德, 中美日):
// in policy text the relation among them, whose halves are not named as
// places. Policy genre only.
func (st *sentence) chinaAndOthers(s, e int) bool {
	if st.d.x.genre == News {
		return false
	}
	zhong, other := false, false
	for _, r := range st.rs[s:e] {
		switch {
		case r == '中':
			zhong = true
		case r == '、':
		case strings.ContainsRune(relationAbbr, r):
			other = true
		default:
			return false
		}
	}
	return zhong && other
}

// inAbbrRun says whether the one-character short form at i stands beside
// 中, directly or across 、 (中俄, 中、俄、德): half of a relation, which
// policy text names as a whole. Policy genre only.
func (st *sentence) inAbbrRun(i int) bool {
	if st.d.x.genre == News {
		return false
	}
	n := len(st.rs)
	near := func(j int) bool { return j >= 0 && j < n && st.rs[j] == '中' }
	if near(i-1) || near(i+1) {
		return true
	}
	// 中蒙俄: another partner's short form between 中 and this one
	if i >= 2 && strings.ContainsRune(relationAbbr, st.rs[i-1]) && near(i-2) {
		return true
	}
	return i >= 2 && st.rs[i-1] == '、' && near(i-2) || i+2 < n && st.rs[i+1] == '、' && near(i+2)
}

// streetWords are the tokens that make a street, road or bridge of the
// name before them (友谊|路, 枣山|东路, 长江|大桥).
var streetWords = map[string]bool{"路": true, "道": true, "街": true, "大道": true, "大街": true, "胡同": true, "巷": true,
	"东路": true, "西路": true, "南路": true, "北路": true, "中路": true, "桥": true, "大桥": true}

// roadName says whether the place word [s, e) is itself the name of a road
// or street (南京路, 中山路, 解放大街): roads are not places. Policy genre only.
func (st *sentence) roadName(s, e int) bool {
	if st.d.x.genre == News {
		return false
	}
	w := st.text(s, e)
	for _, x := range []string{"路", "街", "大道", "胡同"} {
		if strings.HasSuffix(w, x) {
			return true
		}
	}
	return false
}

// inPhrase says whether a short form derived from a place's full name
// (兴国 of 兴国县) is written as part of a four-character phrase rather
// than as the place: before 之 and one character that end the phrase
// (兴国之器), or after a two-character noun that is not a place, the four
// standing alone between punctuation (人才兴国，文化兴国、), when the
// document never writes the place in full (福建省 beside 数字福建).
// Policy genre only.
func (st *sentence) inPhrase(s, e int) bool {
	if st.d.x.genre == News || e-s != 2 {
		return false
	}
	n := len(st.rs)
	bound := func(i int) bool { return i < 0 || i >= n || !isHan(st.rs[i]) }
	if e+2 <= n && st.rs[e] == '之' && isHan(st.rs[e+1]) && bound(e+2) {
		return true
	}
	j := st.endTok[s]
	if j < 0 || !bound(e) {
		return false
	}
	p := st.toks[j]
	// a noun before (人才|兴国), not a verb (支持|宝鸡)
	if p.e-p.s != 2 || !bound(p.s-1) || !hanOnly(st.text(p.s, p.e)) || p.pos != "n" && p.pos != "an" {
		return false
	}
	if _, listed := st.lookup(st.text(p.s, p.e)); listed {
		return false
	}
	// a place the document also writes in full (福建省 beside 数字福建)
	// is the place
	short := st.text(s, e)
	for _, suf := range []string{"省", "市", "县", "区", "州", "盟", "旗"} {
		if strings.Contains(st.str, short+suf) {
			return false
		}
	}
	return true
}
