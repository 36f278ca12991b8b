// Package keywords implements `zhpolicy keywords`.
package keywords

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	kw "zhpolicy/pkg/analysis/keywords"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/idf"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/script"
	seg "zhpolicy/pkg/segment"
)

// DefaultHMM is whether keywords segments with gse's HMM new-word
// detection: on, because it finds the terms the dictionary lacks (measured
// on the keyword benchmark, bench/RESULTS.md).
const DefaultHMM = true

// Options are the settings of one keywords run.
type Options struct {
	IO *iostreams.IOStreams

	Paths     []string
	In        cmdutil.InputFlags
	Seg       cmdutil.SegFlags
	Format    string
	Script    string
	Top       int
	Method    string
	IDF       string // builtin, corpus or a file
	POS       []string
	Stopwords []string
	MinLen    int
	Corpus    bool
	Phrases   bool
}

// NewCmdKeywords returns the keywords command. runF, when not nil, replaces
// the run function (tests check flag parsing with it).
func NewCmdKeywords(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "keywords [path...]",
		Short: "Rank the keywords of each document and of the whole corpus",
		Long: `Rank the keywords of each document, or with --corpus of all documents together.

Keywords are nouns, verbal nouns, place and organisation names and idioms
(--pos), at least two characters long (--min-len), never punctuation,
numbers, pinyin or the words every policy text uses (a built-in stopword
list, extended with --stopwords). Adjacent words that a document repeats
together are ranked as one key phrase (医药高新区, 巡视整改); --phrases=false
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
score (mean over all documents, 0 where the term is absent). CSV, TSV and
JSON Lines give one row per document and keyword, with the file; JSON one
object per document with its keywords.

Memory: documents are read one at a time; with --idf corpus the candidate
terms of every document (not its text) are kept for the second pass.`,
		Example: `  zhpolicy keywords testdata/sample/municipal_report.txt
  zhpolicy keywords --top 10 --format csv testdata/sample/ > keywords.csv
  zhpolicy keywords --idf corpus --top 10 testdata/sample/
  zhpolicy keywords --corpus --idf corpus --top 50 testdata/sample/
  zhpolicy keywords --method textrank --pos n,nz,vn testdata/sample/city_plan.docx`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			if err := opts.In.Validate(); err != nil {
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
	cmdutil.AddInputFlags(cmd, &opts.In, true)
	cmdutil.AddSegFlags(cmd, &opts.Seg, DefaultHMM)
	cmdutil.AddFormatFlag(cmd, &opts.Format, report.Formats...)
	cmdutil.AddScriptFlag(cmd, &opts.Script)
	cmdutil.AddTopFlag(cmd, &opts.Top, 20, "keywords per document (or in the corpus ranking)")
	fl := cmd.Flags()
	fl.StringVar(&opts.Method, "method", "tfidf", "scoring: tfidf, textrank or both")
	fl.StringVar(&opts.IDF, "idf", "builtin", "inverse document frequencies: builtin, corpus (from the documents given) or a file of `word idf` lines")
	fl.StringSliceVar(&opts.POS, "pos", nil, "parts of speech allowed (gse tags, comma-separated; n* for all n…; all); default "+strings.Join(kw.DefaultPOS(), ","))
	fl.StringArrayVar(&opts.Stopwords, "stopwords", nil, "file of more stopwords, one a line (repeatable)")
	fl.IntVar(&opts.MinLen, "min-len", 2, "shortest keyword, in characters")
	fl.BoolVar(&opts.Corpus, "corpus", false, "print one ranking for all documents together instead of one per document")
	fl.BoolVar(&opts.Phrases, "phrases", true, "rank the word sequences a document repeats as one key phrase (--phrases=false: single words)")
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
	if err := opts.Seg.Load(f); err != nil {
		return err
	}
	disp, err := script.NewDisplay(opts.Script)
	if err != nil {
		return err
	}
	out, err := newOutput(opts, disp)
	if err != nil {
		return err
	}
	docs := cmdutil.Docs{F: f, In: &opts.In, Label: "keywords", StreamsOutput: !twoPass && !opts.Corpus,
		Cut: &seg.Options{Mode: seg.Precise, HMM: opts.Seg.HMM, POS: true}}
	var kept []docResult // documents held for a second pass
	res, runErr := cmdutil.RunDocs(ctx, docs, opts.Paths,
		func(ctx context.Context, d *corpus.Doc) (docResult, error) {
			return docResult{name: d.Name, terms: kw.Collect(d.In, exOpts)}, nil
		},
		func(_ *corpus.Doc, r docResult) error {
			if !r.terms.Chinese && !r.terms.Empty {
				cmdutil.Warnf(opts.IO, "%s: no Chinese text; no keywords", r.name)
			}
			if twoPass {
				kept = append(kept, r)
				return nil
			}
			return out.add(r, exOpts)
		})
	if runErr != nil {
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
	return cmdutil.Exit(res, 0)
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
		return nil, fmt.Errorf("--stopwords %s: %w", path, cmdutil.PathErr(err))
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
		return nil, fmt.Errorf("--idf %s: %w (use builtin, corpus or a file of `word idf` lines)", spec, cmdutil.PathErr(err))
	}
	defer fh.Close()
	return kw.ParseIDF(spec, fh)
}

// output writes the keywords in the chosen format: per document as each
// is done, or the corpus ranking at the end.
type output struct {
	opts *Options
	disp *script.Display
	w    *report.Writer
	corp *kw.Corpus // --corpus
}

func newOutput(opts *Options, disp *script.Display) (*output, error) {
	w, err := report.NewWriter(opts.IO.Out, opts.Format, report.Options{TTY: opts.IO.IsStdoutTTY()})
	if err != nil {
		return nil, err
	}
	o := &output{opts: opts, disp: disp, w: w}
	if opts.Corpus {
		o.corp = kw.NewCorpus()
	}
	return o, nil
}

var docColumns = []report.Column{{Name: "rank", Align: report.Right}, {Name: "keyword"},
	{Name: "score", Align: report.Right}, {Name: "count", Align: report.Right}}

// add scores one document and writes or keeps its keywords.
func (o *output) add(r docResult, opts kw.Options) error {
	if o.corp != nil {
		o.corp.Add(r.terms, r.terms.Score(opts, 0))
		return nil
	}
	kws := r.terms.Score(opts, o.opts.Top)
	t := &report.Table{Name: "keywords", Title: r.name, Group: []report.KV{{Key: "file", Value: r.name}},
		Columns: docColumns, Empty: "(no keywords)"}
	for i, k := range kws {
		t.Rows = append(t.Rows, []any{i + 1, o.disp.Show(k.Key, k.Surface), report.Score(k.Score), k.Count})
	}
	return o.w.Table(t)
}

func (o *output) finish() error {
	if o.corp != nil {
		ranking := o.corp.Ranking(o.opts.Top)
		t := &report.Table{Name: "keywords", Title: fmt.Sprintf("Corpus keywords (%d documents)", o.corp.Docs()),
			Columns: []report.Column{{Name: "rank", Align: report.Right}, {Name: "keyword"}, {Name: "docs", Align: report.Right},
				{Name: "count", Align: report.Right}, {Name: "score", Align: report.Right}}}
		for i, k := range ranking {
			t.Rows = append(t.Rows, []any{i + 1, o.disp.Show(k.Key, k.Surface), k.Docs, k.Count, report.Score(k.Score)})
		}
		if err := o.w.Table(t); err != nil {
			return err
		}
	}
	return o.w.Close()
}
