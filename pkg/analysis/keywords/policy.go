package keywords

import (
	"strings"

	"zhpolicy/pkg/structure"
)

// The constants of policyText, chosen on the DEV NPC resolutions, the
// opening pages of the DEV notices and the 1,000 CSL abstracts of
// test.jsonl (bench/RESULTS.md, Keywords, session 15).
const (
	// policyDocShare, policyGeneralIDF: a formula word of policy text is a
	// candidate word the policy background finds in at least this share
	// of its documents while the general table rates it at least this
	// rare (an IDF of 9; a word it lacks gets its median, about 12):
	// 中国特色社会主义, 稳中求进工作总基调, 全国人民代表大会, 邓小平理论. Words
	// every kind of text uses (社会, 政府, 方法, 理论) are common in the
	// background too, and general text does not find them rare.
	policyDocShare   = 0.05
	policyGeneralIDF = 9.0
	// policyMinFormulas, policyFormulaShare: a short text is a policy text
	// when at least this many of its distinct candidate words, and this
	// share of them, are formula words. The DEV resolutions have 8–25 and
	// 0.24–0.52; of the CSL abstracts none has more than 7, and the one
	// with 7 (an abstract on the 18th congress's programme) a share of 0.15.
	policyMinFormulas  = 6
	policyFormulaShare = 0.2
)

// policyText says whether a short text (fewer than shortUnits words) is a
// policy text rather than a text of another kind (an abstract, a news
// brief), so that it is collected and ranked as policy documents are:
// against the built-in policy background, with the rules against the
// pieces and glue of policy formulas, its names apart (see Terms.short).
// Two things tell, measured, not the file's name or folder:
//
//   - its words: a resolution on the government work report is made of the
//     formulas every policy document repeats (see policyMinFormulas);
//   - its layout: a notice, however short, is numbered as a 公文 is
//     (一、, （一）, 第一条, 第一章) or signed and dated (发文机关署名 and
//     成文日期), which an abstract never is (0 of the 1,000 CSL abstracts;
//     the opening pages of 103 of the 118 DEV notices).
//
// Only the built-in background decides: a background of the user's own
// documents ranks every text against itself already.
func (c *collector) policyText() bool {
	x, ok := c.opts.IDF.(*bgIDF)
	if !ok || !x.bg.builtin || x.bg.docs == 0 {
		return false
	}
	in := c.in
	minDF := policyDocShare * float64(x.bg.docs)
	words := map[string]bool{}
	formulas := 0
	for i, tok := range in.Tokens {
		key := in.Keys[i]
		if c.units[i].kind != kindHan || runeLen(key) < 2 || words[key] {
			continue
		}
		u := unit{key: key, surface: tok.Text, pos: tok.POS, kind: kindHan}
		c.classify(&u)
		if !u.cand {
			continue
		}
		words[key] = true
		df, _ := x.bg.Lookup(key)
		if g, _ := x.gen(key); float64(df) >= minDF && g >= policyGeneralIDF {
			formulas++
		}
	}
	if formulas >= policyMinFormulas && float64(formulas) >= policyFormulaShare*float64(len(words)) {
		return true
	}
	return c.officialLayout()
}

// officialLayout says whether the text is laid out as a 公文: a heading
// numbered 一、, （一） or 第N章/条/节/部分, or a signature with a date. The
// structure is parsed only when a line could be such a heading or a date,
// and kept for the procedural parts (c.doc).
// parsedDoc returns the structure of the collector's text, parsing it the
// first time a rule needs it (kept in c.doc, which CollectParsed may set).
func (c *collector) parsedDoc() *structure.Document {
	if c.doc == nil {
		c.doc = structure.ParseFolded(c.in.Text, c.in.Folded)
	}
	return c.doc
}

func (c *collector) officialLayout() bool {
	in := c.in
	parse := false
	for start, end := range lineSpans(in.Text) {
		if layoutLine(strings.TrimSpace(in.Text[start:end])) {
			parse = true
			break
		}
	}
	if !parse {
		return false
	}
	d := c.parsedDoc()
	for _, h := range d.Headings {
		if h.Kind == "一、" || h.Kind == "（一）" || strings.HasPrefix(h.Kind, "第") {
			return true
		}
	}
	return d.Date != nil && len(d.Signatures) > 0
}

// layoutLine says whether a line (trimmed) may be a 公文 heading (一、,
// （一）, 第…) or hold a date (年…日), the cheap test before parsing.
func layoutLine(line string) bool {
	if strings.HasPrefix(line, "第") || strings.HasPrefix(line, "（") || strings.HasPrefix(line, "(") {
		return true
	}
	r := firstRune(line)
	if strings.ContainsRune("一二三四五六七八九十", r) && strings.Contains(line[:min(len(line), 12)], "、") {
		return true
	}
	return strings.Contains(line, "年") && strings.HasSuffix(line, "日")
}

// onceCut says whether unit i, a word the document uses once, was cut out
// of a longer unit of policy language, which its one occurrence shows (the
// piece rules of partialTerms need two occurrences to agree; a word used
// once in a text under minCountUnits words is ranked, so its one
// occurrence has to tell):
//
//   - a fixed expression whose last word makes a dictionary word with the
//     verb after it: the segmenter took the expression where the text
//     goes on with a longer one (推进改革+开放 and 全面深化改革+开放, of
//     推进/全面深化+改革开放);
//   - a word after a number of things, two or more, or an ordinal
//     (两个+大局, 三大+攻坚战, 第十八次+全国代表大会): the numbered formula
//     or name is the unit;
//   - a word after a distinguishing word of one character (总+基调, gse's
//     b): it modifies nouns only, the two are one compound;
//   - a word after a measure word that begins with a localizer (30+分钟+
//     内向+市应急管理局报告): the localizer closes the time frame; a word
//     after a number that begins with a unit (5—8+年长+周期): the unit is
//     the number's;
//   - a word of two characters before a two-character word only the HMM
//     found (治国+理政: a four-character expression the dictionary lacks,
//     cut in two; see hmmHalf);
//   - a word after a measure word of two characters or more that no
//     number precedes (系列+重要讲话精神): the measure word is the
//     compound's first part, not a count.
//
// (A word after an adverb, 历次+全会精神, is not taken: gse tags verbs
// before a noun as adverbs too, 高举/d+中国特色社会主义.)
func (c *collector) onceCut(i int) bool {
	u := &c.units[i]
	if u.kind != kindHan {
		return false
	}
	if i+1 < len(c.units) && c.touching(i) && u.pos == "l" && runeLen(u.key) >= 4 {
		if v := &c.units[i+1]; v.kind == kindHan && isVerb(v.pos) {
			for k := range u.key {
				if tail := u.key[k:]; k > 0 && runeLen(tail) >= 2 && c.word(tail) && c.word(tail+v.key) {
					return true
				}
			}
		}
	}
	if i+1 < len(c.units) && c.touching(i) && runeLen(u.key) == 2 && hmmHalf(&c.units[i+1]) {
		return true // 治国+理政
	}
	if i == 0 || !c.touching(i-1) {
		return false
	}
	p := &c.units[i-1]
	if strings.HasPrefix(p.pos, "q") && runeLen(p.key) >= 2 && (i < 2 || !c.touching(i-2) || !isNumberUnit(&c.units[i-2])) {
		return true // 系列+重要讲话精神
	}
	if isNumberUnit(p) && strings.ContainsRune(measureRunes, firstRune(u.key)) {
		return true
	}
	if p.kind != kindHan {
		return false
	}
	// (一个 is mostly the article: 一个+国民外交+的平台)
	return numberOfThings(p) && firstRune(p.key) != '一' || ordinal(p) || p.pos == "b" && runeLen(p.key) == 1 ||
		strings.HasPrefix(p.pos, "q") && strings.ContainsRune("内外前后上下里中", firstRune(u.key))
}

// hmmHalf says whether a unit is a word of two characters only the HMM
// found that begins with neither a numeral nor a function character: the
// second half of a four-character expression (理政 of 治国理政), not a
// number (青岛+两大) or a particle glued to a word.
func hmmHalf(u *unit) bool {
	r := firstRune(u.key)
	return u.kind == kindHan && u.pos == "x" && runeLen(u.key) == 2 && !isNumeral(string(r)) && !isFunctionRune(r)
}

// measureRunes are units of time and measure that follow a number (8年,
// 3个, 5项).
const measureRunes = "年月日天周个项次台件亿万"

// numberOfThings says whether a unit is the number of a numbered formula
// (两个, 三大, 四项: see numbered), as gse tags it (m) or guesses it (x).
func numberOfThings(u *unit) bool {
	if u.pos != "x" && !strings.HasPrefix(u.pos, "m") || runeLen(u.key) != 2 {
		return false
	}
	r := []rune(u.key)
	return strings.ContainsRune(numberedCounts, r[0]) && strings.ContainsRune(numberedMeasures, r[1])
}

// ordinal says whether a unit is an ordinal of a session or a congress
// written in Chinese numerals (第十八次, 第三届).
func ordinal(u *unit) bool {
	if !strings.HasPrefix(u.pos, "m") || !strings.HasPrefix(u.key, "第") {
		return false
	}
	r := []rune(u.key)
	if len(r) < 3 || !strings.ContainsRune("次届", r[len(r)-1]) {
		return false
	}
	return isNumeral(string(r[1 : len(r)-1]))
}
