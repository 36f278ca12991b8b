// Package root builds the zhpolicy command tree and owns the single map
// from errors to exit codes.
package root

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"zhpolicy/pkg/cmd/analyze"
	"zhpolicy/pkg/cmd/check"
	"zhpolicy/pkg/cmd/clean"
	"zhpolicy/pkg/cmd/compare"
	"zhpolicy/pkg/cmd/convert"
	"zhpolicy/pkg/cmd/detect"
	"zhpolicy/pkg/cmd/entities"
	"zhpolicy/pkg/cmd/freq"
	"zhpolicy/pkg/cmd/keywords"
	"zhpolicy/pkg/cmd/kwic"
	"zhpolicy/pkg/cmd/merge"
	"zhpolicy/pkg/cmd/report"
	"zhpolicy/pkg/cmd/segment"
	"zhpolicy/pkg/cmd/slogans"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/iostreams"
)

// Exit codes, one place for the whole program.
const (
	ExitOK          = 0
	ExitFindings    = 1 // check (or convert --check) found problems
	ExitError       = 2 // usage or fatal error
	ExitPartial     = 3 // some inputs skipped, each named on stderr
	ExitInterrupted = 130
)

// Version is set at build time with -ldflags "-X zhpolicy/pkg/cmd/root.Version=…";
// otherwise it comes from the module build information.
var Version = ""

func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		v := bi.Main.Version
		if v == "(devel)" {
			v = "dev" // built from a checkout: the revision says which
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " (" + s.Value[:12] + ")"
			}
		}
		if v != "" {
			return v
		}
	}
	return "dev"
}

// NewCmdRoot returns the root command with every subcommand.
func NewCmdRoot(f *cmdutil.Factory) *cobra.Command {
	g := f.Global
	cmd := &cobra.Command{
		Use:   "zhpolicy <command> [flags] [path...]",
		Short: "Analyse Chinese policy documents: words, keywords, formulations, entities",
		Long: `zhpolicy reads Chinese policy documents — government work reports, plans,
notices, meeting reports — in Simplified or Traditional script, UTF-8, GB18030
or Big5, as text, Markdown, HTML or DOCX, cleans them (pinyin annotations,
invisible characters, web-page boilerplate) and tells you what is in them.

Paths may be files, directories (walked recursively) or - for standard input.
Results go to standard output; warnings and progress to standard error.

Exit codes: 0 ok; 1 check found problems; 2 usage or fatal error;
3 some inputs were skipped (each named on stderr); 130 interrupted.`,
		Example: `  zhpolicy segment report.txt
  zhpolicy segment --pos --format json report.txt
  cat report.txt | zhpolicy clean --list`,
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(c *cobra.Command, args []string) error {
			if g.Jobs < 1 {
				return cmdutil.FlagErrorf("invalid --jobs %d: must be at least 1", g.Jobs)
			}
			switch g.Script {
			case "auto", "s", "t", "tw", "hk":
			default:
				return cmdutil.FlagErrorf("invalid --script %q: use auto, s, t, tw or hk", g.Script)
			}
			return nil
		},
	}
	cmd.SetVersionTemplate("zhpolicy {{.Version}}\n")
	pf := cmd.PersistentFlags()
	pf.StringVarP(&g.Format, "format", "f", "table", "output format: table, json, jsonl, csv, tsv, markdown")
	pf.IntVarP(&g.Jobs, "jobs", "j", g.Jobs, "documents processed in parallel")
	pf.StringVar(&g.Script, "script", "auto", "script of displayed results: auto (each document's own), s, t, tw, hk")
	pf.BoolVar(&g.NoClean, "no-clean", false, "do not clean the text (pinyin annotations, invisible characters, boilerplate)")
	pf.BoolVarP(&g.Quiet, "quiet", "q", false, "print no warnings or progress")
	pf.StringVar(&g.Encoding, "encoding", "auto", "input encoding: auto, utf-8, utf-16le, utf-16be, gb18030, gbk, big5")
	pf.StringSliceVar(&g.Include, "include", nil, "when walking directories, take only files matching these globs")
	pf.StringSliceVar(&g.Exclude, "exclude", nil, "skip files and directories matching these globs")
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &cmdutil.FlagError{Err: err}
	})

	cmd.AddCommand(
		segment.NewCmdSegment(f, nil),
		clean.NewCmdClean(f, nil),
		keywords.NewCmdKeywords(f, nil),
		entities.NewCmdEntities(f, nil),
		slogans.NewCmdSlogans(f, nil),
		convert.NewCmdConvert(f, nil),
		detect.NewCmdDetect(f, nil),
		check.NewCmdCheck(f, nil),
		freq.NewCmdFreq(f, nil),
		kwic.NewCmdKwic(f, nil),
		compare.NewCmdCompare(f, nil),
		analyze.NewCmdAnalyze(f, nil),
		merge.NewCmdMerge(f, nil),
		report.NewCmdReport(f, nil),
	)
	return cmd
}

// Main runs the program and returns its exit code.
func Main() int {
	tuneGC()
	ios := iostreams.System()
	f := cmdutil.New(ios, version())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return Run(ctx, f, os.Args[1:])
}

// tuneGC makes the collector run less often, unless the user set GOGC or
// GOMEMLIMIT: segmentation allocates about ten bytes of tokens per byte of
// text over a small live heap, and with Go's default the collector would run
// so often that a second worker adds little (bench/RESULTS.md, "Start-up
// and throughput"). The soft limit keeps big runs within their memory bound.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(400 << 20)
	}
}

// Run executes the command line args with the Factory f and maps the
// outcome to an exit code, printing errors on f.IO.ErrOut.
func Run(ctx context.Context, f *cmdutil.Factory, args []string) int {
	cmd := NewCmdRoot(f)
	cmd.SetArgs(args)
	cmd.SetIn(f.IO.In)
	cmd.SetOut(f.IO.Out)
	cmd.SetErr(f.IO.ErrOut)
	sub, err := cmd.ExecuteContextC(ctx)
	if errors.Is(err, cmdutil.ErrNoInput) {
		// A command that reads documents, run on a terminal without paths:
		// show how to use it rather than wait for typed input.
		sub.SetOut(f.IO.ErrOut)
		_ = sub.Help()
		return ExitError
	}
	return exitCode(f, cmd, err)
}

func exitCode(f *cmdutil.Factory, cmd *cobra.Command, err error) int {
	if err == nil {
		return ExitOK
	}
	errOut := f.IO.ErrOut
	var flagErr *cmdutil.FlagError
	var partial *cmdutil.PartialError
	switch {
	case errors.Is(err, context.Canceled) || errors.Is(err, errInterrupted(cmd)):
		fmt.Fprintln(errOut, "zhpolicy: interrupted")
		return ExitInterrupted
	case errors.Is(err, cmdutil.ErrFindings):
		return ExitFindings
	case errors.As(err, &partial):
		if !f.Global.Quiet {
			fmt.Fprintf(errOut, "zhpolicy: %s\n", partial)
		}
		return ExitPartial
	case errors.Is(err, cmdutil.ErrSilent):
		return ExitError
	case errors.As(err, &flagErr) || isCobraUsageError(err):
		fmt.Fprintf(errOut, "zhpolicy: %s\n", err)
		fmt.Fprintln(errOut, "Run 'zhpolicy --help' or 'zhpolicy <command> --help' for usage.")
		return ExitError
	}
	fmt.Fprintf(errOut, "zhpolicy: %s\n", err)
	return ExitError
}

// errInterrupted returns the context error of the command when it was
// cancelled, so that wrapped cancellations are recognised too.
func errInterrupted(cmd *cobra.Command) error {
	if ctx := cmd.Context(); ctx != nil && ctx.Err() != nil {
		return ctx.Err()
	}
	return errNotInterrupted
}

var errNotInterrupted = errors.New("not interrupted")

func isCobraUsageError(err error) bool {
	s := err.Error()
	return strings.HasPrefix(s, "unknown command") || strings.HasPrefix(s, "unknown flag") ||
		strings.HasPrefix(s, "unknown shorthand flag") || strings.Contains(s, "accepts ") && strings.Contains(s, " arg(s)")
}
