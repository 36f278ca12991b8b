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
	out=$(go test -run='^$' -fuzz="^$t\$" -fuzztime="$time" -fuzzminimizetime=50x -parallel="${PARALLEL:-1}" ./pkg/input 2>&1)
	rc=$?
	last=$(echo "$out" | grep -E '^fuzz: elapsed' | tail -n 1)
	echo "$t: $last" >&2
	execs=$(echo "$last" | sed -n 's/.*execs: \([0-9]*\).*/\1/p')
	secs=$(echo "$last" | sed -n 's/.*elapsed: \([0-9hms]*\),.*/\1/p')
	interesting=$(echo "$last" | sed -n 's/.*new interesting: \([0-9]*\).*/\1/p')
	rate=$(python3 -c "import re,sys; t=sys.argv[2]; s=sum(int(n)*{'h':3600,'m':60,'s':1}[u] for n,u in re.findall(r'(\d+)([hms])',t)) or 1; print(int(int(sys.argv[1] or 0)/s))" "$execs" "$secs")
	result=ok
	if [ $rc -ne 0 ]; then
		echo "$out" | tail -n 30 >&2
		result="**failed**: crasher under pkg/input/testdata/fuzz/$t"
		status=1
	fi
	echo "| $t | $execs | $rate | $interesting | $result |" >>"$table"
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
