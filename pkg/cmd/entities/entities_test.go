package entities_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"zhpolicy/internal/clitest"
	"zhpolicy/internal/flagtest"
	goldenfile "zhpolicy/internal/golden"
	"zhpolicy/pkg/cmd/entities"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

var (
	segOnce sync.Once
	seg     *segment.Segmenter
	segErr  error
)

type result struct {
	stdout, stderr string
	err            error
}

// run executes the entities command in-process with the global format and
// script given, from the repository root.
func run(t *testing.T, format, scr string, args ...string) result {
	t.Helper()
	segOnce.Do(func() { seg, segErr = segment.New(segment.Config{Fold: script.FoldIfTraditional}) })
	if segErr != nil {
		t.Fatal(segErr)
	}
	ios, _, out, errOut := iostreams.Test()
	f := cmdutil.New(ios, "test")
	f.UseSegmenter(seg)
	if format != "" {
		args = append([]string{"--format", format}, args...)
	}
	if scr != "" {
		args = append([]string{"--script", scr}, args...)
	}
	t.Chdir(clitest.RepoRoot(t))
	cmd := entities.NewCmdEntities(f, nil)
	cmd.SetArgs(args)
	cmd.SetOut(out)
	cmd.SetErr(errOut)
	err := cmd.Execute()
	return result{out.String(), errOut.String(), err}
}

func TestFlagParsing(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr string
		check   func(t *testing.T, o *entities.Options)
	}{
		{args: []string{"a.txt"}, check: func(t *testing.T, o *entities.Options) {
			if o.Corpus || o.Top != 0 || len(o.Types) != 0 || len(o.Gazetteers) != 0 || len(o.Paths) != 1 {
				t.Errorf("defaults: %+v", o)
			}
		}},
		{args: []string{"--type", "per,ORG", "--type", "loc", "--gazetteer", "a.txt", "--gazetteer", "b.txt", "--corpus", "--top", "5", "x", "y"},
			check: func(t *testing.T, o *entities.Options) {
				if !o.Corpus || o.Top != 5 || len(o.Types) != 3 || len(o.Gazetteers) != 2 || len(o.Paths) != 2 {
					t.Errorf("parsed: %+v", o)
				}
			}},
		{args: []string{"--type", "PERSON"}, wantErr: "invalid --type"},
		{args: []string{"--top", "-1"}, wantErr: "invalid --top"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, err := flagtest.Parse(t, entities.NewCmdEntities, nil, tt.args)
			if flagtest.Done(t, err, tt.wantErr) {
				return
			}
			tt.check(t, got)
		})
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	goldenfile.Check(t, filepath.Join(clitest.RepoRoot(t), "testdata", "entities", "golden", name), got)
}

func TestGoldenOutput(t *testing.T) {
	tests := []struct {
		name   string
		format string
		script string
		args   []string
	}{
		{"municipal_meeting.table", "table", "auto", []string{"testdata/entities/municipal_meeting.txt"}},
		{"municipal_meeting.jsonl", "jsonl", "auto", []string{"testdata/entities/municipal_meeting.txt"}},
		{"municipal_meeting_trad.table", "table", "auto", []string{"testdata/entities/municipal_meeting_trad.txt"}},
		{"municipal_meeting_trad.s.csv", "csv", "s", []string{"testdata/entities/municipal_meeting_trad.txt"}},
		{"corpus.table", "table", "auto", []string{"--corpus", "--type", "PER,ORG,LOC", "testdata/entities/municipal_meeting.txt",
			"testdata/entities/provincial_notice.txt", "testdata/entities/central_report.txt"}},
		{"corpus.tw.json", "json", "tw", []string{"--corpus", "--top", "5", "testdata/entities/provincial_notice.txt", "testdata/entities/central_report.txt"}},
		{"central_report.markdown", "markdown", "auto", []string{"--type", "MEETING,DOC,DATE,MONEY,PERCENT", "testdata/entities/central_report.txt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, tt.format, tt.script, tt.args...)
			if r.err != nil {
				t.Fatalf("%v: %s", r.err, r.stderr)
			}
			golden(t, tt.name, r.stdout)
		})
	}
}

type entityLine struct {
	File     string `json:"file"`
	Text     string `json:"text"`
	Key      string `json:"key"`
	Type     string `json:"type"`
	Count    int    `json:"count"`
	Titles   []string
	Mentions []struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Text  string `json:"text"`
		Title string `json:"title"`
	} `json:"mentions"`
}

func jsonl(t *testing.T, out string) []entityLine {
	t.Helper()
	var es []entityLine
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l == "" {
			continue
		}
		var e entityLine
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		es = append(es, e)
	}
	return es
}

// TestMentionOffsets checks that every mention's offsets point at its text
// in the input file, and that titles are attached to people.
func TestMentionOffsets(t *testing.T) {
	path := "testdata/entities/municipal_meeting.txt"
	r := run(t, "jsonl", "auto", path)
	if r.err != nil {
		t.Fatal(r.err)
	}
	src, err := os.ReadFile(filepath.Join(clitest.RepoRoot(t), path))
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string][]string{}
	for _, e := range jsonl(t, r.stdout) {
		for _, m := range e.Mentions {
			if got := string(src[m.Start:m.End]); got != m.Text {
				t.Errorf("%s %s: offsets %d:%d give %q", e.Type, e.Text, m.Start, m.End, got)
			}
		}
		if e.Type == "PER" {
			titles[e.Key] = e.Titles
		}
	}
	want := map[string][]string{"姜冬冬": {"市委书记"}, "李强": {"国务院总理", "总理"}, "王立新": {"市长"}, "陈卫东": {"省委巡视组组长"}}
	for k, w := range want {
		if fmt.Sprint(titles[k]) != fmt.Sprint(w) {
			t.Errorf("titles of %s = %v, want %v", k, titles[k], w)
		}
	}
}

// TestScripts checks that a Traditional document and a pinyin-annotated
// one give the entities of the clean Simplified one, displayed in their own
// script, with offsets into their own text.
func TestScripts(t *testing.T) {
	summary := func(path string) (map[string]int, []entityLine) {
		r := run(t, "jsonl", "auto", path)
		if r.err != nil {
			t.Fatalf("%s: %v %s", path, r.err, r.stderr)
		}
		m := map[string]int{}
		es := jsonl(t, r.stdout)
		for _, e := range es {
			m[e.Type+" "+e.Key] = e.Count
		}
		return m, es
	}
	clean, _ := summary("testdata/entities/municipal_meeting.txt")
	for _, name := range []string{"municipal_meeting_trad.txt", "municipal_meeting_pinyin.txt"} {
		got, es := summary("testdata/entities/" + name)
		if fmt.Sprint(sorted(got)) != fmt.Sprint(sorted(clean)) {
			t.Errorf("%s: entities differ from the clean document:\n got  %v\n want %v", name, sorted(got), sorted(clean))
		}
		src, err := os.ReadFile(filepath.Join(clitest.RepoRoot(t), "testdata", "entities", name))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range es {
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > len(src) || m.Start >= m.End {
					t.Errorf("%s: %s: bad offsets %d:%d", name, e.Text, m.Start, m.End)
				}
			}
		}
		if name == "municipal_meeting_trad.txt" {
			shown := map[string]bool{}
			for _, e := range es {
				shown[e.Text] = true
			}
			for _, w := range []string{"國務院", "劉建國", "泰州邁博太科藥業有限公司", "省委巡視組"} {
				if !shown[w] {
					t.Errorf("%s: %s not shown in the document's script", name, w)
				}
			}
		}
	}
}

func sorted(m map[string]int) []string {
	var out []string
	for k, v := range m {
		out = append(out, fmt.Sprintf("%s=%d", k, v))
	}
	sort.Strings(out)
	return out
}

// TestGold measures precision and recall per type against the hand-written
// gold of the sample documents (a mention matches one of the same type and
// text; counts matter).
func TestGold(t *testing.T) {
	golds, err := filepath.Glob(filepath.Join(clitest.RepoRoot(t), "testdata", "entities", "*.gold.tsv"))
	if err != nil || len(golds) < 3 {
		t.Fatalf("gold files: %v (%d)", err, len(golds))
	}
	type cnt struct{ gold, pred, tp int }
	per := map[string]*cnt{}
	get := func(ty string) *cnt {
		if per[ty] == nil {
			per[ty] = &cnt{}
		}
		return per[ty]
	}
	for _, g := range golds {
		doc := strings.TrimSuffix(filepath.Base(g), ".gold.tsv") + ".txt"
		want := readGold(t, g)
		r := run(t, "jsonl", "s", filepath.Join("testdata", "entities", doc))
		if r.err != nil {
			t.Fatal(r.err)
		}
		got := map[string]int{}
		for _, e := range jsonl(t, r.stdout) {
			got[e.Type+"\t"+e.Key] += e.Count
		}
		for k, n := range want {
			ty := strings.SplitN(k, "\t", 2)[0]
			get(ty).gold += n
			get(ty).tp += min(n, got[k])
			if got[k] < n {
				t.Logf("%s: missed %s ×%d", doc, k, n-got[k])
			}
		}
		for k, n := range got {
			ty := strings.SplitN(k, "\t", 2)[0]
			get(ty).pred += n
			if n > want[k] {
				t.Logf("%s: extra %s ×%d", doc, k, n-want[k])
			}
		}
	}
	types := []string{"PER", "ORG", "LOC", "DATE", "DOC", "MEETING", "TITLE", "MONEY", "PERCENT"}
	for _, ty := range types {
		c := get(ty)
		if c.gold == 0 {
			t.Errorf("%s: no gold mentions; the gold must cover every type", ty)
			continue
		}
		p, r := float64(c.tp)/float64(max(c.pred, 1)), float64(c.tp)/float64(c.gold)
		t.Logf("%-8s gold %3d predicted %3d  P %.3f  R %.3f", ty, c.gold, c.pred, p, r)
		if p < 0.85 || r < 0.85 {
			t.Errorf("%s: precision %.3f, recall %.3f; want both ≥ 0.85", ty, p, r)
		}
	}
}

func readGold(t *testing.T, path string) map[string]int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m := map[string]int{}
	sc := bufio.NewScanner(f)
	ln := 0
	for sc.Scan() {
		ln++
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		ty, text, ok := strings.Cut(l, "\t")
		if !ok {
			t.Fatalf("%s:%d: want TYPE<TAB>text", path, ln)
		}
		m[ty+"\t"+text]++
	}
	return m
}

func TestGazetteerFlag(t *testing.T) {
	dir := t.TempDir()
	gz := filepath.Join(dir, "names.txt")
	if err := os.WriteFile(gz, []byte("# mine\n迈博太科 ORG\n巡视整改 MEETING\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, "jsonl", "s", "--gazetteer", gz, "--type", "ORG,MEETING", "testdata/entities/municipal_meeting.txt")
	if r.err != nil {
		t.Fatal(r.err, r.stderr)
	}
	found := map[string]bool{}
	for _, e := range jsonl(t, r.stdout) {
		found[e.Type+" "+e.Key] = true
		if e.Type != "ORG" && e.Type != "MEETING" {
			t.Errorf("--type ORG,MEETING let %s %s through", e.Type, e.Key)
		}
	}
	if !found["MEETING 巡视整改"] {
		t.Errorf("user entry 巡视整改 MEETING not found: %v", found)
	}
	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(bad, []byte("迈博太科 ORG\n只有名字\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = run(t, "jsonl", "s", "--gazetteer", bad, "testdata/entities/municipal_meeting.txt")
	if r.err == nil || !strings.Contains(r.err.Error(), "bad.txt:2") {
		t.Errorf("bad gazetteer: err = %v, want the file and line", r.err)
	}
	r = run(t, "jsonl", "s", "--gazetteer", filepath.Join(dir, "missing.txt"), "testdata/entities/municipal_meeting.txt")
	if r.err == nil || !strings.Contains(r.err.Error(), "missing.txt") {
		t.Errorf("missing gazetteer: err = %v", r.err)
	}
}
