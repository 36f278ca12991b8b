// Package clean implements `zhpolicy clean`.
package clean

import (
	"context"
	"io"
	"strconv"

	"github.com/spf13/cobra"

	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/report"
)

// Options are the settings of one clean run.
type Options struct {
	IO     *iostreams.IOStreams
	Global *cmdutil.GlobalOptions
	Docs   *cmdutil.DocSource

	Paths []string
	List  bool
}

// NewCmdClean returns the clean command. runF, when not nil, replaces the
// run function (tests check flag parsing with it).
func NewCmdClean(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO, Global: f.Global, Docs: cmdutil.NewDocSource(f)}
	cmd := &cobra.Command{
		Use:   "clean [path...]",
		Short: "Print documents as the analyses read them, cleaned",
		Long: `Print the cleaned text of each document: what every analysis command reads.

Cleaning removes pinyin annotations after Han characters as left by converter
web pages (會(huì) → 會; (WTO), (2025), (一), (试行) stay), invisible characters
(zero-width spaces, BOM, soft hyphens), odd spaces, and web-page boilerplate
lines (【字号 大 中 小】, 【打印本页】【关闭窗口】, 责任编辑 …); folds full-width
ASCII letters and digits to half-width (Chinese punctuation stays); and
normalises line endings. Cleaning twice changes nothing more.

With --list, print what was removed or changed instead, with its byte
position in the decoded input.`,
		Example: `  zhpolicy clean page.html
  echo '市委常委會(huì)在醫(yī)藥高新區(qū)調(diào)研' | zhpolicy clean
  zhpolicy clean --list --format csv docs/`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			if opts.List {
				if err := cmdutil.ValidateFormat(opts.Global.Format, cmdutil.Formats); err != nil {
					return err
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return cleanRun(c.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.List, "list", false, "list what cleaning removed or changed, with positions")
	return cmd
}

type change struct {
	File  string `json:"file"`
	Kind  string `json:"kind"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Old   string `json:"old"`
	New   string `json:"new"`
}

func cleanRun(ctx context.Context, opts *Options) error {
	out := opts.IO.Out
	format := opts.Global.Format
	opts.Docs.Clean = true
	var changes []change
	jl := report.NewJSONLines(out)
	err := cmdutil.EachDoc(ctx, opts.Docs, opts.Paths,
		func(_ context.Context, d *corpus.Doc) (*corpus.Doc, error) { return d, nil },
		func(d *corpus.Doc) error {
			if !opts.List {
				_, err := io.WriteString(out, withNewline(d.Text))
				return err
			}
			for _, c := range d.Changes() {
				ch := change{File: d.Name, Kind: string(c.Kind), Start: c.Start, End: c.End, Old: c.Old, New: c.New}
				if format == "jsonl" {
					if err := jl.Write(ch); err != nil {
						return err
					}
					continue
				}
				changes = append(changes, ch)
			}
			return nil
		})
	if opts.List && format != "jsonl" {
		var werr error
		if format == "json" {
			if changes == nil {
				changes = []change{}
			}
			werr = report.WriteJSON(out, changes)
		} else {
			t := report.Table{Header: []string{"file", "kind", "start", "end", "old", "new"},
				Align: []report.Align{report.Left, report.Left, report.Right, report.Right}}
			for _, c := range changes {
				t.Rows = append(t.Rows, []string{c.File, c.Kind, strconv.Itoa(c.Start), strconv.Itoa(c.End), visible(c.Old), visible(c.New)})
			}
			werr = report.WriteTables(out, format, t)
		}
		if err == nil {
			err = werr
		}
	}
	return err
}

func withNewline(s string) string {
	if s == "" || s[len(s)-1] == '\n' {
		return s
	}
	return s + "\n"
}

// visible shows invisible characters by their code point in tables.
func visible(s string) string {
	var b []byte
	for _, r := range s {
		switch {
		case r == '\n':
			b = append(b, `\n`...)
		case r == '\r':
			b = append(b, `\r`...)
		case r == '\t':
			b = append(b, `\t`...)
		case r < 0x20 || (r >= 0x200B && r <= 0x200F) || r == 0xFEFF || r == 0xAD || (r >= 0x202A && r <= 0x202E) || (r >= 0x2060 && r <= 0x2069) || r == 0xA0 || r == 0x3000 || (r >= 0x2000 && r <= 0x200A) || r == 0x202F || r == 0x205F:
			b = append(b, "U+"+strconv.FormatInt(int64(r), 16)...)
		default:
			b = append(b, string(r)...)
		}
	}
	return string(b)
}
