package check

import (
	"io"
	"net/url"
	"path/filepath"
	"strings"

	lint "zhpolicy/pkg/analysis/check"
	"zhpolicy/pkg/report"
)

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

func writeSARIF(w io.Writer, version string, all []lint.Finding) error {
	return report.WriteJSON(w, buildSARIF(version, all))
}
