package script

import (
	"strings"
	"sync"
	"unicode/utf8"

	"zhpolicy/dict/hanzi"
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
	// variant maps old variants that the chain leaves as they are and that
	// no Simplified list knows (擡) to the form Taiwan and Hong Kong write,
	// when that one is known (抬); hasVariant marks their BMP runes.
	variant    map[rune]rune
	hasVariant bitmap
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
		fold.variant = map[rune]rune{}
		for _, name := range []string{"TWVariants", "HKVariants"} {
			t, err := loadTable(name)
			if err != nil {
				continue
			}
			walkSingles(t, func(k, v rune) {
				if k < 0x10000 && !hanzi.Known(k) && hanzi.Known(v) && c.Convert(string(k)) == string(k) {
					if _, dup := fold.variant[k]; !dup {
						fold.variant[k] = v
						fold.hasVariant.set(k)
					}
				}
			})
		}
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
// A character is only ever folded onto a character that the Simplified
// tools know: one of the 通用规范汉字表 (2013) or a word of gse's dictionary
// (dict/hanzi). Where OpenCC's chain would give anything else, the
// character is kept as written: the variant tables map the standard 抬 to
// the old form 擡 that OpenCC 1.1.6's t2s no longer maps back, and rare
// Traditional characters map to equally rare class-simplified ones, which
// no dictionary holds either. An old variant that the chain leaves alone
// and no list knows becomes the form Taiwan and Hong Kong write when that
// one is known (擡 → 抬, from OpenCC's TWVariants and HKVariants).
//
// Text that is already Simplified is returned as it is, without allocating.
func FoldToSimplified(text string) (folded string, ok bool) {
	c, ok := folder()
	if !ok {
		return text, false
	}
	f := c.Convert(text)
	if f == text && !hasOldVariant(text) {
		return text, true
	}
	return foldOntoKnown(text, f), true
}

// hasOldVariant reports whether text holds a rune of fold.variant.
func hasOldVariant(text string) bool {
	for i := 0; i < len(text); {
		if text[i] < 0xE3 { // below U+3000
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if r < 0x10000 && fold.hasVariant.has(r) {
			return true
		}
		i += n
	}
	return false
}

// foldOntoKnown corrects the chain's result folded of text (the same number
// of runes): a rune the chain changed into one that no Simplified list
// knows is put back as text has it, and an old variant the chain left
// alone becomes its known form.
func foldOntoKnown(text, folded string) string {
	var b []byte
	i, j := 0, 0 // byte positions in text and folded
	for i < len(text) && j < len(folded) {
		r, n := utf8.DecodeRuneInString(text[i:])
		f, m := utf8.DecodeRuneInString(folded[j:])
		want := f
		switch {
		case r != f && hanzi.Known(f):
		case r < 0x10000 && fold.hasVariant.has(r):
			want = fold.variant[r]
		default:
			want = r
		}
		if want != f && b == nil {
			b = make([]byte, 0, len(folded)+8)
			b = append(b, folded[:j]...)
		}
		if b != nil {
			b = utf8.AppendRune(b, want)
		}
		i += n
		j += m
	}
	if b == nil {
		return folded
	}
	b = append(b, folded[j:]...)
	return string(b)
}

// walkSingles calls f with every one-character key of t and the first
// character of its value, when that is one character too.
func walkSingles(t *table, f func(k, v rune)) {
	root := &t.nodes[0]
	for j := root.childStart; j < root.childStart+root.childCount; j++ {
		nd := &t.nodes[j+1]
		if nd.valOff == noValue {
			continue
		}
		val := t.blob[nd.valOff : nd.valOff+nd.valLen]
		v, size := utf8.DecodeRuneInString(val)
		if size == len(val) {
			f(t.edges[j], v)
		}
	}
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
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start + 1 // the line end belongs to the line
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
		if c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(line) && line[i+1]&0xC0 == 0x80 && line[i+2]&0xC0 == 0x80 {
			// a three-byte sequence, decoded inline as in Detect; a
			// character of the table's range classed from it directly
			r := rune(c&0x0F)<<12 | rune(line[i+1]&0x3F)<<6 | rune(line[i+2]&0x3F)
			i += 3
			var cls byte
			if r >= 0x3400 && r < 0xA000 {
				k := int(r - 0x3400)
				cls = (classPacked[k/4] >> (2 * (k % 4))) & 3
			} else {
				cls = classOf(r)
			}
			switch cls {
			case 1:
				s++
			case 2:
				t++
			}
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
