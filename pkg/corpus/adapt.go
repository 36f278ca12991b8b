package corpus

import (
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// The number of workers that run adapts to the CPU the process gets.
//
// A machine that schedules by session (Linux with sched_autogroup, the
// default of desktop and many server kernels) shares its CPUs between the
// busy sessions, not between threads: while another session is busy, a run
// gets about one core whatever its -j, and its workers only take turns on
// it (time slices, cold caches, an ordered emit waiting for a worker the
// kernel has descheduled), which was measured up to 25% slower than one
// worker. So while a run has more than one worker, it measures over
// windows of 50 ms how much CPU the process gets and how long its threads
// wait for a CPU. When the workers want CPUs they do not get (the threads
// wait in the run queue, and the CPU time is most of a core short of the
// workers running, or, once a parked level has been measured, not 15%
// more than that level got), the workers in excess are parked between two
// items, down to one. A parked level is probed after a while (every worker
// let run for a window, kept if they get more CPU than the parked level
// did), at growing intervals (0.4 s to 3.2 s) while they do not. Parking
// changes only which worker takes an item: results are emitted in input
// order as before, the output is the same. ZHPOLICY_FIXED_JOBS=1 turns
// the adaptation off.
//
// Work that waits on input and output rather than the CPU does not park:
// its threads sleep rather than wait in the run queue.

// usage is what the process has had since some start: all cumulative.
type usage struct {
	wall time.Duration // time elapsed (monotonic)
	cpu  time.Duration // CPU time of the process, all threads
	wait time.Duration // time its threads were ready to run and waited for a CPU
}

// meter reads the process's usage; ok is false where it cannot be
// measured (then the workers do not adapt).
type meter interface {
	read() (u usage, ok bool)
}

const (
	// adaptPeriod is the window over which the CPU is measured.
	adaptPeriod = 50 * time.Millisecond
	// minWindow is the shortest window judged.
	minWindow = adaptPeriod / 2
	// holdMin and holdMax bound how long a parked level lasts before a
	// probe: the hold doubles with every probe that finds the CPU still
	// short, and goes back to holdMin when one finds it back.
	holdMin = 400 * time.Millisecond
	holdMax = 3200 * time.Millisecond
	// waitCPU: a window where the process's threads waited for a CPU more
	// than this many cores' worth of the window is one where they wanted
	// more CPU than they got; ...
	waitCPU = 0.25
	// shortCPU: ... with the process's CPU time more than this many cores
	// short of its running workers, the CPUs do not feed the workers (while
	// the CPU time a parked level gets is not known) ...
	shortCPU = 0.75
	// gain: ... or, once it is known, the workers running get less than
	// gain times the CPU time of the parked level: the workers added do not
	// add throughput.
	gain = 1.15
)

// controller decides, window after window, how many of jobs workers run.
// It is pure logic over the usage it is given: deterministic, tested with
// made-up usage.
type controller struct {
	jobs, active int
	last         usage
	settle       bool          // the window after a change is not judged
	since        time.Duration // when the active level was set
	hold         time.Duration // how long a parked level lasts before a probe
	probing      bool          // the level was raised to see if the CPU is back
	// parked is the CPU rate (cores) the last parked level got, parkedAt
	// that level and when it was last measured (0: not known).
	parked   float64
	parkedAt time.Duration
	windows  int // windows measured at the parked level
}

func newController(jobs int, start usage) *controller {
	return &controller{jobs: jobs, active: jobs, last: start, since: start.wall, hold: holdMin}
}

// observe takes the usage at the end of a window and returns the number of
// workers that should run during the next.
func (c *controller) observe(u usage) int {
	dw := u.wall - c.last.wall
	if dw < minWindow {
		return c.active // a tick that came late and the next at once: judged with the next
	}
	dc, dq := max(u.cpu-c.last.cpu, 0), max(u.wait-c.last.wait, 0)
	c.last = u
	if c.settle {
		c.settle = false
		return c.active
	}
	rate := float64(dc) / float64(dw)
	wait := float64(dq) / float64(dw)
	if c.active < c.jobs {
		// parked: the CPU this level gets (the mean of its windows)
		c.windows++
		c.parked += (rate - c.parked) / float64(c.windows)
		c.parkedAt = u.wall
		if u.wall-c.since >= c.hold {
			c.probing = true
			c.set(c.jobs, u.wall)
		}
		return c.active
	}
	if c.parkedAt > 0 && u.wall-c.parkedAt > holdMax {
		c.parkedAt = 0 // too old to compare with
	}
	short := rate < float64(c.active)-shortCPU
	if c.parkedAt > 0 {
		short = rate < gain*c.parked
	}
	if c.active > 1 && short && wait > waitCPU {
		// as many workers as the CPUs the process gets (rounded up past a
		// quarter of a core), at least one fewer than now
		k := min(max(1, int(rate+shortCPU)), c.active-1)
		if c.probing {
			c.hold = min(2*c.hold, holdMax)
		} else {
			c.hold = holdMin
		}
		c.probing = false
		c.set(k, u.wall)
		c.parked, c.windows = 0, 0
		return k
	}
	if c.probing { // the CPU is back
		c.probing = false
		c.hold = holdMin
	}
	return c.active
}

func (c *controller) set(k int, now time.Duration) {
	c.active, c.since, c.settle = k, now, true
}

// gate lets workers 0..active-1 take items; the others wait in wait.
type gate struct {
	active atomic.Int64
	mu     sync.Mutex
	cond   *sync.Cond
}

func newGate(jobs int) *gate {
	g := &gate{}
	g.cond = sync.NewCond(&g.mu)
	g.active.Store(int64(jobs))
	return g
}

// wait returns when worker w (from 0) may take an item.
func (g *gate) wait(w int) {
	if int64(w) < g.active.Load() {
		return
	}
	g.mu.Lock()
	for int64(w) >= g.active.Load() {
		g.cond.Wait()
	}
	g.mu.Unlock()
}

// set lets k workers (at least one) take items.
func (g *gate) set(k int) {
	g.mu.Lock()
	g.active.Store(int64(max(k, 1)))
	g.mu.Unlock()
	g.cond.Broadcast()
}

// adapt runs a controller over m's usage every period, setting g, until
// the returned stop is called; stop lets every worker run again (so that
// parked workers see the end of the work) and returns once the controller
// has stopped. onSet, when not nil, is told of every change (tests).
func adapt(g *gate, jobs int, m meter, period time.Duration, onSet func(int)) (stop func()) {
	noop := func() { g.set(jobs) }
	if jobs < 2 || m == nil || os.Getenv("ZHPOLICY_FIXED_JOBS") != "" {
		return noop
	}
	start, ok := m.read()
	if !ok {
		return noop
	}
	c := newController(jobs, start)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(period)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			u, ok := m.read()
			if !ok {
				g.set(jobs)
				return
			}
			before := c.active
			if k := c.observe(u); k != before {
				g.set(k)
				if onSet != nil {
					onSet(k)
				}
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
		g.set(jobs)
	}
}

// Throttle lets a pool of workers that take their items themselves (an
// atomic counter over a slice) adapt to the CPU the process gets as the
// document loop's workers do: a worker calls Wait before taking each item,
// and the workers in excess are parked there while the CPU is short.
// Stop must be called once the items are all taken and before waiting for
// the workers: it lets the parked ones run to see the end. The zero value
// and a Throttle of one job never park.
type Throttle struct {
	g    *gate
	stop func()
}

// NewThrottle starts the adaptation for jobs workers, numbered from 0.
func NewThrottle(jobs int) *Throttle {
	if jobs < 2 {
		return &Throttle{}
	}
	g := newGate(jobs)
	return &Throttle{g: g, stop: adapt(g, jobs, newMeter(), adaptPeriod, nil)}
}

// Wait returns when worker w may take an item.
func (t *Throttle) Wait(w int) {
	if t != nil && t.g != nil {
		t.g.wait(w)
	}
}

// Stop ends the adaptation and lets every worker run.
func (t *Throttle) Stop() {
	if t != nil && t.stop != nil {
		t.stop()
		t.stop = nil
	}
}
