// Package keywords ranks the keywords of a document and of a corpus: TF-IDF
// and TextRank over the words an analyst would accept as keywords (nouns,
// verbal nouns, names, idioms and the multi-word terms a document repeats),
// never punctuation, numbers, pinyin fragments, single characters or the
// words every policy text uses.
//
// Extraction runs in two steps so that a corpus IDF can be computed in
// between: Collect turns an analysis.Input into Terms (candidate words,
// their counts and order; run on every document in parallel, right after
// segmentation); Score ranks Terms with an IDF. Extract does both.
//
// Everything is counted under the Simplified key of a word (三個大抓 and
// 三个大抓 are one term) and displayed in the most frequent form the
// document wrote it.
package keywords

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/analysis/entities"
	"zhpolicy/pkg/segment"
	"zhpolicy/pkg/structure"
)

// Method selects how keywords are scored.
type Method int

const (
	// TFIDF scores a term by its frequency among the document's candidate
	// words (occurrences in headings count 1 + headingBoost times; the
	// count damped to 1 + ln n unless the IDF is a corpus IDF) times its
	// IDF. It is the default: the best of the three on the keyword benchmark
	// (bench/RESULTS.md).
	TFIDF Method = iota
	// TextRank scores a term by its centrality in the graph of terms that
	// occur near each other.
	TextRank
	// Both is the weighted geometric mean of the two, each scaled to a
	// maximum of 1 (TF-IDF weighs bothAlpha), in the range of TF-IDF scores.
	Both
)

func (m Method) String() string {
	switch m {
	case TextRank:
		return "textrank"
	case Both:
		return "both"
	}
	return "tfidf"
}

// ParseMethod reads a --method value.
func ParseMethod(s string) (Method, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "tfidf", "tf-idf", "":
		return TFIDF, nil
	case "both":
		return Both, nil
	case "textrank":
		return TextRank, nil
	}
	return TFIDF, fmt.Errorf("unknown method %q: use tfidf, textrank or both", s)
}

// Options control extraction. The zero value ranks by TF-IDF with every
// term the same IDF, the default parts of speech, the built-in stopwords,
// keywords of at least two characters, key phrases on and names not
// tagged. Default returns what keywords, analyze and report use.
type Options struct {
	Method Method
	// IDF is the inverse document frequency table for TF-IDF; nil gives
	// every term the same IDF. Background.IDF combines a policy background
	// with a general table (the default).
	IDF IDF
	// POS is the part-of-speech allow-list; nil allows DefaultPOS().
	POS *POSFilter
	// MinLen is the shortest keyword in characters (runes); 0 means 2.
	MinLen int
	// Stopwords are never keywords; nil means BuiltinStopwords(). To use
	// none, give an empty set (NewStopwords()).
	Stopwords *Stopwords
	// NoPhrases ranks single words only: adjacent words that form a term
	// the document repeats are not joined.
	NoPhrases bool
	// Entities, when set, tags the terms that are names of places,
	// organisations or people (Keyword.Name); Names says what to do with
	// them.
	Entities *entities.Extractor
	Names    NamesMode
	// NewWords, when set, gives the candidates the words gse's HMM finds
	// where the dictionary has none (算力, 免申即享, 上云用数赋智): it turns the
	// document's tokens, a cut without HMM, into the cut with HMM
	// (segment.Segmenter.NewWords). Names (Entities) are still found on the
	// document's own tokens, as the entity recogniser was tuned on them.
	// nil: the candidates are the document's tokens as they were cut.
	NewWords func(text, folded string, tokens []segment.Token) ([]segment.Token, error)
	// NoVocabulary leaves out what only a background counts of a
	// document (every well-formed word sequence, Background.Add), about a
	// quarter of Collect: for rankings of single documents. Terms
	// collected so add only their own terms to a background.
	NoVocabulary bool
}

func (o *Options) minLen() int {
	if o.MinLen <= 0 {
		return 2
	}
	return o.MinLen
}

func (o *Options) stopwords() *Stopwords {
	if o.Stopwords == nil {
		return BuiltinStopwords()
	}
	return o.Stopwords
}

// Keyword is one ranked term of a document.
type Keyword struct {
	// Key is the term as counted: Simplified, ASCII lower-cased.
	Key string
	// Surface is the form the document wrote most often (the first of
	// equally frequent forms).
	Surface string
	Score   float64
	// Count is the number of times the term occurs in the document.
	Count int
	// Phrase is true for a key phrase: words joined because the document
	// uses them together, or quotes them.
	Phrase bool
	// Name is the entity type (LOC, ORG, PER) when the term is a name,
	// as the entity recogniser tagged most of its occurrences; empty
	// otherwise, and when names were not tagged (Options.Entities).
	Name entities.Type
	// Start and End are the byte offsets of the term's first occurrence
	// in the document's text (analysis.Input.Text).
	Start, End int

	// parts are the keys of a phrase's words, each followed by "|".
	parts string
}

// Terms are the candidate keywords of one document with their counts and
// order: what Score needs, and what a corpus IDF is computed from.
type Terms struct {
	Name string
	// Chinese is false when the document has no Han character (it then has
	// no keywords, and the caller may warn).
	Chinese bool
	// Empty is true when the document has no text at all.
	Empty bool

	// Units is the number of words (tokens with a Chinese character) of
	// the document: its size for keyness.
	Units int64

	terms []term
	// vocab counts what a background counts of the document (Background.Add):
	// every candidate word and every well-formed or quoted word sequence,
	// with its occurrences. Compact keeps only the terms' own entries.
	vocab map[string]int32
	// setUses counts, of the words only the HMM found (x) of two
	// characters, the occurrences that are half of a four-character set
	// phrase (collector.setHalf): what a background adds up (bgEntry.set).
	// Compact drops it.
	setUses map[string]int32
	// names says whether names were tagged.
	names bool
	// short is true for a text of fewer than shortUnits words (an
	// abstract, a news brief), which ranks by the plain rules: against the
	// general IDF table rather than the built-in policy background (made
	// of long documents, it would rank down the topic words an abstract
	// names once: 经济增长, 公共服务), with the names it mentions among its
	// keywords (a place or an organisation is what a short text is about,
	// not the letterhead of its publisher), and phrases valued as the
	// table values them. Chosen by measurement on the CSL abstracts
	// outside the policy subset (bench/RESULTS.md, Keywords).
	short bool
	// seq holds, for every unit of the document in order (a token, or the
	// tokens of a phrase), the index of its term, or -1 for a unit that is
	// not a candidate.
	seq []int32
	// weight is the sum of the weights of all candidate occurrences.
	weight float64
	// tr holds the TextRank scores of the terms once Compact has dropped
	// seq, which they are computed from.
	tr []float64
}

type term struct {
	key    string
	phrase bool // a key phrase: words joined
	quoted bool // a phrase the document quotes
	// partial: a part of a longer unit, every occurrence next to the same
	// neighbour (马池 of 马池口); never ranked.
	partial bool
	parts   []string // the keys of a phrase's words
	pos     string   // a word's part of speech (at its first occurrence)
	count   int
	// weight: occurrences, those in headings counted more; a term used in
	// procedural parts has the weight whose 1 + ln is its damped term
	// frequency (see procTF)
	weight float64
	forms  []form     // surface forms, most frequent first after finish
	spans  [][2]int32 // byte offsets of every occurrence in Input.Text
	name   entities.Type
}

type form struct {
	text string
	n    int
	// first is the unit index of its first occurrence, for stable ties.
	first int
}

// Len is the number of distinct candidate terms.
func (t *Terms) Len() int { return len(t.terms) }

// Extract returns the keywords of a document, best first; top limits their
// number (0: all).
func Extract(in *analysis.Input, opts Options, top int) []Keyword {
	return Collect(in, opts).Score(opts, top)
}

// Collect finds the candidate keywords of a document: its words that pass
// the part-of-speech, length and stopword filters, with the phrases it
// repeats joined.
func Collect(in *analysis.Input, opts Options) *Terms {
	return collect(in, opts, nil, false)
}

// CollectTagged is Collect for a document whose entity mentions were
// already found by opts.Entities (as `analyze` finds them for its entities
// section): the names are tagged from ms, the recogniser is not run again.
func CollectTagged(in *analysis.Input, opts Options, ms []entities.Mention) *Terms {
	return collect(in, opts, ms, true)
}

// CollectParsed is Collect for a document whose structure the caller has
// already parsed (doc is structure.ParseFolded(in.Text, in.Folded), as
// `report` parses it for its own section): the procedural parts of a
// notice are found in doc instead of parsing the text again.
func CollectParsed(in *analysis.Input, opts Options, doc *structure.Document) *Terms {
	return collectIn(in, opts, nil, false, doc)
}

func collect(in *analysis.Input, opts Options, ms []entities.Mention, found bool) *Terms {
	return collectIn(in, opts, ms, found, nil)
}

func collectIn(in *analysis.Input, opts Options, ms []entities.Mention, found bool, doc *structure.Document) *Terms {
	t := &Terms{Name: in.Name, Empty: strings.TrimSpace(in.Text) == ""}
	t.Chinese = hasHan(in.Folded)
	if !t.Chinese || len(in.Tokens) == 0 {
		return t
	}
	cut := in
	if opts.NewWords != nil {
		if toks, err := opts.NewWords(in.Text, in.Folded, in.Tokens); err == nil && !sameTokens(toks, in.Tokens) {
			cut = in.WithTokens(toks)
		}
	}
	c := newCollector(cut, &opts)
	c.doc = doc
	c.run(t)
	if opts.Entities != nil {
		if !found {
			ms = opts.Entities.Extract(in)
		}
		t.tagNames(ms)
	}
	for _, id := range c.headless {
		if tm := &t.terms[id]; tm.name == "" {
			tm.partial = true
		}
	}
	return t
}

// TieOrder orders terms of equal scores: the longer first (中轴线 before
// 中轴), then by key. A document's ranking, the corpus's and analyze's
// break ties alike, so that one document gets one list from each.
func TieOrder(a, b string) int {
	if c := cmp.Compare(len(b), len(a)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// sameTokens says whether a and b are the same slice (NewWords returns
// its input when no run changes).
func sameTokens(a, b []segment.Token) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// Score ranks the keywords of a document, best first; top limits their
// number (0: all). Ties are sorted longer term first, then by key. Names
// (when tagged) are ranked with the rest when opts.Names is NamesKeep, and
// left out otherwise (see Names). A term is left out when a better-ranked
// term makes it redundant: it is a piece of that term's word, used no more
// often on its own (湾区 of 大湾区, 中轴 of 中轴线; a word of a phrase,
// 地下水 of 地下水+开采量, stays), or it is that term plus a generic word
// (新质生产力+发展).
func (t *Terms) Score(opts Options, top int) []Keyword {
	return t.rank(opts, top, false)
}

// Names ranks the terms tagged as names of places, organisations and
// people (Options.Entities given to Collect), best first, as Score ranks
// keywords; nil when names were not tagged, or when they are ranked with
// the keywords (NamesKeep, or NamesApart in a short text: see Terms.short).
func (t *Terms) Names(opts Options, top int) []Keyword {
	if !t.names {
		return nil
	}
	return t.rank(opts, top, true)
}

func (t *Terms) rank(opts Options, top int, names bool) []Keyword {
	if len(t.terms) == 0 {
		return nil
	}
	idf := t.idf(opts.IDF)
	var scores []float64
	switch opts.Method {
	case TextRank:
		scores = t.textRank()
	case Both:
		scores = t.both(idf)
	default:
		scores = t.tfidf(idf)
	}
	keepNames := opts.Names == NamesKeep || opts.Names == NamesApart && t.short
	if names && keepNames {
		return nil // ranked with the keywords
	}
	out := make([]Keyword, 0, len(t.terms))
	for i := range t.terms {
		tm := &t.terms[i]
		if names && tm.name == "" || !names && tm.name != "" && !keepNames || !t.ranked(tm) || t.genericOnce(idf, tm) || t.stockOnce(idf, tm) || t.idiomOnce(idf, tm) {
			continue
		}
		k := Keyword{Key: tm.key, Surface: tm.forms[0].text, Score: scores[i], Count: tm.count, Phrase: tm.phrase,
			Name: tm.name, Start: int(tm.spans[0][0]), End: int(tm.spans[0][1])}
		if tm.phrase {
			k.parts = strings.Join(tm.parts, "|") + "|"
		}
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b Keyword) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return TieOrder(a.Key, b.Key)
	})
	out = dropRedundant(out, idf, top, t.Units >= minCountUnits)
	if top > 0 && len(out) > top {
		out = out[:top]
	}
	return out
}

// idf is the IDF a document is ranked with: the given one, except that a
// short text is ranked against the general table of the built-in policy
// background rather than the background (see Terms.short).
func (t *Terms) idf(idf IDF) IDF {
	if x, ok := idf.(*bgIDF); ok && t.short && x.bg.builtin {
		return x.general
	}
	return idf
}

// dropRedundant removes, walking down a ranking, every term made redundant
// by a better-ranked one (see Score), until top terms are kept (0: all).
// Pieces of words are dropped only in a long document: a short one (an
// abstract) names a term and its head (地缘政治学, 地缘政治) on purpose.
func dropRedundant(kws []Keyword, idf IDF, top int, long bool) []Keyword {
	// A term is redundant under a kept term that contains it or that it
	// contains. Containment is looked up, not tested pair by pair (which
	// is quadratic in the terms of a long document): keptAt maps each kept
	// key to its index, and, in a long document, holders maps every
	// substring of a kept key to the kept terms holding it. Keys are valid
	// UTF-8, so a byte substring of one is a run of its characters.
	kept := kws[:0:0]
	keptAt := map[string]int{}
	var holders map[string][]int
	if long {
		holders = map[string][]int{}
	}
	for _, k := range kws {
		if top > 0 && len(kept) == top {
			break
		}
		redundant := false
		for _, i := range holders[k.Key] {
			b := kept[i]
			if k.Count <= b.Count && !strings.Contains(b.parts, k.Key+"|") {
				redundant = true // 湾区 under 大湾区, 中轴 under 中轴线
				break
			}
		}
		if !redundant {
			eachPart(k.Key, func(sub string) bool {
				if _, ok := keptAt[sub]; ok && generic(idf, strings.Replace(k.Key, sub, "", 1)) {
					redundant = true // 新质生产力发展 under 新质生产力
				}
				return !redundant
			})
		}
		if redundant {
			continue
		}
		keptAt[k.Key] = len(kept)
		if long {
			eachPart(k.Key, func(sub string) bool {
				holders[sub] = append(holders[sub], len(kept))
				return true
			})
		}
		kept = append(kept, k)
	}
	return kept
}

// eachPart calls f with every run of characters of s shorter than s, until
// f returns false.
func eachPart(s string, f func(string) bool) {
	for i := 0; i < len(s); {
		_, n := utf8.DecodeRuneInString(s[i:])
		for j := i + n; j <= len(s); {
			if j-i < len(s) && !f(s[i:j]) {
				return
			}
			if j == len(s) {
				break
			}
			_, m := utf8.DecodeRuneInString(s[j:])
			j += m
		}
		i += n
	}
}

// generic says whether a word is one that most texts use: its IDF is under
// genericShare of the IDF of an unknown word.
func generic(idf IDF, key string) bool {
	if idf == nil || key == "" {
		return key == ""
	}
	v, ok := idf.Lookup(key)
	return ok && v < genericShare*idf.Median()
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x2E80 && unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// wordKind classifies a token by its characters.
type wordKind int

const (
	kindOther   wordKind = iota // punctuation, numbers, lower-case Latin (pinyin, English)
	kindHan                     // Han characters only
	kindMixed                   // Han with ASCII letters or digits (5G网络)
	kindAcronym                 // ASCII letters and digits with a capital (GDP, 5G, PM2.5)
)

func classify(surface string) wordKind {
	han, upper, lower, digit, other := 0, 0, 0, 0, 0
	for _, r := range surface {
		switch {
		case r >= 'A' && r <= 'Z':
			upper++
		case r >= 'a' && r <= 'z':
			lower++
		case r >= '0' && r <= '9':
			digit++
		case r == '.' || r == '-':
			// inside acronyms and numbers: neutral
		case r >= 0x2E80 && unicode.Is(unicode.Han, r):
			han++
		default:
			other++
		}
	}
	switch {
	case other > 0:
		return kindOther
	case han > 0 && upper+lower+digit == 0:
		return kindHan
	case han > 0:
		return kindMixed
	case upper > 0 && lower <= upper:
		return kindAcronym
	}
	return kindOther
}

// isNumeral says whether s is a Chinese number (三千, 二十, 百分之五).
func isNumeral(s string) bool {
	for _, r := range s {
		if !strings.ContainsRune("〇零一二三四五六七八九十百千万亿兆两壹贰叁肆伍陆柒捌玖拾佰仟萬億兩点之分第", r) {
			return false
		}
	}
	return true
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }
