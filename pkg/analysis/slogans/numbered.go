package slogans

import (
	"strings"
	"sync"
)

// numberedInitial can open a numbered formulation.
// bareInitial: the numerals that open a bare numbered formulation
// (两个基地, 九大行动); a switch, not a string search: it runs on every
// character of a document.
func bareInitial(c rune) bool {
	switch c {
	case '两', '三', '四', '五', '六', '七', '八', '九', '十':
		return true
	}
	return false
}

func numberedInitial(c rune) bool {
	switch c {
	case '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '双':
		return true
	}
	return false
}

// lexicalPrefixes are words that begin with a numeral but do not count
// anything: 两岸一家亲 is not numbered.
var lexicalPrefixes = []string{
	"两岸", "一些", "一般", "一切", "一致", "一直", "一定", "一样", "一起", "一律", "一旦", "一贯",
	"一向", "一再", "一同", "一时", "一方面", "双边", "双向", "双赢", "双方", "双手", "十分", "万一",
	"百姓", "万物", "一下", "一点", "一番", "一味", "一经", "一道", "一齐", "千万不", "千万别", "千万要",
	"百货", "万家", "一家", "一带一些", "四周", "四处", "三角", "五金", "八成", "九成", "十足", "百年",
	"千年", "万年", "一年", "两年", "三年", "五年", "十年",
}

// softPrefixes begin numbered formulations only when another numeral
// follows (一体 is not numbered, 一体两翼 is).
var softPrefixes = []string{"一体", "一流", "一手", "一线", "一批", "一度", "双重", "一揽子", "一系列", "一把手", "一大", "一个"}

// quantityUnits after a leading numeral make it a quantity (十年, 三次).
func quantityUnit(c rune) bool {
	return strings.ContainsRune("年月日天周岁次元万亿倍点%％分秒度届季时些", c) || (c >= '0' && c <= '9')
}

// idiomList holds four-character set phrases with two numerals that are
// not formulations.
const idiomList = "一心一意 一模一样 一五一十 三心二意 一举两得 一石二鸟 三番五次 七上八下 四面八方 五湖四海 " +
	"一年一度 一草一木 一点一滴 一言一行 一朝一夕 一针一线 一砖一瓦 五颜六色 七嘴八舌 九牛一毛 " +
	"十全十美 万无一失 一丝一毫 百战百胜 千军万马 一唱一和 一问一答 一来一回 一来一往 一心一德 一波三折 " +
	"三令五申 一清二楚 一干二净 三三两两 四平八稳 一穷二白 七零八落 一分为二 一日千里 一家一户 一张一弛 " +
	"一进一出 一上一下 一前一后 一左一右 一大一小 一高一低 一多一少 一增一减 一升一降 一收一放 一个一个 " +
	"一次一次 一批一批 一年一年 一天一天 一步一步 一点一点 千千万万 万万千千 一一对应 一对一 一比一 " +
	"三五成群 七七八八 十之八九 百分之百 一针见血 一五计划 九九归一 一传十 十传百 一板一眼 一本一 " +
	"千方百计 千变万化 千差万别 千辛万苦 千丝万缕 千家万户 万紫千红 千姿百态 百花齐放 百家争鸣 " +
	"一呼百应 一本万利 一落千丈 一泻千里 一劳永逸 四通八达 五花八门 六神无主 七情六欲 八面玲珑 " +
	"九死一生 十拿九稳 百折不挠 百里挑一 万众一心 一国一城 千篇一律 百废俱兴 百废待兴 一浪接一浪 一浪高过一浪 " +
	"一代又一代 一年又一年 一次又一次 一批又一批 一个又一个 三言两语 三年五载 一知半解 一言一行 " +
	"一石三鸟 一箭双雕 双管齐下 一五一十 三令五申 万古长青 千秋万代 千秋万世 千头万绪 万事如意 " +
	"一波未平 一如既往 一成不变 一蹴而就 一劳永逸 一脉相承 一以贯之 一帆风顺 一鼓作气 一马当先 " +
	"一丝不苟 一视同仁 一往无前 一概而论 一无所有 一日千里 百尺竿头 百花齐放 万马奔腾 千锤百炼"

// idiomWords are the words of idiomList, split once.
var idiomWords = sync.OnceValue(func() []string { return strings.Fields(idiomList) })

// isIdiom reports whether s is, or begins with, one of idiomList.
func isIdiom(s string) bool {
	for _, w := range idiomWords() {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// numberedShape reports whether a quoted phrase (or lexicon text) has the
// shape of a numbered formulation: a leading numeral that counts the
// content rather than a quantity, a period or an ordinary word.
func numberedShape(c []rune) bool {
	if len(c) < 2 || len(c) > 16 || !numberedInitial(c[0]) {
		return false
	}
	s := string(c)
	if isIdiom(s) {
		return false
	}
	if len(c) >= 4 && c[0] == c[2] && c[1] == c[3] {
		return false // 一块一块, 一步一步: a reduplication
	}
	for _, p := range lexicalPrefixes {
		if strings.HasPrefix(s, p) {
			return false
		}
	}
	e := 0
	if c[0] == '双' {
		e = 1
	} else {
		for e < len(c) && isNumeral(c[e]) && c[e] != '亿' {
			e++
		}
	}
	if e == len(c) {
		return false // 十五, 二十
	}
	if e >= 3 {
		return false // a number: 一五六项 is 156 projects
	}
	if quantityUnit(c[e]) {
		return false
	}
	more := false
	for _, ch := range c[e+1:] {
		if numberedInitial(ch) {
			more = true
		}
	}
	if !more {
		for _, p := range softPrefixes {
			if strings.HasPrefix(s, p) {
				return false
			}
		}
	}
	return true
}

// countingParts after a numeral in a compact pattern make it a count.
// Rules 19: 份 counts copies (一式三份, 纸质版一式两份) and 是 opens an
// item of an enumeration (一是…二是百货店).
func countingPart(p []rune) bool {
	if len(p) == 1 {
		return strings.ContainsRune("年月日天周季次时分秒个批些样般点倍遍步回层级代条项种类名张件号份是", p[0])
	}
	// a classifier of copies or items opening a longer part counts too
	// (一式三份|和电子版)
	return len(p) > 1 && strings.ContainsRune("份是", p[0])
}

// compactNumbered finds bare numbered formulations made of two or more
// numeral units: 一带一路, 三去一降一补, 两不愁三保障, 五位一体, 三证合一.
// It returns their keys; scan counts them.
func (x *extractor) compactNumbered() map[string]Kind {
	v := x.v
	s := v.s
	out := map[string]Kind{}
	for j := 0; j < len(s); j++ {
		if !numberedInitial(s[j]) || !v.sBound(j) {
			continue
		}
		if j > 0 && (isNumeral(s[j-1]) || s[j-1] == '第' || s[j-1] == '双') {
			continue
		}
		if e, ok := x.compactAt(j); ok {
			out[textKey(string(s[j:e]))] = Numbered
			j = e - 1
		}
	}
	return out
}

// compactAt parses numeral units from s[j] and returns the end of the
// best parse: most units, then parts of equal length, then the shortest.
func (x *extractor) compactAt(j int) (int, bool) {
	v := x.v
	s := v.s
	str := func(e int) string { return string(s[j:e]) }
	for _, ps := range [][]string{lexicalPrefixes, softPrefixes} {
		for _, p := range ps {
			if hasPrefixAt(s, j, p) {
				return 0, false
			}
		}
	}
	for _, w := range idiomWords() {
		if hasPrefixAt(s, j, w) {
			return 0, false // 一浪接一|浪
		}
	}
	type parse struct {
		end, units int
		equal      bool
	}
	var best *parse
	consider := func(e, units int, parts []int) {
		if units < 2 || e-j < 4 || e-j > 7 || !v.sBound(e) || isIdiom(str(e)) {
			return
		}
		// a quotation mark inside: “两新”“两重” are two formulations
		if v.sIdx[e-1]-v.sIdx[j] != e-1-j {
			return
		}
		if !numberedShape(s[j:e]) {
			return
		}
		eq := true
		for _, p := range parts[:len(parts)-1] {
			if p != parts[0] {
				eq = false
			}
		}
		if last := parts[len(parts)-1]; last != 0 && last != parts[0] {
			eq = false
		}
		c := &parse{end: e, units: units, equal: eq}
		switch {
		case best == nil,
			c.units > best.units,
			c.units == best.units && c.equal && !best.equal,
			c.units == best.units && c.equal == best.equal && c.end < best.end:
			best = c
		}
	}
	var try func(at int, parts []int)
	try = func(at int, parts []int) {
		if at-j > 7 || at >= len(s) || !numberedInitial(s[at]) {
			return
		}
		if at+1 < len(s) && isNumeral(s[at+1]) {
			return // a number, not a unit numeral
		}
		for pl := 0; pl <= 2; pl++ {
			e := at + 1 + pl
			if e > len(s) {
				break
			}
			okPart := true
			for _, c := range s[at+1 : e] {
				if !isHan(c) || isNumeral(c) || c == '双' || c == '第' {
					okPart = false
				}
			}
			if !okPart {
				break
			}
			if countingPart(s[at+1 : e]) {
				continue
			}
			ps := append(append([]int{}, parts...), pl)
			if pl == 0 {
				// only the last unit may be a bare numeral (三证合一)
				if len(parts) >= 1 {
					consider(e, len(ps), ps)
				}
				continue
			}
			consider(e, len(ps), ps)
			try(e, ps)
		}
	}
	try(j, nil)
	if best == nil {
		return 0, false
	}
	return best.end, true
}

// numberedHeads end bare N项X formulations: 八项规定, 十项重大工程,
// 三项制度改革 (三项任务 counts, 十项措施 names a package).
var numberedHeads = wordSet("规定 措施 举措 任务 纪律 原则 政策 制度 改革 工程 行动 计划 战略 机制 清单 工作法 标准 承诺 禁令 条例")

// bareNumbered finds numbered formulations written without quotation
// marks beyond the compact ones: N大X (四大主导产业, 九大行动, 三大优势集群),
// N项X ending in a word that names a package (十项重大工程, 三项制度改革),
// and codes (1+5+N产业集群). It returns their keys; scan counts them.
func (x *extractor) bareNumbered() []string {
	v := x.v
	r := v.r
	var out []string
	for j := 0; j+2 < len(r); j++ {
		c := r[j]
		if isDigit(c) || c >= 'A' && c <= 'Z' {
			if e, ok := x.bareCode(j); ok {
				out = append(out, textKey(string(r[j:e])))
				j = e - 1
			}
			continue
		}
		if !bareInitial(c) || !v.bound[j] {
			continue
		}
		if j > 0 && (isNumeral(r[j-1]) || r[j-1] == '第' || isDigit(r[j-1])) {
			continue
		}
		switch r[j+1] {
		case '大':
			if e := x.numberedHead(j+2, false); e > 0 {
				out = append(out, textKey(string(r[j:e])))
				j = e - 1
			}
		case '项':
			if e := x.numberedHead(j+2, true); e > 0 {
				out = append(out, textKey(string(r[j:e])))
				j = e - 1
			}
		}
	}
	return out
}

// numberedHead reads the noun phrase counted by N大 or N项, starting at
// r[a], and returns its end (0: none): one or two words, starting at a
// word boundary with a noun or an adjective, ending with a noun (with
// needHead: a word of numberedHeads), within 8 characters.
func (x *extractor) numberedHead(a int, needHead bool) int {
	v := x.v
	if !v.hasTokens || a >= len(v.r) || !v.bound[a] {
		return 0
	}
	if t, ok := v.tokenAt(a); !ok || !(nounish(t.pos) || t.pos == "a" || t.pos == "b") || strings.ContainsRune("类批步片会洲道项个家", v.r[a]) {
		return 0
	}
	e, last := a, 0
	for words := 0; e < len(v.r) && words < 2; words++ {
		t, ok := v.tokenAt(e)
		if !ok {
			break
		}
		w := string(v.r[t.a:t.b])
		if !allHan(v.r[t.a:t.b]) || t.b-a > 8 || closedPOS(t.pos) || attributeNouns[w] || genericTails[w] || governing(w) || verbish(t.pos) {
			break
		}
		if !nounish(t.pos) && t.pos != "a" && t.pos != "b" {
			break
		}
		e = t.b
		if (nounish(t.pos) && t.pos != "vn" || programmeHeads[w] || numberedHeads[w]) && (!needHead || numberedHeads[w] || programmeHeads[w]) {
			last = e
		}
	}
	if last-a < 2 {
		return 0
	}
	return last
}

// bareCode reads a code written without quotation marks at r[j]: groups of
// digits or capital letters joined by + (1+5+N, 2+3+6+6), followed by an
// ideograph (the thing it numbers). It returns the end of the code.
func (x *extractor) bareCode(j int) (int, bool) {
	r := x.v.r
	if j > 0 && (isDigit(r[j-1]) || r[j-1] < 0x80 && isWordRune(r[j-1]) || r[j-1] == '+' || r[j-1] == '.' || r[j-1] == '．') {
		return 0, false
	}
	e, groups, plus := j, 0, 0
	for e < len(r) {
		g := e
		for e < len(r) && (isDigit(r[e]) || r[e] >= 'A' && r[e] <= 'Z') {
			e++
		}
		if e == g || e-g > 4 {
			return 0, false
		}
		groups++
		if e < len(r) && (r[e] == '+' || r[e] == '＋') {
			plus++
			e++
			continue
		}
		break
	}
	if plus == 0 || groups < 2 || e >= len(r) || !isHan(r[e]) || r[e-1] == '+' {
		return 0, false
	}
	return e, true
}
