package corpus

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"runtime"
	"slices"
	"sync/atomic"
	"testing"
	"time"
)

func TestMapOrderedWhateverJobs(t *testing.T) {
	items := make([]int, 200)
	for i := range items {
		items[i] = i
	}
	for _, jobs := range []int{1, 2, 3, 8, 500} {
		var got []int
		err := Map(context.Background(), items, jobs,
			func(_ context.Context, _ int, in int) (int, error) {
				time.Sleep(time.Duration(rand.Intn(200)) * time.Microsecond)
				return in * in, nil
			},
			func(i, in, out int, err error) error {
				if err != nil {
					return err
				}
				if out != in*in {
					return fmt.Errorf("item %d: got %d", in, out)
				}
				got = append(got, in)
				return nil
			})
		if err != nil {
			t.Fatalf("jobs=%d: %v", jobs, err)
		}
		for i, v := range got {
			if v != i {
				t.Fatalf("jobs=%d: position %d holds item %d", jobs, i, v)
			}
		}
		if len(got) != len(items) {
			t.Fatalf("jobs=%d: %d results, want %d", jobs, len(got), len(items))
		}
	}
}

func TestMapBoundsInFlight(t *testing.T) {
	items := make([]int, 100)
	var inFlight, maxSeen atomic.Int64
	err := Map(context.Background(), items, 2,
		func(_ context.Context, _ int, _ int) (int, error) {
			n := inFlight.Add(1)
			for {
				m := maxSeen.Load()
				if n <= m || maxSeen.CompareAndSwap(m, n) {
					break
				}
			}
			time.Sleep(100 * time.Microsecond)
			return 0, nil
		},
		func(int, int, int, error) error {
			inFlight.Add(-1)
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	if m := maxSeen.Load(); m > 4 {
		t.Fatalf("%d results waited at once, want at most 2*jobs = 4", m)
	}
}

func TestMapPassesWorkErrorsAndStopsOnEmitError(t *testing.T) {
	items := []int{0, 1, 2, 3, 4, 5}
	boom := errors.New("boom")
	var seen []int
	err := Map(context.Background(), items, 2,
		func(_ context.Context, _ int, in int) (int, error) {
			if in == 1 {
				return 0, boom
			}
			return in, nil
		},
		func(i, in, out int, err error) error {
			seen = append(seen, in)
			if in == 1 && !errors.Is(err, boom) {
				t.Errorf("item 1: err = %v, want boom", err)
			}
			if in == 3 {
				return errors.New("stop")
			}
			return nil
		})
	if err == nil || err.Error() != "stop" {
		t.Fatalf("err = %v, want stop", err)
	}
	if fmt.Sprint(seen) != "[0 1 2 3]" {
		t.Fatalf("emitted %v, want [0 1 2 3]", seen)
	}
}

func TestMapCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	items := make([]int, 1000)
	n := 0
	err := Map(ctx, items, 2,
		func(ctx context.Context, _ int, _ int) (int, error) { return 0, nil },
		func(int, int, int, error) error {
			n++
			if n == 10 {
				cancel()
			}
			return nil
		})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if n != 10 {
		t.Fatalf("emitted %d after cancel at 10", n)
	}
}

// A run cancelled before it starts reports the cancellation, whichever
// way the race between producer and cancellation goes.
func TestMapCancelledBeforeStart(t *testing.T) {
	for i := 0; i < 200; i++ {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		err := Map(ctx, []int{1, 2, 3}, 2,
			func(context.Context, int, int) (int, error) { return 0, nil },
			func(int, int, int, error) error { return nil })
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("try %d: err = %v, want context.Canceled", i, err)
		}
	}
}

// A slow item does not stop the other workers while the window holds
// small items: they go on with the items after it (a shallow window of
// 2*jobs would wait for it after 2*jobs-1 of them).
func TestWindowGoesPastASlowItem(t *testing.T) {
	const n = 40
	items := make([]int, n)
	for i := range items {
		items[i] = i
	}
	var others atomic.Int64
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var got []int
	// a meter that never finds the CPU short: the slow item waits for the
	// others, so a worker parked by a loaded machine (the real meter, and
	// the process's controller state that other tests leave) would hang it
	free := &fakeCPUMeter{rate: 2, wait: 0}
	err := mapSeq(ctx, slices.Values(items), 2, window[int]{weight: func(int) int64 { return 1 }, meter: free, period: time.Millisecond},
		func(ctx context.Context, _ int, in int) (int, error) {
			if in != 0 {
				others.Add(1)
				return in, nil
			}
			// the slow item: done once 20 items after it are
			for others.Load() < 20 {
				select {
				case <-ctx.Done():
					return 0, ctx.Err()
				case <-time.After(time.Millisecond):
				}
			}
			return 0, nil
		},
		func(_ int, _ int, out int, err error) error {
			if err != nil {
				return err
			}
			got = append(got, out)
			return nil
		})
	if err != nil {
		t.Fatalf("the workers waited for the slow item: %v (%d others done)", err, others.Load())
	}
	if !slices.Equal(got, items) {
		t.Fatalf("out of order: %v", got)
	}
}

// The window holds at most deepItems*jobs small items, and heavy items
// (their weights past the budget) only 2*jobs at once, like MapSeq.
func TestWindowBounds(t *testing.T) {
	for _, c := range []struct {
		weight int64
		want   int64
	}{{1, deepItems * 2}, {windowBudget, 4}, {4 * windowBudget, 4}} {
		items := make([]int, 200)
		var held, maxSeen atomic.Int64
		free := &fakeCPUMeter{rate: 2, wait: 0} // the bounds of two workers, whatever the machine's load
		err := mapSeq(context.Background(), slices.Values(items), 2, window[int]{weight: func(int) int64 { return c.weight }, meter: free, period: time.Millisecond},
			func(_ context.Context, _ int, _ int) (int, error) {
				n := held.Add(1)
				for {
					m := maxSeen.Load()
					if n <= m || maxSeen.CompareAndSwap(m, n) {
						break
					}
				}
				return 0, nil
			},
			func(int, int, int, error) error {
				time.Sleep(20 * time.Microsecond) // a slow writer: the window fills
				held.Add(-1)
				return nil
			})
		if err != nil {
			t.Fatal(err)
		}
		if m := maxSeen.Load(); m > c.want || c.weight == 1 && m < c.want/2 {
			t.Errorf("weight %d: %d items held at once, want at most %d", c.weight, m, c.want)
		}
	}
}

// A run with as many workers as Ps has a spare P (see spareProc) while it
// runs where nothing adapts, and from the moment the adaptation finds the
// CPU short where it does; none on free cores; the setting is put back
// after.
func TestSpareProc(t *testing.T) {
	if os.Getenv("GOMAXPROCS") != "" {
		t.Skip("GOMAXPROCS is set: left alone")
	}
	before := runtime.GOMAXPROCS(0)
	if before > runtime.NumCPU() {
		t.Skipf("GOMAXPROCS %d is over the %d CPUs already", before, runtime.NumCPU())
	}
	var during atomic.Int64
	run := func(win window[int], jobs int) {
		t.Helper()
		during.Store(0)
		err := mapSeq(context.Background(), slices.Values(make([]int, 40)), jobs, win,
			func(context.Context, int, int) (int, error) {
				time.Sleep(time.Millisecond)
				during.Store(max(during.Load(), int64(runtime.GOMAXPROCS(0))))
				return 0, nil
			},
			func(int, int, int, error) error { return nil })
		if err != nil {
			t.Fatal(err)
		}
		if got := runtime.GOMAXPROCS(0); got != before {
			t.Errorf("GOMAXPROCS %d after the run, want %d as before", got, before)
		}
	}
	if before >= 2 {
		// free cores: no spare P
		free := &fakeCPUMeter{rate: float64(before), wait: 0.1}
		run(window[int]{meter: free, period: time.Millisecond}, before)
		if got := during.Load(); got != int64(before) {
			t.Errorf("free cores: GOMAXPROCS %d during a run of %d workers, want %d", got, before, before)
		}
		// loaded: the spare P once a window finds the CPU short
		m := &loadedMeter{}
		m.active.Store(int64(before))
		run(window[int]{meter: m, period: time.Millisecond, onSet: func(k int) { m.active.Store(int64(k)) }}, before)
		if got := during.Load(); got != int64(before+1) {
			t.Errorf("loaded: GOMAXPROCS %d during a run of %d workers, want %d", got, before, before+1)
		}
	}
	// nothing adapts: from the start
	t.Setenv("ZHPOLICY_FIXED_JOBS", "1")
	run(window[int]{}, before)
	if got := during.Load(); got != int64(before+1) {
		t.Errorf("fixed: GOMAXPROCS %d during a run of %d workers, want %d", got, before, before+1)
	}
	// fewer workers than Ps: nothing changes
	err := Map(context.Background(), []int{1, 2, 3}, max(before-1, 1),
		func(context.Context, int, int) (int, error) {
			during.Store(int64(runtime.GOMAXPROCS(0)))
			return 0, nil
		},
		func(int, int, int, error) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if before > 1 && during.Load() != int64(before) {
		t.Errorf("GOMAXPROCS %d during a run of %d workers, want %d", during.Load(), before-1, before)
	}
}

// While workers are parked the scheduler has a P per running worker; the
// setting from before comes back when they all run and at the end.
func TestProcsFollowParkedWorkers(t *testing.T) {
	before := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(before)
	runtime.GOMAXPROCS(3)
	p := &procsFollow{jobs: 2, cpus: 1}
	p.set(1)
	if got := runtime.GOMAXPROCS(0); got != 1 {
		t.Fatalf("parked at one worker: GOMAXPROCS %d, want 1", got)
	}
	p.set(1)
	p.set(2)
	if got := runtime.GOMAXPROCS(0); got != 3 {
		t.Fatalf("every worker again: GOMAXPROCS %d, want 3 (as before)", got)
	}
	p.set(1)
	p.end()
	if got := runtime.GOMAXPROCS(0); got != 3 {
		t.Fatalf("after the run: GOMAXPROCS %d, want 3", got)
	}
	var none *procsFollow
	none.set(1)
	none.end()
	if got := runtime.GOMAXPROCS(0); got != 3 {
		t.Fatalf("a nil procsFollow changed GOMAXPROCS to %d", got)
	}
}

// Two loops parked at once: only the first changes GOMAXPROCS, and the
// setting from before comes back whatever order they end in.
func TestProcsFollowTwoLoops(t *testing.T) {
	before := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(before)
	runtime.GOMAXPROCS(4)
	a, b := &procsFollow{jobs: 3, cpus: 1}, &procsFollow{jobs: 2, cpus: 1}
	a.set(2)
	b.set(1) // another loop parks while a holds the setting: left alone
	if got := runtime.GOMAXPROCS(0); got != 2 {
		t.Fatalf("GOMAXPROCS %d after a parked at 2 and b at 1, want 2 (a's)", got)
	}
	a.end()
	b.end()
	if got := runtime.GOMAXPROCS(0); got != 4 {
		t.Fatalf("GOMAXPROCS %d after both ended, want 4", got)
	}
	b.set(1) // free again: b may follow now
	if got := runtime.GOMAXPROCS(0); got != 1 {
		t.Fatalf("GOMAXPROCS %d after b parked alone, want 1", got)
	}
	b.end()
	if got := runtime.GOMAXPROCS(0); got != 4 {
		t.Fatalf("GOMAXPROCS %d at the end, want 4", got)
	}
}

// Parked on a machine of more CPUs than running workers, the scheduler
// keeps a P per CPU (what -j 1 has), not one per worker; never more than
// before the park.
func TestProcsFollowKeepsTheCPUsPs(t *testing.T) {
	before := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(before)
	runtime.GOMAXPROCS(3) // 2 CPUs and the spare P of a loaded run
	p := &procsFollow{jobs: 2, cpus: 2}
	p.set(1)
	if got := runtime.GOMAXPROCS(0); got != 2 {
		t.Fatalf("parked at one worker on 2 CPUs: GOMAXPROCS %d, want 2", got)
	}
	p.end()
	if got := runtime.GOMAXPROCS(0); got != 3 {
		t.Fatalf("after the run: GOMAXPROCS %d, want 3", got)
	}
	for _, c := range []struct{ k, saved, cpus, want int }{
		{1, 3, 2, 2}, {1, 2, 2, 2}, {1, 1, 2, 1}, {2, 8, 4, 4}, {3, 4, 1, 3}, {0, 3, 1, 1},
	} {
		if got := parkedProcs(c.k, c.saved, c.cpus); got != c.want {
			t.Errorf("parkedProcs(%d, %d, %d) = %d, want %d", c.k, c.saved, c.cpus, got, c.want)
		}
	}
}
