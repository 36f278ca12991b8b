// Command sighan scores zhpolicy's segmenter, gse and prototypes of
// proposed segmenter changes on the SIGHAN 2005 test sets with the bakeoff's
// word-span precision, recall, F1 and OOV recall, and merges result files
// (its own and jieba_rows.py's) into the markdown tables of
// bench/RESULTS.md. Run everything with bench/sighan/run.sh.
//
//	go run ./bench/sighan -data ../shared/bench/sighan2005 -out rows.tsv
//	go run ./bench/sighan -systems zhpolicy,gse-s-nohmm -corpora pku -sentences /tmp/s
//	go run ./bench/sighan -merge rows.tsv,jieba.tsv > table.md
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"zhpolicy/pkg/segment"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "sighan:", err)
		os.Exit(2)
	}
}

type options struct {
	data      string
	corpora   []string
	systems   []string
	out       string
	fold      string
	gseDict   string
	sentences string
	jobs      int
	merge     string
	segFile   string
	segName   string
	list      bool
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// mainSystems are the rows of the main table (jieba's come from python).
var mainSystems = "zhpolicy,zhpolicy-hmm,zhpolicy-nohmm,zhpolicy-foldall-nohmm,zhpolicy-nopolicy-hmm,zhpolicy-nopolicy-nohmm,gse-s-hmm,gse-s-nohmm,gse-t-hmm,gse-t-nohmm"

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("sighan", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	var corpora, systems string
	fs.StringVar(&o.data, "data", "../shared/bench/sighan2005", "directory of the SIGHAN 2005 release (testing/, gold/)")
	fs.StringVar(&corpora, "corpora", "pku,msr,as,cityu", "corpora to score")
	fs.StringVar(&systems, "systems", "main", "systems to score, comma-separated: names (-list shows them), \"main\" (the rows of the main table) and \"proto\" (every prototype)")
	fs.StringVar(&o.out, "out", "", "write the result rows (TSV) here instead of stdout")
	fs.StringVar(&o.fold, "fold", "segmenter", "Traditional input for zhpolicy: segmenter (Config.Fold = script.FoldToSimplified, as the command line) or harness (fold with gocc t2s here)")
	fs.StringVar(&o.gseDict, "gse-dict", "", "gse's data/dict/zh/s_1.txt, for the prototypes that read single-character frequencies")
	fs.StringVar(&o.sentences, "sentences", "", "write per-sentence scores and output to DIR/<corpus>.<system>.tsv")
	fs.IntVar(&o.jobs, "jobs", runtime.GOMAXPROCS(0), "parallel workers")
	fs.StringVar(&o.merge, "merge", "", "merge these result files (comma-separated) into markdown tables on stdout")
	fs.StringVar(&o.segFile, "seg-file", "", "score an already segmented file, CORPUS:PATH (words separated by spaces, one line per test line)")
	fs.StringVar(&o.segName, "seg-name", "external", "system name for -seg-file")
	fs.BoolVar(&o.list, "list", false, "list the systems and exit")
	if err := fs.Parse(args); err != nil {
		return err
	}
	o.corpora = splitList(corpora)
	if o.list {
		for _, s := range allSystems() {
			fmt.Fprintf(stdout, "%s\t%s\n", s.Name, s.Desc)
		}
		return nil
	}
	if o.merge != "" {
		return mergeTables(splitList(o.merge), stdout)
	}
	for _, s := range splitList(systems) {
		switch s {
		case "main":
			o.systems = append(o.systems, splitList(mainSystems)...)
		case "proto":
			for _, p := range protoSystems() {
				o.systems = append(o.systems, p.Name)
			}
		default:
			o.systems = append(o.systems, s)
		}
	}
	w := stdout
	if o.out != "" {
		f, err := os.Create(o.out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	if o.segFile != "" {
		return scoreFile(o, bw)
	}
	return score(o, bw, stderr)
}

const tsvHeader = "corpus\tsystem\tgold\tout\tmatch\toov_gold\toov_match\tlines\tchanged\tP\tR\tF1\tOOV_R\tseconds\tnote"

func writeRow(w io.Writer, corpus, sys string, c counts, secs float64, note string) {
	fmt.Fprintf(w, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%.4f\t%.4f\t%.4f\t%.4f\t%.2f\t%s\n",
		corpus, sys, c.Gold, c.Out, c.Match, c.OOVGold, c.OOVMatch, c.Lines, c.ChangedText,
		c.P(), c.R(), c.F(), c.OOVR(), secs, note)
}

func score(o options, w *bufio.Writer, stderr io.Writer) error {
	if o.fold != "segmenter" && o.fold != "harness" {
		return fmt.Errorf("-fold %q: use segmenter or harness", o.fold)
	}
	env := &env{gseDict: o.gseDict, segmenterFolds: o.fold == "segmenter"}
	byName := map[string]system{}
	for _, s := range systemsFor(env) {
		byName[s.Name] = s
	}
	var plan []system
	for _, n := range o.systems {
		s, ok := byName[n]
		if !ok {
			return fmt.Errorf("unknown system %q (-list shows them)", n)
		}
		if s.Load == nil {
			return fmt.Errorf("system %q is scored by jieba_rows.py, not here", n)
		}
		if s.NeedsGseDict && o.gseDict == "" {
			fmt.Fprintf(stderr, "sighan: skipping %s: it needs -gse-dict (gse's data/dict/zh/s_1.txt)\n", n)
			continue
		}
		plan = append(plan, s)
	}
	// run the systems that share a dictionary together, keeping the order
	// of first appearance
	order := map[string]int{}
	for i, s := range plan {
		if _, ok := order[s.Key]; !ok {
			order[s.Key] = i
		}
	}
	sort.SliceStable(plan, func(i, j int) bool { return order[plan[i].Key] < order[plan[j].Key] })

	corpora := map[string]*corpus{}
	for _, name := range o.corpora {
		c, err := loadCorpus(o.data, name)
		if err != nil {
			return err
		}
		if c.Bad > 0 {
			fmt.Fprintf(stderr, "sighan: %s: %d lines whose gold text differs from the input: aligned by character\n", name, c.Bad)
		}
		corpora[name] = c
	}
	var fl *folder
	folded := map[string][]string{}
	foldedLines := func(c *corpus) ([]string, error) {
		if f, ok := folded[c.Name]; ok {
			return f, nil
		}
		if fl == nil {
			var err error
			if fl, err = newFolder(); err != nil {
				return nil, err
			}
		}
		out := make([]string, len(c.Lines))
		for i, l := range c.Lines {
			var err error
			if out[i], err = fl.fold(l); err != nil {
				return nil, err
			}
		}
		folded[c.Name] = out
		return out, nil
	}

	fmt.Fprintln(w, tsvHeader)
	var inst any
	key := ""
	probed := map[string]bool{} // zhpolicy keys checked to fold Traditional text
	for _, s := range plan {
		if s.Key != key {
			inst, key = nil, ""
			runtime.GC()
			t := time.Now()
			var err error
			if inst, err = s.Load(env); err != nil {
				return fmt.Errorf("%s: %w", s.Name, err)
			}
			key = s.Key
			fmt.Fprintf(stderr, "sighan: loaded %s in %.1fs\n", s.Key, time.Since(t).Seconds())
		}
		for _, cname := range o.corpora {
			c := corpora[cname]
			if !c.Traditional && s.NoSimp {
				continue
			}
			cut := s.Cut(inst, c.Traditional)
			lines := c.Lines
			var foldLines []string
			note := ""
			if c.Traditional {
				mode := s.Trad
				if mode == "fold" {
					mode = o.fold
					if mode == "segmenter" && !probed[s.Key] {
						ok, err := probeFolding(cut)
						if err != nil {
							return err
						}
						if !ok {
							return fmt.Errorf("%s: the segmenter does not fold Traditional text (use -fold harness)", s.Name)
						}
						probed[s.Key] = true
					}
				}
				switch mode {
				case "harness":
					var err error
					if foldLines, err = foldedLines(c); err != nil {
						return err
					}
					note = "t2s-folded by the harness (gocc)"
				case "segmenter":
					note = "folded by the segmenter: Config.Fold = script.FoldToSimplified"
				case "raw":
					note = "Traditional text as is"
				}
			}
			t := time.Now()
			total, per, err := cutCorpus(c, lines, foldLines, cut, o.jobs)
			if err != nil {
				return fmt.Errorf("%s on %s: %w", s.Name, cname, err)
			}
			secs := time.Since(t).Seconds()
			writeRow(w, cname, s.Name, total, secs, note)
			w.Flush()
			fmt.Fprintf(stderr, "sighan: %-6s %-28s F1 %.4f  OOV-R %.4f  (%.1fs)\n", cname, s.Name, total.F(), total.OOVR(), secs)
			if total.ChangedText > 0 {
				fmt.Fprintf(stderr, "sighan: warning: %s on %s changed the text of %d lines; their scores are not meaningful\n", s.Name, cname, total.ChangedText)
			}
			if o.sentences != "" {
				if err := writeSentences(o.sentences, c, s.Name, per); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// sentence is the score and output of one line.
type sentence struct {
	c     counts
	words []string
}

// cutCorpus cuts every line (the folded line if foldLines is given, mapping
// the words back) with jobs workers and scores it.
func cutCorpus(c *corpus, lines, foldLines []string, cut cutFunc, jobs int) (counts, []sentence, error) {
	if jobs < 1 {
		jobs = 1
	}
	per := make([]sentence, len(lines))
	errs := make([]error, jobs)
	var wg sync.WaitGroup
	next := make(chan int, 64)
	for j := 0; j < jobs; j++ {
		wg.Add(1)
		go func(j int) {
			defer wg.Done()
			for i := range next {
				if errs[j] != nil {
					continue
				}
				in := lines[i]
				if foldLines != nil {
					in = foldLines[i]
				}
				words, err := cut(in)
				if err == nil && foldLines != nil {
					words, err = mapBack(lines[i], in, words)
				}
				if err != nil {
					errs[j] = fmt.Errorf("line %d: %w", i+1, err)
					continue
				}
				per[i] = sentence{scoreLine(c.Lines[i], c.Gold[i], words, c.Train), words}
			}
		}(j)
	}
	for i := range lines {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return counts{}, nil, err
	}
	var total counts
	for _, s := range per {
		total.add(s.c)
	}
	return total, per, nil
}

// probeFolding says whether a zhpolicy segmenter folds Traditional text
// itself: then it cuts a Traditional sentence as it cuts its t2s form.
// (Without folding, gse's Simplified dictionary knows few Traditional
// words and the cuts differ.)
func probeFolding(cut cutFunc) (bool, error) {
	f, err := newFolder()
	if err != nil {
		return false, err
	}
	probes := []string{
		"這個國際會議討論了經濟發展與環境保護問題",
		"政府將繼續推動產業結構調整，擴大對外開放",
		"學校圖書館裏的學生們認真學習電腦課程",
	}
	for _, p := range probes {
		fp, err := f.fold(p)
		if err != nil {
			return false, err
		}
		a, err := cut(p)
		if err != nil {
			return false, err
		}
		b, err := cut(fp)
		if err != nil {
			return false, err
		}
		mb, err := mapBack(p, fp, b)
		if err != nil {
			return false, err
		}
		if strings.Join(a, " ") != strings.Join(mb, " ") {
			return false, nil
		}
	}
	return true, nil
}

func writeSentences(dir string, c *corpus, sys string, per []sentence) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(dir, c.Name+"."+sys+".tsv"))
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	fmt.Fprintln(bw, "line\tgold\tout\tmatch\tF1\toutput\tgold_words")
	for i, s := range per {
		fmt.Fprintf(bw, "%d\t%d\t%d\t%d\t%.4f\t%s\t%s\n", i+1, s.c.Gold, s.c.Out, s.c.Match, s.c.F(),
			strings.Join(s.words, " "), strings.Join(c.Gold[i], " "))
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// scoreFile scores an already segmented file (for checking other scorers:
// jieba_rows.py --dump writes such files).
func scoreFile(o options, w *bufio.Writer) error {
	cname, path, ok := strings.Cut(o.segFile, ":")
	if !ok {
		return fmt.Errorf("-seg-file %q: want CORPUS:PATH", o.segFile)
	}
	c, err := loadCorpus(o.data, cname)
	if err != nil {
		return err
	}
	lines, err := readLines(path)
	if err != nil {
		return err
	}
	if len(lines) != len(c.Lines) {
		return fmt.Errorf("%s: %d lines for %d test lines", path, len(lines), len(c.Lines))
	}
	var total counts
	for i, l := range lines {
		total.add(scoreLine(c.Lines[i], c.Gold[i], strings.Fields(l), c.Train))
	}
	fmt.Fprintln(w, tsvHeader)
	writeRow(w, cname, o.segName, total, 0, "scored from "+path)
	return nil
}

// defaultHMMName names the zhpolicy row that equals the default.
func defaultHMMName() string {
	if segment.DefaultHMM {
		return "zhpolicy-hmm"
	}
	return "zhpolicy-nohmm"
}
