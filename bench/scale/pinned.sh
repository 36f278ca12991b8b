#!/usr/bin/env bash
# The scaling of the parallel part itself, beside jobs.sh's -j 2 / -j 1:
# every corpus command with -j 1 pinned to one core (taskset -c 0: the
# worker, the reader, the emit, the collector and the runtime all share
# that core) against -j 2 on two cores, alternating, ROUNDS rounds, median
# wall seconds. -j 1 unpinned is measured in the same rounds, so that the
# table shows what the second core gives a -j 1 run (its collector and
# emit beside the worker). Information, not a target: the target is
# jobs.sh's -j 2 / -j 1. The load average before each command is printed.
#
#   bash bench/scale/pinned.sh [ROUNDS] > table.md
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=bench/scale/common.sh
. bench/scale/common.sh "$@"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $rounds rounds, input $corpus, load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| command | -j 1 pinned s | -j 1 s | -j 2 s | -j 2 / -j 1 pinned | -j 2 / -j 1 | load average (1 min) before |"
echo "|---|---|---|---|---|---|---|"
while IFS= read -r cmd; do
	[ -z "$cmd" ] && continue
	load=$(cut -d' ' -f1 /proc/loadavg)
	: >"$work/p"
	: >"$work/j1"
	: >"$work/j2"
	for r in $(seq "$rounds"); do
		order="p j1 j2"
		[ $((r % 3)) = 1 ] && order="j1 j2 p"
		[ $((r % 3)) = 2 ] && order="j2 p j1"
		for v in $order; do
			TIMEFORMAT='%3R'
			case $v in
			p) # shellcheck disable=SC2086 # the command line is words
				{ time taskset -c 0 $zp $cmd -q -j 1 "$corpus" >/dev/null 2>&1 || true; } 2>>"$work/p" ;;
			j1) # shellcheck disable=SC2086
				{ time $zp $cmd -q -j 1 "$corpus" >/dev/null 2>&1 || true; } 2>>"$work/j1" ;;
			j2) # shellcheck disable=SC2086
				{ time $zp $cmd -q -j 2 "$corpus" >/dev/null 2>&1 || true; } 2>>"$work/j2" ;;
			esac
		done
	done
	p=$(median <"$work/p")
	a=$(median <"$work/j1")
	b=$(median <"$work/j2")
	echo "| \`$cmd\` | $p | $a | $b | $(awk -v a="$p" -v b="$b" 'BEGIN {printf "%.2f", a/b}') | $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", a/b}') | $load |"
done <"${ZP_COMMANDS:-bench/scale/commands.txt}"
