package input

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

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
		doc, err := ReadFrom("f.html", bytes.NewReader(data), Options{})
		if err != nil {
			if !errors.Is(err, ErrBinary) {
				t.Fatalf("ReadFrom: %v", err)
			}
			return
		}
		if !utf8.ValidString(doc.Text) {
			t.Fatalf("document text is not valid UTF-8")
		}
		if strings.Contains(doc.Text, "\n\n\n") {
			t.Fatalf("more than one blank line in a row: %q", doc.Text)
		}
	})
}

// FuzzDOCX: reading any bytes as .docx never panics; errors are typed.
func FuzzDOCX(f *testing.F) {
	f.Add(buildDOCX(f, docxBody(`<w:p><w:r><w:t>正文</w:t><w:tab/><w:br/></w:r></w:p>`)))
	f.Add([]byte(docxBody(`<w:p><w:r><w:t>x</w:t></w:r><mc:Fallback><w:p/></mc:Fallback></w:p>`)))
	f.Add([]byte("PK\x03\x04garbage"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := ReadFrom("f.docx", bytes.NewReader(data), Options{})
		if err != nil {
			if !errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("untyped error: %v", err)
			}
			if !strings.HasPrefix(err.Error(), "f.docx: ") {
				t.Fatalf("error does not name the file: %v", err)
			}
		} else if !utf8.ValidString(doc.Text) {
			t.Fatalf("invalid UTF-8")
		}
		// The XML walker on its own.
		if text, err := docxText(bytes.NewReader(data)); err == nil && !utf8.ValidString(text) {
			t.Fatalf("docxText gave invalid UTF-8")
		}
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
