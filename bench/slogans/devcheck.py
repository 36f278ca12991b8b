#!/usr/bin/env python3
"""DEV check of the parallel rules against the labelled DEV rows.

    python3 bench/slogans/devcheck.py BINARY

Runs BINARY (a zhpolicy build) on the DEV documents of the three genres (SPLIT.md: the 15 DEV
provincial reports, the DEV notices, the DEV speeches) and scores the labelled DEV rows
(gold/precision_dev.tsv, precision_dev3.tsv, precision_dev4_parallel.tsv, precision_dev5.tsv,
precision_dev6.tsv, precision_dev7_parallel.tsv, precision_dev8_parallel.tsv, precision_dev9_quoted.tsv, precision_dev10.tsv, precision_dev11.tsv, precision_dev12.tsv, precision_dev13.tsv, precision_dev14.tsv, precision_dev15.tsv) that it still outputs:
a row counts when the same document has an output of the same text. Prints, per file, the
labelled rows kept (yes/no) and precision over them, and the parallel rows output in all.
"""
import collections, hashlib, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = os.path.join(HERE, "..", "..", "..", "shared", "corpus")
TEST = "吉林省 山西省 广东省 江苏省 河北省 河南省 甘肃省 西藏自治区 辽宁省 海南省".split()
# round 12's held-out DEV notices (gold/hold1_list.md): never run here
HOLD1 = "central_053 central_023 central_026 central_013 central_152".split() + "central_032 central_069 central_066 central_044 shandong_003".split() + \
    "central_051 central_076 central_067 central_014 central_117".split()  # + HOLD2 (round 13), HOLD3 (round 14)
TEST_TW = "2005-02-21_9221 2005-05-10_9424 2010-02-08_14057 2015-01-29_19215 2015-07-27_19629".split()


def dev_docs():
    d = os.path.join(BASE, "provincial_gwr_2026")
    docs = [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith(".txt") and f[5:-4] not in TEST]
    for sub in ("ministry_provincial_notices", "taiwan_presidential_office"):
        d = os.path.join(BASE, sub)
        docs += [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith(".txt")
                 and hashlib.sha256(f.encode()).digest()[0] >= 77 and f[:-4] not in TEST_TW and f[:-4] not in HOLD1]
    return docs


def main():
    binary = sys.argv[1]
    out = subprocess.run([binary, "slogans", "-q", "-f", "jsonl"] + dev_docs(), capture_output=True, text=True).stdout
    have = set()
    kinds = collections.Counter()
    for l in out.splitlines():
        r = json.loads(l)
        doc = os.path.basename(r["file"])[:-4]
        have.add((doc, r["text"].replace("\n", "")))
        have.add((doc[5:], r["text"].replace("\n", "")))  # precision_dev.tsv names reports without the year
        kinds[r["kind"]] += 1
    print("rows:", sum(kinds.values()), dict(kinds))
    for name in ("dev", "dev3", "dev4_parallel", "dev5", "dev6", "dev7_parallel", "dev8_parallel", "dev9_quoted", "dev10", "dev11", "dev12", "dev13", "dev14", "dev15", "dev16"):
        p = os.path.join(HERE, "gold", "precision_%s.tsv" % name)
        c = collections.Counter()
        lost = []
        for l in open(p, encoding="utf-8").read().splitlines()[1:]:
            s, doc, kind, text, ctx, label, reason = (l.split("\t") + [""] * 7)[:7]
            if label not in ("yes", "no") or s not in ("A", "P", "D5Q", "D5T", "D5N", "D6", "D7", "D8", "D9", "D10", "D11", "D12", "D13", "D14", "D15", "D16"):
                continue
            kept = (doc, text) in have
            for k in ("all", kind):
                c[k, label, kept] += 1
            if label == "yes" and not kept and kind in ("parallel", "quoted"):
                lost.append(text)
        for k in ("all", "parallel", "quoted"):
            y, n = c[k, "yes", True], c[k, "no", True]
            if y + n:
                print("%-14s %-8s kept yes %3d no %3d  precision %.3f   dropped yes %d no %d" % (
                    name, k, y, n, y / (y + n), c[k, "yes", False], c[k, "no", False]))
        if lost:
            print("   yes dropped:", "; ".join(lost))


if __name__ == "__main__":
    main()
