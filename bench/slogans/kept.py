#!/usr/bin/env python3
"""Precision of a build on the labelled rows it still outputs (old samples, measured again).

    python3 bench/slogans/kept.py BINARY

For each labelled file of earlier rounds (gold/precision_test.tsv, precision_test2.tsv: the 10 TEST
provincial reports; precision_test4.tsv: the TEST4 documents, C rows; precision_test5.tsv: the TEST5
documents, C rows; precision_test6.tsv .. precision_test12.tsv: the TEST6 .. TEST12 documents; precision_hold1.tsv .. precision_hold3.tsv: the held-out DEV notices of rounds 12-14; precision_hold4.tsv: the held-out TEST notices of round 15; precision_dev*.tsv: DEV) the build is run on the file's documents and the
labelled rows whose (document, text) it still outputs are scored; output rows with no label are
counted (new rows a later round did not label).
"""
import collections, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "..", "..", "shared", "corpus")
FILES = {"test": ("A",), "test2": ("A",), "test4": ("C", "C+R8"), "test5": ("C", "C+R10"),
         "test6": ("C", "C+R11"), "test7": ("C", "C+R12"), "test8": ("C", "C+R13"), "test9": ("C", "C+R14"), "test10": ("C", "C+R15", "R20"), "test11": ("C", "C+R16"), "test12": ("C", "C+R17", "R19"), "hold1": ("C", "C+R18"), "hold2": ("C", "C+R19"), "hold3": ("C", "C+R20"), "hold4": ("C", "C+R21"), "dev": ("A",), "dev3": ("A",), "dev4_parallel": ("P",),
         "dev5": ("D5Q", "D5T", "D5N"), "dev6": ("D6",), "dev7_parallel": ("D7",), "dev8_parallel": ("D8",),
         "dev9_quoted": ("D9",), "dev10": ("D10",), "dev11": ("D11",), "dev12": ("D12",), "dev13": ("D13",), "dev14": ("D14",), "dev15": ("D15",), "dev16": ("D16",)}


def path(doc):
    if doc.startswith("20") and doc[4] == "-":
        return os.path.join(CORPUS, "taiwan_presidential_office", doc + ".txt")
    if doc.startswith(("central", "shandong")):
        return os.path.join(CORPUS, "ministry_provincial_notices", doc + ".txt")
    name = doc if doc.startswith("2026_") else "2026_" + doc
    return os.path.join(CORPUS, "provincial_gwr_2026", name + ".txt")


def main():
    binary = sys.argv[1]
    for name, samples in FILES.items():
        rows = []
        if not os.path.exists(os.path.join(HERE, "gold", "precision_%s.tsv" % name)):
            continue
        for l in open(os.path.join(HERE, "gold", "precision_%s.tsv" % name), encoding="utf-8").read().splitlines()[1:]:
            f = (l.split("\t") + [""] * 7)[:7]
            if f[0] in samples and f[5] in ("yes", "no"):
                rows.append(f)
        docs = sorted({path(f[1]) for f in rows})
        out = subprocess.run([binary, "slogans", "-q", "-f", "jsonl"] + docs, capture_output=True, text=True).stdout
        have = collections.Counter()
        for l in out.splitlines():
            r = json.loads(l)
            d = os.path.basename(r["file"])[:-4]
            have[(d, r["text"].replace("\n", ""))] += 1
            have[(d[5:], r["text"].replace("\n", ""))] += 1
        c = collections.Counter()
        for f in rows:
            kept = (f[1], f[3]) in have
            for k in ("all", f[2]):
                c[k, f[5], kept] += 1
        labelled = {(f[1], f[3]) for f in rows} | {("2026_" + f[1], f[3]) for f in rows}
        unl = sum(1 for l in out.splitlines() if (os.path.basename(json.loads(l)["file"])[:-4], json.loads(l)["text"]) not in labelled)
        line = []
        for k in ("all", "parallel", "quoted"):
            y, n = c[k, "yes", True], c[k, "no", True]
            if y + n:
                line.append("%s %d/%d = %.3f" % (k, y, y + n, y / (y + n)))
        print("%-14s %s; labelled rows dropped: yes %d, no %d; output rows without a label: %d" % (
            name, "; ".join(line), c["all", "yes", False], c["all", "no", False], unl))


if __name__ == "__main__":
    main()
