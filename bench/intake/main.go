// Command intake measures pkg/input on the fixtures of
// ../shared/bench/intake: for every file, the share of expected lines
// found (the folder's comparison rules) and found as whole lines, the
// time to read it (median of repeated reads in this process) and the peak
// memory of a process that reads only it; for the PDFs, the same for
// pdftotext (poppler, Debian poppler-utils) in the same run.
//
//	go run ./bench/intake [-shared ../shared] [-md]
//
// -md prints the Markdown table for bench/RESULTS.md (bench/intake/run.sh
// writes it there). The child mode (-one FILE) is how peak memory is
// measured: the program runs itself on one file and reads the rusage.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"zhpolicy/internal/intakecheck"
	"zhpolicy/pkg/input"
)

type row struct {
	file, format, expect string
	lines, joined        int
	found, exact         int
	outcome              string
	median               time.Duration
	rssKB                int64
	popJoined, popFound  int
	popExact             int
	popTime              time.Duration
	popOK                bool
}

func main() {
	shared := flag.String("shared", "", "the shared data folder (default ../shared next to the repository)")
	one := flag.String("one", "", "read one file and exit (child mode)")
	md := flag.Bool("md", false, "print Markdown")
	pairs := flag.String("pairs", "", "instead of the fixtures: read every NAME.pdf of this folder and compare it with NAME.txt")
	flag.Parse()
	if *one != "" {
		doc, err := input.Read(input.Source{Path: *one}, input.Options{})
		out := map[string]any{"ok": err == nil}
		if err == nil {
			out["chars"] = len(doc.Text)
		}
		json.NewEncoder(os.Stdout).Encode(out)
		return
	}
	dir := *shared
	if dir == "" {
		dir = filepath.Join("..", "shared")
	}
	dir = filepath.Join(dir, "bench", "intake")
	var fixtures []intakecheck.Fixture
	var err error
	if *pairs != "" {
		dir = *pairs
		fixtures, err = pdfPairs(dir)
	} else {
		fixtures, err = intakecheck.Manifest(dir)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "intake:", err)
		os.Exit(2)
	}
	self, _ := os.Executable()
	_, errPop := exec.LookPath("pdftotext")
	var rows []row
	for _, fx := range fixtures {
		path := filepath.Join(dir, filepath.FromSlash(fx.File))
		r := row{file: fx.File, format: fx.Format, expect: fx.Expect}
		doc, err := input.ReadContext(context.Background(), input.Source{Path: path}, input.Options{})
		var want []byte
		if fx.Expected != "" {
			want, _ = os.ReadFile(filepath.Join(dir, filepath.FromSlash(fx.Expected)))
		}
		switch {
		case err != nil:
			r.outcome = "error: " + strings.TrimPrefix(err.Error(), path+": ")
			if fx.Expect == "text_or_error" {
				r.outcome += " (text or error)"
			}
		case fx.Expect == "no_text_layer":
			r.outcome = fmt.Sprintf("%d chars; warning: %s", len(strings.TrimSpace(doc.Text)), firstWarning(doc))
		default:
			res := intakecheck.Compare(doc.Text, string(want), fx.Expect == "lines")
			r.lines, r.joined, r.found, r.exact = res.Lines, res.Joined, res.Found, res.Exact
			r.outcome = "text (" + doc.Format + ")"
			if w := firstWarning(doc); w != "" {
				r.outcome += "; warning: " + w
			}
		}
		r.median = timeIt(path)
		r.rssKB = peakRSS(self, path)
		if fx.Format == "pdf" && errPop == nil {
			start := time.Now()
			out, err := exec.Command("pdftotext", "-q", "-enc", "UTF-8", path, "-").Output()
			r.popTime = time.Since(start)
			r.popOK = err == nil
			if err == nil && len(want) > 0 && fx.Expect != "error" {
				res := intakecheck.Compare(string(out), string(want), fx.Expect == "lines")
				r.popJoined, r.popFound, r.popExact = res.Joined, res.Found, res.Exact
			}
		}
		rows = append(rows, r)
	}
	print(rows, *md)
}

// pdfPairs lists NAME.pdf files of dir that have a NAME.txt beside them.
func pdfPairs(dir string) ([]intakecheck.Fixture, error) {
	pdfs, err := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if err != nil {
		return nil, err
	}
	sort.Strings(pdfs)
	var out []intakecheck.Fixture
	for _, p := range pdfs {
		base := strings.TrimSuffix(filepath.Base(p), ".pdf")
		if _, err := os.Stat(filepath.Join(dir, base+".txt")); err == nil {
			out = append(out, intakecheck.Fixture{File: base + ".pdf", Format: "pdf", Expect: "text", Expected: base + ".txt"})
		}
	}
	return out, nil
}

func firstWarning(d *input.Document) string {
	if len(d.Warnings) == 0 {
		return ""
	}
	w := d.Warnings[0].Message
	if len(w) > 90 {
		w = w[:strings.LastIndex(w[:90], " ")] + " …"
	}
	return w
}

// timeIt reads the file repeatedly for at least 200 ms (3 reads at least)
// and returns the median.
func timeIt(path string) time.Duration {
	var ds []time.Duration
	start := time.Now()
	for len(ds) < 3 || time.Since(start) < 200*time.Millisecond && len(ds) < 200 {
		t := time.Now()
		input.Read(input.Source{Path: path}, input.Options{})
		ds = append(ds, time.Since(t))
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds[len(ds)/2]
}

// peakRSS runs this program on one file under /usr/bin/time and returns
// its peak resident memory in KiB. (The rusage of a child forked from
// this process would include this process's own size: Linux keeps the
// high-water mark across fork and exec.)
func peakRSS(self, path string) int64 {
	cmd := exec.Command("/usr/bin/time", "-f", "%M", self, "-one", path)
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	cmd.Stdout = io.Discard
	if err := cmd.Run(); err != nil {
		return -1
	}
	lines := strings.Fields(errOut.String())
	if len(lines) == 0 {
		return -1
	}
	n, err := strconv.ParseInt(lines[len(lines)-1], 10, 64)
	if err != nil {
		return -1
	}
	return n
}

func print(rows []row, md bool) {
	w := os.Stdout
	fmt.Fprintln(w, "| file | expected | zhpolicy: found | in one line | whole lines | outcome | time | peak RSS | pdftotext: found | in one line | whole lines | time |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|---|---|")
	var t, p [4]int // lines, joined, found, exact
	for _, r := range rows {
		share := func(n int) string {
			if r.lines == 0 {
				return ""
			}
			return fmt.Sprintf("%d/%d", n, r.lines)
		}
		var pop [3]string
		popTime := ""
		if r.format == "pdf" && r.popTime > 0 {
			popTime = ms(r.popTime)
			switch {
			case !r.popOK:
				pop[0] = "error"
			case r.lines > 0:
				pop = [3]string{share(r.popJoined), share(r.popFound), share(r.popExact)}
				p[0] += r.lines
				p[1] += r.popJoined
				p[2] += r.popFound
				p[3] += r.popExact
			}
		}
		if r.lines > 0 {
			t[0] += r.lines
			t[1] += r.joined
			t[2] += r.found
			t[3] += r.exact
		}
		fmt.Fprintf(w, "| `%s` | %s | %s | %s | %s | %s | %s | %.1f MB | %s | %s | %s | %s |\n", r.file, r.expect,
			share(r.joined), share(r.found), share(r.exact),
			strings.ReplaceAll(r.outcome, "|", "\\|"), ms(r.median), float64(r.rssKB)/1024, pop[0], pop[1], pop[2], popTime)
	}
	pct := func(n, d int) string { return fmt.Sprintf("%d/%d (%.1f%%)", n, d, 100*float64(n)/float64(max(d, 1))) }
	fmt.Fprintf(w, "| **all with expected text** | | **%s** | **%s** | **%s** | | | | | | | |\n", pct(t[1], t[0]), pct(t[2], t[0]), pct(t[3], t[0]))
	fmt.Fprintf(w, "| **the PDFs** | | | | | | | | **%s** | **%s** | **%s** | |\n", pct(p[1], p[0]), pct(p[2], p[0]), pct(p[3], p[0]))
	_ = md
}

func ms(d time.Duration) string {
	if d < time.Millisecond {
		return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000)
	}
	return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000)
}
