package merge_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"zhpolicy/internal/clitest"
	"zhpolicy/internal/flagtest"
	"zhpolicy/pkg/cmd/merge"
)

func TestFlagParsing(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr string
		check   func(t *testing.T, o *merge.Options)
	}{
		{args: []string{"a.jsonl"}, check: func(t *testing.T, o *merge.Options) {
			if o.Top != -1 || o.Emit != "report" || o.MinCount != 1 || len(o.Paths) != 1 {
				t.Errorf("defaults: %+v", o)
			}
		}},
		{args: []string{"--top", "0", "--emit", "partial", "--min-count", "2", "a", "b", "-"}, check: func(t *testing.T, o *merge.Options) {
			if o.Top != 0 || o.Emit != "partial" || o.MinCount != 2 || len(o.Paths) != 3 {
				t.Errorf("parsed: %+v", o)
			}
		}},
		{args: []string{}, wantErr: "expected partial files"},
		{args: []string{"--top", "-1", "a"}, wantErr: "invalid --top"},
		{args: []string{"--emit", "x", "a"}, wantErr: "invalid --emit"},
		{args: []string{"--min-count", "0", "a"}, wantErr: "invalid --min-count"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, err := flagtest.Parse(t, merge.NewCmdMerge, nil, tt.args)
			if flagtest.Done(t, err, tt.wantErr) {
				return
			}
			tt.check(t, got)
		})
	}
}

// analyze partials of any split of the samples merge into the overview of
// one run over all of them (freq partials: see pkg/cmd/freq).
func TestAnalyzePartialsMergeToTheWhole(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(clitest.RepoRoot(t), "testdata", "sample", "*"))
	if err != nil || len(files) < 6 {
		t.Fatalf("samples: %v (%d)", err, len(files))
	}
	dir := t.TempDir()
	whole := map[string]string{}
	for _, format := range []string{"table", "json"} {
		whole[format] = clitest.MustRun(t, clitest.Options{}, "analyze", "--format", format, "testdata/sample")
	}
	wholePartial := clitest.MustRun(t, clitest.Options{}, "analyze", "--emit", "partial", "testdata/sample")
	for _, cuts := range [][]int{{1}, {2, 5}, {1, 3, 4, 6}} {
		var parts []string
		prev := 0
		for i, c := range append(cuts, len(files)) {
			p := filepath.Join(dir, string(rune('a'+i))+".jsonl")
			out := clitest.MustRun(t, clitest.Options{}, append([]string{"analyze", "--emit", "partial"}, files[prev:c]...)...)
			if err := os.WriteFile(p, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
			parts = append([]string{p}, parts...) // reversed
			prev = c
		}
		for format, want := range whole {
			if got := clitest.MustRun(t, clitest.Options{}, append([]string{"merge", "--format", format}, parts...)...); got != want {
				t.Errorf("split %v, %s: the merged overview differs from the whole:\n%s\nwant\n%s", cuts, format, got, want)
			}
		}
		if got := clitest.MustRun(t, clitest.Options{}, append([]string{"merge", "--emit", "partial"}, parts...)...); withoutParts(got) != withoutParts(wholePartial) {
			t.Errorf("split %v: the merged partial differs from the partial of the whole", cuts)
		}
		var cat strings.Builder
		for _, p := range parts {
			cat.Write(mustRead(t, p))
		}
		if got := clitest.MustRun(t, clitest.Options{Stdin: cat.String()}, "merge", "--format", "json", "-"); got != whole["json"] {
			t.Errorf("split %v: the concatenated partials merge differently", cuts)
		}
		for _, p := range parts {
			os.Remove(p)
		}
	}
}

func TestRefused(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	doc := "testdata/sample/municipal_report.txt"
	an := write("an.jsonl", clitest.MustRun(t, clitest.Options{}, "analyze", "--emit", "partial", doc))
	anHMM := write("hmm.jsonl", clitest.MustRun(t, clitest.Options{}, "analyze", "--emit", "partial", "--hmm", doc))
	fr := write("fr.jsonl", clitest.MustRun(t, clitest.Options{}, "freq", "--emit", "partial", doc))
	other := write("other.jsonl", clitest.MustRun(t, clitest.Options{}, "analyze", "--emit", "partial", "testdata/sample/city_plan.docx"))
	lines := strings.SplitAfter(clitest.MustRun(t, clitest.Options{}, "analyze", "--emit", "partial", doc), "\n")
	cut := write("cut.jsonl", strings.Join(lines[:len(lines)/2], ""))
	newer := write("newer.jsonl", strings.Replace(string(mustRead(t, an)), `"version":2`, `"version":7`, 1))
	// a partial of the same documents by a zhpolicy whose analyzers found
	// other things (another run: its parts differ)
	oldRules := write("rules.jsonl", strings.Replace(clitest.MustRun(t, clitest.Options{}, "analyze", "--emit", "partial", "testdata/sample/city_plan.docx"), `"rules":"analyze `, `"rules":"analyze 1`, 1))
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"two commands", []string{"merge", an, fr}, []string{"an.jsonl and", "fr.jsonl", "a partial of analyze and one of freq"}},
		{"the same partial twice", []string{"merge", an, an}, []string{"an.jsonl and", "counted twice"}},
		{"a merged partial with one of its inputs", []string{"merge", write("m.jsonl", clitest.MustRun(t, clitest.Options{}, "merge", "--emit", "partial", an, other)), an}, []string{"counted twice"}},
		{"different settings", []string{"merge", an, anHMM}, []string{"an.jsonl and", "hmm.jsonl", "different settings"}},
		{"cut short", []string{"merge", an, cut}, []string{"cut.jsonl", "cut short"}},
		{"other analyzer rules", []string{"merge", an, oldRules}, []string{"rules.jsonl", "different settings", "made by different zhpolicy versions"}},
		{"newer format", []string{"merge", newer}, []string{"newer.jsonl:1", "upgrade zhpolicy"}},
		{"stdin twice", []string{"merge", "-", "-"}, []string{"more than once"}},
		{"two commands in one file", []string{"merge", write("both.jsonl", string(mustRead(t, an))+string(mustRead(t, fr)))}, []string{"both.jsonl:", "a partial of analyze and one of freq"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := clitest.Run(t, clitest.Options{}, tt.args...)
			if r.Code != 2 || r.Stdout != "" {
				t.Errorf("exit %d, stdout %q; want 2 and nothing", r.Code, r.Stdout)
			}
			for _, s := range tt.want {
				if !strings.Contains(r.Stderr, s) {
					t.Errorf("stderr %q does not say %q", r.Stderr, s)
				}
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

// The keyword recipe over shards: each shard saves its background, merge
// adds them up to the background of the whole; each shard ranks against
// that sum (--corpus --emit partial) and merge adds the rankings up to the
// corpus ranking of one run against the whole's background.
func TestKeywordPartialsMergeToTheWhole(t *testing.T) {
	dir := t.TempDir()
	in := func(name string) string { return filepath.Join(dir, name) }
	const n = 3
	var bgs, ranks []string
	for i := 1; i <= n; i++ {
		shard := fmt.Sprintf("%d/%d", i, n)
		bgs = append(bgs, in(fmt.Sprintf("bg%d.jsonl", i)))
		clitest.MustRun(t, clitest.Options{}, "keywords", "--shard", shard, "--save-background", bgs[i-1], "testdata/sample")
	}
	sum := clitest.MustRun(t, clitest.Options{}, append([]string{"merge", "--emit", "partial"}, bgs...)...)
	whole := in("whole.jsonl")
	clitest.MustRun(t, clitest.Options{}, "keywords", "--save-background", whole, "testdata/sample")
	if withoutParts(sum) != withoutParts(string(mustRead(t, whole))) {
		t.Fatalf("the merged backgrounds differ from the background of the whole")
	}
	if err := os.WriteFile(in("sum.jsonl"), []byte(sum), 0o644); err != nil {
		t.Fatal(err)
	}
	for i := n; i >= 1; i-- { // in reverse order
		out := clitest.MustRun(t, clitest.Options{}, "keywords", "--corpus", "--emit", "partial", "--background", in("sum.jsonl"),
			"--shard", fmt.Sprintf("%d/%d", i, n), "testdata/sample")
		ranks = append(ranks, in(fmt.Sprintf("r%d.jsonl", i)))
		if err := os.WriteFile(ranks[len(ranks)-1], []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := clitest.MustRun(t, clitest.Options{}, append([]string{"merge", "--format", "csv", "--top", "0"}, ranks...)...)
	want := clitest.MustRun(t, clitest.Options{}, "keywords", "--corpus", "--format", "csv", "--top", "0", "--background", whole, "testdata/sample")
	var wantRows []string // the corpus sections: the per-document keyness needs the documents
	for _, l := range strings.SplitAfter(want, "\n") {
		if strings.HasPrefix(l, "section,") || strings.HasPrefix(l, "corpus,") || strings.HasPrefix(l, "names,") {
			wantRows = append(wantRows, l)
		}
	}
	if len(wantRows) < 20 || got != strings.Join(wantRows, "") {
		t.Errorf("merged rankings:\n%s\nwant (%d rows)\n%s", got, len(wantRows), strings.Join(wantRows, ""))
	}
	// rankings against different backgrounds are not added up
	other := clitest.MustRun(t, clitest.Options{}, "keywords", "--corpus", "--emit", "partial", "--shard", "1/3", "testdata/sample")
	if err := os.WriteFile(in("other.jsonl"), []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := clitest.Run(t, clitest.Options{}, "merge", ranks[1], in("other.jsonl")); r.Code != 2 || !strings.Contains(r.Stderr, "ranked differently") {
		t.Errorf("rankings against other backgrounds merged (exit %d): %s", r.Code, r.Stderr)
	}
}
