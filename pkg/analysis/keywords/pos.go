package keywords

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// DefaultPOS returns the parts of speech a keyword may have unless asked
// otherwise (gse/ICTCLAS tags): nouns (n), other proper nouns (nz), place
// names (ns), organisation names (nt), verbal nouns (vn), fixed
// expressions (l), abbreviations (j), words the dictionaries do not know
// (x: new words found by the HMM, mostly terms and names), and the
// person-name tags (nr, nrt, nrfg): gse gives them to many terms that are
// not names (高新区, 从严治党, 二十大), so leaving them out loses terms (on
// the development data, F1@5 0.8 points lower). Idioms (i: 奋勇争先,
// 攜手同心, 冰天雪地) are the rhetoric of policy text, not its topics.
func DefaultPOS() []string {
	return []string{"n", "nz", "ns", "nt", "vn", "l", "j", "x", "nr", "nrt", "nrfg"}
}

// POSFilter is an allow-list of part-of-speech tags. A nil filter allows
// DefaultPOS().
type POSFilter struct {
	tags map[string]bool
	any  bool
}

// NewPOSFilter returns a filter allowing the given tags. A tag ending in *
// allows every tag it begins (n* allows n, nr, ns …); the single tag "all"
// (or "*") allows everything.
func NewPOSFilter(tags []string) (*POSFilter, error) {
	f := &POSFilter{tags: make(map[string]bool)}
	for _, t := range tags {
		t = strings.TrimSpace(t)
		switch {
		case t == "":
			continue
		case t == "all" || t == "*":
			f.any = true
		case strings.HasSuffix(t, "*") && !isTag(strings.TrimSuffix(t, "*")), !strings.HasSuffix(t, "*") && !slices.Contains(knownTags, t):
			return nil, fmt.Errorf("invalid part-of-speech tag %q: use gse tags such as n, nz, ns, nt, vn, v, a, i, l (n* for every n tag)", t)
		default:
			f.tags[t] = true
		}
	}
	if !f.any && len(f.tags) == 0 {
		return nil, fmt.Errorf("no part-of-speech tags given")
	}
	return f, nil
}

// isTag says whether t is a tag the segmenter gives, or a prefix of one
// (for n*, v*).
func isTag(t string) bool {
	if t == "" {
		return false
	}
	for _, k := range knownTags {
		if strings.HasPrefix(k, t) {
			return true
		}
	}
	return false
}

// knownTags are the part-of-speech tags the segmenter gives: those of
// gse's dictionary (the ICTCLAS set jieba uses), and eng and m for Latin
// words and numbers found by rules.
var knownTags = []string{"a", "ad", "ag", "an", "b", "c", "d", "df", "dg", "e", "eng", "f", "g", "h", "i", "j", "k",
	"l", "m", "mg", "mq", "n", "ng", "nr", "nrfg", "nrt", "ns", "nt", "nz", "o", "p", "q", "r", "rg", "rr", "rz", "s",
	"t", "tg", "u", "ud", "ug", "uj", "ul", "uv", "uz", "v", "vd", "vg", "vi", "vn", "vq", "w", "x", "y", "z", "zg"}

var defaultPOSFilter = sync.OnceValue(func() *POSFilter {
	f, _ := NewPOSFilter(DefaultPOS())
	return f
})

// Allows says whether a token with tag pos may be a keyword.
func (f *POSFilter) Allows(pos string) bool {
	if f == nil {
		f = defaultPOSFilter()
	}
	if f.any || f.tags[pos] {
		return true
	}
	for t := range f.tags {
		if strings.HasSuffix(t, "*") && strings.HasPrefix(pos, strings.TrimSuffix(t, "*")) {
			return true
		}
	}
	return false
}

// Tags lists the allowed tags, sorted.
func (f *POSFilter) Tags() []string {
	if f == nil {
		f = defaultPOSFilter()
	}
	if f.any {
		return []string{"all"}
	}
	out := make([]string, 0, len(f.tags))
	for t := range f.tags {
		out = append(out, t)
	}
	slices.Sort(out)
	return out
}
