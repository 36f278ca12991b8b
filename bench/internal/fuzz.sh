# Sourced by bench/fuzz/run.sh and bench/intake/fuzz.sh: one fuzz target run
# the way both measure it.
#
#   fuzz_target PACKAGE TARGET TIME
#
# runs `go test -fuzz` on one core (PARALLEL, default 1) with a bounded
# minimisation per new input (-fuzzminimizetime=50x) and sets: fuzz_rc (go
# test's exit code), fuzz_out (its output), fuzz_last (its last progress
# line), fuzz_execs, fuzz_rate (executions a second), fuzz_interesting.
fuzz_target() {
	fuzz_out=$(go test -run='^$' -fuzz="^$2\$" -fuzztime="$3" -fuzzminimizetime=50x -parallel="${PARALLEL:-1}" "$1" 2>&1)
	fuzz_rc=$?
	fuzz_last=$(echo "$fuzz_out" | grep -E '^fuzz: elapsed' | tail -n 1)
	fuzz_execs=$(echo "$fuzz_last" | sed -n 's/.*execs: \([0-9]*\).*/\1/p')
	local secs
	secs=$(echo "$fuzz_last" | sed -n 's/.*elapsed: \([0-9hms]*\),.*/\1/p')
	fuzz_interesting=$(echo "$fuzz_last" | sed -n 's/.*new interesting: \([0-9]*\).*/\1/p')
	fuzz_rate=$(python3 -c "import re,sys; t=sys.argv[2]; s=sum(int(n)*{'h':3600,'m':60,'s':1}[u] for n,u in re.findall(r'(\d+)([hms])',t)) or 1; print(int(int(sys.argv[1] or 0)/s))" "$fuzz_execs" "$secs")
}
