package input

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchText is about 1 MiB of policy text in UTF-8.
func benchText(b *testing.B, base string) string {
	b.Helper()
	return strings.Repeat(base, (1<<20)/len(base)+1)
}

func BenchmarkDecodeGB18030(b *testing.B) {
	for _, enc := range []string{"gb18030", "auto"} {
		b.Run(enc, func(b *testing.B) {
			raw := mustEncode(b, benchText(b, simpText), "gbk")
			b.SetBytes(int64(len(raw)))
			b.ReportAllocs()
			for b.Loop() {
				if _, _, _, err := Decode(raw, enc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkDecode(b *testing.B) {
	cases := []struct{ name, text, enc string }{
		{"big5", tradText, "big5"},
		{"utf-8", simpText, "utf-8"},
		{"utf-16le", simpText, "utf-16le"},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			raw := mustEncode(b, benchText(b, c.text), c.enc)
			b.SetBytes(int64(len(raw)))
			b.ReportAllocs()
			for b.Loop() {
				Decode(raw, "auto")
			}
		})
	}
}

// BenchmarkDetect measures detection alone on a 64 KiB sample (it reads
// at most 64 KiB for the UTF-8 check and 16 KiB for scoring).
func BenchmarkDetect(b *testing.B) {
	cases := []struct{ name, text, enc string }{
		{"gbk", simpText, "gbk"},
		{"big5", tradText, "big5"},
		{"gb18030-traditional", tradText, "gb18030"},
		{"utf-8", simpText, "utf-8"},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			raw := trimPartialRune(mustEncode(b, benchText(b, c.text), c.enc)[:64<<10]) // a whole input
			b.SetBytes(int64(len(raw)))
			b.ReportAllocs()
			for b.Loop() {
				DetectEncoding(raw)
			}
		})
	}
}

func BenchmarkOpenTextGB18030(b *testing.B) {
	raw := mustEncode(b, benchText(b, simpText), "gbk")
	p := filepath.Join(b.TempDir(), "a.txt")
	if err := os.WriteFile(p, raw, 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		rc, _, err := OpenText(Source{Path: p}, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := io.Copy(io.Discard, rc); err != nil {
			b.Fatal(err)
		}
		rc.Close()
	}
}

func BenchmarkExtractHTML(b *testing.B) {
	page, err := os.ReadFile(filepath.Join("..", "..", "testdata", "input", "html", "policy.html"))
	if err != nil {
		b.Fatal(err)
	}
	s := strings.Repeat(string(page), 20)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		extractHTML(s)
	}
}
