package entities

import "strings"

// People named by the frame around them rather than by the shape of the
// name: the layout of a contact list, the formula of a warning against
// corruption, a post and the end of a clause on both sides. The frame is
// the evidence, so a given name that is also a word (杨光, 立新, 了然) or
// that the segmenter cut into characters the name scores call rare is
// still a name here.

// contactFields are the labels of a contact list that are not names
// (电话 … starts with a character that is also a family name).
var contactFields = map[string]bool{"电话": true, "传真": true, "邮箱": true, "邮编": true, "地址": true, "手机": true,
	"姓名": true, "职务": true, "单位": true, "部门": true, "网址": true, "电邮": true, "座机": true, "处室": true,
	"联系": true, "方式": true, "办公": true, "技术": true, "支持": true, "中方": true, "外方": true}

// bodyEnds are the last characters of the name of a body or place, which a
// person's name in a contact list does not end with (信息中心, 综合处).
const bodyEnds = "司处局部委办厅所院室科站社会馆组队省市县区镇乡村州路街号楼层心校台报网团"

// contactNames adds the people of a contact list: a run of two or three
// Chinese characters — or two padded with blanks to the width of three (孙　维,
// 潘  庆) — that starts with a family name, stands between blanks or list
// punctuation, and comes after a contact label and its colon (联系人：流通司
// 陈程) or before a telephone number (标准技术司　　苏静茹 010-82262645).
func (st *sentence) contactNames() {
	n := len(st.rs)
	from := st.contactFrom()
	for s := 0; s < n; s++ {
		if !isHan(st.rs[s]) || s > 0 && isHan(st.rs[s-1]) {
			continue
		}
		e := s
		for e < n && isHan(st.rs[e]) {
			e++
		}
		han := e - s
		if han == 1 {
			// a padded name: one character, one or two blanks, one character
			b := e
			for b < n && b-e < 2 && isBlank(st.rs[b]) {
				b++
			}
			if b == e || b >= n || !isHan(st.rs[b]) || b+1 < n && isHan(st.rs[b+1]) {
				continue
			}
			e, han = b+1, 2
		}
		if han < 2 || han > 3 || !contactOpen(st.rs, s) || !contactClose(st.rs, e) {
			continue
		}
		if !(from >= 0 && s >= from) && !st.phoneAfter(e) {
			continue
		}
		if !st.contactNameShape(s, e) {
			continue
		}
		st.addPerson(s, e, float64(han)*10+5, true)
	}
}

// contactFrom is the first rune after a contact label and its colon in the
// sentence (联系人：, 联系人及电话：, 中方联系人：), or -1.
func (st *sentence) contactFrom() int {
	for i := range st.rs {
		for _, l := range contactLabels {
			if st.rs[i] != l[0] || !hasRunes(st.rs[i:], l) {
				continue
			}
			k := i + len(l)
			for k < len(st.rs) && (isBlank(st.rs[k]) || strings.ContainsRune("及和电话方式", st.rs[k])) {
				k++
			}
			if k < len(st.rs) && (st.rs[k] == '：' || st.rs[k] == ':') {
				return k + 1
			}
		}
	}
	return -1
}

// contactOpen says whether a name in a contact list may start at s: the
// line starts there, or a blank, a colon or list punctuation comes before.
func contactOpen(rs []rune, s int) bool {
	if s == 0 {
		return true
	}
	r := rs[s-1]
	return isBlank(r) || strings.ContainsRune("：:、，,；;\n", r)
}

// contactClose says whether a name in a contact list may end at e: the line
// ends, or a blank, a digit, list punctuation or a bracket follows — not a
// colon (电话：) or more text.
func contactClose(rs []rune, e int) bool {
	if e >= len(rs) {
		return true
	}
	r := rs[e]
	return isBlank(r) || isDigit(r) || strings.ContainsRune("、，,；;。\r\n（(", r)
}

// contactNameShape says whether [s, e) (blanks allowed inside) reads as a
// person's name in a contact list: a family name first, not a label or a
// body's or place's name, not a word the dictionary knows as something
// other than a noun or a name.
func (st *sentence) contactNameShape(s, e int) bool {
	var b strings.Builder
	for _, r := range st.rs[s:e] {
		if !isBlank(r) {
			b.WriteRune(r)
		}
	}
	w := b.String()
	rs := []rune(w)
	if contactFields[w] || contactFields[string(rs[:2])] || strings.ContainsRune(bodyEnds, rs[len(rs)-1]) {
		return false
	}
	if !(st.t.sur1.has(rs[0]) && st.t.surnameScore(rs[0]) > -3) && !(len(rs) == 3 && st.t.sur2[string(rs[:2])]) {
		return false
	}
	if _, ok := st.lookup(w); ok {
		return false // a place or body the tables know
	}
	if pos, dict := st.dictWord(s, e); dict && commonPOS[pos] && pos != "n" && pos != "nz" {
		return false
	}
	return !st.isBlocked(s, e)
}

// warningEnds are what follows the people a report names as a warning
// (深刻汲取X、Y涉嫌严重违纪违法教训, 汲取X等案件教训).
var warningEnds = [][]rune{[]rune("等"), []rune("涉嫌"), []rune("严重违纪"), []rune("严重违法"), []rune("违纪违法"),
	[]rune("违法违纪"), []rune("案件"), []rune("案的"), []rune("案教训"), []rune("腐败")}

// warningNames adds the people after 汲取 in the formula of a warning
// against corruption: names of two to four characters, each starting with a
// family name, separated by 、 and closed by 等, 涉嫌, 严重违纪违法, 案件….
func (st *sentence) warningNames() {
	rs := st.rs
	for i := 0; i+1 < len(rs); i++ {
		if rs[i] != '汲' || rs[i+1] != '取' {
			continue
		}
		var items [][2]int
		k := i + 2
		ok := false
		for len(items) < 8 {
			e := -1
			for L := 2; L <= 4 && k+L <= len(rs); L++ {
				if !hanRun(rs[k : k+L]) {
					break
				}
				if k+L < len(rs) && rs[k+L] == '、' || warningEnd(rs[k+L:]) {
					e = k + L
					break
				}
			}
			if e < 0 || !st.warningName(k, e) {
				break
			}
			items = append(items, [2]int{k, e})
			if rs[e] != '、' {
				ok = true
				break
			}
			k = e + 1
		}
		if !ok {
			continue
		}
		for _, it := range items {
			st.addPerson(it[0], it[1], float64(it[1]-it[0])*10+5, true)
		}
	}
}

func hanRun(rs []rune) bool {
	for _, r := range rs {
		if !isHan(r) {
			return false
		}
	}
	return true
}

func warningEnd(rs []rune) bool {
	for _, w := range warningEnds {
		if hasRunes(rs, w) {
			return true
		}
	}
	return false
}

// warningName says whether [s, e) may be a person in a warning's list: a
// family name first (a common one, or a compound one), not a place, body or
// common word.
func (st *sentence) warningName(s, e int) bool {
	r := st.rs[s]
	if !(st.t.sur1.has(r) && st.t.surnameScore(r) > -3) && !(e-s >= 3 && st.t.sur2[st.text(s, s+2)]) {
		return false
	}
	if _, ok := st.lookup(st.text(s, e)); ok {
		return false
	}
	if pos, dict := st.dictWord(s, e); dict && !namePOS[pos] {
		return false
	}
	return !st.isBlocked(s, e)
}

// postFramedNames adds a three-character name between a post and the end of
// its clause whose given name the name scores reject — grammar (以, 了) or a
// word the segmenter made of the family name and the next character
// (秘书长林了凡陪同, 次长黄金全在, 大使林家兴伉俪): the post before it and 陪同,
// a form of address, a verb of saying or punctuation after it frame a
// person. The family name must not be rare as one, the name no word or
// listed name, and its last character no word that follows names (局长王强说
// is 王强) unless 陪同 or a form of address follows.
func (st *sentence) postFramedNames() {
	for _, tk := range st.toks {
		s, e := tk.s, tk.s+3
		if e > len(st.rs) || tk.e-tk.s > 2 || st.endTok[e] < 0 || !hanRun(st.rs[s:e]) {
			continue
		}
		if j := st.startTok[e-1]; j < 0 {
			// the given name is one word of two characters: a noun or an
			// adjective (明达, 家兴), never a verb (李|强调, 王|建设)
			g := st.startTok[s+1]
			if tk.e-tk.s != 1 || g < 0 || st.toks[g].e != e || !givenWordPOS[st.toks[g].pos] {
				continue
			}
		}
		r := st.rs[s]
		if !st.t.sur1.has(r) || st.t.surnameScore(r) <= -3 || strings.ContainsRune(notAloneBeforePost, r) {
			continue
		}
		j := st.prevTok(s, false)
		if j < 0 || !st.titleBefore(s) || st.t.cues[st.tokText(j)] && !st.t.titles[st.tokText(j)] {
			continue
		}
		strong, ok := st.frameAfter(e)
		if !ok {
			continue
		}
		last := st.rs[e-1]
		if !strong && (strings.ContainsRune(functionChars+nameBreaks, last) || afterName[string(last)] || sayingVerbs[string(last)]) {
			continue
		}
		if _, ok := st.lookup(st.text(s, e)); ok {
			continue
		}
		if _, dict := st.dictWord(s, e); dict {
			continue
		}
		if w := st.text(s+1, e); st.t.titles[w] || honorifics[w] {
			continue
		}
		st.addPerson(s, e, 24, true)
	}
}

// givenWordPOS are the tags of the words of two characters a given name
// may be after a post (洪|明达, 毛|治国 is a verb and is not taken).
var givenWordPOS = map[string]bool{"a": true, "an": true, "n": true, "nr": true, "ns": true, "nz": true, "ng": true, "j": true}

// frameAfter says whether what follows e closes a name after a post: 陪同 or
// a form of address (strong), or a verb of saying, a word that follows
// names, 在, a comma or a full stop.
func (st *sentence) frameAfter(e int) (strong, ok bool) {
	if e >= len(st.rs) {
		return false, false
	}
	if strings.ContainsRune("，、。；：", st.rs[e]) {
		return false, true
	}
	j := st.startTok[e]
	if j < 0 {
		return false, false
	}
	w := st.tokText(j)
	if w == "陪同" || honorifics[w] {
		return true, true
	}
	return false, sayingVerbs[w] || w == "在" || afterName[w] && w != "也" && w != "等"
}

// listGrammar are the characters of grammar that a given name in a list
// does not contain (fewer than functionChars: 林少猫, 李中堂 are names).
const listGrammar = "的了着过是和与及或而在也都就还又再才把被让使向往对从于为以等之其这那"

// listCloses are what may follow the last name of a list of people.
const listCloses = "、；，。等及和与\n"

// listedPeople adds the names of an enumeration of people (林献堂、蒋渭水、
// 廖进平…; 的丘逢甲、刘永福；): runs of names joined by 、, each a family
// name and one or two characters at token boundaries, no place or body
// the tables know, no common word. A run of three such names or more is a
// list of people; a run of two when both are names by other evidence (a
// candidate already, or tagged as a name). One item that is not a name
// (黄山、庐山) makes the run no list of people.
func (st *sentence) listedPeople() {
	rs := st.rs
	for p := 0; p < len(rs); p++ {
		if rs[p] != '、' || p > 0 && rs[p-1] == '、' {
			continue
		}
		// the first item ends at p; only start a run at its first 、
		if st.itemBefore(p) < 0 || st.prevListMark(p) {
			continue
		}
		items := [][2]int{{st.itemBefore(p), p}}
		q := p
		for q < len(rs) && rs[q] == '、' {
			e := st.itemAfter(q + 1)
			if e < 0 {
				items = nil // an item that is not a name: not a list of people
				break
			}
			items = append(items, [2]int{q + 1, e})
			q = e
		}
		if len(items) < 2 {
			continue
		}
		if len(items) == 2 && !(st.namedItem(items[0]) && st.namedItem(items[1])) {
			continue
		}
		if st.thingsAfterList(items[len(items)-1][1]) || st.shortOnly(items) {
			continue
		}
		for _, it := range items {
			st.addPerson(it[0], it[1], float64(it[1]-it[0])*10+4, true)
		}
	}
}

// personAfterDeng are the words after 等 that close a list of people (X、Y
// 等人, 等同志, 等先贤); other nouns close a list of things (陶寺、丁村等遗迹,
// 许港、郑焦、郑新等产业带).
var personAfterDeng = map[string]bool{"人": true, "人士": true, "同志": true, "先贤": true, "先烈": true, "前辈": true,
	"领导": true, "一行": true, "多人": true, "多位": true, "名": true, "位": true, "烈士": true, "英雄": true, "先进": true,
	"人物": true, "代表": true, "委员": true, "专家": true, "学者": true}

// thingsAfterList says whether the list ending at e is closed by 等 and a
// noun that is not a word for people: the list names things.
func (st *sentence) thingsAfterList(e int) bool {
	if e >= len(st.rs) || st.rs[e] != '等' {
		return false
	}
	j := st.startTok[e+1]
	if j < 0 || j >= len(st.toks) {
		return false
	}
	w := st.tokText(j)
	if personAfterDeng[w] || st.t.cues[w] || st.t.titles[w] {
		return false
	}
	p := st.toks[j].pos
	return p == "n" || p == "nz" || p == "vn" || p == "ns" || p == "nt" || p == "ng" || p == "l" || p == "j" || p == "b"
}

// shortOnly says whether every item of a list is two characters and none is
// a person with evidence already: two-character items are as often the
// short names of places (许港, 郑焦) as people's names.
func (st *sentence) shortOnly(items [][2]int) bool {
	for _, it := range items {
		if it[1]-it[0] != 2 {
			return false
		}
	}
	for _, it := range items {
		for _, c := range st.cands {
			if c.typ == PER && c.strong && c.s == it[0] && c.e == it[1] {
				return false
			}
		}
	}
	return true
}

// prevListMark says whether the item before the 、 at p follows another
// 、 (p is not the run's first mark).
func (st *sentence) prevListMark(p int) bool {
	s := st.itemBefore(p)
	return s > 0 && st.rs[s-1] == '、'
}

// itemBefore is the start of the name that ends at the 、 at p: three
// characters when they make a name, else two; -1 when neither does.
func (st *sentence) itemBefore(p int) int {
	for _, L := range []int{3, 2} {
		if s := p - L; s >= 0 && st.listName(s, p) {
			return s
		}
	}
	return -1
}

// itemAfter is the end of the name that starts at s and that a 、 or the
// end of the list follows: two or three characters; -1 when none.
func (st *sentence) itemAfter(s int) int {
	for _, L := range []int{2, 3} {
		e := s + L
		if e > len(st.rs) {
			break
		}
		if (e == len(st.rs) || strings.ContainsRune(listCloses, st.rs[e])) && st.listName(s, e) {
			return e
		}
	}
	return -1
}

// listName says whether [s, e) may be a person's name in a list: at token
// boundaries, all Han, a family name first (the list is evidence enough for
// one that is also a common character: 简, 连), no place or
// body the tables know, no dictionary word but a name, and no character of
// grammar after the family name.
func (st *sentence) listName(s, e int) bool {
	if st.startTok[s] < 0 || st.endTok[e] < 0 || !hanRun(st.rs[s:e]) || st.isBlocked(s, e) {
		return false
	}
	r := st.rs[s]
	if !st.t.sur1.has(r) || st.t.surnameScore(r) <= -4.5 {
		return false
	}
	if _, ok := st.lookup(st.text(s, e)); ok {
		return false
	}
	if pos, dict := st.dictWord(s, e); dict && !namePOS[pos] {
		return false
	}
	for _, g := range st.rs[s+1 : e] {
		if strings.ContainsRune(listGrammar, g) {
			return false
		}
	}
	// no token that is a word of its own runs over the item's edge or is
	// a place or common word inside it (张家口 is a place, 黄|山 is not
	// caught here but by the lookup)
	for j := st.startTok[s]; j >= 0 && j < len(st.toks) && st.toks[j].s < e; j++ {
		if tk := st.toks[j]; tk.e-tk.s >= 2 && tk.s > s && (commonPOS[tk.pos] && tk.pos != "a" && tk.pos != "n" && tk.pos != "ns" && tk.pos != "nr") {
			return false
		}
	}
	return true
}

// namedItem says whether an item of a list is a name by other evidence: a
// person candidate already, or one token tagged as a name.
func (st *sentence) namedItem(it [2]int) bool {
	for _, c := range st.cands {
		if c.typ == PER && c.s == it[0] && c.e == it[1] {
			return true
		}
	}
	pos, dict := st.dictWord(it[0], it[1])
	return dict && namePOS[pos]
}
