// Package freq implements `zhpolicy freq`.
package freq

import (
	"context"
	"strings"

	"github.com/spf13/cobra"

	"zhpolicy/pkg/analysis/freq"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/partial"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/views"
)

// Options are the settings of one freq run.
type Options struct {
	IO *iostreams.IOStreams

	Paths    []string
	In       cmdutil.InputFlags
	Count    cmdutil.CountFlags
	Format   string
	Script   string
	Top      int
	MinCount int
	By       string // "" (corpus) or "doc"
	Emit     string // report or partial
}

// NewCmdFreq returns the freq command. runF, when not nil, replaces the run
// function (tests check flag parsing with it).
func NewCmdFreq(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO}
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
machine into shards (--shard i/n), count each anywhere, merge at the end.

Memory: documents are counted one at a time and only the counts are kept,
so a corpus of any size fits; a big plain-text file is read and counted in
parts of about 1 MB, so a file of any size fits too (HTML and DOCX inputs
are read whole, up to --max-size).`,
		Example: `  zhpolicy freq testdata/sample/
  zhpolicy freq --top 50 --min-len 2 --stopwords builtin testdata/sample/
  zhpolicy freq --ngram 2 --han --top 30 testdata/sample/municipal_report.txt
  zhpolicy freq --chars --top 0 --format csv testdata/sample/ > chars.csv
  zhpolicy freq --by doc --top 100 --format csv testdata/sample/ > dtm.csv
  zhpolicy freq --emit partial --shard 1/2 testdata/sample/ > shard1.jsonl`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
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
			switch opts.By {
			case "", "corpus", "doc":
			default:
				return cmdutil.FlagErrorf("invalid --by %q: use doc (one row per document) or corpus", opts.By)
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
	cmdutil.AddInputFlags(cmd, &opts.In, true)
	cmdutil.AddCountFlags(cmd, &opts.Count, 1, false)
	cmdutil.AddFormatFlag(cmd, &opts.Format, report.Formats...)
	cmdutil.AddScriptFlag(cmd, &opts.Script)
	cmdutil.AddTopFlag(cmd, &opts.Top, 20, "terms shown (columns with --by doc)")
	cmdutil.AddEmitFlag(cmd, &opts.Emit)
	fl := cmd.Flags()
	fl.IntVar(&opts.MinCount, "min-count", 1, "leave out terms counted fewer times in all documents")
	fl.StringVar(&opts.By, "by", "", "doc: a document × term matrix, one row per document")
	return cmd
}

func freqRun(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	spec, err := opts.Count.Spec(opts.In.Clean())
	if err != nil {
		return err
	}
	counting, err := spec.Resolve()
	if err != nil {
		return err
	}
	if counting.NeedsCut {
		if err := opts.Count.Seg.Load(f); err != nil {
			return err
		}
	}
	disp, err := script.NewDisplay(opts.Script)
	if err != nil {
		return err
	}
	// counting is by line: a big plain-text input is read in parts, whose
	// counts add up to the document's
	docs := cmdutil.Docs{F: f, In: &opts.In, Label: "freq", PartSize: corpus.PartBytes}
	if counting.NeedsCut {
		docs.Cut = &counting.Cut
	}
	total := freq.New()
	inputs := partial.Inputs{Empty: opts.In.Shard + " " + strings.Join(opts.Paths, " ")}
	var perDoc []views.DocCounts
	var doc *freq.Counts // the document whose parts are being added up
	out, err := cmdutil.RunDocs(ctx, docs, opts.Paths,
		func(ctx context.Context, d *corpus.Doc) (*freq.Counts, error) {
			return freq.Count(d.Input(), counting.Opts), nil
		},
		func(d *corpus.Doc, c *freq.Counts) error {
			inputs.Add(d.Name, int64(len(d.Original)))
			if d.Part == 0 {
				doc = c
			} else {
				doc.MergePart(c)
			}
			if !d.Final {
				return nil
			}
			total.Merge(doc)
			if opts.By == "doc" {
				perDoc = append(perDoc, views.DocCounts{Name: d.Name, Counts: doc})
			}
			return nil
		})
	if err != nil {
		return err
	}
	if opts.Emit == "partial" {
		h := freq.Header{Envelope: partial.Envelope{Tool: f.Version, Parts: inputs.Parts()}, Settings: counting.Settings}
		if err := freq.WritePartial(opts.IO.Out, h, total); err != nil {
			return err
		}
		return cmdutil.Exit(out, 0)
	}
	w, err := report.NewWriter(opts.IO.Out, opts.Format, report.Options{TTY: opts.IO.IsStdoutTTY()})
	if err != nil {
		return err
	}
	minCount := int64(opts.MinCount)
	switch {
	case opts.By == "doc" && (opts.Format == "json" || opts.Format == "jsonl"):
		meta, t := views.MatrixJSON(disp, total, perDoc, minCount, opts.Top, opts.Format == "jsonl")
		w.Meta(meta...)
		err = w.Table(t)
	case opts.By == "doc":
		err = w.Table(views.Matrix(disp, total, perDoc, minCount, opts.Top))
	default:
		w.Meta(views.FreqMeta(counting.Settings, total)...)
		err = w.Table(views.Freq(disp, counting.Settings, total, minCount, opts.Top))
	}
	if err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return cmdutil.Exit(out, 0)
}
