package dictindex

import (
	"fmt"
	_ "unsafe" // go:linkname

	"github.com/go-ego/gse"
)

// gse embeds its Simplified word list in an unexported variable; linkname
// reads it in place (no copy, nothing loaded). If a gse release renames it
// the build fails here, loudly, rather than at run time.
//
//go:linkname gseZhS github.com/go-ego/gse.zhS
var gseZhS string

// GseWords is gse's embedded Simplified word list (data/dict/zh/s_1.txt).
func GseWords() string { return gseZhS }

// GseIDF is gse's embedded IDF table (data/dict/zh/idf.txt).
func GseIDF() string { return gse.ZhIdf }

// CheckWords loads src into a gse Segmenter the ordinary way
// (LoadDictStr) and checks that x holds exactly gse's keys, frequencies
// and parts of speech, and gse's total frequency. It takes about a second;
// the generator and the tests call it.
func CheckWords(x *Index, src string) error {
	g := &gse.Segmenter{NotLoadHMM: true, SkipLog: true}
	if err := g.LoadDictStr(src); err != nil {
		return err
	}
	d := g.Dict
	if d.NumTokens() != x.Len() {
		return fmt.Errorf("gse loads %d words, the index has %d", d.NumTokens(), x.Len())
	}
	if d.TotalFreq() != x.Extra() {
		return fmt.Errorf("gse's total frequency is %v, the index says %v", d.TotalFreq(), x.Extra())
	}
	for _, t := range d.Tokens {
		i, ok := x.Find(t.Text())
		if !ok {
			return fmt.Errorf("gse has %q, the index does not", t.Text())
		}
		_, freq, pos, _ := ParseWordLine(x.Line(i))
		if freq != t.Freq() || x.Freq(i) != t.Freq() || pos != t.Pos() {
			return fmt.Errorf("%q: gse has freq %v pos %q, the index %v %q", t.Text(), t.Freq(), t.Pos(), freq, pos)
		}
	}
	return nil
}
