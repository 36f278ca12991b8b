// Command learn writes the ranked candidates of documents with the features
// the extractor knows of them (keywords.Terms.Candidates), one row a term,
// for bench/keywords/learn.py (issue 17, session 11):
//
//	go run ./bench/keywords/learn -k 30 FILE... > candidates.tsv
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"

	"zhpolicy/bench/keywords/kwdocs"
	"zhpolicy/pkg/analysis/keywords"
)

func main() {
	k := flag.Int("k", 30, "candidates per document")
	flag.Parse()
	if err := run(*k, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "bench/keywords/learn:", err)
		os.Exit(1)
	}
}

func run(k int, paths []string) error {
	opts, err := keywords.Default()
	if err != nil {
		return err
	}
	docs, err := kwdocs.Load(paths, nil)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintf(w, "document\trank\tkey\tsurface\tscore\t%s\n", strings.Join(keywords.FeatureNames, "\t"))
	for _, d := range docs {
		t := keywords.Collect(d.In, opts)
		for i, c := range t.Candidates(opts, k) {
			fmt.Fprintf(w, "%s\t%d\t%s\t%s\t%.6g", kwdocs.Name(d.Path), i+1, c.Key, oneLine(c.Surface), c.Score)
			for _, f := range c.Features {
				fmt.Fprintf(w, "\t%.6g", f)
			}
			fmt.Fprintln(w)
		}
	}
	return w.Flush()
}

// oneLine keeps a row on one line: a surface may hold a line break (a
// phrase written across one).
func oneLine(s string) string { return strings.NewReplacer("\n", " ", "\r", " ", "\t", " ").Replace(s) }
