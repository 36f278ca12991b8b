// Command gen writes the indexes over gse's embedded dictionaries that
// pkg/segment and pkg/idf open at start-up instead of loading the
// dictionaries (see internal/dictindex). Run it with `go generate ./dict`;
// the files it writes are committed, and a test regenerates them and
// compares byte for byte.
//
// The files hold numbers only: offsets into gse's text, lengths, a
// checksum, a total. gse's dictionary text itself is never written.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"zhpolicy/internal/dictindex"
)

// Files, in the dict directory.
const (
	WordsFile = "gse_zh_s.idx"
	IDFFile   = "gse_idf.idx"
)

func main() {
	dir := flag.String("o", ".", "directory to write the index files into")
	check := flag.Bool("check", true, "check the word index against gse's own loader (about a second)")
	flag.Parse()
	if err := run(*dir, *check); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(dir string, check bool) error {
	words, err := dictindex.Build(dictindex.Words, dictindex.GseWords())
	if err != nil {
		return fmt.Errorf("gse word list: %w", err)
	}
	if check {
		x, err := dictindex.Open(dictindex.Words, dictindex.GseWords(), string(words))
		if err != nil {
			return err
		}
		if err := dictindex.CheckWords(x, dictindex.GseWords()); err != nil {
			return fmt.Errorf("the word index does not match gse: %w", err)
		}
	}
	idf, err := dictindex.Build(dictindex.IDF, dictindex.GseIDF())
	if err != nil {
		return fmt.Errorf("gse IDF table: %w", err)
	}
	for name, data := range map[string][]byte{WordsFile: words, IDFFile: idf} {
		path := filepath.Join(dir, name)
		if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
			continue
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
