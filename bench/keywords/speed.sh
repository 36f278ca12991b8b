#!/bin/sh
# Speed of `zhpolicy keywords` beside `zhpolicy freq` (issue 17), and beside
# an older keywords binary, over the 186 ministry and provincial notices of
# ../shared/corpus: ROUNDS alternating rounds (old keywords, keywords, freq),
# one worker each, user+system CPU seconds and wall seconds of every run
# (GNU time). The machine is shared: read the ratios within a round.
#
#   sh bench/keywords/speed.sh /tmp/zhpolicy-OLD     # OLD: a zhpolicy binary built elsewhere
set -eu
cd "$(dirname "$0")/../.."
old=${1:-}
rounds=${ROUNDS:-3}
dir=../shared/corpus/ministry_provincial_notices
if [ ! -d "$dir" ]; then
	echo "bench/keywords/speed.sh: $dir not found; skipped"
	exit 0
fi
bin=${TMPDIR:-/tmp}/zhpolicy-speed-$$
go build -o "$bin" ./cmd/zhpolicy
trap 'rm -f "$bin"' EXIT
run() { # label, command...
	label=$1
	shift
	/usr/bin/time -f "$label %U %S %e" "$@" >/dev/null 2>>"${TMPDIR:-/tmp}/speed-$$.txt" || true
}
: >"${TMPDIR:-/tmp}/speed-$$.txt"
i=0
while [ $i -lt "$rounds" ]; do
	[ -n "$old" ] && run "keywords-old" "$old" keywords -j 1 --top 10 --format csv "$dir"
	run "keywords" "$bin" keywords -j 1 --top 10 --format csv "$dir"
	run "freq" "$bin" freq -j 1 --top 10 --format csv "$dir"
	i=$((i + 1))
done
echo "| run | CPU s (user+sys), by round | wall s, by round |"
echo "| --- | --- | --- |"
for label in keywords-old keywords freq; do
	grep "^$label " "${TMPDIR:-/tmp}/speed-$$.txt" >/dev/null 2>&1 || continue
	awk -v l="$label" '$1 == l { cpu = cpu sep sprintf("%.2f", $2 + $3); wall = wall sep $4; sep = " / " } END { printf "| %s | %s | %s |\n", l, cpu, wall }' "${TMPDIR:-/tmp}/speed-$$.txt"
done
rm -f "${TMPDIR:-/tmp}/speed-$$.txt"
