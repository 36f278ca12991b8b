package entities

import (
	"encoding/binary"
	"errors"
	"maps"
	"math"
	"slices"

	entdict "zhpolicy/dict/entities"
	"zhpolicy/internal/varbin"
)

// The recogniser's tables as they are after parsing the word lists of
// dict/entities, precomputed at `go generate` time and embedded
// (entdict.Snapshot): decoding them at start-up costs a fraction of
// parsing the lists and deriving the short forms and the tries
// (BenchmarkBuildTables against BenchmarkLoadTables). TestTablesSnapshot
// fails when the snapshot no longer matches the lists; rewrite it with
//
//	go generate ./pkg/analysis/entities/

//go:generate go test -run TestTablesSnapshot -update-tables .

// snapshotMagic starts a snapshot; its last byte is the format's version.
const snapshotMagic = "ZPET\x01"

// loadTables decodes the embedded snapshot, or parses the word lists when
// there is none or it does not decode (a build whose snapshot was not
// generated: slower, same tables).
func loadTables() *tables {
	if t, err := decodeTables(entdict.Snapshot); err == nil {
		return t
	}
	return buildTables()
}

type encoder struct{ b []byte }

func (e *encoder) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) int(v int64)   { e.b = binary.AppendVarint(e.b, v) }
func (e *encoder) str(s string)  { e.uint(uint64(len(s))); e.b = append(e.b, s...) }
func (e *encoder) f64(f float64) { e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(f)) }

func (e *encoder) entry(g gazEntry) {
	e.str(string(g.Type))
	var f byte
	for i, b := range []bool{g.Derived, g.User, g.Ambiguous} {
		if b {
			f |= 1 << i
		}
	}
	e.b = append(e.b, f)
}

func (e *encoder) gaz(m map[string]gazEntry) {
	e.uint(uint64(len(m)))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		e.str(k)
		e.entry(m[k])
	}
}

func (e *encoder) set(m map[string]bool) {
	e.uint(uint64(len(m)))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		e.str(k)
	}
}

func (e *encoder) scores(m map[rune]float64) {
	e.uint(uint64(len(m)))
	prev := rune(0)
	for _, r := range slices.Sorted(maps.Keys(m)) {
		e.uint(uint64(r - prev))
		prev = r
		e.f64(m[r])
	}
}

func (e *encoder) runes(m *rset) {
	e.int(int64(m.lo))
	e.int(int64(m.hi))
	e.uint(uint64(len(m.bits)))
	for _, w := range m.bits {
		e.uint(w)
	}
}

func (e *encoder) trie(t *trie) {
	// a frozen trie: its child arrays
	e.uint(uint64(len(t.kr)))
	for i, r := range t.kr {
		e.uint(uint64(r))
		e.int(int64(t.kn[i]))
	}
	e.uint(uint64(len(t.entry)))
	for i := 1; i < len(t.ks); i++ {
		e.uint(uint64(t.ks[i] - t.ks[i-1]))
	}
	for _, v := range t.entry {
		e.int(int64(v))
	}
	e.uint(uint64(len(t.entries)))
	for _, g := range t.entries {
		e.entry(g)
	}
	if t.root == nil {
		e.uint(0)
		return
	}
	e.uint(1)
	n := 0
	for _, v := range t.root {
		if v != 0 {
			n++
		}
	}
	e.uint(uint64(n))
	for i, v := range t.root {
		if v != 0 {
			e.uint(uint64(i))
			e.int(int64(v))
		}
	}
}

// encodeTables writes t in the snapshot format.
func encodeTables(t *tables) []byte {
	e := &encoder{b: []byte(snapshotMagic)}
	e.gaz(t.gaz)
	e.uint(uint64(t.maxGaz))
	e.gaz(t.policyGaz)
	e.trie(t.gazTrie)
	e.trie(t.policyTrie)
	e.trie(t.titleRev)
	for _, s := range []*rset{t.abbr, t.sur1, t.translit, t.minority} {
		e.runes(s)
	}
	for _, m := range []map[string]bool{t.sur2, t.japanese, t.titles, t.cues, t.suffixes, t.kinds} {
		e.set(m)
	}
	e.uint(uint64(t.maxTitle))
	e.uint(uint64(t.maxSuffix))
	e.scores(t.given)
	e.scores(t.surname)
	e.f64(t.givenDefault)
	e.uint(uint64(len(t.notPlaces)))
	for _, p := range t.notPlaces {
		e.str(string(p))
	}
	return e.b
}

var errSnapshot = errors.New("entities: bad tables snapshot")

type decoder struct {
	varbin.Reader
	// all is the whole input as one string, that the strings decoded are
	// cut from (one allocation for all the names)
	all string
}

// count reads a length, refused when the rest of the input could not hold
// that many items of at least min bytes.
func (d *decoder) count(min int) int {
	n := d.Uvarint()
	if n > uint64(len(d.B)/min) {
		d.Fail()
		return 0
	}
	return int(n)
}

func (d *decoder) str() string {
	n := d.count(1)
	at := len(d.all) - len(d.B)
	d.B = d.B[n:]
	return d.all[at : at+n]
}

func (d *decoder) entry() gazEntry {
	g := gazEntry{Type: Type(d.str())}
	if len(d.B) < 1 {
		d.Fail()
		return g
	}
	f := d.B[0]
	d.B = d.B[1:]
	g.Derived, g.User, g.Ambiguous = f&1 != 0, f&2 != 0, f&4 != 0
	return g
}

func (d *decoder) gaz() map[string]gazEntry {
	n := d.count(3)
	m := make(map[string]gazEntry, n)
	for range n {
		k := d.str()
		m[k] = d.entry()
	}
	return m
}

func (d *decoder) set() map[string]bool {
	n := d.count(1)
	m := make(map[string]bool, n)
	for range n {
		m[d.str()] = true
	}
	return m
}

func (d *decoder) scores() map[rune]float64 {
	n := d.count(9)
	m := make(map[rune]float64, n)
	r := rune(0)
	for range n {
		r += rune(d.Uvarint())
		m[r] = d.Float64()
	}
	return m
}

func (d *decoder) runes() *rset {
	s := &rset{lo: rune(d.Varint()), hi: rune(d.Varint())}
	n := d.count(1)
	if n > 0 {
		s.bits = make([]uint64, n)
		for i := range s.bits {
			s.bits[i] = d.Uvarint()
		}
	}
	if !d.Failed && s.lo <= s.hi && (s.lo < 0 || int64(s.hi-s.lo)/64+1 != int64(len(s.bits))) {
		d.Fail() // has would index out of the bits
	}
	return s
}

func (d *decoder) trie() *trie {
	n := d.count(2)
	t := &trie{kr: make([]rune, n), kn: make([]int32, n)}
	for i := range n {
		t.kr[i] = rune(d.Uvarint())
		t.kn[i] = int32(d.Varint())
	}
	t.entry = make([]int32, d.count(1))
	t.ks = make([]int32, len(t.entry)+1)
	for i := 1; i < len(t.ks); i++ {
		t.ks[i] = t.ks[i-1] + int32(d.Uvarint())
	}
	if !d.Failed && int(t.ks[len(t.ks)-1]) != n {
		d.Fail()
	}
	for i := range t.entry {
		t.entry[i] = int32(d.Varint())
	}
	t.entries = make([]gazEntry, d.count(2))
	for i := range t.entries {
		t.entries[i] = d.entry()
	}
	if d.Uvarint() == 1 {
		t.root = make([]int32, rootHi-rootLo)
		for range d.count(2) {
			i := d.Uvarint()
			v := int32(d.Varint())
			if i >= uint64(len(t.root)) {
				d.Fail()
				break
			}
			t.root[i] = v
		}
	}
	// every node a walk can reach must have an entry slot, and every slot
	// an entry or none; the children of a node ascend
	nodes := int32(len(t.entry))
	for _, v := range t.kn {
		if v <= 0 || v >= nodes {
			d.Fail()
		}
	}
	for i := 1; i < len(t.ks); i++ {
		if t.ks[i] < t.ks[i-1] {
			d.Fail()
		}
	}
	for _, v := range t.root {
		if v < 0 || v >= nodes {
			d.Fail()
		}
	}
	for _, v := range t.entry {
		if v < -1 || v >= int32(len(t.entries)) {
			d.Fail()
		}
	}
	return t
}

// decodeTables reads a snapshot written by encodeTables; any damage is an
// error, never a panic or a table that indexes out of range.
func decodeTables(b []byte) (*tables, error) {
	if len(b) < len(snapshotMagic) || string(b[:len(snapshotMagic)]) != snapshotMagic {
		return nil, errSnapshot
	}
	d := &decoder{Reader: varbin.Reader{B: b[len(snapshotMagic):]}}
	d.all = string(d.B)
	t := &tables{}
	t.gaz = d.gaz()
	t.maxGaz = int(d.Uvarint())
	t.policyGaz = d.gaz()
	t.gazTrie = d.trie()
	t.policyTrie = d.trie()
	t.titleRev = d.trie()
	t.abbr, t.sur1, t.translit, t.minority = d.runes(), d.runes(), d.runes(), d.runes()
	t.sur2, t.japanese, t.titles, t.cues, t.suffixes, t.kinds = d.set(), d.set(), d.set(), d.set(), d.set(), d.set()
	t.maxTitle = int(d.Uvarint())
	t.maxSuffix = int(d.Uvarint())
	t.given = d.scores()
	t.surname = d.scores()
	t.givenDefault = d.Float64()
	for range d.count(1) {
		t.notPlaces = append(t.notPlaces, []rune(d.str()))
	}
	if d.Failed || len(d.B) != 0 {
		return nil, errSnapshot
	}
	return t, nil
}
