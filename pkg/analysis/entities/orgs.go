package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// actionWords are the verbs and adverbs of policy text that stand before a
// body's name, never inside it (争创|国家…示范区, 推动|北京…中心, 获评|…).
var actionWords = map[string]bool{"推动": true, "共建": true, "推进": true, "加快": true, "落实": true, "用好": true, "争创": true,
	"申建": true, "创建": true, "打造": true, "新建": true, "新设": true, "改扩建": true, "获评": true, "迁入": true,
	"深化": true, "细化": true, "认真": true, "学习": true, "贯彻": true, "亲率": true, "迈向": true, "大力": true,
	"支持": true, "实施": true, "提升": true, "完善": true, "健全": true, "加强": true, "做强": true, "做优": true,
	"做大": true, "培育": true, "引进": true, "谋划": true, "布局": true, "依托": true, "围绕": true, "聚焦": true,
	"高水平": true, "高标准": true, "高质量": true, "积极": true, "持续": true, "全面": true, "着力": true, "努力": true,
	"争取": true, "利用": true, "筹建": true, "组建": true, "设立": true, "成立": true, "获批": true, "入选": true, "成功": true,
	"发挥": true, "充分发挥": true}

// orgStop are words that never belong to an organisation name.
var orgStop = map[string]bool{
	"的": true, "在": true, "和": true, "与": true, "及": true, "是": true, "对": true, "向": true, "为": true,
	"从": true, "把": true, "被": true, "将": true, "由": true, "等": true, "了": true, "也": true, "都": true,
	"就": true, "还": true, "并": true, "又": true, "而": true, "或": true, "以": true, "其": true, "该": true,
	"各": true, "本": true, "我": true, "你": true, "他": true, "她": true, "它": true, "这": true, "那": true,
	"此": true, "于": true, "到": true, "给": true, "让": true, "使": true, "同": true, "跟": true, "据": true,
	"以及": true, "我们": true, "他们": true, "这个": true, "这些": true, "那些": true, "各级": true, "有关": true,
	"其中": true, "通过": true, "经过": true, "参加": true, "同时": true, "个": true, "位": true, "名": true,
	"之": true, "但": true, "则": true, "即": true, "如": true, "会": true, "有": true, "说": true, "要": true,
	"后": true, "前": true, "时": true, "内": true, "外": true, "上": true, "下": true,
}

// adminLevel are the levels of government that stand before a body's
// name: 省|教育厅, 市|发展改革委.
var adminLevel = map[string]bool{"省": true, "市": true, "县": true, "区": true, "州": true, "镇": true, "乡": true,
	"自治区": true, "自治州": true, "自治县": true, "全国": true}

// stopPOS are tags of words that end an organisation name going left.
var stopPOS = map[string]bool{"d": true, "p": true, "c": true, "u": true, "uj": true, "ul": true, "uz": true,
	"ud": true, "ug": true, "uv": true, "r": true, "y": true, "e": true, "o": true, "t": true, "ad": true,
	"m": true, "mq": true, "q": true}

// notOrgEnding are common words that end in an organisation ending.
var notOrgEnding = map[string]bool{"部署": true, "签署": true, "干部": true, "全部": true, "内部": true, "外部": true, "局部": true, "总部": true, "东部": true, "西部": true, "南部": true, "北部": true, "中部": true, "腹部": true, "胸部": true, "头部": true, "面部": true, "底部": true, "顶部": true, "本部": true, "细部": true, "布局": true, "格局": true, "结局": true, "大局": true, "开局": true, "全局": true, "时局": true, "残局": true, "骗局": true, "举办": true, "创办": true, "承办": true, "主办": true, "兴办": true, "督办": true, "代办": true, "包办": true, "大厅": true, "客厅": true, "展厅": true, "餐厅": true, "门厅": true, "剧院": true, "影院": true, "庭院": true, "进行": true, "执行": true, "实行": true, "运行": true, "推行": true, "发行": true, "举行": true, "旅行": true, "流行": true, "施行": true, "试行": true, "先行": true, "同行": true, "并行": true, "可行": true, "践行": true, "履行": true, "自行": true, "例行": true, "风行": true, "盛行": true, "横行": true, "言行": true, "品行": true, "罪行": true, "德行": true, "原委": true, "上司": true, "官司": true, "寿司": true, "结社": true, "诗社": true, "工厂": true, "出厂": true, "建厂": true, "办厂": true, "设厂": true, "入党": true, "建党": true, "治党": true, "政党": true, "全党": true, "整党": true, "立党": true, "兴党": true, "管党": true, "强党": true, "参军": true, "入队": true, "排队": true, "列队": true, "插队": true, "站队": true, "组队": true, "归队": true, "带队": true, "领队": true, "球队": true, "车队": true, "方队": true}

// inTokenSuffix are the one-character endings that make an organisation
// inside a token when a place or organisation comes first (中国队, 北京市委).
var inTokenSuffix = map[string]bool{"队": true, "委": true, "党": true, "军": true, "厂": true, "所": true, "院": true,
	"局": true, "厅": true, "署": true, "办": true, "社": true, "行": true, "司": true}

// organEndings make a definite body after a level of government alone
// (省|人民政府, 市|政协, 自治区|党委).
var organEndings = map[string]bool{"人民政府": true, "政府": true, "党委": true, "人大常委会": true, "常委会": true, "政协": true,
	"纪委": true, "监委": true, "委": true, "人民法院": true, "法院": true, "人民检察院": true, "检察院": true, "总工会": true,
	"办公厅": true, "人民代表大会": true, "委员会": true, "公安厅": true, "公安局": true}

// nationalOrgans are the organ endings that make one body after 全国.
var nationalOrgans = map[string]bool{"人民代表大会": true, "人大常委会": true, "常委会": true, "政协": true, "总工会": true}

// needAnchor are endings that make an organisation only after a named
// place or body (美国|政府, 台北市|政府; not 有为政府, 数字政府).
var needAnchor = map[string]bool{"政府": true}

// groupEndings make the parent's name a subsidiary's name can start with
// (华能集团|华能发电有限公司).
var groupEndings = []string{"集团有限公司", "集团股份有限公司", "集团公司", "集团", "控股", "总公司", "股份有限公司", "有限公司", "公司"}

// orgEnd finds the organisation ending of token j: the rune where the
// organisation ends (司法部长 ends before 长), and whether the token before
// the ending already names the organisation (中国队).
func (st *sentence) orgEnd(j int) (end int, anchored bool, ok bool) {
	tk := st.toks[j]
	end = tk.e
	if L := tk.e - tk.s; L >= 4 && st.rs[tk.e-1] == '长' && strings.ContainsRune("部局厅署", st.rs[tk.e-2]) && st.rs[tk.s] != '副' {
		end = tk.e - 1 // 司法部长 → 司法部
		g, found := st.lookup(st.text(tk.s, end))
		return end, found && g.Type == ORG, true
	}
	if end < len(st.rs) && st.rs[end] == '间' {
		return 0, false, false // 政府|间|委员会, 机构间: between bodies, not one
	}
	L := end - tk.s
	for k := min(L, st.t.maxSuffix); k >= 1; k-- {
		x := st.text(end-k, end)
		if !st.t.suffixes[x] {
			continue
		}
		return st.suffixInToken(j, k, x)
	}
	// a dictionary organisation that starts with a place: 中国女篮
	if tk.pos == "nt" && L >= 3 && !strings.HasSuffix(st.text(tk.s, end), "政府") && !st.notPlace(tk.s, tk.s+2) {
		for k := L - 1; k >= 2; k-- {
			if g, found := st.lookup(st.text(tk.s, tk.s+k)); found && g.Type == LOC && L-k >= 2 {
				return end, true, true
			}
		}
	}
	return 0, false, false
}

// suffixInToken judges token j that ends with the organisation ending x
// of k runes.
func (st *sentence) suffixInToken(j, k int, x string) (end int, anchored bool, ok bool) {
	tk := st.toks[j]
	end = tk.e
	if k == end-tk.s {
		if x == "组织" && (tk.pos == "v" || tk.pos == "vn") {
			return 0, false, false // 定期|组织: a verb, not an ending
		}
		return end, false, true
	}
	prefix := st.text(tk.s, end-k)
	if k >= 2 && (prefix == "总" || prefix == "分") {
		return end, false, true // 总商会, 分中心: the ending with its rank
	}
	if needAnchor[x] && st.d.x.genre == News {
		return 0, false, false // the news gold sets tag the place of 印度政府
	}
	if k == 1 && notOrgEnding[st.text(end-2, end)] {
		return 0, false, false // 决策部署, 中西部, 贯彻执行
	}
	g, found := st.lookup(prefix)
	if needAnchor[x] && !found && utf8.RuneCountInString(prefix) <= 3 && strings.ContainsAny(prefix, "和与及") && st.d.x.genre == Policy {
		return 0, false, false // 党和政府, 企业与政府: kinds joined, not one body
	}
	if found && (g.Type == LOC || g.Type == ORG) && (k >= 2 || inTokenSuffix[x]) || tk.pos == "nt" && utf8.RuneCountInString(prefix) >= 2 {
		return end, true, true
	}
	if needAnchor[x] && !st.anchoredBefore(j) {
		return 0, false, false // 数字|政府, 服务型|政府: a kind of government, unless a place or body comes before (香港|特区政府)
	}
	if (k >= 2 || inTokenSuffix[x] || x == "部") && !found && !orgStop[prefix] && utf8.RuneCountInString(prefix) >= 2 {
		return end, false, true
	}
	return 0, false, false
}

// anchoredBefore says whether the token before token j is a listed place
// or body (香港|特区政府), with no break between them.
func (st *sentence) anchoredBefore(j int) bool {
	if j == 0 || st.toks[j-1].e != st.toks[j].s {
		return false
	}
	g, found := st.lookup(st.tokText(j - 1))
	return found && (g.Type == LOC || g.Type == ORG) || st.toks[j-1].pos == "ns"
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
		var s int
		if anchored {
			s = st.anchoredStart(j)
			if s == st.toks[j].s && !st.namesBody(j, end) {
				// anchored by its tag alone (理工大学/nt): the name may
				// start further left (宁波|东方|理工大学)
				if s2, ok2 := st.orgStart(j, end); ok2 && s2 < s && !st.hasVerb(s2, s) {
					s = s2
				}
			}
		} else if s, ok = st.orgStart(j, end); !ok {
			continue
		}
		s = st.parentStart(s)
		s = st.prefixStart(s)
		s = st.loneRuneStart(s)
		if !st.orgName(s, end) {
			continue
		}
		st.add(s, end, ORG, float64(end-s)*10+8)
	}
}

// anchoredStart extends an organisation whose token already names one to
// the places and organisations right before it: 中共|河北省委.
func (st *sentence) anchoredStart(j int) int {
	tk := st.toks[j]
	s := tk.s
	for k := j - 1; k >= 0 && st.toks[k].e == s && tk.e-st.toks[k].s <= 24; k-- {
		if !st.anchorTok(k) && !adminLevel[st.tokText(k)] {
			break
		}
		s = st.toks[k].s
	}
	return s
}

// orgWindow is what lies before an organisation ending: the tokens going
// left up to a stop (nearest first), the index in it of the leftmost place
// or organisation, and the start of a brand written before a place in
// brackets (瑞可达（泰州）电子科技有限公司), or -1.
type orgWindow struct {
	toks   []int
	anchor int
	brand  int
}

func (st *sentence) window(j int, ending string) orgWindow {
	w := orgWindow{anchor: -1, brand: -1}
	next := st.toks[j].s
	for k := j - 1; k >= 0 && len(w.toks) < 8; k-- {
		m := st.toks[k]
		if m.e != next {
			break
		}
		mw := st.text(m.s, m.e)
		if mw == "）" || mw == ")" {
			w.brand = st.bracketBrand(k)
			break
		}
		if m.e-m.s == 1 && (m.pos == "v" || m.pos == "zg") && k > 0 && st.toks[k-1].e == m.s && deptTails[st.rs[m.s-1]] &&
			st.endsWithSuffix(k-1) {
			break // 市公安局|报|省公安厅: a verb between two bodies
		}
		if !st.inOrgName(k, w.toks) && !(len(w.toks) == 0 && st.t.cues[mw] && strings.HasSuffix(ending, "委员会") && st.toks[k].pos == "n") &&
			!st.brandTimeWord(k) {
			break // a profession right before a body's ending is the body's field (专家|委员会)
		}
		if st.endsWithSuffix(k) && !st.anchorTok(k) && !(len(w.toks) == 0 && compoundEnding(mw, ending)) {
			break // 闽江学院|更名|大学: another body ends there
		}
		if utf8.RuneCountInString(ending) >= 2 && strings.HasSuffix(mw, ending) {
			break // 东方理工大学|建设|…|研究型大学: a body of the same kind ends there
		}
		if len(w.toks) >= 2 && st.placeTok(k) && buildVerbs[st.tokText(w.toks[len(w.toks)-1])] {
			break // 遵义|建设|省域副中心: a place and what it builds, not a name
		}
		w.toks = append(w.toks, k)
		if st.anchorTok(k) || adminLevel[mw] && st.ordinalsOnly(w.toks[:len(w.toks)-1]) {
			w.anchor = len(w.toks) - 1
		}
		next = m.s
	}
	return w
}

// loneRuneStart extends an organisation starting at s over the one-rune
// token of a name right before it, when a phrase starts there (，鹏|瑞利|
// 医院开诊): the segmenter cut the brand's first rune off as a name of its
// own; a rune the dictionary tags as a name and no function word.
func (st *sentence) loneRuneStart(s int) int {
	j := st.endTok[s]
	if j < 0 || !st.oneRuneTok(st.toks[j].s) || !isHan(st.rs[st.toks[j].s]) {
		return s
	}
	switch st.toks[j].pos {
	case "nr", "nz":
	default:
		return s
	}
	p := st.toks[j].s
	if strings.ContainsRune(functionChars, st.rs[p]) || adminLevel[string(st.rs[p])] {
		return s
	}
	if p > 0 && (isHan(st.rs[p-1]) || unicode.IsLetter(st.rs[p-1]) || unicode.IsDigit(st.rs[p-1])) {
		return s
	}
	return p
}

// ordinalsOnly says whether the tokens are ordinals and the ending word
// 中心 only (市|第三|中心|医院): a level of government before them names
// one body of that level.
func (st *sentence) ordinalsOnly(toks []int) bool {
	for _, k := range toks {
		tk := st.toks[k]
		if w := st.tokText(k); !(tk.pos == "m" && st.rs[tk.s] == '第' && tk.e-tk.s >= 2 && hanOnly(w)) && w != "中心" {
			return false
		}
	}
	return true
}

// brandTimeWord says whether token k is a time word that a place written
// right before it makes part of a brand (山东|未来|网络研究院, 山东|未来|云谷…):
// no date, since a place does not stand before one in the sentence.
func (st *sentence) brandTimeWord(k int) bool {
	m := st.toks[k]
	if m.pos != "t" || m.e-m.s != 2 || !hanOnly(st.tokText(k)) || k == 0 || st.toks[k-1].e != m.s {
		return false
	}
	return st.toks[k-1].pos == "ns" && st.placeTok(k-1)
}

// compoundEnding says whether the ending word w written right before the
// ending e makes one ending with it, a kind of institution (中心|医院,
// 中心|小学): the name goes on to the left of both (滨州市|中心|医院, not
// 滨州市中心).
func compoundEnding(w, e string) bool {
	if w != "中心" {
		return false
	}
	switch e {
	case "医院", "卫生院", "学校", "小学", "中学", "幼儿园", "血站":
		return true
	}
	return false
}

// inOrgName says whether token k can stand inside an organisation name,
// given the tokens win already taken to its right.
func (st *sentence) inOrgName(k int, win []int) bool {
	m := st.toks[k]
	mw := st.text(m.s, m.e)
	if orgStop[mw] || actionWords[mw] || st.blocked[m.s] || !hanOrAlnum(mw) || st.t.titles[mw] || st.t.cues[mw] {
		return false
	}
	if st.anchorTok(k) || st.singleRun(k) && !unicode.IsDigit(st.rs[m.s]) {
		return true
	}
	switch m.pos {
	case "v":
		// a verb may stand inside a name before its proper part
		// (指导|委员会, 开发|交流|中心); once the proper part is there, it
		// ends the name (深化|开发区 is caught by the kinds)
		for _, q := range win {
			if st.specificTok(q) {
				return false
			}
		}
		return true
	case "m", "mq":
		// numbers written in Chinese belong to names (九十|中学, 十四|局);
		// counts do not (规章|7|部, 两位)
		return hanOnly(mw) && !strings.ContainsAny(mw, "位个名项件部批家")
	}
	return !stopPOS[m.pos]
}

// singleRun says whether token k is one character among one-character
// tokens (迈|博|太|科: an unknown name the segmenter cut apart).
func (st *sentence) singleRun(k int) bool {
	one := func(i int) bool {
		return i >= 0 && i < len(st.toks) && st.toks[i].e-st.toks[i].s == 1 && isHan(st.rs[st.toks[i].s])
	}
	// a function character beside k is a run-mate only inside a longer run
	// (迈|博|太|科), not at its edge (为|农|服务中心, 个|环|大学)
	mate := func(i, away int) bool {
		return one(i) && (!strings.ContainsRune(functionChars, st.rs[st.toks[i].s]) || one(i+away))
	}
	return one(k) && (mate(k-1, -1) || mate(k+1, 1))
}

// bracketBrand finds the brand before a place in brackets that closes at
// token k (瑞可达（泰州）电子科技有限公司): the start of the brand, or -1.
func (st *sentence) bracketBrand(k int) int {
	open := -1
	for q := k - 1; q >= 0 && q >= k-4; q-- {
		if t := st.tokText(q); t == "（" || t == "(" {
			open = q
			break
		}
	}
	if open <= 0 || st.toks[open-1].e != st.toks[open].s || !st.placeIn(st.toks[open].e, st.toks[k].s) {
		return -1
	}
	brand := -1
	for q := open - 1; q >= 0 && q >= open-3; q-- {
		bw := st.tokText(q)
		if orgStop[bw] || actionWords[bw] || st.t.kinds[bw] || stopPOS[st.toks[q].pos] || st.toks[q].pos == "a" ||
			!hanOrAlnum(bw) || st.blocked[st.toks[q].s] || (q < open-1 && st.toks[q].e != st.toks[q+1].s) {
			break
		}
		brand = st.toks[q].s
		if st.toks[q].e-st.toks[q].s >= 2 && q < open-1 {
			break
		}
	}
	if brand >= 0 && open-1 >= 0 && st.toks[open-1].e-st.toks[open-1].s == 1 {
		// a one-rune brand word after a body the lists know, over one noun
		// (百度|智能|云（济南）…): the body's product names the centre
		for q := open - 2; q >= 0 && q >= open-3 && st.toks[q].e == st.toks[q+1].s; q-- {
			if g, ok := st.lookup(st.tokText(q)); ok && g.Type == ORG {
				return st.toks[q].s
			}
			if st.toks[q].pos != "n" {
				break
			}
		}
	}
	return brand
}

// placeIn says whether [s, e) names a place: a listed place or a word the
// dictionary tags as one (泰州 in 瑞可达（泰州）电子科技有限公司, not 牧 in
// 农（牧）事综合服务中心).
func (st *sentence) placeIn(s, e int) bool {
	if e-s < 2 {
		return false
	}
	if g, ok := st.lookup(st.text(s, e)); ok {
		return g.Type == LOC
	}
	j := st.startTok[s]
	return j >= 0 && st.toks[j].e == e && st.toks[j].pos == "ns"
}

// orgStart finds where an organisation ending at end (in token j, which
// does not name one by itself) starts, from the window before it.
func (st *sentence) orgStart(j, end int) (int, bool) {
	tk := st.toks[j]
	ending := st.text(tk.s, end)
	w := st.window(j, ending)
	suffixOnly := st.t.suffixes[ending]
	if suffixOnly && end-tk.s == 1 && len(w.toks) > 0 && st.endsWithSuffix(w.toks[0]) {
		return 0, false // 外交委员会|委|请: not a second ending
	}
	s := -1
	switch {
	case suffixOnly && needAnchor[ending] && st.d.x.genre == News:
		return 0, false // the news gold sets tag the place of 美国政府
	case suffixOnly && (end-tk.s == 1 || needAnchor[ending]) && w.anchor < 0:
		// 局, 厂, 队, 政府 alone follow a named place or body only
	case w.brand >= 0:
		s = w.brand
	case w.anchor >= 0:
		s = st.toks[w.toks[w.anchor]].s
	default:
		s = st.specificRun(w.toks)
		if s < 0 && len(w.toks) > 0 && companyEndings[ending] && st.brandNoun(w.toks[0], len(w.toks) == 1) {
			s = st.toks[w.toks[0]].s // 首旅|集团: a noun the dictionary knows, alone before a company ending
		}
		if s < 0 && fullNameEndings[ending] {
			s = st.delimitedName(w.toks)
		}
	}
	if s < 0 && st.text(tk.s, end) == "队" && len(w.toks) > 0 && st.teamWord(w.toks[0]) {
		// a team: 前卫寰岛队
		s = st.toks[w.toks[0]].s
		if len(w.toks) > 1 && st.teamWord(w.toks[1]) {
			s = st.toks[w.toks[1]].s
		}
	}
	if s >= 0 {
		return s, true
	}
	// the token alone, when it names an organisation by itself, or when
	// the ending cuts a title off it (内务部|长)
	// or when the dictionary knows the whole token as a proper name
	// (故宫博物院/ns)
	if g, ok := st.lookup(st.text(tk.s, end)); ok && g.Type == ORG || !suffixOnly && end < tk.e ||
		!suffixOnly && end == tk.e && end-tk.s >= 4 && tk.pos == "ns" && !st.t.kinds[st.text(tk.s, tk.s+2)] {
		return tk.s, true
	}
	return 0, false
}

// companyEndings are the endings of company names.
var companyEndings = map[string]bool{"集团": true, "公司": true, "有限公司": true, "股份有限公司": true, "集团有限公司": true,
	"有限责任公司": true, "集团公司": true, "股份公司": true}

// fullNameEndings are endings that only a registered name carries: a
// company's legal form and a university; the words before them make its name
// even when the dictionary knows each as common (八方|地动|科技|有限公司, 南方|
// 科技|大学).
var fullNameEndings = map[string]bool{"有限公司": true, "股份有限公司": true, "有限责任公司": true, "大学": true}

// delimitedName is the start of the window's tokens (nearest first) as one
// name, when they are two to four nouns that a delimiter closes on the left
// (punctuation, a preposition or conjunction: 与|八方|地动|科技) and not kinds
// only (相关|科技); else -1.
func (st *sentence) delimitedName(win []int) int {
	if len(win) < 2 || len(win) > 4 {
		return -1
	}
	for _, k := range win {
		switch st.toks[k].pos {
		case "n", "nz", "ns", "nr", "j", "f", "nt":
		default:
			return -1
		}
		if st.toks[k].e-st.toks[k].s < 2 || directionWords[st.tokText(k)] && k != win[len(win)-1] {
			return -1
		}
	}
	first := st.toks[win[len(win)-1]]
	if st.kindsOnly(st.rs[first.s:st.toks[win[0]].e]) {
		return -1
	}
	if first.s > 0 {
		j := st.endTok[first.s]
		if j >= 0 && isHan(st.rs[first.s-1]) {
			switch st.toks[j].pos {
			case "p", "c":
			default:
				return -1 // the window stopped at a verb or a word of the sentence
			}
		}
	}
	return first.s
}

// brandNoun says whether token k, the only word before a company ending
// (alone: the window holds nothing else), can be a brand: a noun of two or
// three characters that is not a kind of company (企业, 医疗, 产业).
func (st *sentence) brandNoun(k int, alone bool) bool {
	m := st.toks[k]
	w := st.tokText(k)
	if !alone || m.e-m.s < 2 || m.e-m.s > 3 || st.t.kinds[w] || !hanOnly(w) {
		return false
	}
	switch m.pos {
	case "n", "nz", "j", "ng", "an":
		return true
	}
	return false
}

// endsWithSuffix says whether token k ends with an organisation ending
// of two characters or more (委员会, 集团).
func (st *sentence) endsWithSuffix(k int) bool {
	w := []rune(st.tokText(k))
	for L := min(len(w), st.t.maxSuffix); L >= 2; L-- {
		if st.t.suffixes[string(w[len(w)-L:])] {
			return true
		}
	}
	return false
}

// specificRun is the start of the run of specific words in the window
// (nearest first), after at most two generic words before the ending
// (迈博太科|药业|有限公司), or -1.
func (st *sentence) specificRun(win []int) int {
	s := -1
	i := 0
	for i < len(win) && i < 2 && !st.specificTok(win[i]) {
		i++
	}
	for i < len(win) && st.specificTok(win[i]) {
		s = st.toks[win[i]].s
		i++
	}
	return s
}

// parentStart extends an organisation starting at s over the group it
// belongs to, written before it: 华能集团|华能发电有限公司.
func (st *sentence) parentStart(s int) int {
	for {
		j := st.endTok[s]
		if j < 0 {
			return s
		}
		pe := st.toks[j].e
		ending := ""
		for _, g := range groupEndings {
			if strings.HasSuffix(st.text(max(0, pe-utf8.RuneCountInString(g)), pe), g) {
				ending = g
				break
			}
		}
		if ending == "" {
			return s
		}
		ps, ok := st.orgStart(j, pe)
		if !ok || ps >= pe-utf8.RuneCountInString(ending) {
			return s
		}
		s = ps
	}
}

// orgName vets an organisation [s, end): not a kind of body (上市公司,
// 研发中心, 零碳园区), nor a place the lists know (香港特别行政区). A level of
// government alone makes a body with an organ's ending (省|人民政府).
func (st *sentence) orgName(s, end int) bool {
	w := st.text(s, end)
	if st.hasGrammarWord(s, end) {
		return false
	}
	if g, ok := st.lookup(w); ok {
		return g.Type == ORG
	}
	// the ending: the longest suffix of the name that makes organisations
	rs := st.rs[s:end]
	cut := len(rs)
	for L := min(len(rs)-1, st.t.maxSuffix); L >= 1; L-- {
		if st.t.suffixes[string(rs[len(rs)-L:])] {
			cut = len(rs) - L
			break
		}
	}
	name := rs[:cut]
	if string(rs[cut:]) == "园区" && st.placeIn(s, s+cut) {
		return false // 洋县|园区: the place's parks, a kind; the place stays a place
	}
	if len(name) == 1 && len(rs)-cut >= 2 && s > 0 && isHan(st.rs[s-1]) && !st.known(name) {
		return false // 双算|力中心: one rune cut from the word before it
	}
	if len(name) > 0 && st.t.suffixes[string(name)] {
		return false // 集团|股份有限公司: an ending before an ending, the brand lost
	}
	if len(name) > 0 && name[0] == '驻' {
		return false // 驻陕部队: the troops stationed somewhere, not a name
	}
	if len(name) > 0 && strings.ContainsRune("一二三四五六七八九十百千万两亿", name[0]) && !st.nounAt(s) {
		return false // 五要建设服务型政府, 新年第一会: counts and slogans
	}
	if adminLevel[string(name)] && s > 0 && strings.ContainsRune("省市县区乡镇", st.rs[s-1]) {
		return false // 省市|县政府: the bodies of every level, not one
	}
	if adminLevel[string(name)] {
		// 省人民政府: a definite body in policy text; the news gold sets
		// tag nothing there. The nation has one congress, one conference,
		// one federation of trade unions, but courts, governments and
		// committees at every level (全国法院 are all the courts)
		if string(name) == "全国" && !nationalOrgans[string(rs[cut:])] {
			return false
		}
		return organEndings[string(rs[cut:])] && st.d.x.genre == Policy
	}
	if len(name) >= 3 && st.oneRuneTok(s) && st.kindsOnly(name[1:]) {
		if g, ok := st.lookup(string(name[:1])); !ok || g.Type != LOC {
			return false // 获|批|国家重点实验室: one rune of another word before a kind
		}
	}
	if st.kindsOnly(name) {
		// a level of government and a field make a department (省|教育|厅)
		return departmentEndings[string(rs[cut:])] && st.startsWithLevel(name)
	}
	// a body and a kind of its members: 北京证券交易所|上市|公司 is not one
	// company but the companies listed there
	for i := len(name) - 1; i >= 2; i-- {
		if st.kindsOnly(name[i:]) && (st.endsWithSuffixRunes(name[:i]) || st.knownOrg(name[:i]) && strings.ContainsRune("部委局厅", name[i-1]) && len(rs)-cut >= 2 && !departmentEndings[string(rs[cut:])]) {
			return false
		}
	}
	return true
}

// nounAt says whether a noun of two runes or more starts at s (八方|地动…:
// a numeral inside a word, no count).
func (st *sentence) nounAt(s int) bool {
	j := st.startTok[s]
	if j < 0 || st.toks[j].e-st.toks[j].s < 2 {
		return false
	}
	switch st.toks[j].pos {
	case "n", "nz", "nr", "ns", "nt", "j":
		return true
	}
	return false
}

// known says whether the lists know the runes as a name of any type.
func (st *sentence) known(rs []rune) bool {
	_, ok := st.lookup(string(rs))
	return ok
}

// knownOrg says whether the lists know the runes as an organisation
// (教育部 of 教育部|重点|实验室: the ministry's key laboratories, a kind).
func (st *sentence) knownOrg(rs []rune) bool {
	g, ok := st.lookup(string(rs))
	return ok && g.Type == ORG
}

// endsWithSuffixRunes says whether rs ends with an organisation ending of
// two characters or more.
func (st *sentence) endsWithSuffixRunes(rs []rune) bool {
	for L := min(len(rs)-1, st.t.maxSuffix); L >= 2; L-- {
		if st.t.suffixes[string(rs[len(rs)-L:])] {
			return true
		}
	}
	return false
}

// quotedOrganisations adds the names in quotation marks that end with an
// organisation ending (「幫幫忙基金會」, “路竹会”): the quotes mark the extent.
func (st *sentence) quotedOrganisations() {
	for i, r := range st.rs {
		closer, ok := quotePairs[r]
		if !ok {
			continue
		}
		e := i + 1
		for e < len(st.rs) && e-i <= 24 && st.rs[e] != closer && (isHan(st.rs[e]) || st.rs[e] == '（' || st.rs[e] == '）') {
			e++
		}
		if e >= len(st.rs) || st.rs[e] != closer || e-i-1 < 2 {
			continue
		}
		name := st.rs[i+1 : e]
		if strings.ContainsRune("一二三四五六七八九十两百千万零多双", name[0]) {
			continue // slogans: “一网通办”, “三校一院”
		}
		for L := min(len(name)-1, st.t.maxSuffix); L >= 1; L-- {
			x := string(name[len(name)-L:])
			if L >= 2 && st.t.suffixes[x] || L == 1 && strings.ContainsRune("会社团", name[len(name)-1]) && st.quotedEnding(e) {
				if !st.kindsOnly(name[:len(name)-L]) {
					st.add(i+1, e, ORG, float64(e-i-1)*10+9)
				}
				break
			}
		}
	}
}

// quotedEnding says whether the one-rune ending before rune e of a quoted
// name is a word of its own (路竹|会) or ends a word the dictionary tags as
// an organisation (同盟会/nt), not a common word (机会, 不会).
func (st *sentence) quotedEnding(e int) bool {
	if st.startTok[e-1] >= 0 {
		return true
	}
	j := st.endTok[e]
	return j >= 0 && st.toks[j].pos == "nt"
}

var quotePairs = map[rune]rune{'「': '」', '“': '”', '『': '』'}

// departmentEndings end the names of government departments.
var departmentEndings = map[string]bool{"厅": true, "局": true, "委": true, "办": true, "部": true, "署": true,
	"委员会": true, "管理局": true, "办公室": true, "办公厅": true, "监督管理局": true, "总局": true}

// startsWithLevel says whether a name starts with a level of government.
func (st *sentence) startsWithLevel(rs []rune) bool {
	for L := min(len(rs), 3); L >= 1; L-- {
		if adminLevel[string(rs[:L])] {
			return true
		}
	}
	return false
}

// kindsOnly says whether the runes are made of words that make kinds of
// bodies and levels of government only (零碳, 国家级, 省|属).
func (st *sentence) kindsOnly(rs []rune) bool {
	for i := 0; i < len(rs); {
		n := 0
		for L := min(len(rs)-i, 6); L >= 1; L-- {
			w := string(rs[i : i+L])
			if st.t.kinds[w] || adminLevel[w] || L == 1 && strings.ContainsRune("零双两二三四五六七八九十百千万一新老大小总分主副", rs[i]) {
				n = L
				break
			}
		}
		if n == 0 {
			return false
		}
		i += n
	}
	return true
}

// listedOrganisations adds the names of an enumeration that ends with a
// kind of organisation: 牧原、宇通、华兰等一批龙头企业; 吉能、交投等企业.
// Each item must be a short name the dictionary does not know as a common
// word.
func (st *sentence) listedOrganisations() {
	n := len(st.rs)
	for i := 0; i < n; i++ {
		if st.rs[i] != '等' {
			continue
		}
		if !st.orgKindFollows(i + 1) {
			continue
		}
		items := st.listItems(i)
		if len(items) < 2 {
			continue
		}
		for _, it := range items {
			st.add(it[0], it[1], ORG, float64(it[1]-it[0])*10+4)
		}
	}
}

// orgKindFollows says whether a kind of organisation follows at i, after
// a few modifiers: (一批|多家|N家)?(…)(企业|公司|集团|银行|高校|…).
func (st *sentence) orgKindFollows(i int) bool {
	end := min(len(st.rs), i+12)
	text := st.text(i, end)
	for _, k := range orgKinds {
		if p := strings.Index(text, k); p >= 0 {
			pre := []rune(text[:p])
			// nothing that ends the phrase before the kind
			for _, r := range pre {
				if r == '，' || r == '、' || r == '。' || r == '的' || r == '和' {
					return false
				}
			}
			return len(pre) <= 8
		}
	}
	return false
}

var orgKinds = []string{"企业", "公司", "集团", "银行", "高校", "大学", "院所", "机构", "医院", "车企", "药企", "房企", "央企", "国企", "民企"}

// listItems are the items of the enumeration X、Y、Z that ends at i (before
// 等), as rune spans; nil when one of them is not a plausible name.
func (st *sentence) listItems(i int) [][2]int {
	var out [][2]int
	e := i
	for {
		s := e
		for s > 0 && st.rs[s-1] != '、' && st.rs[s-1] != '，' && st.rs[s-1] != '：' && e-s < 8 && !isSentenceEnd(st.rs[s-1]) {
			s--
		}
		if s == e || !st.listItemName(s, e) {
			// the first item may follow a verb: 支持|超聚变; 集聚了|比亚迪
			if len(out) > 0 && s < e {
				if v := st.afterVerb(s, e); v >= 0 && st.listItemName(v, e) {
					out = append(out, [2]int{v, e})
					return out
				}
			}
			if len(out) > 0 && s > 0 && st.rs[s-1] != '、' {
				return out
			}
			return nil
		}
		out = append(out, [2]int{s, e})
		if s == 0 || st.rs[s-1] != '、' {
			return out
		}
		e = s - 1
	}
}

// afterVerb is the start of the last tokens of [s, e) after a verb or
// preposition, or -1.
func (st *sentence) afterVerb(s, e int) int {
	for j := st.endTok[e]; j >= 0 && st.toks[j].s >= s; j-- {
		if p := st.toks[j].pos; (p == "v" || p == "p" || p == "ul" || p == "uj") && st.toks[j].e < e {
			return st.toks[j].e
		}
	}
	return -1
}

// listItemName says whether [s, e) can be the short name of an
// organisation in a list: two to six characters at token boundaries, not
// a common word, nor a place or kind.
func (st *sentence) listItemName(s, e int) bool {
	if e-s < 2 || e-s > 8 || st.startTok[s] < 0 || st.endTok[e] < 0 || st.isBlocked(s, e) {
		return false
	}
	w := st.text(s, e)
	if !hanOrAlnum(w) {
		return false
	}
	if g, ok := st.lookup(w); ok {
		return g.Type == ORG
	}
	j := st.startTok[s]
	if st.toks[j].e == e && commonPOS[st.toks[j].pos] || st.t.kinds[w] {
		return false // 汽车、家电等: common words
	}
	specific := false
	for k := j; k < len(st.toks) && st.toks[k].e <= e; k++ {
		if tw := st.tokText(k); orgStop[tw] || st.toks[k].pos == "v" && st.toks[k].e-st.toks[k].s >= 2 {
			return false
		}
		if st.specificTok(k) || st.toks[k].e-st.toks[k].s >= 2 && !commonPOS[st.toks[k].pos] {
			specific = true
		}
	}
	return specific // not 小炼焦、小炼铁等土小企业
}

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
	if directionWords[st.text(m.s, m.e)] {
		return false // 中西部|国际交往中心: a part of the country, not a body
	}
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
	if !hanOrAlnum(w) || orgStop[w] || st.t.kinds[w] || directionWords[w] {
		return false
	}
	if m.e-m.s == 1 {
		// single characters only in a run of them (迈|博|太|科), and not
		// verbs cut apart (演|训|中心)
		if m.pos == "v" || m.pos == "vn" {
			return false
		}
		return !unicode.IsDigit(st.rs[m.s]) && !strings.ContainsRune(functionChars, st.rs[m.s]) && st.singleRun(k)
	}
	switch m.pos {
	case "nz", "j", "x", "eng", "nr", "nrt", "nrfg", "ns", "nt":
		return true
	}
	return false
}

// orgPrefixes are words written before a body's name that belong to it: the
// status of a public body (国立, 省立), its reach (国际), the nationality of
// a company (美商英特尔公司).
var orgPrefixes = map[string]bool{"国际": true, "国家": true, "国立": true, "省立": true, "市立": true, "县立": true, "私立": true,
	"美商": true, "日商": true, "德商": true, "法商": true, "英商": true, "韩商": true, "港商": true,
	"台商": true, "财团法人": true, "社团法人": true}

// prefixStart extends an organisation starting at s over the prefixes that
// belong to its name, and over the places and bodies written before such a
// prefix (中华民国|国际|青年商会, 国立|故宫博物院).
func (st *sentence) prefixStart(s int) int {
	took := false
	for n := 0; n < 4; n++ {
		k := st.endTok[s]
		if k < 0 {
			break
		}
		switch w := st.tokText(k); {
		case orgPrefixes[w]:
			s, took = st.toks[k].s, true
		case took && st.anchorTok(k) && !orgStop[w]:
			return st.toks[k].s
		default:
			return s
		}
	}
	return s
}

// buildVerbs are the verbs of building that follow a place in policy text
// (遵义|建设|省域副中心, 毕节|打造|…): a name does not go on over them.
var buildVerbs = map[string]bool{"建设": true, "打造": true, "创建": true, "建成": true, "争创": true, "申建": true}

// placeTok says whether token k names a place the lists know.
func (st *sentence) placeTok(k int) bool {
	g, ok := st.lookup(st.tokText(k))
	return ok && g.Type == LOC
}

// joinSubsidiaries joins an organisation to the one written right after it
// when the second is a part of the first: a branch or subsidiary named by
// where it is (长三角国家技术创新中心|安徽中心, 教育部|重庆高等研究院), a
// unit of a university, hospital or academy (重庆大学|智能汽车技术学院), or
// the second brand of a joint venture, both names without an ending (一汽|丰田,
// 一汽—大众). A branch written after a body extends it (中国科学院|上海分院).
// The spans are in text order and do not overlap.
func (st *sentence) joinSubsidiaries(spans []span) []span {
	out := spans[:0]
	for _, sp := range spans {
		if n := len(out); n > 0 && sp.typ == ORG && out[n-1].typ == ORG && out[n-1].e-out[n-1].s >= 2 {
			prev := &out[n-1]
			gap := sp.s - prev.e
			dash := gap == 1 && strings.ContainsRune("—-－", st.rs[prev.e])
			if gap == 0 && (st.startsWithPlace(sp.s, sp.e) || st.endsWithAny(prev.s, prev.e, unitParents)) ||
				(gap == 0 || dash) && st.brandOnly(prev.s, prev.e) && st.brandOnly(sp.s, sp.e) {
				prev.e = sp.e
				prev.score += sp.score
				continue
			}
		}
		if sp.typ == ORG {
			sp.e = st.branchAfter(sp.e)
		}
		out = append(out, sp)
	}
	return out
}

// unitParents are the endings of bodies whose units are written right after
// their name (重庆大学|智能汽车技术学院, 南开医院|中西医结合临床中心).
var unitParents = []string{"大学", "医院", "学院", "研究院", "科学院"}

// branchEndings end the name of a branch written right after its body
// (上海|分院, 西安|分中心). A campus (院区, 校区) is a site of its body, not a
// part with a name of its own: 北京工业大学|房山校区 stays 北京工业大学.
var branchEndings = []string{"分院", "分校", "分部", "分中心", "分所"}

// branchAfter extends an organisation ending at e over a branch written
// right after it: one to three Han characters and a branch ending.
func (st *sentence) branchAfter(e int) int {
	for _, b := range branchEndings {
		br := []rune(b)
		for n := 1; n <= 3; n++ {
			end := e + n + len(br)
			if end > len(st.rs) || string(st.rs[e+n:end]) != b || st.endTok[end] < 0 {
				continue
			}
			ok := true
			for _, r := range st.rs[e : e+n] {
				if !isHan(r) || strings.ContainsRune(functionChars, r) {
					ok = false
				}
			}
			if ok && st.startTok[e] >= 0 {
				return end
			}
		}
	}
	return e
}

// brandOnly says whether [s, e) is a name with no organisation ending,
// nor the last character of a public body's (党中央, 国务院): a brand.
func (st *sentence) brandOnly(s, e int) bool {
	return !st.endsWithSuffixRunes(st.rs[s:e]) && !st.t.suffixes[string(st.rs[e-1:e])] &&
		!strings.ContainsRune("院委会部局厅署办府央军党所社队", st.rs[e-1])
}

// endsWithAny says whether [s, e) ends with one of the words.
func (st *sentence) endsWithAny(s, e int, words []string) bool {
	w := st.text(s, e)
	for _, x := range words {
		if strings.HasSuffix(w, x) {
			return true
		}
	}
	return false
}

// startsWithPlace says whether [s, e) starts with a token that names a place
// the lists know, with more after it.
func (st *sentence) startsWithPlace(s, e int) bool {
	j := st.startTok[s]
	return j >= 0 && st.toks[j].e < e && st.placeTok(j)
}

// namesBody says whether the part of token j before its organisation
// ending (or the whole token) is a place or body the lists know (中国|队,
// 北京市|委).
func (st *sentence) namesBody(j, end int) bool {
	tk := st.toks[j]
	if _, ok := st.lookup(st.text(tk.s, end)); ok {
		return true
	}
	for k := end - 1; k > tk.s; k-- {
		if g, ok := st.lookup(st.text(tk.s, k)); ok && (g.Type == LOC || g.Type == ORG) {
			return true
		}
	}
	return false
}

// hasGrammarWord says whether [s, end) holds 各, 等 or 的 as a word of its
// own (各|部门, 企业|等, 我们|的): a phrase, not a name. 等 inside a word
// (高等, 中等) is part of the name (重庆高等研究院).
func (st *sentence) hasGrammarWord(s, end int) bool {
	for i := s; i < end; i++ {
		if !strings.ContainsRune("各等的", st.rs[i]) {
			continue
		}
		j := -1
		for b := i; b >= s; b-- {
			if st.startTok[b] >= 0 {
				j = st.startTok[b]
				break
			}
		}
		if j < 0 || st.toks[j].e <= i || st.toks[j].e-st.toks[j].s == 1 || st.toks[j].e > end {
			return true
		}
		if w := st.tokText(j); strings.HasPrefix(w, "等") || strings.HasSuffix(w, "的") || strings.HasPrefix(w, "各") {
			return true
		}
	}
	return false
}

// hasVerb says whether a token in [s, e) is a verb (总统府|接见|国际青年商会).
func (st *sentence) hasVerb(s, e int) bool {
	for i := s; i < e; i++ {
		if j := st.startTok[i]; j >= 0 && (st.toks[j].pos == "v" || st.toks[j].pos == "vn") {
			return true
		}
	}
	return false
}

// directionWords are the parts of the country that the dictionary may tag as
// bodies (中西部/nt): never the proper part of a name.
var directionWords = map[string]bool{"东部": true, "西部": true, "中部": true, "中西部": true, "东中西部": true,
	"南部": true, "北部": true, "东北部": true, "西北部": true, "西南部": true, "东南部": true, "沿海": true, "内陆": true}
