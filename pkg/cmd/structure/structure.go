// Package structure implements `zhpolicy structure`.
package structure

import (
	"context"

	"github.com/spf13/cobra"

	"zhpolicy/pkg/analysis/bygroup"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/structure"
	"zhpolicy/pkg/views"
)

// Options are the settings of one structure run.
type Options struct {
	IO *iostreams.IOStreams

	Paths  []string
	In     cmdutil.InputFlags
	Format string
	Show   string
	By     string
	Dates  cmdutil.DateFlags
}

// NewCmdStructure returns the structure command.
func NewCmdStructure(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "structure [path...]",
		Short: "Read the GB/T 9704 structure of official documents: number, title, addressees, headings, signatures, dates, citations",
		Long: `Read each document as an official document (公文) is laid out by GB/T 9704-2012:
the 版头 (份号, 密级, 紧急程度, 发文机关标志, 发文字号 parsed into 机关代字, year
and serial number with joint issuance, 签发人), the 主体 (标题 with its 文种,
its issuers and the documents it issues 关于印发《…》的通知; 主送机关; the 正文
and its headings 一、 （一） 1. （1） and 第N章/第N条; 附件说明; 发文机关署名, several
for a joint document; 成文日期 in either numerals, as ISO; 附注; the attachments
themselves) and the 版记 (抄送机关, 印发机关 and 印发日期). Elements a document
does not have are left out, never guessed; a text with no structure gives an
empty table. Offsets are byte offsets into the text as given.

The lines of a PDF or OFD page are rejoined first (a title over two lines,
a number broken by a line end, page numbers between pages), so every input
format reads alike. Traditional documents are read on their Simplified
form; texts and offsets stay those of the document.

--show headings lists the heading tree, --show sections the sections (the
coding units other commands count by section), --show citations
every reference to another document: 《title》 with its number in brackets
（国发〔2021〕33号）, a notice's title with its number, or a number alone
(根据国发〔2024〕5号文件精神).

--by year|issuer|doctype|COLUMN counts the corpus instead: documents by
year, by issuer (the lead one: first 署名, else the 发文机关标志, else the
title's), by document type, or by a column of a --meta CSV, with how many
have a title, a date, a number, signatures, joint issuers, and the corpus's
document types, issuers and years. Years come from the --meta CSV, else the
成文日期, else a date under the title, the 印发日期, the year of the document
number, else the file name (--date-from-name for a pattern of your own);
the document type (文种) from the --meta CSV, else the title, else a file
named by its title (…关于政府工作报告的决议.txt).

JSON and JSON Lines give one object per document: its metadata (year,
issuers, type, with where each came from) and its whole structure. CSV
gives one row per element. Each document is read whole into memory.` + "\n\n" + cmdutil.WholeHelp,
		Example: `  zhpolicy structure testdata/structure/lj_2025_12.txt
  zhpolicy structure --format json testdata/structure/lj_2025_12.txt > lj.json
  zhpolicy structure --show headings testdata/structure/
  zhpolicy structure --show citations --format csv testdata/structure/ > citations.csv
  zhpolicy structure --by doctype testdata/structure/
  zhpolicy structure --by year --format csv testdata/structure/ > by_year.csv`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			if err := opts.In.Validate(); err != nil {
				return err
			}
			if opts.By != "" && opts.Show != "elements" {
				return cmdutil.FlagErrorf("--by counts the corpus; it cannot be used with --show %s", opts.Show)
			}
			if b := opts.By; b != "" && b != "year" && b != "issuer" && b != "doctype" && opts.Dates.Meta == "" {
				return cmdutil.FlagErrorf("--by %s needs a --meta CSV with a %s column (or use year, issuer or doctype)", b, b)
			}
			if runF != nil {
				return runF(opts)
			}
			return structureRun(c.Context(), f, opts)
		},
	}
	cmdutil.AddInputFlags(cmd, &opts.In, true)
	cmdutil.AddFormatFlag(cmd, &opts.Format, report.Formats...)
	cmdutil.AddDateFlags(cmd, &opts.Dates)
	cmdutil.EnumFlag(cmd, &opts.Show, "show", "", "what to list per document", "elements", "headings", "sections", "citations")
	fl := cmd.Flags()
	fl.StringVar(&opts.By, "by", "", "count the corpus by year, issuer, doctype or a --meta `column`")
	return cmd
}

// parsed is one document's structure and metadata.
type parsed struct {
	doc  *structure.Document
	meta structure.Meta
	out  *views.Prepared // the document's tables, rendered on the worker
}

func structureRun(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	var by []string
	if opts.By != "" {
		by = []string{opts.By}
	}
	dates, _, err := opts.Dates.Resolver(bygroup.MetaColumns(by))
	if err != nil {
		return err
	}
	res := &bygroup.Resolver{Dates: dates}
	var summary *structure.Summary
	if opts.By != "" {
		summary = structure.NewSummary(opts.By)
	}
	w, err := report.NewWriter(opts.IO.Out, opts.Format, report.Options{TTY: opts.IO.IsStdoutTTY()})
	if err != nil {
		return err
	}
	docs := cmdutil.Docs{F: f, In: &opts.In, Label: "structure", StreamsOutput: summary == nil}
	out, err := cmdutil.RunDocs(ctx, docs, opts.Paths,
		func(ctx context.Context, d *corpus.Doc) (parsed, error) {
			doc := d.StructureOriginal()
			p := parsed{doc: doc, meta: res.Of(doc, d.Name)}
			if summary != nil {
				return p, nil
			}
			var v *views.View
			switch opts.Show {
			case "headings":
				v = views.StructureHeadings(d.Name, p.doc)
			case "sections":
				v = views.StructureSections(d.Name, p.doc.Sections())
			case "citations":
				v = views.StructureCitations(d.Name, p.doc)
			default:
				v = views.Structure(d.Name, p.doc, p.meta)
			}
			var err error
			p.out, err = v.Prepare(w, opts.Format)
			return p, err
		},
		func(d *corpus.Doc, p parsed) error {
			if summary != nil {
				summary.Add(p.doc, p.meta)
				return nil
			}
			return p.out.Write(w)
		})
	if err != nil {
		return err
	}
	if summary != nil {
		if err := views.StructureSummary(summary).Write(w, opts.Format); err != nil {
			return err
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	return cmdutil.Exit(out, 0)
}
