package slogans

import "strings"

// Rules 20 (round 13): quoted phrases set against each other in a contrast
// (从“给政策”“给项目”到“给机会”), lettered sections and the quoted parts of a
// system of categories (“A基础共性”, “基础共性”、“关键技术”和“船厂应用”三项大类),
// and one-character heads glued to a numbered label (筑牢“六个严防” read as
// 牢“六个严防”).

// contrastQuote reports whether the quoted runes r[a:b] stand in a contrast
// of phrases: a run of quoted spans after 从 that a 到 (向, 转向 …) with a
// quoted span follows in the same clause, or a run after 到 (再到, 转向 …)
// that 从“ opens earlier in the clause. The phrases describe a change of
// course, each in plain words with no number: emphasis, not the names of
// policies.
func (x *extractor) contrastQuote(a, b int) bool {
	r := x.v.r
	// a number makes a shape of its own (从“最初一公里”到“最后一公里”)
	for _, ch := range r[a:b] {
		if isNumeral(ch) || isASCIIDigit(ch) {
			return false
		}
	}
	i := x.quoteRunStart(a - 1)
	if endsWithAt(r, i, "从") {
		return x.contrastTo(b + 1)
	}
	for _, w := range contrastWords {
		if !endsWithAt(r, i, w) {
			continue
		}
		// 从“ earlier in the clause
		for k := i - len([]rune(w)) - 1; k > 0 && k > i-maxQuoteScan/2; k-- {
			if clauseStop(r[k]) {
				return false
			}
			if r[k] == '从' && isQuoteMark(r[k+1]) {
				return true
			}
		}
		return false
	}
	return false
}

// contrastWords are the words that lead from one side of a contrast to the
// other (从“A”到“B”, 从“A”转向“B”).
var contrastWords = []string{"再到", "到", "转向", "转为", "变为", "走向", "迈向", "向"}

// clauseStop reports the marks that end a clause for a contrast.
func clauseStop(c rune) bool {
	return c == '。' || c == '；' || c == ';' || c == '！' || c == '？' || c == '\n' || c == '：'
}

// quoteRunStart gives the index of the opening mark of the first quoted span
// of the run (spans written together or joined by 、) that ends with the span
// opening at r[open].
func (x *extractor) quoteRunStart(open int) int {
	r := x.v.r
	for {
		p := open - 1
		if p >= 0 && isDun(r[p]) {
			p--
		}
		if p < 0 || !isQuoteMark(r[p]) || r[p] == '“' || r[p] == '「' {
			return open
		}
		k := p - 1
		for k >= 0 && k > p-maxQuoteScan/4 && !isQuoteMark(r[k]) && r[k] != '\n' {
			k--
		}
		if k < 0 || !isQuoteMark(r[k]) || r[k] == '”' || r[k] == '」' {
			return open
		}
		open = k
	}
}

// contrastTo reports whether, after the run of quoted spans ending before
// r[j], a word leading to the other side of a contrast is followed by a
// quoted span: 从“给政策”“给项目”|到“给机会”.
func (x *extractor) contrastTo(j int) bool {
	r := x.v.r
	j = x.quoteRunEnd(j)
	for _, w := range contrastWords {
		if hasPrefixAt(r, j, w) {
			k := j + len([]rune(w))
			return k < len(r) && isQuoteMark(r[k])
		}
	}
	return false
}

// quoteRunEnd skips the quoted spans (and the 、 between them) starting at
// r[j] and gives the index after them.
func (x *extractor) quoteRunEnd(j int) int {
	r := x.v.r
	for j < len(r) {
		k := j
		if isDun(r[k]) {
			k++
		}
		if k >= len(r) {
			return j
		}
		cl := closerOf(r[k])
		if cl == 0 {
			return j
		}
		e := k + 1
		for e < len(r) && e <= k+maxQuoteScan/4 && r[e] != cl && r[e] != '"' && r[e] != '\n' {
			e++
		}
		if e >= len(r) || r[e] != cl && r[e] != '"' {
			return j
		}
		j = e + 1
	}
	return j
}

// sectionLabel reports whether the quoted runes r[a:b] name a section of a
// system of categories: a capital letter before the words (“A基础共性”,
// “C石化关键应用技术”), or a run of quoted spans that a word of categories
// ends (“基础共性”、“关键技术”和“船厂应用”三项大类; “X”“Y”两个部分).
func (x *extractor) sectionLabel(a, b int) bool {
	r := x.v.r
	c := r[a:b]
	if len(c) >= 3 && c[0] >= 'A' && c[0] <= 'Z' {
		k := 1
		for k < len(c) && c[k] == ' ' {
			k++
		}
		if k < len(c) && isHan(c[k]) && allHan(c[k:]) {
			return true
		}
	}
	// the run: at least two quoted spans, joined by 、 和 及 与
	start := x.quoteRunStart(a - 1)
	j := b + 1
	spans := 1
	if start != a-1 {
		spans++
	}
	for steps := 0; j < len(r) && steps < 12; steps++ {
		k := j
		if isDun(r[k]) || r[k] == '和' || r[k] == '及' || r[k] == '与' {
			k++
		}
		if k >= len(r) {
			break
		}
		cl := closerOf(r[k])
		if cl == 0 {
			break
		}
		e := k + 1
		for e < len(r) && e <= k+maxQuoteScan/4 && r[e] != cl && r[e] != '"' && r[e] != '\n' {
			e++
		}
		if e >= len(r) || r[e] != cl && r[e] != '"' {
			break
		}
		spans++
		j = e + 1
	}
	if spans < 2 {
		return false
	}
	// an optional count (三项, 两个, 四) before the word of categories
	k := j
	for k < len(r) && k < j+3 && (isNumeral(r[k]) || r[k] == '项' || r[k] == '个') {
		k++
	}
	for _, w := range sectionWords {
		if hasPrefixAt(r, k, w) {
			return true
		}
	}
	return false
}

// sectionWords name the parts of a system of categories or of a form.
var sectionWords = []string{"大类", "子类", "子体系", "部分", "板块", "类别"}

// oneCharHead reports whether a head is a single character that is not a
// numeral: the end of a verb the segmenter cut (筑|牢“六个严防”, 解决|好“三农”,
// 做|实“两大定位”), not the noun a formulation is about.
func oneCharHead(w []rune) bool {
	return len(w) == 1 && !isNumeral(w[0])
}

// changeVerbs take a formulation as their object before it even where the
// segmenter tags them as nouns or names (迭代升级/vn“十项行动”, 持续拓宽/nr“两山”
// 转化路径, 科学划定“三区三线”): they never end a head (rules 20). They may
// open a tail (“全省一朵云”升级工程), so they are not governingVerbs.
var changeVerbs = wordSet("升级 拓宽 拓展 划定 提高 增强 壮大 延伸 打响 擦亮 叫响 筑牢 守牢 做实 做强 做优 做大 " +
	"下好 打好 走好 唱好")

// headVerb reports whether a word before a formulation governs it: a
// governing verb or a verb of change.
func headVerb(w string) bool {
	return governing(w) || changeVerbs[w]
}

// verbGoal reports whether the quoted runes r[a:b] are a goal or a task
// quoted as words, not a label: a verb phrase (verbPhrase) with no tail,
// followed by 的 and a word of goals (“打造数字先锋城市”的目标任务) or quoted
// beside another verb phrase (把“加快经济社会信息化”“大力推进国家电子政务建设”
// 作为…). A verb phrase quoted alone is often the name of a campaign
// (“围绕主线办实事”680多件): it stays.
func (x *extractor) verbGoal(a, b int) bool {
	if !x.verbPhrase(a, b) || x.tailAfter(b+1) > 0 {
		return false
	}
	r := x.v.r
	for _, w := range goalWords {
		if hasPrefixAt(r, b+1, "的"+w) {
			return true
		}
	}
	// the next quoted span of the run
	j := b + 1
	if j < len(r) && (isDun(r[j]) || strings.ContainsRune("和与及", r[j])) {
		j++
	}
	if j < len(r) {
		if cl := closerOf(r[j]); cl != 0 {
			e := j + 1
			for e < len(r) && e <= j+maxQuoteScan/4 && r[e] != cl && r[e] != '"' && r[e] != '\n' {
				e++
			}
			if e < len(r) && x.verbPhrase(j+1, e) {
				return true
			}
		}
	}
	// the quoted span before, in the same run
	if st := x.quoteRunStart(a - 1); st != a-1 {
		e := a - 2
		if isDun(r[e]) {
			e--
		}
		return x.verbPhrase(st+1, e)
	}
	if a >= 3 && strings.ContainsRune("和与及", r[a-2]) && isQuoteMark(r[a-3]) {
		k := a - 4
		for k >= 0 && k > a-maxQuoteScan/4 && !isQuoteMark(r[k]) && r[k] != '\n' {
			k--
		}
		return k >= 0 && isQuoteMark(r[k]) && x.verbPhrase(k+1, a-3)
	}
	return false
}

// goalWords follow a goal or a task quoted as words and 的.
var goalWords = []string{"目标", "任务", "要求", "部署", "号召"}

// verbPhrase reports whether runes r[a:b] are a clause of policy prose: six
// characters or more of Han, opening with a verb of two characters that
// governs formulations (打造, 加快, 推进 …; tagged as a verb), after an
// adverb of manner or not (大力推进).
func (x *extractor) verbPhrase(a, b int) bool {
	v := x.v
	if !v.hasTokens || a < 0 || b > len(v.r) || b-a < 6 || !allHan(v.r[a:b]) {
		return false
	}
	t, ok := v.tokenAt(a)
	if ok && !strings.HasPrefix(t.pos, "v") && governingVerbs[string(v.r[t.a:t.b])] {
		t, ok = v.tokenAt(t.b) // an adverb first (大力/n|d): 大力推进国家电子政务建设
	}
	return ok && t.b-t.a == 2 && strings.HasPrefix(t.pos, "v") && governingVerbs[string(v.r[t.a:t.b])]
}

// builtCentre reports whether the quoted runes r[a:b] (key their key) are
// the name of a centre that the sentence builds: a key of four characters
// or more ending in 中心, after a verb of building at most a few characters
// before the quote (建成“南A中心”, 搭建独立的“线上职工技能培训中心”). A goal
// named as a centre (第一「全球創新中心」) has no such verb.
func (x *extractor) builtCentre(a, b int, key string) bool {
	if b-a < 4 || !strings.HasSuffix(key, "中心") {
		return false
	}
	r := x.v.r
	for k := a - 1; k >= 0 && k >= a-1-6; k-- {
		if k < a-1 && (clauseStop(r[k]) || isComma(r[k])) {
			return false
		}
		for _, w := range buildVerbs {
			if endsWithAt(r, k, w) {
				return true
			}
		}
	}
	return false
}

// buildVerbs build, open or set up a facility.
var buildVerbs = []string{"建成", "搭建", "建设", "组建", "设立", "成立", "上线", "开通", "启用"}

// serviceVerb reports whether what the sentence does with the quoted span
// r[a:b] makes it a platform, a service or an app: a verb of going live or
// joining right before it (上线“一键叫车”, 接入“…”, 入驻“…”) or a verb of going
// live right after it with nothing between (“…”正式上线, “…”开通运行). A
// programme is launched (启动, 实施), not put online.
func (x *extractor) serviceVerb(a, b int) bool {
	r := x.v.r
	for _, w := range serviceBefore {
		if endsWithAt(r, a-1, w) {
			return true
		}
	}
	for _, w := range serviceAfter {
		if hasPrefixAt(r, b+1, w) {
			return true
		}
	}
	return false
}

var (
	serviceBefore = []string{"上线", "接入", "入驻", "开通", "安装"}
	serviceAfter  = []string{"上线", "正式上线", "开通", "投入使用", "投用", "启用", "正式运行", "上架"}
)
