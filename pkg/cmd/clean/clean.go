// Package clean implements `zhpolicy clean`.
package clean

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/normalize"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/views"
)

// Options are the settings of one clean run.
type Options struct {
	IO     *iostreams.IOStreams
	Paths  []string
	In     cmdutil.InputFlags
	Format string
	List   bool
	Meta   bool
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
(zero-width spaces, BOM, soft hyphens) and odd spaces; folds full-width ASCII
letters and digits to half-width (Chinese punctuation stays); normalises line
endings; and removes the chrome of scraped web pages, in text, HTML and DOCX
alike: toolbars (下载 打印 全屏 收藏 【字号 大 中 小】, also one word a line),
breadcrumbs (当前位置：首页 > …), page information and view counters (发布时间：…
来源：北京日报 浏览次数：…), editor credits, share widgets, QR-code captions,
上一篇/下一篇, related-report lists, portal menus, headers and footers, and the
credit at the end of a photo caption (…作政府工作报告。本报记者 戴冰摄 keeps its
caption). A line of body text is never removed: only short lines with no
sentence go whole, and a credit is only cut after the last sentence of its
line. Cleaning twice changes nothing more (but for rare wrapped text whose lines
other steps narrow, see below).

Text extracted from a PDF as text (pdftotext), broken at the page width inside
sentences and words (构\n筑), gets its paragraphs back: when most lines end at
one right edge mid-sentence, a line that reaches the edge goes on in the next
(and a page number between them goes), but never into a heading, a list item,
附件, a date, a signature or a table row. Any other text keeps its lines. The
edge is measured on the text as given: where other steps narrow its lines
(full-width letters, pinyin annotations), cleaning the result again may join
a few more.

A run over five documents or more also removes the chrome no rule knows: the
short lines that many of its documents repeat (in 3 documents and 2% of them,
above the first or below the last sentence of body text), counted over every
input given, whatever --shard takes, so that shards clean as one run would
(--keep-repeated keeps them). Every command that cleans does the same.

The report's header stays but is marked for the analyses: its title, the
occasion (——2026年1月…在…会议上), the speaker (省长　XXX) and the caption of the
speaker's photo.

With --list, print what was removed or changed instead, with its byte
position in the decoded input and, for boilerplate, the reason. With --meta,
print the metadata marked in each document instead.` + "\n\n" + cmdutil.WholeHelp,
		Example: `  zhpolicy clean testdata/sample/provincial_notice.html
  echo '市委常委會(huì)在醫(yī)藥高新區(qū)調(diào)研' | zhpolicy clean
  zhpolicy clean --list --format csv testdata/sample/
  zhpolicy clean --meta testdata/sample/city_plan.docx`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			if err := opts.In.Validate(); err != nil {
				return err
			}
			if c.Flags().Changed("format") && !opts.List && !opts.Meta {
				return cmdutil.FlagErrorf("--format applies to --list and --meta: the cleaned text itself is printed as text")
			}
			if opts.List && opts.Meta {
				return cmdutil.FlagErrorf("--list and --meta cannot be used together")
			}
			if runF != nil {
				return runF(opts)
			}
			return cleanRun(c.Context(), f, opts)
		},
	}
	cmdutil.AddInputFlags(cmd, &opts.In, false)
	cmdutil.AddRepeatedFlag(cmd, &opts.In)
	cmdutil.AddFormatFlag(cmd, &opts.Format, report.Formats...)
	cmd.Flags().BoolVar(&opts.List, "list", false, "list what cleaning removed or changed, with positions and reasons")
	cmd.Flags().BoolVar(&opts.Meta, "meta", false, "list the document metadata cleaning marked (title, occasion, speaker, name, caption), with positions")
	return cmd
}

func cleanRun(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	out := opts.IO.Out
	var w *report.Writer
	listing := opts.List || opts.Meta
	if listing {
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
		func(_ context.Context, d *corpus.Doc) (*report.Table, error) {
			switch {
			case opts.Meta:
				return views.CleanMeta(d.Name, d.Cleaning()), nil
			case opts.List:
				return views.CleanChanges(d.Name, d.Changes(), human), nil
			}
			return nil, nil
		},
		func(d *corpus.Doc, t *report.Table) error {
			if !listing {
				_, err := io.WriteString(out, withNewline(d.Text))
				return err
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
	if listing {
		if human {
			t := views.CleanChanges("", nil, true)
			if opts.Meta {
				t = views.CleanMeta("", &normalize.Result{})
			}
			t.Rows = rows
			if err := w.Table(t); err != nil {
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
