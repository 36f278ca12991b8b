package iostreams

import (
	"fmt"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
)

// ProgressMin is the amount of input from which a progress indicator is
// worth showing: below it a run ends before anyone would look.
const ProgressMin = 4 << 20

// Progress is the one progress indicator of a run over many inputs (or one
// big one): bytes done of all, documents done, and the time left. It draws
// on stderr only when stderr is a terminal, --quiet is not given, the run
// is big enough and the command's own output does not go to the same
// terminal; otherwise every method does nothing. A nil *Progress is valid
// and does nothing. Its methods may be called from several goroutines.
type Progress struct {
	mu    sync.Mutex
	bar   *progressbar.ProgressBar
	label string
	files int
	total int
}

// ProgressOptions say what a run is and whether its output shares the
// terminal.
type ProgressOptions struct {
	Label string // the command, shown before the count
	Bytes int64  // total input size, when known (0: unknown)
	Files int    // number of inputs
	// OutputToTTY is set by commands whose results stream to stdout while
	// the run goes on: when stdout is a terminal too, a progress line would
	// be drawn through the results, so none is shown.
	OutputToTTY bool
}

// StartProgress returns the progress indicator of a run (nil when none is
// to be drawn).
func (s *IOStreams) StartProgress(o ProgressOptions) *Progress {
	min := s.progressMin
	if min == 0 {
		min = ProgressMin
	}
	if !s.stderrTTY || s.quiet || o.OutputToTTY && s.stdoutTTY || o.Bytes < min {
		return nil
	}
	p := &Progress{label: o.Label, total: o.Files}
	p.bar = progressbar.NewOptions64(o.Bytes,
		progressbar.OptionSetWriter(s.ErrOut),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(200*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetWidth(24),
		progressbar.OptionSetDescription(p.describe()),
	)
	return p
}

func (p *Progress) describe() string {
	if p.label == "" {
		return fmt.Sprintf("%d/%d documents", p.files, p.total)
	}
	return fmt.Sprintf("%s %d/%d documents", p.label, p.files, p.total)
}

// Add records n more bytes processed, and one more document finished when
// docDone.
func (p *Progress) Add(n int64, docDone bool) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if docDone {
		p.files++
		p.bar.Describe(p.describe())
	}
	_ = p.bar.Add64(n)
}

// Clear takes the indicator off the terminal line, before a message is
// printed on stderr; it comes back with the next Add.
func (p *Progress) Clear() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	_ = p.bar.Clear()
}

// Done removes the indicator at the end of the run.
func (p *Progress) Done() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	_ = p.bar.Finish()
}
