package structure

import (
	"strings"
	"unicode/utf8"
)

// role is what a paragraph was read as.
type role uint8

const (
	rBody    role = iota
	rHeader       // 版头 elements, title, dateline, addressees
	rNote         // 附件说明
	rClosing      // signatures, date, 附注
	rAttHead      // an attachment's label and title
	rRecord       // 版记
)

type parser struct {
	l    *layout
	ps   []para
	role []role
	d    *Document
	// bodyPara and bodyOff: where the 正文 starts (a paragraph, and an
	// offset into the text when it starts inside that paragraph)
	bodyPara, bodyOff int
	// splits counts the paragraphs split after the layout (a title the
	// wrapping ran into its text)
	splits int
}

// Parse reads the structure of one document's text. It never fails: a
// text with no structure gives a Document with no elements.
func Parse(text string) *Document { return parse(text, nil) }

func parse(text string, removed []PageNumber) *Document {
	l := buildLayout(text, removed)
	p := &parser{l: l, ps: l.paras, role: make([]role, len(l.paras)), d: &Document{TextLen: len(text), Layout: "lines"}}
	if l.wrapped {
		p.d.Layout = "wrapped"
	}
	p.d.PageNumbers = l.pages
	p.run()
	return p.d
}

func (p *parser) run() {
	n := len(p.ps)
	if n == 0 {
		return
	}
	i := p.header()
	i = p.addressee(i)
	p.bodyPara = i
	if i < n && p.bodyOff == 0 {
		p.bodyOff = p.ps[i].start
	}
	rec := p.record(i)
	c0, c1 := p.closing(i, rec)
	noteStart, noteEnd := -1, -1
	if c0 >= 0 {
		noteStart, noteEnd = p.noteBefore(i, c0)
		if noteStart < 0 {
			noteStart, noteEnd = p.noteAt(c1, rec)
			if noteStart >= 0 {
				c1 = noteEnd
				c1 = p.notes(c1, rec)
			}
		}
	} else {
		noteStart, noteEnd = p.noteSearch(i, rec)
	}
	// attachments
	attStart := rec
	switch {
	case c0 >= 0:
		attStart = c1
	case noteEnd >= 0:
		attStart = p.nextAttHeader(noteEnd, rec)
	default:
		attStart = p.nextAttHeader(i, rec)
	}
	p.attachments(attStart, rec)
	// the body
	bodyEnd := attStart
	if c0 >= 0 {
		bodyEnd = c0
	} else if k := attStart - 1; k > i && k < n && p.role[k] == rBody && signatureLine(&p.ps[k]) && !signatureLine(&p.ps[k-1]) {
		// a signature without a date at the end of the 主体
		p.signatures(&p.ps[k], 0, len(p.ps[k].text))
		p.role[k] = rClosing
		bodyEnd = k
	}
	if c0 >= 0 && noteStart >= 0 && noteStart < bodyEnd {
		bodyEnd = noteStart
	}
	if i < bodyEnd {
		end := p.ps[bodyEnd-1].end
		if p.bodyOff < end {
			p.d.Body = &Span{p.bodyOff, end}
		}
	}
	// headings, part by part
	p.headings(i, bodyEnd, 0)
	for k, a := range p.d.Attachments {
		p.headings(a.p0, a.p1, k+1)
	}
	p.citations()
}

// --- 版头, title ---

// headerZone is how many paragraphs the 版头 and the title are looked for in.
const headerZone = 16

func (p *parser) header() int {
	d := p.d
	n := len(p.ps)
	limit := min(n, headerZone)
	var marks []int
	i := 0
loop:
	for i < limit {
		pp := &p.ps[i]
		t := pp.text
		switch {
		case d.Title == nil && d.CopyNumber == nil && i < 3 && isCopyNumber(t):
			f := pp.whole()
			d.CopyNumber = &f
		case d.Title == nil && d.Secrecy == nil && p.secrecy(pp):
		case d.Title == nil && d.Urgency == nil && isUrgency(t):
			f := pp.whole()
			d.Urgency = &f
		case d.Number == nil && p.ownNumber(pp):
		case len(d.Signers) == 0 && hasPrefix(t, "签发人"):
			p.signers(pp, 0)
		case d.Title == nil && d.Dateline == nil && p.dateline(pp):
		default:
			if d.Title == nil {
				if end, ok := p.title(i, true); ok {
					for k := i; k < end; k++ {
						p.role[k] = rHeader
					}
					i = end
					i = p.afterTitle(i)
					break loop
				}
				if markLike(t) {
					marks = append(marks, i)
					break
				}
				if noHan(t) && runeLen(t) <= 40 && i+1 < limit {
					break // a registration code or a stray line above the mark
				}
			}
			break loop
		}
		p.role[i] = rHeader
		i++
	}
	if len(marks) > 0 {
		last := p.ps[marks[len(marks)-1]].text
		if d.Number != nil || d.Title != nil || strings.HasSuffix(last, "文件") {
			var b strings.Builder
			for _, k := range marks {
				b.WriteString(p.ps[k].text)
				if t := p.ps[k].text; t != "文件" && !strings.HasSuffix(t, "文件") {
					if o := strings.TrimSuffix(t, "文件"); organLike(o) {
						d.MarkIssuers = append(d.MarkIssuers, o)
					} else {
						for _, it := range splitItems(&p.ps[k], 0, len(t), "、 ", true) {
							if organLike(it.Text) {
								d.MarkIssuers = append(d.MarkIssuers, it.Text)
							}
						}
					}
				} else if o := strings.TrimSuffix(t, "文件"); organLike(o) {
					d.MarkIssuers = append(d.MarkIssuers, o)
				}
			}
			first, lastP := p.ps[marks[0]], p.ps[marks[len(marks)-1]]
			d.IssuerMark = &Field{Text: b.String(), Start: first.start, End: lastP.end}
		} else {
			// short lines that were not a mark: the body starts with them
			for k := marks[0]; k < i; k++ {
				p.role[k] = rBody
			}
			i = marks[0]
			d.Dateline = nil
		}
	}
	if d.Title == nil && i < n {
		p.gluedTitle(i)
	}
	return i
}

// afterTitle reads what may follow a title: its number in brackets, a
// dateline, a qualifier line ((征求意见稿)).
func (p *parser) afterTitle(i int) int {
	d := p.d
	for k := 0; k < 3 && i < len(p.ps); k++ {
		pp := &p.ps[i]
		t := pp.text
		switch {
		case d.Number == nil && p.ownNumber(pp):
		case d.Dateline == nil && p.dateline(pp):
		case bracketGroups(t) && runeLen(t) <= 24 && !strings.ContainsAny(t, "。："):
			// a qualifier: （征求意见稿）, （2022版）
		default:
			return i
		}
		p.role[i] = rHeader
		i++
	}
	return i
}

// headerElement reports whether a paragraph is an element a title does not
// run into: a document number, a mark ending with 文件, a date, a 签发人 line.
func headerElement(pp *para) bool {
	t := pp.text
	if t == "文件" || strings.HasSuffix(t, "文件") || hasPrefix(t, "签发人") {
		return true
	}
	if d, n := scanDate(t, 0); n > 0 && d.Month > 0 && (n == len(t) || strings.HasPrefix(t[n:], "在")) {
		return true
	}
	u := unbracket(t)
	ns := scanNumbers(u)
	return len(ns) > 0 && ns[0].Start == 0 && (ns[0].End == len(u) || hasPrefix(u[ns[0].End:], "签发人"))
}

func noHan(s string) bool {
	for _, r := range s {
		if isHan(r) {
			return false
		}
	}
	return true
}

// bracketed reports whether s is one bracket group: （…）.
func bracketed(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	l, _ := utf8.DecodeLastRuneInString(s)
	if !(r == '（' || r == '(') || !(l == '）' || l == ')') {
		return false
	}
	depth := 0
	for i, c := range s {
		switch c {
		case '（', '(':
			depth++
		case '）', ')':
			depth--
			if depth == 0 && i+utf8.RuneLen(c) < len(s) {
				return false
			}
		}
	}
	return depth == 0
}

func isCopyNumber(t string) bool {
	v, c, n := readDigits(t, 0, 8)
	_ = v
	return c == 6 && n == len(t)
}

func isUrgency(t string) bool {
	switch t {
	case "特急", "加急", "平急", "特提", "急件":
		return true
	}
	return false
}

// secrecy reads a 密级 line: 秘密★1年, 机密★长期, 绝密; an urgency may
// follow on the same line.
func (p *parser) secrecy(pp *para) bool {
	t := pp.text
	level := ""
	for _, w := range []string{"绝密", "机密", "秘密"} {
		if hasPrefix(t, w) {
			level = w
		}
	}
	if level == "" || runeLen(t) > 16 {
		return false
	}
	rest := t[len(level):]
	end := len(t)
	urg := -1
	for _, w := range []string{"特急", "加急", "平急", "特提"} {
		if strings.HasSuffix(rest, w) {
			urg = len(t) - len(w)
			end = urg
		}
	}
	term := ""
	body := t[len(level):end]
	if strings.HasPrefix(body, "★") {
		term = body[len("★"):]
	} else if body != "" {
		return false
	}
	s := &Secrecy{Field: pp.field(0, end), Level: level, Term: term}
	p.d.Secrecy = s
	if urg >= 0 && p.d.Urgency == nil {
		f := pp.field(urg, len(t))
		p.d.Urgency = &f
	}
	return true
}

// markLike reports whether a header line can be (part of) the 发文机关标志:
// 国务院文件, a body's name, 文件 alone.
func markLike(t string) bool {
	if t == "文件" {
		return true
	}
	if runeLen(t) > 40 {
		return false
	}
	if strings.HasSuffix(t, "文件") {
		o := strings.TrimSuffix(t, "文件")
		return o == "" || organLike(o) || allOrgans(o)
	}
	return organLike(t) || allOrgans(t)
}

// allOrgans: several bodies' names written one after another with
// separators (a joint mark on one line).
func allOrgans(t string) bool {
	pp := compactString(t)
	items := splitItems(pp, 0, len(pp.text), "、", true)
	if len(items) < 2 {
		return false
	}
	for _, it := range items {
		if !organLike(it.Text) {
			return false
		}
	}
	return true
}

// ownNumber reads a paragraph that is the document's own number: the
// number alone (or in brackets), perhaps followed by 签发人：….
func (p *parser) ownNumber(pp *para) bool {
	t := pp.text
	s, e := 0, len(t)
	if bracketed(t) {
		_, w := utf8.DecodeRuneInString(t)
		_, lw := utf8.DecodeLastRuneInString(t)
		s, e = w, len(t)-lw
	}
	ns := scanNumbers(t[s:e])
	if len(ns) == 0 || ns[0].Start != 0 {
		return false
	}
	nm := ns[0]
	after := t[s+nm.End : e]
	if after != "" && !hasPrefix(after, "签发人") {
		return false
	}
	nm.Field = pp.field(s+nm.Start, s+nm.End)
	for _, sp := range []*Span{&nm.Open, &nm.Close, &nm.Di, &nm.Zeros} {
		if !sp.Empty() {
			sp.Start, sp.End = pp.span(s+sp.Start, s+sp.End)
		}
	}
	p.d.Number = &nm
	if after != "" {
		p.signers(pp, s+nm.End)
	}
	return true
}

// signers reads 签发人：张三　李四 starting at compact offset from.
func (p *parser) signers(pp *para, from int) {
	t := pp.text
	k := from + len("签发人")
	if k > len(t) {
		return
	}
	if r, w := utf8.DecodeRuneInString(t[k:]); r == '：' || r == ':' {
		k += w
	}
	p.d.Signers = append(p.d.Signers, splitItems(pp, k, len(t), "、，,", true)...)
}

// dateline reads a date under (or instead of) a title: （2024年3月5日）,
// （2022年4月13日…会议通过）, 2021年11月, 2022年10月28日在…会议上.
func (p *parser) dateline(pp *para) bool {
	t := pp.text
	s := 0
	if bracketed(t) {
		_, s = utf8.DecodeRuneInString(t)
	}
	d, n := scanDate(t, s)
	if n == 0 || runeLen(t) > 80 || strings.ContainsRune(t, '。') {
		return false
	}
	rest := t[s+n:]
	switch {
	case s > 0:
		// in brackets: （2024年3月5日…）
	case rest == "":
		// a date alone: a dateline only under a title
		if p.d.Title == nil {
			return false
		}
	case !strings.HasPrefix(rest, "在") && !strings.HasSuffix(rest, "通过"):
		return false
	}
	p.d.Dateline = dateField(pp, s, s+n, d)
	return true
}

// title looks for a title starting at paragraph i (over up to four
// paragraphs: a title broken over lines). It returns the paragraph after
// the title. strict asks for a document type at the end.
func (p *parser) title(i int, strict bool) (int, bool) {
	end, f, ok := p.titleAt(i, strict)
	if !ok {
		return i, false
	}
	t := &Title{Field: f}
	var pp *para
	if end == i+1 {
		pp = &p.ps[i]
	}
	analyzeTitle(t, pp, 0)
	if pp == nil {
		// a title over several paragraphs: issuers from its first line
		first := &p.ps[i]
		if k := strings.Index(first.text, "关于"); k > 0 {
			t.Issuers = issuersIn(first, 0, k)
		}
	}
	p.d.Title = t
	return end, true
}

// titleAt finds a title at paragraph i: the paragraph itself, or it
// joined with the next ones (up to four in all) when none of them ends a
// sentence, or it with a following bracket line holding a year
// （2021—2025年）.
func (p *parser) titleAt(i int, strict bool) (int, Field, bool) {
	ok := func(s string) bool {
		if strict {
			return titleLike(s)
		}
		return looseTitle(s)
	}
	n := len(p.ps)
	var joined strings.Builder
	best := -1
	for k := i; k < n && k < i+4; k++ {
		t := p.ps[k].text
		if runeLen(t) > 80 && k > i || strings.ContainsAny(t, "。！？；：") {
			break
		}
		if k > i {
			if _, m := scanMarker(t); m {
				break
			}
		}
		if headerElement(&p.ps[k]) {
			break
		}
		joined.WriteString(t)
		if ok(joined.String()) {
			best = k
			break
		}
	}
	if best < 0 {
		// a title the wrapping ran into the next paragraph: its first
		// lines, when they make a title, are split off
		pp := &p.ps[i]
		for _, c := range pp.lineBreaks() {
			if c > 80*3 {
				break
			}
			if ok(pp.text[:c]) {
				p.splitPara(i, c)
				return i + 1, p.ps[i].whole(), true
			}
		}
		return i, Field{}, false
	}
	end := best + 1
	text := joined.String()
	// a bracket line with a year: （2021-2025 年）, （2022版）
	if end < n {
		t := p.ps[end].text
		if bracketed(t) && runeLen(t) <= 20 && hasYear(t) && !strings.Contains(t, "稿") && !strings.Contains(t, "草案") {
			text += t
			end++
		}
	}
	return end, Field{Text: text, Start: p.ps[i].start, End: p.ps[end-1].end}, true
}

func hasYear(s string) bool {
	run := 0
	for _, r := range s {
		if _, ok := digitVal(r); ok {
			run++
			if run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// looseTitle is what an attachment's title may be: a short line that is
// not a sentence, a heading, a date or an addressee line.
func looseTitle(s string) bool {
	if tocLine(s) {
		return false
	}
	n := runeLen(s)
	if n < 2 || n > 80 {
		return false
	}
	if strings.ContainsAny(s, "。！？；") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	switch last {
	case '：', ':', '，', ',', '、':
		return false
	}
	if _, ok := scanMarker(s); ok {
		return false
	}
	if d, n := scanDate(s, 0); n > 0 && d.Day > 0 {
		return false
	}
	return true
}

// openingWords start the first sentence of a body; a title glued to them
// (智能航运发展指导意见为认真贯彻…) ends right before.
var openingWords = []string{"为了", "为", "根据", "按照", "依据", "近日", "现将", "当前", "近年来", "随着"}

// gluedTitle finds a title glued to the first sentence of paragraph i.
func (p *parser) gluedTitle(i int) {
	pp := &p.ps[i]
	t := pp.text
	limit := min(len(t), 60*3)
	for k := 0; k < limit; {
		r, w := utf8.DecodeRuneInString(t[k:])
		if !isHan(r) && r != '（' && r != '）' && r != '“' && r != '”' && r != '—' && !isDigitRune(r) {
			return
		}
		k += w
		for _, ow := range openingWords {
			if hasPrefix(t[k:], ow) && titleLike(t[:k]) {
				if dt, _ := titleDocType(t[:k]); dt != "" && strings.HasSuffix(stripQualifiers(t[:k]), lastTypeWord(t[:k])) {
					f := pp.field(0, k)
					tt := &Title{Field: f}
					analyzeTitle(tt, pp, 0)
					p.d.Title = tt
					p.bodyOff = pp.orig(k)
					return
				}
			}
		}
	}
}

func isDigitRune(r rune) bool { _, ok := digitVal(r); return ok }

// lastTypeWord returns the type word a title ends with.
func lastTypeWord(s string) string {
	s = stripQualifiers(s)
	for _, t := range docTypes {
		if strings.HasSuffix(s, t.word) {
			return t.word
		}
	}
	return ""
}

// --- 主送机关 ---

// addressee reads the 主送机关 at paragraph i (or i+1 after a short line
// such as a speaker's name). It returns the paragraph the body starts at.
func (p *parser) addressee(i int) int {
	n := len(p.ps)
	for k := i; k < n && k <= i+1; k++ {
		pp := &p.ps[k]
		t := pp.text
		if addresseeLine(t) {
			_, w := utf8.DecodeLastRuneInString(t)
			p.setAddressee(pp, len(t)-w)
			p.role[k] = rHeader
			if k > i {
				p.role[i] = rHeader
			}
			p.bodyOff = 0
			return k + 1
		}
		if c := gluedAddressee(t); c > 0 {
			p.setAddressee(pp, c)
			_, w := utf8.DecodeRuneInString(t[c:])
			p.bodyOff = pp.orig(c + w)
			return k
		}
		if k == i && (runeLen(t) > 30 || strings.ContainsAny(t, "，。；：,")) {
			break
		}
	}
	return i
}

func (p *parser) setAddressee(pp *para, colon int) {
	f := pp.field(0, colon)
	p.d.Addressees = &f
	p.d.Recipients = splitItems(pp, 0, colon, "，,；;", false)
}

// addresseeLine reports whether a paragraph is a 主送机关 line.
func addresseeLine(t string) bool {
	last, _ := utf8.DecodeLastRuneInString(t)
	if last != '：' && last != ':' {
		return false
	}
	if runeLen(t) > 300 || strings.ContainsAny(t, "。；！？") {
		return false
	}
	if _, ok := scanMarker(t); ok {
		return false
	}
	body := strings.TrimRight(t, "：:")
	return recipientsLike(body)
}

// recipientsLike reports whether s reads as a list of addressees.
func recipientsLike(s string) bool {
	for _, w := range []string{"如下", "以下", "下列", "通知", "联系", "电话", "地址"} {
		if strings.Contains(s, w) {
			return false
		}
	}
	if strings.HasPrefix(s, "各") || strings.HasSuffix(s, "代表") || strings.HasSuffix(s, "同志") || strings.HasSuffix(s, "委员") {
		return true
	}
	pp := compactString(s)
	for _, it := range splitItems(pp, 0, len(pp.text), "，,、；;", false) {
		if organLike(it.Text) {
			return true
		}
	}
	return false
}

// gluedAddressee finds a 主送机关 glued to the first sentence (各…局:为贯彻
// …): the offset of its colon, or 0.
func gluedAddressee(t string) int {
	limit := min(len(t), 200*3)
	for k := 0; k < limit; {
		r, w := utf8.DecodeRuneInString(t[k:])
		switch r {
		case '。', '；', '！', '？':
			return 0
		case '：', ':':
			if k+w < len(t) && recipientsLike(t[:k]) && (strings.HasPrefix(t, "各") || organLike(lastItem(t[:k]))) {
				return k
			}
			return 0
		}
		k += w
	}
	return 0
}

func lastItem(s string) string {
	if k := strings.LastIndexAny(s, "，、,"); k >= 0 {
		_, w := utf8.DecodeRuneInString(s[k:])
		return s[k+w:]
	}
	return s
}

// splitPara cuts paragraph i at compact offset c into two paragraphs.
func (p *parser) splitPara(i, c int) {
	a, b := p.ps[i].split(c, p.l)
	ps := make([]para, 0, len(p.ps)+1)
	ps = append(ps, p.ps[:i]...)
	ps = append(ps, a, b)
	ps = append(ps, p.ps[i+1:]...)
	p.ps = ps
	p.l.paras = ps
	p.splits++
	roles := make([]role, 0, len(p.role)+1)
	roles = append(roles, p.role[:i]...)
	roles = append(roles, p.role[i], p.role[i])
	roles = append(roles, p.role[i+1:]...)
	p.role = roles
}

// bracketGroups reports whether s is made of bracket groups only:
// （2021版）（征求意见稿）.
func bracketGroups(s string) bool {
	depth := 0
	for _, c := range s {
		switch c {
		case '（', '(':
			depth++
		case '）', ')':
			depth--
			if depth < 0 {
				return false
			}
		default:
			if depth == 0 {
				return false
			}
		}
	}
	return depth == 0 && s != ""
}
