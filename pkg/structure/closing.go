package structure

import (
	"strings"
	"unicode/utf8"
)

// --- 版记 ---

// recordZone is how many paragraphs at the end the 版记 is looked for in.
const recordZone = 8

// record reads the 版记 at the end of the text (抄送, the 印发 line, an old
// 主题词 line) and returns the paragraph it starts at (len when none).
func (p *parser) record(from int) int {
	n := len(p.ps)
	rec := n
	lo := max(from, n-recordZone)
	for k := n - 1; k >= lo && k >= n-3; k-- {
		if s, ok := p.printed(k, from); ok {
			rec = s
			break
		}
	}
	for k := rec - 1; k >= lo; k-- {
		if !ccStart(p.ps[k].text) {
			continue
		}
		end := rec
		for j := k + 1; j < end; j++ {
			if !ccContinuation(p.ps[j].text) {
				end = j
				break
			}
		}
		if end < rec {
			// something else between the 抄送 and the 印发 line: not a 版记
			break
		}
		p.cc(k, end)
		rec = k
		break
	}
	if rec < n && rec-1 >= from && hasPrefix(p.ps[rec-1].text, "主题词") {
		rec--
	}
	for k := rec; k < n; k++ {
		p.role[k] = rRecord
	}
	return rec
}

func ccStart(t string) bool {
	for _, w := range []string{"抄送", "抄报", "分送"} {
		if hasPrefix(t, w) {
			r, _ := utf8.DecodeRuneInString(t[len(w):])
			return r == '：' || r == ':'
		}
	}
	return false
}

// ccContinuation: a line that goes on with the list of a 抄送.
func ccContinuation(t string) bool {
	if runeLen(t) > 120 {
		return false
	}
	if _, ok := scanMarker(t); ok {
		return false
	}
	return !strings.HasSuffix(t, "印发") && !strings.ContainsAny(t, "：:")
}

// cc records the 抄送 in paragraphs [k, end).
func (p *parser) cc(k, end int) {
	first := &p.ps[k]
	t := first.text
	_, w := utf8.DecodeRuneInString(t[len("抄送"):])
	cs := len("抄送") + w
	var b strings.Builder
	b.WriteString(t[cs:])
	for j := k + 1; j < end; j++ {
		b.WriteString(p.ps[j].text)
	}
	text := strings.TrimRight(b.String(), "。.")
	last := &p.ps[end-1]
	s, _ := first.span(cs, cs)
	e := last.end
	if strings.HasSuffix(last.text, "。") && end-1 >= k {
		_, e = last.span(0, len(last.text)-len("。"))
	}
	p.d.CC = &Field{Text: text, Start: s, End: e}
	for j := k; j < end; j++ {
		pp := &p.ps[j]
		from := 0
		if j == k {
			from = cs
		}
		to := len(pp.text)
		if strings.HasSuffix(pp.text, "。") {
			to -= len("。")
		}
		if from < to {
			p.d.CCList = append(p.d.CCList, splitItems(pp, from, to, "，,；;。", false)...)
		}
	}
}

// printed reads the 印发 line at paragraph k: 印发机关 and 印发日期 (the
// body may stand on the line before, when a page number fell between).
// It returns the paragraph the line starts at.
func (p *parser) printed(k, from int) (int, bool) {
	pp := &p.ps[k]
	t := pp.text
	if !strings.HasSuffix(t, "印发") || runeLen(t) > 60 {
		return 0, false
	}
	e := len(t) - len("印发")
	for i := 0; i < e; {
		d, n := scanDate(t, i)
		if n > 0 && i+n == e && d.Day > 0 {
			d.Suffix = "印发"
			p.d.PrintedDate = dateField(pp, i, i+n, d)
			start := k
			switch {
			case i > 0 && organLike(t[:i]):
				f := pp.field(0, i)
				p.d.PrintedBy = &f
			case i == 0 && k-1 >= from && organLike(p.ps[k-1].text):
				f := p.ps[k-1].whole()
				p.d.PrintedBy = &f
				start = k - 1
			}
			return start, true
		}
		_, w := utf8.DecodeRuneInString(t[i:])
		i += w
	}
	return 0, false
}

// --- 署名, 成文日期, 附注 ---

// dateLine reads a paragraph that is a 成文日期: the date alone (or with
// 签发/发布 after it), or a signature and the date on one line. It returns
// the date, where it starts and its length (0 when none).
func dateLine(pp *para) (Date, int, int) {
	t := pp.text
	if d, n := scanDate(t, 0); n > 0 && d.Day > 0 {
		suf := dateSuffix(t[n:])
		if (suf != "" || t[n:] == "") && suf != "印发" {
			d.Suffix = suf
			return d, 0, n
		}
		return Date{}, 0, 0
	}
	if runeLen(t) > 60 {
		return Date{}, 0, 0
	}
	for i := 0; i < len(t); {
		r, w := utf8.DecodeRuneInString(t[i:])
		if isDigitRune(r) || r == '二' || r == '一' {
			if d, n := scanDate(t, i); n > 0 && d.Day > 0 {
				suf := dateSuffix(t[i+n:])
				if (suf != "" || i+n == len(t)) && suf != "印发" && signaturePrefix(pp, i) {
					d.Suffix = suf
					return d, i, n
				}
				return Date{}, 0, 0
			}
		}
		i += w
	}
	return Date{}, 0, 0
}

// signaturePrefix: the text before a date on its line names bodies.
func signaturePrefix(pp *para, i int) bool {
	items := splitItems(pp, 0, i, "、", true)
	if len(items) == 0 {
		return false
	}
	for _, it := range items {
		if !organLike(unbracket(it.Text)) {
			return false
		}
	}
	return true
}

func unbracket(s string) string {
	if bracketed(s) {
		_, w := utf8.DecodeRuneInString(s)
		_, lw := utf8.DecodeLastRuneInString(s)
		return s[w : len(s)-lw]
	}
	return s
}

// signatureLine reports whether a paragraph is a 发文机关署名 line: one or
// more bodies' names (letter-spaced or in brackets: （国家粮食局办公室代章）).
func signatureLine(pp *para) bool {
	t := pp.text
	if runeLen(t) > 60 || t == "" {
		return false
	}
	if organLike(unbracket(t)) {
		return true
	}
	items := splitItems(pp, 0, len(t), "、", true)
	if len(items) == 0 {
		return false
	}
	for _, it := range items {
		if !organLike(it.Text) {
			return false
		}
	}
	return true
}

// sigFragment: a short line of Han characters (and gaps) that may hold
// pieces of signatures.
func sigFragment(pp *para) bool {
	t := pp.text
	if t == "" || runeLen(t) > 30 {
		return false
	}
	for _, r := range t {
		if !isHan(r) && r != '（' && r != '）' && r != ' ' {
			return false
		}
	}
	return true
}

// signatureFragments reads signatures broken over the lines right above
// paragraph c: each line's pieces (split at gaps) continue the last name
// when it is not yet a whole name. It returns the first paragraph of the
// block and the names, or (c, nil) when they do not all make names.
func (p *parser) signatureFragments(from, c int) (int, []Field) {
	s := c
	for s > from && c-s < 8 && p.role[s-1] == rBody && sigFragment(&p.ps[s-1]) {
		s--
	}
	for ; s < c-1; s++ {
		var names []Field
		for k := s; k < c; k++ {
			pp := &p.ps[k]
			for j, it := range splitItems(pp, 0, len(pp.text), "、", true) {
				if n := len(names); j == 0 && n > 0 && !organLike(names[n-1].Text) {
					names[n-1].Text += it.Text
					names[n-1].End = it.End
					continue
				}
				names = append(names, it)
			}
		}
		ok := len(names) > 0
		for _, n := range names {
			ok = ok && organLike(n.Text)
		}
		if ok {
			return s, names
		}
	}
	return c, nil
}

// signatures adds the bodies of a signature line.
func (p *parser) signatures(pp *para, cs, ce int) {
	if t := pp.text[cs:ce]; strings.HasSuffix(unbracket(t), "代章") {
		// （国家粮食局办公室代章）: the body whose seal stands in
		ce -= len("代章")
		if bracketed(t) {
			_, w := utf8.DecodeRuneInString(t)
			_, lw := utf8.DecodeLastRuneInString(t)
			cs, ce = cs+w, ce-lw
		}
	}
	t := pp.text[cs:ce]
	if items := splitItems(pp, cs, ce, "、", true); len(items) > 1 {
		all := true
		for _, it := range items {
			all = all && organLike(it.Text)
		}
		if all {
			p.d.Signatures = append(p.d.Signatures, items...)
			return
		}
	}
	if organLike(t) {
		p.d.Signatures = append(p.d.Signatures, pp.field(cs, ce))
		return
	}
	if bracketed(t) && organLike(unbracket(t)) {
		_, w := utf8.DecodeRuneInString(t)
		_, lw := utf8.DecodeLastRuneInString(t)
		p.d.Signatures = append(p.d.Signatures, pp.field(cs+w, ce-lw))
		return
	}
	p.d.Signatures = append(p.d.Signatures, splitItems(pp, cs, ce, "、", true)...)
}

// closing finds the 署名 and 成文日期 after the body start: the first date
// line that has signatures above it or that ends the 主体 (nothing, a note,
// the 附件说明, an attachment or a title after it). It returns the
// paragraphs of the block, its 附注 included ([-1, -1) when none).
func (p *parser) closing(from, rec int) (int, int) {
	for c := from; c < rec; c++ {
		if p.role[c] != rBody {
			continue
		}
		pp := &p.ps[c]
		d, ds, dn := dateLine(pp)
		if dn == 0 {
			continue
		}
		s := c
		for s > from && c-s < 8 && p.role[s-1] == rBody && signatureLine(&p.ps[s-1]) {
			s--
		}
		// names broken over lines by a column layout (济南市工业和 / 信息化局)
		var frags []Field
		if fs, f := p.signatureFragments(from, c); fs < s {
			s, frags = fs, f
		}
		if s == c && ds == 0 && !p.closingEnds(c+1, rec) {
			continue
		}
		if frags != nil {
			p.d.Signatures = append(p.d.Signatures, frags...)
		} else {
			for k := s; k < c; k++ {
				p.signatures(&p.ps[k], 0, len(p.ps[k].text))
			}
		}
		for k := s; k < c; k++ {
			p.role[k] = rClosing
		}
		if ds > 0 {
			p.signatures(pp, 0, ds)
		}
		p.d.Date = dateField(pp, ds, ds+dn, d)
		p.role[c] = rClosing
		e := c + 1
		// a second date (发布 after 签发)
		for e < rec && e < c+3 {
			if _, _, n := dateLine(&p.ps[e]); n == 0 {
				break
			}
			p.role[e] = rClosing
			e++
		}
		e = p.notes(e, rec)
		return s, e
	}
	return -1, -1
}

// closingEnds: what follows a date line lets it close the 主体.
func (p *parser) closingEnds(k, rec int) bool {
	for k < rec {
		t := p.ps[k].text
		if _, _, n := dateLine(&p.ps[k]); n > 0 || isNote(t) {
			k++
			continue
		}
		break
	}
	if k >= rec {
		return true
	}
	t := p.ps[k].text
	if _, _, ok := attHeader(t); ok {
		return true
	}
	return noteStartLine(t) || titleLike(t)
}

// isNote reports whether a paragraph is a 附注: a remark in brackets.
func isNote(t string) bool { return bracketed(t) && runeLen(t) <= 120 }

// notes reads the 附注 at paragraph e (up to three) and returns the
// paragraph after them.
func (p *parser) notes(e, rec int) int {
	for k := 0; k < 3 && e < rec && p.role[e] == rBody && isNote(p.ps[e].text); k++ {
		p.d.Notes = append(p.d.Notes, p.ps[e].whole())
		p.role[e] = rClosing
		e++
	}
	return e
}

// --- 附件说明 and attachments ---

// noteStartLine reports whether a paragraph starts a 附件说明: 附件：…
func noteStartLine(t string) bool {
	if tocLine(t) {
		return false
	}
	for _, w := range []string{"附件", "附"} {
		if hasPrefix(t, w) {
			r, _ := utf8.DecodeRuneInString(t[len(w):])
			if r == '：' || r == ':' {
				return true
			}
		}
	}
	return false
}

// noteBefore finds a 附件说明 that ends right before the signatures at c0.
func (p *parser) noteBefore(from, c0 int) (int, int) {
	k := c0 - 1
	for k >= from && k > c0-60 && p.role[k] == rBody {
		if noteStartLine(p.ps[k].text) {
			e := p.note(k, c0)
			if e == c0 {
				return k, e
			}
			p.unNote(k, e)
			return -1, -1
		}
		if m, ok := scanMarker(p.ps[k].text); !ok || m.kind != mNum {
			break
		}
		k--
	}
	return -1, -1
}

// noteAt reads a 附件说明 at paragraph k (after the 成文日期 in a text that
// moved it there).
func (p *parser) noteAt(k, rec int) (int, int) {
	if k < 0 || k >= rec || p.role[k] != rBody || !noteStartLine(p.ps[k].text) {
		return -1, -1
	}
	return k, p.note(k, rec)
}

// noteSearch finds the first 附件说明 after the body start.
func (p *parser) noteSearch(from, rec int) (int, int) {
	for k := from; k < rec; k++ {
		if p.role[k] == rBody && noteStartLine(p.ps[k].text) {
			return k, p.note(k, rec)
		}
	}
	return -1, -1
}

func (p *parser) unNote(k, e int) {
	for j := k; j < e; j++ {
		p.role[j] = rBody
	}
	p.d.AttachmentNote = nil
}

// note reads the 附件说明 starting at paragraph k: its items, over the
// following numbered lines. It returns the paragraph after it.
func (p *parser) note(k, limit int) int {
	pp := &p.ps[k]
	t := pp.text
	w := "附件"
	if !hasPrefix(t, w) {
		w = "附"
	}
	_, cw := utf8.DecodeRuneInString(t[len(w):])
	cs := len(w) + cw
	an := &AttachmentNote{}
	p.noteItems(pp, cs, &an.Items)
	p.role[k] = rNote
	e := k + 1
	texts := []string{t}
	numbered := len(an.Items) > 0 && an.Items[0].Number > 0
	if len(an.Items) == 0 {
		numbered = true // 附件： with its items on the next lines
	}
	for numbered && e < limit && p.role[e] == rBody {
		m, ok := scanMarker(p.ps[e].text)
		if !ok || m.kind != mNum || m.num != len(an.Items)+1 {
			break
		}
		p.noteItems(&p.ps[e], 0, &an.Items)
		p.role[e] = rNote
		texts = append(texts, p.ps[e].text)
		e++
	}
	an.Field = Field{Text: strings.Join(texts, "\n"), Start: pp.start, End: p.ps[e-1].end}
	p.d.AttachmentNote = an
	return e
}

// noteItems reads the items of a 附件说明 line from compact offset cs: 1.…
// 2.… (several on one line when the layout put them there), or one item
// without a number.
func (p *parser) noteItems(pp *para, cs int, items *[]NoteItem) {
	t := pp.text
	cs = skipSpaceASCII(t, cs)
	if cs >= len(t) {
		return
	}
	m, ok := scanMarker(t[cs:])
	if !ok || m.kind != mNum {
		if len(*items) == 0 {
			ce := trimItemEnd(t, cs, len(t))
			if ce > cs {
				*items = append(*items, NoteItem{Field: pp.field(cs, ce)})
			}
		}
		return
	}
	for cs < len(t) {
		m, ok := scanMarker(t[cs:])
		if !ok || m.kind != mNum {
			return
		}
		is := skipSpaceASCII(t, cs+m.n)
		// the next item on the same line: N+1. after a gap or a ；
		ie := len(t)
		next := m.num + 1
		for j := is; j < len(t); {
			r, w := utf8.DecodeRuneInString(t[j:])
			if isDigitRune(r) && (gapAt(pp, j) || j > 0 && strings.ContainsRune("；;。", lastRune(t[:j]))) {
				if m2, ok := scanMarker(t[j:]); ok && m2.kind == mNum && m2.num == next {
					ie = j
					break
				}
			}
			j += w
		}
		ce := trimItemEnd(t, is, ie)
		if ce > is {
			*items = append(*items, NoteItem{Field: pp.field(is, ce), Number: m.num})
		}
		cs = ie
	}
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func skipSpaceASCII(t string, i int) int {
	for i < len(t) && t[i] == ' ' {
		i++
	}
	return i
}

// trimItemEnd drops the ；。，and spaces an item ends with.
func trimItemEnd(t string, s, e int) int {
	for e > s {
		r, w := utf8.DecodeLastRuneInString(t[s:e])
		switch r {
		case '；', ';', '。', '，', ',', ' ', '、':
			e -= w
			continue
		}
		break
	}
	return e
}

// attHeader reads an attachment's label line: 附件, 附件2, 附件二, 附件2：
// （with its title after the colon). It returns the number, the compact
// offset of a title on the same line (len when none) and whether it is one.
func attHeader(t string) (int, int, bool) {
	if !hasPrefix(t, "附件") || tocLine(t) {
		return 0, 0, false
	}
	rest := t[len("附件"):]
	if rest == "" {
		return 0, len(t), true
	}
	num, l := arabicNumber(rest, 3)
	if l == 0 {
		num, l = hanNumber(rest)
	}
	if l == 0 {
		return 0, 0, false
	}
	k := len("附件") + l
	if k == len(t) {
		return num, k, true
	}
	r, w := utf8.DecodeRuneInString(t[k:])
	if r == '：' || r == ':' {
		return num, skipSpaceASCII(t, k+w), true
	}
	return 0, 0, false
}

// nextAttHeader finds the first attachment label at or after paragraph k.
func (p *parser) nextAttHeader(k, rec int) int {
	for ; k < rec; k++ {
		if p.role[k] != rBody {
			continue
		}
		if _, _, ok := attHeader(p.ps[k].text); ok {
			return k
		}
	}
	return rec
}

// attachments reads the attachments in paragraphs [start, rec): each from
// its label to the next; a document right after the 成文日期 without a
// label (a notice issuing it) counts when it starts with a title.
func (p *parser) attachments(start, rec int) {
	k := start
	splits := p.splits
	for k < rec {
		if p.role[k] != rBody {
			k++
			continue
		}
		pp := &p.ps[k]
		num, tcs, head := attHeader(pp.text)
		var a Attachment
		content := k
		switch {
		case head:
			a.Label = pp.text[:min(tcs, len(pp.text))]
			a.Label = strings.TrimRight(a.Label, "：: ")
			a.Number = num
			p.role[k] = rAttHead
			content = k + 1
			if tcs < len(pp.text) {
				f := pp.field(tcs, len(pp.text))
				a.Title = &f
			} else if k+1 < rec {
				end, f, ok := p.titleAt(k+1, false)
				rec += p.splits - splits
				splits = p.splits
				if ok && end <= rec {
					a.Title = &f
					for j := k + 1; j < end; j++ {
						p.role[j] = rAttHead
					}
					content = end
				}
			}
		case k == start:
			end, f, ok := p.titleAt(k, true)
			rec += p.splits - splits
			splits = p.splits
			if !ok {
				k = p.nextAttHeader(k+1, rec)
				continue
			}
			a.Title = &f
			for j := k; j < end; j++ {
				p.role[j] = rAttHead
			}
			content = end
		default:
			k = p.nextAttHeader(k+1, rec)
			continue
		}
		e := p.nextAttHeader(content, rec)
		a.Start = p.ps[k].start
		a.End = p.ps[max(e, content)-1].end
		a.p0, a.p1 = k, max(e, content)
		p.d.Attachments = append(p.d.Attachments, a)
		k = max(e, content)
	}
}

// --- headings ---

// headings reads the headings of paragraphs [s, e) as part `part`.
func (p *parser) headings(s, e, part int) {
	var tb treeBuilder
	noteNext := 0 // the next item number of an attachment list inside the part
	for k := s; k < e; k++ {
		if p.role[k] != rBody {
			continue
		}
		pp := &p.ps[k]
		if noteStartLine(pp.text) {
			noteNext = 1
			if m, ok := scanMarker(skipNoteLabel(pp.text)); ok && m.kind == mNum {
				noteNext = m.num + 1
			}
			continue
		}
		m, ok := scanMarker(pp.text)
		if !ok || tocLine(pp.text) {
			noteNext = 0
			continue
		}
		if noteNext > 0 && m.kind == mNum && m.num == noteNext {
			// a line of an attachment list (附件：1.… 2.…), not a heading
			noteNext++
			continue
		}
		noteNext = 0
		h := Heading{
			Kind: kindNames[m.kind], Level: m.kind.gbLevel(), Number: m.num, Marker: pp.text[:m.n],
			Part: part, mk: m.kind, Nonstandard: m.nonstd, MarkerFix: m.fix,
			Start: pp.start, ParaEnd: pp.end, Line: p.l.lines[pp.first].num,
		}
		ts := skipSpaceASCII(pp.text, m.n)
		te := ts
		if m.kind == mArticle {
			h.RunIn = ts < len(pp.text)
			te = m.n
		} else {
			h.Title, h.RunIn = headingTitle(pp.text[ts:])
			if h.Title != "" {
				te = ts + strings.Index(pp.text[ts:], h.Title) + len(h.Title)
			}
		}
		_, h.End = pp.span(0, te)
		p.d.Headings = append(p.d.Headings, h)
		tb.add(p.d.Headings, len(p.d.Headings)-1)
	}
}

// skipNoteLabel returns what follows 附件： in a 附件说明 line.
func skipNoteLabel(t string) string {
	for _, w := range []string{"附件", "附"} {
		if hasPrefix(t, w) {
			_, cw := utf8.DecodeRuneInString(t[len(w):])
			return strings.TrimLeft(t[len(w)+cw:], " ")
		}
	}
	return t
}
