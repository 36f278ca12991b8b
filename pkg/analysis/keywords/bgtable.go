package keywords

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"math"
)

// The table form of a background: what `go generate ./dict/keywords`
// embeds, read in place at start-up (no parsing, no map to build). The
// text form (WriteTSV) stays the one to read and diff; the table is made
// from it.
//
//	magic    "ZPKWBG" 0x01 '\n'
//	version  u32 (PartialVersion)   n u32 (terms)   slots u32 (a power of two)   0 u32
//	docs u64   units u64   minDF u64
//	slot     slots × u32: 0 empty, else 1 + the index of a term (open addressing, FNV-1a, linear probing)
//	offset   (n+1) × u32: where each term's key begins in the keys, and their end
//	df       n × u32
//	count    n × u32
//	set      n × u32 (see bgEntry)
//	keys     the keys, in sorted order, one after another
//
// All numbers little-endian.
const bgTableMagic = "ZPKWBG\x01\n"

const bgTableHeader = 8 + 4*4 + 3*8

// bgTable is a background's terms read in place from the table form.
type bgTable struct {
	data                              string
	n, mask                           uint32
	slots, offs, dfs, cnts, sets, key int // byte offsets of the sections
}

func fnv1a(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

func (t *bgTable) u32(at int) uint32 {
	d := t.data[at : at+4]
	return uint32(d[0]) | uint32(d[1])<<8 | uint32(d[2])<<16 | uint32(d[3])<<24
}

// keyAt is the key of term i.
func (t *bgTable) keyAt(i uint32) string {
	return t.data[t.key+int(t.u32(t.offs+4*int(i))) : t.key+int(t.u32(t.offs+4*int(i+1)))]
}

func (t *bgTable) entryAt(i uint32) bgEntry {
	return bgEntry{df: int64(t.u32(t.dfs + 4*int(i))), count: int64(t.u32(t.cnts + 4*int(i))), set: int64(t.u32(t.sets + 4*int(i)))}
}

func (t *bgTable) get(key string) (bgEntry, bool) {
	for s := fnv1a(key) & t.mask; ; s = (s + 1) & t.mask {
		v := t.u32(t.slots + 4*int(s))
		if v == 0 {
			return bgEntry{}, false
		}
		if t.keyAt(v-1) == key {
			return t.entryAt(v - 1), true
		}
	}
}

// each calls f with every term of the table, in key order, until f
// returns false.
func (t *bgTable) each(f func(key string, e bgEntry) bool) {
	for i := uint32(0); i < t.n; i++ {
		if !f(t.keyAt(i), t.entryAt(i)) {
			return
		}
	}
}

// WriteTable writes the background in its table form (see bgTableMagic).
func (b *Background) WriteTable(w io.Writer) error {
	keys := b.Keys()
	terms := make([]bgEntry, len(keys))
	for i, k := range keys {
		if b.tab != nil {
			terms[i], _ = b.tab.get(k)
		} else {
			terms[i], _ = b.terms.get(k)
		}
	}
	n := len(keys)
	slots := 1
	for slots*3 < n*4+1 { // at most three quarters full
		slots <<= 1
	}
	keyBytes := 0
	for _, k := range keys {
		keyBytes += len(k)
	}
	if n >= math.MaxUint32/2 || keyBytes > math.MaxUint32 {
		return fmt.Errorf("background too large for the table form: %d terms, %d bytes of keys", n, keyBytes)
	}
	bw := bufio.NewWriter(w)
	le := binary.LittleEndian
	u32 := func(v uint32) { bw.Write(le.AppendUint32(nil, v)) }
	u64 := func(v uint64) { bw.Write(le.AppendUint64(nil, v)) }
	bw.WriteString(bgTableMagic)
	u32(PartialVersion)
	u32(uint32(n))
	u32(uint32(slots))
	u32(0)
	u64(uint64(b.docs))
	u64(uint64(b.units))
	u64(uint64(b.MinDF()))
	table := make([]uint32, slots)
	for i, k := range keys {
		s := fnv1a(k) & uint32(slots-1)
		for table[s] != 0 {
			s = (s + 1) & uint32(slots-1)
		}
		table[s] = uint32(i + 1)
	}
	for _, v := range table {
		u32(v)
	}
	off := uint32(0)
	u32(0)
	for _, k := range keys {
		off += uint32(len(k))
		u32(off)
	}
	for i, k := range keys {
		e := terms[i]
		if e.df > math.MaxUint32 || e.count > math.MaxUint32 {
			return fmt.Errorf("term %q: counts too large for the table form", k)
		}
		u32(uint32(e.df))
	}
	for _, e := range terms {
		u32(uint32(e.count))
	}
	for _, e := range terms {
		u32(uint32(e.set)) // (set ≤ count)
	}
	for _, k := range keys {
		bw.WriteString(k)
	}
	return bw.Flush()
}

// readBackgroundTable reads a background in its table form, in place: data
// is kept, and lookups read it. The sections are checked for size and the
// offsets for order, not the hash slots (a table made by WriteTable).
func readBackgroundTable(name, data string) (*Background, error) {
	bad := func(what string) (*Background, error) {
		return nil, fmt.Errorf("%s: not a keyword background table (%s)", name, what)
	}
	if len(data) < bgTableHeader || data[:8] != bgTableMagic {
		return bad("no header")
	}
	t := &bgTable{data: data}
	if v := t.u32(8); v != PartialVersion {
		return nil, fmt.Errorf("%s: keyword background version v%d, this zhpolicy reads v%d", name, v, PartialVersion)
	}
	n, slots := t.u32(12), t.u32(16)
	if slots == 0 || slots&(slots-1) != 0 || uint64(slots) <= uint64(n) {
		return bad("slots")
	}
	u64 := func(at int) int64 { return int64(binary.LittleEndian.Uint64([]byte(data[at : at+8]))) }
	b := &Background{docs: u64(24), units: u64(32), minDF: u64(40), tab: t}
	if b.docs < 0 || b.units < 0 || b.minDF < 0 {
		return bad("counts")
	}
	t.n, t.mask = n, slots-1
	t.slots = bgTableHeader
	t.offs = t.slots + 4*int(slots)
	t.dfs = t.offs + 4*(int(n)+1)
	t.cnts = t.dfs + 4*int(n)
	t.sets = t.cnts + 4*int(n)
	t.key = t.sets + 4*int(n)
	if t.key > len(data) {
		return bad("short")
	}
	prev := uint32(0)
	for i := 0; i <= int(n); i++ {
		o := t.u32(t.offs + 4*i)
		if o < prev {
			return bad("offsets out of order")
		}
		prev = o
	}
	if t.key+int(prev) != len(data) {
		return bad("keys")
	}
	return b, nil
}
