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
// Beside it, genre.tsv: the genre's own background, the terms the calls
// among those documents (documents with a procedural part) use much more
// often than the documents at large (see writeGenre).
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
	// the genre's own background: document frequencies among the calls
	// (documents with a procedural part) and among all documents
	dfCalls, dfAll := map[string]int{}, map[string]int{}
	calls := 0
	for _, d := range docs {
		spans := keywords.ProceduralSpans(d.In)
		inDoc := map[string]bool{}
		seen := map[string]bool{}
		if len(spans) > 0 {
			calls++
		}
		keywords.Collect(d.In, opts).EachOccurrence(func(key string, s, _ int) {
			if !seen[key] {
				seen[key] = true
				dfAll[key]++
				if len(spans) > 0 {
					dfCalls[key]++
				}
			}
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
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		return err
	}
	procShare := make(map[string]float64, len(counts))
	for k, c := range counts {
		if c.all > 0 {
			procShare[k] = float64(c.in) / float64(c.all)
		}
	}
	return writeGenre(filepath.Join(filepath.Dir(out), "genre.tsv"), calls, len(docs), dfCalls, dfAll, procShare)
}

// Genre table: a term is written when it is in at least minGenreDocs
// calls and at least minConcentration times as common among the calls as
// among all documents (df shares, the overall one with one added). A term
// of only minProcGenreDocs calls (two: 申报书, 汇总表, 情况表, 财务状况 —
// but also the topic of two calls on one subject, 合成橡胶) is written
// only when the procedure itself uses it: at least minProcGenreShare of
// its occurrences are inside the procedural parts the calls' structure
// shows (session 10: the background has 21 calls, and most of what every
// call asks for — a form, a budget line — is in two or three of them).
const (
	minGenreDocs      = 3
	minProcGenreDocs  = 2
	minProcGenreShare = 0.5
	minConcentration  = 3.0
)

// writeGenre writes dict/keywords/genre.tsv: the terms that the calls of
// the background (documents with a procedural part: calls for proposals,
// applications, selections) use much more often than its documents at
// large — what every call says (申报书, 执行期, 纸质, 联系方式).
func writeGenre(out string, calls, all int, dfCalls, dfAll map[string]int, procShare map[string]float64) error {
	var keys []string
	for k, n := range dfCalls {
		enough := n >= minGenreDocs || n >= minProcGenreDocs && procShare[k] >= minProcGenreShare
		if enough && concentration(n, calls, dfAll[k], all) >= minConcentration {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var b strings.Builder
	fmt.Fprintf(&b, "# The vocabulary of the calls of policy notices (written by dict/keywords/genproc; see\n")
	fmt.Fprintf(&b, "# dict/SOURCES.md, section Keywords): term, documents among the calls (documents with a\n")
	fmt.Fprintf(&b, "# procedural part), documents among all; terms at least %g times as common among the calls\n", minConcentration)
	fmt.Fprintf(&b, "# calls=%d\tdocs=%d\n", calls, all)
	for _, k := range keys {
		fmt.Fprintf(&b, "%s\t%d\t%d\n", k, dfCalls[k], dfAll[k])
	}
	return os.WriteFile(out, []byte(b.String()), 0o644)
}

// concentration is how many times as common a term is among the calls as
// among all documents.
func concentration(dfCalls, calls, dfAll, all int) float64 {
	if calls == 0 || all == 0 {
		return 0
	}
	return (float64(dfCalls) / float64(calls)) / (float64(dfAll+1) / float64(all))
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
