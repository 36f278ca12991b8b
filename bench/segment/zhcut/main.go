// Command zhcut cuts every line of a file with pkg/segment (precise, HMM
// off, the project's dictionary: gse's words under the policy words) and
// prints the harness's result line (bench/segment/run.sh).
//
//	go run ./bench/segment/zhcut FILE
package main

import (
	"os"
	"time"

	"zhpolicy/bench/segment/internal/harness"
	"zhpolicy/pkg/segment"
)

func main() {
	t0 := time.Now()
	seg, err := segment.New(segment.Config{})
	if err != nil {
		panic(err)
	}
	harness.Run("zhpolicy", os.Args[1], time.Since(t0), func(l string) int {
		toks, err := seg.Cut(l, segment.Options{})
		if err != nil {
			panic(err)
		}
		return len(toks)
	})
}
