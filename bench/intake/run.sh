#!/usr/bin/env bash
# Intake of the formats governments publish (issue 18), measured on the
# fixtures of ../shared/bench/intake, and what the readers cost the binary.
#
#   bench/intake/run.sh            # writes the "## Intake" section of bench/RESULTS.md
#   NO_UPDATE=1 bench/intake/run.sh  # print it only
#   BASE=<rev> bench/intake/run.sh   # the "before" build (default: the merge base with main)
#
# 1. every fixture: share of expected lines found (the folder's rules) and
#    found as whole lines, time (median of repeated reads) and peak memory
#    of a process reading only that file, beside pdftotext (poppler-utils)
#    for the PDFs: go run ./bench/intake;
# 2. `zhpolicy analyze` over all of them: wall time and peak memory;
# 3. binary size and cold start (`zhpolicy segment` on a 1 KB text, which
#    reads no PDF) of the BASE build and of this tree, run A/B alternating.
#    Needs go, python3, /usr/bin/time; ../shared/bench/intake.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
shared=${SHARED:-$root/../shared}
intake=$shared/bench/intake
say() { printf '%s\n' "$*" >&2; }
if [ ! -f "$intake/manifest.tsv" ]; then
	say "skip: $intake is absent"
	exit 0
fi
for t in python3 /usr/bin/time; do
	command -v "$t" >/dev/null || { say "skip: $t is not installed (apt-get install python3 time)"; exit 0; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

say "building"
go build -trimpath -o "$work/intake" ./bench/intake
go build -trimpath -o "$work/after" ./cmd/zhpolicy
base=${BASE:-$(git merge-base HEAD main)}
mkdir -p "$work/base-src"
git archive "$base" | tar -x -C "$work/base-src"
(cd "$work/base-src" && go build -trimpath -o "$work/before" ./cmd/zhpolicy)

out=$work/section.md
{
	echo "## Intake"
	echo
	echo "Every fixture of \`../shared/bench/intake\` (see its README), read by \`pkg/input\`. *Lines found*: the"
	echo "expected lines found by the folder's comparison rules (whitespace and page-number lines ignored; a line"
	echo "must occur within one output line); *whole lines*: expected lines equal to a whole output line, which"
	echo "also needs the paragraphs rebuilt. Time: median of repeated reads in one process; peak RSS: a process"
	echo "reading only that file. pdftotext (poppler $(pdftotext -v 2>&1 | head -n1 | awk '{print $3}')) read the PDFs in the same run."
	echo "Reproduce: \`bench/intake/run.sh\` ($(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))."
	echo
	"$work/intake" -shared "$shared"
	echo
	if command -v chromium >/dev/null; then
		echo "PDFs from another producer (\`bench/intake/chromium.sh\`): documents of \`../shared/corpus\` laid out in three"
		echo "styles (16 pt justified, 14 pt ragged right, 12 pt dense) and printed by headless Chromium (Skia/PDF, Type0"
		echo "Identity-H fonts); the documents' own lines are the expected lines. DEV documents were looked at while writing"
		echo "the reader; TESTA documents were looked at once while tuning the line joining (not clean); TESTB documents"
		echo "were measured once, with the code as committed."
		echo
		bash bench/intake/chromium.sh
		echo
	fi
	files=$(awk -F'\t' 'NR>1{print $1}' "$intake/manifest.tsv")
	# analyze over all fixtures (the bad ones are named on stderr and skipped: exit 3)
	(cd "$intake" && /usr/bin/time -f '%e %M' -o "$work/analyze.time" "$work/after" analyze $files >"$work/analyze.out" 2>"$work/analyze.err") || true
	read -r secs kb < <(tail -n 1 "$work/analyze.time") # after "Command exited with non-zero status 3"
	docs=$(grep -m1 'documents' "$work/analyze.out" | tr -dc '0-9')
	skipped=$(grep -v -c 'warning\|inputs\? skipped' "$work/analyze.err" || true)
	echo "\`zhpolicy analyze\` over all $(echo "$files" | wc -l) fixtures: ${docs} documents analysed, ${skipped} skipped with their"
	echo "message, in ${secs} s with a peak RSS of $((kb / 1024)) MB."
	echo
	# binary size and cold start, before and after
	head -c 1000 "$shared/corpus/gwr/2024.txt" >"$work/small.txt" 2>/dev/null || printf '推动高质量发展。\n%.0s' $(seq 40) >"$work/small.txt"
	python3 - "$work/before" "$work/after" "$base" "$work/small.txt" "${RUNS:-40}" <<'PY'
import os, statistics, subprocess, sys, time
before, after, base, small, runs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
def once(binary):
    t = time.perf_counter()
    subprocess.run([binary, "segment", small], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - t) * 1000
for b in (before, after):  # warm the page cache
    once(b); once(b)
tb, ta = [], []
for i in range(runs):  # A/B alternating, so that load changes hit both
    if i % 2 == 0:
        tb.append(once(before)); ta.append(once(after))
    else:
        ta.append(once(after)); tb.append(once(before))
sb, sa = os.path.getsize(before), os.path.getsize(after)
mb, ma = statistics.median(tb), statistics.median(ta)
ratios = sorted(a / b for a, b in zip(ta, tb))
print("| build | binary size | cold start, `segment` on 1 KB (median of %d, A/B alternating) |" % runs)
print("|---|---|---|")
print(f"| before (`{base[:9]}`) | {sb/1e6:.2f} MB | {mb:.1f} ms |")
print(f"| after (this tree) | {sa/1e6:.2f} MB ({(sa-sb)/1e3:+.0f} kB) | {ma:.1f} ms (paired ratio after/before: median {statistics.median(ratios):.3f}) |")
PY
} >"$out"
cat "$out"
if [ -z "${NO_UPDATE:-}" ]; then
	python3 - "$out" bench/RESULTS.md <<'PY'
import sys, re
new = open(sys.argv[1]).read().rstrip("\n") + "\n"
path = sys.argv[2]
text = open(path).read()
m = re.search(r"^## Intake\n.*?(?=^## |\Z)", text, flags=re.S | re.M)
if m:
    text = text[:m.start()] + new + "\n" + text[m.end():].lstrip("\n")
else:
    text = text.rstrip("\n") + "\n\n" + new
open(path, "w").write(text)
PY
	say "bench/RESULTS.md: section \"## Intake\" written"
fi
