#!/usr/bin/env bash
# Peak memory and time of every command over one big plain-text file
# (issue 21: under 1 GB at any size, time linear in size). The file is the
# text of the shared corpus (../shared/corpus, *.txt) repeated to 100 MB,
# 300 MB and 1 GB; each command runs once per size with the default -j
# (the machine's cores), output to /dev/null, measured by /usr/bin/time
# (maximum resident set size, wall seconds). Commands slower than SLOW_MBS
# seconds per MB at 100 MB are not run on the bigger files (their time is
# linear by construction: the file is analysed part by part); set
# ZHPOLICY_MEM_SIZES to choose the sizes (MB). Writes a Markdown table.
#
# ZHPOLICY_MEM_DISTINCT=1 makes every copy of the corpus after the first
# distinct: its Han characters go through a permutation of U+4E00–U+9FFF
# of its own, and its letters and digits (ASCII and full-width) are mapped
# into that range too, so that copies share no passage (a corpus that grows with new
# documents, not with copies: the case for reuse, whose work on copies
# grows with the square of their number); the rows say "distinct".
#
#   bash bench/scale/memory.sh [command …] > table.md
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=${ZHPOLICY_SHARED:-$(pwd)/../shared}/corpus
[ -d "$corpus" ] || { echo "no $corpus" >&2; exit 1; }
work=${ZHPOLICY_MEM_WORK:-$(mktemp -d)}
mkdir -p "$work"
go build -o "$work/zhpolicy" ./cmd/zhpolicy
zp=$work/zhpolicy
sizes=${ZHPOLICY_MEM_SIZES:-100 300 1000}
slow=${SLOW_MBS:-0.5}
cmds=("$@")
[ ${#cmds[@]} -gt 0 ] || cmds=(segment freq detect convert clean kwic check structure instruments reuse network keywords slogans entities analyze)
find "$corpus" -name '*.txt' -print0 | sort -z | xargs -0 cat >"$work/seed.txt"
distinct=${ZHPOLICY_MEM_DISTINCT:-}
big=big
[ -z "$distinct" ] || big=dbig
for mb in $sizes; do
	f=$work/$big$mb.txt
	[ -f "$f" ] && continue
	: >"$f"
	if [ -n "$distinct" ]; then
		/usr/bin/python3 - "$work/seed.txt" "$f" $((mb * 1000000)) <<'PY'
import sys
seed = open(sys.argv[1], encoding="utf-8").read()
target = int(sys.argv[3])
n, k = 0, 0
with open(sys.argv[2], "wb") as out:
    while n < target:
        t = seed
        if k > 0:
            a = 2 * k + 1
            while a % 41 == 0:  # 20992 = 2^9 * 41: a must be prime to it
                a += 2
            b = k * 7919
            table = {c: 0x4E00 + ((c - 0x4E00) * a + b) % 20992 for c in range(0x4E00, 0xA000)}
            for lo, hi in ((0x30, 0x3A), (0x41, 0x5B), (0x61, 0x7B), (0xFF10, 0xFF1A), (0xFF21, 0xFF3B), (0xFF41, 0xFF5B)):
                for c in range(lo, hi):
                    table[c] = 0x4E00 + (c * a + b) % 20992
            t = seed.translate(table)
        data = t.encode("utf-8")
        out.write(data)
        n += len(data)
        k += 1
PY
	else
		while [ "$(stat -c %s "$f")" -lt $((mb * 1000000)) ]; do cat "$work/seed.txt" >>"$f"; done
	fi
	truncate -s $((mb * 1000000)) "$f"
	printf '\n' >>"$f"
done
echo "Machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) at start; $(date -u +%F)."
echo
echo "| command | size | peak MB | wall s | s per 100 MB |"
echo "|---|---|---|---|---|"
for c in "${cmds[@]}"; do
	args=("$c")
	case $c in
	convert) args=(convert -c s2t) ;;
	kwic) args=(kwic 发展) ;;
	esac
	for mb in $sizes; do
		/usr/bin/time -f "%M %e" -o "$work/t" "$zp" "${args[@]}" -q "$work/$big$mb.txt" >/dev/null 2>"$work/err" || true
		read -r rss wall < <(tail -1 "$work/t") || { echo "| $c | $mb MB | failed: $(head -c 100 "$work/err") | | |"; continue; }
		if grep -q "too large" "$work/err"; then
			echo "| $c | $mb MB | refused: too large for a whole-file read | | |"
			continue
		fi
		echo "| $c${distinct:+ (distinct)} | $mb MB | $((rss / 1000)) | $wall | $(echo "$wall * 100 / $mb" | bc -l | xargs printf '%.1f') |"
		if [ "$(echo "$wall / $mb > $slow" | bc -l)" = 1 ]; then break; fi
	done
done
