package corpus

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"zhpolicy/internal/testenv"
	"zhpolicy/pkg/input"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

var testSeg = sync.OnceValues(func() (*segment.Segmenter, error) {
	return segment.New(segment.Config{Fold: script.FoldIfTraditional})
})

// lineTokens cuts text as the loop would for a whole document and gives
// the tokens of each line, as "word/pos" strings.
func lineTokens(t testing.TB, text string) [][]string {
	t.Helper()
	seg, err := testSeg()
	if err != nil {
		t.Fatal(err)
	}
	in, err := input.ReadFrom("doc.txt", strings.NewReader(text), input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := Prepare(in, true)
	toks, err := seg.Cut(d.Text, segment.Options{POS: true})
	if err != nil {
		t.Fatal(err)
	}
	return byLine(d.Text, toks)
}

// byLine groups the tokens of text by the line they start on (white space
// left out); a text ending with a line end has no last, empty line.
func byLine(text string, toks []segment.Token) [][]string {
	n := strings.Count(text, "\n")
	if !strings.HasSuffix(text, "\n") {
		n++
	}
	out := make([][]string, n)
	for i := range out {
		out[i] = []string{}
	}
	line, pos := 0, 0
	for _, tk := range toks {
		line += strings.Count(text[pos:tk.Start], "\n")
		pos = int(tk.Start)
		if strings.TrimSpace(tk.Text) == "" {
			continue
		}
		out[line] = append(out[line], tk.Text+"/"+tk.POS)
	}
	return out
}

// streamed runs the loop over one file holding all of docs, in parts of
// partSize bytes, and gives the tokens of each line of the whole input.
func streamed(t testing.TB, docs []string, partSize int) [][]string {
	t.Helper()
	seg, err := testSeg()
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "big.txt")
	if err := os.WriteFile(p, []byte(strings.Join(docs, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := Config{Jobs: 2, Clean: true, PartSize: partSize, Segmenter: seg, Cut: segment.Options{POS: true}}
	var all [][]string
	parts := 0
	_, err = Run(context.Background(), cfg, []input.Source{{Path: p, Size: 1 << 40}}, nil,
		func(_ context.Context, d *Doc) ([][]string, error) { return byLine(d.Text, d.In.Tokens), nil },
		func(d *Doc, lines [][]string) error {
			parts++
			all = append(all, lines...)
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	if partSize < len(strings.Join(docs, ""))/3 && parts < 3 {
		t.Fatalf("%d parts: the input was not streamed", parts)
	}
	return all
}

// wholeDocs are the tokens, line by line, of each document read alone.
func wholeDocs(t testing.TB, docs []string) [][]string {
	var want [][]string
	for _, d := range docs {
		want = append(want, lineTokens(t, d)...)
	}
	return want
}

// compareLines compares the lines with words (a document alone may lose
// blank lines at its end that the same document inside a bigger input
// keeps).
func compareLines(t testing.TB, got, want [][]string, what string) {
	t.Helper()
	got, want = nonEmpty(got), nonEmpty(want)
	if len(got) != len(want) {
		t.Fatalf("%s: %d lines, want %d", what, len(got), len(want))
	}
	bad := 0
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			if bad < 3 {
				t.Errorf("%s: line %d cut %v, alone %v", what, i+1, got[i], want[i])
			}
			bad++
		}
	}
	if bad > 0 {
		t.Errorf("%s: %d of %d lines cut differently from their documents read alone", what, bad, len(want))
	}
}

func nonEmpty(lines [][]string) [][]string {
	var out [][]string
	for _, l := range lines {
		if len(l) > 0 {
			out = append(out, l)
		}
	}
	return out
}

func withNewline(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return s
}

// Issue 24: Simplified and Traditional documents of the shared corpus in
// one input much bigger than a part: every line is cut as in its own
// document read alone, wherever the part boundaries fall.
func TestBigMixedInputCutAsItsDocuments(t *testing.T) {
	var docs []string
	size := 0
	for _, dir := range []string{"taiwan_presidential_office", "gwr", "cpc_congress"} {
		paths, _ := filepath.Glob(filepath.Join(testenv.Shared(t, "corpus", dir), "*.txt"))
		for i, p := range paths {
			if i%3 != 0 {
				continue
			}
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, withNewline(string(b)))
			size += len(b)
			if size > 3<<20 {
				break
			}
		}
	}
	// interleave the scripts: Traditional speeches between Simplified reports
	slices.SortStableFunc(docs, func(a, b string) int { return len(a)%7 - len(b)%7 })
	want := wholeDocs(t, docs)
	for _, part := range []int{PartBytes, 300 << 10} {
		compareLines(t, streamed(t, docs, part), want, fmt.Sprintf("parts of %d bytes", part))
	}
}

// FuzzPartBoundaries: for any part size that puts the part boundaries at
// line ends (parts cut inside a line only when a line is longer than four
// parts: 4 MB in real runs), streaming the sample documents (Simplified,
// Traditional, pinyin-annotated) as one input cuts every line as its
// document read alone.
func FuzzPartBoundaries(f *testing.F) {
	var docs []string
	for _, name := range []string{"municipal_report.txt", "traditional_notice.txt", "pinyin_annotated.txt", "provincial_notice.html"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "sample", name))
		if err != nil {
			f.Fatal(err)
		}
		if strings.HasSuffix(name, ".html") {
			in, err := input.ReadFrom(name, strings.NewReader(string(b)), input.Options{})
			if err != nil {
				f.Fatal(err)
			}
			b = []byte(in.Text)
		}
		docs = append(docs, withNewline(string(b)))
	}
	docs = append(docs, docs...)
	want := wholeDocs(f, docs)
	longest := 0
	for _, d := range docs {
		for _, l := range strings.Split(d, "\n") {
			longest = max(longest, len(l)+1)
		}
	}
	for _, n := range []uint16{1, 37, 100, 513, 1000, 4096} {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, n uint16) {
		part := longest/4 + 1 + int(n%8192)
		compareLines(t, streamed(t, docs, part), want, fmt.Sprintf("parts of %d bytes", part))
	})
}
