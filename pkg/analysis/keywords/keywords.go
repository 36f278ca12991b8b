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

// Options control extraction. The zero value is the default: TF-IDF,
// default parts of speech, the built-in stopwords, keywords of at least two
// characters, key phrases on, every term IDF 1 (set IDF).
type Options struct {
	Method Method
	// IDF is the inverse document frequency table for TF-IDF; nil gives
	// every term the same IDF.
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
	// uses them together.
	Phrase bool
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

	terms []term
	// seq holds, for every unit of the document in order (a token, or the
	// tokens of a phrase), the index of its term, or -1 for a unit that is
	// not a candidate.
	seq []int32
	// weight is the sum of the weights of all candidate occurrences.
	weight float64
}

type term struct {
	key    string
	phrase bool // a key phrase: words joined
	count  int
	weight float64 // occurrences, those in headings counted more
	forms  []form  // surface forms, most frequent first after finish
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
	t := &Terms{Name: in.Name, Empty: strings.TrimSpace(in.Text) == ""}
	t.Chinese = hasHan(in.Folded)
	if !t.Chinese || len(in.Tokens) == 0 {
		return t
	}
	c := newCollector(in, &opts)
	c.run(t)
	return t
}

// Score ranks the terms of a document; top limits the result (0: all).
// Ties are sorted by key.
func (t *Terms) Score(opts Options, top int) []Keyword {
	if len(t.terms) == 0 {
		return nil
	}
	var scores []float64
	switch opts.Method {
	case TextRank:
		scores = t.textRank()
	case Both:
		scores = t.both(opts.IDF)
	default:
		scores = t.tfidf(opts.IDF)
	}
	out := make([]Keyword, len(t.terms))
	for i := range t.terms {
		tm := &t.terms[i]
		out[i] = Keyword{Key: tm.key, Surface: tm.forms[0].text, Score: scores[i], Count: tm.count, Phrase: tm.phrase}
	}
	slices.SortFunc(out, func(a, b Keyword) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return strings.Compare(a.Key, b.Key)
	})
	if top > 0 && len(out) > top {
		out = out[:top]
	}
	return out
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
		if !strings.ContainsRune("〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟萬億兩点之分第", r) {
			return false
		}
	}
	return true
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }
