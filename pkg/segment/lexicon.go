package segment

import (
	"math"
	"sort"
	"strings"

	"zhpolicy/internal/zhdict"
)

// The dictionary a Segmenter cuts with is defined once, here:
//
//   - the layer: gse's Simplified word list under the policy words (the
//     compiled dictionary's values), or gse's words alone (its side values:
//     Config.NoPolicy);
//   - over it, the overlay: the user words (and the policy words, when the
//     compiled ones are stale), lower-cased as the text is; the first entry
//     of a word wins, as in gse; words of frequency 0 or less are dropped;
//   - unless Config.NoCharFix, frequency 1 for every character that begins
//     words of the whole definition but is none (jieba's choice; gse scores
//     it log(0)).
//
// The total frequency (the denominator of every word's probability) is the
// layer's, less the words the overlay replaces, plus the overlay's; the
// fixed characters are not counted. The tests build a gse Segmenter from
// the same definition and compare every cut with gse's own.

// overlay is a small rune trie of the user words, built by New.
type overlay struct {
	nodes []ovNode // 0 is the root
	keys  []string // the words' keys, sorted
	index map[string]int32
	// first marks the runes of the Basic Multilingual Plane that begin a
	// word (a quick test before the walk); other runes are looked up
	first [1 << 16 / 64]uint64
}

type ovNode struct {
	kids []ovKid // sorted by rune
	word bool
	freq float64
	cost float64 // log(freq) - log(total)
	pos  string
}

type ovKid struct {
	r    rune
	node int32
}

func newOverlay(entries []Entry) *overlay {
	o := &overlay{nodes: make([]ovNode, 1), index: make(map[string]int32)}
	for _, e := range entries {
		// gse lowers only ASCII in dictionary keys but all of the text it
		// cuts: an overlay word is lowered as the text is, so that ΑΒΓ or
		// Ｘ in a user word can match at all.
		k := strings.ToLower(e.Word)
		if k == "" || !(e.Freq > 0) {
			continue // gse would keep a word of frequency 0 as a mere prefix
		}
		if _, dup := o.index[k]; dup {
			continue
		}
		var n int32
		for _, r := range k {
			n = o.add(n, r)
		}
		o.nodes[n].word, o.nodes[n].freq, o.nodes[n].pos = true, e.Freq, e.POS
		o.index[k] = n
		o.keys = append(o.keys, k)
	}
	sort.Strings(o.keys)
	for _, k := range o.nodes[0].kids {
		if k.r < 1<<16 {
			o.first[k.r>>6] |= 1 << (k.r & 63)
		}
	}
	return o
}

func (o *overlay) add(n int32, r rune) int32 {
	kids := o.nodes[n].kids
	i := sort.Search(len(kids), func(i int) bool { return kids[i].r >= r })
	if i < len(kids) && kids[i].r == r {
		return kids[i].node
	}
	c := int32(len(o.nodes))
	o.nodes = append(o.nodes, ovNode{})
	kids = append(kids, ovKid{})
	copy(kids[i+1:], kids[i:])
	kids[i] = ovKid{r, c}
	o.nodes[n].kids = kids
	return c
}

// child is the child of node n for rune r, or -1.
func (o *overlay) child(n int32, r rune) int32 {
	if n == 0 && r < 1<<16 && o.first[r>>6]&(1<<(r&63)) == 0 {
		return -1
	}
	kids := o.nodes[n].kids
	lo, hi := 0, len(kids)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if kids[m].r < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(kids) && kids[lo].r == r {
		return kids[lo].node
	}
	return -1
}

// val is node n's value in the layer.
func (s *Segmenter) val(n uint32) uint16 {
	v := s.d.Val(n)
	if s.noPolicy && v&zhdict.Touched != 0 {
		v, _ = s.d.SideVal(n)
	}
	return v
}

// layerFreq is the frequency of the layer's word key.
func (s *Segmenter) layerFreq(key string) (float64, bool) {
	n := s.d.Find(key)
	if n == 0 {
		return 0, false
	}
	if v := s.val(n); v&zhdict.FreqMask != 0 {
		return s.d.Freqs()[v&zhdict.FreqMask-1], true
	}
	return 0, false
}

// posOf is the part of speech of the word of ref (see edge).
func (s *Segmenter) posOf(ref int32) string {
	switch {
	case ref > 0:
		n := uint32(ref)
		if s.noPolicy && s.d.Val(n)&zhdict.Touched != 0 {
			_, p := s.d.SideVal(n)
			return p
		}
		return s.d.POS(n)
	case ref < 0:
		return s.ov.nodes[-ref-1].pos
	}
	return ""
}

// An edge of gse's DAG at a rune of a block: a word that ends before rune
// end, its cost log(freq) - log(total), and where it is from: ref > 0 a
// node of the compiled dictionary, ref < 0 the overlay node -ref-1, 0 no
// word (a character that begins no word: unknown, cost log(1); one that
// only begins words: fixed, log(1), or gse's log(0)).
type edge struct {
	end  int32
	ref  int32
	cost float64
}

var negInf = math.Inf(-1)

// edges appends the edges at rune k of the block (runes, their codes), in
// ascending order of end; there is always at least one. It is gse's getDag
// at one position, on the definition.
func (s *Segmenter) edges(runes []rune, codes []uint16, k int, out []edge) []edge {
	n := len(runes)
	var bn uint32
	var bv uint16
	if c := codes[k]; c != 0 {
		bn = uint32(c)
		if bv = s.val(bn); bv&zhdict.OnPath == 0 {
			bn = 0
		}
	}
	on := int32(-1)
	if s.ov != nil {
		on = s.ov.child(0, runes[k])
	}
	if bn == 0 && on < 0 {
		return append(out, edge{end: int32(k + 1), cost: s.unknown})
	}
	start := len(out)
	for j := k; ; {
		switch {
		case on >= 0 && s.ov.nodes[on].word:
			out = append(out, edge{end: int32(j + 1), ref: -on - 1, cost: s.ov.nodes[on].cost})
		case bn != 0 && bv&zhdict.FreqMask != 0:
			out = append(out, edge{end: int32(j + 1), ref: int32(bn), cost: s.cost[bv&zhdict.FreqMask-1]})
		case j == k && s.charFix:
			out = append(out, edge{end: int32(j + 1), cost: s.unknown})
		}
		j++
		if j >= n {
			break
		}
		if bn != 0 {
			if c := codes[j]; c == 0 {
				bn = 0
			} else if bn = s.d.Child(bn, c); bn != 0 {
				if bv = s.val(bn); bv&zhdict.OnPath == 0 {
					bn = 0
				}
			}
		}
		if on >= 0 {
			on = s.ov.child(on, runes[j])
		}
		if bn == 0 && on < 0 {
			break
		}
	}
	if len(out) == start {
		// the rune begins words but is none: gse scores it log(0)
		out = append(out, edge{end: int32(k + 1), cost: negInf})
	}
	return out
}

// word reports whether runes [a, b) of the block are a word of the
// definition (frequency above 0), and its ref.
func (s *Segmenter) word(runes []rune, codes []uint16, a, b int) (ref int32, ok bool) {
	var bn uint32
	if c := codes[a]; c != 0 {
		bn = uint32(c)
	}
	on := int32(-1)
	if s.ov != nil {
		on = s.ov.child(0, runes[a])
	}
	for j := a + 1; j < b && (bn != 0 || on >= 0); j++ {
		if bn != 0 {
			if c := codes[j]; c == 0 {
				bn = 0
			} else {
				bn = s.d.Child(bn, c)
			}
		}
		if on >= 0 {
			on = s.ov.child(on, runes[j])
		}
	}
	if on >= 0 && s.ov.nodes[on].word {
		return -on - 1, true
	}
	if bn != 0 {
		v := s.val(bn)
		if v&zhdict.FreqMask != 0 {
			return int32(bn), true
		}
		if b-a == 1 && s.charFix && v&zhdict.OnPath != 0 {
			return 0, true // a fixed character: frequency 1
		}
	}
	if b-a == 1 && s.charFix && on >= 0 {
		return 0, true
	}
	return 0, false
}
