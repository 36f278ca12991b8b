package freq_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zhpolicy/internal/clitest"
	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/analysis/freq"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/input"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

// A big file counted in parts gives the counts of the file counted whole
// (words, bigrams, characters), with each term in one document.
func TestPartsCountAsTheWhole(t *testing.T) {
	var b strings.Builder
	for _, name := range []string{"municipal_report.txt", "traditional_notice.txt", "pinyin_annotated.txt"} {
		data, err := os.ReadFile(filepath.Join(clitest.RepoRoot(t), "testdata", "sample", name))
		if err != nil {
			t.Fatal(err)
		}
		b.Write(data)
		b.WriteString("\n")
	}
	text := strings.Repeat(b.String(), 40)
	p := filepath.Join(t.TempDir(), "big.txt")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	seg, err := segment.New(segment.Config{Fold: script.FoldIfTraditional})
	if err != nil {
		t.Fatal(err)
	}
	for _, opts := range []freq.Options{{}, {N: 2, HanOnly: true}, {Chars: true}} {
		in, err := input.Read(input.Source{Path: p}, input.Options{})
		if err != nil {
			t.Fatal(err)
		}
		whole := corpus.Prepare(in, true)
		toks, err := seg.Cut(whole.Text, segment.Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := freq.Count(wholeInput(whole, toks), opts)

		var got *freq.Counts
		parts := 0
		cfg := corpus.Config{Jobs: 2, Clean: true, PartSize: 8 << 10, Segmenter: seg}
		_, err = corpus.Run(context.Background(), cfg, []input.Source{{Path: p, Size: int64(len(text))}}, nil,
			func(_ context.Context, d *corpus.Doc) (*freq.Counts, error) { return freq.Count(d.In, opts), nil },
			func(d *corpus.Doc, c *freq.Counts) error {
				parts++
				if d.Part == 0 {
					got = c
				} else {
					got.MergePart(c)
				}
				return nil
			})
		if err != nil {
			t.Fatal(err)
		}
		if parts < 10 {
			t.Fatalf("%d parts", parts)
		}
		if !got.Equal(want) {
			t.Errorf("%+v: counts in %d parts differ from the whole (%d vs %d units, %d vs %d terms)", opts, parts, got.Units, want.Units, got.Len(), want.Len())
		}
	}
}

func wholeInput(d *corpus.Doc, toks []segment.Token) *analysis.Input {
	return analysis.NewInput(d.Name, d.Text, d.Script.Kind, toks)
}
