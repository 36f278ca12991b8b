package entities

// Titles. A post (省长, 副总理, 总书记, 院士) is found at the end of a token or
// over a few tokens (助|卿), with the body written before it as the title's
// organisation: a body or place the sentence names (河北省人民政府|省长,
// 国务院|副总理, 美国|总统, 美国在台协会（AIT）|副处长), or an organ inside the
// token (市委|书记, 文化部|长). The title goes to the person right after it
// (省长刘小涛, 省长　王正谱 with the space of header lines) or, when that
// person has none, right before it (习近平总书记, 李玉院士, 贝尔德（Bastiaan
// BELDER）议员).

// postModifiers stand before a post and belong to it: 副|省长, 代|省长.
var postModifiers = map[string]bool{"副": true, "常务": true, "常务副": true, "代": true, "驻华": true, "原": true,
	"前": true, "名誉": true, "执行": true, "第一": true, "代理": true}

// ministerPosts are the posts whose first character ends the name of the
// body in words like 文化部长, 公安局长 (文化部 + 部长).
var ministerPosts = map[string]bool{"部长": true, "局长": true, "厅长": true, "署长": true, "司长": true, "处长": true}

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

// post is a title found in a sentence: the body [os, oe) and the post
// [ps, pe); os == oe when the text gives no body. oe may pass ps by one
// rune when the body's last character is the post's first (文化部|长).
type post struct{ os, oe, ps, pe int }

// titleInToken finds a post at the end of token j, with the body written
// inside the token (市委书记 gives 市委 and 书记, 文化部长 gives 文化部 and
// 部长).
func (st *sentence) titleInToken(j int) (post, bool) {
	tk := st.toks[j]
	ps := -1
	st.t.titleRev.matchBack(st.rs, tk.s, tk.e, func(s int) bool { ps = s; return true }) // the longest
	if ps < 0 || tk.e-ps < 2 {
		return post{}, false
	}
	t := st.text(ps, tk.e)
	switch {
	case ps == tk.s:
		return post{tk.s, tk.s, tk.s, tk.e}, true
	case postModifiers[st.text(tk.s, ps)]:
		return post{tk.s, tk.s, tk.s, tk.e}, true
	case st.organ(st.text(tk.s, ps)):
		return post{tk.s, ps, ps, tk.e}, true
	case ministerPosts[t] && ps-tk.s >= 2 && hanOnly(st.text(tk.s, ps)):
		return post{tk.s, ps + 1, ps, tk.e}, true
	}
	return post{}, false
}

// titleOverTokens finds a post written over several tokens from token j
// (助|卿, 国务|卿): the longest title that starts at the token and ends at a
// token end.
func (st *sentence) titleOverTokens(j int) (post, bool) {
	s := st.toks[j].s
	for L := min(len(st.rs)-s, st.t.maxTitle); L >= 2; L-- {
		e := s + L
		if st.endTok[e] < 0 || st.endTok[e] == j || !st.t.titles[st.text(s, e)] {
			continue
		}
		return post{s, s, s, e}, true
	}
	return post{}, false
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
	for j := 0; j < len(st.toks); j++ {
		tk := st.toks[j]
		if st.blocked[tk.s] {
			continue
		}
		p, ok := st.titleInToken(j)
		if !ok {
			if p, ok = st.titleOverTokens(j); !ok {
				if t, ok := st.titleAfterNameInToken(j, core, coreStart); ok {
					out = append(out, t)
				}
				continue
			}
		}
		p = st.extendTitle(p, core, coreEnd)
		out = append(out, span{s: p.os, e: p.pe, typ: TITLE})
		t := span{ts: p.ps, te: p.pe, os: p.os, oe: p.oe, title: st.text(p.ps, p.pe)}
		// the person after the title, then the one before it
		if i, ok := coreStart[st.afterBlanks(p.pe)]; ok && core[i].typ == PER && core[i].title == "" {
			setTitle(&core[i], t)
			st.titleOverList(core, coreStart, i, t)
		} else if i, ok := st.personBeforeWei(p.os, personEnd); ok && core[i].title == "" {
			// 以胡锦涛同志为总书记的党中央: the post he holds in it
			setTitle(&core[i], t)
		} else if i, ok := personEnd[p.os]; ok && core[i].title == "" {
			if t.os == t.oe {
				// the body may stand before the person: 欧洲议会外交委员会|贝尔德|议员
				if k, ok := coreEnd[core[i].s]; ok && core[k].typ != PER {
					t.os, t.oe = core[k].s, core[k].e
				}
			}
			setTitle(&core[i], t)
		}
		// go on after the post
		for j+1 < len(st.toks) && st.toks[j+1].s < p.pe {
			j++
		}
	}
	return out
}

// personBeforeWei finds the person written right before 为 (or 同志为) that
// ends at os, a post following: 以胡锦涛同志为总书记的党中央.
func (st *sentence) personBeforeWei(os int, personEnd map[int]int) (int, bool) {
	if os < 2 || st.rs[os-1] != '为' {
		return 0, false
	}
	e := os - 1
	if e >= 2 && st.rs[e-2] == '同' && st.rs[e-1] == '志' {
		e -= 2
	}
	i, ok := personEnd[e]
	return i, ok && e < os-1
}

// titleOverList gives the title t of person i to the people written right
// after it one by one with 、 and nothing else between them (美国总统艾森豪威尔、
// 肯尼迪、约翰逊): a post before the first name of such a list is the post of
// each. A name with a post of its own before it (省长张三、副省长李四) stops
// the list.
func (st *sentence) titleOverList(core []span, coreStart map[int]int, i int, t span) {
	for {
		e := core[i].e
		if e+1 >= len(st.rs) || st.rs[e] != '、' {
			return
		}
		k, ok := coreStart[e+1]
		if !ok || core[k].typ != PER || core[k].title != "" || core[k].e-core[k].s < 2 {
			return
		}
		setTitle(&core[k], t)
		i = k
	}
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

// beforeGloss is s moved back over a gloss in Latin letters in brackets
// that ends right before it (美国在台协会（AIT）|副处长), or s.
func (st *sentence) beforeGloss(s int) int {
	if s == 0 || st.rs[s-1] != '）' && st.rs[s-1] != ')' {
		return s
	}
	for i := s - 2; i >= 0 && i >= s-60; i-- {
		if st.rs[i] == '（' || st.rs[i] == '(' {
			if st.afterGloss(i) == s {
				return i
			}
			return s
		}
	}
	return s
}

// extendTitle moves the start of the post over the modifiers before it
// (副|总理) and the start of the body over the organs before it: a core
// place or organisation ending there, maybe before a gloss in Latin letters
// (河北省人民政府|省长, 美国|总统, 美国在台协会（AIT）|副处长) or words like
// 国家, 省.
func (st *sentence) extendTitle(p post, core []span, coreEnd map[int]int) post {
	if p.os == p.ps {
		// modifiers
		for j := st.endTok[p.ps]; j >= 0 && postModifiers[st.tokText(j)]; j = st.endTok[p.ps] {
			p.ps = st.toks[j].s
			p.os, p.oe = p.ps, p.ps
		}
		if g := st.beforeGloss(p.os); g < p.os {
			if i, ok := coreEnd[g]; ok && core[i].typ != PER {
				p.os, p.oe = core[i].s, core[i].e
				return p
			}
		}
	}
	for j := st.endTok[p.os]; j >= 0; j = st.endTok[p.os] {
		if i, ok := coreEnd[p.os]; ok && core[i].typ != PER && core[i].s <= st.toks[j].s {
			p.os = core[i].s
			p.oe = max(p.oe, p.ps)
			return p
		}
		if !st.organ(st.tokText(j)) {
			break
		}
		p.os = st.toks[j].s
		p.oe = max(p.oe, p.ps)
	}
	return p
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
	t := span{ts: core[i].e, te: tk.e, os: core[i].e, oe: core[i].e, title: rest}
	// the body or country may stand before the person: 美国|布希总统
	for k := range core {
		if core[k].e == core[i].s && core[k].typ != PER && core[k].typ != TITLE {
			t.os, t.oe = core[k].s, core[k].e
			break
		}
	}
	setTitle(&core[i], t)
	return span{s: core[i].e, e: tk.e, typ: TITLE}, true
}
