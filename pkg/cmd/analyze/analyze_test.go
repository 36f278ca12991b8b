package analyze_test

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"zhpolicy/internal/clitest"
	"zhpolicy/internal/flagtest"
	"zhpolicy/pkg/cmd/analyze"
)

func TestFlagParsing(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr string
		check   func(t *testing.T, o *analyze.Options)
	}{
		{args: []string{"a/"}, check: func(t *testing.T, o *analyze.Options) {
			if o.Top != 10 || o.Emit != "report" || o.Seg.HMM || len(o.Paths) != 1 {
				t.Errorf("defaults: %+v", o)
			}
		}},
		{args: []string{"--top", "0", "--hmm", "--emit", "partial", "--dict", "d.txt", "a", "b"}, check: func(t *testing.T, o *analyze.Options) {
			if o.Top != 0 || !o.Seg.HMM || o.Emit != "partial" || len(o.Seg.Dicts) != 1 || len(o.Paths) != 2 {
				t.Errorf("parsed: %+v", o)
			}
		}},
		{args: []string{"--top", "-2"}, wantErr: "invalid --top"},
		{args: []string{"--emit", "csv"}, wantErr: "invalid --emit"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, err := flagtest.Parse(t, analyze.NewCmdAnalyze, nil, tt.args)
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
		{"analyze/sample.txt", true, []string{"analyze", "testdata/sample"}},
		{"analyze/sample.json", false, []string{"analyze", "--format", "json", "testdata/sample"}},
		{"analyze/sample.md", false, []string{"analyze", "--format", "markdown", "--top", "5", "testdata/sample"}},
		{"analyze/sample.csv", false, []string{"analyze", "--format", "csv", "--top", "5", "testdata/sample"}},
		{"analyze/sample_s.jsonl", false, []string{"analyze", "--format", "jsonl", "--script", "s", "--top", "5", "testdata/sample"}},
		{"analyze/sample_partial.jsonl", false, []string{"analyze", "--emit", "partial", "testdata/sample"}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			clitest.Golden(t, tt.golden, clitest.MustRun(t, clitest.Options{StdoutTTY: tt.tty}, tt.args...))
		})
	}
}

func TestSameWhateverJobs(t *testing.T) {
	one := clitest.MustRun(t, clitest.Options{}, "analyze", "-j", "1", "--format", "json", "--top", "0", "testdata/sample")
	for _, j := range []string{"2", "4"} {
		if got := clitest.MustRun(t, clitest.Options{}, "analyze", "-j", j, "--format", "json", "--top", "0", "testdata/sample"); got != one {
			t.Errorf("-j %s differs from -j 1", j)
		}
	}
}

// The overview of the samples: what the README shows.
func TestSampleOverview(t *testing.T) {
	var r struct {
		Documents, Characters, Words int64
		Chinese                      int64 `json:"chinese_characters"`
		Scripts, Encodings, Formats  map[string]int64
		TopWords                     []struct{ Term string } `json:"top_words"`
		Keywords                     []struct{ Keyword string }
		Formulations                 []struct{ Formulation string }
		Entities                     []struct{ Entity string }
	}
	if err := json.Unmarshal([]byte(clitest.MustRun(t, clitest.Options{}, "analyze", "--format", "json", "testdata/sample")), &r); err != nil {
		t.Fatal(err)
	}
	if r.Documents != 7 || r.Scripts["traditional"] < 2 || r.Scripts["simplified"] < 3 || r.Encodings["gb18030"] != 1 || r.Encodings["big5"] != 1 || r.Formats["docx"] != 1 || r.Formats["html"] != 1 {
		t.Errorf("corpus: %+v", r)
	}
	if r.Characters <= r.Chinese || r.Chinese < 1500 || r.Words < 500 {
		t.Errorf("sizes: %d characters, %d Chinese, %d words", r.Characters, r.Chinese, r.Words)
	}
	if len(r.TopWords) != 10 || len(r.Keywords) != 10 || len(r.Formulations) != 10 || len(r.Entities) != 10 {
		t.Fatalf("sections: %d words, %d keywords, %d formulations, %d entities", len(r.TopWords), len(r.Keywords), len(r.Formulations), len(r.Entities))
	}
	for _, w := range r.TopWords {
		if len([]rune(w.Term)) < 2 {
			t.Errorf("top word %q has one character", w.Term)
		}
	}
	has := func(items []string, want string) bool {
		for _, s := range items {
			if s == want {
				return true
			}
		}
		return false
	}
	var forms, ents []string
	for _, f := range r.Formulations {
		forms = append(forms, f.Formulation)
	}
	for _, e := range r.Entities {
		ents = append(ents, e.Entity)
	}
	if !has(forms, "高质量发展") || !has(forms, "十五五") {
		t.Errorf("formulations: %v", forms)
	}
	if !has(ents, "习近平") {
		t.Errorf("entities: %v", ents)
	}
}

// In CSV every section shares one table: a top word's share is in the share
// column, a keyword's score in the score column, and a formulation says
// whether it is new as the formulations table does (the share once sat in
// score, and new was missing).
func TestFlatColumnsMeanOneThing(t *testing.T) {
	out := clitest.MustRun(t, clitest.Options{}, "analyze", "--format", "csv", "testdata/sample")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	for _, name := range []string{"section", "share", "score", "new"} {
		if _, ok := col[name]; !ok {
			t.Fatalf("no %s column: %v", name, rows[0])
		}
	}
	var words, keys, news int
	for _, r := range rows[1:] {
		switch r[col["section"]] {
		case "top_words":
			words++
			if share, err := strconv.ParseFloat(r[col["share"]], 64); err != nil || share <= 0 || share >= 1 || r[col["score"]] != "" {
				t.Errorf("top word row: share %q, score %q", r[col["share"]], r[col["score"]])
			}
		case "keywords":
			keys++
			if _, err := strconv.ParseFloat(r[col["score"]], 64); err != nil || r[col["share"]] != "" {
				t.Errorf("keyword row: share %q, score %q", r[col["share"]], r[col["score"]])
			}
		case "formulations":
			if r[col["new"]] == "new" {
				news++
			}
		}
	}
	if words != 10 || keys != 10 || news == 0 {
		t.Errorf("%d top words, %d keywords, %d formulations flagged new", words, keys, news)
	}
}

// TestKeywordsAsKeywordsRanks: analyze ranks a document's keywords as
// zhpolicy keywords does by default (issue 17, one default): the same
// terms, scores and order, names aside (analyze lists them as entities).
// Before session 14 the two cut differently (keywords with the HMM's new
// words, analyze without): without Options.NewWords 5 of the 7 sample
// documents differ.
func TestKeywordsAsKeywordsRanks(t *testing.T) {
	type row struct {
		Keyword string  `json:"keyword"`
		Score   float64 `json:"score"`
		Name    string  `json:"name"`
	}
	files, err := filepath.Glob(filepath.Join(clitest.RepoRoot(t), "testdata", "sample", "*"))
	if err != nil || len(files) < 5 {
		t.Fatalf("samples: %v %v", files, err)
	}
	for _, file := range files {
		var kws []row
		if err := json.Unmarshal([]byte(clitest.MustRun(t, clitest.Options{}, "keywords", "--format", "json", "--top", "0", file)), &kws); err != nil {
			t.Fatal(err)
		}
		var an struct {
			Keywords []row `json:"keywords"`
		}
		if err := json.Unmarshal([]byte(clitest.MustRun(t, clitest.Options{}, "analyze", "--format", "json", "--top", "0", file)), &an); err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, k := range kws {
			if k.Name == "" {
				want = append(want, k.Keyword+" "+strconv.FormatFloat(k.Score, 'f', 4, 64))
			}
		}
		var got []string
		for _, k := range an.Keywords {
			got = append(got, k.Keyword+" "+strconv.FormatFloat(k.Score, 'f', 4, 64))
		}
		if len(want) == 0 || strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: analyze's keywords\n%s\nzhpolicy keywords'\n%s", file, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestREADMEExample: the README's first example is `zhpolicy analyze
// testdata/sample/` with its output, which must be what the command prints
// today (the golden file TestGolden checks): a change of any analysis that
// alters the overview must bring the README along.
func TestREADMEExample(t *testing.T) {
	root := clitest.RepoRoot(t)
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	const cmd = "$ zhpolicy analyze testdata/sample/\n"
	s := string(readme)
	i := strings.Index(s, cmd)
	if i < 0 {
		t.Fatalf("README.md has no %q example", strings.TrimSpace(cmd))
	}
	s = s[i+len(cmd):]
	j := strings.Index(s, "```")
	if j < 0 {
		t.Fatal("README.md: the analyze example's block is not closed")
	}
	golden, err := os.ReadFile(filepath.Join(root, "testdata", "golden", "analyze", "sample.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if s[:j] != string(golden) {
		t.Errorf("README.md's analyze example differs from testdata/golden/analyze/sample.txt: copy the golden file into it")
	}
}
