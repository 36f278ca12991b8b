package entities

import (
	"slices"
	"unicode/utf8"
)

// trie finds the names of a list that start at a position of a text in
// one walk, without building strings: the gazetteer is looked up at every
// token of every document.
type trie struct {
	// child maps a node and a rune to the next node; node 0 is the root
	// (whose children by a CJK rune are in root)
	child map[uint64]int32
	// entry[n] is the index in entries of the name ending at node n, or -1
	entry   []int32
	entries []gazEntry
	// root holds the children of the root for the runes from rootLo up to
	// rootHi (the CJK blocks), 0 for none: the lookup made at every
	// position of a text is an index, not a map access
	root []int32
	// a frozen trie (freeze) keeps its children in arrays instead of
	// child: those of node n are kr[ks[n]:ks[n+1]] (runes, ascending) and
	// kn (the nodes they lead to)
	ks []int32
	kr []rune
	kn []int32
}

const rootLo, rootHi = 0x3000, 0xA000

// next is the child of node n by rune r, if any.
func (t *trie) next(n int32, r rune) (int32, bool) {
	if n == 0 && r >= rootLo && r < rootHi {
		if t.root == nil {
			return 0, false
		}
		c := t.root[r-rootLo]
		return c, c != 0
	}
	if t.ks != nil {
		lo, end := int(t.ks[n]), int(t.ks[n+1])
		for hi := end; hi-lo > 8; {
			m := int(uint(lo+hi) >> 1)
			if t.kr[m] < r {
				lo = m + 1
			} else {
				hi = m
			}
		}
		for ; lo < end; lo++ {
			if t.kr[lo] >= r {
				if t.kr[lo] == r {
					return t.kn[lo], true
				}
				break
			}
		}
		return 0, false
	}
	c, ok := t.child[trieKey(n, r)]
	return c, ok
}

// freeze moves the children from the map into arrays (sorted by node, then
// rune: the order of their keys), for a trie that takes no more names: no
// map to hash at every step, and arrays that a snapshot decodes straight
// into.
func (t *trie) freeze() {
	keys := make([]uint64, 0, len(t.child))
	for k := range t.child {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	t.ks = make([]int32, len(t.entry)+1)
	t.kr = make([]rune, len(keys))
	t.kn = make([]int32, len(keys))
	for i, k := range keys {
		t.ks[int32(k>>32)+1]++
		t.kr[i] = rune(uint32(k))
		t.kn[i] = t.child[k]
	}
	for i := 1; i < len(t.ks); i++ {
		t.ks[i] += t.ks[i-1]
	}
	t.child = nil
}

func newTrie() *trie {
	return &trie{child: map[uint64]int32{}, entry: []int32{-1}}
}

// newTrieFor makes a trie sized for names holding runes characters in
// all (at most that many nodes besides the root): no rehashing while the
// built-in lists are put in at start.
func newTrieFor(runes int) *trie {
	t := &trie{child: make(map[uint64]int32, runes), entry: make([]int32, 1, runes+1)}
	t.entry[0] = -1
	return t
}

// runesIn is the number of characters of the keys of m.
func runesIn[V any](m map[string]V) int {
	n := 0
	for k := range m {
		n += utf8.RuneCountInString(k)
	}
	return n
}

func trieKey(node int32, r rune) uint64 { return uint64(node)<<32 | uint64(uint32(r)) }

// put adds a name, replacing the entry of a name already there.
// put adds a name; not on a frozen trie.
func (t *trie) put(name string, g gazEntry) {
	n := int32(0)
	for _, r := range name {
		next, ok := t.next(n, r)
		if !ok {
			next = int32(len(t.entry))
			t.entry = append(t.entry, -1)
			if n == 0 && r >= rootLo && r < rootHi {
				if t.root == nil {
					t.root = make([]int32, rootHi-rootLo)
				}
				t.root[r-rootLo] = next
			} else {
				t.child[trieKey(n, r)] = next
			}
		}
		n = next
	}
	if t.entry[n] >= 0 {
		t.entries[t.entry[n]] = g
		return
	}
	t.entry[n] = int32(len(t.entries))
	t.entries = append(t.entries, g)
}

// match calls f with the end and entry of every name that starts at rs[s],
// shortest first, and stops when f returns false.
func (t *trie) match(rs []rune, s int, f func(e int, g gazEntry) bool) {
	n := int32(0)
	for i := s; i < len(rs); i++ {
		next, ok := t.next(n, rs[i])
		if !ok {
			return
		}
		n = next
		if t.entry[n] >= 0 && !f(i+1, t.entries[t.entry[n]]) {
			return
		}
	}
}

// matchBack calls f with the start of every name that ends at rs[e-1]
// (the trie holding the names reversed), shortest first, down to lo, and
// stops when f returns false.
func (t *trie) matchBack(rs []rune, lo, e int, f func(s int) bool) {
	n := int32(0)
	for i := e - 1; i >= lo; i-- {
		next, ok := t.next(n, rs[i])
		if !ok {
			return
		}
		n = next
		if t.entry[n] >= 0 && !f(i) {
			return
		}
	}
}

// reversed returns s with its runes in the opposite order.
func reversed(s string) string {
	rs := []rune(s)
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	return string(rs)
}
