package input

import (
	"fmt"
	"os"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// WriteEncoded writes text (UTF-8) to path in the encoding enc, for tests
// that need GBK, Big5 or UTF-16 files made from UTF-8 originals. See Encode
// for the encodings.
func WriteEncoded(path string, text string, enc string) error {
	b, err := Encode(text, enc)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.WriteFile(path, b, 0o644)
}

// Encode encodes UTF-8 text in enc: "utf-8", "utf-8-bom", "utf-16le" and
// "utf-16be" (with a BOM, as Windows writes them), "utf-16le-nobom",
// "utf-16be-nobom", "gb18030", "gbk" (no four-byte sequences), "gb2312"
// (EUC-CN: only GB2312 characters) and "big5". A character the encoding
// cannot represent is an error naming it and its byte offset in text.
func Encode(text, enc string) ([]byte, error) {
	var e encoding.Encoding
	switch strings.ToLower(enc) {
	case "utf-8", "utf8":
		if !utf8.ValidString(text) {
			return nil, fmt.Errorf("encode utf-8: text is not valid UTF-8")
		}
		return []byte(text), nil
	case "utf-8-bom":
		if !utf8.ValidString(text) {
			return nil, fmt.Errorf("encode utf-8-bom: text is not valid UTF-8")
		}
		return []byte(bomUTF8 + text), nil
	case "utf-16le":
		e = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	case "utf-16be":
		e = unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	case "utf-16le-nobom":
		e = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case "utf-16be-nobom":
		e = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	case "gb18030":
		e = simplifiedchinese.GB18030
	case "gbk", "gb2312":
		e = simplifiedchinese.GBK
	case "big5":
		e = traditionalchinese.Big5
	default:
		return nil, fmt.Errorf("encode: unknown encoding %q", enc)
	}
	b, err := e.NewEncoder().Bytes([]byte(text))
	if err != nil {
		return nil, unencodable(text, e, enc)
	}
	if strings.EqualFold(enc, "gb2312") {
		if err := checkEUCCN(b); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// unencodable finds the first character of text that e cannot encode.
func unencodable(text string, e encoding.Encoding, name string) error {
	for i, r := range text {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(text[i:]); size == 1 {
				return fmt.Errorf("encode %s: invalid UTF-8 at byte %d", name, i)
			}
		}
		if _, err := e.NewEncoder().String(string(r)); err != nil {
			return fmt.Errorf("encode %s: %q (U+%04X) at byte %d has no %s encoding", name, r, r, i, name)
		}
	}
	return fmt.Errorf("encode %s: cannot encode text", name)
}

// checkEUCCN verifies that GBK bytes use only the GB2312 (EUC-CN) range.
func checkEUCCN(b []byte) error {
	for i := 0; i < len(b); {
		if b[i] < 0x80 {
			i++
			continue
		}
		if i+1 >= len(b) || b[i] < 0xA1 || b[i] > 0xF7 || b[i+1] < 0xA1 || b[i+1] > 0xFE {
			return fmt.Errorf("encode gb2312: text has characters outside GB2312 (byte %d of the GBK encoding); use gbk or gb18030", i)
		}
		i += 2
	}
	return nil
}
