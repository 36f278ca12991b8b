package segment

import (
	"os"
	"strings"
	"testing"
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
	if cfg.Strategy == Full {
		if _, err := s.loadFull(); err != nil {
			b.Fatal(err)
		}
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

// BenchmarkCutSubset cuts a whole document with a subset built for it
// (what a short run does: no dictionary load at all).
func BenchmarkCutSubset(b *testing.B) {
	benchCut(b, Config{Strategy: Subset}, benchText(), Options{})
}

// BenchmarkCutSubsetPage is the per-page cost of the subset: the work of
// a cold `zhpolicy segment` on 1 KB besides process start.
func BenchmarkCutSubsetPage(b *testing.B) {
	benchCut(b, Config{Strategy: Subset}, page(benchText()), Options{})
}

// BenchmarkCutFull cuts with the full dictionary (loaded before timing).
func BenchmarkCutFull(b *testing.B) {
	benchCut(b, Config{Strategy: Full}, benchText(), Options{})
}

func BenchmarkCutFullHMM(b *testing.B) {
	benchCut(b, Config{Strategy: Full}, benchText(), Options{HMM: true})
}

// BenchmarkCutFullLines cuts line by line, as the command does for a big
// file read in chunks.
func BenchmarkCutFullLines(b *testing.B) {
	s, _ := New(Config{Strategy: Full})
	if _, err := s.loadFull(); err != nil {
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

// BenchmarkCutFullParallel: one shared Segmenter, GOMAXPROCS workers.
func BenchmarkCutFullParallel(b *testing.B) {
	s, _ := New(Config{Strategy: Full})
	if _, err := s.loadFull(); err != nil {
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
// dictionary loaded the ordinary way: the speed to match.
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
	loadHMM()
	g := plainGse()
	text := benchText()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g.Cut(text, true)
	}
}

// BenchmarkLoadFull is the one-off cost Auto pays past FullThreshold.
func BenchmarkLoadFull(b *testing.B) {
	s, _ := New(Config{Strategy: Full})
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := s.def.buildFull(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNew is the start-up cost of a Segmenter (opening the index).
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := New(Config{}); err != nil {
			b.Fatal(err)
		}
	}
}
