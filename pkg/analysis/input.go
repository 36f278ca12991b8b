// Package analysis holds what every analyzer shares: the Input a document
// becomes once cleaned, folded and segmented. The analyzers themselves live
// in the packages below (keywords, slogans, entities, freq, kwic, check);
// they are pure functions of Inputs.
package analysis

import (
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

	// byte offset in Folded of every byte offset in Text that starts a rune,
	// when the two differ; nil when they are byte-aligned.
	toFolded map[int]int
	toText   map[int]int
}

// NewInput builds an Input from a cleaned text and its tokens.
func NewInput(name, text string, kind script.Kind, tokens []segment.Token) *Input {
	in := &Input{Name: name, Text: text, Folded: text, Script: kind, Tokens: tokens}
	// folded line by line, as the segmenter folds (script.FoldIfTraditional)
	if f, ok := script.FoldIfTraditional(text); ok && utf8.RuneCountInString(f) == utf8.RuneCountInString(text) {
		in.Folded = f
	}
	if len(in.Folded) != len(in.Text) {
		in.toFolded = make(map[int]int)
		in.toText = make(map[int]int)
		fi := 0
		for ti := range in.Text {
			in.toFolded[ti] = fi
			in.toText[fi] = ti
			_, n := utf8.DecodeRuneInString(in.Folded[fi:])
			fi += n
		}
		in.toFolded[len(in.Text)] = len(in.Folded)
		in.toText[len(in.Folded)] = len(in.Text)
	}
	in.Keys = make([]string, len(tokens))
	for i, t := range tokens {
		s, e := in.FoldedSpan(t.Start, t.End)
		in.Keys[i] = Key(in.Folded[s:e])
	}
	return in
}

// FoldedSpan maps a byte range of Text to the same runes in Folded.
func (in *Input) FoldedSpan(s, e int) (int, int) {
	if in.toFolded == nil {
		return s, e
	}
	return in.toFolded[s], in.toFolded[e]
}

// TextSpan maps a byte range of Folded to the same runes in Text.
func (in *Input) TextSpan(s, e int) (int, int) {
	if in.toText == nil {
		return s, e
	}
	return in.toText[s], in.toText[e]
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
