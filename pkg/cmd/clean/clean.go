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
	Paths  []string
	In     cmdutil.InputFlags
	Format string
	List   bool
}

// NewCmdClean returns the clean command. runF, when not nil, replaces the
// run function (tests check flag parsing with it).
func NewCmdClean(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO}
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
		Example: `  zhpolicy clean testdata/sample/provincial_notice.html
  echo '市委常委會(huì)在醫(yī)藥高新區(qū)調(diào)研' | zhpolicy clean
  zhpolicy clean --list --format csv testdata/sample/`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			if err := opts.In.Validate(); err != nil {
				return err
			}
			if c.Flags().Changed("format") && !opts.List {
				return cmdutil.FlagErrorf("--format applies to --list: the cleaned text itself is printed as text")
			}
			if runF != nil {
				return runF(opts)
			}
			return cleanRun(c.Context(), f, opts)
		},
	}
	cmdutil.AddInputFlags(cmd, &opts.In, false)
	cmdutil.AddFormatFlag(cmd, &opts.Format, report.Formats...)
	cmd.Flags().BoolVar(&opts.List, "list", false, "list what cleaning removed or changed, with positions")
	return cmd
}

var listColumns = []report.Column{{Name: "file"}, {Name: "kind"}, {Name: "start", Align: report.Right},
	{Name: "end", Align: report.Right}, {Name: "old"}, {Name: "new"}}

func cleanRun(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	out := opts.IO.Out
	var w *report.Writer
	if opts.List {
		var err error
		if w, err = report.NewWriter(out, opts.Format, report.Options{TTY: opts.IO.IsStdoutTTY()}); err != nil {
			return err
		}
	}
	human := opts.Format == "table" || opts.Format == "markdown"
	var rows [][]any // table and markdown: one table for all documents
	yes := true
	docs := cmdutil.Docs{F: f, In: &opts.In, Label: "clean", Clean: &yes, StreamsOutput: true}
	res, err := cmdutil.RunDocs(ctx, docs, opts.Paths,
		func(_ context.Context, d *corpus.Doc) (*corpus.Doc, error) { return d, nil },
		func(d *corpus.Doc, _ *corpus.Doc) error {
			if !opts.List {
				_, err := io.WriteString(out, withNewline(d.Text))
				return err
			}
			t := &report.Table{Name: "changes", Columns: listColumns}
			for _, c := range d.Changes() {
				old, new := c.Old, c.New
				if human {
					old, new = visible(old), visible(new)
				}
				t.Rows = append(t.Rows, []any{d.Name, string(c.Kind), c.Start, c.End, old, new})
			}
			if human {
				rows = append(rows, t.Rows...)
				return nil
			}
			return w.Table(t)
		})
	if err != nil {
		return err
	}
	if opts.List {
		if human {
			if err := w.Table(&report.Table{Name: "changes", Columns: listColumns, Rows: rows}); err != nil {
				return err
			}
		}
		if err := w.Close(); err != nil {
			return err
		}
	}
	return cmdutil.Exit(res, 0)
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
