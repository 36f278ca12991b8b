#!/usr/bin/env bash
# Networks over the shared ministry notices: GEXF 1.3 and GraphML written,
# read back and compared; the GEXF checked against the published GEXF 1.3
# schema with xmllint (Debian libxml2-utils) when ZHPOLICY_GEXF_XSD names a
# folder holding gexf.xsd, viz.xsd and dynamics.xsd (the schema is not
# shipped with zhpolicy). Writes the network section of bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
D=../shared/corpus/ministry_provincial_notices
if [ ! -d "$D" ]; then echo "network bench: $D not found; skipped"; exit 0; fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
go run ./bench/network -out "$out" "$D" > "$out/log.txt"
{
  echo '<!-- network:begin -->'
  echo '```'
  cat "$out/log.txt"
  for f in "$out"/*.gexf; do
    if [ -n "${ZHPOLICY_GEXF_XSD:-}" ] && command -v xmllint >/dev/null; then
      xmllint --noout --schema "$ZHPOLICY_GEXF_XSD/gexf.xsd" "$f" 2>&1 | sed "s|$out/||"
    else
      echo "$(basename "$f"): schema check skipped (set ZHPOLICY_GEXF_XSD and install libxml2-utils)"
    fi
  done
  echo '```'
  echo "The same structure checks run in \`go test ./pkg/analysis/network\` (\`checkGEXF\`: namespace, version,"
  echo "element order and nesting, required attributes, declared attribute types and integer values, node"
  echo "references, counts), and with \`ZHPOLICY_GEXF_XSD\` set the test runs xmllint too."
  echo '<!-- network:end -->'
} > "$out/section.md"
python3 bench/internal/splice.py bench/RESULTS.md network "$out/section.md"
cat "$out/section.md"
