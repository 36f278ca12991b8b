package entities

import (
	"strings"
)

// companyHeads are the nouns that close an enumeration of companies after
// 等 (曙光、海光、麒麟等头部企业; 中远海运、招商局等央企).
var companyHeads = []string{"中央企业", "央企业", "企业", "央企", "民企", "外企", "国企", "车企", "药企", "公司"}

// enumeratedCompanies adds the items of an enumeration that ends with 等
// and a word for companies (中远海运、招商局、国能航运等央企; 合源生物、瑞普
// 生物等民企): the report names its companies by their short names there,
// which no ending marks. Between 等 and the head only words that make a
// kind may stand (头部, 重点, 一批). The list must be one of names: at least
// half of its items are not common dictionary words (计量、标准、检测等服务企业
// is not). An item ending with 总部 names the company before it (中资信创总部);
// an item ending with another ending of a place or project is skipped.
func (st *sentence) enumeratedCompanies() {
	if st.d.x.genre != Policy {
		return
	}
	for j, tk := range st.toks {
		if tk.e-tk.s != 1 || st.rs[tk.s] != '等' || !st.companyHeadAfter(j+1) {
			continue
		}
		items := st.enumerationBefore(tk.s)
		if len(items) < 2 {
			continue
		}
		named := 0
		for _, it := range items {
			if !st.commonItem(it[0], it[1]) {
				named++
			}
		}
		if 2*named < len(items) {
			continue
		}
		for _, it := range items {
			s, e := it[0], it[1]
			if strings.HasSuffix(st.text(s, e), "总部") {
				e -= 2
			}
			n := e - s
			if n < 2 || n > 8 || st.kindsOnly(st.rs[s:e]) || st.facilityEnding(s, e) {
				continue
			}
			if g, ok := st.lookup(st.text(s, e)); ok && g.Type == PER {
				continue
			}
			st.add(s, e, ORG, float64(n)*10+9)
		}
	}
}

// companyHeadAfter says whether the tokens from j on are words that make a
// kind (at most two) and then a head of companyHeads, or the head ends the
// first of them (头部企业).
func (st *sentence) companyHeadAfter(j int) bool {
	for k := j; k < len(st.toks) && k <= j+2; k++ {
		w := st.tokText(k)
		for _, h := range companyHeads {
			if w == h || strings.HasSuffix(w, h) && st.kindsOnly([]rune(strings.TrimSuffix(w, h))) {
				return true
			}
		}
		if !st.t.kinds[w] && w != "一批" && w != "平台经济" && w != "中央" {
			return false
		}
	}
	return false
}

// enumerationBefore returns the items [s, e) of the enumeration with 、
// that ends at rune end, first to last; the first item starts after a
// punctuation mark, a verb or a function word.
func (st *sentence) enumerationBefore(end int) [][2]int {
	var items [][2]int
	e := end
	for {
		s := e
		k := st.endTok[e]
		for k >= 0 && e-st.toks[k].s <= 12 {
			w := st.tokText(k)
			if w == "、" || !hanOrAlnum(w) || orgStop[w] || actionWords[w] || st.t.titles[w] {
				break
			}
			s = st.toks[k].s
			k = st.endTok[s]
		}
		if s > 0 && st.rs[s-1] != '、' {
			// the first item: after the verb, preposition or adverb
			// before it (依托|曙光、海光)
			for k := st.endTok[e]; k >= 0 && st.toks[k].s >= s; k = st.endTok[st.toks[k].s] {
				if p := st.toks[k].pos; p == "v" || p == "vn" || p == "p" || p == "c" || p == "d" || p == "vd" {
					s = st.toks[k].e
					break
				}
				if st.toks[k].s == s {
					break
				}
			}
		}
		if s == e {
			return nil
		}
		items = append(items, [2]int{s, e})
		if s == 0 || st.rs[s-1] != '、' {
			break
		}
		e = s - 1
	}
	for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
		items[i], items[j] = items[j], items[i]
	}
	return items
}

// commonItem says whether [s, e) is made of common words: words that make
// a kind, or tokens of two characters or more that the dictionary tags as
// ordinary words (计量, 重大|危险源). A name the segmenter cut into single
// characters (中|芯|国际, 合|源|生物) or tagged as a name is not.
func (st *sentence) commonItem(s, e int) bool {
	if st.kindsOnly(st.rs[s:e]) {
		return true
	}
	for i := s; i < e; {
		j := st.startTok[i]
		if j < 0 || st.toks[j].e > e || st.toks[j].e-st.toks[j].s < 2 || !commonPOS[st.toks[j].pos] {
			return false
		}
		i = st.toks[j].e
	}
	return true
}

// facilityEnding says whether [s, e) ends with the ending of a place,
// project or facility rather than a company (科学试验基地, 产业园, 项目).
func (st *sentence) facilityEnding(s, e int) bool {
	w := st.text(s, e)
	for _, x := range []string{"基地", "园", "园区", "项目", "中心", "工程", "平台", "工厂", "港", "区"} {
		if strings.HasSuffix(w, x) {
			return true
		}
	}
	return false
}

// abbreviatedInstitutes adds the short names of institutes and colleges
// that an enumeration writes as a few one-rune abbreviations and 院 or 所
// (北化院、石科院等; 工生所、…; 杨凌职院、陕工院): the segmenter cuts them into
// single runes, which no ending rule reads as a name. The item stands
// between an enumeration's comma on one side and a comma, 等, a verb or the
// clause's end or start on the other; the runes before the ending are two or three
// one-rune tokens, none a function word (本院, 该所 are no names).
func (st *sentence) abbreviatedInstitutes() {
	if st.d.x.genre != Policy {
		return
	}
	for j, tk := range st.toks {
		if tk.e-tk.s != 1 || st.rs[tk.s] != '院' && st.rs[tk.s] != '所' {
			continue
		}
		k := j - 1
		for k >= 0 && j-k <= 4 && st.toks[k].e-st.toks[k].s == 1 && isHan(st.rs[st.toks[k].s]) && st.toks[k].e == st.toks[k+1].s &&
			!strings.ContainsRune(functionChars, st.rs[st.toks[k].s]) {
			k--
		}
		n := j - k - 1 // one-rune tokens before the ending
		if n < 2 || n > 3 {
			continue
		}
		s, e := st.toks[k+1].s, tk.e
		before := rune(0)
		if s > 0 {
			before = st.rs[s-1]
		}
		after := rune(0)
		if e < len(st.rs) {
			after = st.rs[e]
		}
		listBefore, listAfter := before == '、', after == '、' || after == '等' && !st.projectsAfter(e+1)
		if !(listBefore || listAfter) || !(listBefore || before == 0 || before == '，' || before == '：' || isSentenceEnd(before)) ||
			!(listAfter || after == 0 || after == '，' || after == '。' || after == '；' || listBefore && st.verbAt(e)) {
			continue
		}
		st.add(s, e, ORG, float64(e-s)*10+9)
	}
}

// verbAt says whether a verb of two runes or more starts at i (…、陕工院|建设).
func (st *sentence) verbAt(i int) bool {
	j := st.startTok[i]
	return j >= 0 && st.toks[j].e-st.toks[j].s >= 2 && (st.toks[j].pos == "v" || st.toks[j].pos == "vn")
}

// projectsAfter says whether the words from i (after 等) name projects or
// works (方厅水院等标志性项目): the list is one of projects, not of bodies.
func (st *sentence) projectsAfter(i int) bool {
	w := string(st.rs[i:min(len(st.rs), i+8)])
	return strings.Contains(w, "项目") || strings.Contains(w, "工程")
}
