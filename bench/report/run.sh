#!/usr/bin/env bash
# zhpolicy report of the national government work reports (../shared/corpus/gwr,
# 1954–2025): time on 2 cores (taskset), peak memory, size of the HTML file,
# against the targets of the report issue: under a minute, under 15 MB.
# With SHOT=1 it also writes docs/report-timeline.png, the README's screenshot
# of the timeline (headless Chromium, through the browser test).
#
#   bench/report/run.sh                       # from the repository root
#   ZHPOLICY=/path/to/zhpolicy RUNS=5 SHOT=1 bench/report/run.sh
#
# Prints a Markdown table; exits 1 when a target is missed.
set -euo pipefail

cd "$(dirname "$0")/../.."
CORPUS=${CORPUS:-../shared/corpus/gwr}
RUNS=${RUNS:-3}
TRACK=${TRACK:-四个现代化,改革开放,社会主义市场经济,科学发展观,高质量发展,新质生产力}
MAX_SECONDS=60
MAX_BYTES=$((15 * 1000 * 1000))
if [ ! -d "$CORPUS" ]; then
	echo "bench/report: $CORPUS not found; skipped" >&2
	exit 0
fi
[ -x /usr/bin/time ] || { echo "bench/report: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "${ZHPOLICY:-}" ]; then
	go build -trimpath -o "$work/zhpolicy" ./cmd/zhpolicy
	ZHPOLICY=$work/zhpolicy
fi
if ! "$ZHPOLICY" report --help >/dev/null 2>&1; then
	echo "bench/report: $ZHPOLICY has no report command (is it added in pkg/cmd/root?)" >&2
	exit 1
fi
pin=()
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
	pin=(taskset -c 0,1)
fi

nfiles=$(find "$CORPUS" -type f -name '*.txt' | wc -l)
bytes=$(find "$CORPUS" -type f -name '*.txt' -print0 | xargs -0 cat | wc -c)

# best wall time of RUNS, its CPU time, the highest peak RSS
best="" cpu="" rss=0
for _ in $(seq "$RUNS"); do
	/usr/bin/time -v -o "$work/time" "${pin[@]}" "$ZHPOLICY" report -q -j 2 --track "$TRACK" -o "$work/gwr.html" "$CORPUS"
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); t=0; for(i=1;i<=n;i++) t=t*60+a[i]; print t}' "$work/time")
	u=$(awk -F': ' '/User time/ {print $2}' "$work/time")
	s=$(awk -F': ' '/System time/ {print $2}' "$work/time")
	m=$(awk -F': ' '/Maximum resident/ {print $2}' "$work/time")
	if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN{exit !(a<b)}'; then
		best=$wall
		cpu=$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u+s}')
	fi
	[ "$m" -gt "$rss" ] && rss=$m
done
size=$(wc -c < "$work/gwr.html")

cores="all cores"
[ ${#pin[@]} -gt 0 ] && cores="2 cores"
echo "| corpus | documents | input | wall (best of $RUNS, $cores) | CPU | peak RSS | report size |"
echo "|---|---:|---:|---:|---:|---:|---:|"
printf '| %s | %d | %.1f MB | %.2f s | %s s | %d MB | %.2f MB |\n' "$CORPUS" "$nfiles" "$(awk -v b="$bytes" 'BEGIN{print b/1e6}')" \
	"$best" "$cpu" $((rss / 1024)) "$(awk -v b="$size" 'BEGIN{print b/1e6}')"

fail=0
if awk -v a="$best" -v m="$MAX_SECONDS" 'BEGIN{exit !(a>=m)}'; then
	echo "bench/report: $best s is over the target of $MAX_SECONDS s" >&2
	fail=1
fi
if [ "$size" -ge "$MAX_BYTES" ]; then
	echo "bench/report: $size bytes is over the target of $MAX_BYTES" >&2
	fail=1
fi
# the page must not load anything: no script or style from elsewhere
if grep -Eq '<script[^>]+src=|<link[^>]+href=' "$work/gwr.html"; then
	echo "bench/report: the report loads an external resource" >&2
	fail=1
fi

if [ "${SHOT:-0}" = 1 ]; then
	mkdir -p docs
	ZHPOLICY_TIMELINE_SHOT=docs/report-timeline.png ZHPOLICY_TIMELINE_TRACK="$TRACK" \
		go test -count=1 -run '^TestBrowserTimelineShot$' ./pkg/cmd/report/ >&2
	echo "wrote docs/report-timeline.png" >&2
fi
exit $fail
