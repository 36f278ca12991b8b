// Package flagtest checks how a command parses its flags, through the runF
// hook every NewCmd<Verb>(f, runF) takes: the command runs up to the point
// where it would do its work, and the test sees the options it would use.
package flagtest

import (
	"io"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/iostreams"
)

// Parse builds the command with newCmd on a test Factory (setup, when not
// nil, may change the Factory first: terminal settings), runs
// it with args, and returns the options it would run with, or its error.
func Parse[O any](t testing.TB, newCmd func(*cmdutil.Factory, func(*O) error) *cobra.Command,
	setup func(*cmdutil.Factory), args []string) (*O, error) {
	t.Helper()
	ios, _, _, _ := iostreams.Test()
	f := cmdutil.New(ios, "test")
	if setup != nil {
		setup(f)
	}
	var got *O
	cmd := newCmd(f, func(o *O) error { got = o; return nil })
	cmd.SetFlagErrorFunc(cmdutil.FlagErrorFunc) // as the root command does
	cmd.SetArgs(args)
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
	if err := cmd.Execute(); err != nil {
		return nil, err
	}
	if got == nil {
		t.Fatalf("%v: the command returned without reaching its run function", args)
	}
	return got, nil
}

// Done checks the outcome of a Parse: with want (a part of the expected
// error message) the error must contain it, and the case is done; without,
// there must be no error, and the test goes on to check the options.
func Done(t testing.TB, err error, want string) bool {
	t.Helper()
	if want != "" {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("err = %v, want %q", err, want)
		}
		return true
	}
	if err != nil {
		t.Fatal(err)
	}
	return false
}
