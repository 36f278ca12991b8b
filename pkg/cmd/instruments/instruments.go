// Package instruments implements `zhpolicy instruments`.
package instruments

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"zhpolicy/pkg/analysis/bygroup"
	"zhpolicy/pkg/analysis/instruments"
	"zhpolicy/pkg/analysis/timeseries"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/partial"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/structure"
	"zhpolicy/pkg/views"
)

// Options are the settings of one instruments run.
type Options struct {
	IO *iostreams.IOStreams

	Paths      []string
	In         cmdutil.InputFlags
	Format     string
	Frame      string
	PrintFrame bool
	Unit       string
	By         []string
	Level      string
	Multi      bool
	All        bool
	Agree      string
	Dates      cmdutil.DateFlags
	Emit       string
}

// NewCmdInstruments returns the instruments command.
func NewCmdInstruments(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "instruments [path...]",
		Short: "Code documents by policy instrument (Rothwell–Zegveld or your own frame)",
		Long: `Code every sentence (or clause, or headed section) of each document by policy
instrument: the built-in frame is Rothwell and Zegveld's — supply (资金投入,
人才培养, 技术支持, 基础设施, 公共服务), environment (目标规划, 税收优惠, 金融支持,
法规管制, 策略性措施) and demand (政府采购, 服务外包, 示范应用, 贸易管制, 海外合作).
A unit gets every subcategory whose terms or patterns it contains; its
primary code is the one with the most evidence. Each row gives the unit id
(chapter-article style: 3-2-s1 is the first sentence under 三、（二）), the
category and subcategory, the evidence and its byte offsets — long format
for R and Stata (--format csv). --all lists uncoded units too ("none").

--by doc|year|issuer|doctype|COLUMN[,COLUMN] counts coded units instead: a
crosstab of categories (--level category) or subcategories by document, by
year, by lead issuer or document type (as the structure command reads them),
or by a column of the --meta CSV (a second dimension after a comma, e.g.
--by year,stage), with each code's share of the group's coded units, its
share of all units and its rate per 10,000 characters. Years come from the
--meta CSV, else the date the document gives itself (成文日期), else the
file name (--date-from-name for a pattern of your own).

--agree human.csv compares the primary codes with a human coding (columns
doc, unit, category[, subcategory]; doc is the file name without its
extension; empty category = none) and prints Cohen's κ for categories and
subcategories, the confusion table and every disagreement. Cut the units
the same way (--unit) as the human did; list them for a coder with --all.

--frame my.yaml codes with your own frame; --print-frame prints the
built-in one to start from (categories → subcategories → terms, strong
terms, patterns 给予…补助, exclusions).

--by … --emit partial writes the counts as a partial file instead: count
each shard of a corpus (--shard i/n) apart, then add the partials with
` + "`zhpolicy merge`" + `, which prints the table one run over all documents gives.` + "\n\n" + cmdutil.WholeHelp,
		Example: `  zhpolicy instruments testdata/sample/
  zhpolicy instruments --all --format csv testdata/sample/ > units.csv
  zhpolicy instruments --by doc --level category testdata/sample/
  zhpolicy instruments --by year --format csv testdata/sample/ > by_year.csv
  zhpolicy instruments --print-frame > my-frame.yaml && zhpolicy instruments --frame my-frame.yaml testdata/sample/
  zhpolicy instruments --by year --emit partial --shard 1/2 testdata/sample/ > part1.jsonl`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			if opts.PrintFrame {
				if runF != nil {
					return runF(opts)
				}
				_, err := opts.IO.Out.Write([]byte(instruments.BuiltinYAML()))
				return err
			}
			if err := opts.In.Validate(); err != nil {
				return err
			}
			if _, ok := instruments.ParseUnitKind(opts.Unit); !ok {
				return cmdutil.FlagErrorf("invalid --unit %q: use sentence, clause or section", opts.Unit)
			}
			if len(opts.By) > 2 {
				return cmdutil.FlagErrorf("--by takes at most two dimensions (for example year,stage)")
			}
			for _, b := range opts.By {
				if strings.TrimSpace(b) == "" {
					return cmdutil.FlagErrorf("invalid --by: an empty dimension")
				}
				if b != "doc" && b != "year" && !bygroup.Dimension(b) && opts.Dates.Meta == "" {
					return cmdutil.FlagErrorf("--by %s needs a --meta CSV with a %s column (or use doc, year, issuer or doctype)", b, b)
				}
			}
			if opts.Emit == "partial" && len(opts.By) == 0 {
				return cmdutil.FlagErrorf("--emit partial needs --by: partials hold counts by group (--by doc, year, issuer, doctype or a --meta column)")
			}
			if opts.Agree != "" && len(opts.By) > 0 {
				return cmdutil.FlagErrorf("--agree cannot be used with --by")
			}
			if runF != nil {
				return runF(opts)
			}
			return instrumentsRun(c.Context(), f, opts)
		},
	}
	cmdutil.AddInputFlags(cmd, &opts.In, true)
	cmdutil.AddFormatFlag(cmd, &opts.Format, report.Formats...)
	cmdutil.AddDateFlags(cmd, &opts.Dates)
	cmdutil.AddEmitFlag(cmd, &opts.Emit)
	fl := cmd.Flags()
	fl.StringVar(&opts.Frame, "frame", "", "coding frame `YAML` (default: the built-in Rothwell–Zegveld frame)")
	fl.BoolVar(&opts.PrintFrame, "print-frame", false, "print the built-in frame (YAML) and exit")
	cmdutil.EnumFlag(cmd, &opts.Unit, "unit", "", "coding unit: sentence, clause (cut at ；) or section (a headed part, as the structure command reads it)", "sentence", "clause", "section")
	fl.StringSliceVar(&opts.By, "by", nil, "count coded units by doc, year, issuer, doctype or a --meta `column` (two: year,stage)")
	cmdutil.EnumFlag(cmd, &opts.Level, "level", "", "with --by: rows of subcategories or categories", "subcategory", "category")
	fl.BoolVar(&opts.Multi, "multi", false, "with --by: count every code of a unit, not only its primary code")
	fl.BoolVar(&opts.All, "all", false, "list uncoded units too (category none)")
	fl.StringVar(&opts.Agree, "agree", "", "human coding `CSV` (doc,unit,category[,subcategory]): print Cohen's κ")
	return cmd
}

// docResult is one coded document and its group.
type docResult struct {
	res   *instruments.Result
	group instruments.Group
	out   *views.Prepared // the document's table, rendered on the worker
}

func instrumentsRun(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	frame, err := loadFrame(opts.Frame)
	if err != nil {
		return err
	}
	coder, err := instruments.NewCoder(frame)
	if err != nil {
		return err
	}
	kind, _ := instruments.ParseUnitKind(opts.Unit)
	dates, meta, err := opts.Dates.Resolver(bygroup.MetaColumns(opts.By))
	if err != nil {
		return err
	}
	var human []instruments.HumanCode
	if opts.Agree != "" {
		fh, err := os.Open(opts.Agree)
		if err != nil {
			return fmt.Errorf("--agree %s: %w", opts.Agree, cmdutil.PathErr(err))
		}
		human, err = instruments.ReadHuman(fh, opts.Agree)
		fh.Close()
		if err != nil {
			return err
		}
	}
	var counts *instruments.Counts
	if len(opts.By) > 0 {
		counts = instruments.NewCounts(coder.SettingsFor(kind, opts.Multi, opts.By...), coder.Refs())
	}
	w, err := report.NewWriter(opts.IO.Out, opts.Format, report.Options{TTY: opts.IO.IsStdoutTTY()})
	if err != nil {
		return err
	}
	streaming := counts == nil && human == nil
	var results []*instruments.Result
	inputs := partial.Inputs{Empty: opts.In.Shard + " " + strings.Join(opts.Paths, " ")}
	docs := cmdutil.Docs{F: f, In: &opts.In, Label: "instruments", StreamsOutput: streaming, ReleaseInput: true}
	out, err := cmdutil.RunDocs(ctx, docs, opts.Paths,
		func(ctx context.Context, d *corpus.Doc) (docResult, error) {
			in := d.Input()
			// the units are numbered by the document's sections, and --by
			// issuer|doctype reads its head
			st := structure.ParseFolded(in.Text, in.Folded)
			o := instruments.Options{Unit: kind, Sections: instruments.SectionsOf(st)}
			r, err := coder.Code(ctx, in, o)
			if err != nil {
				return docResult{}, err
			}
			var g instruments.Group
			if counts != nil {
				g = group(opts.By, d, dates, meta, st)
			}
			if streaming {
				// offsets in the document as given; the unit's text as coded, and as
				// given when that differs
				r.MapOffsets(d.OriginalSpan)
				for i := range r.Units {
					if o := d.Original[r.Units[i].Start:r.Units[i].End]; o != r.Units[i].Text {
						r.Units[i].Original = o
					}
				}
				out, err := views.CodedUnits(d.Name, r, opts.All).Prepare(w, opts.Format)
				return docResult{res: r, out: out}, err
			}
			return docResult{res: r, group: g}, nil
		},
		func(d *corpus.Doc, v docResult) error {
			v.res.Doc = d.Name
			inputs.Add(d.Name, int64(len(d.Original)))
			switch {
			case counts != nil:
				counts.Add(v.res, v.group)
			case human != nil:
				v.res.Doc = docID(d.Name)
				results = append(results, v.res)
			default:
				return v.out.Write(w)
			}
			return nil
		})
	if err != nil {
		return err
	}
	if counts != nil && opts.Emit == "partial" {
		h := instruments.Header{Envelope: partial.Envelope{Tool: f.Version, Parts: inputs.Parts()}}
		if err := instruments.WritePartial(opts.IO.Out, h, counts); err != nil {
			return err
		}
		return cmdutil.Exit(out, 0)
	}
	switch {
	case counts != nil:
		labels := map[string]string{}
		for _, r := range coder.Refs() {
			labels[r.Category] = r.CategoryLabel
			labels[r.Category+"/"+r.Subcategory] = r.Label
		}
		err = views.InstrumentCounts(counts, opts.Level, labels).Write(w, opts.Format)
	case human != nil:
		cmp, cerr := instruments.Compare(results, human, frame)
		if cerr != nil {
			return cmdutil.FlagErrorf("%s: %v", opts.Agree, cerr)
		}
		err = views.Agreement(cmp).Write(w, opts.Format)
	}
	if err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return cmdutil.Exit(out, 0)
}

func loadFrame(path string) (*instruments.Frame, error) {
	if path == "" {
		return instruments.Builtin()
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("--frame %s: %w", path, cmdutil.PathErr(err))
	}
	return instruments.ParseFrame(b, path)
}

// group is a document's value of each --by dimension.
func group(by []string, d *corpus.Doc, dates *timeseries.Resolver, meta *timeseries.Meta, st *structure.Document) instruments.Group {
	vals := make([]string, 2)
	for i, b := range by {
		switch b {
		case "doc":
			vals[i] = d.Name
		case "issuer", "doctype":
			vals[i] = (&bygroup.Resolver{Dates: dates}).Of(st, d.Name).Group(b)
		case "year":
			date, _ := dates.Date(d.Name, d.Text)
			vals[i] = timeseries.Period(date)
		default:
			row, _ := meta.Row(d.Name)
			vals[i] = row[b]
			if vals[i] == "" {
				vals[i] = "(none)"
			}
		}
	}
	return instruments.Group{A: vals[0], B: vals[1]}
}

// docID names a document as a human coding does: its file name without
// extension.
func docID(name string) string {
	base := filepath.Base(name)
	return strings.TrimSuffix(base, filepath.Ext(base))
}
