package report_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"zhpolicy/internal/clitest"
	"zhpolicy/internal/testenv"
)

// The browser test opens reports in headless Chromium, driven through the
// DevTools protocol: every chart must draw (a canvas with painted pixels),
// the console must stay free of errors, and the page must request nothing
// but itself (no http, https or ws URL). A PNG screenshot of the page is
// saved as a test artefact.
//
// Chromium is Debian's `chromium` (.ci/browser-test.sh installs it when
// missing); ZHPOLICY_CHROMIUM names another binary. Without one, the test
// is skipped. Screenshots go to $ZHPOLICY_ARTIFACTS (default:
// $TMPDIR/zhpolicy-artifacts).

func chromiumPath() string {
	if p := os.Getenv("ZHPOLICY_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "headless_shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

func artifactDir(t *testing.T) string {
	dir := os.Getenv("ZHPOLICY_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "zhpolicy-artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// browser is one headless Chromium with the record of what its pages did.
type browser struct {
	ctx      context.Context
	mu       sync.Mutex
	console  []string // errors and exceptions
	requests []string // every URL requested
}

func newBrowser(t *testing.T, bin string, width, height int) *browser {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	b := &browser{}
	ctx, cancelB := chromedp.NewContext(actx, chromedp.WithListener(b.listen))
	t.Cleanup(func() { cancelB(); cancelA() })
	b.ctx = ctx
	// start the browser (no timeout on the first run: it would end the browser)
	err := chromedp.Do(ctx,
		func(ctx context.Context, _ *chromedp.Target) (chromedp.Void, error) {
			_, err := chromedp.Call(ctx, network.Enable, network.EnableParams{})
			if err == nil {
				_, err = chromedp.Call(ctx, log.Enable, struct{}{})
			}
			if err == nil {
				_, err = chromedp.Call(ctx, runtime.Enable, struct{}{})
			}
			return chromedp.Void{}, err
		})
	if err != nil {
		t.Fatalf("starting %s: %v", bin, err)
	}
	return b
}

func (b *browser) listen(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch e := ev.(type) {
	case *network.EventRequestWillBeSent:
		b.requests = append(b.requests, e.Request.URL)
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range e.Args {
				if len(a.Value) > 0 {
					parts = append(parts, string(a.Value))
				} else {
					parts = append(parts, a.Description)
				}
			}
			b.console = append(b.console, "console."+string(e.Type)+": "+strings.Join(parts, " "))
		}
	case *runtime.EventExceptionThrown:
		msg := e.ExceptionDetails.Text
		if e.ExceptionDetails.Exception != nil {
			msg += " " + e.ExceptionDetails.Exception.Description
		}
		b.console = append(b.console, "exception: "+msg)
	case *log.EventEntryAdded:
		if e.Entry.Level == log.EntryLevelError {
			b.console = append(b.console, "log "+string(e.Entry.Source)+": "+e.Entry.Text+" "+e.Entry.URL)
		}
	}
}

// problems returns the console errors and the requests of anything but
// the page itself.
func (b *browser) problems() (console, requests []string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	console = append(console, b.console...)
	for _, u := range b.requests {
		p, err := url.Parse(u)
		if err != nil || (p.Scheme != "file" && p.Scheme != "data" && p.Scheme != "blob" && p.Scheme != "about") {
			requests = append(requests, u)
		}
	}
	return console, requests
}

// eval evaluates a JavaScript expression whose value is JSON-encodable,
// with a time limit, decoding it into v.
func (b *browser) eval(t *testing.T, expr string, v any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string]("JSON.stringify("+expr+")"))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("evaluate %s: %v (%s)", expr, err, s)
	}
}

// chartState is what the page tells of one chart.
type chartState struct {
	ID       string `json:"id"`
	Canvases int    `json:"canvases"`
	Painted  int    `json:"painted"` // pixels not transparent
	Width    int    `json:"width"`
	Height   int    `json:"height"`
}

const chartsJS = `Array.from(document.querySelectorAll('[data-chart]')).map(function (el) {
  var painted = 0, n = 0;
  el.querySelectorAll('canvas').forEach(function (c) {
    n++;
    if (!c.width || !c.height) { return; }
    var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (var i = 3; i < d.length; i += 4) { if (d[i] !== 0) { painted++; } }
  });
  el.querySelectorAll('svg').forEach(function (s) { n++; painted += s.querySelectorAll('path,text,rect').length; });
  return {id: el.getAttribute('data-chart'), canvases: n, painted: painted, width: el.clientWidth, height: el.clientHeight};
})`

// waitCharts waits until every chart has painted, and returns their state.
func (b *browser) waitCharts(t *testing.T) []chartState {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		var cs []chartState
		b.eval(t, chartsJS, &cs)
		done := len(cs) > 0
		for _, c := range cs {
			// a word cloud lays its words out over several frames
			done = done && c.Painted > 500
		}
		if done || time.Now().After(deadline) {
			return cs
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func (b *browser) open(t *testing.T, path string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	u := url.URL{Scheme: "file", Path: path}
	if err := chromedp.Do(ctx, chromedp.Navigate(u.String())); err != nil {
		t.Fatalf("open %s: %v", u.String(), err)
	}
}

func (b *browser) checkCharts(t *testing.T, want []string) {
	t.Helper()
	cs := b.waitCharts(t)
	var got []string
	for _, c := range cs {
		got = append(got, c.ID)
		if c.Canvases == 0 || c.Painted <= 500 || c.Width < 100 || c.Height < 100 {
			t.Errorf("chart %s did not draw: %+v", c.ID, c)
		}
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("charts %v, want %v", got, want)
	}
}

func (b *browser) checkClean(t *testing.T) {
	t.Helper()
	console, requests := b.problems()
	for _, c := range console {
		t.Errorf("console: %s", c)
	}
	for _, r := range requests {
		t.Errorf("network request: %s", r)
	}
}

func (b *browser) screenshot(t *testing.T, sel, path string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	var png []byte
	var err error
	if sel == "" {
		png, err = chromedp.Run(ctx, chromedp.FullScreenshot(100))
	} else {
		png, err = chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(sel)))
	}
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d bytes)", path, len(png))
}

func needChromium(t *testing.T) string {
	t.Helper()
	bin := chromiumPath()
	if bin == "" {
		t.Skip("no Chromium: install Debian's chromium (apt-get install -y chromium; .ci/browser-test.sh does) or set ZHPOLICY_CHROMIUM to run the browser test")
	}
	return bin
}

// TestBrowser runs in .ci/browser-test.sh (ZHPOLICY_BROWSER=1), not in
// every go test ./...: it takes seconds of Chromium.
func TestBrowser(t *testing.T) {
	if os.Getenv("ZHPOLICY_BROWSER") != "1" {
		t.Skip("the browser test runs with ZHPOLICY_BROWSER=1 (bash .ci/browser-test.sh)")
	}
	bin := needChromium(t)
	dir := t.TempDir()
	sample := filepath.Join(dir, "sample.html")
	mustRun(t, "-o", sample, "testdata/sample", "--compare", "testdata/sample/municipal_report.txt", "testdata/sample/provincial_notice.html")

	// a dated corpus, for the timeline and its views
	dated := filepath.Join(dir, "dated")
	if err := os.Mkdir(dated, 0o755); err != nil {
		t.Fatal(err)
	}
	root := clitest.RepoRoot(t)
	for src, dst := range map[string]string{"municipal_report.txt": "2023.txt", "provincial_notice.html": "2024.html", "city_plan.docx": "2025.docx"} {
		b, err := os.ReadFile(filepath.Join(root, "testdata/sample", src))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dated, dst), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	datedHTML := filepath.Join(dir, "dated.html")
	mustRun(t, "-o", datedHTML, "--track", "高质量发展", dated)

	b := newBrowser(t, bin, 1280, 900)
	art := artifactDir(t)

	t.Run("sample", func(t *testing.T) {
		b.open(t, sample)
		b.checkCharts(t, []string{"doc-length", "keywords-bar", "keywords-cloud", "formulations-bar", "network-graph", "entity-types-bar", "compare-bar"})
		// hovering shows the numbers: ask ECharts for the tooltip of the
		// first keyword and read it
		var tip string
		b.eval(t, `(function () {
  var c = window.zhpolicyReport.charts['keywords-bar'];
  c.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 0});
  var el = document.querySelector('#fig-keywords-bar .chart').lastElementChild;
  return el ? el.textContent : '';
})()`, &tip)
		var first string
		b.eval(t, `document.querySelector('#tbl-keywords tbody td:nth-child(2)').textContent`, &first)
		if first == "" || !strings.Contains(tip, first) || !strings.Contains(tip, "得分") {
			t.Errorf("tooltip %q does not show the first keyword %q with its score", tip, first)
		}
		b.screenshot(t, "", filepath.Join(art, "report-sample.png"))
		b.checkClean(t)
	})

	t.Run("dated", func(t *testing.T) {
		b.open(t, datedHTML)
		b.checkCharts(t, []string{"doc-length", "keywords-bar", "keywords-cloud", "formulations-bar", "timeline-chart", "network-graph", "entity-types-bar"})
		// switch the timeline to rates per 10,000 characters
		var pressed string
		b.eval(t, `(function () {
  var btn = document.querySelector('#fig-timeline-chart button[data-view="1"]');
  btn.click();
  var opt = window.zhpolicyReport.charts['timeline-chart'].getOption();
  return btn.getAttribute('aria-pressed') + ' ' + opt.yAxis[0].name;
})()`, &pressed)
		if pressed != "true 每万字" {
			t.Errorf("after the click on 每万字: %q", pressed)
		}
		b.checkCharts(t, []string{"doc-length", "keywords-bar", "keywords-cloud", "formulations-bar", "timeline-chart", "network-graph", "entity-types-bar"})
		b.screenshot(t, "#fig-timeline-chart", filepath.Join(art, "report-dated-timeline.png"))
		b.checkClean(t)
	})

	t.Run("phone", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
		defer cancel()
		err := chromedp.Do(ctx, func(ctx context.Context, _ *chromedp.Target) (chromedp.Void, error) {
			_, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
				Width: 390, Height: 844, DeviceScaleFactor: 2, Mobile: true})
			return chromedp.Void{}, err
		})
		if err != nil {
			t.Fatal(err)
		}
		b.open(t, sample)
		b.checkCharts(t, []string{"doc-length", "keywords-bar", "keywords-cloud", "formulations-bar", "network-graph", "entity-types-bar", "compare-bar"})
		// nothing wider than the screen but the tables, which scroll
		var overflow []string
		b.eval(t, `(function () {
  var out = [];
  if (document.documentElement.scrollWidth > window.innerWidth + 1) { out.push('page ' + document.documentElement.scrollWidth); }
  document.querySelectorAll('.chart').forEach(function (el) {
    if (el.getBoundingClientRect().right > window.innerWidth + 1) { out.push(el.getAttribute('data-chart')); }
  });
  return out;
})()`, &overflow)
		if len(overflow) > 0 {
			t.Errorf("wider than a phone screen: %v", overflow)
		}
		b.screenshot(t, "", filepath.Join(art, "report-sample-phone.png"))
		b.checkClean(t)
	})
}

// TestBrowserTimelineShot writes the screenshot of the README: the timeline
// of the national government work reports. It runs only when
// ZHPOLICY_TIMELINE_SHOT names the PNG to write (bench/report/run.sh sets
// it) and ../shared/corpus/gwr is there.
func TestBrowserTimelineShot(t *testing.T) {
	out := os.Getenv("ZHPOLICY_TIMELINE_SHOT")
	if out == "" {
		t.Skip("set ZHPOLICY_TIMELINE_SHOT=docs/report-timeline.png to write the README screenshot")
	}
	bin := needChromium(t)
	gwr := testenv.Shared(t, "corpus", "gwr")
	if !filepath.IsAbs(out) {
		out = filepath.Join(clitest.RepoRoot(t), out)
	}
	html := filepath.Join(t.TempDir(), "gwr.html")
	mustRun(t, "-o", html, "--track", os.Getenv("ZHPOLICY_TIMELINE_TRACK"), gwr)
	b := newBrowser(t, bin, 1200, 900)
	b.open(t, html)
	cs := b.waitCharts(t)
	if len(cs) == 0 {
		t.Fatal("no chart")
	}
	b.screenshot(t, "#fig-timeline-chart", out)
	b.checkClean(t)
	fmt.Fprintln(os.Stderr, "wrote", out)
}
