package segment

import (
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// An edge of gse's DAG: a dictionary word that starts at a rune position of
// a block and ends at rune end (inclusive, as gse counts).
//
// gse's getDag walks, at every rune position k, the fragments text[k:i]
// for growing i as long as its dictionary Finds them (a word, or a proper
// prefix of a word), and keeps the words of positive frequency; a position
// where no word starts gets the one-rune fragment, scored log(freq) if
// gse Finds it (freq 0 for a prefix: -Inf, the DESIGN pitfall) and
// log(1) if not. Everything gse's cuts read of the dictionary is in these
// edges.
type edge struct {
	end  int32
	word bool    // a dictionary word; false: the fallback of a position where none starts
	freq float64 // fallback: 0 when the rune is only a prefix, 1 when unknown
	ref  int32   // the lexicon's handle for the word's part of speech
}

// A lexicon gives the edges of a lower-cased block. Two implementations
// must give the same edges (TestLexiconsAgree): the zero-parse index walk
// (no load at all) and gse's full dictionary (loaded once, shared).
type lexicon interface {
	// edges appends the edges that start at the rune at byte k of lb, in
	// ascending order of end; there is always at least one. off holds the
	// byte offset of every rune of lb (and len(lb)); r is the rune number
	// of k.
	edges(lb string, off []int, r int, out []edge) []edge
	// pos is the part of speech of the word of e (from lb[a:b]).
	pos(e edge, word string) string
}

// indexLexicon walks the definition's index: the committed permutation of
// gse's word list, under the overlay. It holds nothing per text.
type indexLexicon struct{ d *dictDef }

const fixRef = -1 << 30 // ref of a character given frequency 1 by the fix

func (x indexLexicon) edges(lb string, off []int, r int, out []edge) []edge {
	d := x.d
	k := off[r]
	first, n := utf8.DecodeRuneInString(lb[k:])
	lo, hi := d.base.FirstRange(first)
	ov := d.ovFirst[first]
	olo, ohi := ov[0], ov[1]
	if lo == hi && olo == ohi {
		return append(out, edge{end: int32(r), freq: 1})
	}
	start := len(out)
	depth := n
	for i := r; ; {
		switch {
		case olo < ohi && len(d.overlay[olo].key) == depth:
			out = append(out, edge{end: int32(i), word: true, freq: d.overlay[olo].freq, ref: int32(-olo - 1)})
		case lo < hi && d.base.KeyLen(lo) == depth:
			out = append(out, edge{end: int32(i), word: true, freq: d.base.Freq(lo), ref: int32(lo)})
		case i == r && d.charFix:
			out = append(out, edge{end: int32(i), word: true, freq: 1, ref: fixRef})
		}
		i++
		if i+1 >= len(off) {
			break
		}
		next := lb[off[i]:off[i+1]]
		if lo < hi {
			lo, hi = d.base.Narrow(lo, hi, depth, next)
		}
		if olo < ohi {
			olo, ohi = d.narrowOverlay(olo, ohi, depth, next)
		}
		if lo == hi && olo == ohi {
			break
		}
		depth += len(next)
	}
	if len(out) == start {
		// the rune begins words but is none: gse scores it log(0)
		out = append(out, edge{end: int32(r), freq: 0})
	}
	return out
}

func (x indexLexicon) pos(e edge, _ string) string {
	switch {
	case e.ref == fixRef:
		return ""
	case e.ref < 0:
		return x.d.overlay[-e.ref-1].pos
	}
	_, pos := x.d.baseEntry(int(e.ref))
	return pos
}

// gseLexicon asks gse's Find, as getDag does, on the full dictionary.
type gseLexicon struct{ g *gse.Segmenter }

func (x gseLexicon) edges(lb string, off []int, r int, out []edge) []edge {
	start := len(out)
	var single float64
	singleOK := false
	for i := r; i+1 < len(off); i++ {
		freq, _, ok := x.g.Find(lb[off[r]:off[i+1]])
		if !ok {
			break
		}
		if i == r {
			single, singleOK = freq, true
		}
		if freq > 0 {
			out = append(out, edge{end: int32(i), word: true, freq: freq})
		}
	}
	if len(out) == start {
		f := 1.0 // unknown: log(1)
		if singleOK {
			f = single
		}
		out = append(out, edge{end: int32(r), freq: f})
	}
	return out
}

func (x gseLexicon) pos(_ edge, word string) string {
	_, p, _ := x.g.Find(word)
	return p
}
