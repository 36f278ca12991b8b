#!/usr/bin/python3
"""The word count of `zhpolicy freq`, done with jieba (Debian python3-jieba).

Reads the files named on the command line (UTF-8), cuts them with jieba in
precise mode without HMM (zhpolicy's default, seg.DefaultHMM = false), and
counts every word that has a letter or digit (punctuation and spaces are not
counted), ASCII letters lower-cased, per word and per document, as zhpolicy
does. jieba does not fold Traditional to Simplified: its counts keep the two
scripts apart, so they are a little lower for words that documents write
both ways.

Prints the totals and the top words as TSV:  rank  word  count  docs
"""
import logging
import sys
import unicodedata
from collections import Counter

import jieba

jieba.setLogLevel(logging.WARNING)


def is_word(w):
    for ch in w:
        c = unicodedata.category(ch)
        if c[0] in "LN":
            return True
    return False


def main():
    top = 20
    args = sys.argv[1:]
    if args and args[0].startswith("--top="):
        top = int(args[0][6:])
        args = args[1:]
    jieba.initialize()
    counts, docs = Counter(), Counter()
    units = 0
    for path in args:
        with open(path, encoding="utf-8-sig") as f:
            text = f.read()
        seen = set()
        for w in jieba.cut(text, HMM=False):
            if not is_word(w):
                continue
            w = w.lower() if w.isascii() else w
            counts[w] += 1
            seen.add(w)
            units += 1
        docs.update(seen)
    print(f"# documents\t{len(args)}\n# units\t{units}\n# distinct\t{len(counts)}")
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    for i, (w, n) in enumerate(ranked[:top] if top > 0 else ranked):
        print(f"{i + 1}\t{w}\t{n}\t{docs[w]}")


if __name__ == "__main__":
    main()
