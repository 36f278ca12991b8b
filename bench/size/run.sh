#!/bin/sh
# Binary size and cold start of this tree against another revision (default b3e655c, the binary
# before issue 23's work, 68.1 MB): both built with `go build -trimpath ./cmd/zhpolicy`, sizes in
# bytes and the ratio; cold start of `segment` and `keywords` on a one-line file with hyperfine
# (-N, RUNS runs each after 10 warm-ups, alternating), medians and user time.
# Usage: RUNS=40 sh bench/size/run.sh [REV]
set -eu
cd "$(dirname "$0")/../.."
rev=${1:-b3e655c}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/src" && git archive "$rev" | tar -x -C "$tmp/src"
(cd "$tmp/src" && go build -trimpath -o "$tmp/old" ./cmd/zhpolicy)
go build -trimpath -o "$tmp/new" ./cmd/zhpolicy
echo "北京市推进高质量发展，建设国际科技创新中心。" >"$tmp/small.txt"
hyperfine -N -w 10 -r "${RUNS:-40}" --export-json "$tmp/hf.json" \
	"$tmp/old segment $tmp/small.txt" "$tmp/new segment $tmp/small.txt" \
	"$tmp/old keywords $tmp/small.txt" "$tmp/new keywords $tmp/small.txt" >/dev/null
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC')"
python3 - "$tmp/hf.json" "$tmp/old" "$tmp/new" "$rev" "$(git rev-parse --short HEAD)" <<'PY'
import json, os, sys
hf, old, new, rev, head = sys.argv[1:]
so, sn = os.path.getsize(old), os.path.getsize(new)
print("| binary | bytes | of %s |" % rev)
print("| --- | ---: | ---: |")
print("| %s | %s | 100%% |" % (rev, format(so, ",")))
print("| this tree (%s + changes) | %s | %.1f%% |" % (head, format(sn, ","), 100 * sn / so))
print()
print("| cold start, one line | %s median / user | this tree median / user |" % rev)
print("| --- | ---: | ---: |")
res = {r["command"]: r for r in json.load(open(hf))["results"]}
for cmd in ("segment", "keywords"):
    row = []
    for b in (old, new):
        r = next(v for k, v in res.items() if k.startswith(b + " " + cmd))
        row.append("%.1f / %.1f ms" % (1000 * r["median"], 1000 * r["user"]))
    print("| `%s` | %s | %s |" % (cmd, row[0], row[1]))
PY
