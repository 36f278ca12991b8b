#!/usr/bin/env bash
# Document structure (GB/T 9704): element coverage over the shared ministry notices (DEV and TEST),
# the blind gold of 20 TEST notices, the fictional 公文 in every text we can get (the expected text;
# pdftotext's three layouts of gongwen.pdf when pdftotext is installed; the readers of pkg/input),
# the OFD 公文, and the parser's speed on normal and absurd inputs (go test -bench, one run).
# Writes the section between the structure markers of bench/RESULTS.md.
# Run from the project root: bash bench/structure/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
S=../shared
if [ ! -d "$S/corpus/ministry_provincial_notices" ] || [ ! -f "$S/bench/intake/expected/gongwen.txt" ]; then
  echo "structure bench: $S not found; skipped"; exit 0
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
texts=()
if command -v pdftotext >/dev/null; then
  pdftotext "$S/bench/intake/gongwen.pdf" "$out/gongwen.pdf-pdftotext.txt"
  pdftotext -raw "$S/bench/intake/gongwen.pdf" "$out/gongwen.pdf-pdftotext-raw.txt"
  pdftotext -layout "$S/bench/intake/gongwen.pdf" "$out/gongwen.pdf-pdftotext-layout.txt"
  texts+=("$out"/gongwen.pdf-pdftotext*.txt)
fi
go run ./bench/structure/extract "$out" "$S"/bench/intake/gongwen.* "$S"/bench/intake/ofd/n.ofd >/dev/null
texts+=("$out"/gongwen.*-zhpolicy.txt)
ofd=()
[ -f "$out/n.ofd-zhpolicy.txt" ] && ofd=(-ofd "$out/n.ofd-zhpolicy.txt")
go run ./bench/structure/measure -shared "$S" -gold bench/structure/gold/notices_test.json "${ofd[@]}" "${texts[@]}" > "$out/measure.md"
go test -run '^$' -bench 'Parse' -benchtime 20x ./pkg/structure > "$out/bench.txt"
{
  echo '<!-- structure:begin -->'
  cat "$out/measure.md"
  echo 'Speed (`go test -bench Parse -benchtime 20x ./pkg/structure`, one run, this machine; the absurd'
  echo 'inputs must stay within an order of magnitude of the normal documents per byte):'
  echo
  echo '| input | MB/s | ratio to the 公文 |'
  echo '| --- | ---: | ---: |'
  awk '/^BenchmarkParse/ { name=$1; sub(/^BenchmarkParse/, "", name); sub(/-[0-9]+$/, "", name);
        for (i=1;i<=NF;i++) if ($(i+1)=="MB/s") mbs=$i;
        if (name=="Gongwen") base=mbs; rows[++n]=name; v[n]=mbs }
       END { for (i=1;i<=n;i++) printf "| %s | %.1f | %.2f |\n", rows[i], v[i], v[i]/base }' "$out/bench.txt"
  echo '<!-- structure:end -->'
} > "$out/section.md"
if ! grep -q '<!-- structure:begin -->' bench/RESULTS.md; then
  printf '\n## Document structure (GB/T 9704)\n\n<!-- structure:begin -->\n<!-- structure:end -->\n' >> bench/RESULTS.md
fi
python3 bench/internal/splice.py bench/RESULTS.md structure "$out/section.md"
cat "$out/section.md"
