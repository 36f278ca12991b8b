#!/usr/bin/env bash
# analyze over the whole shared corpus, the binary of 8e33841 (the start of
# the round in which issue 23 was filed) against this tree: ROUNDS
# alternating rounds of `zhpolicy analyze -q -j 1`, medians of CPU seconds
# (user + system), wall seconds and peak RSS, and the CPU ratio. Writes the
# table between the analyze-speed markers of bench/RESULTS.md.
#
#   bash bench/scale/analyze.sh [ROUNDS]      (from the project root)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
corpus=${ZHPOLICY_SHARED:-$(pwd)/../shared}/corpus
[ -d "$corpus" ] || { echo "analyze bench: no $corpus; skipped"; exit 0; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rev=8e33841
old=${TMPDIR:-/tmp}/zhpolicy-$rev
if [ ! -x "$old" ]; then
	mkdir "$work/src"
	git archive "$rev" | tar -x -C "$work/src"
	(cd "$work/src" && go build -o "$old" ./cmd/zhpolicy)
fi
go build -o "$work/new" ./cmd/zhpolicy
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
loads=""
for _ in $(seq "$rounds"); do
	for b in old new; do
		bin=$old
		[ $b = new ] && bin=$work/new
		loads="$loads $(cut -d' ' -f1 /proc/loadavg)"
		/usr/bin/time -f "%U %S %e %M" -o "$work/t" "$bin" analyze -q -j 1 "$corpus" >/dev/null
		read -r u s e m < <(tail -n 1 "$work/t")
		echo "$u $s" | awk '{print $1+$2}' >>"$work/$b.cpu"
		echo "$e" >>"$work/$b.wall"
		echo "$m" >>"$work/$b.rss"
	done
done
docs=$(find "$corpus" -type f -name '*.txt' | wc -l)
mb=$(find "$corpus" -type f -name '*.txt' -print0 | du -cb --files0-from=- | tail -n1 | awk '{printf "%.1f", $1/1e6}')
row() { echo "| $1 | $(median <"$work/$2.cpu") | $(median <"$work/$2.wall") | $(( $(median <"$work/$2.rss" | cut -d. -f1) / 1024 )) MB |"; }
{
	echo '<!-- analyze-speed:begin -->'
	echo "\`bash bench/scale/analyze.sh $rounds\`: \`zhpolicy analyze -q -j 1\` over the shared corpus ($docs .txt documents, $mb MB),"
	echo "$rounds alternating rounds, medians; $(date -u +%F), $(nproc) cores, load before each run:$loads."
	echo
	echo '| binary | CPU s | wall s | peak RSS |'
	echo '| --- | ---: | ---: | ---: |'
	row "$rev (before)" old
	row "this version" new
	echo
	awk -v a="$(median <"$work/old.cpu")" -v b="$(median <"$work/new.cpu")" 'BEGIN {printf "CPU ratio: %.2f× less CPU than %s.\n", a/b, "'$rev'"}'
	echo '<!-- analyze-speed:end -->'
} >"$work/section.md"
if grep -q '<!-- analyze-speed:begin -->' bench/RESULTS.md; then
	python3 bench/internal/splice.py bench/RESULTS.md analyze-speed "$work/section.md"
fi
cat "$work/section.md"
