package corpus

import (
	"bytes"
	"os"
	"runtime"
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
	stat  [256]byte // the start of /proc/stat
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
	u.idle, u.idleOK = m.machineIdle()
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

// machineIdle is the idle time of all CPUs (idle and iowait of the first
// line of /proc/stat).
func (m *procMeter) machineIdle() (time.Duration, bool) {
	f, err := os.Open("/proc/stat")
	if err != nil {
		return 0, false
	}
	n, _ := f.Read(m.stat[:])
	f.Close()
	return parseIdle(m.stat[:n])
}

// machine: the CPUs, and whether sched_autogroup shares them between
// sessions.
func (m *procMeter) machine() machine {
	b, err := os.ReadFile("/proc/sys/kernel/sched_autogroup_enabled")
	mach := machine{cpus: runtime.NumCPU(), bySessions: err == nil && len(b) > 0 && b[0] == '1'}
	if la, err := os.ReadFile("/proc/loadavg"); err == nil {
		if r, ok := parseRunning(la); ok {
			mach.crowded = r >= mach.cpus+crowdedBy
		}
	}
	return mach
}
