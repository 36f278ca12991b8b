// Command unwrap measures the join of lines broken at the page width (normalize's
// Options.Unwrap) on the documents it finds wrapped.
//
//	go run ./bench/unwrap [-corpus DIR] [-list]
//
// For every .txt file under the corpus it cleans the text twice, with the default options
// and with Unwrap off, and reports the files where the two differ (the documents found
// wrapped), each with its split (internal/docsplit) and:
//
//   - joins: the line ends removed (Changes of kind line-join), and how many took a page
//     number with them;
//   - broken words before and after: the line ends between two Han characters across which
//     gse's cut (precise, no HMM, the compiled dictionary) of the twelve characters around
//     the line end (six a side, the line end removed) puts one word; the same count on the
//     text cleaned without and with Unwrap;
//   - words made whole: the words of two characters or more of the unwrapped text's cut
//     whose characters came from both sides of a line end of the given text.
//
// The first measure counts some line ends that a rule keeps on purpose (a heading before
// its first body line whose last and first characters happen to make a word), so "after"
// is an upper bound of the words still broken.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"zhpolicy/internal/docsplit"
	"zhpolicy/pkg/normalize"
	"zhpolicy/pkg/segment"
)

func main() {
	corpus := flag.String("corpus", "../shared/corpus", "corpus directory")
	list := flag.Bool("list", false, "list the words still broken after unwrapping")
	flag.Parse()
	seg, err := segment.New(segment.Config{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var files []string
	_ = filepath.WalkDir(*corpus, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	on := normalize.DefaultOptions()
	off := on
	off.Unwrap = false
	fmt.Println("| file | split | lines | joins | across a page number | broken words before | after | words made whole |")
	fmt.Println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
	var tot [6]int
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		text := string(raw)
		after := normalize.Clean(text, on)
		if !after.Unwrapped() {
			continue
		}
		before := normalize.Clean(text, off)
		joins, pages := 0, 0
		for _, c := range after.Changes {
			if c.Kind == normalize.ChangeJoin {
				joins++
				if strings.Count(c.Old, "\n") > 1 {
					pages++
				}
			}
		}
		b, _ := brokenAt(seg, before.Text)
		a, left := brokenAt(seg, after.Text)
		whole := madeWhole(seg, text, after)
		split := "DEV"
		if docsplit.IsTest(f) {
			split = "TEST"
		}
		rel, _ := filepath.Rel(*corpus, f)
		lines := strings.Count(text, "\n")
		fmt.Printf("| %s | %s | %d | %d | %d | %d | %d | %d |\n", rel, split, lines, joins, pages, b, a, whole)
		for i, v := range []int{1, lines, joins, pages, b, a} {
			tot[i] += v
		}
		if *list {
			for _, l := range left {
				fmt.Printf("|  |  |  |  |  | %s |  |  |\n", l)
			}
		}
	}
	fmt.Printf("| %d documents |  | %d | %d | %d | %d | %d |  |\n", tot[0], tot[1], tot[2], tot[3], tot[4], tot[5])
}

// brokenAt counts the line ends of text between two Han characters across which the cut of
// the characters around them puts one word, and lists them.
func brokenAt(seg *segment.Segmenter, text string) (int, []string) {
	n := 0
	var out []string
	for i := strings.IndexByte(text, '\n'); i >= 0; {
		a := lastRunes(text[:i], 6)
		b := firstRunes(text[i+1:], 6)
		if a != "" && b != "" && isHanEnd(a, true) && isHanEnd(b, false) {
			toks, err := seg.Cut(a+b, segment.Options{Mode: segment.Precise})
			if err == nil {
				for _, t := range toks {
					if int(t.Start) < len(a) && int(t.End) > len(a) {
						n++
						out = append(out, a+"‖"+b)
						break
					}
				}
			}
		}
		k := strings.IndexByte(text[i+1:], '\n')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return n, out
}

// madeWhole counts the words of two characters or more of the cleaned text r whose
// characters come from both sides of a line end of the original.
func madeWhole(seg *segment.Segmenter, orig string, r *normalize.Result) int {
	toks, err := seg.Cut(r.Text, segment.Options{Mode: segment.Precise})
	if err != nil {
		return 0
	}
	n := 0
	for _, t := range toks {
		if utf8.RuneCountInString(t.Text) < 2 {
			continue
		}
		s, e := r.Span(int(t.Start), int(t.End))
		if strings.IndexByte(orig[s:e], '\n') >= 0 {
			n++
		}
	}
	return n
}

func lastRunes(s string, n int) string {
	if j := strings.LastIndexByte(s, '\n'); j >= 0 {
		s = s[j+1:]
	}
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, w := utf8.DecodeLastRuneInString(s[:i])
		i -= w
	}
	return s[i:]
}

func firstRunes(s string, n int) string {
	if j := strings.IndexByte(s, '\n'); j >= 0 {
		s = s[:j]
	}
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return s[:i]
}

func isHanEnd(s string, last bool) bool {
	var r rune
	if last {
		r, _ = utf8.DecodeLastRuneInString(s)
	} else {
		r, _ = utf8.DecodeRuneInString(s)
	}
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF
}
