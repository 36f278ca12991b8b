#!/usr/bin/env bash
# The segmentation core beside its peers and beside a tight reference loop,
# and the binary against the commit before the compiled dictionary, all in
# one run (issue 23). From the project root:
#
#   bench/segment/run.sh          # about 10 minutes; writes bench/RESULTS.md
#
# ROUNDS (5) alternating rounds over MB (50) megabytes of ../shared/corpus
# (Simplified documents, concatenated), each program pinned to core CORE (0)
# with taskset; BASE (b3e655c, the last commit before the compiled
# dictionary) is the binary to compare size and cold start with; RESULTS=0
# prints the section without writing it. Skips with a message when
# ../shared/corpus, taskset or python3 is missing; gojieba (cgo: a C++
# compiler) and the base build are skipped with a note when they fail.
#
# Throughput is the CPU time (user + system, getrusage, GC included) of
# cutting every line of the input, after loading, in each program
# (bench/segment/internal/harness); medians over the rounds; one core.
#   zhpolicy  pkg/segment (bench/segment/zhcut): precise, HMM off
#   refloop   the reference: a tight DAG + route loop over gse's word list
#             (bench/segment/refloop)
#   gojieba   cppjieba through cgo, HMM off, its own dictionary
#             (bench/segment/gojieba, a module of its own)
#   gse       gse's own Cut, HMM off (bench/segment/gsecut)
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
shared=${SHARED:-$root/../shared}
corpus=$shared/corpus
rounds=${ROUNDS:-5}
mbytes=${MB:-50}
core=${CORE:-0}
base=${BASE:-b3e655c}
say() { printf '%s\n' "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }

if [ ! -d "$corpus" ]; then
	say "skip: $corpus is absent (the input is made from it)"
	exit 0
fi
for t in taskset python3; do
	have "$t" || { say "skip: $t is not installed"; exit 0; }
done
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"
[ -n "${WORK:-}" ] || trap 'rm -rf "$work"' EXIT
load0=$(cut -d' ' -f1-3 /proc/loadavg)

# --- build ----------------------------------------------------------------
say "building into $work"
go build -trimpath -o "$work/zhcut" ./bench/segment/zhcut
go build -trimpath -o "$work/refloop" ./bench/segment/refloop
go build -trimpath -o "$work/gsecut" ./bench/segment/gsecut
go build -trimpath -o "$work/zhpolicy" ./cmd/zhpolicy
words=$(go list -m -f '{{.Dir}}' github.com/go-ego/gse)/data/dict/zh/s_1.txt
gojieba=""
# no -trimpath: gojieba finds its dictionary next to its source
if (cd bench/segment/gojieba && go build -o "$work/gojieba" .) 2>"$work/gojieba.log"; then
	gojieba=$work/gojieba
else
	say "note: gojieba does not build (cgo needs a C++ compiler): skipped; $(head -n 1 "$work/gojieba.log")"
fi
basebin=""
if git cat-file -e "$base^{commit}" 2>/dev/null; then
	mkdir -p "$work/base"
	git archive "$base" | tar -x -C "$work/base"
	if (cd "$work/base" && go build -trimpath -o "$work/zhpolicy-base" ./cmd/zhpolicy) 2>"$work/base.log"; then
		basebin=$work/zhpolicy-base
	else
		say "note: $base does not build: size and cold start not compared; $(head -n 1 "$work/base.log")"
	fi
else
	say "note: $base is not a commit here: size and cold start not compared"
fi

# --- input ------------------------------------------------------------------
in=$work/in.txt
mapfile -t files < <(find "$corpus/gwr" "$corpus/cpc_congress" "$corpus/ministry_provincial_notices" -name '*.txt' | sort)
: >"$in"
while [ "$(stat -c %s "$in")" -lt $((mbytes * 1000 * 1000)) ]; do
	cat "${files[@]}" >>"$in"
done
src=$corpus/gwr/2024.txt
awk '{print; n += length($0) + 1; if (n >= 1024) exit}' "$src" >"$work/page.txt"

# --- throughput, alternating rounds ---------------------------------------------
res=$work/results.txt
: >"$res"
systems=(zhcut refloop gse)
[ -n "$gojieba" ] && systems+=(gojieba)
e2e=(zhpolicy)
[ -n "$basebin" ] && e2e+=(base)
for ((r = 0; r < rounds; r++)); do
	say "round $((r + 1))/$rounds (load $(cut -d' ' -f1 /proc/loadavg))"
	n=${#systems[@]}
	for ((i = 0; i < n; i++)); do
		s=${systems[$(((i + r) % n))]}
		case $s in
		zhcut) taskset -c "$core" "$work/zhcut" "$in" >>"$res" ;;
		refloop) taskset -c "$core" "$work/refloop" "$words" "$in" >>"$res" ;;
		gse) taskset -c "$core" "$work/gsecut" "$in" >>"$res" ;;
		gojieba) taskset -c "$core" "$gojieba" "$in" >>"$res" ;;
		esac
	done
	# the command, end to end (reading, cleaning, folding, segmenting,
	# writing), whole process
	for s in "${e2e[@]}"; do
		bin=$work/zhpolicy
		[ "$s" = base ] && bin=$basebin
		/usr/bin/time -f "%e %U %S %M" -o "$work/t" taskset -c "$core" "$bin" segment -q -j 1 "$in" >/dev/null
		echo "e2e-$s $(stat -c %s "$in") $(tail -n 1 "$work/t")" >>"$res"
	done
done

# --- binary size and cold start -----------------------------------------------
size=$(stat -c %s "$work/zhpolicy")
basesize=""
[ -n "$basebin" ] && basesize=$(stat -c %s "$basebin")
linked=$(go list -deps ./cmd/zhpolicy | grep -c '^github.com/go-ego/gse' || true)
cold=$work/cold.txt
python3 - "$work/zhpolicy" "${basebin:-}" "$work/page.txt" >"$cold" <<'EOF'
import subprocess, sys, time, statistics, resource
new, base, page = sys.argv[1], sys.argv[2], sys.argv[3]
bins = [("zhpolicy", new)] + ([("base", base)] if base else [])
cmds = [("segment", ["segment", "-q", page]), ("keywords", ["keywords", "-q", page])]
times = {}
for _ in range(3):  # warm the page cache
    for _, b in bins:
        for _, c in cmds:
            subprocess.run([b] + c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
for _ in range(40):  # alternating
    for bn, b in bins:
        for cn, c in cmds:
            t = time.perf_counter()
            subprocess.run([b] + c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            times.setdefault((bn, cn), []).append(time.perf_counter() - t)
for (bn, cn), v in sorted(times.items()):
    print(bn, cn, f"{statistics.median(v) * 1000:.1f}")
EOF
for s in zhpolicy base; do
	bin=$work/zhpolicy
	if [ "$s" = base ]; then
		[ -n "$basebin" ] || continue
		bin=$basebin
	fi
	for verb in segment keywords; do
		/usr/bin/time -f "%M" -o "$work/t" "$bin" "$verb" -q "$work/page.txt" >/dev/null
		echo "rss $s $verb $(tail -n 1 "$work/t")" >>"$cold"
	done
done

# --- tokens in memory --------------------------------------------------------
tokmem=$(go test -run XXX -bench 'TokenMemory' -benchtime 20x ./pkg/segment | grep '^BenchmarkTokenMemory' || true)

load1=$(cut -d' ' -f1-3 /proc/loadavg)

# --- report ------------------------------------------------------------------
section=$work/section.md
python3 - "$res" "$cold" "$size" "${basesize:-0}" "$linked" "$tokmem" "$base" "$rounds" "$core" "$load0" "$load1" \
	"$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" "$(go version | cut -d' ' -f3)" \
	"$(ls "$work/base" >/dev/null 2>&1 && echo yes || echo no)" >"$section" <<'EOF'
import sys, statistics, datetime
(res, cold, size, basesize, linked, tokmem, base, rounds, core, load0, load1,
 ncpu, cpu, gover, _) = sys.argv[1:]
size, basesize = int(size), int(basesize)
runs, e2e = {}, {}
for line in open(res):
    f = line.split()
    if f[0].startswith("e2e-"):
        e2e.setdefault(f[0][4:], []).append((int(f[1]), float(f[2]), float(f[3]) + float(f[4]), int(f[5])))
    else:
        runs.setdefault(f[0], []).append((int(f[1]), int(f[3]), float(f[4]), float(f[5]), float(f[6])))
med = statistics.median
def mbps(name):
    v = runs[name]
    return med([b / 1e6 / c for b, _, c, _, _ in v])
label = {
    "zhpolicy": "zhpolicy (pkg/segment: the compiled dictionary)",
    "refloop": "reference loop (bench/segment/refloop)",
    "gojieba": "gojieba v1.4.6 (cppjieba, C++, cgo)",
    "gse": "gse v0.80.3 Cut",
}
out = []
p = out.append
p("<!-- segcore:begin -->")
p("## Segmentation core and binary size")
p("")
p(f"Run: `bench/segment/run.sh` (from the project root; about 10 minutes). Measured "
  f"{datetime.date.today()} on {ncpu} cores ({cpu}), {gover}; every program pinned to core {core} "
  f"(`taskset`), {rounds} rounds alternating the order; load average {load0} at the start, {load1} at the end "
  f"(the machine is shared: CPU time, not wall time, is the measure).")
p("")
b0 = runs["zhpolicy"][0][0]
p(f"### Throughput, one core, {b0 / 1e6:.1f} MB of ../shared/corpus line by line (precise, HMM off)")
p("")
p("MB per CPU-second of the cutting alone (after loading; GC included), median of the rounds:")
p("")
p("| segmenter | MB per CPU-second | vs zhpolicy | tokens | load |")
p("| --- | ---: | ---: | ---: | ---: |")
z = mbps("zhpolicy")
for name in ["zhpolicy", "refloop", "gojieba", "gse"]:
    if name not in runs:
        continue
    v = runs[name]
    p(f"| {label[name]} | {mbps(name):.2f} | {mbps(name) / z:.2f} | {v[0][1]:,} | {med([x[4] for x in v]) * 1000:.0f} ms |")
p("")
targets = []
if "gojieba" in runs:
    r = z / mbps("gojieba")
    targets.append(f"| zhpolicy ≥ 1.5 × gojieba | {r:.2f} × | {'met' if r >= 1.5 else 'NOT met'} |")
r = mbps("refloop") / z
targets.append(f"| zhpolicy within 1.5 × of the reference loop | reference {r:.2f} × faster | {'met' if r <= 1.5 else 'NOT met'} |")
if e2e:
    p("The command end to end (`zhpolicy segment -q -j 1 FILE > /dev/null`: reading, cleaning, script "
      "folding, cutting, writing; whole process, one core):")
    p("")
    p("| binary | CPU | MB per CPU-second | wall | peak RSS |")
    p("| --- | ---: | ---: | ---: | ---: |")
    for name in ["zhpolicy", "base"]:
        if name not in e2e:
            continue
        v = e2e[name]
        c = med([x[2] for x in v])
        lab = "zhpolicy (this branch)" if name == "zhpolicy" else f"zhpolicy at {base} (before)"
        p(f"| {lab} | {c:.2f} s | {v[0][0] / 1e6 / c:.2f} | {med([x[1] for x in v]):.2f} s | {med([x[3] for x in v]) / 1024:.0f} MB |")
    p("")
p("### Binary size and cold start")
p("")
colds = {}
rss = {}
for line in open(cold):
    f = line.split()
    if f[0] == "rss":
        rss[(f[1], f[2])] = int(f[3]) / 1024
    else:
        colds[(f[0], f[1])] = float(f[2])
p("| | size | cold `segment`, 1 KB | cold `keywords`, 1 KB | peak RSS segment / keywords |")
p("| --- | ---: | ---: | ---: | ---: |")
p(f"| zhpolicy (this branch; gse linked: {'no' if linked == '0' else 'YES'}) | {size / 1e6:.1f} MB | "
  f"{colds.get(('zhpolicy', 'segment'), 0):.1f} ms | {colds.get(('zhpolicy', 'keywords'), 0):.1f} ms | "
  f"{rss.get(('zhpolicy', 'segment'), 0):.1f} / {rss.get(('zhpolicy', 'keywords'), 0):.1f} MB |")
if basesize:
    p(f"| zhpolicy at {base} (before) | {basesize / 1e6:.1f} MB | {colds.get(('base', 'segment'), 0):.1f} ms | "
      f"{colds.get(('base', 'keywords'), 0):.1f} ms | {rss.get(('base', 'segment'), 0):.1f} / {rss.get(('base', 'keywords'), 0):.1f} MB |")
p("")
p("Both binaries `go build -trimpath ./cmd/zhpolicy`; cold start: median of 40 alternating runs each "
  "(after 3 warm-ups), wall time.")
p("")
if basesize:
    targets.append(f"| binary ≤ half of the issue's 63 MB | {size / 1e6:.1f} MB ({size / basesize:.0%} of {basesize / 1e6:.1f} MB before) | {'met' if size <= 31.5e6 else 'NOT met'} |")
    cs, bs = colds.get(("zhpolicy", "segment"), 0), colds.get(("base", "segment"), 0)
    ck, bk = colds.get(("zhpolicy", "keywords"), 0), colds.get(("base", "keywords"), 0)
    ok = cs <= bs * 1.05 and ck <= bk * 1.05
    targets.append(f"| cold start unchanged or better | segment {cs:.1f} vs {bs:.1f} ms, keywords {ck:.1f} vs {bk:.1f} ms | {'met' if ok else 'NOT met'} |")
if tokmem:
    m = {}
    f = tokmem.split()
    for i in range(len(f) - 1):
        if "/B" in f[i + 1] or f[i + 1] == "bytes/token":
            m[f[i + 1]] = f[i]
    p("### Tokens in memory")
    p("")
    p(f"A `[]segment.Token` (48 bytes a token: Text 16, Start 8, End 8, POS 16) costs {m.get('token-B/B', '?')} bytes per "
      f"byte of text ({m.get('slice-B/B', '?')} as allocated; a token every {m.get('bytes/token', '?')} bytes of "
      f"a government work report); tokens of offsets alone (Start, End int32 and a part-of-speech index, the "
      f"text being text[Start:End]) would cost {m.get('offsets-B/B', '?')} (`go test -bench TokenMemory ./pkg/segment`).")
    p("")
p("### Targets")
p("")
p("| target | measured | |")
p("| --- | --- | --- |")
for t in targets:
    p(t)
p("<!-- segcore:end -->")
print("\n".join(out))
EOF
cat "$section"
if [ "${RESULTS:-1}" != 0 ]; then
	python3 bench/internal/splice.py bench/RESULTS.md segcore "$section"
	say "wrote the segcore section of bench/RESULTS.md"
fi
