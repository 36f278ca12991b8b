package network

import (
	"fmt"
	"io"
	"math/rand"
	"testing"
)

func BenchmarkCooccurrence(b *testing.B) {
	rng := rand.New(rand.NewSource(1))
	var docs [][][]Item
	for d := 0; d < 100; d++ {
		var ws [][]Item
		for s := 0; s < 50; s++ {
			var w []Item
			for k := 0; k < 4; k++ {
				key := fmt.Sprint("term", rng.Intn(500))
				w = append(w, Item{Key: key, Label: key})
			}
			ws = append(ws, w)
		}
		docs = append(docs, ws)
	}
	b.ReportAllocs()
	for b.Loop() {
		c := NewCounts(Settings{Kind: KindCooccurrence, Window: "sentence"})
		for _, d := range docs {
			c.AddWindows(d, 2020)
		}
		g := c.Graph(GraphOptions{})
		if err := WriteGEXF(io.Discard, g, ""); err != nil {
			b.Fatal(err)
		}
	}
}
