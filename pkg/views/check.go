package views

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	lint "zhpolicy/pkg/analysis/check"
	"zhpolicy/pkg/report"
)

// CheckView is the view of check's findings in the row and JSON formats:
// in JSON the counts and every finding with all its fields; in CSV, TSV
// and Markdown one row per finding.
func CheckView(files int, all []lint.Finding) *View {
	c := CountFindings(all)
	v := &View{Meta: []report.KV{{Key: "version", Value: 1}, {Key: "files", Value: files},
		{Key: "counts", Value: report.Value(c)}}}
	machine := &report.Table{Name: "findings", Columns: []report.Column{{Name: "file"}, {Name: "line"}, {Name: "column"},
		{Name: "offset"}, {Name: "end_line"}, {Name: "end_column"}, {Name: "end_offset"}, {Name: "severity"}, {Name: "rule"},
		{Name: "message"}, {Name: "text", OmitEmpty: true}, {Name: "suggestion", OmitEmpty: true}, {Name: "related", OmitEmpty: true},
		{Name: "similarity", OmitEmpty: true}, {Name: "fixable", OmitEmpty: true}}}
	flat := &report.Table{Name: "findings", Columns: []report.Column{{Name: "file"}, {Name: "line", Align: report.Right},
		{Name: "column", Align: report.Right}, {Name: "offset", Align: report.Right}, {Name: "severity"}, {Name: "rule"}, {Name: "message"}}}
	for _, f := range all {
		machine.Rows = append(machine.Rows, []any{f.File, f.Line, f.Column, f.Offset, f.EndLine, f.EndColumn, f.EndOffset,
			f.Severity.String(), f.Rule, f.Message, f.Text, f.Suggestion, f.Related, f.Similarity, f.Fixable})
		flat.Rows = append(flat.Rows, []any{f.File, f.Line, f.Column, f.Offset, f.Severity.String(), f.Rule, f.Message})
	}
	v.Machine, v.Lines, v.Flat, v.People = []*report.Table{machine}, machine, flat, []*report.Table{flat}
	return v
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// Counts are the findings of each severity, and those --fix can repair.
type Counts struct {
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Info    int `json:"info"`
	Fixable int `json:"fixable"`
}

// CountFindings counts findings by severity.
func CountFindings(all []lint.Finding) Counts {
	var c Counts
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

// FileFindings are the findings of one file, and what --fix did to it.
type FileFindings struct {
	Name     string
	Findings []lint.Finding
	Applied  map[string]int // fixes applied (or, with --dry-run, that would be)
}

// WriteGrouped writes the findings for a terminal: one heading per file,
// then one line per finding with aligned columns.
func WriteGrouped(w io.Writer, files []*FileFindings, colour bool) error {
	paint := func(code, s string) string {
		if !colour {
			return s
		}
		return code + s + ansiReset
	}
	var b strings.Builder
	first := true
	for _, r := range files {
		if len(r.Findings) == 0 {
			continue
		}
		if !first {
			b.WriteByte('\n')
		}
		first = false
		b.WriteString(paint(ansiBold+ansiUnder, report.Printable(r.Name)))
		b.WriteByte('\n')
		posW, sevW := 0, 0
		for _, f := range r.Findings {
			posW = max(posW, len(strconv.Itoa(f.Line))+1+len(strconv.Itoa(f.Column)))
			sevW = max(sevW, len(f.Severity.String()))
		}
		for _, f := range r.Findings {
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
				report.Printable(f.Message), paint(ansiDim, f.Rule))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// CheckSummary is the line check prints on stderr: files checked, findings
// by severity, and what --fix can do or would do.
func CheckSummary(files []*FileFindings, all []lint.Finding, fix, dryRun bool) string {
	c := CountFindings(all)
	withFindings := 0
	for _, r := range files {
		if len(r.Findings) > 0 {
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
		if c.Fixable > 0 && !fix {
			msg += fmt.Sprintf(" (%d fixable with --fix)", c.Fixable)
		}
	}
	if fix && dryRun {
		n, changed := 0, 0
		for _, r := range files {
			for _, k := range r.Applied {
				n += k
			}
			if len(r.Applied) > 0 {
				changed++
			}
		}
		msg += fmt.Sprintf("; --fix would repair %s in %s", noun(n, "finding", "findings"), noun(changed, "file", "files"))
	}
	return msg
}

// --- GitHub Actions workflow commands ---

// WriteGitHub writes GitHub Actions workflow commands (annotations).
func WriteGitHub(w io.Writer, all []lint.Finding) error {
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

// JUnit XML in the common (Ant/Jenkins) shape: one <testsuite> per file,
// one <testcase> per finding — a <failure> when the finding is at or above
// --fail-on, else passed with the finding in <system-out> — and one passed
// testcase for a file without findings, so CI dashboards count every file.

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Time     string      `xml:"time,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

func buildJUnit(files []*FileFindings, failOn lint.Severity, never bool) junitSuites {
	top := junitSuites{Name: "zhpolicy check"}
	for _, r := range files {
		s := junitSuite{Name: r.Name, Time: "0"}
		for _, f := range r.Findings {
			c := junitCase{
				Name:      fmt.Sprintf("%s at %d:%d", f.Rule, f.Line, f.Column),
				Classname: r.Name,
				Time:      "0",
			}
			if !never && f.Severity >= failOn {
				c.Failure = &junitFailure{Message: f.Message, Type: f.Severity.String(), Text: f.String()}
				s.Failures++
			} else {
				c.SystemOut = f.String()
			}
			s.Cases = append(s.Cases, c)
		}
		if len(s.Cases) == 0 {
			s.Cases = append(s.Cases, junitCase{Name: "no findings", Classname: r.Name, Time: "0"})
		}
		s.Tests = len(s.Cases)
		top.Tests += s.Tests
		top.Failures += s.Failures
		top.Suites = append(top.Suites, s)
	}
	return top
}

// WriteJUnit writes JUnit XML: a testsuite per file, a failing testcase per
// finding at or above failOn (none when never).
func WriteJUnit(w io.Writer, files []*FileFindings, failOn lint.Severity, never bool) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(buildJUnit(files, failOn, never)); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// SARIF 2.1.0 (OASIS): one run, the rules in tool.driver.rules, one result
// per finding. Columns count Unicode code points (run.columnKind).

const sarifSchema = "https://json.schemastore.org/sarif-2.1.0.json"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string          `json:"id"`
	Name                 string          `json:"name"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      sarifText       `json:"fullDescription"`
	Help                 sarifText       `json:"help"`
	DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID           string          `json:"ruleId"`
	RuleIndex        int             `json:"ruleIndex"`
	Level            string          `json:"level"`
	Message          sarifText       `json:"message"`
	Locations        []sarifLocation `json:"locations"`
	RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
	Properties       map[string]any  `json:"properties,omitempty"`
}

type sarifLocation struct {
	ID               *int                  `json:"id,omitempty"`
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	case lint.Info:
		return "note"
	}
	return "none"
}

// sarifURI turns a path into a relative (or file:) URI reference.
func sarifURI(p string) string {
	slash := filepath.ToSlash(p)
	if filepath.IsAbs(p) {
		return (&url.URL{Scheme: "file", Path: slash}).String()
	}
	slash = strings.TrimPrefix(slash, "./")
	u := (&url.URL{Path: slash}).EscapedPath()
	if i := strings.IndexByte(u, ':'); i >= 0 && !strings.Contains(u[:i], "/") {
		u = "./" + u // "a:b.md" must not read as a scheme
	}
	return u
}

func buildSARIF(version string, all []lint.Finding) sarifLog {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{Name: "zhpolicy", Version: version}},
		// Columns are counted in characters.
		ColumnKind: "unicodeCodePoints",
		Results:    []sarifResult{},
	}
	index := map[string]int{}
	for i, r := range lint.Rules() {
		index[r.ID] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ID: r.ID, Name: r.ID,
			ShortDescription:     sarifText{r.Summary},
			FullDescription:      sarifText{r.Summary},
			Help:                 sarifText{r.Help},
			DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(r.Default)},
		})
	}
	for _, f := range all {
		loc := sarifLocation{PhysicalLocation: sarifPhysicalLocation{
			ArtifactLocation: sarifArtifactLocation{URI: sarifURI(f.File)},
			Region:           &sarifRegion{StartLine: f.Line, StartColumn: f.Column},
		}}
		if f.EndLine > 0 && (f.EndLine != f.Line || f.EndColumn != f.Column) {
			loc.PhysicalLocation.Region.EndLine = f.EndLine
			loc.PhysicalLocation.Region.EndColumn = f.EndColumn
		}
		res := sarifResult{
			RuleID: f.Rule, RuleIndex: index[f.Rule], Level: sarifLevel(f.Severity),
			Message:    sarifText{f.Message},
			Locations:  []sarifLocation{loc},
			Properties: map[string]any{"offset": f.Offset, "endOffset": f.EndOffset},
		}
		if f.Suggestion != "" {
			res.Properties["suggestion"] = f.Suggestion
		}
		if f.Fixable {
			res.Properties["fixable"] = true
		}
		if f.Related != "" {
			id := 1
			res.RelatedLocations = []sarifLocation{{ID: &id, PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: sarifArtifactLocation{URI: sarifURI(f.Related)},
			}}}
			res.Properties["similarity"] = f.Similarity
		}
		run.Results = append(run.Results, res)
	}
	return sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}}
}

// WriteSARIF writes a SARIF 2.1.0 log of the findings.
func WriteSARIF(w io.Writer, version string, all []lint.Finding) error {
	return writeJSON(w, buildSARIF(version, all))
}
