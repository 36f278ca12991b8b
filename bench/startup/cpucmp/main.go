// Command cpucmp compares the segmentation speed of pkg/segment with gse's
// own Cut on the same text, in CPU time (getrusage: user+system of the whole process, GC
// included), so that the comparison holds on a machine other work keeps
// busy. Rounds are interleaved; medians are reported.
//
//	go run ./bench/startup/cpucmp [-rounds 7] [file...]
package main

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/go-ego/gse"

	"zhpolicy/pkg/segment"
)

func cpu() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func main() {
	rounds := flag.Int("rounds", 7, "interleaved rounds")
	minBytes := flag.Int("min", 2<<20, "bytes cut per measurement (the text is repeated)")
	lines := flag.Bool("lines", false, "cut line by line instead of whole documents")
	flag.Parse()
	paths := flag.Args()
	if len(paths) == 0 {
		paths = []string{"../shared/corpus/gwr/2024.txt"}
	}
	var docs []string
	total := 0
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		if *lines {
			docs = append(docs, strings.SplitAfter(string(b), "\n")...)
		} else {
			docs = append(docs, string(b))
		}
		total += len(b)
	}
	reps := *minBytes/total + 1

	t0, c0 := time.Now(), cpu()
	seg, err := segment.New(segment.Config{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	fmt.Printf("segment.New: %v wall, %v CPU\n", time.Since(t0).Round(time.Microsecond), (cpu() - c0).Round(time.Microsecond))
	var g gse.Segmenter
	g.SkipLog, g.NotLoadHMM = true, true
	t0, c0 = time.Now(), cpu()
	_ = g.LoadDictEmbed("zh_s")
	fmt.Printf("gse LoadDictEmbed: %v wall, %v CPU\n", time.Since(t0).Round(time.Millisecond), (cpu() - c0).Round(time.Millisecond))

	systems := []struct {
		name string
		cut  func(string)
	}{
		{"gse Cut", func(s string) { g.Cut(s, false) }},
		{"segment", func(s string) { _, _ = seg.Cut(s, segment.Options{}) }},
	}
	res := make([][]float64, len(systems))
	for r := 0; r < *rounds; r++ {
		for i, sys := range systems {
			c := cpu()
			for k := 0; k < reps; k++ {
				for _, d := range docs {
					sys.cut(d)
				}
			}
			res[i] = append(res[i], float64(total*reps)/1e6/(cpu()-c).Seconds())
		}
	}
	for i, sys := range systems {
		sort.Float64s(res[i])
		fmt.Printf("%-16s %6.2f MB/s per CPU-second (median of %d; min %.2f max %.2f)\n", sys.name, res[i][len(res[i])/2], *rounds, res[i][0], res[i][len(res[i])-1])
	}
}
