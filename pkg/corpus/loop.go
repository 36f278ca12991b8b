package corpus

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/input"
	"zhpolicy/pkg/normalize"
	"zhpolicy/pkg/segment"
)

// Config says how Run reads, prepares and hands out documents. The zero
// value reads every input whole, cleans nothing and segments nothing, on
// one worker.
type Config struct {
	// Jobs is the number of documents (or parts) worked on at once.
	Jobs int
	// Read are the options of every read: encoding, size cap.
	Read input.Options
	// Clean runs the cleaning (pinyin annotations, invisible characters,
	// boilerplate); Doc.Text is then the cleaned text.
	Clean bool
	// Stdin is what "-" reads.
	Stdin io.Reader
	// PartSize, when positive, lets Run cut plain-text inputs bigger than
	// PartSize bytes, and standard input, into parts that end at a line
	// end, each prepared and worked on by itself: memory stays bounded
	// whatever the size of an input. Only for work that can be done part by
	// part (Doc.Part, Doc.Final and Doc.Base say where a part belongs).
	PartSize int
	// PartsAsDocs makes each part of an input read in parts (PartSize) a
	// document of its own, named PartName(name, index): for work that needs
	// a whole document, so that a huge input costs the memory of one part.
	PartsAsDocs bool
	// Segmenter, when set, cuts every document (or part) with Cut and
	// builds its analysis input (Doc.In).
	Segmenter *segment.Segmenter
	Cut       segment.Options
	// TokensOnly leaves the analysis input's Keys out (nil): for work that
	// reads only the text and the tokens (analysis.NewTokensInput).
	TokensOnly bool
	// ReleaseInput: emit does not read Doc.In, so Run drops it as soon as
	// work returns: a result waiting for its turn to be emitted in input
	// order does not hold its document's tokens and keys (with two workers
	// those waits made the heap, and the pages first touched, grow).
	ReleaseInput bool
	// Progress is told of every part done (may be nil).
	Progress Progress
	// Repeated are the lines the corpus repeats (RepeatedLines), removed
	// by cleaning as boilerplate; nil: the cleaning rules only.
	Repeated *normalize.Repeated
	// Notify receives what the user should be told while the run goes on:
	// an input skipped (Event.Err) or a warning about a document. It runs
	// on the calling goroutine, one event at a time (may be nil).
	Notify func(Event)
}

// Progress is what Run reports its progress to (iostreams.Progress).
type Progress interface {
	Add(bytes int64, docDone bool)
}

// Event is something the user should hear about during a run.
type Event struct {
	Doc     string // the input concerned
	Err     error  // the input was skipped because of Err
	Warning string // or: a warning about the input, which was processed
}

// Outcome is what a run over the inputs comes to.
type Outcome struct {
	Docs    int     // documents processed (a document in parts counts once)
	Skipped []error // inputs that could not be read or processed, each already notified
}

// Run reads every source, prepares it (decode, clean, detect the script,
// and segment when Config.Segmenter is set), calls work on each with
// Config.Jobs workers, and calls emit with the results in the order of
// srcs, whatever the number of workers. An input that cannot be read, or
// whose work fails, is notified and skipped, and the run goes on; an error
// from emit, or the cancellation of ctx, stops it and is returned. skipped
// are problems found before the run (paths that do not exist): they are
// notified first and counted in the outcome.
func Run[T any](ctx context.Context, cfg Config, srcs []input.Source, skipped []error,
	work func(ctx context.Context, d *Doc) (T, error),
	emit func(d *Doc, v T) error) (Outcome, error) {
	out := Outcome{}
	notify := func(e Event) {
		if cfg.Notify != nil {
			cfg.Notify(e)
		}
	}
	for _, err := range skipped {
		out.Skipped = append(out.Skipped, err)
		notify(Event{Err: err})
	}
	parts := func(yield func(part) bool) {
		for _, src := range srcs {
			if !streamable(src, cfg.PartSize) {
				if !yield(part{src: src, final: true}) {
					return
				}
				continue
			}
			for p := range streamParts(ctx, src, cfg.Stdin, cfg.Read, cfg.PartSize) {
				if !yield(p) {
					return
				}
			}
		}
	}
	type res struct {
		doc *Doc
		v   T
	}
	failed := map[string]bool{}
	err := mapSeq(ctx, parts, max(cfg.Jobs, 1), window[part]{weight: part.weight},
		func(ctx context.Context, _ int, p part) (res, error) {
			if p.err != nil {
				return res{}, p.err
			}
			if err := ctx.Err(); err != nil {
				return res{}, err
			}
			d, err := cfg.prepare(ctx, p)
			if err != nil {
				return res{}, err
			}
			if err := ctx.Err(); err != nil {
				return res{}, err
			}
			v, err := work(ctx, d)
			if cfg.ReleaseInput {
				d.In = nil
			}
			return res{d, v}, err
		},
		func(_ int, p part, r res, err error) error {
			if failed[p.src.Path] {
				return nil // a part of an input already skipped
			}
			if err != nil {
				failed[p.src.Path] = true
				return out.skip(err, p.src.Path, notify)
			}
			if r.doc.Final { // the last part of a document, or a whole one
				out.Docs++
				for _, w := range r.doc.Warnings {
					notify(Event{Doc: r.doc.Name, Warning: w.Message})
				}
			}
			if cfg.Progress != nil {
				cfg.Progress.Add(int64(len(r.doc.Original)), p.final)
			}
			return emit(r.doc, r.v)
		})
	return out, err
}

// weight is what holding a part until its emit costs, for the window of
// the run (see window): its text when the producer has read it, else the
// size of the input.
func (p part) weight() int64 {
	if p.doc != nil {
		return int64(len(p.doc.Text))
	}
	return sourceWeight(p.src)
}

// sourceWeight is the size of an input (standard input, of unknown size,
// counts as a part).
func sourceWeight(src input.Source) int64 {
	if src.Size < 0 || src.IsStdin() {
		return PartBytes
	}
	return src.Size
}

// skip records an input that failed, unless the failure is the run's own
// cancellation, which stops the run.
func (out *Outcome) skip(err error, name string, notify func(Event)) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	out.Skipped = append(out.Skipped, err)
	notify(Event{Doc: name, Err: err})
	return nil
}

// RunSources is Run for work that reads its inputs itself, as they are:
// convert streams each file through a converter into its destination,
// check lints the raw bytes. The sources are worked on with Config.Jobs
// workers and emitted in order; a failed source is notified and skipped;
// Read, Clean, PartSize and Segmenter do not apply.
func RunSources[T any](ctx context.Context, cfg Config, srcs []input.Source, skipped []error,
	work func(ctx context.Context, src input.Source) (T, error),
	emit func(src input.Source, v T) error) (Outcome, error) {
	out := Outcome{}
	notify := func(e Event) {
		if cfg.Notify != nil {
			cfg.Notify(e)
		}
	}
	for _, err := range skipped {
		out.Skipped = append(out.Skipped, err)
		notify(Event{Err: err})
	}
	err := mapSeq(ctx, slices.Values(srcs), max(cfg.Jobs, 1), window[input.Source]{weight: sourceWeight},
		func(ctx context.Context, _ int, src input.Source) (T, error) {
			if err := ctx.Err(); err != nil {
				var zero T
				return zero, err
			}
			return work(ctx, src)
		},
		func(_ int, src input.Source, v T, err error) error {
			if err != nil {
				return out.skip(err, src.Path, notify)
			}
			out.Docs++
			if cfg.Progress != nil {
				cfg.Progress.Add(max(src.Size, 0), true)
			}
			return emit(src, v)
		})
	return out, err
}

// prepare reads (when the part is a whole input) and prepares one part.
func (cfg *Config) prepare(ctx context.Context, p part) (*Doc, error) {
	var d *Doc
	if p.doc == nil {
		var in *input.Document
		var err error
		if p.src.IsStdin() {
			in, err = input.ReadFrom(input.StdinName, cfg.Stdin, cfg.Read)
		} else {
			in, err = input.Read(p.src, cfg.Read)
		}
		if err != nil {
			return nil, err
		}
		d = prepare(in, cfg.Clean, cfg.Repeated)
	} else {
		index, final := p.index, p.final
		if cfg.PartsAsDocs {
			// each part a document of its own
			if !(p.index == 0 && p.final) {
				p.doc.Name = PartName(p.doc.Name, p.index)
			}
			index, final = 0, true
		}
		d = prepare(p.doc, cfg.Clean, cfg.Repeated)
		d.Base, d.Part, d.Final = p.base, index, final
	}
	if cfg.Segmenter != nil {
		toks, err := CutContext(ctx, cfg.Segmenter, d.Text, cfg.Cut)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", d.Name, err)
		}
		if cfg.TokensOnly {
			d.In = analysis.NewTokensInput(d.Name, d.Text, d.Script.Kind, toks)
		} else {
			d.In = analysis.NewInput(d.Name, d.Text, d.Script.Kind, toks)
		}
	}
	return d, nil
}

// PartName names part index (from 0) of the input called name when it is
// analysed as documents of its own (Config.PartsAsDocs): name#1, name#2, ….
func PartName(name string, index int) string {
	return fmt.Sprintf("%s#%d", name, index+1)
}

// RepeatedLines is the first pass of the corpus-level boilerplate removal:
// it reads and cleans every source (with cfg's Jobs and Read options; no
// segmentation) and counts the lines documents repeat. Sources that cannot
// be read are left out (the second pass reports them), and so are standard
// input and sources bigger than maxWhole (a document is counted whole: a
// line counts once per document). The result depends only on the set of
// sources, not on their order or the number of workers.
func RepeatedLines(ctx context.Context, cfg Config, srcs []input.Source, maxWhole int64) (*normalize.Repeated, error) {
	var take []input.Source
	for _, s := range srcs {
		if !s.IsStdin() && s.Size <= maxWhole {
			take = append(take, s)
		}
	}
	first := Config{Jobs: cfg.Jobs, Read: cfg.Read, Clean: true}
	counts := normalize.NewLineCounts(normalize.DefaultOptions())
	_, err := Run(ctx, first, take, nil,
		func(_ context.Context, d *Doc) (*normalize.Result, error) { return d.clean, nil },
		func(_ *Doc, r *normalize.Result) error { return counts.Add(r) })
	if err != nil {
		return nil, err
	}
	return counts.Repeated(normalize.DefaultRepeat()), nil
}

// cutBlock is the size of the line-bounded blocks CutContext cuts between
// two looks at the context: small enough that a cancellation is seen at
// once, big enough that the per-call cost vanishes.
const cutBlock = 256 << 10

// CutContext segments text as seg.Cut does, in blocks that end at a line
// end, looking at ctx between blocks so that a cancellation stops the
// segmentation of even a very big document within a fraction of a second.
// The segmenter never joins words across a line end, so the tokens are
// those of one Cut over the whole text.
func CutContext(ctx context.Context, seg *segment.Segmenter, text string, opts segment.Options) ([]segment.Token, error) {
	if len(text) <= cutBlock {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		return seg.Cut(text, opts)
	}
	if len(text) > segment.MaxText {
		return nil, fmt.Errorf("segment: a document of %d bytes: longer than 2 GiB cannot be cut whole (offsets are 32-bit)", len(text))
	}
	var toks []segment.Token
	for base := 0; base < len(text); {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		end := blockEnd(text, base, cutBlock)
		part, err := seg.Cut(text[base:end], opts)
		if err != nil {
			return nil, err
		}
		if toks == nil {
			toks = make([]segment.Token, 0, len(part)*(len(text)/max(end-base, 1)+1))
		}
		for _, t := range part {
			t.Start += int32(base)
			t.End += int32(base)
			toks = append(toks, t)
		}
		base = end
	}
	return toks, nil
}

// blockEnd is the end of the block of text starting at base: just after
// the first line end at or past base+size, or the end of the text.
func blockEnd(text string, base, size int) int {
	if base+size >= len(text) {
		return len(text)
	}
	i := strings.IndexByte(text[base+size:], '\n')
	if i < 0 {
		return len(text)
	}
	return base + size + i + 1
}
