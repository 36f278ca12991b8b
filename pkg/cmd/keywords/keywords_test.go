package keywords_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"zhpolicy/internal/clitest"
	"zhpolicy/internal/flagtest"
	goldenfile "zhpolicy/internal/golden"
	"zhpolicy/internal/testenv"
	"zhpolicy/pkg/cmd/keywords"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

func TestFlagParsing(t *testing.T) {
	tests := []struct {
		args    []string
		format  string
		wantErr string
		check   func(t *testing.T, o *keywords.Options)
	}{
		{args: []string{"a.txt"}, check: func(t *testing.T, o *keywords.Options) {
			if o.Top != 20 || o.Method != "tfidf" || o.IDF != "builtin" || o.MinLen != 2 || !o.Phrases ||
				o.Seg.HMM || o.NewWords != keywords.DefaultNewWords || o.Corpus || len(o.POS) != 0 || len(o.Stopwords) != 0 || !slices.Equal(o.Paths, []string{"a.txt"}) ||
				!slices.Equal(o.Background, []string{"builtin"}) || o.Names != "apart" || o.Keyness != "corpus" || o.Save != "" {
				t.Errorf("defaults: %+v", o)
			}
		}},
		{args: []string{"-k", "5", "--method", "textrank", "--idf", "corpus", "--pos", "n,vn", "--pos", "ns",
			"--stopwords", "a.txt", "--stopwords", "b.txt", "--min-len", "1", "--corpus", "--phrases=false", "--hmm=false", "--new-words=false",
			"--dict", "d.txt", "x", "y"},
			check: func(t *testing.T, o *keywords.Options) {
				if o.Top != 5 || o.Method != "textrank" || o.IDF != "builtin" || !slices.Equal(o.Background, []string{"corpus"}) || !slices.Equal(o.POS, []string{"n", "vn", "ns"}) ||
					len(o.Stopwords) != 2 || o.MinLen != 1 || !o.Corpus || o.Phrases || o.Seg.HMM || o.NewWords || len(o.Seg.Dicts) != 1 || len(o.Paths) != 2 {
					t.Errorf("parsed: %+v", o)
				}
			}},
		{args: []string{"--top", "0", "--method", "both", "--idf", "my.idf"}, check: func(t *testing.T, o *keywords.Options) {
			if o.Top != 0 || o.Method != "both" || o.IDF != "my.idf" {
				t.Errorf("parsed: %+v", o)
			}
		}},
		{args: []string{"--background", "bg.jsonl", "--background", "docs/", "--names", "keep", "--keyness", "background", "--save-background", "out.jsonl"},
			check: func(t *testing.T, o *keywords.Options) {
				if !slices.Equal(o.Background, []string{"bg.jsonl", "docs/"}) || o.Names != "keep" || o.Keyness != "background" || o.Save != "out.jsonl" {
					t.Errorf("parsed: %+v", o)
				}
			}},
		{args: []string{"--names", "hide"}, wantErr: "invalid --names"},
		{args: []string{"--keyness", "gwr"}, wantErr: "invalid --keyness"},
		{args: []string{"--background", "none", "--background", "bg.jsonl"}, wantErr: "cannot be combined"},
		{args: []string{"--background", ""}, wantErr: "invalid --background"},
		{args: []string{"--emit", "partial"}, wantErr: "--emit partial needs --corpus"},
		{args: []string{"--corpus", "--emit", "partial", "--background", "corpus"}, wantErr: "cannot rank against --background corpus"},
		{args: []string{"--emit", "json"}, wantErr: "invalid --emit"},
		{args: []string{"--corpus", "--save-background", "bg.jsonl"}, wantErr: "leave out --corpus"},
		{args: []string{"--method", "lda"}, wantErr: "invalid --method"},
		{args: []string{"--pos", "N"}, wantErr: "invalid --pos"},
		{args: []string{"--top", "-1"}, wantErr: "invalid --top"},
		{args: []string{"--min-len", "0"}, wantErr: "invalid --min-len"},
		{args: []string{"--idf", ""}, wantErr: "invalid --idf"},
		{args: []string{"a.txt"}, format: "xml", wantErr: "invalid --format"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			args := tt.args
			if tt.format != "" {
				args = append([]string{"--format", tt.format}, args...)
			}
			got, err := flagtest.Parse(t, keywords.NewCmdKeywords, nil, args)
			if tt.wantErr != "" {
				var fe *cmdutil.FlagError
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.As(err, &fe) {
					t.Fatalf("err = %v, want a usage error %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, got)
		})
	}
}

var sharedSeg = sync.OnceValues(func() (*segment.Segmenter, error) {
	return segment.New(segment.Config{Fold: script.FoldIfTraditional})
})

type result struct {
	out, errOut string
	err         error
}

// run executes the keywords command in-process from the repository root.
// global are flags put before args (format, script); -q sets --quiet.
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
	if !slices.Contains(args, "--dict") {
		sg, err := sharedSeg()
		if err != nil {
			t.Fatal(err)
		}
		f.UseSegmenter(sg)
	}
	t.Chdir(clitest.RepoRoot(t))
	cmd := keywords.NewCmdKeywords(f, nil)
	cmd.SetArgs(args)
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	err := cmd.ExecuteContext(context.Background())
	return result{out: out.String(), errOut: errOut.String(), err: err}
}

func format(name string) []string {
	return []string{"--format", name}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	goldenfile.Check(t, filepath.Join(clitest.RepoRoot(t), "testdata", "keywords", "golden", name), got)
}

func TestGolden(t *testing.T) {
	samples, err := filepath.Glob(filepath.Join(clitest.RepoRoot(t), "testdata", "sample", "*"))
	if err != nil || len(samples) < 6 {
		t.Fatalf("samples: %v (%d files)", err, len(samples))
	}
	tests := []struct {
		name   string
		global []string
		args   []string
	}{
		{"corpus_csv.csv", format("csv"), []string{"--top", "8", "testdata/sample"}},
		{"corpus_idf.jsonl", format("jsonl"), []string{"--top", "5", "--idf", "corpus", "testdata/sample"}},
		{"ranking.md", format("markdown"), []string{"--corpus", "--idf", "corpus", "--top", "15", "testdata/sample"}},
		{"ranking.json", format("json"), []string{"--corpus", "--top", "5", "testdata/sample/traditional_notice.txt", "testdata/sample/big5_speech.txt"}},
		{"textrank.tsv", format("tsv"), []string{"--method", "textrank", "--top", "5", "testdata/sample/municipal_report.txt"}},
		{"both.tsv", format("tsv"), []string{"--method", "both", "--top", "5", "testdata/sample/municipal_report.txt"}},
		{"script_s.json", []string{"--format", "json", "--script", "s"},
			[]string{"--top", "5", "testdata/sample/traditional_notice.txt"}},
		{"script_tw.txt", []string{"--script", "tw"}, []string{"--top", "5", "testdata/sample/municipal_report.txt"}},
		{"small_idf.txt", nil, []string{"--idf", "testdata/keywords/small.idf", "--top", "5", "testdata/sample/municipal_report.txt"}},
		{"stopwords.txt", nil, []string{"--stopwords", "testdata/keywords/more_stopwords.txt", "--top", "5", "testdata/sample/municipal_report.txt"}},
	}
	for _, s := range samples {
		name := filepath.Base(s)
		tests = append(tests, struct {
			name   string
			global []string
			args   []string
		}{"sample_" + name + ".txt", nil, []string{"--top", "10", filepath.Join("testdata", "sample", name)}})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, tt.global, tt.args...)
			if r.err != nil {
				t.Fatalf("error %v; stderr: %s", r.err, r.errOut)
			}
			golden(t, tt.name, r.out)
		})
	}
}

// TestOutputFields checks that the machine formats carry the same fields.
func TestOutputFields(t *testing.T) {
	// the sample report twice over, so that it is not a short text
	// (whose names are ranked with its keywords)
	report, err := os.ReadFile(filepath.Join(testenv.Root(), "testdata/sample/municipal_report.txt"))
	if err != nil {
		t.Fatal(err)
	}
	original := append(append(report, '\n'), report...)
	path := filepath.Join(t.TempDir(), "report.txt")
	if err := os.WriteFile(path, original, 0o644); err != nil {
		t.Fatal(err)
	}
	j := run(t, format("json"), "--top", "5", path)
	var recs []map[string]any
	if err := json.Unmarshal([]byte(j.out), &recs); err != nil || len(recs) < 6 || len(recs) > 10 {
		t.Fatalf("json: %v, %d records (5 keywords, then the names)", err, len(recs))
	}
	for i, r := range recs {
		for _, k := range []string{"file", "rank", "keyword", "score", "count", "start", "end"} {
			if _, ok := r[k]; !ok {
				t.Errorf("json record lacks %q: %v", k, r)
			}
		}
		if _, name := r["name"]; name != (i >= 5) {
			t.Errorf("record %d: name %v; the keywords come first, then the names", i, r["name"])
		}
		// the offsets locate the first occurrence in the text as given
		s, e := int(r["start"].(float64)), int(r["end"].(float64))
		if got := string(original[s:e]); got != r["keyword"] {
			t.Errorf("record %d: text[%d:%d] = %q, keyword %q", i, s, e, got, r["keyword"])
		}
	}
	c := run(t, format("csv"), "--top", "5", "--names", "drop", path)
	rows, err := csv.NewReader(strings.NewReader(c.out)).ReadAll()
	if err != nil || len(rows) != 6 || !slices.Equal(rows[0], []string{"file", "rank", "keyword", "score", "count", "name", "start", "end"}) {
		t.Fatalf("csv: %v %q", err, rows)
	}
	for i := range 5 {
		if rows[i+1][2] != recs[i]["keyword"] || rows[i+1][0] != recs[i]["file"] {
			t.Errorf("row %d: csv %q, json %v", i, rows[i+1], recs[i])
		}
	}
	l := run(t, format("jsonl"), "--top", "5", "--names", "drop", path)
	if lines := strings.Split(strings.TrimSpace(l.out), "\n"); len(lines) != 5 {
		t.Errorf("jsonl: %d lines", len(lines))
	}
	k := run(t, format("csv"), "--top", "30", "--names", "keep", path)
	if !strings.Contains(k.out, ",ORG,") {
		t.Errorf("--names keep: no name tagged among the keywords:\n%s", k.out)
	}
}

// TestBackgrounds: a background saved from documents is read back and
// scores as the documents themselves do; one built with other flags is
// refused; --background corpus and documents given as a background agree.
func TestBackgrounds(t *testing.T) {
	dir := t.TempDir()
	bg := filepath.Join(dir, "bg.jsonl")
	if r := run(t, nil, "--save-background", bg, "testdata/sample"); r.err != nil {
		t.Fatalf("%v: %s", r.err, r.errOut)
	}
	b, err := os.ReadFile(bg)
	if err != nil || !strings.HasPrefix(string(b), `{"format":"zhpolicy-partial","version":2,"kind":"keywords-background"`) {
		t.Fatalf("saved background: %v %.200s", err, b)
	}
	target := "testdata/sample/city_plan.docx"
	fromFile := run(t, format("csv"), "--background", bg, "--top", "10", target)
	fromDocs := run(t, format("csv"), "--background", "testdata/sample", "--top", "10", target)
	if fromFile.err != nil || fromDocs.err != nil || fromFile.out != fromDocs.out {
		t.Errorf("saved and read back:\n%s\nbuilt from the documents:\n%s (%v %v)", fromFile.out, fromDocs.out, fromFile.err, fromDocs.err)
	}
	builtin := run(t, format("csv"), "--top", "10", target)
	if builtin.out == fromFile.out {
		t.Error("a user's background ranks as the built-in one")
	}
	if r := run(t, nil, "--background", bg, "--new-words=false", target); r.err == nil || !strings.Contains(r.err.Error(), "built differently (the HMM's new words") {
		t.Errorf("background of other flags: %v", r.err)
	}
	if r := run(t, nil, "--background", filepath.Join(dir, "none.jsonl"), target); r.err == nil {
		t.Error("a missing background file should fail")
	}
	// two saved halves add up to the whole
	a, c := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "c.jsonl")
	run(t, nil, "--save-background", a, "testdata/sample/city_plan.docx", "testdata/sample/gbk_notice.txt")
	run(t, nil, "--save-background", c, "testdata/sample/municipal_report.txt")
	both := run(t, format("csv"), "--background", a, "--background", c, "--top", "10", target)
	three := run(t, format("csv"), "--background", "testdata/sample/city_plan.docx", "--background", "testdata/sample/gbk_notice.txt",
		"--background", "testdata/sample/municipal_report.txt", "--top", "10", target)
	if both.err != nil || both.out != three.out {
		t.Errorf("merged halves:\n%s\nwhole:\n%s (%v)", both.out, three.out, both.err)
	}
}

func TestCorpusMode(t *testing.T) {
	r := run(t, format("json"), "--corpus", "--top", "3", "testdata/sample")
	var doc struct {
		Documents   int              `json:"documents"`
		Reference   string           `json:"keyness_reference"`
		Keywords    []map[string]any `json:"keywords"`
		Names       []map[string]any `json:"names"`
		Distinctive []map[string]any `json:"distinctive"`
	}
	if err := json.Unmarshal([]byte(r.out), &doc); err != nil {
		t.Fatalf("%v: %s", err, r.out)
	}
	if doc.Documents != 7 || doc.Reference != "the rest of the corpus" || len(doc.Keywords) != 3 || len(doc.Names) != 3 || len(doc.Distinctive) == 0 {
		t.Fatalf("corpus JSON: %+v", doc)
	}
	for _, d := range doc.Distinctive {
		for _, k := range []string{"file", "keyword", "count", "ref_count", "g2", "log_ratio"} {
			if _, ok := d[k]; !ok {
				t.Errorf("distinctive row lacks %s: %v", k, d)
			}
		}
		if d["g2"].(float64) < 6.6 || d["log_ratio"].(float64) <= 0 {
			t.Errorf("not significant or not overused: %v", d)
		}
	}
	bgr := run(t, format("csv"), "--corpus", "--keyness", "background", "--top", "3", "testdata/sample")
	if bgr.err != nil || !strings.Contains(bgr.out, "section,file,rank,keyword") || !strings.Contains(bgr.out, "distinctive,testdata/sample/") {
		t.Errorf("keyness against the background: %v\n%s", bgr.err, bgr.out)
	}
	if r := run(t, nil, "--corpus", "--keyness", "background", "--background", "none", "testdata/sample"); r.err == nil {
		t.Error("--keyness background without a background should fail")
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name       string
		global     []string
		args       []string
		wantErr    string // "" for success
		wantStderr string
		noStderr   bool
		wantOut    string
		partial    bool
	}{
		{name: "empty document: no keywords, no error, no warning", global: format("csv"),
			args: []string{"testdata/keywords/empty.txt"}, wantOut: "file,rank,keyword,score,count,name,start,end\n", noStderr: true},
		{name: "empty document on a terminal", args: []string{"testdata/keywords/empty.txt"},
			wantOut: "(no keywords)", noStderr: true},
		{name: "no Chinese: a warning", global: format("jsonl"), args: []string{"testdata/keywords/english.txt"},
			wantStderr: "warning: testdata/keywords/english.txt: no Chinese text; no keywords"},
		{name: "no Chinese, quiet", global: []string{"--format", "jsonl", "-q"},
			args: []string{"testdata/keywords/english.txt"}, noStderr: true},
		{name: "malformed IDF file", args: []string{"--idf", "testdata/keywords/bad.idf", "testdata/sample/municipal_report.txt"},
			wantErr: `testdata/keywords/bad.idf:4: idf "x" is not a non-negative number`},
		{name: "missing IDF file", args: []string{"--idf", "testdata/keywords/none.idf", "testdata/sample/municipal_report.txt"},
			wantErr: "--idf testdata/keywords/none.idf: no such file or directory (use builtin or a file"},
		{name: "malformed stopword file", args: []string{"--stopwords", "testdata/keywords/bad_stopwords.txt", "testdata/sample/municipal_report.txt"},
			wantErr: "testdata/keywords/bad_stopwords.txt:3: want one word a line"},
		{name: "missing stopword file", args: []string{"--stopwords", "nope.txt", "testdata/sample/municipal_report.txt"},
			wantErr: "--stopwords nope.txt: no such file or directory"},
		{name: "an unreadable input among good ones", global: format("csv"),
			args:    []string{"testdata/keywords/missing.txt", "testdata/sample/municipal_report.txt"},
			wantOut: "testdata/sample/municipal_report.txt,1,三个大抓", wantStderr: "missing.txt", partial: true},
		{name: "an unreadable input with a corpus IDF", global: format("csv"),
			args:    []string{"--idf", "corpus", "testdata/keywords/missing.txt", "testdata/sample/municipal_report.txt"},
			wantOut: "testdata/sample/municipal_report.txt,1,", wantStderr: "missing.txt", partial: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, tt.global, tt.args...)
			switch {
			case tt.partial:
				if cmdutil.Skipped(r.err) == 0 {
					t.Fatalf("err = %v, want a partial result", r.err)
				}
			case tt.wantErr != "":
				if r.err == nil || !strings.Contains(r.err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", r.err, tt.wantErr)
				}
				return
			case r.err != nil:
				t.Fatalf("err = %v; stderr: %s", r.err, r.errOut)
			}
			if tt.wantOut != "" && !strings.Contains(r.out, tt.wantOut) {
				t.Errorf("stdout %q lacks %q", r.out, tt.wantOut)
			}
			if tt.wantStderr != "" && !strings.Contains(r.errOut, tt.wantStderr) {
				t.Errorf("stderr %q lacks %q", r.errOut, tt.wantStderr)
			}
			if tt.noStderr && r.errOut != "" {
				t.Errorf("stderr = %q, want nothing", r.errOut)
			}
		})
	}
}

// TestGovernmentWorkReports is the check of issue 5 on the national
// government work reports (../shared/corpus/gwr), with a corpus IDF: every
// year's top 10 is free of the words every report uses and of single
// characters, and the reports of the 2020s surface their own themes.
func TestGovernmentWorkReports(t *testing.T) {
	dir := testenv.Shared(t, "corpus", "gwr")
	if testing.Short() {
		t.Skip("slow: segments 52 reports")
	}
	r := run(t, format("csv"), "--idf", "corpus", "--names", "drop", "--top", "10", dir)
	if r.err != nil {
		t.Fatalf("%v: %s", r.err, r.errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(r.out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	top := map[string][]string{}
	for _, row := range rows[1:] {
		year := strings.TrimSuffix(filepath.Base(row[0]), ".txt")
		k, _ := script.FoldToSimplified(row[2])
		top[year] = append(top[year], k)
	}
	if len(top) < 50 {
		t.Fatalf("%d reports ranked", len(top))
	}
	years := make([]string, 0, len(top))
	for y := range top {
		years = append(years, y)
	}
	slices.Sort(years)
	for _, y := range years {
		t.Logf("%s %s", y, strings.Join(top[y], " "))
	}
	generic := []string{"要", "进一步", "坚持", "加强", "区", "医", "化", "公司", "发展", "建设", "工作", "经济", "社会",
		"国家", "人民", "政府", "改革", "推进", "实施", "提高", "我们", "全面", "重要", "问题", "方面", "企业"}
	for year, kws := range top {
		for _, k := range kws {
			if utf8.RuneCountInString(k) < 2 || slices.Contains(generic, k) {
				t.Errorf("%s: generic %q in the top 10 %q", year, k, kws)
			}
		}
	}
	// themes each report is known for (written before measuring).
	themes := map[string][]string{
		"2021": {"十四五", "疫情防控", "抗疫", "市场主体", "脱贫攻坚"},
		"2022": {"留抵退税", "疫情", "冬奥会", "市场主体", "稳经济", "减税降费"},
		"2023": {"疫情防控", "党的二十大精神", "二十大", "稳就业"},
		"2024": {"新质生产力", "新型工业化", "全国统一大市场", "地方债务", "债务风险", "未来产业"},
		"2025": {"提振消费", "十五五", "人工智能", "中国式现代化", "两重", "两新"},
	}
	for year, want := range themes {
		found := false
		for _, k := range top[year] {
			if slices.Contains(want, k) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: top 10 %q has none of its themes %q", year, top[year], want)
		}
	}
}

// TestKeptOnDisk checks that documents held for the second pass rank the
// same when they go to disk as when they stay in memory.
func TestKeptOnDisk(t *testing.T) {
	for _, args := range [][]string{
		{"--corpus", "--top", "5", "testdata/sample"},
		{"--corpus", "--method", "both", "--names", "keep", "testdata/sample"},
		{"--background", "corpus", "--method", "textrank", "testdata/sample"},
	} {
		mem := run(t, format("json"), args...)
		keywords.SetSpillLimit(1)
		disk := run(t, format("json"), args...)
		keywords.SetSpillLimit(0)
		if mem.err != nil || disk.err != nil || mem.out != disk.out || len(mem.out) < 500 {
			t.Errorf("%v: in memory (%v) and on disk (%v) differ:\n%.300s\n%.300s", args, mem.err, disk.err, mem.out, disk.out)
		}
	}
}
