// Command reuse runs the text-reuse finder (pkg/analysis/reuse) over
// directories of .txt files and prints the pairs, the work done and the
// time taken. Dates come from index.tsv files (column release_date) beside
// the documents. -copies N makes an N-fold synthetic corpus: copy k of a
// document has every Han character replaced through a random permutation
// of the Han characters seen, and digits and Latin letters likewise (one
// permutation per copy), so each copy keeps
// the corpus's lengths, paragraphs and reuse structure (the known pairs
// recur inside every copy) while copies share no text with each other.
//
//	go run ./bench/reuse [-copies 10] [-min 0.5] [-top 40] DIR...
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/analysis/reuse"
	"zhpolicy/pkg/script"
)

type file struct {
	name, date, text string
	// kind is the script of the original document: a ciphered copy is
	// read as its original was (a random Han permutation looks "mixed"
	// and would be folded, which no real Simplified corpus is)
	kind script.Kind
}

func main() {
	copies := flag.Int("copies", 1, "synthetic copies of the corpus (1: the corpus as it is)")
	minC := flag.Float64("min", 0, "minimum containment (one way)")
	minA := flag.Int("min-aligned", 0, "minimum aligned characters")
	top := flag.Int("top", 40, "pairs to print")
	tsv := flag.Bool("tsv", false, "print every pair as TSV (a, b, kind, containment a, b, aligned, passages, source, lag)")
	flag.Parse()
	files, err := load(flag.Args())
	if err != nil {
		fmt.Fprintln(os.Stderr, "reuse:", err)
		os.Exit(2)
	}
	if *copies > 1 {
		files = synth(files, *copies)
	}
	var chars int
	for _, f := range files {
		chars += len([]rune(f.text))
	}
	runtime.GC()
	t0 := time.Now()
	idx, err := reuse.NewIndex(reuse.Params{})
	if err != nil {
		panic(err)
	}
	sk := make([]*reuse.Sketch, len(files))
	var wg sync.WaitGroup
	work := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				f := files[i]
				in := analysis.NewInput(f.name, f.text, f.kind, nil)
				s, err := reuse.NewSketch(reuse.Doc{Name: f.name, Date: f.date, In: in}, idx.Params())
				if err != nil {
					panic(err)
				}
				sk[i] = s
			}
		}()
	}
	for i := range files {
		work <- i
	}
	close(work)
	wg.Wait()
	t1 := time.Now()
	for _, s := range sk {
		if err := idx.Add(s); err != nil {
			panic(err)
		}
	}
	pairs, st, err := idx.Find(context.Background(), reuse.Options{MinContainment: *minC, MinAligned: *minA})
	if err != nil {
		panic(err)
	}
	t2 := time.Now()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(os.Stderr, "docs %d, chars %d; sketch %.2fs, find %.2fs, total %.2fs; heap in use %d MB, total alloc %d MB\n",
		len(files), chars, t1.Sub(t0).Seconds(), t2.Sub(t1).Seconds(), t2.Sub(t0).Seconds(), ms.HeapInuse>>20, ms.TotalAlloc>>20)
	fmt.Fprintf(os.Stderr, "stats %+v\n", st)
	if *tsv {
		for _, p := range pairs {
			lag := ""
			if p.LagDays != nil {
				lag = fmt.Sprint(*p.LagDays)
			}
			fmt.Printf("%s\t%s\t%s\t%.3f\t%.3f\t%d\t%d\t%s\t%s\n", p.A, p.B, p.Kind, p.ContainmentA, p.ContainmentB, p.Aligned, len(p.Passages), p.Source, lag)
		}
		return
	}
	for i, p := range pairs {
		if i >= *top {
			break
		}
		lag := ""
		if p.LagDays != nil {
			lag = fmt.Sprintf(" lag %dd", *p.LagDays)
		}
		fmt.Printf("%-48s %-48s %-14s A %.3f B %.3f aligned %6d passages %3d src %s%s\n", p.A, p.B, p.Kind, p.ContainmentA, p.ContainmentB, p.Aligned, len(p.Passages), p.Source, lag)
		if len(p.Passages) > 0 {
			t := []rune(p.Passages[0].Text)
			if len(t) > 60 {
				t = t[:60]
			}
			fmt.Printf("    first passage: %s\n", strings.ReplaceAll(string(t), "\n", " "))
		}
	}
}

func load(dirs []string) ([]file, error) {
	var out []file
	for _, d := range dirs {
		dates := map[string]string{}
		if f, err := os.Open(filepath.Join(d, "index.tsv")); err == nil {
			sc := bufio.NewScanner(f)
			sc.Buffer(make([]byte, 1<<20), 1<<20)
			var col = -1
			for sc.Scan() {
				parts := strings.Split(sc.Text(), "\t")
				if col < 0 {
					for i, p := range parts {
						if p == "release_date" {
							col = i
						}
					}
					continue
				}
				if col < len(parts) {
					dates[strings.TrimSuffix(filepath.Base(parts[0]), ".txt")] = parts[col]
				}
			}
			f.Close()
		}
		err := filepath.WalkDir(d, func(p string, e os.DirEntry, err error) error {
			if err != nil || e.IsDir() || !strings.HasSuffix(p, ".txt") {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			base := strings.TrimSuffix(filepath.Base(p), ".txt")
			rel := filepath.Base(d) + "/" + base
			out = append(out, file{name: rel, date: dates[base], text: string(b), kind: script.Detect(string(b)).Kind})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// synth makes n ciphered copies of the corpus (copy 0 is the corpus).
func synth(files []file, n int) []file {
	set := map[rune]bool{}
	for _, f := range files {
		for _, r := range f.text {
			if unicode.Is(unicode.Han, r) {
				set[r] = true
			}
		}
	}
	han := make([]rune, 0, len(set))
	for r := range set {
		han = append(han, r)
	}
	sort.Slice(han, func(i, j int) bool { return han[i] < han[j] })
	out := append([]file(nil), files...)
	rng := rand.New(rand.NewSource(2026))
	for k := 1; k < n; k++ {
		perm := rng.Perm(len(han))
		m := make(map[rune]rune, len(han)+62)
		for i, r := range han {
			m[r] = han[perm[i]]
		}
		// letters and digits too: standard numbers and tables must not
		// match across copies either
		for _, set := range []string{"0123456789", "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"} {
			rs := []rune(set)
			p := rng.Perm(len(rs))
			for i, r := range rs {
				m[r] = rs[p[i]]
			}
		}
		for _, f := range files {
			t := []rune(f.text)
			for i, r := range t {
				if c, ok := m[r]; ok {
					t[i] = c
				}
			}
			out = append(out, file{name: fmt.Sprintf("copy%02d/%s", k, f.name), date: f.date, text: string(t), kind: f.kind})
		}
	}
	return out
}
