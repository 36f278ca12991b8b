#!/usr/bin/env bash
# Text reuse over the shared corpus: the known cases (recall), the other
# pairs above the default thresholds, and time and peak memory on the whole
# shared corpus and on a 10-fold synthetic corpus (ciphered copies, see
# main.go), run one after the other in this script.
# Writes the reuse section of bench/RESULTS.md. From the project root:
#   bash bench/reuse/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
S=../shared/corpus
if [ ! -d "$S/ministry_provincial_notices" ]; then echo "reuse bench: $S not found; skipped"; exit 0; fi
if [ ! -x /usr/bin/time ]; then echo "reuse bench: needs GNU time (Debian package time)"; exit 1; fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
go build -o "$out/reusebench" ./bench/reuse
ALL="$S/ministry_provincial_notices $S/gwr $S/cpc_congress $S/npc_resolutions $S/provincial_gwr_2026 $S/taiwan_presidential_office"
T="-min 0.3 -min-aligned 400"
"$out/reusebench" $T -tsv $S/ministry_provincial_notices > "$out/notices.tsv" 2> "$out/notices.err"
run() { # name copies
  /usr/bin/time -f "%e %M" -o "$out/$1.time" "$out/reusebench" -copies "$2" $T -tsv $ALL > "$out/$1.tsv" 2> "$out/$1.err"
}
run all1 1; run all10 10; run all1b 1; run all10b 10
python3 - "$out" > "$out/section.md" <<'PY'
import sys, os
d = sys.argv[1]
def pairs(f):
    rows = []
    for line in open(os.path.join(d, f), encoding="utf8"):
        a, b, kind, ca, cb, al, np, src, lag = line.rstrip("\n").split("\t")
        a = a.split("/")[-1]; b = b.split("/")[-1]; src = src.split("/")[-1]
        rows.append((a, b, kind, float(ca), float(cb), int(al), int(np), src, lag))
    return rows
known_dups = [("central_048","central_049"),("central_048","central_050"),("central_049","central_050"),
    ("central_122","central_129"),("central_007","central_162"),("central_077","central_080"),
    ("central_062","central_081"),("central_037","shandong_033")]
known_reuse = [("central_070","shandong_036"),("central_070","shandong_032")]
rows = pairs("notices.tsv")
by = {(r[0], r[1]): r for r in rows}
print("<!-- reuse:begin -->")
print("Known cases (`../shared/corpus/README.md`), ministry_provincial_notices (185 documents), default thresholds")
print("(containment ≥ 0.3 one way and ≥ 400 aligned characters):\n")
print("| pair | found | kind | containment A | containment B | aligned chars | passages | source → lag |")
print("| --- | --- | --- | --- | --- | --- | --- | --- |")
found = 0
for k in known_dups + known_reuse:
    r = by.get(k)
    if r:
        found += 1
        print(f"| {k[0]} – {k[1]} | yes | {r[2]} | {r[3]:.3f} | {r[4]:.3f} | {r[5]} | {r[6]} | {r[7] or '–'} {r[8] + ' d' if r[8] else ''} |")
    else:
        print(f"| {k[0]} – {k[1]} | **no** | | | | | | |")
print(f"\nRecall on the listed cases: {found}/{len(known_dups)+len(known_reuse)}.\n")
others = [r for r in rows if (r[0], r[1]) not in known_dups + known_reuse]
print(f"Other pairs above the thresholds: {len(others)} (all of them, by containment; verdicts by eye in bench/reuse/README.md):\n")
print("| pair | kind | containment A | containment B | aligned chars | passages |")
print("| --- | --- | --- | --- | --- | --- |")
for r in others[:25]:
    print(f"| {r[0]} – {r[1]} | {r[2]} | {r[3]:.3f} | {r[4]:.3f} | {r[5]} | {r[6]} |")
def stat(name):
    e = open(os.path.join(d, name + ".err"), encoding="utf8").read().splitlines()[0]
    t, m = open(os.path.join(d, name + ".time")).read().split()
    return e, float(t), int(m) // 1024, sum(1 for _ in open(os.path.join(d, name + ".tsv"), encoding="utf8"))
print("\nTime and memory, whole shared corpus (all six folders) and a 10-fold synthetic corpus (ten ciphered copies:")
print("same lengths and reuse structure, no text shared between copies), one process each, run twice in turn")
print("(1×, 10×, 1×, 10×) on the shared 2-core machine; wall time and peak RSS from GNU time:\n")
print("| corpus | run | documents, characters; sketch and find time (in-process) | wall s | peak RSS MB | pairs |")
print("| --- | --- | --- | --- | --- | --- |")
res = {}
for name, label in [("all1", "1×"), ("all10", "10×"), ("all1b", "1×"), ("all10b", "10×")]:
    e, t, m, n = stat(name)
    res.setdefault(label, []).append((t, m))
    print(f"| {label} | {'a' if name.endswith(('1','10')) else 'b'} | {e} | {t:.2f} | {m} | {n} |")
t1 = min(x[0] for x in res["1×"]); t10 = min(x[0] for x in res["10×"])
m1 = min(x[1] for x in res["1×"]); m10 = min(x[1] for x in res["10×"])
print(f"\nGrowth from 1× to 10× (best of two): time ×{t10/t1:.1f}, peak memory ×{m10/m1:.1f}.")
print("<!-- reuse:end -->")
PY
python3 bench/internal/splice.py bench/RESULTS.md reuse "$out/section.md"
cat "$out/section.md"
