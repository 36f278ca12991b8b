package report_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"zhpolicy/internal/clitest"
	"zhpolicy/internal/flagtest"
	"zhpolicy/internal/testenv"
	"zhpolicy/pkg/cmd/report"
	"zhpolicy/pkg/cmdutil"
)

func indentJSON(t testing.TB, s string) string {
	t.Helper()
	var b bytes.Buffer
	if err := json.Indent(&b, []byte(s), "", " "); err != nil {
		t.Fatalf("chart data is not JSON: %v", err)
	}
	return b.String()
}

func TestFlagParsing(t *testing.T) {
	tests := []struct {
		args    []string
		tty     bool
		wantErr string
		check   func(t *testing.T, o *report.Options)
	}{
		{args: []string{"a/", "-o", "r.html"}, check: func(t *testing.T, o *report.Options) {
			if o.Output != "r.html" || o.Top != 30 || o.Cloud != 100 || o.Background != "builtin" || o.TimelineTop != 8 ||
				o.CompareA != "" || len(o.Paths) != 1 || o.Paths[0] != "a/" {
				t.Errorf("defaults: %+v", o)
			}
		}},
		// --compare A B: B is the positional argument after the flag
		{args: []string{"all/", "--compare", "a.txt", "b.txt", "-o", "r.html"}, check: func(t *testing.T, o *report.Options) {
			if o.CompareA != "a.txt" || o.CompareB != "b.txt" || strings.Join(o.Paths, " ") != "all/" {
				t.Errorf("compare: A=%q B=%q paths=%q", o.CompareA, o.CompareB, o.Paths)
			}
		}},
		{args: []string{"--compare", "a.txt", "b.txt", "all/", "more/"}, check: func(t *testing.T, o *report.Options) {
			if o.CompareA != "a.txt" || o.CompareB != "b.txt" || strings.Join(o.Paths, " ") != "all/ more/" {
				t.Errorf("compare first: A=%q B=%q paths=%q", o.CompareA, o.CompareB, o.Paths)
			}
		}},
		{args: []string{"x/", "--compare=a.txt,b.txt"}, check: func(t *testing.T, o *report.Options) {
			if o.CompareA != "a.txt" || o.CompareB != "b.txt" || strings.Join(o.Paths, " ") != "x/" {
				t.Errorf("compare A,B: A=%q B=%q paths=%q", o.CompareA, o.CompareB, o.Paths)
			}
		}},
		{args: []string{"--compare", "a.txt", "x/", "--compare", "b.txt"}, check: func(t *testing.T, o *report.Options) {
			if o.CompareA != "a.txt" || o.CompareB != "b.txt" || strings.Join(o.Paths, " ") != "x/" {
				t.Errorf("compare twice: A=%q B=%q paths=%q", o.CompareA, o.CompareB, o.Paths)
			}
		}},
		{args: []string{"--track", "高质量发展,新质生产力", "--track", "三个大抓", "--background", "corpus", "--top", "5", "--cloud", "0", "--timeline-top", "0", `--date-from-name=(\d{4})年`, "a"},
			check: func(t *testing.T, o *report.Options) {
				if strings.Join(o.Track, "|") != "高质量发展|新质生产力|三个大抓" || o.Background != "corpus" || o.Top != 5 || o.Cloud != 0 || o.TimelineTop != 0 || o.DateFromName != `(\d{4})年` {
					t.Errorf("parsed: %+v", o)
				}
			}},
		{args: []string{"a", "--compare", "x"}, wantErr: "--compare takes two paths"},
		{args: []string{"a", "--compare", "x,y,z"}, wantErr: "--compare takes two paths"},
		{args: []string{"a", "--compare", "x,y", "--compare", "z"}, wantErr: "--compare takes two paths"},
		{args: []string{"--compare", "-", "b.txt"}, wantErr: "not standard input"},
		{args: []string{"a", "--top", "0"}, wantErr: "invalid --top"},
		{args: []string{"a", "--cloud", "-1"}, wantErr: "invalid --cloud"},
		{args: []string{"a", "--timeline-top", "-1"}, wantErr: "invalid --timeline-top"},
		{args: []string{"a", "--idf", "file.txt"}, wantErr: "invalid --idf"},
		{args: []string{"a", "--background", "file.txt"}, wantErr: "invalid --background"},
		// --idf, replaced by --background, still means what it meant
		{args: []string{"a", "--idf", "builtin"}, check: func(t *testing.T, o *report.Options) {
			if o.Background != "none" {
				t.Errorf("--idf builtin: background %q, want none", o.Background)
			}
		}},
		{args: []string{"a", "--idf", "corpus"}, check: func(t *testing.T, o *report.Options) {
			if o.Background != "corpus" {
				t.Errorf("--idf corpus: background %q, want corpus", o.Background)
			}
		}},
		{args: []string{"a", "--date-from-name=("}, wantErr: "invalid --date-from-name"},
		{args: []string{"a"}, tty: true, wantErr: "-o report.html"},
		{args: []string{"a", "-o", "-"}, tty: true, check: func(t *testing.T, o *report.Options) {
			if o.Output != "-" {
				t.Errorf("output %q", o.Output)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, err := flagtest.Parse(t, report.NewCmdReport, func(f *cmdutil.Factory) {
				f.IO.SetStdoutTTY(tt.tty)
			}, tt.args)
			if flagtest.Done(t, err, tt.wantErr) {
				return
			}
			tt.check(t, got)
		})
	}
}

func TestFormatFlag(t *testing.T) {
	r := run(t, false, "--format", "json", "testdata/sample/municipal_report.txt")
	if r.err == nil || !strings.Contains(r.err.Error(), "unknown flag: --format") {
		t.Fatalf("--format json: err = %v", r.err)
	}
}

// The golden files hold the page without the embedded libraries: the
// structure, the words, the tables and the chart options.
func TestGolden(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
	}{
		{"report/sample.html", []string{"testdata/sample"}},
		{"report/sample_compare_t.html", []string{"--script", "t", "--top", "5", "--cloud", "10",
			"--compare", "testdata/sample/municipal_report.txt", "testdata/sample/gbk_notice.txt"}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			r := mustRun(t, tt.args...)
			clitest.Golden(t, tt.golden, stripAssets(t, r.stdout))
		})
	}
}

// chartIDs lists the charts of a page.
var chartRe = regexp.MustCompile(`data-chart="([^"]+)"`)

func chartIDs(html string) []string {
	var ids []string
	for _, m := range chartRe.FindAllStringSubmatch(html, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

func TestSampleReport(t *testing.T) {
	html := mustRun(t, "testdata/sample").stdout
	for _, want := range []string{
		`<html lang="zh-Hans">`, `<section id="overview">`, `<section id="keywords">`, `<section id="formulations">`,
		`<section id="entities">`, `<section id="frequency">`,
		"政策文本分析报告 · sample", "7 份文件",
		"简体 4、繁体 3", "big5 1", "gb18030 1", "Word (DOCX) 1", "HTML 1",
		"删除拼音注音",               // the pinyin-annotated sample was cleaned
		"高质量发展", "习近平", "市委书记", // a formulation, a person, a title
		`download="frequency.csv"`, `download="keywords.csv"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	// no section without data: no years, no --compare
	page := stripAssets(t, html)
	for _, absent := range []string{`<section id="timeline">`, `<section id="compare">`, "http://", "https://", "src=", "<link"} {
		if strings.Contains(page, absent) {
			t.Errorf("report has %q", absent)
		}
	}
	ids := chartIDs(html)
	if got := strings.Join(ids, " "); got != "doc-length keywords-bar keywords-cloud formulations-bar network-graph entity-types-bar" {
		t.Errorf("charts: %s", got)
	}
	// every chart has its options and a table with a CSV download
	m := dataRe.FindStringSubmatch(html)
	if m == nil {
		t.Fatal("no chart data")
	}
	var data struct {
		Charts map[string][]map[string]any `json:"charts"`
	}
	if err := json.Unmarshal([]byte(m[2]), &data); err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if len(data.Charts[id]) == 0 {
			t.Errorf("chart %s has no options", id)
		}
		fig := html[strings.Index(html, `id="fig-`+id+`"`):]
		fig = fig[:strings.Index(fig, "</figure>")]
		if !strings.Contains(fig, "<table") || !strings.Contains(fig, `href="data:text/csv;charset=utf-8;base64,`) {
			t.Errorf("chart %s has no data table with a CSV download", id)
		}
	}
	if len(html) > 2<<20 {
		t.Errorf("report of 7 documents is %d bytes", len(html))
	}
}

// The CSV downloads decode to the tables, with a byte order mark.
func TestCSVDownload(t *testing.T) {
	html := mustRun(t, "--top", "3", "testdata/sample").stdout
	re := regexp.MustCompile(`href="data:text/csv;charset=utf-8;base64,([^"]*)" download="frequency.csv"`)
	m := re.FindStringSubmatch(html)
	if m == nil {
		t.Fatal("no frequency.csv download")
	}
	raw, err := base64.StdEncoding.DecodeString(strings.ReplaceAll(m[1], "&#43;", "+"))
	if err != nil {
		t.Fatal(err)
	}
	csv := string(raw)
	if !strings.HasPrefix(csv, "\ufeff排名,词,次数,占比,文件数\n1,") || strings.Count(csv, "\n") != 4 {
		t.Errorf("frequency.csv:\n%s", csv)
	}
}

func TestSameWhateverJobs(t *testing.T) {
	one := mustRun(t, "-j", "1", "testdata/sample").stdout
	if four := mustRun(t, "-j", "4", "testdata/sample").stdout; four != one {
		t.Error("-j 4 differs from -j 1")
	}
}

// Dated documents get a timeline; a tracked term found in no document is
// named; a Traditional corpus gets a Traditional page.
func TestTimeline(t *testing.T) {
	dir := t.TempDir()
	root := clitest.RepoRoot(t)
	copyFile := func(src, dst string) {
		b, err := os.ReadFile(filepath.Join(root, "testdata/sample", src))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, dst), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyFile("municipal_report.txt", "2023年市政府工作报告.txt")
	copyFile("provincial_notice.html", "notice-2024.html")
	copyFile("city_plan.docx", "2025_plan.docx")
	copyFile("gbk_notice.txt", "undated.txt")
	html := mustRun(t, "--track", "高质量发展,没有这个提法", dir).stdout
	if !strings.Contains(html, `<section id="timeline">`) || !strings.Contains(html, `data-chart="timeline-chart"`) {
		t.Fatal("no timeline")
	}
	for _, want := range []string{"2023–2025", "在任何文件中都没有找到：没有这个提法", "1 份文件的名称中没有年份", "undated.txt",
		`<button type="button" data-view="1" aria-pressed="false">每万字</button>`} {
		if !strings.Contains(html, want) {
			t.Errorf("timeline lacks %q", want)
		}
	}
	// the timeline table: one row a year with a document
	start := strings.Index(html, `id="tbl-timeline"`)
	table := html[start : start+strings.Index(html[start:], "</table>")]
	if n := strings.Count(table, "<tr>"); n != 4 { // header + 3 years
		t.Errorf("timeline table has %d rows:\n%s", n, table)
	}
}

func TestTraditionalPage(t *testing.T) {
	html := mustRun(t, "testdata/sample/traditional_notice.txt", "testdata/sample/big5_speech.txt").stdout
	if !strings.Contains(html, `lang="zh-Hant"`) || !strings.Contains(html, "政策文本分析報告") || !strings.Contains(html, "關鍵詞") {
		t.Error("a Traditional corpus should get a Traditional page")
	}
	html = mustRun(t, "--script", "s", "testdata/sample/traditional_notice.txt").stdout
	if !strings.Contains(html, `lang="zh-Hans"`) || !strings.Contains(html, "关键词") {
		t.Error("--script s should give a Simplified page")
	}
}

func TestCompareSection(t *testing.T) {
	html := mustRun(t, "--compare", "testdata/sample/municipal_report.txt", "testdata/sample/provincial_notice.html").stdout
	for _, want := range []string{`<section id="compare">`, "A：testdata/sample/municipal_report.txt", `id="tbl-compare-only-a"`,
		`id="tbl-compare-forms-a"`, "政策文本分析报告 · municipal_report / provincial_notice"} {
		if !strings.Contains(html, want) {
			t.Errorf("compare lacks %q", want)
		}
	}
	// without other paths the corpus is A and B
	if !strings.Contains(html, "2 份文件") {
		t.Error("the corpus should be A and B")
	}
}

func TestOutputFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "r.html")
	r := mustRun(t, "-o", out, "testdata/sample/municipal_report.txt")
	if r.stdout != "" {
		t.Errorf("stdout: %q", r.stdout)
	}
	if !strings.Contains(r.stderr, "wrote "+out) {
		t.Errorf("stderr: %q", r.stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(b, []byte("<!DOCTYPE html>")) {
		t.Fatalf("written: %v %.40q", err, b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	if r := run(t, false, "-o", dir, "testdata/sample/municipal_report.txt"); r.err == nil || !strings.Contains(r.err.Error(), "is a directory") {
		t.Errorf("-o a directory: %v", r.err)
	}
	if r := run(t, false, "-o", filepath.Join(dir, "none", "r.html"), "testdata/sample/municipal_report.txt"); r.err == nil || !strings.Contains(r.err.Error(), "none") {
		t.Errorf("-o in a missing directory: %v", r.err)
	}
	// the output is checked before the corpus is read: no input is opened
	r = run(t, false, "-o", filepath.Join(dir, "none", "r.html"), "testdata/sample/missing.txt")
	if r.err == nil || !strings.Contains(r.err.Error(), "none") || strings.Contains(r.stderr, "missing.txt") {
		t.Errorf("-o in a missing directory with a missing input: %v, stderr %q; want the -o error before any input is read", r.err, r.stderr)
	}
}

func TestUnreadableInputs(t *testing.T) {
	r := run(t, false, "testdata/sample/municipal_report.txt", "testdata/sample/missing.txt")
	if cmdutil.Skipped(r.err) == 0 {
		t.Fatalf("err = %v, want a partial error (exit 3)", r.err)
	}
	if !strings.Contains(r.stdout, "未能读取：") || !strings.Contains(r.stdout, "missing.txt") {
		t.Error("the report should name the input it could not read")
	}
	if !strings.Contains(r.stderr, "missing.txt") {
		t.Errorf("stderr should name it too: %q", r.stderr)
	}
	if r := run(t, false, "testdata/sample/missing.txt"); r.err == nil {
		t.Error("no document at all should fail")
	}
}

// BenchmarkReportGWR builds the report of the national government work
// reports (../shared/corpus/gwr), the corpus of the speed target
// (under a minute on 2 cores; bench/report/run.sh measures it with -j 2).
func BenchmarkReportGWR(b *testing.B) {
	gwr := testenv.Shared(b, "corpus", "gwr")
	entries, err := os.ReadDir(gwr)
	if err != nil {
		b.Fatal(err)
	}
	var size int64
	for _, e := range entries {
		if info, err := e.Info(); err == nil {
			size += info.Size()
		}
	}
	out := filepath.Join(b.TempDir(), "gwr.html")
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		mustRun(b, "-q", "-o", out, gwr)
	}
	if st, err := os.Stat(out); err == nil {
		b.ReportMetric(float64(st.Size())/1e6, "MB-report")
	}
}
