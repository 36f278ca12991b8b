// Package kwic implements `zhpolicy kwic`.
package kwic

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/analysis/kwic"
	"zhpolicy/pkg/cmd/freq/shared"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/report"
	seg "zhpolicy/pkg/segment"
)

// Options are the settings of one kwic run.
type Options struct {
	IO        *iostreams.IOStreams
	Global    *cmdutil.GlobalOptions
	Segmenter func() (*seg.Segmenter, error)
	Docs      *cmdutil.DocSource

	Term   string
	Paths  []string
	Window int
	Regex  bool
	Words  bool
	HMM    bool
	Dicts  []string
}

// NewCmdKwic returns the kwic command. runF, when not nil, replaces the run
// function (tests check flag parsing with it).
func NewCmdKwic(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO, Global: f.Global, Segmenter: f.Segmenter, Docs: cmdutil.NewDocSource(f)}
	cmd := &cobra.Command{
		Use:   "kwic TERM [path...]",
		Short: "Show every occurrence of a term in its context",
		Long: `Show every occurrence of TERM with --window characters of context on each
side (keyword in context, a concordance): file and line, left context, the
term, right context, aligned on the term for the display width of Chinese
characters.

TERM is matched in Simplified script, so a term written in either script
finds both (發展 finds 发展 and 發展); ASCII letters match in any case.
--regex takes TERM as a regular expression (Go RE2 syntax, matched against
the text folded to Simplified: use Simplified characters or either, the
pattern is folded too). --words keeps only matches that are whole words as
segmented (质量 then does not match inside 高质量).

Contexts are shown as the document writes them (--script auto) or converted
(--script s|t|tw|hk); line breaks in a context are shown as a space.
CSV, TSV, JSON and JSON Lines give file, line, start and end (byte offsets
into the decoded input), left, term, right.`,
		Example: `  zhpolicy kwic 新质生产力 reports/
  zhpolicy kwic --window 20 發展 report.txt
  zhpolicy kwic --regex '高质量(发展|建设)' reports/
  zhpolicy kwic --format csv 巡视整改 reports/ > kwic.csv`,
		Args: cmdutil.MinimumArgs(1, "a term, then paths"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Term, opts.Paths = args[0], args[1:]
			if err := cmdutil.ValidateFormat(opts.Global.Format, cmdutil.Formats); err != nil {
				return err
			}
			if opts.Window < 0 || opts.Window > 1000 {
				return cmdutil.FlagErrorf("invalid --window %d: use 0 to 1000 characters", opts.Window)
			}
			if _, err := kwic.NewQuery(opts.Term, kwic.QueryOptions{Regex: opts.Regex}); err != nil {
				return cmdutil.FlagErrorf("invalid TERM %q: %v", opts.Term, err)
			}
			if runF != nil {
				return runF(opts)
			}
			return kwicRun(c.Context(), f, opts)
		},
	}
	fl := cmd.Flags()
	fl.IntVar(&opts.Window, "window", 10, "characters of context on each side")
	fl.BoolVar(&opts.Regex, "regex", false, "TERM is a regular expression")
	fl.BoolVar(&opts.Words, "words", false, "match whole words only (segments the documents)")
	fl.BoolVar(&opts.HMM, "hmm", seg.DefaultHMM, "with --words: segment with gse's HMM new-word detection")
	fl.StringArrayVar(&opts.Dicts, "dict", nil, "with --words: user dictionary, one `word [freq] [pos]` a line (repeatable)")
	return cmd
}

// docHits are the matches in one document.
type docHits struct {
	doc  *corpus.Doc
	hits []kwic.Hit
}

func kwicRun(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	q, err := kwic.NewQuery(opts.Term, kwic.QueryOptions{Regex: opts.Regex, Words: opts.Words})
	if err != nil {
		return cmdutil.FlagErrorf("invalid TERM %q: %v", opts.Term, err)
	}
	var sg *seg.Segmenter
	if q.Words() {
		if err := cmdutil.LoadUserDicts(f, opts.Dicts); err != nil {
			return err
		}
		shared.HintSize(f, opts.Docs, opts.Paths)
		if sg, err = opts.Segmenter(); err != nil {
			return err
		}
	}
	disp, err := cmdutil.NewDisplay(opts.Global.Script)
	if err != nil {
		return err
	}
	w := newWriter(opts, disp)
	if w.format == "table" {
		// the widest file name, known before any document is read, so that
		// terms line up across documents although output streams
		if srcs, _, err := opts.Docs.Sources(opts.Paths); err == nil {
			for _, src := range srcs {
				w.locW = max(w.locW, kwic.Width(src.Path)+1+4)
			}
		}
	}
	progress := shared.NewProgress(opts.IO, opts.Global, opts.Docs, "kwic", opts.Paths, true)
	runErr := cmdutil.EachDoc(ctx, opts.Docs, opts.Paths,
		func(ctx context.Context, d *corpus.Doc) (docHits, error) {
			var toks []seg.Token
			if sg != nil {
				var err error
				if toks, err = sg.Cut(d.Text, seg.Options{Mode: seg.Precise, HMM: opts.HMM}); err != nil {
					return docHits{}, fmt.Errorf("%s: %w", d.Name, err)
				}
			}
			in := analysis.NewInput(d.Name, d.Text, d.Script.Kind, toks)
			return docHits{d, kwic.Find(in, q, opts.Window)}, nil
		},
		func(r docHits) error {
			progress.Step()
			return w.add(r)
		})
	progress.Done()
	var partial *cmdutil.PartialError
	if runErr != nil && !errors.As(runErr, &partial) {
		return runErr
	}
	if err := w.finish(); err != nil {
		return err
	}
	return runErr
}

// row is one hit as printed.
type row struct {
	File  string `json:"file"`
	Line  int    `json:"line"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Left  string `json:"left"`
	Term  string `json:"term"`
	Right string `json:"right"`
}

type writer struct {
	opts   *Options
	disp   *cmdutil.Display
	out    io.Writer
	format string
	jl     *report.JSONLines
	rows   []row
	hits   int
	docs   int
	total  int
	locW   int // width of the file:line column (table)
}

func newWriter(opts *Options, disp *cmdutil.Display) *writer {
	w := &writer{opts: opts, disp: disp, out: opts.IO.Out, format: opts.Global.Format}
	if w.format == "jsonl" {
		w.jl = report.NewJSONLines(w.out)
	}
	return w
}

// rows turns the hits of a document into printed rows: offsets and lines
// in the decoded input, text in the display script.
func (w *writer) rowsOf(r docHits) []row {
	out := make([]row, 0, len(r.hits))
	line, pos := 1, 0
	orig := r.doc.Original
	for _, h := range r.hits {
		s, e := r.doc.OriginalSpan(h.Start, h.End)
		if s >= pos {
			line += strings.Count(orig[pos:s], "\n")
			pos = s
		}
		out = append(out, row{File: r.doc.Name, Line: line, Start: s, End: e,
			Left: w.disp.ShowText(h.Left), Term: w.disp.ShowText(h.Match), Right: w.disp.ShowText(h.Right)})
	}
	return out
}

func (w *writer) add(r docHits) error {
	w.total++
	if len(r.hits) == 0 {
		return nil
	}
	w.docs++
	w.hits += len(r.hits)
	rows := w.rowsOf(r)
	switch w.format {
	case "table":
		return w.writeLines(rows)
	case "jsonl":
		for _, rw := range rows {
			if err := w.jl.Write(rw); err != nil {
				return err
			}
		}
		return nil
	}
	w.rows = append(w.rows, rows...)
	return nil
}

// writeLines prints hits aligned on the term: the left context is padded
// to the widest context the window allows, so that terms line up across
// documents even though output streams.
func (w *writer) writeLines(rows []row) error {
	colour := w.opts.IO.ColourEnabled()
	locW := w.locW
	for _, r := range rows {
		locW = max(locW, kwic.Width(r.File)+1+len(strconv.Itoa(r.Line)))
	}
	leftW := 2 * w.opts.Window
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(kwic.PadRight(r.File+":"+strconv.Itoa(r.Line), locW))
		b.WriteString("  ")
		b.WriteString(kwic.PadLeft(r.Left, leftW))
		b.WriteString(" ")
		if colour {
			b.WriteString("\x1b[1;31m" + r.Term + "\x1b[0m")
		} else {
			b.WriteString(r.Term)
		}
		b.WriteString(" ")
		b.WriteString(strings.TrimRight(r.Right, " "))
		b.WriteString("\n")
	}
	_, err := io.WriteString(w.out, strings.ReplaceAll(b.String(), " \n", "\n"))
	return err
}

func (w *writer) finish() error {
	switch w.format {
	case "table":
		if w.hits == 0 && !w.opts.Global.Quiet {
			fmt.Fprintf(w.opts.IO.ErrOut, "zhpolicy: no match for %q\n", w.opts.Term)
		} else if w.opts.IO.IsStdoutTTY() {
			_, err := fmt.Fprintf(w.out, "\n%d matches in %d of %d documents\n", w.hits, w.docs, w.total)
			return err
		}
		return nil
	case "jsonl":
		return nil
	case "json":
		if w.rows == nil {
			w.rows = []row{}
		}
		return report.WriteJSON(w.out, w.rows)
	}
	t := report.Table{Header: []string{"file", "line", "start", "end", "left", "term", "right"},
		Align: []report.Align{report.Left, report.Right, report.Right, report.Right, report.Right, report.Left, report.Left}}
	for _, r := range w.rows {
		t.Rows = append(t.Rows, []string{r.File, strconv.Itoa(r.Line), strconv.Itoa(r.Start), strconv.Itoa(r.End), r.Left, r.Term, r.Right})
	}
	return report.WriteTables(w.out, w.format, t)
}
