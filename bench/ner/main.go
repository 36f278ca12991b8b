// Command ner measures zhpolicy's entity recogniser on public NER gold sets:
// exact-span precision, recall and F1 for PER, LOC and ORG, beside the
// predictions of a baseline (jieba posseg, see jieba_ner.py) scored the same
// way. Run it through bench/ner/run.sh.
//
//	go run ./bench/ner -set NAME=GOLD.spans.jsonl[,BASELINE.jsonl] ...
//
// A gold file is either spans JSONL ({"text", "entities": [{"type",
// "start", "end"}]}, character offsets) or, if its name does not end in
// .jsonl, BIO (one character and its tag a line, blank line between
// sentences).
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"zhpolicy/pkg/analysis/entities"
	"zhpolicy/pkg/segment"
)

type ent struct {
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text,omitempty"`
}

type sent struct {
	Text     string `json:"text"`
	Entities []ent  `json:"entities"`
}

var scored = []string{"PER", "LOC", "ORG"}

// part selects the sentences scored (see -part).
var part = "all"

// genre is the genre the recogniser reads (see -genre).
var genre = entities.News

type setFlag []string

func (s *setFlag) String() string     { return strings.Join(*s, " ") }
func (s *setFlag) Set(v string) error { *s = append(*s, v); return nil }

func main() {
	var sets setFlag
	flag.Var(&sets, "set", "NAME=GOLD[,BASELINE] (repeatable)")
	errs := flag.String("errors", "", "write our false positives and misses to this file")
	baseName := flag.String("baseline", "jieba", "name of the baseline in the table")
	flag.Func("genre", "genre of the recogniser: news (default here: the gold sets are news) or policy", func(v string) error {
		g, err := entities.ParseGenre(v)
		genre = g
		return err
	})
	flag.StringVar(&part, "part", "all", "sentences to score: all, odd or even (cross-validation on the development set with gen -part)")
	flag.Parse()
	if len(sets) == 0 {
		fmt.Fprintln(os.Stderr, "usage: ner -set NAME=GOLD[,BASELINE] ...")
		os.Exit(2)
	}
	if err := run(sets, *errs, *baseName); err != nil {
		fmt.Fprintln(os.Stderr, "ner:", err)
		os.Exit(1)
	}
}

func run(sets []string, errPath, baseName string) error {
	seg, err := segment.New(segment.Config{})
	if err != nil {
		return err
	}
	x := entities.NewWith(entities.Options{Genre: genre})
	var errW io.Writer = io.Discard
	if errPath != "" {
		f, err := os.Create(errPath)
		if err != nil {
			return err
		}
		defer f.Close()
		bw := bufio.NewWriter(f)
		defer bw.Flush()
		errW = bw
	}
	var notes []string
	defer func() {
		fmt.Println()
		for _, n := range notes {
			fmt.Println(n)
		}
	}()
	fmt.Println("| set | system | type | gold | predicted | P | R | F1 |")
	fmt.Println("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |")
	for _, set := range sets {
		name, files, ok := strings.Cut(set, "=")
		if !ok {
			return fmt.Errorf("-set %q: want NAME=GOLD[,BASELINE]", set)
		}
		goldPath, basePath, _ := strings.Cut(files, ",")
		gold, err := readGold(goldPath)
		if err != nil {
			return err
		}
		start := time.Now()
		ours := make([][]ent, len(gold))
		chars := 0
		for i, s := range gold {
			toks, err := seg.Cut(s.Text, segment.Options{Mode: segment.Precise, HMM: segment.DefaultHMM, POS: true})
			if err != nil {
				return fmt.Errorf("%s sentence %d: %w", goldPath, i+1, err)
			}
			ours[i] = toCharSpans(s.Text, x.ExtractTokens(s.Text, toks))
			chars += utf8.RuneCountInString(s.Text)
		}
		took := time.Since(start)
		printScores(name, "zhpolicy", gold, ours)
		if basePath != "" {
			base, err := readPred(basePath, len(gold))
			if err != nil {
				return err
			}
			printScores(name, baseName, gold, base)
		}
		notes = append(notes, fmt.Sprintf("%s: %d sentences, %d characters; zhpolicy took %.2fs (segmentation and recognition, after the dictionary load)",
			name, len(gold), chars, took.Seconds()))
		writeErrors(errW, name, gold, ours)
	}
	return nil
}

// toCharSpans keeps PER, LOC and ORG and turns byte offsets into character
// offsets.
func toCharSpans(text string, ms []entities.Mention) []ent {
	var out []ent
	for _, m := range ms {
		t := string(m.Type)
		if t == "MEETING" && (strings.HasSuffix(m.Key, "大") || strings.HasSuffix(m.Key, "代表大会")) {
			// the gold sets annotate party congresses (十五大, 中国致公党第十一次
			// 全国代表大会) as organisations, other meetings not at all
			t = "ORG"
		}
		if t != "PER" && t != "LOC" && t != "ORG" {
			continue
		}
		s := utf8.RuneCountInString(text[:m.Start])
		out = append(out, ent{Type: t, Start: s, End: s + utf8.RuneCountInString(m.Text), Text: m.Text})
	}
	return out
}

type key struct {
	typ  string
	s, e int
}

func spanSet(es []ent) map[key]bool {
	m := map[key]bool{}
	for _, e := range es {
		m[key{e.Type, e.Start, e.End}] = true
	}
	return m
}

func printScores(set, system string, gold []sent, pred [][]ent) {
	type cnt struct{ g, p, tp int }
	c := map[string]*cnt{}
	for _, t := range append(scored, "micro") {
		c[t] = &cnt{}
	}
	for i, s := range gold {
		g := spanSet(filter(s.Entities))
		p := spanSet(filter(pred[i]))
		for k := range g {
			c[k.typ].g++
			c["micro"].g++
		}
		for k := range p {
			c[k.typ].p++
			c["micro"].p++
			if g[k] {
				c[k.typ].tp++
				c["micro"].tp++
			}
		}
	}
	for _, t := range append(scored, "micro") {
		x := c[t]
		p, r, f := prf(x.tp, x.p, x.g)
		fmt.Printf("| %s | %s | %s | %d | %d | %.3f | %.3f | %.3f |\n", set, system, t, x.g, x.p, p, r, f)
	}
}

func filter(es []ent) []ent {
	var out []ent
	for _, e := range es {
		if e.Type == "PER" || e.Type == "LOC" || e.Type == "ORG" {
			out = append(out, e)
		}
	}
	return out
}

func prf(tp, p, g int) (float64, float64, float64) {
	var P, R, F float64
	if p > 0 {
		P = float64(tp) / float64(p)
	}
	if g > 0 {
		R = float64(tp) / float64(g)
	}
	if P+R > 0 {
		F = 2 * P * R / (P + R)
	}
	return P, R, F
}

func writeErrors(w io.Writer, set string, gold []sent, pred [][]ent) {
	for i, s := range gold {
		g := spanSet(filter(s.Entities))
		p := spanSet(pred[i])
		var lines []string
		rs := []rune(s.Text)
		for k := range p {
			if !g[k] {
				lines = append(lines, fmt.Sprintf("FP %s %s", k.typ, string(rs[k.s:k.e])))
			}
		}
		for k := range g {
			if !p[k] {
				lines = append(lines, fmt.Sprintf("FN %s %s", k.typ, string(rs[k.s:k.e])))
			}
		}
		if len(lines) == 0 {
			continue
		}
		sort.Strings(lines)
		fmt.Fprintf(w, "## %s %d %s\n%s\n", set, i+1, s.Text, strings.Join(lines, "\n"))
	}
}

func readGold(path string) ([]sent, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if strings.HasSuffix(path, ".jsonl") {
		var out []sent
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
		ln := 0
		for sc.Scan() {
			ln++
			if strings.TrimSpace(sc.Text()) == "" {
				continue
			}
			var s sent
			if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, ln, err)
			}
			out = append(out, s)
		}
		return out, sc.Err()
	}
	out, err := readBIO(path, f)
	if err != nil || part == "all" {
		return out, err
	}
	var kept []sent
	for i, s := range out {
		if (i+1)%2 == 1 == (part == "odd") {
			kept = append(kept, s)
		}
	}
	return kept, nil
}

func readBIO(path string, r io.Reader) ([]sent, error) {
	var out []sent
	var chars []rune
	var tags []string
	flush := func() {
		if len(chars) == 0 {
			return
		}
		s := sent{Text: string(chars)}
		for i := 0; i < len(tags); {
			if !strings.HasPrefix(tags[i], "B-") {
				i++
				continue
			}
			t := tags[i][2:]
			j := i + 1
			for j < len(tags) && tags[j] == "I-"+t {
				j++
			}
			s.Entities = append(s.Entities, ent{Type: t, Start: i, End: j, Text: string(chars[i:j])})
			i = j
		}
		out = append(out, s)
		chars, tags = nil, nil
	}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 2 {
			flush()
			continue
		}
		c := []rune(fs[0])
		if len(c) != 1 {
			return nil, fmt.Errorf("%s: %q is not one character", path, fs[0])
		}
		chars = append(chars, c[0])
		tags = append(tags, fs[1])
	}
	flush()
	return out, sc.Err()
}

func readPred(path string, n int) ([][]ent, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out [][]ent
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for sc.Scan() {
		var s sent
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, len(out)+1, err)
		}
		out = append(out, s.Entities)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(out) != n {
		return nil, fmt.Errorf("%s: %d predictions for %d sentences", path, len(out), n)
	}
	return out, nil
}
