#!/usr/bin/env bash
# Two-fold cross-validation of the person-name statistics on the People's
# Daily development set: count dict/entities/givenchars.txt on the odd
# sentences of example.dev and score the even ones, then the other way round.
# Scoring the development set with statistics counted on all of it flatters
# PER; this gives the honest figure for choosing smoothing and thresholds
# without touching the test sets. Restores givenchars.txt when done.
#
#   bash bench/ner/crossval.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
DEV=../shared/bench/ner/peoples_daily_1998/example.dev
if [[ ! -f $DEV ]]; then
	echo "bench/ner: $DEV not found; skipping" >&2
	exit 0
fi
keep=$(mktemp)
cp dict/entities/givenchars.txt "$keep"
trap 'cp "$keep" dict/entities/givenchars.txt; rm -f "$keep"' EXIT
for fold in odd:even even:odd; do
	train=${fold%%:*}
	test=${fold#*:}
	go run ./dict/entities/gen -dev "$DEV" -part "$train"
	go run ./bench/ner -part "$test" -set "dev-$test=$DEV" "$@" | grep -E '^\| dev'
done
