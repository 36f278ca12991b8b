// Command lists prints the top keywords of documents under the default
// options, for reading (development documents only: see SPLIT.md).
//
//	go run ./bench/keywords/lists -k 20 ../shared/corpus/provincial_gwr_2026/2026_北京市.txt
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"zhpolicy/bench/keywords/kwdocs"
	"zhpolicy/pkg/analysis/keywords"
)

func main() {
	k := flag.Int("k", 20, "keywords per document")
	names := flag.String("names", keywords.DefaultNames.String(), "keep, apart or drop")
	allowTest := flag.Bool("test", false, "allow TEST documents (only to measure)")
	flag.Parse()
	opts, err := keywords.Default()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if opts.Names, err = keywords.ParseNames(*names); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	docs, err := kwdocs.Load(flag.Args(), func(p string) bool { return *allowTest || !kwdocs.IsTest(p) })
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, d := range docs {
		t := keywords.Collect(d.In, opts)
		var b strings.Builder
		for i, kw := range t.Score(opts, *k) {
			fmt.Fprintf(&b, "%d.%s(%d,%.3f) ", i+1, kw.Surface, kw.Count, kw.Score*100)
		}
		fmt.Printf("== %s\n%s\n", kwdocs.Name(d.Path), b.String())
		if opts.Names == keywords.NamesApart {
			b.Reset()
			for _, kw := range t.Names(opts, 8) {
				fmt.Fprintf(&b, "%s/%s(%d) ", kw.Surface, kw.Name, kw.Count)
			}
			fmt.Printf("   names: %s\n", b.String())
		}
	}
}
