package segment

import (
	"os"
	"strings"
	"testing"
	"unsafe"
)

// benchText is a government work report (../shared/corpus/gwr/2024.txt,
// 51 KB) when present, else the test text repeated to a similar size.
func benchText() string {
	if b, err := os.ReadFile("../../../shared/corpus/gwr/2024.txt"); err == nil {
		return string(b)
	}
	return strings.Repeat(policyText, 50000/len(policyText)+1)
}

// page is about 1 KB of text, on a line boundary.
func page(text string) string {
	if i := strings.IndexByte(text[1024:], '\n'); i >= 0 {
		return text[:1024+i+1]
	}
	return text
}

func benchCut(b *testing.B, cfg Config, text string, opt Options) {
	s, err := New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Cut(text, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCut cuts a whole report (precise, HMM off: the default).
func BenchmarkCut(b *testing.B) { benchCut(b, Config{}, benchText(), Options{}) }

// BenchmarkCutPage is the per-page cost: the work of a cold
// `zhpolicy segment` on 1 KB besides process start.
func BenchmarkCutPage(b *testing.B) { benchCut(b, Config{}, page(benchText()), Options{}) }

func BenchmarkCutHMM(b *testing.B) { benchCut(b, Config{}, benchText(), Options{HMM: true}) }

func BenchmarkCutPOS(b *testing.B) { benchCut(b, Config{}, benchText(), Options{POS: true}) }

func BenchmarkCutSearch(b *testing.B) { benchCut(b, Config{}, benchText(), Options{Mode: Search}) }

func BenchmarkCutAll(b *testing.B) { benchCut(b, Config{}, benchText(), Options{Mode: All}) }

// BenchmarkCutUser cuts with user words (the overlay's slower walk).
func BenchmarkCutUser(b *testing.B) {
	benchCut(b, Config{User: userWords}, benchText(), Options{})
}

// BenchmarkCutPlainNoPolicy is the configuration closest to plain gse
// (the side values' walk).
func BenchmarkCutPlainNoPolicy(b *testing.B) {
	benchCut(b, Config{Plain: true, NoPolicy: true, NoCharFix: true}, benchText(), Options{})
}

// BenchmarkCutLines cuts line by line, as the command does for a big file
// read in parts.
func BenchmarkCutLines(b *testing.B) {
	s, err := New(Config{})
	if err != nil {
		b.Fatal(err)
	}
	text := benchText()
	ls := strings.SplitAfter(text, "\n")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, l := range ls {
			if _, err := s.Cut(l, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkCutParallel: one shared Segmenter, GOMAXPROCS workers.
func BenchmarkCutParallel(b *testing.B) {
	s, err := New(Config{})
	if err != nil {
		b.Fatal(err)
	}
	text := benchText()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := s.Cut(text, Options{}); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkGseCut is gse's own Cut (no HMM) of the same text, with gse's
// dictionary loaded the ordinary way: the reference.
func BenchmarkGseCut(b *testing.B) {
	g := plainGse()
	text := benchText()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g.Cut(text, false)
	}
}

func BenchmarkGseCutHMM(b *testing.B) {
	g := plainGse()
	text := benchText()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g.Cut(text, true)
	}
}

// BenchmarkNew is the start-up cost of a Segmenter (the dictionary is
// opened once per process, before the timer).
func BenchmarkNew(b *testing.B) {
	if _, err := New(Config{}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := New(Config{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTokenMemory reports what the tokens of a report cost per byte of
// its text: the []Token as Cut returns it (len and cap), and what tokens
// of offsets alone would cost (two int32 and a part-of-speech index: the
// text of a token is text[Start:End]).
func BenchmarkTokenMemory(b *testing.B) {
	s, err := New(Config{})
	if err != nil {
		b.Fatal(err)
	}
	text := benchText()
	var toks []Token
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if toks, err = s.Cut(text, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	type offsetToken struct {
		Start, End int32
		POS        uint8
	}
	n := float64(len(text))
	b.ReportMetric(float64(len(toks))*float64(unsafe.Sizeof(Token{}))/n, "token-B/B")
	b.ReportMetric(float64(cap(toks))*float64(unsafe.Sizeof(Token{}))/n, "slice-B/B")
	b.ReportMetric(float64(len(toks))*float64(unsafe.Sizeof(offsetToken{}))/n, "offsets-B/B")
	b.ReportMetric(n/float64(len(toks)), "bytes/token")
}
