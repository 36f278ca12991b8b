package entities

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// runes lists a set's members in order, whatever range they span (a digit
// and a Han character in one set span 20,000 code points).
func TestRuneSetRunes(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 200 {
		var in []rune
		for range rng.IntN(12) {
			switch rng.IntN(3) {
			case 0:
				in = append(in, '0'+rune(rng.IntN(10)))
			case 1:
				in = append(in, 0x4e00+rune(rng.IntN(0x5200)))
			default:
				in = append(in, rune(rng.IntN(0x110000)))
			}
		}
		want := slices.Clone(in)
		slices.Sort(want)
		want = slices.Compact(want)
		s := runeSetOf(in)
		if got := s.runes(); !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Fatalf("set %d of %q: runes %q, want %q", n, in, got, want)
		}
		for _, r := range want {
			if !s.has(r) {
				t.Fatalf("set of %q lacks %q", in, r)
			}
		}
	}
}
