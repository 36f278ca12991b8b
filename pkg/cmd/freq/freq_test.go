package freq_test

import (
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"zhpolicy/internal/clitest"
	"zhpolicy/internal/flagtest"
	"zhpolicy/pkg/cmd/freq"
	"zhpolicy/pkg/script"
)

func TestFlagParsing(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr string
		check   func(t *testing.T, o *freq.Options)
	}{
		{args: []string{"a.txt"}, check: func(t *testing.T, o *freq.Options) {
			c := o.Count
			if o.Top != 20 || o.MinCount != 1 || o.By != "" || o.Emit != "report" || c.Ngram != 1 || c.Chars || c.MinLen != 1 || c.Han || len(o.Paths) != 1 {
				t.Errorf("defaults: %+v", o)
			}
		}},
		{args: []string{"--top", "0", "--min-count", "3", "--ngram", "2", "--min-len", "2", "--han", "--pos", "n,vn", "--stopwords", "builtin", "--stopwords", "mine.txt", "--by", "doc", "x", "y"},
			check: func(t *testing.T, o *freq.Options) {
				c := o.Count
				if o.Top != 0 || o.MinCount != 3 || c.Ngram != 2 || c.MinLen != 2 || !c.Han || len(c.POS) != 2 || len(c.Stopwords) != 2 || o.By != "doc" || len(o.Paths) != 2 {
					t.Errorf("parsed: %+v", o)
				}
			}},
		{args: []string{"--chars", "--emit", "partial"}, check: func(t *testing.T, o *freq.Options) {
			if !o.Count.Chars || o.Emit != "partial" {
				t.Errorf("parsed: %+v", o)
			}
		}},
		{args: []string{"--top", "-1"}, wantErr: "invalid --top"},
		{args: []string{"--min-count", "0"}, wantErr: "invalid --min-count"},
		{args: []string{"--ngram", "0"}, wantErr: "invalid --ngram"},
		{args: []string{"--ngram", "9"}, wantErr: "invalid --ngram"},
		{args: []string{"--min-len", "0"}, wantErr: "invalid --min-len"},
		{args: []string{"--chars", "--pos", "n"}, wantErr: "--pos cannot be used with --chars"},
		{args: []string{"--chars", "--min-len", "2"}, wantErr: "--min-len cannot be used with --chars"},
		{args: []string{"--pos", "N!"}, wantErr: "invalid --pos"},
		{args: []string{"--pos", "zz"}, wantErr: "invalid --pos"}, // not a tag the segmenter gives
		{args: []string{"--pos", "zz*"}, wantErr: "invalid --pos"},
		{args: []string{"--by", "file"}, wantErr: "invalid --by"},
		{args: []string{"--emit", "json"}, wantErr: "invalid --emit"},
		{args: []string{"--emit", "partial", "--by", "doc"}, wantErr: "--by doc cannot be emitted as a partial"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, err := flagtest.Parse(t, freq.NewCmdFreq, nil, tt.args)
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
		{"freq/sample.txt", false, []string{"freq", "testdata/sample"}},
		{"freq/sample_tty.txt", true, []string{"freq", "--top", "15", "testdata/sample"}},
		{"freq/sample_words.md", false, []string{"freq", "--format", "markdown", "--min-len", "2", "--han", "--stopwords", "builtin", "testdata/sample"}},
		{"freq/sample_bigrams.tsv", false, []string{"freq", "--format", "tsv", "--ngram", "2", "--han", "--top", "15", "testdata/sample"}},
		{"freq/sample_pos.csv", false, []string{"freq", "--format", "csv", "--pos", "n,ns,nt,nz", "--min-count", "2", "--top", "0", "testdata/sample"}},
		{"freq/sample_chars.json", false, []string{"freq", "--format", "json", "--chars", "--top", "10", "testdata/sample"}},
		{"freq/sample_chars_s.jsonl", false, []string{"freq", "--format", "jsonl", "--chars", "--script", "s", "--top", "10", "testdata/sample"}},
		{"freq/sample_tw.txt", false, []string{"freq", "--script", "tw", "--han", "--min-len", "2", "--top", "10", "testdata/sample"}},
		{"freq/sample_by_doc.csv", false, []string{"freq", "--by", "doc", "--format", "csv", "--han", "--min-len", "2", "--top", "12", "testdata/sample"}},
		{"freq/sample_by_doc.jsonl", false, []string{"freq", "--by", "doc", "--format", "jsonl", "--han", "--min-len", "2", "--top", "5", "testdata/sample"}},
		{"freq/sample_partial.jsonl", false, []string{"freq", "--emit", "partial", "--han", "--min-len", "2", "testdata/sample"}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			clitest.Golden(t, tt.golden, clitest.MustRun(t, clitest.Options{StdoutTTY: tt.tty}, tt.args...))
		})
	}
}

// The counts of a Traditional document and of its conversion to Simplified
// are the same table.
func TestTraditionalAndSimplifiedFoldToTheSameTable(t *testing.T) {
	root := clitest.RepoRoot(t)
	trad, err := os.ReadFile(filepath.Join(root, "testdata", "sample", "traditional_notice.txt"))
	if err != nil {
		t.Fatal(err)
	}
	conv, err := script.NewConverter("t2s")
	if err != nil {
		t.Fatal(err)
	}
	simp := conv.Convert(string(trad))
	if simp == string(trad) || !strings.Contains(simp, "发展") {
		t.Fatalf("the conversion did nothing: %.100s", simp)
	}
	dir := t.TempDir()
	tp, sp := filepath.Join(dir, "notice.txt"), filepath.Join(dir, "notice_s.txt")
	if err := os.WriteFile(tp, trad, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(sp, []byte(simp), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"--top", "0", "--script", "s"},
		{"--top", "0", "--script", "s", "--format", "csv", "--ngram", "2"},
		{"--top", "0", "--script", "s", "--format", "json", "--chars"},
		{"--top", "0", "--script", "tw", "--han", "--min-len", "2"},
	} {
		a := clitest.MustRun(t, clitest.Options{}, append(append([]string{"freq"}, args...), tp)...)
		b := clitest.MustRun(t, clitest.Options{}, append(append([]string{"freq"}, args...), sp)...)
		if a != b {
			t.Errorf("freq %s: the Traditional document and its Simplified conversion count differently:\n%s\n%s", strings.Join(args, " "), a, b)
		}
		if strings.Count(a, "\n") < 20 {
			t.Errorf("freq %s: too little output: %s", strings.Join(args, " "), a)
		}
	}
	// shown as written: the Traditional document keeps its forms
	a := clitest.MustRun(t, clitest.Options{}, "freq", "--top", "5", "--han", "--min-len", "2", tp)
	if !strings.Contains(a, "數位") || strings.Contains(a, "数位") {
		t.Errorf("--script auto should show the Traditional forms:\n%s", a)
	}
}

// Results are identical whatever the number of workers.
func TestSameWhateverJobs(t *testing.T) {
	for _, args := range [][]string{
		{"freq", "--top", "0", "testdata/sample"},
		{"freq", "--by", "doc", "--format", "csv", "--top", "30", "testdata/sample"},
		{"freq", "--emit", "partial", "--ngram", "2", "testdata/sample"},
	} {
		one := clitest.MustRun(t, clitest.Options{}, append([]string{"-j", "1"}, args...)...)
		for _, j := range []string{"2", "5"} {
			if got := clitest.MustRun(t, clitest.Options{}, append([]string{"-j", j}, args...)...); got != one {
				t.Errorf("%s: -j %s differs from -j 1", strings.Join(args, " "), j)
			}
		}
	}
}

// Partials of any split of the sample, merged in any order, give the report
// and the partial of one run over all of it.
func TestPartialsMergeToTheWhole(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(clitest.RepoRoot(t), "testdata", "sample", "*"))
	if err != nil || len(files) < 6 {
		t.Fatalf("samples: %v (%d)", err, len(files))
	}
	dir := t.TempDir()
	flags := []string{"--ngram", "2"}
	part := func(name string, docs []string, gz bool) string {
		out := clitest.MustRun(t, clitest.Options{}, append(append([]string{"freq", "--emit", "partial"}, flags...), docs...)...)
		p := filepath.Join(dir, name)
		if gz {
			p += ".gz"
			fh, err := os.Create(p)
			if err != nil {
				t.Fatal(err)
			}
			zw := gzip.NewWriter(fh)
			zw.Write([]byte(out))
			zw.Close()
			fh.Close()
			return p
		}
		if err := os.WriteFile(p, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	wholeReport := clitest.MustRun(t, clitest.Options{}, append(append([]string{"freq", "--top", "0"}, flags...), "testdata/sample")...)
	wholePartial := clitest.MustRun(t, clitest.Options{}, append(append([]string{"freq", "--emit", "partial"}, flags...), "testdata/sample")...)
	splits := [][]int{{3}, {1, 5}, {2, 3, 6}, {1, 2, 3, 4, 5, 6}}
	for _, cuts := range splits {
		var parts []string
		prev := 0
		for i, c := range append(cuts, len(files)) {
			parts = append(parts, part(fmt.Sprintf("p%d.jsonl", i), files[prev:c], i%2 == 1))
			prev = c
		}
		// reversed order
		rev := make([]string, len(parts))
		for i, p := range parts {
			rev[len(parts)-1-i] = p
		}
		if got := clitest.MustRun(t, clitest.Options{}, append([]string{"merge", "--top", "0"}, rev...)...); got != wholeReport {
			t.Errorf("split %v: merged report differs from the whole:\n%s\nwant\n%s", cuts, got, wholeReport)
		}
		if got := clitest.MustRun(t, clitest.Options{}, append([]string{"merge", "--emit", "partial"}, parts...)...); withoutParts(got) != withoutParts(wholePartial) {
			t.Errorf("split %v: merged partial differs from the partial of the whole", cuts)
		}
		// merging a directory of partials
		if got := clitest.MustRun(t, clitest.Options{}, "merge", "--top", "0", dir); got != wholeReport {
			t.Errorf("split %v: merging the directory differs from the whole", cuts)
		}
		for _, p := range parts {
			os.Remove(p)
		}
	}
	// shards of one listing, each taking its share by --shard i/n
	for _, n := range []int{2, 3, 5} {
		var shards []string
		for i := 1; i <= n; i++ {
			out := clitest.MustRun(t, clitest.Options{}, append(append([]string{"freq", "--emit", "partial", "--shard", fmt.Sprintf("%d/%d", i, n)}, flags...), "testdata/sample")...)
			p := filepath.Join(dir, fmt.Sprintf("shard%d.jsonl", i))
			if err := os.WriteFile(p, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
			shards = append(shards, p)
		}
		if got := clitest.MustRun(t, clitest.Options{}, append([]string{"merge", "--top", "0"}, shards...)...); got != wholeReport {
			t.Errorf("--shard i/%d: merged report differs from the whole", n)
		}
		for _, p := range shards {
			os.Remove(p)
		}
	}
	// a partial from standard input, with another file
	a := part("a.jsonl", files[:2], false)
	b := clitest.MustRun(t, clitest.Options{}, append(append([]string{"freq", "--emit", "partial"}, flags...), files[2:]...)...)
	if got := clitest.MustRun(t, clitest.Options{Stdin: b}, "merge", "--top", "0", a, "-"); got != wholeReport {
		t.Errorf("merge with standard input differs from the whole")
	}
	// partials one after the other in one stream (cat, or xargs running
	// freq more than once)
	ab := string(mustRead(t, a)) + b
	if got := clitest.MustRun(t, clitest.Options{Stdin: ab}, "merge", "--top", "0", "-"); got != wholeReport {
		t.Errorf("merging concatenated partials differs from the whole")
	}
	if got := clitest.MustRun(t, clitest.Options{Stdin: ab}, "merge", "--emit", "partial", "-"); withoutParts(got) != withoutParts(wholePartial) {
		t.Errorf("the merged partial of concatenated partials differs from the whole")
	}
}

// Progress goes to stderr only when it is a terminal, and not with -q.
func TestProgress(t *testing.T) {
	tests := []struct {
		name  string
		opts  clitest.Options
		args  []string
		shown bool
	}{
		{"terminal", clitest.Options{StderrTTY: true, ProgressMin: 1}, nil, true},
		{"terminal, quiet", clitest.Options{StderrTTY: true, ProgressMin: 1}, []string{"-q"}, false},
		{"not a terminal", clitest.Options{ProgressMin: 1}, nil, false},
		{"too small to bother", clitest.Options{StderrTTY: true}, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := clitest.Run(t, tt.opts, append(append([]string{"freq"}, tt.args...), "testdata/sample")...)
			if r.Code != 0 {
				t.Fatalf("exit %d: %s", r.Code, r.Stderr)
			}
			shown := strings.Contains(r.Stderr, "freq 1/7 documents")
			erased := strings.HasSuffix(strings.TrimRight(r.Stderr, " \r"), "]") && strings.HasSuffix(r.Stderr, " \r")
			if shown != tt.shown || tt.shown && !erased {
				t.Errorf("stderr %q: progress shown %v, want %v (and erased at the end)", r.Stderr, shown, tt.shown)
			}
			if strings.Contains(r.Stdout, "documents (") {
				t.Error("progress on stdout")
			}
		})
	}
}

// withoutParts is a partial without its list of parts: a merged partial
// holds the IDs of the runs merged, the whole one the ID of its run.
func withoutParts(s string) string {
	return regexp.MustCompile(`"parts":\[[^\]]*\],`).ReplaceAllString(s, "")
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", "推动高质量发展。\n")
	partial := clitest.MustRun(t, clitest.Options{}, "freq", "--emit", "partial", good)
	lines := strings.SplitAfter(partial, "\n")
	truncated := write("cut.jsonl", strings.Join(lines[:len(lines)-2], ""))
	ngram := write("ngram.jsonl", clitest.MustRun(t, clitest.Options{}, "freq", "--emit", "partial", "--ngram", "2", good))
	full := write("full.jsonl", partial)
	notPartial := write("doc.jsonl", "推动高质量发展\n")

	tests := []struct {
		name   string
		args   []string
		code   int
		stderr []string
		stdout string
	}{
		{"missing input counted around", []string{"freq", filepath.Join(dir, "missing.txt"), good}, 3, []string{"missing.txt"}, "高质量"},
		{"missing stopword file", []string{"freq", "--stopwords", filepath.Join(dir, "nope.txt"), good}, 2, []string{"--stopwords", "nope.txt"}, ""},
		{"truncated partial", []string{"merge", full, truncated}, 2, []string{"cut.jsonl", "cut short"}, ""},
		{"partials counted differently", []string{"merge", full, ngram}, 2, []string{"ngram.jsonl", "--ngram 1 vs 2"}, ""},
		{"not a partial", []string{"merge", notPartial}, 2, []string{"doc.jsonl:1: not a zhpolicy partial"}, ""},
		{"missing partial", []string{"merge", filepath.Join(dir, "none.jsonl")}, 2, []string{"none.jsonl"}, ""},
		{"empty directory", []string{"merge", t.TempDir()}, 2, []string{"no .jsonl"}, ""},
		{"no arguments", []string{"merge"}, 2, []string{"expected partial files"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := clitest.Run(t, clitest.Options{}, tt.args...)
			if r.Code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", r.Code, tt.code, r.Stderr)
			}
			for _, s := range tt.stderr {
				if !strings.Contains(r.Stderr, s) {
					t.Errorf("stderr %q does not name %q", r.Stderr, s)
				}
			}
			if !strings.Contains(r.Stdout, tt.stdout) {
				t.Errorf("stdout %q, want %q in it", r.Stdout, tt.stdout)
			}
		})
	}
}

// --by year: attention over time, from the dates the documents give (their
// 成文日期), a --meta CSV or their file names; the counts of the years add up
// to the corpus counts.
func TestByYear(t *testing.T) {
	dir := t.TempDir()
	docs := map[string]string{
		"a.txt":           "关于推动高质量发展的通知\n推动高质量发展。\n2023年5月4日\n",
		"b.txt":           "关于推动高质量发展的意见\n推动高质量发展，推动改革。\n二〇二四年三月一日\n",
		"report_2022.txt": "推动改革。\n",
		"undated.txt":     "推动改革。\n",
	}
	for n, text := range docs {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := clitest.MustRun(t, clitest.Options{}, "freq", "--by", "year", "--format", "csv", "--top", "0", "--han", "--min-len", "2", dir)
	for _, row := range []string{"2022,改革,1,1,", "2023,高质量发展,2,1,", "2024,推动,3,1,", "undated,改革,1,1,"} {
		if !strings.Contains(out, row) {
			t.Errorf("no row %q in\n%s", row, out)
		}
	}
	meta := filepath.Join(dir, "meta.csv")
	os.WriteFile(meta, []byte("file,year\nundated.txt,2019\n"), 0o644)
	out = clitest.MustRun(t, clitest.Options{}, "freq", "--by", "year", "--meta", meta, "--format", "csv", "--top", "0", "--han", "--min-len", "2", dir)
	if !strings.Contains(out, "2019,改革,1,1,") || strings.Contains(out, "undated") {
		t.Errorf("--meta does not date the document:\n%s", out)
	}
}
