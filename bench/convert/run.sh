#!/usr/bin/env bash
# Script-conversion benchmarks: zhpolicy vs raw gocc vs the Debian opencc CLI (OpenCC 1.1.6).
#
#   bash bench/convert/run.sh [all|cases|corpus|speed|coldstart|memory] [--runs N]
#
# Writes Markdown to stdout (pasted into bench/RESULTS.md, section "## Conversion") and
# details to $TMPDIR/zhpolicy-bench-convert/out/. Needs ../shared (the team's evaluation data; every part
# skips cleanly without it), the opencc CLI (apt-get install opencc), hyperfine and
# /usr/bin/time (apt-get install hyperfine time).
#   cases      OpenCC 1.1.6's own test cases and OpenCC's testcases.json, three engines;
#              also rewrites testdata/convert/testcases_debian.tsv (used by pkg/script's tests)
#   corpus     differing lines vs opencc on every document of ../shared/corpus, per conversion;
#              every differing line goes to out/corpus_diffs.txt
#   speed      throughput of s2t and t2s on 20 MB of corpus text (CLI vs CLI, output to a file)
#   coldstart  `zhpolicy convert --to t` vs `opencc -c s2t.json` on a 1 KB file
#   memory     peak RSS converting a 200 MB file
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
SHARED=${ZHPOLICY_SHARED:-$ROOT/../shared}
WORK=${TMPDIR:-/tmp}/zhpolicy-bench-convert
OUT=$WORK/out
RUNS=5
what=${1:-all}
[ "${2:-}" = "--runs" ] && RUNS=${3:-5}
mkdir -p "$OUT" "$WORK"

if [ ! -d "$SHARED/corpus" ] || [ ! -d "$SHARED/bench/opencc" ]; then
	echo "skipped: $SHARED (corpus and bench/opencc) not found"
	exit 0
fi
have() { command -v "$1" >/dev/null 2>&1; }

ZP=$WORK/zhpolicy
go build -o "$ZP" ./cmd/zhpolicy
OCCBENCH=$WORK/occbench
go build -o "$OCCBENCH" ./bench/convert/occbench

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "opencc: $(opencc --version 2>/dev/null | grep -m1 -i version | xargs || echo absent) (Debian; data of OpenCC 1.1.6)"
echo

cases() {
	echo "## Correctness on OpenCC's test cases"
	echo
	"$OCCBENCH" cases -shared "$SHARED" -write-debian "$ROOT/testdata/convert/testcases_debian.tsv"
	echo
}

corpus() {
	echo "## Differences from the opencc CLI on ../shared/corpus"
	echo
	"$OCCBENCH" corpus -shared "$SHARED" -gocc -diffs "$OUT/corpus_diffs.txt"
	echo
	echo "zhpolicy's differing lines, if any, are listed in $OUT/corpus_diffs.txt ($(grep -c '^[a-z]' "$OUT/corpus_diffs.txt" || true) lines)."
	echo
}

# make_text SIZE FILE: whole lines of the concatenated corpus, repeated, up to SIZE bytes.
make_text() {
	local size=$1 file=$2
	[ -s "$file" ] && [ "$(stat -c %s "$file")" -le "$size" ] && [ "$(stat -c %s "$file")" -gt $((size - 100000)) ] && return
	find "$SHARED/corpus" -name '*.txt' | sort | xargs cat >"$WORK/corpus.txt"
	python3 - "$WORK/corpus.txt" "$size" "$file" <<'EOF'
import sys
data = open(sys.argv[1], 'rb').read()
if not data.endswith(b'\n'):
    data += b'\n'
size = int(sys.argv[2])
with open(sys.argv[3], 'wb') as out:
    n = 0
    while n + len(data) <= size:
        out.write(data); n += len(data)
    rest = data[:size - n]
    out.write(rest[:rest.rfind(b'\n') + 1])
EOF
}

speed() {
	have hyperfine || { echo "speed: skipped (no hyperfine)"; return; }
	local s=$WORK/20m_s.txt t=$WORK/20m_t.txt
	make_text 20000000 "$s"
	[ -s "$t" ] || opencc -c s2t.json -i "$s" -o "$t"
	echo "## Throughput (20 MB: $(stat -c %s "$s") bytes of ../shared/corpus text, repeated; output to a file)"
	echo
	for dir in s2t t2s; do
		local in=$s
		[ $dir = t2s ] && in=$t
		hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$OUT/speed_$dir.json" \
			-n "zhpolicy $dir" "$ZP convert --config $dir $in -o $WORK/out_zp.txt" \
			-n "opencc $dir" "opencc -c $dir.json -i $in -o $WORK/out_occ.txt" \
			-n "gocc $dir" "sh -c '$OCCBENCH gocc -c $dir < $in > $WORK/out_gocc.txt'" >/dev/null
		cmp -s "$WORK/out_zp.txt" "$WORK/out_occ.txt" && same="identical to opencc's" || same="DIFFERENT from opencc's"
		python3 - "$OUT/speed_$dir.json" "$(stat -c %s "$in")" "$same" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))['results']; size = int(sys.argv[2])
print('| %s | wall, median | MB/s (wall) | CPU (user+sys), mean | MB/s (CPU) |' % r[0]['command'].split()[1])
print('|---|---|---|---|---|')
occ = [x for x in r if x['command'].startswith('opencc')][0]
for x in r:
    cpu = x['user'] + x['system']
    print('| %s | %.3f s | %.1f | %.3f s | %.1f |' % (x['command'], x['median'], size / 1e6 / x['median'], cpu, size / 1e6 / cpu))
zp = r[0]
print()
print('zhpolicy / opencc: %.1f× by wall time, %.1f× by CPU time; zhpolicy output %s.' % (
    occ['median'] / zp['median'], (occ['user'] + occ['system']) / (zp['user'] + zp['system']), sys.argv[3]))
print()
EOF
	done
}

coldstart() {
	have hyperfine || { echo "coldstart: skipped (no hyperfine)"; return; }
	local k=$WORK/1k.txt
	head -c 1024 "$SHARED/corpus/gwr/2010.txt" | python3 -c "import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode('utf-8', 'ignore').encode())" >"$k"
	echo "## Cold start (convert a $(stat -c %s "$k")-byte file to Traditional, one process per run)"
	echo
	hyperfine -N --warmup 10 --runs $((RUNS * 20)) --export-json "$OUT/coldstart.json" \
		-n "zhpolicy convert --to t" "$ZP convert --to t $k" \
		-n "opencc -c s2t.json" "opencc -c s2t.json -i $k" >/dev/null
	python3 - "$OUT/coldstart.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))['results']
print('| command | wall, median | wall, mean ± σ | user | system |')
print('|---|---|---|---|---|')
for x in r:
    print('| %s | %.1f ms | %.1f ± %.1f ms | %.1f ms | %.1f ms |' % (x['command'], 1e3 * x['median'], 1e3 * x['mean'], 1e3 * x['stddev'], 1e3 * x['user'], 1e3 * x['system']))
print()
EOF
}

memory() {
	[ -x /usr/bin/time ] || { echo "memory: skipped (no /usr/bin/time)"; return; }
	local big=$WORK/200m.txt
	make_text 200000000 "$big"
	echo "## Peak memory (convert $(stat -c %s "$big") bytes to Traditional)"
	echo
	echo "| command | max RSS | wall |"
	echo "|---|---|---|"
	for cmd in "$ZP convert --to t $big -o $WORK/out_big.txt" "$ZP convert --to t $big" "opencc -c s2t.json -i $big -o $WORK/out_big.txt"; do
		/usr/bin/time -v sh -c "$cmd > /dev/null" 2>"$WORK/time.txt"
		rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$WORK/time.txt")
		wall=$(awk -F': ' '/Elapsed/ {print $2}' "$WORK/time.txt")
		echo "| \`${cmd//$WORK\//}\` | $((rss / 1024)) MB | $wall |"
	done
	rm -f "$WORK/out_big.txt"
	echo
}

case $what in
all) cases; corpus; speed; coldstart; memory ;;
cases | corpus | speed | coldstart | memory) $what ;;
*) echo "usage: $0 [all|cases|corpus|speed|coldstart|memory] [--runs N]" >&2; exit 2 ;;
esac
