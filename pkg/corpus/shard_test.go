package corpus

import (
	"fmt"
	"testing"

	"zhpolicy/pkg/input"
)

func TestShards(t *testing.T) {
	var srcs []input.Source
	for i := 0; i < 1000; i++ {
		srcs = append(srcs, input.Source{Path: fmt.Sprintf("corpus/dir%d/doc%04d.txt", i%7, i)})
	}
	for _, n := range []int{1, 2, 4, 7} {
		seen := map[string]int{}
		for i := 1; i <= n; i++ {
			part := Shard{I: i, N: n}.Filter(srcs)
			if n > 1 && (len(part) < 1000/n/2 || len(part) > 2*1000/n) {
				t.Errorf("shard %d/%d has %d of 1000 inputs: badly balanced", i, n, len(part))
			}
			for _, s := range part {
				seen[s.Path]++
			}
		}
		if len(seen) != len(srcs) {
			t.Errorf("n=%d: %d inputs taken, want %d", n, len(seen), len(srcs))
		}
		for p, c := range seen {
			if c != 1 {
				t.Errorf("n=%d: %s taken %d times", n, p, c)
			}
		}
	}
	// the same path however it is written
	if Of("a/./b.txt", 5) != Of("a/b.txt", 5) {
		t.Error("a/./b.txt and a/b.txt are in different shards")
	}
	// fixed values: the split must never change between versions, or shards
	// run with different versions would overlap
	for _, c := range []struct {
		path    string
		n, want int
	}{{"gwr/2019.txt", 4, 3}, {"gwr/2019.txt", 7, 7}, {"corpus/a.txt", 4, 4}, {"corpus/a.txt", 7, 1}, {"x", 7, 4}} {
		if got := Of(c.path, c.n); got != c.want {
			t.Errorf("Of(%q, %d) = %d", c.path, c.n, got)
		}
	}
	for _, bad := range []string{"0/3", "4/3", "x/2", "1", "1/0", ""} {
		if _, err := ParseShard(bad); err == nil {
			t.Errorf("ParseShard(%q) accepted", bad)
		}
	}
	if s, err := ParseShard("2/8"); err != nil || s != (Shard{2, 8}) {
		t.Errorf("ParseShard(2/8) = %v, %v", s, err)
	}
}
