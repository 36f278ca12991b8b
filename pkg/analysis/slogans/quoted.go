package slogans

import "strings"

// QuoteClass says what a quoted span is.
type QuoteClass string

// The classes of quoted spans. Only formulations are formulations: the
// others are reported by Analyze (Result.Quotes) and never counted.
const (
	// ClassFormulation: a label of policy, a numbered formulation, a code,
	// a plan period, a quoted series: “放管服”, “两个维护”, “1+M+N”.
	ClassFormulation QuoteClass = "formulation"
	// ClassTitle: the name of a work, ship, award, event or honour:
	// “嫦娥六号”, “梦想”号, “全国文明城市”称号, “中国航天日”.
	ClassTitle QuoteClass = "title"
	// ClassScare: an ordinary word quoted for emphasis, irony or as a
	// metaphor: “人民”, “高标准”, 「世界」, “收官战”.
	ClassScare QuoteClass = "scare"
	// ClassCitation: quoted text: a saying, verse, a sentence or a long
	// passage quoted without a speaker.
	ClassCitation QuoteClass = "citation"
	// ClassSpeech: reported speech: after a colon or a verb of saying.
	ClassSpeech QuoteClass = "speech"
)

// QuoteClasses lists the classes.
var QuoteClasses = []QuoteClass{ClassFormulation, ClassTitle, ClassScare, ClassCitation, ClassSpeech}

// Quote is one quoted span of a document.
type Quote struct {
	// Start and End are byte offsets into Input.Text, quotation marks
	// included; Text is Input.Text[Start:End].
	Start, End int
	Text       string
	// Key is the quoted text folded to Simplified, without the marks.
	Key   string
	Class QuoteClass
	// Kind is the kind of formulation (ClassFormulation only).
	Kind Kind
}

// quoteSpan is a quoted span in runes of r: the marks at i and k.
type quoteSpan struct {
	i, k  int // r[i] opens, r[k] closes
	class QuoteClass
	kind  Kind
	key   string
	hit   hit  // the series (kind Parallel)
	named bool // a title by nameCue: the name of a platform, a page, a field or a brand
}

// closerOf gives the closing mark of an opening quotation mark.
func closerOf(c rune) rune {
	switch c {
	case '“':
		return '”'
	case '「':
		return '」'
	case '『':
		return '』'
	case '‘':
		return '’'
	case '"':
		return '"'
	case '〝':
		return '〞'
	case '﹁':
		return '﹂'
	case '﹃':
		return '﹄'
	}
	return 0
}

// maxQuoteScan bounds the search for a closing mark.
const maxQuoteScan = 200

// findQuotes finds and classifies the quoted spans of the document. The
// runes inside formulations are marked (view.quoted) so that series
// members never cut into them.
func (x *extractor) findQuotes() []quoteSpan {
	v := x.v
	r := v.r
	for i := 0; i < len(r); i++ {
		cl := closerOf(r[i])
		if cl == 0 {
			continue
		}
		if r[i] == '"' && i > 0 && isWordRune(r[i-1]) && !isHan(r[i-1]) {
			continue // 5" or ASCII text
		}
		// some documents close “ with an ASCII " (“揭榜挂帅"): the first
		// of the two closes it
		mixed := r[i] == '“'
		k := -1
		for j := i + 1; j < len(r) && j <= i+maxQuoteScan; j++ {
			if r[j] == '\n' {
				break
			}
			if r[j] == cl || mixed && r[j] == '"' {
				k = j
				break
			}
		}
		if k < 0 {
			continue
		}
		if k > i+1 {
			q := x.classifyQuote(i+1, k)
			q.i, q.k = i, k
			if q.class == ClassFormulation {
				for j := i + 1; j < k; j++ {
					v.quoted[j] = true
				}
			}
			if q.class != "" {
				x.quotes = append(x.quotes, q)
			}
		}
		if r[i] == '"' || r[k] == '"' {
			i = k // ASCII quotes pair up in order; a " closing “ opens nothing
		}
	}
	x.namesEverywhere()
	x.categoryRuns()
	x.titleRuns()
	return x.quotes
}

// namesEverywhere makes a quoted label that the document names as a
// platform, an app, a page or a field somewhere (“爱山东”APP) a name
// wherever it is quoted (开展“爱山东”场景化改造) (rules 14): a document uses
// a name as a name throughout.
func (x *extractor) namesEverywhere() {
	var names map[string]bool
	for _, q := range x.quotes {
		if q.class == ClassTitle && q.named {
			if names == nil {
				names = map[string]bool{}
			}
			names[q.key] = true
		}
	}
	if names == nil {
		return
	}
	for n := range x.quotes {
		q := &x.quotes[n]
		if q.class == ClassFormulation && q.kind == Quoted && names[q.key] {
			x.retitle(q)
		}
	}
}

// quoteList gives the quoted spans as Quotes.
func (x *extractor) quoteList() []Quote {
	out := make([]Quote, 0, len(x.quotes))
	for _, q := range x.quotes {
		s, e := x.v.textSpan(q.i, q.k+1)
		out = append(out, Quote{Start: s, End: e, Text: x.v.in.Text[s:e], Key: textKey(string(x.v.r[q.i+1 : q.k])), Class: q.class, Kind: q.kind})
	}
	return out
}

// bareCounts says whether the uses of a quoted formulation outside
// quotation marks count too: where the term is formulation-like, not a
// two-character word that could be anything.
func (x *extractor) bareCounts(q quoteSpan) bool {
	if q.kind == Numbered {
		return true
	}
	n := len([]rune(q.key))
	if n < 3 || q.kind != Quoted {
		return n >= 3
	}
	// a word of the dictionary or a phrase of everyday words counts only
	// where it is quoted: its bare uses are ordinary language
	return x.knownTerm(q.key) || !x.words.inDictionary(q.key) && !x.ordinaryPhrase(q.i+1, q.k)
}

// classifyQuote decides what the quoted runes r[a:b] are.
func (x *extractor) classifyQuote(a, b int) quoteSpan {
	v := x.v
	c := withoutSpaces(v.r[a:b]) // “1 + 5 + N”, “一个平台+ N 个智能应用”: spaces of a PDF or a typist
	n := len(c)
	key := textKey(string(c))
	q := quoteSpan{key: key}
	set := func(class QuoteClass, kind Kind) quoteSpan {
		q.class, q.kind = class, kind
		return q
	}
	var hasSep, hasClause, hasStop bool
	for _, ch := range c {
		switch {
		case isQuoteMark(ch):
			return set(ClassCitation, "") // a quotation within a quotation
		case ch == '。' || ch == '！' || ch == '？' || ch == '!' || ch == '?' || ch == '…':
			hasStop = true
		case ch == '；' || ch == ';' || ch == '：' || ch == ':' || isComma(ch):
			hasClause = true
		case isDun(ch):
			hasSep = true
		}
	}
	if hasStop || hasClause && n > 2*x.opts.MaxQuoted {
		if x.speechCue(a - 1) {
			return set(ClassSpeech, "")
		}
		return set(ClassCitation, "")
	}
	if _, ok := planKey(c); ok {
		return set(ClassFormulation, Plan)
	}
	if x.colonBefore(a-1) && (hasSep || hasClause || n > 8) {
		return set(ClassSpeech, "")
	}
	if hasSep || hasClause {
		if hasClause && n > 10 {
			return set(ClassCitation, "") // a saying: “功成不必在我，功成必定有我”
		}
		if s, ok := x.quotedSeries(a, b); ok {
			q.hit = s
			return set(ClassFormulation, Parallel)
		}
		if hasClause {
			return set(ClassCitation, "")
		}
		if numberedShape(c) && n <= 2*x.opts.MaxQuoted {
			return set(ClassFormulation, Numbered)
		}
		if n <= x.opts.MaxQuoted {
			return set(ClassFormulation, Quoted)
		}
		return set(ClassCitation, "")
	}
	if codeShape(c) {
		return set(ClassFormulation, Numbered)
	}
	han := 0
	for _, ch := range c {
		if isHan(ch) {
			han++
		}
	}
	if han == 0 {
		return q // a number, a date, a word in another script: not a quote worth reporting
	}
	if x.sectionLabel(a, b) {
		return set(ClassTitle, "") // rules 20: “A基础共性”, “基础共性”、“关键技术”三项大类
	}
	if !strings.ContainsAny(key, "+＋") && !hasCountingNumeral(c) && !numberedShape(c) && !x.knownTerm(key) && x.contrastQuote(a, b) {
		return set(ClassScare, "") // rules 20: 从“给政策”“给项目”到“给机会”
	}
	if x.titleCue(a, b) || campaignMonth(c) || a >= 2 && (v.r[a-2] == '》' || v.r[a-2] == '〉') {
		return set(ClassTitle, "")
	}
	if named, strong := x.nameCue(a, b, key); named {
		q.named = strong
		return set(ClassTitle, "")
	}
	if !strings.ContainsAny(key, "+＋") && !hasCountingNumeral(c) && !numberedShape(c) && !x.knownTerm(key) && x.headedName(b) {
		return set(ClassTitle, "") // rules 15: “安新云控”智慧工厂云管控平台
	}
	if !strings.ContainsAny(key, "+＋") && !hasCountingNumeral(c) && !numberedShape(c) && !x.knownTerm(key) && x.eventName(a, b) {
		return set(ClassTitle, "") // rules 16: “红色八闽行”等活动, “山东好成果”遴选
	}
	if !strings.ContainsAny(key, "+＋") && !hasCountingNumeral(c) && !numberedShape(c) && !x.knownTerm(key) && x.verbGoal(a, b) {
		return set(ClassCitation, "") // rules 20: “打造数字先锋城市”的目标任务
	}
	if numberedShape(c) {
		return set(ClassFormulation, Numbered)
	}
	if n > x.opts.MaxQuoted {
		if x.speechCue(a - 1) {
			return set(ClassSpeech, "")
		}
		return set(ClassCitation, "")
	}
	known := x.knownTerm(key)
	if !known && x.sentenceLike(a, b) {
		return set(ClassCitation, "")
	}
	if !known && !hasCountingNumeral(c) && (x.scareCue(a, b) || x.quotedAction(a, b) || x.modifierQuote(c, b)) {
		return set(ClassScare, "") // rules 15
	}
	if known || hasCountingNumeral(c) {
		return set(ClassFormulation, Quoted)
	}
	// An everyday word in quotation marks is emphasis (“人民”, “融合”,
	// 「世界」); a word of the general dictionary is a metaphor (“收官战”,
	// “满堂红”, “组合拳”), and so is a short phrase of everyday words
	// (“最大增量”, “屋子冷”, “拍脑袋”), unless a tail says what it names;
	// a coinage is missing from the dictionary (“深港通”, “小而美”,
	// “多田套合”); two characters not in it (“黑飞”, “提质”) are too short
	// to tell.
	if x.tailAfter(b+1) > 0 {
		// a tail names what it is: 三张“零关税”清单, “家门口”就业服务站
		if x.words.below(key, veryCommonIDF) {
			return set(ClassScare, "")
		}
		return set(ClassFormulation, Quoted)
	}
	if n <= 2 || x.words.below(key, veryCommonIDF) {
		return set(ClassScare, "")
	}
	if x.plainMetaphor(a, b, key) {
		return set(ClassScare, "") // rules 18: “试验场”, “蓄水池”
	}
	// a rarer word of the dictionary or a phrase of everyday words set in
	// quotation marks by a government report is, often enough, a term of
	// its policy (“组合拳”, “约法三章”, “单一窗口”, “放水养鱼”): a
	// formulation, but its bare uses do not count (bareCounts)
	return set(ClassFormulation, Quoted)
}

// withoutSpaces gives c without the spaces set beside a Latin letter, a
// digit or a plus sign (“1 + 5 + N”, “一个平台+ N 个智能应用”: spaces of a
// PDF or a typist), for reading its shape as the key reads it; c itself
// when it has none. A space between two Han phrases stays (“雄奇山水
// 新韵重庆”: two phrases).
func withoutSpaces(c []rune) []rune {
	var out []rune
	for i, ch := range c {
		if isSpaceRune(ch) && spaceInCode(c, i) {
			if out == nil {
				out = append(make([]rune, 0, len(c)), c[:i]...)
			}
			continue
		}
		if out != nil {
			out = append(out, ch)
		}
	}
	if out == nil {
		return c
	}
	return out
}

// spaceInCode reports whether the space c[i] stands beside a Latin letter,
// a digit or a plus sign (the next characters that are not spaces), as the
// scanner reads over it (matchSpaced).
func spaceInCode(c []rune, i int) bool {
	for j := i - 1; j >= 0; j-- {
		if !isSpaceRune(c[j]) {
			if asciiWord(c[j]) {
				return true
			}
			break
		}
	}
	for j := i + 1; j < len(c); j++ {
		if !isSpaceRune(c[j]) {
			return asciiWord(c[j])
		}
	}
	return false
}

// knownTerm reports whether a key is a known formulation or policy term:
// in the lexicon, the built-in policy dictionary or the baseline.
func (x *extractor) knownTerm(key string) bool {
	if _, ok := x.lex.Lookup(key); ok {
		return true
	}
	if x.words.policy(key) {
		return true
	}
	_, ok := x.base.Lookup(key)
	return ok
}

// colonBefore reports whether a colon stands right before r[i+1].
func (x *extractor) colonBefore(i int) bool {
	if p := prevNonSpace(x.v.r, i); p >= 0 && (x.v.r[p] == '：' || x.v.r[p] == ':') {
		return true
	}
	return false
}

// speechVerbs introduce reported speech.
var speechVerbs = []string{"说", "道", "讲", "问", "答", "称", "表示", "指出", "强调", "认为", "写道", "提到", "坦言", "直言", "感慨", "呼吁", "宣布", "告诉", "回答", "提醒", "所说", "所言", "有言", "云", "曰"}

// speechCue reports whether r[i] (the opening mark is r[i+1]) ends a colon
// or a verb of saying, perhaps followed by a comma.
func (x *extractor) speechCue(i int) bool {
	r := x.v.r
	p := prevNonSpace(r, i)
	if p < 0 {
		return false
	}
	if r[p] == '：' || r[p] == ':' {
		return true
	}
	if isComma(r[p]) {
		p = prevNonSpace(r, p-1)
	}
	for _, w := range speechVerbs {
		if endsWithAt(r, p+1, w) {
			return true
		}
	}
	return false
}

func endsWithAt(r []rune, end int, w string) bool {
	ws := []rune(w)
	if end < len(ws) || end > len(r) {
		return false
	}
	return string(r[end-len(ws):end]) == w
}

// titleTails after a quoted span make it a name: “梦想”号, “全国文明城市”称号.
var titleTails = []string{"号", "称号", "奖", "杯", "牌", "荣誉", "节目", "栏目", "剧", "展览", "大赛", "赛事"}

// titleEnds end names of events, ships and works: “嫦娥六号”, “五五购物节”,
// “中国航天日”, “古埃及文明大展”.
const titleEnds = "号节杯赛展奖日周剧"

// titleCues before a quoted span make it a name: 荣获“全国文明城市”.
var titleCues = []string{"荣获", "获评", "获得", "评为", "授予", "命名为", "入选", "被誉为", "称为", "誉为", "名为", "主题为",
	"简称", "下称", "簡稱", "下稱"}

// nameEnds end the names of organisations, meetings, agreements and
// documents (Simplified keys): “世界卫生大会”, 「财团法人国际合作基金会」,
// 「经济合作架构协议」, “中国软件100强” is caught by its numeral elsewhere.
var nameEnds = []string{"委员会", "基金会", "协会", "学会", "联合会", "研究会", "大会", "论坛", "公司", "集团",
	"研究院", "研究所", "大学", "学院", "协议", "公约", "条例", "纲要", "规范", "白皮书", "宣言", "报告",
	"组织", "同盟会", "研讨会", "博览会", "交易会", "决议", "决议文",
	// rules 12: meetings, newspapers, communiqués, lists of honours
	"会议", "峰会", "日报", "时报", "晚报", "周刊", "杂志", "电视台", "通讯社", "公报", "名单",
	// rules 15: meetings of trade and exchange
	"洽谈会", "推介会", "发布会", "展销会", "座谈会", "交流会", "对接会", "年会"}

// titleCue reports whether the quoted runes r[a:b] are a name.
func (x *extractor) titleCue(a, b int) bool {
	r := x.v.r
	if strings.ContainsRune(titleEnds, r[b-1]) {
		return true
	}
	if key := textKey(string(r[a:b])); len([]rune(key)) >= 4 && !strings.ContainsAny(key, "+＋") {
		for _, w := range nameEnds {
			if strings.HasSuffix(key, w) {
				return true
			}
		}
		if honour(key) {
			return true
		}
		// a law: 「专科学校法」 (not a method: 工作方法, 做法; not a bundle
		// of laws: “能源四法”)
		if strings.HasSuffix(key, "法") && !hasCountingNumeral([]rune(key)) && !strings.ContainsAny(string([]rune(key)[len([]rune(key))-2]), "方做办手说看想用技算写打作") {
			return true
		}
	}
	for _, w := range titleTails {
		if hasPrefixAt(r, b+1, w) {
			return true
		}
	}
	for _, w := range titleCues {
		if endsWithAt(r, a-1, w) {
			return true
		}
	}
	return false
}

// sentenceWords make a quoted phrase a sentence rather than a name.
var sentenceWords = map[string]bool{
	"就是": true, "首先": true, "必须": true, "一定": true, "才能": true, "应该": true, "我们": true, "大家": true,
	"你们": true, "他们": true, "自己": true, "怎么": true, "什么": true, "为什么": true, "如何": true,
}

// sentenceLike reports whether runes r[a:b] read as a sentence: a
// pronoun, a modal particle, an aspect particle or a sentence adverb.
func (x *extractor) sentenceLike(a, b int) bool {
	v := x.v
	if !v.hasTokens {
		return false
	}
	for i := a; i < b; {
		t, ok := v.tokenAt(i)
		if !ok || t.b > b {
			i++
			continue
		}
		w := string(v.r[t.a:t.b])
		switch {
		case sentenceWords[w], t.pos == "r" && w != "其", t.pos == "y", w == "了" || w == "吗" || w == "呢" || w == "吧":
			return true
		}
		i = t.b
	}
	return false
}

// ordinaryPhrase reports whether runes r[a:b] are a short phrase of
// everyday words: at most four characters, at most two words of two
// characters or more, each of them common, no place name, no numeral
// (“最大增量”, “办证难”; not “信用浙江”, “文艺赋美”).
func (x *extractor) ordinaryPhrase(a, b int) bool {
	v := x.v
	if !v.hasTokens || b-a > 4 {
		return false
	}
	words := 0
	for i := a; i < b; {
		t, ok := v.tokenAt(i)
		if !ok || t.b > b {
			return false
		}
		w := v.r[t.a:t.b]
		i = t.b
		if isNumeral(w[0]) || !allHan(w) || t.pos == "ns" || t.pos == "nr" || t.pos == "nt" {
			return false
		}
		if len(w) == 1 {
			continue
		}
		words++
		if !x.words.common(string(w)) {
			return false
		}
	}
	return words >= 1 && words <= 2
}

// nameTails after a quoted span (or after a run of quoted spans and 等)
// make it the name of a platform, an app, a page or a field (rules 14; not
// 品牌: a government's brand is its programme, “投资中国”品牌): “爱山东”APP, “齐鲁智脑”等平台, “申请与受理”菜单, “提交”按钮.
var nameTails = []string{"APP", "App", "app", "ＡＰＰ", "客户端", "小程序", "公众号", "微信号", "网站", "网页", "平台", "系统",
	"栏目", "一栏", "栏", "按钮", "按键", "菜单", "模块", "页面", "界面", "选项", "字段", "标签页", "专区", "频道"}

// uiCues before a quoted span make it something on a screen or in a form
// (rules 14): 点击“申报管理”, 勾选“指南引导类”, 登录“山东政务服务网”. Not
// 进入, 选择, 关注: policy prose enters stages and chooses models (进入“乙类
// 乙管”常态化防控阶段).
var uiCues = []string{"点击", "单击", "双击", "勾选", "选中", "登录", "登陆", "填写", "填报", "录入", "下载", "搜索", "扫描",
	// rules 18: a place on a screen (右侧的“填写申请”)
	"右侧的", "左侧的", "右上角的", "左上角的", "右下角的", "左下角的", "页面上的", "页面中的",
	// rules 20: a service or an app in use (出示“健康码”, 享用“爱心通道”)
	"出示", "申领", "享用"}

// systemEnds end the names of platforms, systems and apps (Simplified,
// lower-cased keys) (rules 14): “审管一体化平台”, “山东公共文化云”,
// “齐鲁艺票通”app.
var systemEnds = []string{"平台", "系统", "app", "客户端", "小程序", "公众号", "网站", "文化云", "服务云", "政务云", "展厅"}

// nameCue reports whether the quoted runes r[a:b] (key their key) are the
// name of a platform, a system, an app, a page, a field or a brand: a
// tail or a cue of software or forms around it, a name's end, or a middle
// dot joining names (“好客山东·云游齐鲁”). A known term, a code, a
// numbered label or a label with + stays a formulation whatever follows
// it (“一网通办”平台, “互联网+监管”系统, “双创”平台).
//
// strong says the evidence is of software or forms (an app, a menu, a
// button, a cue such as 点击): the document names the thing, so its other
// quoted uses are names too (namesEverywhere). A platform, a system or a
// brand is weak evidence: a programme of policy has its platform too
// (“海上福建”平台 beside “海上福建”建设).
func (x *extractor) nameCue(a, b int, key string) (named, strong bool) {
	c := x.v.r[a:b]
	if strings.ContainsAny(key, "+＋") || hasCountingNumeral(c) || numberedShape(c) || x.knownTerm(key) {
		return false, false
	}
	r := x.v.r
	j := b + 1
	for steps := 0; j < len(r) && steps < 8; steps++ {
		if cl := closerOf(r[j]); cl != 0 {
			e := j + 1
			for e < len(r) && e <= j+maxQuoteScan/4 && r[e] != cl && r[e] != '"' && r[e] != '\n' {
				e++
			}
			if e >= len(r) || r[e] != cl && r[e] != '"' {
				break
			}
			j = e + 1
			continue
		}
		if isDun(r[j]) || r[j] == '和' || r[j] == '及' || r[j] == '等' {
			j++
			continue
		}
		break
	}
	for _, w := range nameTails {
		// the tail ends the phrase (“齐鲁智脑”平台，“督考合一”系统建设);
		// a longer noun names something else (“个十百”平台培育工程)
		if e := j + len([]rune(w)); hasPrefixAt(r, j, w) && (e >= len(r) || !isHan(r[e]) || strings.ContainsRune(nameTailNext, r[e])) {
			return true, !weakNameTails[w]
		}
	}
	if j > 0 && r[j-1] == '等' && x.nameAfterDeng(j-1) {
		return true, false // rules 19: “行程卡”“健康码”等新应用
	}
	for _, w := range uiCues {
		if endsWithAt(r, a-1, w) {
			return true, true
		}
	}
	if len(c) >= 4 {
		for _, w := range systemEnds {
			// not a verb and its object: “上云上平台”
			if pre := []rune(strings.TrimSuffix(key, w)); strings.HasSuffix(key, w) && len(pre) > 0 && !strings.ContainsRune("上进入用建搭登", pre[len(pre)-1]) {
				return true, false
			}
		}
	}
	if x.serviceVerb(a, b) {
		return true, false // rules 20: 上线“…”, “…”正式上线, 接入“…”
	}
	if x.builtCentre(a, b, key) {
		return true, false // rules 20: 建成“南A中心”, 搭建独立的“线上职工技能培训中心”
	}
	if h1, h2, ok := strings.Cut(key, "·"); ok && len(c) >= 4 && h1 != "" && h2 != "" {
		// two halves opening alike are a parallel slogan (“依法保护·依法治理”)
		return []rune(h1)[0] != []rune(h2)[0], false
	}
	return false, false
}

// weakNameTails name things a policy programme has too.
var weakNameTails = map[string]bool{"平台": true, "系统": true, "专区": true, "频道": true}

// nameTailNext may follow a name's tail word: 建设, 上线, 中, 等, 的.
const nameTailNext = "建上中内里等的和及与"

// hasCountingNumeral reports whether a phrase holds a numeral that counts
// (新三样, 老三篇): a numbered label.
func hasCountingNumeral(c []rune) bool {
	for i, ch := range c {
		if i > 0 && strings.ContainsRune("一二两三四五六七八九十双", ch) && !isNumeral(c[i-1]) {
			if i+1 < len(c) && strings.ContainsRune("个大项条张篇样片网区城", c[i+1]) {
				return true
			}
			if i+1 == len(c) {
				return false
			}
		}
	}
	return false
}

// codeShape reports whether a quoted phrase is a code: digits and Latin
// letters joined by +, ×, - (“1+M+N”, “2+3+6+6”, “45432”, “1310”), or a
// number of articles (“21条”, “80条”).
func codeShape(c []rune) bool {
	digits, plus, other := 0, 0, 0
	for _, ch := range c {
		switch {
		case isDigit(ch):
			digits++
		case ch == '+' || ch == '＋' || ch == '×':
			plus++
		case ch >= 'A' && ch <= 'Z', ch >= 'a' && ch <= 'z', ch >= 'Ａ' && ch <= 'Ｚ':
		default:
			other++
		}
	}
	if digits == 0 {
		return false
	}
	if other == 0 {
		if plus > 0 {
			return true
		}
		// a bare number: a code of 3 to 6 digits that is no year
		return digits >= 3 && digits <= 6 && digits == len(c) && !yearLike(c)
	}
	// digits then 条 or 项 or 个 (“21条”, “3个100”)
	e := 0
	for e < len(c) && isDigit(c[e]) {
		e++
	}
	return e > 0 && e < len(c) && strings.ContainsRune("条项", c[e]) && e+1 == len(c)
}

func yearLike(c []rune) bool {
	return len(c) == 4 && (c[0] == '1' && c[1] == '9' || c[0] == '2' && c[1] == '0')
}

// quotedSeries reads a quoted phrase with separators as a parallel series.
func (x *extractor) quotedSeries(a, b int) (hit, bool) {
	v := x.v
	var spans [][2]int
	start := a
	for j := a; j <= b; j++ {
		if j == b || isDun(v.r[j]) || isComma(v.r[j]) {
			if j-start < 1 {
				return hit{}, false
			}
			spans = append(spans, [2]int{start, j})
			start = j + 1
		}
	}
	members := make([][]rune, len(spans))
	for i, sp := range spans {
		members[i] = v.r[sp[0]:sp[1]]
	}
	// The quotation marks already say the phrase is a slogan: a quoted
	// series needs only members of the same length (within one), none of
	// them a sentence. Two members that both open with a numeral are a
	// numbered formulation written with a 、 (“双随机、一公开”).
	lo, hi := lengths(members)
	if lo < minMember || hi > maxMember || hi-lo > 1 || !distinct(members) {
		return hit{}, false
	}
	for _, m := range members {
		if !allHanOrPlus(m) {
			return hit{}, false
		}
	}
	if len(members) == 2 && numberedInitial(members[0][0]) && numberedInitial(members[1][0]) && shared(members) == 0 {
		return hit{}, false
	}
	keys := make([]string, len(members))
	for i, m := range members {
		keys[i] = textKey(string(m))
	}
	return hit{key: joinMembers(keys), kind: Parallel, i: a, k: b, ei: a - 1, ek: b + 1, members: keys, mspans: spans, quoted: true}, true
}

func prevNonSpace(r []rune, i int) int {
	for ; i >= 0; i-- {
		if r[i] != ' ' && r[i] != '\u3000' {
			return i
		}
	}
	return -1
}

// allHanOrPlus: ideographs, and + as in 互联网+.
func allHanOrPlus(r []rune) bool {
	for _, c := range r {
		if !isHan(c) && c != '+' && c != '＋' {
			return false
		}
	}
	return len(r) > 0
}

// honourScopes open the name of an honour or a ranking, honourEnds end it
// (rules 12): “全国文明城市”, “国际湿地城市”, “世界美食之都”, “中国好人”,
// “全国示范智慧商圈”, “中国软件100强”; not a policy label (“无废城市”,
// “中国方案”).
var honourScopes = []string{"全国", "中国", "国际", "世界", "国家级", "省级"}

var honourEnds = []string{"城市", "之都", "之乡", "名园", "名城", "名镇", "名村", "好人", "团队", "标兵", "模范", "强"}

// honour reports whether a key (Simplified) names an honour or a ranking.
func honour(key string) bool {
	if strings.Contains(key, "最美") {
		return true
	}
	for _, sc := range honourScopes {
		if !strings.HasPrefix(key, sc) {
			continue
		}
		if strings.Contains(key[len(sc):], "示范") {
			return true
		}
		for _, e := range honourEnds {
			if strings.HasSuffix(key, e) {
				return true
			}
		}
	}
	return false
}
