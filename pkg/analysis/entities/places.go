package entities

import "strings"

// placeSuffix are endings of place names.
const placeSuffix = "省市县区镇乡村州盟旗岛港湾河江湖山峰岭路街桥寺宫城庄屯堡峡谷关寨坎坝沟坪塘垭洞滩淀甸"

// places adds place names the lists do not have: a word the dictionary
// tags as a place, or a run of unknown characters before a place ending
// (陈|沟|村).
func (st *sentence) places() {
	for j, tk := range st.toks {
		L := tk.e - tk.s
		if L >= 3 && tk.pos == "ns" && strings.ContainsRune(placeSuffix, st.rs[tk.e-1]) && !st.genericPlace(tk.s, tk.e) &&
			!st.roadName(tk.s, tk.e) && !st.streetAfter(tk.e) {
			if _, ok := st.lookup(st.text(tk.s, tk.e)); !ok {
				st.add(tk.s, tk.e, LOC, float64(L)*10+2)
			}
		}
		if st.tokText(j) == "新区" && j >= 2 {
			st.newArea(j)
		}
		if L == 1 && strings.ContainsRune("村镇乡县", st.rs[tk.s]) {
			s := tk.s
			k := j - 1
			for ; k >= 0 && j-k <= 3 && st.toks[k].e == s && st.toks[k].e-st.toks[k].s == 1 && st.specificTok(k) &&
				!notPlaceChar[st.toks[k].pos] && !strings.ContainsRune("百千万亿兴建带强旺促富美", st.rs[st.toks[k].s]); k-- {
				s = st.toks[k].s
			}
			// not inside a slogan of one-character words: 强镇带村, 百乡千村
			if tk.s-s >= 2 && (s == 0 || st.endTok[s] < 0 || st.toks[st.endTok[s]].e-st.toks[st.endTok[s]].s != 1 || !isHan(st.rs[s-1])) {
				st.add(s, tk.e, LOC, float64(tk.e-s)*10+2)
			}
		}
	}
}

// notPlaceChar are the tags of one-character words that are not part of an
// unknown place name before 村, 镇, 乡 or 县 (带, 建, 旺).
var notPlaceChar = map[string]bool{"v": true, "a": true, "m": true, "d": true, "vn": true, "ad": true, "p": true, "c": true}

// genericPlace says whether [s, e) names a kind of place rather than one
// (沿海地区, 大城市, 老城区, 外省市, 直属机关).
func (st *sentence) genericPlace(s, e int) bool {
	w := st.text(s, e)
	if strings.HasSuffix(w, "地区") || strings.HasSuffix(w, "城市") || adminLevel[w] {
		return true
	}
	if strings.ContainsRune("大小老新百各全本该某外", st.rs[s]) || st.kindsOnly(st.rs[s:e-1]) {
		return true
	}
	// a kind of body before a body's word (直属|机关): no place
	for L := 2; L <= e-s-2; L++ {
		if st.t.kinds[string(st.rs[s:s+L])] {
			if g, ok := st.lookup(st.text(s+L, e)); !ok || g.Type != LOC {
				return true
			}
		}
	}
	return false
}

// newArea adds a new area named by its city and a name of its own before 新区
// (青岛|西海岸|新区, 天津|滨海|新区): one place, whose name the segmenter cut
// in three. Policy genre only.
func (st *sentence) newArea(j int) {
	if st.d.x.genre == News {
		return
	}
	p, c := st.toks[j-1], st.toks[j-2]
	if p.e != st.toks[j].s || c.e != p.s || p.e-p.s < 2 || p.e-p.s > 4 || !hanOnly(st.tokText(j-1)) {
		return
	}
	switch p.pos {
	case "s", "ns", "nz", "n":
	default:
		return
	}
	if st.t.kinds[st.tokText(j-1)] || strings.ContainsRune("大小老新百各全本该某外", st.rs[p.s]) {
		return
	}
	if g, ok := st.lookup(st.tokText(j - 2)); !ok || g.Type != LOC || c.e-c.s < 2 {
		return
	}
	st.add(c.s, st.toks[j].e, LOC, float64(st.toks[j].e-c.s)*10+6)
}
