package iostreams

import (
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeClock is a clock the test moves by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

// lastLine is what a terminal shows after out: the text after the last
// carriage return that was not followed only by padding.
func lastLine(out string) string {
	parts := strings.Split(out, "\r")
	return parts[len(parts)-1]
}

func TestProgressLine(t *testing.T) {
	var out strings.Builder
	c := &fakeClock{t: time.Unix(1000, 0)}
	p := newProgress(&out, c.now, ProgressOptions{Label: "freq", Bytes: 27_000_000, Files: 10})
	if out.Len() != 0 {
		t.Fatalf("drawn before the first Add: %q", out.String())
	}
	c.advance(2 * time.Second)
	p.Add(12_200_000, true)
	want := "freq 1/10 documents  45% |=====       | (12 MB/27 MB, 6.1 MB/s) [2s:2s]"
	if got := lastLine(out.String()); got != want {
		t.Errorf("line\n got %q\nwant %q", got, want)
	}

	// Within progressEvery nothing is drawn; after it the line is redrawn.
	n := out.Len()
	c.advance(progressEvery / 2)
	p.Add(1, false)
	if out.Len() != n {
		t.Errorf("redrawn within %v: %q", progressEvery, out.String()[n:])
	}
	c.advance(progressEvery)
	p.Add(14_799_999, true)
	want = "freq 2/10 documents 100% |============| (27 MB/27 MB, 12 MB/s) [2s]"
	got := out.String()[n:]
	if !strings.HasPrefix(got, "\r"+want) {
		t.Errorf("redrawn line\n got %q\nwant %q", got, want)
	}
	// The new line is shorter than the old: padded so nothing is left.
	if pad := strings.TrimPrefix(got, "\r"+want); strings.Trim(pad, " ") != "" || len(pad) != 4 {
		t.Errorf("padding %q, want the 4 spaces the old line was longer", pad)
	}

	// Clear and Done erase the whole line, once.
	n = out.Len()
	p.Clear()
	if got, want := out.String()[n:], "\r"+strings.Repeat(" ", 71)+"\r"; got != want {
		t.Errorf("clear wrote %q, want %q", got, want)
	}
	n = out.Len()
	p.Done()
	if out.Len() != n {
		t.Errorf("Done after Clear wrote %q", out.String()[n:])
	}
	// After a Clear the next Add draws again at once.
	p.Add(0, true)
	if !strings.Contains(out.String()[n:], "freq 3/10 documents") {
		t.Errorf("no redraw after Clear: %q", out.String()[n:])
	}
}

func TestProgressMoreThanTotal(t *testing.T) {
	var out strings.Builder
	c := &fakeClock{t: time.Unix(0, 0)}
	p := newProgress(&out, c.now, ProgressOptions{Bytes: 100, Files: 1})
	p.Add(250, true) // a decoder may report more than the file's size
	if got := lastLine(out.String()); !strings.HasPrefix(got, "1/1 documents 100% |============| (100 B/100 B)") {
		t.Errorf("line %q", got)
	}
}

func TestNilProgress(t *testing.T) {
	var p *Progress
	p.Add(1, true)
	p.Clear()
	p.Done()
}

func TestProgressConcurrent(t *testing.T) {
	var out strings.Builder
	p := newProgress(&out, time.Now, ProgressOptions{Label: "x", Bytes: 1 << 20, Files: 64})
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 8 {
				p.Add(1<<14, true)
				p.Clear()
			}
		}()
	}
	wg.Wait()
	p.Done()
	if p.files != 64 || p.done != 64<<14 {
		t.Errorf("files %d bytes %d, want 64 and %d", p.files, p.done, 64<<14)
	}
}

func TestHumanUnits(t *testing.T) {
	for _, tt := range []struct {
		n    int64
		want string
	}{
		{0, "0 B"}, {999, "999 B"}, {1000, "1.0 kB"}, {9_949, "9.9 kB"}, {9_950, "10 kB"},
		{999_499, "999 kB"}, {999_500, "1.0 MB"}, {27_000_000, "27 MB"}, {1_500_000_000, "1.5 GB"},
		{2_000_000_000_000_000, "2000 TB"},
	} {
		if got := humanBytes(tt.n); got != tt.want {
			t.Errorf("humanBytes(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
	for _, tt := range []struct {
		d    time.Duration
		want string
	}{
		{0, "0s"}, {1400 * time.Millisecond, "1s"}, {59 * time.Second, "59s"},
		{185 * time.Second, "3m05s"}, {2*time.Hour + 4*time.Minute, "2h04m"},
	} {
		if got := shortDuration(tt.d); got != tt.want {
			t.Errorf("shortDuration(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

// A line longer than the terminal is cut to one column less than its
// width, so that it never wraps (a wrapped line cannot be redrawn with a
// carriage return); 80 columns are assumed when the width is not known.
func TestProgressFitsTheTerminal(t *testing.T) {
	for _, cols := range []int{40, 0} {
		var out strings.Builder
		c := &fakeClock{t: time.Unix(0, 0)}
		p := newProgress(&out, c.now, ProgressOptions{Label: "keywords", Bytes: 2_000_000_000, Files: 1000})
		p.cols = cols
		c.advance(65 * time.Second)
		p.Add(1_000_000_000, true)
		want := cols - 1
		if cols == 0 {
			want = 79
		}
		line := lastLine(out.String())
		if n := len([]rune(line)); n > want || !strings.HasPrefix(line, "keywords 1/1000 documents  50% |") {
			t.Errorf("cols %d: line of %d runes %q, want at most %d", cols, n, line, want)
		}
		if cols == 0 && len([]rune(line)) != 79 {
			t.Errorf("the full line should be longer than 79 here: %q", line)
		}
	}
}
