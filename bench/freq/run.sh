#!/usr/bin/env bash
# Word frequencies over the whole shared corpus: zhpolicy freq at -j 1 and
# -j 2 against jieba doing the same word count (Debian python3-jieba), with
# wall time, CPU time and peak memory from /usr/bin/time -v, best of RUNS.
#
#   bench/freq/run.sh                 # from the repository root
#   ZHPOLICY=/path/to/zhpolicy RUNS=5 bench/freq/run.sh
#
# Prints a Markdown table for bench/RESULTS.md ("Corpus statistics") and
# checks that the two tools agree on the counts of the most frequent words.
set -euo pipefail

cd "$(dirname "$0")/../.."
CORPUS=${CORPUS:-../shared/corpus}
RUNS=${RUNS:-3}
if [ ! -d "$CORPUS" ]; then
	echo "bench/freq: $CORPUS not found; skipped" >&2
	exit 0
fi
for tool in /usr/bin/time /usr/bin/python3; do
	[ -x "$tool" ] || { echo "bench/freq: $tool missing" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "${ZHPOLICY:-}" ]; then
	go build -trimpath -o "$work/zhpolicy" ./cmd/zhpolicy
	ZHPOLICY=$work/zhpolicy
fi
if ! "$ZHPOLICY" freq --help >/dev/null 2>&1; then
	echo "bench/freq: $ZHPOLICY has no freq command" >&2
	exit 1
fi

# the files zhpolicy takes when it walks the corpus (input.DefaultExts)
find "$CORPUS" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.markdown' -o -name '*.html' -o -name '*.htm' -o -name '*.docx' \) | sort > "$work/files"
nfiles=$(wc -l < "$work/files")
bytes=$(xargs -d '\n' cat < "$work/files" | wc -c)

# measure ID NAME CMD...: best wall time of RUNS, with its CPU time and
# the highest peak RSS seen; the output of the last run is kept as out.ID
measure() {
	local id=$1 name=$2; shift 2
	local best="" cpu="" rss=0
	for _ in $(seq "$RUNS"); do
		/usr/bin/time -v -o "$work/time" "$@" > "$work/out" 2>/dev/null
		local wall u s m
		wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); t=0; for(i=1;i<=n;i++) t=t*60+a[i]; print t}' "$work/time")
		u=$(awk -F': ' '/User time/ {print $2}' "$work/time")
		s=$(awk -F': ' '/System time/ {print $2}' "$work/time")
		m=$(awk -F': ' '/Maximum resident/ {print $2}' "$work/time")
		if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then
			best=$wall; cpu=$(awk "BEGIN{print $u + $s}")
		fi
		[ "$m" -gt "$rss" ] && rss=$m
	done
	printf '| %s | %.2f | %.2f | %.0f | %.2f |\n' "$name" "$best" "$cpu" "$((rss / 1024))" \
		"$(awk "BEGIN{print $bytes / 1048576 / $best}")"
	cp "$work/out" "$work/out.$id"
}

echo "Corpus: $CORPUS, $nfiles files, $(awk "BEGIN{printf \"%.1f\", $bytes/1048576}") MB; best of $RUNS runs; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| run | wall s | CPU s | peak RSS MB | MB/s |"
echo "| --- | ---: | ---: | ---: | ---: |"
measure j1 "zhpolicy freq -j 1" "$ZHPOLICY" freq -q -j 1 --top 0 --format tsv "$CORPUS"
measure j2 "zhpolicy freq -j 2" "$ZHPOLICY" freq -q -j 2 --top 0 --format tsv "$CORPUS"
measure jieba "jieba (python3-jieba $(/usr/bin/python3 -c 'import jieba; print(jieba.__version__)'), HMM off)" \
	xargs -d '\n' -a "$work/files" /usr/bin/python3 bench/freq/jieba_freq.py --top=0
measure chars "zhpolicy freq --chars -j 2 (no segmentation)" "$ZHPOLICY" freq -q -j 2 --chars --top 0 --format tsv "$CORPUS"

# the merge recipe: two shards counted by two processes, then merged
shard() { # shard N: the files of shard N of 2, counted into a partial
	awk -v n="$1" 'NR % 2 == n' "$work/files" | xargs -d '\n' "$ZHPOLICY" freq -q -j 1 --emit partial > "$work/part$1.jsonl"
}
export -f shard
export ZHPOLICY work
measure shards "2 shards (xargs -P 2, -j 1 each) + merge" bash -c 'printf "0\n1\n" | xargs -P 2 -I{} bash -c "shard {}" && "$ZHPOLICY" merge -q --top 0 --format tsv "$work"/part0.jsonl "$work"/part1.jsonl'

# agreement: the merged shards give exactly the single run's table; and
# jieba's counts of zhpolicy's top words
echo
if cmp -s "$work/out.j1" "$work/out.j2" && cmp -s "$work/out.j1" "$work/out.shards"; then
	echo "-j 1, -j 2 and the merged shards print the same table ($(($(wc -l < "$work/out.j1") - 1)) terms)."
else
	echo "DIFFERENT tables from -j 1, -j 2 and the merged shards"
fi
/usr/bin/python3 - "$work/out.j1" "$work/out.jieba" <<'PY'
import sys
zh = {}
with open(sys.argv[1], encoding="utf-8") as f:
    next(f)
    for line in f:
        rank, term, count, share, docs = line.rstrip("\n").split("\t")
        # two keys can show the same written form (乾 folds to 干 or stays
        # 乾, by context): add them up as jieba, which does not fold, would
        zh[term] = zh.get(term, 0) + int(count)
jb, units = {}, 0
with open(sys.argv[2], encoding="utf-8") as f:
    for line in f:
        if line.startswith("# units"):
            units = int(line.split("\t")[1])
        elif not line.startswith("#"):
            rank, term, count, docs = line.rstrip("\n").split("\t")
            jb[term] = int(count)
top = sorted(zh, key=lambda t: (-zh[t], t))[:20]
same = sum(1 for t in top if jb.get(t) == zh[t])
close = sum(1 for t in top if t in jb and abs(jb[t] - zh[t]) <= 0.02 * zh[t])
zt = sum(zh.values())
print(f"Words counted: zhpolicy {zt:,}, jieba {units:,} ({100 * (units - zt) / zt:+.1f}%); distinct: zhpolicy {len(zh):,}, jieba {len(jb):,}.")
print(f"Of zhpolicy's 20 most frequent words, jieba counts {same} exactly the same and {close} within 2%:")
print("| word | zhpolicy | jieba |\n| --- | ---: | ---: |")
for t in top[:10]:
    print(f"| {t} | {zh[t]:,} | {jb.get(t, 0):,} |")
PY
