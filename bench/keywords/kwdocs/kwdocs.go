// Package kwdocs loads the shared corpus for the keyword benchmarks and the
// background generator exactly as `zhpolicy keywords` reads a document
// (decode, clean, fold, segment with HMM and parts of speech), and knows the
// team's development/test split (/work/brief/SPLIT.md).
package kwdocs

import (
	"context"
	"crypto/sha256"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/input"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

// TestSets are the corpus folders the split divides into DEV and TEST; the
// others (gwr, cpc_congress, npc_resolutions) are reference material.
var TestSets = []string{"provincial_gwr_2026", "taiwan_presidential_office", "ministry_provincial_notices"}

// IsTest says whether a corpus file is in the team's TEST set: the first
// byte of sha256(file name) is below 77, or it is one of the glossary
// reports, in one of the split folders.
func IsTest(path string) bool {
	dir := filepath.Base(filepath.Dir(path))
	split := false
	for _, s := range TestSets {
		if dir == s {
			split = true
		}
	}
	if !split {
		return false
	}
	name := filepath.Base(path)
	if name == "2026_海南省.txt" || name == "2026_广东省.txt" {
		return true
	}
	h := sha256.Sum256([]byte(name))
	return h[0] < 77
}

var seg = sync.OnceValues(func() (*segment.Segmenter, error) {
	return segment.New(segment.Config{Fold: script.FoldIfTraditional})
})

// Segmenter is the segmenter the command uses by default, built once.
func Segmenter() (*segment.Segmenter, error) { return seg() }

// CutOptions are the keywords command's: precise mode, HMM, POS tags.
var CutOptions = segment.Options{Mode: segment.Precise, HMM: true, POS: true}

// Doc is one document as the keywords command sees it.
type Doc struct {
	Path string
	In   *analysis.Input
}

// Load reads and prepares the documents at paths (files or folders), in
// order, on all cores, as a command run over the same inputs does (with
// the corpus pass of the cleaning when there are five or more). keep, when
// not nil, selects the files by path.
func Load(paths []string, keep func(path string) bool) ([]Doc, error) {
	s, err := Segmenter()
	if err != nil {
		return nil, err
	}
	srcs, errs := input.Expand(paths, input.ExpandOptions{})
	if len(errs) > 0 {
		return nil, errs[0]
	}
	if keep != nil {
		kept := srcs[:0]
		for _, src := range srcs {
			if keep(src.Path) {
				kept = append(kept, src)
			}
		}
		srcs = kept
	}
	var out []Doc
	cfg := corpus.Config{Jobs: runtime.NumCPU(), Clean: true, Segmenter: s, Cut: CutOptions}
	if len(srcs) >= 5 {
		// the corpus pass of the cleaning, as a command run over these
		// inputs does it: lines many of them repeat are removed
		rep, err := corpus.RepeatedLines(context.Background(), cfg, srcs, 64<<20)
		if err != nil {
			return nil, err
		}
		cfg.Repeated = rep
	}
	res, err := corpus.Run(context.Background(), cfg, srcs, nil,
		func(_ context.Context, d *corpus.Doc) (*analysis.Input, error) { return d.In, nil },
		func(d *corpus.Doc, in *analysis.Input) error {
			out = append(out, Doc{Path: d.Name, In: in})
			return nil
		})
	if err != nil {
		return nil, err
	}
	if len(res.Skipped) > 0 {
		return nil, res.Skipped[0]
	}
	return out, nil
}

// Name is a document's file name without folder and extension.
func Name(path string) string {
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}
