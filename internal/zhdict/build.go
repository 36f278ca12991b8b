package zhdict

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/bits"
	"sort"
	"unicode/utf8"
)

// Word is one entry of a word list, under its key.
type Word struct {
	Key  string
	Freq float64
	POS  string
}

// IDFWord is one entry of an IDF table.
type IDFWord struct {
	Key   string
	Value float64
}

// HMM is gse's hidden Markov model for new words (states B M E S).
type HMM struct {
	Start [4]float64
	Trans [4][4]float64 // MinFloat where the model has no transition
	Emit  map[rune][4]float64
}

// Source is what a compiled dictionary is built from.
type Source struct {
	// Base is gse's word list (unique keys), BaseTotal its total frequency.
	Base      []Word
	BaseTotal float64
	// Policy words take precedence over Base (unique keys; frequencies
	// above 0); PolicyChecksum is the Checksum of the text they came from.
	Policy         []Word
	PolicyChecksum uint32
	// IDF is the IDF table (unique keys), IDFMedian its median.
	IDF       []IDFWord
	IDFMedian float64
	HMM       HMM
}

func errorf(format string, args ...any) error {
	return fmt.Errorf("zhdict: "+format, args...)
}

type bnode struct {
	r        rune
	children map[rune]*bnode
	id       uint32
	// the default layer (policy over base) and the base layer
	word, baseWord bool
	freq, baseFreq float64
	pos, basePos   string
	path, basePath bool
	idf            bool
	idfVal         float64
	slots          int  // child nodes (with the empty slots of a hashed node)
	hashed         bool // the children are an open-addressing table
}

func (n *bnode) child(r rune) *bnode {
	c := n.children[r]
	if c == nil {
		if n.children == nil {
			n.children = make(map[rune]*bnode)
		}
		c = &bnode{r: r}
		n.children[r] = c
	}
	return c
}

// Build compiles src.
func Build(src *Source) ([]byte, error) {
	root := &bnode{}
	insert := func(key string) (*bnode, []*bnode) {
		if key == "" || !utf8.ValidString(key) {
			return nil, nil
		}
		n := root
		var path []*bnode
		for _, r := range key {
			n = n.child(r)
			path = append(path, n)
		}
		return n, path
	}
	for _, w := range src.Base {
		n, path := insert(w.Key)
		if n == nil || n.baseWord || !(w.Freq > 0) {
			return nil, errorf("base word %q: empty, repeated or of frequency %v", w.Key, w.Freq)
		}
		n.baseWord, n.baseFreq, n.basePos = true, w.Freq, w.POS
		for _, p := range path {
			p.basePath = true
		}
	}
	// the default layer's total: gse's, less the words the policy list
	// replaces, plus the policy words, each in key order
	policy := append([]Word(nil), src.Policy...)
	sort.Slice(policy, func(i, j int) bool { return policy[i].Key < policy[j].Key })
	total := src.BaseTotal
	for _, w := range policy {
		if n := findB(root, w.Key); n != nil && n.baseWord {
			total -= n.baseFreq
		}
	}
	for _, w := range policy {
		total += w.Freq
	}
	for _, w := range policy {
		n, path := insert(w.Key)
		if n == nil || n.word || !(w.Freq > 0) {
			return nil, errorf("policy word %q: empty, repeated or of frequency %v", w.Key, w.Freq)
		}
		n.word, n.freq, n.pos = true, w.Freq, w.POS
		for _, p := range path {
			p.path = true
		}
	}
	for _, w := range src.IDF {
		n, _ := insert(w.Key)
		if n == nil || n.idf {
			return nil, errorf("IDF word %q: empty or repeated", w.Key)
		}
		n.idf, n.idfVal = true, w.Value
	}

	// number the nodes: the root, one node per rune in rune order, then
	// breadth first, children by code
	var alphabet []rune
	seen := make(map[rune]bool)
	var collect func(n *bnode)
	collect = func(n *bnode) {
		for r, c := range n.children {
			if !seen[r] {
				seen[r] = true
				alphabet = append(alphabet, r)
			}
			collect(c)
		}
	}
	collect(root)
	sort.Slice(alphabet, func(i, j int) bool { return alphabet[i] < alphabet[j] })
	if len(alphabet) > math.MaxUint16-1 {
		return nil, errorf("%d distinct runes: more than a code can hold", len(alphabet))
	}
	code := make(map[rune]uint16, len(alphabet))
	for i, r := range alphabet {
		code[r] = uint16(i + 1)
	}
	nodes := []*bnode{root}
	for _, r := range alphabet {
		c := root.children[r]
		if c == nil {
			c = &bnode{r: r} // a rune that begins no key
		}
		c.id = uint32(len(nodes))
		nodes = append(nodes, c)
	}
	root.slots = len(alphabet)
	for i := 1; i < len(nodes); i++ {
		n := nodes[i]
		if n.r == 0 {
			continue // an empty slot of a hashed node
		}
		kids := make([]*bnode, 0, len(n.children))
		for _, c := range n.children {
			kids = append(kids, c)
		}
		sort.Slice(kids, func(a, b int) bool { return kids[a].r < kids[b].r })
		if len(kids) >= HashMin {
			// an open-addressing table of the children: each at the slot
			// of its code or the next free one after it
			m := max(len(kids)+1, (len(kids)*10+6)/7)
			table := make([]*bnode, m)
			for _, c := range kids {
				j := slotOf(code[c.r], uint32(m))
				for table[j] != nil {
					j = (j + 1) % uint32(m)
				}
				table[j] = c
			}
			for j, c := range table {
				if c == nil {
					table[j] = &bnode{}
				}
			}
			kids = table
			n.hashed = true
		}
		n.slots = len(kids)
		for _, c := range kids {
			c.id = uint32(len(nodes))
			nodes = append(nodes, c)
		}
	}
	// the default layer: a node is a word with the policy's value if the
	// policy has it, else with gse's
	words := 0
	for _, n := range nodes[1:] {
		if !n.word && n.baseWord {
			n.word, n.freq, n.pos = true, n.baseFreq, n.basePos
		}
		n.path = n.path || n.basePath
		if n.word {
			words++
		}
	}

	// value tables
	freqSet := map[float64]bool{}
	posSet := map[string]bool{}
	idfSet := map[float64]bool{}
	for _, n := range nodes[1:] {
		if n.word {
			freqSet[n.freq] = true
		}
		if n.baseWord {
			freqSet[n.baseFreq] = true
		}
		for _, p := range []string{n.pos, n.basePos} {
			if p != "" {
				posSet[p] = true
			}
		}
		if n.idf {
			idfSet[n.idfVal] = true
		}
	}
	freqs := sortedFloats(freqSet)
	idfVals := sortedFloats(idfSet)
	var posNames []string
	for p := range posSet {
		posNames = append(posNames, p)
	}
	sort.Strings(posNames)
	if len(freqs) > FreqMask || len(posNames) > 255 || len(idfVals) > math.MaxUint16 {
		return nil, errorf("too many distinct values: %d frequencies (max %d), %d parts of speech (max 255), %d IDF values",
			len(freqs), FreqMask, len(posNames), len(idfVals))
	}
	freqIdx := indexOf(freqs)
	idfIdx := indexOf(idfVals)
	posIdx := map[string]uint8{"": 0}
	for i, p := range posNames {
		posIdx[p] = uint8(i + 1)
	}
	value := func(word, path bool, freq float64) uint16 {
		var v uint16
		if word {
			v = freqIdx[freq] + 1
		}
		if path {
			v |= OnPath
		}
		return v
	}

	nn := len(nodes)
	label := make([]uint16, nn)
	val := make([]uint16, nn)
	node := make([]uint32, nn)
	pos := make([]uint8, nn)
	inner := newBits(nn)
	idfBits := newBits(nn)
	var first []uint32
	var idfs []uint16
	var side []byte
	next := uint32(1)
	for i, n := range nodes {
		label[i] = code[n.r]
		if i > 0 {
			v := value(n.word, n.path, n.freq)
			bv := value(n.baseWord, n.basePath, n.baseFreq)
			if v != bv || n.pos != n.basePos {
				v |= Touched
				side = binary.LittleEndian.AppendUint32(side, uint32(i))
				side = binary.LittleEndian.AppendUint16(side, bv)
				side = append(side, posIdx[n.basePos], 0)
			}
			if n.hashed {
				v |= Hashed
			}
			val[i] = v
			pos[i] = posIdx[n.pos]
		}
		if i == 0 {
			next = uint32(1 + len(alphabet))
			inner.set(0)
			first = append(first, 1)
		} else if n.slots > 0 {
			inner.set(i)
			first = append(first, next)
			next += uint32(n.slots)
		}
		if n.idf {
			idfBits.set(i)
			idfs = append(idfs, idfIdx[n.idfVal])
		}
	}
	first = append(first, uint32(nn))
	if next != uint32(nn) {
		return nil, errorf("numbered %d nodes, counted %d", next, nn)
	}
	// check the child table: the children of the k-th inner node begin
	// where those of the one before end
	for k := 0; k+1 < len(first); k++ {
		if first[k] > first[k+1] {
			return nil, errorf("child table out of order")
		}
	}

	// the rune → code table
	var top [topLen]uint16
	var pages []uint16
	for _, r := range alphabet {
		p := r >> 8
		if top[p] == 0 {
			pages = append(pages, make([]uint16, 256)...)
			top[p] = uint16(len(pages) / 256)
		}
		pages[int(top[p]-1)<<8|int(r&0xFF)] = code[r]
	}

	// the HMM
	var emitRunes []rune
	for r := range src.HMM.Emit {
		emitRunes = append(emitRunes, r)
	}
	sort.Slice(emitRunes, func(i, j int) bool { return emitRunes[i] < emitRunes[j] })

	var posBytes []byte
	for _, p := range posNames {
		posBytes = append(posBytes, p...)
		posBytes = append(posBytes, 0)
	}

	out := make([]byte, headerLen, headerLen+8<<20)
	copy(out, magic)
	put32 := func(at, v int) { binary.LittleEndian.PutUint32(out[at:], uint32(v)) }
	putF := func(at int, v float64) { binary.LittleEndian.PutUint64(out[at:], math.Float64bits(v)) }
	put32(hNodes, nn)
	put32(hChars, len(alphabet))
	put32(hPages, len(pages)/256)
	put32(hInner, len(first)-1)
	put32(hFreqs, len(freqs))
	put32(hPOS, len(posNames))
	put32(hIDFNodes, len(idfs))
	put32(hIDFValues, len(idfVals))
	put32(hSide, len(side)/8)
	put32(hEmit, len(emitRunes))
	put32(hWords, words)
	put32(hBaseWords, len(src.Base))
	put32(hIDFWords, len(src.IDF))
	binary.LittleEndian.PutUint32(out[hPolicyCRC:], src.PolicyChecksum)
	put32(hPOSBytes, len(posBytes))
	putF(hTotal, total)
	putF(hBaseTotal, src.BaseTotal)
	putF(hIDFMedian, src.IDFMedian)
	for i, v := range src.HMM.Start {
		putF(hStart+8*i, v)
	}

	align := func() {
		for len(out)%8 != 0 {
			out = append(out, 0)
		}
	}
	u16s := func(v []uint16) {
		align()
		for _, x := range v {
			out = binary.LittleEndian.AppendUint16(out, x)
		}
	}
	u32s := func(v []uint32) {
		align()
		for _, x := range v {
			out = binary.LittleEndian.AppendUint32(out, x)
		}
	}
	u64s := func(v []uint64) {
		align()
		for _, x := range v {
			out = binary.LittleEndian.AppendUint64(out, x)
		}
	}
	f64s := func(v []float64) {
		align()
		for _, x := range v {
			out = binary.LittleEndian.AppendUint64(out, math.Float64bits(x))
		}
	}
	raw := func(b []byte) {
		align()
		out = append(out, b...)
	}
	u16s(top[:])
	u16s(pages)
	for i := range node {
		node[i] = uint32(label[i]) | uint32(val[i])<<16
	}
	u32s(node)
	raw(pos)
	u64s(inner.words)
	u32s(inner.ranks())
	u32s(first)
	u64s(idfBits.words)
	u32s(idfBits.ranks())
	u16s(idfs)
	f64s(freqs)
	f64s(idfVals)
	raw(side)
	var trans []float64
	for a := 0; a < 4; a++ {
		trans = append(trans, src.HMM.Trans[a][:]...)
	}
	f64s(trans)
	er := make([]uint32, len(emitRunes))
	var emit []float64
	for i, r := range emitRunes {
		er[i] = uint32(r)
		e := src.HMM.Emit[r]
		emit = append(emit, e[:]...)
	}
	u32s(er)
	f64s(emit)
	raw(posBytes)
	align()
	out = binary.LittleEndian.AppendUint32(out, Checksum(string(out)))
	out = binary.LittleEndian.AppendUint32(out, 0)
	return out, nil
}

func findB(root *bnode, key string) *bnode {
	n := root
	for _, r := range key {
		if n = n.children[r]; n == nil {
			return nil
		}
	}
	return n
}

func sortedFloats(set map[float64]bool) []float64 {
	out := make([]float64, 0, len(set))
	for v := range set {
		out = append(out, v)
	}
	sort.Float64s(out)
	return out
}

func indexOf(vals []float64) map[float64]uint16 {
	m := make(map[float64]uint16, len(vals))
	for i, v := range vals {
		m[v] = uint16(i)
	}
	return m
}

type bitset struct{ words []uint64 }

func newBits(n int) *bitset { return &bitset{make([]uint64, (n+63)/64)} }

func (b *bitset) set(i int) { b.words[i>>6] |= 1 << (i & 63) }

func (b *bitset) ranks() []uint32 {
	out := make([]uint32, len(b.words))
	var c uint32
	for i, w := range b.words {
		out[i] = c
		c += uint32(bits.OnesCount64(w))
	}
	return out
}
