package check

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	lint "zhpolicy/pkg/analysis/check"
	"zhpolicy/pkg/report"
)

// writeFindings writes the findings in the chosen format.
func writeFindings(opts *Options, format string, files []*fileResult, all []lint.Finding, failOn lint.Severity, never bool) error {
	out := opts.IO.Out
	switch format {
	case "json":
		return report.WriteJSON(out, jsonReport{
			Version: 1, Files: len(files), Counts: countFindings(all),
			Findings: nonNil(all),
		})
	case "jsonl":
		jl := report.NewJSONLines(out)
		for _, f := range all {
			if err := jl.Write(f); err != nil {
				return err
			}
		}
		return nil
	case "csv", "tsv", "markdown":
		t := report.Table{
			Header: []string{"file", "line", "column", "offset", "severity", "rule", "message"},
			Align:  []report.Align{report.Left, report.Right, report.Right, report.Right},
		}
		for _, f := range all {
			t.Rows = append(t.Rows, []string{f.File, strconv.Itoa(f.Line), strconv.Itoa(f.Column),
				strconv.Itoa(f.Offset), f.Severity.String(), f.Rule, f.Message})
		}
		return report.WriteTables(out, format, t)
	case "github":
		return writeGitHub(out, all)
	case "junit":
		return writeJUnit(out, files, failOn, never)
	case "sarif":
		return writeSARIF(out, opts.Version, all)
	}
	if opts.IO.IsStdoutTTY() {
		return writeGrouped(out, files, opts.IO.ColourEnabled())
	}
	for _, f := range all {
		if _, err := fmt.Fprintln(out, f.String()); err != nil {
			return err
		}
	}
	return nil
}

func nonNil(fs []lint.Finding) []lint.Finding {
	if fs == nil {
		return []lint.Finding{}
	}
	return fs
}

type counts struct {
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Info    int `json:"info"`
	Fixable int `json:"fixable"`
}

type jsonReport struct {
	Version  int            `json:"version"`
	Files    int            `json:"files"`
	Counts   counts         `json:"counts"`
	Findings []lint.Finding `json:"findings"`
}

func countFindings(all []lint.Finding) counts {
	var c counts
	for _, f := range all {
		switch f.Severity {
		case lint.Error:
			c.Error++
		case lint.Warning:
			c.Warning++
		case lint.Info:
			c.Info++
		}
		if f.Fixable {
			c.Fixable++
		}
	}
	return c
}

// ANSI colours for the terminal.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[34m"
	ansiUnder  = "\x1b[4m"
)

// writeGrouped writes the findings for a terminal: one heading per file,
// then one line per finding with aligned columns.
func writeGrouped(w io.Writer, files []*fileResult, colour bool) error {
	paint := func(code, s string) string {
		if !colour {
			return s
		}
		return code + s + ansiReset
	}
	var b strings.Builder
	first := true
	for _, r := range files {
		if len(r.findings) == 0 {
			continue
		}
		if !first {
			b.WriteByte('\n')
		}
		first = false
		b.WriteString(paint(ansiBold+ansiUnder, r.name))
		b.WriteByte('\n')
		posW, sevW := 0, 0
		for _, f := range r.findings {
			posW = max(posW, len(strconv.Itoa(f.Line))+1+len(strconv.Itoa(f.Column)))
			sevW = max(sevW, len(f.Severity.String()))
		}
		for _, f := range r.findings {
			pos := strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column)
			sev := f.Severity.String()
			code := ansiBlue
			switch f.Severity {
			case lint.Error:
				code = ansiRed
			case lint.Warning:
				code = ansiYellow
			}
			fmt.Fprintf(&b, "  %s%s  %s%s  %s  %s\n",
				paint(ansiDim, pos), strings.Repeat(" ", posW-len(pos)),
				paint(code, sev), strings.Repeat(" ", sevW-len(sev)),
				f.Message, paint(ansiDim, f.Rule))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// printSummary tells on stderr how many files were checked and found.
func printSummary(opts *Options, files []*fileResult, all []lint.Finding) {
	c := countFindings(all)
	withFindings := 0
	for _, r := range files {
		if len(r.findings) > 0 {
			withFindings++
		}
	}
	noun := func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return strconv.Itoa(n) + " " + many
	}
	msg := fmt.Sprintf("%s checked: ", noun(len(files), "file", "files"))
	if len(all) == 0 {
		msg += "no problems found"
	} else {
		msg += fmt.Sprintf("%s, %s, %s in %s",
			noun(c.Error, "error", "errors"), noun(c.Warning, "warning", "warnings"),
			noun(c.Info, "info", "infos"), noun(withFindings, "file", "files"))
		if c.Fixable > 0 && !opts.Fix {
			msg += fmt.Sprintf(" (%d fixable with --fix)", c.Fixable)
		}
	}
	if opts.Fix && opts.DryRun {
		n, changed := 0, 0
		for _, r := range files {
			for _, k := range r.applied {
				n += k
			}
			if len(r.applied) > 0 {
				changed++
			}
		}
		msg += fmt.Sprintf("; --fix would repair %s in %s", noun(n, "finding", "findings"), noun(changed, "file", "files"))
	}
	fmt.Fprintln(opts.IO.ErrOut, msg)
}

// --- GitHub Actions workflow commands ---

func writeGitHub(w io.Writer, all []lint.Finding) error {
	var b strings.Builder
	for _, f := range all {
		level := "notice"
		switch f.Severity {
		case lint.Error:
			level = "error"
		case lint.Warning:
			level = "warning"
		}
		fmt.Fprintf(&b, "::%s file=%s,line=%d,col=%d", level, ghProperty(f.File), f.Line, f.Column)
		if f.EndLine > 0 && (f.EndLine != f.Line || f.EndColumn != f.Column) {
			fmt.Fprintf(&b, ",endLine=%d,endColumn=%d", f.EndLine, f.EndColumn)
		}
		fmt.Fprintf(&b, ",title=%s::%s\n", ghProperty("zhpolicy "+f.Rule), ghData(f.Message))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
