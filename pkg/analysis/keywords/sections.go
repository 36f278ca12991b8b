package keywords

import (
	"iter"
	"math"
	"strings"
	"sync"
	"unicode/utf8"

	dictkw "zhpolicy/dict/keywords"

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

// A heading names a step of procedure when it holds one of procAlone
// (联系方式, 附则, 注意事项), or two of procActs and procThings: an act of
// procedure and what it concerns, or two acts (申报+材料, 申请+要求,
// 工作+流程… 申请+审核, 认定+程序). One word alone is not enough: 总体要求,
// 发展方式, 全流程服务, 接入要求, 机构遴选 head sections of content. The
// words are the general vocabulary of the procedure of Chinese
// administrative notices.
var (
	procAlone = []string{"联系方式", "联系人", "联系电话", "业务咨询", "政策咨询", "咨询电话", "附则", "注意事项", "其他事项", "有关事项", "有关要求", "工作要求",
		"时间安排", "进度安排", "日程安排", "截止"}
	procActs = []string{"申报", "申请", "报送", "报名", "推荐", "评审", "评选", "遴选", "审核", "受理", "提交",
		"办理", "认定", "组织"}
	procThings = []string{"流程", "程序", "材料", "时间", "方式", "要求", "事项", "条件", "资格"}
)

// procHeadingRunes is the longest heading title (without its marker) that
// may name a step of procedure: 材料报送和业务咨询, 申报时间及联系方式; a
// longer one is a sentence of content that happens to hold a cue
// (加快转变经济发展方式).
const procHeadingRunes = 12

// procFormEnds are the ends of the title of an attachment that is a form.
var procFormEnds = []string{"表", "书", "模板", "格式", "样式", "回执", "样表"}

// procDamp is how much less a term ranks when every occurrence is in a
// procedural part (its term frequency times 1-procDamp).
const procDamp = 0.6

// procDampAll replaces procDamp for a term (nearly) every use of which is
// in procedural parts (implAll of its weight).
const procDampAll = 0.8

// proceduralSpans returns the byte ranges of in.Text that are procedural
// (see above), in text order, not overlapping. parsed, when not nil, is
// the text's structure (structure.ParseFolded(text, folded)), parsed by
// the caller.
func proceduralSpans(text, folded string, foldedSpan func(s, e int) (int, int), parsed *structure.Document) [][2]int {
	out, _ := proceduralSpansDoc(text, folded, foldedSpan, parsed)
	return out
}

// proceduralSpansDoc is proceduralSpans, and the structure it parsed (or
// was given): nil when it needed none.
func proceduralSpansDoc(text, folded string, foldedSpan func(s, e int) (int, int), parsed *structure.Document) ([][2]int, *structure.Document) {
	fold := func(s, e int) string {
		if folded == "" || folded == text {
			return text[s:e]
		}
		fs, fe := foldedSpan(s, e)
		return folded[fs:fe]
	}
	var out [][2]int
	// the paragraphs of procedure, and whether any line could head a
	// procedural section or an attachment: only then is the structure
	// parsed (a report has none, and parsing costs a tenth of ranking)
	parse := false
	for start, end := range lineSpans(text) {
		if end-start <= procLineMaxBytes {
			line := fold(start, end)
			if proceduralLine(line) {
				out = insertSpan(out, start, end)
			}
			if !parse {
				parse = headingCandidate(line)
			}
		}
	}
	if !parse {
		return out, parsed
	}
	doc := parsed
	if doc == nil {
		doc = structure.ParseFolded(text, folded)
	}
	if doc == nil {
		return out, nil
	}
	proc := make([]bool, len(doc.Headings))
	for i, h := range doc.Headings {
		proc[i] = h.Parent >= 0 && h.Parent < i && proc[h.Parent] || proceduralHeading(fold(h.Start, h.End))
	}
	for _, s := range doc.Sections() {
		if s.Heading >= 0 && proc[s.Heading] {
			out = insertSpan(out, s.Start, s.End)
		}
	}
	for _, a := range doc.Attachments {
		if a.Title != nil && formTitle(fold(a.Title.Start, a.Title.End)) {
			out = insertSpan(out, a.Start, a.End)
		}
	}
	for _, sp := range formParts(text, fold) {
		out = insertSpan(out, sp[0], sp[1])
	}
	return out, doc
}

// formParts returns the byte ranges of the parts of a form attachment
// that pkg/structure does not take as attachments of their own: a line
// labelled 附件4-1 or 附件4－2 (one attachment in parts: the form of each
// kind of applicant) whose title, on the next line that is not blank, is
// a form's (申报书, 汇总表; a qualifier in brackets after it, 申报书（优秀
// 场景）, allowed), up to the next line labelled 附件, or the end.
func formParts(text string, fold func(s, e int) string) [][2]int {
	var out [][2]int
	open := -1 // start of the form part being read, or -1
	wantTitle := -1
	for start, end := range lineSpans(text) {
		line := strings.Trim(fold(start, end), " \t\r\u3000")
		switch {
		case line == "":
		case strings.HasPrefix(line, "附件") && attachmentLabel(line):
			if open >= 0 {
				out = append(out, [2]int{open, start})
				open = -1
			}
			wantTitle = -1
			if partLabel(line) {
				wantTitle = start
			}
		case wantTitle >= 0:
			if formTitle(line) {
				open = wantTitle
			}
			wantTitle = -1
		}
	}
	if open >= 0 {
		out = append(out, [2]int{open, len(text)})
	}
	return out
}

// attachmentLabel says whether a line (trimmed, folded, beginning with
// 附件) is an attachment's label alone: 附件, 附件3, 附件4-1, 附件：.
func attachmentLabel(line string) bool {
	rest := strings.TrimSpace(strings.TrimPrefix(line, "附件"))
	rest = strings.TrimRight(rest, ":：")
	for _, r := range rest {
		if !(r >= '0' && r <= '9' || r >= '０' && r <= '９' || r == '-' || r == '－' || r == '—' || r == '.' || r == ' ') {
			return false
		}
	}
	return true
}

// partLabel says whether an attachment's label (see attachmentLabel)
// numbers a part of an attachment: 附件4-1.
func partLabel(line string) bool {
	return strings.ContainsAny(line, "-－—") && strings.IndexFunc(line, func(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }) >= 0
}

// An action plan assigns every task: （省发展改革委牵头，各有关部门按职责
// 分工负责）, （责任单位：市经济和信息化委、市统计局）. The organs are
// names, ranked apart; the formula of the assignment (分工负责, 职责分工负责,
// 牵头单位) is procedure, in a plan of any subject. assignmentSpans adds
// to spans (ordered, as insertSpan keeps them) the byte ranges of such
// assignments in a paragraph beginning at byte base of the text: a
// parenthesis of at most assignMaxRunes characters whose text ends in an
// act of assignment (负责, 牵头, 配合) or begins with the label of one
// (责任单位, 牵头部门), and a paragraph that begins with such a label.
func assignmentSpans(par string, base int, spans [][2]int) [][2]int {
	if labelled(strings.TrimLeft(par, " \t　")) {
		return insertSpan(spans, base, base+len(par))
	}
	depth, open, runes := 0, 0, 0
	for i, r := range par {
		switch r {
		case '（', '(':
			if depth == 0 {
				open, runes = i, 0
			}
			depth++
		case '）', ')':
			if depth == 0 {
				continue
			}
			depth--
			if depth > 0 || runes > assignMaxRunes {
				continue
			}
			_, n := utf8.DecodeRuneInString(par[open:])
			in := strings.TrimSpace(par[open+n : i])
			if labelled(in) || endsAssignment(in) {
				spans = insertSpan(spans, base+open, base+i+utf8.RuneLen(r))
			}
		default:
			runes++
		}
	}
	return spans
}

// assignments returns the byte ranges of the assignments of text's
// paragraphs (see assignmentSpans), in order. They are procedure, but do not
// make a document a call (see collector.call).
func assignments(text string) [][2]int {
	var out [][2]int
	for start, end := range lineSpans(text) {
		out = assignmentSpans(text[start:end], start, out)
	}
	return out
}

// assignMaxRunes is the longest parenthesis taken for an assignment.
const assignMaxRunes = 80

// assignActs end an assignment; assignLabels begin one (in both scripts:
// the paragraph is not folded).
var (
	assignActs   = []string{"负责", "負責", "牵头", "牽頭", "配合"}
	assignLabels = []string{"责任单位", "責任單位", "牵头单位", "牽頭單位", "责任部门", "責任部門", "牵头部门", "牽頭部門", "配合单位", "配合單位"}
)

func endsAssignment(s string) bool {
	for _, a := range assignActs {
		if strings.HasSuffix(s, a) {
			return true
		}
	}
	return false
}

func labelled(s string) bool {
	for _, l := range assignLabels {
		if strings.HasPrefix(s, l) {
			return true
		}
	}
	return false
}

// headingCandidate says whether a line (folded) may be, or begin with, a
// heading that names a step of procedure, or an attachment's label: its
// text up to the first full stop or colon is a procedural heading, or it
// begins with 附件.
func headingCandidate(line string) bool { return lineCandidate(line, proceduralHeading) }

// lineCandidate says whether a line (folded) begins with 附件, or its text up
// to the first full stop or colon (within procHeadingRunes+8 runes) is a
// heading that heading accepts.
func lineCandidate(line string, heading func(string) bool) bool {
	t := strings.TrimSpace(line)
	if strings.HasPrefix(t, "附件") {
		return true
	}
	if len(t) > utf8.UTFMax*(procHeadingRunes+8) {
		t = t[:utf8.UTFMax*(procHeadingRunes+8)] // a heading ends within it
	}
	if i := strings.IndexAny(t, "。：:"); i >= 0 {
		t = t[:i]
	}
	return utf8.RuneCountInString(t) <= procHeadingRunes+8 && heading(t)
}

// procLineMarks are the marks of a paragraph of procedure: what is sent,
// how, to whom, by when (请于6月30日前将申报书一式两份（加盖公章）及电子版
// 报送至…; 联系人：…，联系电话：…). A paragraph with procLineMin of them,
// or with a deadline and one of them, is procedure wherever it stands (the
// last paragraph of a notice is mostly such a paragraph, under no heading).
var procLineMarks = []string{"报送", "提交", "寄送", "邮寄", "盖章", "公章", "一式", "电子版", "纸质", "邮箱",
	"联系人", "联系电话", "申报书", "申报材料", "申请表", "汇总表", "推荐表", "截止", "逾期"}

// procMarkStart says whether r is the first character of one of
// procLineMarks.
func procMarkStart(r rune) bool {
	switch r {
	case '报', '提', '寄', '邮', '盖', '公', '一', '电', '纸', '联', '申', '汇', '推', '截', '逾':
		return true
	}
	return false
}

const (
	procLineMin = 3
	// procLineMaxBytes: a longer paragraph is a section's body, not a
	// paragraph of procedure (about 400 characters).
	procLineMaxBytes = 1200
)

// proceduralLine says whether a paragraph (folded) is one of procedure
// (see procLineMarks). One pass over the paragraph: only at a character
// that begins a mark are the marks compared.
func proceduralLine(s string) bool {
	var found uint32 // bit k: procLineMarks[k] seen
	n := 0
	for i, r := range s {
		if !procMarkStart(r) {
			continue
		}
		for k, m := range procLineMarks {
			if found&(1<<k) == 0 && strings.HasPrefix(s[i:], m) {
				found |= 1 << k
				n++
			}
		}
	}
	return n >= procLineMin || n >= 1 && hasDeadline(s) || len(s) <= utf8.UTFMax*contactMaxRunes && contactLine(strings.TrimSpace(s))
}

// hasDeadline says whether s names a deadline: a day of a date followed by
// 前, 之前 or 止 (6月30日前, 4月26日（周五）前 is not taken), not 日前
// (recently) after a word.
func hasDeadline(s string) bool {
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], "日")
		if j < 0 {
			return false
		}
		j += i
		rest := s[j+len("日"):]
		if strings.HasPrefix(rest, "前") || strings.HasPrefix(rest, "之前") || strings.HasPrefix(rest, "止") {
			if r, _ := utf8.DecodeLastRuneInString(s[:j]); r >= '0' && r <= '9' || r >= '０' && r <= '９' || strings.ContainsRune("一二三四五六七八九十", r) {
				return true
			}
		}
		i = j + len("日")
	}
	return false
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
	t := strings.TrimLeftFunc(h, func(r rune) bool { return !isHanLetter(r) || isNumeralRune(r) || r == '第' })
	if utf8.RuneCountInString(t) > procHeadingRunes {
		return false // a heading of content that happens to hold a cue
	}
	for _, c := range procAlone {
		if strings.Contains(t, c) {
			return true
		}
	}
	n := 0
	for _, cs := range [][]string{procActs, procThings} {
		for _, c := range cs {
			if strings.Contains(t, c) {
				n++
			}
		}
	}
	return n >= 2
}

// formTitle says whether an attachment's title (folded) is a form's.
func formTitle(t string) bool {
	t = strings.TrimSpace(t)
	if strings.HasSuffix(t, "）") || strings.HasSuffix(t, ")") {
		// a qualifier in brackets after the title: 申报书（优秀场景）
		if i := strings.LastIndexAny(t, "（("); i > 0 {
			t = strings.TrimSpace(t[:i])
		}
	}
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
	d := procDamp * min(1, procW/w)
	if procW >= implAll*w {
		d = procDampAll
	}
	tf := (1 + math.Log(w)) * (1 - d)
	return math.Exp(tf - 1)
}

// titleSpans returns the byte ranges inside the book-title marks of text
// (《…》, 〈…〉 inside them counted with the outer title), in text order. A
// title does not run over a line, unless the line is wrapped inside it:
// it runs over one line break when it is at most wrappedTitleRunes long
// (text taken from a page breaks lines inside titles: 《…无障碍⏎通用设计规范》).
func titleSpans(text string) [][2]int {
	var out [][2]int
	depth, start, breaks := 0, 0, 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '《':
			if depth == 0 {
				start, breaks = i+n, 0
			}
			depth++
		case '》':
			if depth > 0 {
				if depth--; depth == 0 && (breaks == 0 || utf8.RuneCountInString(text[start:i]) <= wrappedTitleRunes) {
					out = append(out, [2]int{start, i})
				}
			}
		case '\n':
			if breaks++; breaks > 1 {
				depth = 0
			}
		}
		i += n
	}
	return out
}

// wrappedTitleRunes is the longest title, in characters, taken to run over
// a line break (see titleSpans).
const wrappedTitleRunes = 40

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
// weighs down as procedure (see proceduralHeading and formTitle), for reading and tests.
func ProceduralSpans(in *analysis.Input) [][2]int {
	return proceduralSpans(in.Text, in.Folded, in.FoldedSpan, nil)
}

// EachOccurrence calls fn with the key and the byte offsets in Input.Text
// of every occurrence of every candidate term of a document (before
// Compact, which keeps only the first), in no particular order: for
// scripts that count where terms occur (dict/keywords/genproc).
func (t *Terms) EachOccurrence(fn func(key string, start, end int)) {
	for i := range t.terms {
		tm := &t.terms[i]
		for _, sp := range tm.spans {
			fn(tm.key, int(sp[0]), int(sp[1]))
		}
	}
}

// procVocabulary is the built-in vocabulary of procedure (dict/keywords/
// procedure.tsv): by term, the share of its occurrences in the
// background's documents that are inside procedural parts. A term of it
// is weighed down by that share even where the document's structure shows
// no procedure (申报书, 一式两份, 联系电话 in a notice's last paragraph).
var procVocabulary = sync.OnceValue(func() map[string]float64 {
	m, _ := parseProcedure(dictkw.Procedure)
	return m
})

// parseProcedure reads procedure.tsv (term, documents, occurrences inside,
// all occurrences); bad counts the rows that do not parse.
func parseProcedure(data string) (m map[string]float64, bad int) {
	m = map[string]float64{}
	for _, line := range strings.Split(data, "\n") {
		term, n, ok := tableRow(line, 4)
		if !ok {
			continue
		}
		if n == nil || n[2] <= 0 || n[1] > n[2] {
			bad++
			continue
		}
		m[term] = float64(n[1]) / float64(n[2])
	}
	return m, bad
}

// lineSpans yields the byte range [start, end) of each line of text, the
// newline left out; a final newline opens no empty line.
func lineSpans(text string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for start := 0; start < len(text); {
			end := strings.IndexByte(text[start:], '\n')
			if end < 0 {
				end = len(text)
			} else {
				end += start
			}
			if !yield(start, end) {
				return
			}
			start = end + 1
		}
	}
}

// A plan or a notice ends in the part that says how it is carried out:
// who leads, who coordinates, who checks, how it is publicised (组织实施,
// 组织领导, 宣传引导, 考核评估), and it may list the forms to fill in (附件：
// 1.…进展情况表 2.…工作通讯录). That vocabulary (联席会议, 通讯录, 情况表) is
// the same in every plan whatever the plan is about: a term used there
// and nowhere else in the document says how the document is carried out,
// not what it is about. implementationSpans returns the byte ranges of
// the sections whose heading, or the heading of a section enclosing it,
// names that part (implKinds, in a title of at most procHeadingRunes
// characters: not 强化组织实施能力建设的若干举措), and of the items of the
// 附件说明 (pkg/structure's AttachmentNote) that name a form, in text
// order. A term (nearly) all of whose weight lies there (implAll) ranks
// as procedure; a term used there and elsewhere keeps its weight. They
// do not make a document a call (see collector.call). 保障措施 is not
// such a heading: on DEV it holds a plan's instruments (千人计划, 泰山学者,
// 零增地) as often as its procedure. parsed, when not nil, is the text's
// structure.
func implementationSpans(text, folded string, foldedSpan func(s, e int) (int, int), parsed *structure.Document) [][2]int {
	src := folded
	if src == "" {
		src = text
	}
	// parse only when a line may head the part or begin the 附件说明 (a
	// report has neither, and parsing costs a tenth of ranking)
	found := false
	for start, end := range lineSpans(src) {
		if implCandidate(src[start:end]) {
			found = true
			break
		}
	}
	if !found {
		return nil
	}
	doc := parsed
	if doc == nil {
		doc = structure.ParseFolded(text, folded)
	}
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
	impl := make([]bool, len(doc.Headings))
	for i, h := range doc.Headings {
		impl[i] = h.Parent >= 0 && h.Parent < i && impl[h.Parent] || implementationHeading(fold(h.Start, h.End))
	}
	var out [][2]int
	for _, s := range doc.Sections() {
		if s.Heading >= 0 && impl[s.Heading] {
			out = insertSpan(out, s.Start, s.End)
		}
	}
	if n := doc.AttachmentNote; n != nil {
		// the forms the 附件说明 names (…进展情况表, …工作通讯录): the
		// document asks for them to be filled in and sent
		for _, it := range n.Items {
			if it.End > it.Start && noteFormTitle(fold(it.Start, it.End)) {
				out = insertSpan(out, it.Start, it.End)
			}
		}
	}
	return out
}

// implCandidate says whether a line (folded) may be, or begin with, a
// heading of the implementation part, or the 附件说明: its text up to the
// first full stop or colon is such a heading, or it begins with 附件.
func implCandidate(line string) bool { return lineCandidate(line, implementationHeading) }

// noteFormTitle says whether the title of an attachment named in the
// 附件说明 (folded) is a form's: formTitle, or a contact list or an
// outline to fill in (通讯录, 提纲).
func noteFormTitle(t string) bool {
	t = strings.TrimRight(strings.TrimSpace(t), "；;，,。.")
	return formTitle(t) || strings.HasSuffix(t, "通讯录") || strings.HasSuffix(t, "提纲")
}

// implKinds are the kinds of section heading that name the part of a plan
// or notice saying how it is carried out (written for zhpolicy from the
// headings of the DEV notices; dict/SOURCES.md).
var implKinds = []string{"组织实施", "组织领导", "组织保障", "宣传引导", "舆论引导", "考核评估", "督促检查", "监督检查", "统筹协调"}

// implAll is the share of a term's weight that must lie in the
// implementation part (or in procedural parts) for the term to rank as
// procedure.
const implAll = 0.9

// implementationHeading says whether a heading (marker and title, folded)
// names the part of a plan that says how it is carried out (implKinds).
func implementationHeading(h string) bool {
	t := strings.TrimLeftFunc(h, func(r rune) bool { return !isHanLetter(r) || isNumeralRune(r) || r == '第' })
	if utf8.RuneCountInString(t) > procHeadingRunes {
		return false
	}
	for _, k := range implKinds {
		if strings.Contains(t, k) {
			return true
		}
	}
	return false
}
