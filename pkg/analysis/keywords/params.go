package keywords

// The constants of extraction, chosen by measurement on the development
// data (CSL abstracts outside the policy subset, and the government work
// reports; bench/RESULTS.md, section Keywords (CSL)).
// PartialVersion is the version of what a keyword background or corpus
// ranking holds (the vocabulary a document adds, the scores): saved
// backgrounds and partials of another version are refused, not merged.
// Both hold what the candidate rules collect, so a change of the rules
// that changes which terms a document yields bumps it (2: the rules of
// sessions 3-6, procedural sections and compounds; 3: session 9, 全 and a
// region, tails of cut words; 4: plenary sessions written short, 三中 of
// 二中、三中全会; 5: session 12, a rare one-off word counted as the unit
// with its head, onceUnits; 6: session 13, the scores of terms used only
// in procedural parts, the implementation part or the forms of the 附件说明;
// 7: session 14, names found on the cut without HMM, candidates with the
// HMM's new words added to it (Options.NewWords); quoted sayings, HMM words
// ending in 同, leaders by family name and title, pieces of compounds cut
// with an adverb; 8: session 15, a short policy text collected and ranked
// as policy documents are, see policyText, and the pieces a text under
// minCountUnits words writes once, see onceCut;
// 9: the same session (kw16), modifiers that never head (phrases, words
// of three characters, X式 and X型), a word after a numeral twice, a rare
// word used once before a generic noun, titles over a wrapped line;
// 10: the same session (wrap), cleaning joins the lines of text broken at
// the page width, normalize.Options.Unwrap; 11: the same session (kw17),
// 高水平 a stopword (an adjective gse tags nr), and the background's fourth
// column (bgEntry.set) with the rule it serves; 12: session 15 (kw18), a
// stock formula a short policy text uses once is not ranked, see stockOnce;
// 13: session 15 (kw19), nor a four-character idiom it uses once, see
// idiomOnce; 14: session 16 (lead), a run-in label is no term, see
// runInLabel; 15: session 16 (kw21), the guiding-ideology chain and
// attributive -主义 words of a text under minCountUnits words, see
// chainTerms, and two more once-used pieces, see onceCut; 16: session 16
// (kw22), a notice's creed quoted once in its guiding ideas, the tails of
// its issuer's name and the stopwords 规整, 搞清楚, 获批, 常态化, see
// notice.go; 17: session 16 (lead), a line break parts two units unless
// the line it ends is a full printed line, see touching; 18: the same,
// the prepositions of means 借由, 藉由, 经由, 透过, 借着, 凭借 stopwords;
// 19: session 16 (kw23), a long report's predicates, units cut by 的 and
// pieces of runs of words sharing their first character, see reportTerms).
const PartialVersion = 19

const (
	// setMinShare and setMinCount: a word only the HMM found, which the
	// background finds half of a four-character set phrase in more than
	// this share of its occurrences, over at least this many, is no
	// candidate (see setHalf). Chosen on the DEV documents of the
	// background (提质 0.73 and 质效 0.59 above, 算力 0.20 below) and
	// checked on the built-in background: of the 27 HMM words used ten
	// times or more at 0.5 or above, 25 are verbs or pieces (凝心 of
	// 凝心聚力, 尽保 of 应保尽保, 脑机 of 脑机接口); 营收 (0.50) stays,
	// 管廊 (0.64, 管廊+建设) is lost.
	setMinShare = 0.5
	setMinCount = 10

	// headingBoost is the extra weight of an occurrence in a heading line
	// (a title or section heading): it counts 1 + headingBoost times.
	headingBoost = 2.0
	// quoteBoost is the extra weight of an occurrence between quotation
	// marks (“四个中心”, “双高计划”) in a text that is not short: the
	// author marks the term as a term of its own, and a report explains
	// its new formulations once, in quotation marks.
	quoteBoost = 2.0
	// quotedOnceRunes: a quoted term of at most this many characters is
	// ranked even when the document uses it once (see Terms.ranked).
	quotedOnceRunes = 6
	// headingMaxRunes is the longest line taken for a heading.
	headingMaxRunes = 40

	// phraseMinCount is how often adjacent words must occur together to
	// be ranked as one key phrase.
	phraseMinCount = 2
	// phraseMaxParts and phraseMaxRunes bound a key phrase.
	phraseMaxParts = 4
	phraseMaxRunes = 8
	// phraseMaxQuoted and phraseMaxQuotedRunes bound a quoted term
	// (“两个基地”): the words between two quotation marks.
	phraseMaxQuoted      = 5
	phraseMaxQuotedRunes = 10
	// phraseCohesion: a phrase of three or more words must occur at least
	// this share of the times its first words occur together.
	phraseCohesion = 0.5
	// phraseAssoc: a phrase must occur at least this share of the times
	// the rarer of its head (all words but the last) and its last word
	// occurs, or it is a chance neighbourhood (乡村+全面).
	phraseAssoc = 0.3
	// phraseVerbCohesion: a phrase that begins with a verb must account for
	// this share of the verb's uses.
	phraseVerbCohesion = 0.8
	// phraseVerbMinCount: in a long document, a phrase that begins with a
	// verb must occur this often.
	phraseVerbMinCount = 3
	// partialShare: a term is a piece of a longer unit when this share of
	// its occurrences touch the same extending neighbour.
	partialShare = 0.8
	// pieceShare: a term of any length is a piece of a longer unit when
	// this share of its occurrences touch the same content word or phrase
	// on the same side (see collector.pieces).
	pieceShare = 0.8
	// extendMaxRunes: a word of at most this many characters that sits
	// mostly inside recurring compounds is counted as those compounds
	// (see collector.extend).
	extendMaxRunes = 3
	// onceMaxCount: a word used at most this many times, every time
	// inside the same longer unit, is counted as that unit (see
	// collector.onceUnits).
	onceMaxCount = 2
	// rareShare: a word whose IDF is at least this share of the IDF of
	// an unknown word is rare (see rare).
	rareShare = 0.8
	// modifierMaxRunes: a word of at most this many characters that only
	// ever modifies the noun after it is a piece (see partialTerms)
	modifierMaxRunes = 2

	// shortUnits: a text of fewer words is short (an abstract, a news
	// brief; the CSL abstracts have at most 250, the shortest policy
	// document of the shared corpus about 420) and ranks by the plain
	// rules (see Terms.short).
	shortUnits = 300
	// stockDocs and stockUses: a formulation the slogans baseline attests
	// in this many national reference documents or more, used there at
	// most stockUses times a document on average, is a stock formula, no
	// keyword of a document that uses it once (see stockOnce). Chosen on
	// the resolutions of rounds 16 and 17 (not blind since): 四个意识,
	// 四个自信, 两个维护, 两个确立 (1.0) go; 四个全面 (1.43), 五位一体 (1.57),
	// 中国梦 (2.6), 三个代表 (3.3) and 科学发展观 (4.3) stay.
	stockDocs = 3
	stockUses = 1.25
	// idiomDocs: a four-character idiom or set phrase the policy background
	// finds in this many documents or more (of 223), used there at most
	// stockUses times a document, is rhetoric, no keyword of a short policy
	// document that uses it once (see idiomOnce). Chosen on the DEV
	// resolutions and those of rounds 16-18 (not blind since): the closing
	// idioms are in 12 to 27 (切实可行 12); 一网通办 (11 uses in 10), a policy
	// that a provincial notice names once, stays.
	idiomDocs = 12

	// minCountUnits: in a document of at least this many words, a keyword
	// occurs twice or in a heading.
	minCountUnits = 1000

	// phraseIDFBonus: a phrase is worth at most this much more IDF than the
	// most informative of its words, so that a term followed by a word
	// every text uses (新质生产力+发展) does not outrank the term alone.
	phraseIDFBonus = 0.5
	// plainRunes, plainDocs, plainKeep: a word of plainRunes characters
	// that general text knows and the policy background finds in
	// plainDocs documents or more is a plain word of policy text, ranked
	// at plainKeep of its IDF in a document that is not short (see
	// plainWord).
	plainRunes = 2
	plainDocs  = 3
	plainKeep  = 0.6

	// genericShare: a word whose IDF is under this share of the IDF of an
	// unknown word is generic (发展, 建设, 工作 in policy text).
	genericShare = 0.5

	// fieldValueRunes, fieldValueHan: a word followed by a colon and at
	// most this many characters to the end of its line, of which at most
	// fieldValueHan Chinese, is a form's field name (联系电话：…, 邮编：…).
	fieldValueRunes = 40
	fieldValueHan   = 8
	// contactMaxRunes, contactDigits: a line of at most contactMaxRunes
	// characters with a colon and a run of contactDigits digits (a
	// telephone number, a postcode) or an e-mail address is a line of
	// contact details (see line.contact).
	contactMaxRunes = 80
	contactDigits   = 5

	// textRankWindow is the TextRank co-occurrence window, in words.
	textRankWindow = 5
	// bothAlpha weighs TF-IDF against TextRank in Both:
	// score = tfidf^alpha · textrank^(1-alpha), each scaled to a maximum of 1.
	bothAlpha = 0.8
)
