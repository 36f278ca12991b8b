// Package compare implements `zhpolicy compare`.
package compare

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/spf13/cobra"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/analysis/compare"
	"zhpolicy/pkg/analysis/freq"
	"zhpolicy/pkg/analysis/overview"
	"zhpolicy/pkg/analysis/slogans"
	freqcmd "zhpolicy/pkg/cmd/freq"
	"zhpolicy/pkg/cmd/freq/shared"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/report"
	seg "zhpolicy/pkg/segment"
)

// Options are the settings of one compare run.
type Options struct {
	IO        *iostreams.IOStreams
	Global    *cmdutil.GlobalOptions
	Segmenter func() (*seg.Segmenter, error)
	Docs      *cmdutil.DocSource

	A, B     string
	Count    shared.CountFlags
	Top      int
	MinCount int
	MaxP     float64
}

// NewCmdCompare returns the compare command. runF, when not nil, replaces
// the run function (tests check flag parsing with it).
func NewCmdCompare(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO, Global: f.Global, Segmenter: f.Segmenter, Docs: cmdutil.NewDocSource(f)}
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
a Simplified one.`,
		Example: `  zhpolicy compare gwr/2025.txt gwr/2024.txt
  zhpolicy compare --top 30 --stopwords builtin gwr/2025.txt gwr/2024.txt
  zhpolicy compare --ngram 2 --min-count 3 reports/2024/ reports/2023/
  zhpolicy compare --format csv a.jsonl b.jsonl > keyness.csv`,
		Args: cmdutil.ExactArgs(2, "two paths, A and B"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.A, opts.B = args[0], args[1]
			if err := cmdutil.ValidateFormat(opts.Global.Format, cmdutil.Formats); err != nil {
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
	opts.Count.Add(cmd, 2, true)
	fl := cmd.Flags()
	fl.IntVarP(&opts.Top, "top", "k", 20, "terms in each list; 0 for all")
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
	counting, err := opts.Count.Resolve(!opts.Global.NoClean)
	if err != nil {
		return err
	}
	disp, err := cmdutil.NewDisplay(opts.Global.Script)
	if err != nil {
		return err
	}
	var skipped *cmdutil.PartialError
	dictsLoaded := false
	var docPaths [][]string
	for _, p := range []string{opts.A, opts.B} {
		if !shared.IsPartialPath(p) {
			docPaths = append(docPaths, []string{p})
		}
	}
	shared.HintSize(f, opts.Docs, docPaths...)
	lex, err := slogans.Builtin()
	if err != nil {
		return err
	}
	an := overview.Analyzers{Words: &counting.Opts, Slogans: &slogans.Options{Lexicon: lex}}
	cut := counting.Cut
	cut.POS = true // the formulation rules read parts of speech
	load := func(path string) (side, error) {
		if shared.IsPartialPath(path) {
			h, c, err := shared.ReadFreqPartial(path, opts.IO.In)
			if err != nil {
				return side{}, err
			}
			return side{name: path, counts: c, settings: h.Settings, partial: true}, nil
		}
		if !dictsLoaded {
			if err := cmdutil.LoadUserDicts(f, opts.Count.Dicts); err != nil {
				return side{}, err
			}
			dictsLoaded = true
		}
		sg, err := opts.Segmenter()
		if err != nil {
			return side{}, err
		}
		total := overview.New(an)
		progress := shared.NewProgress(opts.IO, opts.Global, opts.Docs, "compare", []string{path}, false)
		err = cmdutil.EachDoc(ctx, opts.Docs, []string{path},
			func(ctx context.Context, d *corpus.Doc) (*overview.Summary, error) {
				toks, err := sg.Cut(d.Text, cut)
				if err != nil {
					return nil, fmt.Errorf("%s: %w", d.Name, err)
				}
				return overview.Analyze(analysis.NewInput(d.Name, d.Text, d.Script.Kind, toks), overview.Doc{}, an), nil
			},
			func(s *overview.Summary) error {
				progress.Step()
				total.Merge(s)
				return nil
			})
		progress.Done()
		var pe *cmdutil.PartialError
		if errors.As(err, &pe) {
			if skipped == nil {
				skipped = &cmdutil.PartialError{}
			}
			skipped.Skipped += pe.Skipped
			err = nil
		}
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
	var fl *formLists
	if a.forms != nil && b.forms != nil {
		fl = &formLists{compare.OnlyIn(a.forms, b.forms, opts.Top), compare.OnlyIn(b.forms, a.forms, opts.Top)}
	}
	if err := write(opts.IO.Out, opts.Global.Format, disp, a, b, res, fl, shared.UnitName(a.settings)); err != nil {
		return err
	}
	if skipped != nil {
		return skipped
	}
	return nil
}

// formLists are the formulations only one side uses (both sides read from
// documents).
type formLists struct {
	onlyA, onlyB []*overview.Item
}

type formRecord struct {
	List        string `json:"list,omitempty"`
	Formulation string `json:"formulation"`
	Kind        string `json:"kind"`
	Count       int64  `json:"count"`
	Docs        int64  `json:"docs"`
	New         bool   `json:"new"`
}

type sideRecord struct {
	Name      string `json:"name"`
	Documents int64  `json:"documents"`
	Units     int64  `json:"units"`
	Distinct  int    `json:"distinct"`
}

type rowRecord struct {
	List     string  `json:"list,omitempty"`
	Term     string  `json:"term"`
	CountA   int64   `json:"count_a"`
	CountB   int64   `json:"count_b"`
	DocsA    int64   `json:"docs_a"`
	DocsB    int64   `json:"docs_b"`
	Per10kA  float64 `json:"per10k_a"`
	Per10kB  float64 `json:"per10k_b"`
	G2       float64 `json:"g2"`
	P        float64 `json:"p"`
	LogRatio float64 `json:"log_ratio"`
}

type jsonResult struct {
	Unit    string      `json:"unit"`
	A       sideRecord  `json:"a"`
	B       sideRecord  `json:"b"`
	MoreInA []rowRecord `json:"more_in_a"`
	MoreInB []rowRecord `json:"more_in_b"`
	OnlyInA []rowRecord `json:"only_in_a"`
	OnlyInB []rowRecord `json:"only_in_b"`
	// Formulations only one side uses; absent when a side is a partial.
	FormulationsOnlyInA *[]formRecord `json:"formulations_only_in_a,omitempty"`
	FormulationsOnlyInB *[]formRecord `json:"formulations_only_in_b,omitempty"`
}

func write(w io.Writer, format string, disp *cmdutil.Display, a, b side, res compare.Result, fl *formLists, unit string) error {
	var forms []struct {
		id, title string
		items     []*overview.Item
	}
	if fl != nil {
		forms = append(forms, struct {
			id, title string
			items     []*overview.Item
		}{"formulations_only_in_a", "Formulations only in A: " + a.name, fl.onlyA}, struct {
			id, title string
			items     []*overview.Item
		}{"formulations_only_in_b", "Formulations only in B: " + b.name, fl.onlyB})
	}
	frec := func(list string, it *overview.Item) formRecord {
		return formRecord{List: list, Formulation: disp.Show(it.Key, it.Surface()), Kind: it.Type, Count: it.Count, Docs: it.Docs, New: it.New}
	}
	lists := []struct {
		id, title string
		rows      []compare.Row
	}{
		{"more_in_a", "More frequent in A: " + a.name, res.MoreInA},
		{"more_in_b", "More frequent in B: " + b.name, res.MoreInB},
		{"only_in_a", "Only in A: " + a.name, res.OnlyInA},
		{"only_in_b", "Only in B: " + b.name, res.OnlyInB},
	}
	rec := func(list string, r compare.Row) rowRecord {
		return rowRecord{List: list, Term: disp.Show(r.Key, r.Surface), CountA: r.A, CountB: r.B, DocsA: r.DocsA, DocsB: r.DocsB,
			Per10kA: round(r.RateA, 4), Per10kB: round(r.RateB, 4), G2: round(r.G2, 4), P: roundSig(r.P), LogRatio: round(r.LogRatio, 4)}
	}
	switch format {
	case "json":
		out := jsonResult{Unit: unit,
			A: sideRecord{a.name, res.A.Docs, res.A.Units, res.A.Terms},
			B: sideRecord{b.name, res.B.Docs, res.B.Units, res.B.Terms}}
		dst := []*[]rowRecord{&out.MoreInA, &out.MoreInB, &out.OnlyInA, &out.OnlyInB}
		for i, l := range lists {
			*dst[i] = []rowRecord{}
			for _, r := range l.rows {
				rr := rec("", r)
				*dst[i] = append(*dst[i], rr)
			}
		}
		for i, l := range forms {
			recs := []formRecord{}
			for _, it := range l.items {
				recs = append(recs, frec("", it))
			}
			if i == 0 {
				out.FormulationsOnlyInA = &recs
			} else {
				out.FormulationsOnlyInB = &recs
			}
		}
		return report.WriteJSON(w, out)
	case "jsonl":
		jl := report.NewJSONLines(w)
		for _, l := range lists {
			for _, r := range l.rows {
				if err := jl.Write(rec(l.id, r)); err != nil {
					return err
				}
			}
		}
		for _, l := range forms {
			for _, it := range l.items {
				if err := jl.Write(frec(l.id, it)); err != nil {
					return err
				}
			}
		}
		return nil
	case "csv", "tsv":
		t := report.Table{Header: []string{"list", "term", "count_a", "count_b", "docs_a", "docs_b", "per10k_a", "per10k_b", "g2", "p", "log_ratio"}}
		for _, l := range lists {
			for _, r := range l.rows {
				x := rec(l.id, r)
				t.Rows = append(t.Rows, []string{l.id, x.Term, itoa(x.CountA), itoa(x.CountB), itoa(x.DocsA), itoa(x.DocsB),
					ftoa(x.Per10kA), ftoa(x.Per10kB), ftoa(x.G2), strconv.FormatFloat(x.P, 'g', 4, 64), ftoa(x.LogRatio)})
			}
		}
		// formulations: the count and documents on their side, the rest empty
		for i, l := range forms {
			for _, it := range l.items {
				x := frec(l.id, it)
				row := []string{l.id, x.Formulation, "", "", "", "", "", "", "", "", ""}
				if i == 0 {
					row[2], row[4] = itoa(x.Count), itoa(x.Docs)
				} else {
					row[3], row[5] = itoa(x.Count), itoa(x.Docs)
				}
				t.Rows = append(t.Rows, row)
			}
		}
		return report.WriteTables(w, format, t)
	}
	per := "per 10k"
	tables := []report.Table{{
		Title:  fmt.Sprintf("Comparing %s", unit),
		Header: []string{"", "documents", unit, "distinct"},
		Align:  []report.Align{report.Left, report.Right, report.Right, report.Right},
		Rows: [][]string{
			{"A: " + a.name, freqcmd.Thousands(res.A.Docs), freqcmd.Thousands(res.A.Units), freqcmd.Thousands(int64(res.A.Terms))},
			{"B: " + b.name, freqcmd.Thousands(res.B.Docs), freqcmd.Thousands(res.B.Units), freqcmd.Thousands(int64(res.B.Terms))},
		},
	}}
	for i, l := range lists {
		var t report.Table
		if i < 2 {
			t = report.Table{Title: l.title, Header: []string{"term", "A", "B", "A " + per, "B " + per, "G²", "log ratio"},
				Align: []report.Align{report.Left, report.Right, report.Right, report.Right, report.Right, report.Right, report.Right}}
			for _, r := range l.rows {
				t.Rows = append(t.Rows, []string{disp.Show(r.Key, r.Surface), itoa(r.A), itoa(r.B),
					fmt.Sprintf("%.2f", r.RateA), fmt.Sprintf("%.2f", r.RateB), fmt.Sprintf("%.2f", r.G2), fmt.Sprintf("%+.2f", r.LogRatio)})
			}
		} else {
			t = report.Table{Title: l.title, Header: []string{"term", "count", "docs", per},
				Align: []report.Align{report.Left, report.Right, report.Right, report.Right}}
			for _, r := range l.rows {
				n, d, rate := r.A, r.DocsA, r.RateA
				if i == 3 {
					n, d, rate = r.B, r.DocsB, r.RateB
				}
				t.Rows = append(t.Rows, []string{disp.Show(r.Key, r.Surface), itoa(n), itoa(d), fmt.Sprintf("%.2f", rate)})
			}
		}
		if len(t.Rows) == 0 {
			t.Footer = "(none)"
		}
		tables = append(tables, t)
	}
	for _, l := range forms {
		t := report.Table{Title: l.title, Header: []string{"formulation", "kind", "count", "docs", "new"},
			Align: []report.Align{report.Left, report.Left, report.Right, report.Right, report.Left}}
		for _, it := range l.items {
			isNew := ""
			if it.New {
				isNew = "new"
			}
			t.Rows = append(t.Rows, []string{disp.Show(it.Key, it.Surface()), it.Type, itoa(it.Count), itoa(it.Docs), isNew})
		}
		if len(t.Rows) == 0 {
			t.Footer = "(none)"
		}
		tables = append(tables, t)
	}
	return report.WriteTables(w, format, tables...)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func ftoa(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

func round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}

// roundSig keeps four significant digits (p-values span many orders).
func roundSig(x float64) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 4, 64), 64)
	return f
}
