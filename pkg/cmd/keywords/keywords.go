// Package keywords implements `zhpolicy keywords`.
package keywords

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"zhpolicy/pkg/analysis"
	kw "zhpolicy/pkg/analysis/keywords"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/idf"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/report"
	seg "zhpolicy/pkg/segment"
)

// DefaultHMM is whether keywords segments with gse's HMM new-word
// detection: on, because it finds the terms the dictionary lacks (measured
// on the keyword benchmark, bench/RESULTS.md).
const DefaultHMM = true

// Options are the settings of one keywords run.
type Options struct {
	IO        *iostreams.IOStreams
	Global    *cmdutil.GlobalOptions
	Segmenter func() (*seg.Segmenter, error)
	Docs      *cmdutil.DocSource

	Paths     []string
	Top       int
	Method    string
	IDF       string // builtin, corpus or a file
	POS       []string
	Stopwords []string
	MinLen    int
	Corpus    bool
	Phrases   bool
	HMM       bool
	Dicts     []string
}

// NewCmdKeywords returns the keywords command. runF, when not nil, replaces
// the run function (tests check flag parsing with it).
func NewCmdKeywords(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO, Global: f.Global, Segmenter: f.Segmenter, Docs: cmdutil.NewDocSource(f)}
	cmd := &cobra.Command{
		Use:   "keywords [path...]",
		Short: "Rank the keywords of each document and of the whole corpus",
		Long: `Rank the keywords of each document, or with --corpus of all documents together.

Keywords are nouns, verbal nouns, place and organisation names and idioms
(--pos), at least two characters long (--min-len), never punctuation,
numbers, pinyin or the words every policy text uses (a built-in stopword
list, extended with --stopwords). Adjacent words that a document repeats
together are ranked as one key phrase (医药高新区, 巡视整改); --no-phrases
ranks single words only.

--method picks the score: tfidf (the default: frequency in the document
times inverse document frequency; words in headings count three times;
counts are damped to 1 + ln n except with --idf corpus), textrank
(centrality in the graph of words that occur near each other) or both (a
geometric mean of the two, each scaled to a maximum of 1).

--idf picks the inverse document frequencies: builtin (gse's table, the
same as jieba's), corpus (computed over the documents given: what an
analyst of a corpus wants, since the words all documents share then rank
low), or a file of ` + "`word idf`" + ` lines.

Terms are counted in Simplified script, so Traditional and Simplified
documents count together; a keyword is shown as its document wrote it
(--script auto), or converted (--script s|t|tw|hk).

Columns: rank, keyword, score, count (in the document). With --corpus:
rank, keyword, docs (documents with the term), count (in all documents),
score (mean over all documents, 0 where the term is absent). CSV, TSV,
JSON and JSON Lines give one row per document and keyword, with the file.`,
		Example: `  zhpolicy keywords report.txt
  zhpolicy keywords --top 10 --format csv reports/ > keywords.csv
  zhpolicy keywords --idf corpus --top 10 reports/
  zhpolicy keywords --corpus --idf corpus --top 50 reports/
  zhpolicy keywords --method textrank --pos n,nz,vn --stopwords mine.txt report.txt`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			if err := cmdutil.ValidateFormat(opts.Global.Format, cmdutil.Formats); err != nil {
				return err
			}
			if _, err := kw.ParseMethod(opts.Method); err != nil {
				return cmdutil.FlagErrorf("invalid --method: %v", err)
			}
			if err := cmdutil.CheckTop(opts.Top); err != nil {
				return err
			}
			if opts.MinLen < 1 {
				return cmdutil.FlagErrorf("invalid --min-len %d: must be at least 1", opts.MinLen)
			}
			if opts.IDF == "" {
				return cmdutil.FlagErrorf("invalid --idf: use builtin, corpus or a file of `word idf` lines")
			}
			if len(opts.POS) > 0 {
				if _, err := kw.NewPOSFilter(opts.POS); err != nil {
					return cmdutil.FlagErrorf("invalid --pos: %v", err)
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return keywordsRun(c.Context(), f, opts)
		},
	}
	fl := cmd.Flags()
	fl.IntVarP(&opts.Top, "top", "k", 20, "keywords per document (or in the corpus ranking); 0 for all")
	fl.StringVar(&opts.Method, "method", "tfidf", "scoring: tfidf, textrank or both")
	fl.StringVar(&opts.IDF, "idf", "builtin", "inverse document frequencies: builtin, corpus (from the documents given) or a file of `word idf` lines")
	fl.StringSliceVar(&opts.POS, "pos", nil, "parts of speech allowed (gse tags, comma-separated; n* for all n…; all); default "+strings.Join(kw.DefaultPOS(), ","))
	fl.StringArrayVar(&opts.Stopwords, "stopwords", nil, "file of more stopwords, one a line (repeatable)")
	fl.IntVar(&opts.MinLen, "min-len", 2, "shortest keyword, in characters")
	fl.BoolVar(&opts.Corpus, "corpus", false, "print one ranking for all documents together instead of one per document")
	fl.BoolVar(&opts.Phrases, "phrases", true, "rank the word sequences a document repeats as one key phrase (--phrases=false: single words)")
	fl.BoolVar(&opts.HMM, "hmm", DefaultHMM, "segment with gse's HMM new-word detection")
	fl.StringArrayVar(&opts.Dicts, "dict", nil, "user dictionary, one `word [freq] [pos]` a line (repeatable)")
	return cmd
}

// docResult is what the workers hand back for one document: its name and
// its candidate terms (not its text, so that a corpus held for a second
// pass costs little memory).
type docResult struct {
	name  string
	terms *kw.Terms
}

func keywordsRun(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	exOpts, err := extractOptions(opts)
	if err != nil {
		return err
	}
	twoPass := opts.IDF == "corpus"
	if !twoPass {
		if exOpts.IDF, err = loadIDF(opts.IDF); err != nil {
			return err
		}
	}
	if err := cmdutil.LoadUserDicts(f, opts.Dicts); err != nil {
		return err
	}
	sg, err := opts.Segmenter()
	if err != nil {
		return err
	}
	disp, err := cmdutil.NewDisplay(opts.Global.Script)
	if err != nil {
		return err
	}
	out := newOutput(opts, disp)
	cutOpts := seg.Options{Mode: seg.Precise, HMM: opts.HMM, POS: true}

	work := func(ctx context.Context, d *corpus.Doc) (docResult, error) {
		toks, err := sg.Cut(d.Text, cutOpts)
		if err != nil {
			return docResult{}, fmt.Errorf("%s: %w", d.Name, err)
		}
		in := analysis.NewInput(d.Name, d.Text, d.Script.Kind, toks)
		return docResult{name: d.Name, terms: kw.Collect(in, exOpts)}, nil
	}
	warn := func(r docResult) {
		if !r.terms.Chinese && !r.terms.Empty && !opts.Global.Quiet {
			fmt.Fprintf(opts.IO.ErrOut, "zhpolicy: warning: %s: no Chinese text; no keywords\n", r.name)
		}
	}

	var kept []docResult // documents held for a second pass
	runErr := cmdutil.EachDoc(ctx, opts.Docs, opts.Paths, work, func(r docResult) error {
		warn(r)
		if twoPass {
			kept = append(kept, r)
			return nil
		}
		return out.add(r, exOpts)
	})
	var partial *cmdutil.PartialError
	if runErr != nil && !errors.As(runErr, &partial) {
		return runErr
	}
	if twoPass {
		df := kw.NewDocFreq()
		for _, r := range kept {
			df.Add(r.terms)
		}
		prior, err := idf.Default()
		if err != nil {
			return err
		}
		exOpts.IDF = df.IDF(prior)
		for _, r := range kept {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := out.add(r, exOpts); err != nil {
				return err
			}
		}
	}
	if err := out.finish(); err != nil {
		return err
	}
	return runErr
}

// extractOptions turns flags into library options, reading stopword files.
func extractOptions(opts *Options) (kw.Options, error) {
	method, _ := kw.ParseMethod(opts.Method)
	o := kw.Options{Method: method, MinLen: opts.MinLen, NoPhrases: !opts.Phrases}
	if len(opts.POS) > 0 {
		p, err := kw.NewPOSFilter(opts.POS)
		if err != nil {
			return o, cmdutil.FlagErrorf("invalid --pos: %v", err)
		}
		o.POS = p
	}
	stop := kw.BuiltinStopwords()
	for _, path := range opts.Stopwords {
		s, err := readStopwords(path)
		if err != nil {
			return o, err
		}
		stop = stop.Union(s)
	}
	o.Stopwords = stop
	return o, nil
}

func readStopwords(path string) (*kw.Stopwords, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("--stopwords %s: %w", path, unwrapPathError(err))
	}
	defer fh.Close()
	return kw.ParseStopwords(path, fh)
}

// loadIDF opens the built-in table or reads a file.
func loadIDF(spec string) (kw.IDF, error) {
	if spec == "builtin" {
		return idf.Default()
	}
	fh, err := os.Open(spec)
	if err != nil {
		return nil, fmt.Errorf("--idf %s: %w (use builtin, corpus or a file of `word idf` lines)", spec, unwrapPathError(err))
	}
	defer fh.Close()
	return kw.ParseIDF(spec, fh)
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// output gathers or streams results in the chosen format.
type output struct {
	opts   *Options
	disp   *cmdutil.Display
	format string
	jl     *report.JSONLines

	tables []report.Table  // markdown
	shown  int             // tables written (table format)
	rows   [][]string      // csv, tsv
	json   []keywordRecord // json
	corp   *kw.Corpus      // --corpus
}

func newOutput(opts *Options, disp *cmdutil.Display) *output {
	o := &output{opts: opts, disp: disp, format: opts.Global.Format}
	if o.format == "jsonl" {
		o.jl = report.NewJSONLines(opts.IO.Out)
	}
	if opts.Corpus {
		o.corp = kw.NewCorpus()
	}
	return o
}

type keywordRecord struct {
	File    string  `json:"file"`
	Rank    int     `json:"rank"`
	Keyword string  `json:"keyword"`
	Score   float64 `json:"score"`
	Count   int     `json:"count"`
}

type corpusRecord struct {
	Rank    int     `json:"rank"`
	Keyword string  `json:"keyword"`
	Docs    int     `json:"docs"`
	Count   int     `json:"count"`
	Score   float64 `json:"score"`
}

// docHeader and docAlign describe the per-document table.
func docHeader() []string { return []string{"rank", "keyword", "score", "count"} }
func docAlign() []report.Align {
	return []report.Align{report.Right, report.Left, report.Right, report.Right}
}

// add scores one document and writes or keeps its keywords.
func (o *output) add(r docResult, opts kw.Options) error {
	if o.corp != nil {
		o.corp.Add(r.terms, r.terms.Score(opts, 0))
		return nil
	}
	kws := r.terms.Score(opts, o.opts.Top)
	name := r.name
	switch o.format {
	case "jsonl":
		for i, k := range kws {
			if err := o.jl.Write(o.record(name, i, k)); err != nil {
				return err
			}
		}
	case "json":
		for i, k := range kws {
			o.json = append(o.json, o.record(name, i, k))
		}
	case "csv", "tsv":
		for i, k := range kws {
			o.rows = append(o.rows, []string{name, strconv.Itoa(i + 1), o.disp.Show(k.Key, k.Surface), report.FormatFloat(k.Score), strconv.Itoa(k.Count)})
		}
	default:
		t := report.Table{Title: name, Header: docHeader(), Align: docAlign()}
		for i, k := range kws {
			t.Rows = append(t.Rows, []string{strconv.Itoa(i + 1), o.disp.Show(k.Key, k.Surface), report.FormatFloat(k.Score), strconv.Itoa(k.Count)})
		}
		if len(kws) == 0 {
			t.Footer = "(no keywords)"
		}
		if o.format == "table" {
			// stream: a terminal user sees each document as it is done.
			if err := o.writeTable(t); err != nil {
				return err
			}
		} else {
			o.tables = append(o.tables, t)
		}
	}
	return nil
}

func (o *output) record(name string, i int, k kw.Keyword) keywordRecord {
	return keywordRecord{File: name, Rank: i + 1, Keyword: o.disp.Show(k.Key, k.Surface), Score: round(k.Score), Count: k.Count}
}

// writeTable prints one terminal table, a blank line between tables.
func (o *output) writeTable(t report.Table) error {
	if o.shown > 0 {
		if _, err := fmt.Fprintln(o.opts.IO.Out); err != nil {
			return err
		}
	}
	o.shown++
	return report.WriteTables(o.opts.IO.Out, "table", t)
}

func (o *output) finish() error {
	w := o.opts.IO.Out
	if o.corp != nil {
		return o.finishCorpus()
	}
	switch o.format {
	case "json":
		if o.json == nil {
			o.json = []keywordRecord{}
		}
		return report.WriteJSON(w, o.json)
	case "csv", "tsv":
		return report.WriteTables(w, o.format, report.Table{
			Header: append([]string{"file"}, docHeader()...), Rows: o.rows,
			Align: append([]report.Align{report.Left}, docAlign()...)})
	case "markdown":
		return report.WriteTables(w, o.format, o.tables...)
	}
	return nil
}

func (o *output) finishCorpus() error {
	w := o.opts.IO.Out
	ranking := o.corp.Ranking(o.opts.Top)
	switch o.format {
	case "json", "jsonl":
		recs := make([]corpusRecord, len(ranking))
		for i, k := range ranking {
			recs[i] = corpusRecord{Rank: i + 1, Keyword: o.disp.Show(k.Key, k.Surface), Docs: k.Docs, Count: k.Count, Score: round(k.Score)}
		}
		if o.format == "json" {
			return report.WriteJSON(w, recs)
		}
		for _, r := range recs {
			if err := o.jl.Write(r); err != nil {
				return err
			}
		}
		return nil
	}
	t := report.Table{
		Header: []string{"rank", "keyword", "docs", "count", "score"},
		Align:  []report.Align{report.Right, report.Left, report.Right, report.Right, report.Right},
	}
	if o.format == "table" || o.format == "markdown" {
		t.Title = fmt.Sprintf("Corpus keywords (%d documents)", o.corp.Docs())
	}
	for i, k := range ranking {
		t.Rows = append(t.Rows, []string{strconv.Itoa(i + 1), o.disp.Show(k.Key, k.Surface), strconv.Itoa(k.Docs),
			strconv.Itoa(k.Count), report.FormatFloat(k.Score)})
	}
	return report.WriteTables(w, o.format, t)
}

// round keeps six decimals in JSON: enough to order, short to read.
func round(x float64) float64 { return math.Round(x*1e6) / 1e6 }
