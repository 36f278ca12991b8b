// Package segment cuts Chinese text into words exactly as gse does, behind a
// small API: Token{Text, Start, End, POS} with byte offsets into the text
// given.
//
// The dictionary is the project's own compiled one (internal/zhdict,
// dict/zhdict.bin, written by `go generate ./dict` from gse's published word
// list, IDF table and HMM model, plus the policy words of dict/policy.txt):
// a rune trie read in place, opened with a checksum and nothing else, the
// same for a 1 KB text as for a 1 GB corpus. gse itself is not linked: its
// algorithms (getDag, calc, cutDAGNoHMM, cutDAG, cutForSearch, cutAll, the
// HMM's Viterbi) are redone here over slices, with the same float
// operations in the same order, and gse stays the reference the tests and
// fuzz targets compare with, mode by mode.
//
// What gse does that users should not see is undone: its lower-casing (tokens
// are mapped back to the original text by rune position), its cutting of
// decimals, percentages and full-width forms into pieces (unless
// Config.Plain), its scoring of characters that only begin words as log(0)
// (unless Config.NoCharFix), its process-wide HMM model (the model is part
// of the compiled dictionary) and its logging. Text in another script can
// be folded (Config.Fold) rune by rune, cut, and mapped back.
package segment

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"zhpolicy/dict"
	"zhpolicy/internal/zhdict"
)

// Config builds a Segmenter.
type Config struct {
	// User words, in either script; they take precedence over the built-in
	// dictionaries.
	User []Entry
	// NoPolicy leaves out the built-in policy dictionary (for measuring).
	NoPolicy bool
	// NoCharFix keeps gse's scoring of characters that only begin
	// dictionary words (digits, some rare characters): gse scores them
	// log(0), which makes the cut of a line depend on what follows it. By
	// default they get frequency 1, as in jieba (for measuring against
	// plain gse).
	NoCharFix bool
	// Plain cuts exactly as gse does: numbers, full-width forms and runs of
	// dashes get no special treatment (for measuring against gse). By
	// default decimals and percentages (5.2, 5.2%, ５．２％) are one token,
	// full-width letters and digits are cut as ASCII ones, and a dash or an
	// ellipsis written as a run (——, ……) is one token.
	Plain bool
	// Fold, when set, converts text to the script of the dictionary
	// (Simplified) before it is cut, keeping the number of runes
	// (script.FoldToSimplified); user words are folded too. Tokens keep
	// the text as given.
	Fold func(text string) (folded string, changed bool)
}

// Segmenter cuts text into tokens. It is safe for concurrent use.
type Segmenter struct {
	cfg Config
	d   *zhdict.Dict
	// noPolicy reads gse's words alone (the nodes' side values):
	// Config.NoPolicy, or the compiled policy words are not those of
	// dict/policy.txt any more and the current ones are in the overlay
	noPolicy bool
	stale    bool
	charFix  bool
	total    float64
	cost     []float64 // per frequency index: log(freq) - log(total)
	unknown  float64   // log(1) - log(total): an unknown character, or a fixed one
	ov       *overlay  // user words (and stale policy words); nil when none
	hmm      hmmModel
	pool     sync.Pool // *scratch
	slow     bool      // tests: route by edges() always
}

// MinWords is the fewest words a built-in dictionary may have: fewer means
// the binary was built from a damaged or empty dict/zhdict.bin (gse's list
// has 352,275).
const MinWords = 100000

// checkDict refuses a dictionary that cannot be the real thing.
func checkDict(d *zhdict.Dict, err error) (*zhdict.Dict, error) {
	if err != nil {
		return nil, fmt.Errorf("segment: the built-in dictionary (dict/zhdict.bin): %w", err)
	}
	if d.BaseWords() < MinWords || d.Words() < d.BaseWords() || d.HMMRunes() < 1000 || !(d.BaseTotal() > 1e6) {
		return nil, fmt.Errorf("segment: the built-in dictionary (dict/zhdict.bin) holds %d words and %d HMM characters, want at least %d and 1000: it was built from incomplete data; run `go generate ./dict`",
			d.BaseWords(), d.HMMRunes(), MinWords)
	}
	return d, nil
}

// New returns a Segmenter over the built-in dictionary. It costs a
// checksum of the dictionary the first time (under a millisecond) and the
// user words' overlay; nothing else is loaded, ever.
func New(cfg Config) (*Segmenter, error) {
	d, err := checkDict(zhdict.Builtin())
	if err != nil {
		return nil, err
	}
	return newSegmenter(cfg, d, dict.Policy)
}

// newSegmenter builds a Segmenter over d; policy is the text of the
// policy words d should have been compiled with.
func newSegmenter(cfg Config, d *zhdict.Dict, policy string) (*Segmenter, error) {
	s := &Segmenter{cfg: cfg, d: d, charFix: !cfg.NoCharFix, noPolicy: cfg.NoPolicy}
	var entries []Entry
	for _, e := range cfg.User {
		e.Word = foldWord(cfg.Fold, e.Word)
		entries = append(entries, e)
	}
	if !cfg.NoPolicy && d.PolicyChecksum() != zhdict.Checksum(policy) {
		// dict/policy.txt changed since `go generate ./dict`: cut with
		// gse's words and the current policy words as an overlay (the same
		// words, a little slower; TestCompiledCurrent fails meanwhile)
		pol, err := ParseDict("dict/policy.txt (built in)", strings.NewReader(policy))
		if err != nil {
			return nil, err
		}
		entries = append(entries, pol...)
		s.noPolicy, s.stale = true, true
	}
	s.total = d.Total()
	if s.noPolicy {
		s.total = d.BaseTotal()
	}
	if len(entries) > 0 {
		s.ov = newOverlay(entries)
		// the total: the layer's, less the words the overlay replaces, plus
		// the overlay's, each in key order (whole numbers add exactly in
		// any order; fractional user frequencies in this one)
		for _, k := range s.ov.keys {
			if f, ok := s.layerFreq(k); ok {
				s.total -= f
			}
		}
		for _, k := range s.ov.keys {
			s.total += s.ov.nodes[s.ov.index[k]].freq
		}
	}
	logT := math.Log(s.total)
	s.unknown = math.Log(1.0) - logT
	freqs := d.Freqs()
	s.cost = make([]float64, len(freqs))
	for i, f := range freqs {
		s.cost[i] = math.Log(f) - logT
	}
	if s.ov != nil {
		for i := range s.ov.nodes {
			if n := &s.ov.nodes[i]; n.word {
				n.cost = math.Log(n.freq) - logT
			}
		}
	}
	s.hmm = newHMMModel(d)
	s.pool.New = func() any { return new(scratch) }
	return s, nil
}

func foldWord(fold func(string) (string, bool), w string) string {
	if fold == nil {
		return w
	}
	if f, ok := fold(w); ok && utf8.RuneCountInString(f) == utf8.RuneCountInString(w) {
		return f
	}
	return w
}

// Cut segments text. Whitespace is not emitted; in Precise mode every
// other character of text is covered by exactly one token, in order.
func (s *Segmenter) Cut(text string, opt Options) ([]Token, error) {
	if len(text) > MaxText {
		return nil, errTooLong
	}
	work := text
	if s.cfg.Fold != nil {
		if !utf8.ValidString(text) {
			return nil, errInvalid
		}
		if f, ok := s.cfg.Fold(text); ok && f != text {
			if !utf8.ValidString(f) || utf8.RuneCountInString(f) != utf8.RuneCountInString(text) {
				return nil, errors.New("segment: script folding changed the number of characters")
			}
			work = f
		}
	}
	sc := s.pool.Get().(*scratch)
	c := cutter{s: s, sc: sc, opt: opt, text: text, work: work, same: work == text, plain: s.cfg.Plain}
	c.out = make([]Token, 0, len(work)/5+4)
	ok := c.run()
	s.pool.Put(sc)
	if !ok {
		return nil, errInvalid
	}
	return c.out, nil
}

var errInvalid = errors.New("segment: text is not valid UTF-8")

// MaxText is the longest text Cut takes: token offsets are 32-bit (a
// token costs 40 bytes instead of 48). Commands read big inputs in parts
// far smaller than this.
const MaxText = math.MaxInt32

var errTooLong = errors.New("segment: text longer than 2 GiB; cut it in parts")

// span is a run of work cut by gse's algorithm (block) or a single other
// character (or a run of one dash or ellipsis).
type span struct {
	start, end int
	block      bool
}

// character classes of cutter.run
const (
	clOther = iota
	clSpace
	clBlock
)

// classOf is the class of r: whitespace, a block character, or other.
func classOf(r rune) uint8 {
	switch {
	case r < utf8.RuneSelf:
		switch {
		case isBlockRune(r):
			return clBlock
		case r == ' ' || r >= '\t' && r <= '\r':
			return clSpace
		}
		return clOther
	case r >= 0x4E00 && r <= 0x9FFF: // CJK Unified Ideographs, all Han
		return clBlock
	case isBlockRune(r):
		return clBlock
	case unicode.IsSpace(r):
		return clSpace
	}
	return clOther
}

// isRunPunct says whether a run of r is one punctuation mark (——, ……).
func isRunPunct(r rune) bool {
	switch r {
	case '—', '…', '─', '━', '⋯':
		return true
	}
	return false
}

// isBlockRune says whether r belongs in a block cut by gse's algorithm:
// Han characters and the ASCII letters, digits and joiners that dictionary
// words contain (4S店, Wi-Fi).
func isBlockRune(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return true
	case r == '.' || r == '_' || r == '+' || r == '#' || r == '&' || r == '%' || r == '-':
		return true
	case r < 0x2E80:
		return false
	}
	return isHan(r)
}

// isHan is unicode.Is(unicode.Han, r) (gse's HMM's \p{Han}), faster for
// the common characters.
func isHan(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	if r < 0x2E80 {
		return false
	}
	return unicode.Is(unicode.Han, r)
}

// lower is unicode.ToLower (what strings.ToLower does to each rune, and so
// what gse does to text), without a table search for the characters that
// have no case (TestLower checks every rune).
func lower(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	case r >= 0x2E80 && r < 0xA640, r >= 0xAC00 && r < 0xD800, r >= 0x20000:
		return r
	}
	return unicode.ToLower(r)
}

// guessPOS tags words that are not in the dictionary by their characters.
func guessPOS(w string) string {
	digits, latin, han, punct := 0, 0, 0, 0
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9' || r == '.' || r == '%':
			digits++
		case r < 0x80 && unicode.IsLetter(r):
			latin++
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			punct++
		}
	}
	switch {
	case han > 0:
		return "x"
	case latin > 0:
		return "eng"
	case digits > 0:
		return "m"
	case punct > 0:
		return "w"
	}
	return "x"
}
