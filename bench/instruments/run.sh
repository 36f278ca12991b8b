#!/usr/bin/env bash
# Instrument coding against the blind gold: Cohen's κ of the tool's primary
# codes (built-in Rothwell–Zegveld frame, sentence units) on DEV and TEST.
# Writes the tables between the instruments markers of bench/RESULTS.md.
# Run from the project root: bash bench/instruments/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
S=../shared
C=$S/corpus/ministry_provincial_notices
if [ ! -d "$C" ] || [ ! -f "$S/bench/intake/expected/gongwen.txt" ]; then
  echo "instruments bench: $S not found; skipped"; exit 0
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
go run ./bench/instruments/kappa -gold bench/instruments/gold/dev_coding.csv \
  $C/shandong_042.txt $C/shandong_052.txt $C/central_009.txt > "$out/dev.txt"
go run ./bench/instruments/kappa -gold bench/instruments/gold/coding.csv \
  $S/bench/intake/expected/gongwen.txt $C/shandong_013.txt $C/central_046.txt $C/shandong_030.txt > "$out/test.txt"
{
  echo '<!-- instruments:begin -->'
  echo 'DEV (shandong_042, shandong_052, central_009; 164 sentences; the frame was tuned on these):'
  echo '```'; cat "$out/dev.txt"; echo '```'
  echo 'TEST (gongwen, shandong_013, central_046, shandong_030; 179 sentences (two 版记 lines of gongwen are no longer units); measured once, no tuning after):'
  echo '```'; cat "$out/test.txt"; echo '```'
  echo '<!-- instruments:end -->'
} > "$out/section.md"
python3 bench/internal/splice.py bench/RESULTS.md instruments "$out/section.md"
cat "$out/section.md"
