// Command gojieba cuts every line of a file with gojieba (cppjieba, C++,
// through cgo; its own dictionary; Cut with HMM off) and prints the same
// result line as bench/segment's other programs. It is a module of its own
// so that the project's module never depends on gojieba or cgo; run.sh
// builds it.
//
//	go run . FILE
package main

import (
	"fmt"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/yanyiwu/gojieba"
)

func cpu() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// the loop of bench/segment/internal/harness, repeated here (another module)
func main() {
	t0 := time.Now()
	x := gojieba.NewJieba()
	defer x.Free()
	load := time.Since(t0)
	b, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	text := string(b)
	lines := strings.Split(text, "\n")
	warm := 0
	for _, l := range lines {
		if warm > 1<<20 {
			break
		}
		x.Cut(l, false)
		warm += len(l) + 1
	}
	tokens := 0
	c0, w0 := cpu(), time.Now()
	for _, l := range lines {
		tokens += len(x.Cut(l, false))
	}
	c, w := cpu()-c0, time.Since(w0)
	fmt.Printf("gojieba %d %d %d %.4f %.4f %.4f\n", len(text), len(lines), tokens, c.Seconds(), w.Seconds(), load.Seconds())
}
