// Command glossary measures keywords against the governments' own
// glossaries of the 2026 provincial reports (../shared/bench/glossary_2026):
// how many glossary terms, quotation marks ignored, are among a report's
// top 20 and top 50 keywords, before issue 17 (the binary given with -old)
// and after (this tree's defaults, and each --names mode).
//
//	go run ./bench/keywords/glossary -old "$(bench/keywords/old.sh)"
package main

import (
	"bufio"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"zhpolicy/bench/keywords/kwdocs"
	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/analysis/keywords"
	"zhpolicy/pkg/script"
)

func main() {
	old := flag.String("old", "", "zhpolicy binary of the system before (commit b3e655c); empty: skip it")
	dir := flag.String("data", "../shared/bench/glossary_2026", "the glossary data")
	flag.Parse()
	if err := run(*old, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "bench/keywords/glossary:", err)
		os.Exit(1)
	}
}

// norm is a term without quotation marks and book-title marks, folded to
// Simplified and lower-cased.
func norm(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune("“”\"‘’'「」『』《》〈〉", r) {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	if f, ok := script.FoldToSimplified(s); ok {
		s = f
	}
	return analysis.Key(s)
}

type system struct {
	name string
	kws  func(path string) ([]string, error) // top 50 (all, when -all), normalised
}

func run(old, dir string) error {
	terms := map[string][]string{}
	f, err := os.Open(filepath.Join(dir, "glossary_terms.tsv"))
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(f)
	for first := true; sc.Scan(); first = false {
		if first {
			continue
		}
		p := strings.Split(sc.Text(), "\t")
		if len(p) >= 3 {
			terms[p[0]] = append(terms[p[0]], norm(p[2]))
		}
	}
	f.Close()
	var systems []system
	if old != "" {
		systems = append(systems, system{"before (b3e655c default)", func(path string) ([]string, error) {
			out, err := exec.Command(old, "keywords", "--top", "50", "--format", "csv", path).Output()
			if err != nil {
				return nil, fmt.Errorf("%s: %v", old, err)
			}
			rows, err := csv.NewReader(strings.NewReader(string(out))).ReadAll()
			if err != nil {
				return nil, err
			}
			var kws []string
			for _, r := range rows[1:] {
				kws = append(kws, norm(r[2]))
			}
			return kws, nil
		}})
	}
	for _, m := range []keywords.NamesMode{keywords.DefaultNames, keywords.NamesKeep, keywords.NamesDrop} {
		if m == keywords.DefaultNames && len(systems) > 1 {
			continue
		}
		name := "after, --names " + m.String()
		if m == keywords.DefaultNames {
			name += " (default)"
		}
		mode := m
		systems = append(systems, system{name, func(path string) ([]string, error) {
			opts, err := keywords.Default()
			if err != nil {
				return nil, err
			}
			opts.Names = mode
			docs, err := kwdocs.Load([]string{path}, nil)
			if err != nil {
				return nil, err
			}
			var kws []string
			for _, k := range keywords.Collect(docs[0].In, opts).Score(opts, 50) {
				kws = append(kws, norm(k.Key))
			}
			return kws, nil
		}})
	}
	fmt.Println("| report | glossary terms | system | in top 20 | in top 50 | terms containing a top-50 keyword (partial) |")
	fmt.Println("| --- | ---: | --- | ---: | ---: | ---: |")
	total := map[string][3]int{}
	nTerms := 0
	for _, prov := range []string{"广东省", "海南省"} {
		path := filepath.Join(dir, "2026_"+prov+"_body_without_glossary.txt")
		nTerms += len(terms[prov])
		for _, s := range systems {
			kws, err := s.kws(path)
			if err != nil {
				return err
			}
			var hit20, hit50, contain int
			for _, t := range terms[prov] {
				for i, k := range kws {
					if k == t {
						if i < 20 {
							hit20++
						}
						hit50++
						break
					}
				}
				for _, k := range kws {
					if k != t && strings.Contains(t, k) && len([]rune(k)) >= 2 {
						contain++
						break
					}
				}
			}
			fmt.Printf("| %s | %d | %s | %d | %d | %d |\n", prov, len(terms[prov]), s.name, hit20, hit50, contain)
			t := total[s.name]
			total[s.name] = [3]int{t[0] + hit20, t[1] + hit50, t[2] + contain}
		}
	}
	for _, s := range systems {
		t := total[s.name]
		fmt.Printf("| **both** | %d | %s | **%d** | **%d** | %d |\n", nTerms, s.name, t[0], t[1], t[2])
	}
	return nil
}
