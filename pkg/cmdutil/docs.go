package cmdutil

import (
	"context"
	"fmt"

	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/input"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/segment"
)

// Docs describes a command's pass over its documents: the one document
// loop of every command (corpus.Run), with what the terminal shows.
type Docs struct {
	F  *Factory
	In *InputFlags
	// Label names the run on the progress line (the command).
	Label string
	// Clean overrides the cleaning --no-clean gives (convert decides it by
	// its own flags); nil: the flags decide.
	Clean *bool
	// PartSize lets the loop read big plain-text inputs in parts (for work
	// that can be done part by part); 0 reads every input whole.
	PartSize int
	// Whole is for work that needs a whole document (PartSize 0): 0 reads
	// a plain-text input of up to corpus.WholeBytes whole and a bigger one
	// as consecutive documents of about that size, named NAME#1, NAME#2, …
	// (corpus.PartName), so that any input costs the memory of a few
	// megabytes of text; WholeAlways reads every input whole, whatever its
	// size (a command that only looks at the start of a file).
	Whole WholeMode
	// Cut segments every document with these options (nil: no
	// segmentation).
	Cut *segment.Options
	// TokensOnly: the work reads only the text and the tokens of the
	// analysis input, not its Keys (corpus.Config.TokensOnly).
	TokensOnly bool
	// ReleaseInput: emit does not read the document's analysis input
	// (corpus.Config.ReleaseInput): it is dropped once work returns.
	ReleaseInput bool
	// StreamsOutput: results go to stdout while the run goes on (no
	// progress line when stdout is the same terminal).
	StreamsOutput bool
	// Expanded says that the command expanded its paths itself (check
	// drops what its configuration excludes, report groups with --compare):
	// Sources are then read instead of expanding paths — even when there are
	// none, which is not a reason to read standard input — and Skipped are
	// the problems that expansion met, to be named and counted.
	Expanded bool
	Sources  []input.Source
	Skipped  []error
}

// WholeMode says how a command that needs whole documents reads big inputs.
type WholeMode int

const (
	// WholeSplit: inputs over corpus.WholeBytes are read as several documents.
	WholeSplit WholeMode = iota
	// WholeAlways: every input is read whole.
	WholeAlways
)

// WholeHelp is the sentence the --help of a command that reads whole
// documents ends with.
const WholeHelp = `A document is analysed whole; a plain-text input over 1 MiB (a dump of many
documents, not one policy document) is analysed as consecutive documents of about
1 MiB ending at a line end, named FILE#1, FILE#2, …, so that memory stays bounded
(about 100 bytes per byte of a part: a few hundred megabytes at most).`

// StreamHelp is the sentence the --help of a command that streams big
// inputs ends with.
const StreamHelp = `Big plain-text inputs and standard input are read in parts of about 1 MiB that
end at a line end and are added up: memory stays bounded whatever the size.`

// RunDocs expands paths once, keeps this shard's share, and runs the
// document loop: read → clean → detect the script → segment (when asked)
// → work on --jobs workers → emit in input order. Inputs that cannot be
// read are named on stderr (the progress line cleared first) and counted in
// the outcome; warnings about documents are printed unless --quiet. The
// error is a failure of the run itself (the segmenter cannot be built, a
// write to stdout failed, the run was interrupted).
func RunDocs[T any](ctx context.Context, d Docs, paths []string,
	work func(ctx context.Context, doc *corpus.Doc) (T, error),
	emit func(doc *corpus.Doc, v T) error) (corpus.Outcome, error) {
	r, err := d.start(ctx, paths)
	if err != nil {
		return corpus.Outcome{}, err
	}
	defer r.progress.Done()
	return corpus.Run(ctx, r.cfg, r.srcs, r.skipped, work, emit)
}

// RunSources is RunDocs for a command that reads each input itself (convert
// streams it, check lints its raw bytes): the same expansion, progress,
// messages and outcome, with work given the source.
func RunSources[T any](ctx context.Context, d Docs, paths []string,
	work func(ctx context.Context, src input.Source) (T, error),
	emit func(src input.Source, v T) error) (corpus.Outcome, error) {
	r, err := d.start(ctx, paths)
	if err != nil {
		return corpus.Outcome{}, err
	}
	defer r.progress.Done()
	return corpus.RunSources(ctx, r.cfg, r.srcs, r.skipped, work, emit)
}

// run is a pass over the inputs, ready to start.
type run struct {
	cfg      corpus.Config
	srcs     []input.Source
	skipped  []error
	progress *iostreams.Progress
}

// repeatedMinDocs is the smallest run the corpus pass looks at (a line in
// three documents of three is not yet chrome), repeatedMaxDoc the biggest
// document it counts.
const (
	repeatedMinDocs = 5
	repeatedMaxDoc  = 64 << 20
)

func (d Docs) start(ctx context.Context, paths []string) (*run, error) {
	r := &run{srcs: d.Sources, skipped: d.Skipped}
	if !d.Expanded {
		var err error
		if r.srcs, r.skipped, err = d.In.Sources(d.F, paths); err != nil {
			return nil, err
		}
	}
	var bytes int64
	for _, s := range r.srcs {
		bytes += max(s.Size, 0)
	}
	r.cfg = corpus.Config{
		Jobs:     d.In.Jobs,
		Read:     d.In.ReadOptions(),
		Clean:    d.In.Clean(),
		Stdin:    d.F.IO.In,
		PartSize: d.PartSize,
	}
	if d.PartSize == 0 && d.Whole == WholeSplit {
		r.cfg.PartSize, r.cfg.PartsAsDocs = corpus.WholeBytes, true
	}
	if d.Clean != nil {
		r.cfg.Clean = *d.Clean
	}
	if r.cfg.Clean && d.In.hasRepeated && !d.In.KeepRepeated && len(d.In.all) >= repeatedMinDocs {
		// the corpus pass: lines many documents repeat are site chrome; counted
		// over every input of the listing, whatever the shard, so that shards
		// clean as one run would
		rep, err := corpus.RepeatedLines(ctx, r.cfg, d.In.all, repeatedMaxDoc)
		if err != nil {
			return nil, err
		}
		r.cfg.Repeated = rep
	}
	if d.Cut != nil {
		sg, err := d.F.Segmenter()
		if err != nil {
			return nil, err
		}
		r.cfg.Segmenter, r.cfg.Cut, r.cfg.TokensOnly = sg, *d.Cut, d.TokensOnly
	}
	r.cfg.ReleaseInput = d.ReleaseInput
	r.progress = d.F.IO.StartProgress(iostreams.ProgressOptions{
		Label: d.Label, Bytes: bytes, Files: len(r.srcs), OutputToTTY: d.StreamsOutput})
	if r.progress != nil {
		r.cfg.Progress = r.progress
	}
	ios, progress := d.F.IO, r.progress
	r.cfg.Notify = func(e corpus.Event) { notify(ios, progress, e) }
	return r, nil
}

// notify prints what the user must hear about during a run.
func notify(ios *iostreams.IOStreams, progress *iostreams.Progress, e corpus.Event) {
	if e.Err == nil && ios.Quiet() {
		return
	}
	progress.Clear()
	if e.Err != nil {
		fmt.Fprintf(ios.ErrOut, "zhpolicy: %s\n", Sanitize(e.Err.Error()))
		return
	}
	fmt.Fprintf(ios.ErrOut, "zhpolicy: warning: %s: %s\n", Sanitize(e.Doc), Sanitize(e.Warning))
}

// Warnf prints a warning on stderr, unless --quiet.
func Warnf(ios *iostreams.IOStreams, format string, args ...any) {
	if ios.Quiet() {
		return
	}
	fmt.Fprintf(ios.ErrOut, "zhpolicy: warning: %s\n", Sanitize(fmt.Sprintf(format, args...)))
}

// Sanitize makes a message safe for a terminal: control characters (from
// file names such as $'e\e[2Jx.txt') are shown escaped, not sent raw.
func Sanitize(s string) string { return report.Printable(s) }
