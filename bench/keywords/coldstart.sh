#!/bin/sh
# Cold start of `zhpolicy keywords` on a one-line file: this worktree
# against another revision (default: the commit before the background was
# read in place) and the keyword defaults before issue 17 (b3e655c), with
# hyperfine, medians and user time. Usage: bench/keywords/coldstart.sh [REV]
set -eu
cd "$(dirname "$0")/../.."
rev=${1:-654ca6d}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/src" && git archive "$rev" | tar -x -C "$tmp/src"
(cd "$tmp/src" && go build -o "$tmp/a" ./cmd/zhpolicy)
go build -o "$tmp/b" ./cmd/zhpolicy
old=$(sh bench/keywords/old.sh)
echo "北京市推进高质量发展，建设国际科技创新中心。" > "$tmp/small.txt"
hyperfine -N -w 10 -r "${RUNS:-60}" --export-json "$tmp/hf.json" \
	"$old keywords $tmp/small.txt" "$tmp/a keywords $tmp/small.txt" "$tmp/b keywords $tmp/small.txt" >/dev/null
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "| binary | median | user | min |"
echo "| --- | ---: | ---: | ---: |"
python3 - "$tmp/hf.json" "$old" "$tmp/a" "$tmp/b" "$rev" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
names = {sys.argv[2]: "before issue 17 (b3e655c)", sys.argv[3]: "background parsed at start (%s)" % sys.argv[5], sys.argv[4]: "background read in place (this tree)"}
for r in d["results"]:
    b = r["command"].split()[0]
    print("| %s | %.1f ms | %.1f ms | %.1f ms |" % (names[b], 1000 * r["median"], 1000 * r["user"], 1000 * r["min"]))
PY
