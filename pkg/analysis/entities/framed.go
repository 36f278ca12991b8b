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
		if e > len(st.rs) || tk.e-tk.s > 2 || st.endTok[e] < 0 || st.startTok[e-1] < 0 || !hanRun(st.rs[s:e]) {
			continue
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
