package script

import (
	"errors"
	"fmt"
	"sort"
	"sync"
	"unicode/utf8"

	openccdict "zhpolicy/dict/opencc"
)

// A table is one OpenCC dictionary as a rune trie, decoded from the form that
// dict/opencc/gen writes:
//
//	"ZOCT" | nNodes u32 | blobLen u32 | maxKeyRunes u32
//	nodes: nNodes × (childStart u32, childCount u32, valOff u32, valLen u32)  valOff = 0xFFFFFFFF: no value
//	edges: (nNodes-1) × rune u32; the children of a node are consecutive and sorted; edge j leads to node j+1
//	blob:  the default (first) conversion of every key
//
// Matching never allocates; the value strings point into the embedded data.
type table struct {
	name     string
	nodes    []tnode
	edges    []rune
	blob     string
	maxRunes int
	// rootBMP[r] is 1 + the index of the root edge for the BMP rune r, 0 if
	// no key starts with r. Only for tables with many first runes.
	rootBMP []uint16
	// starts has a bit for every BMP rune that begins a key.
	starts *bitmap
}

type tnode struct {
	childStart, childCount uint32
	valOff, valLen         uint32
}

const noValue = 0xFFFFFFFF

// bitmap has one bit per BMP rune.
type bitmap [65536 / 64]uint64

func (b *bitmap) set(r rune)      { b[r>>6] |= 1 << (uint(r) & 63) }
func (b *bitmap) has(r rune) bool { return b[r>>6]&(1<<(uint(r)&63)) != 0 }
func (b *bitmap) or(o *bitmap) {
	for i := range b {
		b[i] |= o[i]
	}
}
func (b *bitmap) hasByte(c byte) bool { return b[c>>6]&(1<<(c&63)) != 0 }

var errBadTable = errors.New("malformed table")

func decodeTable(name, data string) (*table, error) {
	if len(data) < 16 || data[:4] != "ZOCT" {
		return nil, fmt.Errorf("%s: %w", name, errBadTable)
	}
	nNodes, blobLen, maxRunes := int(le32(data[4:])), int(le32(data[8:])), int(le32(data[12:]))
	nodesOff := 16
	edgesOff := nodesOff + 16*nNodes
	blobOff := edgesOff + 4*(nNodes-1)
	if nNodes < 1 || blobOff+blobLen != len(data) {
		return nil, fmt.Errorf("%s: %w (size)", name, errBadTable)
	}
	t := &table{name: name, maxRunes: maxRunes, blob: data[blobOff:]}
	raw := data[nodesOff:edgesOff]
	t.nodes = make([]tnode, nNodes)
	for i := range t.nodes {
		b := raw[16*i : 16*i+16]
		t.nodes[i] = tnode{
			childStart: le32(b[0:]), childCount: le32(b[4:]),
			valOff: le32(b[8:]), valLen: le32(b[12:]),
		}
		n := &t.nodes[i]
		if int(n.childStart)+int(n.childCount) > nNodes-1 ||
			(n.valOff != noValue && int(n.valOff)+int(n.valLen) > blobLen) {
			return nil, fmt.Errorf("%s: %w (node %d)", name, errBadTable, i)
		}
	}
	raw = data[edgesOff:blobOff]
	t.edges = make([]rune, nNodes-1)
	for i := range t.edges {
		t.edges[i] = rune(le32(raw[4*i:]))
	}
	root := t.nodes[0]
	t.starts = new(bitmap)
	firsts := t.edges[root.childStart : root.childStart+root.childCount]
	if len(firsts) > 32 && len(firsts) < 65535 {
		t.rootBMP = make([]uint16, 65536)
	}
	for i, r := range firsts {
		if r < 0 || r >= 65536 {
			continue
		}
		t.starts.set(r)
		if t.rootBMP != nil {
			t.rootBMP[r] = uint16(i + 1)
		}
	}
	return t, nil
}

func le32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// child returns the node reached from n by rune r, or 0 if none.
func (t *table) child(n *tnode, r rune) uint32 {
	lo, hi := int(n.childStart), int(n.childStart+n.childCount)
	if hi-lo <= 8 {
		for j := lo; j < hi; j++ {
			if t.edges[j] == r {
				return uint32(j + 1)
			}
		}
		return 0
	}
	j := lo + sort.Search(hi-lo, func(i int) bool { return t.edges[lo+i] >= r })
	if j < hi && t.edges[j] == r {
		return uint32(j + 1)
	}
	return 0
}

// match returns the byte length and the default value of the longest key that
// is a prefix of s.
func (t *table) match(s string) (n int, val string, ok bool) {
	if len(s) == 0 {
		return 0, "", false
	}
	r, size := rune(s[0]), 1
	if r >= utf8.RuneSelf {
		r, size = utf8.DecodeRuneInString(s)
	}
	var node uint32
	if t.rootBMP != nil && r < 65536 {
		node = uint32(t.rootBMP[r])
	} else {
		node = t.child(&t.nodes[0], r)
	}
	pos := size
	for node != 0 {
		nd := &t.nodes[node]
		if nd.valOff != noValue {
			n, val, ok = pos, t.blob[nd.valOff:nd.valOff+nd.valLen], true
		}
		if nd.childCount == 0 || pos >= len(s) {
			break
		}
		r, size = rune(s[pos]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[pos:])
		}
		node = t.child(nd, r)
		pos += size
	}
	return n, val, ok
}

// walk calls f for every key (as its rune count) and default value.
func (t *table) walk(f func(keyRunes int, val string)) {
	depth := make([]int32, len(t.nodes))
	for i := range t.nodes {
		nd := &t.nodes[i]
		for j := nd.childStart; j < nd.childStart+nd.childCount; j++ {
			depth[j+1] = depth[i] + 1
		}
		if nd.valOff != noValue {
			f(int(depth[i]), t.blob[nd.valOff:nd.valOff+nd.valLen])
		}
	}
}

// tables holds each embedded table, decoded once on first use.
// lazyTable decodes one embedded table once, on first use.
type lazyTable struct {
	once sync.Once
	t    *table
	err  error
}

var tableNames = [...]string{
	"STCharacters", "STPhrases", "TSCharacters", "TSPhrases",
	"TWPhrases", "TWPhrasesRev", "TWVariants", "TWVariantsRev", "TWVariantsRevPhrases",
	"HKVariants", "HKVariantsRev", "HKVariantsRevPhrases",
}

var tables [len(tableNames)]lazyTable

func loadTable(name string) (*table, error) {
	var lt *lazyTable
	for i, n := range tableNames {
		if n == name {
			lt = &tables[i]
		}
	}
	if lt == nil {
		return nil, fmt.Errorf("script: no dictionary %q", name)
	}
	lt.once.Do(func() {
		data, ok := openccTable(name)
		if !ok {
			lt.err = fmt.Errorf("script: dictionary %q is not embedded", name)
			return
		}
		lt.t, lt.err = decodeTable(name, data)
	})
	return lt.t, lt.err
}

func openccTable(name string) (string, bool) { return openccdict.Table(name) }
