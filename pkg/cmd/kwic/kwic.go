// Package kwic implements `zhpolicy kwic`.
package kwic

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"zhpolicy/pkg/analysis/kwic"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/script"
	seg "zhpolicy/pkg/segment"
)

// Options are the settings of one kwic run.
type Options struct {
	IO *iostreams.IOStreams

	Term   string
	Paths  []string
	In     cmdutil.InputFlags
	Seg    cmdutil.SegFlags
	Format string
	Script string
	Window int
	Regex  bool
	Words  bool
}

// NewCmdKwic returns the kwic command. runF, when not nil, replaces the run
// function (tests check flag parsing with it).
func NewCmdKwic(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO}
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
into the decoded input), left, term, right.` + "\n\n" + cmdutil.WholeHelp,
		Example: `  zhpolicy kwic 高质量发展 testdata/sample/
  zhpolicy kwic --window 20 發展 testdata/sample/traditional_notice.txt
  zhpolicy kwic --regex '高质量(发展|建设)' testdata/sample/
  zhpolicy kwic --format csv 发展 testdata/sample/ > kwic.csv`,
		Args: cmdutil.MinimumArgs(1, "a term, then paths"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Term, opts.Paths = args[0], args[1:]
			if err := opts.In.Validate(); err != nil {
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
	cmdutil.AddInputFlags(cmd, &opts.In, true)
	cmdutil.AddSegFlags(cmd, &opts.Seg, seg.DefaultHMM)
	cmdutil.AddFormatFlag(cmd, &opts.Format, report.Formats...)
	cmdutil.AddScriptFlag(cmd, &opts.Script)
	fl := cmd.Flags()
	fl.IntVar(&opts.Window, "window", 10, "characters of context on each side")
	fl.BoolVar(&opts.Regex, "regex", false, "TERM is a regular expression")
	fl.BoolVar(&opts.Words, "words", false, "match whole words only (segments the documents; --hmm and --dict apply)")
	return cmd
}

func kwicRun(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	q, err := kwic.NewQuery(opts.Term, kwic.QueryOptions{Regex: opts.Regex, Words: opts.Words})
	if err != nil {
		return cmdutil.FlagErrorf("invalid TERM %q: %v", opts.Term, err)
	}
	docs := cmdutil.Docs{F: f, In: &opts.In, Label: "kwic", StreamsOutput: true, ReleaseInput: true}
	if q.Words() {
		if err := opts.Seg.Load(f); err != nil {
			return err
		}
		docs.Cut = &seg.Options{Mode: seg.Precise, HMM: opts.Seg.HMM}
		docs.TokensOnly = true // word boundaries only
	}
	disp, err := script.NewDisplay(opts.Script)
	if err != nil {
		return err
	}
	srcs, skipped, err := opts.In.Sources(f, opts.Paths)
	if err != nil {
		return err
	}
	docs.Expanded, docs.Sources, docs.Skipped = true, srcs, skipped
	w, err := newWriter(opts, disp)
	if err != nil {
		return err
	}
	for _, src := range srcs {
		// the widest file name, known before any document is read, so that
		// terms line up across documents although output streams
		w.locW = max(w.locW, kwic.Width(src.Path)+1+4)
	}
	w.colour = opts.IO.ColourEnabled()
	out, err := cmdutil.RunDocs(ctx, docs, nil,
		func(ctx context.Context, d *corpus.Doc) (docHits, error) {
			// found and rendered on the worker; emit only writes the bytes
			return w.render(d, kwic.Find(d.Input(), q, opts.Window))
		},
		w.add)
	if err != nil {
		return err
	}
	if err := w.finish(); err != nil {
		return err
	}
	return cmdutil.Exit(out, 0)
}

var columns = []report.Column{{Name: "file"}, {Name: "line", Align: report.Right}, {Name: "start", Align: report.Right},
	{Name: "end", Align: report.Right}, {Name: "left", Align: report.Right}, {Name: "term"}, {Name: "right"}}

// row is one hit as printed.
type row struct {
	File       string
	Line       int
	Start, End int
	Left, Term string
	Right      string
}

type writer struct {
	opts  *Options
	disp  *script.Display
	rw    *report.Writer
	hits  int
	docs  int
	total int
	locW  int // width of the file:line column (text)

	colour bool
}

func newWriter(opts *Options, disp *script.Display) (*writer, error) {
	w := &writer{opts: opts, disp: disp}
	if opts.Format != "table" {
		rw, err := report.NewWriter(opts.IO.Out, opts.Format, report.Options{TTY: opts.IO.IsStdoutTTY()})
		if err != nil {
			return nil, err
		}
		w.rw = rw
	}
	return w, nil
}

// rowsOf turns the hits of a document into printed rows: offsets and lines
// in the decoded input, text in the display script.
func (w *writer) rowsOf(d *corpus.Doc, hits []kwic.Hit) []row {
	out := make([]row, 0, len(hits))
	line, pos := 1, 0
	orig := d.Original
	for _, h := range hits {
		s, e := d.OriginalSpan(h.Start, h.End)
		if s >= pos {
			line += strings.Count(orig[pos:s], "\n")
			pos = s
		}
		out = append(out, row{File: d.Name, Line: line, Start: s, End: e,
			Left: w.disp.ShowText(h.Left), Term: w.disp.ShowText(h.Match), Right: w.disp.ShowText(h.Right)})
	}
	return out
}

// docHits are a document's hits rendered for the output: lines, or a
// table prepared for the report writer.
type docHits struct {
	n     int
	lines string
	table *report.Prepared
}

// render renders the hits of a document (on a worker: it reads only what
// is set before the run).
func (w *writer) render(d *corpus.Doc, hits []kwic.Hit) (docHits, error) {
	if len(hits) == 0 {
		return docHits{}, nil
	}
	rows := w.rowsOf(d, hits)
	if w.rw == nil {
		return docHits{n: len(hits), lines: w.lines(rows)}, nil
	}
	t := &report.Table{Name: "hits", Columns: columns}
	for _, r := range rows {
		t.Rows = append(t.Rows, []any{r.File, r.Line, r.Start, r.End, r.Left, r.Term, r.Right})
	}
	p, err := w.rw.Prepare(t)
	return docHits{n: len(hits), table: p}, err
}

// add writes a document's rendered hits, in input order.
func (w *writer) add(_ *corpus.Doc, h docHits) error {
	w.total++
	if h.n == 0 {
		return nil
	}
	w.docs++
	w.hits += h.n
	if w.rw == nil {
		_, err := io.WriteString(w.opts.IO.Out, h.lines)
		return err
	}
	return w.rw.WritePrepared(h.table)
}

// lines prints hits aligned on the term: the left context is padded
// to the widest context the window allows, so that terms line up across
// documents even though output streams.
func (w *writer) lines(rows []row) string {
	locW := w.locW
	for _, r := range rows {
		locW = max(locW, kwic.Width(r.File)+1+len(strconv.Itoa(r.Line)))
	}
	leftW := 2 * w.opts.Window
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(kwic.PadRight(report.Printable(r.File)+":"+strconv.Itoa(r.Line), locW))
		b.WriteString("  ")
		b.WriteString(kwic.PadLeft(r.Left, leftW))
		b.WriteString(" ")
		if w.colour {
			b.WriteString("\x1b[1;31m" + r.Term + "\x1b[0m")
		} else {
			b.WriteString(r.Term)
		}
		b.WriteString(" ")
		b.WriteString(strings.TrimRight(r.Right, " "))
		b.WriteString("\n")
	}
	return strings.ReplaceAll(b.String(), " \n", "\n")
}

func (w *writer) finish() error {
	if w.rw != nil {
		if w.hits == 0 {
			// an empty result is still a valid document (a header, [])
			if err := w.rw.Table(&report.Table{Name: "hits", Columns: columns}); err != nil {
				return err
			}
		}
		return w.rw.Close()
	}
	if w.hits == 0 {
		cmdutil.Warnf(w.opts.IO, "no match for %q", w.opts.Term)
		return nil
	}
	if w.opts.IO.IsStdoutTTY() {
		_, err := fmt.Fprintf(w.opts.IO.Out, "\n%d matches in %d of %d documents\n", w.hits, w.docs, w.total)
		return err
	}
	return nil
}
