package root_test

import (
	"context"
	"os"
	"path/filepath"
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

// The exit-code precedence is the same in every command: interrupted 130 >
// usage or fatal 2 > inputs skipped 3 > findings 1 > 0.
// Every command that writes files checks where before it reads anything: a
// destination in a directory that does not exist fails at once with exit 2,
// naming the flag and the path, and no input is opened (the missing input
// given with it is never reported). Nothing is left in the directory.
func TestOutputsCheckedBeforeReading(t *testing.T) {
	dir := t.TempDir()
	nowhere := filepath.Join(dir, "no", "such", "dir")
	missing := "testdata/sample/no-such-file.txt"
	file := filepath.Join(dir, "a-file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		flag string
	}{
		{[]string{"report", "-o", filepath.Join(nowhere, "r.html")}, "-o"},
		{[]string{"network", "-o", filepath.Join(nowhere, "g.gexf")}, "-o"},
		{[]string{"network", "-o", filepath.Join(nowhere, "g.csv")}, "-o"},
		{[]string{"keywords", "--save-background", filepath.Join(nowhere, "bg.jsonl")}, "--save-background"},
		{[]string{"convert", "--to", "t", "-o", filepath.Join(nowhere, "out.txt")}, "-o"},
		{[]string{"convert", "--to", "t", "--out-dir", file}, "--out-dir"},
	} {
		name := strings.Join(tc.args, " ")
		r := clitest.Run(t, clitest.Options{}, append(tc.args, missing)...)
		if r.Code != 2 || !strings.Contains(r.Stderr, tc.flag+" ") || !strings.Contains(r.Stderr, dir) || strings.Contains(r.Stderr, "no-such-file") {
			t.Errorf("%s: exit %d, stderr %q; want 2 naming %s and the path, before any input is read", name, r.Code, r.Stderr, tc.flag)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left in the directory: %v", entries)
	}
}

func TestExitPrecedenceInEveryCommand(t *testing.T) {
	good, missing := "testdata/sample/municipal_report.txt", "testdata/sample/no-such-file.txt"
	reading := [][]string{
		{"segment"}, {"clean"}, {"keywords"}, {"entities"}, {"slogans"}, {"detect"}, {"freq"}, {"analyze"},
		{"kwic", "发展"}, {"convert", "--to", "t"}, {"check", "--no-config", "--fail-on", "none"},
		{"report", "-o", "-"}, {"structure"}, {"instruments"}, {"network"}, {"reuse"},
	}
	for _, cmd := range reading {
		name := strings.Join(cmd, " ")
		t.Run(name, func(t *testing.T) {
			if r := clitest.Run(t, clitest.Options{}, append(cmd, good)...); r.Code != 0 {
				t.Errorf("ok: exit %d: %s", r.Code, r.Stderr)
			}
			r := clitest.Run(t, clitest.Options{}, append(cmd, good, missing)...)
			if r.Code != 3 || !strings.Contains(r.Stderr, "no-such-file.txt") || !strings.Contains(r.Stderr, "1 input skipped") {
				t.Errorf("skipped: exit %d, stderr %q; want 3 naming the file", r.Code, r.Stderr)
			}
			// inputs that all fail never fall back to standard input, and a
			// directory without documents is named, not taken for an empty corpus
			for _, bad := range []string{missing, t.TempDir()} {
				r := clitest.Run(t, clitest.Options{Stdin: "高质量发展是首要任务。\n"}, append(cmd, bad)...)
				out := r.Stdout + r.Stderr
				if r.Code != 3 || strings.Contains(out, "<stdin>") || strings.Contains(out, "质量") || strings.Contains(out, "質量") ||
					!strings.Contains(r.Stderr, filepath.Base(bad)) {
					t.Errorf("%s only: exit %d, stdout %q, stderr %q; want 3 naming it, standard input unread", bad, r.Code, r.Stdout, r.Stderr)
				}
			}
			if r := clitest.Run(t, clitest.Options{}, append(cmd, "--no-such-flag", good)...); r.Code != 2 {
				t.Errorf("usage: exit %d", r.Code)
			}
			ios, _, _, _ := iostreams.Test()
			f := cmdutil.New(ios, "test")
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			t.Chdir(clitest.RepoRoot(t))
			if code := root.Run(ctx, f, append(cmd, good, missing)); code != 130 {
				t.Errorf("interrupted: exit %d, want 130", code)
			}
		})
	}
	// findings and a skipped input: 3; findings alone: 1
	for _, c := range []struct{ cmd []string }{
		{[]string{"check", "--no-config", "--fail-on", "warning", "testdata/sample/pinyin_annotated.txt"}},
		{[]string{"convert", "--check", "--to", "t", good}},
	} {
		cmd := c.cmd
		name := strings.Join(cmd, " ")
		t.Run(name, func(t *testing.T) {
			if r := clitest.Run(t, clitest.Options{}, cmd...); r.Code != 1 {
				t.Errorf("findings: exit %d, want 1: %s", r.Code, r.Stderr)
			}
			if r := clitest.Run(t, clitest.Options{}, append(cmd, missing)...); r.Code != 3 {
				t.Errorf("findings and a skipped input: exit %d, want 3: %s", r.Code, r.Stderr)
			}
		})
	}
}

// A write to a full standard output (/dev/full) fails the run, also for
// commands that print little or only help.
func TestStdoutFull(t *testing.T) {
	for _, args := range [][]string{
		{"detect", "testdata/sample/municipal_report.txt"},
		{"clean", "--list", "testdata/sample/pinyin_annotated.txt"},
		{"clean", "testdata/sample/pinyin_annotated.txt"},
		{"check", "--list-rules"},
		{"--help"},
		{"freq", "--help"},
		{"version"},
		{"freq", "testdata/sample/municipal_report.txt"},
		{"segment", "testdata/sample/municipal_report.txt"},
	} {
		r := clitest.Run(t, clitest.Options{StdoutFull: true}, args...)
		if r.Code != 2 || !strings.Contains(r.Stderr, "no space left") {
			t.Errorf("%v to a full stdout: exit %d, stderr %q; want 2 and the error", args, r.Code, r.Stderr)
		}
	}
}

// A text that looks binary (many NUL bytes) is skipped with a message and
// exit 3; --binary reads it as text.
func TestBinaryFlag(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "nul.txt")
	data := strings.Repeat("推动高质量发展\x00\x00\x00\n", 200)
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	r := clitest.Run(t, clitest.Options{}, "freq", p)
	if r.Code != 3 || !strings.Contains(r.Stderr, "binary") {
		t.Fatalf("without --binary: exit %d, stderr %q", r.Code, r.Stderr)
	}
	r = clitest.Run(t, clitest.Options{}, "freq", "--binary", "--format", "tsv", p)
	if r.Code != 0 || !strings.Contains(r.Stdout, "高质量") && !strings.Contains(r.Stdout, "发展") {
		t.Fatalf("with --binary: exit %d, stdout %q, stderr %q", r.Code, r.Stdout, r.Stderr)
	}
}
