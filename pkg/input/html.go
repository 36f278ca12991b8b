package input

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// metaScanWindow is how far into an HTML page a <meta> charset is looked for.
const metaScanWindow = 16 << 10

// htmlEncoding decides how to decode an HTML page whose encoding the user
// did not force: a BOM, UTF-16 or valid UTF-8 win; else a <meta charset> or
// http-equiv Content-Type naming GB18030/GBK/GB2312 or Big5; else
// detection ("").
func htmlEncoding(raw []byte) string {
	if enc, ok := detectStructural(raw, false); ok {
		return enc
	}
	if cs := metaCharset(raw); cs != "" {
		if k, ok := parseKind(cs); ok && (k == kGB18030 || k == kBig5) {
			return cs
		}
	}
	return ""
}

// metaCharset returns the charset an HTML page declares in a <meta>
// element before <body>, or "".
func metaCharset(raw []byte) string {
	z := html.NewTokenizer(bytes.NewReader(raw[:min(len(raw), metaScanWindow)]))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			switch string(name) {
			case "body":
				return ""
			case "meta":
			default:
				continue
			}
			var charset, equiv, content string
			for more {
				var key, val []byte
				key, val, more = z.TagAttr()
				switch string(key) {
				case "charset":
					charset = string(val)
				case "http-equiv":
					equiv = string(val)
				case "content":
					content = string(val)
				}
			}
			if cs := strings.TrimSpace(charset); cs != "" {
				return cs
			}
			if strings.EqualFold(strings.TrimSpace(equiv), "content-type") {
				if cs := charsetParam(content); cs != "" {
					return cs
				}
			}
		}
	}
}

// charsetParam extracts the charset from a Content-Type value such as
// "text/html; charset=gb2312".
func charsetParam(content string) string {
	lower := strings.ToLower(content)
	i := strings.Index(lower, "charset")
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(content[i+len("charset"):], " \t")
	if !strings.HasPrefix(rest, "=") {
		return ""
	}
	rest = strings.TrimLeft(rest[1:], " \t")
	rest = strings.TrimLeft(rest, `"'`)
	if j := strings.IndexAny(rest, `"'; ,`); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

// extractHTML returns the visible text of an HTML document: the <title>
// first, then the body with block elements on lines of their own, table
// cells separated by tabs, whitespace collapsed as a browser does (a line
// break between two CJK characters disappears), <pre> kept as is, and no
// more than one blank line in a row. Script, style, head, template,
// noscript, hidden elements, forms' option lists, SVG and MathML are
// dropped; entities are decoded.
//
// A page nested deeper than the HTML parser's 512 open elements cannot be
// made into a tree: its text is then read tag by tag (extractHTMLTokens),
// with a warning saying so.
func extractHTML(text string) (string, []Warning) {
	root, err := html.ParseWithOptions(strings.NewReader(text), html.ParseOptionEnableScripting(true))
	if err != nil {
		return extractHTMLTokens(text), []Warning{{Offset: -1, Message: "HTML nested deeper than the parser's limit " +
			"(" + err.Error() + "): text read tag by tag without the document tree; hidden parts and table layout may differ"}}
	}
	var w htmlWalker
	if t := findTitle(root); t != "" {
		w.text(t)
		w.endLine()
	}
	for n := root; n != nil; {
		descend := w.enter(n)
		if descend && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for n != nil {
			w.leave(n)
			if n == root {
				n = nil
				break
			}
			if n.NextSibling != nil {
				n = n.NextSibling
				break
			}
			n = n.Parent
		}
	}
	w.endLine()
	return w.out.String(), nil
}

// extractHTMLTokens extracts the text of an HTML page from its tokens, with
// no tree and so no nesting limit: the same lines, cells, whitespace and
// skipped elements as extractHTML, as far as tags say them without the
// parser's repairs.
func extractHTMLTokens(text string) string {
	z := html.NewTokenizer(strings.NewReader(text))
	var (
		w        htmlWalker
		skipTag  atom.Atom
		skip     int // depth inside a skipped element
		inTitle  bool
		title    strings.Builder
		gotTitle bool
		foreign  int // depth inside svg/math
	)
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			w.endLine()
			return w.out.String()
		case html.TextToken:
			if inTitle {
				title.Write(z.Text())
				continue
			}
			if skip > 0 || foreign > 0 {
				continue
			}
			if w.pre > 0 {
				w.preText(string(z.Text()))
			} else {
				w.text(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tn, hasAttr := z.TagName()
			a := atom.Lookup(tn)
			var attrs []html.Attribute
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				attrs = append(attrs, html.Attribute{Key: string(k), Val: string(v)})
			}
			void := tt == html.SelfClosingTagToken || isVoid(a)
			if skip > 0 {
				if a == skipTag && !void {
					skip++
				}
				continue
			}
			if a == atom.Svg || a == atom.Math {
				if !void {
					foreign++
				}
				continue
			}
			if foreign > 0 {
				continue
			}
			if a == atom.Title && !gotTitle {
				inTitle = true
				continue
			}
			if a != atom.Head && skipElement(&html.Node{Type: html.ElementNode, DataAtom: a, Attr: attrs}) {
				if !void {
					skipTag, skip = a, 1
				}
				continue
			}
			switch {
			case a == atom.Br:
				w.endLine()
			case a == atom.Td || a == atom.Th:
				w.cell()
			case isBlock(a):
				w.block()
			}
			if isPre(a) && !void {
				w.pre++
			}
		case html.EndTagToken:
			tn, _ := z.TagName()
			a := atom.Lookup(tn)
			if skip > 0 {
				if a == skipTag {
					skip--
				}
				continue
			}
			if a == atom.Svg || a == atom.Math {
				if foreign > 0 {
					foreign--
				}
				continue
			}
			if inTitle && a == atom.Title {
				inTitle, gotTitle = false, true
				if t := strings.Join(strings.Fields(title.String()), " "); t != "" {
					w.text(t)
					w.endLine()
				}
				continue
			}
			if isBlock(a) {
				w.block()
			}
			if isPre(a) && w.pre > 0 {
				w.pre--
			}
		}
	}
}

// isVoid: elements that have no end tag.
func isVoid(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

// findTitle returns the whitespace-collapsed text of the first HTML <title>.
func findTitle(root *html.Node) string {
	for n := root; n != nil; {
		if n.Type == html.ElementNode && n.DataAtom == atom.Title && n.Namespace == "" {
			var b strings.Builder
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.TextNode {
					b.WriteString(c.Data)
				}
			}
			return strings.Join(strings.Fields(b.String()), " ")
		}
		if n.Type == html.ElementNode && n.Namespace != "" { // no titles from inside SVG
			n = nextSkippingChildren(n, root)
			continue
		}
		if n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		n = nextSkippingChildren(n, root)
	}
	return ""
}

// nextSkippingChildren returns the node after n and its subtree in
// document order, within root.
func nextSkippingChildren(n, root *html.Node) *html.Node {
	for ; n != nil && n != root; n = n.Parent {
		if n.NextSibling != nil {
			return n.NextSibling
		}
	}
	return nil
}

// htmlWalker collects the visible text of an HTML tree.
type htmlWalker struct {
	out   lineSink
	line  []byte
	space bool // collapsible whitespace seen since the last character
	brk   bool // ...containing a line break
	last  rune // last character on the line
	keep  bool // the line holds preformatted text: do not trim it
	pre   int  // depth of preformatted elements
}

func (w *htmlWalker) enter(n *html.Node) bool {
	switch n.Type {
	case html.DocumentNode:
		return true
	case html.TextNode:
		if w.pre > 0 {
			w.preText(n.Data)
		} else {
			w.text(n.Data)
		}
		return false
	case html.ElementNode:
		if skipElement(n) {
			return false
		}
		switch a := n.DataAtom; {
		case a == atom.Br:
			w.endLine()
		case a == atom.Td || a == atom.Th:
			w.cell()
		case isBlock(a):
			w.block()
		}
		if isPre(n.DataAtom) {
			w.pre++
		}
		return true
	}
	return false
}

func (w *htmlWalker) leave(n *html.Node) {
	if n.Type != html.ElementNode || skipElement(n) {
		return
	}
	if isBlock(n.DataAtom) {
		w.block()
	}
	if isPre(n.DataAtom) && w.pre > 0 {
		w.pre--
	}
}

// text adds ordinary text, collapsing whitespace.
func (w *htmlWalker) text(s string) {
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\f':
			w.space = true
			if r == '\n' || r == '\r' {
				w.brk = true
			}
			continue
		case 0xA0: // &nbsp;: a space that does not collapse
			r = ' '
		}
		if w.space && len(w.line) > 0 && !(w.brk && isWide(w.last) && isWide(r)) {
			w.line = append(w.line, ' ')
		}
		w.space, w.brk = false, false
		w.line = utf8.AppendRune(w.line, r)
		w.last = r
	}
}

// preText adds preformatted text: whitespace and line breaks kept.
func (w *htmlWalker) preText(s string) {
	if w.space && len(w.line) > 0 {
		w.line = append(w.line, ' ')
	}
	w.space, w.brk = false, false
	for i, part := range strings.Split(s, "\n") {
		if i > 0 {
			w.keep = true
			w.endLine()
		}
		w.line = append(w.line, part...)
		if part != "" {
			w.keep = true
			w.last, _ = utf8.DecodeLastRuneInString(part)
		}
	}
}

// block ends the current line, if any, at the edge of a block element.
func (w *htmlWalker) block() {
	if len(w.line) > 0 {
		w.endLine()
	}
	w.space, w.brk = false, false
}

// cell separates table cells on a row with a tab.
func (w *htmlWalker) cell() {
	if len(w.line) > 0 {
		w.line = append(w.line, '\t')
		w.last = '\t'
	}
	w.space, w.brk = false, false
}

// endLine ends the current line (an empty one makes a blank line).
func (w *htmlWalker) endLine() {
	l := string(w.line)
	if w.keep {
		l = strings.TrimRight(l, " \t")
	} else {
		l = strings.Trim(l, " \t")
	}
	w.out.add(l)
	w.line = w.line[:0]
	w.keep, w.space, w.brk, w.last = false, false, false, 0
}

// skipElement reports whether an element's content is not visible text.
func skipElement(n *html.Node) bool {
	if n.Namespace != "" { // svg, math
		return true
	}
	switch n.DataAtom {
	case atom.Head, atom.Title, atom.Script, atom.Style, atom.Noscript, atom.Template,
		atom.Iframe, atom.Object, atom.Embed, atom.Canvas, atom.Audio, atom.Video,
		atom.Select, atom.Datalist, atom.Noembed, atom.Noframes:
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(a.Val, "true") {
				return true
			}
		case "style":
			s := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body, atom.Caption,
		atom.Center, atom.Dd, atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Dt,
		atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Form,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Header, atom.Hgroup, atom.Hr,
		atom.Html, atom.Legend, atom.Li, atom.Listing, atom.Main, atom.Menu, atom.Nav, atom.Ol,
		atom.P, atom.Plaintext, atom.Pre, atom.Section, atom.Summary, atom.Table, atom.Tbody,
		atom.Textarea, atom.Tfoot, atom.Thead, atom.Tr, atom.Ul, atom.Xmp:
		return true
	}
	return false
}

func isPre(a atom.Atom) bool {
	switch a {
	case atom.Pre, atom.Listing, atom.Xmp, atom.Plaintext, atom.Textarea:
		return true
	}
	return false
}

// isWide reports whether r is an East Asian wide character, between two of
// which a source line break is not a space (CSS Text 3 segment breaks).
func isWide(r rune) bool {
	switch {
	case r >= 0x1100 && r < 0x1160,
		r >= 0x2E80 && r < 0xA4D0,
		r >= 0xAC00 && r < 0xD7A4,
		r >= 0xF900 && r < 0xFB00,
		r >= 0xFE30 && r < 0xFE50,
		r >= 0xFF00 && r < 0xFF61,
		r >= 0xFFE0 && r < 0xFFE7,
		r >= 0x20000 && r < 0x3FFFE:
		return true
	}
	return false
}

// lineSink collects lines: no leading or trailing blank lines, and no
// more than one blank line in a row. Every line ends with "\n".
type lineSink struct {
	b     strings.Builder
	lines int
	blank bool
}

func (s *lineSink) add(line string) {
	if line == "" {
		if s.lines > 0 {
			s.blank = true
		}
		return
	}
	if s.blank {
		s.b.WriteByte('\n')
		s.blank = false
	}
	s.b.WriteString(line)
	s.b.WriteByte('\n')
	s.lines++
}

func (s *lineSink) String() string { return s.b.String() }
