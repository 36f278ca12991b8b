#!/bin/sh
# The government-work-report check of issue 5: `zhpolicy keywords --idf
# corpus --top 10` over ../shared/corpus/gwr/ (52 reports, 1954–2025); every
# top 10 must be free of the words every report uses, and the 2020s reports
# must show their own themes. Prints each year's top 10. Skips cleanly when
# the corpus is absent.
set -eu
cd "$(dirname "$0")/../.."
if [ ! -d ../shared/corpus/gwr ]; then
	echo "bench/keywords: ../shared/corpus/gwr not found; skipped"
	exit 0
fi
exec go test -count=1 -v -run '^TestGovernmentWorkReports$' ./pkg/cmd/keywords
