#!/usr/bin/env bash
# Cleaning (issue 14): boilerplate removal and report metadata on the 25 provincial work
# reports against the gold in bench/clean/gold (go run ./bench/clean), DEV and TEST apart;
# and the speed of normalize.Clean against the version before the boilerplate pass (BASE,
# default: the merge base with main), Go benchmarks run alternately, medians.
# The tables replace the part of the section "Cleaning: boilerplate and metadata" of
# bench/RESULTS.md between <!-- clean:begin --> and <!-- clean:end -->.
#
#   bash bench/clean/run.sh            # from the project root; about five minutes
#
# Environment: BASE=<commit>, ROUNDS (default 5), CLEAN_NO_UPDATE=1 to print only.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
ROUNDS=${ROUNDS:-5}
BASE=${BASE:-$(git merge-base HEAD main 2>/dev/null || echo "")}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

{
	echo "Run: \`bash bench/clean/run.sh\` ($(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD))."
	echo "Gold: \`bench/clean/gold\` (README there: who annotated, how, blind). Split: /work/brief/SPLIT.md."
	echo
	echo "Accuracy, \`go run ./bench/clean -markdown\`:"
	go run ./bench/clean -markdown
	echo
	echo "What is left, \`go run ./bench/clean -list\` (all 25 reports):"
	echo
	echo '```'
	go run ./bench/clean -list | grep '^  ' || echo "(nothing)"
	echo '```'
} >"$tmp/accuracy.md"

speed=""
if [ -n "$BASE" ]; then
	mkdir -p "$tmp/base"
	git archive "$BASE" | tar -x -C "$tmp/base"
	(cd "$tmp/base" && go test -c -o "$tmp/base.test" ./pkg/normalize)
	go test -c -o "$tmp/head.test" ./pkg/normalize
	benches='^Benchmark(Clean|CleanIndented|CleanPinyin)$'
	for i in $(seq "$ROUNDS"); do
		for v in base head; do
			"$tmp/$v.test" -test.run '^$' -test.bench "$benches" -test.benchtime 20x >>"$tmp/$v.txt"
		done
	done
	"$tmp/head.test" -test.run '^$' -test.bench '^BenchmarkCleanPortal$' -test.benchtime 20x -test.count "$ROUNDS" >>"$tmp/head.txt"
	speed=$(python3 - "$tmp/base.txt" "$tmp/head.txt" "$BASE" "$ROUNDS" <<'EOF'
import re, statistics, sys
def read(p):
    d = {}
    for line in open(p):
        m = re.match(r'(Benchmark\S+?)(-\d+)?\s+\d+\s+(\d+(?:\.\d+)?) ns/op\s+(\d+(?:\.\d+)?) MB/s', line)
        if m:
            d.setdefault(m.group(1), []).append((float(m.group(3)), float(m.group(4))))
    return d
base, head = read(sys.argv[1]), read(sys.argv[2])
print("Speed of `normalize.Clean` (DefaultOptions), Go benchmarks, %s alternating rounds of 20 iterations, "
      "medians; base = %s (before the boilerplate pass), load average %s:" % (sys.argv[4], sys.argv[3][:10], open('/proc/loadavg').read().split()[0]))
print()
print("| benchmark | base MB/s | now MB/s | time now / base |")
print("|---|---|---|---|")
names = {"BenchmarkClean": "clean policy text (no change to make)", "BenchmarkCleanIndented": "paragraphs indented with ideographic spaces",
         "BenchmarkCleanPinyin": "a pinyin-annotated page", "BenchmarkCleanPortal": "a scraped report with page chrome (new)"}
for k in ["BenchmarkClean", "BenchmarkCleanIndented", "BenchmarkCleanPinyin", "BenchmarkCleanPortal"]:
    h = head.get(k)
    if not h:
        continue
    hm = statistics.median(x[1] for x in h)
    ht = statistics.median(x[0] for x in h)
    b = base.get(k)
    if b:
        bm = statistics.median(x[1] for x in b)
        bt = statistics.median(x[0] for x in b)
        print("| %s | %.1f | %.1f | %.2f |" % (names[k], bm, hm, ht / bt))
    else:
        print("| %s | – | %.1f | – |" % (names[k], hm))
EOF
)
fi

out="$tmp/section.md"
{
	cat "$tmp/accuracy.md"
	echo
	[ -n "$speed" ] && echo "$speed"
} >"$out"

if [ -n "${CLEAN_NO_UPDATE:-}" ]; then
	cat "$out"
	exit 0
fi
python3 - "$out" bench/RESULTS.md <<'EOF'
import os, sys
block_body = open(sys.argv[1], encoding="utf-8").read().rstrip("\n") + "\n"
path = sys.argv[2]
head = "## Cleaning: boilerplate and metadata"
begin, end = "<!-- clean:begin -->", "<!-- clean:end -->"
block = begin + "\n" + block_body + end
text = open(path, encoding="utf-8").read()
if begin in text and end in text:
    a, b = text.index(begin), text.index(end) + len(end)
    text = text[:a] + block + text[b:]
else:
    if head not in text:
        text = text.rstrip("\n") + "\n\n" + head + "\n\n"
    a = text.index(head)
    nxt = text.find("\n## ", a + len(head))
    if nxt < 0:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    else:
        text = text[:nxt].rstrip("\n") + "\n\n" + block + "\n" + text[nxt:]
open(path + ".tmp", "w", encoding="utf-8").write(text)
os.replace(path + ".tmp", path)
print("bench/clean: updated", path, file=sys.stderr)
EOF
