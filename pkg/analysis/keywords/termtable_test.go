package keywords

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestTermTableAsMap checks the table against a map: keys of every length
// (one longer than a key chunk), enough of them to grow the index and fill
// several chunks of keys and entries; entries that stay put while the
// table grows; both walks.
func TestTermTableAsMap(t *testing.T) {
	tab, want := newTermTable(), map[string]bgEntry{}
	rng := rand.New(rand.NewPCG(1, 2))
	long := strings.Repeat("长", keyChunk/3+7) // more than a chunk
	first := tab.ref("第一")
	first.df = 7
	want["第一"] = bgEntry{df: 7}
	for i := range 3 * entChunk {
		k := fmt.Sprintf("词%d%s", rng.IntN(2*entChunk), strings.Repeat("字", i%9))
		if i == entChunk {
			k = long
		}
		e := tab.ref(k)
		e.df++
		e.count += int64(i)
		w := want[k]
		w.df++
		w.count += int64(i)
		want[k] = w
	}
	if first.df != 7 || tab.len() != len(want) || len(tab.keys) < 2 || len(tab.ents) < 2 {
		t.Fatalf("first entry %+v; %d terms, want %d; %d key chunks, %d entry chunks", *first, tab.len(), len(want), len(tab.keys), len(tab.ents))
	}
	for k, w := range want {
		if got, ok := tab.get(k); !ok || got != w {
			t.Fatalf("get(%.20q) = %+v %v, want %+v", k, got, ok, w)
		}
	}
	for _, k := range []string{"", "没有", long + "长", "词"} {
		if _, ok := tab.get(k); ok || tab.at(k) != nil {
			t.Errorf("get(%.20q): found a term never added", k)
		}
	}
	var seen []string
	tab.each(func(k string, e bgEntry) bool {
		if want[k] != e {
			t.Fatalf("each: %.20q %+v, want %+v", k, e, want[k])
		}
		seen = append(seen, k)
		return true
	})
	if seen[0] != "第一" || len(seen) != len(want) {
		t.Fatalf("each: %d terms, first %q", len(seen), seen[0])
	}
	var sorted []string
	tab.sortedEach(func(k string, _ bgEntry) bool {
		sorted = append(sorted, k)
		return true
	})
	if !slices.Equal(sorted, slices.Sorted(maps.Keys(want))) {
		t.Fatal("sortedEach: not the keys in order")
	}
}

// A background merged with itself counts its documents twice (the walk
// over its terms adds to the same table).
func TestBackgroundMergeItself(t *testing.T) {
	b := NewBackground()
	b.Add(&Terms{vocab: map[string]int32{"新质生产力": 2, "推进": 1}})
	if err := b.Merge(b); err != nil {
		t.Fatal(err)
	}
	if df, n := b.Lookup("新质生产力"); df != 2 || n != 4 || b.Docs() != 2 || b.Len() != 2 {
		t.Fatalf("merged with itself: %d %d, %d docs, %d terms; want 2 4, 2 docs, 2 terms", df, n, b.Docs(), b.Len())
	}
}
