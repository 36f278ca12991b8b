package check

import (
	"fmt"
	"strings"

	"zhpolicy/pkg/structure"
)

// The GB/T 9704-2012 format rules (党政机关公文格式). They read the
// document's structure (pkg/structure) and are off by default: a corpus of
// scraped notices is not a set of 公文 drafts. The gbt9704 preset turns them
// on (`zhpolicy check --preset gbt9704`, or each rule in the configuration:
// `rules: {gbt9704-number: warning}`).
const (
	RuleGBNumber      = "gbt9704-number"
	RuleGBDate        = "gbt9704-date"
	RuleGBHeadings    = "gbt9704-headings"
	RuleGBTitle       = "gbt9704-title"
	RuleGBAttachments = "gbt9704-attachments"
	RuleGBPages       = "gbt9704-pages"
)

// gbt9704Rules are registered after the core rules (check.go).
var gbt9704Rules = [...]ruleEntry{
	{Rule{ID: RuleGBNumber, Default: Off, Fixable: true,
		Summary: "GB/T 9704: a document number (发文字号, or a cited one) not in the form 国发〔2024〕5号: year in other brackets than 〔〕, a 第 before the serial number, a leading zero.",
		Help:    "Write 机关代字〔年份〕序号号 with 六角括号, no 第 and no leading zero; `--fix` does it."},
		ruleGBNumber},
	{Rule{ID: RuleGBDate, Default: Off, Fixable: true,
		Summary: "GB/T 9704: the 成文日期 (or the 印发日期) written in Chinese numerals (二〇一二年七月一日) instead of Arabic numerals.",
		Help:    "Write the date in Arabic numerals: 2012年7月1日; `--fix` does it."},
		ruleGBDate},
	{Rule{ID: RuleGBHeadings, Default: Off, Fixable: true,
		Summary: "GB/T 9704: heading numbers out of form (1、 for 1., 一. for 一、, （一）、), a level skipped (1. right under 一、), or numbering with a gap or a repeat (一、 三、).",
		Help:    "Number headings 一、 （一） 1. （1） in that order, each run from 1 without gaps; `--fix` repairs the form of a marker."},
		ruleGBHeadings},
	{Rule{ID: RuleGBTitle, Default: Off,
		Summary: "GB/T 9704: a title that does not end with a 文种 (通知, 意见, 决定, 批复, 函 … the fifteen of the 党政机关公文处理工作条例).",
		Help:    "End the title with its document type; a regulation or a plan is issued by a notice: 关于印发《…》的通知."},
		ruleGBTitle},
	{Rule{ID: RuleGBAttachments, Default: Off,
		Summary: "GB/T 9704: the 附件说明 does not match the attachments (their number, their names, the order of their numbers), or attachments have no 附件说明.",
		Help:    "List every attachment after 附件： with its number (1. 2. …) and its exact title; label each attachment 附件1, 附件2 …."},
		ruleGBAttachments},
	{Rule{ID: RuleGBPages, Default: Off, Fixable: true,
		Summary: "GB/T 9704: page numbers not written — N — (a number between two 一字线), or pages numbered with a gap.",
		Help:    "Write page numbers as — 3 —; `--fix` rewrites the form."},
		ruleGBPages},
}

// Presets are named sets of rules the check command can turn on.
var presets = map[string][]string{
	"gbt9704": {RuleGBNumber, RuleGBDate, RuleGBHeadings, RuleGBTitle, RuleGBAttachments, RuleGBPages},
}

// Presets returns the names of the rule presets.
func Presets() []string { return []string{"gbt9704"} }

// PresetRules returns the rules of a preset.
func PresetRules(name string) ([]string, bool) {
	r, ok := presets[name]
	return append([]string(nil), r...), ok
}

// EnablePreset turns on, at warning, the rules of a preset that the
// configuration leaves off (a severity the configuration sets is kept).
func (c *Config) EnablePreset(name string) error {
	ids, ok := presets[name]
	if !ok {
		return fmt.Errorf("unknown preset %q: the presets are %s", name, strings.Join(Presets(), ", "))
	}
	c.EnableOff(ids)
	return nil
}

// EnableOff turns on, at warning, the given rules that default to off and
// that the configuration leaves off (--only gbt9704-title runs that rule).
func (c *Config) EnableOff(ids []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, id := range ids {
		if r, ok := LookupRule(id); ok && r.Default == Off && c.base.Severity(id) == Off {
			c.base.SetSeverity(id, Warning)
		}
	}
	c.cache = nil
}

// gbtState holds a document's structure for the GB/T 9704 rules.
type gbtState struct{ doc *structure.Document }

// structureOf parses the document's structure once per check.
func (v *view) structureOf() *structure.Document {
	if v.gbt.doc == nil {
		text := v.mk.masked
		if len(v.mk.breaks) > 0 {
			// HTML: block boundaries become line breaks (offsets unchanged)
			b := []byte(text)
			for _, o := range v.mk.breaks {
				if o >= 0 && o < len(b) && b[o] == ' ' {
					b[o] = '\n'
				}
			}
			text = string(b)
		}
		v.gbt.doc = structure.Parse(text)
	}
	return v.gbt.doc
}

// numberFindings checks one document number.
func numberFindings(v *view, n *structure.Number, own bool) []Finding {
	if n == nil || n.Form != "standard" || len(n.Nonstandard) == 0 {
		return nil
	}
	what := "cited document number"
	if own {
		what = "document number (发文字号)"
	}
	var why []string
	var edits []Edit
	for _, ns := range n.Nonstandard {
		switch ns {
		case "bracket":
			why = append(why, "the year goes in 〔〕")
			edits = append(edits, Edit{Start: n.Open.Start, End: n.Open.End, New: "〔"}, Edit{Start: n.Close.Start, End: n.Close.End, New: "〕"})
		case "第":
			why = append(why, "no 第 before the serial number")
			edits = append(edits, Edit{Start: n.Di.Start, End: n.Di.End})
		case "leading-zero":
			why = append(why, "no leading zero")
			edits = append(edits, Edit{Start: n.Zeros.Start, End: n.Zeros.End})
		}
	}
	f := v.loc.finding(RuleGBNumber, n.Start, n.End, fmt.Sprintf("%s %s: %s; write %s", what, quote(n.Text), strings.Join(why, ", "), n.Canonical()))
	f.Suggestion = n.Canonical()
	f.Edits = edits
	return []Finding{f}
}

func ruleGBNumber(v *view) []Finding {
	d := v.structureOf()
	out := numberFindings(v, d.Number, true)
	for _, c := range d.Citations {
		out = append(out, numberFindings(v, c.Number, false)...)
	}
	return out
}

func ruleGBDate(v *view) []Finding {
	d := v.structureOf()
	var out []Finding
	for _, c := range []struct {
		d    *structure.Date
		what string
	}{{d.Date, "成文日期"}, {d.PrintedDate, "印发日期"}} {
		if c.d == nil || c.d.Arabic {
			continue
		}
		fix := structure.ArabicDate(*c.d)
		f := v.loc.finding(RuleGBDate, c.d.Start, c.d.End, fmt.Sprintf("%s %s in Chinese numerals; GB/T 9704 writes %s", c.what, quote(c.d.Text), fix))
		f.Suggestion = fix
		if v.doc.Text[c.d.Start:c.d.End] == c.d.Text {
			f.Edits = []Edit{{Start: c.d.Start, End: c.d.End, New: fix}}
		}
		out = append(out, f)
	}
	return out
}

func ruleGBHeadings(v *view) []Finding {
	d := v.structureOf()
	var out []Finding
	text := v.doc.Text
	for _, p := range structure.HeadingProblems(d.Headings) {
		h := d.Headings[p.Heading]
		end := h.Start + len(h.Marker)
		if end > len(text) || text[h.Start:end] != h.Marker {
			end = h.End
		}
		f := v.loc.finding(RuleGBHeadings, h.Start, end, p.Message)
		if p.Fix != "" && end == h.Start+len(h.Marker) {
			f.Suggestion = p.Fix
			f.Edits = []Edit{{Start: h.Start, End: end, New: p.Fix}}
		}
		out = append(out, f)
	}
	return out
}

func ruleGBTitle(v *view) []Finding {
	d := v.structureOf()
	if d.Title == nil || structure.IsLegalDocType(d.Title.Text) {
		return nil
	}
	msg := fmt.Sprintf("title %s does not end with a 文种 (通知, 意见, 决定, 批复, 函 …)", quote(d.Title.Text))
	if d.Title.DocType != "" && !strings.Contains(d.Title.Text, "关于") {
		msg += fmt.Sprintf("; a %s is issued by a notice: 关于印发《%s》的通知", d.Title.DocType, d.Title.Text)
	}
	return []Finding{v.loc.finding(RuleGBTitle, d.Title.Start, d.Title.End, msg)}
}

func ruleGBAttachments(v *view) []Finding {
	d := v.structureOf()
	var out []Finding
	for _, p := range structure.AttachmentProblems(d) {
		out = append(out, v.loc.finding(RuleGBAttachments, p.Start, p.End, p.Message))
	}
	return out
}

func ruleGBPages(v *view) []Finding {
	d := v.structureOf()
	var out []Finding
	for i, p := range d.PageNumbers {
		if !p.Standard {
			want := fmt.Sprintf("— %d —", p.Number)
			f := v.loc.finding(RuleGBPages, p.Start, p.End, fmt.Sprintf("page number %s; GB/T 9704 writes %s", quote(p.Text), want))
			f.Suggestion = want
			f.Edits = []Edit{{Start: p.Start, End: p.End, New: want}}
			out = append(out, f)
		}
		if i > 0 && p.Number != d.PageNumbers[i-1].Number+1 {
			out = append(out, v.loc.finding(RuleGBPages, p.Start, p.End,
				fmt.Sprintf("page %d follows page %d", p.Number, d.PageNumbers[i-1].Number)))
		}
	}
	return out
}
