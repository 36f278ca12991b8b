package keywords

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	dictkw "zhpolicy/dict/keywords"
	"zhpolicy/pkg/partial"
)

// Background is what a reference collection of documents says about terms:
// in how many of its documents each occurs (its document frequency) and
// how often in all (its count), with the number of documents and of words.
// A policy background makes the words every policy document uses (推进,
// 高质量发展, 经济社会发展) recognisable as background, so that a document's
// keywords are what is particular to it (IDF), and it is the reference of
// keyness (Keyness).
//
// A document adds its vocabulary (Terms.Add): every candidate word and
// every well-formed or quoted word sequence it has, whether or not it ranks
// them as phrases, so that a phrase's document frequency counts every
// document that uses it. Backgrounds merge (Merge): built on any split of a
// collection, in any order, they add up to the background of the whole.
// A Background is safe for concurrent reads once built.
type Background struct {
	docs, units int64
	terms       *termTable
	// minDF > 1 marks a pruned background: the terms in fewer documents
	// were left out (Prune). A pruned background no longer merges exactly.
	minDF int64
	// builtin marks the built-in policy background, of long documents:
	// short texts are ranked without it (Terms.short).
	builtin bool
	// tab holds the terms instead of terms when the background was read
	// in place from its table form (the built-in one); it is never
	// written to.
	tab *bgTable
}

// each calls f with every term, in no particular order, until f returns
// false. f must not add terms to b.
func (b *Background) each(f func(key string, e bgEntry) bool) {
	if b.tab != nil {
		b.tab.each(f)
		return
	}
	b.terms.each(f)
}

// sortedEach calls f with every term in key order, until f returns false.
func (b *Background) sortedEach(f func(key string, e bgEntry) bool) {
	if b.tab != nil {
		b.tab.each(f) // its terms are in key order
		return
	}
	b.terms.sortedEach(f)
}

// own makes a background read in place writable: its own copy of the
// terms, the table left alone.
func (b *Background) own() {
	if b.tab != nil {
		t := newTermTable()
		b.tab.each(func(k string, e bgEntry) bool {
			*t.ref(k) = e
			return true
		})
		b.terms, b.tab, b.builtin = t, nil, false
	}
}

// bgEntry is what a background knows of a term: its document frequency,
// its count, and set, the number of its occurrences that are half of a
// four-character set phrase of two two-character words (提质+增效,
// 提升+质效; Terms.setUses): counted for the words only the HMM found.
type bgEntry struct{ df, count, set int64 }

// NewBackground returns an empty background.
func NewBackground() *Background { return &Background{terms: newTermTable()} }

// Add adds one document: the vocabulary of its Terms (from Collect, not
// compacted).
func (b *Background) Add(t *Terms) {
	b.own()
	b.docs++
	b.units += t.Units
	for k, n := range t.vocab {
		// (the table copies a new key: the document's keys are
		// substrings of its text)
		e := b.terms.ref(k)
		e.df++
		e.count += int64(n)
		e.set += int64(t.setUses[k])
	}
}

// Merge adds the documents of o. It refuses pruned backgrounds, whose sum
// would not be the background of the documents together.
func (b *Background) Merge(o *Background) error {
	if b.minDF > 1 || o.minDF > 1 {
		return fmt.Errorf("a pruned background (terms in fewer than %d documents left out) does not merge exactly: merge the full backgrounds, then prune", max(b.minDF, o.minDF))
	}
	docs, units := b.docs, b.units
	if partial.Add(&docs, o.docs) != nil || partial.Add(&units, o.units) != nil {
		return partial.ErrOverflow
	}
	b.own()
	var over error
	o.each(func(k string, oe bgEntry) bool {
		e, _ := b.terms.get(k)
		if partial.Add(&e.df, oe.df) != nil || partial.Add(&e.count, oe.count) != nil || partial.Add(&e.set, oe.set) != nil {
			over = fmt.Errorf("term %q: %w", k, partial.ErrOverflow)
		}
		return over == nil
	})
	if over != nil {
		return over
	}
	b.docs, b.units = docs, units
	o.each(func(k string, oe bgEntry) bool {
		e := b.terms.ref(k)
		e.df += oe.df
		e.count += oe.count
		e.set += oe.set
		return true
	})
	return nil
}

// Docs is the number of documents of the background.
func (b *Background) Docs() int64 { return b.docs }

// Units is the number of words of its documents.
func (b *Background) Units() int64 { return b.units }

// Len is the number of terms it knows.
func (b *Background) Len() int {
	if b.tab != nil {
		return int(b.tab.n)
	}
	return b.terms.len()
}

// MinDF is the pruning of the background: terms in fewer documents were
// left out (1: none were).
func (b *Background) MinDF() int64 { return max(b.minDF, 1) }

// Lookup returns the document frequency and the count of a term (a
// Simplified key); zeros for a term the background does not know.
func (b *Background) Lookup(key string) (df, count int64) {
	var e bgEntry
	if b.tab != nil {
		e, _ = b.tab.get(key)
	} else {
		e, _ = b.terms.get(key)
	}
	return e.df, e.count
}

// setShare is the share of a term's occurrences that are half of a
// four-character set phrase (bgEntry.set), and its count.
func (b *Background) setShare(key string) (share float64, count int64) {
	var e bgEntry
	if b.tab != nil {
		e, _ = b.tab.get(key)
	} else {
		e, _ = b.terms.get(key)
	}
	if e.count == 0 {
		return 0, 0
	}
	return float64(e.set) / float64(e.count), e.count
}

// Prune returns a copy without the terms in fewer than minDF documents: a
// smaller background to save or embed, no longer exactly mergeable.
func (b *Background) Prune(minDF int64) *Background {
	out := &Background{docs: b.docs, units: b.units, terms: newTermTable(), minDF: max(b.minDF, minDF)}
	b.each(func(k string, e bgEntry) bool {
		if e.df >= minDF {
			*out.terms.ref(k) = e
		}
		return true
	})
	return out
}

// Keys returns the terms in sorted order.
func (b *Background) Keys() []string {
	keys := make([]string, 0, b.Len())
	b.sortedEach(func(k string, _ bgEntry) bool {
		keys = append(keys, k)
		return true
	})
	return keys
}

// IDF combines the background with a general IDF table (gse's, the same
// as jieba's): the general table tells how rare a word is in any text, the
// background how particular it is to a document among policy documents.
//
//	idf(t) = general(t) · bg(t) / bg(unseen)
//	bg(t)  = ln((N + k) / (df(t) + k·p(t) + ε))
//
// where general(t) is the table's IDF (its median for a word it lacks), N
// the number of documents of the background, df(t) the term's document
// frequency, p(t) = exp(−general(t)), k = bgPrior and ε = bgUnseen. The
// background factor is 1 for a term no policy document uses and falls to
// near 0 for one every policy document uses (推进, 高质量发展,
// 经济社会发展), so those rank below what is particular to the document;
// among the terms policy documents do not use, the general table decides,
// as it does without a background. With a small background the prior keeps
// the factor near 1 for words general text finds rare. An empty
// background gives the general table itself; general may be nil (then
// every general IDF is 1).
func (b *Background) IDF(general IDF) IDF {
	if b == nil || b.docs == 0 {
		return general
	}
	return &bgIDF{bg: b, general: general}
}

// The constants of the background IDF (see Background.IDF).
const (
	bgPrior  = 2.0
	bgUnseen = 0.5

	// burst (see burst): chosen on the DEV documents of the split.
	burstFloor     = 0.25
	burstScale     = 0.7
	burstPrior     = 2.5
	burstPriorDocs = 1.0
	burstHalfDocs  = 4.0
)

type bgIDF struct {
	bg      *Background
	general IDF
}

// Lookup gives the IDF of any term; ok says whether the background or the
// general table knows it.
func (x *bgIDF) Lookup(term string) (float64, bool) {
	g, gok := x.gen(term)
	df, count := x.bg.Lookup(term)
	return g * x.factor(float64(df), math.Exp(-g)) * burst(df, count), gok || df > 0
}

// burst is the background's second test of a term: how many times the
// documents that use it use it. A term of a topic comes in bursts (a
// notice on connected cars names them a hundred times); a word of the
// genre's procedure or rhetoric (申报材料, 示范性, 新机制) occurs once or
// twice in each of many documents. The mean count per document, shrunk
// towards burstPrior by burstPriorDocs documents (a term of two documents
// says little), lowers the IDF of a term used about once per document
// towards burstFloor of its value, and leaves a term used three times or
// more per document nearly alone; the fewer documents, the less it
// lowers (a term of three reports, 闽宁协作, is no genre's vocabulary):
//
//	burst = 1 − (1 − burstFloor)·exp(−(b − 1)/burstScale)·df/(df + burstHalfDocs)
//	b     = (count + burstPriorDocs·burstPrior) / (df + burstPriorDocs)
func burst(df, count int64) float64 {
	if df == 0 {
		return 1
	}
	d := float64(df)
	b := (float64(count) + burstPriorDocs*burstPrior) / (d + burstPriorDocs)
	return 1 - (1-burstFloor)*math.Exp(-max(b-1, 0)/burstScale)*d/(d+burstHalfDocs)
}

// gen is the general IDF of a term (the table's median when it lacks it).
func (x *bgIDF) gen(term string) (float64, bool) {
	if x.general == nil {
		return 1, false
	}
	if v, ok := x.general.Lookup(term); ok {
		return v, true
	}
	return x.general.Median(), false
}

// factor is the background's share: bg(t) / bg(unseen) for a term in df
// documents with a general document share p.
func (x *bgIDF) factor(df, p float64) float64 {
	n := float64(x.bg.docs)
	v := math.Log((n + bgPrior) / (df + bgPrior*p + bgUnseen))
	return v / math.Log((n+bgPrior)/bgUnseen)
}

// knows says whether the background has a term (in at least its MinDF
// documents).
func (x *bgIDF) knows(term string) bool {
	df, _ := x.bg.Lookup(term)
	return df > 0
}

// Median is the IDF of a term neither the background nor the general table
// knows.
func (x *bgIDF) Median() float64 {
	g, _ := x.gen("")
	return g * x.factor(0, math.Exp(-g))
}

var builtinBackground = sync.OnceValues(func() (*Background, error) {
	b, err := readBackgroundTable("dict/keywords/background.bin", dictkw.Background)
	if b != nil {
		b.builtin = true
	}
	return b, err
})

// BuiltinBackground returns the built-in policy background: document
// frequencies over the reference policy documents of the project's shared
// corpus (dict/keywords/background.tsv; dict/SOURCES.md says which).
func BuiltinBackground() (*Background, error) { return builtinBackground() }

// The compact text form of a background (the built-in one is embedded in
// it): a header line, then one `term<TAB>df<TAB>count` line per term in
// key order, with a fourth column, set (bgEntry), where it is not 0.
//
//	# zhpolicy keywords background	v1	docs=230	units=1234567	mindf=2
//	一带一路	88	412
//	提质	31	227	160
const bgTSVMagic = "# zhpolicy keywords background"

// WriteTSV writes the background in its compact text form.
func (b *Background) WriteTSV(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s\tv%d\tdocs=%d\tunits=%d\tmindf=%d\n", bgTSVMagic, PartialVersion, b.docs, b.units, b.MinDF())
	b.sortedEach(func(k string, e bgEntry) bool {
		if e.set > 0 {
			fmt.Fprintf(bw, "%s\t%d\t%d\t%d\n", k, e.df, e.count, e.set)
		} else {
			fmt.Fprintf(bw, "%s\t%d\t%d\n", k, e.df, e.count)
		}
		return true
	})
	return bw.Flush()
}

// ReadBackgroundTSV reads a background in its compact text form; name is
// used in error messages, which name the line.
func ReadBackgroundTSV(name string, r io.Reader) (*Background, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return readBackgroundText(name, string(data))
}

// readBackgroundText parses the compact text form held in text.
func readBackgroundText(name, text string) (*Background, error) {
	if text == "" {
		return nil, fmt.Errorf("%s: empty, not a keyword background", name)
	}
	nextLine := func() (string, bool) {
		if text == "" {
			return "", false
		}
		i := strings.IndexByte(text, '\n')
		var l string
		if i < 0 {
			l, text = text, ""
		} else {
			l, text = text[:i], text[i+1:]
		}
		return strings.TrimRight(l, "\r"), true
	}
	head, _ := nextLine()
	f := strings.Split(head, "\t")
	if len(f) != 5 || f[0] != bgTSVMagic {
		return nil, fmt.Errorf("%s:1: not a keyword background (want a %q header line)", name, bgTSVMagic)
	}
	if f[1] != "v"+strconv.Itoa(PartialVersion) {
		return nil, fmt.Errorf("%s:1: keyword background version %s, this zhpolicy reads v%d", name, f[1], PartialVersion)
	}
	b := &Background{terms: newTermTable()}
	for i, p := range []*int64{&b.docs, &b.units, &b.minDF} {
		kv := strings.SplitN(f[2+i], "=", 2)
		v, err := strconv.ParseInt(kv[len(kv)-1], 10, 64)
		if len(kv) != 2 || err != nil || v < 0 {
			return nil, fmt.Errorf("%s:1: bad header field %q", name, f[2+i])
		}
		*p = v
	}
	line := 1
	for {
		s, ok := nextLine()
		if !ok {
			break
		}
		line++
		f := strings.Split(s, "\t")
		if len(f) != 3 && len(f) != 4 || f[0] == "" {
			return nil, fmt.Errorf("%s:%d: want `term<TAB>df<TAB>count[<TAB>set]`", name, line)
		}
		k := f[0]
		df, err1 := strconv.ParseInt(f[1], 10, 64)
		n, err2 := strconv.ParseInt(f[2], 10, 64)
		var set int64
		var err3 error
		if len(f) == 4 {
			set, err3 = strconv.ParseInt(f[3], 10, 64)
		}
		if err1 != nil || err2 != nil || err3 != nil || df < 1 || df > b.docs || n < df || set < 0 || set > n || !utf8.ValidString(k) {
			return nil, fmt.Errorf("%s:%d: bad line %q", name, line, s)
		}
		e := b.terms.ref(k)
		if e.df != 0 { // (every term read has df ≥ 1)
			return nil, fmt.Errorf("%s:%d: term %q twice", name, line, k)
		}
		*e = bgEntry{df: df, count: n, set: set}
	}
	return b, nil
}

// BackgroundOptions are the options under which a background's documents
// are collected (the built-in background's, and the one built from a
// user's documents): the default candidates, no names tagged.
func BackgroundOptions() Options { return Options{} }
