package entities

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// rtok is a token of the folded text, in rune offsets.
type rtok struct {
	s, e int
	pos  string
}

// span is a recognised entity in rune offsets of the folded text.
type span struct {
	s, e  int
	typ   Type
	score float64
	title string // for PER: the title attached
	// ts, te locate the title when there is one
	ts, te int
}

// sentence is the working state of one recognition.
type sentence struct {
	t       *tables
	user    map[string]gazEntry
	maxUser int
	rs      []rune
	toks    []rtok
	// startTok[i] is the index of the token starting at rune i, or -1;
	// endTok[i] the index of the token ending at rune i (exclusive), or -1.
	startTok, endTok []int
	blocked          []bool
	cands            []span
}

func newSentence(t *tables, user map[string]gazEntry, maxUser int, rs []rune, toks []rtok) *sentence {
	st := &sentence{t: t, user: user, maxUser: maxUser, rs: rs, toks: toks,
		startTok: make([]int, len(rs)+1), endTok: make([]int, len(rs)+1), blocked: make([]bool, len(rs))}
	for i := range st.startTok {
		st.startTok[i], st.endTok[i] = -1, -1
	}
	for i, tk := range toks {
		st.startTok[tk.s] = i
		st.endTok[tk.e] = i
	}
	return st
}

func (st *sentence) text(s, e int) string { return string(st.rs[s:e]) }

func (st *sentence) lookup(w string) (gazEntry, bool) {
	if g, ok := st.user[w]; ok {
		return g, true
	}
	g, ok := st.t.gaz[w]
	return g, ok
}

func (st *sentence) tokText(i int) string { return st.text(st.toks[i].s, st.toks[i].e) }

func (st *sentence) isBlocked(s, e int) bool {
	for i := s; i < e; i++ {
		if st.blocked[i] {
			return true
		}
	}
	return false
}

func (st *sentence) add(s, e int, typ Type, score float64) {
	if s >= e || st.isBlocked(s, e) {
		return
	}
	st.cands = append(st.cands, span{s: s, e: e, typ: typ, score: score})
}

// commonPOS are the tags of ordinary words: a dictionary word with one of
// them is not taken for a name unless a list says so.
var commonPOS = map[string]bool{
	"n": true, "v": true, "a": true, "d": true, "vn": true, "ad": true, "an": true, "i": true, "l": true,
	"p": true, "c": true, "u": true, "r": true, "m": true, "q": true, "t": true, "f": true, "s": true,
	"vd": true, "ag": true, "vg": true, "ng": true, "dg": true, "tg": true, "y": true, "e": true, "o": true,
	"uj": true, "ul": true, "uz": true, "ud": true, "ug": true, "uv": true, "k": true, "h": true, "mq": true,
	"rr": true, "rz": true, "zg": true, "z": true, "b": true, "g": true, "yg": true, "df": true, "mg": true,
	"rg": true, "vi": true, "vq": true,
}

var namePOS = map[string]bool{"nr": true, "nrfg": true, "nrt": true, "nrf": true}

// gazetteer adds the list names found at token boundaries.
func (st *sentence) gazetteer() {
	n := len(st.rs)
	maxLen := max(st.t.maxGaz, st.maxUser)
	for s := 0; s < n; s++ {
		if st.startTok[s] < 0 {
			continue
		}
		for L := min(maxLen, n-s); L >= 2; L-- {
			e := s + L
			g, ok := st.lookup(st.text(s, e))
			if !ok {
				continue
			}
			if st.endTok[e] < 0 && (g.Derived || !st.restIsWord(e)) {
				continue
			}
			score := float64(L)*10 + 5
			if g.User {
				score += 1000
			}
			st.add(s, e, g.Type, score)
		}
	}
}

// restIsWord says whether the token around rune e goes on from e with at
// least two more characters (邓小平|理论, 中国|政府): a name may end there.
func (st *sentence) restIsWord(e int) bool {
	for i := e - 1; i >= 0; i-- {
		if j := st.startTok[i]; j >= 0 {
			return st.toks[j].e-e >= 2
		}
	}
	return false
}

var abbrVerbs = map[rune]bool{'访': true, '来': true, '在': true, '驻': true, '对': true, '旅': true, '抵': true,
	'离': true, '援': true, '侵': true, '赴': true, '返': true, '进': true, '留': true}

// abbreviations adds single-character short forms of places that stand
// beside another one (中美, 京津冀), before 方 (中方), or after a verb of
// travel (访华, 抵京).
func (st *sentence) abbreviations() {
	n := len(st.rs)
	for s := 0; s < n; {
		if !st.t.abbr[st.rs[s]] || st.startTok[s] < 0 {
			s++
			continue
		}
		e := s
		for e < n && (st.t.abbr[st.rs[e]] || st.rs[e] == '、' && e+1 < n && st.t.abbr[st.rs[e+1]] && e > s) {
			e++
		}
		// shrink to whole tokens, or to a token that goes on with a word
		for e > s && st.endTok[e] < 0 && !st.restIsWord(e) {
			e--
		}
		if e-s >= 2 && st.plainRun(s, e) {
			for i := s; i < e; i++ {
				if st.rs[i] != '、' {
					st.add(i, i+1, LOC, 12)
				}
			}
		}
		s = max(e, s+1)
	}
	for i := 0; i < n; i++ {
		r := st.rs[i]
		if !strongAbbr[r] {
			continue
		}
		// 中方, 美方
		if i+1 < n && st.rs[i+1] == '方' && st.startTok[i] >= 0 && st.endTok[i+2] >= 0 {
			st.add(i, i+1, LOC, 12)
		}
		// 访华, 在京, 驻港, 对华关系
		if r != '中' && i > 0 && abbrVerbs[st.rs[i-1]] && (st.startTok[i-1] >= 0 || st.startTok[i] >= 0 && st.endTok[i+1] >= 0) {
			st.add(i, i+1, LOC, 12)
		}
		// 俄 alone is always Russia
		if r == '俄' && !(i+1 < n && st.rs[i+1] == '罗') {
			st.add(i, i+1, LOC, 12)
		}
	}
}

// pairWords follow two countries' short forms: 意中两国, 中蒙边界.
var pairWords = []string{"两国", "双方", "双边", "建交", "边界", "边境", "关系", "友好", "合作"}

// countryPairs adds 意中两国: a country's short form beside 中 before a
// word of relations, even when the short form is not in the lists.
func (st *sentence) countryPairs() {
	n := len(st.rs)
	for i := 0; i+2 < n; i++ {
		a, b := st.rs[i], st.rs[i+1]
		if a != '中' && b != '中' || a == b || st.startTok[i] < 0 {
			continue
		}
		other := a
		if a == '中' {
			other = b
		}
		if !unicode.Is(unicode.Han, other) || strings.ContainsRune(functionChars, other) {
			continue
		}
		rest := string(st.rs[i+2 : min(n, i+4)])
		for _, w := range pairWords {
			if strings.HasPrefix(rest, w) {
				st.add(i, i+1, LOC, 12)
				st.add(i+1, i+2, LOC, 12)
				break
			}
		}
	}
}

var strongAbbr = map[rune]bool{'华': true, '京': true, '美': true, '日': true, '俄': true, '港': true, '澳': true,
	'台': true, '沪': true, '英': true, '法': true, '德': true, '韩': true, '中': true}

// plainRun says whether [s, e) is not a common word made of place
// abbreviations (加以, 以及, 美德).
func (st *sentence) plainRun(s, e int) bool {
	w := st.text(s, e)
	for _, c := range abbrWords {
		if strings.Contains(w, c) {
			return false
		}
	}
	return true
}

var abbrWords = []string{"加以", "以及", "以法", "以德", "美德", "美美", "日日", "中中", "华美", "以美", "以日", "以中", "英德", "德美"}

// orgStop are words that never belong to an organisation name.
var orgStop = map[string]bool{
	"的": true, "在": true, "和": true, "与": true, "及": true, "是": true, "对": true, "向": true, "为": true,
	"从": true, "把": true, "被": true, "将": true, "由": true, "等": true, "了": true, "也": true, "都": true,
	"就": true, "还": true, "并": true, "又": true, "而": true, "或": true, "以": true, "其": true, "该": true,
	"各": true, "本": true, "我": true, "你": true, "他": true, "她": true, "它": true, "这": true, "那": true,
	"此": true, "于": true, "到": true, "给": true, "让": true, "使": true, "同": true, "跟": true, "据": true,
	"以及": true, "我们": true, "他们": true, "这个": true, "这些": true, "那些": true, "各级": true, "有关": true,
	"其中": true, "通过": true, "经过": true, "参加": true, "同时": true, "个": true, "位": true, "名": true,
	"之": true, "但": true, "则": true, "即": true, "如": true, "会": true, "有": true, "说": true,
	"后": true, "前": true, "时": true, "内": true, "外": true, "上": true, "下": true,
}

// orgModPOS are the tags of words that can stand inside an organisation name.
var orgModPOS = map[string]bool{"ns": true, "nt": true, "nz": true, "n": true, "nr": true, "nrt": true, "nrfg": true,
	"j": true, "x": true, "eng": true, "vn": true, "b": true, "m": true, "nw": true, "": true}

// adminLevel are the levels of government that stand before a body's
// name: 省|教育厅, 市|发展改革委.
var adminLevel = map[string]bool{"省": true, "市": true, "县": true, "区": true, "州": true, "镇": true, "乡": true}

// stopPOS are tags of words that end an organisation name going left.
var stopPOS = map[string]bool{"d": true, "p": true, "c": true, "u": true, "uj": true, "ul": true, "uz": true,
	"ud": true, "ug": true, "uv": true, "r": true, "y": true, "e": true, "o": true, "t": true}

// notOrgEnding are common words that end in an organisation ending.
var notOrgEnding = map[string]bool{"部署": true, "签署": true, "干部": true, "全部": true, "内部": true, "外部": true, "局部": true, "总部": true, "东部": true, "西部": true, "南部": true, "北部": true, "中部": true, "腹部": true, "胸部": true, "头部": true, "面部": true, "底部": true, "顶部": true, "本部": true, "细部": true, "布局": true, "格局": true, "结局": true, "大局": true, "开局": true, "全局": true, "时局": true, "残局": true, "骗局": true, "举办": true, "创办": true, "承办": true, "主办": true, "兴办": true, "督办": true, "代办": true, "包办": true, "大厅": true, "客厅": true, "展厅": true, "餐厅": true, "门厅": true, "剧院": true, "影院": true, "庭院": true, "进行": true, "执行": true, "实行": true, "运行": true, "推行": true, "发行": true, "举行": true, "旅行": true, "流行": true, "施行": true, "试行": true, "先行": true, "同行": true, "并行": true, "可行": true, "践行": true, "履行": true, "自行": true, "例行": true, "风行": true, "盛行": true, "横行": true, "言行": true, "品行": true, "罪行": true, "德行": true, "原委": true, "结社": true, "诗社": true, "工厂": true, "出厂": true, "建厂": true, "办厂": true, "设厂": true, "入党": true, "建党": true, "治党": true, "政党": true, "全党": true, "整党": true, "立党": true, "兴党": true, "管党": true, "强党": true, "参军": true, "入队": true, "排队": true, "列队": true, "插队": true, "站队": true, "组队": true, "归队": true, "带队": true, "领队": true, "球队": true, "车队": true, "方队": true}

// inTokenSuffix are the one-character endings that make an organisation
// inside a token when a place or organisation comes first (中国队, 北京市委).
var inTokenSuffix = map[string]bool{"队": true, "委": true, "党": true, "军": true, "厂": true, "所": true, "院": true,
	"局": true, "厅": true, "署": true, "办": true, "社": true, "行": true}

// orgEnd finds the organisation ending of token j: the rune where the
// organisation ends (司法部长 ends before 长), the ending, and whether the
// token before the ending already names the organisation (中国队).
func (st *sentence) orgEnd(j int) (end int, anchored bool, ok bool) {
	tk := st.toks[j]
	end = tk.e
	if L := tk.e - tk.s; L >= 4 && st.rs[tk.e-1] == '长' && strings.ContainsRune("部局厅署", st.rs[tk.e-2]) && st.rs[tk.s] != '副' {
		end = tk.e - 1 // 司法部长 → 司法部
		g, found := st.lookup(st.text(tk.s, end))
		return end, found && g.Type == ORG, true
	}
	L := end - tk.s
	for k := min(L, st.t.maxSuffix); k >= 1; k-- {
		x := st.text(end-k, end)
		if !st.t.suffixes[x] {
			continue
		}
		if k == L {
			return end, false, true
		}
		prefix := st.text(tk.s, end-k)
		if k == 1 && notOrgEnding[st.text(end-2, end)] {
			return 0, false, false // 决策部署, 中西部, 贯彻执行
		}
		g, found := st.lookup(prefix)
		if found && (g.Type == LOC || g.Type == ORG) && (k >= 2 || inTokenSuffix[x]) || tk.pos == "nt" && utf8.RuneCountInString(prefix) >= 2 {
			return end, true, true
		}
		if (k >= 2 || inTokenSuffix[x] || x == "部") && !found && !orgStop[prefix] && utf8.RuneCountInString(prefix) >= 2 {
			return end, false, true
		}
		return 0, false, false
	}
	// a dictionary organisation that starts with a place: 中国女篮
	if tk.pos == "nt" && L >= 3 && !strings.HasSuffix(st.text(tk.s, end), "政府") {
		for k := L - 1; k >= 2; k-- {
			if g, found := st.lookup(st.text(tk.s, tk.s+k)); found && g.Type == LOC && L-k >= 2 {
				return end, true, true
			}
		}
	}
	return 0, false, false
}

// functionChars are characters that, standing alone, are grammar rather
// than part of a name.
const functionChars = "的了着过在是和与及或而但并就也都还又再才只更最很太不没未已曾正将要会能可应该把被让使向往对从自由于为以因若当每某另其各几多少上下中内外前后里间边这那此哪谁啥么什之所者们个位名种次回条件项点些去来到得地说讲问答看听想做作用有无非"

// teamWord says whether token k can name a team (前卫|寰岛|队): a noun of two
// characters or more, no number.
func (st *sentence) teamWord(k int) bool {
	m := st.toks[k]
	if m.e-m.s < 2 || strings.ContainsAny(st.text(m.s, m.e), "一二三四五六七八九十个支几多许该本每各") {
		return false
	}
	switch m.pos {
	case "n", "nz", "ns", "nr", "nrt", "j", "x", "nt":
		return true
	}
	return false
}

// anchorTok says whether token k is a listed place or organisation, or
// tagged as an organisation by the dictionary.
func (st *sentence) anchorTok(k int) bool {
	m := st.toks[k]
	if g, ok := st.lookup(st.text(m.s, m.e)); ok {
		return g.Type == LOC || g.Type == ORG
	}
	return m.pos == "nt" && m.e-m.s >= 2
}

// specificTok says whether token k can be the proper part of an
// organisation name: a listed name, a rare or unknown word, a single
// character that is not a function word.
func (st *sentence) specificTok(k int) bool {
	m := st.toks[k]
	w := st.text(m.s, m.e)
	if _, ok := st.lookup(w); ok {
		return true
	}
	if !hanOrAlnum(w) || orgStop[w] {
		return false
	}
	if m.e-m.s == 1 {
		// single characters only in a run of them (迈|博|太|科)
		single := func(i int) bool { return i >= 0 && i < len(st.toks) && st.toks[i].e-st.toks[i].s == 1 }
		return !unicode.IsDigit(st.rs[m.s]) && !strings.ContainsRune(functionChars, st.rs[m.s]) && (single(k-1) || single(k+1))
	}
	switch m.pos {
	case "nz", "j", "x", "eng", "nr", "nrt", "nrfg", "ns", "nt":
		return true
	}
	return false
}

// organisations adds names built of a proper part and an organisation
// ending: the leftmost listed place or organisation before the ending
// (国务院残疾人工作协调委员会, 泰州迈博太科药业有限公司), or else the run of
// specific words right before it (迈博太科药业有限公司).
func (st *sentence) organisations() {
	for j := range st.toks {
		end, anchored, ok := st.orgEnd(j)
		if !ok {
			continue
		}
		tk := st.toks[j]
		suffixOnly := st.t.suffixes[st.text(tk.s, end)]
		if anchored {
			// other places and organisations right before: 中共|河北省委
			s := tk.s
			for k := j - 1; k >= 0 && st.toks[k].e == s && tk.e-st.toks[k].s <= 24; k-- {
				if !st.anchorTok(k) && !adminLevel[st.tokText(k)] {
					break
				}
				s = st.toks[k].s
			}
			st.add(s, end, ORG, float64(end-s)*10+8)
			continue
		}
		// the window: tokens to the left up to a stop
		anchor := -1
		brand := -1 // start of the brand before a place in brackets
		var win []int
		for k := j - 1; k >= 0 && len(win) < 8; k-- {
			m := st.toks[k]
			next := tk.s
			if len(win) > 0 {
				next = st.toks[win[len(win)-1]].s
			}
			if m.e != next {
				break
			}
			mw := st.text(m.s, m.e)
			if mw == "）" || mw == ")" {
				// a place in brackets after a brand: 瑞可达（泰州）电子科技有限公司
				open := -1
				for q := k - 1; q >= 0 && q >= k-4; q-- {
					if t := st.tokText(q); t == "（" || t == "(" {
						open = q
						break
					}
				}
				if open <= 0 || st.toks[open-1].e != st.toks[open].s {
					break
				}
				for q := open - 1; q >= 0 && q >= open-3; q-- {
					bw := st.tokText(q)
					if orgStop[bw] || !hanOrAlnum(bw) || st.blocked[st.toks[q].s] || (q < open-1 && st.toks[q].e != st.toks[q+1].s) {
						break
					}
					brand = st.toks[q].s
					if st.toks[q].e-st.toks[q].s >= 2 && q < open-1 {
						break
					}
				}
				break
			}
			if orgStop[mw] || st.blocked[m.s] || !hanOrAlnum(mw) {
				break
			}
			inRun := m.e-m.s == 1 && (k > 0 && st.toks[k-1].e-st.toks[k-1].s == 1 || k+1 < len(st.toks) && st.toks[k+1].e-st.toks[k+1].s == 1)
			if st.t.titles[mw] || st.t.cues[mw] || stopPOS[m.pos] && !st.anchorTok(k) && !inRun {
				break
			}
			if m.pos == "v" && !st.anchorTok(k) && !inRun {
				// a verb ends the name once its proper part is there
				proper := false
				for _, q := range win {
					if st.specificTok(q) {
						proper = true
					}
				}
				if proper {
					break
				}
			}
			win = append(win, k)
			if st.anchorTok(k) || len(win) == 1 && adminLevel[mw] {
				anchor = len(win) - 1
			}
		}
		s := -1
		oneChar := suffixOnly && end-tk.s == 1
		switch {
		case oneChar && anchor < 0:
			// 局, 厂, 队 alone follow a named place or body only
		case brand >= 0:
			s = brand
		case anchor >= 0:
			s = st.toks[win[anchor]].s
		default:
			// generic words may stand between the specific part and the ending
			i := 0
			for i < len(win) && i < 2 && !st.specificTok(win[i]) {
				i++
			}
			for i < len(win) && st.specificTok(win[i]) {
				s = st.toks[win[i]].s
				i++
			}
		}
		if s < 0 && st.text(tk.s, end) == "队" && len(win) > 0 && st.teamWord(win[0]) {
			// a team: 前卫寰岛队
			s = st.toks[win[0]].s
			if len(win) > 1 && st.teamWord(win[1]) {
				s = st.toks[win[1]].s
			}
		}
		if s < 0 {
			if suffixOnly {
				if g, ok := st.lookup(st.text(tk.s, end)); !ok || g.Type != ORG {
					continue
				}
			}
			s = tk.s
			if st.text(s, end) == st.tokText(j) {
				// a bare token: only when it names an organisation by itself
				if g, ok := st.lookup(st.text(s, end)); !ok || g.Type != ORG {
					continue
				}
			}
		}
		if w := st.text(s, end); strings.ContainsAny(w, "各等的") {
			continue
		} else if g, ok := st.lookup(w); ok && g.Type != ORG {
			continue // the lists know it as a place: 香港特别行政区
		}
		st.add(s, end, ORG, float64(end-s)*10+8)
	}
}

func hanOrAlnum(w string) bool {
	for _, r := range w {
		if !(unicode.Is(unicode.Han, r) || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}

// afterName are words that follow a person's name.
var afterName = map[string]bool{"说": true, "表示": true, "指出": true, "认为": true, "强调": true, "介绍": true,
	"告诉": true, "称": true, "同志": true, "等": true, "一行": true, "先生": true, "女士": true, "夫人": true,
	"主持": true, "会见": true, "出席": true, "发表": true, "宣布": true, "回忆": true, "笑": true, "讲话": true,
	"问": true, "答": true, "说道": true, "也": true, "：": true}

func (st *sentence) cueBefore(s int) bool {
	for k := 1; k <= 3 && s-k >= 0; k++ {
		i := st.endTok[s]
		if i < 0 {
			return false
		}
		w := st.tokText(i)
		return st.t.titles[w] || st.t.cues[w] || strings.HasSuffix(w, "长") || strings.HasSuffix(w, "书记")
	}
	return false
}

func (st *sentence) cueAfter(e int) bool {
	i := st.startTok[e]
	if i < 0 {
		return false
	}
	w := st.tokText(i)
	return st.t.titles[w] || st.t.cues[w] || afterName[w]
}

// chineseNames adds family name + given name candidates.
func (st *sentence) chineseNames() {
	n := len(st.rs)
	for ti, tk := range st.toks {
		s := tk.s
		for _, sl := range []int{2, 1} {
			if s+sl > n {
				continue
			}
			if sl == 2 && !st.t.sur2[st.text(s, s+2)] || sl == 1 && !st.t.sur1[st.rs[s]] {
				continue
			}
			for gl := 1; gl <= 2; gl++ {
				e := s + sl + gl
				if e > n || st.endTok[e] < 0 {
					continue
				}
				if st.allAbbr(s, e) {
					continue // 苏浙皖: places, not 苏 + 浙皖
				}
				if sc, ok := st.nameScore(ti, s, sl, e); ok && sc > nameThreshold {
					st.add(s, e, PER, float64(e-s)*10+3)
				}
			}
		}
		// Japanese: 桥本龙太郎, 桥本首相
		if s+2 <= n && st.t.japanese[st.text(s, s+2)] && st.startTok[s] >= 0 {
			if st.endTok[s+2] >= 0 && st.cueAfter(s+2) {
				st.add(s, s+2, PER, 23)
			}
			for gl := 1; gl <= 3 && s+2+gl <= n; gl++ {
				e := s + 2 + gl
				if st.endTok[e] >= 0 && hanOnly(st.text(s+2, e)) && !strings.ContainsAny(st.text(s+2, e), functionChars) &&
					(st.cueAfter(e) || st.cueBefore(s)) {
					st.add(s, e, PER, float64(e-s)*10+3)
				}
			}
		}
		// a family name alone before a title or after 老/小: 李部长, 老王
		if tk.e-tk.s == 1 && st.t.sur1[st.rs[s]] {
			if j := st.startTok[tk.e]; j >= 0 {
				w := st.tokText(j)
				if (st.t.titles[w] || w == "老" || w == "总" || w == "某" || w == "师傅" || w == "先生" || w == "女士" || w == "同志") &&
					st.t.surnameScore(st.rs[s]) > -2 {
					st.add(s, tk.e, PER, 9)
				}
			}
			if j := st.endTok[s]; j >= 0 {
				if w := st.tokText(j); w == "老" || w == "小" {
					st.add(s, tk.e, PER, 9)
				}
			}
		}
		if tk.e-tk.s == 2 && (st.rs[s] == '老' || st.rs[s] == '小') && st.t.sur1[st.rs[s+1]] && st.t.surnameScore(st.rs[s+1]) > -0.5 {
			st.add(s+1, tk.e, PER, 9)
		}
	}
}

func (st *sentence) allAbbr(s, e int) bool {
	for _, r := range st.rs[s:e] {
		if !st.t.abbr[r] {
			return false
		}
	}
	return true
}

// nameThreshold is the score above which a family name and what follows
// is taken for a person (chosen on the development set).
const nameThreshold = 0.5

// nameScore scores [s, e) as family name (sl runes) + given name: how
// likely the family name starts a name, how typical of given names the
// rest is, and the words around it. ok is false when the tokens forbid it.
func (st *sentence) nameScore(ti, s, sl, e int) (float64, bool) {
	score := 0.0
	if sl == 1 {
		score += st.t.surnameScore(st.rs[s])
	} else {
		score += 1
	}
	for i := ti; i < len(st.toks) && st.toks[i].s < e; i++ {
		g := st.toks[i]
		if g.e > e {
			return 0, false
		}
		w := st.text(g.s, g.e)
		if !hanOnly(w) {
			return 0, false
		}
		if i > ti && g.e-g.s == 1 && w != "之" && (orgStop[w] || afterName[w] || st.t.titles[w]) {
			return 0, false
		}
		if i > ti {
			if _, ok := st.lookup(w); ok {
				return 0, false
			}
		}
	}
	if tk := st.toks[ti]; tk.e == e && namePOS[tk.pos] {
		score += 0.5
	} else if tk.e == e && commonPOS[tk.pos] {
		// a dictionary word that is not a name: 仇恨, 凌虐
		score -= 1.5
	} else if tk.e-tk.s > sl && tk.e < e {
		// a dictionary word runs from the family name into the given
		// name and the name goes on after it: 普惠|小微
		score -= 1
	}
	for _, r := range st.rs[s+sl : e] {
		score += st.t.givenScore(r)
	}
	if e-s-sl == 1 {
		score -= 0.5
	}
	if st.cueBefore(s) {
		score += 1.5
	}
	if st.cueAfter(e) {
		score += 1.0
	}
	return score, true
}

func hanOnly(w string) bool {
	for _, r := range w {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return w != ""
}

var locEndings = []string{"共和国", "群岛", "半岛", "地区", "省", "州", "市", "县", "河", "山", "湖", "岛", "港", "湾",
	"城", "堡", "洲", "角", "海", "峡", "江", "镇", "村", "区", "国", "谷"}

// foreignNames adds runs of transliteration characters: foreign persons,
// or places when a place ending follows.
func (st *sentence) foreignNames() {
	for i := 0; i < len(st.toks); {
		j := i
		for j < len(st.toks) && (j == i || st.toks[j].s == st.toks[j-1].e) &&
			(st.translitTok(j) || j > i && isJoiner(st.tokText(j-1)) && st.allTranslit(j)) {
			j++
		}
		if j == i {
			i++
			continue
		}
		// trim joiners at the ends
		for j > i && isJoiner(st.tokText(j-1)) {
			j--
		}
		for i < j && isJoiner(st.tokText(i)) {
			i++
		}
		if i >= j {
			i++
			continue
		}
		s, e := st.toks[i].s, st.toks[j-1].e
		L := e - s
		single := j-i == 1
		// two characters only beside a title or a verb of saying: 琼斯说
		ok := L >= 3 || L == 2 && !(single && commonPOS[st.toks[i].pos]) && (st.cueAfter(e) || st.cueBefore(s))
		if single && L >= 2 && commonPOS[st.toks[i].pos] {
			ok = false
		}
		if ok {
			typ := PER
			if single && st.toks[i].pos == "ns" {
				typ = LOC
			}
			end := e
			if k := st.startTok[e]; k >= 0 {
				w := st.tokText(k)
				for _, le := range locEndings {
					if w == le {
						typ, end = LOC, st.toks[k].e
						break
					}
				}
			}
			if typ == PER && strings.ContainsRune(st.text(s, e), '·') {
				typ = PER
			}
			st.add(s, end, typ, float64(end-s)*10+1)
		}
		i = j
	}
}

func isJoiner(w string) bool { return w == "·" || w == "•" || w == "－" || w == "-" || w == "—" }

// allTranslit says whether token i is made of transliteration characters.
func (st *sentence) allTranslit(i int) bool {
	for _, r := range st.rs[st.toks[i].s:st.toks[i].e] {
		if !st.t.translit[r] {
			return false
		}
	}
	return true
}

// translitTok says whether token i is made of transliteration characters
// and is not an ordinary word.
func (st *sentence) translitTok(i int) bool {
	tk := st.toks[i]
	w := st.text(tk.s, tk.e)
	if isJoiner(w) {
		return true
	}
	for _, r := range st.rs[tk.s:tk.e] {
		if !st.t.translit[r] {
			return false
		}
	}
	if tk.e-tk.s == 1 {
		return true
	}
	if g, ok := st.lookup(w); ok {
		return g.Type == PER // a listed place or body ends the name: 捷克|哈维尔
	}
	return !commonPOS[tk.pos]
}

// placeSuffix are endings of place names.
const placeSuffix = "省市县区镇乡村州盟旗岛港湾河江湖山峰岭路街桥寺宫城庄屯堡峡谷关"

// places adds place names the lists do not have: a word the dictionary
// tags as a place, or a run of unknown characters before a place ending
// (陈|沟|村).
func (st *sentence) places() {
	for j, tk := range st.toks {
		L := tk.e - tk.s
		if L >= 3 && tk.pos == "ns" && strings.ContainsRune(placeSuffix, st.rs[tk.e-1]) && !st.genericPlace(tk.s, tk.e) {
			if _, ok := st.lookup(st.text(tk.s, tk.e)); !ok {
				st.add(tk.s, tk.e, LOC, float64(L)*10+2)
			}
		}
		if L == 1 && strings.ContainsRune("村镇乡县", st.rs[tk.s]) {
			s := tk.s
			k := j - 1
			for ; k >= 0 && j-k <= 3 && st.toks[k].e == s && st.toks[k].e-st.toks[k].s == 1 && st.specificTok(k); k-- {
				s = st.toks[k].s
			}
			if tk.s-s >= 2 {
				st.add(s, tk.e, LOC, float64(tk.e-s)*10+2)
			}
		}
	}
}

// genericPlace says whether [s, e) names a kind of place rather than one
// (沿海地区, 大城市, 老城区).
func (st *sentence) genericPlace(s, e int) bool {
	w := st.text(s, e)
	if strings.HasSuffix(w, "地区") || strings.HasSuffix(w, "城市") {
		return true
	}
	return strings.ContainsRune("大小老新百各全本该某", st.rs[s])
}

// resolve picks non-overlapping candidates, best first.
func (st *sentence) resolve() []span {
	c := st.cands
	sort.SliceStable(c, func(i, j int) bool {
		if c[i].score != c[j].score {
			return c[i].score > c[j].score
		}
		return c[i].s < c[j].s
	})
	taken := make([]bool, len(st.rs))
	var out []span
	for _, x := range c {
		free := true
		for i := x.s; i < x.e; i++ {
			if taken[i] {
				free = false
				break
			}
		}
		if !free {
			continue
		}
		for i := x.s; i < x.e; i++ {
			taken[i] = true
		}
		out = append(out, x)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].s < out[j].s })
	return out
}

// recognizeCore finds PER, LOC and ORG in a sentence.
func (st *sentence) recognizeCore() []span {
	st.gazetteer()
	st.abbreviations()
	st.countryPairs()
	st.organisations()
	st.chineseNames()
	st.foreignNames()
	st.places()
	return st.resolve()
}
