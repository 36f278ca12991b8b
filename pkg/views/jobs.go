package views

import (
	"sync"

	"zhpolicy/pkg/report"
)

// WriteJobs writes the view as Write does, with its tables rendered on up
// to jobs goroutines at once first (report.Writer.Prepare) and written in
// their order: a corpus-level view of several big tables (network's nodes
// and edges) is not rendered on one core after a -j run. The output is
// Write's, byte for byte.
func (v *View) WriteJobs(w *report.Writer, format string, jobs int) error {
	tables := v.tables(format)
	if jobs < 2 || len(tables) < 2 {
		return v.Write(w, format)
	}
	prepared := make([]*report.Prepared, len(tables))
	errs := make([]error, len(tables))
	sem := make(chan struct{}, jobs)
	var wg sync.WaitGroup
	for i, t := range tables {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			prepared[i], errs[i] = w.Prepare(t)
		}()
	}
	wg.Wait()
	if format == "json" && v.Meta != nil {
		w.Meta(v.Meta...)
	}
	for i, p := range prepared {
		if errs[i] != nil {
			return errs[i]
		}
		if err := w.WritePrepared(p); err != nil {
			return err
		}
	}
	return nil
}
