// Command profile runs one zhpolicy command line in-process with a CPU
// profile and an execution trace, to find what is serial in a -j run:
//
//	go run ./bench/scale/profile -cpu cpu.out -trace trace.out -- reuse -q -j 2 ../shared/corpus
//	go tool pprof -top cpu.out
//	go tool trace -pprof=sync trace.out > sync.out  # or open trace.out in the viewer
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"runtime/trace"
	"time"

	"zhpolicy/internal/gctune"
	"zhpolicy/pkg/cmd/root"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/iostreams"
)

func main() {
	cpu := flag.String("cpu", "", "write a CPU profile to `file`")
	tr := flag.String("trace", "", "write an execution trace to `file`")
	flag.Parse()
	if err := run(*cpu, *tr, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "profile:", err)
		os.Exit(2)
	}
}

func run(cpu, tr string, args []string) error {
	if cpu != "" {
		f, err := os.Create(cpu)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if tr != "" {
		f, err := os.Create(tr)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := trace.Start(f); err != nil {
			return err
		}
		defer trace.Stop()
	}
	gctune.Start()
	start := time.Now()
	code := root.Run(context.Background(), cmdutil.New(iostreams.System(), "profile"), args)
	fmt.Fprintf(os.Stderr, "profile: exit %d, %.3f s\n", code, time.Since(start).Seconds())
	return nil
}
