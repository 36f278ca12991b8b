package entities

import (
	"strings"
	"unicode"
)

// People in policy text. A report names few people, and every false one is
// noise an analyst removes by hand, so a name needs evidence beyond its
// shape:
//
//   - the lists of public figures (people.txt) or the user's gazetteer;
//   - a title or form of address next to it, before or after, with or
//     without a space (省长刘小涛, 省长　王正谱, 李玉院士, 殷勇同志, 葉女士);
//   - a header or caption line (河北省人民政府省长　王正谱; 王正谱作政府工作报告);
//   - or, for a Chinese name, a family name and given name that the
//     dictionary does not know as one word (the segmenter cut 戴|冰 apart),
//     scored by how typical its characters are of names.
//
// A word the dictionary knows (楼宇, 徐徐, 马拉松, 罗浮山, 爱戴 — many of them
// tagged as names by gse's dictionary) is a person only with a title or
// form of address before it, or a header or caption line. Transliterated
// names (巴斯夫, 基孔肯雅热) need the same evidence unless joined over a
// middle dot (艾尔肯·吐尼亚孜). Photo credits (本报记者 戴冰摄) are never
// people.

// afterName are words that follow a person's name.
var afterName = map[string]bool{"说": true, "表示": true, "指出": true, "认为": true, "强调": true, "介绍": true,
	"告诉": true, "称": true, "同志": true, "等": true, "一行": true, "先生": true, "女士": true, "夫人": true,
	"主持": true, "会见": true, "出席": true, "发表": true, "宣布": true, "回忆": true, "笑": true, "讲话": true,
	"问": true, "答": true, "说道": true, "也": true, "：": true, "伉俪": true, "致辞": true, "建议": true}

// honorifics after a name make it a person (殷勇同志, 葉女士).
var honorifics = map[string]bool{"同志": true, "先生": true, "女士": true, "夫人": true, "伉俪": true, "小姐": true}

// notAloneBeforePost are family names that, alone before a post, are more
// often its body or a modifier (党|主席, 省|主席, 全|省长, 国|务卿).
const notAloneBeforePost = "师旅营党省市县区镇乡村团校院部局厅处科室所该各本现原副前代老新首总正全州盟旗国军司会社队组委政经"

// nameBreaks are characters that, as a token of their own after a family
// name and one given character, are the next word rather than the end of
// the name (赵刚|作政府工作报告).
const nameBreaks = "作任兼代率带陪向对在和与及是为将把被从以等到说称"

// titleBefore says whether a title or form of address ends right before s
// (with blanks between, as in header lines).
func (st *sentence) titleBefore(s int) bool {
	j := st.prevTok(s, true)
	if j < 0 {
		return false
	}
	w := st.tokText(j)
	if st.t.cues[w] && w != "总" && w != "老" && w != "小" {
		return true
	}
	if _, ok := st.titleInToken(j); ok {
		return true
	}
	// a title written over several tokens (助|卿)
	e := st.toks[j].e
	for L := 2; L <= st.t.maxTitle && L <= e; L++ {
		if st.startTok[e-L] >= 0 && st.t.titles[st.text(e-L, e)] {
			return true
		}
	}
	return false
}

// afterGloss is e moved over a gloss in Latin letters in brackets right
// after it (貝爾德（Bastiaan BELDER）議員), or e.
func (st *sentence) afterGloss(e int) int {
	if e >= len(st.rs) || st.rs[e] != '（' && st.rs[e] != '(' {
		return e
	}
	latin := 0
	for i := e + 1; i < len(st.rs) && i < e+60; i++ {
		r := st.rs[i]
		switch {
		case r == '）' || r == ')':
			if latin == 0 {
				return e
			}
			return i + 1
		case r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z':
			latin++
		case r == ' ' || r == '.' || r == '-' || r == '\'' || r == '·' || r == ',' || r == '．' || r == '‧':
		default:
			return e
		}
	}
	return e
}

// titleAfter says whether a title or form of address starts right at e
// (or after a gloss in Latin letters).
func (st *sentence) titleAfter(e int) bool {
	e = st.afterGloss(e)
	j := st.startTok[e]
	if j < 0 {
		return false
	}
	w := st.tokText(j)
	if postModifiers[w] && j+1 < len(st.toks) && st.t.titles[st.tokText(j+1)] {
		return true // 吴敦义|副|总统
	}
	if j+1 < len(st.toks) && st.toks[j+1].s == st.toks[j].e && st.toks[j+1].e-st.toks[j].s <= 4 {
		// a post or form of address cut in two: 护理|师
		if w2 := w + st.tokText(j+1); st.t.titles[w2] || st.t.cues[w2] && !compoundCues[w2] {
			return true
		}
	}
	return st.t.titles[w] || st.t.cues[w] && len([]rune(w)) >= 2 && !compoundCues[w] || honorifics[w] || st.titlePrefix(j)
}

// compoundCues mark a person before a name (冠军张三, 时代楷模王五) but, after a
// word, make a compound with it (马拉松|冠军, 道德|模范, 航天|英雄): not
// evidence that the word before is a name.
var compoundCues = map[string]bool{"冠军": true, "选手": true, "队员": true, "英雄": true, "模范": true, "楷模": true,
	"标兵": true, "战士": true, "烈士": true, "军人": true, "少年": true, "志愿者": true, "奋斗者": true, "好人": true,
	"传承人": true, "劳模": true, "劳动模范": true}

// titlePrefix says whether token j starts with a title that a longer word
// continues (总书记强调 cut as one token is rare; 省长们 is not a title).
func (st *sentence) titlePrefix(j int) bool {
	w := []rune(st.tokText(j))
	for L := min(len(w)-1, st.t.maxTitle); L >= 2; L-- {
		if st.t.titles[string(w[:L])] {
			return true
		}
	}
	return false
}

// strictTitleAfter says whether a title (not a profession: 网约车|司机)
// or an honorific starts at e.
func (st *sentence) strictTitleAfter(e int) bool {
	j := st.startTok[st.afterGloss(e)]
	if j < 0 {
		return false
	}
	w := st.tokText(j)
	if postModifiers[w] && j+1 < len(st.toks) && st.t.titles[st.tokText(j+1)] {
		return true
	}
	return st.t.titles[w] || honorifics[w] || st.titlePrefix(j)
}

// verbsTaggedNames are verbs that gse's dictionary tags as transliterated
// names (拜托/nrt): before 说 they looked like a foreigner speaking (拜託說
// 嘉義…, a 2005 Traditional speech).
var verbsTaggedNames = map[string]bool{"拜托": true}

// sayingVerbs are verbs of saying and acting in person that follow a
// foreign name (琼斯说, 索本嘉表示).
var sayingVerbs = map[string]bool{"说": true, "表示": true, "指出": true, "认为": true, "强调": true, "介绍": true,
	"告诉": true, "称": true, "宣布": true, "会见": true, "会晤": true, "出席": true, "主持": true, "发表": true, "致辞": true,
	"访问": true, "访华": true, "抵达": true, "说道": true, "回答": true, "一行": true}

// speaksAfter says whether a verb of saying follows at e.
func (st *sentence) speaksAfter(e int) bool {
	j := st.startTok[e]
	return j >= 0 && sayingVerbs[st.tokText(j)]
}

// freeBefore says whether the token before s is not a character glued to
// the name (网|约车): punctuation, a word of two characters or more, or
// grammar.
func (st *sentence) freeBefore(s int) bool {
	j := st.endTok[s]
	if j < 0 || st.toks[j].e-st.toks[j].s != 1 {
		return true
	}
	r := st.rs[st.toks[j].s]
	return !isHan(r) || strings.ContainsRune(functionChars+nameBreaks, r) || st.t.cues[string(r)] ||
		gluePOS[st.toks[j].pos]
}

// gluePOS are the tags of one-character words that do not glue to a name
// after them: prepositions and conjunctions (跟|连|主席, 与|宋|主席).
var gluePOS = map[string]bool{"p": true, "c": true}

// honorificAfter says whether 同志, 先生, 女士… follow at e.
func (st *sentence) honorificAfter(e int) bool {
	j := st.startTok[st.afterGloss(e)]
	return j >= 0 && honorifics[st.tokText(j)]
}

// captionAfter says whether what follows e makes [?, e) the speaker of a
// caption: 作政府工作报告, 作报告, 同志作…, 代表省人民政府向大会….
func (st *sentence) captionAfter(e int) bool {
	rest := st.rs[e:]
	if hasRunes(rest, []rune("同志")) {
		rest = rest[2:]
	}
	switch {
	case len(rest) >= 2 && rest[0] == '作':
		w := string(rest[1:min(len(rest), 10)])
		return strings.Contains(w, "报告") || strings.Contains(w, "讲话") || strings.Contains(w, "说明") || strings.Contains(w, "发言")
	case hasRunes(rest, []rune("代表")):
		w := string(rest[2:min(len(rest), 16)])
		return strings.Contains(w, "政府") || strings.Contains(w, "向大会")
	}
	return false
}

// sayingAfter says whether a verb of saying or a word that follows names
// comes right at e (琼斯说, 怀进鹏指出).
func (st *sentence) sayingAfter(e int) bool {
	j := st.startTok[e]
	return j >= 0 && afterName[st.tokText(j)]
}

// dictWord says whether [s, e) is one token the dictionary knows as a word
// of two characters or more (not a new word the HMM found, tagged x).
func (st *sentence) dictWord(s, e int) (string, bool) {
	j := st.startTok[s]
	if j < 0 || st.toks[j].e != e || e-s < 2 {
		return "", false
	}
	p := st.toks[j].pos
	return p, p != "x" && p != "" && p != "eng"
}

// chineseNames adds family name + given name candidates, a Japanese family
// name before a title or given name, and a family name alone before a title
// (李部长) or after 老/小.
func (st *sentence) chineseNames() {
	for ti := range st.toks {
		st.fullName(ti)
		st.japaneseName(ti)
		st.glossedName(ti)
		st.familyNameAlone(ti)
	}
}

// fullName proposes the names starting at token ti: a family name of one
// or two characters and a given name of one or two.
func (st *sentence) fullName(ti int) {
	n := len(st.rs)
	s := st.toks[ti].s
	for _, sl := range []int{2, 1} {
		if s+sl > n || sl == 2 && !st.t.sur2[st.text(s, s+2)] || sl == 1 && !st.t.sur1.has(st.rs[s]) {
			continue
		}
		for gl := 1; gl <= 2; gl++ {
			e := s + sl + gl
			if e > n || st.endTok[e] < 0 && !st.titleInside(e) || st.allAbbr(s, e) {
				continue
			}
			sc, ok := st.nameScore(ti, s, sl, e)
			if !ok {
				continue
			}
			st.judgeName(s, e, sc)
		}
	}
}

// titleInside says whether the token around e goes on from e with a title
// or form of address (李玉院士 cut as 李|玉院士 is rare, but 王刚同志 as one
// token is not).
func (st *sentence) titleInside(e int) bool {
	rest := st.restOfToken(e)
	return rest != "" && (st.t.titles[rest] || honorifics[rest])
}

// judgeName weighs the evidence for the name [s, e) of shape score sc.
func (st *sentence) judgeName(s, e int, sc float64) {
	before := st.titleBefore(s)
	after := st.titleAfter(e) || st.titleInside(e)
	caption := st.captionAfter(e)
	score := float64(e-s)*10 + 3
	if st.d.x.genre == News {
		// news names many people with nothing next to them: the shape
		// decides, helped by a title or a verb of saying
		if before {
			sc += 1.5
		}
		if after || st.sayingAfter(e) {
			sc += 1.0
		}
		if sc > nameThreshold {
			st.addPerson(s, e, score, before || after || caption)
		}
		return
	}
	if st.quantityAfter(e) {
		return // a share or a measure follows (学生|占比|79.2%): not a name
	}
	if st.routeAfter(e) || st.routeListAfter(e) {
		return // 惠肇|高速, 哈肇|铁路, 哈肇、绥大等高速公路: the name of a road or railway, not a person
	}
	pos, dict := st.dictWord(s, e)
	switch {
	case dict && e-s >= 3 && namePOS[pos] && st.strictTitleAfter(e):
		// a name the dictionary knows as a name, before a post (吴敦义副总统)
		st.addPerson(s, e, score, true)
	case dict:
		// a word the dictionary knows (楼宇, 徐徐, 爱戴, 白皮书, 马拉松 — gse
		// tags many common words nr): only with a title or form of address
		// before it, an honorific after it, or in a caption
		if (before && !st.cueOnlyBefore(s) || st.honorificAfter(e) || caption) && sc > nameThreshold-1 {
			st.addPerson(s, e, score, true)
		}
	case before || after || caption:
		if sc > nameThreshold-1.5 {
			st.addPerson(s, e, score, true)
		} else if before && st.unknownName(s, e) && st.closedAfter(e) {
			// a post right before a name that the segmenter cut into
			// single characters and that ends where the clause does
			// (经济部次长黄重球陪同): the post is the evidence, the rare
			// characters of the given name are not against it
			st.addPerson(s, e, score, true)
		}
	case st.listedAfterPerson(s) && st.unknownName(s, e) && st.closedAfter(e) && sc > nameThreshold-1.5:
		// the next of a list of people (副省长张三、李四)
		st.addPerson(s, e, score, true)
	case st.contactLine(s) && st.unknownName(s, e) && st.closedBefore(s) && st.closedAfter(e) && sc > nameThreshold-1.5:
		// a name standing alone in a contact line (联系人：老龄司 白宇)
		st.addPerson(s, e, score, true)
	case st.phoneAfter(e) && st.unknownName(s, e) && st.closedBefore(s) && sc > nameThreshold-1.5:
		// a name before a telephone number (张娴 010一67558129)
		st.addPerson(s, e, score, true)
	case sc > nameThreshold+st.shapeMargin(s, e) && st.standsAlone(s, e) && st.plainGiven(s, e) && st.shapeOnlyOK(s, e) && !st.inNounList(s, e):
		st.addPerson(s, e, score, false)
	}
}

// inNounList says whether [s, e) is an item of a list joined by 、 whose
// item right before or after it is a common noun of the dictionary (烤烟、
// 桑蚕茧、猪牛羊肉; 数字李生、智能传感技术): a list of things, in which a
// name-shaped word is a thing too.
func (st *sentence) inNounList(s, e int) bool {
	if s >= 2 && st.rs[s-1] == '、' {
		if j := st.endTok[s-1]; j >= 0 && st.toks[j].pos == "n" && st.toks[j].e-st.toks[j].s >= 2 {
			return true
		}
	}
	if e+1 < len(st.rs) && st.rs[e] == '、' {
		if j := st.startTok[e+1]; j >= 0 && st.toks[j].pos == "n" && st.toks[j].e-st.toks[j].s >= 2 {
			return true
		}
	}
	return false
}

// plainGiven says whether the parts of a name with no evidence but its
// shape are not words of their own: no dictionary word runs from the
// family name into the given name (智慧|赋), the given name is not a common
// word (周|内涵), and the family name is not a compound that is likelier a
// word (东方|美谷).
func (st *sentence) plainGiven(s, e int) bool {
	if e-s == 4 && st.t.sur2[st.text(s, s+2)] && rareCompound[st.text(s, s+2)] ||
		e-s == 3 && st.t.sur2[st.text(s, s+2)] && rareCompound[st.text(s, s+2)] {
		return false
	}
	j := st.startTok[s]
	if j < 0 {
		return false
	}
	if tk := st.toks[j]; tk.e-tk.s >= 2 && tk.e < e {
		return false
	}
	for k := j + 1; k < len(st.toks) && st.toks[k].e <= e; k++ {
		tk := st.toks[k]
		if tk.e-tk.s < 2 {
			continue
		}
		if givenNotName[tk.pos] {
			return false // 李|发展
		}
		if commonPOS[tk.pos] && st.toks[j].e-st.toks[j].s == 1 && phraseHeadPOS[st.toks[j].pos] {
			// the segmenter read the family name as an adjective, a verb
			// or an adverb before the word: a phrase (黄|红灯 of 景气呈现
			// 黄红灯, 曾|清楚 of 都曾清楚说明)
			return false
		}
		if tk.pos == "n" && tk.e == e && st.startTok[e] >= 0 && st.tokText(st.startTok[e]) == "于" {
			// a noun and 于 after a one-character verb: 陈|重兵|于欧洲东部
			// (to station troops in), not a name
			return false
		}
		if commonPOS[tk.pos] {
			// a common noun as given name only when its characters are
			// typical of names (冯|光明, not 周|内涵, 黄|红灯)
			sum := 0.0
			for _, r := range st.rs[tk.s:tk.e] {
				sum += st.t.givenScore(r)
			}
			if sum/float64(tk.e-tk.s) < 0.5 {
				return false
			}
		}
	}
	// all transliteration characters and a rare family name: a foreign
	// word (伊|波拉), which needs the evidence foreign names need
	if st.t.surnameScore(st.rs[s]) < 1 {
		all := true
		for _, r := range st.rs[s:e] {
			all = all && st.t.translit.has(r)
		}
		if all {
			return false
		}
	}
	return true
}

// standsAlone says whether a name with no evidence but its shape stands as
// a word of its own: not inside a 《》 title or a longer quotation (“消薄培强”),
// not glued to a character before it that is not grammar (厚|植崇德), not
// followed by a noun or a character that continues a compound (唐晶|半导体,
// 张民生|清单, 杨凌职|院).
func (st *sentence) standsAlone(s, e int) bool {
	return !st.insideQuote(s, e) && st.freeStart(s) && st.freeEnd(e)
}

// insideQuote says whether [s, e) lies inside a 《》 title or inside a
// quotation that holds more than it.
func (st *sentence) insideQuote(s, e int) bool {
	book, qs := 0, -1
	for i := 0; i < s; i++ {
		switch st.rs[i] {
		case '《':
			book++
		case '》':
			book = max(0, book-1)
		case '“':
			qs = i
		case '”':
			qs = -1
		}
	}
	return book > 0 || qs >= 0 && (qs+1 != s || e >= len(st.rs) || st.rs[e] != '”')
}

// freeStart says whether a name may start at s: not after a count
// (一张|张民生) nor glued to a character that is not grammar (厚|植崇德).
func (st *sentence) freeStart(s int) bool {
	j := st.endTok[s]
	if j < 0 {
		return true
	}
	if p := st.toks[j].pos; p == "m" || p == "q" || p == "mq" {
		return false
	}
	if st.toks[j].e-st.toks[j].s != 1 {
		return true
	}
	r := st.rs[st.toks[j].s]
	return !isHan(r) || strings.ContainsRune(functionChars+nameBreaks+"给替跟同请让叫派由经据", r) || st.t.cues[string(r)]
}

// freeEnd says whether a name may end at e: before grammar, a verb or
// punctuation, not before a noun or a character that continues a compound
// (唐晶|半导体, 杨凌职|院); before 等 only when people follow (贺娇龙等人,
// not 林竹等十大乡村特色产业).
func (st *sentence) freeEnd(e int) bool {
	j := st.startTok[e]
	if j < 0 {
		return true
	}
	tk := st.toks[j]
	w := st.tokText(j)
	if w == "等" {
		rest := string(st.rs[tk.e:min(len(st.rs), tk.e+4)])
		for _, p := range []string{"人", "同志", "一行", "一批先进", "先进", "英雄"} {
			if strings.HasPrefix(rest, p) {
				return true
			}
		}
		return false
	}
	if afterName[w] || honorifics[w] {
		return true
	}
	if tk.e-tk.s == 1 && isHan(st.rs[tk.s]) && !strings.ContainsRune(functionChars+nameBreaks+"被获荣曾率领", st.rs[tk.s]) {
		return false
	}
	return !nounPOS[tk.pos]
}

// nounPOS are the tags of nouns and adjectives a name does not stand
// before in policy text.
var nounPOS = map[string]bool{"n": true, "nz": true, "vn": true, "ns": true, "nt": true, "ng": true, "nr": true,
	"nrt": true, "an": true, "j": true, "a": true}

// shapeMargin raises the bar for names with no evidence but their shape
// where a place is likelier: a place ending (白洋淀, 黄茅海), a name followed
// by a place word.
func (st *sentence) shapeMargin(s, e int) float64 {
	m := 0.0
	if st.sayingAfter(e) {
		m -= 1
	}
	if strings.ContainsRune(placeSuffix, st.rs[e-1]) && e-s == 3 {
		m += 1
	}
	if e-s == 4 || st.t.sur2[st.text(s, s+2)] && rareCompound[st.text(s, s+2)] {
		m += 1 // 东方|美谷: a compound family name that is a common word
	}
	return m
}

func (st *sentence) allAbbr(s, e int) bool {
	for _, r := range st.rs[s:e] {
		if !st.t.abbr.has(r) {
			return false
		}
	}
	return true
}

// givenNotName are the tags of words that are not given names, even
// though given names are often words (建国, 光明, 海燕).
var givenNotName = map[string]bool{"vn": true, "v": true, "d": true, "p": true, "c": true, "u": true, "r": true, "m": true,
	"q": true, "f": true, "ad": true, "uj": true, "ul": true}

// grammarPOS are the tags of one-character words of grammar (adverbs,
// prepositions, conjunctions, particles): a family name and a given name of
// one character each that the segmenter reads as two of them are no name.
var grammarPOS = map[string]bool{"d": true, "p": true, "c": true, "u": true, "uj": true, "ul": true, "uz": true, "ud": true, "ug": true, "uv": true}

// particlePOS are the tags of structural and aspect particles (得, 的, 了,
// 地, 着, 过): never the first character of a given name the segmenter cut
// apart from its family name.
var particlePOS = map[string]bool{"u": true, "uj": true, "ud": true, "ul": true, "uv": true, "uz": true, "ug": true}

// phraseHeadPOS are the tags of a one-character word that, before a common
// dictionary word, make a phrase with it rather than a family name with a
// given name: adjectives, verbs, adverbs.
var phraseHeadPOS = map[string]bool{"a": true, "v": true, "d": true, "ad": true}

// rareCompound are compound family names that are far likelier common
// words: a name with them needs evidence.
var rareCompound = map[string]bool{"东方": true, "西门": true, "南宫": true, "百里": true, "公孙": true, "长孙": true,
	"宗政": true, "太史": true, "闻人": true, "公冶": true}

// nameThreshold is the score above which a family name and what follows
// is taken for a person (chosen on the development set).
const nameThreshold = 0.5

// nameScore scores [s, e) as family name (sl runes) + given name: how
// likely the family name starts a name, how typical of given names the
// rest is, and how the tokens fall. ok is false when the tokens forbid it.
func (st *sentence) nameScore(ti, s, sl, e int) (float64, bool) {
	score := 0.0
	if sl == 1 {
		score += st.t.surnameScore(st.rs[s])
	} else {
		score += 1
	}
	if !st.givenTokensOK(ti, e) {
		return 0, false
	}
	if e-s == 2 && st.rs[s] == st.rs[s+1] {
		return 0, false // 徐徐, 殷殷: a reduplicated word
	}
	if e-s == 2 && st.toks[ti].e == s+1 && grammarPOS[st.toks[ti].pos] {
		if j := st.startTok[s+1]; j >= 0 && st.toks[j].e == e && grammarPOS[st.toks[j].pos] {
			return 0, false // two words of grammar: 党员都|自|认为
		}
	}
	if e-s == 2 && st.toks[ti].e == s+1 && st.toks[ti].pos == "c" {
		if j := st.startTok[s+1]; j >= 0 && st.toks[j].e == e && (st.toks[j].pos == "ns" || st.toks[j].pos == "j") {
			return 0, false // a conjunction before a place's short form: 同志和|捷、波两国总理
		}
		if j := st.startTok[s+1]; j >= 0 && st.toks[j].e == e && e < len(st.rs) && st.rs[e] == '、' && adminUnit(st.rs[s+1]) {
			return 0, false // a conjunction before a list of levels of government: 国务院和|省、市、自治区
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
	return score, true
}

// adminUnit says whether r names a level of government or an
// administrative unit when written alone (省、市、县 in a list of levels).
func adminUnit(r rune) bool {
	switch r {
	case '省', '市', '县', '区', '乡', '镇', '村', '州', '盟', '旗':
		return true
	}
	return false
}

// givenTokensOK says whether the tokens from ti up to e can make a name:
// no token crosses e, all Han, and no word after the family name that is
// grammar, a title, a listed name or the next word (赵刚|作).
func (st *sentence) givenTokensOK(ti, e int) bool {
	for i := ti; i < len(st.toks) && st.toks[i].s < e; i++ {
		g := st.toks[i]
		if g.e > e {
			return false
		}
		w := st.text(g.s, g.e)
		if !hanOnly(w) {
			return false
		}
		if i == ti {
			continue
		}
		if g.e-g.s == 1 && particlePOS[g.pos] && i == ti+1 {
			return false // 高|得|多 of 比农民高得多: a particle, not a given name
		}
		if g.e-g.s == 1 && w != "之" && (orgStop[w] || afterName[w] || st.t.titles[w] || g.e == e && strings.Contains(nameBreaks, w) && e-st.toks[ti].s == 3) {
			return false
		}
		if gz, ok := st.lookup(w); ok && !(gz.Type == PER && st.honorificAfter(e)) {
			return false // a listed name, unless 廖|福特|先生
		}
	}
	return true
}

// japaneseName proposes a Japanese family name before a title or a given
// name (桥本龙太郎, 桥本首相).
func (st *sentence) japaneseName(ti int) {
	n := len(st.rs)
	s := st.toks[ti].s
	if s+2 > n || !st.t.japanese[st.text(s, s+2)] {
		return
	}
	if st.endTok[s+2] >= 0 && (st.titleAfter(s+2) || st.d.x.genre == News && st.sayingAfter(s+2)) {
		st.addPerson(s, s+2, 23, true)
	}
	for gl := 1; gl <= 3 && s+2+gl <= n; gl++ {
		e := s + 2 + gl
		if st.endTok[e] >= 0 && hanOnly(st.text(s+2, e)) && !strings.ContainsAny(st.text(s+2, e), functionChars) &&
			(st.titleAfter(e) || st.titleBefore(s) || st.sayingAfter(e)) {
			st.addPerson(s, e, float64(e-s)*10+3, true)
		}
	}
}

// familyNameAlone proposes a family name alone before a title or form of
// address (李部长, 葉女士) or after 老/小 (老王), and 小李 or 老王 as one token.
func (st *sentence) familyNameAlone(ti int) {
	tk := st.toks[ti]
	s := tk.s
	if tk.e-tk.s == 1 && st.t.sur1.has(st.rs[s]) {
		if j := st.startTok[tk.e]; j >= 0 {
			w := st.tokText(j)
			post := st.t.titles[w] || postModifiers[w] && j+1 < len(st.toks) && st.t.titles[st.tokText(j+1)] // 吕|副|总统
			sur := st.t.surnameScore(st.rs[s])
			polite := w == "先生" || w == "女士"
			if (post || w == "总" || w == "某" || w == "师傅" || honorifics[w]) && sur > -2 ||
				(post || polite) && sur > -4.5 && st.freeBefore(s) && !strings.ContainsRune(notAloneBeforePost, st.rs[s]) {
				// a family name that is also a common character (连, 苏,
				// 游) only before a post or 先生/女士, not glued to the
				// word before it
				st.addPerson(s, tk.e, 9, false)
			}
		}
		if j := st.endTok[s]; j >= 0 {
			if w := st.tokText(j); (w == "老" || w == "小") && (st.d.x.genre == News || st.t.surnameScore(st.rs[s]) > 0.5) {
				st.addPerson(s, tk.e, 9, false)
			}
		}
		// 胡老说: a family name before 老 (in policy text 惠老 is a verb)
		if j := st.startTok[tk.e]; j >= 0 && st.tokText(j) == "老" && st.d.x.genre == News && st.t.surnameScore(st.rs[s]) > -2 {
			st.addPerson(s, tk.e, 9, false)
		}
	}
	if tk.e-tk.s == 2 && (st.rs[s] == '老' || st.rs[s] == '小') && st.t.sur1.has(st.rs[s+1]) && st.t.surnameScore(st.rs[s+1]) > -0.5 {
		st.addPerson(s+1, tk.e, 9, false)
	}
	// a family name and 先生 or 女士 cut as one word (宋先生)
	if tk.e-tk.s == 3 && (st.text(s+1, tk.e) == "先生" || st.text(s+1, tk.e) == "女士") && st.t.sur1.has(st.rs[s]) &&
		st.t.surnameScore(st.rs[s]) > -4.5 && st.freeBefore(s) && !strings.ContainsRune(notAloneBeforePost, st.rs[s]) {
		st.addPerson(s, s+1, 9, true)
	}
	st.nameTitleToken(ti)
}

// nameTitleToken proposes the name at the start of a token that ends with
// a post (胡主席, 李總理, 布希總統 cut as one token): a family name of one
// character that is not rare as one (任组长 is 任 as a verb), or a run of two to four transliteration characters that
// is not a place or body the tables know (美国总统).
func (st *sentence) nameTitleToken(ti int) {
	tk := st.toks[ti]
	if tk.e-tk.s < 3 || tk.e-tk.s > 7 || st.blocked[tk.s] {
		return
	}
	s := tk.s
	for ps := s + 1; ps <= tk.e-2 && ps <= s+4; ps++ {
		if !st.t.titles[st.text(ps, tk.e)] {
			continue
		}
		if ps == s+1 {
			r := st.rs[s]
			sur := st.t.surnameScore(r)
			if st.t.sur1.has(r) && !strings.ContainsRune(notAloneBeforePost, r) && sur > -2 {
				st.addPerson(s, ps, 9, true)
			}
			return
		}
		head := st.text(s, ps)
		if _, ok := st.lookup(head); ok {
			return // a place or body before its post: 美国总统
		}
		for _, r := range st.rs[s:ps] {
			if !st.t.translit.has(r) {
				return
			}
		}
		if st.freeBefore(s) {
			st.addPerson(s, ps, float64(ps-s)*10+1, true)
		}
		return
	}
}

// headerName proposes the name at the end of a header line, after a title
// and a space: 河北省人民政府省长　王正谱, 上海市市长 龚 正, 自治区主席
// 艾尔肯·吐尼亚孜, …会议上 陕西省省长 赵刚.
func (st *sentence) headerName() {
	end := len(st.rs)
	for end > 0 && (st.rs[end-1] == '\n' || st.rs[end-1] == '\r' || isBlank(st.rs[end-1])) {
		end--
	}
	if end == 0 || end > 80 || st.rs[len(st.rs)-1] != '\n' && !st.lastInText() {
		return
	}
	s := end
	for s > 0 && (isHan(st.rs[s-1]) || isNameDot(st.rs[s-1])) {
		s--
	}
	// a two-character name padded with a space: 龚 正
	if end-s == 1 && s >= 2 && isBlank(st.rs[s-1]) && isHan(st.rs[s-2]) && (s == 2 || isBlank(st.rs[s-3])) {
		s -= 2
	}
	a := s
	for a > 0 && isBlank(st.rs[a-1]) {
		a--
	}
	if a == s || a == 0 || !st.endsWithTitle(a) {
		return
	}
	st.addHeaderName(s, end)
}

// lastInText says whether the sentence is the end of the text (a header
// with no line end after it).
func (st *sentence) lastInText() bool {
	return len(st.rs) > 0 && st.rs[len(st.rs)-1] != '。' && st.rs[len(st.rs)-1] != '；' &&
		st.rs[len(st.rs)-1] != '！' && st.rs[len(st.rs)-1] != '？'
}

// endsWithTitle says whether a title ends at a (a token ending there that
// ends with a title).
func (st *sentence) endsWithTitle(a int) bool {
	j := st.endTok[a]
	if j < 0 {
		return false
	}
	_, ok := st.titleInToken(j)
	return ok
}

// addHeaderName adds [s, e) as the person of a header line when it looks
// like a name: Han characters (a space between two of them allowed) or a
// name joined over a middle dot, not one common word.
func (st *sentence) addHeaderName(s, e int) {
	han, dots := 0, 0
	for i := s; i < e; i++ {
		r := st.rs[i]
		switch {
		case isHan(r):
			han++
		case isNameDot(r):
			dots++
		case isBlank(r) && i > s && i+1 < e && isHan(st.rs[i-1]) && isHan(st.rs[i+1]):
		default:
			return
		}
	}
	if han < 2 || dots == 0 && han > 5 || han > 16 {
		return
	}
	if pos, dict := st.dictWord(s, e); dict && commonPOS[pos] && !(headerNounPOS[pos] && st.t.sur1.has(st.rs[s]) && st.t.surnameScore(st.rs[s]) > -4) {
		return // 省长 讲话; but 主席 包钢: a noun that starts with a family name is the name a header gives
	}
	st.addPerson(s, e, float64(e-s)*10+600, true)
}

// headerNounPOS are the tags of the nouns a header's name may be (包钢).
var headerNounPOS = map[string]bool{"n": true, "nz": true, "nt": true, "ns": true, "j": true}

func isNameDot(r rune) bool {
	return r == '·' || r == '•' || r == '・' || r == '‧' || r == '∙' || r == '．' // 大衛．羅斯福 with a full-width full stop
}

// foreignNames adds runs of transliteration characters: foreign persons
// when something says so (a title or form of address, a verb of saying, a
// middle dot between the parts), or places when a place ending follows.
func (st *sentence) foreignNames() {
	for i := 0; i < len(st.toks); {
		j := st.translitRun(i)
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
		st.judgeForeign(i, j)
		i = j
	}
	st.dottedNames()
}

// translitRun is the end of the run of transliteration tokens from token i.
func (st *sentence) translitRun(i int) int {
	j := i
	for j < len(st.toks) && (j == i || st.toks[j].s == st.toks[j-1].e) &&
		(st.translitTok(j) || j > i && st.allTranslit(j) && (isJoiner(st.tokText(j-1)) || st.toks[j].e-st.toks[j].s <= 2)) {
		j++
	}
	return j
}

// judgeForeign weighs the run of tokens [i, j): a place when a place
// ending follows; a person with evidence (a title or form of address next
// to it, a verb of saying after it); or, when it is a new word of three
// characters or more (not one the dictionary knows: 巴斯夫, 比亚迪 are
// companies it tags as names), a person by its shape.
func (st *sentence) judgeForeign(i, j int) {
	s, e := st.toks[i].s, st.toks[j-1].e
	L := e - s
	single := j-i == 1
	if single && L >= 2 && commonPOS[st.toks[i].pos] || st.isCredit(s, e) || single && verbsTaggedNames[st.tokText(i)] {
		return
	}
	// a place ending makes a place: 阿拉斯加州, 克国 (not 因|城, 万|村)
	if k := st.startTok[e]; k >= 0 && (L >= 2 || st.tokText(k) == "国" && st.rs[s] != '万') {
		w := st.tokText(k)
		for _, le := range locEndings {
			if w == le {
				st.add(s, st.toks[k].e, LOC, float64(st.toks[k].e-s)*10+1)
				return
			}
		}
	}
	if st.d.x.genre == News {
		st.judgeForeignNews(i, j)
		return
	}
	pos, dict := st.dictWord(s, e)
	dict = dict && single
	// a post right before is not a character glued to the name, even when
	// it is written over tokens (国务|次|卿|伯恩斯)
	evidence := st.titleBefore(s) || (st.titleAfter(e) || st.speaksAfter(e) || st.captionAfter(e)) && st.freeBefore(s)
	if dict && (L == 2 || commonPOS[pos]) {
		// a word the dictionary knows (沙龙, 爱戴) only after a title,
		// before an honorific or a verb of saying
		evidence = st.titleBefore(s) && !st.cueOnlyBefore(s) || st.honorificAfter(e) || st.speaksAfter(e)
	}
	switch {
	case evidence && L >= 2:
		st.addPerson(s, e, float64(L)*10+1, true)
	case single && pos == "ns" && L >= 3 && !st.notPlace(s, e):
		st.add(s, e, LOC, float64(L)*10+1)
	}
}

// judgeForeignNews weighs a run of transliteration tokens in news text: a
// person of three characters or more, or of two next to a title or a verb
// of saying; a place when the dictionary tags it so.
func (st *sentence) judgeForeignNews(i, j int) {
	s, e := st.toks[i].s, st.toks[j-1].e
	L := e - s
	single := j-i == 1
	ok := L >= 3 || L == 2 && (st.titleBefore(s) || st.titleAfter(e) || st.sayingAfter(e))
	if !ok {
		return
	}
	if single && st.toks[i].pos == "ns" {
		st.add(s, e, LOC, float64(L)*10+1)
		return
	}
	st.addPerson(s, e, float64(L)*10+1, false)
}

// dottedNames adds names joined over a middle dot whose parts are not all
// transliteration characters (艾尔肯·吐尼亚孜, 吉克·卡德尔): each part one to
// six characters the dictionary does not know as common words.
func (st *sentence) dottedNames() {
	for k, tk := range st.toks {
		if tk.e-tk.s != 1 || !isNameDot(st.rs[tk.s]) || k == 0 || k+1 >= len(st.toks) {
			continue
		}
		s := st.namePart(k-1, -1)
		e := st.namePart(k+1, 1)
		if s < 0 || e < 0 || !st.translitShare(s, tk.s) || !st.translitShare(tk.e, e) {
			continue
		}
		// more parts: 阿卜杜勒·阿齐兹·本·萨勒曼
		for e < len(st.rs) && isNameDot(st.rs[e]) {
			j := st.startTok[e]
			if j < 0 || j+1 >= len(st.toks) {
				break
			}
			e2 := st.namePart(j+1, 1)
			if e2 < 0 {
				break
			}
			e = e2
		}
		st.addPerson(s, e, float64(e-s)*10+2, true)
	}
	st.glossedDotted()
}

// glossedDotted adds names joined over a middle dot that a gloss in Latin
// letters reading as a person's name follows (喬安‧麥肯（Jo Ann MacKenzie）,
// 大衛‧史特林（David Stirling）): the gloss is the evidence, so the parts
// may be words the dictionary knows (大卫, 伟达) or characters that are not
// transliteration characters (育, 必, 之). Each part is one to six Han
// characters; the first starts after punctuation, a blank, a title, a cue
// (人士|喬安), a word of grammar or a word of kinship (的|孫女|瑪莉‧艾森豪),
// the last ends at the gloss.
func (st *sentence) glossedDotted() {
	for k, tk := range st.toks {
		if tk.e-tk.s != 1 || !isNameDot(st.rs[tk.s]) || k == 0 || k+1 >= len(st.toks) {
			continue
		}
		// the right part, up to the gloss, over more dots
		e := tk.e
		for e < len(st.rs) && e-tk.e <= 14 && (isHan(st.rs[e]) || isNameDot(st.rs[e])) {
			e++
		}
		if e >= len(st.rs) || st.rs[e] != '（' && st.rs[e] != '(' || isNameDot(st.rs[e-1]) || !st.dotPartsOK(tk.e, e) ||
			!st.personGloss(e) || st.endTok[e] < 0 {
			continue
		}
		// the left part, back to a boundary
		s, n := tk.s, 0
		for j := k - 1; j >= 0; j-- {
			w := st.tokText(j)
			if !hanOnly(w) || st.t.titles[w] || st.t.cues[w] || st.blocked[st.toks[j].s] || st.toks[j].e != s {
				break
			}
			// a word of grammar or a word that is not a transliteration
			// ends the part: 的|孫女|瑪莉‧艾森豪
			if len([]rune(w)) == 1 && strings.ContainsRune(functionChars, []rune(w)[0]) || kinTerms[w] {
				break
			}
			if n += st.toks[j].e - st.toks[j].s; n > 6 {
				s = -1
				break
			}
			s = st.toks[j].s
		}
		if s < 0 || s == tk.s || st.isCredit(s, e) {
			continue
		}
		st.addPerson(s, e, float64(e-s)*10+5, true)
	}
}

// kinTerms are words of kinship that stand before a name (孫女|瑪莉‧艾森豪).
var kinTerms = map[string]bool{"孙女": true, "孙子": true, "儿子": true, "女儿": true, "外孙": true, "外孙女": true,
	"夫人": true, "妻子": true, "丈夫": true, "父亲": true, "母亲": true, "兄弟": true, "姐妹": true, "哥哥": true,
	"弟弟": true, "姐姐": true, "妹妹": true, "孙": true, "子": true, "女": true, "妻": true, "夫": true}

// dotPartsOK says whether [s, e) is one to four parts of one to six Han
// characters each, joined over middle dots.
func (st *sentence) dotPartsOK(s, e int) bool {
	parts, n := 1, 0
	for i := s; i < e; i++ {
		if isNameDot(st.rs[i]) {
			if n == 0 {
				return false
			}
			parts, n = parts+1, 0
			continue
		}
		if n++; n > 6 {
			return false
		}
	}
	return n > 0 && parts <= 4
}

// namePart walks from token k in direction dir (-1 left, 1 right) over the
// tokens of one part of a dotted name; it returns the part's outer edge (a
// rune offset), or -1 when there is no plausible part.
func (st *sentence) namePart(k, dir int) int {
	edge, n := -1, 0
	for ; k >= 0 && k < len(st.toks); k += dir {
		tk := st.toks[k]
		w := st.tokText(k)
		if !hanOnly(w) || st.blocked[tk.s] || st.t.titles[w] || st.t.cues[w] || afterName[w] || orgStop[w] || kinTerms[w] ||
			tk.e-tk.s >= 2 && commonPOS[tk.pos] {
			break
		}
		if _, ok := st.lookup(w); ok && tk.e-tk.s >= 2 && !st.allTranslit(k) {
			break // a place or body: 新疆|艾尔肯 ends the part
		}
		if tk.e-tk.s == 1 && !st.t.translit.has(st.rs[tk.s]) && !st.t.minority.has(st.rs[tk.s]) {
			// 荷兰|人|维姆 ends the part; but a character that a
			// quotation mark or a list mark opens belongs to it
			// (“最美退役军人”龙|吉克·卡德尔)
			if dir < 0 && n > 0 && tk.e-tk.s == 1 && tk.s > 0 && strings.ContainsRune("”」』、，：；", st.rs[tk.s-1]) && isHan(st.rs[tk.s]) &&
				!strings.ContainsRune(functionChars, st.rs[tk.s]) {
				edge = tk.s
			}
			break
		}
		if n+tk.e-tk.s > 6 {
			break
		}
		n += tk.e - tk.s
		if dir < 0 {
			edge = tk.s
		} else {
			edge = tk.e
		}
		// stay next to the previous token
		if nk := k + dir; nk >= 0 && nk < len(st.toks) && (dir < 0 && st.toks[nk].e != tk.s || dir > 0 && st.toks[nk].s != tk.e) {
			break
		}
	}
	if n == 0 {
		return -1
	}
	return edge
}

// translitShare says whether at least half the characters of [s, e) are
// characters of transliterated names (入皖 and 中华行 are not names).
func (st *sentence) translitShare(s, e int) bool {
	n := 0
	for _, r := range st.rs[s:e] {
		if st.t.translit.has(r) || st.t.minority.has(r) {
			n++
		}
	}
	return 2*n >= e-s
}

var locEndings = []string{"共和国", "群岛", "半岛", "地区", "省", "州", "市", "县", "河", "山", "湖", "岛", "港", "湾",
	"城", "堡", "洲", "角", "海", "峡", "江", "镇", "村", "区", "国", "谷"}

func isJoiner(w string) bool {
	return w == "·" || w == "•" || w == "－" || w == "-" || w == "—" || w == "‧" || w == "・"
}

// allTranslit says whether token i is made of transliteration characters.
func (st *sentence) allTranslit(i int) bool {
	for _, r := range st.rs[st.toks[i].s:st.toks[i].e] {
		if !st.t.translit.has(r) {
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
	if !st.allTranslit(i) {
		return false
	}
	if tk.e-tk.s == 1 {
		return true
	}
	if g, ok := st.lookup(w); ok {
		return g.Type == PER // a listed place or body ends the name: 捷克|哈维尔
	}
	return !commonPOS[tk.pos]
}

// unknownName says whether [s, e) is a name of three characters or two
// that the segmenter cut into single characters or into a family name and
// a given name it knows as a name (刘|秀萍), not a word it knows.
func (st *sentence) unknownName(s, e int) bool {
	if e-s < 2 || e-s > 3 || st.startTok[s] < 0 || st.endTok[e] < 0 {
		return false
	}
	for j := st.startTok[s]; j <= st.endTok[e]; j++ {
		tk := st.toks[j]
		if !isHan(st.rs[tk.s]) || tk.e-tk.s > 1 && !namePOS[tk.pos] {
			return false
		}
	}
	return true
}

// closedAfter says whether the clause closes at e: the sentence ends,
// punctuation or a blank follows, or a word that follows a name (陪同,
// 说, 等, 及, 和).
func (st *sentence) closedAfter(e int) bool {
	if e >= len(st.rs) {
		return true
	}
	r := st.rs[e]
	if isBlank(r) || r == '\n' || r == '\r' || !isHan(r) && !unicode.IsLetter(r) {
		return true
	}
	j := st.startTok[e]
	if j < 0 {
		return false
	}
	w := st.tokText(j)
	return afterName[w] || sayingVerbs[w] || w == "陪同" || w == "及" || w == "和" || w == "与"
}

// closedBefore says whether nothing but a blank or punctuation (or the
// start of the line) comes right before s.
func (st *sentence) closedBefore(s int) bool {
	if s == 0 {
		return true
	}
	r := st.rs[s-1]
	return isBlank(r) || !isHan(r) && !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// contactLabels open the part of a line that lists the people to contact.
var contactLabels = [][]rune{[]rune("联系人"), []rune("联 系 人"), []rune("联络人"), []rune("经办人"), []rune("咨询人")}

// contactLine says whether a contact label comes before s in the line,
// followed by a colon (联系人：…, 中方联系人：…).
func (st *sentence) contactLine(s int) bool {
	for i := 0; i < s; i++ {
		for _, l := range contactLabels {
			if st.rs[i] != l[0] || !hasRunes(st.rs[i:s], l) {
				continue
			}
			k := i + len(l)
			for k < s && (isBlank(st.rs[k]) || st.rs[k] == '及' || st.rs[k] == '和' || st.rs[k] == '电' || st.rs[k] == '话') {
				k++
			}
			if k < s && (st.rs[k] == '：' || st.rs[k] == ':') {
				return true
			}
		}
	}
	return false
}

// phoneAfter says whether a telephone number follows e, after blanks: seven
// digits or more, with an area code in brackets or a dash (written - — 一
// in scanned text) allowed among them.
// quantityAfter says whether a number with a decimal point, a percent sign
// or a unit of share follows right at e (占比79.2%, 增长5.1%): what comes
// before it is a measure, not a person (a telephone number has neither).
func (st *sentence) quantityAfter(e int) bool {
	i := e
	for i < len(st.rs) && isDigit(st.rs[i]) {
		i++
	}
	if i == e || i >= len(st.rs) {
		return false
	}
	switch st.rs[i] {
	case '%', '％', '‰':
		return true
	case '.', '．':
		return i+1 < len(st.rs) && isDigit(st.rs[i+1])
	}
	return false
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func (st *sentence) phoneAfter(e int) bool {
	i := e
	for i < len(st.rs) && isBlank(st.rs[i]) {
		i++
	}
	if i == e && e < len(st.rs) && isHan(st.rs[e]) {
		return false
	}
	digits := 0
	for ; i < len(st.rs); i++ {
		r := st.rs[i]
		switch {
		case r >= '0' && r <= '9' || r >= '０' && r <= '９':
			digits++
		case digits > 0 && (r == '-' || r == '－' || r == '—' || r == '一'), r == '(' || r == ')' || r == '（' || r == '）':
		default:
			return digits >= 7
		}
	}
	return digits >= 7
}

// listedAfterPerson says whether s follows a person found with evidence and
// a list mark: 、 or 和, 及, 与 (张进福、黄重球).
func (st *sentence) listedAfterPerson(s int) bool {
	p := -1
	if s >= 1 && st.rs[s-1] == '、' {
		p = s - 1
	} else if j := st.endTok[s]; j >= 0 {
		if w := st.tokText(j); w == "和" || w == "及" || w == "与" {
			p = st.toks[j].s
		}
	}
	if p < 0 {
		return false
	}
	for _, c := range st.cands {
		if c.typ == PER && c.strong && c.e == p && c.e-c.s >= 2 {
			return true
		}
	}
	return false
}

// glossedName proposes a name of two to five Chinese characters before a
// gloss in Latin letters that reads as a person's name: after a post
// (理事長畠中篤(HATAKENAKA ATSUSHI)), after a post and an aside in brackets
// (榮譽主席（歐盟執委會前第一副主席）蕾汀（Viviane REDING）), or, when at
// least half its characters are those of transliterated names, after a
// noun (總務長李博拉斯基（Boguslaw LIBERADZKI）, 文學家都德（Alphonse Daudet）):
// a transliterated or Japanese name the family-name rules do not know.
func (st *sentence) glossedName(ti int) {
	s := st.toks[ti].s
	bracket := false
	for e := s + 2; e <= s+5 && e < len(st.rs); e++ {
		bracket = bracket || st.rs[e] == '(' || st.rs[e] == '（'
	}
	if !bracket {
		return
	}
	for e := s + 2; e <= s+5 && e < len(st.rs); e++ {
		if !isHan(st.rs[e-1]) || st.rs[e] != '(' && st.rs[e] != '（' {
			continue
		}
		if st.endTok[e] < 0 || !hanOnly(st.text(s, e)) || st.afterGloss(e) == e || !st.personGloss(e) {
			return
		}
		if _, dict := st.dictWord(s, e); dict {
			return
		}
		if g, ok := st.lookup(st.text(s, e)); ok && g.Type != PER {
			return // a place or body the lists know: 紐約（New York）
		}
		for k := ti; k < len(st.toks) && st.toks[k].e <= e; k++ {
			w := st.tokText(k)
			if st.t.titles[w] || st.t.cues[w] || len([]rune(w)) >= 2 && commonPOS[st.toks[k].pos] && !st.allTranslit(k) {
				return // a post or a common word is no part of the name: 主席|朗根, 科学|竞赛
			}
		}
		post := e-s <= 4 && (st.titleBefore(s) || st.asideAfterPost(s))
		if !post && (!st.translitShare(s, e) || !st.nounBefore(s)) {
			return
		}
		st.addPerson(s, e, float64(e-s)*10+3, true)
		return
	}
}

// asideAfterPost says whether an aside in brackets that a post precedes
// ends right at s (主席（歐盟執委會前第一副主席）|蕾汀).
func (st *sentence) asideAfterPost(s int) bool {
	if s == 0 || st.rs[s-1] != '）' && st.rs[s-1] != ')' {
		return false
	}
	for i := s - 2; i >= 0 && i >= s-40; i-- {
		switch st.rs[i] {
		case '）', ')':
			return false
		case '（', '(':
			return st.endTok[i] >= 0 && st.titleBefore(i)
		}
	}
	return false
}

// nounBefore says whether a post, a form of address, or a noun of two
// characters or more ends right at s, or an aside in brackets does.
func (st *sentence) nounBefore(s int) bool {
	if st.titleBefore(s) || s > 0 && (st.rs[s-1] == '）' || st.rs[s-1] == ')') {
		return true
	}
	j := st.endTok[s]
	return j >= 0 && st.toks[j].e-st.toks[j].s >= 2 && hanOnly(st.tokText(j)) && strings.HasPrefix(st.toks[j].pos, "n")
}

// glossNotPerson are words of a Latin gloss that name a body, not a person.
var glossNotPerson = map[string]bool{"corporation": true, "inc": true, "company": true, "co": true, "ltd": true,
	"association": true, "council": true, "ministry": true, "office": true, "bank": true, "university": true,
	"group": true, "foundation": true, "institute": true, "committee": true, "organization": true,
	"organisation": true, "agency": true, "department": true, "party": true, "union": true, "society": true,
	"center": true, "centre": true, "fund": true, "forum": true, "of": true, "the": true, "and": true}

// personGloss says whether the gloss in brackets at e is two to four words
// of letters, none of them a word that names a body.
func (st *sentence) personGloss(e int) bool {
	end := st.afterGloss(e)
	if end < e+2 {
		return false // no gloss in brackets at e
	}
	words := strings.FieldsFunc(st.text(e+1, end-1), func(r rune) bool {
		return r == ' ' || r == '.' || r == '-' || r == ',' || r == '．' || r == '·' || r == '‧'
	})
	if len(words) < 2 || len(words) > 4 {
		return false
	}
	for _, w := range words {
		if glossNotPerson[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// routeWords name roads, railways and crossings after the places they join
// (惠肇|高速, 沪昆|高铁, 赤峰|道): what stands before them is part of a route's
// name. The one-character ones count only as a token of their own.
var routeWords = []string{"高速公路", "高速", "高铁", "铁路", "城际", "公路", "快速路", "大道", "大街", "隧道", "大桥", "运河", "航线", "干线", "环线"}

const routeChars = "路道街线桥"

// routeAfter says whether a route word starts at e as a token of its own
// (or the start of one, 高速公路网).
func (st *sentence) routeAfter(e int) bool {
	j := st.startTok[e]
	if j < 0 {
		return false
	}
	w := st.tokText(j)
	for _, r := range routeWords {
		if strings.HasPrefix(w, r) {
			return true
		}
	}
	return st.toks[j].e-st.toks[j].s == 1 && strings.ContainsRune(routeChars, st.rs[e])
}

// routeListAfter says whether [?, e) is an item of an enumeration that a
// route word closes (京哈、哈肇、绥大等高速公路): the items after e, each of at
// most eight characters, then 等 or nothing, then a route word.
func (st *sentence) routeListAfter(e int) bool {
	p := e
	for n := 0; n < 8 && p < len(st.rs) && st.rs[p] == '、'; n++ {
		q := p + 1
		for q < len(st.rs) && q-p <= 9 && (isHan(st.rs[q]) || st.rs[q] == '（' || st.rs[q] == '）') && st.rs[q] != '等' {
			q++
		}
		if q == p+1 {
			return false
		}
		p = q
	}
	if p == e || p >= len(st.rs) {
		return false
	}
	if st.rs[p] == '等' {
		p++
	}
	// a count of the routes before the route word: 本桓宽、凌绥、台黑4条高速
	if q := p; q < len(st.rs) && (isDigit(st.rs[q]) || strings.ContainsRune("一二三四五六七八九十两", st.rs[q])) {
		for q < len(st.rs) && (isDigit(st.rs[q]) || strings.ContainsRune("一二三四五六七八九十两", st.rs[q])) {
			q++
		}
		if q < len(st.rs) && st.rs[q] == '条' {
			p = q + 1
		}
	}
	return p < len(st.rs) && st.routeAfter(p)
}

// timeNouns are family names that are also nouns of time glued to the word
// before them (交流|周, 消费|季): 交流周内涵 is no person 周内涵.
const timeNouns = "周季年时节期段届"

// shapeOnlyOK vets a name that has no evidence but its shape: not a
// family name that is a noun of time right after a word (交流|周|内涵); not
// the shape A B A of a repeated short form (留鄂回|鄂来鄂); not a name that
// fills a quotation by itself (“黄小西”AI智能体: a brand or a nickname); not
// the start of an inner item of an enumeration that the name does not fill
// (做优“东盟快班”、江铁海联运、跨境公路班车).
func (st *sentence) shapeOnlyOK(s, e int) bool {
	if strings.ContainsRune(timeNouns, st.rs[s]) && s > 0 && isHan(st.rs[s-1]) && st.endTok[s] >= 0 {
		if j := st.endTok[s]; st.toks[j].e-st.toks[j].s >= 2 {
			return false
		}
	}
	if e-s == 3 && st.rs[s] == st.rs[s+2] {
		return false
	}
	if s > 0 && e < len(st.rs) && st.rs[s-1] == '“' && st.rs[e] == '”' {
		return false
	}
	// the start of an inner item of an enumeration that goes on after the
	// name (、江铁海联运、): the items are things the name only modifies
	if s > 0 && st.rs[s-1] == '、' {
		for i := e; i < len(st.rs); i++ {
			if r := st.rs[i]; !isHan(r) {
				if r == '、' && i > e {
					return false
				}
				break
			}
		}
	}
	return true
}

// cueOnlyBefore says whether what makes titleBefore(s) true is a cue that
// is a kind of person (奋斗者, 青年, 英雄), not a post: before a word the
// dictionary knows (奋斗者|扎根), such a cue is the subject of a verb, not
// the title of a name.
func (st *sentence) cueOnlyBefore(s int) bool {
	j := st.prevTok(s, true)
	if j < 0 {
		return false
	}
	w := st.tokText(j)
	if !st.t.cues[w] || st.t.titles[w] {
		return false
	}
	_, inTok := st.titleInToken(j)
	return !inTok
}

// spacedByline adds a name written alone on its line with its characters
// spaced out (习　近　平, the byline under the title of a congress report):
// a listed person, or a common family name before one or two characters.
func (st *sentence) spacedByline() {
	n := len(st.rs)
	for s := 0; s < n; s++ {
		if s > 0 && st.rs[s-1] != '\n' {
			continue
		}
		i := s
		for i < n && isBlank(st.rs[i]) {
			i++
		}
		start, end := i, i
		var name []rune
		spaced := true
		for i < n && st.rs[i] != '\n' && isHan(st.rs[i]) {
			name = append(name, st.rs[i])
			i++
			end = i
			blanks := 0
			for i < n && isBlank(st.rs[i]) {
				i++
				blanks++
			}
			if blanks == 0 && i < n && st.rs[i] != '\n' {
				spaced = false
				break
			}
		}
		if !spaced || i < n && st.rs[i] != '\n' || len(name) < 2 || len(name) > 4 {
			continue
		}
		g, listed := st.lookup(string(name))
		if listed && g.Type == PER || !listed && len(name) <= 3 && st.t.sur1.has(name[0]) && st.t.surnameScore(name[0]) >= 1 {
			st.addPerson(start, end, float64(end-start)*10+3, true)
		}
	}
}
