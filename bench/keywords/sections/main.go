// Command sections prints the sections of DEV documents (pkg/structure) with
// the keyword rules' verdict on each (procedural or not), for reading
// (development documents only: see SPLIT.md).
//
//	go run ./bench/keywords/sections ../shared/corpus/ministry_provincial_notices/*.txt
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"unicode/utf8"

	"zhpolicy/bench/keywords/kwdocs"
	"zhpolicy/pkg/analysis/keywords"
	"zhpolicy/pkg/structure"
)

func main() {
	flag.Parse()
	docs, err := kwdocs.Load(flag.Args(), func(p string) bool { return !kwdocs.IsTest(p) })
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, d := range docs {
		doc := structure.ParseFolded(d.In.Text, d.In.Folded)
		fmt.Printf("== %s (%d bytes)\n", kwdocs.Name(d.Path), len(d.In.Text))
		for _, a := range doc.Attachments {
			t := ""
			if a.Title != nil {
				t = a.Title.Text
			}
			fmt.Printf("   attachment %s %q %d..%d\n", a.Label, t, a.Start, a.End)
		}
		for _, sp := range keywords.ProceduralSpans(d.In) {
			t := []rune(d.In.Text[sp[0]:sp[1]])
			fmt.Printf("   procedure %d..%d %q\n", sp[0], sp[1], string(t[:min(30, len(t))]))
		}
		for _, s := range doc.Sections() {
			body := d.In.Text[s.Start:s.End]
			fmt.Printf("   %-8s %5d %s\n", s.ID, utf8.RuneCountInString(body), strings.TrimSpace(s.Marker+s.Title))
		}
	}
}
