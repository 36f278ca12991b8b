package entities

// titlesOf finds official positions, composed with the organ or place
// before them (市委 + 书记, 国务院 + 副总理), and attaches each to the person
// written right after or right before it.
func (st *sentence) titlesOf(core []span) []span {
	var out []span
	coreAt := map[int]int{} // end rune → core index
	coreFrom := map[int]int{}
	for i, c := range core {
		coreAt[c.e] = i
		coreFrom[c.s] = i
	}
	for j, tk := range st.toks {
		if st.blocked[tk.s] {
			continue
		}
		// the longest title that ends the token and starts it or follows an
		// organ inside it (市委书记 as one token)
		w := st.rs[tk.s:tk.e]
		ts := -1
		for L := min(len(w), st.t.maxTitle+2); L >= 2; L-- {
			if !st.t.titles[string(w[len(w)-L:])] {
				continue
			}
			prefix := string(w[:len(w)-L])
			if prefix == "" || st.organ(prefix) {
				ts = tk.s
			}
			break
		}
		if ts < 0 {
			continue
		}
		e := tk.e
		// 副 + title, and organs before: 国务院|副总理, 江苏省|省长
		for k := j - 1; k >= 0 && st.toks[k].e == ts; k-- {
			if i, ok := coreAt[ts]; ok && core[i].typ != PER && core[i].s <= st.toks[k].s {
				ts = core[i].s
				for k > 0 && st.toks[k].s > ts {
					k--
				}
				continue
			}
			if kw := st.tokText(k); kw == "副" || kw == "常务" || kw == "常务副" || kw == "驻华" || st.organ(kw) {
				ts = st.toks[k].s
				continue
			}
			break
		}
		title := span{s: ts, e: e, typ: TITLE}
		key := string(st.rs[ts:e])
		if i, ok := coreFrom[e]; ok && core[i].typ == PER {
			core[i].title, core[i].ts, core[i].te = key, ts, e
		} else if i, ok := coreAt[ts]; ok && core[i].typ == PER && core[i].title == "" {
			core[i].title, core[i].ts, core[i].te = key, ts, e
		}
		out = append(out, title)
	}
	return out
}

// organ says whether w names a body that a title can follow (市委, 国务院,
// 外交部, 江苏省) or is 副.
func (st *sentence) organ(w string) bool {
	switch w {
	case "副", "常务副", "常务", "驻华", "国家", "省", "市", "县", "区":
		return true
	}
	if g, ok := st.lookup(w); ok && (g.Type == ORG || g.Type == LOC) {
		return true
	}
	return st.t.suffixes[w] && len([]rune(w)) >= 2
}
