// Package segment cuts Chinese text into words with gse, behind a small API:
// Token{Text, Start, End, POS} with byte offsets into the text given.
//
// gse is wrapped so that its weaknesses do not reach the user: its global
// lower-casing is undone by mapping tokens back to the original text by
// rune position; punctuation, spaces and other characters are split off
// before gse sees the text; text in another script can be folded (Config.
// Fold) rune by rune, cut, and mapped back; gse's HMM model is loaded once
// per process, never concurrently, and only when HMM is asked for; gse
// never logs (its dictionary loaders are not used).
//
// Start-up: gse's own loading of its 352k-word dictionary takes about a
// second. A Segmenter instead opens a precomputed index over gse's
// embedded word list (dict/gse_zh_s.idx, `go generate ./dict`) and, for a
// small text, loads into gse only the entries that text can reach (a
// millisecond for a page); for big inputs it loads the whole dictionary
// once and shares it. Both give exactly the cuts of the full dictionary
// (see dictdef.go and the identity tests).
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

// Strategy chooses how the dictionary is brought into gse.
type Strategy int

const (
	// Auto cuts with per-text subsets until the bytes cut (or
	// Config.SizeHint) reach FullThreshold, then loads the full dictionary
	// once and shares it.
	Auto Strategy = iota
	// Subset loads, for every Cut, only the entries its text can reach.
	Subset
	// Full loads the whole dictionary on the first Cut and shares it.
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
// dictionary. Per-text subsets cut about 2.4 MB per CPU-second and need
// about 30 MB; the full dictionary costs 0.35 s of CPU and 200 MB once,
// then cuts about 4 MB per CPU-second: the totals cross near 2 MB
// (bench/RESULTS.md, "Start-up and throughput").
const FullThreshold = 2 << 20

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
	cut       atomic.Int64 // bytes cut with subsets (Auto)
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
	base, stale, err := openBase()
	if err != nil {
		return nil, fmt.Errorf("segment: opening the dictionary index: %w", err)
	}
	def := newDictDef(base, overlay, !cfg.NoCharFix)
	def.stale = stale
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

// gseFor returns the gse Segmenter to cut work with.
func (s *Segmenter) gseFor(work string, spans []span) (*gse.Segmenter, error) {
	if g := s.full.Load(); g != nil {
		return g, nil
	}
	switch s.cfg.Strategy {
	case Full:
		return s.loadFull()
	case Subset:
		return s.subsetFor(work, spans)
	}
	if s.cfg.SizeHint >= s.threshold {
		return s.loadFull()
	}
	// The caller that crosses the threshold loads the full dictionary;
	// the others go on with subsets until it is there.
	if s.cut.Add(int64(len(work))) >= s.threshold && s.building.CompareAndSwap(false, true) {
		return s.loadFull()
	}
	return s.subsetFor(work, spans)
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
	spans := splitSpans(work)
	if len(spans) == 0 {
		return []Token{}, nil
	}
	if opt.HMM {
		loadHMM()
	}
	g, err := s.gseFor(work, spans)
	if err != nil {
		return nil, err
	}
	c := cutter{g: g, opt: opt, text: text, work: work, same: work == text}
	c.out = make([]Token, 0, len(work)/5+4)
	for _, sp := range spans {
		c.seek(sp.start)
		if !sp.block {
			_, n := utf8.DecodeRuneInString(text[c.t:])
			c.emit(c.t, c.t+n, strings.ToLower(work[sp.start:sp.end]))
			continue
		}
		c.block(sp)
	}
	return c.out, nil
}

// span is a run of work handed to gse (block) or a single other character.
type span struct {
	start, end int
	block      bool
}

// splitSpans splits text into blocks for gse and single other characters;
// whitespace is skipped.
func splitSpans(text string) []span {
	spans := make([]span, 0, len(text)/8+1)
	i := 0
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
			spans = append(spans, span{i, j, true})
			i = j
		default:
			spans = append(spans, span{i, i + n, false})
			i += n
		}
	}
	return spans
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
