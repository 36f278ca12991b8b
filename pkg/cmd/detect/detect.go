// Package detect implements `zhpolicy detect`.
package detect

import (
	"context"
	"strconv"

	"github.com/spf13/cobra"

	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/normalize"
	"zhpolicy/pkg/report"
)

// Options are the settings of one detect run.
type Options struct {
	IO     *iostreams.IOStreams
	Global *cmdutil.GlobalOptions
	Docs   *cmdutil.DocSource

	Paths []string
}

// NewCmdDetect returns the detect command. runF, when not nil, replaces the
// run function (tests check flag parsing with it).
func NewCmdDetect(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO, Global: f.Global, Docs: cmdutil.NewDocSource(f)}
	cmd := &cobra.Command{
		Use:   "detect [path...]",
		Short: "Tell the encoding, script and pinyin annotations of each document",
		Long: `For each document, print its encoding, format and script: simplified,
traditional, mixed or unknown, with the number of Han characters and the
share of them that only Simplified text uses (发, 国) and that only
Traditional text uses (發, 國) — characters such as 后 or 中 count for
neither. A document is mixed when the minority script has at least 10% of the
script-specific characters, unknown when it has none. The last column tells
whether the text carries pinyin annotations (會(huì)), as left by converter
web pages; ` + "`zhpolicy clean`" + ` removes them.`,
		Example: `  zhpolicy detect docs/
  zhpolicy detect --format json report.txt`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			if err := cmdutil.ValidateFormat(opts.Global.Format, cmdutil.Formats); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return detectRun(c.Context(), opts)
		},
	}
	return cmd
}

// Result is what detect reports about one document.
type Result struct {
	File        string  `json:"file"`
	Encoding    string  `json:"encoding"`
	Format      string  `json:"format"`
	Script      string  `json:"script"`
	Han         int     `json:"han"`
	SimpOnly    int     `json:"simplified_only"`
	TradOnly    int     `json:"traditional_only"`
	SimpShare   float64 `json:"simplified_share"`
	TradShare   float64 `json:"traditional_share"`
	Pinyin      bool    `json:"pinyin"`
	Annotations int     `json:"pinyin_annotations"`
}

// Inspect builds the Result of a prepared (uncleaned) document.
func Inspect(d *corpus.Doc) Result {
	n := 0
	for _, c := range normalize.Clean(d.Original, normalize.Options{Pinyin: true}).Changes {
		if c.Kind == normalize.ChangePinyin {
			n++
		}
	}
	s := d.Script
	return Result{File: d.Name, Encoding: d.Encoding, Format: d.Format, Script: s.Kind.String(),
		Han: s.Han, SimpOnly: s.SimpOnly, TradOnly: s.TradOnly, SimpShare: s.SimpShare, TradShare: s.TradShare,
		Pinyin: n > 0, Annotations: n}
}

func detectRun(ctx context.Context, opts *Options) error {
	opts.Docs.Clean = false // the script of the text as it is
	format := opts.Global.Format
	jl := report.NewJSONLines(opts.IO.Out)
	var results []Result
	err := cmdutil.EachDoc(ctx, opts.Docs, opts.Paths,
		func(_ context.Context, d *corpus.Doc) (Result, error) { return Inspect(d), nil },
		func(r Result) error {
			if format == "jsonl" {
				return jl.Write(r)
			}
			results = append(results, r)
			return nil
		})
	var werr error
	switch format {
	case "jsonl":
	case "json":
		if results == nil {
			results = []Result{}
		}
		werr = report.WriteJSON(opts.IO.Out, results)
	default:
		t := report.Table{
			Header: []string{"file", "encoding", "format", "script", "han", "simplified", "traditional", "pinyin"},
			Align: []report.Align{report.Left, report.Left, report.Left, report.Left, report.Right,
				report.Right, report.Right, report.Left},
		}
		machine := format != "table" && format != "markdown"
		for _, r := range results {
			simp, trad := percent(r.SimpShare), percent(r.TradShare)
			if machine {
				simp, trad = report.FormatFloat(r.SimpShare), report.FormatFloat(r.TradShare)
			}
			pinyin := "no"
			if r.Pinyin {
				pinyin = "yes (" + strconv.Itoa(r.Annotations) + ")"
				if machine {
					pinyin = strconv.Itoa(r.Annotations)
				}
			} else if machine {
				pinyin = "0"
			}
			t.Rows = append(t.Rows, []string{r.File, r.Encoding, r.Format, r.Script, strconv.Itoa(r.Han), simp, trad, pinyin})
		}
		werr = report.WriteTables(opts.IO.Out, format, t)
	}
	if err == nil {
		err = werr
	}
	return err
}

func percent(f float64) string {
	return strconv.FormatFloat(100*f, 'f', 1, 64) + "%"
}
