#!/usr/bin/env bash
# Runs every fuzz target of pkg/input for a while each (default 5 minutes)
# with the settings that keep them productive: a bounded minimisation per
# new input (-fuzzminimizetime=50x; Go's default of 60 s per input spent
# FuzzDOCX's whole budget minimising: 4-5 executions a minute) and, in the
# targets themselves, a 1 MiB unpacking limit per input. A crasher is
# written under pkg/input/testdata/fuzz/<target>/ by go test: commit it as
# a regression input.
#
#   bench/intake/fuzz.sh            # 5m each; prints a Markdown table
#   FUZZTIME=30s bench/intake/fuzz.sh FuzzPDF FuzzOFD
#   UPDATE=1 bench/intake/fuzz.sh   # and writes it as "## Intake fuzzing" in bench/RESULTS.md
set -uo pipefail
cd "$(dirname "$0")/../.."
. bench/internal/fuzz.sh
time=${FUZZTIME:-5m}
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
	targets=($(go test -list '^Fuzz' ./pkg/input | grep '^Fuzz'))
fi
status=0
table=$(mktemp)
trap 'rm -f "$table"' EXIT
{
	echo "## Intake fuzzing"
	echo
	echo "Every fuzz target of \`pkg/input\` for $time on one core (\`-parallel=1\`), run by \`bench/intake/fuzz.sh\`"
	echo "($(date -u +%Y-%m-%d)): \`go test -run='^\$' -fuzz='^TARGET\$' -fuzztime=$time -fuzzminimizetime=50x -parallel=1 ./pkg/input\`."
	echo
	echo "| target | executions | per second | new interesting inputs | result |"
	echo "|---|---|---|---|---|"
} >"$table"
for t in "${targets[@]}"; do
	fuzz_target ./pkg/input "$t" "$time"
	echo "$t: $fuzz_last" >&2
	result=ok
	if [ $fuzz_rc -ne 0 ]; then
		echo "$fuzz_out" | tail -n 30 >&2
		result="**failed**: crasher under pkg/input/testdata/fuzz/$t"
		status=1
	fi
	echo "| $t | $fuzz_execs | $fuzz_rate | $fuzz_interesting | $result |" >>"$table"
done
cat "$table"
if [ -n "${UPDATE:-}" ]; then
	python3 - "$table" bench/RESULTS.md <<'PY'
import sys, re
new = open(sys.argv[1]).read().rstrip("\n") + "\n"
path = sys.argv[2]
text = open(path).read()
m = re.search(r"^## Intake fuzzing\n.*?(?=^## |\Z)", text, flags=re.S | re.M)
if m:
    text = text[:m.start()] + new + "\n" + text[m.end():].lstrip("\n")
else:
    text = text.rstrip("\n") + "\n\n" + new
open(path, "w").write(text)
PY
fi
exit $status
