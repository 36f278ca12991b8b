package convert

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	goldenfile "zhpolicy/internal/golden"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/input"
	"zhpolicy/pkg/iostreams"
)

const testdata = "../../../testdata/convert"

func newFactory(t *testing.T) (*cmdutil.Factory, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	ios, in, out, errOut := iostreams.Test()
	f := cmdutil.New(ios, "test")
	return f, in, out, errOut
}

// run executes the convert command with args, as the root command would.
func run(t *testing.T, f *cmdutil.Factory, args ...string) error {
	t.Helper()
	cmd := NewCmdConvert(f, nil)
	cmd.SetArgs(args)
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
	return cmd.ExecuteContext(context.Background())
}

func TestFlags(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr string
		check   func(*Options) bool
	}{
		{args: []string{"--to", "t", "a.txt"}, check: func(o *Options) bool {
			return o.To == "t" && o.From == "auto" && o.OutputEncoding == "keep" && len(o.Paths) == 1 && !o.Clean
		}},
		{args: []string{"-t", "twp", "--from", "s", "-o", "out.txt", "a.txt"}, check: func(o *Options) bool {
			return o.To == "twp" && o.From == "s" && o.Output == "out.txt"
		}},
		{args: []string{"--config", "hk2s", "--in-place", "--clean", "--output-encoding", "UTF-8", "d/"}, check: func(o *Options) bool {
			return o.Config == "hk2s" && o.InPlace && o.Clean && o.OutputEncoding == "utf-8"
		}},
		{args: []string{"--check", "--to", "s", "--encoding", "gbk"}, check: func(o *Options) bool {
			return o.Check && o.In.Encoding == "gbk"
		}},
		{args: []string{"--out-dir", "o", "--to", "hk", "a"}, check: func(o *Options) bool { return o.OutDir == "o" }},
		{args: []string{"a.txt"}, wantErr: "give the target script"},
		{args: []string{"--to", "x"}, wantErr: "invalid --to"},
		{args: []string{"--to", "t", "--config", "s2t"}, wantErr: "cannot be used together"},
		{args: []string{"--config", "s2t", "--from", "s"}, wantErr: "--from goes with --to"},
		{args: []string{"--config", "jp2t"}, wantErr: "invalid --config"},
		{args: []string{"--to", "t", "--from", "jp"}, wantErr: "invalid --from"},
		{args: []string{"--to", "t", "--output-encoding", "big5"}, wantErr: "invalid --output-encoding"},
		{args: []string{"--to", "t", "--encoding", "latin1"}, wantErr: "invalid --encoding"},
		{args: []string{"--to", "t", "-o", "x", "--in-place", "a"}, wantErr: "only one of"},
		{args: []string{"--to", "t", "--check", "--out-dir", "x"}, wantErr: "--check writes nothing"},
		{args: []string{"--to", "t", "--in-place"}, wantErr: "--in-place needs"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			f, _, _, _ := newFactory(t)
			var got *Options
			cmd := NewCmdConvert(f, func(o *Options) error { got = o; return nil })
			cmd.SetArgs(tt.args)
			cmd.SetOut(io.Discard)
			cmd.SetErr(io.Discard)
			err := cmd.Execute()
			if tt.wantErr != "" {
				var fe *cmdutil.FlagError
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.As(err, &fe) {
					t.Fatalf("error = %v, want a FlagError containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got == nil || !tt.check(got) {
				t.Fatalf("options not as expected: %+v", got)
			}
		})
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join(testdata, "golden", name), string(got))
}

// TestGolden converts the inputs of testdata/convert/in to stdout.
func TestGolden(t *testing.T) {
	cases := []struct {
		name   string
		args   []string
		format string
	}{
		{"simp_crlf.t", []string{"--to", "t", "in/simp_crlf.txt"}, ""},
		{"simp_crlf.twp", []string{"--to", "twp", "in/simp_crlf.txt"}, ""},
		{"simp_crlf.hk", []string{"--to", "hk", "in/simp_crlf.txt"}, ""},
		{"trad_tw.s", []string{"--to", "s", "--from", "tw", "in/trad_tw.txt"}, ""},
		{"trad_tw.tw2sp", []string{"--config", "tw2sp", "in/trad_tw.txt"}, ""},
		{"trad_tw.auto-s", []string{"--to", "s", "in/trad_tw.txt"}, ""},
		{"trad_tw.t-unchanged", []string{"--to", "t", "in/trad_tw.txt"}, ""},
		{"hk.tw", []string{"--to", "tw", "--from", "hk", "in/hk.txt"}, ""},
		{"mixed.s", []string{"--to", "s", "in/mixed.txt"}, ""},
		{"check.t", []string{"--check", "--to", "t", "in/simp_crlf.txt", "in/trad_tw.txt"}, ""},
		{"check.s.json", []string{"--check", "--to", "s", "in/mixed.txt"}, "json"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, _, out, _ := newFactory(t)
			if tc.format != "" {
				tc.args = append([]string{"--format", tc.format}, tc.args...)
			}
			for i, a := range tc.args {
				if strings.HasPrefix(a, "in/") {
					tc.args[i] = filepath.Join(testdata, a)
				}
			}
			err := run(t, f, tc.args...)
			if strings.HasPrefix(tc.name, "check") {
				if cmdutil.Findings(err) == 0 {
					t.Fatalf("err = %v, want findings", err)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			golden(t, tc.name, bytes.ReplaceAll(out.Bytes(), []byte(filepath.ToSlash(testdata)+"/"), nil))
		})
	}
}

func TestStdin(t *testing.T) {
	f, in, out, _ := newFactory(t)
	in.WriteString("经理发现后\r\n头发")
	if err := run(t, f, "--to", "t"); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "經理發現後\r\n頭髮"; got != want {
		t.Errorf("stdout = %q, want %q", got, want)
	}
}

func TestCheckClean(t *testing.T) {
	f, _, out, _ := newFactory(t)
	if err := run(t, f, "--check", "--to", "t", filepath.Join(testdata, "in", "hk.txt")); err != nil {
		t.Fatalf("a Traditional file fails --check --to t: %v\n%s", err, out)
	}
	if out.Len() != 0 {
		t.Errorf("unexpected findings: %s", out)
	}
}

func writeFile(t *testing.T, path string, data []byte, perm os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, data, perm); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, perm); err != nil {
		t.Fatal(err)
	}
}

func TestInPlaceKeepsEncodingModeAndLineEnds(t *testing.T) {
	dir := t.TempDir()
	text := "关于推进数字经济发展的通知\r\n经理发现后，立即着手整改。\r\n"
	files := map[string]string{"gb.txt": "gb18030", "b16.txt": "utf-16le", "bom.txt": "utf-8-bom", "u8.md": "utf-8"}
	for name, enc := range files {
		raw, err := input.Encode(text, enc)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, name), raw, 0o640)
	}
	f, _, _, errOut := newFactory(t)
	if err := run(t, f, "--to", "t", "--in-place", dir); err != nil {
		t.Fatalf("%v: %s", err, errOut)
	}
	want := "關於推進數字經濟發展的通知\r\n經理發現後，立即着手整改。\r\n"
	for name, enc := range files {
		p := filepath.Join(dir, name)
		doc, err := input.Read(input.Source{Path: p}, input.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if doc.Text != want || doc.Encoding != enc {
			t.Errorf("%s: %q in %s, want %q in %s", name, doc.Text, doc.Encoding, want, enc)
		}
		raw, _ := os.ReadFile(p)
		if enc == "utf-16le" && !bytes.HasPrefix(raw, []byte{0xFF, 0xFE}) {
			t.Errorf("%s: byte-order mark lost", name)
		}
		info, _ := os.Stat(p)
		if info.Mode().Perm() != 0o640 {
			t.Errorf("%s: mode %v, want 0640", name, info.Mode().Perm())
		}
	}
	assertNoTemp(t, dir)
}

func TestInPlaceUTF8Output(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "gb.txt")
	raw, _ := input.Encode("发展\n", "gb18030")
	writeFile(t, p, raw, 0o644)
	f, _, _, _ := newFactory(t)
	if err := run(t, f, "--to", "t", "-w", "--output-encoding", "utf-8", p); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(p); string(got) != "發展\n" {
		t.Errorf("got %q, want UTF-8 發展", got)
	}
}

func TestInPlaceUnchangedFileNotRewritten(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "t.txt")
	writeFile(t, p, []byte("這是繁體的發展報告。\n"), 0o600)
	before, _ := os.Stat(p)
	f, _, _, _ := newFactory(t)
	if err := run(t, f, "--to", "t", "--in-place", p); err != nil {
		t.Fatal(err)
	}
	after, _ := os.Stat(p)
	if !os.SameFile(before, after) {
		t.Error("an unchanged file was replaced")
	}
	assertNoTemp(t, dir)
}

func TestInPlaceRefusesInvalidBytes(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "bad.txt")
	orig := []byte("发展\xff\xfe报告\n")
	writeFile(t, p, orig, 0o644)
	f, _, _, errOut := newFactory(t)
	err := run(t, f, "--to", "t", "--in-place", "--encoding", "utf-8", p)
	if cmdutil.Skipped(err) == 0 || !strings.Contains(errOut.String(), "not modified") {
		t.Fatalf("err = %v, stderr %q; want the file skipped", err, errOut)
	}
	if got, _ := os.ReadFile(p); !bytes.Equal(got, orig) {
		t.Errorf("file modified: %q", got)
	}
	assertNoTemp(t, dir)
}

func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".zhpolicy-") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func TestOutDirMirrorsTree(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "docs")
	if err := os.MkdirAll(filepath.Join(src, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(src, "a.txt"), []byte("发展\n"), 0o644)
	writeFile(t, filepath.Join(src, "sub", "b.md"), []byte("头发\n"), 0o644)
	out := filepath.Join(dir, "out")
	f, _, _, _ := newFactory(t)
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	if err := run(t, f, "--to", "tw", "--out-dir", out, "docs"); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]string{"docs/a.txt": "發展\n", "docs/sub/b.md": "頭髮\n"} {
		got, err := os.ReadFile(filepath.Join(out, p))
		if err != nil || string(got) != want {
			t.Errorf("%s: %q, %v; want %q", p, got, err, want)
		}
	}
	if got, _ := os.ReadFile(filepath.Join(src, "a.txt")); string(got) != "发展\n" {
		t.Error("input modified")
	}
}

func TestOutputOneInputOnly(t *testing.T) {
	f, _, _, _ := newFactory(t)
	a, b := filepath.Join(testdata, "in", "hk.txt"), filepath.Join(testdata, "in", "mixed.txt")
	err := run(t, f, "--to", "s", "-o", filepath.Join(t.TempDir(), "x"), a, b)
	var fe *cmdutil.FlagError
	if !errors.As(err, &fe) {
		t.Fatalf("err = %v, want a FlagError", err)
	}
}

func TestCleanRemovesPinyin(t *testing.T) {
	f, in, out, _ := newFactory(t)
	in.WriteString("市委常委會(huì)在醫(yī)藥高新區(qū)調(diào)研\n")
	if err := run(t, f, "--to", "s", "--clean"); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "市委常委会在医药高新区调研\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	f, in, out, _ = newFactory(t)
	in.WriteString("會(huì)\n")
	if err := run(t, f, "--to", "s"); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "会(huì)\n" {
		t.Errorf("without --clean: %q, want the annotation kept", got)
	}
}

func TestCheckJSONL(t *testing.T) {
	f, in, out, _ := newFactory(t)
	in.WriteString("ok line\n发展 and 头发\n")
	if err := run(t, f, "--format", "jsonl", "--check", "--to", "t"); cmdutil.Findings(err) == 0 {
		t.Fatalf("err = %v", err)
	}
	var got []finding
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var fd finding
		if err := json.Unmarshal([]byte(l), &fd); err != nil {
			t.Fatal(err)
		}
		got = append(got, fd)
	}
	want := []finding{
		{File: "<stdin>", Line: 2, Column: 1, Offset: 8, Text: "发", Converted: "發"},
		{File: "<stdin>", Line: 2, Column: 8, Offset: 8 + int64(len("发展 and ")), Text: "头发", Converted: "頭髮"},
	}
	if len(got) != len(want) {
		t.Fatalf("findings %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("finding %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestMirror(t *testing.T) {
	for in, want := range map[string]string{
		"docs/a.txt": "docs/a.txt", "./a.txt": "a.txt", "../x/a.txt": "x/a.txt", "/abs/a.txt": "abs/a.txt",
	} {
		if got := filepath.ToSlash(mirror(filepath.FromSlash(in))); got != want {
			t.Errorf("mirror(%q) = %q, want %q", in, got, want)
		}
	}
}
