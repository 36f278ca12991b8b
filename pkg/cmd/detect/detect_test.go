package detect

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"zhpolicy/internal/golden"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/iostreams"
)

const testdata = "../../../testdata/convert"

func TestFlags(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	f := cmdutil.New(ios, "test")
	var got *Options
	cmd := NewCmdDetect(f, func(o *Options) error { got = o; return nil })
	cmd.SetArgs([]string{"a.txt", "docs/"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got == nil || strings.Join(got.Paths, ",") != "a.txt,docs/" {
		t.Fatalf("paths = %+v", got)
	}
	cmd = NewCmdDetect(f, func(*Options) error { return nil })
	cmd.SetFlagErrorFunc(cmdutil.FlagErrorFunc) // as the root command does
	cmd.SetArgs([]string{"--format", "xml", "a.txt"})
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
	if err := cmd.Execute(); err == nil || !strings.Contains(err.Error(), "invalid --format") {
		t.Fatalf("err = %v, want invalid --format", err)
	}
}

func TestGolden(t *testing.T) {
	files := []string{"simp_crlf.txt", "trad_tw.txt", "hk.txt", "mixed.txt", "pinyin.txt"}
	for _, format := range []string{"table", "json", "csv"} {
		t.Run(format, func(t *testing.T) {
			ios, _, out, errOut := iostreams.Test()
			f := cmdutil.New(ios, "test")
			t.Chdir(testdata)
			args := []string{"--format", format}
			for _, n := range files {
				args = append(args, filepath.Join("in", n))
			}
			cmd := NewCmdDetect(f, nil)
			cmd.SetArgs(args)
			if err := cmd.ExecuteContext(context.Background()); err != nil {
				t.Fatalf("%v: %s", err, errOut)
			}
			got := out.Bytes()
			golden.Check(t, filepath.Join("golden", "detect."+format), string(got))
		})
	}
}

func TestStdinPinyin(t *testing.T) {
	ios, in, out, _ := iostreams.Test()
	f := cmdutil.New(ios, "test")
	in.WriteString("會(huì)議在北京舉行\n")
	cmd := NewCmdDetect(f, nil)
	cmd.SetArgs([]string{"--format", "jsonl"})
	if err := cmd.ExecuteContext(context.Background()); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	if !strings.Contains(s, `"script":"traditional"`) || !strings.Contains(s, `"pinyin":true`) || !strings.Contains(s, `"file":"<stdin>"`) {
		t.Errorf("got %s", s)
	}
}
