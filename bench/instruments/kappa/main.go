// Command kappa codes documents with the built-in frame (or -frame) and
// compares the tool's primary codes with a human coding: Cohen's κ at the
// category and subcategory levels, the confusion table and every
// disagreement.
//
//	go run ./bench/instruments/kappa -gold bench/instruments/gold/coding.csv FILE...
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/analysis/instruments"
	"zhpolicy/pkg/script"
)

func main() {
	gold := flag.String("gold", "", "human coding (doc,unit,category,subcategory)")
	frameFile := flag.String("frame", "", "coding frame YAML (default: built-in)")
	unit := flag.String("unit", "sentence", "unit")
	dis := flag.Bool("v", false, "list disagreements")
	dump := flag.Bool("dump", false, "print every unit's primary code instead of comparing")
	flag.Parse()
	if err := run(*gold, *frameFile, *unit, *dis, *dump, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "kappa:", err)
		os.Exit(2)
	}
}

func run(gold, frameFile, unit string, dis, dump bool, files []string) error {
	frame, err := instruments.Builtin()
	if frameFile != "" {
		b, err2 := os.ReadFile(frameFile)
		if err2 != nil {
			return err2
		}
		frame, err = instruments.ParseFrame(b, frameFile)
	}
	if err != nil {
		return err
	}
	coder, err := instruments.NewCoder(frame)
	if err != nil {
		return err
	}
	kind, ok := instruments.ParseUnitKind(unit)
	if !ok {
		return fmt.Errorf("unknown unit %q", unit)
	}
	var results []*instruments.Result
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		text := string(b)
		doc := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
		in := analysis.NewInput(doc, text, script.Detect(text).Kind, nil)
		r, err := coder.Code(context.Background(), in, instruments.Options{Unit: kind})
		if err != nil {
			return err
		}
		results = append(results, r)
	}
	if dump {
		for _, r := range results {
			for _, u := range r.Units {
				c, s, ev := "none", "", ""
				if p, ok := u.Primary(); ok {
					c, s = p.Category, p.Subcategory
					var e []string
					for _, x := range p.Evidence {
						e = append(e, x.Rule)
					}
					ev = strings.Join(e, "|")
				}
				fmt.Printf("%s\t%s\t%s\t%s\t%s\t%s\n", r.Doc, u.ID, c, s, ev, u.Text)
			}
		}
		return nil
	}
	f, err := os.Open(gold)
	if err != nil {
		return err
	}
	defer f.Close()
	human, err := instruments.ReadHuman(f, gold)
	if err != nil {
		return err
	}
	cmp, err := instruments.Compare(results, human, frame)
	if err != nil {
		return err
	}
	for _, a := range []instruments.Agreement{cmp.Category, cmp.Subcategory} {
		fmt.Printf("%s: n=%d observed=%.3f expected=%.3f kappa=%.3f\n", a.Level, a.N, a.Observed, a.Expected, a.Kappa)
		if a.Level == "category" {
			fmt.Printf("%-14s", "tool\\human")
			for _, l := range a.Labels {
				fmt.Printf("%12s", l)
			}
			fmt.Println()
			for i, l := range a.Labels {
				fmt.Printf("%-14s", l)
				for j := range a.Labels {
					fmt.Printf("%12d", a.Matrix[i][j])
				}
				fmt.Println()
			}
		}
	}
	if dis {
		for _, d := range cmp.Disagreements {
			fmt.Printf("%s %s tool=%s/%s human=%s/%s [%s] %s\n", d.Doc, d.Unit, d.ToolCategory, d.ToolSub, d.HumanCategory, d.HumanSub, d.Evidence, d.Text)
		}
	}
	return nil
}
