package keywords

import (
	"math"
	"strconv"
	"strings"
	"sync"

	dictkw "zhpolicy/dict/keywords"
)

// A call (a notice with a procedural part: a call for proposals, for
// applications, for candidates) is ranked against the genre's own
// background as well as the policy background: what every call says
// (申报材料, 联系人, 有效期, 附件, 公章 — the terms the background's calls
// use at least three times as often as its documents at large, in four
// calls or more: dict/keywords/genre.tsv) ranks below what this call is
// about. Such a term's score is divided by the square root of its
// concentration among the calls (its term frequency weighed so, as procTF
// does; the root because the background has few calls, and the topics
// several of them share — 设备故障诊断 in three of 21 — are in the table
// too), in a call only: in a report or a speech these words are not the
// genre's formulas. Chosen on DEV: dividing by the concentration itself
// ranks the same top 10s there.

// genreVocabulary is the built-in vocabulary of the calls (dict/keywords/
// genre.tsv): by term, how many times as common it is among the
// background's calls as among all its documents.
var genreVocabulary = sync.OnceValue(func() map[string]float64 {
	m, _ := parseGenre(dictkw.Genre)
	return m
})

// parseGenre reads genre.tsv (term, calls, documents; a "# calls=N\tdocs=M"
// line before the rows); bad counts the rows that do not parse.
func parseGenre(data string) (m map[string]float64, bad int) {
	m = map[string]float64{}
	calls, docs := 0, 0
	for _, line := range strings.Split(data, "\n") {
		if rest, ok := strings.CutPrefix(line, "# calls="); ok {
			c, d, _ := strings.Cut(rest, "\tdocs=")
			calls, _ = strconv.Atoi(c)
			docs, _ = strconv.Atoi(d)
			continue
		}
		f, n, ok := tableRow(line, 3)
		if !ok {
			continue
		}
		if n == nil || calls <= 0 || docs <= 0 {
			bad++
			continue
		}
		inCalls, all := n[0], n[1]
		if r := (float64(inCalls) / float64(calls)) / (float64(all+1) / float64(docs)); r > 1 {
			m[f] = r
		}
	}
	return m, bad
}

// tableRow reads a row of an embedded table: a term and fields-1 counts,
// tab-separated. ok is false for a blank or comment line; n is nil for a
// row that does not parse (a wrong number of fields, a count that is not a
// number).
func tableRow(line string, fields int) (term string, n []int, ok bool) {
	if line == "" || line[0] == '#' {
		return "", nil, false
	}
	f := strings.Split(line, "\t")
	if len(f) != fields || f[0] == "" {
		return "", nil, true
	}
	n = make([]int, fields-1)
	for i := range n {
		v, err := strconv.Atoi(f[i+1])
		if err != nil || v < 0 {
			return "", nil, true
		}
		n[i] = v
	}
	return f[0], n, true
}

// genreTF is the weight whose damped term frequency (1 + ln) is that of
// w divided by the square root of r, a term's concentration among the
// calls.
func genreTF(w, r float64) float64 {
	if r <= 1 || w <= 0 {
		return w
	}
	return math.Exp((1+math.Log(w))/math.Sqrt(r) - 1)
}
