package segment_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"zhpolicy/internal/clitest"
	"zhpolicy/internal/flagtest"
	"zhpolicy/pkg/cmd/segment"
	"zhpolicy/pkg/input"
	"zhpolicy/pkg/script"
)

func TestFlagParsing(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr string
		check   func(t *testing.T, o *segment.Options)
	}{
		{args: []string{"a.txt"}, check: func(t *testing.T, o *segment.Options) {
			if o.Mode != "precise" || o.POS || o.Sep != " " || len(o.Paths) != 1 {
				t.Errorf("defaults: %+v", o)
			}
		}},
		{args: []string{"--mode", "search", "--pos", "--hmm", "--sep", "|", "--dict", "a.dict", "--dict", "b.dict", "x", "y"},
			check: func(t *testing.T, o *segment.Options) {
				if o.Mode != "search" || !o.POS || !o.Seg.HMM || o.Sep != "|" || len(o.Seg.Dicts) != 2 || len(o.Paths) != 2 {
					t.Errorf("parsed: %+v", o)
				}
			}},
		{args: []string{"--mode", "fast"}, wantErr: "invalid --mode"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, err := flagtest.Parse(t, segment.NewCmdSegment, nil, tt.args)
			if flagtest.Done(t, err, tt.wantErr) {
				return
			}
			tt.check(t, got)
		})
	}
}

func TestGoldenSamples(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(clitest.RepoRoot(t), "testdata", "sample", "*"))
	if err != nil || len(files) < 6 {
		t.Fatalf("samples: %v (%d files)", err, len(files))
	}
	for _, path := range files {
		name := filepath.Base(path)
		rel := filepath.Join("testdata", "sample", name)
		t.Run(name, func(t *testing.T) {
			r := clitest.Run(t, clitest.Options{}, "segment", "--pos", rel)
			if r.Code != 0 {
				t.Fatalf("exit %d: %s", r.Code, r.Stderr)
			}
			clitest.Golden(t, "segment/"+name+".txt", r.Stdout)
			r = clitest.Run(t, clitest.Options{}, "segment", "--format", "jsonl", rel)
			if r.Code != 0 {
				t.Fatalf("exit %d: %s", r.Code, r.Stderr)
			}
			clitest.Golden(t, "segment/"+name+".jsonl", r.Stdout)
		})
	}
}

// Offsets in JSON output point into the decoded input text: cutting the
// decoded file at them gives the token back, even where cleaning removed
// pinyin annotations between tokens.
func TestOffsetsPointIntoDecodedInput(t *testing.T) {
	for _, name := range []string{"pinyin_annotated.txt", "gbk_notice.txt", "big5_speech.txt", "municipal_report.txt"} {
		rel := filepath.Join("testdata", "sample", name)
		r := clitest.Run(t, clitest.Options{}, "segment", "--format", "json", rel)
		if r.Code != 0 {
			t.Fatalf("%s: exit %d: %s", name, r.Code, r.Stderr)
		}
		var toks []struct {
			File, Text, Original string
			Start, End           int
		}
		if err := json.Unmarshal([]byte(r.Stdout), &toks); err != nil {
			t.Fatal(err)
		}
		doc, err := input.Read(input.Source{Path: filepath.Join(clitest.RepoRoot(t), rel)}, input.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(toks) < 50 || toks[0].File != rel {
			t.Fatalf("%s: %d tokens of %q", name, len(toks), toks[0].File)
		}
		prev, changed := 0, 0
		for _, tok := range toks {
			// text is the word as segmented (cleaned); original, when given,
			// is what the decoded input has at the offsets
			at := tok.Text
			if tok.Original != "" {
				at = tok.Original
				changed++
			}
			if tok.Start < prev || tok.End > len(doc.Text) || doc.Text[tok.Start:tok.End] != at {
				t.Fatalf("%s: token %q (%q) at [%d,%d) does not match the decoded text", name, tok.Text, tok.Original, tok.Start, tok.End)
			}
			if tok.Original != "" && (strings.Contains(tok.Text, "(") || tok.Text == tok.Original) {
				t.Errorf("%s: token text %q is not the cleaned word (original %q)", name, tok.Text, tok.Original)
			}
			prev = tok.End
		}
		if name == "pinyin_annotated.txt" && changed == 0 {
			t.Errorf("%s: no token has its annotated original", name)
		}
	}
}

// The foundation's first "done when": a pinyin-annotated Traditional
// document gives exactly the tokens, in Traditional, of the same document
// without the annotations.
func TestPinyinAnnotatedSameTokensAsClean(t *testing.T) {
	annotated := clitest.Run(t, clitest.Options{}, "segment", "testdata/sample/pinyin_annotated.txt")
	clean := clitest.Run(t, clitest.Options{}, "segment", "testdata/sample/traditional_notice.txt")
	if annotated.Code != 0 || clean.Code != 0 {
		t.Fatalf("exit codes %d, %d: %s %s", annotated.Code, clean.Code, annotated.Stderr, clean.Stderr)
	}
	if annotated.Stdout != clean.Stdout {
		t.Errorf("annotated document segments differently:\nannotated: %.300s\nclean:     %.300s", annotated.Stdout, clean.Stdout)
	}
	if !strings.Contains(clean.Stdout, "行政院") || strings.Contains(annotated.Stdout, "guān") {
		t.Errorf("unexpected output: %.200s", annotated.Stdout)
	}
}

// GB18030 and Big5 files made with the x/text encoders give the same output
// as their UTF-8 originals, and so do the committed GBK and Big5 samples.
func TestEncodedInputsMatchUTF8(t *testing.T) {
	root := clitest.RepoRoot(t)
	dir := t.TempDir()
	cases := []struct{ original, enc, committed string }{
		{"gbk_notice.txt", "gb18030", "gbk_notice.txt"},
		{"gbk_notice.txt", "gbk", ""},
		{"big5_speech.txt", "big5", "big5_speech.txt"},
		{"big5_speech.txt", "gb18030", ""},
		{"big5_speech.txt", "utf-16le", ""},
	}
	for _, c := range cases {
		orig := filepath.Join(root, "testdata", "originals", c.original)
		text, err := os.ReadFile(orig)
		if err != nil {
			t.Fatal(err)
		}
		encoded := filepath.Join(dir, c.enc+"-"+c.original)
		if err := input.WriteEncoded(encoded, string(text), c.enc); err != nil {
			t.Fatal(err)
		}
		want := clitest.Run(t, clitest.Options{}, "segment", orig)
		got := clitest.Run(t, clitest.Options{}, "segment", encoded)
		if want.Code != 0 || got.Code != 0 {
			t.Fatalf("%s: exit codes %d, %d: %s", c.enc, want.Code, got.Code, got.Stderr)
		}
		if got.Stdout != want.Stdout {
			t.Errorf("%s in %s segments differently from its UTF-8 original", c.original, c.enc)
		}
		if c.committed != "" {
			fixture := clitest.Run(t, clitest.Options{}, "segment", filepath.Join(root, "testdata", "sample", c.committed))
			if fixture.Stdout != want.Stdout {
				t.Errorf("committed sample %s differs from its UTF-8 original", c.committed)
			}
		}
	}
}

func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", []byte("推动高质量发展。\n"))
	binary := write("blob.txt", []byte{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0})
	empty := write("empty.txt", nil)
	write("tree/a.txt", []byte("坚持稳中求进。\n"))
	unsupported := write("tree/old.xls", []byte("not really a spreadsheet"))
	missing := filepath.Join(dir, "missing.txt")

	t.Run("binary", func(t *testing.T) {
		r := clitest.Run(t, clitest.Options{}, "segment", binary, good)
		if r.Code != 3 || !strings.Contains(r.Stderr, "blob.txt") || !strings.Contains(r.Stderr, "binary") {
			t.Errorf("exit %d, stderr %q; want 3 naming the binary file", r.Code, r.Stderr)
		}
		if !strings.Contains(r.Stdout, "高质量发展") {
			t.Errorf("the good file was not processed: %q", r.Stdout)
		}
	})
	t.Run("empty", func(t *testing.T) {
		r := clitest.Run(t, clitest.Options{}, "segment", empty)
		if r.Code != 0 || r.Stdout != "" {
			t.Errorf("exit %d, stdout %q, stderr %q; want 0 and nothing", r.Code, r.Stdout, r.Stderr)
		}
	})
	t.Run("unsupported file named explicitly", func(t *testing.T) {
		r := clitest.Run(t, clitest.Options{}, "segment", unsupported, good)
		if r.Code != 3 || !strings.Contains(r.Stderr, "old.xls") || !strings.Contains(r.Stderr, "unsupported") {
			t.Errorf("exit %d, stderr %q", r.Code, r.Stderr)
		}
	})
	t.Run("directory with an unsupported file", func(t *testing.T) {
		r := clitest.Run(t, clitest.Options{}, "segment", filepath.Join(dir, "tree"))
		if r.Code != 0 || !strings.Contains(r.Stdout, "稳中求进") || strings.Contains(r.Stderr, "old.xls") {
			t.Errorf("exit %d, stdout %q, stderr %q; want the .txt segmented and the .xls not taken", r.Code, r.Stdout, r.Stderr)
		}
	})
	t.Run("nonexistent path", func(t *testing.T) {
		r := clitest.Run(t, clitest.Options{}, "segment", missing, good)
		if r.Code != 3 || !strings.Contains(r.Stderr, "missing.txt") || !strings.Contains(r.Stdout, "高质量发展") {
			t.Errorf("exit %d, stderr %q, stdout %q", r.Code, r.Stderr, r.Stdout)
		}
	})
	t.Run("malformed user dictionary", func(t *testing.T) {
		dict := write("bad.dict", []byte("新质生产力 3000 n\n高质量发展 lots n\n"))
		r := clitest.Run(t, clitest.Options{}, "segment", "--dict", dict, good)
		if r.Code != 2 || !strings.Contains(r.Stderr, "bad.dict:2") {
			t.Errorf("exit %d, stderr %q; want 2 naming bad.dict:2", r.Code, r.Stderr)
		}
	})
	t.Run("user dictionary in Traditional", func(t *testing.T) {
		dict := write("user.dict", []byte("淨零排放 5000 n\n"))
		r := clitest.Run(t, clitest.Options{}, "segment", "--dict", dict, "testdata/sample/traditional_notice.txt")
		if r.Code != 0 || !strings.Contains(r.Stdout, " 淨零排放 ") {
			t.Errorf("exit %d; the user word was not kept whole: %.200s", r.Code, r.Stdout)
		}
	})
}

func TestStdin(t *testing.T) {
	r := clitest.Run(t, clitest.Options{Stdin: "市委常委會(huì)在醫(yī)藥高新區(qū)調(diào)研\n"}, "segment")
	if r.Code != 0 || strings.Contains(r.Stdout, "huì") || !strings.Contains(r.Stdout, "調研") {
		t.Errorf("exit %d, stdout %q, stderr %q", r.Code, r.Stdout, r.Stderr)
	}
	r = clitest.Run(t, clitest.Options{StdinTTY: true}, "segment")
	if r.Code != 2 || !strings.Contains(r.Stderr, "Usage:") {
		t.Errorf("no input on a terminal: exit %d, stderr %q; want help and 2", r.Code, r.Stderr)
	}
}

// --script shows the words of the text output in the script asked for,
// converted in context; the words and lines stay those of the document.
func TestScriptDisplay(t *testing.T) {
	own := clitest.Run(t, clitest.Options{}, "segment", "testdata/sample/traditional_notice.txt")
	simp := clitest.Run(t, clitest.Options{}, "--script", "s", "segment", "testdata/sample/traditional_notice.txt")
	if own.Code != 0 || simp.Code != 0 {
		t.Fatalf("exit %d, %d", own.Code, simp.Code)
	}
	if !strings.Contains(own.Stdout, "關於 推動") || !strings.Contains(simp.Stdout, "关于 推动") {
		t.Errorf("own script %.60q, --script s %.60q", own.Stdout, simp.Stdout)
	}
	if k := script.Detect(simp.Stdout).Kind; k != script.Simplified {
		t.Errorf("--script s output detected %v", k)
	}
	ow, sw := strings.Fields(own.Stdout), strings.Fields(simp.Stdout)
	if len(ow) != len(sw) || strings.Count(own.Stdout, "\n") != strings.Count(simp.Stdout, "\n") {
		t.Errorf("--script changed the words or lines: %d words vs %d", len(ow), len(sw))
	}
	for i := range ow {
		if utf8.RuneCountInString(ow[i]) != utf8.RuneCountInString(sw[i]) {
			t.Fatalf("word %d: %q shown as %q", i, ow[i], sw[i])
		}
	}
	trad := clitest.Run(t, clitest.Options{}, "--script", "t", "segment", "testdata/sample/municipal_report.txt")
	if !strings.Contains(trad.Stdout, "巡視整改") || script.Detect(trad.Stdout).Kind != script.Traditional {
		t.Errorf("--script t: %.100q", trad.Stdout)
	}
}
