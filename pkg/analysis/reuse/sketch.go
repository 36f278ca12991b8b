// Package reuse finds text reuse between documents: pairs that share long
// passages (a provincial rule taking over a ministry's, a notice filed
// twice). It works in three steps, each bounded:
//
//  1. Sketch: every document is folded to Simplified and reduced to its
//     letters and digits (punctuation and spaces do not count), cut into
//     chunks at paragraph ends (long paragraphs at sentence ends, at most
//     MaxChunk characters), and each chunk's character k-shingles get a
//     MinHash signature.
//  2. Candidates: locality-sensitive hashing over the signatures (Bands
//     bands of Rows rows) pairs chunks of different documents; a pair is
//     kept when its signatures agree on at least MinSimilarity of their
//     values (the estimated Jaccard similarity of the shingle sets).
//     Buckets holding more than MaxBucket chunks (formulas every document
//     has) are skipped.
//  3. Alignment: each kept chunk pair is aligned with Smith–Waterman
//     (match +1, mismatch −1, gap −1), and the alignment is extended to the
//     neighbouring chunks of both documents while they align too; passages
//     that touch are joined. A document pair's passages give its
//     containment both ways (the share of each document's characters
//     inside a passage), its aligned length and, with dates, its direction
//     and lag.
//
// Documents whose reduced texts are equal are exact duplicates and are
// reported as such without alignment.
package reuse

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math/bits"
	"unicode"
	"unicode/utf8"

	"zhpolicy/pkg/analysis"
)

// Params are the sketching and matching parameters. Zero fields take the
// defaults (DefaultParams).
type Params struct {
	Shingle       int     `json:"shingle"`        // characters per shingle (5)
	Bands         int     `json:"bands"`          // LSH bands (20)
	Rows          int     `json:"rows"`           // values per band (3)
	ChunkTarget   int     `json:"chunk_target"`   // characters a chunk aims at (120)
	MaxChunk      int     `json:"max_chunk"`      // characters per chunk at most (300)
	MinChunk      int     `json:"min_chunk"`      // shorter chunks are not sketched (12)
	MaxBucket     int     `json:"max_bucket"`     // larger LSH buckets are skipped (64)
	MinSimilarity float64 `json:"min_similarity"` // estimated Jaccard for a chunk pair (0.3)
	// MinPassage is the fewest matching characters a passage needs (30).
	MinPassage int `json:"min_passage"`
}

// DefaultParams are the defaults; see the package comment and
// bench/reuse/README.md for why.
func DefaultParams() Params {
	return Params{Shingle: 5, ChunkTarget: 120, Bands: 20, Rows: 3, MaxChunk: 300, MinChunk: 12, MaxBucket: 64, MinSimilarity: 0.3, MinPassage: 30}
}

func (p Params) withDefaults() Params {
	d := DefaultParams()
	if p.Shingle <= 0 {
		p.Shingle = d.Shingle
	}
	if p.Bands <= 0 {
		p.Bands = d.Bands
	}
	if p.Rows <= 0 {
		p.Rows = d.Rows
	}
	if p.ChunkTarget <= 0 {
		p.ChunkTarget = d.ChunkTarget
	}
	if p.MaxChunk <= 0 {
		p.MaxChunk = d.MaxChunk
	}
	if p.MinChunk <= 0 {
		p.MinChunk = d.MinChunk
	}
	if p.MaxBucket <= 0 {
		p.MaxBucket = d.MaxBucket
	}
	if p.MinSimilarity <= 0 {
		p.MinSimilarity = d.MinSimilarity
	}
	if p.MinPassage <= 0 {
		p.MinPassage = d.MinPassage
	}
	return p
}

// Validate reports parameters no sketch can use.
func (p Params) Validate() error {
	p = p.withDefaults()
	switch {
	case p.Shingle > 20:
		return fmt.Errorf("reuse: shingle %d too long (at most 20)", p.Shingle)
	case p.Bands*p.Rows > 512:
		return fmt.Errorf("reuse: %d bands × %d rows is more than 512 hash values", p.Bands, p.Rows)
	case p.MinSimilarity > 1:
		return fmt.Errorf("reuse: min similarity %v above 1", p.MinSimilarity)
	case p.ChunkTarget > p.MaxChunk:
		return fmt.Errorf("reuse: chunk target %d above max chunk %d", p.ChunkTarget, p.MaxChunk)
	case p.MaxChunk < p.MinChunk || p.MaxChunk > 5000:
		return fmt.Errorf("reuse: max chunk %d must be between min chunk %d and 5000", p.MaxChunk, p.MinChunk)
	}
	return nil
}

// Doc is a document to compare.
type Doc struct {
	Name string
	// Date is the document's date as YYYY-MM-DD (or YYYY-MM, YYYY); empty
	// when unknown.
	Date string
	In   *analysis.Input
}

// reduced is a document reduced to its letters and digits.
type reduced struct {
	runes []rune
	// off[i] is the byte offset in Text of runes[i]; off[len] = len(Text)
	off []int32
	// chunk boundaries: chunk c is runes[bounds[c]:bounds[c+1]]
	bounds []int32
	hash   uint64 // of runes: equal texts are duplicates
}

// reduce folds and filters a document, keeping the offsets.
func reduce(in *analysis.Input, target, maxChunk int) *reduced {
	folded := in.Folded
	if folded == "" {
		folded = in.Text
	}
	r := &reduced{}
	// cut points: reduced index just after a sentence end (strong) or a
	// line end (weak: PDF text wraps lines inside sentences)
	var strong, weak []int32
	for i := 0; i < len(folded); {
		c, n := utf8.DecodeRuneInString(folded[i:])
		switch {
		case c == '\n':
			weak = append(weak, int32(len(r.runes)))
		case c == '。' || c == '！' || c == '？' || c == '；' || c == '!' || c == '?' || c == ';':
			strong = append(strong, int32(len(r.runes)))
		case unicode.IsLetter(c) || unicode.IsDigit(c):
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			} else if c >= 'Ａ' && c <= 'Ｚ' {
				c += 'a' - 'Ａ'
			} else if c >= 'ａ' && c <= 'ｚ' {
				c += 'a' - 'ａ'
			} else if c >= '０' && c <= '９' {
				c += '0' - '０'
			}
			ts, _ := in.TextSpan(i, i+n)
			r.runes = append(r.runes, c)
			r.off = append(r.off, int32(ts))
		}
		i += n
	}
	r.off = append(r.off, int32(len(in.Text)))
	r.bounds = chunkBounds(int32(len(r.runes)), strong, weak, int32(target), int32(maxChunk))
	h := fnv.New64a()
	var buf [4]byte
	for _, c := range r.runes {
		binary.LittleEndian.PutUint32(buf[:], uint32(c))
		h.Write(buf[:])
	}
	r.hash = h.Sum64()
	return r
}

func (r *reduced) chunks() int { return len(r.bounds) - 1 }

// mix64 is a finaliser that spreads the bits of x (splitmix64).
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// hashers are the MinHash functions: v = a·x + b (mod 2^64), high 32 bits.
type hashers struct {
	a, b []uint64
}

func newHashers(n int) hashers {
	h := hashers{a: make([]uint64, n), b: make([]uint64, n)}
	s := uint64(0x5eed_2026_cafe_f00d)
	for i := 0; i < n; i++ {
		s += 0x9e3779b97f4a7c15
		h.a[i] = mix64(s) | 1
		s += 0x9e3779b97f4a7c15
		h.b[i] = mix64(s)
	}
	return h
}

// signature computes the MinHash signature of runes[s:e] with k-shingles
// into sig; false when the chunk has no shingle.
func (h hashers) signature(runes []rune, s, e, k int, sig []uint32) bool {
	if e-s < k {
		return false
	}
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	for i := s; i+k <= e; i++ {
		var x uint64 = 1469598103934665603
		for _, c := range runes[i : i+k] {
			x = (x ^ uint64(c)) * 1099511628211
		}
		x = mix64(x)
		for j := range sig {
			v := uint32((h.a[j]*x + h.b[j]) >> 32)
			if v < sig[j] {
				sig[j] = v
			}
		}
	}
	return true
}

// similarity is the share of equal values of two signatures.
func similarity(a, b []uint32) float64 {
	eq := 0
	for i := range a {
		if a[i] == b[i] {
			eq++
		}
	}
	return float64(eq) / float64(len(a))
}

// bandKey hashes band b of a signature.
func bandKey(sig []uint32, b, rows int) uint64 {
	x := uint64(b+1) * 0x9e3779b97f4a7c15
	for _, v := range sig[b*rows : (b+1)*rows] {
		x = mix64(x ^ uint64(v))
	}
	return bits.RotateLeft64(x, b)
}

// chunkBounds cuts [0,n) into chunks: each ends at the first sentence end
// at least target characters in; failing one within maxChunk, at the last
// sentence end or line end past target/2, else at maxChunk. Cutting at
// sentences rather than lines keeps chunks alike whether a document keeps
// its paragraphs or wraps its lines (PDF text).
func chunkBounds(n int32, strong, weak []int32, target, maxChunk int32) []int32 {
	bounds := []int32{0}
	si, wi := 0, 0
	for s := int32(0); s < n; {
		if n-s <= maxChunk && n-s < target+target/2 {
			break
		}
		for si < len(strong) && strong[si] <= s {
			si++
		}
		for wi < len(weak) && weak[wi] <= s {
			wi++
		}
		cut := int32(-1)
		for k := si; k < len(strong) && strong[k] <= s+maxChunk; k++ {
			if strong[k] >= s+target {
				cut = strong[k]
				break
			}
		}
		if cut < 0 {
			for k := si; k < len(strong) && strong[k] <= s+maxChunk; k++ {
				if strong[k] > s+target/2 {
					cut = strong[k]
				}
			}
		}
		if cut < 0 {
			for k := wi; k < len(weak) && weak[k] <= s+maxChunk; k++ {
				if weak[k] > s+target/2 {
					cut = weak[k]
				}
			}
		}
		if cut < 0 || cut >= n {
			cut = min(s+maxChunk, n)
		}
		if cut >= n {
			break
		}
		bounds = append(bounds, cut)
		s = cut
	}
	return append(bounds, n)
}
