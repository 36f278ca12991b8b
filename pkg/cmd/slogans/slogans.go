// Package slogans implements `zhpolicy slogans`.
package slogans

import (
	"context"
	"fmt"
	"os"
	"strings"
	"zhpolicy/pkg/partial"
	"zhpolicy/pkg/views"

	"github.com/spf13/cobra"

	sl "zhpolicy/pkg/analysis/slogans"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/script"
	seg "zhpolicy/pkg/segment"
)

// contextRunes is the context kept on each side of a first occurrence.
const contextRunes = 12

// Options are the settings of one slogans run.
type Options struct {
	IO *iostreams.IOStreams

	Paths        []string
	In           cmdutil.InputFlags
	Seg          cmdutil.SegFlags
	Format       string
	Script       string
	Corpus       bool
	Kinds        []string
	MinCount     int
	Top          int
	NewOnly      bool
	Lexicons     []string
	NoBuiltin    bool
	Baselines    []string
	NoBaseline   bool
	Emit         string // report or partial
	Context      bool
	DateFromName string
	MaxQuoted    int
}

// NewCmdSlogans returns the slogans command. runF, when not nil, replaces
// the run function (tests check flag parsing with it).
func NewCmdSlogans(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "slogans [path...]",
		Short: "Find the political formulations (提法) of documents and count them",
		Long: `Find the political formulations (提法) each document uses, or with --corpus
count them over all documents: how often, in how many documents, in which
document first and last.

Each formulation has a kind:
  quoted    a short phrase in quotation marks (“” 「」 『』 ‘’ ""): at most
            --max-quoted characters (12; a quoted series such as
            “增品种、提品质、创品牌” may be longer, 8 per member), with no
            sentence punctuation (。！？；：) inside, not quoted speech (after
            ：), not the name of a ship or spacecraft (“嫦娥六号”, “东方之星”号).
            Once quoted, its bare uses count too when it is a coinage (three
            characters or more, no word of the dictionary); an everyday
            word in scare quotes (“人民”, “世界”) is no formulation.
  numbered  a numeral that counts the content: 两个维护, 三大攻坚战, 八项规定,
            一带一路, 六稳六保 (also written “六稳”“六保”), 双循环.
  plan      a five-year plan period, counted under 十四五 in all its forms:
            “十四五”, 十四五时期, “十四五”规划, 第十四个五年规划; 九五 and 十五
            only in quotes or before 计划/规划/时期.
  parallel  a series of two or more phrases of the same shape (2 to 8
            characters, lengths within one), separated by 、 or ， or written
            together with a repeated character: 高端化、智能化、绿色化;
            想干事、干成事、不出事; 强链延链补链. Shown whole, with its members.
            Open lists (……等) and lists of names or things are left out.
  lexicon   a known formulation of the built-in lexicon used bare: 高质量发展,
            新质生产力, 共同富裕.
Known formulations come from a built-in lexicon (329 entries, with
aliases so that variants count together: 乡村全面振兴 is 乡村振兴) and from
--lexicon files. A formulation is new when no lexicon knows it and no
baseline attests it: the built-in baseline holds the formulations of the
national government work reports and CPC congress reports 1954–2025
(dict/slogans/baseline.tsv; --no-baseline leaves it out), and --baseline
adds the user's own earlier documents (read and analysed like the inputs),
partials of them (slogans --corpus --emit partial, .jsonl) or a baseline
index (.tsv). JSON output says why in "novelty" (the first
year and document of the baseline that attests it). count is quoted +
bare: uses inside quotation marks and outside them; a quoted ordinary
word or a term of the dictionary counts only where it is quoted.

Rows come most salient first: a score of uses, spread over documents
(--corpus), kind and novelty, times the probability a small model learned
from labelled rows gives the formulation of being one an analyst keeps
(from its kind, counts, attestation and the words around it). The model
only orders; --top keeps the first rows.

Formulations are counted in Simplified script, so 「三個大抓」 and “三个大抓”
count together; they are shown as the document writes them (--script auto)
or converted (--script s|t|tw|hk). Pinyin annotations are removed before
analysis (unless --no-clean), so annotated text gives the same result.

A --lexicon file is YAML (a list of {text, kind, aliases, gloss}) or text,
one formulation a line: text, then optionally a tab and the kind (numbered,
plan, parallel or lexicon), a tab and aliases separated by ;, a tab and a
gloss. Lines starting with # are comments.

--corpus orders documents by file name, or with --date-from-name by the date
in the path (2024.txt, 2024-03-05_report.txt, 20240305.html, gwr/2019/a.txt,
or what a regular expression given to --date-from-name=REGEXP finds; names
without a date come last). Offsets in JSON, JSON Lines, CSV and TSV output
are byte offsets into the decoded input file.

--corpus --emit partial writes the corpus counts as a partial file (JSON
Lines, with the settings that change the result: rules, lexicon and
baseline digests, --max-quoted, --context, --hmm, --no-clean) instead of a
report; ` + "`zhpolicy merge`" + ` adds the partials of separate runs (shards of a
corpus) into the report --corpus gives over all of them.`,
		Example: `  zhpolicy slogans testdata/sample/municipal_report.txt
  zhpolicy slogans --kind numbered,plan --corpus --date-from-name testdata/sample/
  zhpolicy slogans --corpus --new --min-count 1 --format csv testdata/sample/ > new.csv
  zhpolicy slogans --new --baseline testdata/sample/municipal_report.txt testdata/sample/provincial_notice.html
  zhpolicy slogans --context --format jsonl testdata/sample/
  zhpolicy slogans --corpus --emit partial --shard 1/2 testdata/sample/ > shard1.jsonl`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			if err := opts.In.Validate(); err != nil {
				return err
			}
			if _, err := cmdutil.DateFinder(opts.DateFromName); err != nil {
				return err
			}
			if _, err := parseKinds(opts.Kinds); err != nil {
				return err
			}
			if err := cmdutil.CheckMinCount(opts.MinCount); err != nil {
				return err
			}
			if err := cmdutil.CheckTop(opts.Top); err != nil {
				return err
			}
			if opts.Emit == "partial" && !opts.Corpus {
				return cmdutil.FlagErrorf("--emit partial needs --corpus: partials hold corpus counts")
			}
			if opts.MaxQuoted < 2 || opts.MaxQuoted > 40 {
				return cmdutil.FlagErrorf("invalid --max-quoted %d: use 2 to 40", opts.MaxQuoted)
			}
			if runF != nil {
				return runF(opts)
			}
			return slogansRun(c.Context(), f, opts)
		},
	}
	cmdutil.AddInputFlags(cmd, &opts.In, true)
	cmdutil.AddSegFlags(cmd, &opts.Seg, false)
	cmdutil.AddFormatFlag(cmd, &opts.Format, report.Formats...)
	cmdutil.AddScriptFlag(cmd, &opts.Script)
	cmdutil.AddTopFlag(cmd, &opts.Top, 0, "show at most this many formulations per document")
	cmdutil.AddDateFlag(cmd, &opts.DateFromName, "", "with --corpus, order documents by the date in their paths")
	cmdutil.AddEmitFlag(cmd, &opts.Emit)
	fl := cmd.Flags()
	fl.BoolVar(&opts.Corpus, "corpus", false, "count over all documents instead of per document")
	fl.StringSliceVar(&opts.Kinds, "kind", nil, "kinds to show: quoted, numbered, plan, parallel, lexicon (comma-separated or repeated; default all)")
	fl.IntVar(&opts.MinCount, "min-count", 1, "show formulations used at least this many times")
	fl.BoolVar(&opts.NewOnly, "new", false, "show only the new formulations: attested neither in a lexicon nor in the baseline")
	fl.StringArrayVar(&opts.Baselines, "baseline", nil, "`path` of earlier documents (files or directories), a slogans partial (.jsonl) or a baseline index (.tsv) whose formulations are not new (repeatable)")
	fl.BoolVar(&opts.NoBaseline, "no-baseline", false, "do not use the built-in baseline (national government work reports and CPC congress reports, 1954–2025)")
	fl.StringArrayVar(&opts.Lexicons, "lexicon", nil, "`file` of known formulations (YAML or text), added to the built-in lexicon (repeatable)")
	fl.BoolVar(&opts.NoBuiltin, "no-builtin", false, "do not use the built-in lexicon")
	fl.BoolVar(&opts.Context, "context", false, "show a short snippet around the first occurrence")
	fl.IntVar(&opts.MaxQuoted, "max-quoted", sl.DefaultMaxQuoted, "longest quoted phrase taken as a formulation, in characters")
	return cmd
}

func parseKinds(names []string) (map[sl.Kind]bool, error) {
	if len(names) == 0 {
		return nil, nil
	}
	out := map[sl.Kind]bool{}
	for _, n := range names {
		k, ok := sl.ParseKind(n)
		if !ok {
			return nil, cmdutil.FlagErrorf("invalid --kind %q: use quoted, numbered, plan, parallel or lexicon", n)
		}
		out[k] = true
	}
	return out, nil
}

// loadLexicon builds the lexicon from the built-in one and --lexicon files.
func loadLexicon(opts *Options) (*sl.Lexicon, error) {
	var sets [][]sl.Entry
	if !opts.NoBuiltin {
		b, err := sl.BuiltinEntries()
		if err != nil {
			return nil, err
		}
		sets = append(sets, b)
	}
	for _, p := range opts.Lexicons {
		fh, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("--lexicon %s: %w", p, cmdutil.PathErr(err))
		}
		entries, err := sl.ParseLexicon(p, fh)
		fh.Close()
		if err != nil {
			return nil, fmt.Errorf("--lexicon %w", err)
		}
		sets = append(sets, entries)
	}
	if len(sets) == 0 {
		return nil, nil
	}
	return sl.NewLexicon(sets...), nil
}

// loadBaseline builds the baseline of novelty: the built-in one (unless
// --no-baseline) and each --baseline path, a baseline index (.tsv) or
// documents analysed with the run's own settings.
func loadBaseline(ctx context.Context, f *cmdutil.Factory, opts *Options, exOpts sl.Options) (*sl.Baseline, error) {
	base := sl.NewBaseline()
	if !opts.NoBaseline {
		b, err := sl.BuiltinBaseline()
		if err != nil {
			return nil, err
		}
		base.Merge(b)
	}
	var docs []string
	for _, p := range opts.Baselines {
		lp := strings.ToLower(p)
		if strings.HasSuffix(lp, ".jsonl") || strings.HasSuffix(lp, ".jsonl.gz") {
			// a slogans partial (--corpus --emit partial) of earlier documents
			rc, err := partial.Open(p, opts.IO.In)
			if err != nil {
				return nil, fmt.Errorf("--baseline %s: %w", p, cmdutil.PathErr(err))
			}
			_, c, err := sl.ReadPartial(p, rc)
			rc.Close()
			if err != nil {
				return nil, fmt.Errorf("--baseline %w", err)
			}
			base.AddCorpus(c)
			continue
		}
		if !strings.HasSuffix(lp, ".tsv") {
			docs = append(docs, p)
			continue
		}
		fh, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("--baseline %s: %w", p, cmdutil.PathErr(err))
		}
		b, _, err := sl.ParseBaseline(p, fh)
		fh.Close()
		if err != nil {
			return nil, fmt.Errorf("--baseline %w", err)
		}
		base.Merge(b)
	}
	if len(docs) > 0 {
		c := sl.NewCorpus()
		dates, err := cmdutil.DateFinder(opts.DateFromName)
		if err != nil {
			return nil, err
		}
		in := opts.In
		d := cmdutil.Docs{F: f, In: &in, Label: "slogans baseline",
			Cut: &seg.Options{Mode: seg.Precise, HMM: opts.Seg.HMM, POS: true}}
		res, err := cmdutil.RunDocs(ctx, d, docs,
			func(ctx context.Context, d *corpus.Doc) ([]sl.Formulation, error) {
				return sl.Extract(d.In, exOpts), nil
			},
			func(d *corpus.Doc, fs []sl.Formulation) error {
				order := ""
				if opts.DateFromName != "" {
					order = dates.Key(d.Name)
				}
				c.Add(d.Name, order, fs)
				return nil
			})
		if err != nil {
			return nil, fmt.Errorf("--baseline: %w", err)
		}
		if len(res.Skipped) > 0 {
			return nil, fmt.Errorf("--baseline: %d input(s) could not be read", len(res.Skipped))
		}
		base.AddCorpus(c)
	}
	return base, nil
}

func slogansRun(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	kinds, _ := parseKinds(opts.Kinds)
	lex, err := loadLexicon(opts)
	if err != nil {
		return err
	}
	if err := opts.Seg.Load(f); err != nil {
		return err
	}
	disp, err := script.NewDisplay(opts.Script)
	if err != nil {
		return err
	}
	dates, err := cmdutil.DateFinder(opts.DateFromName)
	if err != nil {
		return err
	}
	exOpts := sl.Options{Lexicon: lex, MaxQuoted: opts.MaxQuoted}
	base, err := loadBaseline(ctx, f, opts, exOpts)
	if err != nil {
		return err
	}
	exOpts.Baseline = base
	if opts.Context {
		exOpts.Context = contextRunes
	}
	var w *report.Writer
	if opts.Emit != "partial" {
		if w, err = report.NewWriter(opts.IO.Out, opts.Format, report.Options{TTY: opts.IO.IsStdoutTTY()}); err != nil {
			return err
		}
	}
	inputs := partial.Inputs{Empty: opts.In.Shard + " " + strings.Join(opts.Paths, " ")}
	out := &output{opts: opts, disp: disp, kinds: kinds, w: w}
	if opts.Corpus {
		out.corp = sl.NewCorpus()
	}
	docs := cmdutil.Docs{F: f, In: &opts.In, Label: "slogans", StreamsOutput: !opts.Corpus, ReleaseInput: true,
		Cut: &seg.Options{Mode: seg.Precise, HMM: opts.Seg.HMM, POS: true}}
	res, err := cmdutil.RunDocs(ctx, docs, opts.Paths,
		func(ctx context.Context, d *corpus.Doc) (docFormulations, error) {
			fs := sl.Extract(d.In, exOpts)
			if out.corp != nil {
				return docFormulations{fs: fs}, nil
			}
			// the document's table, rendered on its worker
			p, err := w.Prepare(out.docTable(d, fs))
			return docFormulations{out: p}, err
		},
		func(d *corpus.Doc, r docFormulations) error {
			if out.corp != nil {
				order := ""
				if opts.DateFromName != "" {
					order = dates.Key(d.Name)
				}
				out.corp.Add(d.Name, order, r.fs)
				inputs.Add(d.Name, int64(len(d.Original)))
				return nil
			}
			return w.WritePrepared(r.out)
		})
	if err != nil {
		return err
	}
	if opts.Emit == "partial" {
		h := sl.Header{Envelope: partial.Envelope{Tool: f.Version, Parts: inputs.Parts()},
			Settings: sl.NewSettings(exOpts, opts.Seg.HMM, opts.In.Clean())}
		if err := sl.WritePartial(opts.IO.Out, h, out.corp); err != nil {
			return err
		}
		return cmdutil.Exit(res, 0)
	}
	if out.corp != nil {
		if err := out.corpus(); err != nil {
			return err
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	return cmdutil.Exit(res, 0)
}

type output struct {
	opts  *Options
	disp  *script.Display
	kinds map[sl.Kind]bool
	w     *report.Writer
	corp  *sl.Corpus
}

func (o *output) keep(kind sl.Kind, count int, isNew bool) bool {
	if o.kinds != nil && !o.kinds[kind] {
		return false
	}
	if o.opts.NewOnly && !isNew {
		return false
	}
	return count >= o.opts.MinCount
}

// docFormulations is one document's result: its formulations to count
// (--corpus), or its table.
type docFormulations struct {
	fs  []sl.Formulation
	out *report.Prepared
}

// docTable is the table of the formulations of one document.
func (o *output) docTable(d *corpus.Doc, fs []sl.Formulation) *report.Table {
	cols := []report.Column{{Name: "formulation", Key: "text"}, {Name: "key", JSONOnly: true}, {Name: "kind"},
		{Name: "count", Align: report.Right}, {Name: "quoted", Align: report.Right}, {Name: "bare", Align: report.Right},
		{Name: "docs", JSONOnly: true}, {Name: "new"}, {Name: "members", OmitEmpty: true},
		{Name: "gloss", JSONOnly: true, OmitEmpty: true}, {Name: "novelty", JSONOnly: true}, {Name: "forms", JSONOnly: true, OmitEmpty: true},
		{Name: "start", MachineOnly: true, OmitEmpty: true}, {Name: "end", MachineOnly: true, OmitEmpty: true}}
	if o.opts.Context {
		cols = append(cols, report.Column{Name: "context"})
	}
	t := &report.Table{Name: "formulations", Title: d.Name, Group: []report.KV{{Key: "file", Value: d.Name}},
		Columns: cols, Empty: "(no formulations)"}
	for _, f := range fs {
		if !o.keep(f.Kind, f.Count, f.New) {
			continue
		}
		if o.opts.Top > 0 && len(t.Rows) == o.opts.Top {
			break
		}
		var members []string
		var start, end any = "", ""
		if len(f.Occurrences) > 0 {
			first := f.Occurrences[0]
			s, e := d.OriginalSpan(first.Start, first.End)
			start, end = s, e
			members = views.SloganMembers(o.disp, f.Members, first.Members)
		}
		row := []any{o.disp.Show(f.Key, f.Surface()), f.Key, string(f.Kind), f.Count, f.Quoted, f.Bare, 1, report.Flag(f.New, "new"),
			report.List(members, " | "), f.Gloss, report.Value(f.Novelty), views.SloganForms(o.disp, f.Key, f.Forms), start, end}
		if o.opts.Context {
			row = append(row, o.disp.ShowText(f.Context))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// corpus writes the formulations of the corpus.
func (o *output) corpus() error {
	entries := o.corp.Select(sl.Filter{Kinds: o.kindList(), MinCount: o.opts.MinCount, NewOnly: o.opts.NewOnly, Top: o.opts.Top})
	return o.w.Table(views.SlogansCorpus(o.disp, entries, o.opts.Context))
}

// kindList gives the kinds --kind keeps (nil: all).
func (o *output) kindList() []sl.Kind {
	var out []sl.Kind
	for _, k := range sl.Kinds {
		if o.kinds[k] {
			out = append(out, k)
		}
	}
	return out
}
