// Package gctune sets the garbage collector for a command-line run that
// allocates much over a live heap whose size depends on the input.
//
// Go's default (GOGC=100) collects so often while segmenting that a second
// worker adds little; a higher GOGC with a fixed soft memory limit thrashes
// as soon as the live heap nears the limit (measured: a fixed 400 MiB limit
// made keywords -j 2 on a 39 MB file take 119 s and 125 collections instead
// of 34 s and 4). So: GOGC 400 while the heap is small, and a soft limit
// that follows the live heap, never below Floor and Headroom times the heap
// live after the last collection, so that the collector neither runs all
// the time nor lets the heap grow five-fold when it is big; and, once that
// would pass Ceiling, only as far as Ceiling (or MinHeadroom times the live
// heap, when that is more), so that a big live heap costs more collections
// rather than a peak far past it.
package gctune

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

const (
	// GOGC is the collection target while the heap is under the limit.
	GOGC = 400
	// Floor is the smallest soft limit: the heap may grow to it freely
	// (640 MiB: with the big inputs read in parts, the peak of a run stays
	// under 1 GB).
	Floor = 640 << 20
	// Headroom is the limit over the live heap once the heap is past Floor.
	Headroom = 2.5
	// Ceiling is where the headroom starts to shrink: a live heap of 360
	// MiB or more may grow to Ceiling, not to 2.5 times its size (a peak
	// under 1 GB while the live heap stays under Ceiling/MinHeadroom).
	// Measured: compare of 1 GB of distinct text against 300 MB (live heap
	// up to 574 MB) peaked at 2,035 MB without it and 963 MB with it, for
	// 16% more CPU (bench/RESULTS.md); runs whose live heap stays under
	// 360 MiB (every other command measured) are not affected.
	Ceiling = 900 << 20
	// MinHeadroom is the least headroom, above Ceiling: the collector
	// must not run all the time (a limit at the live heap thrashes).
	MinHeadroom = 1.25
)

// Start sets the collector up, unless the user set GOGC or GOMEMLIMIT (then
// theirs hold). It returns at once; the limit is adjusted after every
// collection by a finalizer, with no goroutine of its own.
func Start() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(GOGC)
	debug.SetMemoryLimit(Floor)
	arm()
}

var sample = []metrics.Sample{{Name: "/gc/heap/live:bytes"}}

// sentinel is an object whose finalizer runs after each collection and
// re-arms itself.
type sentinel struct{ _ [16]byte }

func arm() {
	s := &sentinel{}
	runtime.SetFinalizer(s, func(*sentinel) {
		adjust()
		arm()
	})
}

func adjust() {
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	debug.SetMemoryLimit(Limit(sample[0].Value.Uint64()))
}

// Limit is the soft memory limit for a live heap of live bytes.
func Limit(live uint64) int64 {
	l := min(float64(live)*Headroom, max(Ceiling, float64(live)*MinHeadroom))
	return max(int64(l), Floor)
}
