package structure

import (
	"fmt"
	"strings"
)

// ArabicDate writes a date in Arabic numerals, as GB/T 9704 wants the
// 成文日期: 2012年7月1日.
func ArabicDate(d Date) string { return arabicDate(d) }

// HeadingProblem is a departure of a heading from GB/T 9704.
type HeadingProblem struct {
	Heading int // index into the headings
	Message string
	// Fix is the marker as it should be written, when the problem is the
	// marker's form (a safe fix).
	Fix string
}

// HeadingProblems checks the headings of a document against GB/T 9704:
// the form of each marker (1. not 1、, 一、 not 一., nothing after （一）,
// full-width brackets), the order of levels (一、 then （一） then 1. then
// （1）: a level under another skips none), and the numbering (each run of
// siblings counts up from 1 by one; a run may go on counting from the
// previous parent's, as documents number 1. to 18. across sections, and
// articles and chapters count through the whole part).
func HeadingProblems(hs []Heading) []HeadingProblem {
	var out []HeadingProblem
	// last number of a kind under each parent, and in the whole part
	type key struct {
		parent int
		kind   markerKind
		part   int
	}
	last := map[key]int{}
	lastInPart := map[key]int{}
	for i, h := range hs {
		if h.Nonstandard != "" {
			msg := fmt.Sprintf("heading number %s: %s", quoteS(h.Marker), h.Nonstandard)
			if h.MarkerFix != "" {
				msg += "; write " + h.MarkerFix
			}
			out = append(out, HeadingProblem{Heading: i, Message: msg, Fix: h.MarkerFix})
		}
		if h.Parent >= 0 {
			p := hs[h.Parent]
			if p.Level > 0 && h.Level > p.Level+1 {
				var skipped []string
				for l := p.Level + 1; l < h.Level; l++ {
					skipped = append(skipped, levelMarker(l))
				}
				out = append(out, HeadingProblem{Heading: i, Message: fmt.Sprintf(
					"heading %s right under %s skips the level %s (GB/T 9704 orders 一、 （一） 1. （1）)",
					quoteS(h.Marker), quoteS(p.Marker), strings.Join(skipped, " "))})
			}
		}
		k := key{h.Parent, h.mk, h.Part}
		whole := key{-2, h.mk, h.Part}
		prev, seen := last[k]
		prevPart := lastInPart[whole]
		through := h.mk == mArticle || h.mk == mChapter || h.mk == mSection || h.mk == mPart
		switch {
		case through && prevPart > 0:
			if h.Number != prevPart+1 {
				out = append(out, numberingProblem(i, h, prevPart))
			}
		case seen:
			if h.Number != prev+1 {
				out = append(out, numberingProblem(i, h, prev))
			}
		default:
			// the first of its run: 1, or going on from the previous run
			if h.Number != 1 && h.Number != prevPart+1 {
				out = append(out, HeadingProblem{Heading: i, Message: fmt.Sprintf(
					"heading %s starts its run; number it %s", quoteS(h.Marker), markerOf(h.mk, 1))})
			}
		}
		last[k] = h.Number
		lastInPart[whole] = h.Number
	}
	return out
}

func numberingProblem(i int, h Heading, prev int) HeadingProblem {
	if h.Number == prev {
		return HeadingProblem{Heading: i, Message: fmt.Sprintf("heading number %s repeats the one before", quoteS(h.Marker))}
	}
	if h.Number < prev {
		return HeadingProblem{Heading: i, Message: fmt.Sprintf("heading %s comes after %s", quoteS(h.Marker), markerOf(h.mk, prev))}
	}
	return HeadingProblem{Heading: i, Message: fmt.Sprintf("heading %s follows %s: %s is missing",
		quoteS(h.Marker), markerOf(h.mk, prev), missing(h.mk, prev+1, h.Number-1))}
}

func missing(k markerKind, a, b int) string {
	if a == b {
		return markerOf(k, a)
	}
	return markerOf(k, a) + "…" + markerOf(k, b)
}

// markerOf writes the marker of kind k for number n.
func markerOf(k markerKind, n int) string {
	switch k {
	case mHan:
		return hanDigits(n) + "、"
	case mParenHan:
		return "（" + hanDigits(n) + "）"
	case mNum:
		return fmt.Sprintf("%d.", n)
	case mParenNum:
		return fmt.Sprintf("（%d）", n)
	case mCircled:
		if n >= 1 && n <= 20 {
			return string(rune('①' + n - 1))
		}
	case mChapter:
		return "第" + hanDigits(n) + "章"
	case mSection:
		return "第" + hanDigits(n) + "节"
	case mArticle:
		return "第" + hanDigits(n) + "条"
	case mPart:
		return "第" + hanDigits(n) + "部分"
	}
	return fmt.Sprint(n)
}

func levelMarker(l int) string {
	switch l {
	case 1:
		return "一、"
	case 2:
		return "（一）"
	case 3:
		return "1."
	case 4:
		return "（1）"
	}
	return ""
}

func quoteS(s string) string { return `"` + s + `"` }

// Problem is a finding of the structure checks with its position.
type Problem struct {
	Start, End int
	Message    string
}

// AttachmentProblems checks the 附件说明 against the attachments: every
// labelled attachment is named in it, with the same number and title;
// several attachments are numbered 1. 2. … in order, a single one is not
// numbered. A 附件说明 whose attachments are not in the text (published as
// separate files) is not a problem.
func AttachmentProblems(d *Document) []Problem {
	var out []Problem
	var labelled []Attachment
	for _, a := range d.Attachments {
		if a.Label != "" {
			labelled = append(labelled, a)
		}
	}
	note := d.AttachmentNote
	if note == nil {
		if len(labelled) > 0 {
			a := labelled[0]
			out = append(out, Problem{a.Start, a.Start + len(a.Label), fmt.Sprintf(
				"%d attachment(s) but no 附件说明 (附件：…) after the body", len(labelled))})
		}
		return out
	}
	items := note.Items
	if len(items) > 1 {
		for i, it := range items {
			if it.Number != i+1 {
				out = append(out, Problem{it.Start, it.End, fmt.Sprintf("attachment %s is numbered %d; number the attachments 1. 2. … in order", quoteS(it.Text), it.Number)})
			}
		}
	} else if len(items) == 1 && items[0].Number > 0 {
		out = append(out, Problem{items[0].Start, items[0].End, "a single attachment takes no number: 附件：" + items[0].Text})
	}
	if len(labelled) == 0 {
		return out
	}
	if len(labelled) != len(items) {
		out = append(out, Problem{note.Start, note.End, fmt.Sprintf("the 附件说明 names %d attachment(s), the text has %d", len(items), len(labelled))})
	}
	for i, a := range labelled {
		if len(labelled) > 1 && a.Number != i+1 {
			out = append(out, Problem{a.Start, a.Start + len(a.Label), fmt.Sprintf("attachment label %s: expected 附件%d", quoteS(a.Label), i+1)})
		}
		if i < len(items) && a.Title != nil && a.Title.Text != items[i].Text {
			out = append(out, Problem{a.Title.Start, a.Title.End, fmt.Sprintf(
				"attachment title %s differs from the 附件说明's %s", quoteS(a.Title.Text), quoteS(items[i].Text))})
		}
	}
	return out
}
