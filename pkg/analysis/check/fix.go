package check

import (
	"slices"
	"strings"
)

// Fixed is what Fix did to one document.
type Fixed struct {
	Text    string         // the repaired text (the input when nothing was fixed)
	Applied map[string]int // rule → number of findings repaired
	// Findings are those left after fixing (Check of the repaired text).
	Findings []Finding
	Result   *Result // the last Check
}

// Changed reports whether anything was repaired.
func (f *Fixed) Changed() bool { return len(f.Applied) > 0 }

// maxFixPasses bounds the repair loop: a repair can make a new one possible
// (removing 會(huì) before a comma puts the comma between Han characters).
const maxFixPasses = 4

// Fix repairs the fixable findings of doc, checking again after each pass
// until nothing fixable is left, so that a second Fix finds nothing to do.
// doc.Text is not modified; the repaired text is in the result.
func Fix(doc *Document, s *Settings) *Fixed {
	out := &Fixed{Text: doc.Text, Applied: map[string]int{}}
	d := *doc
	res := Check(&d, s)
	for pass := 0; pass < maxFixPasses; pass++ {
		text, applied := ApplyEdits(d.Text, res.Findings)
		if len(applied) == 0 {
			break
		}
		for _, f := range applied {
			out.Applied[f.Rule]++
		}
		d.Text = text
		d.Size = int64(len(text))
		if d.Encoding == "utf-8-bom" {
			d.Size += 3
		}
		res = Check(&d, s)
	}
	if len(out.Applied) == 0 {
		out.Applied = nil
	}
	out.Text = d.Text
	out.Findings = res.Findings
	out.Result = res
	return out
}

// ApplyEdits applies the edits of the fixable findings to text. Findings
// whose edits overlap an edit already taken are left for a later pass. It
// returns the new text and the findings applied.
func ApplyEdits(text string, findings []Finding) (string, []Finding) {
	type job struct {
		e Edit
		f int
	}
	var jobs []job
	for i, f := range findings {
		for _, e := range f.Edits {
			jobs = append(jobs, job{e, i})
		}
	}
	if len(jobs) == 0 {
		return text, nil
	}
	// Reject every finding one of whose edits overlaps an earlier finding's.
	slices.SortStableFunc(jobs, func(a, b job) int {
		if a.e.Start != b.e.Start {
			return a.e.Start - b.e.Start
		}
		return a.e.End - b.e.End
	})
	rejected := map[int]bool{}
	lastEnd := -1
	for _, j := range jobs {
		if j.e.Start < 0 || j.e.End > len(text) || j.e.Start > j.e.End || j.e.Start < lastEnd {
			rejected[j.f] = true
			continue
		}
		if !rejected[j.f] {
			lastEnd = j.e.End
		}
	}
	var b strings.Builder
	b.Grow(len(text))
	pos := 0
	var applied []Finding
	done := map[int]bool{}
	for _, j := range jobs {
		if rejected[j.f] {
			continue
		}
		b.WriteString(text[pos:j.e.Start])
		b.WriteString(j.e.New)
		pos = j.e.End
		done[j.f] = true
	}
	b.WriteString(text[pos:])
	for i, f := range findings {
		if done[i] {
			applied = append(applied, f)
		}
	}
	return b.String(), applied
}
