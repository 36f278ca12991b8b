package input

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"zhpolicy/internal/testenv"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

var fuzzEncodings = []string{"auto", "utf-8", "utf-16le", "utf-16be", "gb18030", "big5", "utf-16"}

// FuzzDecode: Decode never panics or fails on a known encoding, returns
// valid UTF-8 and at most one warning inside the input; the GB18030 and
// Big5 text is exactly x/text's; UTF-8 is Go's own replacement; and the
// streaming reader gives the same text and warnings in one-byte reads.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(simpText), uint8(0))
	f.Add(mustEncode(f, simpText, "gbk"), uint8(0))
	f.Add(mustEncode(f, tradText, "big5"), uint8(5))
	f.Add(mustEncode(f, tradText, "gb18030"), uint8(4))
	f.Add(mustEncode(f, shortSimp, "utf-16le"), uint8(0))
	f.Add(mustEncode(f, shortSimp, "utf-16be-nobom"), uint8(6))
	f.Add([]byte("\xef\xbb\xbfab\xff\xfe\x00\xd8"), uint8(0))
	f.Add([]byte("\x81\x30\x81\x30\x84\x31\xa4\x37\xfe\x39\xfe\x39\x81"), uint8(4))
	f.Add([]byte("\xa4\x40\xa4\x7f\xa4\xa0\x88\x62\x88\x64\xff\x80\xa1"), uint8(5))
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		enc := fuzzEncodings[int(which)%len(fuzzEncodings)]
		text, got, warns, err := Decode(data, enc)
		if err != nil {
			t.Fatalf("Decode(%s): %v", enc, err)
		}
		if !utf8.ValidString(text) {
			t.Fatalf("Decode(%s) gave invalid UTF-8", enc)
		}
		if len(warns) > 2 {
			t.Fatalf("warnings %v for %d bytes", warns, len(data))
		}
		for _, w := range warns {
			if w.Offset < 0 || w.Offset >= int64(len(data)) {
				t.Fatalf("warning %v outside the %d bytes", w, len(data))
			}
		}
		switch got {
		case EncGB18030:
			want, _ := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
			if text != string(want) && !hasLaxGB18030(data) {
				t.Fatalf("gb18030: %q, x/text %q", text, want)
			}
		case EncBig5:
			want, _ := traditionalchinese.Big5.NewDecoder().Bytes(data)
			if text != string(want) {
				t.Fatalf("big5: %q, x/text %q", text, want)
			}
		case EncUTF8:
			if want := string([]rune(string(data))); text != want {
				t.Fatalf("utf-8: %q, want %q", text, want)
			}
		case EncUTF8BOM:
			if want := string([]rune(string(data[3:]))); text != want {
				t.Fatalf("utf-8-bom: %q, want %q", text, want)
			}
		}
		if (strings.Contains(text, "\uFFFD") && got != EncGB18030 && got != EncUTF16LE && got != EncUTF16BE) &&
			len(warns) == 0 && !strings.Contains(string(data), "\uFFFD") {
			t.Fatalf("%s: replacement characters without a warning", got)
		}

		// Streaming agrees with Decode.
		tr, err := NewTextReader("f.txt", iotest.OneByteReader(bytes.NewReader(data)), Options{Encoding: enc})
		if errors.Is(err, ErrBinary) {
			return
		}
		if err != nil {
			t.Fatalf("NewTextReader: %v", err)
		}
		streamed, err := io.ReadAll(tr)
		if errors.Is(err, ErrBinary) {
			return
		}
		if err != nil {
			t.Fatalf("streaming: %v", err)
		}
		if string(streamed) != text || tr.Encoding() != got {
			t.Fatalf("streamed %q (%s), Decode %q (%s)", streamed, tr.Encoding(), text, got)
		}
		if !reflect.DeepEqual(tr.Warnings(), warns) {
			t.Fatalf("streamed warnings %v, Decode %v", tr.Warnings(), warns)
		}
	})
}

// FuzzHTML: extraction never panics and gives valid UTF-8, whatever the bytes.
func FuzzHTML(f *testing.F) {
	f.Add([]byte(`<!DOCTYPE html><html><head><title>标题</title><style>x</style></head><body><p>段落<br>一</p><table><tr><td>a</td><td>b</td></tr></table><pre> x
 y</pre></body></html>`))
	f.Add(mustEncode(f, `<meta charset="gbk"><p>`+simpText+`</p>`, "gbk"))
	f.Add([]byte(`<svg><title>t</title><foreignObject><p>x</p></foreignObject></svg><template><p>y</template><select><option>z`))
	f.Add([]byte("<p hidden>\xff\xfe<div style='display:none'>&#0;&#xD800;&amp</p>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if text, _ := extractHTML(string(data)); !utf8.ValidString(text) && utf8.Valid(data) {
			t.Fatalf("extractHTML gave invalid UTF-8 from valid UTF-8")
		}
		// Read as a file named .html: content that is not HTML (a gzip
		// signature, a PDF) is sniffed as what it is; errors are typed.
		doc := checkRead(t, "f.html", data, fuzzOpts)
		if doc != nil && doc.Format == FormatHTML && strings.Contains(doc.Text, "\n\n\n") {
			t.Fatalf("more than one blank line in a row: %q", doc.Text)
		}
		// The tag-by-tag reader (pages nested too deep) on the same bytes.
		if text := extractHTMLTokens(string(data)); !utf8.ValidString(text) && utf8.Valid(data) {
			t.Fatalf("extractHTMLTokens gave invalid UTF-8 from valid UTF-8")
		}
	})
}

// fuzzOpts keeps every run of a fuzz target small: a document may unpack
// 1 MiB at most, so that one input cannot take seconds.
var fuzzOpts = Options{MaxBytes: 1 << 20, MaxUnpacked: 1 << 20}

// checkRead is what every reader must do with any bytes: no panic (the PDF
// reader's last-resort recover counts as one), an error of a known kind
// naming the file, or valid UTF-8 text with no more than one blank line in
// a row and consistent page counts.
func checkRead(t *testing.T, name string, data []byte, opts Options) *Document {
	t.Helper()
	doc, err := ReadFrom(name, bytes.NewReader(data), opts)
	if err != nil {
		if strings.Contains(err.Error(), "reader failure") {
			t.Fatalf("panic inside the reader: %v", err)
		}
		known := false
		for _, k := range []error{ErrCorrupt, ErrTooLarge, ErrEncrypted, ErrUnsupported, ErrBinary} {
			if errors.Is(err, k) {
				known = true
			}
		}
		if !known {
			t.Fatalf("untyped error: %v", err)
		}
		if !strings.HasPrefix(err.Error(), name+": ") {
			t.Fatalf("error does not name the file: %v", err)
		}
		return nil
	}
	if !utf8.ValidString(doc.Text) {
		t.Fatalf("invalid UTF-8")
	}
	if IsExtracted(doc.Format) && doc.Format != FormatHTML && strings.Contains(doc.Text, "\n\n\n") {
		t.Fatalf("more than one blank line in a row: %q", doc.Text)
	}
	if doc.TextPages > doc.Pages || doc.Pages < 0 {
		t.Fatalf("%d pages with text of %d", doc.TextPages, doc.Pages)
	}
	return doc
}

// addFixtures adds the intake fixtures whose names end with ext as seeds,
// when ../shared is there (those under 64 KiB: larger seeds slow every
// execution down).
func addFixtures(f *testing.F, exts ...string) {
	dir := filepath.Join(testenv.SharedRoot(), "bench", "intake")
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		for _, ext := range exts {
			if strings.HasSuffix(p, ext) {
				if info, err := d.Info(); err == nil && info.Size() < 64<<10 {
					if b, err := os.ReadFile(p); err == nil {
						f.Add(b)
					}
				}
			}
		}
		return nil
	})
}

// FuzzDOCX: reading any bytes as .docx never panics; errors are typed.
func FuzzDOCX(f *testing.F) {
	f.Add(buildDOCX(f, docxBody(`<w:p><w:r><w:t>正文</w:t><w:tab/><w:br/></w:r></w:p>`)))
	f.Add([]byte(docxBody(`<w:p><w:r><w:t>x</w:t></w:r><mc:Fallback><w:p/></mc:Fallback></w:p>`)))
	f.Add([]byte("PK\x03\x04garbage"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, "f.docx", data, fuzzOpts)
		// The XML walker on its own.
		if text, err := docxText(bytes.NewReader(data)); err == nil && !utf8.ValidString(text) {
			t.Fatalf("docxText gave invalid UTF-8")
		}
	})
}

// FuzzPDF: the PDF reader on any bytes, and on the content-stream
// interpreter and layout directly (most inputs fail the file structure).
func FuzzPDF(f *testing.F) {
	f.Add(onePagePDF("BT /F2 16 Tf 100 700 Td <D5FEB8AE> Tj ET", false))
	f.Add(onePagePDF("BT /F1 10 Tf 1 0 0 1 100 640 Tm [(Hi) -300 (you)] TJ T* (x) ' 1 2 (y) \" ET q 1 0 0 1 5 5 cm BI /W 1 ID \x00 EI Q", true))
	f.Add([]byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]>>endobj 3 0 obj<</Type/Page/Contents 4 0 R>>endobj 4 0 obj<</Length 99>>stream\nBT (a) Tj ET\nendstream endobj"))
	f.Add(ttfWithCmap([]rune("政府")))
	addFixtures(f, ".pdf")
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, "f.pdf", data, fuzzOpts)
		// The same bytes as one page's content, with the test fonts.
		page := onePagePDF(string(data), false)
		checkRead(t, "g.pdf", page, fuzzOpts)
		// And as a TrueType program's cmap, and as a CMap.
		for gid, r := range trueTypeUnicode(data) {
			if gid == 0 || r < 0x20 || r > 0x10FFFF {
				t.Fatalf("trueTypeUnicode gave glyph %d → %U", gid, r)
			}
		}
		tbl := parseCMap(data)
		for code := uint32(0); code < 300; code++ {
			if s, ok := tbl.lookup(code); ok && !utf8.ValidString(strings.ToValidUTF8(s, "")) {
				t.Fatalf("cmap gave invalid text")
			}
		}
	})
}

// FuzzOFD: any bytes as an OFD archive, and as a page's content.
func FuzzOFD(f *testing.F) {
	f.Add(buildOFD(f, `<ofd:TextObject Boundary="20 40 100 10" Size="5" CTM="0 1 -1 0 0 0"><ofd:TextCode X="0" Y="5" DeltaX="g 3 5 2.5" DeltaY="1">第一行AB</ofd:TextCode></ofd:TextObject>`))
	f.Add([]byte(`<ofd:TextObject Boundary="1e300 -1e300 0 0" Size="NaN" ReadDirection="90"><ofd:TextCode DeltaX="g 999999999 1e308">x</ofd:TextCode></ofd:TextObject>`))
	addFixtures(f, ".ofd")
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, "f.ofd", data, fuzzOpts)
		checkRead(t, "g.ofd", buildOFD(t, string(data)), fuzzOpts)
	})
}

// FuzzDOC: any bytes as a Word 97 compound file, and as its piece table.
func FuzzDOC(f *testing.F) {
	f.Add([]byte(oleMagic + strings.Repeat("\x00", 600)))
	f.Add([]byte("\x02\x10\x00\x00\x00\x00\x00\x00\x00\x05\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"))
	addFixtures(f, ".doc", ".wps")
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, "f.doc", data, fuzzOpts)
		if pieces, err := parseClx(data); err == nil {
			for _, p := range pieces {
				if p.cpEnd < p.cpStart {
					t.Fatalf("piece %+v runs backwards", p)
				}
			}
		}
	})
}

// FuzzXLSX: any bytes as a workbook, and as a worksheet.
func FuzzXLSX(f *testing.F) {
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="XFD1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>甲</t></is></c></row></sheetData></worksheet>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, "f.xlsx", data, fuzzOpts)
		raw := buildZip(t, map[string]string{
			"xl/workbook.xml":          `<workbook><sheets><sheet name="s" sheetId="1"/></sheets></workbook>`,
			"xl/sharedStrings.xml":     `<sst><si><t>共享</t></si></sst>`,
			"xl/worksheets/sheet1.xml": string(data),
		})
		checkRead(t, "g.xlsx", raw, fuzzOpts)
	})
}

// FuzzRTF: any bytes as RTF.
func FuzzRTF(f *testing.F) {
	f.Add([]byte(`{\rtf1\ansi\ansicpg936\uc2 \u25919\'d5\'fe{\field{\*\fldinst X}{\fldrslt y}}\bin3 abc\par}`))
	f.Add([]byte(`{\rtf1{\fonttbl{\f1\fcharset136 x;}}\f1\'ac\'46\u-10176\u-9216`))
	addFixtures(f, ".rtf")
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, "f.rtf", append([]byte(`{\rtf1`), data...), fuzzOpts)
	})
}

// FuzzODT: any bytes as OpenDocument XML (flat), and zipped.
func FuzzODT(f *testing.F) {
	f.Add([]byte(`<office:body><office:text><text:p>甲<text:s text:c="99999999"/><text:tab/></text:p></office:text></office:body>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		flat := `<?xml version="1.0"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">` + string(data) + `</office:document>`
		checkRead(t, "f.fodt", []byte(flat), fuzzOpts)
		checkRead(t, "g.odt", buildZip(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": flat}), fuzzOpts)
	})
}

// FuzzSniff: any bytes under any of the names the formats go by are read
// or refused cleanly.
func FuzzSniff(f *testing.F) {
	f.Add([]byte("%PDF-1.7"), uint8(0))
	f.Add([]byte(oleMagic), uint8(2))
	f.Add([]byte("PK\x05\x06"+strings.Repeat("\x00", 18)), uint8(3))
	f.Add([]byte("<!doctype html><p>x"), uint8(4))
	names := []string{"a", "a.pdf", "a.doc", "a.docx", "a.txt", "a.ofd", "a.xlsx", "a.md", "a.html", "a.rtf", "a.fodt", "a.png"}
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		checkRead(t, names[int(which)%len(names)], data, fuzzOpts)
	})
}

// hasLaxGB18030 reports a lead byte followed by 0x3A..0x3F, which x/text
// takes as the start of a four-byte sequence and we, as the standard,
// as invalid.
func hasLaxGB18030(b []byte) bool {
	for i := 0; i+1 < len(b); i++ {
		if b[i] >= 0x81 && b[i] <= 0xFE && b[i+1] >= 0x3A && b[i+1] <= 0x3F {
			return true
		}
	}
	return false
}
