// Package entities implements `zhpolicy entities`.
package entities

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"zhpolicy/pkg/analysis"
	ent "zhpolicy/pkg/analysis/entities"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/report"
	seg "zhpolicy/pkg/segment"
)

// Options are the settings of one entities run.
type Options struct {
	IO        *iostreams.IOStreams
	Global    *cmdutil.GlobalOptions
	Segmenter func() (*seg.Segmenter, error)
	Docs      *cmdutil.DocSource

	Paths      []string
	Types      []string
	Gazetteers []string
	Dicts      []string
	Corpus     bool
	Top        int
}

// NewCmdEntities returns the entities command. runF, when not nil,
// replaces the run function (tests check flag parsing with it).
func NewCmdEntities(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO, Global: f.Global, Segmenter: f.Segmenter, Docs: cmdutil.NewDocSource(f)}
	cmd := &cobra.Command{
		Use:   "entities [path...]",
		Short: "List the people, organisations, places, dates and documents each document names",
		Long: `List the named entities of each document, or with --corpus of all documents
together, without a neural model: rules, patterns and built-in lists (a
gazetteer of administrative divisions, countries and bodies, family names,
titles, organisation endings).

Types:
  PER      people, with the title written next to them (市委书记姜冬冬)
  ORG      organisations: companies, Party and state bodies, universities, zones
  LOC      places: countries, provinces, cities, counties, regions (长三角)
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
type, count, documents, titles. CSV and TSV add the file in per-document
mode. JSON and JSON Lines give every entity with its mentions: byte offsets
(start, end) into the decoded input text.

--gazetteer adds your own names, one ` + "`name type`" + ` a line (type PER, ORG,
LOC, ...); they win over the built-in rules.`,
		Example: `  zhpolicy entities report.txt
  zhpolicy entities --type PER,ORG --format csv reports/ > who.csv
  zhpolicy entities --corpus --top 50 reports/
  zhpolicy entities --gazetteer companies.txt --format jsonl report.txt`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			if err := cmdutil.ValidateFormat(opts.Global.Format, cmdutil.Formats); err != nil {
				return err
			}
			if _, err := parseTypes(opts.Types); err != nil {
				return cmdutil.FlagErrorf("invalid --type: %v", err)
			}
			if err := cmdutil.CheckTop(opts.Top); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return entitiesRun(c.Context(), f, opts)
		},
	}
	fl := cmd.Flags()
	fl.StringSliceVarP(&opts.Types, "type", "t", nil, "entity types to list, comma-separated (default all)")
	fl.StringArrayVar(&opts.Gazetteers, "gazetteer", nil, "file of more entities, one `name type` a line (repeatable)")
	fl.StringArrayVar(&opts.Dicts, "dict", nil, "user dictionary for the segmenter, one `word [freq] [pos]` a line (repeatable)")
	fl.BoolVar(&opts.Corpus, "corpus", false, "print one list for all documents together instead of one per document")
	fl.IntVarP(&opts.Top, "top", "k", 0, "entities per list, most frequent first; 0 for all")
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

type docResult struct {
	doc      *corpus.Doc
	mentions []ent.Mention // offsets into doc.Original, text as cleaned
}

func entitiesRun(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	types, _ := parseTypes(opts.Types)
	user, err := readGazetteers(opts.Gazetteers)
	if err != nil {
		return err
	}
	if err := cmdutil.LoadUserDicts(f, opts.Dicts); err != nil {
		return err
	}
	// user names are words for the segmenter too, so that they are not cut
	for _, e := range user {
		f.SegmenterConfig.User = append(f.SegmenterConfig.User, seg.Entry{Word: e.Name, Freq: seg.DefaultUserFreq})
	}
	sg, err := opts.Segmenter()
	if err != nil {
		return err
	}
	disp, err := newDisplay(opts.Global.Script)
	if err != nil {
		return err
	}
	x := ent.New(user)
	out := newOutput(opts, disp)
	cutOpts := seg.Options{Mode: seg.Precise, HMM: seg.DefaultHMM, POS: true}
	work := func(ctx context.Context, d *corpus.Doc) (docResult, error) {
		in, err := prepare(sg, d, cutOpts)
		if err != nil {
			return docResult{}, err
		}
		ms := ent.Filter(x.Extract(in), types)
		for i := range ms {
			ms[i].Start, ms[i].End = d.OriginalSpan(ms[i].Start, ms[i].End)
		}
		return docResult{doc: d, mentions: ms}, nil
	}
	runErr := cmdutil.EachDoc(ctx, opts.Docs, opts.Paths, work, out.add)
	var partial *cmdutil.PartialError
	if runErr != nil && !errors.As(runErr, &partial) {
		return runErr
	}
	if err := out.finish(); err != nil {
		return err
	}
	return runErr
}

// prepare cuts a document into words (the segmenter cuts a Traditional
// document in its Simplified folding and gives the words back in the
// document's script).
func prepare(sg *seg.Segmenter, d *corpus.Doc, cutOpts seg.Options) (*analysis.Input, error) {
	toks, err := sg.Cut(d.Text, cutOpts)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", d.Name, err)
	}
	return analysis.NewInput(d.Name, d.Text, d.Script.Kind, toks), nil
}

// display turns a counted entity into the form shown.
type display struct{ *cmdutil.Display }

func newDisplay(mode string) (*display, error) {
	switch mode {
	case "auto", "", "s", "t", "tw", "hk":
	default:
		return nil, cmdutil.FlagErrorf("invalid --script %q: use auto, s, t, tw or hk", mode)
	}
	d, err := cmdutil.NewDisplay(mode)
	return &display{d}, err
}

// show gives the displayed form of an entity key whose most frequent
// surface form is surface.
func (d *display) show(key, surface string) string { return d.Show(key, surface) }

// titles shows a person's titles; in auto mode as the documents wrote them.
func (d *display) titles(e *ent.Entity) []string {
	out := make([]string, len(e.Titles))
	for i, t := range e.Titles {
		out[i] = d.Show(t, titleSurface(e, t))
	}
	return out
}

// titleSurface finds how the documents wrote title t: the title key is
// Simplified, but a Traditional document wrote it in its own script.
func titleSurface(e *ent.Entity, t string) string {
	for _, m := range e.Mentions {
		if m.Title == t && m.TitleText != "" {
			return m.TitleText
		}
	}
	return t
}

// output gathers or streams results in the chosen format.
type output struct {
	opts   *Options
	disp   *display
	format string
	jl     *report.JSONLines

	tables []report.Table
	shown  int
	rows   [][]string
	json   []docJSON
	corp   *ent.Counter
	files  int
}

type mentionJSON struct {
	File  string `json:"file,omitempty"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Title string `json:"title,omitempty"`
}

type entityJSON struct {
	File      string        `json:"file,omitempty"`
	Text      string        `json:"text"`
	Key       string        `json:"key"`
	Type      ent.Type      `json:"type"`
	Count     int           `json:"count"`
	Documents int           `json:"documents,omitempty"`
	Titles    []string      `json:"titles,omitempty"`
	Mentions  []mentionJSON `json:"mentions"`
}

type docJSON struct {
	File     string       `json:"file"`
	Entities []entityJSON `json:"entities"`
}

func newOutput(opts *Options, disp *display) *output {
	o := &output{opts: opts, disp: disp, format: opts.Global.Format}
	if o.format == "jsonl" {
		o.jl = report.NewJSONLines(opts.IO.Out)
	}
	if opts.Corpus {
		o.corp = ent.NewCounter()
	}
	return o
}

func (o *output) top(es []*ent.Entity) []*ent.Entity {
	if o.opts.Top > 0 && len(es) > o.opts.Top {
		return es[:o.opts.Top]
	}
	return es
}

func (o *output) entityJSON(e *ent.Entity, file string, corpus bool) entityJSON {
	j := entityJSON{File: file, Text: o.disp.show(e.Key, e.Surface()), Key: e.Key, Type: e.Type, Count: e.Count,
		Titles: o.disp.titles(e), Mentions: make([]mentionJSON, len(e.Mentions))}
	if corpus {
		j.Documents = e.Docs
	}
	for i, m := range e.Mentions {
		mj := mentionJSON{Start: m.Start, End: m.End, Text: m.Text, Title: m.Title}
		if corpus {
			mj.File = m.File
		}
		j.Mentions[i] = mj
	}
	return j
}

func (o *output) add(r docResult) error {
	o.files++
	if o.corp != nil {
		o.corp.Add(r.doc.Name, r.mentions)
		return nil
	}
	c := ent.NewCounter()
	c.Add(r.doc.Name, r.mentions)
	es := o.top(c.Entities())
	switch o.format {
	case "json":
		d := docJSON{File: r.doc.Name, Entities: []entityJSON{}}
		for _, e := range es {
			d.Entities = append(d.Entities, o.entityJSON(e, "", false))
		}
		o.json = append(o.json, d)
	case "jsonl":
		for _, e := range es {
			if err := o.jl.Write(o.entityJSON(e, r.doc.Name, false)); err != nil {
				return err
			}
		}
	case "csv", "tsv":
		for _, e := range es {
			o.rows = append(o.rows, append([]string{r.doc.Name}, o.row(e, false)...))
		}
	case "markdown":
		o.tables = append(o.tables, o.table(r.doc.Name, es, false))
	default:
		t := o.table(r.doc.Name, es, false)
		if err := o.writeTable(t); err != nil {
			return err
		}
	}
	return nil
}

func (o *output) writeTable(t report.Table) error {
	if o.shown > 0 {
		if _, err := fmt.Fprintln(o.opts.IO.Out); err != nil {
			return err
		}
	}
	o.shown++
	return report.WriteTables(o.opts.IO.Out, "table", t)
}

func (o *output) row(e *ent.Entity, corpus bool) []string {
	r := []string{o.disp.show(e.Key, e.Surface()), string(e.Type), strconv.Itoa(e.Count)}
	if corpus {
		r = append(r, strconv.Itoa(e.Docs))
	}
	return append(r, strings.Join(o.disp.titles(e), "、"))
}

func (o *output) table(title string, es []*ent.Entity, corpus bool) report.Table {
	t := report.Table{Title: title, Header: []string{"entity", "type", "count"},
		Align: []report.Align{report.Left, report.Left, report.Right}}
	if corpus {
		t.Header = append(t.Header, "documents")
		t.Align = append(t.Align, report.Right)
	}
	t.Header = append(t.Header, "titles")
	t.Align = append(t.Align, report.Left)
	for _, e := range es {
		t.Rows = append(t.Rows, o.row(e, corpus))
	}
	if len(es) == 0 {
		t.Footer = "no entities"
	}
	return t
}

func (o *output) finish() error {
	w := o.opts.IO.Out
	if o.corp != nil {
		es := o.top(o.corp.Entities())
		title := fmt.Sprintf("corpus (%d documents)", o.files)
		switch o.format {
		case "json":
			list := []entityJSON{}
			for _, e := range es {
				list = append(list, o.entityJSON(e, "", true))
			}
			return report.WriteJSON(w, list)
		case "jsonl":
			for _, e := range es {
				if err := o.jl.Write(o.entityJSON(e, "", true)); err != nil {
					return err
				}
			}
			return nil
		case "csv", "tsv", "markdown":
			return report.WriteTables(w, o.format, o.table(title, es, true))
		default:
			return o.writeTable(o.table(title, es, true))
		}
	}
	switch o.format {
	case "json":
		if o.json == nil {
			o.json = []docJSON{}
		}
		return report.WriteJSON(w, o.json)
	case "csv", "tsv":
		t := report.Table{Header: []string{"file", "entity", "type", "count", "titles"}, Rows: o.rows}
		return report.WriteTables(w, o.format, t)
	case "markdown":
		return report.WriteTables(w, o.format, o.tables...)
	}
	return nil
}
