package slogans

import (
	"sort"
	"strings"
)

// pattern is one written form to look for.
type pattern struct {
	text []rune
	key  string
	kind Kind
	lex  bool
	// quotedOnly: only uses inside quotation marks count (a short quoted
	// label whose bare uses could be any word)
	quotedOnly bool
}

// patternIndex holds patterns by first rune, longest first.
type patternIndex map[rune][]pattern

func (ix patternIndex) add(p pattern) {
	if len(p.text) == 0 {
		return
	}
	ix[p.text[0]] = append(ix[p.text[0]], p)
}

func (ix patternIndex) sort() {
	for _, ps := range ix {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].text) > len(ps[j].text) })
	}
}

// runeBits is a set of runes of the Basic Multilingual Plane; runes above
// it are always members (a lookup decides).
type runeBits [1 << 10]uint64

func (b *runeBits) set(c rune) {
	if c >= 0 && c < 1<<16 {
		b[c>>6] |= 1 << (c & 63)
	}
}

func (b *runeBits) has(c rune) bool {
	return c < 0 || c >= 1<<16 || b[c>>6]&(1<<(c&63)) != 0
}

// firstRunes gives the set of the first runes of an index's patterns.
func (ix patternIndex) firstRunes() *runeBits {
	b := &runeBits{}
	for c := range ix {
		b.set(c)
	}
	return b
}

// lexIndex is a lexicon's patterns, built once.
type lexIndex struct {
	plain    patternIndex // numbered and lexicon entries
	parallel patternIndex // parallel series
	// first runes of the patterns: most characters of a text start none,
	// and a bit test is cheaper than a map lookup
	firstPlain, firstParallel *runeBits
}

func (l *Lexicon) index() *lexIndex {
	if l == nil {
		return &lexIndex{plain: patternIndex{}, parallel: patternIndex{}, firstPlain: &runeBits{}, firstParallel: &runeBits{}}
	}
	l.once.Do(func() {
		ix := &lexIndex{plain: patternIndex{}, parallel: patternIndex{}}
		// every written form maps to exactly one entry: the index does
		// not depend on map order
		for form, key := range l.alias {
			e := l.entries[key]
			if e.Kind == Plan {
				continue
			}
			p := pattern{text: []rune(form), key: key, kind: e.Kind, lex: true}
			if e.Kind == Parallel {
				ix.parallel.add(p)
			} else {
				ix.plain.add(p)
			}
		}
		ix.plain.sort()
		ix.parallel.sort()
		ix.firstPlain, ix.firstParallel = ix.plain.firstRunes(), ix.parallel.firstRunes()
		l.idx = ix
	})
	return l.idx
}

// scan counts every use of the lexicon's formulations and of the extra
// keys (quoted phrases and compact numbered formulations of this
// document) in the text without quotation marks, longest match first. It
// returns the spans (runes of s) of the lexicon's parallel series found.
func (x *extractor) scan(extra map[string]pattern) [][2]int {
	v := x.v
	s := v.s
	ix := x.lex.index()
	local := patternIndex{}
	for k, p := range extra {
		if _, ok := x.lex.Lookup(k); ok {
			continue // the lexicon pattern counts it
		}
		local.add(p)
	}
	local.sort()
	firstLocal := local.firstRunes()
	// match gives the first pattern of ps written at s[j:] and where its
	// writing ends (spaces inside it are read over: 1 + 5 + N)
	match := func(ps []pattern, j int) (pattern, int, bool) {
		for _, p := range ps {
			n := len(p.text)
			e, ok := matchSpaced(s, j, p.text)
			if !ok {
				continue
			}
			if n <= 2 && (!v.sBound(j) || !v.sBound(e)) {
				continue
			}
			// a code never matches inside a longer number or word:
			// “315” is not in 3150个
			if asciiWord(p.text[0]) && j > 0 && asciiWord(s[j-1]) || asciiWord(p.text[n-1]) && e < len(s) && asciiWord(s[e]) {
				continue
			}
			// nor a Chinese numeral inside a longer number: 四万亿 is not
			// in 五十|四万亿元 (rules 24)
			if isNumeral(p.text[0]) && j > 0 && (isNumeral(s[j-1]) || s[j-1] >= '0' && s[j-1] <= '9') {
				continue
			}
			return p, e, true
		}
		return pattern{}, 0, false
	}
	for j := 0; j < len(s); {
		c := lowerASCII(s[j])
		if !ix.firstPlain.has(c) && !firstLocal.has(c) {
			j++
			continue
		}
		p1, e1, ok1 := match(ix.plain[c], j)
		p2, e2, ok2 := match(local[c], j)
		if ok2 && (!ok1 || e2 > e1) {
			p1, e1, ok1 = p2, e2, true
		}
		if !ok1 {
			j++
			continue
		}
		i, k := v.fullSpan(j, e1)
		h := hit{key: p1.key, kind: p1.kind, i: i, k: k, ei: i, ek: k, quoted: x.enclosed(i, k), lex: p1.lex}
		j = e1
		if wi, wk := x.withMarks(i, k); !h.quoted && (wi < i || wk > k) {
			// marks around a part: “六稳”“六保”, “四个全面”战略布局
			h.quoted, h.ei, h.ek = true, wi, wk
		}
		if p1.quotedOnly && !h.quoted {
			continue
		}
		if (p1.kind != Lex || h.quoted) && h.ei == i && h.ek == k || x.enclosed(i, k) {
			h.ei, h.ek, h.head, h.tail = x.extentOf(i, k, h.quoted, p1.kind)
		}
		x.hits = append(x.hits, h)
	}
	var spans [][2]int
	for j := 0; j < len(s); {
		if !ix.firstParallel.has(lowerASCII(s[j])) {
			j++
			continue
		}
		// a series of the lexicon is matched as written, without spaces
		// inside (its members' spans are read from its text)
		p, pe, ok := match(ix.parallel[lowerASCII(s[j])], j)
		if !ok || pe-j != len(p.text) {
			j++
			continue
		}
		e, _ := x.lex.Lookup(p.key)
		members := splitMembers(e.Text)
		h := hit{key: p.key, kind: Parallel, members: members, lex: true}
		h.i, h.k = v.fullSpan(j, j+len(p.text))
		// member spans: the alias's own members when it has separators,
		// else the canonical members' lengths (共商共建共享)
		end := j + len(p.text)
		if hasSep(s[j:end]) {
			start := j
			for q := j; q <= end; q++ {
				if q == end || isDun(s[q]) || isComma(s[q]) {
					a, b := v.fullSpan(start, q)
					h.mspans = append(h.mspans, [2]int{a, b})
					start = q + 1
				}
			}
		} else {
			at := j
			for _, m := range members {
				n := min(len([]rune(m)), end-at)
				a, b := v.fullSpan(at, at+n)
				h.mspans = append(h.mspans, [2]int{a, b})
				at += n
			}
		}
		h.quoted = x.enclosed(h.i, h.k)
		if !h.quoted {
			// a series of the lexicon whose members hold quotations ends
			// with the last one's closing mark, as a series found by shape
			// does: 坚定拥护“两个确立”，坚决做到“两个维护” (rules 17)
			h.i, h.k = x.withMarks(h.i, h.k)
		}
		h.ei, h.ek = h.i, h.k
		if h.quoted {
			h.ei, h.ek = h.i-1, h.k+1
		}
		x.hits = append(x.hits, h)
		spans = append(spans, [2]int{j, j + len(p.text)})
		j += len(p.text)
	}
	return spans
}

// matchSpaced reports whether text is written at s[j:], ASCII letters in
// either case, with spaces (ASCII, ideographic, no-break) read over beside
// its Latin letters, digits and plus signs — as PDFs and typists set them
// (“1 + 5 + N”, “一个平台+ N 个智能应用”) — and gives the end of the writing
// in s.
func matchSpaced(s []rune, j int, text []rune) (int, bool) {
	for i, c := range text {
		if i > 0 && j < len(s) && isSpaceRune(s[j]) && (asciiWord(c) || asciiWord(text[i-1])) {
			for j < len(s) && isSpaceRune(s[j]) {
				j++
			}
		}
		if j >= len(s) || s[j] != c && lowerASCII(s[j]) != c {
			return 0, false
		}
		j++
	}
	return j, true
}

func isSpaceRune(c rune) bool { return c == ' ' || c == '\u3000' || c == '\u00a0' }

// lowerASCII folds an ASCII capital as keys are folded (analysis.Key), and
// a full-width plus as textKey folds it (rules 14): the patterns are keys
// (1+m+n, 人工智能+), the text keeps its case and width (1+M+N, 1＋N＋X,
// 人工智能＋).
func lowerASCII(c rune) rune {
	if c >= 'A' && c <= 'Z' {
		return c + ('a' - 'A')
	}
	if c == '＋' {
		return '+'
	}
	return c
}

func joinMembers(ms []string) string { return strings.Join(ms, "、") }

// asciiWord: an ASCII letter or digit, or a sign that joins a code.
func asciiWord(c rune) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '+' || c == '＋' || c == '.'
}
