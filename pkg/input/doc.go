package input

import (
	"encoding/binary"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// extractDOC returns the main text of a Word 97-2003 binary document
// (.doc, and Kingsoft WPS Writer's .wps, which is the same format): the
// piece table of the File Information Block is followed through the
// WordDocument stream, compressed (8-bit, Windows-1252) and UTF-16
// pieces alike. Paragraph, line, page and section marks and table cells
// end lines; field instructions are dropped and field results kept;
// pictures, drawn objects and note references are dropped. Footnotes,
// headers and text boxes (the text after the main document) are not read.
func extractDOC(name string, c *cfbFile, b *budget) (*extracted, error) {
	wd, ok, err := c.stream("WordDocument", b)
	if err != nil {
		return nil, docCorrupt(name, err)
	}
	if !ok {
		return nil, corruptError(name, nil, "not a Word document: the compound file has no WordDocument stream")
	}
	le := binary.LittleEndian
	if len(wd) < 32+2 {
		return nil, corruptError(name, nil, "damaged .doc: the File Information Block is cut short")
	}
	ident, nFib, flags := le.Uint16(wd[0:]), le.Uint16(wd[2:]), le.Uint16(wd[10:])
	if ident != 0xA5EC && ident != 0xA5DC {
		return nil, corruptError(name, nil, "damaged .doc: the WordDocument stream does not start with a File Information Block")
	}
	if flags&0x0100 != 0 {
		return nil, encryptedError(name, "encrypted .doc (password protected); open it with its password in Word or WPS and save it again without one")
	}
	if nFib < 101 || (nFib < 0x00C1 && ident == 0xA5DC) {
		return nil, newError(name, ErrUnsupported, nil, "unsupported format (Word 6/95 .doc, file format %d); save it as .docx in Word or WPS", nFib)
	}
	// FibBase, then csw 16-bit words, cslw 32-bit words (ccpText is the
	// 4th), cbRgFcLcb pairs of offset and length (fcClx is the 34th).
	pos := 32
	csw := int(le.Uint16(wd[pos:]))
	pos += 2 + 2*csw
	if pos+2 > len(wd) {
		return nil, corruptError(name, nil, "damaged .doc: the File Information Block is cut short")
	}
	cslw := int(le.Uint16(wd[pos:]))
	lw := pos + 2
	pos = lw + 4*cslw
	if cslw < 4 || pos+2 > len(wd) {
		return nil, corruptError(name, nil, "damaged .doc: the File Information Block is cut short")
	}
	ccpText := int64(le.Uint32(wd[lw+12:]))
	nPairs := int(le.Uint16(wd[pos:]))
	pairs := pos + 2
	if nPairs < 34 || pairs+34*8 > len(wd) {
		return nil, corruptError(name, nil, "damaged .doc: the File Information Block has no piece table entry")
	}
	fcClx, lcbClx := int64(le.Uint32(wd[pairs+33*8:])), int64(le.Uint32(wd[pairs+33*8+4:]))
	tableName := "0Table"
	if flags&0x0200 != 0 {
		tableName = "1Table"
	}
	table, ok, err := c.stream(tableName, b)
	if err != nil {
		return nil, docCorrupt(name, err)
	}
	if !ok {
		return nil, corruptError(name, nil, "damaged .doc: no %s stream", tableName)
	}
	if fcClx < 0 || lcbClx <= 0 || fcClx+lcbClx > int64(len(table)) {
		return nil, corruptError(name, nil, "damaged .doc: the piece table lies outside the %s stream", tableName)
	}
	pieces, err := parseClx(table[fcClx : fcClx+lcbClx])
	if err != nil {
		return nil, corruptError(name, nil, "damaged .doc: %v", err)
	}
	w := docWriter{}
	for _, p := range pieces {
		if p.cpStart >= ccpText {
			break
		}
		n := min(p.cpEnd, ccpText) - p.cpStart
		if n <= 0 {
			continue
		}
		if err := b.tick(int(n)); err != nil {
			return nil, err
		}
		if p.compressed {
			off := p.fc / 2
			if off < 0 || off+n > int64(len(wd)) {
				return nil, corruptError(name, nil, "damaged .doc: a text piece lies outside the WordDocument stream")
			}
			for _, c := range wd[off : off+n] {
				w.char(cp1252(c))
			}
			continue
		}
		if p.fc < 0 || p.fc+2*n > int64(len(wd)) {
			return nil, corruptError(name, nil, "damaged .doc: a text piece lies outside the WordDocument stream")
		}
		units := wd[p.fc : p.fc+2*n]
		for i := 0; i+1 < len(units); i += 2 {
			u := rune(le.Uint16(units[i:]))
			if utf16.IsSurrogate(u) && u < 0xDC00 && i+3 < len(units) {
				if r := utf16.DecodeRune(u, rune(le.Uint16(units[i+2:]))); r != utf8.RuneError {
					w.char(r)
					i += 2
					continue
				}
			}
			if utf16.IsSurrogate(u) {
				u = utf8.RuneError
			}
			w.char(u)
		}
	}
	w.endLine()
	return &extracted{text: w.out.String(), producer: oleProducer(c, b)}, nil
}

func docCorrupt(name string, err error) error {
	if _, ok := err.(*Error); ok {
		return err
	}
	return corruptError(name, err, "damaged .doc: %v", err)
}

// docPiece is one entry of the piece table: characters [cpStart, cpEnd)
// stored at byte fc of the WordDocument stream.
type docPiece struct {
	cpStart, cpEnd int64
	fc             int64
	compressed     bool
}

// parseClx reads the Clx of the table stream: property runs (skipped),
// then the piece table.
func parseClx(clx []byte) ([]docPiece, error) {
	le := binary.LittleEndian
	for i := 0; i < len(clx); {
		switch clx[i] {
		case 0x01: // Prc: a property modifier, skipped
			if i+3 > len(clx) {
				return nil, errString("property run cut short")
			}
			i += 3 + int(int16(le.Uint16(clx[i+1:])))
			if i < 0 {
				return nil, errString("negative property run")
			}
		case 0x02: // Pcdt
			if i+5 > len(clx) {
				return nil, errString("piece table cut short")
			}
			lcb := int(le.Uint32(clx[i+1:]))
			plc := clx[i+5:]
			if lcb < 4 || lcb > len(plc) || (lcb-4)%12 != 0 {
				return nil, errString("piece table of the wrong size")
			}
			n := (lcb - 4) / 12
			pieces := make([]docPiece, 0, n)
			for k := 0; k < n; k++ {
				cp0, cp1 := int64(le.Uint32(plc[4*k:])), int64(le.Uint32(plc[4*k+4:]))
				pcd := plc[4*(n+1)+8*k:]
				fc := le.Uint32(pcd[2:])
				p := docPiece{cpStart: cp0, cpEnd: cp1, fc: int64(fc & 0x3FFFFFFF), compressed: fc&0x40000000 != 0}
				if cp1 < cp0 {
					return nil, errString("piece table out of order")
				}
				pieces = append(pieces, p)
			}
			return pieces, nil
		default:
			return nil, errString("no piece table")
		}
	}
	return nil, errString("no piece table")
}

type errString string

func (e errString) Error() string { return string(e) }

// cp1252 decodes one byte of a compressed piece.
func cp1252(c byte) rune {
	if c < 0x80 {
		return rune(c)
	}
	r := charmap.Windows1252.DecodeByte(c)
	return r
}

// docWriter turns the characters of a Word document into lines.
type docWriter struct {
	out    lineSink
	line   strings.Builder
	fields []bool // open fields: true once past the separator (showing the result)
}

func (w *docWriter) char(r rune) {
	switch r {
	case 0x13: // field begin: the instruction follows
		if len(w.fields) < 64 {
			w.fields = append(w.fields, false)
		}
		return
	case 0x14: // field separator: the result follows
		if n := len(w.fields); n > 0 {
			w.fields[n-1] = true
		}
		return
	case 0x15: // field end
		if n := len(w.fields); n > 0 {
			w.fields = w.fields[:n-1]
		}
		return
	}
	for _, showing := range w.fields {
		if !showing {
			return
		}
	}
	switch r {
	case 0x0D, 0x0B, 0x0C, 0x07, 0x0E: // paragraph, line break, page or section break, cell or row end, column break
		w.endLine()
	case '\t':
		w.line.WriteByte('\t')
	case 0x1E: // non-breaking hyphen
		w.line.WriteByte('-')
	case 0x1F: // optional hyphen
	default:
		if r < 0x20 || r == 0xFFFF || r == 0xFFFE {
			return // pictures, drawn objects, note references, separators
		}
		w.line.WriteRune(r)
	}
}

func (w *docWriter) endLine() {
	w.out.add(strings.TrimRight(w.line.String(), " "))
	w.line.Reset()
}

// oleProducer reads the creating application (PIDSI_APPNAME) from the
// SummaryInformation property set of a compound file, "" if absent.
func oleProducer(c *cfbFile, b *budget) string {
	data, ok, err := c.stream("\x05SummaryInformation", b)
	if err != nil || !ok || len(data) < 48 {
		return ""
	}
	le := binary.LittleEndian
	off := int(le.Uint32(data[44:]))
	if off < 0 || off+8 > len(data) {
		return ""
	}
	sec := data[off:]
	n := int(le.Uint32(sec[4:]))
	if n < 0 || 8+8*n > len(sec) {
		return ""
	}
	codepage := 0
	var app []byte
	for i := 0; i < n; i++ {
		id, po := le.Uint32(sec[8+8*i:]), int(le.Uint32(sec[12+8*i:]))
		if po < 0 || po+8 > len(sec) {
			continue
		}
		typ := le.Uint16(sec[po:])
		switch {
		case id == 1 && typ == 2: // PIDSI_CODEPAGE, VT_I2
			codepage = int(int16(le.Uint16(sec[po+4:])))
		case id == 0x12 && typ == 0x1E: // PIDSI_APPNAME, VT_LPSTR
			l := int(le.Uint32(sec[po+4:]))
			if l < 0 || po+8+l > len(sec) || l > 256 {
				continue
			}
			app = sec[po+8 : po+8+l]
		}
	}
	if i := strings.IndexByte(string(app), 0); i >= 0 {
		app = app[:i]
	}
	var s string
	switch codepage {
	case 936, 54936:
		s, _ = simplifiedchinese.GB18030.NewDecoder().String(string(app))
	case 950:
		s, _ = traditionalchinese.Big5.NewDecoder().String(string(app))
	case 65001:
		s = string(app)
	default:
		s, _ = charmap.Windows1252.NewDecoder().String(string(app))
	}
	if !utf8.ValidString(s) {
		return ""
	}
	return strings.TrimSpace(s)
}
