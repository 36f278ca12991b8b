package corpus

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeCPU makes up a process's usage window by window: over each window of
// adaptPeriod the process gets rate cores and its threads wait wait cores'
// worth of the window for a CPU.
type fakeCPU struct {
	mu sync.Mutex
	u  usage
}

func (f *fakeCPU) window(rate, wait float64) usage {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.u.wall += adaptPeriod
	f.u.cpu += time.Duration(rate * float64(adaptPeriod))
	f.u.wait += time.Duration(wait * float64(adaptPeriod))
	return f.u
}

// run feeds n windows of (rate, wait) to c and returns the levels it chose.
func (f *fakeCPU) run(c *controller, n int, rate, wait float64) []int {
	var got []int
	for range n {
		got = append(got, c.observe(f.window(rate, wait)))
	}
	return got
}

func TestControllerIdleKeepsEveryWorker(t *testing.T) {
	f := &fakeCPU{}
	c := newController(2, f.u)
	// two free cores: nearly two cores of CPU, a little waiting (GC and
	// the emit on a third P)
	for _, k := range f.run(c, 50, 1.9, 0.3) {
		if k != 2 {
			t.Fatalf("idle machine: %d workers, want 2", k)
		}
	}
}

func TestControllerIOBoundKeepsEveryWorker(t *testing.T) {
	f := &fakeCPU{}
	c := newController(2, f.u)
	// workers waiting on reads: little CPU, and nothing waits for a CPU
	for _, k := range f.run(c, 50, 0.4, 0.02) {
		if k != 2 {
			t.Fatalf("work waiting on input: %d workers, want 2", k)
		}
	}
}

// levels is n windows at level k.
func levels(n, k int) []int {
	l := make([]int, n)
	for i := range l {
		l[i] = k
	}
	return l
}

func TestControllerParksOnOneShareAndProbes(t *testing.T) {
	hold := int(holdMin / adaptPeriod) // windows
	f := &fakeCPU{}
	c := newController(2, f.u)
	// one core's share: the two workers take turns, each waits half the time
	got := f.run(c, 1, 1.0, 1.0)
	if !slices.Equal(got, []int{1}) {
		t.Fatalf("first window under load: %v, want [1]", got)
	}
	// parked: one worker gets its core and hardly waits; a probe after
	// holdMin, which finds the CPU still short and parks again for twice
	// as long
	got = f.run(c, hold, 1.0, 0.05)
	if want := append(levels(hold-1, 1), 2); !slices.Equal(got, want) {
		t.Fatalf("parked, then a probe: %v, want %v", got, want)
	}
	// the probe: a window settles, probeWindows are measured: no more CPU
	got = f.run(c, 1+probeWindows, 1.0, 1.0)
	if want := append(levels(probeWindows, 2), 1); !slices.Equal(got, want) {
		t.Fatalf("the probe under load: %v, want %v", got, want)
	}
	if c.hold != 2*holdMin {
		t.Fatalf("hold after a failed probe: %v, want %v", c.hold, 2*holdMin)
	}
	// the next probe comes after twice as many windows
	got = f.run(c, 2*hold, 1.0, 0.05)
	if want := append(levels(2*hold-1, 1), 2); !slices.Equal(got, want) {
		t.Fatalf("second hold: %v, want %v", got, want)
	}
	// the CPU is back: the probe keeps both workers, the hold is reset
	n := 1 + probeWindows + int(keepMin/adaptPeriod)
	got = f.run(c, n, 1.95, 0.2)
	if want := levels(n, 2); !slices.Equal(got, want) {
		t.Fatalf("CPU back: %v, want %v", got, want)
	}
	if c.hold != holdMin {
		t.Fatalf("hold after the CPU came back: %v, want %v", c.hold, holdMin)
	}
	// and load again: parked at once
	got = f.run(c, 1, 0.9, 1.1)
	if got[0] != 1 {
		t.Fatalf("load again: %v, want 1", got)
	}
}

func TestControllerHoldIsBounded(t *testing.T) {
	f := &fakeCPU{}
	c := newController(2, f.u)
	for range 200 {
		// parked windows hardly wait; running two, they wait
		if c.active == 1 {
			c.observe(f.window(1.0, 0.05))
		} else {
			c.observe(f.window(1.0, 1.0))
		}
	}
	if c.hold != holdMax {
		t.Fatalf("hold after many failed probes: %v, want %v", c.hold, holdMax)
	}
}

func TestControllerPartOfASecondCoreKeepsTwo(t *testing.T) {
	f := &fakeCPU{}
	c := newController(2, f.u)
	// 1.4 cores: the second worker still adds 40% of a core
	for _, k := range f.run(c, 30, 1.4, 0.6) {
		if k != 2 {
			t.Fatalf("1.4 cores: %d workers, want 2", k)
		}
	}
}

func TestControllerMoreJobsThanCores(t *testing.T) {
	f := &fakeCPU{}
	c := newController(3, f.u)
	// -j 3 on two free cores: two cores of CPU, a core's worth waiting
	got := f.run(c, 1, 2.0, 1.0)
	if !slices.Equal(got, []int{2}) {
		t.Fatalf("-j 3 on 2 cores: %v, want [2]", got)
	}
	// -j 8 getting 3.1 cores: 3 workers (at least one fewer each time)
	c = newController(8, f.u)
	got = f.run(c, 1, 3.1, 4.9)
	if !slices.Equal(got, []int{3}) {
		t.Fatalf("-j 8 on 3.1 cores: %v, want [3]", got)
	}
}

func TestControllerJudgesNoShortWindow(t *testing.T) {
	f := &fakeCPU{}
	c := newController(2, f.u)
	f.run(c, 1, 1.9, 0.2)
	// a tick that came late and the next at once: a few milliseconds
	// where the process got little CPU are not judged ...
	short := f.u
	short.wall += minWindow - time.Millisecond
	short.wait += minWindow
	if k := c.observe(short); k != 2 {
		t.Fatalf("a window shorter than minWindow judged: %d workers", k)
	}
	// ... but added to the next
	u := short
	u.wall += adaptPeriod
	u.cpu += adaptPeriod
	u.wait += adaptPeriod
	if k := c.observe(u); k != 1 {
		t.Fatalf("the window after the short one: %d workers, want 1", k)
	}
}

func TestGateParksAndReleases(t *testing.T) {
	g := newGate(2)
	g.set(1)
	g.wait(0) // worker 0 always runs
	passed := make(chan struct{})
	go func() {
		g.wait(1)
		close(passed)
	}()
	select {
	case <-passed:
		t.Fatal("worker 1 passed a gate set to 1")
	case <-time.After(20 * time.Millisecond):
	}
	g.set(2)
	select {
	case <-passed:
	case <-time.After(5 * time.Second):
		t.Fatal("worker 1 still parked after the gate opened")
	}
	g.set(0) // never fewer than one
	g.wait(0)
}

// loadedMeter reports the usage of a process that gets one core: while
// two workers run, its threads wait for a CPU; while one runs, hardly.
type loadedMeter struct {
	f      fakeCPU
	active atomic.Int64
}

func (m *loadedMeter) read() (usage, bool) {
	if m.active.Load() == 1 {
		return m.f.window(1.0, 0.05), true
	}
	return m.f.window(1.0, 1.0), true
}

func TestMapSeqParksWorkersSameResults(t *testing.T) {
	items := make([]int, 300)
	for i := range items {
		items[i] = i
	}
	m := &loadedMeter{}
	m.active.Store(2)
	var sets []int
	var mu sync.Mutex
	win := window[int]{meter: m, period: time.Millisecond, onSet: func(k int) {
		m.active.Store(int64(k))
		mu.Lock()
		sets = append(sets, k)
		mu.Unlock()
	}}
	var got []int
	err := mapSeq(context.Background(), slices.Values(items), 2, win,
		func(_ context.Context, _ int, in int) (int, error) {
			time.Sleep(200 * time.Microsecond)
			return 2 * in, nil
		},
		func(i, in, out int, err error) error {
			if err != nil || out != 2*in || i != in {
				t.Errorf("item %d: %d, %v", in, out, err)
			}
			got = append(got, in)
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, items) {
		t.Fatalf("results out of order or missing: %d of %d", len(got), len(items))
	}
	mu.Lock()
	defer mu.Unlock()
	// parked, probed, parked again (and so on while the run lasts)
	if len(sets) < 3 || !slices.Equal(sets[:3], []int{1, 2, 1}) {
		t.Fatalf("levels set during the run: %v, want 1, 2, 1, ...", sets)
	}
}

// TestMapSeqParkedWorkersSeeTheEnd: a run that ends while a worker is
// parked returns (the parked worker is let go and sees no more items), and
// so does one cancelled while parked.
func TestMapSeqParkedWorkersSeeTheEnd(t *testing.T) {
	for _, cancelIt := range []bool{false, true} {
		m := &loadedMeter{}
		m.active.Store(2)
		parked := make(chan struct{})
		var once sync.Once
		win := window[int]{meter: m, period: time.Millisecond, onSet: func(k int) {
			m.active.Store(int64(k))
			if k == 1 {
				once.Do(func() { close(parked) })
			}
		}}
		ctx, cancel := context.WithCancel(context.Background())
		items := func(yield func(int) bool) {
			for i := 0; ; i++ {
				if i == 5 {
					<-parked // the rest only once a worker is parked
					if cancelIt {
						cancel()
					}
				}
				if i == 40 || !yield(i) {
					return
				}
			}
		}
		done := make(chan error, 1)
		go func() {
			done <- mapSeq(ctx, items, 2, win,
				func(_ context.Context, _ int, in int) (int, error) { return in, nil },
				func(int, int, int, error) error { return nil })
		}()
		select {
		case err := <-done:
			if cancelIt != (err != nil) {
				t.Fatalf("cancelled %v: %v", cancelIt, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("cancelled %v: the run did not end with a worker parked", cancelIt)
		}
		cancel()
	}
}

// TestControllerKeepsWorkersThatAddThroughput: two workers get 1.2 cores,
// under the first rule's mark, but one alone gets 0.8: once the probe has
// measured both, the two stay for keepMin, then for twice as long.
func TestControllerKeepsWorkersThatAddThroughput(t *testing.T) {
	hold := int(holdMin / adaptPeriod)
	keep := int(keepMin / adaptPeriod)
	f := &fakeCPU{}
	c := newController(2, f.u)
	if got := f.run(c, 1, 1.2, 0.8); got[0] != 1 {
		t.Fatalf("1.2 cores for two workers, nothing known of one: %v, want a park", got)
	}
	got := f.run(c, hold, 0.8, 0.5)
	if want := append(levels(hold-1, 1), 2); !slices.Equal(got, want) {
		t.Fatalf("parked: %v, want %v", got, want)
	}
	// the probe (a window settles, probeWindows measured): 1.2 cores
	// against 0.8, the second worker adds 50%; then keepMin with both
	n := 1 + probeWindows + keep - 1
	got = f.run(c, n, 1.2, 0.8)
	if want := levels(n, 2); !slices.Equal(got, want) {
		t.Fatalf("the probe and the keep: %v, want %v", got, want)
	}
	// past the keep, the first rule again: a park, a probe that keeps both
	// for twice as long
	if got := f.run(c, 1, 1.2, 0.8); !slices.Equal(got, []int{1}) {
		t.Fatalf("past the keep: %v, want [1]", got)
	}
	f.run(c, hold, 0.8, 0.5)
	n = 1 + probeWindows + 2*keep - 1
	got = f.run(c, n, 1.2, 0.8)
	if want := levels(n, 2); !slices.Equal(got, want) {
		t.Fatalf("the second keep: %v, want %v", got, want)
	}
	// a probe that finds too little more (1.2 against 1.15: under gain)
	// parks again
	f.run(c, 1, 1.2, 0.8)
	f.run(c, hold, 1.15, 0.5)
	got = f.run(c, 1+probeWindows, 1.2, 0.8)
	if want := append(levels(probeWindows, 2), 1); !slices.Equal(got, want) {
		t.Fatalf("a probe with too little gain: %v, want %v", got, want)
	}
}

// TestThrottle: a parked worker of a Throttle runs again once it stops;
// one job, the zero value and nil never park.
func TestThrottle(t *testing.T) {
	var zero Throttle
	zero.Wait(5)
	zero.Stop()
	var none *Throttle
	none.Wait(1)
	none.Stop()
	one := NewThrottle(1)
	one.Wait(3)
	one.Stop()

	NewThrottle(2).Stop()
	g := newGate(2)
	stop, _ := adapt(g, 2, nil, adaptPeriod, nil, nil, nil) // no controller: ...
	th := &Throttle{g: g, stop: stop}
	th.g.set(1) // ... parked by hand
	passed := make(chan struct{})
	go func() {
		th.Wait(1)
		close(passed)
	}()
	th.Wait(0)
	select {
	case <-passed:
		t.Fatal("worker 1 of a throttle at one passed")
	case <-time.After(20 * time.Millisecond):
	}
	th.Stop()
	select {
	case <-passed:
	case <-time.After(5 * time.Second):
		t.Fatal("worker 1 still parked after Stop")
	}
	th.Stop() // twice is fine
}

// TestControllerStateLastsAcrossLoops: a loop that starts after one that
// parked its second worker starts parked, and probes when the hold the
// last loop began ends, not at once at every worker (the cleaning's
// corpus pass, then the work, are two loops of one command).
func TestControllerStateLastsAcrossLoops(t *testing.T) {
	hold := int(holdMin / adaptPeriod)
	store := &paceStore{now: func() time.Time { return time.Time{} }}
	f := &fakeCPU{}
	c := store.take(2, f.u)
	if got := f.run(c, 1, 1.0, 1.0); got[0] != 1 {
		t.Fatalf("first window under load: %v, want [1]", got)
	}
	f.run(c, 3, 1.0, 0.05) // three windows of the hold in the first loop
	store.put(c)

	// the next loop: a meter of its own, from zero
	f2 := &fakeCPU{}
	c2 := store.take(2, f2.u)
	if c2.active != 1 {
		t.Fatalf("the next loop starts with %d workers, want 1 (parked)", c2.active)
	}
	got := f2.run(c2, hold-3, 1.0, 0.05)
	if want := append(levels(hold-4, 1), 2); !slices.Equal(got, want) {
		t.Fatalf("the rest of the hold, then a probe: %v, want %v", got, want)
	}
	// the probe fails: the hold doubles, as within one loop
	f2.run(c2, 1+probeWindows, 1.0, 1.0)
	if c2.active != 1 || c2.hold != 2*holdMin {
		t.Fatalf("after a failed probe: %d workers, hold %v", c2.active, c2.hold)
	}
	store.put(c2)
	// and the loop after that keeps the doubled hold
	if c3 := store.take(2, usage{}); c3.hold != 2*holdMin || c3.active != 1 || c3.fails != 1 {
		t.Fatalf("third loop: %d workers, hold %v, fails %d", c3.active, c3.hold, c3.fails)
	}
}

// TestPaceStoreFreshWhenStaleOrOtherJobs: a state older than staleAfter,
// or of another -j, is not taken; no store: a new controller.
func TestPaceStoreFreshWhenStaleOrOtherJobs(t *testing.T) {
	now := time.Unix(1000, 0)
	store := &paceStore{now: func() time.Time { return now }}
	f := &fakeCPU{}
	c := store.take(2, f.u)
	f.run(c, 1, 1.0, 1.0)
	store.put(c)
	if got := store.take(3, usage{}); got.active != 3 {
		t.Fatalf("-j 3 after a -j 2 loop: %d workers, want 3", got.active)
	}
	now = now.Add(staleAfter + time.Millisecond)
	if got := store.take(2, usage{}); got.active != 2 {
		t.Fatalf("a stale state taken: %d workers, want 2", got.active)
	}
	var none *paceStore
	none.put(c)
	if got := none.take(2, usage{}); got.active != 2 {
		t.Fatalf("no store: %d workers, want 2", got.active)
	}
}

// TestControllerQuickProbeAfterNoGain: once a probe has found no gain,
// the next probe that finds none ends after quickProbe windows; one that
// finds a gain still runs probeWindows.
func TestControllerQuickProbeAfterNoGain(t *testing.T) {
	hold := int(holdMin / adaptPeriod)
	f := &fakeCPU{}
	c := newController(2, f.u)
	f.run(c, 1, 1.0, 1.0)
	f.run(c, hold, 1.0, 0.05)
	// the first probe: full length
	got := f.run(c, 1+probeWindows, 1.0, 1.0)
	if want := append(levels(probeWindows, 2), 1); !slices.Equal(got, want) {
		t.Fatalf("first probe: %v, want %v", got, want)
	}
	f.run(c, 2*hold, 1.0, 0.05)
	// the second, still no gain: a settling window and quickProbe
	got = f.run(c, 1+quickProbe, 1.0, 1.0)
	if want := append(levels(quickProbe, 2), 1); !slices.Equal(got, want) {
		t.Fatalf("second probe, no gain: %v, want %v", got, want)
	}
	if c.hold != 4*holdMin || c.fails != 2 {
		t.Fatalf("after the quick probe: hold %v, fails %d", c.hold, c.fails)
	}
	// a probe with a gain is measured over probeWindows before it is kept
	f.run(c, 4*hold, 1.0, 0.05)
	got = f.run(c, 1+probeWindows, 1.9, 0.2)
	if want := levels(1+probeWindows, 2); !slices.Equal(got, want) {
		t.Fatalf("probe with a gain: %v, want %v", got, want)
	}
	if c.fails != 0 || c.hold != holdMin || c.keepUntil <= f.u.wall {
		t.Fatalf("after a gain: fails %d, hold %v, keep until %v at %v", c.fails, c.hold, c.keepUntil, f.u.wall)
	}
}

// readsMeter is a loadedMeter that records the level at every window.
type readsMeter struct {
	loadedMeter
	mu     sync.Mutex
	levels []int
}

func (m *readsMeter) read() (usage, bool) {
	m.mu.Lock()
	m.levels = append(m.levels, int(m.active.Load()))
	m.mu.Unlock()
	return m.loadedMeter.read()
}

// TestMapSeqStartsFromTheLastLoop: a loop started after one that ended
// parked runs one worker from its first window.
func TestMapSeqStartsFromTheLastLoop(t *testing.T) {
	store := &paceStore{now: func() time.Time { return time.Time{} }}
	f := &fakeCPU{}
	c := store.take(2, f.u)
	f.run(c, 1, 1.0, 1.0) // parked
	// for longer than this loop lasts: the hold counts the fake meter's
	// 50 ms windows, one a tick of 1 ms, and on a loaded machine the 60
	// items' sleeps can outlast holdMax's 64 ticks (then a probe ran two
	// workers and the test failed about once in 100 runs); an hour cannot
	c.hold = time.Hour
	store.put(c)

	m := &readsMeter{}
	m.active.Store(2)
	win := window[int]{meter: m, period: time.Millisecond, pace: store,
		onSet: func(k int) { m.active.Store(int64(k)) }}
	n := 0
	err := mapSeq(context.Background(), slices.Values(make([]int, 60)), 2, win,
		func(context.Context, int, int) (int, error) {
			time.Sleep(200 * time.Microsecond)
			return 0, nil
		},
		func(int, int, int, error) error { n++; return nil })
	if err != nil || n != 60 {
		t.Fatalf("%d items, %v", n, err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.levels) < 2 {
		t.Skipf("the loop ended before a window was measured (%d reads)", len(m.levels))
	}
	// the first read is the start; every window after it ran one worker
	for i, k := range m.levels[1:] {
		if k != 1 {
			t.Fatalf("window %d ran %d workers, want 1 (the last loop parked): %v", i+1, k, m.levels)
		}
	}
	if store.c == nil || store.c.active != 1 {
		t.Fatalf("the loop left no parked state")
	}
}

// fakeCPUMeter reports the same rate and wait every window.
type fakeCPUMeter struct {
	f          fakeCPU
	rate, wait float64
}

func (m *fakeCPUMeter) read() (usage, bool) { return m.f.window(m.rate, m.wait), true }

// windowIdle is window with the machine's idle CPU measured: idle cores
// over the window.
func (f *fakeCPU) windowIdle(rate, wait, idle float64) usage {
	u := f.window(rate, wait)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.u.idle += time.Duration(idle * float64(adaptPeriod))
	f.u.idleOK = true
	u.idle, u.idleOK = f.u.idle, true
	return u
}

func (f *fakeCPU) runIdle(c *controller, n int, rate, wait, idle float64) []int {
	var got []int
	for range n {
		got = append(got, c.observe(f.windowIdle(rate, wait, idle)))
	}
	return got
}

var twoCoresBySession = machine{cpus: 2, bySessions: true}

// Parked on a machine shared by sessions, with no core idle: the run has
// its share, and no probe makes two workers take turns on it; a window
// with a core free brings every worker back at once.
func TestControllerStaysParkedWithoutAFreeCore(t *testing.T) {
	hold := int(holdMin / adaptPeriod)
	f := &fakeCPU{}
	c := newController(2, f.windowIdle(0, 0, 0))
	c.mach = twoCoresBySession
	if got := f.runIdle(c, 1, 1.0, 1.0, 0); !slices.Equal(got, []int{1}) {
		t.Fatalf("first window under load: %v, want [1]", got)
	}
	// parked four holds long, the machine busy: no probe
	if got := f.runIdle(c, 4*hold, 1.0, 0.05, 0.02); !slices.Equal(got, levels(4*hold, 1)) {
		t.Fatalf("parked without a free core: %v, want every window at 1", got)
	}
	if c.hold <= holdMin {
		t.Fatalf("hold %v: want it doubled at each hold without a free core", c.hold)
	}
	// a core is free: every worker at once, and kept when they get more
	got := f.runIdle(c, 1, 1.0, 0.05, 0.9)
	if !slices.Equal(got, []int{2}) {
		t.Fatalf("a core free: %v, want [2] at once", got)
	}
	n := 1 + probeWindows + 5
	if got := f.runIdle(c, n, 1.9, 0.2, 0.05); !slices.Equal(got, levels(n, 2)) {
		t.Fatalf("the probe with a core free: %v, want 2 throughout", got)
	}
}

// A free core ends a park before its hold, on any machine.
func TestControllerProbesWhenACoreIsFree(t *testing.T) {
	f := &fakeCPU{}
	c := newController(2, f.windowIdle(0, 0, 0))
	c.mach = machine{cpus: 2}
	f.runIdle(c, 1, 1.0, 1.0, 0)
	got := f.runIdle(c, 3, 1.0, 0.05, 0.8) // settle, then a window with 0.8 cores idle
	if !slices.Equal(got, []int{1, 2, 2}) {
		t.Fatalf("a core free while parked: %v, want [1 2 2]", got)
	}
}

// Where parked workers could still get more CPU (threads share the CPUs,
// or the run is parked below half of many CPUs), the hold ends in a
// probe as before, idle core or not.
func TestControllerProbesWhereMoreCPUMayCome(t *testing.T) {
	hold := int(holdMin / adaptPeriod)
	for _, m := range []machine{{cpus: 2, bySessions: false}, {cpus: 8, bySessions: true}, {}} {
		f := &fakeCPU{}
		c := newController(2, f.windowIdle(0, 0, 0))
		c.mach = m
		f.runIdle(c, 1, 1.0, 1.0, 0)
		got := f.runIdle(c, hold, 1.0, 0.05, 0)
		if want := append(levels(hold-1, 1), 2); !slices.Equal(got, want) {
			t.Fatalf("%+v: %v, want a probe after the hold: %v", m, got, want)
		}
	}
}

func TestParseIdle(t *testing.T) {
	d, ok := parseIdle([]byte("cpu  8895692 642642 836465 4028003 45555 0 28248 38915 0 0\ncpu0 1 2 3 4 5\n"))
	if !ok || d != time.Duration(4028003+45555)*10*time.Millisecond {
		t.Fatalf("parseIdle: %v %v", d, ok)
	}
	for _, bad := range []string{"", "cpu 1 2 3", "intr 1 2 3 4 5 6", "cpu 1 2 3 x 5"} {
		if _, ok := parseIdle([]byte(bad)); ok {
			t.Errorf("parseIdle(%q) ok", bad)
		}
	}
}

// A run that starts on a crowded machine starts at one worker; its first
// window is judged: a core idle brings every worker at once, none keeps
// it at one (on a machine shared by sessions, hold after hold).
func TestControllerStartsParkedWhenCrowded(t *testing.T) {
	hold := int(holdMin / adaptPeriod)
	f := &fakeCPU{}
	c := newController(2, f.windowIdle(0, 0, 0))
	c.mach = twoCoresBySession
	c.mach.crowded = true
	c.startParked(0)
	if c.active != 1 || !c.loaded {
		t.Fatalf("crowded start: %d workers, loaded %v; want 1, true", c.active, c.loaded)
	}
	if got := f.runIdle(c, 4*hold, 0.6, 0.3, 0.05); !slices.Equal(got, levels(4*hold, 1)) {
		t.Fatalf("crowded, no core idle: %v, want every window at 1", got)
	}
	f = &fakeCPU{}
	c = newController(2, f.windowIdle(0, 0, 0))
	c.mach = twoCoresBySession
	c.startParked(0)
	if got := f.runIdle(c, 1, 1.0, 0, 0.9); !slices.Equal(got, []int{2}) {
		t.Fatalf("crowded start, then a core idle in the first window: %v, want [2]", got)
	}
}

// crowdedMeter is a fakeCPUMeter on a machine crowded at the start.
type crowdedMeter struct{ fakeCPUMeter }

func (m *crowdedMeter) machine() machine {
	return machine{cpus: 2, bySessions: true, crowded: true}
}

// adapt parks at the start only a loop with no state before it: a second
// loop of the process carries on from the first's state.
func TestAdaptStartsParkedOnlyAfresh(t *testing.T) {
	var store paceStore
	for loop, want := range []int{1, 0} {
		var sets []int
		g := newGate(2)
		m := &crowdedMeter{fakeCPUMeter{rate: 1, wait: 1}}
		stop, ok := adapt(g, 2, m, time.Hour, &store, nil, func(k int) { sets = append(sets, k) })
		if !ok {
			t.Fatal("adapt did not start")
		}
		stop()
		if len(sets) > 0 && want == 0 || want == 1 && !slices.Equal(sets, []int{1}) {
			t.Fatalf("loop %d: levels set %v, want %v", loop, sets, want)
		}
		if loop == 0 {
			// the first loop's state: every worker again (as if a probe found a gain)
			store.mu.Lock()
			store.c.active = 2
			store.mu.Unlock()
		}
	}
}

func TestParseRunning(t *testing.T) {
	if n, ok := parseRunning([]byte("0.52 0.58 0.59 3/467 12345\n")); !ok || n != 3 {
		t.Fatalf("parseRunning: %d %v", n, ok)
	}
	for _, bad := range []string{"", "1 2 3", "1 2 3 x/4 5", "1 2 3 4 5"} {
		if _, ok := parseRunning([]byte(bad)); ok {
			t.Errorf("parseRunning(%q) ok", bad)
		}
	}
}
