package script

import (
	"sync"
	"unicode/utf8"
)

// foldIndex is the index of the "fold" configuration in configSpecs.
func foldIndex() int {
	for i := range configSpecs {
		if configSpecs[i].name == "fold" {
			return i
		}
	}
	return -1
}

type foldState struct {
	once sync.Once
	c    *Converter
	// oneToOne: every entry of every dictionary of the fold chain maps a key
	// to a value of the same number of runes.
	oneToOne bool
}

var fold foldState

func folder() (*Converter, bool) {
	fold.once.Do(func() {
		c, err := converter(foldIndex())
		if err != nil {
			return
		}
		ok := true
		check := func(t *table) {
			t.walk(func(keyRunes int, val string) {
				if runeCount(val) != keyRunes {
					ok = false
				}
			})
		}
		check(c.seg)
		for _, st := range c.stages {
			for _, t := range st.dicts {
				check(t)
			}
		}
		fold.c, fold.oneToOne = c, ok
	})
	return fold.c, fold.c != nil && fold.oneToOne
}

func runeCount(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

// FoldToSimplified converts Traditional characters (OpenCC standard, Taiwan
// and Hong Kong variants) to Simplified, keeping the number of runes: the
// i-th rune of folded corresponds to the i-th rune of text. It applies the
// Hong Kong and Taiwan variant folds, then OpenCC's t2s phrases and
// characters. ok is false, and folded is text unchanged, when that
// correspondence cannot be guaranteed; the caller should then fall back to
// the original text.
//
// Text that is already Simplified is returned as it is, without allocating.
func FoldToSimplified(text string) (folded string, ok bool) {
	c, ok := folder()
	if !ok {
		return text, false
	}
	return c.Convert(text), true
}

// FoldIfTraditional is FoldToSimplified applied to the lines of text that
// Detect would find Traditional or Mixed (Traditional-only characters are
// the majority, or at least MixedMinority, of the script-specific ones),
// the other lines kept as they are, since OpenCC's Traditional-to-Simplified tables also change
// some correct Simplified characters (什么 → 什幺, 显著 → 显着). A line with
// no script-specific character is kept: its characters are written the same
// in both scripts.
//
// The decision is made line by line, never for the text as a whole, so a
// document that mixes Simplified and Traditional passages is folded where
// it is Traditional, and the result for a line never depends on the text
// around it: cutting a big input into line-bounded parts gives the same
// folding as the whole. ok is false, and folded is text, when nothing was
// folded. It is the folding the segmenter and the analyzers use.
func FoldIfTraditional(text string) (folded string, ok bool) {
	var b []byte
	done := 0 // text[:done] is in b (when b is not nil)
	for start := 0; start < len(text); {
		end := start
		for end < len(text) && text[end] != '\n' {
			end++
		}
		if end < len(text) {
			end++ // the line end belongs to the line
		}
		line := text[start:end]
		if lineIsTraditional(line) {
			f, ok := FoldToSimplified(line)
			if !ok {
				return text, false
			}
			if f != line {
				if b == nil {
					b = make([]byte, 0, len(text))
				}
				b = append(b, text[done:start]...)
				b = append(b, f...)
				done = end
			}
		}
		start = end
	}
	if b == nil {
		return text, false
	}
	b = append(b, text[done:]...)
	return string(b), true
}

// lineIsTraditional says whether Detect(line).Kind is Traditional or Mixed.
func lineIsTraditional(line string) bool {
	s, t := 0, 0
	for i := 0; i < len(line); {
		c := line[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		i += size
		switch classOf(r) {
		case 1:
			s++
		case 2:
			t++
		}
	}
	return t > 0 && (t > s || float64(t) >= MixedMinority*float64(s+t))
}
