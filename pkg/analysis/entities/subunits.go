package entities

import "strings"

// unitRoles are the words of responsibility that may close a piece of a
// list of responsible units (基教处负责, 市财政局配合).
var unitRoles = []string{"具体负责", "按职责分工负责", "分别负责", "负责", "牵头", "配合", "参与", "等"}

// bodyEndings are the endings of the pieces of a list of responsible units
// that name a body or one of its offices.
var bodyEndings = []string{"局", "厅", "委", "办", "部", "署", "政府", "会", "院", "处", "中心", "科", "室", "所", "站", "馆", "司"}

// subEndings are the endings of the offices of a body: its 处, 科, 室,
// 所, 站, 中心 and 院.
var subEndings = []string{"处", "科", "室", "中心", "院", "所", "站"}

// subUnits adds the offices of a body named alone in a bracket that lists
// the units responsible for a task (（责任单位：高教处、教科院）, 市教育局
// （基教处）): a bracket whose every piece names a body, an office or a kind
// of them (各区市), in a document that has named a government body before
// or in the same bracket. An office is a short name (3–8 runes) that ends
// with an office's ending and is no single word of the dictionary (办公室,
// 研究院: a kind of office, not one).
func (st *sentence) subUnits() {
	if st.d.x.genre != Policy {
		return
	}
	for i := 0; i < len(st.rs); i++ {
		if st.rs[i] != '（' && st.rs[i] != '(' {
			continue
		}
		k := i + 1
		for k < len(st.rs) && k-i <= 80 && st.rs[k] != '）' && st.rs[k] != ')' && st.rs[k] != '（' && st.rs[k] != '\n' {
			k++
		}
		if k >= len(st.rs) || st.rs[k] != '）' && st.rs[k] != ')' {
			continue
		}
		st.unitList(i+1, k)
		i = k
	}
}

// unitList reads the bracket's content [s, e) as a list of responsible
// units and adds its offices.
func (st *sentence) unitList(s, e int) {
	for c := s; c < e; c++ {
		if st.rs[c] == '：' || st.rs[c] == ':' {
			lead := string(st.rs[s:c])
			if !strings.HasSuffix(lead, "单位") && !strings.HasSuffix(lead, "部门") {
				return // a bracket of another kind (注：…)
			}
			s = c + 1
			break
		}
	}
	type piece struct{ s, e int }
	var subs []piece
	body := st.d.bureaus
	p := s
	for c := s; c <= e; c++ {
		if c < e && !strings.ContainsRune("、，,；;", st.rs[c]) {
			continue
		}
		ps, pe := p, c
		p = c + 1
		for _, r := range unitRoles {
			if pe-ps > len([]rune(r)) && string(st.rs[pe-len([]rune(r)):pe]) == r {
				pe -= len([]rune(r))
				break
			}
		}
		n := pe - ps
		if n < 2 || n > 16 {
			return
		}
		for q := ps; q < pe; q++ {
			if !isHan(st.rs[q]) {
				return
			}
		}
		w := string(st.rs[ps:pe])
		if st.rs[ps] == '各' {
			continue // 各区市: a kind, which may stand in the list
		}
		ending := false
		for _, x := range bodyEndings {
			if strings.HasSuffix(w, x) {
				ending = true
				break
			}
		}
		if !ending {
			return // not a list of units
		}
		if strings.ContainsRune("局厅委", st.rs[pe-1]) || strings.HasSuffix(w, "政府") || strings.ContainsRune("省市县区", st.rs[ps]) && n >= 4 {
			body = true
		}
		if n < 3 || n > 8 || strings.ContainsRune("省市县区", st.rs[ps]) || strings.HasPrefix(w, "有关") || strings.HasPrefix(w, "相关") {
			continue // the departments rule reads a level's bodies
		}
		for _, x := range subEndings {
			if strings.HasSuffix(w, x) {
				subs = append(subs, piece{ps, pe})
				break
			}
		}
	}
	if !body {
		return
	}
	for _, u := range subs {
		if j := st.startTok[u.s]; j >= 0 && st.toks[j].e == u.e && st.toks[j].pos != "nt" && st.toks[j].pos != "nz" {
			continue // one word of the dictionary: a kind of office
		}
		if st.startTok[u.s] < 0 || st.endTok[u.e] < 0 {
			continue // not on the segmentation's boundaries
		}
		st.add(u.s, u.e, ORG, float64(u.e-u.s)*10+9)
	}
}
