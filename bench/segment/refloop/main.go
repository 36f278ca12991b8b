// Command refloop is the reference bench/segment measures pkg/segment
// against: the tightest plain Go loop for gse's DAG and maximum-probability
// route over the same dictionary (gse's word list, read from gse's module
// directory), written for speed and nothing else. At start it builds a rune
// trie in memory (children as sorted rune slices, a direct table for the
// first rune, log(freq) - log(total) precomputed per word); per line it
// decodes and lower-cases the runes into a reused buffer, walks the trie
// from each rune right to left keeping the best route, and counts the
// words of the route. No per-line allocation, no offsets, no tokens, no
// spans or numbers, no lower-casing beyond ASCII, no joining of single
// letters: what is left when everything a segmenter's caller needs is
// taken away.
//
//	go run ./bench/segment/refloop WORDLIST FILE
package main

import (
	"fmt"
	"math"
	"os"
	"sort"
	"time"

	"zhpolicy/bench/segment/internal/harness"
	"zhpolicy/internal/zhdict"
)

type trie struct {
	root  []int32 // first rune (below 1<<16) → node, 0 none
	rootM map[rune]int32
	first []int32 // children of node n: kidR/kidN[first[n]:first[n+1]]
	kidR  []rune  // sorted per node
	kidN  []int32
	cost  []float64 // log(freq) - log(total) of the node's word
	word  []bool
}

func build(words []zhdict.Word, total float64) *trie {
	type node struct {
		kids map[rune]*node
		id   int32
		word bool
		freq float64
	}
	root := &node{}
	for _, w := range words {
		n := root
		for _, r := range w.Key {
			c := n.kids[r]
			if c == nil {
				if n.kids == nil {
					n.kids = map[rune]*node{}
				}
				c = &node{}
				n.kids[r] = c
			}
			n = c
		}
		n.word, n.freq = true, w.Freq
	}
	// breadth first: the children of each node are consecutive
	t := &trie{root: make([]int32, 1<<16), rootM: map[rune]int32{}}
	order := []*node{root}
	t.first = append(t.first, 1)
	logT := math.Log(total)
	for i := 0; i < len(order); i++ {
		n := order[i]
		rs := make([]rune, 0, len(n.kids))
		for r := range n.kids {
			rs = append(rs, r)
		}
		sort.Slice(rs, func(a, b int) bool { return rs[a] < rs[b] })
		for _, r := range rs {
			c := n.kids[r]
			c.id = int32(len(order))
			order = append(order, c)
			t.kidR = append(t.kidR, r)
			t.kidN = append(t.kidN, c.id)
			if i == 0 {
				if r < 1<<16 {
					t.root[r] = c.id
				} else {
					t.rootM[r] = c.id
				}
			}
		}
		if i > 0 {
			t.first = append(t.first, t.first[i]+int32(len(n.kids)))
		} else {
			t.first = append(t.first, 1+int32(len(n.kids)))
		}
	}
	// kid index k holds node k+1: first[] counts in node ids; shift to kid
	// positions
	for i := range t.first {
		t.first[i]--
	}
	t.cost = make([]float64, len(order))
	t.word = make([]bool, len(order))
	for _, n := range order {
		if n.word {
			t.word[n.id] = true
			t.cost[n.id] = math.Log(n.freq) - logT
		}
	}
	return t
}

func (t *trie) child(n int32, r rune) int32 {
	lo, hi := t.first[n], t.first[n+1]
	kids := t.kidR
	for hi-lo > 8 {
		m := (lo + hi) >> 1
		switch k := kids[m]; {
		case k < r:
			lo = m + 1
		case k > r:
			hi = m
		default:
			return t.kidN[m]
		}
	}
	for ; lo < hi; lo++ {
		if k := kids[lo]; k >= r {
			if k == r {
				return t.kidN[lo]
			}
			return 0
		}
	}
	return 0
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: refloop WORDLIST FILE")
		os.Exit(2)
	}
	t0 := time.Now()
	src, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	words, total, err := zhdict.ParseWords(string(src))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	t := build(words, total)
	unknown := -math.Log(total)
	negInf := math.Inf(-1)
	var (
		runes []rune
		rf    []float64
		re    []int32
	)
	harness.Run("refloop", os.Args[2], time.Since(t0), func(line string) int {
		runes = runes[:0]
		for _, r := range line {
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			runes = append(runes, r)
		}
		n := len(runes)
		if cap(rf) < n+1 {
			rf = make([]float64, 2*n+1)
			re = make([]int32, 2*n+1)
		}
		rf, re = rf[:n+1], re[:n+1]
		rf[n] = 0
		for k := n - 1; k >= 0; k-- {
			best, end := unknown+rf[k+1], int32(k+1)
			r := runes[k]
			var nd int32
			if r < 1<<16 {
				nd = t.root[r]
			} else {
				nd = t.rootM[r]
			}
			if nd != 0 {
				found := t.word[nd]
				if found {
					best = t.cost[nd] + rf[k+1]
				}
				for j := k + 1; j < n; j++ {
					if nd = t.child(nd, runes[j]); nd == 0 {
						break
					}
					if t.word[nd] {
						if f := t.cost[nd] + rf[j+1]; !found || f >= best {
							best, end, found = f, int32(j+1), true
						}
					}
				}
				if !found {
					best = negInf
				}
			}
			rf[k], re[k] = best, end
		}
		words := 0
		for x := 0; x < n; x = int(re[x]) {
			words++
		}
		return words
	})
}
