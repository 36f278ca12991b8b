// Package analysis holds what every analyzer shares: the Input a document
// becomes once cleaned, folded and segmented. The analyzers themselves live
// in the packages below (keywords, slogans, entities, freq, kwic, check);
// they are pure functions of Inputs.
package analysis

import (
	"sort"
	"strings"
	"unicode/utf8"

	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

// Input is one document ready for the analyzers.
type Input struct {
	Name string
	// Text is the cleaned text in the document's own script. Token offsets
	// point into it.
	Text string
	// Folded is Text with its Traditional lines folded to Simplified
	// (script.FoldIfTraditional), rune for rune: the same number of
	// runes, so rune i of Folded is rune i of Text. Byte offsets can differ;
	// use FoldedSpan and TextSpan to move between the two.
	Folded string
	Script script.Kind
	Tokens []segment.Token
	// Keys[i] is Tokens[i] folded to Simplified with ASCII letters
	// lower-cased: what analyzers count, so that 三個大抓 and 三个大抓 are
	// one term.
	Keys []string

	// shifts are the points where the byte offsets of Text and Folded
	// start to differ by another amount (a folded rune of another UTF-8
	// length), in increasing order; none when the two are byte-aligned. A
	// few entries even for a long Traditional text, where a map of every
	// rune would cost a hundred bytes a character.
	shifts []shift
}

// shift: from Text offset text (and Folded offset folded) on, the offsets
// differ by folded-text.
type shift struct{ text, folded int }

// NewInput builds an Input from a cleaned text and its tokens.
func NewInput(name, text string, kind script.Kind, tokens []segment.Token) *Input {
	in := NewTokensInput(name, text, kind, tokens)
	in.Keys = make([]string, len(tokens))
	for i, t := range tokens {
		s, e := in.FoldedSpan(int(t.Start), int(t.End))
		in.Keys[i] = Key(in.Folded[s:e])
	}
	return in
}

// WithTokens is the same document cut another way: in with tokens (and
// their keys) in place of its own; the text, its folded form and its
// script are shared.
func (in *Input) WithTokens(tokens []segment.Token) *Input {
	out := &Input{Name: in.Name, Text: in.Text, Folded: in.Folded, Script: in.Script, Tokens: tokens, shifts: in.shifts}
	out.Keys = make([]string, len(tokens))
	j := 0 // in's tokens, walked beside: a token of both keeps its key
	for i, t := range tokens {
		for j < len(in.Tokens) && in.Tokens[j].Start < t.Start {
			j++
		}
		if j < len(in.Keys) && in.Tokens[j].Start == t.Start && in.Tokens[j].End == t.End {
			out.Keys[i] = in.Keys[j]
			continue
		}
		s, e := out.FoldedSpan(int(t.Start), int(t.End))
		out.Keys[i] = Key(out.Folded[s:e])
	}
	return out
}

// NewTokensInput is NewInput without Keys (nil), for work that reads only
// the text and the tokens (segment, kwic): a key is a fold and a string per
// token (segment runs about 5% faster without them).
func NewTokensInput(name, text string, kind script.Kind, tokens []segment.Token) *Input {
	in := &Input{Name: name, Text: text, Folded: text, Script: kind, Tokens: tokens}
	// folded line by line, as the segmenter folds (script.FoldIfTraditional)
	if f, ok := script.FoldIfTraditional(text); ok && utf8.RuneCountInString(f) == utf8.RuneCountInString(text) {
		in.Folded = f
	}
	if in.Folded != in.Text {
		in.shifts = shifts(in.Text, in.Folded)
	}
	return in
}

// shifts lists where the byte offsets of text and folded (the same runes,
// some of another length) start to differ by another amount.
func shifts(text, folded string) []shift {
	var out []shift
	ti, fi, delta := 0, 0, 0
	for ti < len(text) && fi < len(folded) {
		_, tn := utf8.DecodeRuneInString(text[ti:])
		_, fn := utf8.DecodeRuneInString(folded[fi:])
		ti += tn
		fi += fn
		if fi-ti != delta {
			delta = fi - ti
			out = append(out, shift{ti, fi})
		}
	}
	return out
}

// FoldedSpan maps a byte range of Text to the same runes in Folded.
func (in *Input) FoldedSpan(s, e int) (int, int) {
	return in.toFolded(s), in.toFolded(e)
}

// TextSpan maps a byte range of Folded to the same runes in Text.
func (in *Input) TextSpan(s, e int) (int, int) {
	return in.toText(s), in.toText(e)
}

func (in *Input) toFolded(off int) int {
	i := sort.Search(len(in.shifts), func(i int) bool { return in.shifts[i].text > off }) - 1
	if i < 0 {
		return off
	}
	return off + in.shifts[i].folded - in.shifts[i].text
}

func (in *Input) toText(off int) int {
	i := sort.Search(len(in.shifts), func(i int) bool { return in.shifts[i].folded > off }) - 1
	if i < 0 {
		return off
	}
	return off + in.shifts[i].text - in.shifts[i].folded
}

// Key is the form under which a (Simplified) term is counted: ASCII letters
// lower-cased, nothing else changed.
func Key(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}
