package keywords

import (
	"slices"
	"strings"
)

// extend rewrites the stream of spans so that a short word the segmenter
// cut out of the document's longer technical compounds (跨媒体 of
// 跨媒体+智能, 工控 of 工控+系统, 成熟度 of 智能制造+成熟度) is counted
// as those compounds: when most occurrences of a candidate word of at most
// extendMaxRunes characters sit inside a compound that recurs in the
// document (the word and the content word or phrase touching it on the
// right or the left, the same pair at least phraseMinCount times), each
// such occurrence becomes one span of the compound (the better-supported
// side when both recur), and the word keeps only the occurrences where it
// stands alone. A word used in many compounds none of which recurs, or
// mostly alone (配电, 港区), is left as it is: nothing is dropped.
func (c *collector) extend(spans [][2]int) [][2]int {
	if c.short || len(spans) < 2 {
		return spans
	}
	// the compound of span s with its right (right=true) or left
	// neighbour, as a sequence of unit ids, and whether there is one that
	// may extend it
	none := gram{}
	ext := func(s int, right bool) (gram, bool) {
		w := spans[s]
		if w[1]-w[0] != 1 {
			return none, false
		}
		u := &c.units[w[0]]
		if !u.cand || u.kind != kindHan || u.quote != 0 || runeLen(u.key) > extendMaxRunes || u.titled {
			return none, false
		}
		o := s - 1
		if right {
			o = s + 1
		}
		if o < 0 || o >= len(spans) {
			return none, false
		}
		a, b := spans[o][0], spans[o][1]
		if right && !c.touching(w[0]) || !right && !c.touching(b-1) {
			return none, false
		}
		runes := runeLen(u.key)
		if b-a == 1 && runeLen(c.units[a].key) < 2 {
			// one character is a piece of a word, not a part of a
			// compound (行业+协+会)
			return none, false
		}
		for k := a; k < b; k++ {
			v := &c.units[k]
			if !v.word || !v.join || v.kind != kindHan || functionWord(v) || c.stop.Has(v.key) {
				return none, false
			}
			if k > a && !c.adjacent(k-1) {
				return none, false
			}
			runes += runeLen(v.key)
		}
		if runes > phraseMaxRunes {
			return none, false
		}
		if right {
			// the compound is headed by its right part: a noun, not a
			// verb (工控+系统, not 港区+建设 as a verb phrase)
			if !c.units[b-1].last {
				return none, false
			}
			if b-w[0] > phraseMaxQuoted {
				return none, false
			}
			return c.gramOf(w[0], b), true
		}
		// a left part that can begin a term, not a verb taking the word as
		// its object (推翻+满清), the word heading it
		if !c.units[a].first || !firstPOS(c.units[a].pos) || !u.last {
			return none, false
		}
		if w[1]-a > phraseMaxQuoted {
			return none, false
		}
		return c.gramOf(a, w[1]), true
	}
	n := len(spans)
	rk := make([]gram, n)
	lk := make([]gram, n)
	rok := make([]bool, n)
	lok := make([]bool, n)
	comp := make(map[gram]int32)
	for s := range spans {
		if spans[s][1]-spans[s][0] != 1 {
			continue
		}
		rk[s], rok[s] = ext(s, true)
		lk[s], lok[s] = ext(s, false)
		if rok[s] {
			comp[rk[s]]++
		}
		// a compound of two short words is seen from both (成熟度+评估):
		// counted once, by the first
		if lok[s] && !(s > 0 && rok[s-1]) {
			comp[lk[s]]++
		}
	}
	if len(comp) == 0 {
		return spans
	}
	// per word (by unit id): its single occurrences, and those inside a
	// recurring compound
	total := make([]int32, len(c.num))
	inside := make([]int32, len(c.num))
	side := make([]int8, n) // +1 right, -1 left, 0 none
	for s := range spans {
		if spans[s][1]-spans[s][0] != 1 || !c.units[spans[s][0]].cand {
			continue
		}
		id := c.ids[spans[s][0]]
		total[id]++
		var r, l int32
		if rok[s] {
			r = comp[rk[s]]
		}
		if lok[s] {
			l = comp[lk[s]]
		}
		switch {
		case r >= phraseMinCount && r >= l:
			side[s] = 1
		case l >= phraseMinCount:
			side[s] = -1
		}
		if side[s] != 0 {
			inside[id]++
		}
	}
	// rewrite; ext records, by output span, the two spans it joins
	out := make([][2]int, 0, n)
	var joinedAt []int // output indices of compounds
	var parts [][2][2]int
	for s := 0; s < n; s++ {
		id := c.ids[spans[s][0]]
		if side[s] == 0 || 2*inside[id] <= total[id] {
			out = append(out, spans[s])
			continue
		}
		if side[s] > 0 {
			joinedAt = append(joinedAt, len(out))
			parts = append(parts, [2][2]int{spans[s], spans[s+1]})
			out = append(out, [2]int{spans[s][0], spans[s+1][1]})
			s++ // the neighbour is inside the compound
			continue
		}
		// the left neighbour was already emitted: take it back
		if m := len(out); m > 0 && out[m-1] == spans[s-1] {
			joinedAt = append(joinedAt, m-1)
			parts = append(parts, [2][2]int{spans[s-1], spans[s]})
			out[m-1] = [2]int{spans[s-1][0], spans[s][1]}
			continue
		}
		out = append(out, spans[s])
	}
	if len(joinedAt) == 0 {
		return out
	}
	// a compound that, once every occurrence is settled, occurs fewer
	// than phraseMinCount times (its neighbour taken by another) is split
	// back into its two spans
	made := make(map[gram]int32, len(joinedAt))
	for _, k := range joinedAt {
		made[c.gramOf(out[k][0], out[k][1])]++
	}
	undo := make(map[int][2][2]int)
	for x, k := range joinedAt {
		if made[c.gramOf(out[k][0], out[k][1])] < phraseMinCount {
			undo[k] = parts[x]
		}
	}
	if len(undo) == 0 {
		return out
	}
	final := make([][2]int, 0, len(out)+len(undo))
	for k, sp := range out {
		if p, ok := undo[k]; ok {
			final = append(final, p[0], p[1])
			continue
		}
		final = append(final, sp)
	}
	return final
}

// orgHead says whether a word is the head of the name of an organ or a
// body (部门, 单位, 机构, 机关, 组织): the closed class of nouns that end
// names like 公安机关交通管理部门, 平台主管单位, 涉老社会组织. They are
// stopwords on their own (every notice names 部门 and 单位), so no phrase
// ends with one, and the words before them are ranked cut off.
func orgHead(key string) bool {
	switch key {
	case "部门", "单位", "机构", "机关", "组织":
		return true
	}
	return false
}

// extendNames rewrites the stream of spans so that a key phrase followed,
// in most of its occurrences (partialShare, at least phraseMinCount), by
// the head of a name of an organ (orgHead, touching it) is counted as the
// name there (平台主管+单位: 平台主管单位; 公安机关交通管理+部门). The
// other occurrences stay as they are.
func (c *collector) extendNames(spans [][2]int) [][2]int {
	if c.short || len(spans) < 2 {
		return spans
	}
	total := map[gram]int32{}
	before := map[gram]int32{}
	ok := func(s int) (gram, bool) {
		i, j := spans[s][0], spans[s][1]
		if s+1 >= len(spans) || spans[s+1][1]-spans[s+1][0] != 1 || j-i+1 > phraseMaxQuoted {
			return gram{}, false
		}
		h := &c.units[spans[s+1][0]]
		if !orgHead(h.key) || !c.adjacent(j-1) {
			return gram{}, false
		}
		runes := runeLen(h.key)
		for k := i; k < j; k++ {
			u := &c.units[k]
			if !u.word || u.kind != kindHan || !u.join || u.quote != 0 || k == i && !u.first {
				return gram{}, false
			}
			runes += runeLen(u.key)
		}
		// a name may be as long as a quoted term (公安机关交通管理部门)
		if runes > phraseMaxQuotedRunes {
			return gram{}, false
		}
		return c.gramOf(i, j), true
	}
	// only a phrase: a word before the head (责任+单位, 申报+单位) is
	// the name's modifier, and the name a generic one
	cand := func(s int) bool {
		return spans[s][1]-spans[s][0] > 1
	}
	for s := range spans {
		if !cand(s) {
			continue
		}
		g := c.gramOf(spans[s][0], spans[s][1])
		total[g]++
		if _, yes := ok(s); yes {
			before[g]++
		}
	}
	if len(before) == 0 {
		return spans
	}
	out := make([][2]int, 0, len(spans))
	for s := 0; s < len(spans); s++ {
		if cand(s) {
			if g, yes := ok(s); yes {
				if b := before[g]; b >= phraseMinCount && float64(b) >= partialShare*float64(total[g]) {
					out = append(out, [2]int{spans[s][0], spans[s+1][1]})
					s++
					continue
				}
			}
		}
		out = append(out, spans[s])
	}
	return out
}

// addressee says whether a term is a kind of administrative division
// (自治区, 计划单列市: see divisionKinds) or names an organ by its
// administrative level (省级教育行政部门, 省级能源主管部门, 省级人民政府,
// 各级财政部门): the divisions and organs a notice addresses or assigns,
// which every notice of any subject names. Weighed as procedure (see
// procTF), not dropped.
func addressee(key string) bool {
	if slices.Contains(divisionKinds, key) {
		return true
	}
	if runeLen(key) < 4 || !(strings.HasSuffix(key, "部门") || strings.HasSuffix(key, "政府") ||
		strings.HasSuffix(key, "机关") || strings.HasSuffix(key, "单位") || strings.HasSuffix(key, "机构")) {
		return false
	}
	for _, level := range []string{"省级", "市级", "县级", "区级", "各级", "地方", "省市", "地市"} {
		if strings.HasPrefix(key, level) {
			return true
		}
	}
	return false
}

// divisionKinds are the kinds of administrative division a notice's
// addressee formula enumerates (各省、自治区、直辖市及计划单列市…): whom it
// addresses, whatever its subject; in a region's own report, the region
// naming its kind.
var divisionKinds = []string{"自治区", "直辖市", "计划单列市", "副省级城市", "地级市", "县级市", "自治州", "自治县", "设区市", "省会城市"}

// pieces rewrites the stream of spans so that a term the document writes,
// every time or nearly (pieceShare of its occurrences, at least
// phraseMinCount), as a piece of the same longer phrase — touching the
// same content word or phrase on its left or its right (导航+电子地图,
// 基础+设施建设, 两条腿+走路) — is counted as that phrase when the phrase
// is a well-formed term (it begins with a word that may begin a term, ends
// with one that may end one, and is no longer than a key phrase), and is
// ranked nothing when it is not (c.pieceKeys: 两条腿 before the verb 走路).
// Unlike extend, this looks at terms of any length, words and phrases, and
// asks for the evidence of the same neighbour nearly every time, not a
// majority of recurring compounds. The neighbour keeps its other
// occurrences; a term the author quotes or titles is left alone.
func (c *collector) pieces(spans [][2]int) [][2]int {
	if c.short || len(spans) < 3 {
		return spans
	}
	n := len(spans)
	// quoted says, by unit, whether it stands between quotation marks:
	// the author's own unit, which the quoted-term rules weigh
	quoted := make([]bool, len(c.units))
	in := false
	for i := range c.units {
		switch c.units[i].quote {
		case quoteOpen:
			in = true
		case quoteClose:
			in = false
		default:
			quoted[i] = in
		}
	}
	// cand says whether span s may be a term that is a piece
	cand := func(s int) bool {
		i, j := spans[s][0], spans[s][1]
		if j-i > phraseMaxParts || quoted[i] || quoted[j-1] {
			return false
		}
		if j-i == 1 {
			u := &c.units[i]
			return u.cand && u.kind == kindHan && u.quote == 0 && !u.titled
		}
		return !c.isQuoted(i, j) && !c.units[i].titled
	}
	// nb says whether span o is a neighbour that can be the rest of a
	// longer unit: content words of Han script, no function word, no
	// stopword, nothing quoted
	nb := func(o int) bool {
		i, j := spans[o][0], spans[o][1]
		if j-i > phraseMaxParts {
			return false
		}
		for k := i; k < j; k++ {
			v := &c.units[k]
			if !v.word || !v.join || v.kind != kindHan || v.quote != 0 || quoted[k] || functionWord(v) || c.stop.Has(v.key) {
				return false
			}
			if k > i && !c.adjacent(k-1) {
				return false
			}
		}
		return runeLen(c.units[i].key) >= 2 || j-i > 1
	}
	keys := make([]gram, n)
	okc := make([]bool, n)
	total := make(map[gram]int32)
	pairs := make(map[piecePair]int32)
	for s := 0; s < n; s++ {
		if !cand(s) {
			continue
		}
		okc[s] = true
		keys[s] = c.gramOf(spans[s][0], spans[s][1])
		total[keys[s]]++
	}
	for s := 0; s < n; s++ {
		if !okc[s] || total[keys[s]] < phraseMinCount {
			continue
		}
		if s > 0 && c.touching(spans[s][0]-1) && nb(s-1) {
			pairs[piecePair{keys[s], c.gramOf(spans[s-1][0], spans[s-1][1]), false}]++
		}
		if s+1 < n && c.touching(spans[s][1]-1) && nb(s+1) {
			pairs[piecePair{keys[s], c.gramOf(spans[s+1][0], spans[s+1][1]), true}]++
		}
	}
	// per term, its best-supported longer unit
	best := make(map[gram]piecePair)
	bestN := make(map[gram]int32)
	for p, k := range pairs {
		if k < phraseMinCount || float64(k) < pieceShare*float64(total[p.term]) {
			continue
		}
		if b, ok := bestN[p.term]; ok && (b > k || b == k && !p.right) {
			continue
		}
		best[p.term], bestN[p.term] = p, k
	}
	if len(best) == 0 {
		return spans
	}
	// the occurrences of the neighbours of the pieces (see fixed)
	all := make(map[gram]int32, len(best))
	for _, p := range best {
		all[p.nb] = 0
	}
	for s := 0; s < n; s++ {
		if spans[s][1]-spans[s][0] > phraseMaxParts {
			continue
		}
		g := c.gramOf(spans[s][0], spans[s][1])
		if k, ok := all[g]; ok {
			all[g] = k + 1
		}
	}
	// wellFormed says whether span a followed by span b is a term
	wellFormed := func(a, b [2]int) bool {
		f := &c.units[a[0]]
		return c.joinedHan(a, b) && f.first && firstPOS(f.pos) && c.units[b[1]-1].last
	}
	out := make([][2]int, 0, n)
	for s := 0; s < n; s++ {
		p, ok := best[keys[s]]
		if !okc[s] || !ok {
			out = append(out, spans[s])
			continue
		}
		if p.right && s+1 < n && c.touching(spans[s][1]-1) && c.gramOf(spans[s+1][0], spans[s+1][1]) == p.nb {
			if wellFormed(spans[s], spans[s+1]) {
				out = append(out, [2]int{spans[s][0], spans[s+1][1]})
				s++
				continue
			}
			if c.fixed(p, bestN[keys[s]], all) {
				c.markPiece(spans[s])
			}
		}
		if !p.right && s > 0 && c.touching(spans[s][0]-1) && c.gramOf(spans[s-1][0], spans[s-1][1]) == p.nb {
			m := len(out)
			if wellFormed(spans[s-1], spans[s]) && m > 0 && out[m-1] == spans[s-1] {
				out[m-1] = [2]int{spans[s-1][0], spans[s][1]}
				continue
			}
			if !wellFormed(spans[s-1], spans[s]) && !isVerb(c.units[spans[s-1][1]-1].pos) && c.fixed(p, bestN[keys[s]], all) {
				// (a verb before the term takes it as its object:
				// 编制+验收报告 is no piece)
				c.markPiece(spans[s])
			}
		}
		out = append(out, spans[s])
	}
	return out
}

// joinedHan says whether span a followed by span b can be read as one term
// by its units: at most phraseMaxQuoted units and phraseMaxQuotedRunes
// runes, every unit Han script and joined to its neighbours.
func (c *collector) joinedHan(a, b [2]int) bool {
	if b[1]-a[0] > phraseMaxQuoted {
		return false
	}
	runes := 0
	for k := a[0]; k < b[1]; k++ {
		v := &c.units[k]
		if !v.join || v.kind != kindHan {
			return false
		}
		runes += runeLen(v.key)
	}
	return runes <= phraseMaxQuotedRunes
}

// fixed says whether the neighbour of a piece (p, seen k times beside
// it) is, nearly every time, beside it too: the two make a fixed unit
// (两条腿+走路), not a word and what a clause puts after it (平台+入选:
// 入选 is said of other things too), and a piece of a fixed unit that is
// no term is ranked nothing.
func (c *collector) fixed(p piecePair, k int32, all map[gram]int32) bool {
	return float64(k) >= pieceShare*float64(all[p.nb])
}

// piecePair is a term beside a neighbour, on its right or its left.
type piecePair struct {
	term, nb gram
	right    bool
}

// markPiece records the key of the term of span sp as a piece of a longer
// unit that is no term (see pieces).
func (c *collector) markPiece(sp [2]int) {
	if c.pieceKeys == nil {
		c.pieceKeys = make(map[string]bool)
	}
	if sp[1]-sp[0] == 1 {
		c.pieceKeys[c.units[sp[0]].key] = true
		return
	}
	c.pieceKeys[c.joined(sp[0], sp[1])] = true
}

// onceUnits rewrites the stream of spans so that a rare word the document
// uses at most onceMaxCount times, every time as the modifier of the same
// head — it touches the same noun on its right each time, and no content
// word on its left (、家电网+购节 of 家电网购节) — is counted as the unit
// of the two when it is well formed: it begins with a word that may begin
// a term, not a verbal noun, and ends with a noun, no longer than a quoted
// term. The piece's place goes to the unit it was cut from; nothing is
// dropped. pieces does this for the terms used more often, by the share of
// their occurrences; a word used once or twice has no share to tell by, so
// every occurrence must agree. Only the head on the right is taken: a
// modifier on the left of a one-off word was, on the DEV documents, as
// often a verb's object, a place, a title before a name or the modifier of
// a whole list (疫情防控+中老年人, 臺北市+廣告代理, 理事長+廖世卿,
// 智能化矿山+地质测量、生产作业) as a compound, and an occurrence with
// content words on both sides (in the middle of a noun chain) agrees with
// none.
func (c *collector) onceUnits(spans [][2]int) [][2]int {
	if c.short || len(spans) < 3 {
		return spans
	}
	n := len(spans)
	// content says whether span o is one content word of Han script: no
	// phrase the rules made, no function word, stopword, quotation mark,
	// person's name or word only the HMM found
	content := func(o int) bool {
		i, j := spans[o][0], spans[o][1]
		if j-i != 1 {
			return false
		}
		v := &c.units[i]
		return v.word && v.join && v.kind == kindHan && v.quote == 0 && !v.titled && !v.guess &&
			!functionWord(v) && !c.stop.Has(v.key) && !personPOS(v.pos)
	}
	// head says whether span o can head a unit: a content word that is no
	// word of every text (X+精神, X+企业)
	head := func(o int) bool {
		return content(o) && !generic(c.opts.IDF, c.units[spans[o][0]].key)
	}
	wellFormed := func(a, b [2]int) bool {
		if !c.joinedHan(a, b) {
			return false
		}
		// a head only the HMM knows is of two characters (购节): one of
		// three after a noun is most often a person's name the
		// dictionary lacks (次長+柯森耀)
		f, l := &c.units[a[0]], &c.units[b[1]-1]
		begins := f.first && firstPOS(f.pos) && f.pos != "vn"
		ends := l.last && strings.HasPrefix(l.pos, "n") || l.pos == "x" && l.join && runeLen(l.key) == 2
		return begins && ends
	}
	// for each rare word used at most onceMaxCount times: the head of its
	// unit, while every occurrence has the same one
	type unitOf struct {
		head gram
		ok   bool
	}
	// (every occurrence of the word, inside phrases too)
	count := make([]int32, len(c.num))
	for i := range c.units {
		count[c.ids[i]]++
	}
	units := make(map[string]*unitOf)
	for s := 0; s < n; s++ {
		i, j := spans[s][0], spans[s][1]
		if j-i != 1 {
			continue
		}
		u := &c.units[i]
		if count[c.ids[i]] > onceMaxCount || !u.cand || u.kind != kindHan || u.quote != 0 || u.titled || personPOS(u.pos) || !rare(c.opts.IDF, u.key) {
			continue
		}
		ok := s+1 < n && c.touching(j-1) && head(s+1) && wellFormed(spans[s], spans[s+1]) &&
			!(s > 0 && c.touching(i-1) && content(s-1))
		var g gram
		if ok {
			g = c.gramOf(spans[s+1][0], spans[s+1][1])
		} else if count[c.ids[i]] == 1 && s+1 < n && c.touching(j-1) && content(s+1) && !head(s+1) && strings.HasPrefix(c.units[spans[s+1][0]].pos, "n") {
			// used once, against a noun of every text that it modifies
			// (进行+医卫+交流, 智能+水上运动+装备): the unit of the two is
			// no term of its own (its head is generic), and the word is
			// its piece, not a term either
			c.markPiece(spans[s])
		}
		if x, seen := units[u.key]; seen {
			x.ok = x.ok && ok && x.head == g
			continue
		}
		units[u.key] = &unitOf{head: g, ok: ok}
	}
	out := make([][2]int, 0, n)
	for s := 0; s < n; s++ {
		i, j := spans[s][0], spans[s][1]
		if j-i == 1 {
			if x := units[c.units[i].key]; x != nil && x.ok {
				out = append(out, [2]int{i, spans[s+1][1]})
				s++
				continue
			}
		}
		out = append(out, spans[s])
	}
	return out
}

// rare says whether a word is nearly as rare as an unknown word or rarer:
// its IDF is at least rareShare of the IDF of an unknown word (the pieces
// the segmenter cuts out of a document's own compounds, 家电网, 厨卫, 水户,
// are), not a word of everyday text (研发, 成熟) that a noun merely follows.
func rare(idf IDF, key string) bool {
	if idf == nil {
		return false
	}
	v, ok := idf.Lookup(key)
	return !ok || v >= rareShare*idf.Median()
}

// personPOS says whether a part of speech is a person's name's.
func personPOS(pos string) bool {
	return strings.HasPrefix(pos, "nr")
}
