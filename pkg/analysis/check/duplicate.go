package check

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
)

// Near-duplicates are found with MinHash over character shingles: each
// document keeps a signature of minHashes values (a few hundred bytes), and
// locality-sensitive hashing (bands of rows) proposes candidate pairs among
// them. Candidates are then verified with the exact Jaccard similarity of the
// two documents' shingle sets (Similarity), so the similarity reported is
// exact while memory stays small for corpora of any size.
const (
	shingleRunes = 5
	minHashes    = 64
	lshBands     = 16
	lshRows      = minHashes / lshBands
	// candidates whose estimated similarity is this much below the
	// threshold are still verified; at most maxVerify per document.
	estimateSlack = 0.15
	maxVerify     = 3
)

// Fingerprint summarises a document's normalised text for the duplicate
// rule. The zero value (Valid false) takes no part: texts shorter than the
// configured minimum.
type Fingerprint struct {
	Valid bool
	Hash  uint64 // of the whole normalised text
	Runes int
	Sig   [minHashes]uint32
}

// normaliseForDuplicates keeps the letters and digits of a cleaned text,
// folded to Simplified: two copies that differ only in script, punctuation,
// spacing, width or pinyin annotations compare equal.
func normaliseForDuplicates(clean string) string {
	folded := fold(clean)
	var b strings.Builder
	b.Grow(len(folded))
	for _, r := range folded {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// mix64 is the splitmix64 finaliser: a fixed, well-spread 64-bit hash step.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// shingles calls fn with the hash of every shingle of text (runs of
// shingleRunes runes; a shorter text is one shingle).
func shingles(text string, fn func(h uint64)) {
	var win [shingleRunes]uint64
	n := 0
	for _, r := range text {
		copy(win[:], win[1:])
		win[shingleRunes-1] = uint64(r)
		n++
		if n < shingleRunes {
			continue
		}
		fn(shingleHash(win[:]))
	}
	if n > 0 && n < shingleRunes {
		fn(shingleHash(win[shingleRunes-n:]))
	}
}

func shingleHash(rs []uint64) uint64 {
	var h uint64 = 0x9e3779b97f4a7c15
	for _, r := range rs {
		h = (h ^ r) * 0x100000001b3
	}
	return mix64(h)
}

// fingerprint computes a one-permutation MinHash: the shingle hashes are
// spread over minHashes bins by their top bits and each bin keeps its
// smallest value; empty bins (short texts) borrow from the next filled bin
// to the right, marked with the distance ("densification"), so that equal
// shingle sets always give equal signatures.
func fingerprint(norm string, minRunes int) Fingerprint {
	fw := newFingerprinter()
	fw.write(norm)
	return fw.sum(minRunes)
}

// fingerprinter computes a fingerprint over a normalised text given in
// consecutive pieces (the parts of a document checked in parts): the same
// fingerprint as of the pieces joined.
type fingerprinter struct {
	h   uint64 // FNV-1a of the bytes so far
	n   int    // runes so far
	win [shingleRunes]uint64
	sig [minHashes]uint32
}

func newFingerprinter() *fingerprinter {
	fw := &fingerprinter{h: 0xcbf29ce484222325}
	for i := range fw.sig {
		fw.sig[i] = ^uint32(0)
	}
	return fw
}

func (fw *fingerprinter) add(h uint64) {
	const shift = 64 - 6 // log2(minHashes) top bits choose the bin
	b := h >> shift
	if v := uint32(h) >> 1; v < fw.sig[b] { // values < 2^31: never "empty"
		fw.sig[b] = v
	}
}

// write adds the next piece of the normalised text.
func (fw *fingerprinter) write(norm string) {
	for i := 0; i < len(norm); i++ {
		fw.h ^= uint64(norm[i])
		fw.h *= 0x100000001b3
	}
	for _, r := range norm {
		copy(fw.win[:], fw.win[1:])
		fw.win[shingleRunes-1] = uint64(r)
		fw.n++
		if fw.n >= shingleRunes {
			fw.add(shingleHash(fw.win[:]))
		}
	}
}

// sum is the fingerprint of the text written (see shingles: a text
// shorter than a shingle is one shingle).
func (fw *fingerprinter) sum(minRunes int) Fingerprint {
	n := fw.n
	if n == 0 || n < minRunes {
		return Fingerprint{}
	}
	fp := Fingerprint{Valid: true, Runes: n, Hash: fw.h, Sig: fw.sig}
	const empty = ^uint32(0)
	if n < shingleRunes {
		h := shingleHash(fw.win[shingleRunes-n:])
		const shift = 64 - 6
		if v := uint32(h) >> 1; v < fp.Sig[h>>shift] {
			fp.Sig[h>>shift] = v
		}
	}
	var filled [minHashes]bool
	for i, v := range fp.Sig {
		filled[i] = v != empty
	}
	for i := range fp.Sig {
		if filled[i] {
			continue
		}
		for d := 1; d < minHashes; d++ {
			if j := (i + d) % minHashes; filled[j] {
				fp.Sig[i] = fp.Sig[j] ^ uint32(mix64(uint64(d)))&0x7fffffff
				break
			}
		}
	}
	return fp
}

// Estimate is the MinHash estimate of the Jaccard similarity of the two
// documents' shingle sets (for documents too big to compare exactly).
func (fp *Fingerprint) Estimate(o *Fingerprint) float64 { return fp.estimate(o) }

// estimate is the MinHash estimate of the Jaccard similarity.
func (fp *Fingerprint) estimate(o *Fingerprint) float64 {
	same := 0
	for i := range fp.Sig {
		if fp.Sig[i] == o.Sig[i] {
			same++
		}
	}
	return float64(same) / minHashes
}

// Similarity is the Jaccard similarity of the shingle sets of two
// normalised texts (see DuplicateText): 1 for identical texts.
func Similarity(a, b string) float64 {
	if a == b {
		return 1
	}
	if a == "" || b == "" {
		return 0
	}
	sa, sb := shingleSet(a), shingleSet(b)
	inter := 0
	for i, j := 0, 0; i < len(sa) && j < len(sb); {
		switch {
		case sa[i] < sb[j]:
			i++
		case sa[i] > sb[j]:
			j++
		default:
			inter++
			i++
			j++
		}
	}
	union := len(sa) + len(sb) - inter
	if union == 0 {
		return 1
	}
	return float64(inter) / float64(union)
}

// shingleSet returns the distinct shingle hashes of text, sorted.
func shingleSet(text string) []uint64 {
	hs := make([]uint64, 0, len(text)/3+1)
	shingles(text, func(h uint64) { hs = append(hs, h) })
	slices.Sort(hs)
	return slices.Compact(hs)
}

// DuplicatePair is a document found to duplicate an earlier one.
type DuplicatePair struct {
	First, Second int // indexes into the fingerprints; First < Second
	Similarity    float64
	Identical     bool
}

// FindDuplicates pairs each document with the earlier document it
// duplicates, if any: identical normalised text (equal hashes), or a
// Jaccard similarity of at least threshold as returned by similarity,
// which the caller computes from the two documents' DuplicateText (the
// fingerprints only propose candidates). similarity may return ok false
// when a text can no longer be read; the candidate is then skipped. Each
// document is reported at most once, with its most similar earlier
// document among the candidates checked. Pairs come in order of Second.
//
// The work per document is bounded: an LSH bucket proposes at most its
// maxBucket most recent documents, so a corpus of thousands of
// near-copies of one notice costs time linear in its size (every copy
// still finds recent copies to be compared with), and at most maxVerify
// candidates are compared exactly.
func FindDuplicates(fps []Fingerprint, threshold float64, similarity func(i, j int) (float64, bool)) []DuplicatePair {
	var pairs []DuplicatePair
	exact := make(map[uint64]int)
	buckets := make([]map[uint64]*bucket, lshBands)
	for b := range buckets {
		buckets[b] = make(map[uint64]*bucket)
	}
	seen := make([]int32, len(fps)) // seen[i] == j+1: i already proposed for j
	type cand struct {
		i   int
		est float64
	}
	var cands []cand
	for j := range fps {
		fp := &fps[j]
		if !fp.Valid {
			continue
		}
		if i, ok := exact[fp.Hash]; ok && fps[i].Runes == fp.Runes {
			pairs = append(pairs, DuplicatePair{First: i, Second: j, Similarity: 1, Identical: true})
			continue // an identical copy adds nothing to the buckets
		}
		exact[fp.Hash] = j
		keys := bandKeys(fp)
		if threshold <= 1 {
			cands = cands[:0]
			for b, k := range keys {
				bk := buckets[b][k]
				if bk == nil {
					continue
				}
				for _, i := range bk.ids {
					if seen[i] == int32(j+1) {
						continue
					}
					seen[i] = int32(j + 1)
					if est := fps[i].estimate(fp); est >= threshold-estimateSlack {
						cands = append(cands, cand{i, est})
					}
				}
			}
			slices.SortFunc(cands, func(a, b cand) int {
				if a.est != b.est {
					if a.est > b.est {
						return -1
					}
					return 1
				}
				return a.i - b.i
			})
			best := DuplicatePair{First: -1}
			for k, c := range cands {
				if k == maxVerify {
					break
				}
				sim, ok := similarity(c.i, j)
				if ok && sim >= threshold && sim > best.Similarity {
					best = DuplicatePair{First: c.i, Second: j, Similarity: sim}
				}
			}
			if best.First >= 0 {
				pairs = append(pairs, best)
			}
		}
		for b, k := range keys {
			bk := buckets[b][k]
			if bk == nil {
				bk = &bucket{}
				buckets[b][k] = bk
			}
			bk.add(j)
		}
	}
	return pairs
}

// maxBucket is how many documents an LSH bucket remembers: the most recent.
const maxBucket = 32

// bucket holds the most recent maxBucket documents of an LSH bucket, in a
// ring once full (the order of ids does not matter: candidates are sorted).
type bucket struct {
	ids  []int
	next int // where the next id goes once full
}

func (b *bucket) add(id int) {
	if len(b.ids) < maxBucket {
		b.ids = append(b.ids, id)
		return
	}
	b.ids[b.next] = id
	b.next = (b.next + 1) % maxBucket
}

func bandKeys(fp *Fingerprint) [lshBands]uint64 {
	var keys [lshBands]uint64
	for b := range keys {
		h := uint64(b) + 1
		for _, v := range fp.Sig[b*lshRows : (b+1)*lshRows] {
			h = mix64(h ^ uint64(v))
		}
		keys[b] = h
	}
	return keys
}

// DuplicateFinding is the finding reported on the later document of a pair.
func DuplicateFinding(name, earlier string, p DuplicatePair) Finding {
	var msg string
	if p.Identical {
		msg = fmt.Sprintf("same text as %s (after normalising script, width, punctuation and spacing); delete one copy or exclude it", earlier)
	} else {
		// Floor, so that 0.998 does not show as 1.00.
		msg = fmt.Sprintf("near-duplicate of %s (similarity %.2f); delete or merge one of them", earlier, math.Floor(p.Similarity*100)/100)
	}
	f := documentFinding(RuleDuplicate, msg)
	f.File = name
	f.Related = earlier
	f.Similarity = p.Similarity
	return f
}
