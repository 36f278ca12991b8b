package corpus

import "sync"

// Pool holds accumulators of a corpus-level result, one per worker, for
// work that merges each document's result on its worker rather than in
// the ordered emit (where, with several workers, the merging of every
// document falls on one goroutine). It is for results whose merge is
// associative and commutative, so that the sum of the accumulators, in any
// order, is the sum of the documents; the accumulators are merged at the end.
//
// Do hands out the accumulator given back last (a stack): one worker
// running alone (-j 1 work, or the workers parked at one on a loaded
// machine) adds every document to the same accumulator, rather than to
// each in turn, where every accumulator grew to the whole vocabulary and
// the final merge had all of them to add (freq -j 2 parked at one under
// load: 4% more CPU than -j 1).
type Pool[T any] struct {
	mu   sync.Mutex
	cond *sync.Cond
	free []T // the accumulators not held, the last given back at the end
	all  []T
}

// NewPool makes n accumulators (at least one) with newAcc.
func NewPool[T any](n int, newAcc func() T) *Pool[T] {
	n = max(n, 1)
	s := &Pool[T]{free: make([]T, 0, n), all: make([]T, n)}
	s.cond = sync.NewCond(&s.mu)
	for i := range s.all {
		s.all[i] = newAcc()
	}
	for i := n - 1; i >= 0; i-- { // the first accumulator is handed out first
		s.free = append(s.free, s.all[i])
	}
	return s
}

// Do calls f with an accumulator no other call of Do holds meanwhile;
// with as many accumulators as workers, it never waits.
func (s *Pool[T]) Do(f func(acc T)) {
	s.mu.Lock()
	for len(s.free) == 0 {
		s.cond.Wait()
	}
	acc := s.free[len(s.free)-1]
	s.free = s.free[:len(s.free)-1]
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.free = append(s.free, acc)
		s.mu.Unlock()
		s.cond.Signal()
	}()
	f(acc)
}

// Fold adds the pool's sums and rest (what was added outside the pool)
// with merge, once every Do has returned: the first sum takes in rest and
// the others, rather than all being copied into an empty total. It returns
// the total, which is the first sum.
func (s *Pool[T]) Fold(rest T, merge func(into, from T)) T {
	total := s.all[0]
	merge(total, rest)
	for _, sum := range s.all[1:] {
		merge(total, sum)
	}
	return total
}
