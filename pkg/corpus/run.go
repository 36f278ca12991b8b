// Package corpus runs per-document work on a bounded pool of workers and
// hands the results back in input order, so output is the same whatever
// the number of workers; and it merges per-document counts into corpus
// totals.
package corpus

import (
	"context"
	"iter"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"sync"
	"time"
)

// Map calls work on every item with at most jobs calls at once and calls
// emit with each result in the order of items. See MapSeq.
func Map[In, Out any](ctx context.Context, items []In, jobs int,
	work func(ctx context.Context, i int, in In) (Out, error),
	emit func(i int, in In, out Out, err error) error) error {
	if jobs > len(items) {
		jobs = max(len(items), 1)
	}
	return MapSeq(ctx, slices.Values(items), jobs, work, emit)
}

// MapSeq is Map over items produced one at a time, so that a producer can
// read a big input lazily (a file cut into chunks) while workers process
// what it has read. items is consumed on its own goroutine, never ahead of
// the work by more than 2*jobs items: at most 2*jobs items and results are
// held at once, which bounds memory whatever the size of the input. emit
// runs on the calling goroutine, one call at a time. An error from emit, or
// the context's cancellation, stops the run: no new item is taken, and
// MapSeq returns that error after the running calls finish.
func MapSeq[In, Out any](ctx context.Context, items iter.Seq[In], jobs int,
	work func(ctx context.Context, i int, in In) (Out, error),
	emit func(i int, in In, out Out, err error) error) error {
	return mapSeq(ctx, items, jobs, window[In]{}, work, emit)
}

// window says how far mapSeq's producer may run ahead of emit. It always
// may hold 2*jobs items taken and not yet emitted; with weight set, it may
// hold up to deepItems*jobs items while their weights (bytes: what holding
// them costs) add up to at most budget per job. A deep window keeps the
// workers busy past an item that takes long (a big document among small
// ones; a worker thread the kernel has descheduled on a loaded machine),
// where emit has to wait for it and a shallow window would stop every
// other worker; the budget keeps the memory of the items held bounded
// whatever their number.
type window[In any] struct {
	weight func(In) int64
	budget int64 // per job
	// meter, period and onSet replace the process's meter, adaptPeriod
	// and nothing in tests of the adaptation (see adapt); pace the
	// process's store of the controller's state (a test with a meter of
	// its own and no pace starts afresh and keeps nothing).
	meter  meter
	period time.Duration
	pace   *paceStore
	onSet  func(active int)
}

// deepItems*jobs is the most items a weighted window holds.
const deepItems = 16

// windowBudget is the default budget of a weighted window per job: the
// size of a streamed part (PartBytes), so that a big input read in parts
// is held as before (2*jobs parts), and small documents (tens of
// kilobytes) fill a deep window.
const windowBudget = PartBytes

func mapSeq[In, Out any](ctx context.Context, items iter.Seq[In], jobs int, win window[In],
	work func(ctx context.Context, i int, in In) (Out, error),
	emit func(i int, in In, out Out, err error) error) error {
	if jobs < 1 {
		jobs = 1
	}
	minItems, maxItems := 2*jobs, 2*jobs
	budget := win.budget * int64(jobs)
	if win.weight != nil {
		maxItems = deepItems * jobs
		if budget <= 0 {
			budget = windowBudget * int64(jobs)
		}
	}
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type result struct {
		out Out
		err error
	}
	type task struct {
		i   int
		in  In
		w   int64 // weight
		res chan result
	}
	// Tasks wait in order for their emit; the producer takes an item only
	// while the window allows it, and emit gives back each item's room.
	// The channels hold a whole window, so that no send of the producer
	// blocks and the workers take the next task without waiting for the
	// producer to run: on a loaded machine a goroutine waits long for a
	// thread, and the producer and emit get one only between the workers'
	// time slices, where they catch up in one go.
	order := make(chan task, maxItems)
	released := make(chan int64, maxItems) // never blocks: one send per item held
	todo := make(chan task, maxItems)
	// The workers that run adapt to the CPU the process gets (adapt.go).
	g := newGate(jobs)
	m, period, pace := win.meter, win.period, win.pace
	if m == nil && jobs > 1 {
		m = newMeter()
		if pace == nil {
			pace = &processPace
		}
	}
	if period <= 0 {
		period = adaptPeriod
	}
	// The spare P (spareProc) only once the machine is found loaded: on
	// free cores the workers' own Ps serve the producer and emit, and a
	// third P only spins (idle, -j 2 against -j 2 with the spare P, the
	// corpus four times over: convert ×1.85 against ×1.67, detect ×1.86
	// against ×1.70, freq ×1.78 against ×1.68). Where nothing adapts, the
	// run has it from the start.
	var spare sync.Once
	restore := func() {}
	addSpare := func() { spare.Do(func() { restore = spareProc(jobs) }) }
	// While workers are parked, the Go scheduler has as many Ps as workers
	// run (procsFollow); not where the user set GOMAXPROCS, nor with the
	// made-up meters of tests.
	onSet := win.onSet
	var follow *procsFollow
	if win.meter == nil && os.Getenv("GOMAXPROCS") == "" {
		follow = &procsFollow{jobs: jobs}
		onSet = func(k int) {
			if win.onSet != nil {
				win.onSet(k)
			}
			follow.set(k)
		}
	}
	stopAdapt, adaptive := adapt(g, jobs, m, period, pace, addSpare, onSet)
	if !adaptive {
		addSpare()
	}
	defer func() { restore() }()
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// CPU profiles say which role ran (go tool pprof -tags)
			pprof.SetGoroutineLabels(pprof.WithLabels(ctx, pprof.Labels("corpus", "worker")))
			for {
				g.wait(w)
				t, ok := <-todo
				if !ok {
					return
				}
				if err := ctx.Err(); err != nil {
					t.res <- result{err: err} // the run stops: no new work
					continue
				}
				out, err := work(ctx, t.i, t.in)
				t.res <- result{out, err}
			}
		}()
	}
	var producer sync.WaitGroup
	producer.Add(1)
	go func() {
		defer producer.Done()
		pprof.SetGoroutineLabels(pprof.WithLabels(ctx, pprof.Labels("corpus", "producer")))
		defer close(todo)
		defer close(order)
		i := 0
		held, heldW := 0, int64(0)
		for in := range items {
			var w int64
			if win.weight != nil {
				w = max(win.weight(in), 0)
			}
			// room for one more: always within minItems; past it, within
			// maxItems and the budget
			for held >= minItems && (held >= maxItems || heldW+w > budget) {
				select {
				case r := <-released:
					held--
					heldW -= r
				case <-ctx.Done():
					return
				}
			}
			held++
			heldW += w
			t := task{i: i, in: in, w: w, res: make(chan result, 1)}
			i++
			select {
			case order <- t:
			case <-ctx.Done():
				return
			}
			select {
			case todo <- t:
			case <-ctx.Done():
				return
			}
		}
	}()

	var runErr error
	pprof.Do(ctx, pprof.Labels("corpus", "emit"), func(context.Context) {
		for t := range order {
			var r result
			select {
			case r = <-t.res:
			case <-ctx.Done():
				runErr = ctx.Err()
			}
			if runErr != nil {
				break
			}
			err := emit(t.i, t.in, r.out, r.err)
			released <- t.w
			if err != nil {
				runErr = err
				break
			}
			if err := ctx.Err(); err != nil {
				runErr = err
				break
			}
		}
	})
	if runErr == nil && parent.Err() != nil {
		// cancelled before the producer handed anything over
		runErr = parent.Err()
	}
	cancel()
	for range order { // let the producer see the cancellation and stop
	}
	producer.Wait()
	stopAdapt() // parked workers run again and see the end
	follow.end()
	wg.Wait()
	return runErr
}

// spareProc gives the Go scheduler a processor (P) more than the workers
// for the time of a run, up to one more than the machine's CPUs, and
// returns what puts the setting back. With as many Ps as workers, the
// goroutines that feed the workers and write the results (the producer,
// emit) wait for a worker to be preempted; on a loaded machine the
// kernel deschedules the workers' threads too, the window fills, and -j 2
// was measured slower than -j 1 (segment over the shared corpus at load
// 8–11: 4.2 s against 3.4 s, medians of 8 alternating runs; with a spare
// P, 2.5 s). A -j 1 run already has one, as the default GOMAXPROCS is the
// number of CPUs. A GOMAXPROCS the user set is left alone.
func spareProc(jobs int) (restore func()) {
	cur := runtime.GOMAXPROCS(0)
	if jobs < cur || cur > runtime.NumCPU() || os.Getenv("GOMAXPROCS") != "" {
		return func() {}
	}
	runtime.GOMAXPROCS(cur + 1)
	return func() {
		if runtime.GOMAXPROCS(0) == cur+1 { // not changed since by another run
			runtime.GOMAXPROCS(cur)
		}
	}
}

// procsFollow takes the spare P (spareProc) back while the controller has
// parked workers: GOMAXPROCS is then what a run of that many jobs has (the
// machine's CPUs; parkedProcs), so that parked -j 2 runs as -j 1 does.
// (Round 8 set it to the number of running workers, from CPU-seconds:
// freq -j 2 parked at one, 1.50 CPU-s with the Ps as they were, 1.39 with
// GOMAXPROCS=1; but in wall time, under load, one P was the slowest of
// all; see parkedProcs.) When every worker runs again, and at the end of
// the run, the setting from before comes back. Its methods are called one
// at a time (the controller's goroutine, then the loop's end); a nil
// procsFollow does nothing.
type procsFollow struct {
	jobs   int
	cpus   int // the machine's CPUs; 0: runtime.NumCPU() (tests set it)
	saved  int // GOMAXPROCS before the park
	parked bool
}

// procsOwner is held by the one procsFollow that has changed GOMAXPROCS:
// two loops running at once in one process (a library user's) would
// otherwise save each other's setting and could leave the process with
// fewer Ps than it had. The others leave GOMAXPROCS alone.
var procsOwner sync.Mutex

func (p *procsFollow) set(k int) {
	if p == nil {
		return
	}
	switch {
	case k < p.jobs:
		if !p.parked {
			if !procsOwner.TryLock() {
				return
			}
			p.saved, p.parked = runtime.GOMAXPROCS(0), true
		}
		cpus := p.cpus
		if cpus <= 0 {
			cpus = runtime.NumCPU()
		}
		runtime.GOMAXPROCS(parkedProcs(k, p.saved, cpus))
	case p.parked:
		p.end()
	}
}

// parkedProcs is GOMAXPROCS while k workers run: what a run of k jobs
// has (the machine's CPUs, as -j 1 runs with), never more than before the
// park (saved). Not k itself: under load a run whose Ps are as few as its
// workers gets less of the CPU than one with a P to spare, where the
// collector, the producer and emit run beside the worker (freq at load
// 9-11, 2 sessions of busy loops: -j 2 parked with GOMAXPROCS 1, 3.70 s;
// -j 1, 2.23 s; bench/scale/ab.py, medians of 6).
func parkedProcs(k, saved, cpus int) int {
	return max(min(saved, max(k, cpus)), 1)
}

// end puts back the setting from before the park.
func (p *procsFollow) end() {
	if p == nil || !p.parked {
		return
	}
	runtime.GOMAXPROCS(p.saved)
	p.parked = false
	procsOwner.Unlock()
}
