package cmdutil

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"

	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/input"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/segment"
)

// ErrNoInput is returned when a command that reads documents gets no path
// and standard input is a terminal: the command prints its help.
var ErrNoInput = errors.New("no input")

// DocSource turns command-line paths into prepared documents, reading and
// cleaning them on the worker pool, naming every unreadable input on stderr.
type DocSource struct {
	f *Factory
	// Clean can be switched off by a command (convert is faithful by default);
	// the global --no-clean switches it off for all.
	Clean bool
	// ProgressMin is the input size from which a progress bar is shown
	// (when stderr is a terminal and --quiet is not given).
	ProgressMin int64
}

// NewDocSource returns a DocSource reading with the Factory's settings.
func NewDocSource(f *Factory) *DocSource {
	return &DocSource{f: f, Clean: true, ProgressMin: progressMin}
}

// Sources expands paths (stdin when there are none and it is not a
// terminal). Problems with single paths are returned in skipped.
func (ds *DocSource) Sources(paths []string) (srcs []input.Source, skipped []error, err error) {
	g := ds.f.Global
	if len(paths) == 0 {
		if ds.f.IO.IsStdinTTY() {
			return nil, nil, ErrNoInput
		}
		paths = []string{"-"}
	}
	srcs, skipped = input.Expand(paths, input.ExpandOptions{Include: g.Include, Exclude: g.Exclude})
	return srcs, skipped, nil
}

func (ds *DocSource) clean() bool { return ds.Clean && !ds.f.Global.NoClean }

func (ds *DocSource) read(src input.Source) (*corpus.Doc, error) {
	opts := input.Options{Encoding: ds.f.Global.Encoding}
	var d *input.Document
	var err error
	if src.IsStdin() {
		d, err = input.ReadFrom(input.StdinName, ds.f.IO.In, opts)
	} else {
		d, err = input.Read(src, opts)
	}
	if err != nil {
		return nil, err
	}
	return corpus.Prepare(d, ds.clean()), nil
}

// EachDoc reads every document named by paths, runs work on each with
// --jobs workers, and calls emit with the results in input order. An input
// that cannot be read or processed is named on stderr and skipped; the
// others go on, and EachDoc then returns a *PartialError (exit 3).
func EachDoc[T any](ctx context.Context, ds *DocSource, paths []string,
	work func(ctx context.Context, d *corpus.Doc) (T, error),
	emit func(T) error) error {
	srcs, skipped, err := ds.Sources(paths)
	if err != nil {
		return err
	}
	run := ds.newRun(srcs, skipped)
	type res struct {
		doc *corpus.Doc
		v   T
	}
	err = corpus.Map(ctx, srcs, ds.f.Global.Jobs,
		func(ctx context.Context, _ int, src input.Source) (res, error) {
			d, err := ds.read(src)
			if err != nil {
				return res{}, err
			}
			v, err := work(ctx, d)
			return res{d, v}, err
		},
		func(_ int, src input.Source, r res, err error) error {
			if err != nil {
				return run.fail(err)
			}
			run.done(r.doc, true)
			return emit(r.v)
		})
	return run.finish(err)
}

// docRun is the bookkeeping of one pass over the inputs: problems named on
// stderr, warnings, the skipped count, and the progress bar.
type docRun struct {
	ds       *DocSource
	skipped  int
	progress *Progress
}

// progressMin is the input size from which a progress bar is worth showing.
const progressMin = 4 << 20

func (ds *DocSource) newRun(srcs []input.Source, skipped []error) *docRun {
	r := &docRun{ds: ds, skipped: len(skipped)}
	for _, e := range skipped {
		fmt.Fprintf(ds.f.IO.ErrOut, "zhpolicy: %v\n", e)
	}
	r.progress = NewProgress(ds.f.IO, ds.f.Global.Quiet, srcs, ds.ProgressMin)
	return r
}

// fail names a failed input on stderr; a cancellation stops the run.
func (r *docRun) fail(err error) error {
	if errors.Is(err, context.Canceled) {
		return err
	}
	r.progress.Clear()
	fmt.Fprintf(r.ds.f.IO.ErrOut, "zhpolicy: %v\n", err)
	r.skipped++
	return nil
}

// done records a document (or a part of one) as processed.
func (r *docRun) done(d *corpus.Doc, final bool) {
	if !r.ds.f.Global.Quiet && final && len(d.Warnings) > 0 {
		r.progress.Clear()
		for _, w := range d.Warnings {
			fmt.Fprintf(r.ds.f.IO.ErrOut, "zhpolicy: warning: %s: %s\n", d.Name, w.Message)
		}
	}
	r.progress.Add(d.Size, final)
}

func (r *docRun) finish(err error) error {
	r.progress.Finish()
	if err != nil {
		return err
	}
	if r.skipped > 0 {
		return &PartialError{Skipped: r.skipped}
	}
	return nil
}

// Progress is a progress bar on stderr for a pass over many inputs: files
// done of all, bytes per second and the time left. It shows only when
// stderr is a terminal, --quiet is not given and the inputs add up to at
// least min bytes; otherwise every method does nothing.
type Progress struct {
	bar          *progressbar.ProgressBar
	files, total int
}

// NewProgress returns the progress of a pass over srcs.
func NewProgress(ios *iostreams.IOStreams, quiet bool, srcs []input.Source, min int64) *Progress {
	p := &Progress{total: len(srcs)}
	var bytes int64
	for _, s := range srcs {
		bytes += max(s.Size, 0)
	}
	if ios.IsStderrTTY() && !quiet && bytes >= min {
		p.bar = progressbar.NewOptions64(bytes,
			progressbar.OptionSetWriter(ios.ErrOut),
			progressbar.OptionShowBytes(true),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionShowElapsedTimeOnFinish(),
			progressbar.OptionThrottle(200*time.Millisecond),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionSetWidth(24),
			progressbar.OptionSetDescription(p.describe()),
		)
	}
	return p
}

func (p *Progress) describe() string { return fmt.Sprintf("%d/%d files", p.files, p.total) }

// Add records n more bytes processed, and a file finished when fileDone.
func (p *Progress) Add(n int64, fileDone bool) {
	if fileDone {
		p.files++
	}
	if p.bar != nil {
		p.bar.Describe(p.describe())
		_ = p.bar.Add64(n)
	}
}

// Clear takes the bar off the terminal line before a message is printed.
func (p *Progress) Clear() {
	if p.bar != nil {
		_ = p.bar.Clear()
	}
}

// Finish removes the bar at the end of the pass.
func (p *Progress) Finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}

// LoadUserDicts reads --dict files into the segmenter configuration. It
// must run before the segmenter is first used.
func LoadUserDicts(f *Factory, paths []string) error {
	for _, p := range paths {
		fh, err := os.Open(p)
		if err != nil {
			return fmt.Errorf("--dict %s: %w", p, unwrapPathError(err))
		}
		entries, err := segment.ParseDict(p, fh)
		fh.Close()
		if err != nil {
			return err
		}
		f.SegmenterConfig.User = append(f.SegmenterConfig.User, entries...)
	}
	return nil
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
