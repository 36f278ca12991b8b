// Command gseplain is the baseline of bench/startup: a plain gse program
// that loads gse's embedded Simplified dictionary the usual way
// (LoadDictEmbed, HMM model included) and cuts each file given (Cut, no
// HMM), one line of space-separated words per line; with -keywords N it
// prints the top N TF-IDF keywords of each file with gse's own extractor
// (IDF table loaded with LoadIdfStr).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/go-ego/gse"
	"github.com/go-ego/gse/hmm/idf"
)

func main() {
	keywords := flag.Int("keywords", 0, "print the top N TF-IDF keywords instead of the words")
	flag.Parse()
	var seg gse.Segmenter
	seg.SkipLog = true
	if err := seg.LoadDictEmbed("zh_s"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var te idf.TagExtracter
	if *keywords > 0 {
		te.WithGse(seg)
		if err := te.LoadIdfStr(gse.ZhIdf); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer out.Flush()
	paths := flag.Args()
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	for _, p := range paths {
		var b []byte
		var err error
		if p == "-" {
			b, err = io.ReadAll(os.Stdin)
		} else {
			b, err = os.ReadFile(p)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		text := string(b)
		if *keywords > 0 {
			for _, s := range te.ExtractTags(text, *keywords) {
				fmt.Fprintf(out, "%s\t%.4f\n", s.Text, s.Weight)
			}
			continue
		}
		for _, line := range strings.Split(text, "\n") {
			out.WriteString(strings.Join(seg.Cut(line, false), " "))
			out.WriteByte('\n')
		}
	}
}
