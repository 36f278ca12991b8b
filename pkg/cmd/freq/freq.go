// Package freq implements `zhpolicy freq`.
package freq

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/analysis/freq"
	"zhpolicy/pkg/cmd/freq/shared"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/report"
	seg "zhpolicy/pkg/segment"
)

// Options are the settings of one freq run.
type Options struct {
	IO        *iostreams.IOStreams
	Global    *cmdutil.GlobalOptions
	Segmenter func() (*seg.Segmenter, error)
	Docs      *cmdutil.DocSource
	Version   string

	Paths    []string
	Count    shared.CountFlags
	Top      int
	MinCount int
	By       string // "" (corpus) or "doc"
	Emit     string // report or partial
}

// NewCmdFreq returns the freq command. runF, when not nil, replaces the run
// function (tests check flag parsing with it).
func NewCmdFreq(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO, Global: f.Global, Segmenter: f.Segmenter, Docs: cmdutil.NewDocSource(f), Version: f.Version}
	cmd := &cobra.Command{
		Use:   "freq [path...]",
		Short: "Count words, word n-grams or characters over documents",
		Long: `Count the words of all documents together: each term with its count, its
share of all words counted, and the number of documents it occurs in (docs),
most frequent first.

Words are counted in Simplified script, so Traditional and Simplified
documents count together; a term is shown in the form the documents wrote
most often (--script auto) or converted (--script s|t|tw|hk). Punctuation is
never counted. --chars counts characters instead of words; --ngram N counts
sequences of N adjacent words (or characters), never across punctuation or
a line break. --min-len, --han, --pos and --stopwords leave words out (an
n-gram is counted only when all its words pass).

--by doc prints a document × term matrix instead: one row per document, one
column per term (the --top most frequent of the corpus), plus the number of
units counted in the document (total) — a wide CSV for spreadsheets, R or
pandas.

--emit partial writes the counts as a partial file (JSON Lines) instead of
a report; ` + "`zhpolicy merge`" + ` adds partials of separate runs into the report
one run over all documents would give: split a corpus that outgrows one
machine into shards, count each anywhere, merge at the end.`,
		Example: `  zhpolicy freq reports/
  zhpolicy freq --top 50 --min-len 2 --stopwords builtin reports/
  zhpolicy freq --ngram 2 --han --top 30 report.txt
  zhpolicy freq --chars --top 0 --format csv reports/ > chars.csv
  zhpolicy freq --by doc --top 100 --format csv reports/ > dtm.csv
  zhpolicy freq --emit partial shard1/ > shard1.jsonl && zhpolicy merge shard*.jsonl`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			if err := cmdutil.ValidateFormat(opts.Global.Format, cmdutil.Formats); err != nil {
				return err
			}
			if err := opts.Count.Validate(); err != nil {
				return err
			}
			if err := cmdutil.CheckTop(opts.Top); err != nil {
				return err
			}
			if err := cmdutil.CheckMinCount(opts.MinCount); err != nil {
				return err
			}
			switch opts.By {
			case "", "corpus", "doc":
			default:
				return cmdutil.FlagErrorf("invalid --by %q: use doc (one row per document) or corpus", opts.By)
			}
			switch opts.Emit {
			case "report", "partial":
			default:
				return cmdutil.FlagErrorf("invalid --emit %q: use report or partial", opts.Emit)
			}
			if opts.Emit == "partial" && opts.By == "doc" {
				return cmdutil.FlagErrorf("--by doc cannot be emitted as a partial: partials hold corpus counts; run --by doc on each shard instead")
			}
			if runF != nil {
				return runF(opts)
			}
			return freqRun(c.Context(), f, opts)
		},
	}
	opts.Count.Add(cmd, 1, false)
	fl := cmd.Flags()
	fl.IntVarP(&opts.Top, "top", "k", 20, "terms shown (columns with --by doc); 0 for all")
	fl.IntVar(&opts.MinCount, "min-count", 1, "leave out terms counted fewer times in all documents")
	fl.StringVar(&opts.By, "by", "", "doc: a document × term matrix, one row per document")
	fl.StringVar(&opts.Emit, "emit", "report", "report, or partial: mergeable counts (JSON Lines) for `zhpolicy merge`")
	return cmd
}

// DocCounts are the counts of one document.
type DocCounts struct {
	Name   string
	Counts *freq.Counts
}

func freqRun(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	counting, err := opts.Count.Resolve(!opts.Global.NoClean)
	if err != nil {
		return err
	}
	if counting.NeedsCut {
		if err := cmdutil.LoadUserDicts(f, opts.Count.Dicts); err != nil {
			return err
		}
		shared.HintSize(f, opts.Docs, opts.Paths)
	}
	disp, err := cmdutil.NewDisplay(opts.Global.Script)
	if err != nil {
		return err
	}
	total, perDoc, runErr := Count(ctx, opts.IO, opts.Global, opts.Docs, opts.Segmenter, counting, opts.Paths, opts.By == "doc", "freq")
	var partial *cmdutil.PartialError
	if runErr != nil && !errors.As(runErr, &partial) {
		return runErr
	}
	out := opts.IO.Out
	switch {
	case opts.Emit == "partial":
		err = freq.WritePartial(out, freq.Header{Envelope: freq.Envelope{Tool: opts.Version}, Settings: counting.Settings}, total)
	case opts.By == "doc":
		err = writeMatrix(out, opts.Global.Format, disp, total, perDoc, int64(opts.MinCount), opts.Top)
	default:
		err = Write(out, opts.IO, opts.Global.Format, disp, counting.Settings, total, int64(opts.MinCount), opts.Top)
	}
	if err != nil {
		return err
	}
	return runErr
}

// Count counts the documents named by paths on --jobs workers and returns
// the corpus totals and, when perDoc is set, the counts of every document
// in input order. Errors from unreadable inputs are returned as
// cmdutil.EachDoc does, with the totals of the others.
func Count(ctx context.Context, ios *iostreams.IOStreams, g *cmdutil.GlobalOptions, ds *cmdutil.DocSource,
	segmenter func() (*seg.Segmenter, error), counting *shared.Counting, paths []string, perDoc bool, verb string) (*freq.Counts, []DocCounts, error) {
	var sg *seg.Segmenter
	if counting.NeedsCut {
		var err error
		if sg, err = segmenter(); err != nil {
			return nil, nil, err
		}
	}
	progress := shared.NewProgress(ios, g, ds, verb, paths, false)
	total := freq.New()
	var docs []DocCounts
	err := cmdutil.EachDoc(ctx, ds, paths,
		func(ctx context.Context, d *corpus.Doc) (DocCounts, error) {
			var toks []seg.Token
			if sg != nil {
				var err error
				if toks, err = sg.Cut(d.Text, counting.Cut); err != nil {
					return DocCounts{}, fmt.Errorf("%s: %w", d.Name, err)
				}
			}
			in := analysis.NewInput(d.Name, d.Text, d.Script.Kind, toks)
			return DocCounts{Name: d.Name, Counts: freq.Count(in, counting.Opts)}, nil
		},
		func(r DocCounts) error {
			progress.Step()
			total.Merge(r.Counts)
			if perDoc {
				docs = append(docs, r)
			}
			return nil
		})
	progress.Done()
	return total, docs, err
}

// Write prints a frequency report of counts: a table (with a bar column on
// a terminal), CSV, TSV, Markdown, JSON or JSON Lines.
func Write(w io.Writer, ios *iostreams.IOStreams, format string, disp *cmdutil.Display, s freq.Settings,
	c *freq.Counts, minCount int64, top int) error {
	terms := c.Terms(minCount, top)
	switch format {
	case "json", "jsonl":
		recs := make([]termRecord, len(terms))
		for i, t := range terms {
			recs[i] = termRecord{Rank: i + 1, Term: disp.Show(t.Key, t.Surface), Count: t.Count, Share: round(t.Share), Docs: t.Docs}
		}
		if format == "jsonl" {
			jl := report.NewJSONLines(w)
			for _, r := range recs {
				if err := jl.Write(r); err != nil {
					return err
				}
			}
			return nil
		}
		return report.WriteJSON(w, jsonReport{Unit: shared.UnitName(s), Documents: c.Docs, Units: c.Units, Distinct: c.Len(), Terms: recs})
	}
	bar := format == "table" && ios.IsStdoutTTY()
	t := report.Table{Header: []string{"rank", "term", "count", "share", "docs"},
		Align: []report.Align{report.Right, report.Left, report.Right, report.Right, report.Right}}
	if format == "table" || format == "markdown" {
		t.Title = fmt.Sprintf("%s: %s counted, %s distinct, in %s", capitalize(shared.UnitName(s)),
			Thousands(c.Units), Thousands(int64(c.Len())), plural(c.Docs, "document"))
	}
	if bar {
		t.Header = append(t.Header, "")
		t.Align = append(t.Align, report.Left)
	}
	var maxCount int64
	if len(terms) > 0 {
		maxCount = terms[0].Count
	}
	for i, term := range terms {
		share := fmt.Sprintf("%.2f%%", 100*term.Share)
		if format == "csv" || format == "tsv" {
			share = strconv.FormatFloat(round(term.Share), 'f', -1, 64)
		}
		row := []string{strconv.Itoa(i + 1), disp.Show(term.Key, term.Surface), strconv.FormatInt(term.Count, 10), share, strconv.FormatInt(term.Docs, 10)}
		if bar {
			row = append(row, Bar(term.Count, maxCount, 20))
		}
		t.Rows = append(t.Rows, row)
	}
	if len(terms) == 0 && format == "table" {
		t.Footer = "(nothing counted)"
	}
	return report.WriteTables(w, format, t)
}

type termRecord struct {
	Rank  int     `json:"rank"`
	Term  string  `json:"term"`
	Count int64   `json:"count"`
	Share float64 `json:"share"`
	Docs  int64   `json:"docs"`
}

type jsonReport struct {
	Unit      string       `json:"unit"`
	Documents int64        `json:"documents"`
	Units     int64        `json:"units"`
	Distinct  int          `json:"distinct"`
	Terms     []termRecord `json:"terms"`
}

// writeMatrix prints the document × term matrix.
func writeMatrix(w io.Writer, format string, disp *cmdutil.Display, total *freq.Counts, docs []DocCounts, minCount int64, top int) error {
	terms := total.Terms(minCount, top)
	header := []string{"file", "total"}
	for _, t := range terms {
		header = append(header, disp.Show(t.Key, t.Surface))
	}
	switch format {
	case "json", "jsonl":
		recs := make([]matrixRecord, len(docs))
		for i, d := range docs {
			recs[i] = matrixRecord{File: d.Name, Total: d.Counts.Units, Counts: make([]int64, len(terms))}
			for j, t := range terms {
				recs[i].Counts[j] = d.Counts.Get(t.Key).Count
			}
		}
		if format == "jsonl" {
			jl := report.NewJSONLines(w)
			for _, r := range recs {
				m := matrixLine{File: r.File, Total: r.Total, Counts: make(map[string]int64, len(terms))}
				for j, n := range r.Counts {
					if n > 0 {
						m.Counts[header[j+2]] = n
					}
				}
				if err := jl.Write(m); err != nil {
					return err
				}
			}
			return nil
		}
		return report.WriteJSON(w, struct {
			Terms     []string       `json:"terms"`
			Documents []matrixRecord `json:"documents"`
		}{header[2:], recs})
	}
	t := report.Table{Header: header, Align: []report.Align{report.Left}}
	for range header[1:] {
		t.Align = append(t.Align, report.Right)
	}
	for _, d := range docs {
		row := []string{d.Name, strconv.FormatInt(d.Counts.Units, 10)}
		for _, term := range terms {
			row = append(row, strconv.FormatInt(d.Counts.Get(term.Key).Count, 10))
		}
		t.Rows = append(t.Rows, row)
	}
	return report.WriteTables(w, format, t)
}

type matrixRecord struct {
	File   string  `json:"file"`
	Total  int64   `json:"total"`
	Counts []int64 `json:"counts"`
}

type matrixLine struct {
	File   string           `json:"file"`
	Total  int64            `json:"total"`
	Counts map[string]int64 `json:"counts"`
}

// Bar draws n against max as a bar of at most width cells, in eighths.
func Bar(n, top int64, width int) string {
	if top <= 0 || n <= 0 {
		return ""
	}
	eighths := int(math.Round(float64(n) / float64(top) * float64(width*8)))
	eighths = min(max(eighths, 1), width*8)
	var b strings.Builder
	b.WriteString(strings.Repeat("█", eighths/8))
	if r := eighths % 8; r > 0 {
		b.WriteRune([]rune("▏▎▍▌▋▊▉")[r-1])
	}
	return b.String()
}

// Thousands formats n with thousands separators.
func Thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func plural(n int64, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return Thousands(n) + " " + what + "s"
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// round keeps six decimals in JSON and CSV shares.
func round(x float64) float64 { return math.Round(x*1e6) / 1e6 }
