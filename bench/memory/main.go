// Command memory measures the live memory one document costs at each stage
// of the pipeline, per byte of input: the decoded and cleaned text, the
// tokens, the analysis input (folded text and keys), and the keyword
// candidates. It reads one file whole, as a command that cannot stream
// does, and prints the heap in use after each stage (after a collection).
//
//	go run ./bench/memory FILE
package main

import (
	"fmt"
	"os"
	"runtime"

	"zhpolicy/pkg/analysis"
	kw "zhpolicy/pkg/analysis/keywords"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/input"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

func live() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run ./bench/memory FILE")
		os.Exit(2)
	}
	seg, err := segment.New(segment.Config{Fold: script.FoldIfTraditional})
	if err != nil {
		panic(err)
	}
	base := live()
	in, err := input.Read(input.Source{Path: os.Args[1]}, input.Options{})
	if err != nil {
		panic(err)
	}
	n := float64(len(in.Text))
	report := func(stage string) {
		fmt.Printf("%-32s %8.1f MB live  %6.1f bytes per input byte\n", stage, float64(live()-base)/1e6, float64(live()-base)/n)
	}
	report("decoded text")
	d := corpus.Prepare(in, true)
	report("+ cleaned text")
	toks, err := seg.Cut(d.Text, segment.Options{POS: true, HMM: true})
	if err != nil {
		panic(err)
	}
	report(fmt.Sprintf("+ %d tokens", len(toks)))
	a := analysis.NewInput(d.Name, d.Text, d.Script.Kind, toks)
	report("+ analysis input (folded, keys)")
	terms := kw.Collect(a, kw.Options{Method: kw.TFIDF})
	report("+ keyword candidates")
	runtime.KeepAlive(in)
	runtime.KeepAlive(d)
	runtime.KeepAlive(a)
	runtime.KeepAlive(terms)
}
