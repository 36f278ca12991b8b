// Package segment cuts Chinese text into words as gse does, behind a small
// API: Token{Text, Start, End, POS} with byte offsets into the text given.
//
// gse is wrapped so that its weaknesses do not reach the user: its global
// lower-casing is undone by mapping tokens back to the original text by
// rune position; punctuation, spaces and other characters are split off
// before gse's algorithm sees the text; text in another script can be
// folded (Config.Fold) rune by rune, cut, and mapped back; gse's HMM model
// is loaded once per process, never concurrently, and only when HMM is
// asked for; gse never logs (its dictionary loaders are not used).
//
// Start-up and speed: gse's own loading of its 352k-word dictionary takes
// about a second and 200 MB, and its Cut builds maps at every call. A
// Segmenter opens a precomputed index over gse's embedded word list
// (dict/gse_zh_s.idx, `go generate ./dict`; a millisecond) and builds
// gse's DAG of each text by walking it, nothing loaded; for big inputs it
// loads the dictionary into gse once and reads the DAG from there. Route
// scoring and word assembly are gse's, redone in slices (cut.go): the same
// words, bit for bit, at 2–4 times gse's speed. The identity tests prove
// the chain: index walk = full load (every DAG edge), cutter = gse's own
// Cut/CutSearch/CutAll, full load without the project's additions = gse's
// LoadDictEmbed("zh_s").
package segment

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"

	"zhpolicy/dict"
)

// Strategy chooses where the dictionary look-ups of a cut come from.
type Strategy int

const (
	// Auto walks the index until the bytes cut (or Config.SizeHint) reach
	// FullThreshold, then loads the full dictionary once and shares it.
	Auto Strategy = iota
	// Subset walks the index for every text: only the entries the text
	// reaches are read; nothing is loaded.
	Subset
	// Full loads the whole dictionary into gse on the first Cut and shares
	// it.
	Full
)

func (s Strategy) String() string {
	switch s {
	case Subset:
		return "subset"
	case Full:
		return "full"
	}
	return "auto"
}

// FullThreshold is the input size from which Auto loads the full
// dictionary. Walking the index cuts about 11 MB per CPU-second with no
// memory to speak of; the full dictionary costs 0.4–0.6 s of CPU and
// 200 MB once, then cuts about 20–25 MB per CPU-second: the totals cross
// near 16 MB (bench/RESULTS.md, "Start-up and throughput").
const FullThreshold = 16 << 20

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
	// Strategy forces how the dictionary is loaded; Auto by default.
	Strategy Strategy
	// SizeHint is the total number of bytes the caller expects to cut
	// (0: unknown). With Auto, a hint of FullThreshold or more loads the
	// full dictionary from the first Cut.
	SizeHint int64
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
	def *dictDef

	threshold int64        // FullThreshold (tests lower it)
	cut       atomic.Int64 // bytes cut walking the index (Auto)
	building  atomic.Bool
	fullOnce  sync.Once
	full      atomic.Pointer[gse.Segmenter]
	fullErr   error
}

// New returns a Segmenter. It costs about a millisecond (a checksum of
// gse's word list, to check the index was made for it); dictionaries are
// loaded by Cut.
func New(cfg Config) (*Segmenter, error) {
	overlay := make([]Entry, 0, len(cfg.User)+16)
	for _, e := range cfg.User {
		e.Word = foldWord(cfg.Fold, e.Word)
		overlay = append(overlay, e)
	}
	if !cfg.NoPolicy {
		pol, err := ParseDict("dict/policy.txt (built in)", strings.NewReader(dict.Policy))
		if err != nil {
			return nil, err
		}
		overlay = append(overlay, pol...)
	}
	base, _, err := openBase()
	if err != nil {
		return nil, fmt.Errorf("segment: opening the dictionary index: %w", err)
	}
	def := newDictDef(base, overlay, !cfg.NoCharFix)
	return &Segmenter{cfg: cfg, def: def, threshold: FullThreshold}, nil
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

var hmmOnce sync.Once

// loadHMM loads gse's process-wide HMM model exactly once: gse writes a
// global map when it loads the model, which races if two segmenters do it
// at the same time.
func loadHMM() {
	hmmOnce.Do(func() {
		var g gse.Segmenter
		g.LoadModel()
	})
}

// lexiconFor returns the lexicon to cut work with.
func (s *Segmenter) lexiconFor(work string) (lexicon, error) {
	if g := s.full.Load(); g != nil {
		return gseLexicon{g}, nil
	}
	full := false
	switch s.cfg.Strategy {
	case Full:
		full = true
	case Auto:
		// The first caller past the threshold (or the first, given a big
		// SizeHint) loads the full dictionary; the others go on walking
		// the index until it is there, so that -j workers never wait.
		big := s.cfg.SizeHint >= s.threshold || s.cut.Add(int64(len(work))) >= s.threshold
		full = big && s.building.CompareAndSwap(false, true)
	}
	if !full {
		return indexLexicon{s.def}, nil
	}
	g, err := s.loadFull()
	if err != nil {
		if s.cfg.Strategy == Auto {
			return indexLexicon{s.def}, nil // the same cuts, slower
		}
		return nil, err
	}
	return gseLexicon{g}, nil
}

func (s *Segmenter) loadFull() (*gse.Segmenter, error) {
	s.fullOnce.Do(func() {
		g, err := s.def.buildFull()
		if err != nil {
			s.fullErr = fmt.Errorf("loading the segmentation dictionary: %w", err)
			return
		}
		s.full.Store(g)
	})
	if g := s.full.Load(); g != nil {
		return g, nil
	}
	return nil, s.fullErr
}

// Cut segments text. Whitespace is not emitted; in Precise mode every
// other character of text is covered by exactly one token, in order.
func (s *Segmenter) Cut(text string, opt Options) ([]Token, error) {
	if !utf8.ValidString(text) {
		return nil, errors.New("segment: text is not valid UTF-8")
	}
	work := text
	if s.cfg.Fold != nil {
		if f, ok := s.cfg.Fold(text); ok && f != text {
			if !utf8.ValidString(f) || utf8.RuneCountInString(f) != utf8.RuneCountInString(text) {
				return nil, errors.New("segment: script folding changed the number of characters")
			}
			work = f
		}
	}
	if !s.cfg.Plain {
		work = foldWidth(work) // full-width letters, digits and signs join words and numbers
	}
	if opt.HMM {
		loadHMM()
	}
	lex, err := s.lexiconFor(work)
	if err != nil {
		return nil, err
	}
	c := cutter{lex: lex, logT: s.def.logTotal, opt: opt, text: text, work: work, same: work == text, plain: s.cfg.Plain}
	c.out = make([]Token, 0, len(work)/5+4)
	for sp, ok := nextSpan(work, 0, s.cfg.Plain); ok; sp, ok = nextSpan(work, sp.end, s.cfg.Plain) {
		c.seek(sp.start)
		if sp.block {
			c.block(sp)
		} else {
			c.single(sp)
		}
	}
	return c.out, nil
}

// span is a run of work handed to gse's algorithm (block) or a single
// other character.
type span struct {
	start, end int
	block      bool
}

// nextSpan returns the first span of text at or after byte i; whitespace
// is skipped. Unless plain, a run of one dash or ellipsis character is one
// span.
func nextSpan(text string, i int, plain bool) (span, bool) {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case isBlockRune(r):
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !isBlockRune(r2) {
					break
				}
				j += n2
			}
			return span{i, j, true}, true
		case !plain && isRunPunct(r):
			// a dash or an ellipsis is written as a run of one character
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if r2 != r {
					break
				}
				j += n2
			}
			return span{i, j, false}, true
		default:
			return span{i, i + n, false}, true
		}
	}
	return span{}, false
}

// isRunPunct says whether a run of r is one punctuation mark (——, ……).
func isRunPunct(r rune) bool {
	switch r {
	case '—', '…', '─', '━', '⋯':
		return true
	}
	return false
}

// foldWidth maps the full-width forms of ASCII (U+FF01–FF5E: ＡＢＣ, ０１２,
// ．，％) to ASCII, rune for rune, so that full-width digits and letters
// are cut as the dictionary's ASCII ones; tokens keep the text as given.
// It returns s itself when there is nothing to fold.
func foldWidth(s string) string {
	if !hasFullWidth(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= 0xFF01 && r <= 0xFF5E {
			return r - 0xFF01 + 0x21
		}
		return r
	}, s)
}

// hasFullWidth reports whether s holds a rune of U+FF01–FF5E (UTF-8
// EF BC 81 – EF BD 9E).
func hasFullWidth(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if s[i] == 0xEF && (s[i+1] == 0xBC && s[i+2] >= 0x81 || s[i+1] == 0xBD && s[i+2] <= 0x9E) {
			return true
		}
	}
	return false
}

// isBlockRune says whether r belongs in a block handed to gse: Han
// characters and the ASCII letters, digits and joiners that dictionary words
// contain (4S店, Wi-Fi).
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
