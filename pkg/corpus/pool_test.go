package corpus

import (
	"sync"
	"testing"
)

// Every Do's addition lands in one accumulator, and no two Do share a accumulator at once.
func TestPoolAccumulates(t *testing.T) {
	type acc struct {
		n    int
		busy bool
	}
	s := NewPool(3, func() *acc { return &acc{} })
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 1000 {
				s.Do(func(a *acc) {
					if a.busy {
						t.Error("a accumulator held by two calls at once")
					}
					a.busy = true
					a.n++
					a.busy = false
				})
			}
		}()
	}
	wg.Wait()
	if len(s.all) != 3 {
		t.Fatalf("%d accumulators, want 3", len(s.all))
	}
	for _, a := range s.all {
		if a.n == 0 {
			t.Logf("an accumulator took nothing (the scheduler ran one call at a time)")
		}
	}
	total := s.Fold(&acc{}, func(into, from *acc) { into.n += from.n })
	if total.n != 8000 {
		t.Errorf("%d additions, want 8000", total.n)
	}
}

// Fold adds the rest and every sum into the first sum.
func TestPoolFold(t *testing.T) {
	s := NewPool(3, func() *int { return new(int) })
	for i := range 10 {
		s.Do(func(acc *int) { *acc += i })
	}
	rest := 100
	total := s.Fold(&rest, func(into, from *int) { *into += *from })
	if *total != 145 || total != s.all[0] {
		t.Errorf("Fold: %d (the first sum: %v), want 145 in the first sum", *total, total == s.all[0])
	}
}

// One caller at a time always gets the same accumulator (the last given
// back), so that a worker running alone fills one accumulator only.
func TestPoolOneCallerUsesOneAccumulator(t *testing.T) {
	s := NewPool(3, func() *int { return new(int) })
	for range 10 {
		s.Do(func(acc *int) { *acc++ })
	}
	if *s.all[0] != 10 || *s.all[1] != 0 || *s.all[2] != 0 {
		t.Fatalf("accumulators %d %d %d, want 10 0 0", *s.all[0], *s.all[1], *s.all[2])
	}
	// more callers than accumulators: Do waits for one and never shares it
	s = NewPool(1, func() *int { return new(int) })
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 500 {
				s.Do(func(acc *int) { *acc++ })
			}
		}()
	}
	wg.Wait()
	if *s.all[0] != 2000 {
		t.Fatalf("%d additions, want 2000", *s.all[0])
	}
}
