package corpus

import (
	"fmt"
	"hash/fnv"
	"path/filepath"
	"strconv"
	"strings"

	"zhpolicy/pkg/input"
)

// Shard is one of N shares of a corpus: --shard i/n takes the inputs whose
// path hashes to share i (1 ≤ i ≤ n). The split depends only on each path
// as it is listed (directories walked in lexical order give the same
// relative paths on every machine), never on the order of the listing or
// on the machine: n workers given the same arguments and shards 1/n … n/n
// take every input exactly once between them, without a shared list.
type Shard struct {
	I, N int
}

// ParseShard reads "i/n".
func ParseShard(s string) (Shard, error) {
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(strings.TrimSpace(a))
	n, err2 := strconv.Atoi(strings.TrimSpace(b))
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 1 || i > n {
		return Shard{}, fmt.Errorf("%q: use i/n with 1 ≤ i ≤ n, e.g. 2/8", s)
	}
	return Shard{I: i, N: n}, nil
}

// Of is the shard (1 … n) a path belongs to: FNV-1a (64 bits) of the path
// in slash form, cleaned, modulo n, plus one. Standard input is in shard 1.
func Of(path string, n int) int {
	if n <= 1 || path == "-" || path == input.StdinName {
		return 1
	}
	h := fnv.New64a()
	h.Write([]byte(filepath.ToSlash(filepath.Clean(path))))
	return int(h.Sum64()%uint64(n)) + 1
}

// Filter keeps the sources of this shard, in their order.
func (s Shard) Filter(srcs []input.Source) []input.Source {
	if s.N <= 1 {
		return srcs
	}
	var out []input.Source
	for _, src := range srcs {
		if Of(src.Path, s.N) == s.I {
			out = append(out, src)
		}
	}
	return out
}
