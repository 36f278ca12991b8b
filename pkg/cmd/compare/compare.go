// Package compare implements `zhpolicy compare`.
package compare

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"zhpolicy/pkg/analysis/compare"
	"zhpolicy/pkg/analysis/freq"
	"zhpolicy/pkg/analysis/overview"
	"zhpolicy/pkg/analysis/slogans"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/partial"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/views"
)

// Options are the settings of one compare run.
type Options struct {
	IO *iostreams.IOStreams

	A, B     string
	In       cmdutil.InputFlags
	Count    cmdutil.CountFlags
	Format   string
	Script   string
	Top      int
	MinCount int
	MaxP     float64
}

// NewCmdCompare returns the compare command. runF, when not nil, replaces
// the run function (tests check flag parsing with it).
func NewCmdCompare(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "compare A B",
		Short: "Show what distinguishes one document or corpus from another (keyness)",
		Long: `Compare the words of A with those of B. A and B are each a document, a
directory of documents, or a freq partial (.jsonl, written by
` + "`zhpolicy freq --emit partial`" + ` with the same counting flags).

Four lists: the terms relatively more frequent in A, those more frequent in
B — ranked by log-likelihood (G², Dunning 1993), listed when its p-value is
below --p — and the terms only A uses and only B uses, most frequent first.

Columns: count in A and B, rate per 10,000 words in each, G², and the log
ratio (Hardie 2014): the binary log of the ratio of the relative
frequencies, the effect size: +1 means twice as frequent in A, -1 twice as
frequent in B (a zero count is taken as 0.5).

The counting flags are those of freq, but by default words of one character
and words without a Chinese character (numbers, Latin) are left out
(--min-len 2 --han; --min-len 1 --han=false counts every word). --ngram 2
or 3 compares word sequences (formulations) rather than words; --stopwords
builtin leaves out the words every report uses.
Words are counted in Simplified script, so a Traditional text compares with
a Simplified one.` + "\n\n" + cmdutil.WholeHelp,
		Example: `  zhpolicy compare testdata/sample/municipal_report.txt testdata/sample/provincial_notice.html
  zhpolicy compare --top 30 --stopwords builtin testdata/sample/municipal_report.txt testdata/sample/city_plan.docx
  zhpolicy compare --ngram 2 --min-count 1 testdata/sample/ testdata/originals/
  zhpolicy freq --emit partial --min-len 2 --han testdata/sample/ > a.jsonl && zhpolicy compare --format csv a.jsonl testdata/originals/ > keyness.csv`,
		Args: cmdutil.ExactArgs(2, "two paths, A and B"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.A, opts.B = args[0], args[1]
			if err := opts.In.Validate(); err != nil {
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
			if !(opts.MaxP > 0 && opts.MaxP <= 1) {
				return cmdutil.FlagErrorf("invalid --p %v: use a p-value above 0, at most 1 (1 lists every term)", opts.MaxP)
			}
			if opts.A == "-" && opts.B == "-" {
				return cmdutil.FlagErrorf("A and B cannot both be standard input")
			}
			if runF != nil {
				return runF(opts)
			}
			return compareRun(c.Context(), f, opts)
		},
	}
	cmdutil.AddInputFlags(cmd, &opts.In, true)
	cmdutil.AddCountFlags(cmd, &opts.Count, 2, true)
	cmdutil.AddFormatFlag(cmd, &opts.Format, report.Formats...)
	cmdutil.AddScriptFlag(cmd, &opts.Script)
	cmdutil.AddTopFlag(cmd, &opts.Top, 20, "terms in each list")
	fl := cmd.Flags()
	fl.IntVar(&opts.MinCount, "min-count", 3, "leave out terms counted fewer times in A and B together (or, for the only-in lists, on their side)")
	fl.Float64Var(&opts.MaxP, "p", 0.05, "list terms whose G² has a p-value below this (1: all)")
	return cmd
}

// side is one corpus counted or read.
type side struct {
	name     string
	counts   *freq.Counts
	forms    *overview.Tally // formulations; nil for a partial
	settings freq.Settings
	partial  bool
}

func compareRun(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	spec, err := opts.Count.Spec(opts.In.Clean())
	if err != nil {
		return err
	}
	counting, err := spec.Resolve()
	if err != nil {
		return err
	}
	disp, err := script.NewDisplay(opts.Script)
	if err != nil {
		return err
	}
	// new as slogans and analyze judge it: in no lexicon and attested nowhere
	// in the built-in baseline
	so, err := slogans.BuiltinOptions()
	if err != nil {
		return err
	}
	an := overview.Analyzers{Words: &counting.Opts, Slogans: &so}
	cut := counting.Cut
	cut.POS = true // the formulation rules read parts of speech
	var skipped []error
	dictsLoaded := false
	load := func(path string) (side, error) {
		if partial.IsPath(path) {
			h, c, err := freq.ReadPartialFile(path, opts.IO.In)
			if err != nil {
				return side{}, err
			}
			return side{name: path, counts: c, settings: h.Settings, partial: true}, nil
		}
		if !dictsLoaded {
			if err := opts.Count.Seg.Load(f); err != nil {
				return side{}, err
			}
			dictsLoaded = true
		}
		total := overview.New(an)
		out, err := cmdutil.RunDocs(ctx, cmdutil.Docs{F: f, In: &opts.In, Label: "compare", Cut: &cut}, []string{path},
			func(ctx context.Context, d *corpus.Doc) (*overview.Summary, error) {
				return overview.Analyze(d.In, overview.Doc{}, an), nil
			},
			func(_ *corpus.Doc, s *overview.Summary) error {
				total.Merge(s)
				return nil
			})
		skipped = append(skipped, out.Skipped...)
		return side{name: path, counts: total.Words, forms: total.Formulations, settings: counting.Settings}, err
	}
	a, err := load(opts.A)
	if err != nil {
		return err
	}
	b, err := load(opts.B)
	if err != nil {
		return err
	}
	if !a.settings.Equal(b.settings) {
		return fmt.Errorf("%s and %s were counted differently (%s): count both with the same flags", a.name, b.name, a.settings.Diff(b.settings))
	}
	for _, s := range []side{a, b} {
		if s.counts.Docs == 0 && !s.partial {
			return fmt.Errorf("%s: no document could be read", s.name)
		}
	}
	res := compare.Keyness(a.counts, b.counts, compare.Options{MinCount: int64(opts.MinCount), MaxP: opts.MaxP, Top: opts.Top})
	forms := a.forms != nil && b.forms != nil
	var onlyA, onlyB []*overview.Item
	if forms {
		onlyA, onlyB = compare.OnlyIn(a.forms, b.forms, opts.Top), compare.OnlyIn(b.forms, a.forms, opts.Top)
	}
	w, err := report.NewWriter(opts.IO.Out, opts.Format, report.Options{TTY: opts.IO.IsStdoutTTY()})
	if err != nil {
		return err
	}
	v := views.Keyness(disp, freq.UnitName(a.settings), views.Side{Name: a.name}, views.Side{Name: b.name}, res, onlyA, onlyB, forms)
	if err := v.Write(w, opts.Format); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return cmdutil.Exit(corpus.Outcome{Skipped: skipped}, 0)
}
