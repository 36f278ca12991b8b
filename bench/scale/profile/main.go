// Command profile runs one zhpolicy command line in-process with a CPU
// profile and an execution trace, to find what is serial in a -j run:
//
//	go run ./bench/scale/profile -cpu cpu.out -trace trace.out -- reuse -q -j 2 ../shared/corpus
//	go tool pprof -top cpu.out
//	go tool trace -pprof=sync trace.out > sync.out  # or open trace.out in the viewer
//	go run ./bench/scale/profile -mem mem.out -- freq -q -j 1 ../shared/corpus
//	go tool pprof -sample_index=alloc_space -top mem.out
//
// It prints the run's wall time, its allocations (bytes and objects) and the
// share of its CPU spent in the collector (runtime/metrics).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime/metrics"
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
	mem := flag.String("mem", "", "write an allocation profile to `file`")
	flag.Parse()
	if err := run(*cpu, *tr, *mem, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "profile:", err)
		os.Exit(2)
	}
}

func run(cpu, tr, mem string, args []string) error {
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
	wall := time.Since(start).Seconds()
	ms := []metrics.Sample{
		{Name: "/gc/heap/allocs:bytes"}, {Name: "/gc/heap/allocs:objects"},
		{Name: "/cpu/classes/gc/total:cpu-seconds"}, {Name: "/cpu/classes/total:cpu-seconds"},
		{Name: "/cpu/classes/idle:cpu-seconds"}, {Name: "/gc/cycles/total:gc-cycles"},
	}
	metrics.Read(ms)
	gc, all, idle := ms[2].Value.Float64(), ms[3].Value.Float64(), ms[4].Value.Float64()
	fmt.Fprintf(os.Stderr, "profile: exit %d, %.3f s, allocated %.1f MB in %d objects, %d GCs, GC %.2f of %.2f busy CPU s (%.1f%%)\n",
		code, wall, float64(ms[0].Value.Uint64())/1e6, ms[1].Value.Uint64(), ms[5].Value.Uint64(), gc, all-idle, 100*gc/(all-idle))
	if mem != "" {
		f, err := os.Create(mem)
		if err != nil {
			return err
		}
		defer f.Close()
		return pprof.Lookup("allocs").WriteTo(f, 0)
	}
	return nil
}
