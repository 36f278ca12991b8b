package corpus

import (
	"bytes"
	"os"
	"strconv"
	"syscall"
	"time"
)

// procMeter reads the process's CPU time (getrusage) and the time its
// threads waited for a CPU (the second field of each thread's
// /proc/self/task/TID/schedstat, the run-queue delay in nanoseconds).
type procMeter struct {
	start time.Time
	buf   []byte
}

func newMeter() meter { return &procMeter{start: time.Now(), buf: make([]byte, 128)} }

func (m *procMeter) read() (usage, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return usage{}, false
	}
	u := usage{
		wall: time.Since(m.start),
		cpu:  time.Duration(ru.Utime.Nano() + ru.Stime.Nano()),
	}
	dir, err := os.Open("/proc/self/task")
	if err != nil {
		return usage{}, false
	}
	names, err := dir.Readdirnames(-1)
	dir.Close()
	if err != nil {
		return usage{}, false
	}
	seen := false
	for _, tid := range names {
		ns, ok := m.runDelay("/proc/self/task/" + tid + "/schedstat")
		if ok {
			u.wait += time.Duration(ns)
			seen = true
		}
	}
	return u, seen
}

// runDelay is the second number of a schedstat file.
func (m *procMeter) runDelay(path string) (int64, bool) {
	f, err := os.Open(path)
	if err != nil {
		return 0, false // the thread has exited
	}
	n, _ := f.Read(m.buf)
	f.Close()
	return parseRunDelay(m.buf[:n])
}

// parseRunDelay reads "cpu_ns delay_ns slices\n".
func parseRunDelay(b []byte) (int64, bool) {
	fields := bytes.Fields(b)
	if len(fields) < 2 {
		return 0, false
	}
	v, err := strconv.ParseInt(string(fields[1]), 10, 64)
	return v, err == nil && v >= 0
}
