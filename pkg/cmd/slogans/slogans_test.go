package slogans_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"zhpolicy/internal/clitest"
	"zhpolicy/internal/flagtest"
	goldenfile "zhpolicy/internal/golden"
	"zhpolicy/internal/testenv"
	"zhpolicy/pkg/cmd/slogans"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

func TestFlagParsing(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr string
		check   func(t *testing.T, o *slogans.Options)
	}{
		{args: []string{"a.txt"}, check: func(t *testing.T, o *slogans.Options) {
			if o.Corpus || o.Kinds != nil || o.MinCount != 1 || o.Top != 0 || o.Context || o.DateFromName != "" || o.MaxQuoted != 12 || len(o.Paths) != 1 {
				t.Errorf("defaults: %+v", o)
			}
		}},
		{args: []string{"--corpus", "--kind", "numbered,plan", "--kind", "parallel", "--min-count", "3", "--top", "5", "--new",
			"--lexicon", "a.yaml", "--lexicon", "b.txt", "--no-builtin", "--context", "--date-from-name", "--max-quoted", "16", "x", "y"},
			check: func(t *testing.T, o *slogans.Options) {
				if !o.Corpus || len(o.Kinds) != 3 || o.MinCount != 3 || o.Top != 5 || !o.NewOnly || len(o.Lexicons) != 2 || !o.NoBuiltin ||
					!o.Context || o.DateFromName != "auto" || o.MaxQuoted != 16 || len(o.Paths) != 2 {
					t.Errorf("parsed: %+v", o)
				}
			}},
		{args: []string{"--kind", "slogan"}, wantErr: `invalid --kind "slogan"`},
		{args: []string{"--min-count", "0"}, wantErr: "invalid --min-count"},
		{args: []string{"--top", "-1"}, wantErr: "invalid --top"},
		{args: []string{"--max-quoted", "1"}, wantErr: "invalid --max-quoted"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, err := flagtest.Parse(t, slogans.NewCmdSlogans, nil, tt.args)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				var fe *cmdutil.FlagError
				if !asFlagError(err, &fe) {
					t.Errorf("%v is not a usage error", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, got)
		})
	}
	if _, err := flagtest.Parse(t, slogans.NewCmdSlogans, nil, []string{"--format", "xml", "a.txt"}); err == nil || !strings.Contains(err.Error(), "invalid --format") {
		t.Errorf("--format xml: %v", err)
	}
}

func asFlagError(err error, fe **cmdutil.FlagError) bool {
	for err != nil {
		if e, ok := err.(*cmdutil.FlagError); ok {
			*fe = e
			return true
		}
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		err = u.Unwrap()
	}
	return false
}

var sharedSeg = sync.OnceValues(func() (*segment.Segmenter, error) {
	return segment.New(segment.Config{Fold: script.FoldIfTraditional})
})

type result struct {
	out, errOut string
	err         error
}

// run executes the slogans command in-process from the repository root.
func run(t *testing.T, global []string, args ...string) result {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	f := cmdutil.New(ios, "test")
	var pre []string
	for _, a := range global {
		if a == "-q" {
			ios.SetQuiet(true)
			continue
		}
		pre = append(pre, a)
	}
	args = append(pre, args...)
	sg, err := sharedSeg()
	if err != nil {
		t.Fatal(err)
	}
	f.UseSegmenter(sg)
	t.Chdir(clitest.RepoRoot(t))
	cmd := slogans.NewCmdSlogans(f, nil)
	cmd.SetArgs(args)
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	err = cmd.ExecuteContext(context.Background())
	return result{out: out.String(), errOut: errOut.String(), err: err}
}

func withFormat(name string) []string {
	return []string{"--format", name}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	goldenfile.Check(t, filepath.Join(clitest.RepoRoot(t), "testdata", "slogans", "golden", name), got)
}

const docs = "testdata/slogans/docs"

func TestGolden(t *testing.T) {
	tests := []struct {
		name   string
		global []string
		args   []string
	}{
		{"county.txt", nil, []string{docs + "/county_meeting.txt"}},
		{"county_context.md", withFormat("markdown"), []string{"--context", docs + "/county_meeting.txt"}},
		{"trad_auto.txt", nil, []string{docs + "/hk_trad_report.txt"}},
		{"trad_s.txt", []string{"--script", "s"}, []string{docs + "/hk_trad_report.txt"}},
		{"county_tw.csv", []string{"--script", "tw", "--format", "csv"}, []string{"--kind", "numbered,parallel", docs + "/county_meeting.txt"}},
		{"docs.jsonl", withFormat("jsonl"), []string{"--kind", "numbered", docs}},
		{"docs.json", withFormat("json"), []string{"--kind", "plan", docs}},
		{"corpus.txt", nil, []string{"--corpus", "--min-count", "2", docs}},
		{"corpus_new.tsv", withFormat("tsv"), []string{"--corpus", "--new", "--kind", "numbered,quoted", "--context", docs}},
		{"corpus.json", withFormat("json"), []string{"--corpus", "--kind", "numbered", "--top", "3", docs}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, tt.global, tt.args...)
			if r.err != nil {
				t.Fatalf("%v: %s", r.err, r.errOut)
			}
			golden(t, tt.name, r.out)
		})
	}
}

// TestPinyin: text with pinyin annotations gives the same formulations as
// the same text without them.
func TestPinyin(t *testing.T) {
	clean := strings.NewReplacer("(kāi)", "", "(dà)", "", "(dū)", "", "(tōng)", "", "(zhèn)", "", "(wèi)", "", "(guàn)", "",
		"(guī)", "", "(yì)", "", "(jiàn)", "", "(wéi)", "")
	raw, err := os.ReadFile(filepath.Join(clitest.RepoRoot(t), docs, "pinyin_notice.txt"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain.txt")
	if err := os.WriteFile(plain, []byte(clean.Replace(string(raw))), 0o644); err != nil {
		t.Fatal(err)
	}
	fields := func(out string) []string {
		var recs []map[string]any
		if err := json.Unmarshal([]byte(out), &recs); err != nil {
			t.Fatalf("%v in %s", err, out)
		}
		var keys []string
		for _, r := range recs {
			keys = append(keys, r["key"].(string)+"/"+r["kind"].(string))
			if c := r["count"].(float64); c < 1 {
				t.Errorf("count %v", c)
			}
		}
		return keys
	}
	a := run(t, withFormat("json"), docs+"/pinyin_notice.txt")
	b := run(t, withFormat("json"), plain)
	if a.err != nil || b.err != nil {
		t.Fatal(a.err, b.err)
	}
	ka, kb := fields(a.out), fields(b.out)
	if strings.Join(ka, " ") != strings.Join(kb, " ") || len(ka) < 8 {
		t.Errorf("annotated %v\nplain     %v", ka, kb)
	}
}

// TestFields: json and jsonl records carry the fields the issue asks for.
func TestFields(t *testing.T) {
	r := run(t, withFormat("jsonl"), "--kind", "parallel", docs+"/county_meeting.txt")
	if r.err != nil {
		t.Fatal(r.err)
	}
	lines := strings.Split(strings.TrimSpace(r.out), "\n")
	if len(lines) < 5 {
		t.Fatalf("%d lines", len(lines))
	}
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"text", "kind", "count", "docs", "file", "members", "start", "end"} {
			if _, ok := m[k]; !ok {
				t.Errorf("%s: no %q", l, k)
			}
		}
	}
	r = run(t, withFormat("json"), "--corpus", docs)
	var recs []map[string]any
	if err := json.Unmarshal([]byte(r.out), &recs); err != nil {
		t.Fatal(err)
	}
	for _, m := range recs {
		for _, k := range []string{"text", "kind", "count", "docs", "first", "last"} {
			if _, ok := m[k]; !ok {
				t.Errorf("corpus record without %q: %v", k, m)
			}
		}
		if _, ok := m["file"]; ok {
			t.Errorf("corpus record with a file: %v", m)
		}
	}
}

// TestDateOrder: --date-from-name orders documents by the date in their
// names, not alphabetically.
func TestDateOrder(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a_2021-03-05.txt", "推动“三个大抓”。")
	write("b_2019.txt", "落实“三个大抓”。")
	write("c_20200101.txt", "「三個大抓」。")
	for _, tc := range []struct {
		args        []string
		first, last string
	}{
		{[]string{"--corpus", "--date-from-name", dir}, "b_2019.txt", "a_2021-03-05.txt"},
		{[]string{"--corpus", dir}, "a_2021-03-05.txt", "c_20200101.txt"},
	} {
		r := run(t, withFormat("json"), tc.args...)
		var recs []map[string]any
		if err := json.Unmarshal([]byte(r.out), &recs); err != nil || len(recs) == 0 {
			t.Fatalf("%v: %s", err, r.out)
		}
		m := recs[0]
		if m["key"] != "三个大抓" || m["count"].(float64) != 3 || m["docs"].(float64) != 3 ||
			filepath.Base(m["first"].(string)) != tc.first || filepath.Base(m["last"].(string)) != tc.last {
			t.Errorf("%v: %v", tc.args, m)
		}
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("- {text: 三个大抓}\n- {text: 两个维护, kind: slogan}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, nil, "--lexicon", bad, docs+"/county_meeting.txt")
	if r.err == nil || !strings.Contains(r.err.Error(), "bad.yaml:2: unknown kind") {
		t.Errorf("bad lexicon: %v", r.err)
	}
	r = run(t, nil, "--lexicon", filepath.Join(dir, "missing.txt"), docs+"/county_meeting.txt")
	if r.err == nil || !strings.Contains(r.err.Error(), "--lexicon") || !strings.Contains(r.err.Error(), "missing.txt") {
		t.Errorf("missing lexicon: %v", r.err)
	}
	r = run(t, nil, docs+"/county_meeting.txt", filepath.Join(dir, "nope.txt"))
	if cmdutil.Skipped(r.err) == 0 || !strings.Contains(r.errOut, "nope.txt") {
		t.Errorf("missing input: %v, stderr %q", r.err, r.errOut)
	}
	if !strings.Contains(r.out, "三个大抓") {
		t.Errorf("the readable input was not reported: %s", r.out)
	}
}

// TestUserLexicon: a user formulation is no longer new, and its gloss shows
// in JSON.
func TestUserLexicon(t *testing.T) {
	dir := t.TempDir()
	lex := filepath.Join(dir, "mine.txt")
	if err := os.WriteFile(lex, []byte("三個大抓\tnumbered\t\t大抓发展、大抓项目、大抓落实\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args  []string
		isNew bool
	}{
		{[]string{"--kind", "numbered", docs + "/county_meeting.txt"}, true},
		{[]string{"--kind", "numbered", "--lexicon", lex, docs + "/county_meeting.txt"}, false},
	} {
		r := run(t, withFormat("json"), tc.args...)
		var recs []map[string]any
		if err := json.Unmarshal([]byte(r.out), &recs); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, m := range recs {
			if m["key"] == "三个大抓" {
				found = true
				if m["new"] != tc.isNew {
					t.Errorf("%v: new = %v", tc.args, m["new"])
				}
				if !tc.isNew && m["gloss"] != "大抓发展、大抓项目、大抓落实" {
					t.Errorf("gloss = %v", m["gloss"])
				}
			}
		}
		if !found {
			t.Errorf("%v: 三个大抓 not found", tc.args)
		}
	}
}

// TestGovernmentWorkReports runs the corpus mode over the national
// government work reports when ../shared is present.
func TestGovernmentWorkReports(t *testing.T) {
	dir := testenv.Shared(t, "corpus", "gwr")
	if testing.Short() {
		t.Skip("-short")
	}
	r := run(t, withFormat("json"), "--corpus", "--date-from-name", "--kind", "plan", dir+"/2016.txt", dir+"/2021.txt", dir+"/2025.txt")
	if r.err != nil {
		t.Fatal(r.err)
	}
	var recs []map[string]any
	if err := json.Unmarshal([]byte(r.out), &recs); err != nil {
		t.Fatal(err)
	}
	byKey := map[string]map[string]any{}
	for _, m := range recs {
		byKey[m["key"].(string)] = m
	}
	if m := byKey["十四五"]; m == nil || m["docs"].(float64) != 2 || filepath.Base(m["first"].(string)) != "2021.txt" {
		t.Errorf("十四五: %v", m)
	}
	if m := byKey["十三五"]; m == nil || filepath.Base(m["first"].(string)) != "2016.txt" {
		t.Errorf("十三五: %v", m)
	}
}

// TestBaseline: a document given as its own --baseline has no new
// formulation; --new shows only the new ones; the built-in baseline knows
// the formulations of the national reports (稳中求进 is no longer new), and
// --no-baseline leaves it out. Quoted and bare counts add up to count.
func TestBaseline(t *testing.T) {
	doc := docs + "/county_meeting.txt"
	count := func(args ...string) (all, isNew int, recs []map[string]any) {
		t.Helper()
		r := run(t, withFormat("json"), args...)
		if err := json.Unmarshal([]byte(r.out), &recs); err != nil {
			t.Fatal(err)
		}
		for _, m := range recs {
			all++
			if m["new"] == true {
				isNew++
			}
			if m["count"].(float64) != m["quoted"].(float64)+m["bare"].(float64) {
				t.Errorf("%v: count %v ≠ quoted %v + bare %v", m["key"], m["count"], m["quoted"], m["bare"])
			}
			if _, ok := m["novelty"].(map[string]any)["reason"]; !ok {
				t.Errorf("%v: no novelty reason", m["key"])
			}
		}
		return all, isNew, recs
	}
	all, isNew, _ := count(doc)
	if isNew == 0 || isNew == all {
		t.Fatalf("built-in baseline: %d of %d new; want some, not all", isNew, all)
	}
	_, noBase, _ := count("--no-baseline", doc)
	if noBase <= isNew {
		t.Errorf("--no-baseline: %d new, want more than %d", noBase, isNew)
	}
	if _, n, _ := count("--baseline", doc, doc); n != 0 {
		t.Errorf("document as its own baseline: %d new, want 0", n)
	}
	// a partial of the document as the baseline
	pp := filepath.Join(t.TempDir(), "base.jsonl")
	if err := os.WriteFile(pp, []byte(clitest.MustRun(t, clitest.Options{}, "slogans", "--corpus", "--emit", "partial", doc)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, n, _ := count("--baseline", pp, doc); n != 0 {
		t.Errorf("partial of the document as its baseline: %d new, want 0", n)
	}
	onlyNew, n, _ := count("--new", doc)
	if onlyNew != isNew || n != onlyNew {
		t.Errorf("--new: %d shown, %d new; want %d", onlyNew, n, isNew)
	}
	r := run(t, withFormat("json"), "--baseline", filepath.Join(t.TempDir(), "missing"), doc)
	if r.err == nil {
		t.Errorf("missing --baseline: no error")
	}
}

// TestPartialsMergeToTheWhole: partials of any split of the sample
// documents (and of --shard i/n), merged in any order, give the report of
// --corpus over all of them, and the partial of the whole but for its
// parts.
func TestPartialsMergeToTheWhole(t *testing.T) {
	// relative names, as the whole run names them
	files, err := filepath.Glob(filepath.Join("testdata", "sample", "*"))
	if err == nil && len(files) == 0 {
		abs, _ := filepath.Glob(filepath.Join(clitest.RepoRoot(t), "testdata", "sample", "*"))
		for _, a := range abs {
			files = append(files, filepath.Join("testdata", "sample", filepath.Base(a)))
		}
	}
	if err != nil || len(files) < 6 {
		t.Fatalf("samples: %v (%d)", err, len(files))
	}
	dir := t.TempDir()
	flags := []string{"--corpus", "--context", "--format", "json"}
	noParts := func(s string) string {
		i := strings.Index(s, `"parts":[`)
		j := strings.Index(s[i:], "]")
		return s[:i] + s[i+j:]
	}
	part := func(name string, args ...string) string {
		out := clitest.MustRun(t, clitest.Options{}, append([]string{"slogans", "--corpus", "--context", "--emit", "partial"}, args...)...)
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	whole := clitest.MustRun(t, clitest.Options{}, append(append([]string{"slogans"}, flags...), "testdata/sample")...)
	wholePartial := clitest.MustRun(t, clitest.Options{}, "slogans", "--corpus", "--context", "--emit", "partial", "testdata/sample")
	for _, cuts := range [][]int{{3}, {1, 5}, {2, 3, 6}} {
		var parts []string
		prev := 0
		for i, c := range append(cuts, len(files)) {
			parts = append(parts, part(fmt.Sprintf("p%d.jsonl", i), files[prev:c]...))
			prev = c
		}
		slices.Reverse(parts)
		if got := clitest.MustRun(t, clitest.Options{}, append([]string{"merge", "--top", "0", "--format", "json"}, parts...)...); got != whole {
			t.Errorf("split %v: merged report differs from the whole:\n%s\nwant\n%s", cuts, got, whole)
		}
		if got := clitest.MustRun(t, clitest.Options{}, append([]string{"merge", "--emit", "partial"}, parts...)...); noParts(got) != noParts(wholePartial) {
			t.Errorf("split %v: merged partial differs from the partial of the whole", cuts)
		}
		for _, p := range parts {
			os.Remove(p)
		}
	}
	var shards []string
	for i := 1; i <= 3; i++ {
		shards = append(shards, part(fmt.Sprintf("shard%d.jsonl", i), "--shard", fmt.Sprintf("%d/3", i), "testdata/sample"))
	}
	if got := clitest.MustRun(t, clitest.Options{}, append([]string{"merge", "--top", "0", "--format", "json"}, shards...)...); got != whole {
		t.Errorf("--shard i/3: merged report differs from the whole")
	}
	// partials made with other settings are refused
	other := part("other.jsonl", "--max-quoted", "20", "testdata/sample")
	if r := clitest.Run(t, clitest.Options{}, "merge", shards[0], other); r.Code == 0 || !strings.Contains(r.Stderr, "--max-quoted") {
		t.Errorf("merging partials of other settings: exit %d, %s", r.Code, r.Stderr)
	}
	if r := clitest.Run(t, clitest.Options{}, "slogans", "--emit", "partial", "testdata/sample"); r.Code == 0 || !strings.Contains(r.Stderr, "--corpus") {
		t.Errorf("--emit partial without --corpus: exit %d, %s", r.Code, r.Stderr)
	}
}
