// Package entities implements `zhpolicy entities`.
package entities

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	ent "zhpolicy/pkg/analysis/entities"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/partial"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/script"
	seg "zhpolicy/pkg/segment"
	"zhpolicy/pkg/views"
)

// Options are the settings of one entities run.
type Options struct {
	IO *iostreams.IOStreams

	Paths      []string
	In         cmdutil.InputFlags
	Seg        cmdutil.SegFlags
	Format     string
	Script     string
	Types      []string
	Gazetteers []string
	Corpus     bool
	Top        int
	Emit       string // report or partial
}

// NewCmdEntities returns the entities command. runF, when not nil,
// replaces the run function (tests check flag parsing with it).
func NewCmdEntities(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "entities [path...]",
		Short: "List the people, organisations, places, dates and documents each document names",
		Long: `List the named entities of each document, or with --corpus of all documents
together, without a neural model: rules, patterns and built-in lists (a
gazetteer of administrative divisions, countries and bodies, family names,
titles, organisation endings).

Types:
  PER      people named with evidence (a title or form of address next to the
           name, a header or caption line, a contact list or telephone number,
           a list of names joined by 、, a warning such as 汲取X等案件教训,
           the lists of public figures), with
           the title written next to them (市委书记姜冬冬); never photo credits,
           editors, or the names of roads and railways (惠肇高速)
  ORG      organisations at full extent: Party and state bodies, companies (a
           group with its subsidiary), universities, hospitals, associations,
           zones, a leading group with its special committee; never a kind
           of body (上市公司, 有关部门, each province's department in an
           addressee list: 各省、自治区…发展改革委)
  LOC      places: countries, provinces, cities, counties, regions (长三角),
           rivers, mountains; not 中华 of 中华民族, 中欧 of 中欧班列, nor a
           place word inside a compound (中台 of 数据中台)
  DATE     dates and periods (2025年9月24日, 上半年, 今年以来)
  DOC      titles in 《》 (《政府工作报告》)
  MEETING  meetings and plenums (十四届全国人大三次会议, 二十届三中全会)
  TITLE    official positions (市委书记, 国务院副总理)
  MONEY    amounts (5000亿元)
  PERCENT  shares (5.2%, 百分之五, 0.5个百分点)

Entities are counted in Simplified script, so Traditional and Simplified
documents count together; an entity is shown as the documents wrote it
(--script auto) or converted (--script s|t|tw|hk).

Columns: entity, type, count, titles (for people). With --corpus: entity,
type, count, documents, titles. CSV, TSV and JSON Lines add the file in
per-document mode. JSON and JSON Lines give every entity with its mentions:
byte offsets (start, end) into the decoded input text.

--gazetteer adds your own names, one ` + "`name type`" + ` a line (type PER, ORG,
LOC, ...); they win over the built-in rules.

--corpus --emit partial writes the corpus counts (every entity with its
mentions, documents, titles and forms) as a partial file: count each shard of
a corpus (--shard i/n) apart, then add the partials with ` + "`zhpolicy merge`" + `, which
prints the same table as one --corpus run over all of them. Partials made with
a different --type, --gazetteer, --dict, --hmm or --no-clean are not merged.
The corpus table lists no mentions (their offsets are in the per-document
output).` + "\n\n" + cmdutil.WholeHelp,
		Example: `  zhpolicy entities testdata/sample/municipal_report.txt
  zhpolicy entities --type PER,ORG --format csv testdata/sample/ > who.csv
  zhpolicy entities --corpus --top 50 testdata/sample/
  zhpolicy entities --format jsonl testdata/sample/traditional_notice.txt
  zhpolicy entities --corpus --emit partial testdata/sample/ > ent.partial && zhpolicy merge ent.partial`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			if err := opts.In.Validate(); err != nil {
				return err
			}
			if _, err := parseTypes(opts.Types); err != nil {
				return cmdutil.FlagErrorf("invalid --type: %v", err)
			}
			if err := cmdutil.CheckTop(opts.Top); err != nil {
				return err
			}
			if opts.Emit == "partial" && !opts.Corpus {
				return cmdutil.FlagErrorf("--emit partial needs --corpus: partials hold corpus counts")
			}
			if opts.Emit == "partial" && opts.Top != 0 {
				return cmdutil.FlagErrorf("--emit partial writes the whole counts: --top applies when the table is printed")
			}
			if runF != nil {
				return runF(opts)
			}
			return entitiesRun(c.Context(), f, opts)
		},
	}
	cmdutil.AddInputFlags(cmd, &opts.In, true)
	cmdutil.AddSegFlags(cmd, &opts.Seg, seg.DefaultHMM)
	cmdutil.AddFormatFlag(cmd, &opts.Format, report.Formats...)
	cmdutil.AddScriptFlag(cmd, &opts.Script)
	cmdutil.AddTopFlag(cmd, &opts.Top, 0, "entities per list, most frequent first")
	fl := cmd.Flags()
	fl.StringSliceVarP(&opts.Types, "type", "t", nil, "entity types to list, comma-separated (default all)")
	fl.StringArrayVar(&opts.Gazetteers, "gazetteer", nil, "file of more entities, one `name type` a line (repeatable)")
	fl.BoolVar(&opts.Corpus, "corpus", false, "print one list for all documents together instead of one per document")
	cmdutil.AddEmitFlag(cmd, &opts.Emit)
	return cmd
}

func parseTypes(names []string) ([]ent.Type, error) {
	var out []ent.Type
	for _, n := range names {
		for _, p := range strings.Split(n, ",") {
			if strings.TrimSpace(p) == "" {
				continue
			}
			t, err := ent.ParseType(p)
			if err != nil {
				return nil, err
			}
			out = append(out, t)
		}
	}
	return out, nil
}

// readGazetteers reads the --gazetteer files.
func readGazetteers(paths []string) ([]ent.Entry, error) {
	var out []ent.Entry
	for _, p := range paths {
		fh, err := os.Open(p)
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, fmt.Errorf("--gazetteer %s: %w", p, err)
		}
		es, err := ent.ParseGazetteer(p, fh)
		fh.Close()
		if err != nil {
			return nil, err
		}
		out = append(out, es...)
	}
	return out, nil
}

// docEntities is one document's result: its mentions to count (--corpus),
// or its table.
type docEntities struct {
	mentions []ent.Mention
	out      *report.Prepared
}

func entitiesRun(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	types, _ := parseTypes(opts.Types)
	user, err := readGazetteers(opts.Gazetteers)
	if err != nil {
		return err
	}
	if err := opts.Seg.Load(f); err != nil {
		return err
	}
	// user names are words for the segmenter too, so that they are not cut
	for _, e := range user {
		f.SegmenterConfig.User = append(f.SegmenterConfig.User, seg.Entry{Word: e.Name, Freq: seg.DefaultUserFreq})
	}
	disp, err := script.NewDisplay(opts.Script)
	if err != nil {
		return err
	}
	w, err := report.NewWriter(opts.IO.Out, opts.Format, report.Options{TTY: opts.IO.IsStdoutTTY()})
	if err != nil {
		return err
	}
	x := ent.New(user)
	settings := x.Settings(types)
	settings.HMM, settings.Clean = opts.Seg.HMM, opts.In.Clean()
	if settings.Dicts, err = opts.Seg.Digest(); err != nil {
		return err
	}
	var counts *ent.Counts
	inputs := partial.Inputs{Empty: opts.In.Shard + " " + strings.Join(opts.Paths, " ")}
	if opts.Corpus {
		counts = ent.NewCounts(settings)
	}
	docs := cmdutil.Docs{F: f, In: &opts.In, Label: "entities", StreamsOutput: !opts.Corpus, ReleaseInput: true,
		Cut: &seg.Options{Mode: seg.Precise, HMM: opts.Seg.HMM, POS: true}}
	res, err := cmdutil.RunDocs(ctx, docs, opts.Paths,
		func(ctx context.Context, d *corpus.Doc) (docEntities, error) {
			ms := ent.Filter(x.Extract(d.In), types)
			for i := range ms {
				ms[i].Start, ms[i].End = d.OriginalSpan(ms[i].Start, ms[i].End)
			}
			if counts != nil {
				return docEntities{mentions: ms}, nil
			}
			// a document's table, rendered on its worker
			c := ent.NewCounter()
			c.Add(d.Name, ms)
			out, err := w.Prepare(views.Entities(disp, d.Name, []report.KV{{Key: "file", Value: d.Name}}, c.Entities(), opts.Top))
			return docEntities{out: out}, err
		},
		func(d *corpus.Doc, r docEntities) error {
			if counts != nil {
				inputs.Add(d.Name, int64(len(d.Original)))
				counts.Add(r.mentions)
				return nil
			}
			return w.WritePrepared(r.out)
		})
	if err != nil {
		return err
	}
	if opts.Emit == "partial" {
		h := ent.Header{Envelope: partial.Envelope{Tool: f.Version, Parts: inputs.Parts()}}
		if err := ent.WritePartial(opts.IO.Out, h, counts); err != nil {
			return err
		}
		return cmdutil.Exit(res, 0)
	}
	if counts != nil {
		w.Meta(views.EntityMeta(counts)...)
		if err := w.Table(views.EntityCounts(disp, counts, opts.Top)); err != nil {
			return err
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	return cmdutil.Exit(res, 0)
}
