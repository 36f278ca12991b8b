package reuse

import (
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"zhpolicy/pkg/corpus"
)

// Sketch is one document ready to be compared: reduced text, chunk
// signatures. Sketches are made independently (in parallel) and added to
// an Index.
type Sketch struct {
	Name string
	Date string
	text string
	red  *reduced
	sigs []uint32 // chunks × (Bands·Rows); a chunk too short has all ^0
	ok   []bool
}

// Chars is the number of letters and digits the document has (what
// containment is measured on).
func (s *Sketch) Chars() int { return len(s.red.runes) }

// NewSketch reduces and sketches a document.
func NewSketch(d Doc, p Params) (*Sketch, error) {
	if d.In == nil {
		return nil, fmt.Errorf("reuse: %s: no text", d.Name)
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	p = p.withDefaults()
	red := reduce(d.In, p.ChunkTarget, p.MaxChunk)
	nh := p.Bands * p.Rows
	h := newHashers(nh)
	s := &Sketch{Name: d.Name, Date: d.Date, text: d.In.Text, red: red, sigs: make([]uint32, red.chunks()*nh), ok: make([]bool, red.chunks())}
	for c := 0; c < red.chunks(); c++ {
		a, b := int(red.bounds[c]), int(red.bounds[c+1])
		if b-a < p.MinChunk {
			continue
		}
		s.ok[c] = h.signature(red.runes, a, b, p.Shingle, s.sigs[c*nh:(c+1)*nh])
	}
	return s, nil
}

// Index holds the sketches of a corpus: for each document its name, date,
// size and chunk count in memory, and in stores (store.go) its reduced text
// and the signatures and LSH band keys of its chunks, which Find reads back
// band by band and pair by pair. With Spill, the stores go to temporary
// files once they grow, and memory no longer grows with the corpus.
type Index struct {
	params Params
	docs   []*docRec
	names  map[string]bool
	bodies store   // reduced texts: text, runes, offsets, chunk bounds
	sigs   store   // signatures of the sketched chunks, nh uint32 each
	bands  []store // band keys of the sketched chunks, one uint64 each
	nok    int64   // sketched chunks added
}

// docRec is what the index keeps of a document in memory.
type docRec struct {
	name, date string
	chars      int
	textLen    int
	hash       uint64
	ok         []bool // per chunk: sketched
	nok        int
	bodyAt     int64
	bodyLen    int
	keyAt      int64 // index of its first sketched chunk in sigs and bands
}

// body is a document's text and reduced text, read back from the store.
type body struct {
	text string
	red  *reduced
}

// NewIndex makes an empty index.
func NewIndex(p Params) (*Index, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	p = p.withDefaults()
	return &Index{params: p, names: map[string]bool{}, bands: make([]store, p.Bands)}, nil
}

// Spill makes the index keep what it stores (about 15 bytes per character
// of the corpus) in temporary files in dir once it passes 16 MiB
// rather than in memory. Call it before Add; Close removes the
// files.
func (x *Index) Spill(dir string) { x.spill(dir, 16<<20) }

// spill sets the stores to go to files in dir past limit bytes (the band
// keys past limit/16 each, the signatures past limit/2).
func (x *Index) spill(dir string, limit int64) {
	x.bodies.dir, x.bodies.limit = dir, limit
	x.sigs.dir, x.sigs.limit = dir, limit/2
	for b := range x.bands {
		x.bands[b].dir, x.bands[b].limit = dir, limit/16
	}
}

// Close releases the index's stores (and their files).
func (x *Index) Close() error {
	err := x.bodies.close()
	if e := x.sigs.close(); err == nil {
		err = e
	}
	for b := range x.bands {
		if e := x.bands[b].close(); err == nil {
			err = e
		}
	}
	return err
}

// Params returns the parameters in force (defaults filled in).
func (x *Index) Params() Params { return x.params }

// ErrAddedTwice: a document of this name is in the index already.
var ErrAddedTwice = errors.New("added twice")

// Add adds a sketch made with the same parameters. Names must be unique.
// The index copies what it needs: the sketch may be dropped, or added to
// another index.
func (x *Index) Add(s *Sketch) error {
	if x.names[s.Name] {
		return fmt.Errorf("reuse: document %s %w", s.Name, ErrAddedTwice)
	}
	p := x.params
	nh := p.Bands * p.Rows
	d := &docRec{name: s.Name, date: s.Date, chars: len(s.red.runes), textLen: len(s.text), hash: s.red.hash, ok: slices.Clone(s.ok), keyAt: x.nok}
	buf := make([]byte, 0, len(s.text)+8*len(s.red.runes)+4*len(s.red.bounds)+4)
	buf = append(buf, s.text...)
	buf = putU32s(buf, s.red.runes)
	buf = putU32s(buf, s.red.off)
	buf = putU32s(buf, s.red.bounds)
	at, err := x.bodies.write(buf)
	if err != nil {
		return err
	}
	d.bodyAt, d.bodyLen = at, len(buf)
	buf = buf[:0]
	for c, ok := range s.ok {
		if ok {
			d.nok++
			buf = putU32s(buf, s.sigs[c*nh:(c+1)*nh])
		}
	}
	if _, err := x.sigs.write(buf); err != nil {
		return err
	}
	for b := range x.bands {
		buf = buf[:0]
		for c, ok := range s.ok {
			if ok {
				buf = binary.LittleEndian.AppendUint64(buf, bandKey(s.sigs[c*nh:(c+1)*nh], b, p.Rows))
			}
		}
		if _, err := x.bands[b].write(buf); err != nil {
			return err
		}
	}
	x.nok += int64(d.nok)
	x.names[s.Name] = true
	x.docs = append(x.docs, d)
	return nil
}

// load reads a document's body back.
func (x *Index) load(d *docRec) (*body, error) {
	buf := make([]byte, d.bodyLen)
	if err := x.bodies.readAt(buf, d.bodyAt); err != nil {
		return nil, err
	}
	b := &body{text: string(buf[:d.textLen]), red: &reduced{hash: d.hash}}
	rest := buf[d.textLen:]
	b.red.runes, rest = getU32s[rune](rest, d.chars)
	b.red.off, rest = getU32s[int32](rest, d.chars+1)
	b.red.bounds, _ = getU32s[int32](rest, len(d.ok)+1)
	return b, nil
}

// sketch rebuilds a document's sketch from the stores (for Merge).
func (x *Index) sketch(d *docRec) (*Sketch, error) {
	b, err := x.load(d)
	if err != nil {
		return nil, err
	}
	nh := x.params.Bands * x.params.Rows
	buf := make([]byte, 4*nh*d.nok)
	if err := x.sigs.readAt(buf, d.keyAt*int64(4*nh)); err != nil {
		return nil, err
	}
	s := &Sketch{Name: d.name, Date: d.date, text: b.text, red: b.red, sigs: make([]uint32, len(d.ok)*nh), ok: slices.Clone(d.ok)}
	for i := range s.sigs {
		s.sigs[i] = ^uint32(0)
	}
	k := 0
	for c, ok := range d.ok {
		if ok {
			sig, _ := getU32s[uint32](buf[4*nh*k:], nh)
			copy(s.sigs[c*nh:], sig)
			k++
		}
	}
	return s, nil
}

// Merge adds the documents of another index. The result does not depend
// on the order of merges: documents are compared in name order.
func (x *Index) Merge(o *Index) error {
	if x.params != o.params {
		return fmt.Errorf("reuse: cannot merge indexes made with different parameters")
	}
	for _, d := range o.docs {
		s, err := o.sketch(d)
		if err != nil {
			return err
		}
		if err := x.Add(s); err != nil {
			return err
		}
	}
	return nil
}

// Len is the number of documents.
func (x *Index) Len() int { return len(x.docs) }

// Passage is one shared passage of a pair, with byte offsets into each
// document's text.
type Passage struct {
	AStart int `json:"a_start"`
	AEnd   int `json:"a_end"`
	BStart int `json:"b_start"`
	BEnd   int `json:"b_end"`
	// Chars are the matching characters (letters and digits) of the
	// alignment; ALen and BLen its extent on each side.
	Chars int `json:"chars"`
	ALen  int `json:"a_len"`
	BLen  int `json:"b_len"`
	// Text is the passage as document A writes it.
	Text string `json:"text"`
}

// Pair kinds.
const (
	KindDuplicate = "duplicate"      // the same letters and digits
	KindNear      = "near-duplicate" // containment ≥ 0.9 both ways
	KindReuse     = "reuse"          // shared passages
)

// Pair is two documents that share text. A comes before B in name order.
type Pair struct {
	A      string `json:"a"`
	B      string `json:"b"`
	Kind   string `json:"kind"`
	CharsA int    `json:"chars_a"`
	CharsB int    `json:"chars_b"`
	// ContainmentA is the share of A's characters that lie in a passage
	// shared with B (how much of A is found in B); ContainmentB the other
	// way.
	ContainmentA float64 `json:"containment_a"`
	ContainmentB float64 `json:"containment_b"`
	// Aligned is the number of matching characters over all passages.
	Aligned  int       `json:"aligned"`
	Passages []Passage `json:"passages"`
	DateA    string    `json:"date_a,omitempty"`
	DateB    string    `json:"date_b,omitempty"`
	// Source and Target are set when the dates differ: the earlier is the
	// source. LagDays is the difference of full dates (else the lag in
	// years times 365 is not guessed: LagDays stays nil).
	Source  string `json:"source,omitempty"`
	Target  string `json:"target,omitempty"`
	LagDays *int   `json:"lag_days,omitempty"`
}

// MaxContainment is the larger containment of the pair.
func (p Pair) MaxContainment() float64 { return max(p.ContainmentA, p.ContainmentB) }

// Options filter the pairs Find returns.
type Options struct {
	// MinContainment: a pair needs this containment one way at least.
	MinContainment float64
	// MinAligned: a pair needs this many aligned characters.
	MinAligned int
	// NoText leaves Passage.Text empty: the pairs then hold no text of
	// the documents (whose passages may add up to far more than memory
	// when a big corpus repeats itself), only offsets.
	NoText bool
	// Jobs is the number of document pairs aligned at once (0: one).
	// The result is the same for any number.
	Jobs int
}

// Stats tell how much work a Find did.
type Stats struct {
	Docs, Chunks, Sketched  int
	Buckets, SkippedBuckets int
	ChunkPairs, Verified    int
	DocPairs, Alignments    int
	Cells                   int64 // Smith–Waterman cells computed
}

// Find compares every document with every other through the index and
// returns the pairs that pass the options, sorted by containment (largest
// first), then names.
func (x *Index) Find(ctx context.Context, o Options) ([]Pair, Stats, error) {
	docs := slices.Clone(x.docs)
	slices.SortFunc(docs, func(a, b *docRec) int { return strings.Compare(a.name, b.name) })
	p := x.params
	nh := p.Bands * p.Rows
	st := Stats{Docs: len(docs)}

	// exact duplicates
	dup := map[[2]int]bool{}
	byHash := map[uint64][]int{}
	for i, d := range docs {
		if d.chars == 0 {
			continue
		}
		byHash[d.hash] = append(byHash[d.hash], i)
	}
	var pairs []Pair
	var cache bodyCache
	for _, list := range byHash {
		for a := 0; a < len(list); a++ {
			for b := a + 1; b < len(list); b++ {
				da, db := docs[list[a]], docs[list[b]]
				if da.chars != db.chars {
					continue
				}
				ba, err := cache.get(x, da, 0)
				if err != nil {
					return nil, st, err
				}
				bb, err := cache.get(x, db, 1)
				if err != nil {
					return nil, st, err
				}
				if !slices.Equal(ba.red.runes, bb.red.runes) {
					continue
				}
				dup[[2]int{list[a], list[b]}] = true
				n := da.chars
				pr := x.pair(da, db, ba, bb, []span{{0, n, 0, n, n}}, o.NoText)
				pr.Kind = KindDuplicate
				pairs = append(pairs, pr)
			}
		}
	}

	// LSH, one band at a time: (band key, global chunk), where the global
	// chunks are the sketched chunks of the documents in name order
	type chunkRef struct{ doc, chunk int32 }
	var refs []chunkRef
	gOff := make([]int32, len(docs)) // first global chunk of each document
	for di, d := range docs {
		st.Chunks += len(d.ok)
		gOff[di] = int32(len(refs))
		for c, ok := range d.ok {
			if ok {
				st.Sketched++
				refs = append(refs, chunkRef{int32(di), int32(c)})
			}
		}
	}
	byAdd := slices.Clone(docs) // the order the stores hold them in
	slices.SortFunc(byAdd, func(a, b *docRec) int { return cmp.Compare(a.keyAt, b.keyAt) })
	gOfAdd := make([]int32, len(byAdd)) // byAdd[i]'s first global chunk
	{
		pos := map[*docRec]int32{}
		for di, d := range docs {
			pos[d] = gOff[di]
		}
		for i, d := range byAdd {
			gOfAdd[i] = pos[d]
		}
	}
	// a band's (key, global chunk) entries, sorted; with several jobs the
	// next bands are read and sorted on other goroutines while this one
	// goes through a band's buckets
	readBand := func(band int, entries []bandEntry, keyBuf []byte) ([]bandEntry, []byte, error) {
		entries = entries[:0]
		for i, d := range byAdd {
			keyBuf = slices.Grow(keyBuf[:0], 8*d.nok)[:8*d.nok]
			if err := x.bands[band].readAt(keyBuf, d.keyAt*8); err != nil {
				return nil, keyBuf, err
			}
			for k := 0; k < d.nok; k++ {
				entries = append(entries, bandEntry{binary.LittleEndian.Uint64(keyBuf[8*k:]), gOfAdd[i] + int32(k)})
			}
		}
		slices.SortFunc(entries, func(a, b bandEntry) int {
			if c := cmp.Compare(a.key, b.key); c != 0 {
				return c
			}
			return cmp.Compare(a.c, b.c)
		})
		return entries, keyBuf, nil
	}
	nextBand := bandsAhead(p.Bands, o.Jobs, len(refs), readBand)
	defer nextBand.stop()
	sigBuf := make([]byte, 4*nh)
	sigOf := func(g int32, into []uint32) ([]uint32, error) {
		r := refs[g]
		d := docs[r.doc]
		k := g - gOff[r.doc] // its rank among the document's sketched chunks
		if err := x.sigs.readAt(sigBuf, (d.keyAt+int64(k))*int64(4*nh)); err != nil {
			return nil, err
		}
		for i := range into {
			into[i] = binary.LittleEndian.Uint32(sigBuf[4*i:])
		}
		return into, nil
	}
	seen := map[uint64]bool{}
	seeds := map[[2]int][][2]int{} // doc pair → chunk pairs
	var bucketSigs []uint32
	for band := 0; band < p.Bands; band++ {
		if err := ctx.Err(); err != nil {
			return nil, st, err
		}
		entries, err := nextBand.get(band)
		if err != nil {
			return nil, st, err
		}
		for i := 0; i < len(entries); {
			j := i
			for j < len(entries) && entries[j].key == entries[i].key {
				j++
			}
			n := j - i
			if n < 2 {
				i = j
				continue
			}
			st.Buckets++
			if n > p.MaxBucket {
				st.SkippedBuckets++
				i = j
				continue
			}
			// the signatures of the bucket, read when first needed
			bucketSigs = slices.Grow(bucketSigs[:0], n*nh)[:n*nh]
			have := make([]bool, n)
			sig := func(a int) ([]uint32, error) {
				into := bucketSigs[(a-i)*nh : (a-i+1)*nh]
				if have[a-i] {
					return into, nil
				}
				have[a-i] = true
				return sigOf(entries[a].c, into)
			}
			for a := i; a < j; a++ {
				for b := a + 1; b < j; b++ {
					ga, gb := entries[a].c, entries[b].c
					ra, rb := refs[ga], refs[gb]
					if ra.doc == rb.doc || dup[[2]int{int(ra.doc), int(rb.doc)}] {
						continue
					}
					k := uint64(ga)<<32 | uint64(gb)
					if seen[k] {
						continue
					}
					seen[k] = true
					st.ChunkPairs++
					sa, err := sig(a)
					if err != nil {
						return nil, st, err
					}
					sb, err := sig(b)
					if err != nil {
						return nil, st, err
					}
					if similarity(sa, sb) < p.MinSimilarity {
						continue
					}
					st.Verified++
					dp := [2]int{int(ra.doc), int(rb.doc)}
					seeds[dp] = append(seeds[dp], [2]int{int(ra.chunk), int(rb.chunk)})
				}
			}
			i = j
		}
		nextBand.done(entries)
	}
	seen = nil
	dps := make([][2]int, 0, len(seeds))
	for dp := range seeds {
		dps = append(dps, dp)
	}
	slices.SortFunc(dps, func(a, b [2]int) int {
		if a[0] != b[0] {
			return a[0] - b[0]
		}
		return a[1] - b[1]
	})
	st.DocPairs = len(dps)
	seedLists := make([][][2]int, len(dps))
	for k, dp := range dps {
		seedLists[k] = seeds[dp]
	}
	seeds = nil
	found, err := x.alignAll(ctx, docs, dps, seedLists, o, &st)
	if err != nil {
		return nil, st, err
	}
	pairs = append(pairs, found...)
	out := pairs[:0]
	for _, pr := range pairs {
		if pr.MaxContainment() >= o.MinContainment && pr.Aligned >= o.MinAligned {
			out = append(out, pr)
		}
	}
	slices.SortFunc(out, func(a, b Pair) int {
		if c := cmp.Compare(b.MaxContainment(), a.MaxContainment()); c != 0 {
			return c
		}
		if c := strings.Compare(a.A, b.A); c != 0 {
			return c
		}
		return strings.Compare(a.B, b.B)
	})
	return out, st, nil
}

// alignAll aligns the candidate document pairs dps (sorted), whose seed
// chunk pairs are seedLists, on o.Jobs workers, and returns the pairs
// found in the order of dps, whatever the number of workers. Workers take
// the next pair as they finish one (the cost of a pair varies a
// hundredfold); each keeps the bodies of the last two documents it read,
// so that the pairs of one first document, which come one after the
// other, mostly read it once.
func (x *Index) alignAll(ctx context.Context, docs []*docRec, dps [][2]int, seedLists [][][2]int, o Options, st *Stats) ([]Pair, error) {
	jobs := min(max(o.Jobs, 1), max(len(dps), 1))
	found := make([]*Pair, len(dps))
	stats := make([]Stats, jobs)
	errs := make([]error, jobs)
	var next atomic.Int64
	var failed atomic.Bool
	// the workers in excess wait while the process does not get the CPUs
	// to run them (corpus.Throttle)
	th := corpus.NewThrottle(jobs)
	defer th.Stop()
	run := func(w int) {
		var cache bodyCache
		al := &aligner{}
		st := &stats[w]
		for !failed.Load() {
			th.Wait(w)
			k := int(next.Add(1) - 1)
			if k >= len(dps) {
				return
			}
			pr, err := x.alignOne(ctx, docs, dps[k], seedLists[k], o, &cache, al, st)
			seedLists[k] = nil
			if err != nil {
				errs[w] = err
				failed.Store(true)
				return
			}
			found[k] = pr
		}
	}
	var wg sync.WaitGroup
	for w := 1; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			run(w)
		}()
	}
	run(0)
	th.Stop() // the parked workers see that every pair is taken
	wg.Wait()
	for w := range stats {
		st.Alignments += stats[w].Alignments
		st.Cells += stats[w].Cells
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	var out []Pair
	for _, pr := range found {
		if pr != nil {
			out = append(out, *pr)
		}
	}
	return out, nil
}

// alignOne aligns one candidate pair of documents; nil: no passage.
func (x *Index) alignOne(ctx context.Context, docs []*docRec, dp [2]int, seeds [][2]int, o Options, cache *bodyCache, al *aligner, st *Stats) (*Pair, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	da, db := docs[dp[0]], docs[dp[1]]
	ba, err := cache.get(x, da, 0)
	if err != nil {
		return nil, err
	}
	bb, err := cache.get(x, db, 1)
	if err != nil {
		return nil, err
	}
	spans := x.alignPair(ba, bb, seeds, al, st)
	if len(spans) == 0 {
		return nil, nil
	}
	pr := x.pair(da, db, ba, bb, spans, o.NoText)
	if pr.ContainmentA >= 0.9 && pr.ContainmentB >= 0.9 {
		pr.Kind = KindNear
	} else {
		pr.Kind = KindReuse
	}
	return &pr, nil
}

// bodyCache keeps the bodies of the last two documents read back: pairs
// come in order of their first document, which is read once for all its
// pairs.
type bodyCache struct {
	d [2]*docRec
	b [2]*body
}

// get returns d's body, kept in slot (0 for the first document of a pair,
// 1 for the second).
func (c *bodyCache) get(x *Index, d *docRec, slot int) (*body, error) {
	for i := range c.d {
		if c.d[i] == d {
			return c.b[i], nil
		}
	}
	b, err := x.load(d)
	if err != nil {
		return nil, err
	}
	c.d[slot], c.b[slot] = d, b
	return b, nil
}

// span is an alignment in reduced rune indices: [as,ae) of A, [bs,be) of
// B, with m matching characters.
type span struct{ as, ae, bs, be, m int }

// alignPair aligns the seed chunk pairs of two documents and extends each
// alignment to neighbouring chunks while they align.
func (x *Index) alignPair(da, db *body, seedList [][2]int, al *aligner, st *Stats) []span {
	p := x.params
	slices.SortFunc(seedList, func(a, b [2]int) int {
		if a[0] != b[0] {
			return a[0] - b[0]
		}
		return a[1] - b[1]
	})
	visited := map[[2]int]bool{}
	var spans []span
	na, nb := da.red.chunks(), db.red.chunks()
	try := func(i, j int) bool {
		if i < 0 || j < 0 || i >= na || j >= nb || visited[[2]int{i, j}] {
			return false
		}
		visited[[2]int{i, j}] = true
		as, ae := int(da.red.bounds[i]), int(da.red.bounds[i+1])
		bs, be := int(db.red.bounds[j]), int(db.red.bounds[j+1])
		ra, rb := da.red.runes[as:ae], db.red.runes[bs:be]
		// a passage of MinPassage characters shares at least
		// MinPassage−k+1 shingles less the ones its edits break; ask for
		// a third of that before paying for an alignment
		if al.shared(ra, rb, p.Shingle) < max(2, (p.MinPassage-p.Shingle+1)/3) {
			return false
		}
		st.Alignments++
		st.Cells += int64(ae-as) * int64(be-bs)
		s := al.align(ra, rb)
		if s.m < p.MinPassage && !(s.m >= p.MinChunk && s.m == ae-as && s.m == be-bs) {
			return false
		}
		spans = append(spans, span{as + s.as, as + s.ae, bs + s.bs, bs + s.be, s.m})
		// the flanks may hold more of the chunk, cut off by an edit
		var flank func(a0, a1, b0, b1 int)
		flank = func(a0, a1, b0, b1 int) {
			if a1-a0 < minFlank || b1-b0 < minFlank {
				return
			}
			st.Cells += int64(a1-a0) * int64(b1-b0)
			f := al.align(ra[a0:a1], rb[b0:b1])
			if f.m < minFlank {
				return
			}
			spans = append(spans, span{as + a0 + f.as, as + a0 + f.ae, bs + b0 + f.bs, bs + b0 + f.be, f.m})
			flank(a0, a0+f.as, b0, b0+f.bs)
			flank(a0+f.ae, a1, b0+f.be, b1)
		}
		flank(0, s.as, 0, s.bs)
		flank(s.ae, len(ra), s.be, len(rb))
		return true
	}
	// breadth-first from every seed over the neighbouring chunk pairs that
	// align too: forward and backward in both documents, or in one (chunks
	// of the two documents need not line up)
	queue := slices.Clone(seedList)
	for len(queue) > 0 {
		sd := queue[0]
		queue = queue[1:]
		if !try(sd[0], sd[1]) {
			continue
		}
		for _, d := range [...][2]int{{1, 1}, {1, 0}, {0, 1}, {-1, -1}, {-1, 0}, {0, -1}} {
			i, j := sd[0]+d[0], sd[1]+d[1]
			if i >= 0 && j >= 0 && i < na && j < nb && !visited[[2]int{i, j}] {
				queue = append(queue, [2]int{i, j})
			}
		}
	}
	out := spans[:0]
	for _, s := range joinSpans(spans) {
		if s.m >= p.MinPassage || (s.m >= p.MinChunk && s.m == s.ae-s.as && s.m == s.be-s.bs) {
			out = append(out, s)
		}
	}
	return out
}

// minFlank is the fewest matching characters an alignment in the flank of
// a chunk pair's best alignment needs (the passage it joins still needs
// MinPassage).
const minFlank = 12

// joinSpans sorts spans and joins those that follow each other in both
// documents (a gap of at most 12 characters on either side).
func joinSpans(spans []span) []span {
	if len(spans) == 0 {
		return nil
	}
	slices.SortFunc(spans, func(a, b span) int {
		if a.as != b.as {
			return a.as - b.as
		}
		return a.bs - b.bs
	})
	out := []span{spans[0]}
	for _, s := range spans[1:] {
		last := &out[len(out)-1]
		if s.as >= last.as && s.as <= last.ae+12 && s.bs >= last.bs && s.bs <= last.be+12 && s.as >= last.ae-12 && s.bs >= last.be-12 {
			if s.ae > last.ae {
				last.ae = s.ae
			}
			if s.be > last.be {
				last.be = s.be
			}
			last.m += s.m
			continue
		}
		out = append(out, s)
	}
	return out
}

// pair builds a Pair from spans.
func (x *Index) pair(da, db *docRec, ba, bb *body, spans []span, noText bool) Pair {
	pr := Pair{A: da.name, B: db.name, CharsA: da.chars, CharsB: db.chars, DateA: da.date, DateB: db.date}
	var sa, sb [][2]int
	for _, s := range spans {
		pr.Aligned += s.m
		sa = append(sa, [2]int{s.as, s.ae})
		sb = append(sb, [2]int{s.bs, s.be})
		ps := Passage{
			AStart: int(ba.red.off[s.as]), AEnd: endOffset(ba, s.ae),
			BStart: int(bb.red.off[s.bs]), BEnd: endOffset(bb, s.be),
			Chars: s.m, ALen: s.ae - s.as, BLen: s.be - s.bs,
		}
		if !noText {
			ps.Text = strings.Clone(ba.text[ps.AStart:ps.AEnd]) // not the whole text
		}
		pr.Passages = append(pr.Passages, ps)
	}
	if pr.CharsA > 0 {
		pr.ContainmentA = float64(unionLen(sa)) / float64(pr.CharsA)
	}
	if pr.CharsB > 0 {
		pr.ContainmentB = float64(unionLen(sb)) / float64(pr.CharsB)
	}
	pr.ContainmentA = round4(pr.ContainmentA)
	pr.ContainmentB = round4(pr.ContainmentB)
	direction(&pr)
	return pr
}

// endOffset is the byte offset just after reduced rune e-1.
func endOffset(s *body, e int) int {
	if e <= 0 {
		return int(s.red.off[0])
	}
	start := int(s.red.off[e-1])
	for i := start + 1; i <= len(s.text); i++ {
		if i == len(s.text) || isRuneStart(s.text[i]) {
			return i
		}
	}
	return len(s.text)
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

func unionLen(spans [][2]int) int {
	slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
	n, end := 0, -1
	for _, s := range spans {
		if s[0] > end {
			n += s[1] - s[0]
			end = s[1]
		} else if s[1] > end {
			n += s[1] - end
			end = s[1]
		}
	}
	return n
}

func round4(v float64) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', 4, 64), 64)
	return f
}

// direction sets Source, Target and LagDays from the dates.
func direction(pr *Pair) {
	ya, ta, fa := parseDate(pr.DateA)
	yb, tb, fb := parseDate(pr.DateB)
	if ya == 0 || yb == 0 {
		return
	}
	switch {
	case fa && fb:
		if ta.Equal(tb) {
			return
		}
		d := int(tb.Sub(ta).Hours() / 24)
		if d > 0 {
			pr.Source, pr.Target = pr.A, pr.B
		} else {
			pr.Source, pr.Target, d = pr.B, pr.A, -d
		}
		pr.LagDays = &d
	case ya < yb:
		pr.Source, pr.Target = pr.A, pr.B
	case yb < ya:
		pr.Source, pr.Target = pr.B, pr.A
	}
}

// parseDate reads YYYY-MM-DD (full) or a leading year.
func parseDate(s string) (int, time.Time, bool) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t.Year(), t, true
	}
	if len(s) >= 4 {
		if y, err := strconv.Atoi(s[:4]); err == nil && y > 0 {
			return y, time.Time{}, false
		}
	}
	return 0, time.Time{}, false
}

// MapOffsets moves the sketch's offsets from the text it was made from
// (cleaned) to original, the text the user gave, through f; passages then
// point into original and quote it.
func (s *Sketch) MapOffsets(original string, f func(start, end int) (int, int)) {
	for i := range s.red.off {
		o := int(s.red.off[i])
		a, _ := f(o, o)
		s.red.off[i] = int32(a)
	}
	s.text = original
}

// bandEntry is one sketched chunk in one LSH band: its band key and its
// global chunk number.
type bandEntry struct {
	key uint64
	c   int32
}

// bands hands Find the sorted entries of each band in turn. With one job it
// reads a band when asked, into the buffers of the band before; with more,
// up to jobs bands are read and sorted ahead on goroutines of their own
// (their memory: jobs bands' entries), while Find goes through the buckets
// of the band before.
type bands struct {
	read    func(band int, entries []bandEntry, keyBuf []byte) ([]bandEntry, []byte, error)
	entries []bandEntry
	keyBuf  []byte
	ahead   []chan bandResult // per band, when read ahead
	room    chan struct{}     // a token per band read ahead and not yet done
	quit    chan struct{}
}

type bandResult struct {
	entries []bandEntry
	err     error
}

func bandsAhead(n, jobs, chunks int, read func(int, []bandEntry, []byte) ([]bandEntry, []byte, error)) *bands {
	b := &bands{read: read}
	if jobs <= 1 || n <= 1 {
		b.entries = make([]bandEntry, 0, chunks)
		return b
	}
	b.ahead = make([]chan bandResult, n)
	for i := range b.ahead {
		b.ahead[i] = make(chan bandResult, 1) // never blocks
	}
	b.room = make(chan struct{}, jobs)
	b.quit = make(chan struct{})
	go func() {
		for band := range n {
			select {
			case b.room <- struct{}{}:
			case <-b.quit:
				return
			}
			go func() {
				e, _, err := read(band, make([]bandEntry, 0, chunks), nil)
				b.ahead[band] <- bandResult{e, err}
			}()
		}
	}()
	return b
}

// get is the sorted entries of band, which done gives back.
func (b *bands) get(band int) ([]bandEntry, error) {
	if b.ahead == nil {
		var err error
		b.entries, b.keyBuf, err = b.read(band, b.entries, b.keyBuf)
		return b.entries, err
	}
	r := <-b.ahead[band]
	return r.entries, r.err
}

// done says that the entries of the band got last are no longer needed.
func (b *bands) done([]bandEntry) {
	if b.ahead != nil {
		<-b.room
	}
}

// stop lets the goroutines reading ahead end (they finish the band they
// are reading).
func (b *bands) stop() {
	if b.quit != nil {
		close(b.quit)
	}
}
