package keywords

import (
	"slices"
	"strings"
	"unicode/utf8"

	"zhpolicy/pkg/analysis"
)

// unit is one token of the document, as the collector sees it.
type unit struct {
	key, surface, pos string
	start, end        int // byte offsets in Input.Text
	heading           bool
	cand              bool // may be a keyword on its own
	join              bool // may be part of a key phrase
}

type collector struct {
	in    *analysis.Input
	opts  *Options
	stop  *Stopwords
	units []unit
}

func newCollector(in *analysis.Input, opts *Options) *collector {
	return &collector{in: in, opts: opts, stop: opts.stopwords()}
}

func (c *collector) run(t *Terms) {
	c.prepare()
	var spans [][2]int // unit ranges [i, j) of the output stream
	if c.opts.NoPhrases {
		spans = make([][2]int, len(c.units))
		for i := range c.units {
			spans[i] = [2]int{i, i + 1}
		}
	} else {
		spans = c.phrases()
	}
	c.build(t, spans)
}

// prepare classifies every token.
func (c *collector) prepare() {
	in := c.in
	heads := headingLines(in.Text, headingMaxRunes)
	c.units = make([]unit, len(in.Tokens))
	hi := 0
	for i, tok := range in.Tokens {
		u := unit{key: in.Keys[i], surface: tok.Text, pos: tok.POS, start: tok.Start, end: tok.End}
		for hi < len(heads) && heads[hi].end <= tok.Start {
			hi++
		}
		if hi < len(heads) && heads[hi].start <= tok.Start && tok.End <= heads[hi].end {
			u.heading = heads[hi].heading
		}
		c.classify(&u)
		c.units[i] = u
	}
	c.splitPrefixes()
}

// splitPrefixes splits a word that begins with a stopword (推动高质量发展,
// 发展新质生产力: formulations the dictionary keeps whole) into the
// stopword and the rest, when the document also uses the rest on its own:
// then the rest is the term, and it counts with its other occurrences.
func (c *collector) splitPrefixes() {
	seen := make(map[string]string) // key → part of speech of an own use
	for _, u := range c.units {
		if _, ok := seen[u.key]; !ok && (u.cand || u.join) {
			seen[u.key] = u.pos
		}
	}
	var out []unit
	for i, u := range c.units {
		split := -1
		var pos string
		if classify(u.surface) == kindHan && runeLen(u.key) >= 4 {
			// byte offsets of rune boundaries; the prefix has at least two
			// runes and the rest at least two.
			bounds := runeBounds(u.key)
			for k := 2; k+2 < len(bounds); k++ {
				pre, rest := u.key[:bounds[k]], u.key[bounds[k]:]
				if p, ok := seen[rest]; ok && c.stop.Has(pre) && !c.stop.Has(rest) {
					split, pos = k, p
					break
				}
			}
		}
		if split < 0 {
			if out != nil {
				out = append(out, u)
			}
			continue
		}
		if out == nil {
			out = append(make([]unit, 0, len(c.units)+8), c.units[:i]...)
		}
		kb := runeBounds(u.key)[split]
		sb := runeBounds(u.surface)[split]
		pre := unit{key: u.key[:kb], surface: u.surface[:sb], pos: "v", start: u.start, end: u.start + sb, heading: u.heading}
		rest := u
		rest.key, rest.surface, rest.pos, rest.start = u.key[kb:], u.surface[sb:], pos, u.start+sb
		c.classify(&rest)
		out = append(out, pre, rest)
	}
	if out != nil {
		c.units = out
	}
}

// runeBounds returns the byte offset of every rune of s and len(s).
func runeBounds(s string) []int {
	b := make([]int, 0, len(s)/3+1)
	for i := range s {
		b = append(b, i)
	}
	return append(b, len(s))
}

// joinPOS says whether a word of this part of speech can be part of a key
// phrase: content words, not function words, numbers or pronouns.
func joinPOS(pos string) bool {
	switch pos {
	case "n", "nz", "ns", "nt", "nr", "nrt", "nrfg", "ng", "vn", "v", "a", "an", "b", "j", "l", "i", "x":
		return true
	}
	return false
}

// classify decides whether a unit may be a keyword on its own and whether
// it may be part of a key phrase.
func (c *collector) classify(u *unit) {
	kind := classify(u.surface)
	numeral := strings.HasPrefix(u.pos, "m") && isNumeral(u.key)
	stop := c.stop.Has(u.key)
	n := runeLen(u.key)
	if u.pos == "x" && kind == kindHan && oovJunk(u.key) {
		// a new word the HMM made of a function character and a
		// neighbour (以龙, 其区系, 简要地): never a term.
		u.cand, u.join = false, false
		return
	}
	u.cand = (kind == kindHan || kind == kindMixed) && !numeral && !stop &&
		n >= c.opts.minLen() && c.opts.POS.Allows(u.pos)
	u.join = false
	if kind == kindHan && !numeral && joinPOS(u.pos) {
		switch {
		case stop:
			// 高质量+发展; never first in a phrase (see phrases).
			u.join = n > 1
		default:
			u.join = true
		}
	}
}

// oovJunk says whether a word unknown to the dictionaries begins or ends
// with a function character.
func oovJunk(key string) bool {
	r0, _ := utf8.DecodeRuneInString(key)
	r1, _ := utf8.DecodeLastRuneInString(key)
	return isFunctionRune(r0) || isFunctionRune(r1)
}

// isFunctionRune: characters that are words of grammar on their own.
func isFunctionRune(r rune) bool {
	return strings.ContainsRune("的了和与及或在是有对让把被将从向为以于由等之其该此各每也都又还就才并而但则即既再更最很较不没无非要能会可应须使给比用按据到中地得着过作所上下后前内外", r)
}

// adjacent says whether units i and i+1 touch (no space, no punctuation
// between them).
func (c *collector) adjacent(i int) bool {
	return c.units[i].end == c.units[i+1].start
}

// phrases finds the key phrases of the document: runs of two to
// phraseMaxParts joinable words (at most phraseMaxRunes characters),
// adjacent in the text, that occur together at least phraseMinCount times,
// do not start with a stopword, end in a word of an allowed part of speech
// and are cohesive (phraseCohesion, phraseAssoc). It returns the stream of
// units, left to right, with every phrase occurrence as one span: at each
// position the most frequent phrase that starts there.
func (c *collector) phrases() [][2]int {
	n := len(c.units)
	// words by number, so that a phrase is a small array, not a string.
	ids := make([]int32, n)
	num := make(map[string]int32)
	for i := range c.units {
		id, ok := num[c.units[i].key]
		if !ok {
			id = int32(len(num))
			num[c.units[i].key] = id
		}
		ids[i] = id
	}
	type gram [phraseMaxParts]int32
	key := func(i, j int) gram {
		var g gram
		for k := range g {
			g[k] = -1
		}
		copy(g[:], ids[i:j])
		return g
	}
	counts := make(map[gram]int)
	single := make(map[int32]int)
	for i := 0; i < n; i++ {
		if !c.units[i].join {
			continue
		}
		single[ids[i]]++
		runes := runeLen(c.units[i].key)
		for j := i + 1; j < n && j-i < phraseMaxParts; j++ {
			if !c.units[j].join || !c.adjacent(j-1) {
				break
			}
			runes += runeLen(c.units[j].key)
			if runes > phraseMaxRunes {
				break
			}
			counts[key(i, j+1)]++
		}
	}
	ok := func(i, j int) bool {
		cnt := counts[key(i, j)]
		if cnt < phraseMinCount || c.stop.Has(c.units[i].key) || c.stop.Has(c.joined(i, j)) {
			return false
		}
		// the last word decides what the phrase is: it must be a keyword
		// kind of word (医药+高新区, 疫情+防控), not 发展+加快.
		if !c.opts.POS.Allows(c.units[j-1].pos) && !c.units[j-1].cand {
			return false
		}
		head := single[ids[i]]
		if j-i > 2 {
			// cohesion: a longer phrase must be a good share of the uses
			// of its first words together.
			head = counts[key(i, j-1)]
			if float64(cnt) < phraseCohesion*float64(head) {
				return false
			}
		}
		// association: a good share of the uses of the rarer of its head
		// and its last word, or it is a chance neighbourhood (乡村+全面).
		if m := min(head, single[ids[j-1]]); float64(cnt) < phraseAssoc*float64(m) {
			return false
		}
		return true
	}
	spans := make([][2]int, 0, n)
	for i := 0; i < n; {
		best := i + 1
		if c.units[i].join {
			end := i + 1
			runes := runeLen(c.units[i].key)
			for end < n && end-i < phraseMaxParts && c.units[end].join && c.adjacent(end-1) {
				runes += runeLen(c.units[end].key)
				if runes > phraseMaxRunes {
					break
				}
				end++
			}
			// of the phrases starting here, the most frequent (the longest
			// of equally frequent ones).
			bestCount := 0
			for j := end; j >= i+2; j-- {
				if cnt := counts[key(i, j)]; cnt > bestCount && ok(i, j) {
					best, bestCount = j, cnt
				}
			}
		}
		spans = append(spans, [2]int{i, best})
		i = best
	}
	return spans
}

// joined is the key of the phrase of units [i, j).
func (c *collector) joined(i, j int) string {
	var b strings.Builder
	for k := i; k < j; k++ {
		b.WriteString(c.units[k].key)
	}
	return b.String()
}

// build turns the stream of spans into Terms.
func (c *collector) build(t *Terms, spans [][2]int) {
	index := make(map[string]int32)
	t.seq = make([]int32, 0, len(spans)+8)
	text := c.in.Text
	for si, sp := range spans {
		i, j := sp[0], sp[1]
		var k, surface string
		cand, phrase := false, j-i > 1
		if !phrase {
			u := &c.units[i]
			k, surface, cand = u.key, u.surface, u.cand
		} else {
			k = c.joined(i, j)
			surface = text[c.units[i].start:c.units[j-1].end]
			cand = runeLen(k) >= c.opts.minLen()
		}
		if !cand {
			t.seq = append(t.seq, -1)
		} else {
			id, seen := index[k]
			if !seen {
				id = int32(len(t.terms))
				index[k] = id
				t.terms = append(t.terms, term{key: k, phrase: phrase})
			}
			tm := &t.terms[id]
			tm.count++
			w := 1.0
			if c.units[i].heading {
				w += headingBoost
			}
			tm.weight += w
			t.weight += w
			addForm(tm, surface, si)
			t.seq = append(t.seq, id)
		}
	}
	for i := range t.terms {
		fs := t.terms[i].forms
		slices.SortFunc(fs, func(a, b form) int {
			if a.n != b.n {
				return b.n - a.n
			}
			return a.first - b.first
		})
	}
}

func addForm(tm *term, surface string, at int) {
	for i := range tm.forms {
		if tm.forms[i].text == surface {
			tm.forms[i].n++
			return
		}
	}
	tm.forms = append(tm.forms, form{text: surface, n: 1, first: at})
}

type line struct {
	start, end int
	heading    bool
}

// headingLines splits text into lines and marks the headings: short lines
// with Chinese text that do not end like a sentence (a title, a section
// heading).
func headingLines(text string, maxRunes int) []line {
	var out []line
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s := strings.TrimSpace(text[start:end])
		h := s != "" && utf8.RuneCountInString(s) <= maxRunes && hasHan(s) &&
			!strings.ContainsAny(s, "。！？；!?;") && !strings.HasSuffix(s, "：") && !strings.HasSuffix(s, "，")
		out = append(out, line{start: start, end: end, heading: h})
		start = end + 1
	}
	return out
}
