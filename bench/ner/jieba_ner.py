#!/usr/bin/python3
"""jieba baseline for bench/ner: posseg tags nr/ns/nt mapped to PER/LOC/ORG.

Reads a spans file (one JSON object a line with "text") and writes one JSON
object a line, {"entities": [{"type", "start", "end"}]}, with character
offsets, to standard output. Run with Debian's python3-jieba:
    /usr/bin/python3 bench/ner/jieba_ner.py GOLD.spans.jsonl > pred.jsonl
"""
import json
import logging
import sys

import jieba
import jieba.posseg as pseg

jieba.setLogLevel(logging.WARNING)
MAP = {"nr": "PER", "ns": "LOC", "nt": "ORG"}


def main(path):
    out = sys.stdout
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            text = json.loads(line)["text"]
            ents = []
            pos = 0
            for w in pseg.cut(text):
                n = len(w.word)
                t = MAP.get(w.flag)
                if t:
                    ents.append({"type": t, "start": pos, "end": pos + n})
                pos += n
            out.write(json.dumps({"entities": ents}) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: jieba_ner.py SPANS.jsonl")
    main(sys.argv[1])
