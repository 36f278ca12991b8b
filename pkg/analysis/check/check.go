// Package check is the linter behind `zhpolicy check`: built-in rules that
// look at one document (its raw size and encoding, its decoded text, what
// text cleaning would change, its script) and report findings with an exact
// position, plus a corpus-level rule that finds duplicate documents.
//
// Everything here is pure: Check takes a Document and the Settings that
// apply to it and returns values; it never reads files or prints. Positions
// are given as a 1-based line, a 1-based column counted in characters
// (Unicode code points, a tab is one) and a byte offset into Document.Text,
// the decoded text (for HTML the decoded markup, so that positions point into
// the file the user edits; for DOCX the extracted text).
//
// Rules that can be repaired safely (pinyin annotations, widths, invisible
// characters and, when the configuration asks for it, script conversion)
// attach Edits to their findings; ApplyEdits applies them.
package check

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Severity is how serious a finding is. Off disables a rule.
type Severity int

// Severities, from least to most serious.
const (
	Off Severity = iota
	Info
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "off"
}

// MarshalJSON writes the severity as its name.
func (s Severity) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// UnmarshalJSON reads a severity name.
func (s *Severity) UnmarshalJSON(b []byte) error {
	var name string
	if err := json.Unmarshal(b, &name); err != nil {
		return err
	}
	v, err := ParseSeverity(name)
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ParseSeverity reads "error", "warning", "info" or "off" (also "none",
// "false", "disabled" for off).
func ParseSeverity(name string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "info", "note":
		return Info, nil
	case "off", "none", "false", "disabled":
		return Off, nil
	}
	return Off, fmt.Errorf("invalid severity %q: use error, warning, info or off", name)
}

// Rule IDs.
const (
	RuleEncoding  = "encoding"
	RulePinyin    = "pinyin-annotation"
	RuleScriptMix = "script-mix"
	RuleWidth     = "width"
	RuleBrackets  = "brackets"
	RuleTerm      = "term"
	RuleDuplicate = "duplicate"
	RuleEmpty     = "empty"
	RuleSize      = "size"
	RuleInvisible = "invisible"
)

// Rule describes a built-in rule.
type Rule struct {
	ID       string
	Default  Severity
	Fixable  bool // --fix can repair its findings (script-mix only when configured)
	Summary  string
	Help     string // how to fix, for SARIF help and --help
	Document bool   // true when findings concern the whole file (line 1, column 1)
}

// registry is the catalogue of rules, in the order shown to users, with
// the function that runs each per-document rule on one document (nil for
// the corpus-level duplicate rule). To add a rule: a Rule* ID constant, an
// entry here, and its function (func(*view) []Finding) in a file of its own.
var coreRules = [...]ruleEntry{
	{Rule{ID: RuleEncoding, Default: Error, Document: false,
		Summary: "The file is not UTF-8, has a byte-order mark the configuration forbids, or holds undecodable bytes.",
		Help:    "Save the file as UTF-8 (for example `iconv -f GB18030 -t UTF-8`); repair bytes shown as U+FFFD from the original source."},
		ruleEncoding},
	{Rule{ID: RulePinyin, Default: Error, Fixable: true,
		Summary: "Pinyin annotations left after Han characters by converter web pages, such as 會(huì).",
		Help:    "Remove the annotation; `zhpolicy check --fix` does it."},
		rulePinyin},
	{Rule{ID: RuleScriptMix, Default: Warning, Fixable: true,
		Summary: "Characters of the other script in a document expected to be Simplified (or Traditional), such as 發展 in a Simplified document.",
		Help:    "Write the characters in the document's script; with `script-mix: {fix: true}` in the configuration, `--fix` converts them."},
		ruleScriptMix},
	{Rule{ID: RuleWidth, Default: Warning, Fixable: true,
		Summary: "Half-width punctuation between Chinese characters (, instead of ，) and full-width ASCII letters or digits (２０２４).",
		Help:    "Use full-width punctuation in Chinese text and half-width letters and digits; `--fix` does it."},
		ruleWidth},
	{Rule{ID: RuleBrackets, Default: Error,
		Summary: "Unbalanced or mismatched paired punctuation: “” 《》 （） 【】 「」 『』 〈〉.",
		Help:    "Add the missing half of the pair, or replace the wrong one."},
		ruleBrackets},
	{Rule{ID: RuleTerm, Default: Error,
		Summary: "Forbidden terms, required terms missing, and outdated formulations, from the configuration; matched in either script.",
		Help:    "Write the suggested or current form; add required terms."},
		ruleTerm},
	{Rule{ID: RuleDuplicate, Default: Warning, Document: true,
		Summary: "Documents whose normalised text is identical or nearly identical to an earlier document.",
		Help:    "Remove one of the copies, merge them, or exclude one in the configuration."},
		nil},
	{Rule{ID: RuleEmpty, Default: Warning, Document: true,
		Summary: "Empty files, or files with no text.",
		Help:    "Add the content or delete the file."},
		ruleEmpty},
	{Rule{ID: RuleSize, Default: Warning, Document: true,
		Summary: "Files over the configured size limit.",
		Help:    "Split the file, or raise `rules.size.max` in the configuration."},
		ruleSize},
	{Rule{ID: RuleInvisible, Default: Warning, Fixable: true,
		Summary: "Invisible characters: zero-width spaces and joiners, bidi marks, soft hyphens, a BOM inside the text.",
		Help:    "Remove them; `--fix` does it."},
		ruleInvisible},
}

// registry: the core rules, then the GB/T 9704 rules (gbt9704.go).
var registry = append(coreRules[:], gbt9704Rules[:]...)

type ruleEntry struct {
	Rule
	run ruleFunc
}

// Rules returns the built-in rules (a new slice each call).
func Rules() []Rule {
	out := make([]Rule, len(registry))
	for i := range registry {
		out[i] = registry[i].Rule
	}
	return out
}

// LookupRule returns the rule with the given ID.
func LookupRule(id string) (Rule, bool) {
	i := ruleIndex(id)
	if i < 0 {
		return Rule{}, false
	}
	return registry[i].Rule, true
}

func ruleIndex(id string) int {
	for i := range registry {
		if registry[i].ID == id {
			return i
		}
	}
	return -1
}

// RuleIDs returns the IDs of the built-in rules, in catalogue order.
func RuleIDs() []string {
	ids := make([]string, len(registry))
	for i := range registry {
		ids[i] = registry[i].ID
	}
	return ids
}

// Edit replaces Text[Start:End] with New.
type Edit struct {
	Start, End int
	New        string
}

// Finding is one problem found in one document.
type Finding struct {
	File      string   `json:"file"`
	Line      int      `json:"line"`   // 1-based
	Column    int      `json:"column"` // 1-based, in characters
	Offset    int      `json:"offset"` // byte offset into the decoded text
	EndLine   int      `json:"end_line"`
	EndColumn int      `json:"end_column"` // exclusive, in characters
	EndOffset int      `json:"end_offset"` // exclusive
	Severity  Severity `json:"severity"`
	Rule      string   `json:"rule"`
	Message   string   `json:"message"`
	// Text is the offending text as the document has it ("" for whole-file findings).
	Text string `json:"text,omitempty"`
	// Suggestion is the replacement, when there is one.
	Suggestion string `json:"suggestion,omitempty"`
	// Related names another file (the earlier copy for duplicates).
	Related string `json:"related,omitempty"`
	// Similarity is set for duplicates.
	Similarity float64 `json:"similarity,omitempty"`
	Fixable    bool    `json:"fixable,omitempty"`
	// Edits repair the finding; they are applied by --fix.
	Edits []Edit `json:"-"`
}

// String formats the finding like a compiler message:
// path:line:col: severity rule: message.
func (f Finding) String() string {
	return fmt.Sprintf("%s:%d:%d: %s %s: %s", f.File, f.Line, f.Column, f.Severity, f.Rule, f.Message)
}

// SortFindings orders findings by position, then rule, then message.
func SortFindings(fs []Finding) {
	slices.SortStableFunc(fs, compareFindings)
}

func compareFindings(a, b Finding) int {
	if c := a.Offset - b.Offset; c != 0 {
		return c
	}
	if a.Rule != b.Rule {
		return strings.Compare(a.Rule, b.Rule)
	}
	return strings.Compare(a.Message, b.Message)
}
