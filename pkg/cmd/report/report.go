// Package report implements `zhpolicy report`: one self-contained HTML file
// with the overview, keywords, formulations, their timeline, entities,
// word frequencies and a comparison, as charts with their tables.
package report

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/htmlreport"
	"zhpolicy/pkg/iostreams"
	seg "zhpolicy/pkg/segment"
)

// Options are the settings of one report run.
type Options struct {
	IO        *iostreams.IOStreams
	Global    *cmdutil.GlobalOptions
	Segmenter func() (*seg.Segmenter, error)
	Version   string

	Paths  []string
	Output string
	Title  string
	Top    int
	Cloud  int
	IDF    string
	// CompareA and CompareB are the two sides of --compare ("" without it).
	CompareA, CompareB string
	Track              []string
	TimelineTop        int
	DateFromName       string
	HMM                bool
	Dicts              []string

	compare *compareValue
}

// NewCmdReport returns the report command. runF, when not nil, replaces
// the run function (tests check flag parsing with it).
func NewCmdReport(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO, Global: f.Global, Segmenter: f.Segmenter, Version: f.Version}
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

Keywords are scored as ` + "`zhpolicy keywords --corpus`" + ` does; --idf corpus (the
default) computes inverse document frequencies over the documents given,
so that the words every document uses rank low; --idf builtin uses the
built-in table. The other sections count as ` + "`zhpolicy analyze`" + `, ` + "`slogans`" + `,
` + "`entities`" + `, ` + "`freq`" + ` and ` + "`compare`" + ` do. Terms are counted in Simplified script
and shown as the documents wrote them (--script auto; the page's own words
follow the script of most documents) or converted (--script s|t|tw|hk).

--compare A B takes two paths (documents or directories), written as
--compare A B, --compare A,B or --compare A --compare B. Without other
paths, the report covers A and B together.

Without -o the report goes to standard output when it is not a terminal.`,
		Example: `  zhpolicy report testdata/sample/ -o sample.html
  zhpolicy report gwr/ -o gwr.html --track 高质量发展,新质生产力
  zhpolicy report gwr/ --compare gwr/2025.txt gwr/2015.txt -o gwr.html
  zhpolicy report --title "2024年各省政府工作报告" --top 40 provinces/ > provinces.html`,
		RunE: func(c *cobra.Command, args []string) error {
			var err error
			if opts.CompareA, opts.CompareB, opts.Paths, err = opts.compare.resolve(args); err != nil {
				return err
			}
			switch opts.Global.Format {
			case "table", "html":
			default:
				return cmdutil.FlagErrorf("invalid --format %q: report writes HTML (use analyze, keywords … for tables)", opts.Global.Format)
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
			switch opts.IDF {
			case "builtin", "corpus":
			default:
				return cmdutil.FlagErrorf("invalid --idf %q: use corpus or builtin", opts.IDF)
			}
			if opts.DateFromName != "" {
				if _, err := yearPattern(opts.DateFromName); err != nil {
					return cmdutil.FlagErrorf("invalid --date-from-name: %v", err)
				}
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
	fl := cmd.Flags()
	fl.StringVarP(&opts.Output, "output", "o", "", "HTML file to write (- or none: standard output, when it is not a terminal)")
	fl.StringVar(&opts.Title, "title", "", "title of the report (default: 政策文本分析报告 and the path)")
	fl.IntVarP(&opts.Top, "top", "k", 30, "items in each chart and table")
	fl.IntVar(&opts.Cloud, "cloud", 100, "words in the word cloud; 0 for none")
	fl.StringVar(&opts.IDF, "idf", "corpus", "keyword IDF: corpus (from the documents given) or builtin")
	opts.compare = &compareValue{fs: fl}
	fl.Var(opts.compare, "compare", "compare two paths: --compare A B (or A,B)")
	fl.StringSliceVar(&opts.Track, "track", nil, "formulations to follow on the timeline, comma-separated (besides the most frequent)")
	fl.IntVar(&opts.TimelineTop, "timeline-top", 8, "most frequent formulations on the timeline")
	fl.StringVar(&opts.DateFromName, "date-from-name", "", "`regexp` finding the year in a file name: its first group (or the match) is the year (default: a year 1900–2099 standing alone)")
	fl.BoolVar(&opts.HMM, "hmm", seg.DefaultHMM, "segment with gse's HMM new-word detection")
	fl.StringArrayVar(&opts.Dicts, "dict", nil, "user dictionary, one `word [freq] [pos]` a line (repeatable)")
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

// yearPattern compiles a --date-from-name expression: its first group (or,
// without a group, the whole match) is read as the year.
func yearPattern(expr string) (*regexp.Regexp, error) {
	return regexp.Compile(expr)
}

func reportRun(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	res, runErr := collect(ctx, f, opts)
	var partial *cmdutil.PartialError
	if runErr != nil && !errors.As(runErr, &partial) {
		return runErr
	}
	if res.corpus.Docs == 0 {
		return errors.New("no document could be read; nothing to report")
	}
	page, err := build(res, opts)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := htmlreport.Render(&buf, page); err != nil {
		return err
	}
	if err := writeOutput(opts, buf.Bytes()); err != nil {
		return err
	}
	if opts.Output != "" && opts.Output != "-" && !opts.Global.Quiet {
		fmt.Fprintf(opts.IO.ErrOut, "zhpolicy: wrote %s (%s, %d documents)\n", opts.Output, sizeString(int64(buf.Len())), res.corpus.Docs)
	}
	return runErr
}

// writeOutput writes the report to -o (through a temporary file renamed
// into place, so that a failed run leaves no half-written file) or to
// standard output.
func writeOutput(opts *Options, b []byte) error {
	if opts.Output == "" || opts.Output == "-" {
		_, err := opts.IO.Out.Write(b)
		return err
	}
	dir := filepath.Dir(opts.Output)
	if st, err := os.Stat(opts.Output); err == nil && st.IsDir() {
		return fmt.Errorf("-o %s: is a directory; give a file name such as %s", opts.Output, filepath.Join(opts.Output, "report.html"))
	}
	tmp, err := os.CreateTemp(dir, ".zhpolicy-report-*.html")
	if err != nil {
		return fmt.Errorf("-o %s: %w", opts.Output, unwrapPathError(err))
	}
	name := tmp.Name()
	_, werr := tmp.Write(b)
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(name, 0o644)
	}
	if werr == nil {
		werr = os.Rename(name, opts.Output)
	}
	if werr != nil {
		os.Remove(name)
		return fmt.Errorf("-o %s: %w", opts.Output, unwrapPathError(werr))
	}
	return nil
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// sizeString shows a byte count in B, kB or MB (powers of 1000).
func sizeString(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	case n < 1000*1000*1000:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%.2f GB", float64(n)/1e9)
}
