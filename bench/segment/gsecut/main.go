// Command gsecut cuts every line of a file with gse's own Cut (HMM off;
// gse's dictionary loaded the ordinary way, LoadDictEmbed("zh_s")) and
// prints the harness's result line (bench/segment/run.sh).
//
//	go run ./bench/segment/gsecut FILE
package main

import (
	"os"
	"time"

	"github.com/go-ego/gse"

	"zhpolicy/bench/segment/internal/harness"
)

func main() {
	t0 := time.Now()
	g := gse.Segmenter{SkipLog: true, NotLoadHMM: true}
	if err := g.LoadDictEmbed("zh_s"); err != nil {
		panic(err)
	}
	harness.Run("gse", os.Args[1], time.Since(t0), func(l string) int {
		return len(g.Cut(l, false))
	})
}
