package cmdutil

import (
	"errors"
	"fmt"
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

// ErrFindings is returned by commands that completed their work and found
// problems the user asked them to look for (check, convert --check): exit 1.
// The findings themselves have already been written to stdout.
var ErrFindings = errors.New("findings reported")

// PartialError says that the command completed, but some inputs were
// skipped; each was already named on stderr. Exit 3.
type PartialError struct{ Skipped int }

func (e *PartialError) Error() string {
	if e.Skipped == 1 {
		return "1 input skipped"
	}
	return fmt.Sprintf("%d inputs skipped", e.Skipped)
}

// ErrSilent makes the root command exit 2 without printing anything more:
// the command has already explained the problem on stderr.
var ErrSilent = errors.New("silent error")
