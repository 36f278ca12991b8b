// Package analyze implements `zhpolicy analyze`.
package analyze

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/analysis/entities"
	"zhpolicy/pkg/analysis/freq"
	kw "zhpolicy/pkg/analysis/keywords"
	"zhpolicy/pkg/analysis/overview"
	"zhpolicy/pkg/analysis/slogans"
	freqcmd "zhpolicy/pkg/cmd/freq"
	"zhpolicy/pkg/cmd/freq/shared"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/idf"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/report"
	seg "zhpolicy/pkg/segment"
)

// Options are the settings of one analyze run.
type Options struct {
	IO        *iostreams.IOStreams
	Global    *cmdutil.GlobalOptions
	Segmenter func() (*seg.Segmenter, error)
	Docs      *cmdutil.DocSource
	Version   string

	Paths []string
	Top   int
	HMM   bool
	Dicts []string
	Emit  string
}

// NewCmdAnalyze returns the analyze command. runF, when not nil, replaces
// the run function (tests check flag parsing with it).
func NewCmdAnalyze(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO, Global: f.Global, Segmenter: f.Segmenter, Docs: cmdutil.NewDocSource(f), Version: f.Version}
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
                ` + "`zhpolicy slogans`" + ` finds them; new marks those missing from the
                built-in lexicon;
  Entities      the people, organisations, places, meetings, documents …
                mentioned most, as ` + "`zhpolicy entities`" + ` finds them.

Terms are counted in Simplified script and shown as written (--script auto)
or converted (--script s|t|tw|hk). A set of tables on a terminal; one JSON
document with --format json; one row per item (with its section) in CSV,
TSV and JSON Lines.

--emit partial writes everything as mergeable counts instead (JSON Lines);
` + "`zhpolicy merge`" + ` turns the partials of separate runs into the report of one
run over all their documents.`,
		Example: `  zhpolicy analyze testdata/sample/
  zhpolicy analyze --top 20 reports/
  zhpolicy analyze --format json reports/ > overview.json
  zhpolicy analyze --emit partial shard1/ > shard1.jsonl`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			if err := cmdutil.ValidateFormat(opts.Global.Format, cmdutil.Formats); err != nil {
				return err
			}
			if err := cmdutil.CheckTop(opts.Top); err != nil {
				return err
			}
			switch opts.Emit {
			case "report", "partial":
			default:
				return cmdutil.FlagErrorf("invalid --emit %q: use report or partial", opts.Emit)
			}
			if runF != nil {
				return runF(opts)
			}
			return analyzeRun(c.Context(), f, opts)
		},
	}
	fl := cmd.Flags()
	fl.IntVarP(&opts.Top, "top", "k", 10, "items in each section; 0 for all")
	fl.BoolVar(&opts.HMM, "hmm", seg.DefaultHMM, "segment with gse's HMM new-word detection")
	fl.StringArrayVar(&opts.Dicts, "dict", nil, "user dictionary, one `word [freq] [pos]` a line (repeatable)")
	fl.StringVar(&opts.Emit, "emit", "report", "report, or partial: mergeable counts (JSON Lines) for `zhpolicy merge`")
	return cmd
}

// Analyzers returns the analyzers of an analyze run: every section, with
// the built-in lists.
func Analyzers() (overview.Analyzers, error) {
	table, err := idf.Default()
	if err != nil {
		return overview.Analyzers{}, err
	}
	words := overview.WordOptions()
	a := overview.Analyzers{
		Words:    &words,
		Keywords: &kw.Options{Method: kw.TFIDF, IDF: table},
		Entities: entities.New(nil),
	}
	lex, err := slogans.Builtin()
	if err != nil {
		return a, err
	}
	a.Slogans = &slogans.Options{Lexicon: lex}
	return a, nil
}

func analyzeRun(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	if err := cmdutil.LoadUserDicts(f, opts.Dicts); err != nil {
		return err
	}
	shared.HintSize(f, opts.Docs, opts.Paths)
	settings := overview.Settings{HMM: opts.HMM, Clean: !opts.Global.NoClean}
	if len(opts.Dicts) > 0 {
		c := shared.CountFlags{Dicts: opts.Dicts}
		r, err := c.Resolve(settings.Clean)
		if err != nil {
			return err
		}
		settings.Dicts = r.Settings.Dicts
	}
	an, err := Analyzers()
	if err != nil {
		return err
	}
	sg, err := opts.Segmenter()
	if err != nil {
		return err
	}
	disp, err := cmdutil.NewDisplay(opts.Global.Script)
	if err != nil {
		return err
	}
	cut := seg.Options{Mode: seg.Precise, HMM: opts.HMM, POS: true}
	total := overview.New(an)
	progress := shared.NewProgress(opts.IO, opts.Global, opts.Docs, "analyze", opts.Paths, false)
	runErr := cmdutil.EachDoc(ctx, opts.Docs, opts.Paths,
		func(ctx context.Context, d *corpus.Doc) (*overview.Summary, error) {
			toks, err := sg.Cut(d.Text, cut)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", d.Name, err)
			}
			in := analysis.NewInput(d.Name, d.Text, d.Script.Kind, toks)
			return overview.Analyze(in, overview.Doc{Encoding: d.Encoding, Format: d.Format, Size: d.Size, Script: d.Script.Kind.String()}, an), nil
		},
		func(s *overview.Summary) error {
			progress.Step()
			total.Merge(s)
			return nil
		})
	progress.Done()
	var partial *cmdutil.PartialError
	if runErr != nil && !errors.As(runErr, &partial) {
		return runErr
	}
	if opts.Emit == "partial" {
		err = overview.WritePartial(opts.IO.Out, overview.Header{Envelope: freq.Envelope{Tool: opts.Version}, Settings: settings}, total)
	} else {
		err = Write(opts.IO.Out, opts.Global.Format, disp, total, opts.Top)
	}
	if err != nil {
		return err
	}
	return runErr
}

// Report is the JSON document of an analyze run.
type Report struct {
	Documents  int64            `json:"documents"`
	Bytes      int64            `json:"bytes"`
	Characters int64            `json:"characters"`
	Chinese    int64            `json:"chinese_characters"`
	Words      int64            `json:"words"`
	Scripts    map[string]int64 `json:"scripts"`
	Encodings  map[string]int64 `json:"encodings"`
	Formats    map[string]int64 `json:"formats"`

	TopWords     []WordItem        `json:"top_words"`
	Keywords     []KeywordItem     `json:"keywords"`
	Formulations []FormulationItem `json:"formulations"`
	Entities     []EntityItem      `json:"entities"`
}

// WordItem is a line of the top words.
type WordItem struct {
	Rank  int     `json:"rank"`
	Term  string  `json:"term"`
	Count int64   `json:"count"`
	Share float64 `json:"share"`
	Docs  int64   `json:"docs"`
}

// KeywordItem is a line of the keywords.
type KeywordItem struct {
	Rank    int     `json:"rank"`
	Keyword string  `json:"keyword"`
	Docs    int64   `json:"docs"`
	Count   int64   `json:"count"`
	Score   float64 `json:"score"`
}

// FormulationItem is a line of the formulations.
type FormulationItem struct {
	Rank        int    `json:"rank"`
	Formulation string `json:"formulation"`
	Kind        string `json:"kind"`
	Count       int64  `json:"count"`
	Docs        int64  `json:"docs"`
	New         bool   `json:"new"`
	Gloss       string `json:"gloss,omitempty"`
}

// EntityItem is a line of the entities.
type EntityItem struct {
	Rank   int      `json:"rank"`
	Entity string   `json:"entity"`
	Type   string   `json:"type"`
	Count  int64    `json:"count"`
	Docs   int64    `json:"docs"`
	Titles []string `json:"titles,omitempty"`
}

// Build turns a summary into the report shown, top items per section.
func Build(s *overview.Summary, disp *cmdutil.Display, top int) Report {
	r := Report{Documents: s.Docs, Bytes: s.Bytes, Characters: s.Chars, Chinese: s.Han, Words: s.Tokens,
		Scripts: s.Scripts, Encodings: s.Encodings, Formats: s.Formats,
		TopWords: []WordItem{}, Keywords: []KeywordItem{}, Formulations: []FormulationItem{}, Entities: []EntityItem{}}
	if s.Words != nil {
		for i, t := range s.Words.Terms(1, top) {
			r.TopWords = append(r.TopWords, WordItem{i + 1, disp.Show(t.Key, t.Surface), t.Count, round(t.Share, 6), t.Docs})
		}
	}
	for i, it := range s.Keywords.ByScore(top) {
		r.Keywords = append(r.Keywords, KeywordItem{i + 1, disp.Show(it.Key, it.Surface()), it.Docs, it.Count, round(s.Keywords.MeanScore(it), 6)})
	}
	for i, it := range s.Formulations.ByCount(top) {
		r.Formulations = append(r.Formulations, FormulationItem{i + 1, disp.Show(it.Key, it.Surface()), it.Type, it.Count, it.Docs, it.New, it.Gloss})
	}
	for i, it := range s.Entities.ByCount(top) {
		var titles []string
		for _, t := range it.Titles {
			titles = append(titles, disp.Show(t, t))
		}
		r.Entities = append(r.Entities, EntityItem{i + 1, disp.Show(it.Key, it.Surface()), it.Type, it.Count, it.Docs, titles})
	}
	return r
}

// Write prints the overview in a format.
func Write(w io.Writer, format string, disp *cmdutil.Display, s *overview.Summary, top int) error {
	r := Build(s, disp, top)
	switch format {
	case "json":
		return report.WriteJSON(w, r)
	case "jsonl", "csv", "tsv":
		return writeRows(w, format, r)
	}
	return report.WriteTables(w, format, tables(r, format)...)
}

func tables(r Report, format string) []report.Table {
	t := func(n int64) string { return freqcmd.Thousands(n) }
	chars := t(r.Characters)
	if r.Characters > 0 {
		chars += fmt.Sprintf(" (Chinese %s, %.0f%%)", t(r.Chinese), 100*float64(r.Chinese)/float64(r.Characters))
	}
	corpus := report.Table{Title: "Corpus",
		Rows: [][]string{
			{"documents", t(r.Documents)},
			{"size", size(r.Bytes)},
			{"characters", chars},
			{"words", t(r.Words)},
			{"scripts", mix(r.Scripts)},
			{"encodings", mix(r.Encodings)},
			{"formats", mix(r.Formats)},
		}}
	if format == "markdown" {
		corpus.Header = []string{"", ""} // Markdown tables need a header
	}
	words := report.Table{Title: "Top words (two characters or more, stopwords left out)",
		Header: []string{"rank", "word", "count", "share", "docs"},
		Align:  []report.Align{report.Right, report.Left, report.Right, report.Right, report.Right}}
	for _, x := range r.TopWords {
		words.Rows = append(words.Rows, []string{itoa(int64(x.Rank)), x.Term, itoa(x.Count), fmt.Sprintf("%.2f%%", 100*x.Share), itoa(x.Docs)})
	}
	keys := report.Table{Title: "Keywords (mean TF-IDF over the documents)",
		Header: []string{"rank", "keyword", "docs", "count", "score"},
		Align:  []report.Align{report.Right, report.Left, report.Right, report.Right, report.Right}}
	for _, x := range r.Keywords {
		keys.Rows = append(keys.Rows, []string{itoa(int64(x.Rank)), x.Keyword, itoa(x.Docs), itoa(x.Count), report.FormatFloat(x.Score)})
	}
	forms := report.Table{Title: "Formulations",
		Header: []string{"rank", "formulation", "kind", "count", "docs", "new"},
		Align:  []report.Align{report.Right, report.Left, report.Left, report.Right, report.Right, report.Left}}
	for _, x := range r.Formulations {
		isNew := ""
		if x.New {
			isNew = "new"
		}
		forms.Rows = append(forms.Rows, []string{itoa(int64(x.Rank)), x.Formulation, x.Kind, itoa(x.Count), itoa(x.Docs), isNew})
	}
	ents := report.Table{Title: "Entities",
		Header: []string{"rank", "entity", "type", "count", "docs", "titles"},
		Align:  []report.Align{report.Right, report.Left, report.Left, report.Right, report.Right, report.Left}}
	for _, x := range r.Entities {
		ents.Rows = append(ents.Rows, []string{itoa(int64(x.Rank)), x.Entity, x.Type, itoa(x.Count), itoa(x.Docs), strings.Join(x.Titles, "、")})
	}
	out := []report.Table{corpus, words, keys, forms, ents}
	for i := range out {
		if len(out[i].Rows) == 0 {
			out[i].Footer = "(none)"
		}
	}
	return out
}

// row is one line of the CSV, TSV and JSON Lines output.
type row struct {
	Section string  `json:"section"`
	Rank    int     `json:"rank,omitempty"`
	Item    string  `json:"item"`
	Type    string  `json:"type,omitempty"`
	Count   int64   `json:"count"`
	Docs    int64   `json:"docs,omitempty"`
	Score   float64 `json:"score,omitempty"`
}

func writeRows(w io.Writer, format string, r Report) error {
	rows := []row{
		{Section: "corpus", Item: "documents", Count: r.Documents},
		{Section: "corpus", Item: "bytes", Count: r.Bytes},
		{Section: "corpus", Item: "characters", Count: r.Characters},
		{Section: "corpus", Item: "chinese_characters", Count: r.Chinese},
		{Section: "corpus", Item: "words", Count: r.Words},
	}
	for _, m := range []struct {
		name string
		m    map[string]int64
	}{{"scripts", r.Scripts}, {"encodings", r.Encodings}, {"formats", r.Formats}} {
		for _, k := range sortedKeys(m.m) {
			rows = append(rows, row{Section: m.name, Item: k, Count: m.m[k]})
		}
	}
	for _, x := range r.TopWords {
		rows = append(rows, row{"top_words", x.Rank, x.Term, "", x.Count, x.Docs, x.Share})
	}
	for _, x := range r.Keywords {
		rows = append(rows, row{"keywords", x.Rank, x.Keyword, "", x.Count, x.Docs, x.Score})
	}
	for _, x := range r.Formulations {
		rows = append(rows, row{"formulations", x.Rank, x.Formulation, x.Kind, x.Count, x.Docs, 0})
	}
	for _, x := range r.Entities {
		rows = append(rows, row{"entities", x.Rank, x.Entity, x.Type, x.Count, x.Docs, 0})
	}
	if format == "jsonl" {
		jl := report.NewJSONLines(w)
		for _, x := range rows {
			if err := jl.Write(x); err != nil {
				return err
			}
		}
		return nil
	}
	t := report.Table{Header: []string{"section", "rank", "item", "type", "count", "docs", "score"}}
	for _, x := range rows {
		rank, docs, score := "", "", ""
		if x.Rank > 0 {
			rank = strconv.Itoa(x.Rank)
		}
		if x.Docs > 0 {
			docs = itoa(x.Docs)
		}
		if x.Score != 0 {
			score = strconv.FormatFloat(x.Score, 'f', -1, 64)
		}
		t.Rows = append(t.Rows, []string{x.Section, rank, x.Item, x.Type, itoa(x.Count), docs, score})
	}
	return report.WriteTables(w, format, t)
}

// mix shows the documents of each kind, most first: "simplified 4, traditional 3".
func mix(m map[string]int64) string {
	keys := sortedKeys(m)
	slices.SortStableFunc(keys, func(a, b string) int { return int(m[b] - m[a]) })
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}

func sortedKeys(m map[string]int64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// size shows a byte count in B, kB, MB or GB (powers of 1000).
func size(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	case n < 1000*1000*1000:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%.2f GB", float64(n)/1e9)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}
