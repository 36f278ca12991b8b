#!/usr/bin/python3
"""Score jieba on the SIGHAN 2005 test sets; write result rows in the TSV
format of bench/sighan (main.go), so that run.sh can merge both.

    /usr/bin/python3 bench/sighan/jieba_rows.py DATA_DIR OUT.tsv [--corpora pku,msr] [--dump DIR]

Scoring is the harness's (score.go): word spans in characters of the input
line without whitespace; precision, recall, F1; OOV recall against the
corpus's training word list. Where the release's gold text differs from the
input (16 MSR lines, 1 AS line) gold words are placed on the input by a
character alignment, as in score.go. Traditional corpora are given to jieba
as they are (jieba has no folding of its own).
--dump writes the segmented lines to DIR/<corpus>.<system>.txt, which
`go run ./bench/sighan -seg-file CORPUS:PATH` scores again, to check that
both scorers agree.
"""
import argparse
import logging
import os
import sys
import time

FILES = {
    "pku": ("testing/pku_test.utf8", "gold/pku_test_gold.utf8", "gold/pku_training_words.utf8"),
    "msr": ("testing/msr_test.utf8", "gold/msr_test_gold.utf8", "gold/msr_training_words.utf8"),
    "as": ("testing/as_test.utf8", "gold/as_testing_gold.utf8", "gold/as_training_words.utf8"),
    "cityu": ("testing/cityu_test.utf8", "gold/cityu_test_gold.utf8", "gold/cityu_training_words.utf8"),
}


def read_lines(path):
    with open(path, "rb") as f:
        b = f.read()
    s = b.decode("utf-8")
    if s.startswith("\ufeff"):
        s = s[1:]
    s = s.replace("\r\n", "\n")
    if s.endswith("\n"):
        s = s[:-1]
    return s.split("\n") if s else []


def strip_space(s):
    return "".join(ch for ch in s if not ch.isspace())


def spans(words):
    out, pos = [], 0
    for w in words:
        n = len(strip_space(w))
        if n == 0:
            continue
        out.append((pos, pos + n))
        pos += n
    return out, pos


def fold(ch):
    o = ord(ch)
    if 0xFF01 <= o <= 0xFF5E:
        ch = chr(o - 0xFF01 + 0x21)
    return ch.lower()


def align(a, b):
    """Map each index of a to the index of b it is aligned with (LCS), or -1."""
    n, m = len(a), len(b)
    dp = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if fold(a[i]) == fold(b[j]):
                dp[i][j] = dp[i + 1][j + 1] + 1
            elif dp[i + 1][j] >= dp[i][j + 1]:
                dp[i][j] = dp[i + 1][j]
            else:
                dp[i][j] = dp[i][j + 1]
    out = [-1] * n
    i = j = 0
    while i < n and j < m:
        if fold(a[i]) == fold(b[j]) and dp[i][j] == dp[i + 1][j + 1] + 1:
            out[i] = j
            i += 1
            j += 1
        elif dp[i + 1][j] >= dp[i][j + 1]:
            i += 1
        else:
            j += 1
    return out


def place(s, to_in):
    first = to_in[s[0]]
    if first < 0:
        return None
    for k in range(s[0] + 1, s[1]):
        if to_in[k] != first + (k - s[0]):
            return None
    return (first, first + s[1] - s[0])


def score_line(inp, gold, out, train):
    """Return [gold, out, match, oov_gold, oov_match, lines, changed]."""
    inp = strip_space(inp)
    osp, on = spans(out)
    changed = 0
    if on != len(inp) or strip_space("".join(out)).lower() != inp.lower():
        changed = 1
    oset = set(osp)
    words = [strip_space(w) for w in gold if strip_space(w)]
    gsp, _ = spans(words)
    g = "".join(words)
    to_in = None
    if g.lower() != inp.lower():
        to_in = align(g, inp)
    c = [len(gsp), len(osp), 0, 0, 0, 1, changed]
    for w, s in zip(words, gsp):
        if to_in is not None:
            s = place(s, to_in)
        hit = s is not None and s in oset
        if hit:
            c[2] += 1
        if w not in train:
            c[3] += 1
            if hit:
                c[4] += 1
    return c


def ratio(a, b):
    return a / b if b else 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data")
    ap.add_argument("out")
    ap.add_argument("--corpora", default="pku,msr,as,cityu")
    ap.add_argument("--dump", default="")
    a = ap.parse_args()

    import jieba
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    version = getattr(jieba, "__version__", "?")

    rows = []
    for name in [c for c in a.corpora.split(",") if c]:
        test, gold, train_f = (os.path.join(a.data, f) for f in FILES[name])
        lines, gold_lines = read_lines(test), read_lines(gold)
        if len(lines) != len(gold_lines):
            sys.exit("%s: %d gold lines for %d test lines" % (name, len(gold_lines), len(lines)))
        golds = [g.split() for g in gold_lines]
        train = set(w.strip() for w in read_lines(train_f) if w.strip())
        for system, hmm in (("jieba-hmm", True), ("jieba-nohmm", False)):
            t = time.time()
            tot = [0] * 7
            dump = []
            for line, g in zip(lines, golds):
                words = [w for w in jieba.cut(line, HMM=hmm) if strip_space(w)]
                for k, v in enumerate(score_line(line, g, words, train)):
                    tot[k] += v
                dump.append(" ".join(words))
            secs = time.time() - t
            p, r = ratio(tot[2], tot[1]), ratio(tot[2], tot[0])
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            note = "jieba %s; Traditional text as is" % version if name in ("as", "cityu") else "jieba %s" % version
            rows.append("%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%.4f\t%.4f\t%.4f\t%.4f\t%.2f\t%s" % (
                name, system, *tot, p, r, f1, ratio(tot[4], tot[3]), secs, note))
            print("jieba_rows: %-6s %-12s F1 %.4f  OOV-R %.4f  (%.1fs)" % (name, system, f1, ratio(tot[4], tot[3]), secs),
                  file=sys.stderr)
            if a.dump:
                os.makedirs(a.dump, exist_ok=True)
                with open(os.path.join(a.dump, "%s.%s.txt" % (name, system)), "w", encoding="utf-8") as f:
                    f.write("\n".join(dump) + "\n")
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("corpus\tsystem\tgold\tout\tmatch\toov_gold\toov_match\tlines\tchanged\tP\tR\tF1\tOOV_R\tseconds\tnote\n")
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
