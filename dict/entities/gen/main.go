// Command gen writes dict/entities/givenchars.txt: for every character, how
// often it appears in the given names of the Chinese personal names of a
// BIO-tagged NER development set, and how often it appears in that set's
// text at all. The recogniser uses the ratio to judge whether the
// characters after a family name make a given name.
//
// It reads only the development split (People's Daily 1998, example.dev);
// the test splits are for measuring and must never be used here:
//
//	go run ./dict/entities/gen -dev ../shared/bench/ner/peoples_daily_1998/example.dev
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"

	entdict "zhpolicy/dict/entities"
)

func main() {
	dev := flag.String("dev", "../shared/bench/ner/peoples_daily_1998/example.dev", "BIO development file")
	out := flag.String("o", "dict/entities/givenchars.txt", "output file")
	part := flag.String("part", "all", "sentences to count: all, or odd or even (for cross-validation on the development set)")
	flag.Parse()
	if err := run(*dev, *out, *part); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(dev, out, part string) error {
	f, err := os.Open(dev)
	if err != nil {
		return err
	}
	defer f.Close()
	sur1 := map[string]bool{}
	sur2 := map[string]bool{}
	for _, w := range strings.Fields(stripComments(entdict.Surnames)) {
		if len([]rune(w)) == 1 {
			sur1[w] = true
		} else {
			sur2[w] = true
		}
	}
	given := map[rune]int{}
	surname := map[rune]int{}
	total := map[rune]int{}
	var chars []rune
	var tags []string
	sent := 0
	flush := func() {
		if len(chars) == 0 {
			return
		}
		sent++
		if part == "odd" && sent%2 == 0 || part == "even" && sent%2 == 1 {
			chars, tags = chars[:0], tags[:0]
			return
		}
		for _, r := range chars {
			total[r]++
		}
		for i := 0; i < len(tags); {
			if tags[i] != "B-PER" {
				i++
				continue
			}
			j := i + 1
			for j < len(tags) && tags[j] == "I-PER" {
				j++
			}
			name := chars[i:j]
			i = j
			n := 0
			switch {
			case len(name) >= 3 && sur2[string(name[:2])]:
				n = 2
			case len(name) >= 2 && len(name) <= 3 && sur1[string(name[:1])]:
				n = 1
			}
			if n == 0 {
				continue
			}
			for _, r := range name[n:] {
				given[r]++
			}
			if n == 1 {
				surname[name[0]]++
			}
		}
		chars, tags = chars[:0], tags[:0]
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 2 {
			flush()
			continue
		}
		r := []rune(fs[0])
		if len(r) != 1 {
			continue
		}
		chars = append(chars, r[0])
		tags = append(tags, fs[1])
	}
	flush()
	if err := sc.Err(); err != nil {
		return err
	}
	keys := make([]rune, 0, len(total))
	for r := range total {
		keys = append(keys, r)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	var b strings.Builder
	b.WriteString("# Name character statistics: char, times in a given name, times as the family\n")
	b.WriteString("# name of a person, times in the text; counted on People's Daily 1998\n")
	b.WriteString("# example.dev by gen/ (dict/SOURCES.md).\n")
	G, S, N := 0, 0, 0
	for _, r := range keys {
		G += given[r]
		S += surname[r]
	}
	for _, n := range total {
		N += n
	}
	b.WriteString("# totals: given-name characters, family names, characters of text\n")
	fmt.Fprintf(&b, "* %d %d %d\n", G, S, N)
	for _, r := range keys {
		fmt.Fprintf(&b, "%c %d %d %d\n", r, given[r], surname[r], total[r])
	}
	return os.WriteFile(out, []byte(b.String()), 0o644)
}

func stripComments(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		if i := strings.IndexByte(l, '#'); i >= 0 {
			l = l[:i]
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}
