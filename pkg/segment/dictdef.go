package segment

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-ego/gse"

	"zhpolicy/dict"
	"zhpolicy/internal/dictindex"
)

// The dictionary a Segmenter cuts with is defined once, here, and read two
// ways that must give the same DAG edges (TestLexiconsAgree):
//
//   - the index walk (indexLexicon): binary searches in the committed,
//     zero-parse index of gse's embedded word list and in the overlay;
//     nothing loaded, a millisecond to open; cheaper for small inputs;
//   - the full load (gseLexicon): every word added to one gse Segmenter
//     (about 0.4 s, 200 MB), shared read-only; cheaper for big inputs.
//
// The definition: gse's Simplified word list read as gse reads it
// (dictindex), under the overlay (user words, then the built-in policy
// words, lower-cased as the text is; the first entry of a word wins, as in
// gse; words of frequency 0 or less are dropped), plus, unless
// Config.NoCharFix, frequency 1 for every character that is only a prefix
// of words (as jieba scores them). The total frequency (the denominator of
// every word's probability) is that of the word list under the overlay,
// the fixed characters not counted.

// dummyKey carries the frequency that makes the full load's total in gse
// equal the definition's, so that gse's own cuts on it are the
// definition's too. 0xFF and 0xFE never occur in UTF-8 text, so gse can
// never match it.
const dummyKey = "\xff\xfe"

type ovEntry struct {
	key  string
	freq float64
	pos  string
}

type dictDef struct {
	base    *dictindex.Index
	overlay []ovEntry // sorted by key, unique
	// ovFirst is the range of overlay entries of each first rune
	ovFirst  map[rune][2]int
	total    float64
	logTotal float64
	charFix  bool
}

var baseIndex = sync.OnceValues(func() (*dictindex.Index, error) {
	return dictindex.Open(dictindex.Words, dictindex.GseWords(), dict.GseWordsIndex)
})

// openBase opens the committed index of gse's word list, or, when gse's
// text changed under it, builds the index in memory (correct, about 0.3 s
// slower; TestIndexCurrent fails until `go generate ./dict` is run).
func openBase() (x *dictindex.Index, stale bool, err error) {
	x, err = baseIndex()
	if err == nil {
		return x, false, nil
	}
	if !errors.Is(err, dictindex.ErrStale) {
		return nil, false, err
	}
	x, err = staleIndex()
	return x, true, err
}

var staleIndex = sync.OnceValues(func() (*dictindex.Index, error) {
	b, err := dictindex.Build(dictindex.Words, dictindex.GseWords())
	if err != nil {
		return nil, err
	}
	return dictindex.Open(dictindex.Words, dictindex.GseWords(), string(b))
})

// newDictDef builds the definition. overlay is in precedence order.
func newDictDef(base *dictindex.Index, overlay []Entry, charFix bool) *dictDef {
	d := &dictDef{base: base, charFix: charFix}
	seen := make(map[string]bool, len(overlay))
	for _, e := range overlay {
		// gse lowers only ASCII in dictionary keys but all of the text it
		// cuts: an overlay word is lowered as the text is, so that ΑΒΓ or
		// Ｘ in a user word can match at all.
		k := strings.ToLower(e.Word)
		if k == "" || seen[k] || !(e.Freq > 0) {
			continue // gse would keep a word of frequency 0 as a mere prefix
		}
		seen[k] = true
		d.overlay = append(d.overlay, ovEntry{key: k, freq: e.Freq, pos: e.POS})
	}
	sort.Slice(d.overlay, func(i, j int) bool { return d.overlay[i].key < d.overlay[j].key })
	d.ovFirst = make(map[rune][2]int)
	for i, o := range d.overlay {
		r, _ := utf8.DecodeRuneInString(o.key)
		rg, ok := d.ovFirst[r]
		if !ok {
			rg[0] = i
		}
		rg[1] = i + 1
		d.ovFirst[r] = rg
	}

	// Whole-number base frequencies add exactly in any order; subtract the
	// words the overlay replaces, then add the overlay in key order.
	t := base.Extra()
	for _, o := range d.overlay {
		if i, ok := base.Find(o.key); ok {
			t -= d.baseFreq(i)
		}
	}
	for _, o := range d.overlay {
		t += o.freq
	}
	d.total = t
	d.logTotal = math.Log(t)
	return d
}

func (d *dictDef) baseEntry(i int) (freq float64, pos string) {
	_, freq, pos, _ = dictindex.ParseWordLine(d.base.Line(i))
	return freq, pos
}

func (d *dictDef) baseFreq(i int) float64 {
	f, _ := d.baseEntry(i)
	return f
}

// narrowOverlay is dictindex.Index.Narrow for the overlay.
func (d *dictDef) narrowOverlay(lo, hi, depth int, next string) (int, int) {
	cmp := func(i int) int {
		k := d.overlay[i].key[depth:]
		if len(k) > len(next) {
			k = k[:len(next)]
		}
		switch {
		case k < next:
			return -1
		case k > next:
			return 1
		}
		return 0
	}
	a := lo + sort.Search(hi-lo, func(i int) bool { return cmp(lo+i) >= 0 })
	b := a + sort.Search(hi-a, func(i int) bool { return cmp(a+i) > 0 })
	return a, b
}

func newGse() *gse.Segmenter {
	g := &gse.Segmenter{NotLoadHMM: true, SkipLog: true}
	g.Dict = gse.NewDict()
	g.Init()
	return g
}

// finishTotal adds the dummy word whose frequency brings g's total to the
// definition's total, exactly (gse sums in float64; so does the search).
func (d *dictDef) finishTotal(g *gse.Segmenter) error {
	have := g.Dict.TotalFreq()
	if have == d.total {
		return nil
	}
	f := d.total - have
	for i := 0; i < 64 && have+f != d.total; i++ {
		if have+f < d.total {
			f = math.Nextafter(f, math.Inf(1))
		} else {
			f = math.Nextafter(f, math.Inf(-1))
		}
	}
	if err := g.AddToken(dummyKey, f); err != nil {
		return err
	}
	if g.Dict.TotalFreq() != d.total {
		return fmt.Errorf("segment: cannot make the dictionary total %v (have %v)", d.total, g.Dict.TotalFreq())
	}
	return nil
}

// buildFull loads the whole definition into one gse Segmenter.
func (d *dictDef) buildFull() (*gse.Segmenter, error) {
	g := newGse()
	// first entry wins in gse: the overlay goes in first. The base goes in
	// key order, which builds gse's trie twice as fast as file order.
	for _, o := range d.overlay {
		if err := g.AddToken(o.key, o.freq, o.pos); err != nil {
			return nil, err
		}
	}
	n := d.base.Len()
	for i := 0; i < n; i++ {
		freq, pos := d.baseEntry(i)
		if err := g.AddToken(d.base.Key(i), freq, pos); err != nil {
			return nil, err
		}
	}
	if d.charFix {
		for _, c := range d.prefixOnlyChars() {
			if err := g.AddToken(c, 1); err != nil {
				return nil, err
			}
		}
	}
	if err := d.finishTotal(g); err != nil {
		return nil, err
	}
	return g, nil
}

// prefixOnlyChars lists the characters that begin words but are not words
// themselves, in the whole definition.
func (d *dictDef) prefixOnlyChars() []string {
	var out []string
	seen := make(map[rune]bool)
	check := func(k string) {
		r, n := utf8.DecodeRuneInString(k)
		if n == len(k) || seen[r] {
			return
		}
		seen[r] = true
		c := k[:n]
		if _, ok := d.base.Find(c); ok {
			return
		}
		i := sort.Search(len(d.overlay), func(i int) bool { return d.overlay[i].key >= c })
		if i < len(d.overlay) && d.overlay[i].key == c {
			return
		}
		out = append(out, c)
	}
	for i, n := 0, d.base.Len(); i < n; i++ {
		check(d.base.Key(i))
	}
	for _, o := range d.overlay {
		check(o.key)
	}
	sort.Strings(out)
	return out
}
