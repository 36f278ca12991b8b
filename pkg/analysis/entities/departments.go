package entities

import (
	"strings"
	"unicode/utf8"
)

// deptLeads are the words a government department's name starts with in
// policy text: a level of government or its Party committee (省|工业|和|
// 信息化|厅, 市委|军民|融合|办).
var deptLeads = map[string]bool{"省": true, "市": true, "县": true, "区": true, "州": true, "自治区": true,
	"省委": true, "市委": true, "县委": true, "区委": true, "州委": true}

// deptTails are the endings of a department's name, as the last runes of
// its last word: 厅, 局, 委, 办 (and 委员会, 办公室, 管委 …, which end in
// them), 部, 署, 馆, 院, 处, 司.
var deptTails = map[rune]bool{'厅': true, '局': true, '委': true, '办': true, '部': true, '署': true, '馆': true,
	'院': true, '处': true, '司': true}

// deptBefore are the words a department's name may follow besides
// punctuation: coordination and the verbs that introduce a responsible
// body (由|省财政厅, 会同|市公安局).
var deptBefore = map[string]bool{"和": true, "与": true, "及": true, "由": true, "会同": true, "联合": true, "经": true}

// deptAfter are the words a department's name may be followed by besides
// punctuation: coordination and the roles of the bodies a policy names as
// responsible (省大数据局|牵头, 省财政厅|配合, …|按|职责|分工|负责).
var deptAfter = map[string]bool{"和": true, "与": true, "及": true, "牵头": true, "配合": true, "负责": true,
	"按": true, "会同": true, "联合": true, "等": true, "共同": true, "分别": true, "按照": true, "指导": true,
	"组织": true, "统筹": true, "具体": true, "参与": true}

// departments adds the names of government departments written as a
// level of government, a field and a department's ending, standing whole
// between punctuation (or the words of coordination and responsibility):
// 省工业和信息化厅, 省大数据局, 市交通运输局. The field may hold 和 or 与
// (工业和信息化, 住房和城乡建设); the segmenter cuts such names into common
// words, so the other rules, which need a proper part, miss them. A name
// that does not stand whole (各市|工业和信息化局, 省财政厅|厅长, 省|教育|部门)
// is not taken.
func (st *sentence) departments() {
	if st.d.x.genre != Policy {
		return
	}
	for j := range st.toks {
		tk := st.toks[j]
		lead := deptLeads[st.tokText(j)]
		// a word that starts with a level (省公安厅, 市民|营|经济局 as the
		// segmenter cut it) leads too
		if !lead && (tk.e-tk.s < 2 || !strings.ContainsRune("省市县", st.rs[tk.s])) || !st.deptBoundaryBefore(j) {
			continue
		}
		end := -1
		if !lead && tk.e-tk.s >= 3 && deptTails[st.rs[tk.e-1]] && hanOnly(st.tokText(j)) && st.deptBoundaryAfter(j) {
			end = tk.e // one word: 省公安厅
		} else {
			end = st.deptEnd(j)
		}
		if end < 0 {
			continue
		}
		s := st.toks[j].s
		st.add(s, end, ORG, float64(end-s)*10+9)
	}
}

// deptEnd is the end of the department's name that starts with token j,
// or -1.
func (st *sentence) deptEnd(j int) int {
	for k := j + 1; k < len(st.toks) && k <= j+8; k++ {
		tk := st.toks[k]
		if tk.s != st.toks[k-1].e || tk.e-st.toks[j].s > 16 {
			return -1
		}
		w := st.tokText(k)
		if w == "和" || w == "与" {
			if k == j+1 {
				return -1
			}
			continue
		}
		if !hanOnly(w) || orgStop[w] || actionWords[w] || stopPOS[tk.pos] || st.blocked[tk.s] || st.t.titles[w] || st.t.cues[w] {
			return -1
		}
		last := st.rs[tk.e-1]
		if !deptTails[last] {
			continue
		}
		if tk.e-tk.s >= 2 && notOrgEnding[st.text(tk.e-2, tk.e)] {
			return -1 // 省|总体|布局
		}
		if k == j+1 && utf8.RuneCountInString(w) == 1 {
			return -1 // 省|委: the committee, which the other rules name
		}
		if st.deptBoundaryAfter(k) {
			return tk.e
		}
		return -1
	}
	return -1
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
	return p.pos == "w" || !hanOrAlnum(w) || deptBefore[w]
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
	return n.pos == "w" || !hanOrAlnum(w) || deptAfter[w]
}

// cutFromWord says whether an organisation [s, e) of the sentence is cut
// out of a longer word, by the document's own segmentation: its first rune
// and the one-rune token before it make a word the document writes as (or
// inside) one token elsewhere (算|力中心 of 算力), or its last rune and the
// one-rune token after it do (工信部|门 of 部门: X部门 are the departments
// of X, not the ministry X部). A title after the name (部长, 局长) is no
// such word: 外交部|长 is the ministry's head.
func (st *sentence) cutFromWord(s, e int) bool {
	if s > 0 && isHan(st.rs[s-1]) && st.oneRuneTok(s-1) && st.d.isWordPair(st.rs[s-1], st.rs[s]) {
		return true
	}
	if e < len(st.rs) && isHan(st.rs[e]) && st.oneRuneTok(e) && st.d.isWordPair(st.rs[e-1], st.rs[e]) &&
		!st.t.titles[string([]rune{st.rs[e-1], st.rs[e]})] {
		return true
	}
	return false
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
