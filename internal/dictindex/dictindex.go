// Package dictindex is a compact, zero-parse index over a dictionary text
// that is embedded elsewhere (gse's Simplified word list and its IDF table):
// the lines that count, sorted by their key in byte order, stored as a
// permutation of line offsets. Looking a word up is a binary search over
// the offsets, reading the key straight out of the dictionary text; nothing
// is parsed or allocated when the index is opened except a checksum of the
// text it was built for.
//
// The index holds numbers only (offsets, lengths, a checksum, one float);
// the dictionary text stays where it is embedded.
//
// Layout, little-endian:
//
//	0   magic "zhpdix02"
//	8   kind (1 words, 2 IDF)
//	12  length of the dictionary text
//	16  CRC-32C (Castagnoli) of the dictionary text
//	20  n, the number of entries
//	24  m, the number of entries whose key is not the line's word verbatim
//	28  f, the number of distinct first runes of the keys
//	32  v, the number of values (n for a word list: frequencies; 0)
//	36  reserved (0)
//	40  a float64: the sum of all frequencies (words) or the median IDF
//	48  n entries: bits 0–23 line offset, 24–30 byte length of the word,
//	    bit 31 set when the key is the word with ASCII upper case lowered
//	..  m entry numbers of the flagged entries, ascending
//	..  f pairs (rune, number of the first entry whose key begins with it),
//	    ascending: a DAG walk starts at the range of its first rune without
//	    a search over all keys
//	..  v values: each entry's frequency as gse loads it (whole numbers),
//	    so that a walk reads it without parsing the line
package dictindex

import (
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"sort"
	"strings"
	"unsafe"
)

// Kind says which rules turn a line of the dictionary into an entry.
type Kind uint32

const (
	// Words is a gse word list, `word freq pos` a line, read as gse's
	// LoadDictStr reads it.
	Words Kind = 1
	// IDF is an IDF table, `word idf` a line.
	IDF Kind = 2
)

func (k Kind) String() string {
	switch k {
	case Words:
		return "words"
	case IDF:
		return "idf"
	}
	return fmt.Sprintf("kind(%d)", uint32(k))
}

const (
	magic     = "zhpdix02"
	headerLen = 48
	offBits   = 24
	offMask   = 1<<offBits - 1
	lenMask   = 0x7f
	flagBit   = 1 << 31
	// MaxSource is the largest dictionary text the format can address.
	MaxSource = 1 << offBits
	// MaxWord is the longest word (in bytes) the format can hold.
	MaxWord = lenMask
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Checksum is the CRC-32C of a dictionary text, as stored in an index.
func Checksum(src string) uint32 {
	// crc32 only reads: hash the string's bytes in place, without a copy.
	return crc32.Checksum(unsafe.Slice(unsafe.StringData(src), len(src)), castagnoli)
}

// ErrStale is returned by Open when the index was built for another text:
// the dependency that embeds the dictionary changed and the index must be
// regenerated (`go generate ./dict`).
var ErrStale = errors.New("dictionary index is stale: it was built for another dictionary text; run `go generate ./dict`")

// Index is an opened index over its dictionary text. It is read-only and
// safe for concurrent use.
type Index struct {
	src     string
	entries string // n little-endian uint32
	n       int
	first   string // f pairs of little-endian uint32
	values  string // n little-endian uint32, or none
	extra   float64
	lowered map[int]string
}

// Open checks that idx is an index of the given kind built for src and
// returns it. It costs one checksum of src.
func Open(kind Kind, src, idx string) (*Index, error) {
	if len(idx) < headerLen || idx[:8] != magic {
		return nil, errors.New("dictionary index: bad header")
	}
	if k := Kind(le32(idx, 8)); k != kind {
		return nil, fmt.Errorf("dictionary index: holds %v, want %v", k, kind)
	}
	if int(le32(idx, 12)) != len(src) || le32(idx, 16) != Checksum(src) {
		return nil, ErrStale
	}
	n, m, f, v := int(le32(idx, 20)), int(le32(idx, 24)), int(le32(idx, 28)), int(le32(idx, 32))
	if len(idx) != headerLen+4*n+4*m+8*f+4*v || v != 0 && v != n {
		return nil, errors.New("dictionary index: truncated")
	}
	first := headerLen + 4*n + 4*m
	x := &Index{
		src:     src,
		entries: idx[headerLen : headerLen+4*n],
		first:   idx[first : first+8*f],
		values:  idx[first+8*f:],
		n:       n,
		extra:   math.Float64frombits(uint64(le32(idx, 40)) | uint64(le32(idx, 44))<<32),
	}
	if m > 0 {
		x.lowered = make(map[int]string, m)
		for j := 0; j < m; j++ {
			i := int(le32(idx, headerLen+4*n+4*j))
			if i >= n {
				return nil, errors.New("dictionary index: bad entry number")
			}
			x.lowered[i] = asciiLower(x.word(i))
		}
	}
	return x, nil
}

func le32(s string, at int) uint32 {
	return uint32(s[at]) | uint32(s[at+1])<<8 | uint32(s[at+2])<<16 | uint32(s[at+3])<<24
}

// Len is the number of entries.
func (x *Index) Len() int { return x.n }

// Extra is the index's one stored number: the sum of the frequencies of
// all entries of a word list, the median value of an IDF table.
func (x *Index) Extra() float64 { return x.extra }

func (x *Index) raw(i int) uint32 { return le32(x.entries, 4*i) }

func (x *Index) word(i int) string {
	e := x.raw(i)
	off := int(e & offMask)
	return x.src[off : off+int(e>>offBits&lenMask)]
}

// Key is the key of entry i: the word of its line, ASCII upper case
// lowered (as gse stores it). Keys are unique and ascending.
func (x *Index) Key(i int) string {
	if x.raw(i)&flagBit != 0 {
		return x.lowered[i]
	}
	return x.word(i)
}

// KeyLen is len(x.Key(i)), without a map look-up for flagged entries
// (lowering ASCII keeps the length).
func (x *Index) KeyLen(i int) int { return int(x.raw(i) >> offBits & lenMask) }

// Freq is the frequency of entry i of a word list, as gse loads it.
func (x *Index) Freq(i int) float64 { return float64(le32(x.values, 4*i)) }

// Line is the whole dictionary line of entry i, without its line end.
func (x *Index) Line(i int) string {
	off := int(x.raw(i) & offMask)
	s := x.src[off:]
	if j := strings.IndexByte(s, '\n'); j >= 0 {
		s = s[:j]
	}
	return s
}

// Narrow takes the range [lo, hi) of entries whose keys all begin with the
// same depth bytes and returns the sub-range of those that continue with
// next. The result is empty (lo == hi) when none does. A key equal to the
// prefix plus next, when there is one, is the first of the range.
func (x *Index) Narrow(lo, hi, depth int, next string) (int, int) {
	// first key whose bytes after depth are >= next (a key that is a
	// proper prefix of the target sorts before it)
	a, b := lo, hi
	for a < b {
		h := int(uint(a+b) >> 1)
		if x.cmpAt(h, depth, next) < 0 {
			a = h + 1
		} else {
			b = h
		}
	}
	lo = a
	if lo == hi || x.cmpAt(lo, depth, next) != 0 {
		return lo, lo
	}
	// the end of the run: gallop from lo (the sub-range is usually
	// short), then search between the last key in it and the probe
	last, probe := lo, lo+1
	for step := 1; probe < hi && x.cmpAt(probe, depth, next) == 0; step *= 2 {
		last = probe
		probe = last + step
	}
	a, b = last+1, min(probe, hi)
	for a < b {
		h := int(uint(a+b) >> 1)
		if x.cmpAt(h, depth, next) == 0 {
			a = h + 1
		} else {
			b = h
		}
	}
	return lo, a
}

// cmpAt compares the bytes of key i after depth, cut to len(next), with
// next (a rune: a few bytes, compared in line).
func (x *Index) cmpAt(i, depth int, next string) int {
	e := x.raw(i)
	var k string
	if e&flagBit != 0 {
		k = x.lowered[i][depth:]
	} else {
		off := int(e&offMask) + depth
		k = x.src[off : off+int(e>>offBits&lenMask)-depth]
	}
	for j := 0; j < len(next); j++ {
		if j == len(k) {
			return -1
		}
		if k[j] != next[j] {
			if k[j] < next[j] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// FirstRange returns the range of entries whose keys begin with r, as
// Narrow(0, Len(), 0, string(r)) would, from the index's first-rune table.
func (x *Index) FirstRange(r rune) (int, int) {
	f := len(x.first) / 8
	a, b := 0, f
	for a < b {
		h := int(uint(a+b) >> 1)
		if rune(le32(x.first, 8*h)) < r {
			a = h + 1
		} else {
			b = h
		}
	}
	if a == f || rune(le32(x.first, 8*a)) != r {
		return 0, 0
	}
	hi := x.n
	if a+1 < f {
		hi = int(le32(x.first, 8*a+12))
	}
	return int(le32(x.first, 8*a+4)), hi
}

// Find returns the entry whose key is key.
func (x *Index) Find(key string) (int, bool) {
	i := sort.Search(x.n, func(i int) bool { return x.Key(i) >= key })
	return i, i < x.n && x.Key(i) == key
}

// asciiLower lowers A–Z only, as gse does for dictionary keys.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// KeyOf is the key under which gse files a word: ASCII upper case lowered
// (gse's toLow; other letters are left as they are).
func KeyOf(word string) string { return asciiLower(word) }
