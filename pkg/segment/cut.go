package segment

import (
	"strings"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// cutter cuts the spans of one text with one gse Segmenter and maps gse's
// words (lower-cased, in the folded script) back to the text by rune
// position: lower-casing and folding keep the number of runes, not always
// the number of bytes.
type cutter struct {
	g    *gse.Segmenter
	opt  Options
	text string // as given; tokens point here
	work string // folded (== text when not folded)
	same bool   // work == text
	w, t int    // cursor: the same rune position in work and in text
	out  []Token

	// per block: byte offset of each rune (and one past the end) in the
	// lower-cased block and in text
	offL, offT []int
}

// seek moves the cursor to byte w of work (forward only).
func (c *cutter) seek(w int) {
	if c.same {
		c.w, c.t = w, w
		return
	}
	for c.w < w {
		_, a := utf8.DecodeRuneInString(c.work[c.w:])
		_, b := utf8.DecodeRuneInString(c.text[c.t:])
		c.w += a
		c.t += b
	}
}

func (c *cutter) emit(start, end int, lowered string) {
	tok := Token{Text: c.text[start:end], Start: start, End: end}
	if c.opt.POS {
		tok.POS = posOf(c.g, lowered, tok.Text)
	}
	c.out = append(c.out, tok)
}

// posOf is the dictionary's part of speech of a word (looked up as gse
// sees it: lower-cased, folded), or one guessed from its characters.
func posOf(g *gse.Segmenter, lowered, original string) string {
	if _, p, ok := g.Find(lowered); ok && p != "" {
		return p
	}
	return guessPOS(original)
}

// block cuts one block of work and emits its tokens.
func (c *cutter) block(sp span) {
	bw := c.work[sp.start:sp.end]
	lb := strings.ToLower(bw) // what gse cuts (it lower-cases the same way)
	// rune offsets of the block in lb and in text
	c.offL = c.offL[:0]
	c.offT = c.offT[:0]
	t := c.t
	for i := 0; i < len(lb); {
		_, n := utf8.DecodeRuneInString(lb[i:])
		c.offL = append(c.offL, i)
		c.offT = append(c.offT, t)
		_, m := utf8.DecodeRuneInString(c.text[t:])
		i += n
		t += m
	}
	c.offL = append(c.offL, len(lb))
	c.offT = append(c.offT, t)
	nr := len(c.offL) - 1

	switch c.opt.Mode {
	case All:
		c.cutAll(lb, nr)
	case Search:
		c.cutSearch(bw, lb, nr)
	default:
		words := c.g.Cut(bw, c.opt.HMM)
		if !c.partition(words, nr) {
			c.emit(c.offT[0], c.offT[nr], lb)
			break
		}
		r := 0
		for _, w := range words {
			m := utf8.RuneCountInString(w)
			c.emit(c.offT[r], c.offT[r+m], w)
			r += m
		}
	}
	c.w, c.t = sp.end, t
	if c.same {
		c.t = c.w
	}
}

// partition says whether words cover the block's nr runes exactly, as gse's
// precise cut does; if they did not (a gse change), the block is kept whole
// rather than given wrong offsets.
func (c *cutter) partition(words []string, nr int) bool {
	r := 0
	for _, w := range words {
		if w == "" {
			return false
		}
		r += utf8.RuneCountInString(w)
	}
	return r == nr
}

// cutSearch is gse's search mode (cutForSearch) with positions: every word
// of the precise cut, preceded by the dictionary words of two and then
// three characters inside it.
func (c *cutter) cutSearch(bw, lb string, nr int) {
	words := c.g.Cut(bw, c.opt.HMM)
	if !c.partition(words, nr) {
		c.emit(c.offT[0], c.offT[nr], lb)
		return
	}
	r := 0
	for _, w := range words {
		m := utf8.RuneCountInString(w)
		for _, incr := range [2]int{2, 3} {
			if m <= incr {
				continue
			}
			for i := r; i+incr <= r+m; i++ {
				gram := lb[c.offL[i]:c.offL[i+incr]]
				if f, _, ok := c.g.Find(gram); ok && f > 0 {
					c.emit(c.offT[i], c.offT[i+incr], gram)
				}
			}
		}
		c.emit(c.offT[r], c.offT[r+m], w)
		r += m
	}
}

// cutAll is gse's full mode (cutAll over getDag) with positions: at every
// rune, every dictionary word starting there; a single character only
// where no longer word already covers it.
func (c *cutter) cutAll(lb string, nr int) {
	start := -1
	var ends []int
	for k := 0; k < nr; k++ {
		// the DAG at k: the ends of the words starting at k, as getDag
		// finds them (walking while Find reports a word or prefix)
		ends = ends[:0]
		for i := k; i < nr; i++ {
			f, _, ok := c.g.Find(lb[c.offL[k]:c.offL[i+1]])
			if !ok {
				break
			}
			if f > 0 {
				ends = append(ends, i)
			}
		}
		if len(ends) == 0 {
			ends = append(ends, k)
		}
		if len(ends) == 1 && k > start {
			c.emit(c.offT[k], c.offT[ends[0]+1], lb[c.offL[k]:c.offL[ends[0]+1]])
			start = ends[0]
			continue
		}
		for _, j := range ends {
			if j > k {
				c.emit(c.offT[k], c.offT[j+1], lb[c.offL[k]:c.offL[j+1]])
				start = j
			}
		}
	}
}
