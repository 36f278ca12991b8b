#!/usr/bin/env python3
"""The rule that picks test11, the blind entity set of round 13 (ent6, 2026-12-06).

Fixed and committed before any candidate document was opened. It reads file
names only (and counts lines), never the text:

- TEST documents only (SPLIT: sha256(file name)[0] < 77);
- national government work reports (gwr/YYYY.txt), one of each era: <=1978,
  1979-1997, 1998-2012, 2013-2025; one CPC congress report (cpc_congress);
  two NPC resolutions (npc_resolutions); in each group the first by
  sha256(file name) ascending (hex digest order);
- a long document is annotated on its first N = 12 lines (doc PATH 1-12 in the
  gold); a document of at most N lines in full.

    python3 bench/entities/pick11.py [CORPUS]     # default ../shared/corpus
prints the `doc` lines of the gold file.

test12 (added after test11 was measured, committed before any of its lines
was opened): the next stretch of the same long documents, lines 13-24 (N+1 to
2N); the documents of at most N lines, annotated whole in test11, are not in it.

    python3 bench/entities/pick11.py -12 [CORPUS]
"""
import hashlib
import os
import sys

N = 12


def digest(name):
    return hashlib.sha256(name.encode()).digest()


def is_test(name):
    return digest(name)[0] < 77


def era(name):
    y = int(name[:4])
    if y <= 1978:
        return 0
    if y <= 1997:
        return 1
    if y <= 2012:
        return 2
    return 3


def main():
    args = sys.argv[1:]
    second = bool(args) and args[0] == "-12"
    if second:
        args = args[1:]
    corpus = args[0] if args else "../shared/corpus"
    picks = []
    gwr = sorted((n for n in os.listdir(os.path.join(corpus, "gwr"))
                  if n.endswith(".txt") and is_test(n)), key=digest)
    for e in range(4):
        picks += [("gwr", n) for n in gwr if era(n) == e][:1]
    for d, k in (("cpc_congress", 1), ("npc_resolutions", 2)):
        ns = sorted((n for n in os.listdir(os.path.join(corpus, d))
                     if n.endswith(".txt") and is_test(n)), key=digest)
        picks += [(d, n) for n in ns[:k]]
    for d, n in picks:
        with open(os.path.join(corpus, d, n), "rb") as f:
            lines = f.read().count(b"\n")
        if second:
            if lines > N:
                print("doc %s/%s %d-%d" % (d, n, N + 1, 2 * N))
            continue
        rng = " 1-%d" % N if lines > N else ""
        print("doc %s/%s%s" % (d, n, rng))


if __name__ == "__main__":
    main()
