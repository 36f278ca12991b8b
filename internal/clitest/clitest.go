// Package clitest runs the zhpolicy command line in-process for tests and
// compares output with golden files.
package clitest

import (
	"context"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"

	"zhpolicy/internal/golden"
	"zhpolicy/pkg/cmd/root"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

// Result is what one run printed and its exit code.
type Result struct {
	Stdout, Stderr string
	Code           int
}

// Options for Run.
type Options struct {
	Stdin     string
	StdinTTY  bool
	StdoutTTY bool
	StderrTTY bool
	Colour    bool   // colour enabled (a terminal without NO_COLOR)
	Dir       string // working directory (the repository root when empty)
	// ProgressMin, when set, is the input size from which progress shows.
	ProgressMin int64
	// StdoutFull makes every write to stdout fail, as on /dev/full.
	StdoutFull bool
}

// fullWriter fails as a write to /dev/full does.
type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

var (
	segOnce sync.Once
	seg     *segment.Segmenter
	segErr  error
)

// sharedSegmenter lets all runs of one test binary share one segmenter
// (without user dictionaries), as one process would.
func sharedSegmenter() (*segment.Segmenter, error) {
	segOnce.Do(func() { seg, segErr = segment.New(segment.Config{Fold: script.FoldIfTraditional}) })
	return seg, segErr
}

// Run executes zhpolicy with args and returns what it printed.
func Run(t testing.TB, opts Options, args ...string) Result {
	t.Helper()
	ios, in, out, errOut := iostreams.Test()
	in.WriteString(opts.Stdin)
	ios.SetStdinTTY(opts.StdinTTY)
	ios.SetStdoutTTY(opts.StdoutTTY)
	ios.SetStderrTTY(opts.StderrTTY)
	ios.SetColourEnabled(opts.Colour)
	ios.SetProgressMin(opts.ProgressMin)
	if opts.StdoutFull {
		ios.SetOut(fullWriter{})
	}
	f := cmdutil.New(ios, "test")
	if !hasFlag(args, "--dict") {
		sg, err := sharedSegmenter()
		if err != nil {
			t.Fatal(err)
		}
		f.UseSegmenter(sg)
	}
	dir := opts.Dir
	if dir == "" {
		dir = RepoRoot(t)
	}
	t.Chdir(dir)
	code := root.Run(context.Background(), f, args)
	return Result{Stdout: out.String(), Stderr: errOut.String(), Code: code}
}

func hasFlag(args []string, name string) bool {
	for _, a := range args {
		if a == name || strings.HasPrefix(a, name+"=") {
			return true
		}
	}
	return false
}

// RepoRoot is the repository's top directory.
func RepoRoot(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate the repository")
	}
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// Golden compares got with the golden file testdata/golden/<name>, or
// rewrites it under -update.
func Golden(t testing.TB, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join(RepoRoot(t), "testdata", "golden", name), got)
}

// MustRun is Run for a command line that must succeed: it returns what
// was printed on stdout, and fails the test on any other exit code.
func MustRun(t testing.TB, opts Options, args ...string) string {
	t.Helper()
	r := Run(t, opts, args...)
	if r.Code != 0 {
		t.Fatalf("zhpolicy %s: exit %d: %s", strings.Join(args, " "), r.Code, r.Stderr)
	}
	return r.Stdout
}
