package check

import (
	"fmt"
	"strings"
	"zhpolicy/pkg/input"
	"zhpolicy/pkg/normalize"
	"zhpolicy/pkg/script"
)

// Document is one input as the linter sees it.
type Document struct {
	Name     string // as shown in findings
	Format   string // input.FormatText, FormatMarkdown, FormatHTML or FormatDOCX
	Encoding string // as input reports it: "utf-8", "utf-8-bom", "gb18030", "big5", "utf-16le", "utf-16be"
	Size     int64  // raw bytes of the file
	// Text is the decoded file: for text and Markdown the whole file, for
	// HTML the decoded markup (not the extracted text), for DOCX the text
	// extracted from it.
	Text     string
	Warnings []input.Warning // from decoding: undecodable bytes
	// Problem, when set, says why the file could not be read as text
	// ("binary file (NUL bytes)"); only the encoding rule reports it.
	Problem string
}

// Result is what Check found in one document.
type Result struct {
	Findings []Finding // ordered by position
	// Suppressed counts the findings silenced by comments in the document.
	Suppressed int
	// Fingerprint summarises the normalised text for the duplicate rule.
	Fingerprint Fingerprint

	supp *suppressor
	loc  *locator
}

// Suppresses reports whether the document's suppression comments silence
// f (for corpus-level findings such as duplicates, which are made later).
func (r *Result) Suppresses(f Finding) bool {
	return r.supp != nil && r.supp.suppressed(&f)
}

// view is what the rules read: the document, its settings, and the
// derived texts.
type view struct {
	doc   *Document
	set   *Settings
	loc   *locator
	mk    *markup
	clean *normalize.Result // cleaning of mk.masked: pinyin, invisible, width
	det   script.Detection  // of clean.Text (of the whole document, in parts)
	gbt   gbtState          // the GB/T 9704 structure, parsed once (gbt9704.go)
	// st is the document's Stream when the view is one part of it (the
	// rules that need the whole document keep their state there); nil
	// when the document is checked whole.
	st *Stream
}

// cleanOptions are the cleaning steps whose changes the rules report.
var cleanOptions = normalize.Options{Pinyin: true, Invisible: true, Width: true}

type ruleFunc func(v *view) []Finding

// Check runs the rules enabled in s on doc. It never fails: problems with
// the document are findings. s may be nil for the default settings.
func Check(doc *Document, s *Settings) *Result {
	if s == nil {
		s = DefaultSettings()
	}
	loc := newLocator(doc.Text)
	res := &Result{loc: loc}
	if doc.Problem != "" {
		if sev := s.Severity(RuleEncoding); sev != Off {
			f := documentFinding(RuleEncoding, doc.Problem)
			f.File, f.Severity = doc.Name, sev
			res.Findings = []Finding{f}
		}
		return res
	}
	mk := prepareMarkup(doc.Text, doc.Format)
	v := &view{doc: doc, set: s, loc: loc, mk: mk}
	v.clean = normalize.Clean(mk.masked, cleanOptions)
	v.det = script.Detect(v.clean.Text)
	res.supp = newSuppressor(mk.directives, loc)
	out := v.run(res, func(*ruleEntry) bool { return true })
	SortFindings(out)
	var c capper
	out = c.keep(nil, out)
	c.finish(out)
	for i := range out {
		// copies, not substrings that would keep the document in memory
		// as long as its findings (a corpus's findings are all kept)
		out[i].Text, out[i].Suggestion = strings.Clone(out[i].Text), strings.Clone(out[i].Suggestion)
	}
	res.Findings = out
	if s.Severity(RuleDuplicate) != Off {
		res.Fingerprint = fingerprint(normaliseForDuplicates(v.clean.Text), s.DuplicateMinChars)
	}
	return res
}

// run runs the per-document rules that s enables and keep accepts on v,
// and returns their findings (severity set, suppressed ones counted in res
// and left out, Fixable set).
func (v *view) run(res *Result, keep func(*ruleEntry) bool) []Finding {
	s, doc, mk, loc := v.set, v.doc, v.mk, v.loc
	fixable := doc.Format != "docx"
	var out []Finding
	for i := range registry {
		r := &registry[i]
		sev := s.Severity(r.ID)
		if sev == Off || r.run == nil || !keep(r) {
			continue
		}
		for _, f := range r.run(v) {
			f.File = doc.Name
			if f.Severity == Off {
				f.Severity = sev
			}
			widenToReferences(mk, loc, &f)
			if res.supp.suppressed(&f) {
				res.Suppressed++
				continue
			}
			if !fixable || (r.ID == RuleScriptMix && !s.ScriptFix) || editsTouch(mk, f.Edits) {
				f.Edits = nil
			}
			f.Fixable = len(f.Edits) > 0
			out = append(out, f)
		}
	}
	return out
}

// editsTouch reports whether an edit touches a decoded HTML character
// reference (the masked text differs from the file there).
func editsTouch(mk *markup, edits []Edit) bool {
	for _, e := range edits {
		if mk.overlapsSynthetic(e.Start, e.End) {
			return true
		}
	}
	return false
}

// DuplicateText returns the normalised text of doc that the duplicate rule
// compares (see Similarity): the cleaned prose, folded to Simplified, with
// only letters and digits.
func DuplicateText(doc *Document) string {
	if doc.Problem != "" {
		return ""
	}
	mk := prepareMarkup(doc.Text, doc.Format)
	return normaliseForDuplicates(normalize.Clean(mk.masked, cleanOptions).Text)
}

// widenToReferences makes a finding on a decoded HTML character reference
// cover the whole reference (&ldquo;), as the file has it.
func widenToReferences(mk *markup, loc *locator, f *Finding) {
	if len(mk.synthetic) == 0 || f.EndOffset <= f.Offset {
		return
	}
	s, e := f.Offset, f.EndOffset
	for _, sp := range mk.synthetic {
		if s < sp[1] && e > sp[0] {
			s, e = min(s, sp[0]), max(e, sp[1])
		}
	}
	if s != f.Offset || e != f.EndOffset {
		w := loc.finding(f.Rule, s, e, f.Message)
		f.Offset, f.EndOffset, f.Line, f.Column, f.EndLine, f.EndColumn, f.Text = w.Offset, w.EndOffset, w.Line, w.Column, w.EndLine, w.EndColumn, w.Text
	}
}

// MaxPerRule is the most findings with a position one rule reports in one
// file: the first ones, the last of which says how many more there are (a
// dump of a whole portal in the other script would otherwise give millions,
// which nobody reads and which would hold memory in proportion).
const MaxPerRule = 10000

// capper keeps the first MaxPerRule findings of each rule that have a
// position (findings about the whole file are always kept).
type capper struct {
	n    map[string]int // findings of the rule seen
	last map[string]int // index of the last one kept
}

// keep appends the findings of fs (in order of position, after those
// already kept) that are under the cap.
func (c *capper) keep(out, fs []Finding) []Finding {
	for _, f := range fs {
		if f.Offset == 0 && f.EndOffset == 0 && f.Line == 1 && f.Column == 1 {
			out = append(out, f)
			continue
		}
		if c.n == nil {
			c.n, c.last = map[string]int{}, map[string]int{}
		}
		c.n[f.Rule]++
		if c.n[f.Rule] > MaxPerRule {
			continue
		}
		c.last[f.Rule] = len(out)
		out = append(out, f)
	}
	return out
}

// finish tells, on the last finding kept of each rule over the cap, how
// many were left out.
func (c *capper) finish(out []Finding) {
	for rule, n := range c.n {
		if n > MaxPerRule {
			out[c.last[rule]].Message += fmt.Sprintf(" (%d more %s findings in this file not listed)", n-MaxPerRule, rule)
		}
	}
}
