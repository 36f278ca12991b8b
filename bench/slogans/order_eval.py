#!/usr/bin/env python3
"""The order of two builds on the sets whose every output row is labelled (round 14).

    python3 bench/slogans/order_eval.py NEW OLD

For each labelled file holding every output row of its documents (HOLD1-3, TEST4-TEST12: C rows),
both builds are run on the file's documents; within each document the first K rows of each build's
default (salience) order are taken, for K = 5 and K = half the document's rows (at least one), and
the labelled ones among them are scored. The rows are the same when the builds differ only in order;
the measure is how many of the first rows an analyst reads are formulations.
"""
import collections, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from kept import path  # noqa: E402

FILES = ["hold1", "hold2", "hold3"] + ["test%d" % n for n in range(4, 13)]


def ordered(binary, docs):
    out = subprocess.run([binary, "slogans", "-q", "-f", "jsonl"] + docs, capture_output=True, text=True).stdout
    by = collections.defaultdict(list)
    for l in out.splitlines():
        r = json.loads(l)
        by[os.path.basename(r["file"])[:-4]].append(r["text"].replace("\n", ""))
    return by


def main():
    new, old = sys.argv[1], sys.argv[2]
    tot = collections.Counter()
    for name in FILES:
        p = os.path.join(HERE, "gold", "precision_%s.tsv" % name)
        if not os.path.exists(p):
            continue
        lab = {}
        for l in open(p, encoding="utf-8").read().splitlines()[1:]:
            f = (l.split("\t") + [""] * 7)[:7]
            if f[0].startswith("C") and f[5] in ("yes", "no"):
                lab[(f[1], f[3])] = f[5] == "yes"
        docs = sorted({path(d) for d, _ in lab})
        res = {}
        for tag, b in (("new", new), ("old", old)):
            by = ordered(b, docs)
            c = collections.Counter()
            for d, texts in by.items():
                for k in ("5", "half"):
                    n = 5 if k == "5" else max(1, len(texts) // 2)
                    for t in texts[:n]:
                        if (d, t) in lab:
                            c[k, lab[(d, t)]] += 1
            res[tag] = c
            for k in ("5", "half"):
                tot[tag, k, True] += c[k, True]
                tot[tag, k, False] += c[k, False]
        print("%-6s " % name.upper() + "; ".join(
            "first %s: old %d/%d %.3f, new %d/%d %.3f" % (
                k, res["old"][k, True], res["old"][k, True] + res["old"][k, False],
                res["old"][k, True] / max(1, res["old"][k, True] + res["old"][k, False]),
                res["new"][k, True], res["new"][k, True] + res["new"][k, False],
                res["new"][k, True] / max(1, res["new"][k, True] + res["new"][k, False])) for k in ("5", "half")))
    for k in ("5", "half"):
        o = (tot["old", k, True], tot["old", k, True] + tot["old", k, False])
        n = (tot["new", k, True], tot["new", k, True] + tot["new", k, False])
        print("all    first %s: old %d/%d %.3f, new %d/%d %.3f" % (k, o[0], o[1], o[0] / o[1], n[0], n[1], n[0] / n[1]))


if __name__ == "__main__":
    main()
