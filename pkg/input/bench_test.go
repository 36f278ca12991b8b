package input

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zhpolicy/internal/testenv"
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

// BenchmarkReadFormats reads fixtures of ../shared/bench/intake (skipped
// when absent): the cost of each reader per input byte.
func BenchmarkReadFormats(b *testing.B) {
	dir := filepath.Join(testenv.SharedRoot(), "bench", "intake")
	for _, name := range []string{"longdoc.pdf", "gongwen.pdf", "ofd/999.ofd", "ofd/n.ofd", "gongwen.doc", "longdoc.docx", "longdoc.fodt", "gongwen.rtf"} {
		b.Run(strings.ReplaceAll(name, "/", "_"), func(b *testing.B) {
			p := filepath.Join(dir, filepath.FromSlash(name))
			raw, err := os.ReadFile(p)
			if err != nil {
				b.Skip("../shared/bench/intake not available")
			}
			b.SetBytes(int64(len(raw)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ReadFrom(name, bytes.NewReader(raw), Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkXLSX reads a generated workbook of 2,000 rows.
func BenchmarkXLSX(b *testing.B) {
	var rows strings.Builder
	for i := 1; i <= 2000; i++ {
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%d" t="s"><v>%d</v></c><c r="B%d" t="inlineStr"><is><t>市工业和信息化局</t></is></c><c r="C%d"><v>%d</v></c></row>`, i, i, i%3, i, i, i)
	}
	raw := buildZip(b, map[string]string{
		"xl/workbook.xml":          `<workbook><sheets><sheet name="任务" sheetId="1"/></sheets></workbook>`,
		"xl/sharedStrings.xml":     `<sst><si><t>建设智能工厂</t></si><si><t>推进数字化转型</t></si><si><t>培育专精特新企业</t></si></sst>`,
		"xl/worksheets/sheet1.xml": `<worksheet><sheetData>` + rows.String() + `</sheetData></worksheet>`,
	})
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadFrom("t.xlsx", bytes.NewReader(raw), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
