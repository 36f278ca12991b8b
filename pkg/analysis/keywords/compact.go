package keywords

import (
	"encoding/binary"
	"errors"
	"math"
	"strings"
	"unsafe"

	"zhpolicy/internal/varbin"
	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/analysis/entities"
)

// Compact reduces the Terms of a document to what ranking it needs, for
// callers that hold the Terms of many documents until the corpus they
// belong to is known (keywords --corpus ranks each document against the
// rest): the terms that can be ranked at all (Terms.ranked), each with the
// first of its occurrences, its most frequent form and copies of its
// strings (so that nothing holds on to the document's text); the counts of
// those terms only (the vocabulary of word sequences a background counts is
// dropped: add the document to its background first); and, for the methods
// that use it, the TextRank scores, computed now from the sequence of
// units, which is dropped. span, when not nil, maps each kept occurrence
// from the document's text to the positions the caller reports (the
// original file's), so that the caller need not keep the document to map
// them later. Compact returns t.
func (t *Terms) Compact(m Method, span func(start, end int) (int, int)) *Terms {
	var tr []float64
	if m != TFIDF && len(t.terms) > 0 {
		tr = t.textRank()
	}
	v := make(map[string]int32)
	var kept []term // a new array, so that the old one (every term) is freed
	var keptTR []float64
	for i := range t.terms {
		tm := t.terms[i]
		if !t.ranked(&tm) {
			continue
		}
		tm.key = strings.Clone(tm.key)
		tm.pos = strings.Clone(tm.pos)
		tm.parts = analysis.CloneStrings(tm.parts)
		f := tm.forms[0]
		f.text = strings.Clone(f.text)
		tm.forms = []form{f}
		sp := tm.spans[0]
		if span != nil {
			s, e := span(int(sp[0]), int(sp[1]))
			sp = [2]int32{int32(s), int32(e)}
		}
		tm.spans = [][2]int32{sp}
		v[tm.key] = max(t.vocab[tm.key], int32(tm.count))
		kept = append(kept, tm)
		if tr != nil {
			keptTR = append(keptTR, tr[i])
		}
	}
	// (no term kept, no scores: rank has nothing to rank then)
	t.terms, t.tr = kept, keptTR
	t.vocab, t.setUses = v, nil
	t.seq = nil
	t.Name = strings.Clone(t.Name)
	return t
}

// ownCounts keeps, of the vocabulary, the counts of the document's own
// terms (for keyness), dropping the word sequences only a background
// counts.
func (t *Terms) ownCounts() {
	v := make(map[string]int32, len(t.terms))
	for i := range t.terms {
		k := t.terms[i].key
		v[k] = max(t.vocab[k], int32(t.terms[i].count))
	}
	t.vocab = v
}

// AppendBinary appends the encoding of compacted Terms (see Compact) to b,
// for a caller that keeps them on disk (pkg/spill); UnmarshalBinary reads
// it back. Terms that were not compacted are refused.
func (t *Terms) AppendBinary(b []byte) ([]byte, error) {
	if t.seq != nil {
		return b, errors.New("keywords: only compacted terms are encoded")
	}
	var flags uint64
	for i, f := range []bool{t.Chinese, t.Empty, t.names, t.short, t.tr != nil} {
		if f {
			flags |= 1 << i
		}
	}
	b = binary.AppendUvarint(b, flags)
	b = appendString(b, t.Name)
	b = binary.AppendVarint(b, t.Units)
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(t.weight))
	b = binary.AppendUvarint(b, uint64(len(t.terms)))
	for i := range t.terms {
		tm := &t.terms[i]
		var f uint64
		for j, x := range []bool{tm.phrase, tm.quoted, tm.partial} {
			if x {
				f |= 1 << j
			}
		}
		b = binary.AppendUvarint(b, f)
		b = appendString(b, tm.key)
		b = binary.AppendUvarint(b, uint64(len(tm.parts)))
		for _, p := range tm.parts {
			b = appendString(b, p)
		}
		b = appendString(b, tm.pos)
		b = binary.AppendVarint(b, int64(tm.count))
		b = binary.AppendVarint(b, int64(t.vocab[tm.key]))
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(tm.weight))
		fm := tm.forms[0]
		b = appendString(b, fm.text)
		b = binary.AppendVarint(b, int64(fm.n))
		b = binary.AppendVarint(b, int64(fm.first))
		b = binary.AppendVarint(b, int64(tm.spans[0][0]))
		b = binary.AppendVarint(b, int64(tm.spans[0][1]))
		b = appendString(b, string(tm.name))
		if t.tr != nil {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(t.tr[i]))
		}
	}
	return b, nil
}

// UnmarshalBinary sets t to the Terms encoded in b by AppendBinary.
func (t *Terms) UnmarshalBinary(b []byte) error {
	d := decoder{varbin.Reader{B: b}}
	flags := d.Uvarint()
	*t = Terms{Chinese: flags&1 != 0, Empty: flags&2 != 0, names: flags&4 != 0, short: flags&8 != 0}
	t.Name = d.string()
	t.Units = d.Varint()
	t.weight = d.Float64()
	n := d.Uvarint()
	if d.Failed || n > uint64(len(d.B)) {
		return errors.New("keywords: corrupt encoded terms")
	}
	t.terms = make([]term, n)
	t.vocab = make(map[string]int32, n)
	if flags&16 != 0 {
		t.tr = make([]float64, n)
	}
	for i := range t.terms {
		tm := &t.terms[i]
		f := d.Uvarint()
		tm.phrase, tm.quoted, tm.partial = f&1 != 0, f&2 != 0, f&4 != 0
		tm.key = d.string()
		if np := d.Uvarint(); np > 0 && np <= uint64(len(d.B)) {
			tm.parts = make([]string, np)
			for j := range tm.parts {
				tm.parts[j] = d.string()
			}
		} else if np > 0 {
			d.Fail()
		}
		tm.pos = d.string()
		tm.count = int(d.Varint())
		t.vocab[tm.key] = int32(d.Varint())
		tm.weight = d.Float64()
		tm.forms = []form{{text: d.string(), n: int(d.Varint()), first: int(d.Varint())}}
		tm.spans = [][2]int32{{int32(d.Varint()), int32(d.Varint())}}
		tm.name = entities.Type(d.string())
		if t.tr != nil {
			t.tr[i] = d.Float64()
		}
		if d.Failed {
			break
		}
	}
	if d.Failed || len(d.B) != 0 {
		return errors.New("keywords: corrupt encoded terms")
	}
	return nil
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// decoder reads what AppendBinary wrote; its first failure sticks.
type decoder struct{ varbin.Reader }

func (d *decoder) string() string { return string(d.bytes()) }

// bytes is a string's bytes, in place.
func (d *decoder) bytes() []byte {
	n := d.Uvarint()
	if n > uint64(len(d.B)) {
		d.Fail()
		return nil
	}
	s := d.B[:n:n]
	d.B = d.B[n:]
	return s
}

// AppendVocabulary appends the encoding of the document's vocabulary (what
// Background.Add counts) to b, for a caller that counts only some terms of
// a corpus and learns which after reading it (CountVocabulary). Call it
// before Compact, which drops the vocabulary.
func (t *Terms) AppendVocabulary(b []byte) []byte {
	b = binary.AppendVarint(b, t.Units)
	b = binary.AppendUvarint(b, uint64(len(t.vocab)))
	for k, n := range t.vocab {
		b = appendString(b, k)
		b = binary.AppendVarint(b, int64(n))
	}
	return b
}

// Want makes b count key when vocabularies are counted into it
// (CountVocabulary).
func (b *Background) Want(key string) {
	b.own()
	b.terms.ref(key) // (a copy of a new key)
}

// CountVocabulary adds one document's vocabulary, encoded by
// AppendVocabulary, counting only the terms b was told to Want: a
// background that answers Lookup for those terms as if every term had been
// added (the corpus of keywords --corpus, whose keyness looks up only the
// terms its documents rank), at a fraction of the memory.
func (b *Background) CountVocabulary(rec []byte) error {
	d := decoder{varbin.Reader{B: rec}}
	units := d.Varint()
	n := d.Uvarint()
	if d.Failed || n > uint64(len(d.B)) {
		return errors.New("keywords: corrupt encoded vocabulary")
	}
	b.own()
	b.docs++
	b.units += units
	for range n {
		k := d.bytes()
		c := d.Varint()
		if d.Failed {
			break
		}
		if len(k) == 0 {
			continue
		}
		// the key is looked up in place, not kept
		if e := b.terms.at(unsafe.String(&k[0], len(k))); e != nil {
			e.df++
			e.count += c
		}
	}
	if d.Failed || len(d.B) != 0 {
		return errors.New("keywords: corrupt encoded vocabulary")
	}
	return nil
}

// WantTerms makes b count the terms of t (see Want).
func (b *Background) WantTerms(t *Terms) {
	for i := range t.terms {
		b.Want(t.terms[i].key)
	}
}

// LookupKeys returns every key that ranking t (Score, Names) looks up in
// its IDF, other than the empty string: each term that can be ranked, the
// parts of its phrases (termIDF), and what is left of a term when another
// of its terms is taken out of it (dropRedundant's test of the remainder,
// 发展 of 新质生产力发展 under 新质生产力). A background that counts
// only these keys of a corpus (Want, CountVocabulary) gives t the ranking
// the whole background would, at a fraction of the memory. Keys may repeat;
// each is a new string, holding nothing of the document's text.
func (t *Terms) LookupKeys() []string {
	own := make(map[string]bool, len(t.terms))
	for i := range t.terms {
		if t.ranked(&t.terms[i]) {
			own[t.terms[i].key] = true
		}
	}
	var keys []string
	for i := range t.terms {
		tm := &t.terms[i]
		if !own[tm.key] {
			continue
		}
		keys = append(keys, strings.Clone(tm.key))
		for _, p := range tm.parts {
			keys = append(keys, strings.Clone(p))
		}
		eachPart(tm.key, func(sub string) bool {
			if own[sub] {
				if r := strings.Replace(tm.key, sub, "", 1); r != "" {
					keys = append(keys, r)
				}
			}
			return true
		})
	}
	return keys
}

// WantKeys makes b count each of keys (see Want).
func (b *Background) WantKeys(keys []string) {
	for _, k := range keys {
		b.Want(k)
	}
}
