// Command keywords measures zhpolicy's keyword extraction against author
// keywords (CSL abstracts) and against jieba.analyse, in one run.
//
//	go run ./bench/keywords                 # the policy/social-science subset
//	go run ./bench/keywords -data FILE.jsonl -jieba=false
//
// Each document is its title, a newline and its abstract, for zhpolicy and
// jieba alike. A keyword matches a gold keyword when the two are equal after
// folding to Simplified and lower-casing ASCII. P@k is hits among the first
// k keywords divided by k, R@k hits divided by the number of gold keywords
// (all of them, also those absent from the text), F1@k their harmonic mean
// per document; the table gives the mean over documents.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/analysis/keywords"
	kwcmd "zhpolicy/pkg/cmd/keywords"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/idf"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

type doc struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Abstract   string   `json:"abstract"`
	Keywords   []string `json:"keywords"`
	Discipline string   `json:"discipline"`
}

type jiebaRec struct {
	ID       string   `json:"id"`
	TFIDF    []string `json:"tfidf"`
	TextRank []string `json:"textrank"`
}

// system is one keyword extractor under test: its keywords for each
// document, in order, as Simplified keys.
type system struct {
	name string
	kws  [][]string
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "bench/keywords:", err)
		os.Exit(1)
	}
}

func run() error {
	data := flag.String("data", "../shared/bench/keywords/policy_social_science_subset.jsonl", "gold keywords, JSON Lines")
	exclude := flag.String("exclude", "", "leave out the documents of this JSON Lines file (by id): for a development set")
	withJieba := flag.Bool("jieba", true, "run jieba.analyse (/usr/bin/python3 with python3-jieba) in the same run")
	python := flag.String("python", "/usr/bin/python3", "python with jieba")
	idfFile := flag.String("idf", "", "IDF table `word idf` (default: zhpolicy's built-in table)")
	phrases := flag.Bool("phrases", true, "key phrases on")
	pos := flag.String("pos", "", "part-of-speech allow-list (default: zhpolicy's)")
	hmm := flag.Bool("hmm", segment.DefaultHMM, "segment with HMM new-word detection")
	newWords := flag.Bool("new-words", kwcmd.DefaultNewWords, "keyword candidates with the HMM's new words (the keywords command's default)")
	background := flag.Bool("background", true, "score against the built-in policy background (false: the general IDF table alone)")
	names := flag.String("names", keywords.DefaultNames.String(), "names of places, organisations and people: keep, apart or drop")
	dump := flag.Int("dump", 0, "print gold and zhpolicy TF-IDF keywords of the first `n` documents")
	flag.Parse()

	docs, err := readDocs(*data)
	if errors.Is(err, os.ErrNotExist) {
		fmt.Fprintf(os.Stderr, "bench/keywords: %s not found; skipped\n", *data)
		return nil
	}
	if err != nil {
		return err
	}
	if *exclude != "" {
		ex, err := readDocs(*exclude)
		if err != nil {
			return err
		}
		drop := make(map[string]bool, len(ex))
		for _, d := range ex {
			drop[d.ID] = true
		}
		kept := docs[:0]
		for _, d := range docs {
			if !drop[d.ID] {
				kept = append(kept, d)
			}
		}
		docs = kept
	}

	opts, err := keywords.Default()
	if err != nil {
		return err
	}
	if *idfFile != "" {
		if opts.IDF, err = loadIDF(*idfFile); err != nil {
			return err
		}
	}
	opts.NoPhrases = !*phrases
	if !*background {
		if opts.IDF, err = idf.Default(); err != nil {
			return err
		}
	}
	if opts.Names, err = keywords.ParseNames(*names); err != nil {
		return err
	}
	if *pos != "" {
		if opts.POS, err = keywords.NewPOSFilter(strings.Split(*pos, ",")); err != nil {
			return err
		}
	}
	start := time.Now()
	systems, err := runZhpolicy(docs, opts, *hmm, *newWords)
	if err != nil {
		return err
	}
	zt := time.Since(start)
	if *dump > 0 {
		dumpErrors(docs, systems[0], *dump)
	}
	var jt time.Duration
	if *withJieba {
		start = time.Now()
		js, err := runJieba(*python, docs)
		if err != nil {
			return err
		}
		jt = time.Since(start)
		systems = append(systems, js...)
	}

	fmt.Printf("Data: %s (%d documents; %d gold keywords, %d of them verbatim in title or abstract)\n\n",
		filepath.Base(*data), len(docs), goldCount(docs), verbatimCount(docs))
	fmt.Println("| system | P@5 | R@5 | F1@5 | P@10 | R@10 | F1@10 |")
	fmt.Println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, s := range systems {
		m5 := score(docs, s.kws, 5)
		m10 := score(docs, s.kws, 10)
		fmt.Printf("| %s | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f |\n", s.name, m5.p, m5.r, m5.f, m10.p, m10.r, m10.f)
	}
	fmt.Printf("\nTime: zhpolicy %.1fs (three methods, %d workers); jieba %.1fs (two methods)\n",
		zt.Seconds(), runtime.NumCPU(), jt.Seconds())
	return nil
}

func readDocs(path string) ([]doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []doc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var d doc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		out = append(out, d)
	}
	return out, sc.Err()
}

func text(d doc) string { return d.Title + "\n" + d.Abstract }

func fold(s string) string {
	s = strings.TrimSpace(s)
	if f, ok := script.FoldToSimplified(s); ok {
		s = f
	}
	return analysis.Key(s)
}

func loadIDF(path string) (keywords.IDF, error) {
	if path == "" {
		return idf.Default() // gse's embedded table: the same as jieba's idf.txt
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return keywords.ParseIDF(path, f)
}

func runZhpolicy(docs []doc, opts keywords.Options, hmm, newWords bool) ([]system, error) {
	seg, err := segment.New(segment.Config{Fold: script.FoldToSimplified})
	if err != nil {
		return nil, err
	}
	if newWords && !hmm {
		opts.NewWords = func(text, folded string, toks []segment.Token) ([]segment.Token, error) {
			// folded is FoldIfTraditional's, this segmenter folds to Simplified
			return seg.NewWords(text, "", toks, segment.Options{Mode: segment.Precise, POS: true})
		}
	}
	methods := []keywords.Method{keywords.TFIDF, keywords.TextRank, keywords.Both}
	names := []string{"zhpolicy tfidf (default)", "zhpolicy textrank", "zhpolicy both"}
	out := make([]system, len(methods))
	for i := range methods {
		out[i] = system{name: names[i], kws: make([][]string, len(docs))}
	}
	var mu sync.Mutex
	err = corpus.Map(context.Background(), docs, runtime.NumCPU(),
		func(_ context.Context, i int, d doc) (*keywords.Terms, error) {
			t := text(d)
			toks, err := seg.Cut(t, segment.Options{Mode: segment.Precise, HMM: hmm, POS: true})
			if err != nil {
				return nil, err
			}
			in := analysis.NewInput(d.ID, t, script.Detect(t).Kind, toks)
			return keywords.Collect(in, opts), nil
		},
		func(i int, _ doc, terms *keywords.Terms, err error) error {
			if err != nil {
				return err
			}
			mu.Lock()
			defer mu.Unlock()
			for j, m := range methods {
				o := opts
				o.Method = m
				for _, k := range terms.Score(o, 10) {
					out[j].kws[i] = append(out[j].kws[i], k.Key)
				}
			}
			return nil
		})
	return out, err
}

func runJieba(python string, docs []doc) ([]system, error) {
	var in bytes.Buffer
	enc := json.NewEncoder(&in)
	for _, d := range docs {
		if err := enc.Encode(d); err != nil {
			return nil, err
		}
	}
	script := filepath.Join(benchDir(), "jieba_keywords.py")
	cmd := exec.Command(python, script)
	cmd.Stdin = &in
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	outb, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("jieba: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	byID := make(map[string]jiebaRec)
	dec := json.NewDecoder(bytes.NewReader(outb))
	for {
		var r jiebaRec
		if err := dec.Decode(&r); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("jieba output: %w", err)
		}
		byID[r.ID] = r
	}
	tf := system{name: "jieba TF-IDF", kws: make([][]string, len(docs))}
	tr := system{name: "jieba TextRank", kws: make([][]string, len(docs))}
	for i, d := range docs {
		r, ok := byID[d.ID]
		if !ok {
			return nil, fmt.Errorf("jieba gave no result for %s", d.ID)
		}
		for _, w := range r.TFIDF {
			tf.kws[i] = append(tf.kws[i], fold(w))
		}
		for _, w := range r.TextRank {
			tr.kws[i] = append(tr.kws[i], fold(w))
		}
	}
	return []system{tf, tr}, nil
}

// benchDir finds this directory whether run from the repository root or
// from here.
func benchDir() string {
	for _, d := range []string{"bench/keywords", "."} {
		if _, err := os.Stat(filepath.Join(d, "jieba_keywords.py")); err == nil {
			return d
		}
	}
	return "bench/keywords"
}

type metrics struct{ p, r, f float64 }

func score(docs []doc, kws [][]string, k int) metrics {
	var sum metrics
	for i, d := range docs {
		gold := make(map[string]bool)
		for _, g := range d.Keywords {
			if g = fold(g); g != "" {
				gold[g] = true
			}
		}
		if len(gold) == 0 {
			continue
		}
		hits := 0
		seen := make(map[string]bool)
		for j, w := range kws[i] {
			if j >= k {
				break
			}
			if gold[w] && !seen[w] {
				hits++
			}
			seen[w] = true
		}
		p := float64(hits) / float64(k)
		r := float64(hits) / float64(len(gold))
		f := 0.0
		if p+r > 0 {
			f = 2 * p * r / (p + r)
		}
		sum.p += p
		sum.r += r
		sum.f += f
	}
	n := float64(len(docs))
	return metrics{sum.p / n, sum.r / n, sum.f / n}
}

func goldCount(docs []doc) int {
	n := 0
	for _, d := range docs {
		n += len(d.Keywords)
	}
	return n
}

func verbatimCount(docs []doc) int {
	n := 0
	for _, d := range docs {
		t := fold(text(d))
		for _, k := range d.Keywords {
			if strings.Contains(t, fold(k)) {
				n++
			}
		}
	}
	return n
}

// dumpErrors prints, for the first n documents, the gold keywords and the
// first system's top 10 (development aid).
func dumpErrors(docs []doc, s system, n int) {
	for i, d := range docs {
		if i >= n {
			return
		}
		fmt.Printf("%s [%s]\n  gold: %s\n  got:  %s\n", d.ID, d.Title, strings.Join(d.Keywords, " "), strings.Join(s.kws[i], " "))
	}
}
