package corpus

// Pool holds accumulators of a corpus-level result, one per worker, for
// work that merges each document's result on its worker rather than in
// the ordered emit (where, with several workers, the merging of every
// document falls on one goroutine). It is for results whose merge is
// associative and commutative, so that the sum of the accumulators, in any
// order, is the sum of the documents; the accumulators are merged at the end.
type Pool[T any] struct {
	free chan T
	all  []T
}

// NewPool makes n accumulators (at least one) with newAcc.
func NewPool[T any](n int, newAcc func() T) *Pool[T] {
	n = max(n, 1)
	s := &Pool[T]{free: make(chan T, n), all: make([]T, n)}
	for i := range s.all {
		s.all[i] = newAcc()
		s.free <- s.all[i]
	}
	return s
}

// Do calls f with an accumulator no other call of Do holds meanwhile;
// with as many accumulators as workers, it never waits.
func (s *Pool[T]) Do(f func(acc T)) {
	acc := <-s.free
	defer func() { s.free <- acc }()
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
