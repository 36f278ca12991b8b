package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// corpus is one SIGHAN 2005 test set: the unsegmented input lines, the gold
// words of each line and the training word list (for OOV recall).
type corpus struct {
	Name        string
	Traditional bool
	Lines       []string
	Gold        [][]string
	Train       map[string]bool
	// Bad counts the lines whose gold characters differ from the input's
	// (16 in MSR, 1 in AS; see scoreLine).
	Bad int
}

var corpusFiles = map[string][3]string{ // test, gold, training words
	"pku":   {"testing/pku_test.utf8", "gold/pku_test_gold.utf8", "gold/pku_training_words.utf8"},
	"msr":   {"testing/msr_test.utf8", "gold/msr_test_gold.utf8", "gold/msr_training_words.utf8"},
	"as":    {"testing/as_test.utf8", "gold/as_testing_gold.utf8", "gold/as_training_words.utf8"},
	"cityu": {"testing/cityu_test.utf8", "gold/cityu_test_gold.utf8", "gold/cityu_training_words.utf8"},
}

// corpusOrder is the order of the columns of the results tables.
var corpusOrder = []string{"pku", "msr", "as", "cityu"}

// readLines reads a file of the release: UTF-8, maybe a BOM, CRLF or LF line
// ends, maybe no final newline.
func readLines(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	if !utf8.Valid(b) {
		return nil, fmt.Errorf("%s: not valid UTF-8", path)
	}
	s := strings.ReplaceAll(string(b), "\r\n", "\n")
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil, nil
	}
	return strings.Split(s, "\n"), nil
}

func loadCorpus(dir, name string) (*corpus, error) {
	files, ok := corpusFiles[name]
	if !ok {
		return nil, fmt.Errorf("unknown corpus %q: use pku, msr, as or cityu", name)
	}
	c := &corpus{Name: name, Traditional: name == "as" || name == "cityu", Train: map[string]bool{}}
	var err error
	if c.Lines, err = readLines(filepath.Join(dir, files[0])); err != nil {
		return nil, err
	}
	gold, err := readLines(filepath.Join(dir, files[1]))
	if err != nil {
		return nil, err
	}
	if len(gold) != len(c.Lines) {
		return nil, fmt.Errorf("%s: %d gold lines for %d test lines", name, len(gold), len(c.Lines))
	}
	c.Gold = make([][]string, len(gold))
	for i, g := range gold {
		c.Gold[i] = strings.Fields(g)
		if !strings.EqualFold(strings.Join(c.Gold[i], ""), stripSpace(c.Lines[i])) {
			c.Bad++
		}
	}
	train, err := readLines(filepath.Join(dir, files[2]))
	if err != nil {
		return nil, err
	}
	for _, w := range train {
		if w = strings.TrimSpace(w); w != "" {
			c.Train[w] = true
		}
	}
	return c, nil
}

func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// span is a word as [start, end) in runes of the line with whitespace
// removed: the bakeoff's scoring compares these sets.
type span struct{ start, end int }

func spans(words []string) ([]span, int) {
	out := make([]span, 0, len(words))
	pos := 0
	for _, w := range words {
		n := utf8.RuneCountInString(stripSpace(w))
		if n == 0 {
			continue
		}
		out = append(out, span{pos, pos + n})
		pos += n
	}
	return out, pos
}

// counts are the sums the bakeoff's scores are made of.
type counts struct {
	Gold, Out, Match   int // words in the gold, in the output, in both
	OOVGold, OOVMatch  int // gold words absent from the training list; of them found
	Lines, ChangedText int // lines scored; lines whose output text differs from the input
}

func (c *counts) add(o counts) {
	c.Gold += o.Gold
	c.Out += o.Out
	c.Match += o.Match
	c.OOVGold += o.OOVGold
	c.OOVMatch += o.OOVMatch
	c.Lines += o.Lines
	c.ChangedText += o.ChangedText
}

func (c counts) P() float64 { return ratio(c.Match, c.Out) }
func (c counts) R() float64 { return ratio(c.Match, c.Gold) }
func (c counts) F() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
func (c counts) OOVR() float64 { return ratio(c.OOVMatch, c.OOVGold) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// scoreLine scores the output words of one input line against its gold
// words. Spans are counted in runes of the input without whitespace. Where
// the release's gold text differs from the input (16 MSR lines where a
// quotation mark sits on the neighbouring line, one AS line with ｃ for c),
// gold words are placed on the input by a character alignment, as the
// bakeoff's diff-based scorer does; a gold word that does not align whole
// counts as missed.
func scoreLine(input string, gold, out []string, train map[string]bool) counts {
	in := []rune(stripSpace(input))
	os, on := spans(out)
	c := counts{Out: len(os), Lines: 1}
	// gse lower-cases ASCII; any other change of the text misaligns spans
	if on != len(in) || !strings.EqualFold(string(in), stripSpace(strings.Join(out, ""))) {
		c.ChangedText = 1
	}
	set := make(map[span]bool, len(os))
	for _, s := range os {
		set[s] = true
	}
	var words []string
	for _, w := range gold {
		if w = stripSpace(w); w != "" {
			words = append(words, w)
		}
	}
	gs, _ := spans(words)
	g := []rune(strings.Join(words, ""))
	var toIn []int // gold rune → input rune, when the texts differ
	if !strings.EqualFold(string(g), string(in)) {
		toIn = align(g, in)
	}
	c.Gold = len(gs)
	for i, s := range gs {
		if toIn != nil {
			s = placeSpan(s, toIn)
		}
		hit := s.start >= 0 && set[s]
		if hit {
			c.Match++
		}
		if !train[words[i]] {
			c.OOVGold++
			if hit {
				c.OOVMatch++
			}
		}
	}
	return c
}

// sameRune compares runes ignoring ASCII case and full width.
func sameRune(a, b rune) bool {
	f := func(r rune) rune {
		if r >= 0xFF01 && r <= 0xFF5E {
			r = r - 0xFF01 + 0x21
		}
		return unicode.ToLower(r)
	}
	return f(a) == f(b)
}

// align maps each rune of a to the rune of b it is aligned with by a
// longest common subsequence, or -1.
func align(a, b []rune) []int {
	n, m := len(a), len(b)
	dp := make([][]int, n+1)
	for i := range dp {
		dp[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			switch {
			case sameRune(a[i], b[j]):
				dp[i][j] = dp[i+1][j+1] + 1
			case dp[i+1][j] >= dp[i][j+1]:
				dp[i][j] = dp[i+1][j]
			default:
				dp[i][j] = dp[i][j+1]
			}
		}
	}
	out := make([]int, n)
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case sameRune(a[i], b[j]) && dp[i][j] == dp[i+1][j+1]+1:
			out[i] = j
			i++
			j++
		case dp[i+1][j] >= dp[i][j+1]:
			out[i] = -1
			i++
		default:
			j++
		}
	}
	for ; i < n; i++ {
		out[i] = -1
	}
	return out
}

// placeSpan maps a gold span onto the input; {-1, -1} if it does not map
// to a contiguous run.
func placeSpan(s span, toIn []int) span {
	first := toIn[s.start]
	if first < 0 {
		return span{-1, -1}
	}
	for k := s.start + 1; k < s.end; k++ {
		if toIn[k] != first+(k-s.start) {
			return span{-1, -1}
		}
	}
	return span{first, first + (s.end - s.start)}
}
