// Package zhdict is the project's compiled Chinese dictionary: gse's
// Simplified word list under the project's policy words, gse's IDF table and
// gse's HMM model, compiled by `go generate ./dict` (dict/gen) into one file
// that is embedded and read in place. Opening it costs a checksum; nothing is
// parsed, and no private symbol of gse is read (gse is not linked into the
// binary at all: its published data files are the generator's input).
//
// The words are a rune trie. Every rune of a key has a code (1…Chars, in
// rune order; 0 for a rune no key contains), found by a two-level table.
// Nodes are numbered breadth first: node 0 is the root, node c (1…Chars) is
// the one-rune key of code c, and the children of a node are consecutive
// nodes sorted by code, so a child is found by a search over a few labels.
// Each node has a 16-bit value: the index of the word's frequency in a
// table of distinct frequencies (0: not a word), whether the node is on the
// path of a word of the segmentation dictionary (a word or a prefix of one:
// IDF-only nodes are not), and whether its value differs when the policy
// words are left out (its gse-only value is then in a small side table).
// Nodes with children are marked in a bitmap; a rank over it gives the
// index of the node's first child, so leaves (60% of nodes) cost nothing.
// IDF values hang off the nodes the same way (bitmap, rank, value index).
//
// Layout, little-endian; every section starts at a multiple of 8:
//
//	header (128 bytes): magic "zhpdic03", counts (see the offsets below),
//	    the CRC-32C of dict/policy.txt it was built with, the total
//	    frequency with and without the policy words, the median IDF, the
//	    HMM start probabilities
//	top      u16[4352]        rune>>8 → page number + 1 (0: none)
//	pages    u16[256·pages]   rune&255 → code (0: none)
//	node     u32[nodes]       bits 0–15 the code of the node's last rune
//	                          (its label), 16–31 its value: bits 0–12
//	                          frequency index + 1, 13 on a word's path, 14
//	                          differs without the policy words, 15 the
//	                          children are a hash table (label and value
//	                          side by side: a search over the labels has
//	                          the found child's value in cache)
//	pos      u8[nodes]        part-of-speech index (0: none)
//	inner    u64[⌈nodes/64⌉] + u32[⌈nodes/64⌉]   bitmap of nodes with
//	                          children, and the rank before each word
//	first    u32[inner+1]     first child of the k-th inner node
//	idfset   u64[…] + u32[…]  bitmap of nodes with an IDF value, rank
//	idf      u16[idfnodes]    IDF value index
//	freqs    f64[freqs]       the distinct word frequencies, ascending
//	idfvals  f64[idfvals]     the distinct IDF values, ascending
//	side     {u32 node, u16 val, u8 pos, u8 0}[side]   gse-only values
//	trans    f64[16]          HMM transitions [from][to], states B M E S
//	emitr    u32[emit]        runes with HMM emission probabilities, ascending
//	emit     f64[4·emit]      their B M E S emission log-probabilities
//	posnames the part-of-speech names, each followed by a NUL
//	trailer  u32 CRC-32C of everything before it, u32 0
package zhdict

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"math/bits"
	"sort"
	"strings"
	"sync"
	"unsafe"
)

const (
	magic     = "zhpdic03"
	headerLen = 128
	topLen    = 0x1100 // pages of 256 runes up to U+10FFFF

	// Val bits.
	FreqMask = 1<<13 - 1 // frequency index + 1; 0: not a word
	OnPath   = 1 << 13   // the node is a word of the segmentation dictionary or a prefix of one
	Touched  = 1 << 14   // the value differs without the policy words (see SideVal)
	Hashed   = 1 << 15   // the children are an open-addressing table (see Child)

	// HashMin is the fewest children a node has for them to be laid out
	// as a hash table rather than in code order.
	HashMin = 8

	// MinFloat is gse's HMM stand-in for log(0).
	MinFloat = -3.14e100
)

// HMM states, in the order gse's Viterbi visits them.
const (
	B = iota
	M
	E
	S
)

// castagnoli is built on the first checksum, not at every start: a run that
// never reads the dictionary (detect, convert, clean) does not pay for it
// (0.2–0.36 ms of package init, GODEBUG=inittrace=1).
var castagnoli = sync.OnceValue(func() *crc32.Table { return crc32.MakeTable(crc32.Castagnoli) })

// Checksum is the CRC-32C of s.
func Checksum(s string) uint32 {
	return crc32.Checksum(unsafe.Slice(unsafe.StringData(s), len(s)), castagnoli())
}

// header field offsets
const (
	hNodes     = 8
	hChars     = 12
	hPages     = 16
	hInner     = 20
	hFreqs     = 24
	hPOS       = 28
	hIDFNodes  = 32
	hIDFValues = 36
	hSide      = 40
	hEmit      = 44
	hWords     = 48
	hBaseWords = 52
	hPolicyCRC = 56
	hPOSBytes  = 60
	hTotal     = 64
	hBaseTotal = 72
	hIDFMedian = 80
	hStart     = 88 // 4 × f64
	hIDFWords  = 120
)

// Dict is an opened compiled dictionary. It is read-only and safe for
// concurrent use.
type Dict struct {
	nodes, chars int
	top, pages   []uint16
	node         []uint32
	pos          []uint8
	inner        rank
	first        []uint32
	idfSet       rank
	idf          []uint16
	freqs        []float64
	idfVals      []float64
	side         []byte
	trans        []float64
	emitRunes    []uint32
	emit         []float64
	posNames     []string

	words, baseWords, idfWords int
	policyCRC                  uint32
	total, baseTotal           float64
	idfMedian                  float64
	start                      [4]float64
}

// rank is a bitmap with the number of set bits before each 64-bit word.
type rank struct {
	bits  []uint64
	count []uint32
}

func (r *rank) has(i uint32) bool { return r.bits[i>>6]&(1<<(i&63)) != 0 }

// index is the number of set bits before bit i.
func (r *rank) index(i uint32) uint32 {
	return r.count[i>>6] + uint32(bits.OnesCount64(r.bits[i>>6]&(1<<(i&63)-1)))
}

// ErrFormat is wrapped by every error of Open about the data itself.
var ErrFormat = errors.New("compiled dictionary is damaged or of another format")

// Open reads a compiled dictionary in place. It checks the header, the
// section sizes and the checksum of the whole; it parses nothing.
func Open(data string) (*Dict, error) {
	bad := func(what string, args ...any) (*Dict, error) {
		return nil, fmt.Errorf("%w: %s", ErrFormat, fmt.Sprintf(what, args...))
	}
	if len(data) == 0 {
		return bad("it is empty (was `go generate ./dict` run?)")
	}
	if len(data) < headerLen+8 || data[:8] != magic {
		return bad("bad header (%d bytes)", len(data))
	}
	body := data[:len(data)-8]
	if le32(data, len(data)-8) != Checksum(body) {
		return bad("checksum mismatch")
	}
	u := func(at int) int { return int(le32(data, at)) }
	d := &Dict{
		nodes:     u(hNodes),
		chars:     u(hChars),
		words:     u(hWords),
		baseWords: u(hBaseWords),
		idfWords:  u(hIDFWords),
		policyCRC: le32(data, hPolicyCRC),
		total:     f64(data, hTotal),
		baseTotal: f64(data, hBaseTotal),
		idfMedian: f64(data, hIDFMedian),
	}
	for i := range d.start {
		d.start[i] = f64(data, hStart+8*i)
	}
	npages, ninner, nfreqs, npos := u(hPages), u(hInner), u(hFreqs), u(hPOS)
	nidf, nidfv, nside, nemit, posBytes := u(hIDFNodes), u(hIDFValues), u(hSide), u(hEmit), u(hPOSBytes)
	if d.nodes < 1 || d.chars >= d.nodes || d.chars > math.MaxUint16 || ninner > d.nodes || nidf > d.nodes ||
		nfreqs > FreqMask || npos > 256 || nidfv > math.MaxUint16 || npages > topLen {
		return bad("implausible counts")
	}
	words := (d.nodes + 63) / 64
	c := cursor{data: body, at: headerLen}
	d.top = c.u16(topLen)
	d.pages = c.u16(256 * npages)
	d.node = c.u32(d.nodes)
	d.pos = c.u8(d.nodes)
	d.inner = rank{c.u64(words), c.u32(words)}
	d.first = c.u32(ninner + 1)
	d.idfSet = rank{c.u64(words), c.u32(words)}
	d.idf = c.u16(nidf)
	d.freqs = c.f64(nfreqs)
	d.idfVals = c.f64(nidfv)
	d.side = c.u8(8 * nside)
	d.trans = c.f64(16)
	d.emitRunes = c.u32(nemit)
	d.emit = c.f64(4 * nemit)
	names := c.str(posBytes)
	if c.err != nil || (c.at+7)&^7 != len(body) {
		return bad("section sizes do not add up to the file size")
	}
	d.posNames = strings.Split(strings.TrimSuffix(names, "\x00"), "\x00")
	if posBytes == 0 {
		d.posNames = nil
	}
	if len(d.posNames) != npos {
		return bad("%d part-of-speech names, header says %d", len(d.posNames), npos)
	}
	if d.first[0] != uint32(1) || d.first[ninner] != uint32(d.nodes) {
		return bad("child table does not span the nodes")
	}
	for _, p := range d.top {
		if int(p) > npages {
			return bad("rune table points past its pages")
		}
	}
	return d, nil
}

func le32(s string, at int) uint32 {
	return uint32(s[at]) | uint32(s[at+1])<<8 | uint32(s[at+2])<<16 | uint32(s[at+3])<<24
}

func f64(s string, at int) float64 {
	return math.Float64frombits(uint64(le32(s, at)) | uint64(le32(s, at+4))<<32)
}

// cursor reads the sections of a body in order, each from a multiple of 8.
type cursor struct {
	data string
	at   int
	err  error
}

func (c *cursor) take(n, size int) (unsafe.Pointer, string) {
	if c.err != nil {
		return nil, ""
	}
	c.at = (c.at + 7) &^ 7
	if n < 0 || c.at+n*size > len(c.data) {
		c.err = errors.New("short")
		return nil, ""
	}
	s := c.data[c.at : c.at+n*size]
	c.at += n * size
	if n == 0 {
		return nil, ""
	}
	return unsafe.Pointer(unsafe.StringData(s)), s
}

// Views: in place where the machine is little-endian and reads unaligned
// words (the embedded data has no alignment guarantee; checkptr allows
// unaligned views of types without pointers), decoded copies elsewhere.

func (c *cursor) u8(n int) []uint8 {
	p, _ := c.take(n, 1)
	if p == nil {
		return nil
	}
	return unsafe.Slice((*uint8)(p), n)
}

func (c *cursor) str(n int) string {
	_, s := c.take(n, 1)
	return s
}

func (c *cursor) u16(n int) []uint16 {
	p, s := c.take(n, 2)
	if p == nil {
		return nil
	}
	if inPlace || uintptr(p)%2 == 0 && littleEndian {
		return unsafe.Slice((*uint16)(p), n)
	}
	out := make([]uint16, n)
	for i := range out {
		out[i] = uint16(s[2*i]) | uint16(s[2*i+1])<<8
	}
	return out
}

func (c *cursor) u32(n int) []uint32 {
	p, s := c.take(n, 4)
	if p == nil {
		return nil
	}
	if inPlace || uintptr(p)%4 == 0 && littleEndian {
		return unsafe.Slice((*uint32)(p), n)
	}
	out := make([]uint32, n)
	for i := range out {
		out[i] = le32(s, 4*i)
	}
	return out
}

func (c *cursor) u64(n int) []uint64 {
	p, s := c.take(n, 8)
	if p == nil {
		return nil
	}
	if inPlace || uintptr(p)%8 == 0 && littleEndian {
		return unsafe.Slice((*uint64)(p), n)
	}
	out := make([]uint64, n)
	for i := range out {
		out[i] = uint64(le32(s, 8*i)) | uint64(le32(s, 8*i+4))<<32
	}
	return out
}

func (c *cursor) f64(n int) []float64 {
	p, s := c.take(n, 8)
	if p == nil {
		return nil
	}
	if inPlace || uintptr(p)%8 == 0 && littleEndian {
		return unsafe.Slice((*float64)(p), n)
	}
	out := make([]float64, n)
	for i := range out {
		out[i] = f64(s, 8*i)
	}
	return out
}

var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// Chars is the number of distinct runes in the keys; codes are 1…Chars.
func (d *Dict) Chars() int { return d.chars }

// Nodes is the number of trie nodes, the root included.
func (d *Dict) Nodes() int { return d.nodes }

// Words is the number of words of the segmentation dictionary (gse's words
// under the policy words); BaseWords the number of gse's words alone.
func (d *Dict) Words() int     { return d.words }
func (d *Dict) BaseWords() int { return d.baseWords }

// IDFWords is the number of words with an IDF value.
func (d *Dict) IDFWords() int { return d.idfWords }

// Total is the total frequency of the segmentation dictionary; BaseTotal
// that of gse's words alone.
func (d *Dict) Total() float64     { return d.total }
func (d *Dict) BaseTotal() float64 { return d.baseTotal }

// PolicyChecksum is the Checksum of the policy word list the dictionary
// was compiled with.
func (d *Dict) PolicyChecksum() uint32 { return d.policyCRC }

// IDFMedian is the median of the IDF table (the element at len/2 of the
// sorted values).
func (d *Dict) IDFMedian() float64 { return d.idfMedian }

// Code is the code of rune r (its depth-one node), or 0 when no key
// contains r.
func (d *Dict) Code(r rune) uint16 {
	if uint32(r) >= topLen<<8 {
		return 0
	}
	p := d.top[r>>8]
	if p == 0 {
		return 0
	}
	return d.pages[int(p-1)<<8|int(r&0xFF)]
}

// slotOf is the slot of code c in a hash table of m children: Fibonacci
// hashing, reduced to [0, m) by a multiplication.
func slotOf(c uint16, m uint32) uint32 {
	return uint32(uint64(uint32(c)*0x9E3779B1) * uint64(m) >> 32)
}

// Child is the child of node n whose last rune has code c, or 0.
//
// The children of a node with HashMin children or more (most of the first
// runes' hundreds) are an open-addressing table at most 70% full: a child
// is at the slot of its code or after it, before the next empty slot (a
// node of label 0), a probe or two in one cache line. Fewer children are
// in code order.
func (d *Dict) Child(n uint32, c uint16) uint32 {
	if c == 0 || !d.inner.has(n) {
		return 0
	}
	k := d.inner.index(n)
	lo, hi := d.first[k], d.first[k+1]
	node := d.node
	if node[n]&(Hashed<<16) != 0 {
		for i := lo + slotOf(c, hi-lo); ; {
			switch l := uint16(node[i]); l {
			case c:
				return i
			case 0:
				return 0
			}
			if i++; i == hi {
				i = lo
			}
		}
	}
	for hi-lo > 8 {
		m := (lo + hi) >> 1
		switch l := uint16(node[m]); {
		case l < c:
			lo = m + 1
		case l > c:
			hi = m
		default:
			return m
		}
	}
	for ; lo < hi; lo++ {
		if l := uint16(node[lo]); l >= c {
			if l == c {
				return lo
			}
			return 0
		}
	}
	return 0
}

// Val is node n's value (FreqMask, OnPath, Touched bits).
func (d *Dict) Val(n uint32) uint16 { return uint16(d.node[n] >> 16) }

// Freqs is the table of distinct frequencies: a value v of a word has
// frequency Freqs()[v&FreqMask-1].
func (d *Dict) Freqs() []float64 { return d.freqs }

// POS is the part of speech of node n's word ("" when none).
func (d *Dict) POS(n uint32) string { return d.posName(d.pos[n]) }

func (d *Dict) posName(i uint8) string {
	if i == 0 {
		return ""
	}
	return d.posNames[i-1]
}

// SideVal is node n's value and part of speech in gse's dictionary alone
// (without the policy words). n must have the Touched bit.
func (d *Dict) SideVal(n uint32) (val uint16, pos string) {
	// the side table is sorted by node
	s := d.side
	lo, hi := 0, len(s)/8
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if node := uint32(s[8*m]) | uint32(s[8*m+1])<<8 | uint32(s[8*m+2])<<16 | uint32(s[8*m+3])<<24; node < n {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo*8 >= len(s) {
		return 0, ""
	}
	e := s[8*lo : 8*lo+8]
	if uint32(e[0])|uint32(e[1])<<8|uint32(e[2])<<16|uint32(e[3])<<24 != n {
		return 0, ""
	}
	return uint16(e[4]) | uint16(e[5])<<8, d.posName(e[6])
}

// Find walks key from the root and returns its node, or 0.
func (d *Dict) Find(key string) uint32 {
	var n uint32
	for _, r := range key {
		c := d.Code(r)
		if c == 0 {
			return 0
		}
		if n == 0 {
			n = uint32(c)
		} else if n = d.Child(n, c); n == 0 {
			return 0
		}
	}
	return n
}

// IDF is the IDF value of node n, if it has one.
func (d *Dict) IDF(n uint32) (float64, bool) {
	if n == 0 || !d.idfSet.has(n) {
		return 0, false
	}
	return d.idfVals[d.idf[d.idfSet.index(n)]], true
}

// HMMStart is the start log-probability of each state (B M E S).
func (d *Dict) HMMStart() [4]float64 { return d.start }

// HMMTrans is the transition log-probability from state a to state b
// (MinFloat where gse's model has none).
func (d *Dict) HMMTrans(a, b int) float64 { return d.trans[4*a+b] }

// HMMEmit returns the emission log-probabilities of r in states B M E S
// (MinFloat where gse's model has none).
func (d *Dict) HMMEmit(r rune) [4]float64 {
	lo, hi := 0, len(d.emitRunes)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if rune(d.emitRunes[m]) < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(d.emitRunes) || rune(d.emitRunes[lo]) != r {
		return [4]float64{MinFloat, MinFloat, MinFloat, MinFloat}
	}
	return [4]float64(d.emit[4*lo : 4*lo+4])
}

// HMMRunes is the number of runes with emission probabilities.
func (d *Dict) HMMRunes() int { return len(d.emitRunes) }

// Each calls f for every node with a value in either layer, in key order:
// the key, the node, and the values with and without the policy words.
// For tests and checks; it allocates.
func (d *Dict) Each(f func(key string, n uint32)) {
	runes := make([]rune, d.chars+1)
	for r := rune(0); r < topLen<<8; r++ {
		if c := d.Code(r); c != 0 {
			runes[c] = r
		}
	}
	var walk func(prefix []rune, n uint32)
	walk = func(prefix []rune, n uint32) {
		key := append(prefix, runes[uint16(d.node[n])])
		f(string(key), n)
		if !d.inner.has(n) {
			return
		}
		k := d.inner.index(n)
		var kids []uint32
		for ch := d.first[k]; ch < d.first[k+1]; ch++ {
			if uint16(d.node[ch]) != 0 { // not an empty slot
				kids = append(kids, ch)
			}
		}
		sort.Slice(kids, func(a, b int) bool { return uint16(d.node[kids[a]]) < uint16(d.node[kids[b]]) })
		for _, ch := range kids {
			walk(key, ch)
		}
	}
	for c := 1; c <= d.chars; c++ {
		walk(nil, uint32(c))
	}
}
