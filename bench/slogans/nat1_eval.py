#!/usr/bin/env python3
"""NAT1 (round 16): the held-out national documents picked by nat_pick.py, measured once.

    python3 bench/slogans/nat1_eval.py draw BINARY    # BINARY's rows of the NAT1 stretches into
                                                      # gold/precision_nat1.tsv, labels empty (rows already there kept)
    python3 bench/slogans/nat1_eval.py score BINARY   # precision of BINARY's rows (labels looked up by doc, kind,
                                                      # text), per kind and per collection; recall against gold/nat1_list.md

The stretches are cut by nat_pick.py into a temporary directory; the tool runs on the cut files. Recall: an
item of the list (not `?`, asides left out, each distinct item once per document) is found when an output's
key, core or text, quotes and 《》 removed, equals it or contains it (or is contained in it, at most 4
characters shorter), as in blind_recall.py.
"""
import collections, json, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from blind_recall import entries, norm  # noqa: E402

TSV = os.path.join(HERE, "gold", "precision_nat1.tsv")
LIST = os.path.join(HERE, "gold", "nat1_list.md")
HEADER = "sample\tdoc\tkind\ttext\tcontext\tlabel\treason\n"
COLL = {"gwr": "gwr", "cpc_congress": "cpc_congress", "npc": "npc_resolutions"}


def cut_files():
    d = tempfile.mkdtemp(prefix="nat1-")
    subprocess.run([sys.executable, os.path.join(HERE, "nat_pick.py"), d], cwd=ROOT, check=True,
                   capture_output=True)
    return sorted(os.path.join(d, f) for f in os.listdir(d))


def run(binary, script="auto"):
    files = cut_files()
    out = subprocess.run([binary, "slogans", "-q", "-f", "jsonl", "--context", "--script", script] + files, cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    rows = [json.loads(l) for l in out.splitlines() if l.strip()]
    for r in rows:
        r["doc"] = os.path.basename(r["file"])[:-4]
    return rows


def items():
    text = open(LIST, encoding="utf-8").read()
    docs = {}
    for sec in re.split(r"^## ", text, flags=re.M)[1:]:
        head, _, body = sec.partition("\n")
        m = re.match(r"(gwr|cpc_congress|npc)/(\S+)\.txt", head)
        if not m:
            continue
        doc = COLL[m.group(1)] + "__" + m.group(2)
        its = []
        for it in entries(body):
            if norm(it.split("/")[0]) not in {norm(x.split("/")[0]) for x in its}:
                its.append(it)
        docs[doc] = its
    return docs


def draw(binary):
    have = set()
    lines = []
    if os.path.exists(TSV):
        lines = open(TSV, encoding="utf-8").read().splitlines(True)[1:]
        have = {tuple(l.split("\t")[1:4]) for l in lines}
    new = 0
    for r in run(binary):
        k = (r["doc"], r["kind"], r["text"].replace("\n", ""))
        if k in have:
            continue
        have.add(k)
        ctx = r.get("context", "").replace("\t", " ").replace("\n", " ")
        lines.append("\t".join(["N", k[0], k[1], k[2], ctx, "", ""]) + "\n")
        new += 1
    with open(TSV, "w", encoding="utf-8") as fh:
        fh.write(HEADER + "".join(lines))
    print("%d rows added, %d in all" % (new, len(lines)))


def score(binary):
    labels = {}
    for l in open(TSV, encoding="utf-8").read().splitlines()[1:]:
        f = (l.split("\t") + [""] * 7)[:7]
        labels[(f[1], f[2], f[3])] = (f[5], f[6])
    rows = run(binary)
    tp, n = collections.Counter(), collections.Counter()
    reasons = collections.Counter()
    missing = 0
    for r in rows:
        lab, why = labels.get((r["doc"], r["kind"], r["text"].replace("\n", "")), ("", ""))
        if lab not in ("yes", "no"):
            missing += 1
            continue
        coll = r["doc"].split("__")[0]
        for k in ("all", "kind " + r["kind"], "coll " + coll):
            n[k] += 1
            tp[k] += lab == "yes"
        if lab == "no":
            reasons[why.split(":")[0].strip()] += 1
    for k in sorted(n, key=lambda k: (k != "all", k)):
        print("precision %-22s %3d/%3d = %.3f" % (k, tp[k], n[k], tp[k] / n[k]))
    print("unlabelled rows: %d; no by reason: %s" % (missing, dict(reasons.most_common())))
    got = collections.defaultdict(set)
    # the list is written in Simplified (1954 is Traditional): each row's text as written and as
    # `zhpolicy convert --to s` folds it
    texts = [r["text"].replace("\n", "") for r in rows]
    folded = subprocess.run([binary, "convert", "-q", "--to", "s"], input="\n".join(texts) + "\n", cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.split("\n")[:len(texts)]
    for r, fs in zip(rows, folded):
        got[r["doc"]].update({norm(r["key"]), norm(r.get("core", r["key"])), norm(r["text"]), norm(fs)})
    tot = fnd = 0
    by = collections.Counter(); byn = collections.Counter()
    misses = []
    for d, its in items().items():
        keys = got.get(d, set())
        coll = d.split("__")[0]
        for it in its:
            ok = False
            for alt in it.split("/"):
                k = norm(alt)
                if k in keys or any(k in g or (g in k and len(g) >= max(2, len(k) - 4)) for g in keys):
                    ok = True
                    break
            tot += 1; fnd += ok; byn[coll] += 1; by[coll] += ok
            if not ok:
                misses.append(d.split("__")[1][:12] + ":" + it)
    for c in sorted(byn):
        print("recall %-18s %3d/%3d = %.3f" % (c, by[c], byn[c], by[c] / byn[c]))
    print("recall all                %3d/%3d = %.3f" % (fnd, tot, fnd / tot))
    print("missed: " + "; ".join(misses))


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("draw", "score"):
        sys.exit(__doc__)
    {"draw": draw, "score": score}[sys.argv[1]](os.path.abspath(sys.argv[2]))
