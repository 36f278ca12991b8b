#!/usr/bin/env bash
# slogans over the whole shared corpus beside freq, in one run: rounds alternate the two commands
# (freq, slogans, freq, slogans …) and the medians of wall time, user CPU and peak RSS are printed
# with the ratio slogans/freq. Usage: bench/slogans/speed.sh [ROUNDS]  (default 5)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
bin=$(mktemp -d)/zhpolicy
go build -o "$bin" ./cmd/zhpolicy
corpus=../shared/corpus
declare -A wall user rss
for r in $(seq "$rounds"); do
	for cmd in freq slogans; do
		args=(-q "$corpus")
		[ "$cmd" = slogans ] && args=(-q --corpus "$corpus")
		/usr/bin/time -o "$bin.time" -f "%e %U %M" "$bin" "$cmd" "${args[@]}" > /dev/null 2>&1 || true
		read -r e u m < "$bin.time"
		wall[$cmd]+="$e "; user[$cmd]+="$u "; rss[$cmd]+="$m "
	done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "load: $(cut -d' ' -f1-3 /proc/loadavg); $rounds rounds alternating; corpus $(du -sh "$corpus" | cut -f1)"
printf "| command | wall s | user s | peak RSS MB |\n| --- | ---: | ---: | ---: |\n"
for cmd in freq slogans; do
	printf "| %s | %s | %s | %.0f |\n" "$cmd" "$(echo "${wall[$cmd]}" | median)" "$(echo "${user[$cmd]}" | median)" "$(echo "$(echo "${rss[$cmd]}" | median) / 1024" | bc -l)"
done
