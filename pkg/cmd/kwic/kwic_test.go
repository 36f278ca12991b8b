package kwic_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"zhpolicy/internal/clitest"
	"zhpolicy/internal/flagtest"
	"zhpolicy/pkg/analysis/kwic"
	kwiccmd "zhpolicy/pkg/cmd/kwic"
	"zhpolicy/pkg/input"
)

func TestFlagParsing(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr string
		check   func(t *testing.T, o *kwiccmd.Options)
	}{
		{args: []string{"发展", "a.txt"}, check: func(t *testing.T, o *kwiccmd.Options) {
			if o.Term != "发展" || o.Window != 10 || o.Regex || o.Words || len(o.Paths) != 1 {
				t.Errorf("defaults: %+v", o)
			}
		}},
		{args: []string{"--window", "3", "--regex", "--words", "高质量(发展|建设)"}, check: func(t *testing.T, o *kwiccmd.Options) {
			if o.Term != "高质量(发展|建设)" || o.Window != 3 || !o.Regex || !o.Words || len(o.Paths) != 0 {
				t.Errorf("parsed: %+v", o)
			}
		}},
		{args: []string{}, wantErr: "expected a term"},
		{args: []string{"--window", "-1", "x"}, wantErr: "invalid --window"},
		{args: []string{"--regex", "发展(", "a.txt"}, wantErr: "invalid regular expression"},
		{args: []string{""}, wantErr: "empty term"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, err := flagtest.Parse(t, kwiccmd.NewCmdKwic, nil, tt.args)
			if flagtest.Done(t, err, tt.wantErr) {
				return
			}
			tt.check(t, got)
		})
	}
}

func TestGolden(t *testing.T) {
	tests := []struct {
		golden string
		tty    bool
		args   []string
	}{
		{"kwic/fazhan.txt", false, []string{"kwic", "发展", "testdata/sample"}},
		{"kwic/fazhan_tty.txt", true, []string{"kwic", "--window", "6", "發展", "testdata/sample"}},
		{"kwic/regex.csv", false, []string{"kwic", "--format", "csv", "--regex", "高质量(发展|建设)|数[字位]", "testdata/sample"}},
		{"kwic/words.jsonl", false, []string{"kwic", "--format", "jsonl", "--words", "--window", "5", "发展", "testdata/sample"}},
		{"kwic/script_s.md", false, []string{"kwic", "--format", "markdown", "--script", "s", "--window", "8", "行政院", "testdata/sample"}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			clitest.Golden(t, tt.golden, clitest.MustRun(t, clitest.Options{StdoutTTY: tt.tty}, tt.args...))
		})
	}
}

var pinyin = regexp.MustCompile(`\([a-zāáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜü]+\)`)

// Every hit points into the decoded input: its line, and its offsets, which
// cut the term back out of the file even where cleaning removed pinyin
// annotations.
func TestHitsPointIntoDecodedInput(t *testing.T) {
	out := clitest.MustRun(t, clitest.Options{}, "kwic", "--format", "json", "--window", "4", "發展", "testdata/sample")
	var rows []struct {
		File       string
		Line       int
		Start, End int
		Term       string
	}
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) < 20 {
		t.Fatalf("%d hits, want 20 or more", len(rows))
	}
	files := map[string]bool{}
	for _, r := range rows {
		files[r.File] = true
		doc, err := input.Read(input.Source{Path: filepath.Join(clitest.RepoRoot(t), r.File)}, input.Options{})
		if err != nil {
			t.Fatal(err)
		}
		// the span of a term whose characters were annotated with pinyin
		// covers the annotations too
		if span := pinyin.ReplaceAllString(doc.Text[r.Start:r.End], ""); span != r.Term {
			t.Errorf("%s: [%d,%d) is %q, not %q", r.File, r.Start, r.End, doc.Text[r.Start:r.End], r.Term)
		}
		if line := strings.Count(doc.Text[:r.Start], "\n") + 1; line != r.Line {
			t.Errorf("%s: hit at %d on line %d, reported %d", r.File, r.Start, line, r.Line)
		}
	}
	for _, f := range []string{"testdata/sample/pinyin_annotated.txt", "testdata/sample/traditional_notice.txt", "testdata/sample/municipal_report.txt", "testdata/sample/gbk_notice.txt", "testdata/sample/city_plan.docx"} {
		if !files[f] {
			t.Errorf("no hit in %s", f)
		}
	}
}

// On a terminal the terms line up: the left contexts of all hits end at
// the same display column, whatever mix of Chinese and ASCII they hold.
func TestAligned(t *testing.T) {
	out := clitest.MustRun(t, clitest.Options{}, "kwic", "--window", "7", "发展", "testdata/sample")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 20 {
		t.Fatalf("%d lines", len(lines))
	}
	col := -1
	for _, l := range lines {
		// the term is the first 发展 or 發展 after the context
		i := strings.Index(l, " 发展 ")
		if j := strings.Index(l, " 發展 "); i < 0 || j >= 0 && j < i {
			i = j
		}
		if i < 0 {
			t.Fatalf("no term in %q", l)
		}
		if c := kwic.Width(l[:i]); col < 0 {
			col = c
		} else if c != col {
			t.Errorf("term at column %d, want %d: %q", c, col, l)
		}
	}
}

func TestNoMatchAndBadInput(t *testing.T) {
	r := clitest.Run(t, clitest.Options{}, "kwic", "共同富裕示范区", "testdata/sample")
	if r.Code != 0 || r.Stdout != "" || !strings.Contains(r.Stderr, "no match") {
		t.Errorf("no match: exit %d, stdout %q, stderr %q", r.Code, r.Stdout, r.Stderr)
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(good, []byte("推动高质量发展。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = clitest.Run(t, clitest.Options{}, "kwic", "发展", filepath.Join(dir, "missing.txt"), good)
	if r.Code != 3 || !strings.Contains(r.Stderr, "missing.txt") || !strings.Contains(r.Stdout, "高质量 发展 。") {
		t.Errorf("missing input: exit %d, stdout %q, stderr %q", r.Code, r.Stdout, r.Stderr)
	}
	r = clitest.Run(t, clitest.Options{}, "kwic", "--regex", "(", good)
	if r.Code != 2 || !strings.Contains(r.Stderr, "invalid regular expression") {
		t.Errorf("bad regex: exit %d, stderr %q", r.Code, r.Stderr)
	}
}
