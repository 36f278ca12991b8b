// Package check implements `zhpolicy check`, a linter for Chinese document
// corpora meant to run in CI.
package check

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	lint "zhpolicy/pkg/analysis/check"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/input"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/report"
)

// formats are the output formats of check ("table", the global default,
// is the text output).
func formats() []string {
	return []string{"text", "table", "json", "jsonl", "csv", "tsv", "markdown", "github", "junit", "sarif"}
}

// Options are the settings of one check run.
type Options struct {
	IO      *iostreams.IOStreams
	Global  *cmdutil.GlobalOptions
	Version string

	Paths     []string
	Config    string   // --config: the configuration file ("" = look upward for .zhpolicy.yaml)
	NoConfig  bool     // --no-config: built-in defaults only
	FailOn    string   // --fail-on: error, warning, info or none ("" = the configuration's, else error)
	Fix       bool     // --fix
	DryRun    bool     // --dry-run: with --fix, show a diff instead of writing
	Init      bool     // --init: write a starter configuration
	Force     bool     // --force: with --init, overwrite
	Only      []string // --only: run just these rules
	ListRules bool     // --list-rules
}

// NewCmdCheck returns the check command. runF, when not nil, replaces the
// run function (tests check flag parsing with it).
func NewCmdCheck(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO, Global: f.Global, Version: f.Version}
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

The configuration is read from --config, or from .zhpolicy.yaml in the current
directory or the nearest parent; --init writes a commented starter file. In
Markdown and HTML documents, comments silence findings:
  <!-- zhpolicy-disable-next-line width -->    <!-- zhpolicy-disable-line -->
  <!-- zhpolicy-disable term --> … <!-- zhpolicy-enable term -->
  <!-- zhpolicy-disable-file duplicate -->

Findings go to standard output: path:line:col: severity rule: message (columns
count characters), grouped by file and coloured on a terminal; or --format json,
jsonl, csv, tsv, markdown, github (workflow annotations), junit or sarif.
Without paths, the current directory is checked.

--fix repairs pinyin annotations, widths, invisible characters and, when the
configuration says script-mix: {fix: true}, stray characters of the other
script, in place (temp file and rename; UTF-8 text, Markdown and HTML only),
names what it changed on stderr and reports what is left. --fix --dry-run
prints the diff instead.

Exit status: 0 when no finding is at or above --fail-on, 1 when one is,
2 on a usage or configuration error, 3 when some inputs could not be read.`,
		Example: `  zhpolicy check docs/
  zhpolicy check --init
  zhpolicy check --format github .
  zhpolicy check --format sarif docs/ > check.sarif
  zhpolicy check --fail-on warning --only pinyin-annotation,width docs/
  zhpolicy check --fix --dry-run docs/`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			if !slices.Contains(formats(), opts.Global.Format) {
				return cmdutil.FlagErrorf("invalid --format %q: use one of %s", opts.Global.Format, strings.Join(formats(), ", "))
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
			for _, id := range opts.Only {
				if _, ok := lint.LookupRule(id); !ok {
					return cmdutil.FlagErrorf("invalid --only %q: the rules are %s", id, strings.Join(lint.RuleIDs(), ", "))
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return checkRun(c.Context(), opts)
		},
	}
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
	name     string
	findings []lint.Finding
	res      *lint.Result
	fp       lint.Fingerprint
	settings *lint.Settings
	dupText  string // for standard input, which cannot be read again
	applied  map[string]int
	diff     string
	notFixed string
}

func checkRun(ctx context.Context, opts *Options) error {
	if opts.ListRules {
		return listRules(opts)
	}
	if opts.Init {
		return initConfig(opts)
	}
	cfg, err := loadConfig(opts)
	if err != nil {
		return err
	}
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
	errOut := opts.IO.ErrOut
	g := opts.Global
	srcs, expandErrs := input.Expand(paths, input.ExpandOptions{Include: g.Include, Exclude: g.Exclude})
	skipped := 0
	for _, e := range expandErrs {
		fmt.Fprintf(errOut, "zhpolicy: %v\n", e)
		skipped++
	}
	srcs = selectSources(opts, cfg, srcs, paths)

	stdinDocs := 0
	results := make([]*fileResult, len(srcs))
	format := opts.Global.Format
	out := opts.IO.Out
	progress := cmdutil.NewProgress(opts.IO, g.Quiet, srcs, progressMin)
	err = corpus.Map(ctx, srcs, g.Jobs,
		func(ctx context.Context, _ int, src input.Source) (*fileResult, error) {
			return checkOne(opts, cfg, src)
		},
		func(i int, src input.Source, r *fileResult, err error) error {
			progress.Add(max(src.Size, 0), true)
			if err != nil {
				if errors.Is(err, context.Canceled) {
					return err
				}
				progress.Clear()
				fmt.Fprintf(errOut, "zhpolicy: %v\n", err)
				skipped++
				return nil
			}
			if src.IsStdin() {
				stdinDocs++
			}
			results[i] = r
			if r.notFixed != "" || len(r.applied) > 0 {
				progress.Clear()
			}
			if r.notFixed != "" && !g.Quiet {
				fmt.Fprintf(errOut, "zhpolicy: %s: not fixed: %s\n", r.name, r.notFixed)
			}
			if len(r.applied) > 0 {
				if opts.DryRun {
					if _, err := io.WriteString(out, r.diff); err != nil {
						return err
					}
				} else if !g.Quiet {
					fmt.Fprintf(errOut, "fixed %s: %s\n", r.name, describeApplied(r.applied))
				}
			}
			return nil
		})
	progress.Finish()
	if err != nil {
		return err
	}
	var files []*fileResult
	for _, r := range results {
		if r != nil {
			files = append(files, r)
		}
	}
	findDuplicates(opts, cfg, files)

	var all []lint.Finding
	for _, r := range files {
		lint.SortFindings(r.findings)
		all = append(all, r.findings...)
	}
	if !opts.DryRun {
		if err := writeFindings(opts, format, files, all, failOn, never); err != nil {
			return err
		}
	}
	if !g.Quiet {
		printSummary(opts, files, all)
	}
	failed := false
	if !never {
		for _, f := range all {
			if f.Severity >= failOn {
				failed = true
				break
			}
		}
	}
	switch {
	case failed:
		if skipped > 0 && !g.Quiet {
			fmt.Fprintf(errOut, "zhpolicy: %s\n", &cmdutil.PartialError{Skipped: skipped})
		}
		return cmdutil.ErrFindings
	case skipped > 0:
		return &cmdutil.PartialError{Skipped: skipped}
	}
	return nil
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
		if slices.Contains(args, s.Path) && !opts.Global.Quiet {
			fmt.Fprintf(opts.IO.ErrOut, "zhpolicy: %s: excluded by %s, not checked\n", s.Path, configName(cfg))
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

// progressMin is the input size from which check shows a progress bar
// (on a terminal): about the 10,000 documents it checks in a few seconds.
const progressMin = 16 << 20

// checkOne reads, checks and (with --fix) repairs one input.
func checkOne(opts *Options, cfg *lint.Config, src input.Source) (*fileResult, error) {
	doc, err := readDoc(src, opts.IO.In, opts.Global.Encoding)
	if err != nil {
		return nil, err
	}
	s := cfg.For(src.Path)
	r := &fileResult{name: doc.Name, settings: s}
	if opts.Fix {
		if why := unfixable(doc, src); why != "" {
			r.res = lint.Check(doc, s)
			r.findings = r.res.Findings
			for _, f := range r.findings {
				if f.Fixable {
					r.notFixed = why
					break
				}
			}
		} else {
			fixed := lint.Fix(doc, s)
			r.applied = fixed.Applied
			if opts.DryRun {
				r.res = lint.Check(doc, s)
				r.findings = r.res.Findings
				if fixed.Changed() {
					r.diff = lint.UnifiedDiff(filepath.ToSlash(doc.Name), doc.Text, fixed.Text)
				}
			} else {
				r.res = fixed.Result
				r.findings = fixed.Findings
				if fixed.Changed() {
					data := fixed.Text
					if doc.Encoding == input.EncUTF8BOM {
						data = "\uFEFF" + data
					}
					if err := writeAtomic(src.Path, []byte(data)); err != nil {
						return nil, fmt.Errorf("%s: cannot write the fixed file: %w", doc.Name, err)
					}
				}
			}
		}
	} else {
		r.res = lint.Check(doc, s)
		r.findings = r.res.Findings
	}
	r.fp = r.res.Fingerprint
	if src.IsStdin() && r.fp.Valid {
		r.dupText = lint.DuplicateText(doc)
	}
	return r, nil
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
		doc, err := readDoc(input.Source{Path: r.name}, nil, opts.Global.Encoding)
		if err != nil {
			return "", false
		}
		t := lint.DuplicateText(doc)
		cache[i] = t
		return t, true
	}
	pairs := lint.FindDuplicates(fps, cfg.DuplicateSimilarity, func(i, j int) (float64, bool) {
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
		f := lint.DuplicateFinding(r.name, files[p.First].name, p)
		f.Severity = sev
		if r.res.Suppresses(f) {
			continue
		}
		r.findings = append(r.findings, f)
	}
}

func listRules(opts *Options) error {
	t := report.Table{Header: []string{"rule", "severity", "fix", "what it finds"}}
	for _, r := range lint.Rules() {
		fix := ""
		if r.Fixable {
			fix = "yes"
		}
		t.Rows = append(t.Rows, []string{r.ID, r.Default.String(), fix, r.Summary})
	}
	format := opts.Global.Format
	switch format {
	case "json", "jsonl", "github", "junit", "sarif":
		type rule struct {
			ID       string `json:"id"`
			Severity string `json:"severity"`
			Fixable  bool   `json:"fixable"`
			Summary  string `json:"summary"`
			Help     string `json:"help"`
		}
		var rs []rule
		for _, r := range lint.Rules() {
			rs = append(rs, rule{r.ID, r.Default.String(), r.Fixable, r.Summary, r.Help})
		}
		return report.WriteJSON(opts.IO.Out, rs)
	case "text":
		format = "table"
	}
	return report.WriteTables(opts.IO.Out, format, t)
}

// initConfig writes the starter configuration.
func initConfig(opts *Options) error {
	path := opts.Config
	if path == "" {
		path = lint.ConfigFileNames()[0]
	}
	if _, err := os.Stat(path); err == nil && !opts.Force {
		return fmt.Errorf("%s already exists; use --force to overwrite it", path)
	}
	if err := os.WriteFile(path, []byte(lint.StarterConfig), 0o644); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if !opts.Global.Quiet {
		fmt.Fprintf(opts.IO.ErrOut, "wrote %s; edit it, then run zhpolicy check\n", path)
	}
	return nil
}
