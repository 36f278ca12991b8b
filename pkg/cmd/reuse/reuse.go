// Package reuse implements `zhpolicy reuse`.
package reuse

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"zhpolicy/pkg/analysis/reuse"
	"zhpolicy/pkg/analysis/timeseries"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/views"
)

// Options are the settings of one reuse run.
type Options struct {
	IO *iostreams.IOStreams

	Paths          []string
	In             cmdutil.InputFlags
	Format         string
	MinContainment float64
	MinAligned     int
	MinPassage     int
	Shingle        int
	Passages       bool
	Meta           string
	DateFrom       string
}

// NewCmdReuse returns the reuse command.
func NewCmdReuse(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "reuse [path...]",
		Short: "Find documents that share passages: text reuse, diffusion and duplicates",
		Long: `Compare every document with every other and list the pairs that share long
passages: a provincial rule taking over a ministry's, a notice filed twice.
Characters are compared after folding Traditional to Simplified, ignoring
punctuation and spaces: MinHash over 5-character shingles with
locality-sensitive hashing picks candidate passages, Smith–Waterman aligns
them (per chunk of about 120 characters, extended to the neighbouring
chunks), so thousands of documents take seconds.

For each pair: containment both ways (the share of each document's
characters inside a shared passage: containment_a = how much of a is found
in b), the aligned characters, the number of passages and, when both
documents have dates, the direction (the earlier is the source) and the lag
in days. kind is duplicate (the same characters), near-duplicate (0.9 or
more both ways) or reuse. JSON adds every passage with its byte offsets in
both documents; --passages lists the passages instead (one row each, for
a spreadsheet).

A pair is listed when one document has at least --min-containment of its
characters in shared passages and the passages hold at least --min-aligned
characters (defaults 0.3 and 400: over the shared corpus of ministry and
provincial notices everything above is real reuse, everything below is
shared formulas, addressee lines and templates; see bench/reuse/README.md).

Dates come from --meta (a CSV with a file column and a date column), else
the date the document gives itself (成文日期), else the file name.

Memory: bounded, whatever the size of the corpus. What the comparison needs
(the reduced texts, about 12 bytes per character, and the chunk signatures
and band keys, about 400 bytes per chunk of 120 characters) is kept in
temporary files in $TMPDIR once it passes 16 MiB (removed at the end; about
4 times the size of the corpus on disk); the candidates are found one LSH band at a
time, and only the two documents of the pair being aligned are read back.
What grows with the corpus is the result: the pairs and their passages.` + "\n\n" + cmdutil.WholeHelp,
		Example: `  zhpolicy reuse testdata/sample/
  zhpolicy reuse --min-containment 0.5 --format json testdata/sample/ > pairs.json
  zhpolicy reuse --passages --format csv testdata/sample/ > passages.csv`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			if err := opts.In.Validate(); err != nil {
				return err
			}
			if opts.In.Shard != "" {
				return cmdutil.FlagErrorf("--shard cannot be used with reuse: it compares every document with every other, so it reads the whole corpus (3 million characters take seconds)")
			}
			if opts.MinContainment < 0 || opts.MinContainment > 1 {
				return cmdutil.FlagErrorf("invalid --min-containment %v: use a share between 0 and 1", opts.MinContainment)
			}
			if opts.MinAligned < 0 {
				return cmdutil.FlagErrorf("invalid --min-aligned %d", opts.MinAligned)
			}
			if err := params(opts).Validate(); err != nil {
				return cmdutil.FlagErrorf("%v", err)
			}
			if runF != nil {
				return runF(opts)
			}
			return reuseRun(c.Context(), f, opts)
		},
	}
	cmdutil.AddInputFlags(cmd, &opts.In, true)
	cmdutil.AddFormatFlag(cmd, &opts.Format, report.Formats...)
	cmdutil.AddDateFlag(cmd, &opts.DateFrom, "", "dates for direction and lag")
	fl := cmd.Flags()
	fl.Float64Var(&opts.MinContainment, "min-containment", 0.3, "list a pair when one document has at least this share of its characters in shared passages")
	fl.IntVar(&opts.MinAligned, "min-aligned", 400, "list a pair when its passages hold at least this many matching characters")
	fl.IntVar(&opts.MinPassage, "min-passage", 30, "fewest matching characters of a passage")
	fl.IntVar(&opts.Shingle, "shingle", 5, "characters per shingle")
	fl.BoolVar(&opts.Passages, "passages", false, "list the passages (one row each, with offsets in both documents) instead of the pairs")
	fl.StringVar(&opts.Meta, "meta", "", "document metadata `CSV` with a file column and a date column")
	return cmd
}

func params(opts *Options) reuse.Params {
	return reuse.Params{Shingle: opts.Shingle, MinPassage: opts.MinPassage}
}

func reuseRun(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	dates := &timeseries.Resolver{}
	if opts.Meta != "" {
		fh, err := os.Open(opts.Meta)
		if err != nil {
			return fmt.Errorf("--meta %s: %w", opts.Meta, cmdutil.PathErr(err))
		}
		m, err := timeseries.ReadMeta(fh, opts.Meta)
		fh.Close()
		if err != nil {
			return err
		}
		dates.Meta = m
	}
	if opts.DateFrom != "" {
		df, err := cmdutil.DateFinder(opts.DateFrom)
		if err != nil {
			return err
		}
		dates.FromName = func(p string) (timeseries.Date, bool) {
			d, ok := timeseries.ParseDate(df.Key(p))
			d.Source = "name"
			return d, ok
		}
	}
	idx, err := reuse.NewIndex(params(opts))
	if err != nil {
		return err
	}
	idx.Spill(os.TempDir())
	defer idx.Close()
	docs := cmdutil.Docs{F: f, In: &opts.In, Label: "reuse"}
	out, err := cmdutil.RunDocs(ctx, docs, opts.Paths,
		func(ctx context.Context, d *corpus.Doc) (*reuse.Sketch, error) {
			date, _ := dates.Date(d.Name, d.Text)
			s, err := reuse.NewSketch(reuse.Doc{Name: d.Name, Date: date.String(), In: d.Input()}, idx.Params())
			if err != nil {
				return nil, err
			}
			s.MapOffsets(d.Original, d.OriginalSpan)
			return s, nil
		},
		func(d *corpus.Doc, s *reuse.Sketch) error {
			if err := idx.Add(s); errors.Is(err, reuse.ErrAddedTwice) {
				cmdutil.Warnf(f.IO, "%s: %v (compared once)", d.Name, err)
			} else if err != nil {
				return err
			}
			return nil
		})
	if err != nil {
		return err
	}
	// the passages' text shows in JSON (passage_list) and with --passages
	noText := !opts.Passages && opts.Format != "json" && opts.Format != "jsonl"
	pairs, _, err := idx.Find(ctx, reuse.Options{MinContainment: opts.MinContainment, MinAligned: opts.MinAligned, NoText: noText, Jobs: opts.In.Jobs})
	if err != nil {
		return err
	}
	w, err := report.NewWriter(opts.IO.Out, opts.Format, report.Options{TTY: opts.IO.IsStdoutTTY()})
	if err != nil {
		return err
	}
	var t *report.Table
	if opts.Passages {
		clip := 0
		if opts.Format == "table" || opts.Format == "markdown" {
			clip = 40
		}
		t = views.ReusePassages(pairs, clip)
	} else {
		t = views.ReusePairs(pairs)
	}
	if err := w.Table(t); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return cmdutil.Exit(out, 0)
}
