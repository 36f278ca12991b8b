#!/usr/bin/env bash
# Segmentation accuracy on the SIGHAN 2005 test sets: zhpolicy, gse and
# prototypes of segmenter changes (bench/sighan, Go) and jieba
# (jieba_rows.py), scored alike; the tables replace the part of the section
# "Segmentation accuracy (SIGHAN 2005)" of bench/RESULTS.md between the
# markers <!-- sighan:begin --> and <!-- sighan:end -->.
#
#   bash bench/sighan/run.sh            # from the project root
#
# Environment: SIGHAN_DATA (default ../shared/bench/sighan2005),
# SIGHAN_SENTENCES=DIR to keep per-sentence scores and output,
# SIGHAN_NO_UPDATE=1 to print the tables without touching RESULTS.md.
# Skips (exit 0) when the data or jieba is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."

data=${SIGHAN_DATA:-../shared/bench/sighan2005}
py=/usr/bin/python3
if [ ! -d "$data/testing" ] || [ ! -d "$data/gold" ]; then
	echo "bench/sighan: $data not found (the SIGHAN 2005 data); skipping" >&2
	exit 0
fi
if [ ! -x "$py" ] || ! "$py" -c 'import jieba' 2>/dev/null; then
	echo "bench/sighan: jieba is not installed for $py (Debian: python3-jieba); skipping" >&2
	exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
start=$(date +%s)

gsedict="$(go list -m -f '{{.Dir}}' github.com/go-ego/gse)/data/dict/zh/s_1.txt"
go build -o "$tmp/sighan" ./bench/sighan
sentences=()
if [ -n "${SIGHAN_SENTENCES:-}" ]; then
	sentences=(-sentences "$SIGHAN_SENTENCES")
fi
"$tmp/sighan" -data "$data" -systems main,proto -gse-dict "$gsedict" -out "$tmp/go.tsv" "${sentences[@]}"
"$py" bench/sighan/jieba_rows.py "$data" "$tmp/jieba.tsv"
"$tmp/sighan" -merge "$tmp/go.tsv,$tmp/jieba.tsv" >"$tmp/tables.md"
cat "$tmp/go.tsv" <(tail -n +2 "$tmp/jieba.tsv") >bench/sighan/results.tsv
echo "bench/sighan: done in $(($(date +%s) - start))s; rows in bench/sighan/results.tsv" >&2

if [ -n "${SIGHAN_NO_UPDATE:-}" ]; then
	cat "$tmp/tables.md"
	exit 0
fi
"$py" - "$tmp/tables.md" bench/RESULTS.md <<'EOF'
import os, sys
tables = open(sys.argv[1], encoding="utf-8").read().rstrip("\n") + "\n"
path = sys.argv[2]
head = "## Segmentation accuracy (SIGHAN 2005)"
begin, end = "<!-- sighan:begin -->", "<!-- sighan:end -->"
block = begin + "\n" + tables + end
text = open(path, encoding="utf-8").read() if os.path.exists(path) else "# Benchmark results\n"
if begin in text and end in text:
    a = text.index(begin)
    b = text.index(end) + len(end)
    text = text[:a] + block + text[b:]
else:
    if head not in text:
        text = text.rstrip("\n") + "\n\n" + head + "\n\nRun: `bash bench/sighan/run.sh`\n"
    # append the block at the end of the section
    a = text.index(head)
    nxt = text.find("\n## ", a + len(head))
    if nxt < 0:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    else:
        text = text[:nxt].rstrip("\n") + "\n\n" + block + "\n" + text[nxt:]
tmp = path + ".tmp"
open(tmp, "w", encoding="utf-8").write(text)
os.replace(tmp, path)
print("bench/sighan: updated", path, file=sys.stderr)
EOF
