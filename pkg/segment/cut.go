package segment

import (
	"unicode/utf8"

	"zhpolicy/internal/zhdict"
)

// cutter cuts the spans of one text: for each block it finds gse's best
// route over the DAG of the definition (walking the compiled trie from each
// rune, right to left, so that no DAG is stored), and assembles the words as
// gse's cuts do (cutDAGNoHMM, cutDAG, cutForSearch, cutAll), with positions.
// Words are mapped back to the text by rune position: lower-casing and
// folding keep the number of runes, not always the number of bytes.
type cutter struct {
	s     *Segmenter
	sc    *scratch
	opt   Options
	text  string // as given; tokens point here
	work  string // folded (== text when not folded)
	same  bool   // work == text
	plain bool   // Config.Plain: no number tokens
	w, t  int    // cursor: the same rune position in work and in text
	out   []Token
}

// scratch is the per-call memory of Cut, pooled by the Segmenter.
type scratch struct {
	// the block: its runes lower-cased (what gse cuts), their codes in
	// the compiled dictionary, the byte offset of each rune (and of the
	// end) in text
	runes []rune
	codes []uint16
	offT  []int
	// the best route from each rune: score, end of the first word, its ref
	routeF []float64
	routeE []int32
	routeR []int32
	words  [][2]int32 // precise words as rune ranges, with HMM
	edges  []edge
	back   [][4]uint8 // Viterbi back-pointers
}

// run cuts the whole text: one pass over its runes, which skips
// whitespace, reads each block (a run of Han characters and of the ASCII
// letters, digits and joiners words contain) into the scratch and cuts it,
// and emits every other character as a token of its own (a run of one dash
// or ellipsis as one token, unless plain). Unless plain, the full-width
// forms of ASCII (U+FF01–FF5E) are read as the ASCII they stand for. It
// reports false when the text is not valid UTF-8.
func (c *cutter) run() bool {
	w := c.work
	for c.w < len(w) {
		r, n := rune(w[c.w]), 1
		if r >= utf8.RuneSelf {
			if r, n = utf8.DecodeRuneInString(w[c.w:]); n == 1 {
				return false
			}
		}
		switch classOf(widthFold(r, c.plain)) {
		case clSpace:
			c.advance(n)
		case clBlock:
			if !c.readBlock() {
				return false
			}
			c.block()
		default:
			end := c.w + n
			if !c.plain && isRunPunct(r) {
				// a dash or an ellipsis is written as a run of one character
				for end < len(w) {
					r2, n2 := utf8.DecodeRuneInString(w[end:])
					if r2 != r {
						break
					}
					end += n2
				}
			}
			c.single(span{c.w, end, false})
		}
	}
	return true
}

// advance moves the cursor past the rune of n bytes at it.
func (c *cutter) advance(n int) {
	c.w += n
	if c.same {
		c.t = c.w
		return
	}
	_, m := utf8.DecodeRuneInString(c.text[c.t:])
	c.t += m
}

// readBlock reads the block at the cursor into the scratch (runes folded
// and lower-cased as gse cuts them, their codes in the compiled
// dictionary, their offsets in text) and moves the cursor past it.
func (c *cutter) readBlock() bool {
	sc := c.sc
	d := c.s.d
	runes, codes, off := sc.runes[:0], sc.codes[:0], sc.offT[:0]
	w, i, t := c.work, c.w, c.t
	for i < len(w) {
		r, n := rune(w[i]), 1
		if r >= utf8.RuneSelf {
			if r, n = utf8.DecodeRuneInString(w[i:]); n == 1 {
				return false
			}
		}
		r = widthFold(r, c.plain)
		if classOf(r) != clBlock {
			break
		}
		r = lower(r)
		runes = append(runes, r)
		codes = append(codes, d.Code(r))
		off = append(off, t)
		i += n
		if c.same {
			t = i
		} else {
			_, m := utf8.DecodeRuneInString(c.text[t:])
			t += m
		}
	}
	sc.runes, sc.codes, sc.offT = runes, codes, append(off, t)
	c.w, c.t = i, t
	return true
}

// emit emits runes [a, b) of the current block; ref is the word's ref when
// known (the route's), -1 when it must be looked up.
func (c *cutter) emit(a, b int, ref int32) {
	off := c.sc.offT
	start, end := off[a], off[b]
	tok := Token{Text: c.text[start:end], Start: int32(start), End: int32(end)}
	if c.opt.POS {
		if ref == -1 {
			ref, _ = c.s.word(c.sc.runes, c.sc.codes, a, b)
		}
		tok.POS = c.s.posOf(ref)
		if tok.POS == "" {
			tok.POS = guessPOS(tok.Text)
		}
	}
	c.out = append(c.out, tok)
}

// single emits a character that is not cut by gse's algorithm
// (punctuation, symbols, other scripts), with the dictionary's part of
// speech if it is a word.
func (c *cutter) single(sp span) {
	if !c.opt.POS {
		end := c.t + (sp.end - sp.start)
		if !c.same {
			end = c.t
			for i := sp.start; i < sp.end; {
				_, a := utf8.DecodeRuneInString(c.work[i:])
				_, b := utf8.DecodeRuneInString(c.text[end:])
				i += a
				end += b
			}
		}
		c.out = append(c.out, Token{Text: c.text[c.t:end], Start: int32(c.t), End: int32(end)})
		c.w, c.t = sp.end, end
		return
	}
	c.prepare(sp)
	nr := len(c.sc.runes) // one character, or a run of one dash or ellipsis
	c.emit(0, nr, -1)
	c.w, c.t = sp.end, c.sc.offT[nr]
}

// prepare reads the span of work at the cursor into the scratch: runes
// lower-cased, codes, offsets in text.
func (c *cutter) prepare(sp span) {
	sc := c.sc
	d := c.s.d
	runes, codes, off := sc.runes[:0], sc.codes[:0], sc.offT[:0]
	t := c.t
	w := c.work
	for i := sp.start; i < sp.end; {
		r, n := rune(w[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(w[i:])
		}
		r = lower(widthFold(r, c.plain))
		runes = append(runes, r)
		codes = append(codes, d.Code(r))
		off = append(off, t)
		if c.same {
			t += n
		} else {
			_, m := utf8.DecodeRuneInString(c.text[t:])
			t += m
		}
		i += n
	}
	sc.runes, sc.codes, sc.offT = runes, codes, append(off, t)
}

// block cuts the block in the scratch and emits its tokens. Decimal numbers and
// percentages (5.2, 5.2%, 30%, ５．２％) are tokens of their own: gse would
// cut them at every point and sign.
func (c *cutter) block() {
	nr := len(c.sc.runes)
	if c.plain {
		c.cutRange(0, nr)
	} else {
		pos := 0
		for pos < nr {
			ns, ne, ok := nextNumber(c.sc.runes, pos)
			if !ok {
				break
			}
			if ns > pos {
				c.cutRange(pos, ns)
			}
			c.emit(ns, ne, -1)
			pos = ne
		}
		if pos < nr {
			c.cutRange(pos, nr)
		}
	}
}

// nextNumber finds, from rune i of a block (width-folded), the next number
// to keep whole: digits not preceded by a digit, letter or point, with a
// decimal part or a per cent sign after them, not followed by a letter.
// Integers alone are left to gse (its dictionary has words such as 3D,
// 4S店).
func nextNumber(b []rune, i int) (start, end int, ok bool) {
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

// cutRange cuts runes [a, b) of the block with gse's algorithm.
func (c *cutter) cutRange(a, b int) {
	switch c.opt.Mode {
	case All:
		c.cutAll(a, b)
	case Search:
		c.route(a, b)
		c.precise(a, b, c.searchWord)
	default:
		c.route(a, b)
		c.precise(a, b, c.emit)
	}
}

// route is gse's calc: from the end, at each rune the edge maximising
// log(freq) - log(total) + the route after it; of equal scores the longer
// word wins. Same operations in the same order as gse, so the same floats.
// Rune positions are those of the block: the route of [a, b) is in
// routeF[a:b+1] etc.
func (c *cutter) route(a, nr int) {
	sc := c.sc
	sc.routeF = grow(sc.routeF, len(sc.runes)+1)
	sc.routeE = grow(sc.routeE, len(sc.runes)+1)
	sc.routeR = grow(sc.routeR, len(sc.runes)+1)
	routeF, routeE, routeR := sc.routeF[:nr+1], sc.routeE[:nr+1], sc.routeR[:nr+1]
	routeF[nr] = 0
	s := c.s
	if s.ov != nil || s.noPolicy || s.slow {
		for k := nr - 1; k >= a; k-- {
			sc.edges = s.edges(sc.runes[:nr], sc.codes[:nr], k, sc.edges[:0])
			first := true
			for _, e := range sc.edges {
				f := e.cost + routeF[e.end]
				if first || f >= routeF[k] {
					routeF[k], routeE[k], routeR[k] = f, e.end, e.ref
					first = false
				}
			}
		}
		return
	}
	// the common case, gse's words under the policy words and nothing
	// else: edges() inlined
	d := s.d
	codes := sc.codes[:nr]
	cost := s.cost
	for k := nr - 1; k >= a; k-- {
		bestF, bestE, bestR := s.unknown+routeF[k+1], int32(k+1), int32(0)
		if cd := codes[k]; cd != 0 {
			n := uint32(cd)
			if v := d.Val(n); v&zhdict.OnPath != 0 {
				found := true
				switch {
				case v&zhdict.FreqMask != 0:
					bestF, bestR = cost[v&zhdict.FreqMask-1]+routeF[k+1], int32(n)
				case !s.charFix:
					found = false
				}
				for j := k + 1; j < nr; j++ {
					cj := codes[j]
					if cj == 0 {
						break
					}
					if n = d.Child(n, cj); n == 0 {
						break
					}
					v := d.Val(n)
					if v&zhdict.OnPath == 0 {
						break
					}
					if v&zhdict.FreqMask != 0 {
						if f := cost[v&zhdict.FreqMask-1] + routeF[j+1]; !found || f >= bestF {
							bestF, bestE, bestR = f, int32(j+1), int32(n)
							found = true
						}
					}
				}
				if !found {
					bestF = negInf // gse's log(0)
				}
			}
		}
		routeF[k], routeE[k], routeR[k] = bestF, bestE, bestR
	}
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/4)
	}
	return s[:n]
}

// precise hands gse's precise cut of the block to out, word by word:
// cutDAGNoHMM (single ASCII letters and digits joined into one word) or,
// with HMM, cutDAG (runs of single characters that are not a word given to
// gse's HMM). ref is the word's ref when the route has it, else -1.
func (c *cutter) precise(a, nr int, out func(a, b int, ref int32)) {
	sc := c.sc
	routeE, routeR := sc.routeE, sc.routeR
	if !c.opt.HMM {
		buf := -1 // start of the pending run of single ASCII letters and digits
		for x := a; x < nr; {
			y := int(routeE[x])
			if y-x == 1 && isASCIIAlnum(sc.runes[x]) {
				if buf < 0 {
					buf = x
				}
				x = y
				continue
			}
			if buf >= 0 {
				out(buf, x, -1)
				buf = -1
			}
			out(x, y, routeR[x])
			x = y
		}
		if buf >= 0 {
			out(buf, nr, -1)
		}
		return
	}
	sc.words = sc.words[:0]
	buf := -1 // start of the pending run of single runes
	for x := a; x < nr; {
		y := int(routeE[x])
		if y-x == 1 {
			if buf < 0 {
				buf = x
			}
			x = y
			continue
		}
		c.flush(buf, x)
		buf = -1
		sc.words = append(sc.words, [2]int32{int32(x), int32(y)})
		x = y
	}
	c.flush(buf, nr)
	for _, w := range sc.words {
		ref := int32(-1)
		if x := int(w[0]); int(routeE[x]) == int(w[1]) {
			ref = routeR[x]
		}
		out(int(w[0]), int(w[1]), ref)
	}
}

// flush adds the pending run [a, b) of single runes (HMM on).
func (c *cutter) flush(a, b int) {
	sc := c.sc
	switch {
	case a < 0:
	case b-a == 1:
		sc.words = append(sc.words, [2]int32{int32(a), int32(b)})
	default:
		if _, ok := c.s.word(sc.runes, sc.codes, a, b); ok {
			// gse's hmm(): a run that is a dictionary word is given back one
			// character at a time
			for i := a; i < b; i++ {
				sc.words = append(sc.words, [2]int32{int32(i), int32(i + 1)})
			}
			return
		}
		c.hmmCut(a, b)
	}
}

// widthFold reads a full-width form of ASCII (U+FF01–FF5E) as the ASCII it
// stands for, as the cutter reads blocks (unless plain, Config.Plain).
func widthFold(r rune, plain bool) rune {
	if !plain && r >= 0xFF01 && r <= 0xFF5E {
		return r - (0xFF01 - 0x21)
	}
	return r
}

// isASCIIAlnum matches gse's reEng ([[:alnum:]]) on one rune.
func isASCIIAlnum(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

// searchWord is gse's cutForSearch for one precise word: the dictionary
// words of two and then three characters inside it, then the word.
func (c *cutter) searchWord(a, b int, ref int32) {
	sc := c.sc
	for _, incr := range [2]int{2, 3} {
		if b-a <= incr {
			continue
		}
		for i := a; i+incr <= b; i++ {
			if r, ok := c.s.word(sc.runes, sc.codes, i, i+incr); ok {
				c.emit(i, i+incr, r)
			}
		}
	}
	c.emit(a, b, ref)
}

// cutAll is gse's cutAll: at every rune, every dictionary word starting
// there; a single character only where no longer word already covers it.
func (c *cutter) cutAll(a, nr int) {
	sc := c.sc
	start := -1
	for k := a; k < nr; k++ {
		sc.edges = c.s.edges(sc.runes[:nr], sc.codes[:nr], k, sc.edges[:0])
		es := sc.edges
		if len(es) == 1 && k > start {
			c.emit(k, int(es[0].end), es[0].ref)
			start = int(es[0].end) - 1
			continue
		}
		for _, e := range es {
			if j := int(e.end) - 1; j > k {
				c.emit(k, j+1, e.ref)
				start = j
			}
		}
	}
}
