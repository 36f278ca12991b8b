#!/bin/sh
# Keyword quality of zhpolicy against jieba.analyse, in one run, on the
# policy/social-science subset of the CSL keyword gold (see
# bench/RESULTS.md, section "Keywords (CSL)"). Extra arguments go to the Go
# program (-data FILE, -exclude FILE, -jieba=false, -dump N …).
# Skips cleanly when the data or python3-jieba is absent.
set -eu
cd "$(dirname "$0")/../.."
data=../shared/bench/keywords/policy_social_science_subset.jsonl
if [ ! -f "$data" ]; then
	echo "bench/keywords: $data not found; skipped"
	exit 0
fi
if ! /usr/bin/python3 -c 'import jieba.analyse' 2>/dev/null; then
	echo "bench/keywords: /usr/bin/python3 with jieba (Debian python3-jieba) not found; skipped"
	exit 0
fi
exec go run ./bench/keywords -data "$data" "$@"
