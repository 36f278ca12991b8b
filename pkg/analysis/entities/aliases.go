package entities

// aliasOpeners are what may stand between the bracket after a body's full
// name and its short form: 国家标准化管理委员会（以下简称“国家标准委”）.
var aliasOpeners = [][]rune{[]rune("以下简称"), []rune("以下称"), []rune("下称"), []rune("简称")}

// orgEndRunes are the last runes of the names of bodies and of their
// short forms (委员会 and 标委, 研究院 and 信通院, 联盟).
const orgEndRunes = "委会部局院所心司处厅办盟室站队团行署校馆社"

// scanAliases finds the short forms a document gives its bodies in
// brackets right after the full name: a run of Han runes that ends like a
// body's name and whose runes all stand (the first two in order) in the forty runes
// before the bracket (国家标准化管理委员会（国家标准委）, …分技术委员会（以下简称
// “…分标委”）). The short form names the body wherever the document uses it.
func scanAliases(rs []rune) [][]rune {
	var out [][]rune
	for i, r := range rs {
		if r != '（' && r != '(' || i == 0 || !containsRune(orgEndRunes, rs[i-1]) {
			continue
		}
		j := i + 1
		for _, p := range aliasOpeners {
			if hasRunePrefix(rs[j:], p) {
				j += len(p)
				break
			}
		}
		if j < len(rs) && (rs[j] == '“' || rs[j] == '"' || rs[j] == '「') {
			j++
		}
		k := j
		for k < len(rs) && k-j < 12 && isHan(rs[k]) {
			k++
		}
		m := k
		if m < len(rs) && (rs[m] == '”' || rs[m] == '"' || rs[m] == '」') {
			m++
		}
		if m >= len(rs) || rs[m] != '）' && rs[m] != ')' || k-j < 2 || !containsRune(orgEndRunes, rs[k-1]) {
			continue
		}
		x := rs[j:k]
		if !subsequence(x, rs[max(0, i-40):i]) {
			continue
		}
		dup := false
		for _, a := range out {
			if string(a) == string(x) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, x)
		}
	}
	return out
}

// aliasOrganisations adds the short forms of scanAliases wherever the
// sentence writes them on word boundaries.
func (st *sentence) aliasOrganisations() {
	for _, a := range st.d.aliases {
		for s := 0; s+len(a) <= len(st.rs); s++ {
			if st.rs[s] != a[0] || string(st.rs[s:s+len(a)]) != string(a) {
				continue
			}
			e := s + len(a)
			if st.startTok[s] < 0 || st.endTok[e] < 0 {
				continue
			}
			st.add(s, e, ORG, float64(e-s)*10+9)
		}
	}
}

func containsRune(set string, r rune) bool {
	for _, c := range set {
		if c == r {
			return true
		}
	}
	return false
}

func hasRunePrefix(rs, p []rune) bool {
	if len(rs) < len(p) {
		return false
	}
	for i := range p {
		if rs[i] != p[i] {
			return false
		}
	}
	return true
}

// subsequence says whether the runes of x all stand in w, the first two in
// order (…标准化技术委员会…分技术委员会 gives …分标委), x not being w's tail
// as a whole (a short form is shorter than the name).
func subsequence(x, w []rune) bool {
	if len(w) >= len(x) && string(w[len(w)-len(x):]) == string(x) {
		return false
	}
	first := -1
	for i, r := range w {
		if r == x[0] {
			first = i
			break
		}
	}
	if first < 0 || !containsRune(string(w[first+1:]), x[1]) {
		return false
	}
	for _, r := range x[2:] {
		if !containsRune(string(w), r) {
			return false
		}
	}
	return true
}
