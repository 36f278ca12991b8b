// Package check implements `zhpolicy check`, a linter for Chinese document
// corpora meant to run in CI.
package check

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	lint "zhpolicy/pkg/analysis/check"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/input"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/safewrite"
	"zhpolicy/pkg/views"
)

// formats are the output formats of check ("table", the default, is the
// text output; "text" is another name for it).
var formats = []string{"table", "text", "json", "jsonl", "csv", "tsv", "markdown", "github", "junit", "sarif"}

// Options are the settings of one check run.
type Options struct {
	IO      *iostreams.IOStreams
	Version string

	Paths     []string
	In        cmdutil.InputFlags
	Format    string
	Config    string   // --config: the configuration file ("" = look upward for .zhpolicy.yaml)
	NoConfig  bool     // --no-config: built-in defaults only
	FailOn    string   // --fail-on: error, warning, info or none ("" = the configuration's, else error)
	Fix       bool     // --fix
	DryRun    bool     // --dry-run: with --fix, show a diff instead of writing
	Init      bool     // --init: write a starter configuration
	Force     bool     // --force: with --init, overwrite
	Only      []string // --only: run just these rules
	Preset    []string // --preset: turn on rule sets that are off by default
	ListRules bool     // --list-rules
}

// NewCmdCheck returns the check command. runF, when not nil, replaces the
// run function (tests check flag parsing with it).
func NewCmdCheck(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO, Version: f.Version}
	cmd := &cobra.Command{
		Use:   "check [path...]",
		Short: "Check documents for encoding, pinyin, script, width, bracket and term problems (for CI)",
		Long: `Check a corpus of Chinese documents like a linter, for CI.

Rules (each with a default severity; see --list-rules):
  encoding           not UTF-8, a byte-order mark the configuration forbids, undecodable bytes
  pinyin-annotation  pinyin annotations after Han characters: 會(huì)
  script-mix         characters of the other script: 發展 in a Simplified document
  width              half-width punctuation between Chinese characters, full-width letters/digits
  brackets           unbalanced or mismatched “” 《》 （） 【】 「」 『』 〈〉
  term               forbidden, required and outdated terms from the configuration
  duplicate          documents identical or nearly identical to an earlier one
  empty, size        empty files, files over a size limit
  invisible          zero-width spaces, bidi marks and other invisible characters
Off unless --preset gbt9704 (or the configuration) turns them on, the GB/T 9704
rules of the 公文 format: document numbers 国发〔2024〕5号 (gbt9704-number), the
成文日期 in Arabic numerals (gbt9704-date), heading numbers in form, in order
and without gaps (gbt9704-headings), a title ending with a 文种
(gbt9704-title), the 附件说明 matching the attachments (gbt9704-attachments)
and page numbers — 3 — (gbt9704-pages); --fix repairs numbers, dates,
heading markers and page numbers.

The configuration is read from --config, or from .zhpolicy.yaml in the current
directory or the nearest parent; --init writes a commented starter file. In
Markdown and HTML documents, comments silence findings:
  <!-- zhpolicy-disable-next-line width -->    <!-- zhpolicy-disable-line -->
  <!-- zhpolicy-disable term --> … <!-- zhpolicy-enable term -->
  <!-- zhpolicy-disable-file duplicate -->

Findings go to standard output: path:line:col: severity rule: message (columns
count characters), grouped by file and coloured on a terminal; or --format json,
jsonl, csv, tsv, markdown, github (workflow annotations), junit or sarif. A
rule lists at most 10000 findings in one file, the first ones; the last says
how many more there are.
Without paths, the current directory is checked.

--fix repairs pinyin annotations, widths, invisible characters and, when the
configuration says script-mix: {fix: true}, stray characters of the other
script, in place (UTF-8 text, Markdown and HTML only), names what it changed
on stderr and reports what is left. A file is written to a temporary file
beside it and renamed over it, keeping its mode, owner and group; a file that
changed while it was checked is left as it is (the edit is never lost), and
a file with several hard links is not rewritten. --fix --dry-run prints the
diff instead.

Exit status: 0 when no finding is at or above --fail-on, 1 when one is,
2 on a usage or configuration error, 3 when some inputs could not be read or
fixed (3 wins over 1).

Memory: a file is read and checked whole (it may be fixed in place), at
about 10 bytes per byte of the file, except a plain-text file over 16 MiB,
which is checked in parts of about 1 MiB that end between paragraphs, with
the findings of a whole-file check: a first pass counts its script (for
script-mix and term), a second checks it part by part; the empty, size,
encoding and required-term checks and the duplicate fingerprint add up
over the parts. Then the GB/T 9704 rules read the first part only (a
公文's head: its 发文字号, title and first headings; a real 公文 is far
smaller), near-duplicates are judged by the MinHash estimate rather than
compared exactly, and --fix rewrites such a file only up to 256 MiB (read
whole). Standard input over 16 MiB of plain text is copied to a temporary
file (up to --max-size) and checked in parts the same way. Markdown, HTML,
DOCX and other documents are read whole: those over 256 MiB are skipped
with a message.`,
		Example: `  zhpolicy check testdata/sample/
  zhpolicy check --list-rules
  zhpolicy check --format github --fail-on none testdata/sample/
  zhpolicy check --format sarif --fail-on none testdata/sample/ > check.sarif
  zhpolicy check --fail-on none --only pinyin-annotation,width testdata/sample/
  zhpolicy check --fix --dry-run --fail-on none testdata/sample/
  zhpolicy check --preset gbt9704 --fail-on none testdata/structure/`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			if err := opts.In.Validate(); err != nil {
				return err
			}
			if opts.FailOn != "" {
				if _, _, err := parseFailOn(opts.FailOn); err != nil {
					return cmdutil.FlagErrorf("invalid --fail-on %q: use error, warning, info or none", opts.FailOn)
				}
			}
			if opts.DryRun && !opts.Fix {
				return cmdutil.FlagErrorf("--dry-run works with --fix")
			}
			if opts.Force && !opts.Init {
				return cmdutil.FlagErrorf("--force works with --init")
			}
			if opts.NoConfig && opts.Config != "" {
				return cmdutil.FlagErrorf("--config and --no-config cannot be used together")
			}
			for _, p := range opts.Preset {
				if _, ok := lint.PresetRules(p); !ok {
					return cmdutil.FlagErrorf("invalid --preset %q: the presets are %s", p, strings.Join(lint.Presets(), ", "))
				}
			}
			for _, id := range opts.Only {
				if _, ok := lint.LookupRule(id); !ok {
					return cmdutil.FlagErrorf("invalid --only %q: the rules are %s", id, strings.Join(lint.RuleIDs(), ", "))
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return checkRun(c.Context(), f, opts)
		},
	}
	cmdutil.AddInputFlags(cmd, &opts.In, false)
	cmdutil.AddFormatFlag(cmd, &opts.Format, formats...)
	fl := cmd.Flags()
	fl.StringVar(&opts.Config, "config", "", "configuration file (default: .zhpolicy.yaml here or in a parent directory)")
	fl.StringVar(&opts.Config, "rules", "", "same as --config")
	_ = fl.MarkHidden("rules")
	fl.BoolVar(&opts.NoConfig, "no-config", false, "ignore configuration files: built-in defaults")
	fl.StringVar(&opts.FailOn, "fail-on", "", "exit 1 on findings at or above: error, warning, info, none (default: the configuration's, else error)")
	fl.BoolVar(&opts.Fix, "fix", false, "repair pinyin annotations, widths, invisible characters (and script, if configured) in place")
	fl.BoolVar(&opts.DryRun, "dry-run", false, "with --fix: print a unified diff instead of changing files")
	fl.BoolVar(&opts.Init, "init", false, "write a commented starter configuration (.zhpolicy.yaml, or --config) and exit")
	fl.BoolVar(&opts.Force, "force", false, "with --init: overwrite an existing file")
	fl.StringSliceVar(&opts.Only, "only", nil, "run only these rules (comma-separated)")
	fl.StringSliceVar(&opts.Preset, "preset", nil, "turn on rules that are off by default: gbt9704 (the GB/T 9704 公文 format)")
	fl.BoolVar(&opts.ListRules, "list-rules", false, "list the rules and exit")
	return cmd
}

// parseFailOn reads --fail-on; none is (Off, true).
func parseFailOn(v string) (lint.Severity, bool, error) {
	if v == "none" || v == "never" {
		return lint.Off, true, nil
	}
	sev, err := lint.ParseSeverity(v)
	if err != nil || sev == lint.Off {
		return lint.Off, false, fmt.Errorf("invalid --fail-on %q", v)
	}
	return sev, false, nil
}

// fileResult is what one input gave.
type fileResult struct {
	views.FileFindings
	res      *lint.Result
	fp       lint.Fingerprint
	settings *lint.Settings
	dupText  string // for standard input, which cannot be read again
	diff     string
	notFixed string
	// writeErr: the fixed file could not be written; the findings are those
	// of the file as it is
	writeErr error
	// streamed: the file was checked in parts (too big to read whole
	// again for the duplicate rule's exact similarity)
	streamed bool
}

func checkRun(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	if opts.ListRules {
		return listRules(opts)
	}
	if opts.Init {
		return initConfig(ctx, opts)
	}
	cfg, err := loadConfig(opts)
	if err != nil {
		return err
	}
	for _, p := range opts.Preset {
		if err := cfg.EnablePreset(p); err != nil {
			return cmdutil.FlagErrorf("%v", err)
		}
	}
	cfg.EnableOff(opts.Only)
	if err := cfg.Only(opts.Only); err != nil {
		return cmdutil.FlagErrorf("%v", err)
	}
	failOn, never := lint.Error, false
	switch {
	case opts.FailOn != "":
		failOn, never, _ = parseFailOn(opts.FailOn)
	case cfg.FailOnNone:
		never = true
	case cfg.FailOn != lint.Off:
		failOn = cfg.FailOn
	}

	paths := opts.Paths
	if len(paths) == 0 {
		paths = []string{"."}
	}
	srcs, skipped, err := opts.In.Sources(f, paths)
	if err != nil {
		return err
	}
	srcs = selectSources(opts, cfg, srcs, paths)
	out := opts.IO.Out
	var files []*fileResult
	var writeErrs []error
	docs := cmdutil.Docs{F: f, In: &opts.In, Label: "check", Expanded: true, Sources: srcs, Skipped: skipped}
	outcome, err := cmdutil.RunSources(ctx, docs, nil,
		func(ctx context.Context, src input.Source) (*fileResult, error) {
			return checkOne(ctx, opts, cfg, src)
		},
		func(src input.Source, r *fileResult) error {
			files = append(files, r)
			if r.writeErr != nil {
				writeErrs = append(writeErrs, r.writeErr)
				fmt.Fprintf(opts.IO.ErrOut, "zhpolicy: %s\n", cmdutil.Sanitize(r.writeErr.Error()))
			}
			if r.notFixed != "" {
				cmdutil.Warnf(opts.IO, "%s: not fixed: %s", r.Name, r.notFixed)
			}
			if len(r.Applied) > 0 {
				if opts.DryRun {
					if _, err := io.WriteString(out, r.diff); err != nil {
						return err
					}
				} else if r.writeErr == nil && !opts.IO.Quiet() {
					fmt.Fprintf(opts.IO.ErrOut, "fixed %s: %s\n", cmdutil.Sanitize(r.Name), describeApplied(r.Applied))
				}
			}
			return nil
		})
	if err != nil {
		return err
	}
	outcome.Skipped = append(outcome.Skipped, writeErrs...)
	if opts.Fix && !opts.DryRun {
		var names []string
		for _, s := range srcs {
			names = append(names, s.Path)
		}
		for _, t := range safewrite.Stale(names) {
			cmdutil.Warnf(opts.IO, "%s: a temporary file left by an interrupted zhpolicy run; remove it", t)
		}
	}
	findDuplicates(opts, cfg, files)

	var all []lint.Finding
	ff := make([]*views.FileFindings, len(files))
	for i, r := range files {
		lint.SortFindings(r.Findings)
		all = append(all, r.Findings...)
		ff[i] = &r.FileFindings
	}
	if !opts.DryRun {
		if err := writeFindings(opts, ff, all, failOn, never); err != nil {
			return err
		}
	}
	if !opts.IO.Quiet() {
		fmt.Fprintln(opts.IO.ErrOut, views.CheckSummary(ff, all, opts.Fix, opts.DryRun))
	}
	found := 0
	if !never {
		for _, f := range all {
			if f.Severity >= failOn {
				found++
			}
		}
	}
	return cmdutil.Exit(outcome, found)
}

// writeFindings writes the findings in the chosen format.
func writeFindings(opts *Options, files []*views.FileFindings, all []lint.Finding, failOn lint.Severity, never bool) error {
	out := opts.IO.Out
	switch opts.Format {
	case "github":
		return views.WriteGitHub(out, all)
	case "junit":
		return views.WriteJUnit(out, files, failOn, never)
	case "sarif":
		return views.WriteSARIF(out, opts.Version, all)
	case "table", "text":
		if opts.IO.IsStdoutTTY() {
			return views.WriteGrouped(out, files, opts.IO.ColourEnabled())
		}
		var b strings.Builder
		for _, f := range all {
			b.WriteString(report.Printable(f.String()))
			b.WriteByte('\n')
		}
		_, err := io.WriteString(out, b.String())
		return err
	}
	w, err := report.NewWriter(out, opts.Format, report.Options{})
	if err != nil {
		return err
	}
	if err := views.CheckView(len(files), all).Write(w, opts.Format); err != nil {
		return err
	}
	return w.Close()
}

// selectSources drops the files the configuration excludes; a file named
// on the command line is noted on stderr when it is dropped.
func selectSources(opts *Options, cfg *lint.Config, srcs []input.Source, args []string) []input.Source {
	kept := srcs[:0]
	for _, s := range srcs {
		if s.IsStdin() || cfg.Selected(s.Path) {
			kept = append(kept, s)
			continue
		}
		if slices.Contains(args, s.Path) {
			cmdutil.Warnf(opts.IO, "%s: excluded by %s, not checked", s.Path, configName(cfg))
		}
	}
	return kept
}

func configName(cfg *lint.Config) string {
	if cfg.Path == "" {
		return "the configuration"
	}
	return cfg.Path
}

// checkOne reads, checks and (with --fix) repairs one input.
func checkOne(ctx context.Context, opts *Options, cfg *lint.Config, src input.Source) (*fileResult, error) {
	rewrite := opts.Fix && !opts.DryRun
	if streamable(src, opts.Fix) {
		s := cfg.For(src.Path)
		res, whole, err := checkStream(ctx, opts, s, src, src.Path)
		if err != nil {
			return nil, err
		}
		if !whole {
			return streamedResult(opts, src.Path, s, res), nil
		}
	}
	stdin := opts.IO.In
	if src.IsStdin() {
		spool, rest, err := spoolStdin(opts)
		if err != nil {
			return nil, err
		}
		if spool != "" {
			defer os.Remove(spool)
			s := cfg.For(src.Path)
			res, whole, err := checkStream(ctx, opts, s, input.Source{Path: spool}, input.StdinName)
			if err != nil {
				return nil, err
			}
			if !whole {
				return streamedResult(opts, input.StdinName, s, res), nil
			}
			f, err := os.Open(spool) // not plain text: read whole from the copy
			if err != nil {
				return nil, err
			}
			defer f.Close()
			rest = f
		}
		stdin = rest
	}
	doc, snap, err := readDoc(src, stdin, opts.In.ReadOptions(), rewrite)
	if err != nil {
		return nil, err
	}
	s := cfg.For(src.Path)
	r := &fileResult{FileFindings: views.FileFindings{Name: doc.Name}, settings: s}
	why := unfixable(doc, src)
	if why == "" && rewrite && snap == nil {
		why = "it is not a regular file with one name, so it is not rewritten in place"
	}
	switch {
	case !opts.Fix:
		r.res = lint.Check(doc, s)
	case why != "":
		r.res = lint.Check(doc, s)
		for _, f := range r.res.Findings {
			if f.Fixable {
				r.notFixed = why
				break
			}
		}
	default:
		fixed := lint.Fix(doc, s)
		r.Applied = fixed.Applied
		switch {
		case opts.DryRun:
			r.res = lint.Check(doc, s)
			if fixed.Changed() {
				r.diff = lint.UnifiedDiff(filepath.ToSlash(doc.Name), doc.Text, fixed.Text)
			}
		case !fixed.Changed():
			r.res = fixed.Result
		default:
			data := fixed.Text
			if doc.Encoding == input.EncUTF8BOM {
				data = "\uFEFF" + data
			}
			err := safewrite.Replace(ctx, doc.Name, *snap, func(w io.Writer) (bool, error) {
				_, err := io.WriteString(w, data)
				return true, err
			})
			if err != nil {
				if ctx.Err() != nil {
					return nil, ctx.Err()
				}
				// the file is as it was: report what is in it
				r.writeErr = fmt.Errorf("%s: cannot write the fixed file: %w", doc.Name, err)
				r.res, r.Applied = lint.Check(doc, s), nil
			} else {
				r.res = fixed.Result
			}
		}
	}
	r.Findings = r.res.Findings
	r.fp = r.res.Fingerprint
	if src.IsStdin() && r.fp.Valid {
		r.dupText = lint.DuplicateText(doc)
	}
	return r, nil
}

// streamedResult is the result of an input checked in parts.
func streamedResult(opts *Options, name string, s *lint.Settings, res *lint.Result) *fileResult {
	r := &fileResult{FileFindings: views.FileFindings{Name: name, Findings: res.Findings}, res: res, fp: res.Fingerprint, settings: s, streamed: true}
	if opts.Fix {
		for _, f := range res.Findings {
			if f.Fixable {
				r.notFixed = "inputs over " + lint.FormatSize(maxInputBytes) + " and standard input are checked in parts and not rewritten"
				break
			}
		}
	}
	return r
}

// unfixable says why --fix cannot rewrite a document, or "".
func unfixable(doc *lint.Document, src input.Source) string {
	switch {
	case src.IsStdin():
		return "standard input cannot be rewritten"
	case doc.Problem != "":
		return "it cannot be read as text"
	case doc.Format == input.FormatDOCX:
		return "DOCX files are not rewritten; fix the source document"
	case doc.Encoding != input.EncUTF8 && doc.Encoding != input.EncUTF8BOM:
		return fmt.Sprintf("it is encoded in %s; convert it to UTF-8 first", strings.ToUpper(doc.Encoding))
	case len(doc.Warnings) > 0:
		return "it has undecodable bytes, which rewriting would lose"
	}
	return ""
}

func describeApplied(applied map[string]int) string {
	var parts []string
	for _, id := range lint.RuleIDs() {
		if n := applied[id]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, id))
		}
	}
	return strings.Join(parts, ", ")
}

// findDuplicates runs the corpus-level duplicate rule and adds its
// findings to the later file of each pair.
func findDuplicates(opts *Options, cfg *lint.Config, files []*fileResult) {
	fps := make([]lint.Fingerprint, len(files))
	n := 0
	for i, r := range files {
		fps[i] = r.fp
		if r.fp.Valid {
			n++
		}
	}
	if n < 2 {
		return
	}
	cache := map[int]string{}
	text := func(i int) (string, bool) {
		if t, ok := cache[i]; ok {
			return t, true
		}
		r := files[i]
		if r.dupText != "" {
			return r.dupText, true
		}
		doc, _, err := readDoc(input.Source{Path: r.Name}, nil, opts.In.ReadOptions(), false)
		if err != nil {
			return "", false
		}
		t := lint.DuplicateText(doc)
		if len(cache) >= 256 {
			clear(cache) // bounded: candidates are mostly recent documents
		}
		cache[i] = t
		return t, true
	}
	pairs := lint.FindDuplicates(fps, cfg.DuplicateSimilarity, func(i, j int) (float64, bool) {
		if files[i].streamed || files[j].streamed {
			// too big to compare exactly: the MinHash estimate
			return fps[i].Estimate(&fps[j]), true
		}
		a, ok1 := text(i)
		b, ok2 := text(j)
		if !ok1 || !ok2 {
			return 0, false
		}
		return lint.Similarity(a, b), true
	})
	for _, p := range pairs {
		r := files[p.Second]
		sev := r.settings.Severity(lint.RuleDuplicate)
		if sev == lint.Off {
			continue
		}
		f := lint.DuplicateFinding(r.Name, files[p.First].Name, p)
		f.Severity = sev
		if r.res.Suppresses(f) {
			continue
		}
		r.Findings = append(r.Findings, f)
	}
}

func listRules(opts *Options) error {
	t := &report.Table{Name: "rules", Columns: []report.Column{{Name: "rule", Key: "id"}, {Name: "severity"},
		{Name: "fix", Key: "fixable"}, {Name: "what it finds", Key: "summary"}, {Name: "help", JSONOnly: true}}}
	for _, r := range lint.Rules() {
		t.Rows = append(t.Rows, []any{r.ID, r.Default.String(), report.Flag(r.Fixable, "yes"), r.Summary, r.Help})
	}
	format := opts.Format
	switch format {
	case "github", "junit", "sarif":
		format = "json"
	case "text":
		format = "table"
	}
	w, err := report.NewWriter(opts.IO.Out, format, report.Options{})
	if err != nil {
		return err
	}
	if err := w.Table(t); err != nil {
		return err
	}
	return w.Close()
}

// initConfig writes the starter configuration.
func initConfig(ctx context.Context, opts *Options) error {
	path := opts.Config
	if path == "" {
		path = lint.ConfigFileNames()[0]
	}
	if _, err := os.Stat(path); err == nil && !opts.Force {
		return fmt.Errorf("%s already exists; use --force to overwrite it", path)
	}
	if err := safewrite.Create(ctx, path, func(w io.Writer) error {
		_, err := io.WriteString(w, lint.StarterConfig)
		return err
	}); err != nil {
		return fmt.Errorf("cannot write the configuration: %w", err)
	}
	if !opts.IO.Quiet() {
		fmt.Fprintf(opts.IO.ErrOut, "wrote %s; edit it, then run zhpolicy check\n", path)
	}
	return nil
}
