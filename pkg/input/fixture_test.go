package input

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteEncoded(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		text, enc, wantEnc string
		wantPrefix         string // raw bytes the file starts with
	}{
		{simpText, "gbk", EncGB18030, "2024\xc4\xea"},
		{simpText, "gb2312", EncGB18030, "2024\xc4\xea"},
		{tradText, "gb18030", EncGB18030, "2024"},
		{tradText, "big5", EncBig5, "2024\xa6~"},
		{simpText, "utf-8-bom", EncUTF8BOM, bomUTF8},
		{simpText, "utf-16le", EncUTF16LE, "\xff\xfe2\x00"},
		{simpText, "utf-16be", EncUTF16BE, "\xfe\xff\x002"},
		{simpText, "utf-16le-nobom", EncUTF16LE, "2\x000\x00"},
		{simpText, "UTF-8", EncUTF8, "2024"},
	}
	for _, tt := range tests {
		p := filepath.Join(dir, tt.enc+".txt")
		if err := WriteEncoded(p, tt.text, tt.enc); err != nil {
			t.Fatalf("WriteEncoded(%s): %v", tt.enc, err)
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(raw), tt.wantPrefix) {
			t.Errorf("%s: file starts %q, want %q", tt.enc, raw[:min(len(raw), 8)], tt.wantPrefix)
		}
		doc, err := Read(Source{Path: p}, Options{})
		if err != nil || doc.Text != tt.text || doc.Encoding != tt.wantEnc {
			t.Errorf("%s: Read back = %q, %v", tt.enc, doc.Encoding, err)
		}
	}
	errCases := []struct{ text, enc, want string }{
		{"繁體们", "big5", `encode big5: '们' (U+4EEC) at byte 6 has no big5 encoding`},
		{"€ and 𠀀", "gbk", `encode gbk: '𠀀' (U+20000) at byte 8 has no gbk encoding`},
		{"镕", "gb2312", "encode gb2312: text has characters outside GB2312"},
		{"x", "latin1", `encode: unknown encoding "latin1"`},
		{"\xff", "utf-8", "encode utf-8: text is not valid UTF-8"},
	}
	for _, tt := range errCases {
		err := WriteEncoded(filepath.Join(dir, "bad.txt"), tt.text, tt.enc)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), filepath.Join(dir, "bad.txt")+": ") {
			t.Errorf("WriteEncoded(%q, %s) = %v, want it to name the file and say %q", tt.text, tt.enc, err, tt.want)
		}
	}
}
