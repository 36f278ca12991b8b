#!/usr/bin/env python3
"""Blind precision sample of `zhpolicy slogans` (criteria: bench/slogans/gold/CRITERIA.md).

    python3 bench/slogans/precision.py draw    # runs the tool, writes gold/precision_{test,dev}.tsv skeletons
    python3 bench/slogans/precision.py redraw  # a second TEST sample (seed 20261206) of the later rules: gold/precision_test2.tsv
    python3 bench/slogans/precision.py score   # precision by kind from the labelled files
    python3 bench/slogans/precision.py test3   # rows of the new blind TEST documents (gold/blind3_list.md)

The sample is drawn with a fixed seed from the rows of the default per-document output (built-in
lexicon and baseline) of the 2026 provincial reports: TEST (the 10 reports of SPLIT.md) 100 rows
uniformly (A) + 40 further parallel rows (B); DEV (the other 15) 60 rows uniformly.
"""
import json, os, random, re, subprocess, sys, collections

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "provincial_gwr_2026")
TEST = "吉林省 山西省 广东省 江苏省 河北省 河南省 甘肃省 西藏自治区 辽宁省 海南省".split()
SEED = 20261205


def rows(docs):
    out = subprocess.run(["go", "run", "./cmd/zhpolicy", "slogans", "-q", "-f", "jsonl", "--context"] + docs,
                         cwd=ROOT, capture_output=True, text=True, check=False).stdout
    return [json.loads(l) for l in out.splitlines() if l.strip()]


def draw():
    files = sorted(os.listdir(CORPUS))
    test = [os.path.join(CORPUS, f) for f in files if f[5:-4] in TEST]
    dev = [os.path.join(CORPUS, f) for f in files if f[5:-4] not in TEST]
    rnd = random.Random(SEED)
    for name, docs, n, extra in (("test", test, 100, 40), ("dev", dev, 60, 0)):
        rs = rows(docs)
        idx = list(range(len(rs)))
        a = rnd.sample(idx, n)
        rest = [i for i in idx if i not in set(a) and rs[i]["kind"] == "parallel"]
        b = rnd.sample(rest, min(extra, len(rest))) if extra else []
        with open(os.path.join(HERE, "gold", "precision_%s.tsv" % name), "w") as fh:
            fh.write("sample\tdoc\tkind\ttext\tcontext\tlabel\treason\n")
            for s, ids in (("A", a), ("B", b)):
                for i in ids:
                    r = rs[i]
                    doc = os.path.basename(r["file"])[5:-4]
                    ctx = r.get("context", "").replace("\t", " ").replace("\n", " ")
                    fh.write("\t".join([s, doc, r["kind"], r["text"], ctx, "", ""]) + "\n")
        print(name, len(rs), "rows;", len(a), "+", len(b), "drawn")


def redraw():
    files = sorted(os.listdir(CORPUS))
    test = [os.path.join(CORPUS, f) for f in files if f[5:-4] in TEST]
    rnd = random.Random(SEED + 1)
    rs = rows(test)
    a = rnd.sample(range(len(rs)), 100)
    with open(os.path.join(HERE, "gold", "precision_test2.tsv"), "w") as fh:
        fh.write("sample\tdoc\tkind\ttext\tcontext\tlabel\treason\n")
        for i in a:
            r = rs[i]
            ctx = r.get("context", "").replace("\t", " ").replace("\n", " ")
            fh.write("\t".join(["A", os.path.basename(r["file"])[5:-4], r["kind"], r["text"], ctx, "", ""]) + "\n")
    print("test2", len(rs), "rows; 100 drawn")


NEW_TEST = ["ministry_provincial_notices/%s.txt" % n for n in
            "central_075 central_094 central_129 central_136 shandong_043 central_142".split()] + \
           ["taiwan_presidential_office/%s.txt" % n for n in ("2015-01-29_19215", "2010-02-08_14057")]


def test3():
    """Print every output row of the round-3 TEST documents (to label in gold/precision_test3.tsv)."""
    base = os.path.join(ROOT, "..", "shared", "corpus")
    for r in rows([os.path.join(base, p) for p in NEW_TEST]):
        print("\t".join([os.path.basename(r["file"])[:-4], r["kind"], r["text"], r.get("context", "")]))


def dev3():
    """Draw 60 rows (seed 20261207) of the DEV documents of the three genres (15 DEV provincial
    reports, the DEV ministry/provincial notices, the DEV Traditional speeches) into
    gold/precision_dev3.tsv with empty labels."""
    import hashlib
    base = os.path.join(ROOT, "..", "shared", "corpus")
    test_tw = "2005-02-21_9221 2005-05-10_9424 2010-02-08_14057 2015-01-29_19215 2015-07-27_19629".split()
    docs = [os.path.join(CORPUS, f) for f in sorted(os.listdir(CORPUS)) if f[5:-4] not in TEST]
    for sub in ("ministry_provincial_notices", "taiwan_presidential_office"):
        d = os.path.join(base, sub)
        docs += [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith(".txt")
                 and hashlib.sha256(f.encode()).digest()[0] >= 77 and f[:-4] not in test_tw]
    rs = rows(docs)
    rnd = random.Random(SEED + 2)
    with open(os.path.join(HERE, "gold", "precision_dev3.tsv"), "w") as fh:
        fh.write("sample\tdoc\tkind\ttext\tcontext\tlabel\treason\n")
        for i in rnd.sample(range(len(rs)), 60):
            r = rs[i]
            ctx = r.get("context", "").replace("\t", " ").replace("\n", " ")
            fh.write("\t".join(["A", os.path.basename(r["file"])[:-4], r["kind"], r["text"].replace("\n", ""), ctx, "", ""]) + "\n")
    print("dev3", len(rs), "rows; 60 drawn")


def dev_notices():
    """The DEV ministry/provincial notices of SPLIT.md, in file-name order."""
    import hashlib
    d = os.path.join(ROOT, "..", "shared", "corpus", "ministry_provincial_notices")
    return [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith(".txt")
            and hashlib.sha256(f.encode()).digest()[0] >= 77 and f[:-4] not in HOLD1_NAMES and f[:-4] not in HOLD2_NAMES
            and f[:-4] not in HOLD3_NAMES]


# Round 12's held-out DEV notices (gold/hold1_list.md, picked by ../hold1_pick.py): left out of every
# DEV sample and DEV diff from round 12 on.
HOLD1_NAMES = "central_053 central_023 central_026 central_013 central_152".split()
HOLD1 = ["ministry_provincial_notices/%s.txt" % n for n in HOLD1_NAMES]
# Round 13's held-out DEV notices (gold/hold2_list.md, picked by ../hold2_pick.py): left out likewise.
HOLD2_NAMES = "central_032 central_069 central_066 central_044 shandong_003".split()
HOLD2 = ["ministry_provincial_notices/%s.txt" % n for n in HOLD2_NAMES]
# Round 14's held-out DEV notices (gold/hold3_list.md, picked by ../hold_pick.py 3): left out likewise.
HOLD3_NAMES = "central_051 central_076 central_067 central_014 central_117".split()
HOLD3 = ["ministry_provincial_notices/%s.txt" % n for n in HOLD3_NAMES]
# Round 15's held-out set (gold/hold4_list.md, picked by ../hold_pick.py 4): TEST notices no earlier
# sample held a row of, all shorter than the 6,000-character cut, so run whole.
HOLD4_NAMES = "shandong_013 central_083 central_028 central_038".split()
HOLD4 = ["ministry_provincial_notices/%s.txt" % n for n in HOLD4_NAMES]


def kind_rows(binary, docs, kind):
    """BINARY's output rows of one kind over docs, with their context."""
    out = subprocess.run([binary, "slogans", "-q", "-f", "jsonl", "--context", "--kind", kind] + docs,
                         cwd=ROOT, capture_output=True, text=True, check=False).stdout
    return [json.loads(l) for l in out.splitlines() if l.strip()]


def sample_line(tag, r):
    """A row to label: sample tag, document, kind, text, context, empty label and reason."""
    ctx = r.get("context", "").replace("\t", " ").replace("\n", " ")
    return "\t".join([tag, os.path.basename(r["file"])[:-4], r["kind"], r["text"].replace("\n", ""), ctx, "", ""]) + "\n"


SAMPLE_HEADER = "sample\tdoc\tkind\ttext\tcontext\tlabel\treason\n"


def dev_one_kind(binary, kind, seed, name, tag):
    """Draw 60 rows of one kind of BINARY's output over the DEV notices into gold/NAME with empty labels."""
    rs = kind_rows(binary, dev_notices(), kind)
    rnd = random.Random(seed)
    with open(os.path.join(HERE, "gold", name), "w") as fh:
        fh.write(SAMPLE_HEADER)
        for i in sorted(rnd.sample(range(len(rs)), 60)):
            fh.write(sample_line(tag, rs[i]))
    return len(rs)


def dev8(binary):
    """Draw 60 parallel rows (seed 20261211) of BINARY's output over the DEV ministry/provincial
    notices (SPLIT.md) into gold/precision_dev8_parallel.tsv with empty labels (round 6: labelled
    before any rule of rules 13 changed)."""
    n = dev_one_kind(binary, "parallel", SEED + 6, "precision_dev8_parallel.tsv", "D8")
    print("dev8", n, "parallel rows; 60 drawn")


def dev9(binary):
    """Draw 60 quoted rows (seed 20261212) of BINARY's output over the DEV ministry/provincial notices
    (SPLIT.md) into gold/precision_dev9_quoted.tsv with empty labels (round 7: labelled before any rule
    of rules 14 changed)."""
    n = dev_one_kind(binary, "quoted", SEED + 7, "precision_dev9_quoted.tsv", "D9")
    print("dev9", n, "quoted rows; 60 drawn")


def dev10(binary, name="dev10", tag="D10", seed=SEED + 8, quoted=40, parallel=30):
    """Draw 40 quoted and 30 parallel rows (seed 20261213) of BINARY's output over the DEV
    ministry/provincial notices (SPLIT.md), leaving out rows of earlier DEV samples, into
    gold/precision_dev10.tsv with empty labels (round 8: labelled before any rule of rules 15 changed).
    `dev11` draws 40 quoted and 20 parallel rows (seed 20261214) of a later build the same way
    into gold/precision_dev11.tsv (labelled before the rules that followed it); `dev12` draws 20 quoted
    and 40 parallel rows (seed 20261215) of rules 15 into gold/precision_dev12.tsv (round 9, labelled
    before any rule of rules 16 changed); `dev13` draws 30 parallel rows (seed 20261216) of rules 16 into
    gold/precision_dev13.tsv (round 10, labelled before any rule of rules 17 changed)."""
    docs = dev_notices()
    old = set()
    for f in os.listdir(os.path.join(HERE, "gold")):
        if f.startswith("precision_dev"):
            for l in open(os.path.join(HERE, "gold", f), encoding="utf-8").read().splitlines()[1:]:
                c = l.split("\t")
                if len(c) > 3:
                    old.add((c[1], c[3]))
    rnd = random.Random(seed)
    with open(os.path.join(HERE, "gold", "precision_%s.tsv" % name), "w") as fh:
        fh.write(SAMPLE_HEADER)
        for kind, n in (("quoted", quoted), ("parallel", parallel)):
            if n == 0:
                continue
            rs = kind_rows(binary, docs, kind)
            rs = [r for r in rs if (os.path.basename(r["file"])[:-4], r["text"].replace("\n", "")) not in old]
            for i in sorted(rnd.sample(range(len(rs)), n)):
                fh.write(sample_line(tag, rs[i]))
            print(name, kind, len(rs), "rows not in earlier samples;", n, "drawn")


TEST5 = ["ministry_provincial_notices/%s.txt" % n for n in
         "central_081 central_119 central_024 central_139 central_036".split()] + \
        ["taiwan_presidential_office/2005-05-10_9424.txt"]


TEST6 = ["ministry_provincial_notices/%s.txt" % n for n in
         "shandong_050 central_034 shandong_016 central_161 central_043 shandong_048 central_057".split()] + \
        ["taiwan_presidential_office/2005-02-21_9221.txt"]


TEST7 = ["ministry_provincial_notices/%s.txt" % n for n in
         "central_061 shandong_017 central_109 central_090 shandong_019 central_027".split()]
TEST8 = ["ministry_provincial_notices/%s.txt" % n for n in
         "central_105 shandong_028 central_062 shandong_031 central_153".split()]
TEST9 = ["ministry_provincial_notices/%s.txt" % n for n in
         "central_130 shandong_030 shandong_038 central_095 central_033 central_048 shandong_041".split()]
TEST10 = ["ministry_provincial_notices/%s.txt" % n for n in
          "central_108 central_008 central_093 central_164 central_110".split()]
TEST11 = ["ministry_provincial_notices/%s.txt" % n for n in
          "central_096 central_140 central_046 central_068 central_028".split()]

TEST12 = ["ministry_provincial_notices/%s.txt" % n for n in
          "central_147 central_059 shandong_018 central_025".split()]

# The blind sets written from round 5 on: set N holds the TEST documents of
# gold/blindN_list.md, judged on rules N+6 against rules N+5.
BLIND = {6: TEST6, 7: TEST7, 8: TEST8, 9: TEST9, 10: TEST10, 11: TEST11, 12: TEST12}


def blind_rows(n, binary, old):
    """Write gold/precision_testN.tsv: every output row of rules N+6 (binary) on the documents of
    blind set N (gold/blindN_list.md) as sample C (C+R<N+5> when rules N+5, old, output it too) and the
    rows only rules N+5 output (R<N+5>), with empty labels (labelled by hand afterwards)."""
    write_rows("precision_test%d.tsv" % n, BLIND[n], binary, old, "R%d" % (n + 5))


def write_rows(name, paths, binary, old, oldtag):
    """Write gold/NAME: every output row of BINARY (None: `go run` of this tree) on the documents
    (paths under ../shared/corpus) as sample C (C+OLDTAG when the build OLD outputs it too) and the
    rows only OLD outputs (OLDTAG; none when OLD is None), with empty labels."""
    base = os.path.join(ROOT, "..", "shared", "corpus")
    docs = [os.path.join(base, p) for p in paths]

    def run(b):
        cmd = [b] if b else ["go", "run", "./cmd/zhpolicy"]
        out = subprocess.run(cmd + ["slogans", "-q", "-f", "jsonl", "--context"] + docs,
                             cwd=ROOT, capture_output=True, text=True, check=False).stdout
        return [json.loads(l) for l in out.splitlines() if l.strip()]
    new = run(binary)
    seen = {(r["file"], r["text"]) for r in new}
    olds = run(old) if old else []
    both = {(r["file"], r["text"]) for r in olds} & seen
    rest = [r for r in olds if (r["file"], r["text"]) not in seen]
    with open(os.path.join(HERE, "gold", name), "w") as fh:
        fh.write(SAMPLE_HEADER)
        rows_ = [("C+" + oldtag if (r["file"], r["text"]) in both else "C", r) for r in new] + [(oldtag, r) for r in rest]
        for s, r in rows_:
            fh.write(sample_line(s, r))
    print(name, len(new), "rows;", len(rest), "only in the earlier rules")


def test5(binary=None, old=None):
    """Write gold/precision_test5.tsv: every output row of the round-4 TEST documents
    (gold/blind5_list.md) as sample C, and, given a build of the earlier rules (old), the rows only
    those output as sample R10, all with empty labels (labelled by hand afterwards)."""
    write_rows("precision_test5.tsv", TEST5, binary, old, "R10")


def score():
    lines = []
    for name in ("dev", "dev3", "dev4_parallel", "test", "test2", "test3", "test3_rules10", "test4", "test5", "test6", "test7", "test8", "test9", "test10", "test11", "test12", "hold1", "hold2", "hold3", "hold4", "dev16"):
        p = os.path.join(HERE, "gold", "precision_%s.tsv" % name)
        if not os.path.exists(p):
            continue
        tp = collections.Counter(); n = collections.Counter(); reasons = collections.Counter()
        for l in open(p).read().splitlines()[1:]:
            s, doc, kind, text, ctx, label, reason = (l.split("\t") + [""] * 7)[:7]
            if label not in ("yes", "no"):
                continue
            # test3, test4: every row of the output (C; C+R8 when rules 8
            # output it too: all C rows of test3) of the new TEST documents;
            # R8 rows are those only rules 8 output
            keys = [kind, "all"] if s in ("A", "C", "C+R8", "C+R10", "C+R11", "C+R12", "C+R13", "C+R14", "C+R15", "C+R16", "C+R17", "C+R18", "C+R19", "C+R20", "C+R21", "D16", "P") else []
            # rows only rules N output (RN) or output by rules N and the base
            # (C+RN) also count under "rules N" for the rounds that report them
            m = re.fullmatch(r"(?:C\+)?R(\d+)", s)
            if m and 10 <= int(m.group(1)) <= 18:
                keys.append("rules %s %s" % (m.group(1), kind))
                keys.append("rules %s all" % m.group(1))
            if s in ("C+R8", "R8") or s == "C" and name == "test3":
                keys.append("rules 8 " + kind)
                keys.append("rules 8 all")
            if kind == "parallel" and s in ("A", "B"):
                keys.append("parallel A+B")
            for k in keys:
                n[k] += 1
                tp[k] += label == "yes"
            if label == "no" and s not in ("R8", "R10", "R11", "R12", "R13", "R14", "R15", "R16", "R17", "R18"):
                reasons[reason.split(":")[0].strip()] += 1
        lines.append("%s: " % name.upper() + "; ".join("%s %d/%d = %.3f" % (k, tp[k], n[k], tp[k] / n[k])
                                                      for k in ["all", "quoted", "numbered", "plan", "parallel", "lexicon", "parallel A+B", "rules 8 all", "rules 8 parallel", "rules 10 all", "rules 10 parallel", "rules 11 all", "rules 11 parallel", "rules 12 all", "rules 12 parallel", "rules 13 all", "rules 13 quoted", "rules 13 parallel", "rules 14 all", "rules 14 quoted", "rules 14 parallel", "rules 15 all", "rules 15 quoted", "rules 15 parallel", "rules 16 all", "rules 16 quoted", "rules 16 parallel", "rules 17 all", "rules 17 quoted", "rules 17 parallel", "rules 18 all", "rules 18 quoted", "rules 18 parallel"] if n[k]))
        lines.append("  no: " + ", ".join("%s %d" % kv for kv in reasons.most_common()))
    print("\n".join(lines))


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "dev15":
        dev10(sys.argv[2], "dev15", "D15", SEED + 13, 30, 30)
    elif len(sys.argv) > 2 and sys.argv[1] == "hold4":
        write_rows("precision_hold4.tsv", HOLD4, sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None, "R21")
    elif len(sys.argv) > 3 and sys.argv[1] == "hold3":
        write_rows("precision_hold3.tsv", HOLD3, sys.argv[2], sys.argv[3], "R20")
    elif len(sys.argv) > 3 and sys.argv[1] == "hold2":
        write_rows("precision_hold2.tsv", HOLD2, sys.argv[2], sys.argv[3], "R19")
    elif len(sys.argv) > 2 and sys.argv[1] == "dev16":
        dev10(sys.argv[2], "dev16", "D16", SEED + 14, 40, 0)
    elif len(sys.argv) > 3 and sys.argv[1] == "hold1":
        write_rows("precision_hold1.tsv", HOLD1, sys.argv[2], sys.argv[3], "R18")
    elif len(sys.argv) > 2 and sys.argv[1] == "dev14":
        dev10(sys.argv[2], "dev14", "D14", SEED + 12, 30, 30)
    elif len(sys.argv) > 1 and sys.argv[1] == "test5":
        test5(*sys.argv[2:4])
    elif len(sys.argv) > 2 and sys.argv[1] == "dev13":
        dev10(sys.argv[2], "dev13", "D13", SEED + 11, 0, 30)
    elif len(sys.argv) > 2 and sys.argv[1] == "dev12":
        dev10(sys.argv[2], "dev12", "D12", SEED + 10, 20, 40)
    elif len(sys.argv) > 2 and sys.argv[1] == "dev11":
        dev10(sys.argv[2], "dev11", "D11", SEED + 9, 40, 20)
    elif len(sys.argv) > 2 and sys.argv[1] == "dev10":
        dev10(sys.argv[2])
    elif len(sys.argv) > 2 and sys.argv[1] == "dev9":
        dev9(sys.argv[2])
    elif len(sys.argv) > 2 and sys.argv[1] == "dev8":
        dev8(sys.argv[2])
    elif len(sys.argv) > 3 and sys.argv[1].startswith("test") and sys.argv[1][4:].isdigit() \
            and int(sys.argv[1][4:]) in BLIND:
        blind_rows(int(sys.argv[1][4:]), sys.argv[2], sys.argv[3])
    else:
        {"draw": draw, "redraw": redraw, "score": score, "test3": test3, "dev3": dev3}[sys.argv[1] if len(sys.argv) > 1 else "score"]()
