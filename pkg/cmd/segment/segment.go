// Package segment implements `zhpolicy segment`.
package segment

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/report"
	seg "zhpolicy/pkg/segment"
)

// Options are the settings of one segment run.
type Options struct {
	IO        *iostreams.IOStreams
	Global    *cmdutil.GlobalOptions
	Segmenter func() (*seg.Segmenter, error)
	Docs      *cmdutil.DocSource

	Paths []string
	Mode  string
	HMM   bool
	POS   bool
	Dicts []string
	Sep   string
}

// NewCmdSegment returns the segment command. runF, when not nil, replaces
// the run function (tests check flag parsing with it).
func NewCmdSegment(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO, Global: f.Global, Segmenter: f.Segmenter, Docs: cmdutil.NewDocSource(f)}
	cmd := &cobra.Command{
		Use:   "segment [path...]",
		Short: "Cut documents into words",
		Long: `Cut each document into words with gse, in the document's own script.

Text output has one line of words per line of the (cleaned) document,
separated by --sep. JSON, JSONL, CSV and TSV give every token with its byte
offsets (start, end) into the decoded input text, its part of speech, and
the file name; the text output shows parts of speech with --pos.

Traditional text is folded to Simplified character by character, cut with
the Simplified dictionary, and the words are given back in Traditional.
With --script s|t|tw|hk the words of the text output are shown in that
script; JSON, JSONL, CSV and TSV keep the text as the file has it, so that
it can be found at its offsets.`,
		Example: `  zhpolicy segment report.txt
  zhpolicy segment --pos --sep " | " report.txt
  zhpolicy segment --format jsonl docs/ > tokens.jsonl
  zhpolicy segment --dict my-terms.txt --mode search report.txt
  zhpolicy segment --script s traditional.txt
  echo '市委常委會(huì)在醫(yī)藥高新區(qū)調(diào)研' | zhpolicy segment`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			if _, err := seg.ParseMode(opts.Mode); err != nil {
				return cmdutil.FlagErrorf("invalid --mode: %v", err)
			}
			if err := cmdutil.ValidateFormat(opts.Global.Format, cmdutil.Formats); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return segmentRun(c.Context(), f, opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Mode, "mode", "precise", "precise, search (adds the short words inside long ones) or all (every dictionary word)")
	fl.BoolVar(&opts.HMM, "hmm", seg.DefaultHMM, "join unknown characters into new words with gse's HMM")
	fl.BoolVar(&opts.POS, "pos", false, "show the part of speech of each word in text output (machine formats always have it)")
	fl.StringArrayVar(&opts.Dicts, "dict", nil, "user dictionary, one `word [freq] [pos]` a line (repeatable)")
	fl.StringVar(&opts.Sep, "sep", " ", "separator between words in text output")
	return cmd
}

func segmentRun(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	if err := cmdutil.LoadUserDicts(f, opts.Dicts); err != nil {
		return err
	}
	mode, _ := seg.ParseMode(opts.Mode)
	// Machine formats always carry the part of speech; the text output
	// shows it with --pos.
	withPOS := opts.POS || opts.Global.Format != "table"
	cutOpts := seg.Options{Mode: mode, HMM: opts.HMM, POS: withPOS}
	sg, err := opts.Segmenter()
	if err != nil {
		return err
	}
	disp, err := cmdutil.NewDisplay(opts.Global.Script)
	if err != nil {
		return err
	}
	format := opts.Global.Format
	out := opts.IO.Out
	var jsonDocs []jsonDoc
	var rows *report.RowWriter
	if format == "csv" || format == "tsv" || format == "markdown" {
		rows, _ = report.NewRowWriter(out, format, []string{"file", "text", "start", "end", "pos"})
	}

	// Workers cut and, for the streamed formats, also format: the ordered
	// emitter only writes, so it does not hold -j workers back.
	type result struct {
		doc    *corpus.Doc
		tokens []seg.Token // json: collected by the emitter
		text   []byte      // text and jsonl: ready to write
	}
	err = cmdutil.EachPart(ctx, opts.Docs, opts.Paths, cmdutil.ChunkBytes,
		func(ctx context.Context, d *corpus.Doc) (result, error) {
			toks, err := sg.Cut(d.Text, cutOpts)
			if err != nil {
				return result{}, fmt.Errorf("%s: %w", d.Name, err)
			}
			r := result{doc: d}
			var b bytes.Buffer
			switch format {
			case "json", "csv", "tsv", "markdown":
				r.tokens = originalTokens(d, toks)
				return r, nil
			case "jsonl":
				jl := report.NewJSONLines(&b)
				for _, t := range originalTokens(d, toks) {
					if err := jl.Write(jsonToken{File: d.Name, Token: t}); err != nil {
						return result{}, err
					}
				}
			default:
				writeLines(&b, d.Text, toks, opts.Sep, opts.POS, displayed(disp, d.Text))
			}
			r.text = b.Bytes()
			return r, nil
		},
		func(d *corpus.Doc, r result) error {
			switch format {
			case "json":
				if r.doc.Part > 0 && len(jsonDocs) > 0 {
					last := &jsonDocs[len(jsonDocs)-1]
					last.Tokens = append(last.Tokens, r.tokens...)
				} else {
					jsonDocs = append(jsonDocs, jsonDoc{File: r.doc.Name, Tokens: r.tokens})
				}
			case "csv", "tsv", "markdown":
				for _, t := range r.tokens {
					if err := rows.Write([]string{r.doc.Name, t.Text, strconv.Itoa(t.Start), strconv.Itoa(t.End), t.POS}); err != nil {
						return err
					}
				}
			default:
				_, err := out.Write(r.text)
				return err
			}
			return nil
		})
	var werr error
	switch format {
	case "json":
		if jsonDocs == nil {
			jsonDocs = []jsonDoc{}
		}
		werr = report.WriteJSON(out, jsonDocs)
	case "csv", "tsv", "markdown":
		werr = rows.Flush()
	}
	if err == nil {
		err = werr
	}
	return err
}

type jsonDoc struct {
	File   string      `json:"file"`
	Tokens []seg.Token `json:"tokens"`
}

type jsonToken struct {
	File string `json:"file"`
	seg.Token
}

// originalTokens maps tokens of the cleaned text back to the decoded input
// text: offsets and text as the user's file has them.
func originalTokens(d *corpus.Doc, toks []seg.Token) []seg.Token {
	out := make([]seg.Token, len(toks))
	for i, t := range toks {
		s, e := d.OriginalSpan(t.Start, t.End)
		out[i] = seg.Token{Text: d.Original[s:e], Start: d.Base + s, End: d.Base + e, POS: t.POS}
	}
	return out
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
		for ti < len(toks) && toks[ti].Start < lineEnd {
			if !first {
				b.WriteString(sep)
			}
			first = false
			b.WriteString(show(toks[ti].Start, toks[ti].End))
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
func displayed(disp *cmdutil.Display, text string) func(start, end int) string {
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
