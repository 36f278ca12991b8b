#!/usr/bin/env bash
# Start-up, throughput and memory of zhpolicy beside its peers, measured
# side by side in one run: zhpolicy (the binary, and bench/startup/zhseg,
# which calls pkg/segment directly), a plain gse program loading its
# dictionary the usual way (bench/startup/gseplain), jieba (Debian
# python3-jieba, /usr/bin/python3) and, for conversion, OpenCC (Debian).
#
#   bench/startup/run.sh            # cold start, cost by size, throughput (~10 min)
#   BIG=1 bench/startup/run.sh      # also the 1 GB corpus and 200 MB file (~15 min more)
#
# Run from anywhere; inputs are made from ../shared/corpus (skipped when
# absent) in a temporary directory (WORK=dir to keep them). Prints a
# Markdown report on stdout for bench/RESULTS.md; progress on stderr.
# Tools that are missing are named and skipped. Timings are wall-clock
# medians; "CPU" is user+system (median), which stays meaningful when
# other work shares the machine (the load average is printed).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
shared=${SHARED:-$root/../shared}
corpus=$shared/corpus
runs=${RUNS:-15}
warm=2
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"
[ -n "${WORK:-}" ] || trap 'rm -rf "$work"' EXIT

say() { printf '%s\n' "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }

if [ ! -d "$corpus" ]; then
	say "skip: $corpus is absent (the inputs are made from it)"
	exit 0
fi
for t in hyperfine /usr/bin/time python3; do
	if ! have "$t"; then
		say "skip: $t is not installed (apt-get install hyperfine time python3)"
		exit 0
	fi
done

# --- build --------------------------------------------------------------
say "building into $work/bin"
mkdir -p "$work/bin"
go build -trimpath -o "$work/bin/zhseg" ./bench/startup/zhseg
go build -trimpath -o "$work/bin/gseplain" ./bench/startup/gseplain
zp=""
if go build -trimpath -o "$work/bin/zhpolicy" ./cmd/zhpolicy 2>"$work/build.log"; then
	zp=$work/bin/zhpolicy
else
	say "note: ./cmd/zhpolicy does not build; measuring zhseg only ($(head -n 1 "$work/build.log"))"
fi
zp_has() { [ -n "$zp" ] && "$zp" "$1" --help >/dev/null 2>&1; }

jieba=""
if /usr/bin/python3 -c 'import jieba' 2>/dev/null; then
	jieba=/usr/bin/python3
	cat >"$work/jieba_seg.py" <<'EOF'
import sys, logging, jieba
jieba.setLogLevel(logging.ERROR)
out = sys.stdout
for p in sys.argv[1:]:
    with open(p, encoding="utf-8", errors="replace") as f:
        for line in f:
            out.write(" ".join(jieba.cut(line.rstrip("\n"), HMM=False)) + "\n")
EOF
	cat >"$work/jieba_kw.py" <<'EOF'
import sys, logging, jieba, jieba.analyse
jieba.setLogLevel(logging.ERROR)
for p in sys.argv[1:]:
    with open(p, encoding="utf-8", errors="replace") as f:
        for w, s in jieba.analyse.extract_tags(f.read(), topK=20, withWeight=True):
            print(f"{w}\t{s:.4f}")
EOF
	# jieba caches its parsed dictionary in /tmp: build the cache once so
	# that every measured run is the usual warm-cache start
	"$jieba" "$work/jieba_seg.py" /dev/null
else
	say "note: python3-jieba is not installed (apt-get install python3-jieba); jieba skipped"
fi
opencc_bin=$(command -v opencc || true)
[ -n "$opencc_bin" ] || say "note: opencc is not installed (apt-get install opencc); skipped"

# --- inputs -------------------------------------------------------------
# page.txt: the first lines of the 2024 government work report, >= 1 KB
src=$corpus/gwr/2024.txt
[ -f "$src" ] || src=$(find "$corpus" -name '*.txt' | sort | head -n 1)
awk '{print; n += length($0) + 1; if (n >= 1024) exit}' "$src" >"$work/page.txt"

# make_corpus DIR BYTES: copies of the corpus's Simplified .txt files,
# cycling, until DIR holds BYTES
make_corpus() {
	local dir=$1 want=$2 have=0 round=0
	[ -d "$dir" ] && return
	mkdir -p "$dir"
	local files
	mapfile -t files < <(find "$corpus/gwr" "$corpus/cpc_congress" "$corpus/ministry_provincial_notices" \
		-name '*.txt' 2>/dev/null | sort)
	while [ "$have" -lt "$want" ]; do
		for f in "${files[@]}"; do
			local n
			n=$(stat -c %s "$f")
			cp "$f" "$dir/r${round}_$(basename "$(dirname "$f")")_$(basename "$f")"
			have=$((have + n))
			[ "$have" -ge "$want" ] && break
		done
		round=$((round + 1))
	done
}
mb() { du -sb "$1" | awk '{printf "%.1f", $1 / 1e6}'; }

# --- helpers --------------------------------------------------------------
# bench NAME CMD...: hyperfine, appends "name|median s|CPU s|peak RSS MB" to $rows
rows=$work/rows.txt
: >"$rows"
bench() {
	local name=$1
	shift
	local cmd
	cmd=$(printf '%q ' "$@")
	say "  $name"
	hyperfine -N --style none --warmup "$warm" --runs "$runs" --export-json "$work/h.json" \
		--output=null "$cmd" >/dev/null 2>&1 || { say "    failed: $cmd"; return 0; }
	local rss
	/usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>/dev/null || true
	rss=$(tail -n 1 "$work/rss")
	python3 - "$work/h.json" "$name" "$rss" >>"$rows" <<'EOF'
import json, statistics, sys
r = json.load(open(sys.argv[1]))["results"][0]
cpu = [u + s for u, s in zip(r["user"], r["system"])] if "user" in r and isinstance(r["user"], list) else [r["user"] + r["system"]]
print(f'{sys.argv[2]}|{r["median"]:.4f}|{statistics.median(cpu):.4f}|{int(sys.argv[3]) / 1024:.1f}')
EOF
}

# --- report -----------------------------------------------------------------
echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(go version | cut -d' ' -f3), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)."
echo "Command: \`bench/startup/run.sh\` (hyperfine -N: cold start $runs runs after 2 warm-ups, throughput ${THROUGHPUT_RUNS:-3} runs after 1; CPU = mean user+system; peak RSS from one run under /usr/bin/time)."
echo

say "cold start on page.txt ($(wc -c <"$work/page.txt") bytes)"
if zp_has segment; then bench "zhpolicy segment" "$zp" segment -q "$work/page.txt"; fi
if zp_has keywords; then bench "zhpolicy keywords" "$zp" keywords -q "$work/page.txt"; fi
if [ -n "$zp" ]; then
	for verb in clean detect freq kwic entities slogans check convert; do
		zp_has "$verb" || continue
		case $verb in
		kwic) bench "zhpolicy kwic" "$zp" kwic -q 发展 "$work/page.txt" ;;
		convert) bench "zhpolicy convert s2t" "$zp" convert -q --to t "$work/page.txt" ;;
		*) bench "zhpolicy $verb" "$zp" "$verb" -q "$work/page.txt" ;;
		esac
	done
fi
bench "zhseg segment (pkg/segment direct)" "$work/bin/zhseg" segment "$work/page.txt"
bench "zhseg keywords (pkg/segment + pkg/idf)" "$work/bin/zhseg" keywords "$work/page.txt"
bench "gse plain: LoadDictEmbed + Cut" "$work/bin/gseplain" "$work/page.txt"
bench "gse plain: + TF-IDF (LoadIdfStr)" "$work/bin/gseplain" -keywords 20 "$work/page.txt"
if [ -n "$jieba" ]; then
	bench "jieba cut (HMM off)" "$jieba" "$work/jieba_seg.py" "$work/page.txt"
	bench "jieba extract_tags" "$jieba" "$work/jieba_kw.py" "$work/page.txt"
fi
if [ -n "$opencc_bin" ]; then
	bench "opencc s2t" "$opencc_bin" -c s2t.json -i "$work/page.txt" -o /dev/null
fi
echo "### Cold start, 1 KB document ($(wc -c <"$work/page.txt") bytes)"
echo
echo "| command | median | CPU | peak RSS |"
echo "| --- | ---: | ---: | ---: |"
awk -F'|' '{printf "| %s | %.0f ms | %.0f ms | %.1f MB |\n", $1, $2 * 1000, $3 * 1000, $4}' "$rows"
echo

# --- one path: the cost per megabyte at every input size -------------------
say "cost by input size (zhseg -j 1)"
echo "### Cost by input size (zhseg segment -j 1, CPU seconds of the whole process)"
echo
echo "One path at every size: the compiled dictionary is read in place, nothing is loaded past a"
echo "threshold (the earlier index walk loaded gse's dictionary past 16 MiB, \`Config.SizeHint\`)."
echo
echo "| input | CPU | MB per CPU-second |"
echo "| ---: | ---: | ---: |"
for kb in 256 1024 4096 16384; do
	d=$work/x$kb
	make_corpus "$d" $((kb * 1024))
	/usr/bin/time -f '%U %S' -o "$work/cpu" "$work/bin/zhseg" segment -j 1 "$d"/* >/dev/null
	t=$(tail -n 1 "$work/cpu" | awk '{print $1 + $2}')
	echo "| $(mb "$d") MB | $t s | $(awk -v t="$t" -v b="$(du -sb "$d" | cut -f1)" 'BEGIN { printf "%.2f", b / 1e6 / t }') |"
done
echo

# --- throughput -------------------------------------------------------------
say "throughput on a 50 MB corpus"
c50=$work/c50
make_corpus "$c50" $((50 * 1000 * 1000))
size=$(du -sb "$c50" | cut -f1)
: >"$rows"
runs_saved=$runs
runs=${THROUGHPUT_RUNS:-3}
warm=1
if zp_has segment; then
	bench "zhpolicy segment -j 1" "$zp" segment -q -j 1 "$c50"
	bench "zhpolicy segment -j 2" "$zp" segment -q -j 2 "$c50"
fi
bench "zhseg segment -j 1" "$work/bin/zhseg" segment -j 1 "$c50"/*
bench "zhseg segment -j 2" "$work/bin/zhseg" segment -j 2 "$c50"/*
bench "gse plain (1 thread)" "$work/bin/gseplain" "$c50"/*
c5=$work/c5
make_corpus "$c5" $((5 * 1000 * 1000))
size5=$(du -sb "$c5" | cut -f1)
if [ -n "$jieba" ]; then
	bench "jieba cut (HMM off, 5 MB)" "$jieba" "$work/jieba_seg.py" "$c5"/*
fi
runs=$runs_saved
warm=2
echo "### Throughput, $(mb "$c50") MB corpus ($(ls "$c50" | wc -l) files; jieba on $(mb "$c5") MB)"
echo
echo "| command | median | MB/s | MB per CPU-second | peak RSS |"
echo "| --- | ---: | ---: | ---: | ---: |"
awk -F'|' -v size="$size" -v size5="$size5" '{
	s = ($1 ~ /5 MB/) ? size5 : size
	printf "| %s | %.1f s | %.2f | %.2f | %.0f MB |\n", $1, $2, s / 1e6 / $2, s / 1e6 / $3, $4 }' "$rows"
awk -F'|' '{ split($1, w, " ") } / -j 1/ { one[w[1]] = $2 } / -j 2/ { two[w[1]] = $2 }
	END { for (k in two) if (k in one) printf "\n-j 2 / -j 1 speed-up (%s, wall): %.2f×\n", k, one[k] / two[k] }' "$rows"
echo

# --- memory on big inputs (BIG=1) ---------------------------------------------
if [ -n "${BIG:-}" ] && zp_has segment; then
	say "memory: 1 GB corpus and one 200 MB file"
	big=$work/c1g
	make_corpus "$big" $((1000 * 1000 * 1000))
	one=$work/one200.txt
	[ -f "$one" ] || { while [ "$(stat -c %s "$one" 2>/dev/null || echo 0)" -lt 200000000 ]; do cat "$c50"/* >>"$one"; done; }
	echo "### Memory on big inputs"
	echo
	echo "| input | command | time | peak RSS |"
	echo "| --- | --- | ---: | ---: |"
	for spec in "$big|segment -q -j 2" "$one|segment -q -j 2"; do
		in=${spec%%|*}
		args=${spec#*|}
		# shellcheck disable=SC2086
		/usr/bin/time -f '%e %M' -o "$work/big" "$zp" $args "$in" >/dev/null
		r=$(tail -n 1 "$work/big")
		echo "| $(mb "$in") MB ($( [ -d "$in" ] && echo "$(ls "$in" | wc -l) files" || echo "1 file")) | zhpolicy $args | $(echo "$r" | awk '{print $1}') s | $(echo "$r" | awk '{printf "%.0f", $2 / 1024}') MB |"
	done
	echo
fi
say "done"
