package script

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var benchText struct {
	once       sync.Once
	simp, trad string
}

// benchTexts returns the shared corpus (Simplified) and its s2t conversion.
func benchTexts(b *testing.B) (simp, trad string) {
	b.Helper()
	benchText.once.Do(func() {
		dir := os.Getenv("ZHPOLICY_SHARED")
		if dir == "" {
			dir = filepath.Join("..", "..", "..", "shared")
		}
		files, _ := filepath.Glob(filepath.Join(dir, "corpus", "gwr", "*.txt"))
		var sb strings.Builder
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err == nil {
				sb.Write(data)
			}
		}
		benchText.simp = sb.String()
		if c, err := NewConverter("s2t"); err == nil {
			benchText.trad = c.Convert(benchText.simp)
		}
	})
	if benchText.simp == "" {
		b.Skip("shared corpus not available")
	}
	return benchText.simp, benchText.trad
}

func benchConvert(b *testing.B, config string, trad bool) {
	simp, tr := benchTexts(b)
	s := simp
	if trad {
		s = tr
	}
	c, err := NewConverter(config)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = c.Convert(s)
	}
}

func BenchmarkS2T(b *testing.B)   { benchConvert(b, "s2t", false) }
func BenchmarkT2S(b *testing.B)   { benchConvert(b, "t2s", true) }
func BenchmarkS2TWP(b *testing.B) { benchConvert(b, "s2twp", false) }
func BenchmarkTW2SP(b *testing.B) { benchConvert(b, "tw2sp", true) }
func BenchmarkHK2S(b *testing.B)  { benchConvert(b, "hk2s", true) }

func benchFold(b *testing.B, trad bool) {
	simp, tr := benchTexts(b)
	s := simp
	if trad {
		s = tr
	}
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, ok := FoldToSimplified(s); !ok {
			b.Fatal("fold not one-to-one")
		}
	}
}

func BenchmarkFoldSimplified(b *testing.B)  { benchFold(b, false) }
func BenchmarkFoldTraditional(b *testing.B) { benchFold(b, true) }

func BenchmarkDetect(b *testing.B) {
	simp, _ := benchTexts(b)
	b.SetBytes(int64(len(simp)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_ = Detect(simp)
	}
}

// BenchmarkLoadS2T measures the first-use cost of the s2t tables (decoding
// the embedded tries), which every cold start pays.
func BenchmarkLoadS2T(b *testing.B) {
	data := []string{"STPhrases", "STCharacters"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, name := range data {
			raw, _ := openccTable(name)
			if _, err := decodeTable(name, raw); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkDetectDecodeRune is Detect's loop with every rune decoded by the
// range loop (detectRef): the baseline of Detect's three-byte fast path.
func BenchmarkDetectDecodeRune(b *testing.B) {
	simp, _ := benchTexts(b)
	b.SetBytes(int64(len(simp)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_ = detectRef(simp)
	}
}

// BenchmarkFoldIfTraditionalSimplified is the check every document of the
// corpus loop goes through (analysis.NewInput): each line classed, none
// folded.
func BenchmarkFoldIfTraditionalSimplified(b *testing.B) {
	simp, _ := benchTexts(b)
	b.SetBytes(int64(len(simp)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_, _ = FoldIfTraditional(simp)
	}
}
