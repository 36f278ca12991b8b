// Package iostreams holds the three standard streams of a command together
// with what is known about them: whether they are terminals, whether colour
// is wanted, and how wide the terminal is. Commands write data to Out and
// diagnostics and progress to ErrOut; nothing else in the program touches
// os.Stdout or os.Stderr.
package iostreams

import (
	"bytes"
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
}

// System returns the process's own streams, with terminal detection.
func System() *IOStreams {
	s := &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr}
	s.stdinTTY = isTerminal(os.Stdin)
	s.stdoutTTY = isTerminal(os.Stdout)
	s.stderrTTY = isTerminal(os.Stderr)
	_, noColour := os.LookupEnv("NO_COLOR")
	s.colour = s.stdoutTTY && !noColour && os.Getenv("TERM") != "dumb"
	s.width = 100
	if s.stdoutTTY {
		if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil && w > 0 {
			s.width = w
		}
	} else if c, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && c > 0 {
		s.width = c
	}
	return s
}

func isTerminal(f *os.File) bool {
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

// Test returns streams backed by buffers, for tests: stdin, stdout, stderr.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut, width: 100}, in, out, errOut
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

// SetStdinTTY, SetStdoutTTY, SetStderrTTY and SetColourEnabled let tests
// pretend to be on a terminal.
func (s *IOStreams) SetStdinTTY(v bool)      { s.stdinTTY = v }
func (s *IOStreams) SetStdoutTTY(v bool)     { s.stdoutTTY = v }
func (s *IOStreams) SetStderrTTY(v bool)     { s.stderrTTY = v }
func (s *IOStreams) SetColourEnabled(v bool) { s.colour = v }
func (s *IOStreams) SetTerminalWidth(w int)  { s.width = w }
