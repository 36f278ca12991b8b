package segment

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// cutter cuts the spans of one text: for each block it builds gse's DAG
// from a lexicon, finds gse's best route, and assembles the words as gse's
// cuts do (cutDAGNoHMM, cutDAG, cutForSearch, cutAll), with positions.
// TestCutsAreGse checks every mode against gse's own functions. Words are
// mapped back to the text by rune position: lower-casing and folding keep
// the number of runes, not always the number of bytes.
//
// Doing gse's arithmetic here rather than calling gse's Cut avoids its
// per-call maps (map[int][]int, map[int]route): the same results, about
// twice as fast, and no dictionary has to be loaded into gse for a small
// text.
type cutter struct {
	lex   lexicon
	logT  float64 // log of the dictionary's total frequency
	opt   Options
	text  string // as given; tokens point here
	work  string // folded (== text when not folded)
	same  bool   // work == text
	plain bool   // Config.Plain: no number tokens
	w, t  int    // cursor: the same rune position in work and in text
	out   []Token

	// per block: byte offset of each rune (and one past the end) in the
	// lower-cased block and in text; the DAG (edges of rune k:
	// edges[estart[k]:estart[k+1]]); the best route (gse's calc)
	lb         string
	offL, offT []int
	edges      []edge
	estart     []int
	routeF     []float64
	routeI     []int32
	words      [][2]int // precise words as rune ranges
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

// emitRunes emits runes [a, b) of the current block.
func (c *cutter) emitRunes(a, b int) {
	start, end := c.offT[a], c.offT[b]
	tok := Token{Text: c.text[start:end], Start: start, End: end}
	if c.opt.POS {
		if e := c.wordEdge(a, b); e != nil {
			tok.POS = c.lex.pos(*e, c.lb[c.offL[a]:c.offL[b]])
		}
		if tok.POS == "" {
			tok.POS = guessPOS(tok.Text)
		}
	}
	c.out = append(c.out, tok)
}

// wordEdge is the edge of the dictionary word runes [a, b), if it is one.
func (c *cutter) wordEdge(a, b int) *edge {
	for i := c.estart[a]; i < c.estart[a+1]; i++ {
		if e := &c.edges[i]; e.word && int(e.end) == b-1 {
			return e
		}
	}
	return nil
}

// single emits a character that is not handed to gse (punctuation,
// symbols, other scripts), with the dictionary's part of speech if it is a
// word.
func (c *cutter) single(sp span) {
	c.prepare(c.work[sp.start:sp.end])
	nr := len(c.offL) - 1 // one character, or a run of one dash or ellipsis
	c.emitRunes(0, nr)
	c.w, c.t = sp.end, c.offT[nr]
}

// prepare computes the rune offsets and the DAG of a block.
func (c *cutter) prepare(bw string) {
	c.lb = strings.ToLower(bw) // what gse cuts (it lower-cases the same way)
	c.offL = c.offL[:0]
	c.offT = c.offT[:0]
	t := c.t
	for i := 0; i < len(c.lb); {
		_, n := utf8.DecodeRuneInString(c.lb[i:])
		c.offL = append(c.offL, i)
		c.offT = append(c.offT, t)
		_, m := utf8.DecodeRuneInString(c.text[t:])
		i += n
		t += m
	}
	c.offL = append(c.offL, len(c.lb))
	c.offT = append(c.offT, t)
	nr := len(c.offL) - 1
	c.edges = c.edges[:0]
	c.estart = c.estart[:0]
	for k := 0; k < nr; k++ {
		c.estart = append(c.estart, len(c.edges))
		c.edges = c.lex.edges(c.lb, c.offL, k, c.edges)
	}
	c.estart = append(c.estart, len(c.edges))
}

// block cuts one block of work and emits its tokens. Decimal numbers and
// percentages (5.2, 5.2%, 30%, ５．２％ once folded) are tokens of their
// own: gse would cut them at every point and sign.
func (c *cutter) block(sp span) {
	if c.plain {
		c.cutBlock(sp)
		return
	}
	b := c.work[sp.start:sp.end]
	pos := 0
	for pos < len(b) {
		ns, ne, ok := nextNumber(b, pos)
		if !ok {
			break
		}
		if ns > pos {
			c.seek(sp.start + pos)
			c.cutBlock(span{sp.start + pos, sp.start + ns, true})
		}
		c.seek(sp.start + ns)
		c.single(span{sp.start + ns, sp.start + ne, false})
		pos = ne
	}
	if pos < len(b) {
		c.seek(sp.start + pos)
		c.cutBlock(span{sp.start + pos, sp.end, true})
	}
}

// nextNumber finds, from byte i of block b, the next number to keep whole:
// digits not preceded by a digit, letter or point, with a decimal part or a
// per cent sign after them, not followed by a letter. Integers
// alone are left to gse (its dictionary has words such as 3D, 4S店).
func nextNumber(b string, i int) (start, end int, ok bool) {
	isDigit := func(k int) bool { return k < len(b) && b[k] >= '0' && b[k] <= '9' }
	isLetter := func(k int) bool {
		return k >= 0 && k < len(b) && (b[k] >= 'a' && b[k] <= 'z' || b[k] >= 'A' && b[k] <= 'Z')
	}
	for ; i < len(b); i++ {
		if !isDigit(i) || i > 0 && (isDigit(i-1) || isLetter(i-1) || b[i-1] == '.') {
			continue
		}
		j := i
		for isDigit(j) {
			j++
		}
		k := j
		for k+1 < len(b) && b[k] == '.' && isDigit(k+1) {
			for k++; isDigit(k); k++ {
			}
		}
		if k < len(b) && b[k] == '%' {
			k++
		}
		if k > j && !isLetter(k) {
			return i, k, true
		}
		i = j - 1
	}
	return 0, 0, false
}

// cutBlock cuts a block with gse's algorithm.
func (c *cutter) cutBlock(sp span) {
	c.prepare(c.work[sp.start:sp.end])
	nr := len(c.offL) - 1
	switch c.opt.Mode {
	case All:
		c.cutAll(nr)
	case Search:
		c.precise(nr)
		c.search()
	default:
		c.precise(nr)
		for _, w := range c.words {
			c.emitRunes(w[0], w[1])
		}
	}
	c.w, c.t = sp.end, c.offT[nr]
}

// route is gse's calc: from the end, at each rune the edge maximising
// log(freq) - log(total) + the route after it; of equal scores the longer
// word wins. Same operations in the same order as gse, so the same floats.
func (c *cutter) route(nr int) {
	c.routeF = append(c.routeF[:0], make([]float64, nr+1)...)
	c.routeI = append(c.routeI[:0], make([]int32, nr+1)...)
	for idx := nr - 1; idx >= 0; idx-- {
		first := true
		for _, e := range c.edges[c.estart[idx]:c.estart[idx+1]] {
			f := math.Log(e.freq) - c.logT + c.routeF[e.end+1]
			if first || c.routeF[idx] < f || c.routeF[idx] == f && c.routeI[idx] < e.end {
				c.routeF[idx], c.routeI[idx] = f, e.end
				first = false
			}
		}
	}
}

// precise fills c.words with gse's precise cut of the block: cutDAGNoHMM
// (single ASCII letters and digits joined into one word) or, with HMM,
// cutDAG (runs of single characters that are not a word given to gse's
// HMM).
func (c *cutter) precise(nr int) {
	c.route(nr)
	c.words = c.words[:0]
	buf := -1 // start of the pending run of single runes
	for x := 0; x < nr; {
		y := int(c.routeI[x]) + 1
		single := y-x == 1
		if single && (c.opt.HMM || isASCIIAlnum(c.lb[c.offL[x]:c.offL[y]])) {
			if buf < 0 {
				buf = x
			}
			x = y
			continue
		}
		c.flush(buf, x)
		buf = -1
		c.words = append(c.words, [2]int{x, y})
		x = y
	}
	c.flush(buf, nr)
}

// flush adds the pending run [a, b) of single runes.
func (c *cutter) flush(a, b int) {
	switch {
	case a < 0:
	case !c.opt.HMM || b-a == 1:
		c.words = append(c.words, [2]int{a, b})
	case c.wordEdge(a, b) != nil:
		// gse's hmm(): a run that is a dictionary word is given back one
		// character at a time
		for i := a; i < b; i++ {
			c.words = append(c.words, [2]int{i, i + 1})
		}
	default:
		// gse's Viterbi copies its paths at every step (quadratic): a run
		// longer than maxHMMRun (which text never has; a file of rare
		// characters could) goes to it in pieces, the only place where the
		// words can differ from gse's.
		for ; a < b; a += maxHMMRun {
			c.hmmRun(a, min(b, a+maxHMMRun))
		}
	}
}

const maxHMMRun = 2048

// hmmRun adds gse's HMM cut of the run [a, b).
func (c *cutter) hmmRun(a, b int) {
	r := a
	for _, w := range hmmCut(c.lb[c.offL[a]:c.offL[b]]) {
		n := utf8.RuneCountInString(w)
		if w == "" || r+n > b {
			break
		}
		c.words = append(c.words, [2]int{r, r + n})
		r += n
	}
	if r < b { // gse's HMM did not cover the run: keep the rest whole
		c.words = append(c.words, [2]int{r, b})
	}
}

// hmmCut is gse's HMM cut (process-wide model, loaded by loadHMM).
func hmmCut(s string) []string {
	var g gse.Segmenter
	return g.HMMCut(s)
}

// isASCIIAlnum matches gse's reEng ([[:alnum:]]) on one rune.
func isASCIIAlnum(r string) bool {
	if len(r) != 1 {
		return false
	}
	b := r[0]
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// search is gse's cutForSearch: every precise word, preceded by the
// dictionary words of two and then three characters inside it.
func (c *cutter) search() {
	for _, w := range c.words {
		a, b := w[0], w[1]
		for _, incr := range [2]int{2, 3} {
			if b-a <= incr {
				continue
			}
			for i := a; i+incr <= b; i++ {
				if c.wordEdge(i, i+incr) != nil {
					c.emitRunes(i, i+incr)
				}
			}
		}
		c.emitRunes(a, b)
	}
}

// cutAll is gse's cutAll: at every rune, every dictionary word starting
// there; a single character only where no longer word already covers it.
func (c *cutter) cutAll(nr int) {
	start := -1
	for k := 0; k < nr; k++ {
		es := c.edges[c.estart[k]:c.estart[k+1]]
		if len(es) == 1 && k > start {
			c.emitRunes(k, int(es[0].end)+1)
			start = int(es[0].end)
			continue
		}
		for _, e := range es {
			if j := int(e.end); j > k {
				c.emitRunes(k, j+1)
				start = j
			}
		}
	}
}
