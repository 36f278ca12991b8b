// Package proto is an experimental segmenter built on gse directly, used by
// the SIGHAN harness to measure changes proposed for pkg/segment without
// touching it. With every option off it reproduces pkg/segment's Cut (as
// of this writing): text is split into runs of Han characters and ASCII
// word characters, which go to gse's DAG cut, and single other characters,
// which are tokens of their own; whitespace is dropped.
package proto

import (
	"bufio"
	"fmt"
	"io"
	"log"
	"os"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// Entry is one dictionary word.
type Entry struct {
	Word string
	Freq float64
	POS  string
}

// DictOptions choose how the gse dictionary is built.
type DictOptions struct {
	// Dict is gse's embedded dictionary: "zh_s" (default) or "zh_t".
	Dict string
	// Overlay words are added first, so they win over gse's entries.
	Overlay []Entry
	// PrefixFreq1 gives every single character that is a prefix of
	// dictionary words but not a word itself a frequency of 1, as jieba
	// does (gse scores it log(0) otherwise).
	PrefixFreq1 bool
	// SingleFreqs replaces the frequency 2 that gse's loader gives every
	// single-character word by the frequency written in the dictionary file.
	SingleFreqs map[string]float64
	// FixedTotal keeps the total frequency (the denominator of every word's
	// probability) that of gse's word list alone: the overlay then changes
	// the scores of its own words only, not of every word.
	FixedTotal bool
}

// CutOptions choose how a line is cut.
type CutOptions struct {
	HMM bool
	// PunctRuns keeps runs of one repeated dash or ellipsis character
	// (——, ……, --) together instead of one token per character.
	PunctRuns bool
	// Decimals keeps 5.2 and ５．２ together.
	Decimals bool
	// Width folds full-width ASCII (Ａ-Ｚ, ０-９, ．…) to half-width rune by
	// rune before cutting, so full-width digits and letters form words.
	Width bool
	// Percent glues a number to a following %, ％ or ‰.
	Percent bool
	// Dates glues a run of digits to a following 年, 月 or 日.
	Dates bool
}

// Segmenter is a gse dictionary with the wrapper's cutting around it.
type Segmenter struct {
	g *gse.Segmenter
}

var (
	hmmOnce sync.Once
	logMu   sync.Mutex
)

// New builds a segmenter. gse's logging is discarded.
func New(o DictOptions) (*Segmenter, error) {
	hmmOnce.Do(func() {
		var g gse.Segmenter
		g.LoadModel()
	})
	if o.Dict == "" {
		o.Dict = "zh_s"
	}
	logMu.Lock()
	prev := log.Writer()
	log.SetOutput(io.Discard)
	defer func() {
		log.SetOutput(prev)
		logMu.Unlock()
	}()
	g := &gse.Segmenter{NotLoadHMM: true, SkipLog: true}
	if err := g.LoadDictStr(""); err != nil {
		return nil, err
	}
	for _, e := range o.Overlay {
		if err := g.AddToken(e.Word, e.Freq, e.POS); err != nil {
			return nil, err
		}
	}
	for w, f := range o.SingleFreqs {
		if err := g.AddToken(w, f); err != nil {
			return nil, err
		}
	}
	if err := g.LoadDictEmbed(o.Dict); err != nil {
		return nil, err
	}
	before := g.Dict.TotalFreq()
	if o.PrefixFreq1 {
		seen := map[rune]bool{}
		n := len(g.Dict.Tokens)
		for i := 0; i < n; i++ {
			r, _ := utf8.DecodeRuneInString(g.Dict.Tokens[i].Text())
			if seen[r] {
				continue
			}
			seen[r] = true
			if f, _, ok := g.Find(string(r)); ok && f == 0 {
				if err := g.AddToken(string(r), 1); err != nil {
					return nil, err
				}
			}
		}
	}
	if o.FixedTotal {
		plain, err := plainTotal(o.Dict)
		if err != nil {
			return nil, err
		}
		// the prefix characters' frequencies stay in; a negative dummy
		// word, which text can never match, takes the overlay's out
		want := plain + (g.Dict.TotalFreq() - before)
		if err := g.AddToken(dummyKey, want-g.Dict.TotalFreq()); err != nil {
			return nil, err
		}
	}
	return &Segmenter{g: g}, nil
}

// dummyKey is a dictionary key no UTF-8 text contains.
const dummyKey = "\xff\xfe"

var (
	plainMu     sync.Mutex
	plainTotals = map[string]float64{}
)

// plainTotal is the total frequency of gse's embedded dictionary name
// loaded alone.
func plainTotal(name string) (float64, error) {
	plainMu.Lock()
	defer plainMu.Unlock()
	if t, ok := plainTotals[name]; ok {
		return t, nil
	}
	g := &gse.Segmenter{NotLoadHMM: true, SkipLog: true}
	if err := g.LoadDictStr(""); err != nil {
		return 0, err
	}
	if err := g.LoadDictEmbed(name); err != nil {
		return 0, err
	}
	plainTotals[name] = g.Dict.TotalFreq()
	return plainTotals[name], nil
}

// Gse returns the underlying gse segmenter.
func (s *Segmenter) Gse() *gse.Segmenter { return s.g }

// ReadSingleFreqs reads the single-character words of a gse dictionary file
// (word freq pos a line) with their frequencies.
func ReadSingleFreqs(path string) (map[string]float64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]float64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 2 || utf8.RuneCountInString(fs[0]) != 1 {
			continue
		}
		v, err := strconv.ParseFloat(fs[1], 64)
		if err != nil || v <= 0 {
			continue
		}
		if _, dup := out[fs[0]]; !dup {
			out[fs[0]] = v
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no single-character words", path)
	}
	return out, nil
}

// foldWidth maps full-width ASCII to half-width, one rune for one rune.
func foldWidth(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - 0xFF01 + 0x21
	}
	return r
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// isBlockRune is pkg/segment's: Han characters and the ASCII letters, digits
// and joiners that dictionary words contain.
func isBlockRune(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return true
	case r == '.' || r == '_' || r == '+' || r == '#' || r == '&' || r == '%' || r == '-':
		return true
	case r < 0x2E80:
		return false
	}
	return unicode.Is(unicode.Han, r)
}

// isRunPunct says whether a run of r is one punctuation mark: dashes and
// ellipses are written as two or more of the same character.
// numberRune says whether r joins a block so that the number options can
// see it: full-width digits and the full-width point and per cent sign.
func numberRune(r rune, o CutOptions) bool {
	if !(o.Decimals || o.Percent || o.Dates) {
		return false
	}
	return r >= '０' && r <= '９' || r == '．' || r == '％' || r == '‰'
}

func isRunPunct(r rune) bool {
	switch r {
	case '—', '…', '─', '━', '－', '～', '⋯':
		return true
	}
	return false
}

// Cut segments one line and returns its words (whitespace dropped).
func (s *Segmenter) Cut(line string, o CutOptions) []string {
	orig := []rune(line)
	look := make([]rune, len(orig))
	for i, r := range orig {
		if o.Width {
			r = foldWidth(r)
		}
		look[i] = r
	}
	var lens []int // rune lengths of the tokens, in order; 0-length never
	emit := func(n int) { lens = append(lens, n) }
	i := 0
	for i < len(look) {
		r := look[i]
		switch {
		case unicode.IsSpace(r):
			emit(-1) // skipped
			i++
		case isBlockRune(r) || numberRune(r, o):
			j := i + 1
			for j < len(look) && (isBlockRune(look[j]) || numberRune(look[j], o)) {
				j++
			}
			s.cutBlock(look[i:j], o, emit)
			i = j
		case o.PunctRuns && isRunPunct(r):
			j := i + 1
			for j < len(look) && look[j] == r {
				j++
			}
			emit(j - i)
			i = j
		default:
			emit(1)
			i++
		}
	}
	out := make([]string, 0, len(lens))
	pos := 0
	for _, n := range lens {
		if n < 0 {
			pos++
			continue
		}
		out = append(out, string(orig[pos:pos+n]))
		pos += n
	}
	return out
}

// cutBlock cuts a run of block runes, emitting rune lengths.
func (s *Segmenter) cutBlock(b []rune, o CutOptions, emit func(int)) {
	// split off numbers the options keep whole
	if o.Decimals || o.Dates || o.Percent {
		start := 0
		for i := 0; i < len(b); {
			if !isDigit(b[i]) || (i > 0 && (isDigit(b[i-1]) || isASCIILetter(b[i-1]))) {
				i++
				continue
			}
			j := i
			for j < len(b) && isDigit(b[j]) {
				j++
			}
			k := j
			if o.Decimals {
				for k+1 < len(b) && (b[k] == '.' || b[k] == '．') && isDigit(b[k+1]) {
					k++
					for k < len(b) && isDigit(b[k]) {
						k++
					}
				}
			}
			if o.Percent && k < len(b) && (b[k] == '%' || b[k] == '％' || b[k] == '‰') {
				k++
			}
			if o.Dates && k == j && k < len(b) && (b[k] == '年' || b[k] == '月' || b[k] == '日') {
				k++
			}
			if k == j || (k < len(b) && isASCIILetter(b[k])) {
				i = k
				continue
			}
			if i > start {
				s.cutGse(b[start:i], o, emit)
			}
			emit(k - i)
			start, i = k, k
		}
		if start < len(b) {
			s.cutGse(b[start:], o, emit)
		}
		return
	}
	s.cutGse(b, o, emit)
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

func (s *Segmenter) cutGse(b []rune, o CutOptions, emit func(int)) {
	for _, w := range s.g.Cut(string(b), o.HMM) {
		if n := utf8.RuneCountInString(w); n > 0 {
			emit(n)
		}
	}
}
