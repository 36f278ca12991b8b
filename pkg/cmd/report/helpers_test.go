package report_test

import (
	"context"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/spf13/cobra"

	"zhpolicy/internal/clitest"
	"zhpolicy/pkg/cmd/report"
	"zhpolicy/pkg/cmd/root"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

// testSegmenter is shared by the runs of this test binary, as one process
// would share it.
var testSegmenter = sync.OnceValues(func() (*segment.Segmenter, error) {
	return segment.New(segment.Config{Fold: script.FoldIfTraditional})
})

type result struct {
	stdout, stderr string
	err            error
}

// run runs `zhpolicy report args...` in-process from the repository root,
// with the root command's global flags.
func run(t testing.TB, stdoutTTY bool, args ...string) result {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	ios.SetStdoutTTY(stdoutTTY)
	f := cmdutil.New(ios, "test")
	sg, err := testSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	f.UseSegmenter(sg)
	cmd := root.NewCmdRoot(f)
	if !hasCommand(cmd, "report") {
		cmd.AddCommand(report.NewCmdReport(f, nil))
	}
	t.Chdir(clitest.RepoRoot(t))
	cmd.SetArgs(append([]string{"report"}, args...))
	cmd.SetIn(ios.In)
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	_, err = cmd.ExecuteContextC(context.Background())
	return result{stdout: out.String(), stderr: errOut.String(), err: err}
}

func hasCommand(c *cobra.Command, name string) bool {
	for _, s := range c.Commands() {
		if s.Name() == name {
			return true
		}
	}
	return false
}

// mustRun runs the report and fails the test on an error.
func mustRun(t testing.TB, args ...string) result {
	t.Helper()
	r := run(t, false, args...)
	if r.err != nil {
		t.Fatalf("zhpolicy report %s: %v\n%s", strings.Join(args, " "), r.err, r.stderr)
	}
	return r
}

var (
	styleRe  = regexp.MustCompile(`(?s)<style>.*?</style>`)
	scriptRe = regexp.MustCompile(`(?s)<script>\n(.*?)\n</script>`)
	dataRe   = regexp.MustCompile(`(?s)(<script type="application/json" id="zhpolicy-data">)(.*?)(</script>)`)
	csvRe    = regexp.MustCompile(`href="data:text/csv;charset=utf-8;base64,[^"]*"`)
)

// stripAssets shortens a report for golden files: the embedded libraries,
// style and script are replaced by their names, the CSV data URLs by a
// mark (the tables hold the same values), and the chart options are
// indented one value a line.
func stripAssets(t testing.TB, html string) string {
	t.Helper()
	html = styleRe.ReplaceAllString(html, "<style>/* report.css */</style>")
	html = scriptRe.ReplaceAllStringFunc(html, func(s string) string {
		switch {
		case strings.Contains(s, "Apache ECharts 5"):
			return "<script>/* echarts.min.js */</script>"
		case strings.Contains(s, "echarts-wordcloud"):
			return "<script>/* echarts-wordcloud.min.js */</script>"
		case strings.Contains(s, "zhpolicy report: starts the charts"):
			return "<script>/* report.js */</script>"
		}
		return s
	})
	html = csvRe.ReplaceAllString(html, `href="data:text/csv;base64,…"`)
	return dataRe.ReplaceAllStringFunc(html, func(s string) string {
		m := dataRe.FindStringSubmatch(s)
		return m[1] + "\n" + indentJSON(t, m[2]) + "\n" + m[3]
	})
}
