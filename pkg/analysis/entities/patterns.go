package entities

import (
	"regexp"
	"sync"
	"unicode/utf8"
)

const (
	cnum  = `[〇零一二三四五六七八九十百千万两]`
	digit = `[0-9０-９]`
	num   = `(?:` + digit + `+(?:[.．]` + digit + `+)?|` + cnum + `+(?:点` + cnum + `+)?)`
)

type pattern struct {
	typ Type
	re  *regexp.Regexp
	// block: nothing else may be found inside (dates, amounts)
	block bool
}

var patternList = sync.OnceValue(func() []pattern {
	p := func(t Type, block bool, re string) pattern {
		return pattern{typ: t, re: regexp.MustCompile(re), block: block}
	}
	year := `(?:` + digit + `{4}|[〇零一二三四五六七八九]{4})年`
	month := `(?:` + digit + `{1,2}|十[一二]?|[一二三四五六七八九])月(?:份)?`
	dayNum := `(?:` + digit + `{1,2}|[一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])`
	day := dayNum + `日`
	mday := dayNum + `[日号]` // 号 only after a month: 9月24号, not 〔2021〕73号
	return []pattern{
		p(DOC, false, `《[^《》\n]{1,80}》`),
		p(PERCENT, true, num+`(?:多|余)?[%％]|百分之`+cnum+`+(?:点`+cnum+`+)?|`+num+`(?:多|余)?个百分点`),
		p(MONEY, true, `(?:人民币|美元|港币|欧元)?`+num+`(?:多|余)?(?:万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千)?(?:多|余)?(?:元|美元|欧元|日元|英镑|港元|港币|卢布|人民币|法郎|马克)`),
		p(MEETING, false, `(?:中国共产党|中共)?第?`+cnum+`+届[\p{Han}]{0,12}?第?`+cnum+`+次(?:全体)?(?:会议|全会)`),
		p(MEETING, false, `(?:中国共产党|中共)?`+cnum+`+届`+cnum+`中全会`),
		p(MEETING, false, `(?:中国共产党|中共)?`+cnum+`中全会`),
		p(MEETING, false, `(?:中国共产党|中共|[\p{Han}]{1,6}?党)?第`+cnum+`+次全国代表大会`),
		p(MEETING, false, `中共`+cnum+`{1,3}大|(?:二十|十[三四五六七八九])大`),
		p(MEETING, false, `(?:中央|全国)[\p{Han}]{2,12}?(?:工作会议|电视电话会议|座谈会|表彰大会)|国务院常务会议|国务院全体会议|中央政治局(?:常委会)?会议|中央政治局[\p{Han}]{0,4}集体学习|全国两会|(?:市委|省委|县委|区委)常委会(?:会议|扩大会议)`),
		p(DATE, true, `(?:公元)?`+year+`(?:`+month+`(?:`+mday+`)?)?(?:(?:上|下)半年|第?[一二三四1-4]季度|底|初|末|年底|以来|前后|上旬|中旬|下旬)?|`+
			`(?:(?:`+digit+`{4}|[〇零一二三四五六七八九]{4})[—\-－~～至到](?:`+digit+`{4}|[〇零一二三四五六七八九]{4})年)|`+
			`(?:今年|去年|明年|`+year+`)?(?:`+digit+`{1,2}|[一二三四五六七八九十]{1,2})(?:至|到|—|－|-|~|～)`+month+`|`+
			month+`(?:`+mday+`)?(?:以来|上旬|中旬|下旬|底|初)?|`+day+`(?:(?:上午|下午|晚上|晚|凌晨|早上|中午)`+`)?|`+
			digit+`{2,4}年代|`+cnum+`+世纪`+cnum+`*(?:年代)?|`+digit+`{2}世纪|`+
			`(?:今年|去年|明年|前年|后年|本年度|上年)(?:以来|上半年|下半年|前`+cnum+`季度|第?[一二三四]季度|年初|年底|年末|`+month+`)?|`+
			`(?:上|下)半年|前`+cnum+`季度|第?[一二三四]季度|近年来|近年|近几年|年初|年底|年末|年内|全年|同期|上旬|中旬|下旬|元旦|春节|国庆节|中秋节|`+
			`“十[一二三四五六七八九]五”(?:时期|期间|末)?|十[一二三四五六七八九]五(?:时期|期间)|新世纪|本世纪`),
	}
})

// patterns finds dates, amounts, percentages, 《》 titles and meetings.
func (st *sentence) patterns() []span {
	s := string(st.rs)
	// rune index of every byte offset that starts a rune
	ri := make([]int, len(s)+1)
	n := 0
	for b := range s {
		ri[b] = n
		n++
	}
	ri[len(s)] = n
	var out []span
	taken := make([]bool, len(st.rs))
	for _, p := range patternList() {
		for _, m := range p.re.FindAllStringIndex(s, -1) {
			a, b := ri[m[0]], ri[m[1]]
			if b-a < 2 && utf8.RuneCountInString(s[m[0]:m[1]]) < 2 {
				continue
			}
			clash := false
			for i := a; i < b; i++ {
				if taken[i] {
					clash = true
					break
				}
			}
			if clash {
				continue
			}
			for i := a; i < b; i++ {
				taken[i] = true
				if p.block {
					st.blocked[i] = true
				}
			}
			out = append(out, span{s: a, e: b, typ: p.typ})
		}
	}
	return out
}

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
