package reuse

import (
	"context"
	"fmt"
	"math/rand"
	"testing"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/script"
)

func BenchmarkSketch(b *testing.B) {
	text := prose(rand.New(rand.NewSource(1)), 400)
	in := analysis.NewInput("d", text, script.Simplified, nil)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewSketch(Doc{Name: "d", In: in}, Params{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAlign(b *testing.B) {
	rng := rand.New(rand.NewSource(2))
	a := []rune(prose(rng, 8))
	c := append([]rune(nil), a...)
	for i := 0; i < len(c); i += 17 {
		c[i] = '改'
	}
	al := &aligner{}
	b.SetBytes(int64(len(a) * len(c)))
	b.ReportAllocs()
	for b.Loop() {
		al.align(a, c)
	}
}

// BenchmarkFind: 40 documents, 8 of them sharing a passage.
func BenchmarkFind(b *testing.B) {
	rng := rand.New(rand.NewSource(3))
	shared := prose(rng, 30)
	x, _ := NewIndex(Params{})
	var size int
	for i := 0; i < 40; i++ {
		text := prose(rng, 60)
		if i%5 == 0 {
			text += shared
		}
		size += len(text)
		s, _ := NewSketch(Doc{Name: fmt.Sprint(i), In: analysis.NewInput("d", text, script.Simplified, nil)}, Params{})
		x.Add(s)
	}
	for _, jobs := range []int{1, 2} {
		b.Run(fmt.Sprintf("jobs=%d", jobs), func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := x.Find(context.Background(), Options{Jobs: jobs}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
