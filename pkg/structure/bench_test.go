package structure

import (
	"os"
	"strings"
	"testing"

	"zhpolicy/internal/testenv"
)

func benchParse(b *testing.B, text string) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(text)
	}
}

// BenchmarkParseGongwen: the fictional 公文 (4 KB), the baseline per byte.
func BenchmarkParseGongwen(b *testing.B) {
	t, err := os.ReadFile(testenv.Shared(b, "bench", "intake", "expected", "gongwen.txt"))
	if err != nil {
		b.Fatal(err)
	}
	benchParse(b, string(t))
}

// BenchmarkParseLongDoc: an 18-page regulation as text, and as a PDF text
// extractor lays it out (wrapped lines, page numbers).
func BenchmarkParseLongDoc(b *testing.B) {
	t, err := os.ReadFile(testenv.Shared(b, "bench", "intake", "expected", "longdoc.txt"))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("lines", func(b *testing.B) { benchParse(b, string(t)) })
	b.Run("wrapped", func(b *testing.B) { benchParse(b, fixedLayout(string(t), 56, 0, 22)) })
}

// BenchmarkParseAbsurd: inputs built to be slow: 10,000 headings, a 1 MB
// title line, 300,000 unclosed brackets, 100,000 short lines. Their MB/s
// must stay of the order of the normal documents' (linear time).
func BenchmarkParseAbsurd(b *testing.B) {
	b.Run("10000-headings", func(b *testing.B) { benchParse(b, manyHeadings(10000)) })
	b.Run("1MB-title-line", func(b *testing.B) { benchParse(b, hugeTitle(1<<20)) })
	b.Run("unclosed-brackets", func(b *testing.B) { benchParse(b, strings.Repeat("（《〔", 100000)+"\n一、要求\n") })
	b.Run("100000-short-lines", func(b *testing.B) { benchParse(b, strings.Repeat("附件\n", 100000)) })
}
