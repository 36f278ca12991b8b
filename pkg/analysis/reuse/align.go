package reuse

import "slices"

// Smith–Waterman scores: near-verbatim reuse, where a changed word costs
// about as much as it would have gained.
const (
	swMatch    = 1
	swMismatch = -1
	swGap      = -1
)

// aligner keeps its rows between calls (one per goroutine).
type aligner struct {
	h0, h1 []int32
	i0, i1 []int32 // start of the alignment ending here (row, column)
	j0, j1 []int32
	m0, m1 []int32 // matches along it
	ha, hb []uint64
}

// local is the best local alignment: a[as:ae] with b[bs:be], m matches.
type local struct{ as, ae, bs, be, m, score int }

// align returns the best local alignment of a and b (Smith–Waterman,
// linear gaps), in O(len(b)) memory. Identical inputs take a fast path.
func (al *aligner) align(a, b []rune) local {
	if len(a) == 0 || len(b) == 0 {
		return local{}
	}
	if slices.Equal(a, b) {
		return local{0, len(a), 0, len(b), len(a), len(a) * swMatch}
	}
	n := len(b) + 1
	if cap(al.h0) < n {
		al.h0, al.h1 = make([]int32, n), make([]int32, n)
		al.i0, al.i1 = make([]int32, n), make([]int32, n)
		al.j0, al.j1 = make([]int32, n), make([]int32, n)
		al.m0, al.m1 = make([]int32, n), make([]int32, n)
	}
	h0, h1 := al.h0[:n], al.h1[:n]
	i0, i1 := al.i0[:n], al.i1[:n]
	j0, j1 := al.j0[:n], al.j1[:n]
	m0, m1 := al.m0[:n], al.m1[:n]
	clear(h0)
	clear(m0)
	var best local
	var bi, bj int32
	for i := 1; i <= len(a); i++ {
		h1[0], m1[0] = 0, 0
		ai := a[i-1]
		for j := 1; j <= len(b); j++ {
			// diagonal
			d := h0[j-1]
			var si, sj, dm int32
			if d == 0 {
				si, sj, dm = int32(i-1), int32(j-1), 0
			} else {
				si, sj, dm = i0[j-1], j0[j-1], m0[j-1]
			}
			if ai == b[j-1] {
				d += swMatch
				dm++
			} else {
				d += swMismatch
			}
			v := d
			// up (gap in b)
			if u := h0[j] + swGap; u > v && h0[j] > 0 {
				v, si, sj, dm = u, i0[j], j0[j], m0[j]
			}
			// left (gap in a)
			if l := h1[j-1] + swGap; l > v && h1[j-1] > 0 {
				v, si, sj, dm = l, i1[j-1], j1[j-1], m1[j-1]
			}
			if v <= 0 {
				v, dm = 0, 0
			}
			h1[j], i1[j], j1[j], m1[j] = v, si, sj, dm
			if int(v) > best.score {
				best = local{ae: i, be: j, m: int(dm), score: int(v)}
				bi, bj = si, sj
			}
		}
		h0, h1 = h1, h0
		i0, i1 = i1, i0
		j0, j1 = j1, j0
		m0, m1 = m1, m0
	}
	al.h0, al.h1, al.i0, al.i1, al.j0, al.j1, al.m0, al.m1 = h0, h1, i0, i1, j0, j1, m0, m1
	if best.score == 0 {
		return local{}
	}
	best.as, best.bs = int(bi), int(bj)
	return best
}

// shared counts the k-shingles a and b have in common (as a multiset
// intersection of their hashes): a cheap test before an alignment.
func (al *aligner) shared(a, b []rune, k int) int {
	al.ha = shingleHashes(al.ha[:0], a, k)
	al.hb = shingleHashes(al.hb[:0], b, k)
	slices.Sort(al.ha)
	slices.Sort(al.hb)
	n, i, j := 0, 0, 0
	for i < len(al.ha) && j < len(al.hb) {
		switch {
		case al.ha[i] < al.hb[j]:
			i++
		case al.ha[i] > al.hb[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

func shingleHashes(dst []uint64, r []rune, k int) []uint64 {
	for i := 0; i+k <= len(r); i++ {
		var x uint64 = 1469598103934665603
		for _, c := range r[i : i+k] {
			x = (x ^ uint64(c)) * 1099511628211
		}
		dst = append(dst, x)
	}
	return dst
}
