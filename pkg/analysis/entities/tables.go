package entities

import (
	"iter"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	entdict "zhpolicy/dict/entities"
)

// gazEntry is one name of the gazetteer.
type gazEntry struct {
	Type Type
	// Derived short forms (泰州 from 泰州市) and user entries are trusted
	// less than the names written in the lists: they must be a whole word
	// that the dictionary does not know as a common word.
	Derived bool
	// User entries come from --gazetteer and win over everything else.
	User bool
	// Ambiguous: a person's name that is also a place (华盛顿).
	Ambiguous bool
}

// tables are the read-only lists the recogniser works with, parsed once.
type tables struct {
	gaz    map[string]gazEntry
	maxGaz int // longest name, in runes
	// policyGaz are names of bodies read in policy text only (省政府)
	policyGaz map[string]gazEntry
	// gazTrie and policyTrie hold gaz and policyGaz for the walk of
	// gazetteer()
	gazTrie, policyTrie *trie
	// titleRev holds the titles reversed, for the walk back from a
	// token's end
	titleRev  *trie
	abbr      *rset
	sur1      *rset
	sur2      map[string]bool
	japanese  map[string]bool
	titles    map[string]bool
	maxTitle  int
	cues      map[string]bool
	suffixes  map[string]bool
	maxSuffix int
	translit  *rset
	minority  *rset            // with translit: characters of dotted names
	given     map[rune]float64 // log-odds that the character is part of a given name
	surname   map[rune]float64 // log-odds that the character, at a word start, is a family name
	// givenDefault is the given-name score of a character never seen
	givenDefault float64
	// notPlaces are fixed terms in which a leading place name is not a
	// place (中华民族); kinds are words that make a kind of body (上市)
	notPlaces [][]rune
	kinds     map[string]bool
}

// builtin gives the tables, decoded from the embedded snapshot on first
// use (snapshot.go).
var builtin = sync.OnceValue(loadTables)

// buildTables parses the embedded lists into the tables (what the snapshot
// holds precomputed).
func buildTables() *tables {
	// rune sets are gathered in maps, then kept as bitmaps
	abbr, sur1, translit, minority := map[rune]bool{}, map[rune]bool{}, map[rune]bool{}, map[rune]bool{}
	t := &tables{
		gaz:       make(map[string]gazEntry, 1<<14), // about 10,000 names
		sur2:      map[string]bool{},
		japanese:  map[string]bool{},
		titles:    map[string]bool{},
		cues:      map[string]bool{},
		suffixes:  map[string]bool{},
		given:     map[rune]float64{},
		surname:   map[rune]float64{},
		kinds:     map[string]bool{},
		policyGaz: map[string]gazEntry{},
	}
	for w := range words(entdict.PolicyOrgs) {
		t.policyGaz[w] = gazEntry{Type: ORG}
		t.maxGaz = max(t.maxGaz, utf8.RuneCountInString(w))
	}
	for w := range words(entdict.NotPlaces) {
		t.notPlaces = append(t.notPlaces, []rune(w))
	}
	for w := range words(entdict.Kinds) {
		t.kinds[w] = true
	}
	for l := range lineSeq(entdict.People) {
		for _, w := range strings.Fields(l) {
			t.add(w, PER, false)
		}
	}
	for l := range lineSeq(entdict.Orgs + "\n" + entdict.Companies) {
		for _, w := range strings.Fields(l) {
			t.add(w, ORG, false)
		}
	}
	notShort := map[string]bool{}
	for w := range words(entdict.NotShort) {
		notShort[w] = true
	}
	for w := range words(entdict.Counties) {
		t.add(w, LOC, false)
		if s := shortPlace(w); s != "" && !strings.HasSuffix(w, "区") && !notShort[s] {
			t.add(s, LOC, true)
		}
	}
	for _, src := range []string{entdict.Admin, entdict.World} {
		for l := range lineSeq(src) {
			fs := strings.Fields(l)
			if len(fs) == 0 {
				continue
			}
			t.add(fs[0], LOC, false)
			for _, a := range fs[1:] {
				if utf8.RuneCountInString(a) == 1 {
					r, _ := utf8.DecodeRuneInString(a)
					abbr[r] = true
					continue
				}
				t.add(a, LOC, false)
			}
			if s := shortPlace(fs[0]); s != "" && !strings.HasSuffix(fs[0], "区") && !notShort[s] {
				t.add(s, LOC, true)
			}
		}
	}
	surRank := map[rune]int{}
	for w := range words(entdict.Surnames) {
		if r := []rune(w); len(r) == 1 {
			sur1[r[0]] = true
			if _, ok := surRank[r[0]]; !ok {
				surRank[r[0]] = len(surRank)
			}
		} else {
			t.sur2[w] = true
		}
	}
	for w := range words(entdict.Japanese) {
		t.japanese[w] = true
	}
	for w := range words(entdict.Titles) {
		t.titles[w] = true
		t.maxTitle = max(t.maxTitle, utf8.RuneCountInString(w))
	}
	for w := range words(entdict.Cues) {
		t.cues[w] = true
	}
	for w := range words(entdict.OrgSuffixes) {
		t.suffixes[w] = true
		t.maxSuffix = max(t.maxSuffix, utf8.RuneCountInString(w))
	}
	for w := range words(entdict.Translit) {
		for _, r := range w {
			translit[r] = true
		}
	}
	for w := range words(entdict.Minority) {
		for _, r := range w {
			minority[r] = true
		}
	}
	prior := map[rune]bool{}
	for w := range words(entdict.GivenPrior) {
		for _, r := range w {
			prior[r] = true
		}
	}
	var G, S, N float64
	type stat struct{ g, sn, n float64 }
	stats := map[rune]stat{}
	for l := range lineSeq(entdict.GivenChars) {
		var fs [4]string
		n := 0
		for f := range strings.FieldsSeq(l) {
			if n < len(fs) {
				fs[n] = f
			}
			n++
		}
		if n != 4 {
			continue
		}
		a, _ := strconv.Atoi(fs[1])
		b, _ := strconv.Atoi(fs[2])
		c, _ := strconv.Atoi(fs[3])
		if fs[0] == "*" {
			G, S, N = float64(a), float64(b), float64(c)
			continue
		}
		r, _ := utf8.DecodeRuneInString(fs[0])
		stats[r] = stat{float64(a), float64(b), float64(c)}
	}
	t.givenDefault = 0.5
	for r := range prior {
		if _, ok := stats[r]; !ok {
			stats[r] = stat{}
		}
	}
	for r, c := range stats {
		pr := 0.2
		if prior[r] {
			pr = 0.7
		}
		lr := math.Log(((c.g + pr) / (G + 300)) / ((c.n + 1) / (N + 3000)))
		t.given[r] = min(max(lr, -4), 3)
	}
	for r, rank := range surRank {
		sp := 0.3
		switch {
		case rank < 100:
			sp = 3
		case rank < 300:
			sp = 1
		}
		c := stats[r]
		t.surname[r] = math.Log((c.sn + sp) / (c.n - c.sn + 1 + sp))
	}
	_ = S
	// the tries are filled in sorted order, so that their nodes are
	// numbered the same in every build (the snapshot is compared with them)
	t.titleRev = newTrieFor(runesIn(t.titles))
	for _, w := range slices.Sorted(maps.Keys(t.titles)) {
		t.titleRev.put(reversed(w), gazEntry{Type: TITLE})
	}
	t.gazTrie, t.policyTrie = newTrieFor(runesIn(t.gaz)), newTrieFor(runesIn(t.policyGaz))
	for _, w := range slices.Sorted(maps.Keys(t.gaz)) {
		t.gazTrie.put(w, t.gaz[w])
	}
	for _, w := range slices.Sorted(maps.Keys(t.policyGaz)) {
		t.policyTrie.put(w, t.policyGaz[w])
	}
	t.titleRev.freeze()
	t.gazTrie.freeze()
	t.policyTrie.freeze()
	t.abbr, t.sur1, t.translit, t.minority = setOf(abbr), setOf(sur1), setOf(translit), setOf(minority)
	return t
}

// surnameScore is the log-odds that r, starting a word, is a family name.
func (t *tables) surnameScore(r rune) float64 {
	if v, ok := t.surname[r]; ok {
		return v
	}
	return -10
}

// givenScore is the log-odds that r belongs to a given name.
func (t *tables) givenScore(r rune) float64 {
	if v, ok := t.given[r]; ok {
		return v
	}
	return t.givenDefault
}

func (t *tables) add(w string, typ Type, derived bool) {
	if w == "" {
		return
	}
	if old, ok := t.gaz[w]; ok && !old.Derived {
		if old.Type == PER && typ == LOC && !derived && !old.Ambiguous {
			// a public figure whose name is also a place (华盛顿, 林肯)
			// needs evidence to be the person
			old.Ambiguous = true
			t.gaz[w] = old
		}
		return
	}
	t.gaz[w] = gazEntry{Type: typ, Derived: derived}
	t.maxGaz = max(t.maxGaz, utf8.RuneCountInString(w))
}

// placeSuffixes are stripped from official names to give the short form.
var placeSuffixes = []string{"特别行政区", "自治区", "自治州", "自治县", "地区", "林区", "新区", "省", "市", "县", "区", "盟", "旗"}

var nationalities = []string{"维吾尔", "哈萨克", "柯尔克孜", "蒙古", "朝鲜", "土家", "傈僳", "景颇", "布依", "哈尼",
	"壮", "回", "藏", "苗", "彝", "侗", "瑶", "白", "傣", "羌", "黎", "畲", "族"}

// shortPlace gives the short form of an official place name, or "" if it
// has none of at least two characters.
func shortPlace(name string) string {
	s := name
	for _, suf := range placeSuffixes {
		if strings.HasSuffix(s, suf) {
			s = strings.TrimSuffix(s, suf)
			break
		}
	}
	if s == name {
		return ""
	}
	for changed := true; changed; {
		changed = false
		for _, n := range nationalities {
			if strings.HasSuffix(s, n) && utf8.RuneCountInString(s)-utf8.RuneCountInString(n) >= 2 {
				s = strings.TrimSuffix(s, n)
				changed = true
			}
		}
	}
	if utf8.RuneCountInString(s) < 2 {
		return ""
	}
	return s
}

// lineSeq yields the lines of a list without comments and blank lines.
func lineSeq(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for l := range strings.Lines(s) {
			if i := strings.IndexByte(l, '#'); i >= 0 {
				l = l[:i]
			}
			if l = strings.TrimSpace(l); l != "" && !yield(l) {
				return
			}
		}
	}
}

// words are the words of a list: the space-separated fields of its lines,
// comments left out.
func words(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for l := range lineSeq(s) {
			for w := range strings.FieldsSeq(l) {
				if !yield(w) {
					return
				}
			}
		}
	}
}

// setOf is the set of the runes of m.
func setOf(m map[rune]bool) *rset {
	rs := make([]rune, 0, len(m))
	for r := range m {
		rs = append(rs, r)
	}
	return runeSetOf(rs)
}
