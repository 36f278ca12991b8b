// Package report implements `zhpolicy report`: one self-contained HTML file
// with the overview, keywords, formulations, their timeline, entities,
// word frequencies and a comparison, as charts with their tables.
package report

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	kw "zhpolicy/pkg/analysis/keywords"
	"zhpolicy/pkg/analysis/overview"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/htmlreport"
	"zhpolicy/pkg/input"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/reportpage"
	"zhpolicy/pkg/safewrite"
	seg "zhpolicy/pkg/segment"
	"zhpolicy/pkg/structure"
)

// Options are the settings of one report run.
type Options struct {
	IO      *iostreams.IOStreams
	Version string

	Paths      []string
	In         cmdutil.InputFlags
	Seg        cmdutil.SegFlags
	Script     string
	Output     string
	Title      string
	Top        int
	Cloud      int
	IDF        string // deprecated: --background
	Background string
	// CompareA and CompareB are the two sides of --compare ("" without it).
	CompareA, CompareB string
	Track              []string
	TimelineTop        int
	DateFromName       string

	compare *compareValue
}

// NewCmdReport returns the report command. runF, when not nil, replaces
// the run function (tests check flag parsing with it).
func NewCmdReport(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO, Version: f.Version}
	cmd := &cobra.Command{
		Use:   "report [path...] -o report.html",
		Short: "Write one HTML file with charts of the documents: keywords, formulations, timeline, entities",
		Long: `Write a report that opens in any browser, offline: one HTML file with
everything it needs inside (no network request, no file beside it), in
Chinese, readable on a laptop and a phone, to hand to colleagues who do not
use a command line.

Sections:
  概览 Overview      documents, characters, scripts, encodings, formats, the
                     length of each document, and the problems met while
                     reading (inputs skipped, decoding warnings, cleaning)
  关键词 Keywords    the corpus keywords as a bar chart and a word cloud
  提法 Formulations  the political formulations by kind, with counts
  时间线 Timeline    for dated documents (a year in the file name, or
                     --date-from-name), the top formulations year by year,
                     as counts and per 10,000 characters; --track adds
                     formulations of your choice (高质量发展,新质生产力)
  实体 Entities      people (with their titles), organisations, places ...
                     one table per type
  词频 Frequency     the most frequent words, with bars
  比较 Comparison    with --compare A B: the words that set A and B apart
                     (log-likelihood G², log ratio), and the words and
                     formulations only one of them uses

Every chart shows its numbers when hovered, has its table under it, and
every table can be downloaded as CSV.

Keywords are ranked as ` + "`zhpolicy keywords --corpus`" + ` and ` + "`zhpolicy analyze`" + ` rank
them: against the built-in policy background (--background builtin, the
default), so that what every policy document says ranks below what these
documents are about; --background corpus weighs words by the documents
given instead, --background none by the general table alone. Names of
places, organisations and people are left to the entities section. The
other sections count as ` + "`zhpolicy analyze`" + `, ` + "`slogans`" + `,
` + "`entities`" + `, ` + "`freq`" + ` and ` + "`compare`" + ` do. Terms are counted in Simplified script
and shown as the documents wrote them (--script auto; the page's own words
follow the script of most documents) or converted (--script s|t|tw|hk).

--compare A B takes two paths (documents or directories), written as
--compare A B, --compare A,B or --compare A --compare B. Without other
paths, the report covers A and B together.

Without -o the report goes to standard output when it is not a terminal.` + "\n\n" + cmdutil.WholeHelp,
		Example: `  zhpolicy report testdata/sample/ -o sample.html
  zhpolicy report testdata/sample/ -o sample.html --track 高质量发展,新质生产力
  zhpolicy report testdata/sample/ --compare testdata/sample/municipal_report.txt testdata/sample/city_plan.docx -o compare.html
  zhpolicy report --title "样例文件" --top 40 testdata/sample/ > sample.html`,
		RunE: func(c *cobra.Command, args []string) error {
			var err error
			if opts.CompareA, opts.CompareB, opts.Paths, err = opts.compare.resolve(args); err != nil {
				return err
			}
			if err := opts.In.Validate(); err != nil {
				return err
			}
			if opts.Top < 1 {
				return cmdutil.FlagErrorf("invalid --top %d: must be at least 1", opts.Top)
			}
			if opts.Cloud < 0 {
				return cmdutil.FlagErrorf("invalid --cloud %d: must be 0 (no word cloud) or more", opts.Cloud)
			}
			if opts.TimelineTop < 0 {
				return cmdutil.FlagErrorf("invalid --timeline-top %d: must be 0 or more", opts.TimelineTop)
			}
			if c.Flags().Changed("idf") && !c.Flags().Changed("background") {
				// --idf corpus|builtin, before the policy background
				opts.Background = map[string]string{"corpus": "corpus", "builtin": "none"}[opts.IDF]
				if opts.Background == "" {
					return cmdutil.FlagErrorf("invalid --idf %q: use --background builtin, corpus or none", opts.IDF)
				}
			}
			switch opts.Background {
			case "builtin", "corpus", "none":
			default:
				return cmdutil.FlagErrorf("invalid --background %q: use builtin, corpus or none", opts.Background)
			}
			if _, err := cmdutil.DateFinder(opts.DateFromName); err != nil {
				return err
			}
			if isStdinPath(opts.CompareA) || isStdinPath(opts.CompareB) {
				return cmdutil.FlagErrorf("--compare needs files or directories, not standard input")
			}
			if opts.Output == "" && opts.IO.IsStdoutTTY() {
				return cmdutil.FlagErrorf("give the file to write with -o report.html (or redirect standard output)")
			}
			if runF != nil {
				return runF(opts)
			}
			return reportRun(c.Context(), f, opts)
		},
	}
	cmdutil.AddInputFlags(cmd, &opts.In, true)
	cmdutil.AddSegFlags(cmd, &opts.Seg, seg.DefaultHMM)
	cmdutil.AddScriptFlag(cmd, &opts.Script)
	cmdutil.AddDateFlag(cmd, &opts.DateFromName, "auto", "the year of each document, for the timeline")
	fl := cmd.Flags()
	fl.StringVarP(&opts.Output, "output", "o", "", "HTML file to write (- or none: standard output, when it is not a terminal)")
	fl.StringVar(&opts.Title, "title", "", "title of the report (default: 政策文本分析报告 and the path)")
	fl.IntVarP(&opts.Top, "top", "k", 30, "items in each chart and table")
	fl.IntVar(&opts.Cloud, "cloud", 100, "words in the word cloud; 0 for none")
	fl.StringVar(&opts.Background, "background", "builtin", "what keywords stand out from: builtin (policy documents), corpus (the documents given) or none (the general table)")
	fl.StringVar(&opts.IDF, "idf", "", "replaced by --background (corpus: --background corpus; builtin: --background none)")
	_ = fl.MarkDeprecated("idf", "use --background builtin|corpus|none")
	opts.compare = &compareValue{fs: fl}
	fl.Var(opts.compare, "compare", "compare two paths: --compare A B (or A,B)")
	fl.StringSliceVar(&opts.Track, "track", nil, "formulations to follow on the timeline, comma-separated (besides the most frequent)")
	fl.IntVar(&opts.TimelineTop, "timeline-top", 8, "most frequent formulations on the timeline")
	return cmd
}

func isStdinPath(p string) bool { return p == "-" || p == "<stdin>" }

// compareValue is the --compare flag. It takes two paths: "--compare A,B",
// "--compare A --compare B", or "--compare A B", where B is the first
// positional argument after the flag: the flag notes how many positional
// arguments were parsed when it was set.
type compareValue struct {
	fs     *pflag.FlagSet
	values []string
	// at is the index among positional arguments of B, when B is to be
	// taken from them (-1: not).
	at  int
	set bool
}

func (v *compareValue) String() string { return strings.Join(v.values, ",") }
func (v *compareValue) Type() string   { return "A B" }

func (v *compareValue) Set(s string) error {
	parts := strings.Split(s, ",")
	if len(parts) > 2 || len(v.values)+len(parts) > 2 {
		return fmt.Errorf("--compare takes two paths, A and B")
	}
	for _, p := range parts {
		if strings.TrimSpace(p) == "" {
			return fmt.Errorf("--compare: empty path")
		}
	}
	if !v.set {
		v.at = -1
	}
	v.set = true
	v.values = append(v.values, parts...)
	if len(v.values) == 1 {
		v.at = v.fs.NArg()
	} else {
		v.at = -1
	}
	return nil
}

// resolve returns A, B and the remaining paths.
func (v *compareValue) resolve(args []string) (a, b string, paths []string, err error) {
	if v == nil || !v.set {
		return "", "", args, nil
	}
	vals := append([]string(nil), v.values...)
	paths = args
	if len(vals) == 1 {
		if v.at < 0 || v.at >= len(args) {
			return "", "", nil, cmdutil.FlagErrorf("--compare takes two paths: --compare A B")
		}
		vals = append(vals, args[v.at])
		paths = append(append([]string(nil), args[:v.at]...), args[v.at+1:]...)
	}
	return vals[0], vals[1], paths, nil
}

func reportRun(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	years, err := cmdutil.DateFinder(opts.DateFromName)
	if err != nil {
		return err
	}
	if err := checkOutput(opts.Output); err != nil {
		return err
	}
	an, err := overview.Default()
	if err != nil {
		return err
	}
	// keywords, whose background may be the corpus, are ranked apart, with
	// the options analyze and keywords use
	kwOpts := *an.Keywords
	kwOpts.NoVocabulary = opts.Background != "corpus"
	kwOpts.NewWords = opts.Seg.NewWords(f)
	an.Keywords = nil
	res := reportpage.New(an, opts.Background, opts.Track, opts.CompareA, opts.CompareB)
	comparing := opts.CompareA != ""

	// every file once, in the order given: the corpus, then the sides of
	// --compare
	corpusPaths := opts.Paths
	if len(corpusPaths) == 0 && comparing {
		corpusPaths = []string{opts.CompareA, opts.CompareB}
	}
	var srcs []input.Source
	var skipped []error
	seen := map[string]bool{}
	group := func(paths []string) (map[string]bool, error) {
		ss, sk, err := opts.In.Sources(f, paths)
		if err != nil {
			return nil, err
		}
		keys := map[string]bool{}
		skipped = append(skipped, sk...)
		for _, s := range ss {
			k := pathKey(s.Path)
			keys[k] = true
			if !seen[k] {
				seen[k] = true
				srcs = append(srcs, s)
			}
		}
		return keys, nil
	}
	inCorpus, err := group(corpusPaths)
	if err != nil {
		return err
	}
	var inA, inB map[string]bool
	if comparing {
		if inA, err = group([]string{opts.CompareA}); err != nil {
			return err
		}
		if inB, err = group([]string{opts.CompareB}); err != nil {
			return err
		}
	}
	for _, e := range skipped {
		res.Skipped(e.Error())
	}
	if len(srcs) == 0 {
		if len(skipped) > 0 {
			for _, e := range skipped {
				fmt.Fprintf(opts.IO.ErrOut, "zhpolicy: %s\n", cmdutil.Sanitize(e.Error()))
			}
			return cmdutil.Exit(corpus.Outcome{Skipped: skipped}, 0)
		}
		return errors.New("no document found in the paths given")
	}
	if err := opts.Seg.Load(f); err != nil {
		return err
	}
	track := res.Track()
	docs := cmdutil.Docs{F: f, In: &opts.In, Label: "report", Expanded: true, Sources: srcs, Skipped: skipped,
		Cut: &seg.Options{Mode: seg.Precise, HMM: opts.Seg.HMM, POS: true}}
	out, err := cmdutil.RunDocs(ctx, docs, nil,
		func(ctx context.Context, d *corpus.Doc) (reportpage.DocResult, error) {
			key := pathKey(d.Name)
			r := reportpage.DocResult{Doc: d,
				Summary: overview.Analyze(d.In, overview.Doc{Encoding: d.Encoding, Format: d.Format, Size: d.Size, Script: d.Script.Kind.String()}, an)}
			r.Structure = d.Structure()
			if inCorpus[key] {
				r.Terms = kw.CollectParsed(d.In, kwOpts, r.Structure)
				r.Changes = map[string]int64{}
				for _, c := range d.Changes() {
					r.Changes[string(c.Kind)]++
				}
				r.Tracked = reportpage.TrackedCounts(r.Summary.Words, track)
			}
			for _, w := range d.Warnings {
				r.Warnings = append(r.Warnings, w.Message)
			}
			r.Meta = structure.MetaOf(r.Structure, d.Name, structure.MetaOptions{})
			d.In = nil // the report keeps counts, not texts
			return r, nil
		},
		func(d *corpus.Doc, r reportpage.DocResult) error {
			key := pathKey(d.Name)
			res.AddSides(r.Summary, inA[key], inB[key])
			if inCorpus[key] {
				res.Add(r, years)
			}
			return nil
		})
	if err != nil {
		return err
	}
	for _, e := range out.Skipped[len(skipped):] {
		res.Skipped(e.Error())
	}
	if err := res.RankKeywords(kwOpts, opts.Background); err != nil {
		return err
	}
	if res.Docs() == 0 {
		return errors.New("no document could be read; nothing to report")
	}
	page, err := reportpage.Build(res, &reportpage.Options{Title: opts.Title, Paths: opts.Paths, Script: opts.Script,
		Version: opts.Version, Top: opts.Top, Cloud: opts.Cloud, CompareA: opts.CompareA, CompareB: opts.CompareB,
		TimelineTop: opts.TimelineTop})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := htmlreport.Render(&buf, page); err != nil {
		return err
	}
	if opts.Output == "" || opts.Output == "-" {
		if _, err := opts.IO.Out.Write(buf.Bytes()); err != nil {
			return err
		}
	} else {
		if err := outputIsDir(opts.Output); err != nil {
			return err // made a directory while the corpus was read
		}
		err := safewrite.Create(ctx, opts.Output, func(w io.Writer) error {
			_, err := w.Write(buf.Bytes())
			return err
		})
		if err != nil {
			return fmt.Errorf("-o %w", err)
		}
		if !opts.IO.Quiet() {
			fmt.Fprintf(opts.IO.ErrOut, "zhpolicy: wrote %s (%s, %d documents)\n", opts.Output, report.Size(int64(buf.Len())), res.Docs())
		}
	}
	return cmdutil.Exit(out, 0)
}

// pathKey identifies a file whatever way it was named.
func pathKey(p string) string {
	if isStdinPath(p) {
		return "-"
	}
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return filepath.Clean(p)
}

// checkOutput tells whether the report can be written to path (-o), before
// the corpus is read: a directory gets a hint, a directory that does not
// exist or cannot be written is named at once.
func checkOutput(path string) error {
	if path == "" || path == "-" {
		return nil
	}
	if err := outputIsDir(path); err != nil {
		return err
	}
	if err := safewrite.Check(path); err != nil {
		return fmt.Errorf("-o %w", err)
	}
	return nil
}

// outputIsDir refuses a directory given as -o, with the file name to give.
func outputIsDir(path string) error {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return fmt.Errorf("-o %s: is a directory; give a file name such as %s", path, filepath.Join(path, "report.html"))
	}
	return nil
}
