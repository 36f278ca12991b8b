package reuse

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// Writes and reads across the store's blocks give back what was written.
func TestStoreBlocks(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var s store
	var all []byte
	for len(all) < 3*storeBlock+1000 {
		b := make([]byte, rng.IntN(200_000))
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		at, err := s.write(b)
		if err != nil {
			t.Fatal(err)
		}
		if at != int64(len(all)) {
			t.Fatalf("written at %d, want %d", at, len(all))
		}
		all = append(all, b...)
	}
	for range 200 {
		from := rng.IntN(len(all))
		to := from + rng.IntN(min(len(all)-from, 2*storeBlock)+1)
		got := make([]byte, to-from)
		if err := s.readAt(got, int64(from)); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, all[from:to]) {
			t.Fatalf("read [%d, %d): not what was written", from, to)
		}
	}
}
