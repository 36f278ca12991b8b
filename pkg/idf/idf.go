// Package idf gives the inverse document frequency of words from gse's IDF
// table (data/dict/zh/idf.txt, 270k words), compiled into the project's
// dictionary (internal/zhdict, `go generate ./dict`) and read in place: a
// look-up walks the dictionary's trie, nothing is loaded.
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
	"fmt"

	"zhpolicy/internal/zhdict"
)

// MinWords is the fewest words the built-in table may have: fewer means
// the binary was built from a damaged or empty dict/zhdict.bin (gse's
// table has 270,132).
const MinWords = 100000

// Table is an IDF table. It is read-only and safe for concurrent use.
type Table struct {
	d *zhdict.Dict
}

// Default returns the table of the built-in dictionary.
func Default() (*Table, error) {
	return open(zhdict.Builtin())
}

func open(d *zhdict.Dict, err error) (*Table, error) {
	if err != nil {
		return nil, fmt.Errorf("idf: the built-in dictionary (dict/zhdict.bin): %w", err)
	}
	if d.IDFWords() < MinWords || !(d.IDFMedian() > 0) {
		return nil, fmt.Errorf("idf: the built-in dictionary (dict/zhdict.bin) holds %d IDF values, want at least %d: it was built from incomplete data; run `go generate ./dict`",
			d.IDFWords(), MinWords)
	}
	return &Table{d: d}, nil
}

// Lookup returns the IDF of word, and whether the table has it.
func (t *Table) Lookup(word string) (float64, bool) {
	// the trie's keys are lowered as zhdict.KeyOf lowers (ASCII only)
	n := t.d.Find(zhdict.KeyOf(word))
	return t.d.IDF(n)
}

// IDF returns the IDF of word, or the median for a word not in the table
// (the usual default of TF-IDF keyword extraction).
func (t *Table) IDF(word string) float64 {
	if v, ok := t.Lookup(word); ok {
		return v
	}
	return t.d.IDFMedian()
}

// Median is the default IDF for words not in the table.
func (t *Table) Median() float64 { return t.d.IDFMedian() }

// Len is the number of words in the table.
func (t *Table) Len() int { return t.d.IDFWords() }
