// Package analyze implements `zhpolicy analyze`.
package analyze

import (
	"context"
	"strings"

	"github.com/spf13/cobra"

	"zhpolicy/pkg/analysis/overview"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/partial"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/script"
	seg "zhpolicy/pkg/segment"
	"zhpolicy/pkg/views"
)

// Options are the settings of one analyze run.
type Options struct {
	IO *iostreams.IOStreams

	Paths  []string
	In     cmdutil.InputFlags
	Seg    cmdutil.SegFlags
	Format string
	Script string
	Top    int
	Emit   string
}

// NewCmdAnalyze returns the analyze command. runF, when not nil, replaces
// the run function (tests check flag parsing with it).
func NewCmdAnalyze(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "analyze [path...]",
		Short: "Overview of a set of documents: size, scripts, top words, keywords, formulations, entities",
		Long: `The overview to run first, in one pass over the documents:

  Corpus        documents, size, characters (Chinese), words, and the mix of
                scripts, encodings and formats;
  Top words     the most frequent words of two characters or more with a
                Chinese character, the built-in stopwords left out (as
                ` + "`zhpolicy freq --min-len 2 --han --stopwords builtin`" + `);
  Keywords      the corpus keywords (as ` + "`zhpolicy keywords --corpus`" + ` with the
                built-in IDF: the mean of the per-document TF-IDF scores);
  Formulations  the political formulations (提法) the documents use most, as
                ` + "`zhpolicy slogans`" + ` finds them; new marks those attested in neither
                the built-in lexicon nor the built-in baseline (national
                work reports and CPC congress reports, 1954–2025);
  Entities      the people, organisations, places, meetings, documents …
                mentioned most, as ` + "`zhpolicy entities`" + ` finds them.

Terms are counted in Simplified script and shown as written (--script auto)
or converted (--script s|t|tw|hk). A set of tables on a terminal; one JSON
document with --format json; one row per item (with its section) in CSV,
TSV and JSON Lines.

--emit partial writes everything as mergeable counts instead (JSON Lines);
` + "`zhpolicy merge`" + ` turns the partials of separate runs into the report of one
run over all their documents.

Memory: documents are analysed one at a time on each worker and only their
counts are kept.` + "\n\n" + cmdutil.WholeHelp,
		Example: `  zhpolicy analyze testdata/sample/
  zhpolicy analyze --top 20 testdata/sample/
  zhpolicy analyze --format json testdata/sample/ > overview.json
  zhpolicy analyze --emit partial --shard 1/2 testdata/sample/ > shard1.jsonl`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			if err := opts.In.Validate(); err != nil {
				return err
			}
			if err := cmdutil.CheckTop(opts.Top); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return analyzeRun(c.Context(), f, opts)
		},
	}
	cmdutil.AddInputFlags(cmd, &opts.In, true)
	cmdutil.AddSegFlags(cmd, &opts.Seg, seg.DefaultHMM)
	cmdutil.AddFormatFlag(cmd, &opts.Format, report.Formats...)
	cmdutil.AddScriptFlag(cmd, &opts.Script)
	cmdutil.AddTopFlag(cmd, &opts.Top, 10, "items in each section")
	cmdutil.AddEmitFlag(cmd, &opts.Emit)
	return cmd
}

func analyzeRun(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	if err := opts.Seg.Load(f); err != nil {
		return err
	}
	settings := overview.Settings{HMM: opts.Seg.HMM, Clean: opts.In.Clean()}
	var err error
	if settings.Dicts, err = opts.Seg.Digest(); err != nil {
		return err
	}
	an, err := overview.Default()
	if err != nil {
		return err
	}
	// keyword candidates with the HMM's new words, as keywords ranks them
	an.Keywords.NewWords = opts.Seg.NewWords(f)
	disp, err := script.NewDisplay(opts.Script)
	if err != nil {
		return err
	}
	total := overview.New(an)
	inputs := partial.Inputs{Empty: opts.In.Shard + " " + strings.Join(opts.Paths, " ")}
	docs := cmdutil.Docs{F: f, In: &opts.In, Label: "analyze", ReleaseInput: true,
		Cut: &seg.Options{Mode: seg.Precise, HMM: opts.Seg.HMM, POS: true}}
	// each document is counted on its worker straight into a sum of the
	// worker's own (summaries merge in any order), not summarised alone and
	// merged in the ordered emit (at -j 1 too: less work)
	sums := corpus.NewPool(opts.In.Jobs, func() *overview.Summary { return overview.New(an) })
	out, err := cmdutil.RunDocs(ctx, docs, opts.Paths,
		func(ctx context.Context, d *corpus.Doc) (*overview.Summary, error) {
			doc := overview.Doc{Encoding: d.Encoding, Format: d.Format, Size: d.Size, Script: d.Script.Kind.String()}
			sums.Do(func(sum *overview.Summary) { sum.AddDoc(d.In, doc, an) })
			return nil, nil
		},
		func(d *corpus.Doc, s *overview.Summary) error {
			if s != nil {
				total.Merge(s)
			}
			inputs.Add(d.Name, int64(len(d.Original)))
			return nil
		})
	if err != nil {
		return err
	}
	total = sums.Fold(total, func(into, from *overview.Summary) { into.Merge(from) })
	if opts.Emit == "partial" {
		if err := overview.WritePartial(opts.IO.Out, overview.Header{Envelope: partial.Envelope{Tool: f.Version, Parts: inputs.Parts()}, Settings: settings}, total); err != nil {
			return err
		}
		return cmdutil.Exit(out, 0)
	}
	w, err := report.NewWriter(opts.IO.Out, opts.Format, report.Options{TTY: opts.IO.IsStdoutTTY()})
	if err != nil {
		return err
	}
	if err := views.Overview(total, disp, opts.Top).Write(w, opts.Format); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return cmdutil.Exit(out, 0)
}
