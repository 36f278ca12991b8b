package zhdict

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ParseWordLine reads one line of a gse word list the way gse's
// LoadDictStr does with a default Segmenter (separator " ", minimum
// frequency 2, lines without a frequency skipped): the fields are what
// lies between single spaces, each trimmed; a line whose frequency is
// missing, not a number or below 2 is skipped (ok false); a word of one
// character gets frequency 2 whatever the line says.
func ParseWordLine(line string) (word string, freq float64, pos string, ok bool) {
	f0, rest, two := strings.Cut(line, " ")
	if !two {
		return "", 0, "", false
	}
	f1, rest, three := strings.Cut(rest, " ")
	word = strings.TrimSpace(f0)
	freq, err := strconv.ParseFloat(strings.TrimSpace(f1), 64)
	if err != nil || freq < 2 {
		return "", 0, "", false
	}
	if utf8.RuneCountInString(word) < 2 {
		freq = 2
	}
	if three {
		f2, _, _ := strings.Cut(rest, " ")
		pos = strings.TrimSpace(f2)
	}
	return word, freq, pos, true
}

// ParseIDFLine reads one line of an IDF table, `word idf`, fields between
// single spaces, each trimmed. The value is kept as written (gse's own
// loader would drop values below 2 and set single characters to 2; an IDF
// table is a table of numbers, not a word list).
func ParseIDFLine(line string) (word string, idf float64, ok bool) {
	f0, rest, two := strings.Cut(line, " ")
	if !two {
		return "", 0, false
	}
	f1, _, _ := strings.Cut(rest, " ")
	word = strings.TrimSpace(f0)
	v, err := strconv.ParseFloat(strings.TrimSpace(f1), 64)
	if err != nil || word == "" {
		return "", 0, false
	}
	return word, v, true
}

// KeyOf is the key under which gse files a word: ASCII upper case lowered
// (gse's toLow; other letters are left as they are).
func KeyOf(word string) string {
	for i := 0; i < len(word); i++ {
		if c := word[i]; c >= 'A' && c <= 'Z' {
			b := []byte(word)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return word
}

// Median is the default IDF of a table as jieba and gse's Idf.AddToken
// define it: the values sorted ascending, the one at index len/2.
func Median(values []float64) float64 {
	if len(values) == 0 {
		return 0
	}
	v := append([]float64(nil), values...)
	sort.Float64s(v)
	return v[len(v)/2]
}

// ParseWords reads a gse word list: the entries of the lines that parse
// (ParseWordLine), keyed by KeyOf; of lines with the same key the first
// wins, as in gse. total is the sum of the frequencies, which must be
// whole numbers (they add exactly in any order then).
func ParseWords(src string) (words []Word, total float64, err error) {
	seen := make(map[string]bool, 400000)
	for line := range strings.Lines(src) {
		w, f, pos, ok := ParseWordLine(strings.TrimSuffix(line, "\n"))
		if !ok {
			continue
		}
		k := KeyOf(w)
		if k == "" || seen[k] {
			continue
		}
		if !utf8.ValidString(k) {
			return nil, 0, errorf("word %q is not valid UTF-8", k)
		}
		if f != math.Trunc(f) || total+f > 1<<53 {
			return nil, 0, errorf("%q: frequency %v is not a whole number (or the total is too large)", w, f)
		}
		seen[k] = true
		total += f
		words = append(words, Word{Key: k, Freq: f, POS: pos})
	}
	return words, total, nil
}

// ParseIDF reads an IDF table (ParseIDFLine; keys by KeyOf, the first line
// of a key wins) and its median.
func ParseIDF(src string) (words []IDFWord, median float64) {
	seen := make(map[string]bool, 300000)
	var values []float64
	for line := range strings.Lines(src) {
		w, v, ok := ParseIDFLine(strings.TrimSuffix(line, "\n"))
		if !ok {
			continue
		}
		k := KeyOf(w)
		if seen[k] || !utf8.ValidString(k) {
			continue
		}
		seen[k] = true
		words = append(words, IDFWord{Key: k, Value: v})
		values = append(values, v)
	}
	return words, Median(values)
}
