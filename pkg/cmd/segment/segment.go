// Package segment implements `zhpolicy segment`.
package segment

import (
	"bytes"
	"context"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/script"
	seg "zhpolicy/pkg/segment"
)

// Options are the settings of one segment run.
type Options struct {
	IO *iostreams.IOStreams

	Paths  []string
	In     cmdutil.InputFlags
	Seg    cmdutil.SegFlags
	Format string
	Script string
	Mode   string
	POS    bool
	Sep    string
}

// NewCmdSegment returns the segment command. runF, when not nil, replaces
// the run function (tests check flag parsing with it).
func NewCmdSegment(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "segment [path...]",
		Short: "Cut documents into words",
		Long: `Cut each document into words with gse, in the document's own script.

Text output has one line of words per line of the (cleaned) document,
separated by --sep. JSON, JSONL, CSV and TSV give every token: the word as
segmented (text: the cleaned word, in the document's script), its byte
offsets (start, end) into the decoded input, its part of speech, the file
name, and where cleaning changed the word (a pinyin annotation removed,
full-width letters folded) the input's own bytes at those offsets
(original); the text output shows parts of speech with --pos.

Traditional text is folded to Simplified character by character, cut with
the Simplified dictionary, and the words are given back in Traditional.
With --script s|t|tw|hk the words of the text output are shown in that
script; JSON, JSONL, CSV and TSV keep the document's own script.

Big inputs stream: plain text is read and cut in parts of about 1 MB that
end at a line end, so memory stays bounded whatever the size of a file.` + "\n\n" + cmdutil.StreamHelp,
		Example: `  zhpolicy segment testdata/sample/municipal_report.txt
  zhpolicy segment --pos --sep " | " testdata/sample/municipal_report.txt
  zhpolicy segment --format jsonl testdata/sample/ > tokens.jsonl
  zhpolicy segment --mode search testdata/sample/city_plan.docx
  zhpolicy segment --script s testdata/sample/traditional_notice.txt
  echo '市委常委會(huì)在醫(yī)藥高新區(qū)調(diào)研' | zhpolicy segment`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			if _, err := seg.ParseMode(opts.Mode); err != nil {
				return cmdutil.FlagErrorf("invalid --mode: %v", err)
			}
			if err := opts.In.Validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return segmentRun(c.Context(), f, opts)
		},
	}
	cmdutil.AddInputFlags(cmd, &opts.In, true)
	cmdutil.AddSegFlags(cmd, &opts.Seg, seg.DefaultHMM)
	cmdutil.AddFormatFlag(cmd, &opts.Format, report.Formats...)
	cmdutil.AddScriptFlag(cmd, &opts.Script)
	fl := cmd.Flags()
	fl.StringVar(&opts.Mode, "mode", "precise", "precise, search (adds the short words inside long ones) or all (every dictionary word)")
	fl.BoolVar(&opts.POS, "pos", false, "show the part of speech of each word in text output (machine formats always have it)")
	fl.StringVar(&opts.Sep, "sep", " ", "separator between words in text output")
	return cmd
}

var columns = []report.Column{{Name: "text"}, {Name: "start"}, {Name: "end"}, {Name: "pos", OmitEmpty: true},
	{Name: "original", OmitEmpty: true}}

func segmentRun(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	if err := opts.Seg.Load(f); err != nil {
		return err
	}
	mode, _ := seg.ParseMode(opts.Mode)
	// Machine formats always carry the part of speech; the text output
	// shows it with --pos.
	format := opts.Format
	cut := seg.Options{Mode: mode, HMM: opts.Seg.HMM, POS: opts.POS || format != "table"}
	disp, err := script.NewDisplay(opts.Script)
	if err != nil {
		return err
	}
	out := opts.IO.Out
	var w *report.Writer
	if format != "table" && format != "jsonl" {
		if w, err = report.NewWriter(out, format, report.Options{}); err != nil {
			return err
		}
	}
	// Workers format the output (report.Prepare for the formats with
	// stream state: a header, brackets), so that the ordered emitter only
	// writes and does not hold -j workers back.
	type result struct {
		table *report.Prepared
		text  []byte
	}
	docs := cmdutil.Docs{F: f, In: &opts.In, Label: "segment", PartSize: corpus.PartBytes, Cut: &cut, TokensOnly: true, ReleaseInput: true, StreamsOutput: true}
	res, err := cmdutil.RunDocs(ctx, docs, opts.Paths,
		func(ctx context.Context, d *corpus.Doc) (result, error) {
			toks := d.In.Tokens
			if format == "table" {
				var b bytes.Buffer
				writeLines(&b, d.Text, toks, opts.Sep, opts.POS, displayed(disp, d.Text))
				return result{text: b.Bytes()}, nil
			}
			t := tokenTable(d, toks)
			if format != "jsonl" {
				p, err := w.Prepare(t)
				return result{table: p}, err
			}
			var b bytes.Buffer
			jl, err := report.NewWriter(&b, "jsonl", report.Options{})
			if err != nil {
				return result{}, err
			}
			if err := jl.Table(t); err != nil {
				return result{}, err
			}
			return result{text: b.Bytes()}, nil
		},
		func(d *corpus.Doc, r result) error {
			if r.table != nil {
				return w.WritePrepared(r.table)
			}
			_, err := out.Write(r.text)
			return err
		})
	if err != nil {
		return err
	}
	if w != nil {
		if err := w.Close(); err != nil {
			return err
		}
	}
	return cmdutil.Exit(res, 0)
}

// tokenTable lists the tokens of a document (or of a part of one): the
// word as segmented (the cleaned text, in the document's script), its
// offsets in the decoded input, and the input's own bytes there when
// cleaning changed them.
func tokenTable(d *corpus.Doc, toks []seg.Token) *report.Table {
	t := &report.Table{Name: "tokens", Group: []report.KV{{Key: "file", Value: d.Name}}, Columns: columns,
		Rows: make([][]any, len(toks))}
	for i, tok := range toks {
		s, e := d.OriginalSpan(int(tok.Start), int(tok.End))
		original := d.Original[s:e]
		if original == tok.Text {
			original = ""
		}
		t.Rows[i] = []any{tok.Text, d.Base + s, d.Base + e, tok.POS, original}
	}
	return t
}

// writeLines prints one line of words per line of text.
// show gives the displayed form of the word at [start, end) of text.
func writeLines(b *bytes.Buffer, text string, toks []seg.Token, sep string, pos bool, show func(start, end int) string) {
	ti := 0
	lineStart := 0
	for lineStart < len(text) {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		first := true
		for ti < len(toks) && int(toks[ti].Start) < lineEnd {
			if !first {
				b.WriteString(sep)
			}
			first = false
			b.WriteString(show(int(toks[ti].Start), int(toks[ti].End)))
			if pos && toks[ti].POS != "" {
				b.WriteString("/")
				b.WriteString(toks[ti].POS)
			}
			ti++
		}
		b.WriteByte('\n')
		lineStart = lineEnd + 1
	}
}

// displayed returns how the word at [start, end) of text is shown under
// --script: the text is converted as a whole, so that a word is converted
// in its context, and the word's characters are taken from the converted
// text (conversion to s, t, tw or hk keeps the number of characters; if it
// did not, each word is converted on its own).
func displayed(disp *script.Display, text string) func(start, end int) string {
	conv := disp.ShowText(text)
	if conv == text {
		return func(s, e int) string { return text[s:e] }
	}
	if utf8.RuneCountInString(conv) != utf8.RuneCountInString(text) {
		return func(s, e int) string { return disp.ShowText(text[s:e]) }
	}
	// byte offset in conv of each rune start (and the end) of text
	at := make(map[int]int, utf8.RuneCountInString(text)+1)
	c := 0
	for i := range text {
		at[i] = c
		_, n := utf8.DecodeRuneInString(conv[c:])
		c += n
	}
	at[len(text)] = len(conv)
	return func(s, e int) string { return conv[at[s]:at[e]] }
}
