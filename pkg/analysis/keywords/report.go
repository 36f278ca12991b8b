package keywords

import "strings"

// reportTerms marks as pieces (never ranked), in a long document (a work
// report, a congress report), three kinds of term its occurrences show to
// be no term of its own:
//
//   - a predicate: a word after an auxiliary verb, a negation or the
//     passive 被 (see predicateMarker) every time, but where it continues
//     a list (、), at least twice: 能+打胜仗 (听党指挥、能打胜仗、作风优良;
//     能打仗、打胜仗), 要/必须/完全/逐渐+搞清楚, 被+错划 (被错划为右派). A
//     term is not the predicate of a clause (partialTerms leaves only the
//     adverbs of the dictionary's tag d, every time, for every document).
//   - a unit cut by 的: a term written after 的 every time, when the
//     document also writes the whole unit as one word ending in 的 and
//     the term: 伟大工程 of 党的建设新的伟大工程 (新的伟大工程, 党的建设的
//     伟大工程).
//   - a piece of a run of words sharing their first character: a phrase
//     of such words (治党+治国) followed, in at least two of its
//     occurrences and half of them, by one more (治党治国治军; once
//     治党治国之道): the run is the unit.
//
// A quoted term or a name stays.
func (c *collector) reportTerms(t *Terms, spans [][2]int) {
	if !c.long {
		return
	}
	// the document's words that hold 的 (党的建设新的伟大工程): few
	var deWords []string
	for i := range c.units {
		if k := c.units[i].key; len(k) > len("的") && strings.Contains(k, "的") {
			deWords = append(deWords, k)
		}
	}
	type occ struct {
		pred, list, de, run int32
	}
	ns := make([]occ, len(t.terms))
	t.occurrences(spans, func(id int32, i, j int) {
		n := &ns[id]
		if i > 0 && c.adjacent(i-1) {
			switch p := c.units[i-1].key; {
			case predicateMarker(&c.units[i-1]):
				n.pred++
			case p == "、":
				n.list++
			case p == "的":
				n.de++
			}
		}
		if j-i > 1 && j < len(c.units) && c.adjacent(j-1) && c.units[j].word {
			r := firstRune(c.units[i].key)
			all := runeLen(c.units[j].key) >= 2 && firstRune(c.units[j].key) == r
			for k := i; k < j && all; k++ {
				all = runeLen(c.units[k].key) >= 2 && firstRune(c.units[k].key) == r
			}
			if all {
				n.run++
			}
		}
	})
	for i := range t.terms {
		tm := &t.terms[i]
		if tm.partial || tm.quoted || tm.name != "" {
			continue
		}
		n, count := ns[i], int32(tm.count)
		switch {
		case !tm.phrase && n.pred >= 2 && n.pred+n.list == count:
			tm.partial = true
		case n.de >= 2 && n.de == count && deUnit(deWords, tm.key):
			tm.partial = true
		case tm.phrase && n.run >= 2 && 2*n.run >= count:
			tm.partial = true
		}
	}
}

// predicateMarker says whether a unit, before a word, makes the word a
// predicate: an auxiliary verb (能, 要, 必须), a negation, the passive 被,
// an adverb (tagged d or ad: 完全, 逐渐); an HMM's guess ending in a
// one-character auxiliary.
func predicateMarker(u *unit) bool {
	if u.pos == "d" || u.pos == "ad" {
		return true
	}
	switch u.key {
	case "能", "能够", "要", "会", "应", "应当", "应该", "可以", "必须", "务必", "敢于", "善于", "被", "不":
		return true
	}
	if u.pos == "x" && runeLen(u.key) > 1 {
		// a guess of the HMM that took the auxiliary in (讲要+搞清楚)
		switch lastRuneString(u.key) {
		case "能", "要", "会", "应", "被", "不":
			return true
		}
	}
	return false
}

// deUnit says whether one of words ends in 的 and key: the whole unit the
// document writes as one word (党的建设新的伟大工程 for 伟大工程).
func deUnit(words []string, key string) bool {
	for _, w := range words {
		if len(w) > len("的"+key) && strings.HasSuffix(w, "的"+key) {
			return true
		}
	}
	return false
}
