// Package network implements `zhpolicy network`.
package network

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"zhpolicy/pkg/analysis/entities"
	"zhpolicy/pkg/analysis/instruments"
	"zhpolicy/pkg/analysis/network"
	sl "zhpolicy/pkg/analysis/slogans"
	"zhpolicy/pkg/analysis/timeseries"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/partial"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/safewrite"
	seg "zhpolicy/pkg/segment"
	"zhpolicy/pkg/structure"
	"zhpolicy/pkg/views"
)

// Options are the settings of one network run.
type Options struct {
	IO *iostreams.IOStreams

	Paths        []string
	In           cmdutil.InputFlags
	Seg          cmdutil.SegFlags
	Format       string
	Kind         string
	Items        string
	Window       string
	Issuers      string
	Meta         string
	DateFrom     string
	Output       []string
	MinEdge      int
	TopNodes     int
	DropIsolated bool
	Emit         string
}

// NewCmdNetwork returns the network command.
func NewCmdNetwork(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "network [path...]",
		Short: "Build co-occurrence, co-issuing or citation networks for Gephi, R and Python",
		Long: `Build a network over the documents and write it as GEXF 1.3 (Gephi), GraphML
or node and edge CSV files (-o, by extension: .gexf, .graphml, and
NAME.csv for NAME.nodes.csv plus NAME.edges.csv); the node and edge
tables also go to standard output in --format.

--kind cooccurrence (default): nodes are --items, linked when they occur in
the same --window (sentence or doc):
  slogans      formulations (提法) as zhpolicy slogans finds them
  entities     named entities; entities:ORG (or PER, LOC, …) for one type
  instruments  the policy-instrument subcategories of each unit
  quoted       phrases in quotation marks “…” (2–12 characters)
--kind coissuing: nodes are issuing bodies, linked when they issue a
document together; the issuers of each document are those it names (its
发文机关署名, else its 发文机关标志, else the bodies before 关于 in its title,
as the structure command reads them), or a --meta CSV column (--issuers COLUMN, several
bodies separated by , ; 、 or |).
--kind citation: directed edges from each document to the documents it
cites (《title》 with its number （国发〔2017〕35号）, a notice's title with its
number, or a number alone; numbers broken over lines are read whole), a
cited document counted under its number in the standard form when it has one.

Nodes and edges carry count (windows or citing documents), docs, and the
first and last year they occur in (years from --meta, the document's own
date, or the file name). --min-edge, --top-nodes and --drop-isolated prune
the graph.

--emit partial writes the counts as a partial file: count each shard of a
corpus (--shard i/n) apart, then add the partials with ` + "`zhpolicy merge`" + `,
which prints the tables one run gives.` + "\n\n" + cmdutil.WholeHelp,
		Example: `  zhpolicy network --items instruments testdata/sample/
  zhpolicy network --items slogans --window doc -o slogans.gexf testdata/sample/
  zhpolicy network --kind citation -o citations.graphml testdata/sample/
  zhpolicy network --kind coissuing testdata/structure/
  zhpolicy network --items quoted -o quoted.csv testdata/sample/`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			if err := opts.In.Validate(); err != nil {
				return err
			}
			switch {
			case opts.Kind == "coissuing" && opts.Issuers != "" && opts.Meta == "":
				return cmdutil.FlagErrorf("--issuers COLUMN needs --meta FILE (the CSV with the issuing bodies of each document)")
			case opts.Kind == "cooccurrence":
				if _, _, err := parseItems(opts.Items); err != nil {
					return cmdutil.FlagErrorf("%v", err)
				}
			}
			for _, o := range opts.Output {
				switch strings.ToLower(filepath.Ext(o)) {
				case ".gexf", ".graphml", ".csv":
				default:
					return cmdutil.FlagErrorf("-o %s: write .gexf, .graphml or .csv (nodes and edges)", o)
				}
			}
			if opts.Emit == "partial" && (len(opts.Output) > 0 || opts.MinEdge != 1 || opts.TopNodes != 0 || opts.DropIsolated) {
				return cmdutil.FlagErrorf("--emit partial writes the whole counts: -o, --min-edge, --top-nodes and --drop-isolated apply when the graph is drawn")
			}
			if opts.MinEdge < 1 || opts.TopNodes < 0 {
				return cmdutil.FlagErrorf("--min-edge must be 1 or more, --top-nodes 0 (all) or more")
			}
			if runF != nil {
				return runF(opts)
			}
			return networkRun(c.Context(), f, opts)
		},
	}
	cmdutil.AddInputFlags(cmd, &opts.In, true)
	cmdutil.AddSegFlags(cmd, &opts.Seg, false)
	cmdutil.AddFormatFlag(cmd, &opts.Format, report.Formats...)
	cmdutil.AddDateFlag(cmd, &opts.DateFrom, "", "years of nodes and edges")
	cmdutil.AddEmitFlag(cmd, &opts.Emit)
	fl := cmd.Flags()
	cmdutil.EnumFlag(cmd, &opts.Kind, "kind", "", "network", "cooccurrence", "coissuing", "citation")
	fl.StringVar(&opts.Items, "items", "slogans", "co-occurrence nodes: slogans, entities[:TYPE], instruments or quoted")
	cmdutil.EnumFlag(cmd, &opts.Window, "window", "", "co-occurrence window", "sentence", "doc")
	fl.StringVar(&opts.Issuers, "issuers", "", "with --kind coissuing: the --meta `column` listing each document's issuers")
	fl.StringVar(&opts.Meta, "meta", "", "document metadata `CSV` (a file column, a date column, other columns)")
	fl.StringArrayVarP(&opts.Output, "output", "o", nil, "write the graph to `FILE` (.gexf, .graphml, .csv; repeatable)")
	fl.IntVar(&opts.MinEdge, "min-edge", 1, "leave out edges counted fewer times")
	fl.IntVar(&opts.TopNodes, "top-nodes", 0, "keep the nodes with the highest counts (0: all)")
	fl.BoolVar(&opts.DropIsolated, "drop-isolated", false, "leave out nodes without an edge")
	return cmd
}

// parseItems reads --items: the item kind and, for entities, the types.
func parseItems(s string) (string, []entities.Type, error) {
	kind, rest, _ := strings.Cut(s, ":")
	switch kind {
	case "slogans", "instruments", "quoted":
		if rest != "" {
			return "", nil, fmt.Errorf("invalid --items %q: only entities takes a type", s)
		}
		return kind, nil, nil
	case "entities":
		var types []entities.Type
		if rest != "" {
			for _, t := range strings.Split(rest, ",") {
				ty, err := entities.ParseType(t)
				if err != nil {
					return "", nil, fmt.Errorf("invalid --items %q: %v", s, err)
				}
				types = append(types, ty)
			}
		}
		return kind, types, nil
	}
	return "", nil, fmt.Errorf("invalid --items %q: use slogans, entities[:TYPE], instruments or quoted", s)
}

type docItems struct {
	windows [][]network.Item
	from    network.Item
	cited   []network.Item
	year    int
}

func networkRun(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	// the graph files can be written: checked before the documents are
	// read, so that a mistyped directory fails at once
	for _, o := range opts.Output {
		for _, file := range graphFiles(o) {
			if err := safewrite.Check(file); err != nil {
				return fmt.Errorf("-o %w", err)
			}
		}
	}
	dates := &timeseries.Resolver{}
	var meta *timeseries.Meta
	if opts.Meta != "" {
		fh, err := os.Open(opts.Meta)
		if err != nil {
			return fmt.Errorf("--meta %s: %w", opts.Meta, cmdutil.PathErr(err))
		}
		meta, err = timeseries.ReadMeta(fh, opts.Meta)
		fh.Close()
		if err != nil {
			return err
		}
		if opts.Issuers != "" && !contains(meta.Columns, opts.Issuers) {
			return cmdutil.FlagErrorf("--issuers %s: %s has no such column (it has %s)", opts.Issuers, opts.Meta, strings.Join(meta.Columns, ", "))
		}
		dates.Meta = meta
	}
	if opts.DateFrom != "" {
		df, err := cmdutil.DateFinder(opts.DateFrom)
		if err != nil {
			return err
		}
		dates.FromName = func(p string) (timeseries.Date, bool) {
			y := df.Year(p)
			return timeseries.Date{Year: y}, y > 0
		}
	}
	settings := network.Settings{Kind: opts.Kind}
	docs := cmdutil.Docs{F: f, In: &opts.In, Label: "network", ReleaseInput: true}
	var extract func(d *corpus.Doc) [][]network.Item
	switch opts.Kind {
	case "coissuing":
		settings.Window, settings.Items = "doc", "issuers:"+opts.Issuers
		extract = func(d *corpus.Doc) [][]network.Item {
			row, _ := meta.Row(d.Name)
			return [][]network.Item{network.SplitList(row[opts.Issuers])}
		}
		if opts.Issuers == "" {
			// the issuers each document names: its 署名, else its 发文机关标志,
			// else the bodies before 关于 in its title
			settings.Items = "issuers:structure"
			extract = func(d *corpus.Doc) [][]network.Item {
				in := d.Input()
				m := structure.MetaOf(structure.Parse(in.Folded), d.Name, structure.MetaOptions{})
				return [][]network.Item{network.SplitList(strings.Join(m.Issuers, "|"))}
			}
		}
	case "citation":
		settings.Items = "citations:structure"
	default:
		kind, types, _ := parseItems(opts.Items)
		settings.Window, settings.Items = opts.Window, opts.Items
		var err error
		extract, err = cooccurrence(f, opts, kind, types, &docs)
		if err != nil {
			return err
		}
	}
	counts := network.NewCounts(settings)
	inputs := partial.Inputs{Empty: opts.In.Shard + " " + strings.Join(opts.Paths, " ")}
	out, err := cmdutil.RunDocs(ctx, docs, opts.Paths,
		func(ctx context.Context, d *corpus.Doc) (docItems, error) {
			date, _ := dates.Date(d.Name, d.Text)
			di := docItems{year: date.Year}
			if opts.Kind == "citation" {
				di.from = network.Item{Key: d.Name}
				in := d.Input()
				// found in the folded text (keys), shown as written
				// found in the folded text (keys: the number in its standard
				// form, else the title), shown as written
				for _, c := range structure.Parse(in.Folded).Citations {
					key, label := c.Title, "《"+c.Title+"》"
					if c.Number != nil {
						key = c.Number.Canonical()
						label = c.Text
					}
					if ts, te := in.TextSpan(c.Start, c.End); in.Folded != in.Text {
						label = in.Text[ts:te]
					}
					di.cited = append(di.cited, network.Item{Key: key, Label: label})
				}
				return di, nil
			}
			di.windows = extract(d)
			return di, nil
		},
		func(d *corpus.Doc, di docItems) error {
			inputs.Add(d.Name, int64(len(d.Original)))
			if opts.Kind == "citation" {
				counts.AddCitations(di.from, di.cited, di.year)
			} else {
				counts.AddWindows(di.windows, di.year)
			}
			return nil
		})
	if err != nil {
		return err
	}
	if opts.Emit == "partial" {
		h := network.Header{Envelope: partial.Envelope{Tool: f.Version, Parts: inputs.Parts()}}
		if err := network.WritePartial(opts.IO.Out, h, counts); err != nil {
			return err
		}
		return cmdutil.Exit(out, 0)
	}
	g := counts.Graph(network.GraphOptions{MinEdge: int64(opts.MinEdge), TopNodes: opts.TopNodes, DropIsolated: opts.DropIsolated})
	for _, o := range opts.Output {
		if err := writeGraph(ctx, o, g); err != nil {
			return err
		}
	}
	w, err := report.NewWriter(opts.IO.Out, opts.Format, report.Options{TTY: opts.IO.IsStdoutTTY()})
	if err != nil {
		return err
	}
	nodes, edges := views.NetworkTables(g)
	v := &views.View{Meta: []report.KV{{Key: "kind", Value: settings.Kind}, {Key: "items", Value: settings.Items}, {Key: "window", Value: settings.Window},
		{Key: "documents", Value: counts.Docs()}, {Key: "directed", Value: g.Directed}},
		Machine: []*report.Table{nodes, edges}, Flat: edges}
	if err := v.WriteJobs(w, opts.Format, opts.In.Jobs); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return cmdutil.Exit(out, 0)
}

// cooccurrence prepares the item extraction of a co-occurrence network.
func cooccurrence(f *cmdutil.Factory, opts *Options, kind string, types []entities.Type, docs *cmdutil.Docs) (func(d *corpus.Doc) [][]network.Item, error) {
	sentence := opts.Window == "sentence"
	// spans of the windows of a text
	windows := func(text string) [][2]int {
		if !sentence {
			return [][2]int{{0, len(text)}}
		}
		var out [][2]int
		for _, u := range instruments.Split(text, instruments.UnitSentence, nil) {
			out = append(out, [2]int{u.Start, u.End})
		}
		return out
	}
	switch kind {
	case "instruments":
		fr, err := instruments.Builtin()
		if err != nil {
			return nil, err
		}
		coder, err := instruments.NewCoder(fr)
		if err != nil {
			return nil, err
		}
		unit := instruments.UnitSentence
		if !sentence {
			unit = instruments.UnitSection
		}
		return func(d *corpus.Doc) [][]network.Item {
			r, err := coder.Code(context.Background(), d.Input(), instruments.Options{Unit: unit})
			if err != nil {
				return nil
			}
			var out [][]network.Item
			var all []network.Item
			for _, u := range r.Units {
				var w []network.Item
				for _, c := range u.Codes {
					w = append(w, network.Item{Key: c.Subcategory})
				}
				if sentence {
					out = append(out, w)
				} else {
					all = append(all, w...)
				}
			}
			if !sentence {
				out = [][]network.Item{all}
			}
			return out
		}, nil
	case "quoted":
		return func(d *corpus.Doc) [][]network.Item {
			in := d.Input()
			var items []network.Located
			for _, q := range network.Quoted(in.Folded) {
				ts, te := in.TextSpan(q[0], q[1])
				items = append(items, network.Located{Item: network.Item{Key: in.Folded[q[0]:q[1]], Label: in.Text[ts:te]}, Start: ts})
			}
			return network.Place(windows(in.Text), items)
		}, nil
	case "slogans":
		b, err := sl.BuiltinEntries()
		if err != nil {
			return nil, err
		}
		lex := sl.NewLexicon(b)
		if err := opts.Seg.Load(f); err != nil {
			return nil, err
		}
		docs.Cut = &seg.Options{Mode: seg.Precise, HMM: opts.Seg.HMM, POS: true}
		return func(d *corpus.Doc) [][]network.Item {
			var items []network.Located
			for _, fm := range sl.Extract(d.In, sl.Options{Lexicon: lex}) {
				for _, oc := range fm.Occurrences {
					items = append(items, network.Located{Item: network.Item{Key: fm.Key, Label: oc.Text}, Start: oc.Start})
				}
			}
			return network.Place(windows(d.In.Text), items)
		}, nil
	default: // entities
		if err := opts.Seg.Load(f); err != nil {
			return nil, err
		}
		docs.Cut = &seg.Options{Mode: seg.Precise, HMM: opts.Seg.HMM, POS: true}
		x := entities.New(nil)
		return func(d *corpus.Doc) [][]network.Item {
			var items []network.Located
			for _, m := range x.Extract(d.In) {
				if len(types) > 0 && !containsType(types, m.Type) {
					continue
				}
				items = append(items, network.Located{Item: network.Item{Key: string(m.Type) + ":" + m.Key, Label: m.Text}, Start: m.Start})
			}
			return network.Place(windows(d.In.Text), items)
		}, nil
	}
}

func containsType(ts []entities.Type, t entities.Type) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// graphFiles names the files -o path writes: path itself for .gexf and
// .graphml, else the node and edge tables beside it.
func graphFiles(path string) []string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".gexf", ".graphml":
		return []string{path}
	}
	base := strings.TrimSuffix(path, filepath.Ext(path))
	return []string{base + ".nodes.csv", base + ".edges.csv"}
}

// writeGraph writes g to path in the format its extension names.
func writeGraph(ctx context.Context, path string, g *network.Graph) error {
	date := time.Now().UTC().Format("2006-01-02")
	switch strings.ToLower(filepath.Ext(path)) {
	case ".gexf":
		return safewrite.Create(ctx, path, func(w io.Writer) error { return network.WriteGEXF(w, g, date) })
	case ".graphml":
		return safewrite.Create(ctx, path, func(w io.Writer) error { return network.WriteGraphML(w, g) })
	default:
		files := graphFiles(path)
		nodes, edges := files[0], files[1]
		var nb, eb strings.Builder
		if err := network.WriteCSV(&nb, &eb, g); err != nil {
			return err
		}
		if err := safewrite.Create(ctx, nodes, func(w io.Writer) error { _, err := io.WriteString(w, nb.String()); return err }); err != nil {
			return err
		}
		return safewrite.Create(ctx, edges, func(w io.Writer) error { _, err := io.WriteString(w, eb.String()); return err })
	}
}
