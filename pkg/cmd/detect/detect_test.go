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
	f.Global.Format = "xml"
	cmd = NewCmdDetect(f, func(*Options) error { return nil })
	cmd.SetArgs([]string{"a.txt"})
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
			f.Global.Format = format
			f.Global.Jobs = 2
			t.Chdir(testdata)
			var args []string
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
	f.Global.Format = "jsonl"
	in.WriteString("會(huì)議在北京舉行\n")
	cmd := NewCmdDetect(f, nil)
	cmd.SetArgs(nil)
	if err := cmd.ExecuteContext(context.Background()); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	if !strings.Contains(s, `"script":"traditional"`) || !strings.Contains(s, `"pinyin":true`) || !strings.Contains(s, `"file":"<stdin>"`) {
		t.Errorf("got %s", s)
	}
}
