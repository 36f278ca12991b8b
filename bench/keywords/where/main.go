// Command where prints, for each top keyword of DEV documents, where in the
// document it is used: the share of its occurrences inside the parts that
// keyword ranking weighs down as procedure, and the top-level section
// headings (pkg/structure) its occurrences fall under, for reading
// (development documents only: see SPLIT.md).
//
//	go run ./bench/keywords/where -k 20 ../shared/corpus/ministry_provincial_notices/central_001.txt
package main

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"

	"zhpolicy/bench/keywords/kwdocs"
	"zhpolicy/pkg/analysis/keywords"
	"zhpolicy/pkg/structure"
)

func main() {
	k := flag.Int("k", 20, "keywords per document")
	flag.Parse()
	opts, err := keywords.Default()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	docs, err := kwdocs.Load(flag.Args(), func(p string) bool { return !kwdocs.IsTest(p) })
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, d := range docs {
		in := d.In
		procs := keywords.ProceduralSpans(in)
		doc := structure.ParseFolded(in.Text, in.Folded)
		var secs []structure.Section
		if doc != nil {
			secs = doc.Sections()
		}
		top := func(off int) string {
			s, ok := structure.SectionAt(secs, off)
			if !ok {
				return "-"
			}
			if s.Heading < 0 {
				return s.ID
			}
			h := doc.Headings[s.Heading]
			for h.Parent >= 0 {
				h = doc.Headings[h.Parent]
			}
			t := []rune(h.Title)
			if len(t) > 8 {
				t = t[:8]
			}
			p := ""
			if s.Part > 0 {
				p = fmt.Sprintf("a%d:", s.Part)
			}
			return p + string(t)
		}
		t := keywords.Collect(in, opts)
		kws := t.Score(opts, *k)
		want := map[string]bool{}
		for _, kw := range kws {
			want[kw.Key] = true
		}
		type occ struct {
			n, proc int
			secs    map[string]int
		}
		where := map[string]*occ{}
		t.EachOccurrence(func(key string, s, e int) {
			if !want[key] {
				return
			}
			o := where[key]
			if o == nil {
				o = &occ{secs: map[string]int{}}
				where[key] = o
			}
			o.n++
			for _, p := range procs {
				if s >= p[0] && e <= p[1] {
					o.proc++
					break
				}
			}
			o.secs[top(s)]++
		})
		fmt.Printf("== %s\n", kwdocs.Name(d.Path))
		for i, kw := range kws {
			o := where[kw.Key]
			if o == nil {
				fmt.Printf("%d\t%s\t%d\t?\n", i+1, kw.Surface, kw.Count)
				continue
			}
			var ss []string
			for s, n := range o.secs {
				ss = append(ss, fmt.Sprintf("%s:%d", s, n))
			}
			sort.Strings(ss)
			fmt.Printf("%d\t%s\t%d\tproc %d/%d\t%s\n", i+1, kw.Surface, kw.Count, o.proc, o.n, strings.Join(ss, " "))
		}
	}
}
