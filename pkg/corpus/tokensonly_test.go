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

// ReleaseInput drops the analysis input once work has used it: emit sees
// none (results waiting for their turn do not hold the tokens), work sees
// it as before.
func TestReleaseInput(t *testing.T) {
	seg, err := testSeg()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var srcs []input.Source
	for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("加快建设全国统一大市场。\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, input.Source{Path: p, Size: -1})
	}
	for _, release := range []bool{false, true} {
		cfg := Config{Jobs: 2, Segmenter: seg, ReleaseInput: release}
		emitted := 0
		_, err := Run(context.Background(), cfg, srcs, nil,
			func(_ context.Context, d *Doc) (int, error) { return len(d.In.Tokens), nil },
			func(d *Doc, n int) error {
				emitted++
				if n == 0 || (d.In == nil) != release {
					t.Errorf("release %v: %d tokens in work, input at emit %v", release, n, d.In != nil)
				}
				return nil
			})
		if err != nil || emitted != 3 {
			t.Fatalf("release %v: %d emitted, %v", release, emitted, err)
		}
	}
}
