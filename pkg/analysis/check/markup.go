package check

import (
	"strings"

	"golang.org/x/net/html"
)

// markup is a view of a document in which everything that is not prose is
// blanked out with spaces, byte for byte (line breaks are kept), so that the
// rules see only the text a reader sees while every offset still points into
// the document: Markdown front matter, code blocks and spans, link targets,
// URLs, HTML tags and comments; in HTML, tags, comments, scripts and styles.
// HTML character references are decoded in place (&ldquo; becomes “ padded
// with spaces); no edit may touch such a span.
type markup struct {
	masked     string
	breaks     []int    // offsets where a block-level HTML element starts or ends
	synthetic  [][2]int // spans of decoded character references
	directives []directive
}

// prepareMarkup masks text according to its format ("markdown", "html";
// anything else is returned as it is).
func prepareMarkup(text, format string) *markup {
	switch format {
	case "markdown":
		return maskMarkdown(text)
	case "html":
		return maskHTML(text)
	}
	return &markup{masked: text}
}

// overlapsSynthetic reports whether [s, e) touches a decoded character reference.
func (m *markup) overlapsSynthetic(s, e int) bool {
	for _, sp := range m.synthetic {
		if s < sp[1] && e > sp[0] || s == e && s > sp[0] && s < sp[1] {
			return true
		}
	}
	return false
}

// blank replaces b[s:e] with spaces, keeping line breaks.
func blank(b []byte, s, e int) {
	for i := s; i < e && i < len(b); i++ {
		if b[i] != '\n' && b[i] != '\r' {
			b[i] = ' '
		}
	}
}

// --- Markdown ---

func maskMarkdown(text string) *markup {
	m := &markup{}
	b := []byte(text)
	pos := 0
	// Front matter: a first line of "---" up to a line of "---" or "...".
	if first, rest, ok := cutLine(text, 0); ok && strings.TrimRight(first, " \t\r") == "---" {
		for p := rest; p < len(text); {
			line, next, _ := cutLine(text, p)
			t := strings.TrimRight(line, " \t\r")
			if t == "---" || t == "..." {
				blank(b, 0, next)
				pos = next
				break
			}
			p = next
		}
	}
	var fence string // the opening fence while inside a fenced code block
	fenceStart := 0
	for pos < len(text) {
		line, next, _ := cutLine(text, pos)
		trimmed := strings.TrimLeft(line, " ")
		indent := len(line) - len(trimmed)
		if fence != "" {
			if indent <= 3 && strings.HasPrefix(trimmed, fence) && strings.Trim(strings.TrimRight(trimmed, " \t\r"), fence[:1]) == "" {
				blank(b, fenceStart, next)
				fence = ""
			}
			pos = next
			continue
		}
		if indent <= 3 {
			if f := fenceOf(trimmed); f != "" {
				fence, fenceStart = f, pos
				pos = next
				continue
			}
		}
		pos = m.maskMarkdownLine(text, b, pos, next)
	}
	if fence != "" { // unclosed fence: code to the end
		blank(b, fenceStart, len(text))
	}
	m.masked = string(b)
	return m
}

// fenceOf returns the fence (``` or ~~~, as long as written) that opens a
// fenced code block on this line, or "".
func fenceOf(trimmed string) string {
	for _, c := range []byte{'`', '~'} {
		n := 0
		for n < len(trimmed) && trimmed[n] == c {
			n++
		}
		if n >= 3 {
			if c == '`' && strings.Contains(trimmed[n:], "`") {
				return "" // ``` inside an info string is not a fence
			}
			return trimmed[:n]
		}
	}
	return ""
}

// cutLine returns the line starting at pos (without its \n), the offset of
// the next line, and whether pos was inside the text.
func cutLine(text string, pos int) (line string, next int, ok bool) {
	if pos >= len(text) {
		return "", len(text), false
	}
	if i := strings.IndexByte(text[pos:], '\n'); i >= 0 {
		return text[pos : pos+i], pos + i + 1, true
	}
	return text[pos:], len(text), true
}

// maskMarkdownLine masks the inline markup of the line text[pos:next] and
// returns where scanning continues (past a multi-line HTML comment).
func (m *markup) maskMarkdownLine(text string, b []byte, pos, next int) int {
	end := next
	if end > pos && text[end-1] == '\n' {
		end--
	}
	// Reference definitions: [id]: url
	if t := strings.TrimLeft(text[pos:end], " "); strings.HasPrefix(t, "[") {
		if i := strings.Index(t, "]:"); i > 1 {
			start := end - len(t) + i + 2
			blank(b, start, end)
			return next
		}
	}
	for i := pos; i < end; {
		c := text[i]
		switch {
		case c == '`':
			n := 1
			for i+n < end && text[i+n] == '`' {
				n++
			}
			run := text[i : i+n]
			if j := strings.Index(text[i+n:end], run); j >= 0 {
				blank(b, i, i+n+j+n)
				i += n + j + n
				continue
			}
			i += n
			continue
		case c == '<' && strings.HasPrefix(text[i:], "<!--"):
			j := strings.Index(text[i+4:], "-->")
			cend := len(text)
			if j >= 0 {
				cend = i + 4 + j + 3
			}
			m.addDirective(text, i, cend, text[i+4:max(i+4, cend-3)])
			blank(b, i, cend)
			if cend > end {
				// The comment ran over line ends: go on after it.
				return cend
			}
			i = cend
			continue
		case c == '<' && i+1 < end && (isASCIILetter(text[i+1]) || text[i+1] == '/' && i+2 < end && isASCIILetter(text[i+2])):
			if j := strings.IndexByte(text[i:end], '>'); j > 0 {
				blank(b, i, i+j+1)
				i += j + 1
				continue
			}
		case c == ']' && i+1 < end && text[i+1] == '(':
			if j := strings.IndexByte(text[i+2:end], ')'); j >= 0 {
				blank(b, i+2, i+2+j)
				i += 2 + j + 1
				continue
			}
		case c == 'h' || c == 'w':
			if n := urlLen(text[i:end]); n > 0 {
				blank(b, i, i+n)
				i += n
				continue
			}
		}
		i++
	}
	return next
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// urlLen returns the length of a bare URL starting s (http://, https://,
// www.), or 0. The URL ends at the first space or non-ASCII byte.
func urlLen(s string) int {
	if !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "https://") && !strings.HasPrefix(s, "www.") {
		return 0
	}
	n := 0
	for n < len(s) && s[n] > ' ' && s[n] < 0x7F && s[n] != '<' && s[n] != '>' && s[n] != '"' {
		n++
	}
	return n
}

// --- HTML ---

// isBlockTag reports whether an element starts a new paragraph for the
// brackets rule.
func isBlockTag(tag string) bool {
	switch tag {
	case "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
		"table", "tr", "td", "th", "section", "article", "header", "footer", "blockquote", "pre",
		"title", "body", "head", "html", "hr", "nav", "aside", "main", "figure", "figcaption", "caption":
		return true
	}
	return false
}

func maskHTML(text string) *markup {
	m := &markup{}
	b := []byte(text)
	z := html.NewTokenizer(strings.NewReader(text))
	off := 0
	hidden := "" // inside <script> or <style>: their text is not prose
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		n := len(z.Raw())
		start, end := off, off+n
		off = end
		switch tt {
		case html.TextToken:
			if hidden != "" {
				blank(b, start, end)
				continue
			}
			m.decodeReferences(text, b, start, end)
		case html.CommentToken:
			raw := text[start:end]
			body := strings.TrimSuffix(strings.TrimPrefix(raw, "<!--"), "-->")
			m.addDirective(text, start, end, body)
			blank(b, start, end)
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if isBlockTag(tag) {
				m.breaks = append(m.breaks, start)
			}
			switch {
			case tt == html.StartTagToken && (tag == "script" || tag == "style" || tag == "noscript" || tag == "template"):
				hidden = tag
			case tt == html.EndTagToken && tag == hidden:
				hidden = ""
			}
			blank(b, start, end)
		default: // doctype
			blank(b, start, end)
		}
	}
	m.masked = string(b)
	return m
}

// decodeReferences replaces character references in text[start:end] with
// the characters they stand for, padded with spaces to the same length.
func (m *markup) decodeReferences(text string, b []byte, start, end int) {
	for i := start; i < end; {
		j := strings.IndexByte(text[i:end], '&')
		if j < 0 {
			return
		}
		i += j
		k := strings.IndexByte(text[i:min(end, i+34)], ';')
		if k < 2 {
			i++
			continue
		}
		ref := text[i : i+k+1]
		dec := html.UnescapeString(ref)
		if dec == ref || len(dec) > len(ref) {
			i++
			continue
		}
		copy(b[i:], dec)
		for p := i + len(dec); p < i+len(ref); p++ {
			b[p] = ' '
		}
		m.synthetic = append(m.synthetic, [2]int{i, i + len(ref)})
		i += len(ref)
	}
}

// --- suppression directives ---

type directiveKind int

const (
	dirDisable directiveKind = iota
	dirEnable
	dirLine
	dirNextLine
	dirFile
)

// directive is one suppression comment:
//
//	<!-- zhpolicy-disable-next-line width, brackets -->
//	<!-- zhpolicy-disable-line term -->
//	<!-- zhpolicy-disable script-mix --> … <!-- zhpolicy-enable script-mix -->
//	<!-- zhpolicy-disable-file duplicate -->
//
// Without rule names a directive applies to every rule. Text after " -- "
// is a free-form reason.
type directive struct {
	kind       directiveKind
	rules      []string // nil: all rules
	start, end int      // the comment's bytes
}

const directivePrefix = "zhpolicy-"

func (m *markup) addDirective(text string, start, end int, body string) {
	body = strings.TrimSpace(body)
	if !strings.HasPrefix(body, directivePrefix) {
		return
	}
	if i := strings.Index(body, " -- "); i >= 0 {
		body = body[:i]
	}
	fields := strings.FieldsFunc(body, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' || r == '\n' || r == '\r' })
	if len(fields) == 0 {
		return
	}
	d := directive{start: start, end: end}
	switch strings.TrimPrefix(fields[0], directivePrefix) {
	case "disable":
		d.kind = dirDisable
	case "enable":
		d.kind = dirEnable
	case "disable-line":
		d.kind = dirLine
	case "disable-next-line":
		d.kind = dirNextLine
	case "disable-file":
		d.kind = dirFile
	default:
		return
	}
	if len(fields) > 1 {
		d.rules = fields[1:]
	}
	m.directives = append(m.directives, d)
}

// suppressor decides whether a finding is silenced by a directive.
type suppressor struct {
	fileAll   bool
	file      map[string]bool
	lineAll   map[int]bool
	line      map[int]map[string]bool
	ranges    []suppressRange
	anyActive bool
}

type suppressRange struct {
	start, end int
	rule       string // "" = all
}

func newSuppressor(ds []directive, loc *locator) *suppressor {
	s := &suppressor{}
	if len(ds) == 0 {
		return s
	}
	s.anyActive = true
	s.file = map[string]bool{}
	s.lineAll = map[int]bool{}
	s.line = map[int]map[string]bool{}
	open := map[string]int{} // rule ("" = all) → start offset
	addLines := func(from, to int, rules []string) {
		for ln := from; ln <= to; ln++ {
			if rules == nil {
				s.lineAll[ln] = true
				continue
			}
			if s.line[ln] == nil {
				s.line[ln] = map[string]bool{}
			}
			for _, r := range rules {
				s.line[ln][r] = true
			}
		}
	}
	for _, d := range ds {
		first, last := loc.lineOf(d.start), loc.lineOf(max(d.start, d.end-1))
		switch d.kind {
		case dirFile:
			if d.rules == nil {
				s.fileAll = true
			}
			for _, r := range d.rules {
				s.file[r] = true
			}
		case dirLine:
			addLines(first, last, d.rules)
		case dirNextLine:
			addLines(last+1, last+1, d.rules)
		case dirDisable:
			if d.rules == nil {
				if _, ok := open[""]; !ok {
					open[""] = d.end
				}
			}
			for _, r := range d.rules {
				if _, ok := open[r]; !ok {
					open[r] = d.end
				}
			}
		case dirEnable:
			names := d.rules
			if names == nil {
				names = make([]string, 0, len(open))
				for r := range open {
					names = append(names, r)
				}
			}
			for _, r := range names {
				if st, ok := open[r]; ok {
					s.ranges = append(s.ranges, suppressRange{start: st, end: d.start, rule: r})
					delete(open, r)
				}
			}
		}
	}
	for r, st := range open {
		s.ranges = append(s.ranges, suppressRange{start: st, end: int(^uint(0) >> 1), rule: r})
	}
	return s
}

func (s *suppressor) suppressed(f *Finding) bool {
	if !s.anyActive {
		return false
	}
	if s.fileAll || s.file[f.Rule] {
		return true
	}
	if s.lineAll[f.Line] || s.line[f.Line][f.Rule] {
		return true
	}
	for _, r := range s.ranges {
		if (r.rule == "" || r.rule == f.Rule) && f.Offset >= r.start && f.Offset < r.end {
			return true
		}
	}
	return false
}
