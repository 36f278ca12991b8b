// Package freq implements `zhpolicy freq`.
package freq

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"zhpolicy/pkg/analysis/bygroup"
	"zhpolicy/pkg/analysis/freq"
	"zhpolicy/pkg/analysis/timeseries"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/partial"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/structure"
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
	By       string // "" (corpus), "doc", "year", "section", "issuer", "doctype" or a --meta column
	Emit     string // report or partial
	Dates    cmdutil.DateFlags
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
pandas. --by year prints attention over time as a tidy table: per year and
term (the --top most frequent of the corpus), the count, the documents, the
count per 10,000 characters and the year's documents and characters. A
document's year comes from a --meta CSV, else the date the document gives
itself (成文日期, in either numeral form), else its file name (--date-from-name
for a pattern of your own); documents without one are counted as undated.

--by section gives a section × term matrix: one row per section of each
document (its GB/T 9704 headings 一、 （一） 1. （1）, 第N章, 第N条, and each
attachment, as the structure command lists them); --by issuer or doctype
one row per lead issuer or document type (as the structure command reads
them), --by COLUMN one row per value of a --meta column.

--emit partial writes the counts as a partial file (JSON Lines) instead of
a report; ` + "`zhpolicy merge`" + ` adds partials of separate runs into the report
one run over all documents would give: split a corpus that outgrows one
machine into shards (--shard i/n), count each anywhere, merge at the end.

Memory: documents are counted one at a time and only the counts are kept,
so a corpus of any size fits; a big plain-text file is read and counted in
parts of about 1 MB, so its memory stays bounded whatever its size (files
over --max-size, 1G by default, are skipped: raise it for bigger ones; HTML,
DOCX and PDF inputs are read whole).`,
		Example: `  zhpolicy freq testdata/sample/
  zhpolicy freq --top 50 --min-len 2 --stopwords builtin testdata/sample/
  zhpolicy freq --ngram 2 --han --top 30 testdata/sample/municipal_report.txt
  zhpolicy freq --chars --top 0 --format csv testdata/sample/ > chars.csv
  zhpolicy freq --by doc --top 100 --format csv testdata/sample/ > dtm.csv
  zhpolicy freq --by year --han --min-len 2 --top 10 --format csv testdata/sample/ > by_year.csv
  zhpolicy freq --by section --han --min-len 2 testdata/structure/lj_2025_12.txt
  zhpolicy freq --by doctype --top 10 --format csv testdata/structure/ > by_type.csv
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
			case "", "corpus", "doc", "year", "section", "issuer", "doctype":
			default:
				if opts.Dates.Meta == "" {
					return cmdutil.FlagErrorf("invalid --by %q: use doc (one row per document), year (a row per year and term), section, issuer, doctype, corpus, or a column of a --meta CSV", opts.By)
				}
			}
			if opts.Emit == "partial" && opts.By != "" && opts.By != "corpus" {
				return cmdutil.FlagErrorf("--by %s cannot be emitted as a partial: partials hold corpus counts; run --by %s on each shard instead", opts.By, opts.By)
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
	fl.StringVar(&opts.By, "by", "", "doc: a document × term matrix; year: counts per year and term; section, issuer, doctype or a --meta `column`: a matrix by group")
	cmdutil.AddDateFlags(cmd, &opts.Dates)
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
	docs := cmdutil.Docs{F: f, In: &opts.In, Label: "freq", PartSize: corpus.PartBytes, ReleaseInput: true}
	if counting.NeedsCut {
		docs.Cut = &counting.Cut
	}
	total := freq.New()
	inputs := partial.Inputs{Empty: opts.In.Shard + " " + strings.Join(opts.Paths, " ")}
	var perDoc []views.DocCounts
	var doc *freq.Counts // the document whose parts are being added up
	var series *timeseries.Series
	var dates *timeseries.Resolver
	var docDate timeseries.Date
	var docChars int64
	if opts.By == "year" {
		if dates, _, err = opts.Dates.Resolver(nil); err != nil {
			return err
		}
		series = timeseries.New(timeseries.Settings{})
	}
	// --by section and the structure groupings read each document's
	// structure: whole documents
	grouped := opts.By == "section" || bygroup.Dimension(opts.By) || opts.By != "" && opts.By != "corpus" && opts.By != "doc" && opts.By != "year"
	var res *bygroup.Resolver
	groups := bygroup.NewFreq()
	if grouped {
		docs.PartSize = 0
		tr, _, err := opts.Dates.Resolver(bygroup.MetaColumns([]string{opts.By}))
		if err != nil {
			return err
		}
		res = &bygroup.Resolver{Dates: tr}
	}
	// a whole document that only adds to the total is counted on its worker
	// straight into a sum of the worker's own (at -j 1 too: no map of the
	// document's terms made and merged in the emit)
	var sums *corpus.Pool[*freq.Counts]
	if opts.By == "" || opts.By == "corpus" {
		sums = corpus.NewPool(opts.In.Jobs, freq.New)
	}
	out, err := cmdutil.RunDocs(ctx, docs, opts.Paths,
		func(ctx context.Context, d *corpus.Doc) (counted, error) {
			in := d.Input()
			if sums != nil && d.Part == 0 && d.Final {
				sums.Do(func(sum *freq.Counts) { sum.AddDoc(in, counting.Opts) })
				return counted{summed: true}, nil
			}
			r := counted{all: freq.Count(in, counting.Opts)}
			if !grouped {
				return r, nil
			}
			st := structure.ParseFolded(in.Text, in.Folded)
			if opts.By == "section" {
				for _, sec := range st.Sections() {
					r.sections = append(r.sections, views.DocCounts{Name: d.Name + " § " + sec.Label(),
						Counts: freq.Count(bygroup.SectionInput(in, sec), counting.Opts)})
				}
				return r, nil
			}
			r.group = res.Of(st, d.Name).Group(opts.By)
			return r, nil
		},
		func(d *corpus.Doc, cd counted) error {
			c := cd.all
			inputs.Add(d.Name, int64(len(d.Original)))
			if cd.summed {
				return nil
			}
			if d.Part == 0 {
				doc, docChars, docDate = c, 0, timeseries.Date{}
			} else {
				doc.MergePart(c)
			}
			if series != nil {
				docChars += int64(utf8.RuneCountInString(d.Text))
				if !docDate.Known() {
					docDate, _ = dates.Date(d.Name, d.Text)
				}
			}
			if !d.Final {
				return nil
			}
			if series != nil {
				counts := map[string]int64{}
				for _, k := range doc.Keys() {
					counts[k] = doc.Get(k).Count
				}
				series.Add(timeseries.Period(docDate), "", docChars, counts)
			}
			total.Merge(doc)
			switch {
			case opts.By == "doc":
				perDoc = append(perDoc, views.DocCounts{Name: d.Name, Counts: doc})
			case opts.By == "section":
				perDoc = append(perDoc, cd.sections...)
			case grouped:
				groups.Add(cd.group, doc)
			}
			return nil
		})
	if err != nil {
		return err
	}
	if sums != nil {
		total = sums.Fold(total, func(into, from *freq.Counts) { into.Merge(from) })
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
	if grouped && opts.By != "section" {
		for _, g := range groups.Groups() {
			perDoc = append(perDoc, views.DocCounts{Name: g, Counts: groups.Get(g)})
		}
	}
	switch {
	case grouped && (opts.Format == "json" || opts.Format == "jsonl"):
		meta, t := views.MatrixJSON(disp, total, perDoc, minCount, opts.Top, opts.Format == "jsonl")
		views.RenameFirstColumn(t, opts.By)
		w.Meta(meta...)
		err = w.Table(t)
	case grouped:
		t := views.Matrix(disp, total, perDoc, minCount, opts.Top)
		views.RenameFirstColumn(t, opts.By)
		err = w.Table(t)
	case opts.By == "doc" && (opts.Format == "json" || opts.Format == "jsonl"):
		meta, t := views.MatrixJSON(disp, total, perDoc, minCount, opts.Top, opts.Format == "jsonl")
		w.Meta(meta...)
		err = w.Table(t)
	case opts.By == "doc":
		err = w.Table(views.Matrix(disp, total, perDoc, minCount, opts.Top))
	case opts.By == "year":
		err = w.Table(views.FreqByYear(disp, total, series, minCount, opts.Top))
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

// counted is one document's counts, and its sections' or its group.
type counted struct {
	all      *freq.Counts
	sections []views.DocCounts
	group    string
	summed   bool // added to a sum on its worker (all is nil)
}
