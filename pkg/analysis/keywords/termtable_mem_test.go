package keywords

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// BenchmarkTermMemory reports the heap a background's table takes per
// term (B/term), against a map of strings holding the same terms: keys of
// 2 to 6 Han characters, as a vocabulary of words and word sequences.
func BenchmarkTermMemory(b *testing.B) {
	const n = 1 << 20
	keys := make([]string, n)
	for i := range keys {
		var sb strings.Builder
		for j, x := 0, i; j < 2+i%5; j++ {
			sb.WriteRune(rune(0x4E00 + x%20000))
			x = x/7 + j*131
		}
		keys[i] = sb.String() + fmt.Sprint(i%97) // distinct enough
	}
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	for _, kind := range []string{"table", "map"} {
		b.Run(kind, func(b *testing.B) {
			for range b.N {
				before := heap()
				var keep any
				if kind == "table" {
					t := newTermTable()
					for _, k := range keys {
						t.ref(k).df++
					}
					keep = t
				} else {
					m := map[string]bgEntry{}
					for _, k := range keys {
						e := m[k]
						e.df++
						m[strings.Clone(k)] = e
					}
					keep = m
				}
				after := heap()
				runtime.KeepAlive(keep)
				b.ReportMetric(float64(after-before)/n, "B/term")
			}
		})
	}
}
