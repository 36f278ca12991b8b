package entities

import (
	"sync"
)

// pattern is one of the fixed patterns: dates, amounts, percentages, 《》
// titles and meetings.
type pattern struct {
	typ Type
	f   finder
	// block: nothing else may be found inside (dates, amounts)
	block bool
	// keep, when set, vets a match (MONEY only where money is meant)
	keep func(rs []rune, s, e int) bool
}

const (
	cnumSet  = "〇零一二三四五六七八九十百千万两"
	digitSet = "0123456789０１２３４５６７８９"
	// the characters that can start a number
	numStart = cnumSet + digitSet
)

// patternList builds the patterns once. They are the regular expressions
// kept in patterns_ref_test.go, written with the matcher of match.go.
var patternList = sync.OnceValue(func() []pattern {
	cnum := in(cnumSet)
	digit := in(digitSet)
	cnums := rep(cnum, 1, -1, false)
	digits := rep(digit, 1, -1, false)
	han := one(isHan)
	num := alt(seq(digits, opt(seq(in(".．"), digits))), seq(cnums, opt(seq(lit("点"), cnums))))
	duoYu := opt(in("多余"))
	party := opt(lits("中国共产党", "中共"))
	yearDigits := alt(rep(digit, 4, 4, false), rep(in("〇零一二三四五六七八九"), 4, 4, false))
	year := seq(yearDigits, lit("年"))
	month := seq(alt(rep(digit, 1, 2, false), seq(lit("十"), opt(in("一二"))), in("一二三四五六七八九")), lit("月"), opt(lit("份")))
	dayNum := alt(rep(digit, 1, 2, false), seq(opt(in("一二")), lit("十"), opt(in("一二三四五六七八九"))),
		seq(lit("三十"), opt(lit("一"))), in("一二三四五六七八九"))
	day := seq(dayNum, lit("日"))
	mday := seq(dayNum, in("日号")) // 号 only after a month: 9月24号, not 〔2021〕73号
	dash := lits("至", "到", "—", "－", "-", "~", "～")
	plan := in("一二三四五六七八九")

	all := func(p pat, start, need string, maxLen int) finder {
		set := runeSet(start)
		return finder{p: p, start: set.has, need: runeSet(need), maxLen: maxLen}
	}
	must := func(f finder, w string) finder {
		f.must = []rune(w)
		return f
	}
	anyHan := func(p pat, need string, maxLen int) finder {
		return finder{p: p, start: isHan, need: runeSet(need), maxLen: maxLen}
	}

	doc := seq(lit("《"), rep(one(func(r rune) bool { return r != '《' && r != '》' && r != '\n' }), 1, 80, false), lit("》"))
	percent := alt(
		seq(num, duoYu, in("%％")),
		seq(lit("百分之"), cnums, opt(seq(lit("点"), cnums))),
		seq(num, duoYu, lit("个百分点")))
	money := seq(opt(lits("人民币", "美元", "港币", "欧元")), num, duoYu,
		opt(lits("万亿", "千亿", "百亿", "十亿", "亿", "千万", "百万", "十万", "万", "千")), duoYu,
		lits("元", "美元", "欧元", "日元", "英镑", "港元", "港币", "卢布", "人民币", "法郎", "马克"))
	session := seq(party, opt(lit("第")), cnums, lit("届"), rep(han, 0, 12, true), opt(lit("第")), cnums, lit("次"),
		opt(lit("全体")), lits("会议", "全会"))
	plenumN := seq(party, cnums, lit("届"), cnums, lit("中全会"))
	plenum := seq(party, cnum, lit("中全会"))
	congress := seq(opt(alt(lit("中国共产党"), lit("中共"), seq(rep(han, 1, 6, true), lit("党")))), lit("第"), cnums, lit("次全国代表大会"))
	congressShort := alt(seq(lit("中共"), rep(cnum, 1, 3, false), lit("大")), seq(alt(lit("二十"), seq(lit("十"), in("三四五六七八九"))), lit("大")))
	named := alt(
		seq(lits("中央", "全国"), rep(han, 2, 12, true), lits("工作会议", "电视电话会议", "座谈会", "表彰大会")),
		lit("国务院常务会议"), lit("国务院全体会议"),
		seq(lit("中央政治局"), opt(lit("常委会")), lit("会议")),
		seq(lit("中央政治局"), rep(han, 0, 4, false), lit("集体学习")),
		lit("全国两会"),
		seq(lits("市委", "省委", "县委", "区委"), lit("常委会"), lits("会议", "扩大会议")))
	date := alt(
		seq(opt(lit("公元")), year, opt(seq(month, opt(mday))),
			opt(alt(seq(in("上下"), lit("半年")), seq(opt(lit("第")), in("一二三四1234"), lit("季度")),
				lits("底", "初", "末", "年底", "以来", "前后", "上旬", "中旬", "下旬")))),
		seq(yearDigits, in("—-－~～至到"), yearDigits, lit("年")),
		seq(opt(alt(lits("今年", "去年", "明年"), year)), alt(rep(digit, 1, 2, false), rep(in("一二三四五六七八九十"), 1, 2, false)), dash, month),
		seq(month, opt(mday), opt(lits("以来", "上旬", "中旬", "下旬", "底", "初"))),
		seq(day, opt(lits("上午", "下午", "晚上", "晚", "凌晨", "早上", "中午"))),
		seq(rep(digit, 2, 4, false), lit("年代")),
		seq(cnums, lit("世纪"), rep(cnum, 0, -1, false), opt(lit("年代"))),
		seq(rep(digit, 2, 2, false), lit("世纪")),
		seq(lits("今年", "去年", "明年", "前年", "后年", "本年度", "上年"),
			opt(alt(lit("以来"), lit("上半年"), lit("下半年"), seq(lit("前"), cnum, lit("季度")),
				seq(opt(lit("第")), in("一二三四"), lit("季度")), lits("年初", "年底", "年末"), month))),
		seq(in("上下"), lit("半年")),
		seq(lit("前"), cnum, lit("季度")),
		seq(opt(lit("第")), in("一二三四"), lit("季度")),
		lits("近年来", "近年", "近几年", "年初", "年底", "年末", "年内", "全年", "同期", "上旬", "中旬", "下旬", "元旦", "春节", "国庆节", "中秋节"),
		seq(in("“「『"), lit("十"), plan, lit("五"), in("”」』"), opt(lits("时期", "期间", "末"))),
		seq(lit("十"), plan, lit("五"), lits("时期", "期间")),
		lits("新世纪", "本世纪"))

	// the runes one of which every match of a pattern holds, and the
	// length of its longest match, for the finder's prefilter
	return []pattern{
		{typ: DOC, f: all(doc, "《", "》", 83)},
		{typ: PERCENT, f: all(percent, numStart+"百", "%％百", 64), block: true},
		{typ: MONEY, f: all(money, numStart+"人美港欧", "元币镑布郎克", 64), block: true, keep: isMoney},
		{typ: MEETING, f: all(session, numStart+"中第", "届", 64)},
		{typ: MEETING, f: all(plenumN, numStart+"中", "届", 64)},
		{typ: MEETING, f: all(plenum, numStart+"中", "全", 8)},
		{typ: MEETING, f: must(anyHan(congress, "代", 64), "次全国代表大会")},
		{typ: MEETING, f: all(congressShort, "中二十", "大", 8)},
		{typ: MEETING, f: all(named, "中全国市省县区", "会学", 24)},
		{typ: DATE, f: all(date, numStart+"公今去明前后本上下第近年全同元春国中“「『新", "年月日号季世旬期旦节五", 40), block: true},
	}
})

// isMoney says whether the amount at [s, e) means money: a quantity before
// the currency, not a bare magnitude (万元 of 万元GDP能耗, 百元 of
// 每百元营业收入) nor the 一元/二元/多元 of 一元化, 二元结构.
func isMoney(rs []rune, s, e int) bool {
	q := rs[s:e]
	for _, pre := range moneyPrefixes {
		if hasRunes(q, pre) && len(q) > len(pre) {
			q = q[len(pre):]
			break
		}
	}
	for _, u := range moneyUnits {
		if len(q) > len(u) && string(q[len(q)-len(u):]) == string(u) {
			q = q[:len(q)-len(u)]
			break
		}
	}
	if len(q) == 1 && (q[0] == '万' || q[0] == '千' || q[0] == '百' || q[0] == '亿') {
		return false // 万元, 百元: a magnitude alone
	}
	if e < len(rs) && rs[e-1] == '元' {
		switch rs[e] {
		case '化', '论', '结', '制', '对', '经', '体', '性', '素', '宇':
			// 二元结构, 一元化, 多元论, 二元经济, 二元体制, 元宇宙
			return false
		}
	}
	return true
}

var (
	moneyPrefixes = [][]rune{[]rune("人民币"), []rune("美元"), []rune("港币"), []rune("欧元")}
	// longest first
	moneyUnits = [][]rune{[]rune("人民币"), []rune("美元"), []rune("欧元"), []rune("日元"), []rune("英镑"), []rune("港元"),
		[]rune("港币"), []rune("卢布"), []rune("法郎"), []rune("马克"), []rune("元")}
)

func hasRunes(rs, prefix []rune) bool {
	if len(rs) < len(prefix) {
		return false
	}
	for i, r := range prefix {
		if rs[i] != r {
			return false
		}
	}
	return true
}

// patterns finds dates, amounts, percentages, 《》 titles and meetings.
func (st *sentence) patterns() []span {
	var out []span
	taken := make([]bool, len(st.rs))
	var ms [][2]int
	for _, p := range patternList() {
		ms = p.f.all(st.rs, ms[:0])
		for _, m := range ms {
			a, b := m[0], m[1]
			if b-a < 2 || clash(taken, a, b) || p.keep != nil && !p.keep(st.rs, a, b) {
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

func clash(taken []bool, a, b int) bool {
	for i := a; i < b; i++ {
		if taken[i] {
			return true
		}
	}
	return false
}
