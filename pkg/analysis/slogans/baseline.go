package slogans

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	slogansdict "zhpolicy/dict/slogans"
)

// Attestation is what a baseline knows of one formulation: how often the
// earlier documents use it, in how many, and since when.
type Attestation struct {
	Key  string
	Kind Kind
	// Count is the number of uses, Docs the number of documents.
	Count, Docs int
	// FirstYear is the year of the first document using it (0: unknown);
	// FirstDoc names that document.
	FirstYear int
	FirstDoc  string
}

// before orders attestations by year (unknown last), then document.
func (a Attestation) before(b Attestation) bool {
	ya, yb := a.FirstYear, b.FirstYear
	if ya == 0 {
		ya = 1 << 30
	}
	if yb == 0 {
		yb = 1 << 30
	}
	if ya != yb {
		return ya < yb
	}
	return a.FirstDoc < b.FirstDoc
}

// Baseline is a set of formulations attested in earlier documents, the
// reference against which a formulation is new. A Baseline is read-only
// once built and safe for concurrent use; Add and Merge build one.
type Baseline struct {
	m map[string]Attestation
	// Sources describe what the baseline was built from.
	Sources []string

	once   *sync.Once
	series map[string][]string // member → keys of the series holding it
	tails  map[string]bool     // last two characters shared by all members of a series
	heads  map[string]bool     // first two characters shared by all members of a series
}

// NewBaseline returns an empty baseline.
func NewBaseline() *Baseline { return &Baseline{m: map[string]Attestation{}, once: &sync.Once{}} }

// Len is the number of formulations.
func (b *Baseline) Len() int {
	if b == nil {
		return 0
	}
	return len(b.m)
}

// Lookup finds a formulation by key.
func (b *Baseline) Lookup(key string) (Attestation, bool) {
	if b == nil {
		return Attestation{}, false
	}
	a, ok := b.m[key]
	return a, ok
}

// Add records an attestation: counts add up, the earliest document wins.
// Adding is associative and order-independent.
func (b *Baseline) Add(a Attestation) {
	if a.Key == "" {
		return
	}
	b.once = &sync.Once{} // the member index is built again on first use
	old, ok := b.m[a.Key]
	if !ok {
		b.m[a.Key] = a
		return
	}
	old.Count += a.Count
	old.Docs += a.Docs
	if a.before(old) {
		old.FirstYear, old.FirstDoc = a.FirstYear, a.FirstDoc
	}
	if kindRank(a.Kind) < kindRank(old.Kind) {
		old.Kind = a.Kind
	}
	b.m[a.Key] = old
}

// Merge adds every attestation of o.
func (b *Baseline) Merge(o *Baseline) {
	if o == nil {
		return
	}
	for _, a := range o.m {
		b.Add(a)
	}
	for _, s := range o.Sources {
		if !slices.Contains(b.Sources, s) {
			b.Sources = append(b.Sources, s)
		}
	}
}

// AddCorpus adds the formulations of a corpus (a user's baseline of
// documents or partial files): each under its key and, where the document
// wrote a head or a tail, under its core too. The year of a document is
// read from its order key (a date found in its path), when it has one.
func (b *Baseline) AddCorpus(c *Corpus) {
	for _, e := range c.m {
		a := Attestation{Key: e.Key, Kind: e.Kind, Count: e.Count, Docs: e.Docs, FirstYear: yearOf(e.firstOrder.key), FirstDoc: e.First}
		b.Add(a)
		if e.Core != "" && e.Core != e.Key {
			a.Key = e.Core
			b.Add(a)
		}
	}
}

// yearOf reads the year at the start of an order key (YYYYMMDD).
func yearOf(order string) int {
	if len(order) < 4 {
		return 0
	}
	y, err := strconv.Atoi(order[:4])
	if err != nil || y < 1000 {
		return 0
	}
	return y
}

// index builds, once, the member index and the shared tails of the
// series.
func (b *Baseline) index() {
	b.once.Do(func() {
		b.series = map[string][]string{}
		b.tails = map[string]bool{}
		b.heads = map[string]bool{}
		for k := range b.m {
			if !strings.Contains(k, "、") {
				continue
			}
			ms := strings.Split(k, "、")
			for _, m := range ms {
				b.series[m] = append(b.series[m], k)
			}
			if t := sharedTail2(ms); t != "" {
				b.tails[t] = true
			}
			if h := sharedHead2(ms); h != "" {
				b.heads[h] = true
			}
		}
	})
}

// sharedTail2 gives the last two characters when every member of three
// characters or more ends with them, else "".
func sharedTail2(ms []string) string {
	var t string
	for i, m := range ms {
		r := []rune(m)
		if len(r) < 3 {
			return ""
		}
		e := string(r[len(r)-2:])
		if i > 0 && e != t {
			return ""
		}
		t = e
	}
	return t
}

// sharedHead2 gives the first two characters when every member of three
// characters or more starts with them, else "".
func sharedHead2(ms []string) string {
	var h string
	for i, m := range ms {
		r := []rune(m)
		if len(r) < 3 {
			return ""
		}
		e := string(r[:2])
		if i > 0 && e != h {
			return ""
		}
		h = e
	}
	return h
}

// seriesHead reports whether some series of the baseline has members
// sharing the two first characters h (数字经济、数字社会、数字政府).
func (b *Baseline) seriesHead(h string) bool {
	if b.Len() == 0 {
		return false
	}
	b.index()
	return b.heads[h]
}

// seriesTail reports whether some series of the baseline has members
// sharing the two last characters t (政府 in 法治政府、廉洁政府、服务型政府).
func (b *Baseline) seriesTail(t string) bool {
	if b.Len() == 0 {
		return false
	}
	b.index()
	return b.tails[t]
}

// seriesWith finds an attested series holding all the members given
// (绿色化、智能化 in 高端化、智能化、绿色化): the earliest, then the most
// used.
func (b *Baseline) seriesWith(members []string) (Attestation, bool) {
	if b.Len() == 0 || len(members) < 2 {
		return Attestation{}, false
	}
	b.index()
	var best Attestation
	found := false
	for _, k := range b.series[members[0]] {
		ms := strings.Split(k, "、")
		all := true
		for _, m := range members[1:] {
			if !slices.Contains(ms, m) {
				all = false
				break
			}
		}
		if !all {
			continue
		}
		a := b.m[k]
		if !found || a.before(best) || !best.before(a) && (a.Count > best.Count || a.Count == best.Count && a.Key < best.Key) {
			best, found = a, true
		}
	}
	return best, found
}

// Digest identifies a baseline's content, for partial settings: merges
// refuse results judged against different baselines.
func (b *Baseline) Digest() string {
	if b.Len() == 0 {
		return ""
	}
	h := sha256.New()
	if err := b.WriteIndex(h, nil); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Attestations returns every attestation sorted by key.
func (b *Baseline) Attestations() []Attestation {
	if b == nil {
		return nil
	}
	out := make([]Attestation, 0, len(b.m))
	for _, a := range b.m {
		out = append(out, a)
	}
	slices.SortFunc(out, func(x, y Attestation) int { return strings.Compare(x.Key, y.Key) })
	return out
}

// The index format (dict/slogans/baseline.tsv): comment lines starting
// with #, then one formulation a line, sorted by key:
//
//	key<TAB>kind<TAB>first year<TAB>count<TAB>docs<TAB>first document
//
// "# rules N" records the RulesVersion the index was generated with.

// WriteIndex writes the baseline in the index format, after the given
// comment lines.
func (b *Baseline) WriteIndex(w io.Writer, comments []string) error {
	bw := bufio.NewWriter(w)
	for _, c := range comments {
		fmt.Fprintf(bw, "# %s\n", c)
	}
	for _, a := range b.Attestations() {
		fmt.Fprintf(bw, "%s\t%s\t%d\t%d\t%d\t%s\n", a.Key, a.Kind, a.FirstYear, a.Count, a.Docs, a.FirstDoc)
	}
	return bw.Flush()
}

// ParseIndexLine reads one row of a baseline's index format (not a blank
// or comment line): key, kind, first year, count, documents, first
// document, separated by tabs.
func ParseIndexLine(s string) (Attestation, error) {
	f := strings.Split(s, "\t")
	if len(f) != 6 || f[0] == "" || !utf8.ValidString(f[0]) {
		return Attestation{}, errors.New("want key, kind, first year, count, docs, first document separated by tabs")
	}
	year, e1 := strconv.Atoi(f[2])
	count, e2 := strconv.Atoi(f[3])
	docs, e3 := strconv.Atoi(f[4])
	if e1 != nil || e2 != nil || e3 != nil || count < 1 || docs < 1 || docs > count {
		return Attestation{}, errors.New("bad numbers")
	}
	return Attestation{Key: f[0], Kind: Kind(f[1]), FirstYear: year, Count: count, Docs: docs, FirstDoc: f[5]}, nil
}

// ParseBaseline reads a baseline in the index format. Errors name the
// line.
func ParseBaseline(name string, r io.Reader) (*Baseline, int, error) {
	b := NewBaseline()
	rules := 0
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" {
			continue
		}
		if s[0] == '#' {
			if v, ok := strings.CutPrefix(s, "# rules "); ok {
				rules, _ = strconv.Atoi(strings.TrimSpace(v))
			}
			continue
		}
		a, err := ParseIndexLine(s)
		if err != nil {
			return nil, 0, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		b.Add(a)
	}
	if err := sc.Err(); err != nil {
		return nil, 0, fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	return b, rules, nil
}

// BuiltinSource describes the built-in baseline.
const BuiltinSource = "built-in: national government work reports 1954–2025 and CPC congress reports 1921–2022"

// BuiltinBaseline returns the built-in baseline (dict/slogans/baseline.tsv):
// the formulations attested in the national government work reports and
// the reports to the CPC National Congresses, parsed once.
func BuiltinBaseline() (*Baseline, error) { return builtinBaseline() }

var builtinBaseline = sync.OnceValues(func() (*Baseline, error) {
	b, _, err := ParseBaseline("dict/slogans/baseline.tsv", strings.NewReader(slogansdict.Baseline))
	if err != nil {
		return nil, err
	}
	b.Sources = []string{BuiltinSource}
	return b, nil
})

// BuiltinOptions are the options of `zhpolicy slogans` without flags: the
// built-in lexicon and baseline, so that new means attested in neither (the
// default of slogans, analyze, compare and report's judgement of novelty).
func BuiltinOptions() (Options, error) {
	lex, err := Builtin()
	if err != nil {
		return Options{}, err
	}
	base, err := BuiltinBaseline()
	if err != nil {
		return Options{}, err
	}
	return Options{Lexicon: lex, Baseline: base}, nil
}

// BuiltinBaselineRules is the RulesVersion the built-in baseline was
// generated with (a test checks that it is the current one).
func BuiltinBaselineRules() int {
	_, rules, _ := ParseBaseline("", strings.NewReader(slogansdict.Baseline))
	return rules
}

// Novelty says whether a formulation is new, and why.
type Novelty struct {
	// Source is where the formulation is attested: "lexicon", "policy"
	// (the built-in policy dictionary) or "baseline"; empty when it is
	// new.
	Source string `json:"source,omitempty"`
	// Match is the key that was found: the formulation's key or its core.
	Match string `json:"match,omitempty"`
	// FirstYear, FirstDoc and Count describe the baseline's attestation.
	FirstYear int    `json:"first_year,omitempty"`
	FirstDoc  string `json:"first_doc,omitempty"`
	Count     int    `json:"count,omitempty"`
	// Reason says it in words.
	Reason string `json:"reason"`
}

// New reports whether nothing attests the formulation.
func (n Novelty) New() bool { return n.Source == "" }

// Novelty sources.
const (
	SourceLexicon  = "lexicon"
	SourcePolicy   = "policy" // dict/policy.txt, the policy terms of the segmenter
	SourceBaseline = "baseline"
)

// judge decides whether a formulation is new: neither its key nor its
// core is in the lexicon or the baseline, and no series of the baseline
// holds all its members.
func judge(lex *Lexicon, words *wordStats, base *Baseline, key, core string, members []string) Novelty {
	keys := []string{key}
	if core != "" && core != key {
		keys = append(keys, core)
	}
	for _, k := range keys {
		if _, ok := lex.Lookup(k); ok {
			n := Novelty{Source: SourceLexicon, Match: k, Reason: "in the lexicon"}
			if k != key {
				n.Reason = "its core " + k + " is in the lexicon"
			}
			return n
		}
	}
	for _, k := range keys {
		if words.policy(k) {
			n := Novelty{Source: SourcePolicy, Match: k, Reason: "in the built-in policy dictionary"}
			if k != key {
				n.Reason = "its core " + k + " is in the built-in policy dictionary"
			}
			return n
		}
	}
	for _, k := range keys {
		if a, ok := base.Lookup(k); ok {
			n := Novelty{Source: SourceBaseline, Match: k, FirstYear: a.FirstYear, FirstDoc: a.FirstDoc, Count: a.Count}
			what := "in the baseline"
			if k != key {
				what = "its core " + k + " is in the baseline"
			}
			if a.FirstYear > 0 {
				n.Reason = fmt.Sprintf("%s since %d (%s, %d uses)", what, a.FirstYear, a.FirstDoc, a.Count)
			} else {
				n.Reason = fmt.Sprintf("%s (%s, %d uses)", what, a.FirstDoc, a.Count)
			}
			return n
		}
	}
	if a, ok := base.seriesWith(members); ok {
		n := Novelty{Source: SourceBaseline, Match: a.Key, FirstYear: a.FirstYear, FirstDoc: a.FirstDoc, Count: a.Count}
		n.Reason = fmt.Sprintf("its members are in the baseline's %s since %d (%s)", a.Key, a.FirstYear, a.FirstDoc)
		return n
	}
	if len(members) >= 2 && base.Len() > 0 {
		// a series of attested members is a new combination of known
		// parts, not a new formulation (稳增长、促转型、惠民生、防风险):
		// every member is a formulation or a member of a series of the
		// baseline or the lexicon, or a word of the dictionaries
		fresh := ""
		for _, m := range members {
			if !memberAttested(lex, words, base, m) {
				fresh = m
				break
			}
		}
		if fresh == "" {
			return Novelty{Source: SourceBaseline, Match: strings.Join(members, "、"), Reason: "each member is attested (lexicon, baseline or dictionary)"}
		}
		return Novelty{Reason: "its member " + fresh + " is in no lexicon, baseline or dictionary"}
	}
	if base.Len() == 0 {
		return Novelty{Reason: "not in the lexicon (no baseline)"}
	}
	if core != "" && core != key {
		return Novelty{Reason: "neither it nor its core " + core + " is in the lexicon or the baseline"}
	}
	return Novelty{Reason: "not in the lexicon or the baseline"}
}

// memberAttested reports whether a member of a series is known: a
// formulation of the lexicon or the baseline, a member of a series of the
// baseline, a policy term, a word of the general dictionary or made of
// such words (数字消费, 促转型; not 悦己消费, 免申即享: a coinage).
func memberAttested(lex *Lexicon, words *wordStats, base *Baseline, m string) bool {
	if _, ok := lex.Lookup(m); ok {
		return true
	}
	if _, ok := base.Lookup(m); ok {
		return true
	}
	if base.member(m) {
		return true
	}
	return words.policy(m) || words.inDictionary(m) || words.composed(m)
}

// member reports whether m is a member of a series of the baseline.
func (b *Baseline) member(m string) bool {
	if b.Len() == 0 {
		return false
	}
	b.index()
	_, ok := b.series[m]
	return ok
}
