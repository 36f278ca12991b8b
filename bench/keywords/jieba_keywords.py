#!/usr/bin/python3
"""Run jieba.analyse TF-IDF and TextRank over keyword-gold JSONL.

Reads one JSON object a line ({"id", "title", "abstract", ...}) from the file
given (or stdin) and writes one line per document:
{"id": ..., "tfidf": [...], "textrank": [...]} with the top K keywords of each
method, using jieba's defaults (TF-IDF: no POS filter; TextRank: ns n vn v).
The text given to jieba is the same as zhpolicy gets: title, newline, abstract.
Part of zhpolicy's bench/keywords; see run.sh.
"""
import json
import logging
import sys

import jieba
import jieba.analyse

K = 10


def main():
    jieba.setLogLevel(logging.WARNING)
    src = open(sys.argv[1], encoding="utf-8") if len(sys.argv) > 1 else sys.stdin
    out = sys.stdout
    for line in src:
        line = line.strip()
        if not line:
            continue
        d = json.loads(line)
        text = d.get("title", "") + "\n" + d.get("abstract", "")
        rec = {
            "id": d.get("id"),
            "tfidf": jieba.analyse.extract_tags(text, topK=K),
            "textrank": jieba.analyse.textrank(text, topK=K),
        }
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
