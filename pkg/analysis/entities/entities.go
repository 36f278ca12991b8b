// Package entities finds named entities in policy documents without a
// neural model: people (with their titles), organisations, places, dates,
// document titles, meetings, official positions, amounts and percentages.
//
// It works on the folded (Simplified) text and the tokens of an
// analysis.Input, with rules and the lists in dict/entities: a gazetteer of
// administrative divisions, countries and bodies; family names and the
// character statistics of given names; organisation endings (有限公司, 委员会);
// titles; and patterns for dates, amounts, meetings and 《》 titles.
// Everything is a pure function of its input and deterministic.
package entities

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

// Type is the kind of an entity.
type Type string

// The entity types.
const (
	PER     Type = "PER"
	ORG     Type = "ORG"
	LOC     Type = "LOC"
	DATE    Type = "DATE"
	DOC     Type = "DOC"
	MEETING Type = "MEETING"
	TITLE   Type = "TITLE"
	MONEY   Type = "MONEY"
	PERCENT Type = "PERCENT"
)

// Types lists every type, in display order.
var Types = []Type{PER, ORG, LOC, DATE, DOC, MEETING, TITLE, MONEY, PERCENT}

// ParseType reads a type name, case-insensitively.
func ParseType(s string) (Type, error) {
	u := Type(strings.ToUpper(strings.TrimSpace(s)))
	if slices.Contains(Types, u) {
		return u, nil
	}
	names := make([]string, len(Types))
	for i, t := range Types {
		names[i] = string(t)
	}
	return "", fmt.Errorf("unknown entity type %q: use one of %s", s, strings.Join(names, ", "))
}

// Mention is one occurrence of an entity in a document.
type Mention struct {
	// Start and End are byte offsets into Input.Text; Text is
	// Input.Text[Start:End], as the document writes it.
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Key is the Simplified form under which the entity is counted.
	Key  string `json:"key"`
	Type Type   `json:"type"`
	// Title is, for a person, the title written next to the name (市委书记
	// for 市委书记姜冬冬), as a Simplified key; empty otherwise.
	Title string `json:"title,omitempty"`
	// TitleText is the title as the document wrote it.
	TitleText string `json:"-"`
}

// Entry is a user gazetteer entry.
type Entry struct {
	Name string
	Type Type
}

// ParseGazetteer reads user entries, one `name type` a line (type one of
// PER, ORG, LOC, or any other type); blank lines and lines starting with #
// are skipped. name is used in error messages.
func ParseGazetteer(name string, r io.Reader) ([]Entry, error) {
	var out []Entry
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	ln := 0
	for sc.Scan() {
		ln++
		l := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		fs := strings.Fields(l)
		if len(fs) != 2 {
			return nil, fmt.Errorf("%s:%d: want `name type`, got %q", name, ln, l)
		}
		if !utf8.ValidString(fs[0]) {
			return nil, fmt.Errorf("%s:%d: name is not valid UTF-8", name, ln)
		}
		t, err := ParseType(fs[1])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, ln, err)
		}
		out = append(out, Entry{Name: fs[0], Type: t})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// Extractor recognises entities. It is safe for concurrent use.
type Extractor struct {
	t       *tables
	user    map[string]gazEntry
	maxUser int // longest user name, in runes
}

// New returns an Extractor with the built-in lists and the user entries
// (in either script; they take precedence over the built-in lists).
func New(user []Entry) *Extractor {
	x := &Extractor{t: builtin(), user: map[string]gazEntry{}}
	for _, e := range user {
		k := e.Name
		if f, ok := script.FoldToSimplified(k); ok && utf8.RuneCountInString(f) == utf8.RuneCountInString(k) {
			k = f
		}
		x.user[analysis.Key(k)] = gazEntry{Type: e.Type, User: true}
		x.maxUser = max(x.maxUser, utf8.RuneCountInString(k))
	}
	return x
}

// Extract finds the entities of one document, in text order. Mentions of
// PER, ORG and LOC never overlap one another; a TITLE, MEETING or DOC may
// contain one (国务院 in 国务院总理).
func (x *Extractor) Extract(in *analysis.Input) []Mention {
	rs := []rune(in.Folded)
	// byte offset in Folded of every rune index, and back
	fb := make([]int, len(rs)+1)
	bi := 0
	for i, r := range rs {
		fb[i] = bi
		bi += utf8.RuneLen(r)
	}
	fb[len(rs)] = bi
	runeAt := func(b int) int {
		i, _ := slices.BinarySearch(fb, b)
		return i
	}
	toks := make([]rtok, 0, len(in.Tokens))
	for _, tk := range in.Tokens {
		s, e := in.FoldedSpan(tk.Start, tk.End)
		toks = append(toks, rtok{s: runeAt(s), e: runeAt(e), pos: tk.POS})
	}
	spans := x.recognize(rs, toks)
	out := make([]Mention, 0, len(spans))
	for _, sp := range spans {
		s, e := in.TextSpan(fb[sp.s], fb[sp.e])
		m := Mention{Start: s, End: e, Text: in.Text[s:e], Key: analysis.Key(dropSpaces(string(rs[sp.s:sp.e]))),
			Type: sp.typ, Title: sp.title}
		if sp.title != "" {
			ts, te := in.TextSpan(fb[sp.ts], fb[sp.te])
			m.TitleText = in.Text[ts:te]
		}
		out = append(out, m)
	}
	return out
}

// dropSpaces removes the spaces inside a name (李 强, as signatures pad
// two-character names).
func dropSpaces(s string) string {
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), "")
}

// ExtractTokens is Extract for a Simplified text already cut into tokens
// (byte offsets into text), without building an analysis.Input.
func (x *Extractor) ExtractTokens(text string, tokens []segment.Token) []Mention {
	return x.Extract(analysis.NewInput("", text, script.Simplified, tokens))
}

// recognize runs all recognisers on a text split into sentences.
func (x *Extractor) recognize(rs []rune, toks []rtok) []span {
	var out []span
	ti := 0
	for s := 0; s < len(rs); {
		e := s
		for e < len(rs) && rs[e] != '\n' && rs[e] != '。' && rs[e] != '！' && rs[e] != '？' && rs[e] != '；' {
			e++
		}
		if e < len(rs) {
			e++
		}
		// the tokens of [s, e), cut at the sentence ends
		var st []rtok
		for ti < len(toks) && toks[ti].s < e {
			tk := toks[ti]
			if tk.s >= s {
				if tk.e > e {
					tk.e = e
				}
				st = append(st, rtok{s: tk.s - s, e: tk.e - s, pos: tk.pos})
			}
			ti++
		}
		for _, sp := range x.sentence(rs[s:e], st) {
			sp.s += s
			sp.e += s
			if sp.title != "" {
				sp.ts += s
				sp.te += s
			}
			out = append(out, sp)
		}
		s = e
	}
	return out
}

func (x *Extractor) sentence(rs []rune, toks []rtok) []span {
	st := newSentence(x.t, x.user, x.maxUser, rs, toks)
	other := st.patterns()
	core := st.recognizeCore()
	titles := st.titlesOf(core)
	all := append(append(other, core...), titles...)
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].s != all[j].s {
			return all[i].s < all[j].s
		}
		return all[i].e > all[j].e
	})
	return all
}
