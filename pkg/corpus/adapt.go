package corpus

import (
	"bytes"
	"os"
	"strconv"
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
// wait for a CPU, and compares the CPU it gets with every worker running
// and with fewer: when a window finds the workers short of CPU (the
// threads wait in the run queue, and the CPU time is most of a core short
// of the workers running), the workers in excess are parked between two
// items for a while (0.4 s, doubling up to 3.2 s) and the CPU that level
// gets is measured; then every worker runs again for 0.3 s, and stays
// (for 1.6 s, doubling up to 12.8 s, without a look at the windows) if
// they got 8% more CPU than the parked level, or the parked level comes
// back. On a machine where another session's load still leaves a run more
// than one core, -j 2 then keeps its second worker; where it leaves one,
// the second worker is parked most of the time. A probe that follows one
// that found no gain stops after 0.15 s when it finds none again. What the
// controller has found lasts across the loops of one process (a command's
// corpus pass and its work; see paceStore). On Linux the controller also
// reads the machine's idle CPU (/proc/stat): a parked window with half a
// core idle brings every worker back at once, hold or not; and where the
// kernel shares the CPUs between sessions and the run is parked at half
// of them or more, a hold in which no window had a core idle ends in
// another hold, not a probe: another session is busy, the run has all
// the CPU it can get, and a probe would only make its workers take turns
// (structure, a run of one CPU-second, lost 4-16% at -j 2 under load to
// its probes). Parking changes only which
// worker takes an item: results are emitted in input order as before, the
// output is the same. ZHPOLICY_FIXED_JOBS=1 turns the adaptation off.
//
// A run that starts on a crowded machine (other tasks ready to run on
// every CPU: /proc/loadavg) with no state from a loop before starts at
// one worker, and its first window decides as a parked window does: a
// core idle brings every worker. While workers are parked the process
// keeps a P per CPU, as -j 1 has (procsFollow).
//
// Work that waits on input and output rather than the CPU does not park:
// its threads sleep rather than wait in the run queue.

// usage is what the process has had since some start: all cumulative.
type usage struct {
	wall time.Duration // time elapsed (monotonic)
	cpu  time.Duration // CPU time of the process, all threads
	wait time.Duration // time its threads were ready to run and waited for a CPU
	// idle is the machine's idle CPU time, all CPUs (/proc/stat, in steps
	// of 10 ms), when idleOK; the controller then knows whether a core is
	// free while workers are parked.
	idle   time.Duration
	idleOK bool
}

// machine is what the controller knows of the machine: its CPUs, and
// whether the kernel shares them between sessions (sched_autogroup) rather
// than between threads.
type machine struct {
	cpus       int
	bySessions bool
	// crowded: when the run started, other tasks were ready to run on
	// every CPU (/proc/loadavg's running tasks, ours aside, at least
	// crowdedBy more than the CPUs)
	crowded bool
}

// crowdedBy: a machine is crowded at a run's start when at least this many
// tasks more than its CPUs are ready to run: the run's own thread and one
// more of its own (a collector's worker), and the others fill every CPU.
const crowdedBy = 2

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
	// probeWindows is how many windows a probe measures every worker over.
	probeWindows = 6
	// quickProbe: once a probe has found that the workers parked add
	// nothing, the next one stops after quickProbe windows when they
	// still add nothing (the time at every worker is what a probe costs
	// on a loaded machine); one that looks like a gain runs its
	// probeWindows to confirm it.
	quickProbe = 3
	// keepMin and keepMax bound how long every worker runs, once a probe
	// has found that they get more CPU than the parked level, before a
	// short window can park them again: the keep doubles with every such
	// probe.
	keepMin = 1600 * time.Millisecond
	keepMax = 12800 * time.Millisecond
	// waitCPU: a window where the process's threads waited for a CPU more
	// than this many cores' worth of the window is one where they wanted
	// more CPU than they got; ...
	waitCPU = 0.25
	// shortCPU: ... with the process's CPU time more than this many cores
	// short of its running workers, the CPUs do not feed the workers: a
	// level with fewer is tried.
	shortCPU = 0.75
	// gain: every worker is kept only if they get at least gain times the
	// CPU of the parked level (measured one after the other): two workers
	// on a loaded machine cost 2-6% more CPU for the same work than one.
	gain = 1.08
	// freeCPU: a parked window in which the machine had this many cores
	// idle is one with a core free for a parked worker: every worker runs
	// again at once (a probe), hold or not.
	freeCPU = 0.5
)

// controller decides, window after window, how many of jobs workers run.
// It is pure logic over the usage it is given: deterministic, tested with
// made-up usage.
//
// Every worker runs until a window finds the CPU short (shortCPU,
// waitCPU); then fewer run for a hold, and the CPU that level gets is
// measured; then every worker runs again for probeWindows windows
// (a probe), and the two are compared: every worker stays if they got
// gain times the CPU of the parked level, for a keep during which no
// window parks them; else the parked level comes back for twice the hold.
type controller struct {
	jobs, active int
	last         usage
	settle       bool          // the window after a change is not judged
	since        time.Duration // when the active level was set
	hold         time.Duration // how long a parked level lasts before a probe
	keep         time.Duration // how long a probe's verdict for every worker lasts
	keepUntil    time.Duration // no park before then
	// parked is the mean CPU rate (cores) of the last parked level's
	// windows; probe and probeWait those of the probe under way.
	parked, probe, probeWait float64
	windows                  int // windows in the mean under way
	probing                  bool
	fails                    int // probes in a row that found no gain
	// loaded: a window has found the CPU short (a level was parked) in
	// this loop or one before whose state was taken
	loaded bool
	// mach: the machine, when known (cpus > 0); busy: no parked window
	// since the level was set had a core free (freeCPU)
	mach machine
	busy bool
	// fresh: made for this loop, not taken from a store (a loop before
	// in the process has measured the machine)
	fresh bool
}

func newController(jobs int, start usage) *controller {
	return &controller{jobs: jobs, active: jobs, last: start, since: start.wall, hold: holdMin, keep: keepMin, fresh: true}
}

// startParked starts a fresh controller at one worker, where the machine
// was crowded at the start: every CPU taken by another session, so that
// the first window at every worker would only have them take turns (what
// -j 2 lost to -j 1 under load was mostly that first window: structure
// and freq 2-5%). The first window is judged: with a core idle in it
// (freeCPU), every worker runs from then on, as after any parked window.
func (c *controller) startParked(now time.Duration) {
	c.loaded = true
	c.set(1, now)
	c.settle = false
}

// fullShare: with the machine's CPUs shared between sessions, a session
// running while another is busy gets at most half of them; parked at that
// many workers or more, with no core idle, a run has every CPU it can get,
// and a probe at every worker would only make them take turns.
func (c *controller) fullShare() bool {
	return c.mach.bySessions && c.mach.cpus > 0 && 2*c.active >= c.mach.cpus
}

// observe takes the usage at the end of a window and returns the number of
// workers that should run during the next.
func (c *controller) observe(u usage) int {
	dw := u.wall - c.last.wall
	if dw < minWindow {
		return c.active // a tick that came late and the next at once: judged with the next
	}
	dc, dq := max(u.cpu-c.last.cpu, 0), max(u.wait-c.last.wait, 0)
	idleKnown := u.idleOK && c.last.idleOK
	var idle float64 // cores idle over the window
	if idleKnown {
		idle = float64(max(u.idle-c.last.idle, 0)) / float64(dw)
	}
	c.last = u
	if c.settle {
		c.settle = false
		return c.active
	}
	rate := float64(dc) / float64(dw)
	wait := float64(dq) / float64(dw)
	c.windows++
	if c.active < c.jobs {
		// parked: the CPU this level gets
		c.parked += (rate - c.parked) / float64(c.windows)
		free := idleKnown && idle >= freeCPU
		if !idleKnown {
			c.busy = false // not measured: the hold decides
		}
		switch {
		case free:
			// a core is free: every worker runs again now
			c.probing = true
			c.set(c.jobs, u.wall)
		case u.wall-c.since >= c.hold && c.busy && c.fullShare():
			// the hold is over, but no window since the park had a core
			// free: the run has its share; parked for another hold
			c.hold = min(2*c.hold, holdMax)
			c.since = u.wall
		case u.wall-c.since >= c.hold:
			c.probing = true
			c.set(c.jobs, u.wall)
		}
		return c.active
	}
	if c.probing {
		c.probe += (rate - c.probe) / float64(c.windows)
		c.probeWait += (wait - c.probeWait) / float64(c.windows)
		noGain := c.probe < gain*c.parked && c.probeWait > waitCPU
		if c.windows < probeWindows && !(c.fails > 0 && noGain && c.windows >= quickProbe) {
			return c.active
		}
		c.probing = false
		if noGain {
			// the workers parked add nothing: parked again, for longer
			c.fails++
			c.hold = min(2*c.hold, holdMax)
			c.keep = keepMin
			return c.park(c.probe, u.wall)
		}
		// they add: every worker runs, for longer each time
		c.fails = 0
		c.hold = holdMin
		c.keepUntil = u.wall + c.keep
		c.keep = min(2*c.keep, keepMax)
		return c.active
	}
	if u.wall < c.keepUntil {
		return c.active
	}
	if c.active > 1 && rate < float64(c.active)-shortCPU && wait > waitCPU {
		return c.park(rate, u.wall)
	}
	return c.active
}

// park sets as many workers as the CPUs the process gets at rate (rounded
// up past a quarter of a core), at least one fewer than now.
func (c *controller) park(rate float64, now time.Duration) int {
	c.loaded = true
	k := min(max(1, int(rate+shortCPU)), c.active-1)
	c.set(k, now)
	return k
}

func (c *controller) set(k int, now time.Duration) {
	c.active, c.since, c.settle = k, now, true
	c.windows = 0
	if k < c.jobs {
		c.parked, c.busy = 0, true
	} else {
		c.probe, c.probeWait = 0, 0
	}
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
// has stopped. The controller starts from the state store kept of the last
// loop, if any, and leaves its own there at the end. onLoad, when not nil,
// is called once, on the controller's goroutine, as soon as the controller
// has found the CPU short (now or in a loop before); adaptive is false
// where nothing adapts (one job, no meter, ZHPOLICY_FIXED_JOBS). onSet,
// when not nil, is told of every change (tests).
func adapt(g *gate, jobs int, m meter, period time.Duration, store *paceStore, onLoad func(), onSet func(int)) (stop func(), adaptive bool) {
	noop := func() { g.set(jobs) }
	if jobs < 2 || m == nil || os.Getenv("ZHPOLICY_FIXED_JOBS") != "" {
		return noop, false
	}
	start, ok := m.read()
	if !ok {
		return noop, false
	}
	c := store.take(jobs, start)
	c.mach = machineOf(m)
	if c.fresh && c.mach.crowded {
		c.startParked(start.wall)
	}
	c.fresh = false
	told := false
	tell := func() {
		if c.loaded && !told && onLoad != nil {
			told = true
			onLoad()
		}
	}
	tell()
	if c.active != jobs {
		g.set(c.active)
		if onSet != nil {
			onSet(c.active)
		}
	}
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
			k := c.observe(u)
			tell()
			if k != before {
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
		store.put(c)
		g.set(jobs)
	}, true
}

// machineOf is the machine the meter measures, when it says (the
// process's meter on Linux; made-up meters of tests).
func machineOf(m meter) machine {
	if mm, ok := m.(interface{ machine() machine }); ok {
		return mm.machine()
	}
	return machine{}
}

// A paceStore keeps the state of the controller of the last loop that
// ended, for the next loop to start from. One command runs several loops
// over the corpus (the cleaning's corpus pass, then the work; reuse's
// alignment after its loop): a loop that started its controller afresh
// ran every worker until a window found the CPU short, then probed again
// after holdMin, so that on a loaded machine each loop paid the probes of
// the first second again. With the store, the level, the hold, the keep
// and what the last probe found carry on from one loop to the next as if
// they were one (the time between two loops does not count), unless the
// state is older than staleAfter or was for another number of jobs.
type paceStore struct {
	mu  sync.Mutex
	c   *controller // a copy of the last controller at its end; nil: none yet
	at  time.Time   // when it was put
	now func() time.Time
}

// staleAfter is how old a stored state may be and still be taken: the
// load a longer gap has seen is not known.
const staleAfter = holdMax

// processPace is the store of the process: the controller's state is the
// only state the package keeps between calls, and it is a measurement of
// the machine, not a result: outputs never depend on it.
var processPace paceStore

func (s *paceStore) clock() time.Time {
	if s.now != nil {
		return s.now()
	}
	return time.Now()
}

// take returns the controller a loop of jobs workers starts with: the
// stored one, its times moved to the new loop's start, or a new one.
func (s *paceStore) take(jobs int, start usage) *controller {
	if s == nil {
		return newController(jobs, start)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.c == nil || s.c.jobs != jobs || s.clock().Sub(s.at) > staleAfter {
		return newController(jobs, start)
	}
	c := *s.c
	shift := start.wall - c.last.wall
	c.since += shift
	c.keepUntil += shift
	c.last = start
	return &c
}

// put stores a copy of c, which no goroutine changes any more.
func (s *paceStore) put(c *controller) {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cp := *c
	s.c, s.at = &cp, s.clock()
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
	stop, _ := adapt(g, jobs, newMeter(), adaptPeriod, &processPace, nil, nil)
	return &Throttle{g: g, stop: stop}
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

// userHZ is the unit of /proc/stat's times (USER_HZ, 100 on Linux).
const userHZ = 100

// parseIdle reads "cpu  user nice system idle iowait ..." (the first line).
func parseIdle(b []byte) (time.Duration, bool) {
	line, _, _ := bytes.Cut(b, []byte("\n"))
	fields := bytes.Fields(line)
	if len(fields) < 6 || string(fields[0]) != "cpu" {
		return 0, false
	}
	var ticks int64
	for _, f := range fields[4:6] {
		v, err := strconv.ParseInt(string(f), 10, 64)
		if err != nil || v < 0 {
			return 0, false
		}
		ticks += v
	}
	return time.Duration(ticks) * (time.Second / userHZ), true
}

// parseRunning reads the tasks ready to run now from /proc/loadavg
// ("0.52 0.58 0.59 3/467 12345": the 3).
func parseRunning(b []byte) (int, bool) {
	fields := bytes.Fields(b)
	if len(fields) < 4 {
		return 0, false
	}
	r, _, ok := bytes.Cut(fields[3], []byte("/"))
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(string(r))
	return n, err == nil && n >= 0
}
