// Command try prints the entities (people with their titles) the recogniser finds in each line of
// stdin (a tool for studying rules on made-up sentences).
package main

import (
	"bufio"
	"fmt"
	"os"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/analysis/entities"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

func main() {
	seg, err := segment.New(segment.Config{Fold: script.FoldIfTraditional})
	if err != nil {
		panic(err)
	}
	x := entities.New(nil)
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		t := sc.Text()
		toks, err := seg.Cut(t, segment.Options{Mode: segment.Precise, HMM: segment.DefaultHMM, POS: true})
		if err != nil {
			panic(err)
		}
		kind := script.Detect(t).Kind
		in := analysis.NewInput("x", t, kind, toks)
		fmt.Printf("%s\n  ", t)
		for _, m := range x.Extract(in) {
			if m.Type == entities.PER {
				fmt.Printf("[%s %s/%s] ", m.Text, m.Org, m.Title)
			} else {
				fmt.Printf("[%s %s] ", m.Type, m.Text)
			}
		}
		fmt.Printf("\n  toks:")
		for _, tk := range toks {
			fmt.Printf(" %s/%s", tk.Text, tk.POS)
		}
		fmt.Println()
	}
}
