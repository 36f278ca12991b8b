// Package iostreams holds the three standard streams of a command together
// with what is known about them: whether they are terminals, whether colour
// is wanted, and how wide the terminal is. Commands write data to Out and
// diagnostics and progress to ErrOut; nothing else in the program touches
// os.Stdout or os.Stderr.
package iostreams

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/mattn/go-isatty"
	"golang.org/x/term"
)

// IOStreams is the set of streams a command uses.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	stdinTTY  bool
	stdoutTTY bool
	stderrTTY bool
	colour    bool
	width     int
	errWidth  int // columns of the terminal on stderr (0: not known)
	quiet     bool
	out       *stickyWriter
	// progressMin is the input size from which progress is shown (tests
	// lower it).
	progressMin int64
}

// stickyWriter remembers the first error of a write to stdout, so that
// output written by code that does not look at errors (help text) still
// fails the run when stdout is full or closed.
type stickyWriter struct {
	w   io.Writer
	err error
}

func (s *stickyWriter) Write(p []byte) (int, error) {
	n, err := s.w.Write(p)
	if err != nil && s.err == nil {
		s.err = err
	}
	return n, err
}

// OutErr is the first error met writing to standard output, if any.
func (s *IOStreams) OutErr() error {
	if s.out == nil || s.out.err == nil {
		return nil
	}
	return fmt.Errorf("writing to standard output: %w", s.out.err)
}

// System returns the process's own streams, with terminal detection.
func System() *IOStreams {
	out := &stickyWriter{w: os.Stdout}
	s := &IOStreams{In: os.Stdin, Out: out, ErrOut: os.Stderr, out: out}
	s.stdinTTY = isTerminal(os.Stdin)
	s.stdoutTTY = isTerminal(os.Stdout)
	s.stderrTTY = isTerminal(os.Stderr)
	s.colour = colourWanted(s.stdoutTTY, os.Getenv)
	s.width = 100
	if s.stdoutTTY {
		if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil && w > 0 {
			s.width = w
		}
	} else if c, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && c > 0 {
		s.width = c
	}
	if s.stderrTTY {
		if w, _, err := term.GetSize(int(os.Stderr.Fd())); err == nil && w > 0 {
			s.errWidth = w
		}
	}
	return s
}

// colourWanted: on a terminal, unless NO_COLOR is set to a non-empty value
// ("when present and not an empty string", no-color.org) or TERM is dumb.
func colourWanted(tty bool, getenv func(string) string) bool {
	return tty && getenv("NO_COLOR") == "" && getenv("TERM") != "dumb"
}

func isTerminal(f *os.File) bool {
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

// Test returns streams backed by buffers, for tests: stdin, stdout, stderr.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	sw := &stickyWriter{w: out}
	return &IOStreams{In: in, Out: sw, ErrOut: errOut, width: 100, out: sw}, in, out, errOut
}

// SetOut replaces standard output (tests: a writer that fails, as
// /dev/full does).
func (s *IOStreams) SetOut(w io.Writer) {
	s.out = &stickyWriter{w: w}
	s.Out = s.out
}

// IsStdinTTY reports whether standard input is a terminal.
func (s *IOStreams) IsStdinTTY() bool { return s.stdinTTY }

// IsStdoutTTY reports whether standard output is a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.stdoutTTY }

// IsStderrTTY reports whether standard error is a terminal (progress is shown only then).
func (s *IOStreams) IsStderrTTY() bool { return s.stderrTTY }

// ColourEnabled reports whether output may be coloured (a terminal, NO_COLOR unset).
func (s *IOStreams) ColourEnabled() bool { return s.colour }

// TerminalWidth is the width of the output terminal, or 100 when unknown.
func (s *IOStreams) TerminalWidth() int { return s.width }

// Quiet reports whether warnings and progress are switched off (--quiet).
func (s *IOStreams) Quiet() bool { return s.quiet }

// SetQuiet switches warnings and progress off.
func (s *IOStreams) SetQuiet(v bool) { s.quiet = v }

// SetProgressMin sets the input size from which a progress indicator is
// shown (ProgressMin by default).
func (s *IOStreams) SetProgressMin(n int64) { s.progressMin = n }

// SetStdinTTY, SetStdoutTTY, SetStderrTTY and SetColourEnabled let tests
// pretend to be on a terminal.
func (s *IOStreams) SetStdinTTY(v bool)      { s.stdinTTY = v }
func (s *IOStreams) SetStdoutTTY(v bool)     { s.stdoutTTY = v }
func (s *IOStreams) SetStderrTTY(v bool)     { s.stderrTTY = v }
func (s *IOStreams) SetColourEnabled(v bool) { s.colour = v }
func (s *IOStreams) SetTerminalWidth(w int)  { s.width = w }
