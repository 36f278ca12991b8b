package entities

// Titles. A post (省长, 副总理, 总书记, 院士) is found at the end of a token,
// with the body written before it as the title's organisation: a body or
// place the sentence names (河北省人民政府|省长, 国务院|副总理, 美国|总统), or
// an organ inside the token (市委|书记). The title goes to the person right
// after it (省长刘小涛, 省长　王正谱 with the space of header lines) or, when
// that person has none, right before it (习近平总书记, 李玉院士).

// postModifiers stand before a post and belong to it: 副|省长, 代|省长.
var postModifiers = map[string]bool{"副": true, "常务": true, "常务副": true, "代": true, "驻华": true, "原": true,
	"前": true, "名誉": true, "执行": true, "第一": true, "代理": true}

// organ says whether w names a body or level of government a post can
// follow (市委, 国务院, 外交部, 江苏省, 省, 国家).
func (st *sentence) organ(w string) bool {
	switch w {
	case "国家", "省", "市", "县", "区", "州", "自治区", "中央", "全国", "省委", "市委", "县委", "区委":
		return true
	}
	if g, ok := st.lookup(w); ok && (g.Type == ORG || g.Type == LOC) {
		return true
	}
	return st.t.suffixes[w] && len([]rune(w)) >= 2
}

// titleInToken finds a post at the end of token j: where the body written
// inside the token starts (os) and where the post starts (ps); os == ps
// when the token holds no body (省长; 市委书记 gives 市委 and 书记).
func (st *sentence) titleInToken(j int) (os, ps int, ok bool) {
	tk := st.toks[j]
	w := st.rs[tk.s:tk.e]
	for L := min(len(w), st.t.maxTitle); L >= 2; L-- {
		if !st.t.titles[string(w[len(w)-L:])] {
			continue
		}
		prefix := string(w[:len(w)-L])
		switch {
		case prefix == "" || postModifiers[prefix]:
			return tk.s, tk.s, true
		case st.organ(prefix):
			return tk.s, tk.e - L, true
		}
		return 0, 0, false
	}
	return 0, 0, false
}

// attachTitles finds the titles of a sentence, gives each to its person
// among the core spans (PER, ORG, LOC), and returns the TITLE spans.
func (st *sentence) attachTitles(core []span) []span {
	coreEnd := map[int]int{} // end rune → core index
	coreStart := map[int]int{}
	personEnd := map[int]int{} // a person's end, after a gloss in Latin letters
	for i, c := range core {
		coreEnd[c.e] = i
		coreStart[c.s] = i
		if c.typ == PER {
			personEnd[st.afterGloss(c.e)] = i
		}
	}
	var out []span
	for j, tk := range st.toks {
		if st.blocked[tk.s] {
			continue
		}
		os, ps, ok := st.titleInToken(j)
		if !ok {
			if t, ok := st.titleAfterNameInToken(j, core, coreStart); ok {
				out = append(out, t)
			}
			continue
		}
		os, ps = st.extendTitle(j, os, ps, core, coreEnd)
		out = append(out, span{s: os, e: tk.e, typ: TITLE})
		t := span{ts: ps, te: tk.e, os: os, oe: ps, title: st.text(ps, tk.e)}
		// the person after the title, then the one before it
		if i, ok := coreStart[st.afterBlanks(tk.e)]; ok && core[i].typ == PER && core[i].title == "" {
			setTitle(&core[i], t)
		} else if i, ok := personEnd[os]; ok && core[i].title == "" {
			if t.os == t.oe {
				// the body may stand before the person: 欧洲议会外交委员会|贝尔德|议员
				if k, ok := coreEnd[core[i].s]; ok && core[k].typ != PER {
					t.os, t.oe = core[k].s, core[k].e
				}
			}
			setTitle(&core[i], t)
		}
	}
	return out
}

func setTitle(p *span, t span) {
	p.title, p.ts, p.te, p.os, p.oe = t.title, t.ts, t.te, t.os, t.oe
}

// afterBlanks is e moved over the blanks that follow it on its line.
func (st *sentence) afterBlanks(e int) int {
	for e < len(st.rs) && isBlank(st.rs[e]) {
		e++
	}
	return e
}

// extendTitle moves the start of the post over the modifiers before it
// (副|总理) and the start of the body over the organs before it: a core
// place or organisation ending there (河北省人民政府|省长, 美国|总统) or
// words like 国家, 省.
func (st *sentence) extendTitle(j, os, ps int, core []span, coreEnd map[int]int) (int, int) {
	for k := j - 1; k >= 0 && st.toks[k].e == os; k-- {
		w := st.tokText(k)
		if os == ps && postModifiers[w] {
			os, ps = st.toks[k].s, st.toks[k].s
			continue
		}
		if i, ok := coreEnd[os]; ok && core[i].typ != PER && core[i].s <= st.toks[k].s {
			return core[i].s, ps
		}
		if st.organ(w) {
			os = st.toks[k].s
			continue
		}
		break
	}
	return os, ps
}

// titleAfterNameInToken finds a person and a post written as one token
// (习近平总书记): the person is a core span at the token's start that ends
// inside it, the rest of the token a title.
func (st *sentence) titleAfterNameInToken(j int, core []span, coreStart map[int]int) (span, bool) {
	tk := st.toks[j]
	i, ok := coreStart[tk.s]
	if !ok || core[i].typ != PER || core[i].e >= tk.e || core[i].title != "" {
		return span{}, false
	}
	rest := st.text(core[i].e, tk.e)
	if !st.t.titles[rest] {
		return span{}, false
	}
	setTitle(&core[i], span{ts: core[i].e, te: tk.e, os: core[i].e, oe: core[i].e, title: rest})
	return span{s: core[i].e, e: tk.e, typ: TITLE}, true
}
