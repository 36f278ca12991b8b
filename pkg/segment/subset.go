package segment

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// subset collects, for one text, the dictionary entries that make a gse
// Segmenter answer every look-up its cut of that text makes exactly as the
// full dictionary would.
//
// gse's DAG walk (getDag) asks, at every rune position k, for the
// fragments text[k:i] with growing i as long as Find reports them (a word,
// or a proper prefix of a word); route scoring asks for the frequency of
// the fragments the walk accepted; HMM, search mode and parts of speech ask
// for substrings of the text. So the subset holds:
//
//   - every fragment the walk visits that is a word, with its frequency and
//     part of speech (and, with the character fix, every one-character
//     fragment that is only a prefix, with frequency 1);
//   - for the last fragment of a walk when it is only a prefix, a sentinel
//     word fragment+"\xff" (never matched: 0xFF is not UTF-8) so that Find
//     still reports it; earlier prefixes are prefixes of what follows;
//   - the dummy word that makes the total frequency the full one.
type subset struct {
	d       *dictDef
	seen    map[string]struct{}
	sentSet map[string]struct{}
	ents    []subEntry
}

type subEntry struct {
	key  string
	freq float64
	pos  string
}

func newSubset(d *dictDef, textLen int) *subset {
	n := textLen / 4
	return &subset{
		d:       d,
		seen:    make(map[string]struct{}, n),
		sentSet: make(map[string]struct{}, n/8),
		ents:    make([]subEntry, 0, n),
	}
}

// addText walks every rune position of a lower-cased block.
func (b *subset) addText(lb string) {
	for k := 0; k < len(lb); {
		_, n := utf8.DecodeRuneInString(lb[k:])
		b.walk(lb, k)
		k += n
	}
}

func (b *subset) walk(lb string, k int) {
	d := b.d
	r, _ := utf8.DecodeRuneInString(lb[k:])
	lo, hi := d.base.FirstRange(r)
	ov := d.ovFirst[r]
	olo, ohi := ov[0], ov[1]
	depth := 0
	last := "" // the last fragment visited, when it is only a prefix
	for i := k; i < len(lb); {
		_, n := utf8.DecodeRuneInString(lb[i:])
		next := lb[i : i+n]
		if lo < hi && depth > 0 {
			lo, hi = d.base.Narrow(lo, hi, depth, next)
		}
		if olo < ohi && depth > 0 {
			olo, ohi = d.narrowOverlay(olo, ohi, depth, next)
		}
		if lo == hi && olo == ohi {
			break
		}
		depth += n
		i += n
		frag := lb[k:i]
		last = ""
		switch {
		case olo < ohi && len(d.overlay[olo].key) == depth:
			if b.isNew(frag) {
				o := d.overlay[olo]
				b.ents = append(b.ents, subEntry{frag, o.freq, o.pos})
			}
		case lo < hi && d.base.KeyLen(lo) == depth:
			if b.isNew(frag) {
				freq, pos := d.baseEntry(lo)
				b.ents = append(b.ents, subEntry{frag, freq, pos})
			}
		case i-k == n && d.charFix:
			if b.isNew(frag) {
				b.ents = append(b.ents, subEntry{frag, 1, ""})
			}
		default:
			last = frag
		}
	}
	if last != "" {
		if _, ok := b.sentSet[last]; !ok {
			b.sentSet[last] = struct{}{}
			b.ents = append(b.ents, subEntry{key: last + sentinel})
		}
	}
}

func (b *subset) isNew(key string) bool {
	if _, ok := b.seen[key]; ok {
		return false
	}
	b.seen[key] = struct{}{}
	return true
}

// build loads the collected entries into a new gse Segmenter (in key
// order: gse's trie is built fastest so).
func (b *subset) build() (*gse.Segmenter, error) {
	sort.Slice(b.ents, func(i, j int) bool { return b.ents[i].key < b.ents[j].key })
	g := newGse()
	for _, e := range b.ents {
		if err := g.AddToken(e.key, e.freq, e.pos); err != nil {
			return nil, err
		}
	}
	if err := b.d.finishTotal(g); err != nil {
		return nil, err
	}
	return g, nil
}

// subsetFor builds the subset Segmenter for the spans of work: the blocks
// gse cuts and the single characters whose part of speech is looked up.
func (s *Segmenter) subsetFor(work string, spans []span) (*gse.Segmenter, error) {
	b := newSubset(s.def, len(work))
	for _, sp := range spans {
		b.addText(strings.ToLower(work[sp.start:sp.end]))
	}
	return b.build()
}
