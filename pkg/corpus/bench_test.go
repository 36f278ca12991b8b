package corpus

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"zhpolicy/pkg/input"
)

// spin is CPU work proportional to n.
func spin(n int) int {
	h := 0
	for i := 0; i < n; i++ {
		h = h*31 + i
	}
	return h
}

// BenchmarkWindow: 200 items of skewed cost (every 10th ten times the
// others), the order kept, on 1 and 2 workers, with the shallow window
// (2*jobs items) and the deep one the document loop uses. Compare the
// ns/op of jobs=1 and jobs=2 within one run.
func BenchmarkWindow(b *testing.B) {
	items := make([]int, 200)
	var size int64
	for i := range items {
		items[i] = 20_000
		if i%10 == 3 {
			items[i] = 200_000
		}
		size += int64(items[i])
	}
	for _, deep := range []bool{false, true} {
		for _, jobs := range []int{1, 2} {
			name := fmt.Sprintf("shallow/jobs=%d", jobs)
			win := window[int]{}
			if deep {
				name = fmt.Sprintf("deep/jobs=%d", jobs)
				win = window[int]{weight: func(n int) int64 { return int64(n) / 10 }}
			}
			b.Run(name, func(b *testing.B) {
				b.SetBytes(size)
				b.ReportAllocs()
				for b.Loop() {
					sum := 0
					err := mapSeq(context.Background(), slices.Values(items), jobs, win,
						func(_ context.Context, _ int, n int) (int, error) { return spin(n), nil },
						func(_ int, _ int, h int, _ error) error { sum += h; return nil })
					if err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkRunClean: the document loop reading and cleaning 120 files
// (every 8th five times the size of the others) on 1 and 2 workers.
func BenchmarkRunClean(b *testing.B) {
	dir := b.TempDir()
	para := strings.Repeat("国务院关于进一步优化营商环境、推动高质量发展的若干意见。各地区各部门要认真贯彻落实。\n", 40)
	var srcs []input.Source
	var size int64
	for i := 0; i < 120; i++ {
		text := para
		if i%8 == 5 {
			text = strings.Repeat(para, 5)
		}
		path := filepath.Join(dir, fmt.Sprintf("%03d.txt", i))
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, input.Source{Path: path, Size: int64(len(text))})
		size += int64(len(text))
	}
	for _, jobs := range []int{1, 2} {
		b.Run(fmt.Sprintf("jobs=%d", jobs), func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				_, err := Run(context.Background(), Config{Jobs: jobs, Clean: true}, srcs, nil,
					func(_ context.Context, d *Doc) (int, error) { return len(d.Text), nil },
					func(*Doc, int) error { return nil })
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
