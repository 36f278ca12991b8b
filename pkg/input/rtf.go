package input

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// extractRTF returns the text of an RTF document: paragraphs one a line,
// \uN characters, \'xx bytes decoded in the document's code page (or the
// current font's character set: GBK for charset 134, Big5 for 136), field
// results without their instructions, table cells on lines of their own.
// Font, colour and style tables, pictures, objects, headers, footers,
// footnotes, annotations and list labels are left out.
func extractRTF(name string, raw []byte, b *budget) (*extracted, error) {
	r := rtfReader{raw: raw, b: b, fonts: map[int]int{}}
	if err := r.run(); err != nil {
		return nil, err
	}
	r.endLine()
	x := &extracted{text: r.out.String(), producer: strings.TrimSpace(strings.TrimSuffix(r.generator.String(), ";"))}
	if r.depth != 0 {
		x.warnings = append(x.warnings, Warning{Offset: -1, Message: "the RTF ends inside an open group (truncated?); the text may be incomplete"})
	}
	return x, nil
}

type rtfState struct {
	skip bool
	uc   int
	cp   int // code page of \'xx bytes
	font int
	gen  bool // inside \*\generator
}

type rtfReader struct {
	raw       []byte
	pos       int
	b         *budget
	st        rtfState
	stack     []rtfState
	depth     int
	docCP     int
	fonts     map[int]int // font number → code page from \fcharset
	curFont   int
	inFontTbl bool
	out       lineSink
	line      strings.Builder
	pending   []byte // \'xx bytes waiting to be decoded together
	skipChars int    // fallback characters still to skip after \uN
	high      rune   // a high surrogate waiting for its low half
	generator strings.Builder
}

// rtfDestinations are groups whose content is not document text.
var rtfDestinations = map[string]bool{
	"fonttbl": true, "colortbl": true, "stylesheet": true, "info": true, "pict": true, "object": true,
	"header": true, "headerl": true, "headerr": true, "headerf": true, "footer": true, "footerl": true,
	"footerr": true, "footerf": true, "footnote": true, "annotation": true, "fldinst": true,
	"listtable": true, "listoverridetable": true, "rsidtbl": true, "latentstyles": true, "themedata": true,
	"colorschememapping": true, "datastore": true, "xmlnstbl": true, "mmathPr": true, "pgdsctbl": true,
	"listtext": true, "pntext": true, "pn": true, "bkmkstart": true, "bkmkend": true, "filetbl": true,
	"revtbl": true, "atnid": true, "atnauthor": true, "atndate": true, "xe": true, "tc": true,
	"template": true, "userprops": true, "docvar": true, "nonshppict": true, "shpinst": true, "sp": true,
	"objdata": true, "blipuid": true, "protusertbl": true, "wgrffmtfilter": true, "fchars": true, "lchars": true,
}

func codePageOfCharset(cs int) int {
	switch cs {
	case 134:
		return 936
	case 136:
		return 950
	case 0:
		return 1252
	}
	return 0
}

func (r *rtfReader) run() error {
	r.st = rtfState{uc: 1}
	r.docCP = 1252
	steps := 0
	for r.pos < len(r.raw) {
		if steps++; steps >= 1<<16 {
			steps = 0
			if err := r.b.ctx.Err(); err != nil {
				return err
			}
		}
		c := r.raw[r.pos]
		switch c {
		case '{':
			r.flushBytes()
			r.pos++
			if len(r.stack) < 1024 {
				r.stack = append(r.stack, r.st)
			}
			r.depth++
			r.skipChars = 0
		case '}':
			r.flushBytes()
			r.pos++
			if n := len(r.stack); n > 0 {
				r.st = r.stack[n-1]
				r.stack = r.stack[:n-1]
			}
			if r.depth > 0 {
				r.depth--
			}
			r.skipChars = 0
		case '\\':
			r.control()
		case '\r', '\n':
			r.pos++
		default:
			r.pos++
			if r.skipChars > 0 {
				r.skipChars--
				continue
			}
			if c >= 0x80 { // raw 8-bit text, as some writers leave it: decoded with the \'xx bytes
				r.pending = append(r.pending, c)
				continue
			}
			r.flushBytes()
			r.text(string(rune(c)))
		}
	}
	r.flushBytes()
	return nil
}

// control reads a control word or symbol at r.pos.
func (r *rtfReader) control() {
	r.pos++
	if r.pos >= len(r.raw) {
		return
	}
	c := r.raw[r.pos]
	if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
		r.pos++
		switch c {
		case '\'':
			if r.pos+2 <= len(r.raw) {
				if v, ok := unhex2(r.raw[r.pos], r.raw[r.pos+1]); ok {
					r.pos += 2
					if r.skipChars > 0 {
						r.skipChars--
						return
					}
					r.pending = append(r.pending, v)
					return
				}
			}
		case '*':
			// An optional destination: skipped unless known below.
			if r.pos < len(r.raw) && r.raw[r.pos] == '\\' {
				save := r.pos
				r.pos++
				word, _, _ := r.word()
				r.pos = save
				if word == "generator" {
					r.st.gen = true
					r.st.skip = true
					r.pos++
					r.word()
					return
				}
				if word == "fldinst" || word == "fldrslt" {
					return
				}
			}
			r.st.skip = true
		case '~':
			r.plain(" ")
		case '_':
			r.plain("-")
		case '-':
		case '{', '}', '\\':
			r.plain(string(c))
		case '\r', '\n':
			r.flushBytes()
			r.endLine()
		case '\t':
			r.plain("\t")
		}
		return
	}
	word, n, hasN := r.word()
	if r.skipChars > 0 && word != "bin" {
		r.skipChars--
		return
	}
	switch word {
	case "u":
		if hasN {
			r.flushBytes()
			if n < 0 {
				n += 65536
			}
			u := rune(n)
			switch {
			case utf16.IsSurrogate(u) && u < 0xDC00:
				r.high = u // the first half of a character outside the BMP
			case utf16.IsSurrogate(u) && r.high != 0:
				r.text(string(utf16.DecodeRune(r.high, u)))
				r.high = 0
			default:
				r.text(string(u))
				r.high = 0
			}
			r.skipChars = r.st.uc
		}
		return
	case "uc":
		if hasN && n >= 0 && n < 16 {
			r.st.uc = n
		}
		return
	case "bin":
		if hasN && n > 0 {
			r.pos = min(len(r.raw), r.pos+n)
		}
		return
	case "ansicpg":
		if hasN {
			r.docCP = n
		}
		return
	case "fonttbl":
		r.inFontTbl = true
	case "f":
		if r.inFontTbl && r.st.skip {
			r.curFont = n
		} else {
			r.st.font = n
			r.st.cp = r.fonts[n]
		}
	case "fcharset":
		if hasN {
			if cp := codePageOfCharset(n); cp != 0 {
				r.fonts[r.curFont] = cp
			}
		}
	case "cpg":
		if hasN && r.inFontTbl {
			r.fonts[r.curFont] = n
		}
	}
	if rtfDestinations[word] {
		r.flushBytes()
		r.st.skip = true
		return
	}
	if word == "fldrslt" {
		// A field's result is text, unless the field itself is in a
		// skipped destination (a footer's PAGE field).
		if n := len(r.stack); n > 0 {
			r.st.skip = r.stack[n-1].skip
		}
		return
	}
	if r.st.skip {
		return
	}
	switch word {
	case "par", "line", "sect", "page", "cell", "row", "column", "nestcell", "nestrow":
		r.flushBytes()
		r.endLine()
	case "tab":
		r.plain("\t")
	case "emdash":
		r.plain("—")
	case "endash":
		r.plain("–")
	case "lquote":
		r.plain("‘")
	case "rquote":
		r.plain("’")
	case "ldblquote":
		r.plain("“")
	case "rdblquote":
		r.plain("”")
	case "bullet":
		r.plain("•")
	case "emspace", "enspace", "qmspace":
		r.plain(" ")
	}
}

// word reads a control word's letters, its number and the space that ends it.
func (r *rtfReader) word() (string, int, bool) {
	start := r.pos
	for r.pos < len(r.raw) && (r.raw[r.pos] >= 'a' && r.raw[r.pos] <= 'z' || r.raw[r.pos] >= 'A' && r.raw[r.pos] <= 'Z') && r.pos-start < 32 {
		r.pos++
	}
	w := string(r.raw[start:r.pos])
	nStart := r.pos
	if r.pos < len(r.raw) && r.raw[r.pos] == '-' {
		r.pos++
	}
	for r.pos < len(r.raw) && r.raw[r.pos] >= '0' && r.raw[r.pos] <= '9' && r.pos-nStart < 10 {
		r.pos++
	}
	n, err := strconv.Atoi(string(r.raw[nStart:r.pos]))
	hasN := err == nil
	if r.pos < len(r.raw) && r.raw[r.pos] == ' ' {
		r.pos++
	}
	return w, n, hasN
}

func (r *rtfReader) plain(s string) {
	r.flushBytes()
	r.text(s)
}

func (r *rtfReader) text(s string) {
	if r.st.gen {
		if r.generator.Len() < 256 {
			r.generator.WriteString(s)
		}
		return
	}
	if r.st.skip {
		return
	}
	r.line.WriteString(s)
}

// flushBytes decodes pending \'xx bytes in the current code page.
func (r *rtfReader) flushBytes() {
	if len(r.pending) == 0 {
		return
	}
	cp := r.st.cp
	if cp == 0 || cp == 1252 && r.docCP != 1252 {
		cp = r.docCP
	}
	if utf8.Valid(r.pending) && !isASCII(r.pending) {
		s := string(r.pending) // raw UTF-8 bytes
		r.pending = r.pending[:0]
		r.text(s)
		return
	}
	var enc encoding.Encoding
	switch cp {
	case 936, 54936:
		enc = simplifiedchinese.GB18030
	case 950:
		enc = traditionalchinese.Big5
	default:
		enc = charmap.Windows1252
	}
	s, err := enc.NewDecoder().String(string(r.pending))
	if err != nil {
		s = strings.ToValidUTF8(string(r.pending), "\uFFFD")
	}
	r.pending = r.pending[:0]
	r.text(s)
}

func (r *rtfReader) endLine() {
	s := r.line.String()
	r.out.add(strings.TrimRight(s, " "))
	r.line.Reset()
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}
