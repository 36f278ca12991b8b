#!/usr/bin/env bash
# -j 2 against -j 1 with the machine as it is and under a controlled load,
# every corpus command, in one run: per round and command, -j 1 and -j 2
# as they are ("ambient"), then with a session of LOOPS busy loops started
# (setsid: its own session, so its own scheduling group under
# sched_autogroup) -j 1, -j 2 and -j 2 with the adaptation off
# (ZHPOLICY_FIXED_JOBS=1, what -j 2 did before), the loops stopped after.
# Median wall seconds of ROUNDS rounds, and the median CPU seconds (user
# + system) of the loaded runs (under a fixed share of the CPU the wall
# time follows the CPU time, and the CPU time is less noisy); the load
# average (1 min) before each command and the mean over its loaded runs.
# ZP_COMMANDS=FILE: other command lines than bench/scale/commands.txt;
# ZP_SESSIONS=N: N sessions of LOOPS busy loops each (a heavier load).
# ZP_REF=BINARY: also -j 2 with another build (loaded, adaptive), in the
# same rounds: an A/B of two builds under the same load.
#
#   bash bench/scale/loaded.sh [ROUNDS] [LOOPS] > table.md
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
loops=${2:-2}
corpus=${ZHPOLICY_SHARED:-$(pwd)/../shared}/corpus
[ -d "$corpus" ] || { echo "no $corpus" >&2; exit 1; }
work=$(mktemp -d)
sessions=${ZP_SESSIONS:-1}
loadpids=()
stopload() {
	for p in "${loadpids[@]}"; do
		kill -- "-$p" 2>/dev/null || true
		wait "$p" 2>/dev/null || true
	done
	loadpids=()
}
trap 'stopload; rm -rf "$work"' EXIT
startload() {
	for _ in $(seq "$sessions"); do
		# shellcheck disable=SC2016 # expanded by the inner shell
		setsid bash -c 'for _ in $(seq "$1"); do while :; do :; done & done; wait' _ "$loops" >/dev/null 2>&1 &
		loadpids+=("$!")
	done
	sleep 0.3
}
go build -o "$work/zhpolicy" ./cmd/zhpolicy
zp=$work/zhpolicy
median() { sort -n | awk '{a[NR]=$1} END {printf "%.2f\n", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
# run NAME JOBS [env...]: one timed run, its wall seconds appended to $work/NAME
run() {
	local name=$1 j=$2
	shift 2
	TIMEFORMAT='%3R %3U %3S'
	# shellcheck disable=SC2086 # the command line is words
	{ time env "$@" ${bin:-$zp} $cmd -q -j "$j" "$corpus" >/dev/null 2>&1 || true; } 2>"$work/t"
	awk '{print $1}' "$work/t" >>"$work/$name"
	awk '{printf "%.3f\n", $2 + $3}' "$work/t" >>"$work/c$name"
}
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $rounds rounds, $sessions session(s) of $loops busy loops for the loaded runs, load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
ref=${ZP_REF:-}
refh="" refl=""
if [ -n "$ref" ]; then
	refh=" loaded -j 2 ref s | speed-up ref |" refl="---|---|"
	echo "ref: $ref"
	echo
fi
echo "| command | ambient -j 1 s | ambient -j 2 s | speed-up | loaded -j 1 s | loaded -j 2 s | speed-up | loaded -j 2 fixed s | speed-up fixed |$refh loaded CPU s -j 1 / -j 2 / fixed | load before | load in loaded runs |"
echo "|---|---|---|---|---|---|---|---|---|$refl---|---|---|"
variants=(l1 l2 lf)
if [ -n "$ref" ]; then variants+=(lr); fi
while IFS= read -r cmd; do
	[ -z "$cmd" ] && continue
	load=$(cut -d' ' -f1 /proc/loadavg)
	for f in a1 a2 l1 l2 lf lr ll ca1 ca2 cl1 cl2 clf clr; do : >"$work/$f"; done
	for r in $(seq "$rounds"); do
		# the order of the runs turns round by round: none always comes first
		# after the load starts
		if [ $((r % 2)) = 1 ]; then
			run a1 1
			run a2 2
		else
			run a2 2
			run a1 1
		fi
		startload
		cut -d' ' -f1 /proc/loadavg >>"$work/ll"
		n=${#variants[@]}
		for k in $(seq 0 $((n - 1))); do
			case ${variants[$(((r + k) % n))]} in
			l1) run l1 1 ;;
			l2) run l2 2 ;;
			lf) run lf 2 ZHPOLICY_FIXED_JOBS=1 ;;
			lr) bin=$ref run lr 2 ;;
			esac
		done
		cut -d' ' -f1 /proc/loadavg >>"$work/ll"
		stopload
	done
	a1=$(median <"$work/a1") a2=$(median <"$work/a2")
	l1=$(median <"$work/l1") l2=$(median <"$work/l2") lf=$(median <"$work/lf")
	refc=""
	if [ -n "$ref" ]; then
		lr=$(median <"$work/lr")
		refc=" $lr | $(ratio "$l1" "$lr") |"
	fi
	ll=$(awk '{s += $1} END {printf "%.1f", s / NR}' "$work/ll")
	echo "| \`$cmd\` | $a1 | $a2 | $(ratio "$a1" "$a2") | $l1 | $l2 | $(ratio "$l1" "$l2") | $lf | $(ratio "$l1" "$lf") |$refc $(median <"$work/cl1") / $(median <"$work/cl2") / $(median <"$work/clf") | $load | $ll |"
done <${ZP_COMMANDS:-bench/scale/commands.txt}
