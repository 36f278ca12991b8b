#!/usr/bin/env bash
# Runs the fuzz targets outside pkg/input (those: bench/intake/fuzz.sh) for a
# while each (default 5 minutes) on one core, with a bounded minimisation
# per new input (-fuzzminimizetime=50x), and prints a Markdown table. A
# crasher is written under <package>/testdata/fuzz/<target>/ by go test:
# commit it as a regression input.
#
#   bench/fuzz/run.sh                                # every target, 5m each
#   FUZZTIME=30s bench/fuzz/run.sh ./pkg/segment:FuzzCut
set -uo pipefail
cd "$(dirname "$0")/../.."
. bench/internal/fuzz.sh
time=${FUZZTIME:-5m}
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
	while IFS= read -r line; do
		file=${line%%:*}
		name=$(echo "$line" | sed -n 's/.*func \(Fuzz[A-Za-z0-9_]*\).*/\1/p')
		dir=./$(dirname "$file")
		[ "$dir" = ./pkg/input ] && continue
		targets+=("$dir:$name")
	done < <(grep -rn --include='*_test.go' '^func Fuzz' pkg internal | sort)
fi
status=0
echo "Every fuzz target outside pkg/input for $time on one core, by \`bench/fuzz/run.sh\` ($(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)):"
echo "\`go test -run='^\$' -fuzz='^TARGET\$' -fuzztime=$time -fuzzminimizetime=50x -parallel=1 PACKAGE\`."
echo
echo "| package | target | executions | per second | new interesting inputs | result |"
echo "|---|---|---|---|---|---|"
for pt in "${targets[@]}"; do
	pkg=${pt%%:*}
	t=${pt##*:}
	fuzz_target "$pkg" "$t" "$time"
	echo "$pkg $t: rc=$fuzz_rc $fuzz_last" >&2
	result=ok
	if [ $fuzz_rc -ne 0 ]; then
		result="FAILED: $(echo "$fuzz_out" | grep -m1 -E 'Failing input|panic|--- FAIL' | tr '|' '/')"
		status=1
	fi
	echo "| \`$pkg\` | $t | $(printf "%'d" "${fuzz_execs:-0}") | $(printf "%'d" "$fuzz_rate") | ${fuzz_interesting:-0} | $result |"
done
exit $status
