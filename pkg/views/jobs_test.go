package views

import (
	"bytes"
	"fmt"
	"testing"

	"zhpolicy/pkg/report"
)

func TestWriteJobsWritesWhatWriteWrites(t *testing.T) {
	table := func(name string, n int) *report.Table {
		tb := &report.Table{Name: name, Title: name, Columns: []report.Column{{Name: "term"}, {Name: "count", Align: report.Right}}}
		for i := 0; i < n; i++ {
			tb.Rows = append(tb.Rows, []any{fmt.Sprintf("词%d", i*7%n), i})
		}
		return tb
	}
	v := &View{Meta: []report.KV{{Key: "kind", Value: "test"}},
		Machine: []*report.Table{table("nodes", 300), table("edges", 40), table("empty", 0)}, Flat: table("flat", 30)}
	for _, format := range report.Formats {
		write := func(jobs int) string {
			var b bytes.Buffer
			w, err := report.NewWriter(&b, format, report.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if jobs == 0 {
				err = v.Write(w, format)
			} else {
				err = v.WriteJobs(w, format, jobs)
			}
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			return b.String()
		}
		want := write(0)
		if want == "" {
			t.Fatalf("%s: nothing written", format)
		}
		for _, jobs := range []int{1, 2, 3} {
			if got := write(jobs); got != want {
				t.Errorf("%s, %d jobs: output differs from Write's:\n%s\nwant:\n%s", format, jobs, got, want)
			}
		}
	}
}
