package entities

import "strings"

// deptLeads are the words a government department's name starts with in
// policy text: a level of government or its Party committee (省|工业|和|
// 信息化|厅, 市委|军民|融合|办).
var deptLeads = map[string]bool{"国家": true, "全国": true, "省": true, "市": true, "县": true, "区": true, "州": true, "自治区": true,
	"省委": true, "市委": true, "县委": true, "区委": true, "州委": true}

// deptTails are the endings of a department's name, as the last runes of
// its last word: 厅, 局, 委, 办 (and 委员会, 办公室, 管委 …, which end in
// them), 部, 署, 馆, 院, 处, 司.
var deptTails = map[rune]bool{'厅': true, '局': true, '委': true, '办': true, '部': true, '署': true, '馆': true,
	'院': true, '处': true, '司': true}

// deptBefore are the words a department's name may follow besides
// punctuation: coordination and the verbs that introduce a responsible
// body or send something to it (由|省财政厅, 会同|市公安局, 经|市…局|报|省…厅).
var deptBefore = map[string]bool{"和": true, "与": true, "及": true, "由": true, "会同": true, "联合": true, "经": true,
	"报": true, "向": true, "送": true, "至": true, "交": true, "报送": true, "上报": true, "报请": true, "提交": true, "商": true}

// deptAfter are the words a department's name may be followed by besides
// punctuation: coordination and the roles of the bodies a policy names as
// responsible (省大数据局|牵头, 省财政厅|配合, …|按|职责|分工|负责).
var deptAfter = map[string]bool{"和": true, "与": true, "及": true, "牵头": true, "配合": true, "负责": true,
	"按": true, "会同": true, "联合": true, "等": true, "共同": true, "分别": true, "按照": true, "指导": true,
	"组织": true, "统筹": true, "具体": true, "参与": true, "报": true, "向": true, "送": true, "至": true, "交": true}

// departments adds the names of government departments and of the
// offices of a body, written as a lead, a field and a department's ending,
// standing whole between punctuation (or the words of coordination and
// responsibility). The lead is a level of government (省工业和信息化厅,
// 省大数据局, 全国…标准化技术委员会), a place of a level (江苏省|发展和改革
// 委员会) or a body already found (科学技术部|资源配置与管理司, 国家卫健委|
// 医政司: the body's office, which ends in an office's ending). The field
// may hold 和 or 与 (工业和信息化, 资源配置与管理); the segmenter cuts such
// names into common words, so the other rules, which need a proper part,
// miss them. A name that does not stand whole (各市|工业和信息化局, 省财政厅|
// 厅长, 省|教育|部门) is not taken.
func (st *sentence) departments() {
	if st.d.x.genre != Policy {
		return
	}
	// bodies already found lead their offices
	n := len(st.cands)
	for i := 0; i < n; i++ {
		c := st.cands[i]
		if c.typ != ORG || c.e >= len(st.rs) {
			continue
		}
		k := st.startTok[c.e]
		if k < 0 {
			continue
		}
		if end := st.deptEnd(k-1, true); end > c.e && !st.schoolEnd(end) {
			st.add(c.s, end, ORG, float64(end-c.s)*10+9)
		}
	}
	for j := range st.toks {
		tk := st.toks[j]
		w := st.tokText(j)
		lead := deptLeads[w]
		place := !lead && st.levelPlace(j)
		// a word that starts with a level (省公安厅, 市民|营|经济局 as the
		// segmenter cut it) leads too
		if !lead && !place && (tk.e-tk.s < 2 || !strings.ContainsRune("省市县", st.rs[tk.s]) || st.t.kinds[w] ||
			strings.ContainsRune("外内级直属", st.rs[tk.s+1])) || !st.deptBoundaryBefore(j) {
			continue // 省级, 省外, 市直: a kind or a side, not a level
		}
		end := -1
		if !lead && !place && tk.e-tk.s >= 3 && st.deptTail(j, false) && hanOnly(w) && st.deptBoundaryAfter(j) {
			end = tk.e // one word: 省公安厅
		} else {
			end = st.deptEnd(j, place || w == "国家")
		}
		if end < 0 || (w == "国家" || w == "全国") && st.kindField(tk.e, end) || w == "全国" && !strings.ContainsRune("委会办", st.rs[end-1]) {
			continue // 国家|行业协会: a kind of body of the nation
		}
		s := st.toks[j].s
		if st.add(s, end, ORG, float64(end-s)*10+9) != nil && strings.ContainsRune("局厅委", st.rs[end-1]) {
			st.d.bureaus = true
		}
	}
	st.subUnits()
	st.bracketPlaces()
}

// bracketPlaces extends a body's name over the place written in brackets
// right after it, when nothing else follows (国家智能传感器创新中心（上海）、…):
// the place tells one body of a network from the others and belongs to
// its name, as it does inside one (瑞可达（泰州）电子科技有限公司).
func (st *sentence) bracketPlaces() {
	n := len(st.cands)
	for i := 0; i < n; i++ {
		c := st.cands[i]
		if c.typ != ORG || c.e+3 >= len(st.rs) || st.rs[c.e] != '（' && st.rs[c.e] != '(' {
			continue
		}
		k := c.e + 1
		for k < len(st.rs) && k-c.e <= 8 && isHan(st.rs[k]) {
			k++
		}
		if k+1 >= len(st.rs) || st.rs[k] != '）' && st.rs[k] != ')' || st.rs[k+1] == '\n' || !st.placeIn(c.e+1, k) && !st.directionIn(c.e+1, k) {
			continue // at a line's end the name may go on on the next line
		}
		if k+1 < len(st.rs) && isHan(st.rs[k+1]) {
			if j := st.startTok[k+1]; j < 0 || !deptAfter[st.tokText(j)] && st.toks[j].pos != "v" && st.toks[j].pos != "vn" {
				continue // 瑞可达（泰州）电子…: the name goes on, which other rules read
			}
		}
		st.add(c.s, k+1, ORG, float64(k+1-c.s)*10+9)
	}
}

// directionIn says whether the runes [s, e) in brackets are a quarter of
// the country written as a direction (北方, 南方, 西部): one node of a
// network of bodies, named as a place is (…大数据中心（北方）).
func (st *sentence) directionIn(s, e int) bool {
	if e-s != 2 {
		return false
	}
	for _, r := range st.rs[s:e] {
		if !strings.ContainsRune("东南西北中", r) && r != '方' && r != '部' {
			return false
		}
	}
	return strings.ContainsRune("东南西北中", st.rs[s])
}

// kindField says whether the runes [s, e) are an ending after words that
// make kinds of bodies only (行业|协会, 重点|实验室).
func (st *sentence) kindField(s, e int) bool {
	rs := st.rs[s:e]
	for L := min(len(rs), st.t.maxSuffix); L >= 1; L-- {
		if st.t.suffixes[string(rs[len(rs)-L:])] {
			return len(rs) == L || st.kindsOnly(rs[:len(rs)-L])
		}
	}
	return false
}

// levelPlace says whether token j names a place of a level of government
// (江苏省, 青岛市, 崂山区): a place the lists or the dictionary know, with
// its level's ending.
func (st *sentence) levelPlace(j int) bool {
	tk := st.toks[j]
	if tk.e-tk.s < 3 || !strings.ContainsRune("省市县区州", st.rs[tk.e-1]) {
		return false
	}
	if tk.pos == "ns" {
		return true
	}
	g, ok := st.lookup(st.tokText(j))
	return ok && g.Type == LOC
}

// deptTail says whether token k ends with a department's ending: 厅, 局,
// 委, 办, 部, 署, 馆, 院, 处, 司, or 委员会, the names of associations, a
// leading group and its special committee (领导小组, 专委会);
// with wide (after a body or a place), 中心 and 办公室 too.
func (st *sentence) deptTail(k int, wide bool) bool {
	tk := st.toks[k]
	last := st.rs[tk.e-1]
	if deptTails[last] {
		return true
	}
	w := st.tokText(k)
	for _, x := range []string{"委员会", "管委会", "协会", "学会", "联合会", "商会", "促会", "学校", "中学", "小学", "大学", "幼儿园", "领导小组", "专委会"} {
		if strings.HasSuffix(w, x) {
			return true
		}
	}
	return wide && (strings.HasSuffix(w, "中心") || strings.HasSuffix(w, "办公室"))
}

// subTail says whether token k ends with the ending of a sub-unit of a
// body (its 科, 室, 所, 站; 处 and 中心 are deptTail's): admitted after the
// body's own ending (市教育局|人事|科, 市教育局|办公室).
func (st *sentence) subTail(k int) bool {
	tk := st.toks[k]
	return tk.e-tk.s >= 2 && strings.ContainsRune("科室所站", st.rs[tk.e-1])
}

// bodyEnding says whether token k ends with the ending of a body of
// government whose offices may follow its name (局, 厅, 委, 办, 委员会 and
// 领导小组: …领导小组|车联网产业发展|专委会, …领导小组|办公室).
func (st *sentence) bodyEnding(k int) bool {
	tk := st.toks[k]
	return strings.ContainsRune("局厅委", st.rs[tk.e-1]) || strings.HasSuffix(st.tokText(k), "委员会") || strings.HasSuffix(st.tokText(k), "领导小组")
}

// deptEnd is the end of the department's name whose lead ends with token
// j (the field starts at token j+1), or -1: the last department's ending
// that a boundary follows (全国…技术委员会|人工智能|分技术委员会 runs on over
// the first ending). wide admits the endings of offices (中心).
func (st *sentence) deptEnd(j int, wide bool) int {
	s := st.toks[max(j, 0)].s
	if j < 0 {
		return -1
	}
	sub := false
	for k := j + 1; k < len(st.toks) && k <= j+12; k++ {
		tk := st.toks[k]
		if tk.s != st.toks[k-1].e || tk.e-s > 32 {
			return -1
		}
		w := st.tokText(k)
		if w == "和" || w == "与" {
			if k == j+1 {
				return -1
			}
			continue
		}
		ordinal := tk.pos == "m" && st.rs[tk.s] == '第' && tk.e-tk.s >= 2 && hanOnly(w)                                         // 市|第一|人民医院
		misTagged := tk.pos == "d" && tk.e-tk.s >= 2 && k+1 < len(st.toks) && st.toks[k+1].s == tk.e && st.deptTail(k+1, wide) // 规划和|自然/d|资源委
		if !hanOnly(w) || orgStop[w] || st.rs[tk.s] == '各' || actionWords[w] || stopPOS[tk.pos] && !ordinal && !misTagged || st.blocked[tk.s] || st.t.titles[w] || st.t.cues[w] ||
			deptAfter[w] && w != "和" && w != "与" && w != "及" || w == "由" || tk.pos == "v" && !st.verbInField(k, wide) ||
			strings.HasSuffix(w, "部门") || w == "所有" || tk.pos == "b" && strings.HasSuffix(w, "级") {
			return -1 // a verb (报; one right before the ending, 创新|中心, is the field's), a role (会同), a kind of department (主管部门), all or a level of kinds (所有, 县级) ends the phrase
		}
		if tk.e-tk.s == 1 && k > j+1 && st.deptTail(k-1, wide) && !deptTails[st.rs[tk.s]] && st.rs[tk.s] != '分' && st.rs[tk.s] != '总' &&
			!st.boundRune(k) {
			return -1 // 市…局|报|省…厅: one rune after an ending is the sentence's, not the name's (unless it is a bound rune that starts a word the segmenter cut: 领导小组|车|联网…)
		}
		if !st.deptTail(k, wide) && !(sub && st.subTail(k)) {
			continue
		}
		if tk.e-tk.s >= 2 && notOrgEnding[st.text(tk.e-2, tk.e)] {
			return -1 // 省|总体|布局
		}
		if k == j+1 && tk.e-tk.s+st.leadSpill(j) < 3 {
			return -1 // 省|委, 全国|法院: the committee, which the other rules name, or a kind
		}
		if st.deptBoundaryAfter(k) {
			return tk.e
		}
		if st.schoolEnd(tk.e) {
			return -1 // a school's name ends at its ending (…大学|建设|…大学)
		}
		if st.bodyEnding(k) {
			wide, sub = true, true // the body's offices may follow (市教育局|办公室, …|装备|信息|中心)
		}
	}
	return -1
}

// leadSpill is the number of runes of the field that the segmenter put in
// the lead's token j: 1 for a word of two runes that starts with a level
// and is no lead itself (市民|政局: 市 + 民政局), else 0.
func (st *sentence) leadSpill(j int) int {
	tk := st.toks[j]
	if tk.e-tk.s != 2 || !strings.ContainsRune("省市县", st.rs[tk.s]) || deptLeads[st.tokText(j)] {
		return 0
	}
	return 1
}

// boundRune says whether the one-rune token k is a bound morpheme (zg)
// that a noun, no level nor department, follows with no break: the first
// rune of a word the segmenter cut (车|联网), not a verb between two bodies
// (市公安局|报|省公安厅).
func (st *sentence) boundRune(k int) bool {
	if st.toks[k].pos != "zg" || k+1 >= len(st.toks) || st.toks[k+1].s != st.toks[k].e {
		return false
	}
	n := st.toks[k+1]
	w := st.tokText(k + 1)
	if !hanOnly(w) || deptLeads[w] || strings.ContainsRune("省市县区", st.rs[n.s]) {
		return false
	}
	switch n.pos {
	case "n", "nz", "vn":
		return true
	}
	return false
}

// verbInField says whether the verb token k may stand inside a
// department's field: one rune among one-rune words the segmenter cut
// (市|投|促|局), or a word right before a bare ending that ends the phrase
// (国家…|创新|中心). Else it is the sentence's verb (中心|获|国家发展改革委,
// 行政院|要求|教育部).
func (st *sentence) verbInField(k int, wide bool) bool {
	tk := st.toks[k]
	if tk.e-tk.s == 1 {
		// 分 and 总 give the rank of a body (人工智能|分|技术委员会)
		return deptTails[st.rs[tk.s]] || st.rs[tk.s] == '分' || st.rs[tk.s] == '总' ||
			k > 0 && st.toks[k-1].e-st.toks[k-1].s == 1 && !deptTails[st.rs[st.toks[k-1].s]] // not 局|报
	}
	return k+1 < len(st.toks) && st.t.suffixes[st.tokText(k+1)] && st.deptTail(k+1, wide) && st.deptBoundaryAfter(k+1)
}

// deptBoundaryBefore says whether token j starts a phrase: the start of
// the sentence, punctuation, or a word of coordination before it.
func (st *sentence) deptBoundaryBefore(j int) bool {
	if j == 0 {
		return true
	}
	p := st.toks[j-1]
	if p.e != st.toks[j].s {
		return true
	}
	w := st.tokText(j - 1)
	return p.pos == "w" || !hanOrAlnum(w) || deptBefore[w] || actionWords[w] || buildVerbs[w]
}

// deptBoundaryAfter says whether token k ends a phrase: the end of the
// sentence, punctuation, or a word of coordination or responsibility after
// it.
func (st *sentence) deptBoundaryAfter(k int) bool {
	if k+1 >= len(st.toks) {
		return true
	}
	n := st.toks[k+1]
	if n.s != st.toks[k].e {
		return true
	}
	w := st.tokText(k + 1)
	return n.pos == "w" || !hanOrAlnum(w) || deptAfter[w] || st.t.titles[w] || n.pos == "v" && n.e-n.s >= 2 ||
		strings.HasPrefix(w, "联系") // 市教育局人事处|联系电话
}

// cutFromWord says whether an organisation [s, e) of the sentence is cut
// out of a longer word, by the document's own segmentation: its first rune
// and the one-rune token before it make a word the document writes as (or
// inside) one token elsewhere (算|力中心 of 算力), or its last rune and the
// one-rune token after it do (工信部|门 of 部门: X部门 are the departments
// of X, not the ministry X部). A title after the name (部长, 局长) is no
// such word: 外交部|长 is the ministry's head.
func (st *sentence) cutFromWord(s, e int) bool {
	if st.rs[s] == '各' {
		return true // 各县市林业局: each of a kind
	}
	if j := st.startTok[s]; j >= 0 && st.toks[j].e == s+1 && strings.Contains(" v p d c u ", " "+st.toks[j].pos+" ") {
		return true // 批|国家重点实验室 of 获批: a verb's rune
	}
	if s > 0 && isHan(st.rs[s-1]) && st.oneRuneTok(s-1) && !(st.particleTok(s-1) && st.wordAt(s, true)) && st.d.isWordPair(st.rs[s-1], st.rs[s]) {
		return true
	}
	if e < len(st.rs) && isHan(st.rs[e]) && st.oneRuneTok(e) && !(st.particleTok(e) && st.wordAt(e, false)) && st.d.isWordPair(st.rs[e-1], st.rs[e]) &&
		!st.t.titles[string([]rune{st.rs[e-1], st.rs[e]})] {
		return true
	}
	return false
}

// particleTok says whether the token starting at rune i is a particle (的,
// 了, 得): grammar beside a name whose edge is a word of its own, never the
// rest of a word cut from it (原|国民党|的 党政军, though the document writes
// 党的领导 as one word; not …落实|党|的, a one-rune 党 a suffix made a name
// of).
func (st *sentence) particleTok(i int) bool {
	j := st.startTok[i]
	return j >= 0 && particlePOS[st.toks[j].pos]
}

// wordAt says whether a token of two runes or more starts at rune i (start)
// or ends at it (!start).
func (st *sentence) wordAt(i int, start bool) bool {
	j := st.startTok[i]
	if !start {
		j = st.endTok[i]
	}
	return j >= 0 && st.toks[j].e-st.toks[j].s >= 2
}

// oneRuneTok says whether rune i of the sentence is a token by itself.
func (st *sentence) oneRuneTok(i int) bool {
	j := st.startTok[i]
	return j >= 0 && st.toks[j].e == i+1
}

// isWordPair says whether the runes a, b stand next to each other inside
// one token of two Han runes or more somewhere in the document (the pairs
// are gathered on the first call).
func (d *document) isWordPair(a, b rune) bool {
	if d.pairs == nil {
		d.pairs = map[[2]rune]bool{}
		for _, tk := range d.toks {
			if tk.e-tk.s < 2 {
				continue
			}
			for i := tk.s; i+1 < tk.e; i++ {
				if isHan(d.rs[i]) && isHan(d.rs[i+1]) {
					d.pairs[[2]rune{d.rs[i], d.rs[i+1]}] = true
				}
			}
		}
	}
	return d.pairs[[2]rune{a, b}]
}

// schoolEnd says whether the runes before e end with a school's ending
// (学校, 中学, 小学, 大学, 幼儿园): a school is named by a place or a name
// before it, never as the office of a body found before (西湖大学|建设…大学).
func (st *sentence) schoolEnd(e int) bool {
	if e < 2 {
		return false
	}
	if st.rs[e-1] == '学' || st.rs[e-1] == '校' && st.rs[e-2] == '学' {
		return true
	}
	return e >= 3 && string(st.rs[e-3:e]) == "幼儿园"
}
