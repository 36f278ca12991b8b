// Package slogans implements `zhpolicy slogans`.
package slogans

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"zhpolicy/pkg/analysis"
	sl "zhpolicy/pkg/analysis/slogans"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/report"
	seg "zhpolicy/pkg/segment"
)

// contextRunes is the context kept on each side of a first occurrence.
const contextRunes = 12

// Options are the settings of one slogans run.
type Options struct {
	IO        *iostreams.IOStreams
	Global    *cmdutil.GlobalOptions
	Segmenter func() (*seg.Segmenter, error)
	Docs      *cmdutil.DocSource

	Paths        []string
	Corpus       bool
	Kinds        []string
	MinCount     int
	Top          int
	NewOnly      bool
	Lexicons     []string
	NoBuiltin    bool
	Context      bool
	DateFromName bool
	MaxQuoted    int
	Dicts        []string
}

// NewCmdSlogans returns the slogans command. runF, when not nil, replaces
// the run function (tests check flag parsing with it).
func NewCmdSlogans(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO, Global: f.Global, Segmenter: f.Segmenter, Docs: cmdutil.NewDocSource(f)}
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
            Once quoted, every use in the document counts, quoted or not.
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
--lexicon files; formulations found by the rules above that are not in a
lexicon are marked new.

Formulations are counted in Simplified script, so 「三個大抓」 and “三个大抓”
count together; they are shown as the document writes them (--script auto)
or converted (--script s|t|tw|hk). Pinyin annotations are removed before
analysis (unless --no-clean), so annotated text gives the same result.

A --lexicon file is YAML (a list of {text, kind, aliases, gloss}) or text,
one formulation a line: text, then optionally a tab and the kind (numbered,
plan, parallel or lexicon), a tab and aliases separated by ;, a tab and a
gloss. Lines starting with # are comments.

--corpus orders documents by file name, or with --date-from-name by the date
in the name (2024.txt, 2024-03-05_report.txt, 20240305.html; names without a
date come last). Offsets in JSON output are byte offsets into the decoded
input file.`,
		Example: `  zhpolicy slogans report.txt
  zhpolicy slogans --kind numbered,plan --corpus --date-from-name gwr/
  zhpolicy slogans --corpus --new --min-count 3 --format csv reports/ > new.csv
  zhpolicy slogans --lexicon my-terms.yaml --context --format jsonl notices/`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			if err := cmdutil.ValidateFormat(opts.Global.Format, cmdutil.Formats); err != nil {
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
			if opts.MaxQuoted < 2 || opts.MaxQuoted > 40 {
				return cmdutil.FlagErrorf("invalid --max-quoted %d: use 2 to 40", opts.MaxQuoted)
			}
			if runF != nil {
				return runF(opts)
			}
			return slogansRun(c.Context(), f, opts)
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&opts.Corpus, "corpus", false, "count over all documents instead of per document")
	fl.StringSliceVar(&opts.Kinds, "kind", nil, "kinds to show: quoted, numbered, plan, parallel, lexicon (comma-separated or repeated; default all)")
	fl.IntVar(&opts.MinCount, "min-count", 1, "show formulations used at least this many times")
	fl.IntVarP(&opts.Top, "top", "k", 0, "show at most this many formulations per document (0: all)")
	fl.BoolVar(&opts.NewOnly, "new", false, "show only formulations that are in no lexicon")
	fl.StringArrayVar(&opts.Lexicons, "lexicon", nil, "`file` of known formulations (YAML or text), added to the built-in lexicon (repeatable)")
	fl.BoolVar(&opts.NoBuiltin, "no-builtin", false, "do not use the built-in lexicon")
	fl.BoolVar(&opts.Context, "context", false, "show a short snippet around the first occurrence")
	fl.BoolVar(&opts.DateFromName, "date-from-name", false, "with --corpus, order documents by the date in their file names")
	fl.IntVar(&opts.MaxQuoted, "max-quoted", sl.DefaultMaxQuoted, "longest quoted phrase taken as a formulation, in characters")
	fl.StringArrayVar(&opts.Dicts, "dict", nil, "user dictionary for the segmenter, one `word [freq] [pos]` a line (repeatable)")
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
			return nil, fmt.Errorf("--lexicon %s: %w", p, unwrapPathError(err))
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

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

type docResult struct {
	doc *corpus.Doc
	fs  []sl.Formulation
}

func slogansRun(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	kinds, _ := parseKinds(opts.Kinds)
	lex, err := loadLexicon(opts)
	if err != nil {
		return err
	}
	if err := cmdutil.LoadUserDicts(f, opts.Dicts); err != nil {
		return err
	}
	sg, err := opts.Segmenter()
	if err != nil {
		return err
	}
	disp, err := newDisplay(opts.Global.Script)
	if err != nil {
		return err
	}
	exOpts := sl.Options{Lexicon: lex, MaxQuoted: opts.MaxQuoted}
	if opts.Context {
		exOpts.Context = contextRunes
	}
	out := &output{opts: opts, disp: disp, kinds: kinds, format: opts.Global.Format}
	if out.format == "jsonl" {
		out.jl = report.NewJSONLines(opts.IO.Out)
	}
	if opts.Corpus {
		out.corp = sl.NewCorpus()
	}
	work := func(ctx context.Context, d *corpus.Doc) (docResult, error) {
		toks, err := sg.Cut(d.Text, seg.Options{Mode: seg.Precise, POS: true})
		if err != nil {
			return docResult{}, fmt.Errorf("%s: %w", d.Name, err)
		}
		in := analysis.NewInput(d.Name, d.Text, d.Script.Kind, toks)
		return docResult{doc: d, fs: sl.Extract(in, exOpts)}, nil
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

// display turns a formulation into the form shown under --script.
type display struct{ *cmdutil.Display }

func newDisplay(mode string) (*display, error) {
	d, err := cmdutil.NewDisplay(mode)
	return &display{d}, err
}

// show gives the displayed form of key, written surface in the document.
func (d *display) show(key, surface string) string { return d.Show(key, surface) }

// text gives running text (a context) in the display script.
func (d *display) text(s string) string { return d.ShowText(s) }

// members gives the members of a series as displayed.
func (d *display) members(keys, written []string) []string {
	if len(keys) == 0 {
		return nil
	}
	out := make([]string, len(keys))
	for i, k := range keys {
		w := k
		if i < len(written) {
			w = written[i]
		}
		out[i] = d.show(k, w)
	}
	return out
}

// record is one formulation in JSON output.
type record struct {
	File    string    `json:"file,omitempty"`
	Text    string    `json:"text"`
	Key     string    `json:"key"`
	Kind    sl.Kind   `json:"kind"`
	Count   int       `json:"count"`
	Docs    int       `json:"docs"`
	New     bool      `json:"new"`
	Members []string  `json:"members,omitempty"`
	Gloss   string    `json:"gloss,omitempty"`
	Forms   []sl.Form `json:"forms,omitempty"`
	First   string    `json:"first,omitempty"`
	Last    string    `json:"last,omitempty"`
	Start   *int      `json:"start,omitempty"`
	End     *int      `json:"end,omitempty"`
	Context string    `json:"context,omitempty"`
}

type output struct {
	opts   *Options
	disp   *display
	kinds  map[sl.Kind]bool
	format string
	jl     *report.JSONLines

	shown  int
	tables []report.Table
	rows   [][]string
	json   []record
	corp   *sl.Corpus
	orders []string
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

func (o *output) add(r docResult) error {
	if o.corp != nil {
		order := ""
		if o.opts.DateFromName {
			order = dateKey(r.doc.Name)
		}
		o.corp.Add(r.doc.Name, order, r.fs)
		return nil
	}
	var recs []record
	for _, f := range r.fs {
		if !o.keep(f.Kind, f.Count, f.New) {
			continue
		}
		if o.opts.Top > 0 && len(recs) == o.opts.Top {
			break
		}
		rec := record{File: r.doc.Name, Key: f.Key, Kind: f.Kind, Count: f.Count, Docs: 1, New: f.New, Gloss: f.Gloss}
		rec.Text = o.disp.show(f.Key, f.Surface())
		for _, fm := range f.Forms {
			rec.Forms = append(rec.Forms, sl.Form{Text: o.disp.show(f.Key, fm.Text), Count: fm.Count})
		}
		if len(f.Occurrences) > 0 {
			first := f.Occurrences[0]
			s, e := r.doc.OriginalSpan(first.Start, first.End)
			rec.Start, rec.End = &s, &e
			rec.Members = o.disp.members(f.Members, first.Members)
		}
		if o.opts.Context {
			rec.Context = o.disp.text(f.Context)
		}
		recs = append(recs, rec)
	}
	switch o.format {
	case "json":
		o.json = append(o.json, recs...)
	case "jsonl":
		for _, rec := range recs {
			if err := o.jl.Write(rec); err != nil {
				return err
			}
		}
	case "csv", "tsv":
		for _, rec := range recs {
			o.rows = append(o.rows, o.docRow(rec, true))
		}
	default:
		t := report.Table{Title: r.doc.Name, Header: o.docHeader(false), Align: o.docAlign(false)}
		for _, rec := range recs {
			t.Rows = append(t.Rows, o.docRow(rec, false))
		}
		if len(recs) == 0 {
			t.Footer = "(no formulations)"
		}
		if o.format == "markdown" {
			o.tables = append(o.tables, t)
			return nil
		}
		if o.shown > 0 {
			if _, err := fmt.Fprintln(o.opts.IO.Out); err != nil {
				return err
			}
		}
		o.shown++
		return report.WriteTables(o.opts.IO.Out, "table", t)
	}
	return nil
}

func (o *output) docHeader(withFile bool) []string {
	h := []string{"formulation", "kind", "count", "new", "members"}
	if withFile {
		h = append([]string{"file"}, h...)
		h = append(h, "start", "end")
	}
	if o.opts.Context {
		h = append(h, "context")
	}
	return h
}

func (o *output) docAlign(withFile bool) []report.Align {
	a := []report.Align{report.Left, report.Left, report.Right, report.Left, report.Left}
	if withFile {
		a = append([]report.Align{report.Left}, a...)
		a = append(a, report.Right, report.Right)
	}
	return a
}

func (o *output) docRow(rec record, withFile bool) []string {
	row := []string{rec.Text, string(rec.Kind), strconv.Itoa(rec.Count), yes(rec.New), strings.Join(rec.Members, " | ")}
	if withFile {
		row = append([]string{rec.File}, row...)
		row = append(row, itoa(rec.Start), itoa(rec.End))
	}
	if o.opts.Context {
		row = append(row, rec.Context)
	}
	return row
}

func itoa(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

func yes(b bool) string {
	if b {
		return "new"
	}
	return ""
}

func (o *output) finish() error {
	out := o.opts.IO.Out
	if o.corp != nil {
		return o.finishCorpus()
	}
	switch o.format {
	case "json":
		if o.json == nil {
			o.json = []record{}
		}
		return report.WriteJSON(out, o.json)
	case "csv", "tsv":
		return report.WriteTables(out, o.format, report.Table{Header: o.docHeader(true), Rows: o.rows})
	case "markdown":
		return report.WriteTables(out, o.format, o.tables...)
	}
	return nil
}

func (o *output) finishCorpus() error {
	out := o.opts.IO.Out
	var recs []record
	for _, e := range o.corp.Results() {
		if !o.keep(e.Kind, e.Count, e.New) {
			continue
		}
		if o.opts.Top > 0 && len(recs) == o.opts.Top {
			break
		}
		rec := record{Key: e.Key, Kind: e.Kind, Count: e.Count, Docs: e.Docs, New: e.New, Gloss: e.Gloss, First: e.First, Last: e.Last}
		rec.Text = o.disp.show(e.Key, e.Surface())
		for _, fm := range e.Forms {
			rec.Forms = append(rec.Forms, sl.Form{Text: o.disp.show(e.Key, fm.Text), Count: fm.Count})
		}
		rec.Members = o.disp.members(e.Members, e.FirstOccurrence.Members)
		if o.opts.Context {
			rec.Context = o.disp.text(e.Context)
		}
		recs = append(recs, rec)
	}
	switch o.format {
	case "json":
		if recs == nil {
			recs = []record{}
		}
		return report.WriteJSON(out, recs)
	case "jsonl":
		for _, rec := range recs {
			if err := o.jl.Write(rec); err != nil {
				return err
			}
		}
		return nil
	}
	h := []string{"formulation", "kind", "count", "docs", "first", "last", "new", "members"}
	a := []report.Align{report.Left, report.Left, report.Right, report.Right, report.Left, report.Left, report.Left, report.Left}
	if o.opts.Context {
		h = append(h, "context")
	}
	t := report.Table{Header: h, Align: a}
	for _, rec := range recs {
		row := []string{rec.Text, string(rec.Kind), strconv.Itoa(rec.Count), strconv.Itoa(rec.Docs), rec.First, rec.Last, yes(rec.New), strings.Join(rec.Members, " | ")}
		if o.opts.Context {
			row = append(row, rec.Context)
		}
		t.Rows = append(t.Rows, row)
	}
	if o.format == "table" {
		t.Footer = fmt.Sprintf("%d formulations", len(recs))
	}
	return report.WriteTables(out, o.format, t)
}

// dateKey reads a date from a file name as YYYYMMDD (missing parts as 00):
// 2024.txt, 2024-03-05_report.txt, 20240305.html, 2024年3月报告.docx. A name
// without a year from 1900 to 2099 gives "~", after every date.
func dateKey(name string) string {
	r := []rune(filepath.Base(name))
	// runs of ASCII digits
	type run struct{ a, b int }
	var runs []run
	for i := 0; i < len(r); {
		if r[i] < '0' || r[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(r) && r[j] >= '0' && r[j] <= '9' {
			j++
		}
		runs = append(runs, run{i, j})
		i = j
	}
	num := func(x run) int {
		v := 0
		for _, c := range r[x.a:x.b] {
			v = v*10 + int(c-'0')
		}
		return v
	}
	year := func(y int) bool { return y >= 1900 && y <= 2099 }
	// next returns the run right after x across one separator, if any
	next := func(k int) (run, bool) {
		if k+1 >= len(runs) {
			return run{}, false
		}
		x, y := runs[k], runs[k+1]
		if y.a-x.b == 1 && strings.ContainsRune("-_./年月", r[x.b]) && y.b-y.a <= 2 {
			return y, true
		}
		return run{}, false
	}
	for k, x := range runs {
		switch x.b - x.a {
		case 8:
			v := num(x)
			y, m, d := v/10000, v/100%100, v%100
			if year(y) && m >= 1 && m <= 12 && d >= 1 && d <= 31 {
				return fmt.Sprintf("%04d%02d%02d", y, m, d)
			}
		case 4:
			y := num(x)
			if !year(y) {
				continue
			}
			m, d := 0, 0
			if mr, ok := next(k); ok && num(mr) >= 1 && num(mr) <= 12 {
				m = num(mr)
				if dr, ok := next(k + 1); ok && num(dr) >= 1 && num(dr) <= 31 {
					d = num(dr)
				}
			}
			return fmt.Sprintf("%04d%02d%02d", y, m, d)
		}
	}
	return "~"
}
