package iostreams

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
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
//
// It draws one line from the first Add on, rewritten in place with a
// carriage return at most every progressEvery:
//
//	freq 3/10 documents  45% |=====       | (12 MB/27 MB, 5.1 MB/s) [2s:3s]
//
// in ASCII apart from the label (block characters are two columns wide
// in terminals set for East Asian text), cut to the terminal's width: a
// line that wrapped could not be redrawn in place.
//
// (It was drawn by github.com/schollz/progressbar, which links net/http and
// crypto/tls into the binary for a feature we do not use: 6 MB of 35.)
type Progress struct {
	mu    sync.Mutex
	w     io.Writer
	now   func() time.Time
	label string
	files int
	total int   // documents
	bytes int64 // total input bytes (> 0)
	done  int64
	start time.Time
	drawn time.Time // when the line was last drawn (zero: not drawn yet)
	width int       // runes on the line now (0: the line is clear)
	cols  int       // the terminal's columns (0: not known, 80 assumed)
}

// progressEvery is the shortest time between two drawings of the line.
const progressEvery = 200 * time.Millisecond

// progressBar is the number of cells of the bar.
const progressBar = 12

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
	if !s.stderrTTY || s.quiet || o.OutputToTTY && s.stdoutTTY || o.Bytes < min || o.Bytes <= 0 {
		return nil
	}
	p := newProgress(s.ErrOut, time.Now, o)
	p.cols = s.errWidth
	return p
}

func newProgress(w io.Writer, now func() time.Time, o ProgressOptions) *Progress {
	return &Progress{w: w, now: now, label: o.Label, total: o.Files, bytes: o.Bytes, start: now()}
}

// Add records n more bytes processed, and one more document finished when
// docDone.
func (p *Progress) Add(n int64, docDone bool) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += n
	if docDone {
		p.files++
	}
	if t := p.now(); p.width == 0 || t.Sub(p.drawn) >= progressEvery {
		p.draw(t)
	}
}

// Clear takes the indicator off the terminal line, before a message is
// printed on stderr; it comes back with the next Add.
func (p *Progress) Clear() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
}

// Done removes the indicator at the end of the run.
func (p *Progress) Done() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
}

func (p *Progress) clear() {
	if p.width == 0 {
		return
	}
	fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.width))
	p.width = 0
}

// draw rewrites the line; a shorter line than the last is padded so that
// nothing of the old one is left.
func (p *Progress) draw(t time.Time) {
	line := p.line(t)
	cols := p.cols
	if cols <= 0 {
		cols = 80
	}
	rs := []rune(line)
	rs = rs[:min(len(rs), max(cols-1, 0))]
	n := len(rs)
	pad := ""
	if n < p.width {
		pad = strings.Repeat(" ", p.width-n)
	}
	fmt.Fprintf(p.w, "\r%s%s", string(rs), pad)
	p.width = max(n, p.width)
	p.drawn = t
}

// line is the text of the indicator at t.
func (p *Progress) line(t time.Time) string {
	done := min(p.done, p.bytes)
	frac := float64(done) / float64(p.bytes)
	cells := int(frac * progressBar)
	elapsed := t.Sub(p.start)
	var b strings.Builder
	if p.label != "" {
		b.WriteString(p.label)
		b.WriteByte(' ')
	}
	fmt.Fprintf(&b, "%d/%d documents %3d%% |%s%s| (%s/%s",
		p.files, p.total, int(frac*100),
		strings.Repeat("=", cells), strings.Repeat(" ", progressBar-cells),
		humanBytes(done), humanBytes(p.bytes))
	if s := elapsed.Seconds(); s >= 0.5 {
		fmt.Fprintf(&b, ", %s/s", humanBytes(int64(float64(done)/s)))
	}
	b.WriteString(") [")
	b.WriteString(shortDuration(elapsed))
	if done > 0 && done < p.bytes {
		left := time.Duration(float64(elapsed) * float64(p.bytes-done) / float64(done))
		b.WriteByte(':')
		b.WriteString(shortDuration(left))
	}
	b.WriteByte(']')
	return b.String()
}

// humanBytes writes a size with decimal units (kB = 1000 bytes), one
// decimal below 10.
func humanBytes(n int64) string {
	if n < 1000 {
		return fmt.Sprintf("%d B", n)
	}
	x, unit := float64(n)/1000, "kB"
	for _, u := range []string{"MB", "GB", "TB"} {
		if x < 999.5 {
			break
		}
		x, unit = x/1000, u
	}
	if x < 9.95 {
		return fmt.Sprintf("%.1f %s", x, unit)
	}
	return fmt.Sprintf("%.0f %s", x, unit)
}

// shortDuration writes whole seconds as 7s, 3m05s or 2h04m.
func shortDuration(d time.Duration) string {
	s := int64(d.Round(time.Second) / time.Second)
	switch {
	case s < 60:
		return fmt.Sprintf("%ds", s)
	case s < 3600:
		return fmt.Sprintf("%dm%02ds", s/60, s%60)
	default:
		return fmt.Sprintf("%dh%02dm", s/3600, s/60%60)
	}
}
