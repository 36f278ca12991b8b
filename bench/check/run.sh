#!/usr/bin/env bash
# Speed of `zhpolicy check` on a generated corpus of 10,000 files, on 2 cores.
#
#   bash bench/check/run.sh [--files N] [--runs N]
#
# Generates the corpus once in $TMPDIR/zhpolicy-bench-check/corpus-N (bench/check/gen.py:
# paragraphs of ../shared/corpus, or synthetic text without it, with problems injected so that
# every rule has work), then times `zhpolicy check -j 2` pinned to two cores (taskset) with
# hyperfine (wall time, mean ± sd over --runs) and /usr/bin/time (CPU time, peak memory).
# Prints Markdown for bench/RESULTS.md, section "## Check". The target: under a minute.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
SHARED=${ZHPOLICY_SHARED:-$ROOT/../shared}
WORK=${TMPDIR:-/tmp}/zhpolicy-bench-check
FILES=10000
RUNS=3
while [ $# -gt 0 ]; do
	case $1 in
	--files) FILES=$2; shift 2 ;;
	--runs) RUNS=$2; shift 2 ;;
	*) echo "usage: bash bench/check/run.sh [--files N] [--runs N]" >&2; exit 2 ;;
	esac
done
mkdir -p "$WORK"
have() { command -v "$1" >/dev/null 2>&1; }

ZP=$WORK/zhpolicy
go build -o "$ZP" ./cmd/zhpolicy

CORPUS=$WORK/corpus-$FILES
if [ ! -f "$CORPUS/.done" ]; then
	rm -rf "$CORPUS"
	python3 bench/check/gen.py "$CORPUS" --files "$FILES" --source "$SHARED/corpus" >"$WORK/gen.txt"
	touch "$CORPUS/.done"
fi
PIN=()
if have taskset && [ "$(nproc)" -ge 2 ]; then PIN=(taskset -c 0,1); fi

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average before the runs $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Corpus: $(cat "$WORK/gen.txt") (bench/check/gen.py, seed 1), in $CORPUS"
echo
echo "| run | wall time (hyperfine, mean ± sd) | CPU user + sys | peak RSS | output |"
echo "|---|---|---|---|---|"
row() {
	local name=$1
	shift
	local cmd="${PIN[*]} $ZP check --no-config -j 2 $*"
	local wall="(hyperfine absent)"
	if have hyperfine; then
		hyperfine -N -i --runs "$RUNS" --warmup 1 --export-json "$WORK/hf.json" "$cmd" >/dev/null 2>&1
		wall=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.2f s ± %.2f s" % (r["mean"], r["stddev"] or 0))' "$WORK/hf.json")
	fi
	# shellcheck disable=SC2086
	/usr/bin/time -f "%U %S %M" -o "$WORK/time.txt" $cmd >"$WORK/out.txt" 2>"$WORK/err.txt" || true
	read -r u s m < <(tail -1 "$WORK/time.txt")
	local cpu
	cpu=$(python3 -c "print('%.1f s' % ($u + $s))")
	echo "| \`$name\` | $wall | $cpu | $((m / 1024)) MiB | $(tail -1 "$WORK/err.txt") |"
}
row "check DIR" "$CORPUS"
row "check --format sarif DIR" --format sarif "$CORPUS"
row "check --fix --dry-run DIR" --fix --dry-run "$CORPUS"
row "check --only pinyin-annotation,width DIR" --only pinyin-annotation,width "$CORPUS"
echo
echo "Findings by rule (check DIR): $("$ZP" check --no-config -q "$CORPUS" 2>/dev/null | awk '{print $3}' | sort | uniq -c | sort -rn | awk '{printf "%s%s %s", (NR>1?", ":""), $2, $1}' | tr -d ':')"
