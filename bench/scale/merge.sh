#!/usr/bin/env bash
# What a cluster run costs: the time of one shard, and the cost of merge as
# the number of partials grows. Partials of --shard i/N runs over the shared
# corpus (../shared/corpus), N = 4 … 256; merge of all of them, timed with
# /usr/bin/time (wall seconds, peak memory). Writes a Markdown table.
#
#   bash bench/scale/merge.sh [freq|analyze] > table.md
set -euo pipefail
cd "$(dirname "$0")/../.."
cmd=${1:-freq}
corpus=${ZHPOLICY_SHARED:-$(pwd)/../shared}/corpus
[ -d "$corpus" ] || { echo "no $corpus" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/zhpolicy" ./cmd/zhpolicy
zp=$work/zhpolicy
size=$(du -sb "$corpus" | cut -f1)
echo "| partials (--shard i/N) | corpus per shard | one shard: wall s | merge: wall s | merge: peak MB | merged partial |"
echo "|---|---|---|---|---|---|"
for n in 4 16 64 256; do
	mkdir -p "$work/p$n"
	shard_s=0
	for i in $(seq 1 "$n"); do
		/usr/bin/time -f "%e" -o "$work/t" "$zp" "$cmd" -q -j 1 --emit partial --shard "$i/$n" "$corpus" >"$work/p$n/$i.jsonl"
		[ "$i" = 1 ] && shard_s=$(cat "$work/t")
	done
	/usr/bin/time -f "%e %M" -o "$work/m" "$zp" merge -q --emit partial "$work/p$n" >"$work/merged$n.jsonl"
	read -r mwall mrss <"$work/m"
	echo "| $n | $((size / n / 1000)) kB | $shard_s | $mwall | $((mrss / 1000)) | $(($(wc -c <"$work/merged$n.jsonl") / 1000)) kB |"
done
