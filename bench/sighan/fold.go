package main

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/liuzl/gocc"
)

// folder converts Traditional lines to Simplified with OpenCC t2s (gocc),
// keeping the rune count so that word boundaries found on the folded line
// are boundaries of the original line.
//
// It folds for the rows that have no folding of their own (raw gse, the
// prototypes) and for zhpolicy with -fold harness; zhpolicy's rows
// otherwise use the segmenter's Config.Fold = script.FoldToSimplified.
type folder struct {
	cc *gocc.OpenCC
}

func newFolder() (*folder, error) {
	cc, err := gocc.New("t2s")
	if err != nil {
		return nil, fmt.Errorf("gocc t2s: %w", err)
	}
	return &folder{cc: cc}, nil
}

// fold converts one line (gocc's Convert is quadratic: never feed it a
// whole file). If the phrase conversion changes the rune count, the line is
// converted rune by rune instead.
func (f *folder) fold(line string) (string, error) {
	out, err := f.cc.Convert(line)
	if err != nil {
		return "", err
	}
	if utf8.RuneCountInString(out) == utf8.RuneCountInString(line) {
		return out, nil
	}
	var b strings.Builder
	for _, r := range line {
		c, err := f.cc.Convert(string(r))
		if err != nil {
			return "", err
		}
		if utf8.RuneCountInString(c) != 1 {
			c = string(r)
		}
		b.WriteString(c)
	}
	return b.String(), nil
}

// mapBack returns the words of orig that stand where words stand in folded,
// a rune-for-rune conversion of orig. words are in order; whitespace of
// folded that no word covers may be skipped between them.
func mapBack(orig, folded string, words []string) ([]string, error) {
	rs, fs := []rune(orig), []rune(folded)
	if len(rs) != len(fs) {
		return nil, fmt.Errorf("folding changed the length of %q", orig)
	}
	out := make([]string, 0, len(words))
	pos := 0
	for _, w := range words {
		wr := []rune(w)
		if len(wr) == 0 {
			continue
		}
		for pos < len(fs) && unicode.IsSpace(fs[pos]) && fs[pos] != wr[0] {
			pos++
		}
		if pos+len(wr) > len(fs) {
			return nil, fmt.Errorf("words do not match the folded line %q", folded)
		}
		out = append(out, string(rs[pos:pos+len(wr)]))
		pos += len(wr)
	}
	return out, nil
}

// newConverter returns gocc's conversion name (s2t, t2s …) for one line
// at a time.
func newConverter(name string) (func(string) (string, error), error) {
	cc, err := gocc.New(name)
	if err != nil {
		return nil, fmt.Errorf("gocc %s: %w", name, err)
	}
	return cc.Convert, nil
}
