// Package corpus runs per-document work on a bounded pool of workers and
// hands the results back in input order, so output is the same whatever
// the number of workers; and it merges per-document counts into corpus
// totals.
package corpus

import (
	"context"
	"iter"
	"slices"
	"sync"
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
	if jobs < 1 {
		jobs = 1
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
		res chan result
	}
	// Tasks wait in order for their emit; with the one being emitted, at
	// most 2*jobs items are taken and not yet emitted.
	order := make(chan task, 2*jobs-1)
	todo := make(chan task)
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range todo {
				out, err := work(ctx, t.i, t.in)
				t.res <- result{out, err}
			}
		}()
	}
	var producer sync.WaitGroup
	producer.Add(1)
	go func() {
		defer producer.Done()
		defer close(todo)
		defer close(order)
		i := 0
		for in := range items {
			t := task{i: i, in: in, res: make(chan result, 1)}
			i++
			select {
			case order <- t: // blocks while window results wait for emit
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
		if err := emit(t.i, t.in, r.out, r.err); err != nil {
			runErr = err
			break
		}
		if err := ctx.Err(); err != nil {
			runErr = err
			break
		}
	}
	if runErr == nil && parent.Err() != nil {
		// cancelled before the producer handed anything over
		runErr = parent.Err()
	}
	cancel()
	for range order { // let the producer see the cancellation and stop
	}
	producer.Wait()
	wg.Wait()
	return runErr
}
