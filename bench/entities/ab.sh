#!/usr/bin/env bash
# Speed of entity recognition, this tree against a base commit, measured
# side by side in one run (issue 23): the Go benchmarks of
# pkg/analysis/entities (BenchmarkExtractReport: a provincial report of the
# shared corpus, segmented outside the timing; BenchmarkExtract: the
# testdata report repeated), each binary run alternately ROUNDS times with a
# fixed number of iterations; CPU seconds (user+sys, /usr/bin/time) minus
# the cost of a run of one iteration, medians, and the benchmark's own
# B/op and allocs/op.
#
#   bash bench/entities/ab.sh [BASE]     # BASE: a commit, default main
#   ROUNDS=9 N=100 bash bench/entities/ab.sh main
set -euo pipefail
cd "$(dirname "$0")/../.."
export ZHPOLICY_SHARED=${ZHPOLICY_SHARED:-$(cd .. && pwd)/shared}
BASE=${1:-main}
ROUNDS=${ROUNDS:-6}
N=${N:-60}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/base"
git archive "$BASE" | tar -x -C "$tmp/base"
(cd "$tmp/base" && go test -c -o "$tmp/base.test" ./pkg/analysis/entities/)
go test -c -o "$tmp/head.test" ./pkg/analysis/entities/
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
cd pkg/analysis/entities
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); base $(git rev-parse --short "$BASE"), head $(git rev-parse --short HEAD) + working tree"
for bench in ExtractReport Extract; do
	for v in base head; do
		/usr/bin/time -f "%U %S" -o "$tmp/$v.$bench.one" "$tmp/$v.test" -test.run '^$' -test.bench "^Benchmark$bench\$" -test.benchtime 1x >/dev/null 2>&1
	done
	for i in $(seq "$ROUNDS"); do
		for v in base head; do
			/usr/bin/time -f "%U %S" -a -o "$tmp/$v.$bench.cpu" "$tmp/$v.test" -test.run '^$' -test.bench "^Benchmark$bench\$" \
				-test.benchtime "${N}x" -test.benchmem 2>/dev/null | grep '^Benchmark' >"$tmp/$v.$bench.out"
		done
	done
	for v in base head; do
		one=$(awk '{print $1+$2}' "$tmp/$v.$bench.one")
		cpu=$(awk '{print $1+$2}' "$tmp/$v.$bench.cpu" | median)
		awk -v c="$cpu" -v o="$one" -v n="$N" '{printf "%s\t%.2f\t%s\t%s\n", $1, (c-o)*1000/(n-1), $(NF-3), $(NF-1)}' "$tmp/$v.$bench.out" >"$tmp/$v.$bench.row"
	done
done
echo
echo "| benchmark | base ms/op (CPU) | head ms/op (CPU) | head/base | base B/op | head B/op | base allocs/op | head allocs/op |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for bench in ExtractReport Extract; do
	paste "$tmp/base.$bench.row" "$tmp/head.$bench.row" | awk -F'\t' '{printf "| %s | %s | %s | %.2f | %s | %s | %s | %s |\n", $1, $2, $6, $6/$2, $3, $7, $4, $8}'
done
