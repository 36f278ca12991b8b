package slogans

import (
	"iter"
	"strings"
)

// Rules 15 (round 8): precision on notices. Notices quote ordinary words for
// emphasis, quote what a user or a system does, name their platforms and
// campaigns in quotation marks, and enumerate tiers and sectors; the rules
// below tell these from formulations by the shape of the quote and its
// context, never by the words seen.

// degreeCues before a quoted span make it an evaluative word set off for
// emphasis (越来越“生态化”, 更加“精准”); 所谓 distances the writer from it.
var degreeCues = []string{"越来越", "更加", "更为", "十分", "非常", "极为", "极其", "较为", "愈加", "愈发", "日趋", "所谓的", "所谓"}

// mentionTails after a quoted span make it a word mentioned as a word
// (“人民”二字, “智慧”一词, “试点”字样).
var mentionTails = []string{"二字", "两字", "两个字", "一词", "这个词", "这一词", "字样", "的说法", "之说", "一说"}

// scareCue reports whether the quoted runes r[a:b] are an ordinary word
// set off for emphasis or mentioned as a word: a degree adverb or 所谓
// before it, a word such as 二字 after it, a reduplicated action (“点一点”,
// “审一审”), or a version name (“测试版”, “示范版”).
func (x *extractor) scareCue(a, b int) bool {
	r := x.v.r
	c := r[a:b]
	for _, w := range degreeCues {
		if endsWithAt(r, a-1, w) {
			return true
		}
	}
	for _, w := range mentionTails {
		if hasPrefixAt(r, b+1, w) {
			return true
		}
	}
	if len(c) == 3 && c[0] == c[2] && c[1] == '一' && isHan(c[0]) {
		return true
	}
	if len(c) < 3 || c[len(c)-1] != '版' || strings.ContainsAny(string(c), "0123456789+＋") || hasCountingNumeral(c) {
		return false
	}
	// 版 after a word (示范|版, 正式版), not the end of a verb (数字|出版):
	// the two last characters are no word of the dictionary
	return !x.words.inDictionary(string(c[len(c)-2:]))
}

// campaignMonth reports a quoted name of a month of a campaign or an
// event (全国“敬老月”, “安全生产月”, “质量月”): a title, like the days and
// weeks of titleEnds.
func campaignMonth(c []rune) bool {
	n := len(c)
	return n >= 3 && c[n-1] == '月' && !isNumeral(c[n-2]) && !isASCIIDigit(c[n-2])
}

func isASCIIDigit(c rune) bool { return c >= '0' && c <= '9' }

// headedName reports whether a noun phrase of Han characters after the
// closing mark at b ends in the word of a platform, a system or an app
// (“安新云控”智慧工厂云管控平台): the quote names that platform. Only nouns
// between, at most maxHeadedName characters.
func (x *extractor) headedName(b int) bool {
	v := x.v
	if !v.hasTokens {
		return false
	}
	r := v.r
	j := b + 1
	for e := j; e < len(r) && e-j <= maxHeadedName; {
		t, ok := v.tokenAt(e)
		if !ok {
			return false
		}
		w := string(r[t.a:t.b])
		if !allHan(r[t.a:t.b]) {
			if !lettersDigits(r[t.a:t.b]) {
				return false
			}
			e = t.b // 3D, 5G: part of the name's phrase
			continue
		}
		if e > j {
			for _, tail := range headedTails {
				if w == tail || t.b-t.a > 2 && strings.HasSuffix(w, tail) {
					nx := t.b
					return nx >= len(r) || !isHan(r[nx]) || strings.ContainsRune(nameTailNext, r[nx])
				}
			}
		}
		// the phrase opens with a noun (a verb after the quote starts a
		// clause: “X”建设平台 is no name); a verb may follow inside it
		// (智慧工厂云管控平台)
		if e == j && (!nounish(t.pos) || t.pos == "vn") || t.b-t.a == 1 && !nounish(t.pos) {
			return false
		}
		e = t.b
	}
	return false
}

// maxHeadedName bounds the noun phrase between a quoted name and its
// platform word.
const maxHeadedName = 10

// headedTails end the noun phrase of headedName.
var headedTails = []string{"平台", "系统", "APP", "App", "app", "客户端", "小程序", "公众号", "网站"}

// quotedAction reports whether the quoted runes r[a:b] are an action: a
// short verb phrase (its first word a verb, no numeral, no +, no tail
// naming what it is) quoted inside reported speech (a verb of saying or a
// colon earlier in the sentence, or another quotation around it) or after
// an instruction (做到“…”, 按照“…”要求). Set patterns (应收尽收, 一次办好)
// are no plain actions and stay.
func (x *extractor) quotedAction(a, b int) bool {
	v := x.v
	if !v.hasTokens || b-a > 6 || b-a < 2 {
		return false
	}
	c := v.r[a:b]
	if strings.ContainsAny(string(c), "+＋") || hasCountingNumeral(c) || numberedShape(c) || fourRepeats([][]rune{c}) {
		return false
	}
	for _, ch := range c {
		if !isHan(ch) || isNumeral(ch) || strings.ContainsRune("尽不无零全", ch) {
			return false
		}
	}
	t, ok := v.tokenAt(a)
	if !ok || t.pos == "" || t.pos[0] != 'v' || t.pos == "vn" || t.b >= b {
		return false // one verb alone (“审批”) is a word, not an action phrase
	}
	if x.tailAfter(b+1) > 0 {
		return false
	}
	r := v.r
	if endsWithAt(r, a-1, "做到") || endsWithAt(r, a-1, "按照") {
		return true
	}
	// reported speech: a verb of saying with a colon or a comma, or an
	// open quotation, earlier in the sentence
	for j := a - 2; j >= 0 && j >= a-1-maxQuoteScan; j-- {
		ch := r[j]
		switch {
		case ch == '\n' || ch == '。' || ch == '！' || ch == '？':
			return false
		case ch == '”' || ch == '」' || ch == '"':
			// a closed quotation before: read on before it
			for j--; j >= 0 && r[j] != '“' && r[j] != '「' && r[j] != '"' && r[j] != '\n'; j-- {
			}
		case ch == '“' || ch == '「':
			return true // an open quotation: this quote is inside it
		case (ch == '：' || ch == ':' || isComma(ch)) && x.speechCue(j):
			return true
		}
	}
	return false
}

// kindSuffixes end members that are tiers, classes, sectors or
// establishments of one kind (国家级、省级、市级; 制造业、农业、服务业).
const kindSuffixes = "级类业品馆站标"

// tiersOrSectors reports members that are all tiers or classes (ending in
// 级 or 类), or all nouns of one word sharing a last character that makes
// kinds of a thing (制造业、农业、服务业): a list, not a formulation. A
// verbal noun (就业、创业) is no sector.
func (x *extractor) tiersOrSectors(members [][]rune, rspans [][2]int) bool {
	last := members[0][len(members[0])-1]
	if !strings.ContainsRune(kindSuffixes, last) {
		return false
	}
	for _, m := range members {
		if len(m) < 2 || m[len(m)-1] != last {
			return false
		}
	}
	if last == '级' || last == '类' {
		return true
	}
	v := x.v
	if !v.hasTokens {
		return false
	}
	for _, sp := range rspans {
		t, ok := v.tokenAt(sp[0])
		if !ok || t.b != sp[1] || t.pos == "" || t.pos[0] != 'n' || t.pos == "vn" {
			return false
		}
	}
	return true
}

// addressees reports a series on a line that ends with a colon and holds
// no full stop: the addressees of a notice (部属各单位，部内各单位，部管各
// 社团：) or a heading, not a formulation.
func (x *extractor) addressees(a, b int) bool {
	r := x.v.r
	for j := a - 1; j >= 0 && r[j] != '\n'; j-- {
		if r[j] == '。' {
			return false
		}
	}
	for j := b; j < len(r) && r[j] != '\n'; j++ {
		switch r[j] {
		case '。', '；':
			return false
		case '：', ':':
			for k := j + 1; k < len(r) && r[k] != '\n'; k++ {
				if r[k] != ' ' && r[k] != '\t' && r[k] != '\u3000' && r[k] != '\r' {
					return false
				}
			}
			return true
		}
	}
	return false
}

// modifierQuote reports a quoted type word of three characters or fewer
// (“智能型”) that names nothing after it: a quality set off for emphasis.
// (X化 is left alone: “一体化”, “信息化” are often policy terms.)
func (x *extractor) modifierQuote(c []rune, b int) bool {
	if len(c) > 3 || c[len(c)-1] != '型' || x.tailAfter(b+1) > 0 {
		return false
	}
	if t, ok := x.v.tokenAt(b + 1); ok && nounish(t.pos) && t.pos != "vn" {
		return false // it modifies the noun after it: “服务型”政府
	}
	for _, ch := range c {
		if isNumeral(ch) || !isHan(ch) {
			return false
		}
	}
	return true
}

// describedMembers reports members that are each a quality of something
// named before 的 (系统集成的规范性、协同作业的安全性): what a check looks
// at, not a set phrase (排头兵的姿态、先行者的担当 is one).
func describedMembers(members [][]rune) bool {
	for _, m := range members {
		if m[len(m)-1] != '性' || !strings.ContainsRune(string(m), '的') {
			return false
		}
	}
	return true
}

// lettersDigits reports letters and digits only (3D, 5G, AI).
func lettersDigits(w []rune) bool {
	for _, c := range w {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return len(w) > 0
}

// categoryParts follow a run of quoted names of categories: 等4个部分,
// 三项大类, 条目.
var categoryParts = []string{"部分", "大类", "类别", "条目", "板块", "子体系", "层级"}

// categoryRuns makes the quoted names in a run of two or more (joined by
// 、，和与及或) names of categories, titles (rules 15): the parts of a standard
// system or the options of a form, not formulations. A run is of categories
// when 分为 or 包括 stands before it (包括“通用标准”、“检测标准”), when 等N个
// 部分 or N项大类 follows it, or when every name opens with a capital letter
// (“A基础共性”、“B支撑技术”). (Names sharing a head noun are no evidence:
// “谷子经济”“票根经济”, “产业飞地”、“科创飞地” are formulations.) Known terms, codes, numbered labels and + labels
// keep their class.
func (x *extractor) categoryRuns() {
	r := x.v.r
	for run := range x.quoteRuns() {
		if len(run) < 2 || !x.categoryRun(run) {
			continue
		}
		for n := range run {
			q := &run[n]
			c := r[q.i+1 : q.k]
			if q.class != ClassFormulation || q.kind != Quoted || strings.ContainsAny(q.key, "+＋") || hasCountingNumeral(c) || x.knownTerm(q.key) {
				continue
			}
			x.retitle(q)
		}
	}
}

// quoteRuns yields the runs of quotes joined by separators only (see
// joined), each a sub-slice of x.quotes in text order; a quote standing
// alone is a run of one.
func (x *extractor) quoteRuns() iter.Seq[[]quoteSpan] {
	return func(yield func([]quoteSpan) bool) {
		qs := x.quotes
		for i := 0; i < len(qs); {
			k := i
			for k+1 < len(qs) && x.joined(qs[k].k+1, qs[k+1].i) {
				k++
			}
			if !yield(qs[i : k+1]) {
				return
			}
			i = k + 1
		}
	}
}

// retitle makes a quote a name (a title), no longer a formulation: its
// runes no longer count as quoted.
func (x *extractor) retitle(q *quoteSpan) {
	q.class, q.kind = ClassTitle, ""
	for j := q.i + 1; j < q.k; j++ {
		x.v.quoted[j] = false
	}
}

// joined reports whether runes r[a:b] between two quotes hold only
// separators of a run: 、，和与及或 and spaces.
func (x *extractor) joined(a, b int) bool {
	if b < a || b-a > 3 {
		return false
	}
	for _, c := range x.v.r[a:b] {
		if !strings.ContainsRune("、，,和与及或 \u3000", c) {
			return false
		}
	}
	return true
}

// categoryRun reports whether a run of quotes names categories.
func (x *extractor) categoryRun(run []quoteSpan) bool {
	r := x.v.r
	first, last := run[0], run[len(run)-1]
	for _, w := range []string{"分为", "细分为", "划分为", "包括", "包含"} {
		if endsWithAt(r, first.i, w) || endsWithAt(r, first.i, w+"：") || endsWithAt(r, first.i, w+":") {
			return true
		}
	}
	j := last.k + 1
	if hasPrefixAt(r, j, "等") {
		j++
	}
	for j < len(r) && (isNumeral(r[j]) || isASCIIDigit(r[j])) {
		j++
	}
	if j < len(r) && strings.ContainsRune("个项大", r[j]) {
		j++
	}
	for _, w := range categoryParts {
		if j > last.k+1 && hasPrefixAt(r, j, w) || hasPrefixAt(r, last.k+1, w) {
			return true
		}
	}
	// every name opens with a capital letter, then Han: the lettered parts
	// of a structure (“A基础共性”、“B关键技术”)
	for _, q := range run {
		p := q.i + 1
		for p < q.k && (r[p] == ' ' || r[p] == '\u3000') {
			p++
		}
		if p+1 >= q.k || r[p] < 'A' || r[p] > 'Z' || !isHan(r[p+1]) {
			return false
		}
	}
	return true
}

// fixLastMember mends the end of a series' last member (rules 15), spans in
// runes of s: a localiser that closes a frame opened before the series (在,
// 从, 于) leaves it (在更广范围、更深程度、更高水平|上), and a verb that every other member
// ends in, cut off the last one by the length rules, joins it when it ends
// the clause (向上下游延伸、向终端产品迈进、向新增长领域|集聚，).
func (x *extractor) fixLastMember(spans [][2]int) {
	v := x.v
	n := len(spans)
	if !v.hasTokens || n < 2 {
		return
	}
	last := &spans[n-1]
	_, rb := v.fullSpan(last[0], last[1])
	ra, _ := v.fullSpan(spans[0][0], spans[0][1])
	frame := ra > 0 && strings.ContainsRune("在从于", v.r[ra-1])
	if t, ok := v.tokenBefore(rb); ok && frame && t.b-t.a == 1 && t.pos == "f" && last[1]-last[0] >= 3 {
		c := v.r[t.a]
		other := false
		for _, sp := range spans[:n-1] {
			other = other || v.s[sp[1]-1] == c
		}
		if !other {
			last[1]--
			return
		}
	}
	if last[1] >= len(v.s) {
		return
	}
	if x.endShape(spans) {
		return
	}
	// members opening alike (向…、向…、向…), each but the last ending in a verb
	for _, sp := range spans[:n-1] {
		_, e := v.fullSpan(sp[0], sp[1])
		if t, ok := v.tokenBefore(e); !ok || !verbTag(t.pos) || v.s[sp[0]] != v.s[last[0]] {
			return
		}
	}
	if t, ok := v.tokenBefore(rb); !ok || verbTag(t.pos) {
		return
	}
	re := v.sIdx[last[1]]
	t, ok := v.tokenAt(re)
	if !ok || !verbTag(t.pos) || t.b-t.a > 2 || t.b >= len(v.r) || complements[string(v.r[t.a:t.b])] {
		return
	}
	if !strings.ContainsRune("，。；！？,;\n", v.r[t.b]) {
		return
	}
	for j := last[1]; j < last[1]+(t.b-t.a); j++ {
		if j >= len(v.s) || v.sIdx[j] != re+(j-last[1]) {
			return
		}
	}
	last[1] += t.b - t.a
}

// verbTag: a verb, not a verbal noun.
func verbTag(p string) bool { return p != "" && p[0] == 'v' && p != "vn" }

// complements follow a verb as its direction, not as a verb of its own.
var complements = map[string]bool{"起来": true, "下去": true, "出来": true, "进来": true, "上来": true, "下来": true, "过来": true, "开来": true, "起": true, "来": true, "去": true}

// endShape carries a last member cut by the length rules to the end its
// shape has (rules 17): when every other member ends in one character and
// the last does not, but reaches it within three characters, at a word
// end and with no mark between, the last member ends there
// (工业化、信息化、城镇化、农业|现代化 is 农业现代化).
func (x *extractor) endShape(spans [][2]int) bool {
	v := x.v
	n := len(spans)
	if n < 3 {
		return false
	}
	c := v.s[spans[0][1]-1]
	for _, sp := range spans[1 : n-1] {
		if v.s[sp[1]-1] != c {
			return false
		}
	}
	last := &spans[n-1]
	if v.s[last[1]-1] == c {
		return false
	}
	for e := last[1] + 1; e <= last[1]+3 && e <= len(v.s); e++ {
		if v.sIdx[e-1]-v.sIdx[e-2] > 1 || !isHan(v.s[e-1]) {
			return false
		}
		if v.s[e-1] == c && v.sBound(e) {
			last[1] = e
			return true
		}
	}
	return false
}
