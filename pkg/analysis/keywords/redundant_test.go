package keywords

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// dropRedundantPairs is the definition dropRedundant implements with
// lookups: every term tested against every kept one.
func dropRedundantPairs(kws []Keyword, idf IDF, top int, long bool) []Keyword {
	kept := kws[:0:0]
	for _, k := range kws {
		if top > 0 && len(kept) == top {
			break
		}
		redundant := false
		for _, b := range kept {
			if len(b.Key) == len(k.Key) {
				continue
			}
			if long && strings.Contains(b.Key, k.Key) && k.Count <= b.Count && !strings.Contains(b.parts, k.Key+"|") ||
				strings.Contains(k.Key, b.Key) && generic(idf, strings.Replace(k.Key, b.Key, "", 1)) {
				redundant = true
				break
			}
		}
		if !redundant {
			kept = append(kept, k)
		}
	}
	return kept
}

type testIDF map[string]float64

func (m testIDF) Lookup(k string) (float64, bool) { v, ok := m[k]; return v, ok }
func (m testIDF) Median() float64                 { return 10 }

// TestDropRedundantIsPairwise: the lookups give what testing every pair
// gives, on random rankings over a small alphabet (so that terms often
// contain each other), mixed Han and ASCII keys, phrases with parts, and
// generic remainders.
func TestDropRedundantIsPairwise(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"大", "湾", "区", "发", "展", "新", "质", "a", "b"}
	idf := testIDF{"发展": 1, "发": 2, "展": 30, "区": 1, "a": 1}
	dropped := 0
	for round := 0; round < 3000; round++ {
		n := rng.IntN(40)
		seen := map[string]bool{}
		var kws []Keyword
		for len(kws) < n {
			var sb strings.Builder
			for l := 1 + rng.IntN(5); l > 0; l-- {
				sb.WriteString(alphabet[rng.IntN(len(alphabet))])
			}
			key := sb.String()
			if seen[key] {
				continue
			}
			seen[key] = true
			k := Keyword{Key: key, Count: 1 + rng.IntN(4)}
			if rng.IntN(3) == 0 {
				k.parts = key[:len(key)/2] + "|"
			}
			kws = append(kws, k)
		}
		top := rng.IntN(4) * 5
		long := rng.IntN(2) == 0
		want := dropRedundantPairs(kws, idf, top, long)
		got := dropRedundant(kws, idf, top, long)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("top %d long %v over %v:\n got %v\nwant %v", top, long, keys(kws), keys(got), keys(want))
		}
		dropped += len(kws) - len(want)
	}
	if dropped == 0 {
		t.Fatal("no term was ever redundant: the test exercises nothing")
	}
}

func TestEachPart(t *testing.T) {
	var got []string
	eachPart("大湾区", func(s string) bool { got = append(got, s); return true })
	if want := []string{"大", "大湾", "湾", "湾区", "区"}; !reflect.DeepEqual(got, want) {
		t.Errorf("parts %q, want %q", got, want)
	}
	n := 0
	eachPart("abc", func(string) bool { n++; return n < 2 })
	if n != 2 {
		t.Errorf("eachPart went on after false: %d calls", n)
	}
}
