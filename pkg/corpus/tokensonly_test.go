package corpus

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"zhpolicy/pkg/input"
)

// TokensOnly gives the same tokens, folded text and spans without the
// Keys that work reading only tokens (segment, kwic --words) does not use.
func TestTokensOnly(t *testing.T) {
	seg, err := testSeg()
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(p, []byte("推進「十五五」規劃，發展新質生產力。\n加快建设全国统一大市场。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	type got struct {
		toks   []string
		keys   []string
		folded string
	}
	run := func(only bool) got {
		var g got
		cfg := Config{Jobs: 1, Segmenter: seg, TokensOnly: only}
		_, err := Run(context.Background(), cfg, []input.Source{{Path: p, Size: -1}}, nil,
			func(_ context.Context, d *Doc) (got, error) {
				var r got
				for _, tk := range d.In.Tokens {
					r.toks = append(r.toks, tk.Text)
				}
				r.keys, r.folded = d.In.Keys, d.In.Folded
				return r, nil
			},
			func(_ *Doc, r got) error { g = r; return nil })
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	all, only := run(false), run(true)
	if len(all.toks) == 0 || len(all.keys) != len(all.toks) || !slices.Contains(all.keys, "发展") {
		t.Fatalf("keys %v of tokens %v", all.keys, all.toks)
	}
	if only.keys != nil || !slices.Equal(only.toks, all.toks) || only.folded != all.folded {
		t.Errorf("TokensOnly: keys %v, tokens %v (want %v), folded %q (want %q)", only.keys, only.toks, all.toks, only.folded, all.folded)
	}
}
