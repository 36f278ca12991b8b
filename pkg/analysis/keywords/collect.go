package keywords

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/structure"
)

// unit is one token of the document, as the collector sees it.
type unit struct {
	key, surface, pos string
	start, end        int // byte offsets in Input.Text
	heading           bool
	contact           bool // on a line of contact details (see line.contact)
	proc              bool // in a procedural part of the document (see proceduralSpans)
	impl              bool // in the part that says how the document is carried out (see implementationSpans)
	titled            bool // inside a book title (《…》, see titlePieces)
	cand              bool // may be a keyword on its own
	join              bool // may be inside a key phrase
	first             bool // may begin a key phrase
	last              bool // may end a key phrase
	word              bool // a word of Han characters (or Han with Latin/digits): counted in Units
	quote             int8 // quoteOpen or quoteClose for a quotation mark
	guess             bool // a short word only the HMM found, not a candidate unless quoted
	kind              wordKind
}

const (
	quoteOpen  = 1
	quoteClose = 2
)

type collector struct {
	// long is true for a document of minCountUnits words or more, where
	// the rules against the pieces and glue of formulaic text apply.
	long bool
	// short is true for a text of fewer than shortUnits words (an
	// abstract, a news brief): its terms are used once or twice, with no
	// repetition to tell a term from a clause, and the phrase rules of
	// policy documents (no verb inside or at the end) only cost; a short
	// text keeps the plain rules (see Terms.short).
	short bool
	// call is true for a document with a procedural part (see genre.go)
	call  bool
	in    *analysis.Input
	opts  *Options
	stop  *Stopwords
	units []unit
	// ids numbers the distinct unit keys, so that a sequence of units is
	// a small array, not a string.
	ids []int32
	num map[string]int32
	// counts are the occurrences of every sequence of 2..phraseMaxParts
	// adjacent words (at most phraseMaxRunes characters) of the document;
	// single counts the occurrences of each word.
	counts map[gram]int32
	single []int32
	// quoted are the word sequences the document puts in quotation marks
	// (“四个中心”): the author's own terms.
	quoted map[gram]bool
	// quotedFirst says, by unit id, whether a quoted sequence begins with
	// the unit: most positions need no look-up in quoted.
	quotedFirst []bool
	// quotedWords are the HMM's words the document quotes (“众管”).
	quotedWords []string
	// titles are the spans inside book titles (《…》), see titlePieces.
	titles [][2]int
	// pieces are the keys of the terms found to be pieces of a longer
	// unit that is no well-formed term (see collector.pieces): ranked
	// nothing.
	pieceKeys map[string]bool
	// headless are the terms of three characters that never head a
	// phrase of their own (see partialTerms): pieces unless names.
	headless []int32
	// doc is the document's structure when the caller parsed it already
	// (CollectParsed); nil: parsed here if a notice needs it.
	doc *structure.Document
}

// gram is a sequence of unit ids, -1 padded.
type gram [phraseMaxQuoted]int32

func newCollector(in *analysis.Input, opts *Options) *collector {
	return &collector{in: in, opts: opts, stop: opts.stopwords()}
}

func (c *collector) run(t *Terms) {
	c.prepare()
	c.number()
	c.count()
	var spans [][2]int // unit ranges [i, j) of the output stream
	if c.opts.NoPhrases {
		spans = make([][2]int, len(c.units))
		for i := range c.units {
			spans[i] = [2]int{i, i + 1}
		}
	} else {
		spans = c.extendNames(c.onceUnits(c.pieces(c.extend(c.phrases()))))
	}
	c.build(t, spans)
	c.partialTerms(t, spans)
	c.chainTerms(t, spans)
	c.reportTerms(t, spans)
	c.titlePieces(t, spans)
	c.noticeTerms(t)
	if c.opts.NoVocabulary {
		t.ownCounts()
		return
	}
	c.vocabulary(t)
}

// partialTerms marks the terms that are part of a longer unit: most of
// their occurrences (partialShare, at least two) touch the same neighbour
// that could extend them — a content word beginning with the same
// character on the right (马池+口, 云控+基础平台, 车用+无线通信), or one
// ending with the same character, or a number, on the left (18+号线,
// 13+号线) — or, for a word of two characters, a content word before it
// every time (经济+强省, 文化+强省, 制造+强省: a suffix of compounds).
func (c *collector) partialTerms(t *Terms, spans [][2]int) {
	if c.short {
		// a short text repeats its title's words with their neighbours
		// (荔枝+干 in title and abstract): no evidence
		return
	}
	type sides struct {
		left, right map[rune]int32
		bound       bool
		seen        bool
		// modifier counts the occurrences of a phrase followed by a verb
		// (建材行业+智能+制造, 省级+科技+创新), or by a word its last word
		// makes a dictionary word with: it ends inside a longer unit.
		modifier int32
		// label counts the occurrences that are the name of a field of
		// a form (联系电话：…) or the issuer's code of a document number
		// (发改能源〔2020〕12号, 鲁工信数据〔2021〕3号)
		label int32
		// runIn counts the occurrences that are a run-in label: at the
		// start of a line or sentence, before a colon (A主持人：…, 研究内容：…)
		runIn int32
		// glued counts the occurrences of a word that makes a dictionary
		// word with the word it touches (保质+保量: 保质保量)
		glued int32
		// charL and charR count the occurrences of a word touching the
		// same content word of one character on its left (投+用率) or
		// right, lr and rr; -1 once another neighbour was seen
		charL, charR int32
		lr, rr       rune
		// heads counts the occurrences of a short word that are not
		// followed, inside the phrase, by a noun it modifies (see
		// modifies): where it heads a phrase of its own; of a phrase,
		// those not followed on the same line by a noun it modifies, and
		// every occurrence of a phrase that does not begin with a
		// modifier (see modifierPOS)
		heads int32
		// attrib counts the occurrences of a phrase ending in a suffix
		// that makes attributives (see attributive) followed by a noun
		attrib int32
		// numL counts the occurrences after a numeral (千兆+光网)
		numL int32
		// advL counts the occurrences after an adverb (共同+舉杯)
		advL int32
		// leftNoun is left without the verbs: a verb before a word takes
		// it as its object (成立+興中會, 编制+验收报告), no compound
		leftNoun map[rune]int32
	}
	ns := make([]sides, len(t.terms))
	bump := func(m *map[rune]int32, r rune) {
		if *m == nil {
			*m = make(map[rune]int32, 2)
		}
		(*m)[r]++
	}
	for si, id := range t.seq {
		if id < 0 {
			continue
		}
		n := &ns[id]
		i, j := spans[si][0], spans[si][1]
		content := false
		if i > 0 && c.touching(i-1) {
			if u := &c.units[i-1]; u.join && !c.stop.Has(u.key) {
				r, _ := utf8.DecodeLastRuneInString(u.key)
				bump(&n.left, r)
				if u.pos != "v" && runeLen(u.key) >= 2 && !strings.HasPrefix(u.pos, "ns") {
					bump(&n.leftNoun, r)
				}
				content = true
			} else if isNumberUnit(u) {
				bump(&n.left, '#')
				bump(&n.leftNoun, '#')
				content = true
			} else if u.word && !functionWord(u) && !c.stop.Has(u.key) && !strings.HasPrefix(u.pos, "m") && !strings.HasPrefix(u.pos, "q") {
				// a word the dictionaries tag as no content word, or the
				// HMM's guess, before every occurrence: a word split
				// across the boundary (报济+南市, 局与济+南市); not a
				// number or measure word (3个+沙戈荒大基地)
				r, _ := utf8.DecodeLastRuneInString(u.key)
				bump(&n.left, r)
				bump(&n.leftNoun, r)
			}
		}
		if i > 0 && c.touching(i-1) && strings.HasPrefix(c.units[i-1].pos, "m") && isNumberUnit(&c.units[i-1]) {
			n.numL++
		}
		if i > 0 && c.adjacent(i-1) && c.units[i-1].pos == "d" {
			n.advL++
		}
		n.bound = content && (n.bound || !n.seen)
		n.seen = true
		// (a long document ranks no word used once: no need to look)
		if j-i == 1 && !c.long && t.terms[id].count == 1 && (c.gluedWord(i) || c.onceCut(i)) {
			n.glued++
		}
		if j-i == 1 {
			var l, r rune
			if i > 0 && c.touching(i-1) && c.oneChar(i-1) {
				l = firstRune(c.units[i-1].key)
			}
			if j < len(c.units) && c.touching(j-1) && c.oneChar(j) {
				r = firstRune(c.units[j].key)
			}
			same(&n.charL, &n.lr, l)
			same(&n.charR, &n.rr, r)
		}
		if !c.modifies(j) && !(j-i == 1 && c.beforeAcronym(j)) || j-i > 1 && (!modifierPOS(c.units[i].pos) || !c.adjacent(j-1)) {
			n.heads++
		}
		if j-i > 1 && c.attributive(j) {
			n.attrib++
		}
		if e := c.units[j-1].end; c.units[i].contact || c.fieldName(e) || docNumber(c.in.Text[e:]) || formCell(c.in.Text, c.units[i].start, e, c.units[i].proc) {
			n.label++
		}
		if runInLabel(c.in.Text, c.units[i].start, c.units[j-1].end) {
			n.runIn++
		}
		if j < len(c.units) && c.touching(j-1) && j-i > 1 && c.units[j].word && (c.word(c.units[j-1].key+c.units[j].key) || isVerb(c.units[j].pos) && c.units[j].join && !c.stop.Has(c.units[j].key)) {
			// a phrase whose last word makes a word with the next
			// (建材行业+智能+制造: 智能制造) is cut out of a longer unit
			n.modifier++
		}
		if j < len(c.units) && c.touching(j-1) {
			if u := &c.units[j]; u.join && !c.stop.Has(u.key) {
				bump(&n.right, firstRune(u.key))
			} else if u.word && c.units[j-1].pos == "x" && j-i == 1 && runeLen(u.key) == 1 && c.word(lastRuneString(c.units[j-1].key)+u.key) {
				// a word only the HMM found whose last character makes a
				// word with the next (数智赋+能: 赋能) is cut out of a
				// longer one
				bump(&n.right, firstRune(u.key))
			} else if u.word && (runeLen(c.units[j-1].key) == 1 && j-i > 1 || (!functionWord(u) || adverbPiece(u)) && !c.stop.Has(u.key)) {
				// a phrase that ends in one character glued to the next
				// word (标准+子+体系, 行业+协+会) ends inside a word, and
				// so does a term before the same measure word or guess
				// every time (马池+口)
				bump(&n.right, firstRune(u.key))
			} else if j-i > 1 && isConjunction(u.key) && j+1 < len(c.units) && c.adjacent(j) && c.units[j+1].word {
				// a phrase followed by 和 and more words is the first half
				// of a name (省+工业+和+信息化厅, 济南市+工业+和+信息化局)
				bump(&n.right, '&')
			} else if j-i > 1 && isLocalizer(u.key) {
				// a phrase always followed by a localizer is the inside of
				// a frame (在+中共湖北省委+领导+下), not a term
				bump(&n.right, '^')
			}
		}
	}
	most := func(m map[rune]int32) int32 {
		var b int32
		for _, v := range m {
			b = max(b, v)
		}
		return b
	}
	for i := range t.terms {
		tm := &t.terms[i]
		if c.pieceKeys[tm.key] {
			// nearly every occurrence inside the same longer unit that
			// is no term (see pieces)
			tm.partial = true
			continue
		}
		// only what could be a piece: a phrase, a word the HMM found or
		// a word tagged as a name (马池 of 马池口), or a word seen three
		// times or more.
		n := &ns[i]
		if !tm.quoted && 2*n.label >= int32(tm.count) {
			// a form's field name or a document number's code, half of
			// its uses or more: the document's structure, not its subject
			tm.partial = true
			continue
		}
		if n.runIn >= runInMin && 2*n.runIn >= int32(tm.count) {
			// the label of a transcript's speaker or of a recurring part
			// of each item (A主持人：…, 研究内容：…, 应用场景：…), half of its
			// uses or more: the document's layout, not its subject
			tm.partial = true
			continue
		}
		if tm.count == 1 && !tm.phrase && n.glued == 1 {
			// a word used once, and then inside a longer dictionary word
			// the segmenter cut (按期+保质+保量: 保质保量): a piece
			tm.partial = true
			continue
		}
		if !tm.phrase && !tm.quoted && tm.count >= 2 && runeLen(tm.key) <= 2 && (n.charL == int32(tm.count) || n.charR == int32(tm.count)) {
			// a word of two characters beside the same content character
			// every time (投+用率 twice: 投用率) is a piece of a word the
			// segmenter cut
			tm.partial = true
			continue
		}
		if !tm.phrase && !tm.quoted && tm.count >= 2 && n.heads == 0 && runeLen(tm.key) == modifierMaxRunes+1 && tm.pos != "vn" {
			// the same, for a word of three characters (高灵敏+磁传感器,
			// 高灵敏 MEMS…), unless it is a name: a place, an organ, a
			// person before the noun of what it has (青岛市+交通运输局,
			// 国务院+办公厅) is a name all the same (see headless)
			c.headless = append(c.headless, int32(i))
			continue
		}
		if !tm.phrase && !tm.quoted && tm.count >= 2 && n.heads == 0 && runeLen(tm.key) <= modifierMaxRunes && tm.pos != "vn" {
			// a short word that never heads a phrase of its own: every
			// occurrence modifies the noun after it (船用+发动机,
			// 船用+动力电池, 多+模态+…), and no compound of it recurs
			// (extend counted those that do as the compound): a piece
			tm.partial = true
			continue
		}
		if tm.phrase && n.attrib == int32(tm.count) {
			// a phrase ending in 式 or 型, before a noun every time, quoted
			// or not (“入驻式”诊断服务): an attributive (区别词), the
			// modifier of the unit it is written in, never a term alone
			tm.partial = true
			continue
		}
		if tm.phrase && !tm.quoted && tm.count >= 2 && n.heads == 0 {
			// a phrase that begins with an adjective or a verb and is
			// followed by a noun it modifies every time (超大+跨径 of
			// 超大跨径缆索承重桥梁 and 超大跨径桥梁): the modifier of
			// longer units, no term; a phrase that begins with a noun
			// (海洋牧场+准则) is a complete term before its heads
			tm.partial = true
			continue
		}
		if !tm.quoted && n.advL == int32(tm.count) {
			// written after an adverb every time (共同+舉杯, 按期+保质,
			// 已+上市同类产品): a predicate or the verb phrase it begins,
			// whatever the dictionary tags it, not a term
			tm.partial = true
			continue
		}
		if !tm.phrase && !tm.quoted && tm.count == 2 && n.numL == 2 {
			// a word used twice, after a numeral both times (千兆+光网):
			// the numeral makes the unit, as for a word used more often
			// (18+号线)
			tm.partial = true
			continue
		}
		// (in a long document, a word used twice beside the same
		// neighbour both times too, but for a verb, a place or a single
		// character before it: 公交卡+刷卡机, 银行卡+刷卡机; 复式+预算制,
		// +预算; not 成立+兴中会, 省+新质生产力)
		if tm.count < 2 || tm.quoted || !tm.phrase && tm.count < 3 && !suspectPOS(tm.pos) && !(c.long && (most(n.leftNoun) >= 2 || most(n.right) >= 2)) {
			continue
		}
		limit := partialShare * float64(tm.count)
		if l, r := most(n.left), most(n.right); l >= 2 && float64(l) >= limit || r >= 2 && float64(r) >= limit ||
			n.bound && !tm.phrase && runeLen(tm.key) <= 2 ||
			n.modifier >= 2 && float64(n.modifier) >= limit {
			tm.partial = true
		}
	}
}

// attributive says whether the phrase that ends before unit j ends in
// 式 or 型 as a suffix of its own (入驻+式, 沉浸+式: the segmenter tags it
// k) and is followed, past a closing quotation mark, by a noun or verbal
// noun it modifies: X式 and X型 make non-predicate adjectives (区别词),
// which only modify (“入驻式”诊断服务).
func (c *collector) attributive(j int) bool {
	if u := &c.units[j-1]; u.pos != "k" || u.key != "式" && u.key != "型" {
		return false
	}
	if j < len(c.units) && c.units[j].quote == quoteClose && c.adjacent(j-1) {
		j++
	}
	if j >= len(c.units) || !c.adjacent(j-1) {
		return false
	}
	u := &c.units[j]
	return u.kind == kindHan && u.word && (strings.HasPrefix(u.pos, "n") || u.pos == "vn" || u.pos == "v")
}

// beforeAcronym says whether unit j, after a word ending at j-1, is an
// acronym written against it or after one space (高灵敏 MEMS, 国产CPU): a
// noun, or the modifier of one, that the word modifies.
func (c *collector) beforeAcronym(j int) bool {
	if j >= len(c.units) || c.units[j].kind != kindAcronym {
		return false
	}
	gap := c.in.Text[c.units[j-1].end:c.units[j].start]
	return gap == "" || gap == " "
}

// modifierPOS says whether a word that begins a phrase is a modifier by
// its part of speech: an adjective, a non-predicate adjective (区别词) or a
// verb, not a noun nor a verbal noun.
func modifierPOS(pos string) bool {
	return pos == "a" || pos == "b" || pos == "v"
}

// adverbPiece says whether a word gse tags an adverb is, touching a term on
// its right, the middle of a compound rather than an adverb of the verb
// after it: two characters or more of Han, not a stopword (the adverbs of
// policy text, 全面, 进一步, 大力, are): 一致/d of 阴性+一致+率 (阴性一致率),
// written ten times in a notice on clinical evaluation; not an adverb that
// begins with a function character (软件著作权+不少+于: 不少于 five).
func adverbPiece(u *unit) bool {
	return u.pos == "d" && u.kind == kindHan && runeLen(u.key) >= 2 && !isFunctionRune(firstRune(u.key))
}

// modifies says whether the unit j (after a word ending at j-1) is a
// noun that word modifies: a content noun touching it (船用+发动机). A
// conjunction after it is not counted as modifying: coordinated nouns
// (粮库+和+省级平台) and coordinated modifiers (局域+和+广域) look alike.
func (c *collector) modifies(j int) bool {
	if j >= len(c.units) || !c.touching(j-1) {
		return false
	}
	u := &c.units[j]
	return u.join && u.last && u.kind == kindHan && strings.HasPrefix(u.pos, "n") && !c.stop.Has(u.key)
}

// same counts an occurrence's neighbour r (0: none) towards *n while every
// occurrence has had the same one, *first; -1 once they differ.
func same(n *int32, first *rune, r rune) {
	switch {
	case *n < 0:
	case r == 0 || *n > 0 && r != *first:
		*n = -1
	default:
		*first = r
		*n++
	}
}

// oneChar says whether unit i is a content word of one Han character
// (not a function word, a number, a measure word or a stopword).
func (c *collector) oneChar(i int) bool {
	u := &c.units[i]
	return u.kind == kindHan && runeLen(u.key) == 1 && u.join && !functionWord(u) && !c.stop.Has(u.key) &&
		!strings.HasPrefix(u.pos, "m") && !strings.HasPrefix(u.pos, "q")
}

// gluedWord says whether unit i touches a neighbour it makes a dictionary
// word with (保质+保量, 车+路网): a content word of Han characters on
// either side, no space or punctuation between.
func (c *collector) gluedWord(i int) bool {
	u := &c.units[i]
	if u.kind != kindHan {
		return false
	}
	if i > 0 && c.touching(i-1) {
		if v := &c.units[i-1]; v.kind == kindHan && !functionWord(v) && c.word(v.key+u.key) {
			return true
		}
	}
	if i+1 < len(c.units) && c.touching(i) {
		if v := &c.units[i+1]; v.kind == kindHan && !functionWord(v) && c.word(u.key+v.key) {
			return true
		}
	}
	return false
}

func lastRuneString(s string) string {
	_, n := utf8.DecodeLastRuneInString(s)
	return s[len(s)-n:]
}

// runInMin is how many times a word must be a run-in label (runInLabel)
// before it counts as one: a topic may head a line of a list once or twice
// (1.智能制造：…).
const runInMin = 3

// runInLabel says whether text[s:e] is a run-in label: a colon right after
// it, and before it the start of a line or of a sentence (。！？； or a
// closing quotation mark), perhaps past a speaker's letter or a heading's
// number (A主持人：, 1.痛点：).
func runInLabel(text string, s, e int) bool {
	if !strings.HasPrefix(text[e:], "：") && !strings.HasPrefix(text[e:], ":") {
		return false
	}
	before := strings.TrimRightFunc(text[:s], func(r rune) bool {
		return r == '\t' || r == '\u3000' || r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == ' ')
	})
	r, _ := utf8.DecodeLastRuneInString(before)
	switch r {
	case utf8.RuneError, '\n', '。', '！', '？', '」', '”', '』', '；':
		return true
	}
	return false
}

// fieldName says whether the text at byte offset e is a colon followed
// by a short value ending its line (a number, an address, a name; not
// nothing, nor a clause: few Chinese characters) (联系电话：0531-1234567, 邮编：250000): the
// end of a form's field name, not of a term the line defines
// (智慧养老院：通过…).
func (c *collector) fieldName(e int) bool {
	rest := c.in.Text[e:]
	switch {
	case strings.HasPrefix(rest, "："):
		rest = rest[len("："):]
	case strings.HasPrefix(rest, ":"):
		rest = rest[1:]
	default:
		return false
	}
	n, han := 0, 0
	for _, r := range rest {
		if r == '\n' {
			break
		}
		if unicode.Is(unicode.Han, r) {
			han++
		}
		if n++; n > fieldValueRunes || han > fieldValueHan {
			return false
		}
	}
	return n > 0
}

// formCell says whether text[s:e] is a cell of a form: an option after a
// check box (□大型企业 □中型企业), or, inside a procedural part (a form
// attachment: proc), the whole of its line, alone or before a slash and
// a short alternative (起止日期; 法人代表/负责人; 示例：) — a form flattened
// to text puts each cell on a line of its own. Outside procedural parts
// a line of its own is a heading, a title or the cell of a table of
// content (合成树脂 in a table of standards), and is left alone.
func formCell(text string, s, e int, proc bool) bool {
	ls := strings.LastIndexByte(text[:s], '\n') + 1
	before := strings.TrimRight(text[ls:s], " \t\u3000")
	if r, _ := utf8.DecodeLastRuneInString(before); r != utf8.RuneError && strings.ContainsRune(checkBoxes, r) {
		return true
	}
	if !proc || strings.TrimSpace(strings.Trim(before, "\u3000")) != "" {
		return false
	}
	le := len(text)
	if k := strings.IndexByte(text[e:], '\n'); k >= 0 {
		le = e + k
	}
	after := strings.Trim(text[e:le], " \t\r\u3000")
	switch {
	case after == "", after == "：", after == ":":
		return true
	case strings.HasPrefix(after, "/"):
		return utf8.RuneCountInString(after) <= cellAltRunes
	}
	return false
}

// checkBoxes are the glyphs of a form's check boxes and radio buttons.
const checkBoxes = "□☐■☑☒○◯"

// cellAltRunes is the longest alternative after a form cell's slash
// (法人代表/负责人), the slash counted.
const cellAltRunes = 8

// docNumber says whether text begins with the year of a document number:
// 〔2020〕, [2020], ［2020］, (2020), （2020）.
func docNumber(text string) bool {
	for _, open := range []string{"〔", "[", "［", "(", "（"} {
		if rest, ok := strings.CutPrefix(text, open); ok {
			if len(rest) < 5 {
				return false
			}
			for i := 0; i < 4; i++ {
				if rest[i] < '0' || rest[i] > '9' {
					return false
				}
			}
			return strings.ContainsAny(rest[4:min(len(rest), 7)], "〕]］)）")
		}
	}
	return false
}

// isConjunction says whether a word joins two names into one
// (工业和信息化厅).
func isConjunction(key string) bool {
	return key == "和" || key == "与" || key == "及" || key == "暨"
}

// isLocalizer says whether a word closes a frame of place or time
// (在…下, 在…中, …时).
func isLocalizer(key string) bool {
	switch key {
	case "下", "中", "上", "时", "后", "前", "里", "之下", "之中", "以来":
		return true
	}
	return false
}

// suspectPOS: the tags of words that are often pieces of longer ones: the
// HMM's guesses (x) and the name tags gse gives to many pieces — of
// places and people, and of organisations (nt: 科学部 of 管理+科学部,
// 公共信息 of 公共信息+服务; session 10).
func suspectPOS(pos string) bool {
	return pos == "x" || pos == "ns" || pos == "nr" || pos == "nrt" || pos == "nrfg" || pos == "nt"
}

// isNumberUnit says whether a unit is a number (digits, or a Chinese
// numeral tagged m).
func isNumberUnit(u *unit) bool {
	if u.key == "" {
		return false
	}
	for _, r := range u.key {
		if !(r >= '0' && r <= '9' || r == '.' || r >= '０' && r <= '９') {
			return strings.HasPrefix(u.pos, "m") && isNumeral(u.key)
		}
	}
	return true
}

// prepare classifies every token.
func (c *collector) prepare() {
	in := c.in
	heads := headingLines(in.Text, headingMaxRunes)
	words := 0
	c.units = make([]unit, len(in.Tokens))
	for i, tok := range in.Tokens {
		k := classify(tok.Text)
		if k == kindHan || k == kindMixed {
			words++
		}
		c.units[i].kind = k
	}
	c.long = words >= minCountUnits
	c.short = words < shortUnits && !c.policyText()
	hi := 0
	var procs, impls, titles [][2]int
	if !c.short {
		procs, c.doc = proceduralSpansDoc(in.Text, in.Folded, in.FoldedSpan, c.doc)
		c.call = len(procs) > 0
		for _, a := range assignments(in.Text) {
			procs = insertSpan(procs, a[0], a[1])
		}
		impls = implementationSpans(in.Text, in.Folded, in.FoldedSpan, c.doc)
		titles = titleSpans(in.Text)
		c.titles = titles
	}
	pi, ii, ti := 0, 0, 0
	for i, tok := range in.Tokens {
		u := unit{key: in.Keys[i], surface: tok.Text, pos: tok.POS, start: int(tok.Start), end: int(tok.End), kind: c.units[i].kind}
		for hi < len(heads) && heads[hi].end <= u.start {
			hi++
		}
		if hi < len(heads) && heads[hi].start <= u.start && u.end <= heads[hi].end {
			u.heading = heads[hi].heading
			u.contact = heads[hi].contact
		}
		for pi < len(procs) && procs[pi][1] <= u.start {
			pi++
		}
		u.proc = pi < len(procs) && procs[pi][0] <= u.start
		for ii < len(impls) && impls[ii][1] <= u.start {
			ii++
		}
		u.impl = ii < len(impls) && impls[ii][0] <= u.start
		for ti < len(titles) && titles[ti][1] <= u.start {
			ti++
		}
		u.titled = ti < len(titles) && titles[ti][0] <= u.start
		c.classify(&u)
		c.units[i] = u
	}
	c.cutTails()
	c.splitPrefixes()
}

// cutTails makes a verb before a name (接见+美国…, 考察+安徽: a verb and its
// object, never a term) no first word of a phrase in a short text, which
// lets verbs begin phrases (a longer one asks a verb-led phrase to be most
// of the verb's uses, and gse tags common nouns as names: 示范+城市/ns,
// 互助+养老/nr), and makes a word of one character that makes a dictionary word with
// the word before it (是+指: 是指; 所+称) no first word of a phrase: the
// segmenter cut that word, and its tail is no modifier of the term after it
// (是+指+人工智能 is no term 指人工智能). It may still sit inside a phrase
// that begins before it.
func (c *collector) cutTails() {
	for i := 0; i+1 < len(c.units); i++ {
		if u := &c.units[i]; c.short && u.first && u.pos == "v" && properNoun(c.units[i+1].pos) && c.adjacent(i) {
			u.first = false
		}
	}
	for i := 1; i < len(c.units); i++ {
		u, p := &c.units[i], &c.units[i-1]
		if u.first && u.kind == kindHan && p.kind == kindHan && runeLen(u.key) == 1 && c.adjacent(i-1) && c.word(p.key+u.key) {
			u.first = false
		}
	}
}

// splitPrefixes splits a word that begins with a stopword (推动高质量发展,
// 发展新质生产力: formulations the dictionary keeps whole) into the
// stopword and the rest, when the document also uses the rest on its own:
// then the rest is the term, and it counts with its other occurrences.
func (c *collector) splitPrefixes() {
	var seen map[string]string // key → part of speech of an own use, made when first needed
	var out []unit
	for i, u := range c.units {
		split := -1
		var pos string
		if u.kind == kindHan && len(u.key) >= 12 && runeLen(u.key) >= 4 {
			// the prefix has at least two runes and the rest at least two
			n := runeLen(u.key)
			k, at := 0, 0
			for at < len(u.key) && k+2 < n {
				_, size := utf8.DecodeRuneInString(u.key[at:])
				at += size
				k++
				if k < 2 {
					continue
				}
				pre, rest := u.key[:at], u.key[at:]
				if !c.stop.Has(pre) || c.stop.Has(rest) {
					continue
				}
				if seen == nil {
					seen = make(map[string]string, len(c.units)/4)
					for _, v := range c.units {
						if _, ok := seen[v.key]; !ok && (v.cand || v.join) {
							seen[v.key] = v.pos
						}
					}
				}
				if p, ok := seen[rest]; ok {
					split, pos = k, p
					break
				}
			}
		}
		if split < 0 {
			if out != nil {
				out = append(out, u)
			}
			continue
		}
		if out == nil {
			out = append(make([]unit, 0, len(c.units)+8), c.units[:i]...)
		}
		kb := runeBounds(u.key)[split]
		sb := runeBounds(u.surface)[split]
		pre := unit{key: u.key[:kb], surface: u.surface[:sb], pos: "v", start: u.start, end: u.start + sb, heading: u.heading}
		pre.kind = classify(pre.surface)
		c.classify(&pre)
		rest := u
		rest.key, rest.surface, rest.pos, rest.start = u.key[kb:], u.surface[sb:], pos, u.start+sb
		rest.kind = classify(rest.surface)
		c.classify(&rest)
		out = append(out, pre, rest)
	}
	if out != nil {
		c.units = out
	}
}

// runeBounds returns the byte offset of every rune of s and len(s).
func runeBounds(s string) []int {
	b := make([]int, 0, len(s)/3+1)
	for i := range s {
		b = append(b, i)
	}
	return append(b, len(s))
}

// joinPOS says whether a word of this part of speech can be part of a key
// phrase: content words, not function words, numbers or pronouns.
func joinPOS(pos string) bool {
	switch pos {
	case "n", "nz", "ns", "nt", "nr", "nrt", "nrfg", "ng", "vn", "v", "a", "an", "b", "j", "l", "i", "x":
		return true
	}
	return false
}

// firstPOS says whether a word of this part of speech can begin a key
// phrase. A phrase that begins with a verb is a verb phrase, not a term
// (建成+具有+世界, 发表+就职演说, 壮大+国家).
func firstPOS(pos string) bool {
	switch pos {
	case "n", "nz", "ns", "nt", "nr", "nrt", "nrfg", "ng", "vn", "a", "an", "b", "j", "l", "i", "x":
		return true
	}
	return false
}

// lastPOS says whether a word of this part of speech can end a key phrase:
// a phrase is headed by its last word, which must be a noun (or a verbal
// noun, an abbreviation or a fixed expression used as one), never a verb,
// an adjective or a function word, nor a word the dictionary does not know
// (x: the HMM's guesses, 推深+做实, 厚+成势).
func lastPOS(pos string) bool {
	switch pos {
	case "n", "nz", "ns", "nt", "nr", "nrt", "nrfg", "ng", "vn", "j", "l":
		return true
	}
	return false
}

// isVerb says whether a tag is a verb's (not a verbal noun's).
func isVerb(pos string) bool {
	return pos == "v" || pos == "vd" || pos == "vi" || pos == "vg" || pos == "vq"
}

// classify decides whether a unit may be a keyword on its own and whether
// and where it may be part of a key phrase.
func (c *collector) classify(u *unit) {
	kind := u.kind
	u.word = kind == kindHan || kind == kindMixed
	switch u.key {
	case "“", "‘", "「", "『", "\"":
		u.quote = quoteOpen
	case "”", "’", "」", "』":
		u.quote = quoteClose
	}
	numeral := strings.HasPrefix(u.pos, "m") && isNumeral(u.key)
	stop := c.stop.Has(u.key) || c.stopPair(u.key) || wholeRegion(u.key) || plenumOrdinal(u.key)
	n := runeLen(u.key)
	if (u.pos == "x" || u.pos == "l" && n >= 3) && kind == kindHan && oovJunk(u.key) {
		// a new word the HMM made of a function character and a
		// neighbour (以龙, 其区系, 简要地), or a fixed expression that
		// begins or ends with one (在讲话中, 工作日内): never a term.
		u.cand, u.join, u.first, u.last = false, false, false, false
		return
	}
	u.cand = u.word && !numeral && !stop && n >= c.opts.minLen() && c.opts.POS.Allows(u.pos)
	if kind == kindHan && n >= 2 && boundEnd(u.key) {
		// a word ending in a preposition's character (侧重于, 适用于) is a
		// verb, whatever its tag: never a term, never the end of one
		u.cand = false
		u.last = false
		u.join = false
		return
	}
	if !c.short && u.cand && u.pos == "x" && n <= 2 && !c.known(u.key) {
		// in a long document, a two-character word only the HMM found
		// (创近, 驻省, 二产) is mostly a piece of a longer expression: a
		// candidate only when the background (or without one, the IDF
		// table) knows it, or the document quotes it (see quote).
		u.cand = false
		u.guess = true
	}
	if !c.short && u.cand && u.pos == "x" && n == 2 && c.setWord(u.key) {
		// in a long document, a two-character word only the HMM found
		// that the background finds half of a four-character set phrase
		// in more than half of its uses (提质 of 提质增效, 质效 of 提升质效):
		// a verb or a verb's object, not a term (see setHalf)
		u.cand = false
		u.guess = true
	}
	u.join = kind == kindHan && !numeral && joinPOS(u.pos) && (!stop || n > 1)
	// a phrase neither begins nor ends with a stopword (加强+监管,
	// 城市更新+工作), and a single character ends one only when it is a
	// noun (…+号, …+港), never a function character (…考察+时).
	if c.short {
		// a short text: a phrase neither begins with a stopword nor ends
		// in a word that is not a keyword kind (发展+加快)
		u.first = u.join && !stop
		u.last = u.join && (u.cand || c.opts.POS.Allows(u.pos))
		return
	}
	// nor with a verb of one character (在+研+项目: 在研项目; 建+项目)
	u.first = u.join && !stop && (firstPOS(u.pos) || isVerb(u.pos)) && !(n == 1 && (isFunctionRune(firstRune(u.key)) || isVerb(u.pos) || u.pos == "vn"))
	u.last = u.join && (!stop || !c.long) && lastPOS(u.pos) && !(n == 1 && (u.pos != "n" && u.pos != "ng" || isFunctionRune(firstRune(u.key))))
}

// setHalf says whether unit i, a word of two characters only the HMM
// found (x), is half of a four-character set phrase of two two-character
// words on its line: it opens one, followed by a verb (or another word
// only the HMM found) that the phrase ends with (提质+增效，提质+升级、), or
// it closes one, after such a verb and before a punctuation mark, a
// conjunction or 的 (提升+质效。). Counted over a background's documents
// (bgEntry.set), the share of such uses tells a verb or a verb's object
// (提质 73% of its uses on the DEV documents, 质效 59%) from a term
// (算力 20%, 营收 0%, 文旅 10%).
func (c *collector) setHalf(i int) bool {
	u := &c.units[i]
	if u.pos != "x" || u.kind != kindHan || runeLen(u.key) != 2 {
		return false
	}
	half := func(j int) bool {
		w := &c.units[j]
		return w.kind == kindHan && runeLen(w.key) == 2 && (w.pos == "v" || w.pos == "vn" || w.pos == "vd" || w.pos == "vi" || w.pos == "x")
	}
	// ends says whether the phrase ends before unit j
	ends := func(j int, also ...string) bool {
		if j >= len(c.units) || !c.adjacent(j-1) || !c.units[j].word {
			return true
		}
		p := c.units[j].pos
		return p == "c" || p == "uj" || slices.Contains(also, p)
	}
	n := len(c.units)
	if i+1 < n && c.adjacent(i) && half(i+1) && ends(i+2, "v", "ul", "p", "d") {
		return true
	}
	return i > 0 && c.adjacent(i-1) && half(i-1) && ends(i+1)
}

// properNoun says whether a part of speech is a name's (place,
// organisation, person).
func properNoun(pos string) bool {
	return pos == "ns" || pos == "nt" || pos == "nr" || pos == "nrt" || pos == "nrfg"
}

// wholeRegion says whether a word is 全 and the one-character name of a
// province-level region (全疆, 全闽, 全皖, 全川): the issuing region naming
// itself as a whole, as 全省 and 全区 (stopwords) do, in the region's own
// report. Never a keyword.
func wholeRegion(key string) bool {
	r, n := utf8.DecodeRuneInString(key)
	if r != '全' || utf8.RuneCountInString(key) != 2 {
		return false
	}
	return strings.ContainsRune(regionChars, firstRune(key[n:]))
}

// plenumOrdinal says whether a word is a Chinese ordinal and 中 (三中,
// 十一中): a plenary session written short in a list the last item of
// which says 全会 (二中、三中、四中全会), or a school's number (一中). Never a
// keyword alone; the session's full name (三中全会) is a word of its own.
func plenumOrdinal(key string) bool {
	n := utf8.RuneCountInString(key)
	if n < 2 || n > 3 || !strings.HasSuffix(key, "中") {
		return false
	}
	for _, r := range strings.TrimSuffix(key, "中") {
		if !strings.ContainsRune("一二三四五六七八九十", r) {
			return false
		}
	}
	return true
}

// regionChars are the one-character names of the province-level regions
// (京 津 沪 渝 冀 晋 辽 吉 黑 苏 浙 皖 闽 赣 鲁 豫 鄂 湘 粤 琼 川 蜀 黔 贵 滇
// 云 陕 秦 甘 陇 青 宁 新 疆 藏 桂 蒙 港 澳 台, with the alternative ones).
const regionChars = "京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川蜀黔贵滇云陕秦甘陇青宁新疆藏桂蒙港澳台"

// stopPair says whether a word of four characters or more is two
// stopwords (确保+重点, 全面+落实): a stopword too.
func (c *collector) stopPair(key string) bool {
	if len(key) < 12 {
		return false
	}
	// split points after the second rune and before the last two
	k := 0
	for at := range key {
		if k >= 2 && utf8.RuneCountInString(key[at:]) >= 2 && c.stop.Has(key[:at]) && c.stop.Has(key[at:]) {
			return true
		}
		k++
	}
	return false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// oovJunk says whether a word unknown to the dictionaries begins or ends
// with a function character, or is two characters ending in 同 (with: 党同
// of 党同人民群众的联系, 愿同 of 中国愿同国际社会; a word of the dictionary,
// 合同, 协同, is no new word, and a fixed expression, 三医协同, is longer).
func oovJunk(key string) bool {
	r0, _ := utf8.DecodeRuneInString(key)
	r1, _ := utf8.DecodeLastRuneInString(key)
	return isFunctionRune(r0) || isFunctionRune(r1) || r1 == '同' && utf8.RuneCountInString(key) == 2 || strings.ContainsAny(key, "和与及或的暨")
}

// boundEnd says whether a word ends in a character that binds it to
// what follows (…于: 侧重于, 基于, 有利于).
func boundEnd(key string) bool {
	r, _ := utf8.DecodeLastRuneInString(key)
	return r == '于'
}

// isFunctionRune: characters that are words of grammar on their own.
func isFunctionRune(r rune) bool {
	return strings.ContainsRune("的了和与及或暨在是有对让把被将从向为以于由至等之其该此各每也都又还就才并而但则即既再更最很较不没无非要能会可应须使给比用按据到中地得着过作所上下后前内外时", r)
}

// known says whether the background knows a word, or without a
// background, the IDF table.
func (c *collector) known(key string) bool {
	switch x := c.opts.IDF.(type) {
	case nil:
		return false
	case interface{ knows(string) bool }:
		return x.knows(key)
	default:
		_, ok := x.Lookup(key)
		return ok
	}
}

// setWord says whether the background finds key, over at least
// setMinCount occurrences, half of a four-character set phrase in more
// than setMinShare of them (setHalf).
func (c *collector) setWord(key string) bool {
	x, ok := c.opts.IDF.(*bgIDF)
	if !ok {
		return false
	}
	share, n := x.bg.setShare(key)
	return n >= setMinCount && share > setMinShare
}

// word says whether the general IDF table (the dictionary's words,
// verbs included) or the background knows a word.
func (c *collector) word(key string) bool {
	switch x := c.opts.IDF.(type) {
	case nil:
		return false
	case *bgIDF:
		if _, ok := x.gen(key); ok {
			return true
		}
		return x.knows(key)
	default:
		_, ok := x.Lookup(key)
		return ok
	}
}

// adjacent says whether units i and i+1 touch (no space, no punctuation
// between them).
func (c *collector) adjacent(i int) bool {
	return c.units[i].end == c.units[i+1].start
}

// touching says whether units i and i+1 touch, or are parted only by a
// line break that ends a full line: text taken from a PDF breaks lines
// inside words (智能网⏎联汽车), and a term that ends a line every time
// before the same character is a piece of a word all the same. A short
// line (under brokenLineRunes characters) is a cell of a table, a heading
// or a label (主要功能与特色⏎服务对象⏎咨询电话: the header of a table, once
// for each of its parts), and its end parts what is on either side.
func (c *collector) touching(i int) bool {
	e := c.units[i].end
	gap := c.in.Text[e:c.units[i+1].start]
	if gap == "" {
		return true
	}
	if gap != "\n" && gap != "\r\n" {
		return false
	}
	line := c.in.Text[strings.LastIndexByte(c.in.Text[:e], '\n')+1 : e]
	return len(line) >= brokenLineRunes*3 && utf8.RuneCountInString(line) >= brokenLineRunes
}

// brokenLineRunes is the length of the shortest line a word may be broken
// at the end of (touching): a printed line of a 公文 holds 28 characters,
// of a narrow column about 15; a table's cells and a list's labels are
// shorter.
const brokenLineRunes = 12

// number gives every distinct unit key an id.
func (c *collector) number() {
	c.ids = make([]int32, len(c.units))
	c.num = make(map[string]int32, len(c.units)/4+8)
	for i := range c.units {
		id, ok := c.num[c.units[i].key]
		if !ok {
			id = int32(len(c.num))
			c.num[c.units[i].key] = id
		}
		c.ids[i] = id
	}
}

func (c *collector) gramOf(i, j int) gram {
	var g gram
	for k := range g {
		g[k] = -1
	}
	copy(g[:], c.ids[i:j])
	return g
}

// count counts every sequence of adjacent Han words the document has (up
// to phraseMaxQuoted words, phraseMaxQuotedRunes characters), every word,
// and the sequences it puts in quotation marks.
func (c *collector) count() {
	n := len(c.units)
	c.counts = make(map[gram]int32, n)
	c.single = make([]int32, len(c.num))
	c.quoted = make(map[gram]bool)
	c.quotedFirst = make([]bool, len(c.num))
	for i := 0; i < n; i++ {
		u := &c.units[i]
		c.single[c.ids[i]]++
		if u.quote == quoteOpen {
			c.quote(i)
			continue
		}
		if !u.word || u.quote != 0 {
			continue
		}
		runes := runeLen(u.key)
		for j := i + 1; j < n && j-i < phraseMaxQuoted; j++ {
			if !c.units[j].word || !c.adjacent(j-1) {
				break
			}
			runes += runeLen(c.units[j].key)
			if runes > phraseMaxQuotedRunes {
				break
			}
			c.counts[c.gramOf(i, j+1)]++
		}
	}
	if len(c.quotedWords) > 0 {
		for i := range c.units {
			if u := &c.units[i]; u.guess && slices.Contains(c.quotedWords, u.key) {
				u.cand = true
			}
		}
	}
}

// quote records the sequence of words between the quotation mark at i and
// its closing mark, when it is a short term: two to phraseMaxQuoted words
// of Han characters, at most phraseMaxQuotedRunes characters, nothing but
// words between the marks.
func (c *collector) quote(i int) {
	runes := 0
	for j := i + 1; j < len(c.units) && j-i-1 <= phraseMaxQuoted; j++ {
		u := &c.units[j]
		if u.quote == quoteClose {
			if j-i-1 >= 2 && runes >= 2 && !functionWord(&c.units[i+1]) && !c.quotedClause(i+1, j) {
				c.quoted[c.gramOf(i+1, j)] = true
				c.quotedFirst[c.ids[i+1]] = true
			} else if j-i-1 == 1 && c.units[i+1].guess {
				c.quotedWords = append(c.quotedWords, c.units[i+1].key)
			}
			return
		}
		if !u.word || !c.adjacent(j-1) {
			return
		}
		if runes += runeLen(u.key); runes > phraseMaxQuotedRunes {
			return
		}
	}
}

// quotedClause says whether the quoted words [i, j) are a clause or a
// coordination rather than a term: three words or more that begin with a
// verb or an adverb (“严厉打击金融违法犯罪”, “大力推动改革创新”; two words
// are a formulation: “揭榜挂帅”, “保回迁”), or words joined by a
// conjunction (“技术创新与制度创新”) or by 等 (“资金等项目”: money waiting
// for projects; not 的: “中國的崛起” is a title). A quoted clause is a slogan the
// document repeats, ranked, if at all, by the slogan analyses.
func (c *collector) quotedClause(i, j int) bool {
	if strings.HasPrefix(c.units[i].pos, "m") {
		return false // a numbered formulation: “四个与共”, “两个更好统筹”
	}
	if j-i >= 3 {
		if p := c.units[i].pos; strings.HasPrefix(p, "v") || strings.HasPrefix(p, "d") || p == "ad" {
			return true
		}
	}
	for k := i + 1; k < j-1; k++ {
		if isConjunction(c.units[k].key) || c.units[k].key == "等" || clauseVerb(&c.units[k]) {
			return true
		}
	}
	// a quotation that ends in a particle is a sentence or a saying, not a
	// term: “破产了”, “无产阶级专政是必要的”, “决定性的话” (not 地, which gse
	// tags a particle where it is land: “零增地”)
	return finalParticle(c.units[j-1].key)
}

// finalParticle says whether a word is a particle that ends a sentence or
// a clause: aspect (了, 着, 过), 的 and 的话, and the modal particles.
func finalParticle(key string) bool {
	switch key {
	case "了", "着", "过", "的", "的话", "吗", "呢", "吧", "啊", "呀", "嘛", "罢了":
		return true
	}
	return false
}

// clauseVerb says whether a word inside a quotation makes it a clause: the
// copula 是 or a modal verb (“军队要整顿”, “无产阶级专政是必要的”). A term
// names a thing; a quotation with a predicate in it reports what someone
// said (the old reports quote their opponents' slogans by the dozen).
func clauseVerb(u *unit) bool {
	if !isVerb(u.pos) && u.pos != "" {
		return false
	}
	switch u.key {
	case "是", "要", "能", "会", "应", "应当", "应该", "必须", "可以", "能够":
		return true
	}
	return false
}

// functionWord says whether a unit is a word of grammar: a preposition,
// conjunction, particle, pronoun or adverb, or a single function
// character. A quoted clause that begins with one (“由人工智能生成”) is
// a label, not a term.
func functionWord(u *unit) bool {
	if u.pos != "" {
		switch u.pos[0] {
		case 'p', 'c', 'u', 'r', 'd':
			return true
		}
	}
	return runeLen(u.key) == 1 && isFunctionRune(firstRune(u.key))
}

// numbered says whether units i…j-1 are a numbered formula: a number of
// things (两个, 两种, 三项, 四大) and one or two nouns after it, touching
// (两个+市场, 两种+资源, 三大+攻坚战). A document ranks such a formula
// only when it quotes it (“两个市场”), but the background counts it
// wherever it stands, so that a stock formula every text of its kind
// writes unquoted is known as common, and ranks as such when one quotes
// it.
func (c *collector) numbered(i, j int) bool {
	if j-i < 2 || j-i > 3 {
		return false
	}
	u := &c.units[i]
	if !strings.HasPrefix(u.pos, "m") || runeLen(u.key) != 2 || !strings.ContainsRune(numberedCounts, firstRune(u.key)) ||
		!strings.ContainsRune(numberedMeasures, []rune(u.key)[1]) {
		return false
	}
	for k := i + 1; k < j; k++ {
		if w := &c.units[k]; !w.join || !strings.HasPrefix(w.pos, "n") || c.stop.Has(w.key) || !c.adjacent(k-1) {
			return false
		}
	}
	return true
}

// numberedCounts and numberedMeasures make the number of a numbered formula
// (两个, 三种, 四大, 五项).
const (
	numberedCounts   = "一二三四五六七八九十两"
	numberedMeasures = "个种项大类条化"
)

// wellFormed says whether units [i, j) may form a key phrase: adjacent
// joinable words within one clause, at most phraseMaxParts words and
// phraseMaxRunes characters, beginning with a word that can begin a noun
// phrase, ending with one that can head it, with no verb or stopword
// between.
func (c *collector) wellFormed(i, j int) bool {
	if j-i < 2 || j-i > phraseMaxParts || !c.units[i].first || !c.units[j-1].last {
		return false
	}
	runes := 0
	for k := i; k < j; k++ {
		u := &c.units[k]
		if !u.join || k > i && !c.adjacent(k-1) {
			return false
		}
		// no verb and no stopword inside: with one the phrase is a
		// clause (平台+入选+国家, 分类+推进+县域经济), not a term.
		if !c.short && k > i && k < j-1 && (isVerb(u.pos) || c.stop.Has(u.key)) {
			return false
		}
		runes += runeLen(u.key)
	}
	return runes <= phraseMaxRunes && !c.stop.Has(c.joined(i, j))
}

// isQuoted says whether units [i, j) are a sequence the document quotes.
func (c *collector) isQuoted(i, j int) bool {
	return len(c.quoted) > 0 && c.quotedFirst[c.ids[i]] && c.quoted[c.gramOf(i, j)]
}

// recurs says whether the well-formed units [i, j) recur as a unit: at
// least phraseMinCount times, a good share of the uses of their first
// words together (phraseCohesion) and of the rarer of their head and last
// word (phraseAssoc), or it is a chance neighbourhood (乡村+全面).
func (c *collector) recurs(i, j int) bool {
	cnt := c.counts[c.gramOf(i, j)]
	if cnt < phraseMinCount {
		return false
	}
	head := c.single[c.ids[i]]
	if j-i > 2 {
		head = c.counts[c.gramOf(i, j-1)]
		if float64(cnt) < phraseCohesion*float64(head) {
			return false
		}
	}
	m := min(head, c.single[c.ids[j-1]])
	if float64(cnt) < phraseAssoc*float64(m) {
		return false
	}
	// a phrase that begins with a verb is a term (搅拌+系统, 发酵+性能)
	// only when the verb is hardly used otherwise (phraseVerbCohesion); a
	// verb used with other words is a verb taking an object (发表+就职演说,
	// 壮大+国家), and so is a verb before a name or a term of its own
	// (接見+美國德拉瓦州, 挖掘+人工智能: verbObject). A policy document,
	// whose formulas repeat verb phrases (表示+满意, 夯实+数字政府), must
	// also repeat it phraseVerbMinCount times. A short text is held to
	// none of this: its terms occur once or twice.
	if c.short {
		return true
	}
	if isVerb(c.units[i].pos) && (float64(cnt) < phraseVerbCohesion*float64(c.single[c.ids[i]]) || cnt < phraseVerbMinCount || c.verbObject(i, j, cnt)) {
		return false
	}
	// so does a phrase that begins with a single character: 光+动力疗法
	// is a term, 省+新质生产力 (省 is everywhere) is not.
	if runeLen(c.units[i].key) == 1 && float64(cnt) < phraseVerbCohesion*float64(c.single[c.ids[i]]) {
		return false
	}
	return true
}

// verbObject says whether the units [i, j), a verb and what follows,
// are a verb and its object rather than a term: the verb takes a name
// (接見+美國德拉瓦州), a term of four characters or more (挖掘+人工智能,
// 聚焦+中小企业), one of three that the document also uses on its own
// (帮助+老年人), or more than one word (含有+隐式+水印). cnt is the
// phrase's count.
func (c *collector) verbObject(i, j int, cnt int32) bool {
	if j-i > 2 {
		return true
	}
	o := &c.units[i+1]
	if runeLen(o.key) == 1 {
		// a verb before one character (依托+省): the verb and the first
		// piece of its object
		return true
	}
	switch o.pos {
	case "ns", "nr", "nrt", "nrfg", "nt":
		return true
	}
	return o.cand && (runeLen(o.key) >= 4 || runeLen(o.key) >= 3 && c.single[c.ids[i+1]] > cnt)
}

// phrases finds the key phrases of the document and returns the stream of
// units, left to right, with every phrase occurrence as one span. A key
// phrase is a well-formed sequence of words that recurs as a unit, or a
// sequence the document quotes (“四个中心”) and uses at least
// phraseMinCount times, or, in a text that is not short, once (a report
// quotes and explains its new formulations once: see Terms.ranked). At
// each position the most frequent phrase that starts there is taken (the
// longest of equally frequent ones).
func (c *collector) phrases() [][2]int {
	n := len(c.units)
	spans := make([][2]int, 0, n)
	for i := 0; i < n; {
		best := i + 1
		// a phrase begins with a word that can begin one, or is quoted
		if c.units[i].word && c.units[i].quote == 0 && (c.units[i].first || c.quotedFirst[c.ids[i]]) {
			quoted := c.quotedFirst[c.ids[i]]
			end := i + 1
			for end < n && end-i < phraseMaxQuoted && c.units[end].word && c.adjacent(end-1) {
				end++
			}
			var bestCount int32
			for j := end; j >= i+2; j-- {
				if !quoted && !c.units[j-1].last {
					continue // neither quoted nor well-formed
				}
				cnt := c.counts[c.gramOf(i, j)]
				if cnt <= bestCount || cnt < phraseMinCount && !(quoted && !c.short && c.isQuoted(i, j)) {
					continue
				}
				if c.isQuoted(i, j) || c.wellFormed(i, j) && c.recurs(i, j) {
					best, bestCount = j, cnt
				}
			}
		}
		spans = append(spans, [2]int{i, best})
		i = best
	}
	return spans
}

// occurrences calls fn for every occurrence of a term in the stream of
// spans build made t of (t.seq): the term's id and its units [i, j).
func (t *Terms) occurrences(spans [][2]int, fn func(id int32, i, j int)) {
	for si, id := range t.seq {
		if id >= 0 {
			fn(id, spans[si][0], spans[si][1])
		}
	}
}

// joined is the key of the phrase of units [i, j).
func (c *collector) joined(i, j int) string {
	var b strings.Builder
	for k := i; k < j; k++ {
		b.WriteString(c.units[k].key)
	}
	return b.String()
}

// build turns the stream of spans into Terms.
func (c *collector) build(t *Terms, spans [][2]int) {
	index := make(map[string]int32)
	var procW []float64 // by term: the weight of its occurrences in procedural parts
	var implW []float64 // by term: the weight of its other occurrences in the implementation part
	t.seq = make([]int32, 0, len(spans)+8)
	text := c.in.Text
	for i := range c.units {
		if c.units[i].word {
			t.Units++
		}
	}
	t.short = c.short
	for si, sp := range spans {
		i, j := sp[0], sp[1]
		var k, surface string
		cand, phrase := false, j-i > 1
		if !phrase {
			u := &c.units[i]
			k, surface, cand = u.key, u.surface, u.cand
		} else {
			k = c.joined(i, j)
			surface = text[c.units[i].start:c.units[j-1].end]
			cand = runeLen(k) >= c.opts.minLen()
		}
		if !cand {
			t.seq = append(t.seq, -1)
			continue
		}
		id, seen := index[k]
		if !seen {
			id = int32(len(t.terms))
			index[k] = id
			tm := term{key: k, phrase: phrase, quoted: phrase && c.isQuoted(i, j), pos: c.units[i].pos}
			if phrase {
				tm.parts = make([]string, 0, j-i)
				for p := i; p < j; p++ {
					tm.parts = append(tm.parts, c.units[p].key)
				}
			}
			t.terms = append(t.terms, tm)
		}
		tm := &t.terms[id]
		tm.count++
		w := 1.0
		if c.units[i].heading {
			w += headingBoost
		}
		if !c.short && i > 0 && j < len(c.units) && c.units[i-1].quote == quoteOpen && c.units[j].quote == quoteClose {
			// the author's own term, marked as such (“四个中心”)
			w += quoteBoost
		}
		tm.weight += w
		t.weight += w
		if c.units[i].proc {
			for int(id) >= len(procW) {
				procW = append(procW, 0)
			}
			procW[id] += w
		} else if c.units[i].impl {
			for int(id) >= len(implW) {
				implW = append(implW, 0)
			}
			implW[id] += w
		}
		addForm(tm, surface, si)
		tm.spans = append(tm.spans, [2]int32{int32(c.units[i].start), int32(c.units[j-1].end)})
		t.seq = append(t.seq, id)
	}
	if !c.short {
		vocab := procVocabulary()
		var genre map[string]float64
		if c.call {
			genre = genreVocabulary()
		}
		for i := range t.terms {
			tm := &t.terms[i]
			pw := 0.0
			if i < len(procW) {
				pw = procW[i]
			}
			if i < len(implW) && implW[i] > 0 && pw+implW[i] >= implAll*tm.weight {
				pw = tm.weight // used (nearly) only where the document says how it is carried out
			}
			if share, ok := vocab[tm.key]; ok {
				pw = max(pw, share*tm.weight)
			}
			if addressee(tm.key) {
				pw = tm.weight // 省级教育行政部门: whom a notice addresses
			}
			tm.weight = procTF(tm.weight, pw)
			if r, ok := genre[tm.key]; ok {
				tm.weight = genreTF(tm.weight, r)
			}
		}
	}
	for i := range t.terms {
		fs := t.terms[i].forms
		slices.SortFunc(fs, func(a, b form) int {
			if a.n != b.n {
				return b.n - a.n
			}
			return a.first - b.first
		})
	}
}

// vocabulary records what a background counts of the document: every
// candidate word and every well-formed or quoted word sequence, each with
// its number of occurrences, whether or not the document ranks it as a
// phrase.
func (c *collector) vocabulary(t *Terms) {
	v := make(map[string]int32, len(t.terms)*2)
	var set map[string]int32
	for i := range c.units {
		// the HMM's short words count too: the background is what tells
		// which of them are words (see classify)
		if c.units[i].cand || c.units[i].guess {
			v[c.units[i].key]++
			if c.setHalf(i) {
				if set == nil {
					set = make(map[string]int32)
				}
				set[c.units[i].key]++
			}
		}
	}
	t.setUses = set
	// a sequence is counted once per occurrence: from the counts of
	// sequences, for those that are well-formed at their first occurrence.
	done := make(map[gram]bool)
	n := len(c.units)
	for i := 0; i < n; i++ {
		if !c.units[i].word || c.units[i].quote != 0 {
			continue
		}
		for j := i + 2; j <= n && j-i <= phraseMaxQuoted; j++ {
			if !c.units[j-1].word || !c.adjacent(j-2) {
				break
			}
			numbered := c.numbered(i, j)
			if !(c.units[i].first && c.units[j-1].last) && !c.quotedFirst[c.ids[i]] && !numbered {
				continue // neither quoted nor well-formed
			}
			g := c.gramOf(i, j)
			if done[g] {
				continue
			}
			if numbered || c.isQuoted(i, j) || c.wellFormed(i, j) {
				done[g] = true
				if k := c.joined(i, j); runeLen(k) >= c.opts.minLen() {
					v[k] += c.counts[g]
				}
			}
		}
	}
	t.vocab = v
}

func addForm(tm *term, surface string, at int) {
	for i := range tm.forms {
		if tm.forms[i].text == surface {
			tm.forms[i].n++
			return
		}
	}
	tm.forms = append(tm.forms, form{text: surface, n: 1, first: at})
}

type line struct {
	start, end int
	heading    bool
	// contact: a line of contact details — a colon, and a telephone
	// number, a postcode or an e-mail address (联系人：王广明，电话：
	// 010-58884321; 寄送地址：北京市海淀区复兴路15号，邮编：100038), at
	// most contactMaxRunes long. Its words (a person, an address, the
	// office to write to) are the notice's paperwork, not its subject.
	contact bool
}

// contactLine says whether a line is a line of contact details (see
// line.contact).
func contactLine(s string) bool {
	if len(s) > utf8.UTFMax*contactMaxRunes || !strings.ContainsAny(s, "：:") {
		return false
	}
	n, digits, mail := 0, 0, false
	for _, r := range s {
		if n++; n > contactMaxRunes {
			return false
		}
		switch {
		case r >= '0' && r <= '9' || r >= '０' && r <= '９':
			if digits++; digits >= contactDigits {
				mail = true
			}
		case r == '-' || r == '－':
			// 010-58884321: the digits of a number run on
		case r == '@' || r == '＠':
			mail = true
			digits = 0
		default:
			digits = 0
		}
	}
	return mail
}

// headingLines splits text into lines and marks the headings: short lines
// with Chinese text that do not end like a sentence (a title, a section
// heading), and are not a label and its value (来源：北京日报).
func headingLines(text string, maxRunes int) []line {
	var out []line
	for start, end := range lineSpans(text) {
		s := strings.TrimSpace(text[start:end])
		h := s != "" && utf8.RuneCountInString(s) <= maxRunes && hasHan(s) &&
			!strings.ContainsAny(s, "。！？；!?;：:") && !strings.HasSuffix(s, "，")
		out = append(out, line{start: start, end: end, heading: h, contact: !h && contactLine(s)})
	}
	return out
}
