package keywords

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/idf"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

var testSeg = sync.OnceValues(func() (*segment.Segmenter, error) {
	return segment.New(segment.Config{Fold: script.FoldIfTraditional})
})

// realInput segments text with the real segmenter, as the command does.
func realInput(t testing.TB, name, text string) *analysis.Input {
	t.Helper()
	sg, err := testSeg()
	if err != nil {
		t.Fatal(err)
	}
	toks, err := sg.Cut(text, segment.Options{Mode: segment.Precise, HMM: true, POS: true})
	if err != nil {
		t.Fatal(err)
	}
	return analysis.NewInput(name, text, script.Detect(text).Kind, toks)
}

func readSample(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "sample", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestMunicipalReport checks the complaints of issue 5 on a real text:
// terms kept whole, no single characters or function words.
func TestMunicipalReport(t *testing.T) {
	tab, err := idf.Default()
	if err != nil {
		t.Fatal(err)
	}
	in := realInput(t, "municipal_report.txt", readSample(t, "municipal_report.txt"))
	for _, m := range []Method{TFIDF, TextRank, Both} {
		kws := Extract(in, Options{Method: m, IDF: tab}, 20)
		got := keys(kws)
		wants := []string{"巡视整改", "高质量发展", "医药高新区"}
		if m == TextRank {
			// TextRank favours words with many neighbours over the terms
			// the report names once.
			wants = wants[:1]
		}
		for _, want := range wants {
			if !slices.Contains(got, want) {
				t.Errorf("%v: top 20 %q lacks %s", m, got, want)
			}
		}
		for _, k := range kws {
			if utf8.RuneCountInString(k.Key) < 2 || BuiltinStopwords().Has(k.Key) {
				t.Errorf("%v: %q must not be a keyword", m, k.Key)
			}
			for _, piece := range []string{"巡视", "整改", "医药", "要", "区", "医", "化", "公司"} {
				if k.Key == piece {
					t.Errorf("%v: piece %q ranked on its own", m, piece)
				}
			}
		}
	}
}

func TestTraditionalSample(t *testing.T) {
	text := readSample(t, "traditional_notice.txt")
	trad := Extract(realInput(t, "t", text), Options{}, 10)
	simp := Extract(realInput(t, "s", convertT2S(t, text)), Options{}, 10)
	if len(trad) == 0 || !slices.Equal(keys(trad), keys(simp)) {
		t.Errorf("Traditional and Simplified versions differ:\n%q\n%q", keys(trad), keys(simp))
	}
	for _, k := range trad {
		if script.Detect(k.Surface).Kind == script.Simplified {
			t.Errorf("%q shown in Simplified in a Traditional document", k.Surface)
		}
	}
}

func convertT2S(t testing.TB, s string) string {
	c, err := script.NewConverter("t2s")
	if err != nil {
		t.Fatal(err)
	}
	return c.Convert(s)
}

// FuzzExtract checks that extraction never panics and that what it
// returns keeps its promises, whatever the text and its segmentation.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{"", "医药高新区医药高新区", "推动高质量发展。高质量发展", "huì 2024年，要加强", "醫藥高新區\n經濟", "\xff\xfe", "以龙凤山灌区"} {
		f.Add(s, uint8(2))
	}
	stop := BuiltinStopwords()
	f.Fuzz(func(t *testing.T, text string, step uint8) {
		if !utf8.ValidString(text) {
			return
		}
		// a made-up segmentation: runs of 1–3 runes, tags in turn.
		tags := []string{"n", "vn", "v", "x", "nr", "w", "m", "l"}
		var toks []segment.Token
		i, k := 0, 0
		for i < len(text) {
			n := 1 + (int(step)+k)%3
			j := i
			for c := 0; c < n && j < len(text); c++ {
				_, sz := utf8.DecodeRuneInString(text[j:])
				j += sz
			}
			if strings.TrimSpace(text[i:j]) != "" {
				toks = append(toks, segment.Token{Text: text[i:j], Start: i, End: j, POS: tags[k%len(tags)]})
			}
			i = j
			k++
		}
		in := analysis.NewInput("fuzz", text, script.Detect(text).Kind, toks)
		terms := Collect(in, Options{})
		for _, m := range []Method{TFIDF, TextRank, Both} {
			kws := terms.Score(Options{Method: m}, 0)
			for x, kw := range kws {
				if kw.Count < 1 || kw.Surface == "" || math.IsNaN(kw.Score) || math.IsInf(kw.Score, 0) {
					t.Fatalf("%v: bad keyword %+v", m, kw)
				}
				if utf8.RuneCountInString(kw.Key) < 2 || stop.Has(kw.Key) || !hasHan(kw.Key) {
					t.Fatalf("%v: %q must not be a keyword", m, kw.Key)
				}
				if !strings.Contains(text, kw.Surface) {
					t.Fatalf("%v: surface %q not in the text", m, kw.Surface)
				}
				if x > 0 && kws[x-1].Score < kw.Score {
					t.Fatalf("%v: not sorted", m)
				}
			}
		}
	})
}

func benchInput(b *testing.B) *analysis.Input {
	b.Helper()
	text, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "shared", "corpus", "gwr", "2024.txt"))
	if err != nil {
		b.Skip("../shared/corpus/gwr/2024.txt not available")
	}
	return realInput(b, "2024.txt", string(text))
}

// BenchmarkCollect measures pass one on a government work report (tokens
// given: segmentation is not part of it).
func BenchmarkCollect(b *testing.B) {
	in := benchInput(b)
	b.SetBytes(int64(len(in.Text)))
	b.ReportAllocs()
	for b.Loop() {
		Collect(in, Options{})
	}
}

// BenchmarkScore measures pass two with each method.
func BenchmarkScore(b *testing.B) {
	in := benchInput(b)
	tab, err := idf.Default()
	if err != nil {
		b.Fatal(err)
	}
	terms := Collect(in, Options{})
	for _, m := range []Method{TFIDF, TextRank, Both} {
		b.Run(m.String(), func(b *testing.B) {
			b.SetBytes(int64(len(in.Text)))
			b.ReportAllocs()
			for b.Loop() {
				terms.Score(Options{Method: m, IDF: tab}, 20)
			}
		})
	}
}
