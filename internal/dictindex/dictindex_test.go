package dictindex

import (
	"errors"
	"os"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// a small word list in gse's format, written for the test: upper case,
// a duplicate after lower-casing (the first wins), frequencies below 2
// and missing ones (skipped), a single character (frequency 2), extra
// spaces (a skipped line, as in gse).
const words = `中国 100 ns
中国人 50 n
中 5 f
中华人民共和国 80 ns
4S店 3 n
4s店 9 n
GDP 30 eng
国 1 n
人民
人民日报 20 nt
人民日报  20 nt
华人 7 n
民 3 n
`

func TestBuildOpen(t *testing.T) {
	b, err := Build(Words, words)
	if err != nil {
		t.Fatal(err)
	}
	x, err := Open(Words, words, string(b))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"4s店", "gdp", "中", "中华人民共和国", "中国", "中国人", "人民日报", "华人", "民"}
	sort.Strings(want)
	var got []string
	for i := 0; i < x.Len(); i++ {
		got = append(got, x.Key(i))
		if _, f, _, _ := ParseWordLine(x.Line(i)); x.Freq(i) != f {
			t.Errorf("Freq(%d) = %v, line %q", i, x.Freq(i), x.Line(i))
		}
		if x.KeyLen(i) != len(x.Key(i)) {
			t.Errorf("KeyLen(%d) = %d, key %q", i, x.KeyLen(i), x.Key(i))
		}
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("keys %q, want %q", got, want)
	}
	if x.Extra() != 3+30+2+80+100+50+20+7+2 { // single characters count 2
		t.Errorf("total %v", x.Extra())
	}
	i, ok := x.Find("4s店")
	if !ok || x.Line(i) != "4S店 3 n" {
		t.Errorf("4s店: %v %q (the first line wins)", ok, x.Line(i))
	}
	if _, f, _, _ := ParseWordLine(x.Line(mustFind(t, x, "中"))); f != 2 {
		t.Errorf("single character frequency %v, want 2", f)
	}
	// Narrow and FirstRange against brute force, for every prefix
	for _, k := range want {
		for depth := 0; depth < len(k); {
			_, n := utf8.DecodeRuneInString(k[depth:])
			pre, next := k[:depth], k[depth:depth+n]
			lo, hi := 0, x.Len()
			if depth > 0 {
				lo, hi = rangeOf(x, pre)
			}
			a, b := x.Narrow(lo, hi, depth, next)
			wa, wb := rangeOf(x, pre+next)
			if a != wa || b != wb {
				t.Errorf("Narrow(%q + %q) = %d,%d want %d,%d", pre, next, a, b, wa, wb)
			}
			if depth == 0 {
				r, _ := utf8.DecodeRuneInString(next)
				if a2, b2 := x.FirstRange(r); a2 != wa || b2 != wb {
					t.Errorf("FirstRange(%q) = %d,%d want %d,%d", next, a2, b2, wa, wb)
				}
			}
			depth += n
		}
	}
	if a, b := x.FirstRange('龘'); a != b {
		t.Errorf("FirstRange of an absent rune: %d,%d", a, b)
	}
}

func mustFind(t *testing.T, x *Index, k string) int {
	i, ok := x.Find(k)
	if !ok {
		t.Fatalf("%q not found", k)
	}
	return i
}

// rangeOf is the range of keys with prefix p, by brute force.
func rangeOf(x *Index, p string) (int, int) {
	lo, hi := -1, -1
	for i := 0; i < x.Len(); i++ {
		if strings.HasPrefix(x.Key(i), p) {
			if lo < 0 {
				lo = i
			}
			hi = i + 1
		}
	}
	if lo < 0 {
		i := sort.Search(x.Len(), func(i int) bool { return x.Key(i) >= p })
		return i, i
	}
	return lo, hi
}

func TestOpenStale(t *testing.T) {
	b, _ := Build(Words, words)
	if _, err := Open(Words, words+"x 5 n\n", string(b)); !errors.Is(err, ErrStale) {
		t.Errorf("a changed text: %v, want ErrStale", err)
	}
	if _, err := Open(IDF, words, string(b)); err == nil {
		t.Error("wrong kind accepted")
	}
	if _, err := Open(Words, words, string(b[:len(b)-1])); err == nil {
		t.Error("truncated index accepted")
	}
}

func TestParseWordLine(t *testing.T) {
	for _, tc := range []struct {
		line string
		word string
		freq float64
		pos  string
		ok   bool
	}{
		{"中国 100 ns", "中国", 100, "ns", true},
		{"中国 100", "中国", 100, "", true},
		{"中国", "", 0, "", false},
		{"中国 1 n", "", 0, "", false},
		{"中国 x n", "", 0, "", false},
		{"中 9 n", "中", 2, "n", true},
		{"中国  100 n", "", 0, "", false},
		{"中国 100 n extra", "中国", 100, "n", true},
	} {
		w, f, p, ok := ParseWordLine(tc.line)
		if w != tc.word || f != tc.freq || p != tc.pos || ok != tc.ok {
			t.Errorf("%q: %q %v %q %v", tc.line, w, f, p, ok)
		}
	}
}

func TestBuildIDF(t *testing.T) {
	src := "经济 5.5\n的 0.88\n发展 7.25\nGDP 9\ngdp 1\n坏行\n"
	b, err := Build(IDF, src)
	if err != nil {
		t.Fatal(err)
	}
	x, err := Open(IDF, src, string(b))
	if err != nil {
		t.Fatal(err)
	}
	if x.Len() != 4 || x.Extra() != 7.25 {
		t.Errorf("len %d median %v", x.Len(), x.Extra())
	}
	if i, ok := x.Find("gdp"); !ok || x.Line(i) != "GDP 9" {
		t.Errorf("gdp: %v %q", ok, x.Line(i))
	}
}

// BenchmarkOpenGse is the start-up cost of the word index: the checksum of
// gse's 5 MB word list.
func BenchmarkOpenGse(b *testing.B) {
	idx := gseWordsIndex(b)
	b.SetBytes(int64(len(GseWords())))
	for i := 0; i < b.N; i++ {
		if _, err := Open(Words, GseWords(), idx); err != nil {
			b.Fatal(err)
		}
	}
}

func gseWordsIndex(b *testing.B) string {
	idx, err := os.ReadFile("../../dict/gse_zh_s.idx")
	if err != nil {
		b.Skip(err)
	}
	return string(idx)
}
