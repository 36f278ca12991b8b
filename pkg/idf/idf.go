// Package idf gives the inverse document frequency of words from gse's
// embedded IDF table (data/dict/zh/idf.txt, 270k words) without loading
// it: a precomputed index (dict/gse_idf.idx, written by `go generate
// ./dict`) is binary-searched in place, so the first look-up costs about a
// millisecond instead of gse's 2.5 s load.
//
// Lookup gives exactly the number the table's line holds. Keys are the
// table's words with ASCII upper case lowered (as gse files them, and as
// gse's Cut lowers text); of lines with the same key the first wins.
//
// How gse's own TF-IDF (hmm/idf.TagExtracter loaded with LoadIdfStr)
// differs, measured on v0.80.3: its loader drops values below 2 (five
// single characters: 的 在 了 是 和) and gives every single character 2;
// a word that is only a prefix of table words is "found" with IDF 0; and
// its median stays 0 because only AddToken updates it, so every word not
// in the table scores 0. Median here is what gse's AddToken (and jieba)
// compute: the sorted values' element at len/2.
package idf

import (
	"errors"
	"strings"
	"sync"

	"zhpolicy/dict"
	"zhpolicy/internal/dictindex"
)

// Table is an IDF table. It is read-only and safe for concurrent use.
type Table struct {
	x *dictindex.Index
	// fallback, when the index does not match the embedded table (a
	// different gse release): the whole table parsed, correct but slow.
	m      map[string]float64
	median float64
}

var defaultTable = sync.OnceValues(func() (*Table, error) {
	return open(dictindex.GseIDF(), dict.GseIDFIndex)
})

// Default returns the table of gse's embedded IDF data, opened once per
// process.
func Default() (*Table, error) { return defaultTable() }

func open(src, idx string) (*Table, error) {
	x, err := dictindex.Open(dictindex.IDF, src, idx)
	if err == nil {
		return &Table{x: x, median: x.Extra()}, nil
	}
	if !errors.Is(err, dictindex.ErrStale) {
		return nil, err
	}
	return parse(src), nil
}

// parse reads the whole table the slow way (the fallback, and the
// reference the tests compare the index with).
func parse(src string) *Table {
	t := &Table{m: make(map[string]float64, 280000)}
	var values []float64
	for len(src) > 0 {
		line := src
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = ""
		}
		w, v, ok := dictindex.ParseIDFLine(line)
		if !ok {
			continue
		}
		k := dictindex.KeyOf(w)
		if _, dup := t.m[k]; dup {
			continue
		}
		t.m[k] = v
		values = append(values, v)
	}
	t.median = dictindex.Median(values)
	return t
}

// Lookup returns the IDF of word, and whether the table has it.
func (t *Table) Lookup(word string) (float64, bool) {
	k := dictindex.KeyOf(word)
	if t.m != nil {
		v, ok := t.m[k]
		return v, ok
	}
	i, ok := t.x.Find(k)
	if !ok {
		return 0, false
	}
	_, v, _ := dictindex.ParseIDFLine(t.x.Line(i))
	return v, true
}

// IDF returns the IDF of word, or the median for a word not in the table
// (the usual default of TF-IDF keyword extraction).
func (t *Table) IDF(word string) float64 {
	if v, ok := t.Lookup(word); ok {
		return v
	}
	return t.median
}

// Median is the default IDF for words not in the table.
func (t *Table) Median() float64 { return t.median }

// Len is the number of words in the table.
func (t *Table) Len() int {
	if t.m != nil {
		return len(t.m)
	}
	return t.x.Len()
}
