// Package cmdutil holds what the subcommands share, and nothing they
// compute: the Factory with the lazily built segmenter, the flag groups
// (input, format, script, segmentation), the document loop of a command
// (RunDocs) and the error types that the root command maps to exit codes.
package cmdutil

import (
	"sync"

	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

// Factory builds the expensive shared objects on first use. One Factory
// serves one process; everything it returns is safe for concurrent use.
type Factory struct {
	IO      *iostreams.IOStreams
	Version string

	segOnce sync.Once
	seg     *segment.Segmenter
	segErr  error
	// SegmenterConfig lets a command add user dictionaries before the
	// segmenter is first built.
	SegmenterConfig segment.Config
}

// New returns a Factory on the given streams.
func New(io *iostreams.IOStreams, version string) *Factory {
	return &Factory{IO: io, Version: version}
}

// Segmenter returns the process's shared segmenter, building it on first
// use from SegmenterConfig.
func (f *Factory) Segmenter() (*segment.Segmenter, error) {
	f.segOnce.Do(func() {
		cfg := f.SegmenterConfig
		if cfg.Fold == nil {
			cfg.Fold = script.FoldIfTraditional
		}
		f.seg, f.segErr = segment.New(cfg)
	})
	return f.seg, f.segErr
}

// UseSegmenter makes the Factory hand out s instead of building its own
// (tests share one segmenter across many runs).
func (f *Factory) UseSegmenter(s *segment.Segmenter) {
	f.segOnce.Do(func() { f.seg = s })
}
