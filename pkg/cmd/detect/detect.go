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
	"zhpolicy/pkg/script"
)

// Options are the settings of one detect run.
type Options struct {
	IO     *iostreams.IOStreams
	Paths  []string
	In     cmdutil.InputFlags
	Format string
}

// NewCmdDetect returns the detect command. runF, when not nil, replaces the
// run function (tests check flag parsing with it).
func NewCmdDetect(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "detect [path...]",
		Short: "Tell the format, encoding, script and pinyin annotations of each document",
		Long: `For each document, print its encoding, format and script: simplified,
traditional, mixed or unknown, with the number of Han characters and the
share of them that only Simplified text uses (发, 国) and that only
Traditional text uses (發, 國) — characters such as 后 or 中 count for
neither. A document is mixed when the minority script has at least 10% of the
script-specific characters, unknown when it has none. The last column tells
whether the text carries pinyin annotations (會(huì)), as left by converter
web pages; ` + "`zhpolicy clean`" + ` removes them.

The format is read from the content: text, markdown, html, docx, pdf, ofd,
doc (Word 97 and WPS), xlsx, odt, rtf. For PDF and OFD, the pages and the text
layer: yes when every page has text, no when none has (a scanned document:
run OCR on it), else the pages that have text. JSON and CSV also give the
program that made the file, where the file says it (producer).` + "\n\n" + cmdutil.StreamHelp,
		Example: `  zhpolicy detect testdata/sample/
  zhpolicy detect --format json testdata/sample/big5_speech.txt
  zhpolicy detect --format csv testdata/sample/city_plan.docx`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			if err := opts.In.Validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return detectRun(c.Context(), f, opts)
		},
	}
	cmdutil.AddInputFlags(cmd, &opts.In, false)
	cmdutil.AddFormatFlag(cmd, &opts.Format, report.Formats...)
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
	Producer    string  `json:"producer"`
	Pages       int     `json:"pages"`
	TextPages   int     `json:"text_pages"`
	TextLayer   string  `json:"text_layer"` // yes, no, or "3/4" pages
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
	layer := "yes"
	switch {
	case d.Pages > 0 && d.TextPages == 0:
		layer = "no"
	case d.TextPages < d.Pages:
		layer = strconv.Itoa(d.TextPages) + "/" + strconv.Itoa(d.Pages)
	}
	return Result{File: d.Name, Encoding: d.Encoding, Format: d.Format, Script: s.Kind.String(),
		Han: s.Han, SimpOnly: s.SimpOnly, TradOnly: s.TradOnly, SimpShare: s.SimpShare, TradShare: s.TradShare,
		Pinyin: n > 0, Annotations: n, Producer: d.Producer, Pages: d.Pages, TextPages: d.TextPages, TextLayer: layer}
}

func detectRun(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	w, err := report.NewWriter(opts.IO.Out, opts.Format, report.Options{TTY: opts.IO.IsStdoutTTY()})
	if err != nil {
		return err
	}
	machine := opts.Format != "table" && opts.Format != "markdown"
	var cols []report.Column
	if machine {
		cols = []report.Column{{Name: "file"}, {Name: "encoding"}, {Name: "format"}, {Name: "script"}, {Name: "han"},
			{Name: "simplified_only", JSONOnly: true}, {Name: "traditional_only", JSONOnly: true},
			{Name: "simplified", Key: "simplified_share"}, {Name: "traditional", Key: "traditional_share"},
			{Name: "pinyin", JSONOnly: true}, {Name: "pinyin", Key: "pinyin_annotations"},
			{Name: "pages"}, {Name: "text_pages"}, {Name: "text_layer"}, {Name: "producer"}}
	} else {
		cols = []report.Column{{Name: "file"}, {Name: "encoding"}, {Name: "format"}, {Name: "script"}, {Name: "han", Align: report.Right},
			{Name: "simplified", Align: report.Right}, {Name: "traditional", Align: report.Right}, {Name: "pinyin"},
			{Name: "pages", Align: report.Right}, {Name: "text layer"}}
	}
	var rows [][]any // for people, one table at the end
	no := false
	// the script of the text as it is; a big plain-text file in parts, added up
	docs := cmdutil.Docs{F: f, In: &opts.In, Label: "detect", Clean: &no, PartSize: corpus.PartBytes}
	type piece struct {
		r   Result
		det script.Detection
	}
	var acc piece
	out, err := cmdutil.RunDocs(ctx, docs, opts.Paths,
		func(_ context.Context, d *corpus.Doc) (piece, error) { return piece{Inspect(d), d.Script}, nil },
		func(d *corpus.Doc, p piece) error {
			if d.Part == 0 {
				acc = p
			} else {
				acc.det = acc.det.Add(p.det)
				acc.r.Annotations += p.r.Annotations
			}
			if !d.Final {
				return nil
			}
			r := acc.r
			r.Script, r.Han, r.SimpOnly, r.TradOnly = acc.det.Kind.String(), acc.det.Han, acc.det.SimpOnly, acc.det.TradOnly
			r.SimpShare, r.TradShare, r.Pinyin = acc.det.SimpShare, acc.det.TradShare, r.Annotations > 0
			if !machine {
				pinyin := "no"
				if r.Pinyin {
					pinyin = "yes (" + strconv.Itoa(r.Annotations) + ")"
				}
				pages := ""
				if r.Pages > 0 {
					pages = strconv.Itoa(r.Pages)
				}
				rows = append(rows, []any{r.File, r.Encoding, r.Format, r.Script, r.Han, percent(r.SimpShare), percent(r.TradShare), pinyin, pages, r.TextLayer})
				return nil
			}
			return w.Table(&report.Table{Name: "documents", Columns: cols, Rows: [][]any{{r.File, r.Encoding, r.Format, r.Script, r.Han,
				r.SimpOnly, r.TradOnly, report.Raw(r.SimpShare), report.Raw(r.TradShare), r.Pinyin, r.Annotations,
				r.Pages, r.TextPages, r.TextLayer, r.Producer}}})
		})
	if err != nil {
		return err
	}
	if !machine || out.Docs == 0 {
		if err := w.Table(&report.Table{Name: "documents", Columns: cols, Rows: rows}); err != nil {
			return err
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	return cmdutil.Exit(out, 0)
}
func percent(f float64) string {
	return strconv.FormatFloat(100*f, 'f', 1, 64) + "%"
}
