// Command slogans runs `zhpolicy slogans`' extractor over the national
// government work reports (../shared/corpus/gwr/YEAR.txt) and prints the ten
// most frequent numbered formulations of each decade: the showcase table of
// the README.
//
//	go run ./bench/slogans                        # table on stdout
//	go run ./bench/slogans -o bench/slogans/README-snippet.md
//	go run ./bench/slogans -dump ../shared/corpus/gwr/2024.txt   # one document, every formulation
//
// A formulation's count for a decade is the number of times it is used in
// that decade's reports; ties are broken by the number of reports, then by
// the formulation. The corpus is read from outside the repository; the
// command says so and exits 0 when it is absent.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/analysis/slogans"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

func main() {
	dir := flag.String("corpus", "../shared/corpus/gwr", "directory of YEAR.txt government work reports")
	top := flag.Int("top", 10, "formulations per decade")
	kind := flag.String("kind", "numbered", "kind to rank")
	out := flag.String("o", "", "also write the Markdown table to this file")
	dump := flag.String("dump", "", "print every formulation of one document and exit")
	flag.Parse()
	if err := run(*dir, *top, *kind, *out, *dump); err != nil {
		fmt.Fprintln(os.Stderr, "slogans:", err)
		os.Exit(1)
	}
}

func run(dir string, top int, kindName, out, dump string) error {
	lex, err := slogans.Builtin()
	if err != nil {
		return err
	}
	seg, err := segment.New(segment.Config{Fold: script.FoldToSimplified})
	if err != nil {
		return err
	}
	if dump != "" {
		in, err := prepare(seg, dump)
		if err != nil {
			return err
		}
		fs := slogans.Extract(in, slogans.Options{Lexicon: lex})
		for _, f := range fs {
			n := ""
			if f.New {
				n = "new"
			}
			fmt.Printf("%-8s %3d %-3s %s\n", f.Kind, f.Count, n, f.Surface())
		}
		return nil
	}
	kind, ok := slogans.ParseKind(kindName)
	if !ok {
		return fmt.Errorf("unknown kind %q", kindName)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		fmt.Printf("no reports under %s: nothing to do (the corpus lives outside the repository)\n", dir)
		return nil
	}
	sort.Strings(files)
	year := regexp.MustCompile(`(\d{4})`)
	type agg struct {
		count, docs int
		surface     string
	}
	decades := map[int]map[string]*agg{}
	reports := map[int][]string{}
	start := time.Now()
	var bytes int
	for _, p := range files {
		m := year.FindString(filepath.Base(p))
		if m == "" {
			continue
		}
		y, _ := strconv.Atoi(m)
		dec := y / 10 * 10
		in, err := prepare(seg, p)
		if err != nil {
			return err
		}
		bytes += len(in.Text)
		if decades[dec] == nil {
			decades[dec] = map[string]*agg{}
		}
		reports[dec] = append(reports[dec], m)
		for _, f := range slogans.Extract(in, slogans.Options{Lexicon: lex}) {
			if f.Kind != kind {
				continue
			}
			a := decades[dec][f.Key]
			if a == nil {
				a = &agg{surface: f.Key}
				decades[dec][f.Key] = a
			}
			a.count += f.Count
			a.docs++
		}
	}
	elapsed := time.Since(start)
	var decs []int
	for d := range decades {
		decs = append(decs, d)
	}
	sort.Ints(decs)
	var b strings.Builder
	fmt.Fprintf(&b, "Ten most frequent %s formulations per decade in the national government work reports (%d reports, %s–%s; count = uses, in parentheses the number of reports):\n\n",
		kind, len(files), strings.TrimSuffix(filepath.Base(files[0]), ".txt"), strings.TrimSuffix(filepath.Base(files[len(files)-1]), ".txt"))
	b.WriteString("| decade | reports |")
	for i := 1; i <= top; i++ {
		fmt.Fprintf(&b, " %d |", i)
	}
	b.WriteString("\n| --- | --- |")
	for i := 1; i <= top; i++ {
		b.WriteString(" --- |")
	}
	b.WriteString("\n")
	for _, d := range decs {
		type kv struct {
			key string
			a   *agg
		}
		var list []kv
		for k, a := range decades[d] {
			list = append(list, kv{k, a})
		}
		sort.Slice(list, func(i, j int) bool {
			if list[i].a.count != list[j].a.count {
				return list[i].a.count > list[j].a.count
			}
			if list[i].a.docs != list[j].a.docs {
				return list[i].a.docs > list[j].a.docs
			}
			return list[i].key < list[j].key
		})
		fmt.Fprintf(&b, "| %ds | %d |", d, len(reports[d]))
		for i := 0; i < top; i++ {
			if i < len(list) {
				fmt.Fprintf(&b, " %s %d (%d) |", list[i].key, list[i].a.count, list[i].a.docs)
			} else {
				b.WriteString(" |")
			}
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "\nReproduce: `go run ./bench/slogans` (reads ../shared/corpus/gwr).\n")
	fmt.Print(b.String())
	fmt.Fprintf(os.Stderr, "%d reports, %.1f MB in %s (segmentation included)\n", len(files), float64(bytes)/1e6, elapsed.Round(time.Millisecond))
	if out != "" {
		return os.WriteFile(out, []byte(b.String()), 0o644)
	}
	return nil
}

// prepare reads, cleans and segments one file as `zhpolicy slogans` does.
func prepare(seg *segment.Segmenter, path string) (*analysis.Input, error) {
	d, err := corpus.Load(path, seg, segment.Options{Mode: segment.Precise, POS: true})
	if err != nil {
		return nil, err
	}
	return d.In, nil
}
