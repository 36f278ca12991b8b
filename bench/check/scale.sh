#!/usr/bin/env bash
# Scaling of `check` on its two formerly quadratic paths (issue 22): one long line with many
# findings, and the duplicate rule over thousands of near-copies. Runs bench/check/scale
# built from this tree and from BASE (default: the merge base with main), sizes doubling,
# and writes the table into bench/RESULTS.md (section "## Check", between
# <!-- check-scale:begin --> and <!-- check-scale:end -->). Near-linear: the time per MiB
# or per 1000 documents stays flat as the size doubles.
#
#   bash bench/check/scale.sh     # from the project root; a few minutes (the base is slow)
#
# Environment: BASE=<commit>, SCALE_NO_UPDATE=1 to print only.
set -euo pipefail
cd "$(dirname "$0")/../.."
BASE=${BASE:-$(git merge-base HEAD main 2>/dev/null || echo "")}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/head" ./bench/check/scale
if [ -n "$BASE" ]; then
	mkdir -p "$tmp/base"
	git archive "$BASE" | tar -x -C "$tmp/base"
	mkdir -p "$tmp/base/bench/check/scale"
	cp bench/check/scale/main.go "$tmp/base/bench/check/scale/"
	(cd "$tmp/base" && go build -o "$tmp/basebin" ./bench/check/scale)
fi
{
	cat <<'INTRO'
Issue 22: `check` on one 50 MB line was quadratic (each finding counted the runes from the start of its
line) and so was the duplicate rule on thousands of near-copies (every LSH bucket proposed every earlier
document). Columns are now counted from checkpoints every 1 KiB (and from the last count, as rules report
in order), buckets remember their 32 most recent documents, and the exact similarity compares sorted shingle
sets; `go test ./pkg/analysis/check -bench 'LongLine|FindDuplicates'` has the Go benchmarks. Issue 23: the
package imports no regexp (a test checks). Issue 14: a script-mix finding names only characters outside the
通用规范汉字表 that OpenCC changes in the context of their line (吒 in 《哪吒2》, 昇 in 昇腾 are standard;
濛 is not in the table, so 濛溪河 is still named); `TestScriptFindingsNameOnlyNonStandardCharacters` checks
it on every document of `../shared/corpus` (219 findings).

INTRO
	echo "Scaling, \`bash bench/check/scale.sh\` ($(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD), base ${BASE:0:10}, load average $(cut -d' ' -f1 /proc/loadavg)): one run each, sizes doubling; near-linear means the last column stays flat."
	echo
	echo "| path | version | size | time | per MiB or per 1000 documents |"
	echo "|---|---|---|---|---|"
	row() { awk -F'\t' -v v="$1" '{print "| " $1 " | " v " | " $2 " | " $3 " | " $4 " |"}'; }
	if [ -n "$BASE" ]; then
		"$tmp/basebin" -what line -sizes 128,256,512 | row base
	fi
	"$tmp/head" -what line -sizes 128,256,512,4096,16384 | row now
	if [ -n "$BASE" ]; then
		"$tmp/basebin" -what dup -sizes 2500,5000,10000 | row base
	fi
	"$tmp/head" -what dup -sizes 2500,5000,10000,20000 | row now
} >"$tmp/scale.md"
if [ -n "${SCALE_NO_UPDATE:-}" ]; then
	cat "$tmp/scale.md"
	exit 0
fi
python3 - "$tmp/scale.md" bench/RESULTS.md <<'PY'
import os, sys
body = open(sys.argv[1], encoding="utf-8").read().rstrip("\n") + "\n"
path = sys.argv[2]
head = "## Check"
begin, end = "<!-- check-scale:begin -->", "<!-- check-scale:end -->"
block = begin + "\n" + body + end
text = open(path, encoding="utf-8").read()
if begin in text and end in text:
    a, b = text.index(begin), text.index(end) + len(end)
    text = text[:a] + block + text[b:]
else:
    a = text.index(head)
    nxt = text.find("\n## ", a + len(head))
    text = text[:nxt].rstrip("\n") + "\n\n" + block + "\n" + text[nxt:] if nxt >= 0 else text.rstrip("\n") + "\n\n" + block + "\n"
open(path + ".tmp", "w", encoding="utf-8").write(text)
os.replace(path + ".tmp", path)
print("bench/check/scale: updated", path, file=sys.stderr)
PY
