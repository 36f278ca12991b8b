package script

import "sync"

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

// FoldIfTraditional is FoldToSimplified for text that Detect finds
// Traditional or mixed; Simplified (and script-less) text is returned as it
// is, with ok false: OpenCC's Traditional-to-Simplified tables also change
// some correct Simplified characters (什么 → 什幺, 显著 → 显着). It is the
// folding the segmenter and the analyzers use.
func FoldIfTraditional(text string) (folded string, ok bool) {
	switch Detect(text).Kind {
	case Traditional, Mixed:
		return FoldToSimplified(text)
	}
	return text, false
}
