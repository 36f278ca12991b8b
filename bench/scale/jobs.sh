#!/usr/bin/env bash
# -j scaling: every corpus command over the shared corpus with -j 1 and -j 2,
# alternating, ROUNDS rounds; median wall seconds and the speed-up. The load
# average before each command is printed, so that a table measured on a busy
# machine says so (the target, ×1.8 on 2 cores, is for idle ones), and the
# CPU time (user + system) of each, which load does not change much: on a
# busy machine the wall times say how the run shares the CPUs, the CPU
# times what -j 2 costs in work. Times are bash's (milliseconds; /usr/bin/time
# counts in 10 ms steps, coarse for the short commands). -j 1 and -j 2 take
# turns in going first.
# ZP_COMMANDS=FILE: other command lines than bench/scale/commands.txt;
# ZP_INPUT=DIR: another input than the shared corpus; ZP_COPIES=N: the input
# copied N times into one directory (a bigger input of the same documents:
# what a fixed cost of the run, start-up or a pass's ramp, weighs).
#
#   bash bench/scale/jobs.sh [ROUNDS] > table.md
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=bench/scale/common.sh
. bench/scale/common.sh "$@"
if [ "${ZP_COPIES:-1}" -gt 1 ]; then
	for i in $(seq "$ZP_COPIES"); do cp -r "$corpus" "$work/input/c$i" 2>/dev/null || { mkdir -p "$work/input" && cp -r "$corpus" "$work/input/c$i"; }; done
	corpus=$work/input
fi
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $rounds rounds, input $corpus ($(du -sb "$corpus" | cut -f1) bytes), load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| command | -j 1 wall s | -j 2 wall s | speed-up | -j 1 CPU s | -j 2 CPU s | load average (1 min) before |"
echo "|---|---|---|---|---|---|---|"
# the commands: bench/scale/commands.txt, one command line each
while IFS= read -r cmd; do
	[ -z "$cmd" ] && continue
	load=$(cut -d' ' -f1 /proc/loadavg)
	: >"$work/j1"
	: >"$work/j2"
	: >"$work/c1"
	: >"$work/c2"
	for r in $(seq "$rounds"); do
		order="1 2"
		[ $((r % 2)) = 0 ] && order="2 1"
		for j in $order; do
			TIMEFORMAT='%3R %3U %3S'
			# shellcheck disable=SC2086 # the command line is words
			{ time $zp $cmd -q -j $j "$corpus" >/dev/null 2>&1 || true; } 2>"$work/t"
			awk '{print $1}' "$work/t" >>"$work/j$j"
			awk '{printf "%.3f\n", $2 + $3}' "$work/t" >>"$work/c$j"
		done
	done
	a=$(median <"$work/j1")
	b=$(median <"$work/j2")
	echo "| \`$cmd\` | $a | $b | $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", a/b}') | $(median <"$work/c1") | $(median <"$work/c2") | $load |"
done <"${ZP_COMMANDS:-bench/scale/commands.txt}"
