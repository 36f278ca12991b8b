// Package root builds the zhpolicy command tree and owns the single map
// from errors to exit codes.
package root

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"syscall"

	"github.com/spf13/cobra"

	"zhpolicy/internal/gctune"
	"zhpolicy/pkg/cmd/analyze"
	"zhpolicy/pkg/cmd/check"
	"zhpolicy/pkg/cmd/clean"
	"zhpolicy/pkg/cmd/compare"
	"zhpolicy/pkg/cmd/convert"
	"zhpolicy/pkg/cmd/detect"
	"zhpolicy/pkg/cmd/entities"
	"zhpolicy/pkg/cmd/freq"
	"zhpolicy/pkg/cmd/instruments"
	"zhpolicy/pkg/cmd/keywords"
	"zhpolicy/pkg/cmd/kwic"
	"zhpolicy/pkg/cmd/merge"
	"zhpolicy/pkg/cmd/network"
	"zhpolicy/pkg/cmd/report"
	"zhpolicy/pkg/cmd/reuse"
	"zhpolicy/pkg/cmd/segment"
	"zhpolicy/pkg/cmd/slogans"
	structurecmd "zhpolicy/pkg/cmd/structure"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/iostreams"
)

// Exit codes, one place for the whole program.
const (
	ExitOK          = 0
	ExitFindings    = 1   // check (or convert --check) found problems
	ExitError       = 2   // usage or fatal error
	ExitPartial     = 3   // some inputs skipped, each named on stderr
	ExitInterrupted = 130 // SIGINT
	ExitTerminated  = 143 // SIGTERM
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
	var quiet bool
	cmd := &cobra.Command{
		Use:   "zhpolicy <command> [flags] [path...]",
		Short: "Analyse Chinese policy documents: words, keywords, formulations, entities",
		Long: `zhpolicy reads Chinese policy documents — government work reports, plans,
notices, meeting reports — in Simplified or Traditional script, UTF-8, GB18030
or Big5, as text, Markdown or HTML, or as documents: DOCX, PDF, OFD, Word 97
and WPS (.doc, .wps), XLSX, ODT, RTF; cleans them (pinyin annotations,
invisible characters, web-page boilerplate) and tells you what is in them.

Paths may be files, directories (walked recursively) or - for standard input.
The format is read from the content, not the name. For HTML and documents,
byte offsets in the results point into the extracted text (before cleaning),
not into the file.
Results go to standard output; warnings and progress to standard error.

Exit codes: 0 ok; 1 problems found (check, and convert checking a script);
2 usage or fatal error; 3 some inputs were skipped, each named on stderr (3
wins over 1: a run that could not read everything has not passed); 130
interrupted (Ctrl-C), 143 terminated (SIGTERM).`,
		Example: `  zhpolicy analyze testdata/sample/
  zhpolicy segment --pos testdata/sample/municipal_report.txt
  cat testdata/sample/pinyin_annotated.txt | zhpolicy clean --list`,
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.ArbitraryArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) > 0 {
				msg := fmt.Sprintf("unknown command %q", args[0])
				if s := c.SuggestionsFor(args[0]); len(s) > 0 {
					msg += fmt.Sprintf("; did you mean %q?", s[0])
				}
				return cmdutil.FlagErrorf("%s", msg)
			}
			return c.Help()
		},
		PersistentPreRun: func(*cobra.Command, []string) {
			f.IO.SetQuiet(quiet)
		},
	}
	cmd.SetVersionTemplate("zhpolicy {{.Version}}\n")
	cmd.PersistentFlags().BoolVarP(&quiet, "quiet", "q", false, "print no warnings or progress")
	cmd.SetFlagErrorFunc(cmdutil.FlagErrorFunc)
	cmd.AddCommand(
		segment.NewCmdSegment(f, nil),
		clean.NewCmdClean(f, nil),
		keywords.NewCmdKeywords(f, nil),
		entities.NewCmdEntities(f, nil),
		slogans.NewCmdSlogans(f, nil),
		instruments.NewCmdInstruments(f, nil),
		structurecmd.NewCmdStructure(f, nil),
		reuse.NewCmdReuse(f, nil),
		network.NewCmdNetwork(f, nil),
		convert.NewCmdConvert(f, nil),
		detect.NewCmdDetect(f, nil),
		check.NewCmdCheck(f, nil),
		freq.NewCmdFreq(f, nil),
		kwic.NewCmdKwic(f, nil),
		compare.NewCmdCompare(f, nil),
		analyze.NewCmdAnalyze(f, nil),
		merge.NewCmdMerge(f, nil),
		report.NewCmdReport(f, nil),
		newCmdVersion(f),
	)
	return cmd
}

func newCmdVersion(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of zhpolicy and of the Go it was built with",
		Args:  cmdutil.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := fmt.Fprintf(f.IO.Out, "zhpolicy %s (%s %s/%s)\n", version(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return err
		},
	}
}

// Main runs the program and returns its exit code.
func Main() int {
	gctune.Start()
	ios := iostreams.System()
	f := cmdutil.New(ios, version())
	ctx, stop := signalContext()
	defer stop()
	return Run(ctx, f, os.Args[1:])
}

// signalled is the cause of a run's cancellation by a signal.
type signalled struct{ sig os.Signal }

func (s signalled) Error() string { return "interrupted by " + s.sig.String() }

// signalContext is cancelled on SIGINT or SIGTERM, with the signal as the
// cause: both stop the run the same way (temporary files removed, partial
// output flushed), and the exit code says which it was.
func signalContext() (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			cancel(signalled{sig})
			signal.Stop(ch) // a second signal kills at once
		case <-done:
		}
	}()
	return ctx, func() {
		close(done)
		signal.Stop(ch)
		cancel(nil)
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
	if err == nil {
		// help, usage and version text went to stdout: a failed write
		// (stdout is /dev/full) must not pass for success
		err = f.IO.OutErr()
	}
	return exitCode(ctx, f, err)
}

// exitCode is the one map from a command's outcome to the exit code, in
// this order: interrupted (130, or 143 for SIGTERM); a usage or fatal error
// (2); inputs skipped (3); problems found (1); else 0.
func exitCode(ctx context.Context, f *cmdutil.Factory, err error) int {
	if err == nil {
		return ExitOK
	}
	errOut := f.IO.ErrOut
	var flagErr *cmdutil.FlagError
	var status *cmdutil.Status
	switch {
	case ctx.Err() != nil || errors.Is(err, context.Canceled):
		var s signalled
		if errors.As(context.Cause(ctx), &s) && s.sig == syscall.SIGTERM {
			fmt.Fprintln(errOut, "zhpolicy: terminated")
			return ExitTerminated
		}
		fmt.Fprintln(errOut, "zhpolicy: interrupted")
		return ExitInterrupted
	case errors.As(err, &status):
		if status.Skipped > 0 {
			if !f.IO.Quiet() {
				fmt.Fprintf(errOut, "zhpolicy: %s\n", status)
			}
			return ExitPartial
		}
		return ExitFindings
	case errors.Is(err, cmdutil.ErrSilent):
		return ExitError
	case errors.As(err, &flagErr):
		fmt.Fprintf(errOut, "zhpolicy: %s\n", cmdutil.Sanitize(err.Error()))
		fmt.Fprintln(errOut, "Run 'zhpolicy --help' or 'zhpolicy <command> --help' for usage.")
		return ExitError
	}
	fmt.Fprintf(errOut, "zhpolicy: %s\n", cmdutil.Sanitize(err.Error()))
	return ExitError
}
