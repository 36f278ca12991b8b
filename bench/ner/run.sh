#!/usr/bin/env bash
# Named-entity accuracy of zhpolicy against a jieba baseline, on the public
# gold sets in ../shared/bench/ner (People's Daily 1998 example.test, MSRA
# test). Exact-span precision, recall and F1 for PER, LOC and ORG.
#
#   bash bench/ner/run.sh            # from the repository root
#
# Needs Go and Debian's python3-jieba (/usr/bin/python3). Skips cleanly when
# the gold sets are absent. Takes well under a minute.
set -euo pipefail
cd "$(dirname "$0")/../.."
NER=../shared/bench/ner
PD=$NER/peoples_daily_1998/example.test.spans.jsonl
MSRA=$NER/msra_test/msra_test.spans.jsonl
if [[ ! -f $PD || ! -f $MSRA ]]; then
	echo "bench/ner: $NER not found; skipping" >&2
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sets=()
for pair in "pd98:$PD" "msra:$MSRA"; do
	name=${pair%%:*}
	gold=${pair#*:}
	if /usr/bin/python3 -c 'import jieba' 2>/dev/null; then
		/usr/bin/python3 bench/ner/jieba_ner.py "$gold" >"$tmp/$name.jieba.jsonl"
		sets+=(-set "$name=$gold,$tmp/$name.jieba.jsonl")
	else
		echo "bench/ner: python3-jieba not installed; no baseline" >&2
		sets+=(-set "$name=$gold")
	fi
done
go run ./bench/ner "${sets[@]}" "$@"
