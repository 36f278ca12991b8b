package input

import (
	"strconv"
)

// PDF objects as this reader holds them.
type (
	pdfName    string
	pdfString  []byte
	pdfArray   []any
	pdfDict    map[pdfName]any
	pdfKeyword string
	pdfRef     struct{ num, gen int }
	pdfStream  struct {
		dict pdfDict
		data []byte // the encoded data, a slice of the file (or of a decrypted copy)
		ref  pdfRef
	}
)

// pdfMaxDepth bounds the nesting of arrays and dictionaries.
const pdfMaxDepth = 64

// pdfLexer reads PDF tokens and objects from a byte slice. It never reads
// past the slice: at the end every read returns a nil object.
type pdfLexer struct {
	b   []byte
	pos int
}

func isPDFSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isPDFDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// skipSpace skips white space and comments.
func (l *pdfLexer) skipSpace() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if isPDFSpace(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		return
	}
}

// regular reads a run of regular characters.
func (l *pdfLexer) regular() []byte {
	start := l.pos
	for l.pos < len(l.b) && !isPDFSpace(l.b[l.pos]) && !isPDFDelim(l.b[l.pos]) {
		l.pos++
	}
	return l.b[start:l.pos]
}

// token reads one token: a number (int64 or float64), a name, a string,
// a keyword (including "[", "]", "<<", ">>", "{", "}"), or nil at the end.
func (l *pdfLexer) token() any {
	l.skipSpace()
	if l.pos >= len(l.b) {
		return nil
	}
	c := l.b[l.pos]
	switch c {
	case '/':
		l.pos++
		return pdfName(decodeName(l.regular()))
	case '(':
		l.pos++
		return l.literal()
	case '<':
		if l.pos+1 < len(l.b) && l.b[l.pos+1] == '<' {
			l.pos += 2
			return pdfKeyword("<<")
		}
		l.pos++
		return l.hexString()
	case '>':
		if l.pos+1 < len(l.b) && l.b[l.pos+1] == '>' {
			l.pos += 2
			return pdfKeyword(">>")
		}
		l.pos++
		return pdfKeyword(">")
	case '[', ']', '{', '}', ')':
		l.pos++
		return pdfKeyword(string(c))
	}
	tok := l.regular()
	if len(tok) == 0 { // cannot happen; stay safe
		l.pos++
		return pdfKeyword("")
	}
	if n, ok := parsePDFNumber(tok); ok {
		return n
	}
	return pdfKeyword(tok)
}

// parsePDFNumber parses an integer or real number token.
func parsePDFNumber(tok []byte) (any, bool) {
	c := tok[0]
	if !(c >= '0' && c <= '9') && c != '-' && c != '+' && c != '.' {
		return nil, false
	}
	isReal := false
	for i, c := range tok {
		switch {
		case c >= '0' && c <= '9':
		case c == '.':
			isReal = true
		case (c == '-' || c == '+') && i == 0:
		case c == '-' && isReal: // "0.5-" from some producers: stop here
			tok = tok[:i]
			goto parse
		default:
			return nil, false
		}
	}
parse:
	if !isReal {
		if n, err := strconv.ParseInt(string(tok), 10, 64); err == nil {
			return n, true
		}
	}
	s := string(tok)
	if s == "-" || s == "+" || s == "." || s == "-." || s == "+." {
		return int64(0), true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return float64(0), true
	}
	return f, true
}

// decodeName decodes the #xx escapes of a name.
func decodeName(b []byte) string {
	i := 0
	for i < len(b) && b[i] != '#' {
		i++
	}
	if i == len(b) {
		return string(b)
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '#' && i+2 < len(b) {
			if h, ok := unhex2(b[i+1], b[i+2]); ok {
				out = append(out, h)
				i += 2
				continue
			}
		}
		out = append(out, b[i])
	}
	return string(out)
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func unhex2(a, b byte) (byte, bool) {
	x, ok1 := unhex(a)
	y, ok2 := unhex(b)
	return x<<4 | y, ok1 && ok2
}

// literal reads a (string) after its "(".
func (l *pdfLexer) literal() pdfString {
	var out []byte
	depth := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return out
			}
		case '\\':
			if l.pos >= len(l.b) {
				return out
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; k++ {
						v = v*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return out
}

// hexString reads a <hex string> after its "<".
func (l *pdfLexer) hexString() pdfString {
	var out []byte
	var hi byte
	half := false
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		v, ok := unhex(c)
		if !ok {
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	return out
}

// object reads one object: arrays and dictionaries whole, "n g R" as a
// reference. Keywords other than true, false and null come back as
// pdfKeyword; at the end of the data it returns nil.
func (l *pdfLexer) object(depth int) any {
	tok := l.token()
	return l.objectFrom(tok, depth)
}

func (l *pdfLexer) objectFrom(tok any, depth int) any {
	switch t := tok.(type) {
	case pdfKeyword:
		switch t {
		case "true":
			return true
		case "false":
			return false
		case "null":
			return nil
		case "[":
			if depth >= pdfMaxDepth {
				l.skipNested("[", "]")
				return pdfArray(nil)
			}
			var arr pdfArray
			for {
				save := l.pos
				tok := l.token()
				if tok == nil {
					return arr
				}
				if k, ok := tok.(pdfKeyword); ok && k == "]" {
					return arr
				}
				if k, ok := tok.(pdfKeyword); ok && (k == ">>" || k == "endobj" || k == "stream") {
					l.pos = save // damaged: let the caller see it
					return arr
				}
				arr = append(arr, l.objectFrom(tok, depth+1))
			}
		case "<<":
			if depth >= pdfMaxDepth {
				l.skipNested("<<", ">>")
				return pdfDict{}
			}
			d := pdfDict{}
			for {
				save := l.pos
				tok := l.token()
				if tok == nil {
					return d
				}
				if k, ok := tok.(pdfKeyword); ok {
					if k == ">>" {
						return d
					}
					if k == "endobj" || k == "stream" || k == "]" {
						l.pos = save
						return d
					}
					continue // junk in place of a key
				}
				key, ok := tok.(pdfName)
				if !ok {
					continue
				}
				save = l.pos
				vt := l.token()
				if k, ok := vt.(pdfKeyword); ok && (k == ">>" || k == "endobj") {
					l.pos = save
					d[key] = nil
					continue
				}
				d[key] = l.objectFrom(vt, depth+1)
			}
		}
		return t
	case int64:
		// "n g R"?
		save := l.pos
		if g, ok := l.token().(int64); ok {
			if k, ok := l.token().(pdfKeyword); ok && k == "R" {
				if t >= 0 && t < 1<<31 && g >= 0 && g < 1<<20 {
					return pdfRef{int(t), int(g)}
				}
				return nil
			}
		}
		l.pos = save
		return t
	}
	return tok
}

// skipNested skips to the end of a structure nested too deep.
func (l *pdfLexer) skipNested(open, close pdfKeyword) {
	n := 1
	for n > 0 {
		tok := l.token()
		if tok == nil {
			return
		}
		if k, ok := tok.(pdfKeyword); ok {
			switch k {
			case open:
				n++
			case close:
				n--
			}
		}
	}
}
