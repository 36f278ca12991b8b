package keywords

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"zhpolicy/pkg/analysis"
)

// IDF gives the inverse document frequency of a term (a Simplified key).
// Median is the value used for terms the table does not know: for gse's
// and jieba's table, and for a file, the median of all its values, as
// their TF-IDF uses it. *idf.Table (the built-in table) is an IDF.
type IDF interface {
	Lookup(term string) (float64, bool)
	Median() float64
}

// MapIDF is an IDF table held in a map, as read from a user's file.
type MapIDF struct {
	m      map[string]float64
	median float64
}

// NewMapIDF returns a table of the given values.
func NewMapIDF(m map[string]float64) *MapIDF {
	t := &MapIDF{m: m}
	if len(m) > 0 {
		vs := make([]float64, 0, len(m))
		for _, v := range m {
			vs = append(vs, v)
		}
		slices.Sort(vs)
		t.median = vs[len(vs)/2]
	}
	return t
}

// Lookup implements IDF.
func (t *MapIDF) Lookup(term string) (float64, bool) {
	v, ok := t.m[term]
	return v, ok
}

// Median implements IDF: the median of the table's values.
func (t *MapIDF) Median() float64 { return t.median }

// Len is the number of terms in the table.
func (t *MapIDF) Len() int { return len(t.m) }

// ParseIDF reads an IDF table, one `word idf` a line (the format of jieba's
// and gse's idf.txt). Blank lines and lines starting with # are skipped;
// words are folded as documents are (ASCII lower-cased; Traditional words
// should be given in Simplified). name is used in error messages, which
// name the line.
func ParseIDF(name string, r io.Reader) (*MapIDF, error) {
	m := make(map[string]float64)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if line == 1 {
			s = strings.TrimPrefix(s, "\uFEFF")
		}
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if !utf8.ValidString(s) {
			return nil, fmt.Errorf("%s:%d: not valid UTF-8", name, line)
		}
		f := strings.Fields(s)
		if len(f) != 2 {
			return nil, fmt.Errorf("%s:%d: want `word idf`, got %d field(s): %q", name, line, len(f), s)
		}
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			return nil, fmt.Errorf("%s:%d: idf %q is not a non-negative number", name, line, f[1])
		}
		m[analysis.Key(f[0])] = v
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	if len(m) == 0 {
		return nil, fmt.Errorf("%s: no `word idf` lines", name)
	}
	return NewMapIDF(m), nil
}
