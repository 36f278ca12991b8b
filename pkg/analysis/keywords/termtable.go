package keywords

import (
	"encoding/binary"
	"hash/maphash"
	"slices"
	"strings"
	"unsafe"
)

// termTable maps terms to their document frequency and count, for the
// backgrounds built from a user's documents, whose vocabulary (every word
// and word sequence) grows with the variety of the corpus: millions of
// terms at 1 GB of varied text. A Go map of strings holds each term in
// about 113 bytes (a string header and a 24-byte value per slot, the slots'
// slack, the key allocated on its own and rounded up to its size class);
// the table in about 55 (BenchmarkTermMemory; 47 before the set count): the keys one after another in
// append-only chunks (a length, then the bytes), the entries in fixed
// chunks (so that neither is ever copied to grow), and an index of 32-bit
// entry numbers, open addressing with linear probing, at most three
// quarters full.
//
// The bytes of a key are never written once appended: the strings the
// table hands out (each, sortedEach) point into its chunks and stay valid
// for as long as they are held.
type termTable struct {
	seed  maphash.Seed
	keys  [][]byte     // chunks of keyChunk bytes (a longer key has one of its own)
	ents  [][]tabEntry // chunks of entChunk entries
	n     int
	index []uint32 // 0: empty; else 1 + an entry number
}

type tabEntry struct {
	bgEntry
	loc uint64 // chunk<<keyShift | offset of the key's length in keys
}

const (
	keyShift = 20
	keyChunk = 1 << keyShift
	entShift = 14
	entChunk = 1 << entShift
)

func newTermTable() *termTable { return &termTable{seed: maphash.MakeSeed()} }

func (t *termTable) len() int { return t.n }

// keyOf is the key of entry e, in place.
func (t *termTable) keyOf(e *tabEntry) string {
	c := t.keys[e.loc>>keyShift]
	off := int(e.loc & (keyChunk - 1))
	n, w := binary.Uvarint(c[off:])
	b := c[off+w : off+w+int(n)]
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

func (t *termTable) entry(i uint32) *tabEntry { return &t.ents[i>>entShift][i&(entChunk-1)] }

// find returns the slot of key in the index: holding its entry, or empty.
func (t *termTable) find(key string) (slot uint32, found bool) {
	if len(t.index) == 0 {
		return 0, false
	}
	mask := uint32(len(t.index) - 1)
	for s := uint32(maphash.String(t.seed, key)) & mask; ; s = (s + 1) & mask {
		v := t.index[s]
		if v == 0 {
			return s, false
		}
		if t.keyOf(t.entry(v-1)) == key {
			return s, true
		}
	}
}

// at returns the entry of key, or nil when the table lacks it.
func (t *termTable) at(key string) *bgEntry {
	if s, ok := t.find(key); ok {
		return &t.entry(t.index[s] - 1).bgEntry
	}
	return nil
}

func (t *termTable) get(key string) (bgEntry, bool) {
	if s, ok := t.find(key); ok {
		return t.entry(t.index[s] - 1).bgEntry, true
	}
	return bgEntry{}, false
}

// ref returns the entry of key, adding it (at zero, with a copy of the key)
// when the table lacks it. The pointer stays valid: entries never move.
func (t *termTable) ref(key string) *bgEntry {
	s, ok := t.find(key)
	if ok {
		return &t.entry(t.index[s] - 1).bgEntry
	}
	if (t.n+1)*4 > len(t.index)*3 {
		t.grow()
		s, _ = t.find(key)
	}
	if t.n>>entShift == len(t.ents) {
		t.ents = append(t.ents, make([]tabEntry, entChunk))
	}
	e := t.entry(uint32(t.n))
	e.loc = t.appendKey(key)
	t.n++
	t.index[s] = uint32(t.n)
	return &e.bgEntry
}

// appendKey appends a key to the chunks and returns where it is.
func (t *termTable) appendKey(key string) uint64 {
	need := binary.MaxVarintLen64 + len(key)
	last := len(t.keys) - 1
	if last < 0 || cap(t.keys[last])-len(t.keys[last]) < need {
		t.keys = append(t.keys, make([]byte, 0, max(keyChunk, need)))
		last++
	}
	c := t.keys[last]
	off := len(c)
	c = binary.AppendUvarint(c, uint64(len(key)))
	t.keys[last] = append(c, key...)
	return uint64(last)<<keyShift | uint64(off)
}

// grow doubles the index (or makes the first one) and refills it.
func (t *termTable) grow() {
	size := max(64, 2*len(t.index))
	t.index = make([]uint32, size)
	mask := uint32(size - 1)
	for i := 0; i < t.n; i++ {
		s := uint32(maphash.String(t.seed, t.keyOf(t.entry(uint32(i))))) & mask
		for t.index[s] != 0 {
			s = (s + 1) & mask
		}
		t.index[s] = uint32(i) + 1
	}
}

// each calls f with every term in the order they were added, until f
// returns false. f must not add terms.
func (t *termTable) each(f func(key string, e bgEntry) bool) {
	for i := 0; i < t.n; i++ {
		e := t.entry(uint32(i))
		if !f(t.keyOf(e), e.bgEntry) {
			return
		}
	}
}

// sortedEach calls f with every term in key order, until f returns false.
func (t *termTable) sortedEach(f func(key string, e bgEntry) bool) {
	order := make([]uint32, t.n)
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, func(a, b uint32) int {
		return strings.Compare(t.keyOf(t.entry(a)), t.keyOf(t.entry(b)))
	})
	for _, i := range order {
		e := t.entry(i)
		if !f(t.keyOf(e), e.bgEntry) {
			return
		}
	}
}
