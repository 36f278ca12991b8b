package segment

import "zhpolicy/internal/zhdict"

// gse's HMM new-word model (from jieba), compiled into the dictionary:
// hmmCut is gse's hmm.Cut and viterbi its Viterbi, over rune ranges, with
// the same float operations in the same order. gse's Viterbi copies every
// path at every step (quadratic in the run's length); this one keeps
// back-pointers, so a run of any length is cut whole, as gse cuts it.

type hmmModel struct {
	d     *zhdict.Dict
	start [4]float64
	trans [4][4]float64
}

func newHMMModel(d *zhdict.Dict) hmmModel {
	m := hmmModel{d: d, start: d.HMMStart()}
	for a := 0; a < 4; a++ {
		for b := 0; b < 4; b++ {
			m.trans[a][b] = d.HMMTrans(a, b)
		}
	}
	return m
}

// prevStates are gse's prevStatus: the states each state may follow.
var prevStates = [4][2]uint8{
	zhdict.B: {zhdict.E, zhdict.S},
	zhdict.M: {zhdict.M, zhdict.B},
	zhdict.E: {zhdict.B, zhdict.M},
	zhdict.S: {zhdict.S, zhdict.E},
}

// stateByte is each state's letter: gse breaks ties between equal
// probabilities by it (the greater letter wins).
var stateByte = [4]byte{zhdict.B: 'B', zhdict.M: 'M', zhdict.E: 'E', zhdict.S: 'S'}

// hmmCut adds to the words gse's HMM cut of runes [a, b) of the block: runs
// of Han characters by the Viterbi path; a decimal number or a run of ASCII
// letters and digits whole; anything else up to the next of those whole.
func (c *cutter) hmmCut(a, b int) {
	runes := c.sc.runes
	for i := a; i < b; {
		if isHan(runes[i]) {
			j := i + 1
			for j < b && isHan(runes[j]) {
				j++
			}
			c.viterbi(i, j)
			i = j
			continue
		}
		if j := skipMatch(runes, i, b); j > i {
			c.sc.words = append(c.sc.words, [2]int32{int32(i), int32(j)})
			i = j
			continue
		}
		j := i + 1
		for j < b && !isHan(runes[j]) && !isASCIIAlnum(runes[j]) {
			j++
		}
		c.sc.words = append(c.sc.words, [2]int32{int32(i), int32(j)})
		i = j
	}
}

// skipMatch is the end of the match of gse's `\d+\.\d+|[a-zA-Z0-9]+` at
// rune i (leftmost-first: the decimal when there is one), or i.
func skipMatch(runes []rune, i, b int) int {
	digit := func(k int) bool { return k < b && runes[k] >= '0' && runes[k] <= '9' }
	if digit(i) {
		j := i
		for digit(j) {
			j++
		}
		if j < b && runes[j] == '.' && digit(j+1) {
			k := j + 1
			for digit(k) {
				k++
			}
			return k
		}
	}
	j := i
	for j < b && isASCIIAlnum(runes[j]) {
		j++
	}
	return j
}

// viterbi adds gse's internalCut of the Han run [a, b): the most likely
// B/M/E/S states, a word from each B to its E, S alone, the rest whole.
func (c *cutter) viterbi(a, b int) {
	m := &c.s.hmm
	runes := c.sc.runes
	n := b - a
	back := grow(c.sc.back, n)
	c.sc.back = back
	var v [4]float64
	e := m.d.HMMEmit(runes[a])
	for y := 0; y < 4; y++ {
		v[y] = e[y] + m.start[y]
	}
	for t := 1; t < n; t++ {
		e = m.d.HMMEmit(runes[a+t])
		var nv [4]float64
		for y := 0; y < 4; y++ {
			p0, p1 := prevStates[y][0], prevStates[y][1]
			x0 := v[p0] + m.trans[p0][y] + e[y]
			x1 := v[p1] + m.trans[p1][y] + e[y]
			if x1 > x0 || x1 == x0 && stateByte[p1] > stateByte[p0] {
				nv[y], back[t][y] = x1, p1
			} else {
				nv[y], back[t][y] = x0, p0
			}
		}
		v = nv
	}
	st := uint8(zhdict.E)
	if v[zhdict.S] >= v[zhdict.E] { // equal: 'S' > 'E'
		st = zhdict.S
	}
	// the states, last to first, into back[t][0] (no longer needed)
	for t := n - 1; t >= 0; t-- {
		prev := back[t][st]
		back[t][0] = st
		st = prev
	}
	words := c.sc.words
	begin, next := 0, 0
	for i := 0; i < n; i++ {
		switch back[i][0] {
		case zhdict.B:
			begin = i
		case zhdict.E:
			words = append(words, [2]int32{int32(a + begin), int32(a + i + 1)})
			next = i + 1
		case zhdict.S:
			words = append(words, [2]int32{int32(a + i), int32(a + i + 1)})
			next = i + 1
		}
	}
	if next < n {
		words = append(words, [2]int32{int32(a + next), int32(b)})
	}
	c.sc.words = words
}
