package gctune

import "testing"

func TestLimit(t *testing.T) {
	const mib = 1 << 20
	for _, c := range []struct {
		live uint64
		want int64
	}{
		{0, Floor},
		{100 * mib, Floor},
		{300 * mib, 750 * mib},   // Headroom
		{360 * mib, 900 * mib},   // Headroom reaches Ceiling
		{500 * mib, Ceiling},     // capped
		{720 * mib, Ceiling},     // MinHeadroom reaches Ceiling
		{1000 * mib, 1250 * mib}, // MinHeadroom
		{4000 * mib, 5000 * mib}, // MinHeadroom
	} {
		if got := Limit(c.live); got != c.want {
			t.Errorf("Limit(%d MiB) = %d MiB, want %d MiB", c.live/mib, got/mib, c.want/mib)
		}
	}
}
