// Command genproc writes dict/keywords/procedure.tsv: the vocabulary of
// procedure of policy notices, measured on the documents the built-in
// background counts (dict/keywords/background_docs.txt: no TEST document,
// none that overlaps one). For every candidate term it counts the
// occurrences inside the procedural parts that keyword ranking finds by
// structure (keywords.ProceduralSpans: sections headed by a step of
// procedure, form attachments) and outside them; a term is written when
// it occurs inside such parts in at least minDocs documents, minIn times,
// and at least minShare of all its occurrences are inside.
//
//	go run ./dict/keywords/genproc            # from the repository root
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"zhpolicy/bench/keywords/kwdocs"
	"zhpolicy/pkg/analysis/keywords"
)

const (
	minDocs  = 2   // documents with an occurrence inside procedural parts
	minIn    = 3   // occurrences inside procedural parts
	minShare = 0.5 // of all occurrences
)

func main() {
	out := flag.String("o", "dict/keywords/procedure.tsv", "output file")
	corpus := flag.String("corpus", "../shared/corpus", "the shared corpus")
	flag.Parse()
	if err := run(*out, *corpus); err != nil {
		fmt.Fprintln(os.Stderr, "dict/keywords/genproc:", err)
		os.Exit(1)
	}
}

func run(out, corpus string) error {
	in, err := backgroundDocs(filepath.Join(filepath.Dir(out), "background_docs.txt"), corpus)
	if err != nil {
		return err
	}
	docs, err := kwdocs.Load(in, func(p string) bool { return !kwdocs.IsTest(p) })
	if err != nil {
		return err
	}
	opts, err := keywords.Default()
	if err != nil {
		return err
	}
	opts.Entities = nil
	type count struct{ docs, in, all int }
	counts := map[string]*count{}
	for _, d := range docs {
		spans := keywords.ProceduralSpans(d.In)
		inDoc := map[string]bool{}
		keywords.Collect(d.In, opts).EachOccurrence(func(key string, s, _ int) {
			c := counts[key]
			if c == nil {
				c = &count{}
				counts[key] = c
			}
			c.all++
			i, _ := slices.BinarySearchFunc(spans, s, func(sp [2]int, s int) int {
				if sp[1] <= s {
					return -1
				}
				if sp[0] > s {
					return 1
				}
				return 0
			})
			if i < len(spans) && spans[i][0] <= s && s < spans[i][1] {
				c.in++
				if !inDoc[key] {
					inDoc[key] = true
					c.docs++
				}
			}
		})
	}
	var keys []string
	for k, c := range counts {
		if c.docs >= minDocs && c.in >= minIn && float64(c.in) >= minShare*float64(c.all) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var b strings.Builder
	fmt.Fprintf(&b, "# The vocabulary of procedure of policy notices (written by dict/keywords/genproc; see\n")
	fmt.Fprintf(&b, "# dict/SOURCES.md, section Keywords): term, documents with an occurrence inside a\n")
	fmt.Fprintf(&b, "# procedural part, occurrences inside, all occurrences; over %d documents.\n", len(docs))
	for _, k := range keys {
		c := counts[k]
		fmt.Fprintf(&b, "%s\t%d\t%d\t%d\n", k, c.docs, c.in, c.all)
	}
	return os.WriteFile(out, []byte(b.String()), 0o644)
}

// backgroundDocs returns the paths of the documents background_docs.txt
// marks "in".
func backgroundDocs(list, corpus string) ([]string, error) {
	f, err := os.Open(list)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, verdict, ok := strings.Cut(sc.Text(), "\t")
		if !ok || verdict != "in" || !strings.HasSuffix(name, ".txt") {
			continue
		}
		out = append(out, filepath.Join(corpus, name))
	}
	return out, sc.Err()
}
