// Package harness is the measuring loop shared by the segmenters compared
// in bench/segment: read one file, split it into lines, cut every line
// (after one untimed warm-up pass over the first megabyte), and print one
// result line with the CPU time of the cutting alone (getrusage: user +
// system of the whole process, garbage collection included).
package harness

import (
	"fmt"
	"os"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"
)

// CPU is the process's user + system time so far.
func CPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Run reads path, calls cut on every line (without its line end), which
// returns the number of tokens, and prints
//
//	name bytes lines tokens cpu-seconds wall-seconds load-seconds
//
// load is the time setup took before Run was called (startup). With
// HARNESS_CPUPROFILE=FILE set, the cutting is profiled into FILE.
func Run(name, path string, load time.Duration, cut func(line string) int) {
	b, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	text := string(b)
	lines := strings.Split(text, "\n")
	warm := 0
	for _, l := range lines {
		if warm > 1<<20 {
			break
		}
		cut(l)
		warm += len(l) + 1
	}
	tokens := 0
	if p := os.Getenv("HARNESS_CPUPROFILE"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		_ = pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	c0, t0 := CPU(), time.Now()
	for _, l := range lines {
		tokens += cut(l)
	}
	cpu, wall := CPU()-c0, time.Since(t0)
	fmt.Printf("%s %d %d %d %.4f %.4f %.4f\n", name, len(text), len(lines), tokens, cpu.Seconds(), wall.Seconds(), load.Seconds())
}
