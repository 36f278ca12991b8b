package check

import (
	"errors"
	"os"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"zhpolicy/pkg/input"
)

// zeros serves NUL bytes forever, like /dev/zero.
type zeros struct{ served int64 }

func (z *zeros) Read(p []byte) (int, error) {
	clear(p)
	z.served += int64(len(p))
	return len(p), nil
}

// Streams (standard input, FIFOs, devices) are sniffed before being read
// on: an endless binary stream is refused after its first block (issue 22:
// check /dev/zero grew until the kernel killed it).
func TestStreamsAreBounded(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	z := &zeros{}
	doc, snap, err := readDoc(input.Source{Path: "-"}, z, input.Options{}, true)
	runtime.ReadMemStats(&after)
	if err != nil || doc == nil || !strings.Contains(doc.Problem, "not a text file") || snap != nil {
		t.Fatalf("check - < /dev/zero: %+v, %v, %v", doc, snap, err)
	}
	if z.served > 1<<20 || after.TotalAlloc-before.TotalAlloc > 8<<20 {
		t.Errorf("read %d bytes, allocated %d, for an endless binary stream", z.served, after.TotalAlloc-before.TotalAlloc)
	}
	// a FIFO: read as a stream, whole, never rewritten
	fifo := t.TempDir() + "/fifo"
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFO:", err)
	}
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err == nil {
			f.WriteString(strings.Repeat("推动高质量发展,全面深化改革。\n", 10000))
			f.Close()
		}
	}()
	doc, snap, err = readDoc(input.Source{Path: fifo}, nil, input.Options{}, true)
	if err != nil || snap != nil || doc.Problem != "" || !strings.HasPrefix(doc.Text, "推动") || doc.Size != int64(10000*len("推动高质量发展,全面深化改革。\n")) {
		t.Fatalf("a FIFO: %v %v %v", doc, snap, err)
	}
	// a stream past the limit is refused, not held whole
	_, _, err = readStream("-", strings.NewReader(strings.Repeat("发展\n", 100)), input.Options{MaxBytes: 100})
	if !errors.Is(err, input.ErrTooLarge) {
		t.Errorf("a stream over --max-size: %v", err)
	}
}
