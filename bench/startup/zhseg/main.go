// Command zhseg runs pkg/segment and pkg/idf directly, without the
// command layer (input decoding, cleaning, reports): bench/startup uses it
// to measure the segmenter itself beside the zhpolicy binary, and in
// place of a subcommand the binary does not have yet.
//
//	zhseg segment [-j N] [file...]
//	zhseg keywords [-k 20] [file...]
//
// segment prints each file's words, space-separated, line by line, in the
// order the files were given whatever -j; keywords prints the top k words
// of each file by TF-IDF (words of two characters or more; IDF from gse's
// table, the median for words it lacks; ties by word).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"zhpolicy/pkg/idf"
	"zhpolicy/pkg/segment"
)

func main() {
	if len(os.Args) < 2 || (os.Args[1] != "segment" && os.Args[1] != "keywords") {
		fmt.Fprintln(os.Stderr, "usage: zhseg segment|keywords [flags] [file...]")
		os.Exit(2)
	}
	// The segmenter's live heap is small (the dictionary is read where it
	// is embedded), while a big run allocates ten bytes of tokens per byte
	// of text: with the default GOGC the collector runs so
	// often that two workers scale about 1.6x, not 1.9x. A higher GOGC
	// under a soft memory limit keeps peak memory bounded (a limit below
	// the live heap would make the collector run without pause: zhseg
	// reads each file whole, so give it files, not one 200 MB file).
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(400)
		debug.SetMemoryLimit(400 << 20)
	}
	verb := os.Args[1]
	fs := flag.NewFlagSet(verb, flag.ExitOnError)
	jobs := fs.Int("j", 1, "files cut in parallel")
	topK := fs.Int("k", 20, "keywords per file")
	_ = fs.Parse(os.Args[2:])
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	seg, err := segment.New(segment.Config{})
	if err != nil {
		fail(err)
	}
	var tab *idf.Table
	if verb == "keywords" {
		if tab, err = idf.Default(); err != nil {
			fail(err)
		}
	}
	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer out.Flush()

	// workers fill slots; the writer prints them in input order
	type slot struct {
		done chan struct{}
		text string
		err  error
	}
	slots := make([]*slot, len(paths))
	for i := range slots {
		slots[i] = &slot{done: make(chan struct{})}
	}
	next := make(chan int)
	sem := make(chan struct{}, 4**jobs) // results held ahead, in order
	var wg sync.WaitGroup
	for w := 0; w < *jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				s := slots[i]
				s.text, s.err = process(verb, paths[i], seg, tab, *topK)
				close(s.done)
			}
		}()
	}
	go func() {
		for i := range paths {
			sem <- struct{}{}
			next <- i
		}
		close(next)
	}()
	for _, s := range slots {
		<-s.done
		<-sem
		if s.err != nil {
			fail(s.err)
		}
		out.WriteString(s.text)
		s.text = ""
	}
	wg.Wait()
}

func process(verb, path string, seg *segment.Segmenter, tab *idf.Table, k int) (string, error) {
	var b []byte
	var err error
	if path == "-" {
		b, err = io.ReadAll(os.Stdin)
	} else {
		b, err = os.ReadFile(path)
	}
	if err != nil {
		return "", err
	}
	text := strings.ToValidUTF8(string(b), "\uFFFD")
	toks, err := seg.Cut(text, segment.Options{})
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	var sb strings.Builder
	if verb == "keywords" {
		tf := map[string]float64{}
		n := 0.0
		for _, t := range toks {
			if utf8.RuneCountInString(t.Text) >= 2 {
				tf[t.Text]++
				n++
			}
		}
		type kw struct {
			w string
			s float64
		}
		var kws []kw
		for w, c := range tf {
			kws = append(kws, kw{w, c / n * tab.IDF(w)})
		}
		sort.Slice(kws, func(i, j int) bool {
			if kws[i].s != kws[j].s {
				return kws[i].s > kws[j].s
			}
			return kws[i].w < kws[j].w
		})
		for i := 0; i < len(kws) && i < k; i++ {
			fmt.Fprintf(&sb, "%s\t%.4f\n", kws[i].w, kws[i].s)
		}
		return sb.String(), nil
	}
	sb.Grow(len(text) + len(toks))
	line := 0
	for i, t := range toks {
		if nl := strings.Count(text[line:t.Start], "\n"); nl > 0 {
			sb.WriteString(strings.Repeat("\n", nl))
		} else if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(t.Text)
		line = int(t.End)
	}
	sb.WriteByte('\n')
	return sb.String(), nil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "zhseg:", err)
	os.Exit(2)
}
