package check

import (
	"encoding/xml"
	"fmt"
	"io"

	lint "zhpolicy/pkg/analysis/check"
)

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

func buildJUnit(files []*fileResult, failOn lint.Severity, never bool) junitSuites {
	top := junitSuites{Name: "zhpolicy check"}
	for _, r := range files {
		s := junitSuite{Name: r.name, Time: "0"}
		for _, f := range r.findings {
			c := junitCase{
				Name:      fmt.Sprintf("%s at %d:%d", f.Rule, f.Line, f.Column),
				Classname: r.name,
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
			s.Cases = append(s.Cases, junitCase{Name: "no findings", Classname: r.name, Time: "0"})
		}
		s.Tests = len(s.Cases)
		top.Tests += s.Tests
		top.Failures += s.Failures
		top.Suites = append(top.Suites, s)
	}
	return top
}

func writeJUnit(w io.Writer, files []*fileResult, failOn lint.Severity, never bool) error {
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
