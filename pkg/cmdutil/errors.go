package cmdutil

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	"zhpolicy/pkg/corpus"
)

// FlagError is a usage error: a bad flag value or a wrong number of
// arguments. The root command prints it followed by a hint to --help, and
// exits 2.
type FlagError struct{ Err error }

func (e *FlagError) Error() string { return e.Err.Error() }
func (e *FlagError) Unwrap() error { return e.Err }

// FlagErrorf returns a FlagError with a formatted message.
func FlagErrorf(format string, args ...any) error {
	return &FlagError{Err: fmt.Errorf(format, args...)}
}

// ErrNoInput is returned when a command that reads documents gets no path
// and standard input is a terminal: the root command prints its help.
var ErrNoInput = errors.New("no input")

// ErrSilent makes the root command exit 2 without printing anything more:
// the command has already explained the problem on stderr.
var ErrSilent = errors.New("silent error")

// Status is how a command that ran to its end came out when something is
// to be reported in the exit code: inputs skipped (each already named on
// stderr) and problems found that the user asked to fail on (check,
// convert --check; already written to stdout). The root command maps it
// to one exit code: 3 when inputs were skipped (a run that could not read
// everything has not passed, whatever it found), else 1 for findings.
type Status struct {
	Skipped  int
	Findings int
}

func (s *Status) Error() string {
	var parts []string
	if s.Skipped == 1 {
		parts = append(parts, "1 input skipped")
	} else if s.Skipped > 1 {
		parts = append(parts, fmt.Sprintf("%d inputs skipped", s.Skipped))
	}
	if s.Findings > 0 {
		parts = append(parts, fmt.Sprintf("%d findings", s.Findings))
	}
	return strings.Join(parts, ", ")
}

// Exit is the error a command returns at the end of a run: nil when every
// input was processed and nothing was found, else a *Status.
func Exit(out corpus.Outcome, findings int) error {
	if len(out.Skipped) == 0 && findings == 0 {
		return nil
	}
	return &Status{Skipped: len(out.Skipped), Findings: findings}
}

// pflagInvalid is how pflag words a bad flag value.
var pflagInvalid = regexp.MustCompile(`^invalid argument "(.*)" for "(?:-\w, )?(--[\w-]+)" flag: (.*)$`)

// FlagErrorFunc turns cobra's flag-parsing errors into usage errors, worded
// as the rest: invalid --format "xml": use one of table, json, …
func FlagErrorFunc(_ *cobra.Command, err error) error {
	if m := pflagInvalid.FindStringSubmatch(err.Error()); m != nil {
		return FlagErrorf("invalid %s %q: %s", m[2], m[1], m[3])
	}
	return &FlagError{Err: err}
}

// Findings is the number of findings an error from a command reports (0
// when it is not a *Status).
func Findings(err error) int {
	var s *Status
	if errors.As(err, &s) {
		return s.Findings
	}
	return 0
}

// Skipped is the number of inputs an error from a command reports skipped
// (0 when it is not a *Status).
func Skipped(err error) int {
	var s *Status
	if errors.As(err, &s) {
		return s.Skipped
	}
	return 0
}
