package keywords

import (
	"math"
	"strings"
	"unicode/utf8"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/structure"
)

// A notice is often procedure from end to end: who may apply, by when,
// with which forms, to whom, how the applications are reviewed, whom to
// call. That vocabulary (申报书, 汇总表, 公章, 一式两份, 申报材料) is the same
// in every notice and fills the top of a notice's ranking unless told
// apart. The document's structure tells it apart: pkg/structure finds the
// headings and attachments, and
//
//   - a section whose heading, or the heading of a section enclosing it,
//     names a step of procedure (申报流程, 联系方式, 申报条件, 材料报送,
//     评审程序, 时间安排, 有关要求) is procedural, with all it holds;
//   - an attachment that is a form (its title ends in 表, 书, 模板, 格式,
//     回执: 申报书, 推荐汇总表, 承诺书) is procedural;
//
// and the occurrences in procedural parts count less (procDamp): a term
// used only there ranks at 1-procDamp of its value, one used half there
// at 1-procDamp/2. Weighed down, not out: a notice that is procedure and
// nothing else still ranks its best terms.

// procHeadingCues are the steps of procedure a heading may name: each a
// general word of the procedure of Chinese administrative notices, matched
// anywhere in the folded heading.
var procHeadingCues = []string{
	"流程", "程序", "方式", "材料", "时间", "报送", "提交", "受理", "评审", "评选", "遴选",
	"审核", "联系", "咨询", "截止", "日程", "注意事项", "有关事项", "其他事项", "附则", "公示",
}

// procShortCues are the cues that name procedure only in a short heading
// (at most procShortRunes characters: 工作要求, 有关要求, 其他要求), not in
// a long one (建设要求 of a plan's chapter is its content).
var procShortCues = []string{"要求"}

const procShortRunes = 6

// procFormEnds are the ends of the title of an attachment that is a form.
var procFormEnds = []string{"表", "书", "模板", "格式", "样式", "回执", "样表"}

// procDamp is how much less a term ranks when every occurrence is in a
// procedural part (its term frequency times 1-procDamp).
const procDamp = 0.6

// proceduralSpans returns the byte ranges of in.Text that are procedural
// (see above), in text order, not overlapping.
func proceduralSpans(text, folded string, foldedSpan func(s, e int) (int, int)) [][2]int {
	doc := structure.ParseFolded(text, folded)
	if doc == nil {
		return nil
	}
	fold := func(s, e int) string {
		if folded == "" || folded == text {
			return text[s:e]
		}
		fs, fe := foldedSpan(s, e)
		return folded[fs:fe]
	}
	var out [][2]int
	add := func(s, e int) {
		if e <= s {
			return
		}
		if n := len(out); n > 0 && s <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], e)
			return
		}
		out = append(out, [2]int{s, e})
	}
	proc := make([]bool, len(doc.Headings))
	for i, h := range doc.Headings {
		proc[i] = h.Parent >= 0 && h.Parent < i && proc[h.Parent] || proceduralHeading(fold(h.Start, h.End))
	}
	for _, s := range doc.Sections() {
		if s.Heading >= 0 && proc[s.Heading] {
			add(s.Start, s.End)
		}
	}
	for _, a := range doc.Attachments {
		if a.Title != nil && formTitle(fold(a.Title.Start, a.Title.End)) {
			out = insertSpan(out, a.Start, a.End)
		}
	}
	return out
}

// insertSpan adds [s, e) to sorted, non-overlapping spans.
func insertSpan(spans [][2]int, s, e int) [][2]int {
	var out [][2]int
	done := false
	for _, sp := range spans {
		switch {
		case sp[1] < s:
			out = append(out, sp)
		case e < sp[0]:
			if !done {
				out = append(out, [2]int{s, e})
				done = true
			}
			out = append(out, sp)
		default:
			s, e = min(s, sp[0]), max(e, sp[1])
		}
	}
	if !done {
		out = append(out, [2]int{s, e})
	}
	return out
}

// proceduralHeading says whether a heading (marker and title, folded)
// names a step of procedure.
func proceduralHeading(h string) bool {
	for _, c := range procHeadingCues {
		if strings.Contains(h, c) {
			return true
		}
	}
	if utf8.RuneCountInString(h) <= procShortRunes+4 { // the marker: （一）, 第三章
		t := strings.TrimLeftFunc(h, func(r rune) bool { return !isHanLetter(r) || isNumeralRune(r) || r == '第' })
		if utf8.RuneCountInString(t) <= procShortRunes {
			for _, c := range procShortCues {
				if strings.Contains(t, c) {
					return true
				}
			}
		}
	}
	return false
}

// formTitle says whether an attachment's title (folded) is a form's.
func formTitle(t string) bool {
	t = strings.TrimRight(strings.TrimSpace(t), "）)")
	for _, e := range procFormEnds {
		if strings.HasSuffix(t, e) {
			return true
		}
	}
	return false
}

func isHanLetter(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }

func isNumeralRune(r rune) bool {
	return strings.ContainsRune("一二三四五六七八九十百零〇章节条部分", r)
}

// procTF is the term frequency of a term of weight w (see build) of which
// weight procW is in procedural parts, written back as a weight: the
// value whose 1 + ln is (1 + ln w)·(1 - procDamp·procW/w).
func procTF(w, procW float64) float64 {
	if procW <= 0 || w <= 0 {
		return w
	}
	tf := (1 + math.Log(w)) * (1 - procDamp*min(1, procW/w))
	return math.Exp(tf - 1)
}

// titleSpans returns the byte ranges inside the book-title marks of text
// (《…》, 〈…〉 inside them counted with the outer title), in text order.
func titleSpans(text string) [][2]int {
	var out [][2]int
	depth, start := 0, 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '《':
			if depth == 0 {
				start = i + n
			}
			depth++
		case '》':
			if depth > 0 {
				if depth--; depth == 0 {
					out = append(out, [2]int{start, i})
				}
			}
		case '\n':
			depth = 0 // a title does not run over a line
		}
		i += n
	}
	return out
}

// titlePieces marks as partial (never ranked) the terms of a document
// that is not short which it uses only inside book titles (《…》) without
// being the whole title: a list of the standards or documents a notice
// cites (《信息技术 人工智能 术语》, 《关于…的指导意见》) is cut by
// segmentation into pieces of titles (术语, 指导意见), which name what the
// cited documents are about, not what this one is. A term the document
// also uses outside titles is its own.
func (c *collector) titlePieces(t *Terms, spans [][2]int) {
	if c.short || len(c.titles) == 0 {
		return
	}
	inside := make([]int32, len(t.terms))
	k := 0
	for si, sp := range spans {
		id := t.seq[si]
		if id < 0 || !c.units[sp[0]].titled {
			continue
		}
		s, e := c.units[sp[0]].start, c.units[sp[1]-1].end
		for k < len(c.titles) && c.titles[k][1] <= s {
			k++
		}
		if k < len(c.titles) && c.titles[k][0] == s && c.titles[k][1] == e {
			continue // the whole title: 《中国制造2025》
		}
		inside[id]++
	}
	for i := range t.terms {
		if inside[i] > 0 && int(inside[i]) == t.terms[i].count {
			t.terms[i].partial = true
		}
	}
}

// ProceduralSpans returns the byte ranges of in.Text that keyword ranking
// weighs down as procedure (see procHeadingCues), for reading and tests.
func ProceduralSpans(in *analysis.Input) [][2]int {
	return proceduralSpans(in.Text, in.Folded, in.FoldedSpan)
}
