package slogans

import (
	"bufio"
	"strings"
	"sync"

	"zhpolicy/dict"
	slogansdict "zhpolicy/dict/slogans"
	"zhpolicy/pkg/idf"
)

// wordStats tells ordinary words from terms: the inverse document
// frequencies of gse's IDF table (a common word has a low IDF) and the
// built-in policy dictionary (dict/policy.txt: terms of policy language,
// never ordinary words).
type wordStats struct {
	idf   *idf.Table // nil when the table cannot be opened
	terms map[string]bool
	// ref holds the dictionary words of three or four characters the
	// reference reports (national work reports, CPC congress reports) use
	// (dict/slogans/refwords.txt)
	ref map[string]bool
}

// The threshold on IDF of an everyday word (gse's table: median 11.95;
// 人民 5.2, 融合 7.2, 高标准 9.9, 老字号 10.2, 满堂红 11.1, 收官战 13.2).
const (
	commonIDF     = 10.5 // below: an everyday word, quoted only for emphasis
	veryCommonIDF = 7.0  // below: a word too common to name anything (人民, 世界)
)

var builtinWords = sync.OnceValue(func() *wordStats {
	w := &wordStats{terms: map[string]bool{}, ref: map[string]bool{}}
	if t, err := idf.Default(); err == nil {
		w.idf = t
	}
	sc := bufio.NewScanner(strings.NewReader(dict.Policy))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		if f := strings.Fields(line); len(f) > 0 {
			w.terms[f[0]] = true
		}
	}
	for line := range strings.Lines(slogansdict.RefWords) {
		line = strings.TrimSpace(line)
		if line != "" && line[0] != '#' {
			w.ref[line] = true
		}
	}
	return w
})

// common reports whether key is an everyday word: in the IDF table with a
// low IDF, and no policy term.
func (w *wordStats) common(key string) bool {
	return w.below(key, commonIDF)
}

// inDictionary reports whether key is a word of gse's IDF table (of
// general language) and no policy term.
func (w *wordStats) inDictionary(key string) bool {
	return w.below(key, 1e9)
}

func (w *wordStats) below(key string, limit float64) bool {
	if w == nil || w.idf == nil || w.terms[key] {
		return false
	}
	v, ok := w.idf.Lookup(key)
	return ok && v > 0 && v < limit
}

// refUses reports whether the reference reports use the dictionary word
// key (three or four characters) anywhere.
func (w *wordStats) refUses(key string) bool {
	return w != nil && w.ref[key]
}

// policy reports whether key is a term of the built-in policy dictionary.
func (w *wordStats) policy(key string) bool {
	return w != nil && w.terms[key]
}

// composed reports whether key can be cut into words of the dictionaries
// (two characters or more) with at most one character left on its own
// (数字|消费, 促|转型): an ordinary phrase of known words, no coinage.
func (w *wordStats) composed(key string) bool {
	if w == nil || w.idf == nil {
		return false
	}
	r := []rune(key)
	n := len(r)
	const none = 1 << 20
	// best[i]: fewest single characters needed to cut r[:i]
	best := make([]int, n+1)
	for i := 1; i <= n; i++ {
		best[i] = best[i-1] + 1
		for j := max(0, i-6); j <= i-2; j++ {
			if best[j] < none && w.known(string(r[j:i])) && best[j] < best[i] {
				best[i] = best[j]
			}
		}
	}
	return best[n] <= 1 && n >= 2
}

// known reports whether a word is in the IDF table or the policy terms.
func (w *wordStats) known(word string) bool {
	if w.terms[word] {
		return true
	}
	v, ok := w.idf.Lookup(word)
	return ok && v > 0
}
