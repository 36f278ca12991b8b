#!/usr/bin/env bash
# Cold start of the entity tables (issue 17's item in pkg/analysis/entities):
# `zhpolicy keywords` on one tiny file — a run whose time is mostly start-up,
# and that needs the recogniser (keywords tag names) — built from a base
# commit and from this tree, timed by hyperfine in alternating rounds of the
# same run; prints a Markdown table of the medians over the rounds.
#
#   bash bench/entities/coldstart.sh BASE        # e.g. main, or a commit
#   ROUNDS=5 RUNS=30 bash bench/entities/coldstart.sh main
#
# Needs Go, hyperfine and python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
BASE=${1:?usage: coldstart.sh BASE-COMMIT}
ROUNDS=${ROUNDS:-5}
RUNS=${RUNS:-30}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/base"
git archive "$BASE" | tar -x -C "$tmp/base"
(cd "$tmp/base" && go build -o "$tmp/zp-base" ./cmd/zhpolicy)
go build -o "$tmp/zp-head" ./cmd/zhpolicy
printf '国务院关于推进高质量发展的意见。\n习近平总书记强调，要坚持稳中求进工作总基调。\n' >"$tmp/tiny.txt"
cmp <("$tmp/zp-base" keywords "$tmp/tiny.txt") <("$tmp/zp-head" keywords "$tmp/tiny.txt") ||
	{ echo "coldstart: outputs differ" >&2; exit 1; }
for i in $(seq "$ROUNDS"); do
	# alternate which goes first
	if ((i % 2)); then a=base b=head; else a=head b=base; fi
	hyperfine -N -w 3 -r "$RUNS" --export-json "$tmp/r$i.json" \
		-n "$a" "$tmp/zp-$a keywords $tmp/tiny.txt" -n "$b" "$tmp/zp-$b keywords $tmp/tiny.txt" >/dev/null 2>&1
done
python3 - "$tmp" "$ROUNDS" "$RUNS" "$BASE" "$(git rev-parse --short "$BASE")" <<'PY'
import json, statistics, sys
tmp, rounds, runs, base, short = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
med = {"base": {"wall": [], "user": [], "sys": []}, "head": {"wall": [], "user": [], "sys": []}}
for i in range(1, rounds + 1):
    for r in json.load(open(f"{tmp}/r{i}.json"))["results"]:
        m = med[r["command"]]
        m["wall"].append(statistics.median(r["times"]))
        m["user"].append(statistics.median(r["user"]) if isinstance(r["user"], list) else r["user"])
        m["sys"].append(statistics.median(r["system"]) if isinstance(r["system"], list) else r["system"])
print(f"`zhpolicy keywords` on a two-line file, {rounds} alternating hyperfine rounds of {runs} runs each, medians over the rounds (ms):")
print()
print("| binary | wall | user CPU | system CPU |")
print("| --- | ---: | ---: | ---: |")
for k, name in (("base", f"{base} ({short})"), ("head", "this tree")):
    m = med[k]
    print(f"| {name} | {1000*statistics.median(m['wall']):.1f} | {1000*statistics.median(m['user']):.1f} | {1000*statistics.median(m['sys']):.1f} |")
b, h = statistics.median(med["base"]["wall"]), statistics.median(med["head"]["wall"])
bu, hu = statistics.median(med["base"]["user"]), statistics.median(med["head"]["user"])
print()
print(f"wall time ratio base/this tree {b/h:.2f}×, user CPU ratio {bu/hu:.2f}×.")
PY
