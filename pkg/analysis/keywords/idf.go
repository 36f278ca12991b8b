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

// DocFreq counts in how many documents each term occurs: the first pass of
// `--idf corpus`. Add every document's Terms (from any goroutine that owns
// the DocFreq, or on separate DocFreqs merged afterwards), then call IDF.
type DocFreq struct {
	N  int
	DF map[string]int
}

// NewDocFreq returns an empty count.
func NewDocFreq() *DocFreq { return &DocFreq{DF: make(map[string]int)} }

// Add counts the terms of one document.
func (d *DocFreq) Add(t *Terms) {
	d.N++
	for i := range t.terms {
		d.DF[t.terms[i].key]++
	}
}

// Merge adds the counts of o. Merging is associative and commutative.
func (d *DocFreq) Merge(o *DocFreq) {
	d.N += o.N
	for k, v := range o.DF {
		d.DF[k] += v
	}
}

// corpusPrior is the weight, in documents, of the built-in table in a
// corpus IDF: the built-in table is treated as corpusPrior extra documents
// in which a term occurs with the probability its built-in IDF implies. It
// keeps the IDF of small corpora sensible (one document alone would give
// every term the same IDF) and fades as the corpus grows.
const corpusPrior = 2.0

// IDF returns the corpus IDF: for a term in df of the N documents,
// ln((N + k) / (df + k·p)), where p = exp(-builtin IDF) is the share of
// documents of the reference corpus that have the term and k = 2. Terms in
// every document of a large corpus get an IDF near zero, which is what
// removes the words every report uses. prior may be nil (then p = 0 for
// every term: plain ln((N+k)/df)).
func (d *DocFreq) IDF(prior IDF) IDF {
	return &corpusIDF{df: d, prior: prior}
}

type corpusIDF struct {
	df    *DocFreq
	prior IDF
}

func (c *corpusIDF) Lookup(term string) (float64, bool) {
	df := float64(c.df.DF[term])
	p := 0.0
	if c.prior != nil {
		v, ok := c.prior.Lookup(term)
		if !ok {
			v = c.prior.Median()
		}
		p = math.Exp(-v)
	}
	n := float64(c.df.N)
	den := df + corpusPrior*p
	if den <= 0 {
		return c.Median(), false
	}
	return math.Log((n + corpusPrior) / den), df > 0
}

// Median is the IDF of a term no document has: as rare as can be.
func (c *corpusIDF) Median() float64 {
	return math.Log(float64(c.df.N) + corpusPrior)
}
