package root_test

import (
	"context"
	"strings"
	"testing"

	"zhpolicy/internal/clitest"
	"zhpolicy/pkg/cmd/root"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/iostreams"
)

// The one map from outcomes to exit codes.
func TestExitCodes(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"ok", []string{"segment", "testdata/sample/municipal_report.txt"}, 0, ""},
		{"unknown command", []string{"segmnet"}, 2, `unknown command "segmnet"`},
		{"unknown flag", []string{"segment", "--frobnicate"}, 2, "unknown flag: --frobnicate"},
		{"bad global flag value", []string{"segment", "--jobs", "0", "testdata/sample"}, 2, "invalid --jobs 0"},
		{"bad format", []string{"--format", "xml", "segment", "testdata/sample"}, 2, `invalid --format "xml"`},
		{"bad script", []string{"--script", "x", "freq", "testdata/sample"}, 2, `invalid --script "x"`},
		{"partial", []string{"segment", "testdata/sample/municipal_report.txt", "no/such/file.txt"}, 3, "no/such/file.txt"},
		{"findings", []string{"convert", "--check", "--to", "t", "testdata/sample/municipal_report.txt"}, 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := clitest.Run(t, clitest.Options{}, tt.args...)
			if r.Code != tt.code || !strings.Contains(r.Stderr, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", r.Code, r.Stderr, tt.code, tt.stderr)
			}
		})
	}
}

func TestInterruptedIs130(t *testing.T) {
	ios, _, _, errOut := iostreams.Test()
	f := cmdutil.New(ios, "test")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	t.Chdir(clitest.RepoRoot(t))
	if code := root.Run(ctx, f, []string{"segment", "testdata/sample"}); code != 130 {
		t.Fatalf("exit %d after cancellation, want 130 (stderr %q)", code, errOut)
	}
	if !strings.Contains(errOut.String(), "interrupted") {
		t.Errorf("stderr %q does not say interrupted", errOut)
	}
}

func TestVersionHelpAndCompletion(t *testing.T) {
	r := clitest.Run(t, clitest.Options{}, "--version")
	if r.Code != 0 || !strings.HasPrefix(r.Stdout, "zhpolicy ") {
		t.Errorf("--version: exit %d, %q", r.Code, r.Stdout)
	}
	r = clitest.Run(t, clitest.Options{}, "--help")
	for _, cmd := range []string{"analyze", "segment", "keywords", "slogans", "entities", "freq", "kwic", "compare",
		"merge", "convert", "detect", "clean", "check", "report", "completion"} {
		if !strings.Contains(r.Stdout, "  "+cmd+" ") {
			t.Errorf("--help does not list %s", cmd)
		}
	}
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		r = clitest.Run(t, clitest.Options{}, "completion", shell)
		if r.Code != 0 || !strings.Contains(r.Stdout, "zhpolicy") {
			t.Errorf("completion %s: exit %d, %d bytes", shell, r.Code, len(r.Stdout))
		}
	}
}
