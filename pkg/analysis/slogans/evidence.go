package slogans

import "strings"

// Rules 13 (round 6): precision first for parallel series. Notices are full
// of enumerations that are no formulations (the offices responsible for a
// task, the functions of a system, the qualities a review checks), and the
// shape rules, which fit the reports, took too many of them. A series that is
// not quoted, not in the lexicon and not attested in the reference reports is
// now output only with positive evidence of form (formEvidence), and never
// when what it lists are things (listsThings).

// noEvidence reports whether a series (not quoted: the caller sees to it)
// that is neither known nor attested lacks the evidence of form a
// formulation has, or lists things. Members sharing a tail (府院、府检|联动;
// 审计、统计、财会|监督) have that evidence.
func (x *extractor) noEvidence(members [][]rune, spans [][2]int, tail bool) bool {
	if len(members) < 2 || x.known(members) || x.attested(members) {
		return false
	}
	rspans := x.fullSpans(spans)
	if tail {
		tail = x.verbTail(rspans[len(rspans)-1][1])
	}
	return !tail && !x.formEvidence(members, rspans) || x.listsThings(members, rspans)
}

// verbTail reports whether the shared tail starting at rune i is an action
// done to each member (监督, 联动), not a noun that a list of steps or
// kinds ends in (采集、校验、上报|工作).
func (x *extractor) verbTail(i int) bool {
	t, ok := x.v.tokenAt(i)
	if !ok || t.pos == "" || t.pos[0] != 'v' {
		return false
	}
	w := string(x.v.r[t.a:t.b])
	return w != "工作" && w != "过程" && w != "环节"
}

// formEvidence reports whether members are parallel in form: three or more
// repeat a character at the same place (稳就业、稳企业、稳预期; 民族和睦、
// 宗教和顺、社会和谐) or are each a verb of one character and a word of two
// (控增量、去库存、优供给). A pair, weaker evidence, must share its first
// character (全渠道、全场景; 有计划、有组织), end both in a modifier suffix
// (精细化、数字化; 首创性、示范性), be two verbs of one character with their
// objects (保就业、惠民生), or, of one length of five or more, repeat a
// character inside (发出中国声音、贡献中国智慧): a pair sharing only its last
// character is two kinds of one thing (常见病、慢性病; 管理者、工作者).
func (x *extractor) formEvidence(members [][]rune, rspans [][2]int) bool {
	// members parallel in form are of one length: a pair within one (not
	// 跨学科、跨领域攻关, a tail run on into the verb), longer series within
	// two (审计、统计、财会监督 shares its tail)
	if lo, hi := lengths(members); hi-lo > 1 && len(members) == 2 || hi-lo > 2 {
		return false
	}
	if fourRepeats(members) || chained(members) {
		return true
	}
	if len(members) == 2 {
		a, b := members[0], members[1]
		if a[0] == b[0] && !strings.ContainsRune(degreeHeads, a[0]) || x.pairForm(members, rspans) {
			return true
		}
		if len(a) == len(b) && len(a) >= 5 {
			for j := 1; j < len(a)-1; j++ {
				if a[j] == b[j] {
					return true
				}
			}
		}
		return false
	}
	return sameAcross(members) || x.verbObjects(members, rspans)
}

// verbObjects reports whether each of three or more members is a word of one
// character and a word of two (控增量、去库存、优供给).
func (x *extractor) verbObjects(members [][]rune, rspans [][2]int) bool {
	v := x.v
	if !v.hasTokens {
		return false
	}
	split := 0
	for i, m := range members {
		if len(m) != 3 {
			return false
		}
		t, ok := v.tokenAt(rspans[i][0])
		if ok && t.b == rspans[i][1] {
			continue // one word of three (上规模)
		}
		if !ok || t.b-t.a != 1 {
			return false
		}
		u, ok := v.tokenAt(t.b)
		if !ok || u.b != rspans[i][1] {
			return false
		}
		split++
	}
	return split >= 2
}

// officeEnds end the names of offices and organisations (省卫生健康委,
// 教师处, 装备信息中心, 基金机构).
var officeEnds = []string{"处", "室", "科", "院", "局", "厅", "委", "办", "署", "所", "部", "中心", "机构", "单位",
	"公司", "集团", "协会", "学会", "银行"}

// listsThings reports a series whose members are things rather than a
// formulation: people (老年人、残疾人), the offices or organisations
// responsible for a task, a list
// inside parentheses or followed by 负责/牵头, a member inside another
// (大型、超大型), kinds of one thing sharing a head or a tail noun
// (基金机构、保险机构; 智慧超市、智慧商店).
func (x *extractor) listsThings(members [][]rune, rspans [][2]int) bool {
	offices, each, people := 0, 0, 0
	for _, m := range members {
		if len(m) >= 2 && strings.ContainsRune("人者员", m[len(m)-1]) {
			people++ // 未成年人、老年人、残疾人: people
		}
		if m[0] == '各' {
			each++ // 各地区、各部门: units, each of them
		}
		for _, e := range officeEnds {
			if len(m) > len([]rune(e)) && strings.HasSuffix(string(m), e) {
				offices++
				break
			}
		}
	}
	if offices == len(members) || each == len(members) || people == len(members) || x.tiersOrSectors(members, rspans) || describedMembers(members) {
		return true
	}
	for i, m := range members {
		for k, o := range members {
			if i != k && strings.Contains(string(o), string(m)) {
				return true
			}
		}
	}
	a, b := rspans[0][0], rspans[len(rspans)-1][1]
	if x.inParens(a, b) {
		return true
	}
	rest := string(x.v.r[b:min(b+2, len(x.v.r))])
	if rest == "负责" || rest == "牵头" {
		return true
	}
	return x.reviewed(members, rspans) || x.nounKinds(rspans)
}

// reviewed reports qualities that something is checked for: members all
// ending in 性, joined by 和 before the last, or after 的, or followed by a
// verb of checking (材料的真实性、完整性和合规性; 处方合法性、规范性和适宜性审核).
func (x *extractor) reviewed(members [][]rune, rspans [][2]int) bool {
	for _, m := range members {
		if m[len(m)-1] != '性' {
			return false
		}
	}
	r := x.v.r
	a, b := rspans[0][0], rspans[len(rspans)-1][1]
	if a > 0 && r[a-1] == '的' {
		return true
	}
	if n := len(rspans); n >= 2 && rspans[n-1][0] > 0 && strings.ContainsRune("和及与", r[rspans[n-1][0]-1]) {
		return true
	}
	rest := string(r[b:min(b+2, len(r))])
	return rest == "审核" || rest == "审查" || rest == "检查" || rest == "评价" || rest == "评估"
}

// inParens reports whether runes r[a:b] stand inside a pair of parentheses
// on one line.
func (x *extractor) inParens(a, b int) bool {
	r := x.v.r
	open := false
	for j := a - 1; j >= 0 && j >= a-80; j-- {
		c := r[j]
		if c == '（' || c == '(' {
			open = true
			break
		}
		if c == '）' || c == ')' || c == '\n' || c == '。' {
			return false
		}
	}
	if !open {
		return false
	}
	for j := b; j < len(r) && j < b+80; j++ {
		c := r[j]
		if c == '）' || c == ')' {
			return true
		}
		if c == '（' || c == '(' || c == '\n' || c == '。' {
			return false
		}
	}
	return false
}

// nounKinds reports members of two or more words that share their first or
// their last word, a noun: kinds of one thing (基金机构、保险机构、担保机构;
// 智慧超市、智慧商店) or steps of one thing (场景创意提出、场景设计开发), a list.
func (x *extractor) nounKinds(rspans [][2]int) bool {
	v := x.v
	if !v.hasTokens {
		return false
	}
	// a common noun: not a verbal noun, not a place or a person (平安福建、
	// 法治福建 build on a name)
	noun := func(p string) bool { return p != "" && p[0] == 'n' && p != "vn" && p != "ns" && p != "nr" }
	words := func(sp [2]int) []vtok {
		var ts []vtok
		for q := sp[0]; q < sp[1]; {
			t, ok := v.tokenAt(q)
			if !ok || t.b > sp[1] {
				return nil
			}
			ts = append(ts, t)
			q = t.b
		}
		return ts
	}
	var heads, tails []string
	headNoun, tailNoun := true, true
	for _, sp := range rspans {
		ts := words(sp)
		if len(ts) < 2 {
			return false
		}
		h, t := ts[0], ts[len(ts)-1]
		headNoun = headNoun && h.b-h.a >= 2 && noun(h.pos)
		tailNoun = tailNoun && t.b-t.a >= 2 && noun(t.pos)
		heads = append(heads, string(v.r[h.a:h.b]))
		tails = append(tails, string(v.r[t.a:t.b]))
	}
	same := func(ws []string) bool {
		for _, w := range ws[1:] {
			if w != ws[0] {
				return false
			}
		}
		return true
	}
	// the reference reports build series on the shared word (数字经济、
	// 数字社会、数字政府; 法治政府、廉洁政府): a formulation may too
	if headNoun && same(heads) {
		return x.ref == nil || !x.ref.seriesHead(string([]rune(heads[0])[:2]))
	}
	if tailNoun && same(tails) {
		t := []rune(tails[0])
		return x.ref == nil || !x.ref.seriesTail(string(t[len(t)-2:]))
	}
	return false
}

// degreeHeads open a pair of prose, not a set pair (更深入、更系统; 有信心、
// 有能力 is kept out by 有 too, at the cost of 有计划、有组织).
const degreeHeads = "更最很越较太有就都也还再"

// sameAcross reports whether three or more members share their first or
// last character, or a character at the same place.
func sameAcross(members [][]rune) bool {
	return samePlace(members) || sameLast(members)
}

// samePlace reports whether every member has the same character at some
// place counted from its start (within the shortest member).
func samePlace(members [][]rune) bool {
	lo, _ := lengths(members)
	for j := 0; j < lo; j++ {
		same := true
		for _, m := range members[1:] {
			same = same && m[j] == members[0][j]
		}
		if same {
			return true
		}
	}
	return false
}

// fourRepeats reports whether every member of four characters repeats one
// inside it (立行立改、真改实改; 有保有压、可增可减): a set pattern.
func fourRepeats(members [][]rune) bool {
	for _, m := range members {
		if len(m) != 4 || m[0] != m[2] && m[1] != m[3] {
			return false
		}
	}
	return true
}

// chained reports whether each member opens with the last character of the
// one before (稳中有进、进中向好): a chain is made, not listed.
func chained(members [][]rune) bool {
	for i := 1; i < len(members); i++ {
		p := members[i-1]
		if members[i][0] != p[len(p)-1] {
			return false
		}
	}
	return true
}
