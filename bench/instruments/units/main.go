// Command units lists the coding units of documents as TSV (doc, unit,
// text), without coding them: the sheet a human coder fills in. Used to
// make the blind gold in bench/instruments/gold.
//
//	go run ./bench/instruments/units [-unit sentence|clause|section] file...
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"zhpolicy/pkg/analysis/instruments"
)

func main() {
	unit := flag.String("unit", "sentence", "sentence, clause or section")
	flag.Parse()
	kind, ok := instruments.ParseUnitKind(*unit)
	if !ok {
		fmt.Fprintf(os.Stderr, "units: unknown -unit %q\n", *unit)
		os.Exit(2)
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	fmt.Fprintln(w, "doc\tunit\ttext")
	for _, p := range flag.Args() {
		b, err := os.ReadFile(p)
		if err != nil {
			fmt.Fprintln(os.Stderr, "units:", err)
			os.Exit(2)
		}
		text := string(b)
		doc := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
		for _, u := range instruments.Split(text, kind, nil) {
			fmt.Fprintf(w, "%s\t%s\t%s\n", doc, u.ID, strings.ReplaceAll(text[u.Start:u.End], "\t", " "))
		}
	}
}
