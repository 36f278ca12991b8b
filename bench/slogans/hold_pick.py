"""Pick a held-out set of DEV notices for slogans (HOLD1, HOLD2), as it was picked.

    python3 bench/slogans/hold_pick.py 1|2|3    # from the repository root

The rule, fixed before any candidate was opened: DEV notices (ministry_provincial_notices, not
TEST in SPLIT.md) with no row in any bench/slogans/gold/precision_dev*.tsv and not named in any
gold file (README.md, the blind and held-out lists), ordered by ascending sha256(salt + file
name); kept when (a) the text (whitespace left out) has a length within the set's bounds, tried
in order, and (b) no other notice shares more than 10% of its 12-character shingles; the first
5 kept. The gold directory is read as it stood just before the set's own gold was committed
(git show), so that the pick is reproduced although its list and later samples now name or use
other notices. HOLD2's second bounds are its fallback: only one unsampled notice met 3,000–12,000
characters, so the next ones in the same order with HOLD1's lower bounds were taken.
HOLD3 (round 14): few unsampled, unnamed DEV notices are left, so its bounds were fixed before the
pick ran, and wide: first 1,000-20,000 characters, then (fallback) 400-1,000; HOLD1 and HOLD2 are
excluded (they are named in the gold lists anyway); up to 5 taken, 4 at least wanted. The first run
found one notice left (central_051), so a second fallback, fixed before it ran: notices not named in
any gold list with at most 2 rows in all DEV samples together (their documents' rows leave the DEV
data of the round-14 model; every output row of theirs is labelled again for HOLD3), same salt and
order, 1,000-20,000 characters, the same 10% shingle rule, until 5.
HOLD4 (round 15, `hold_pick.py 4`), fixed and committed before it ran: DEV notices are used up (every one is
named in a gold list or has rows in a DEV sample, and the DEV sampling feeds the learned model), so the set is
TEST notices that no TEST or held-out sample holds a row of (the round-10 near copies that TEST12 left out and
any other): not a DEV document, so the model never saw their rows. Ordered by ascending sha256("hold4-"+name),
at least 1,000 characters, the first 4 taken; no shingle rule (they are near copies by construction: that is
what kept them out of TEST12). Each document is cut at the first line end at or after its 6,000th character
(whitespace counted; the extent fixed before reading, as TEST12 fixed 9,000); the gold list covers the cut text
and the tool runs on the cut text only (`precision.py hold4 NEW OLD`). Because their text overlaps DEV notices,
the score is also given for the rows whose context (whitespace left out) occurs in no DEV notice.
"""
import glob, hashlib, os, re, subprocess, sys

HOLD1 = "central_053 central_023 central_026 central_013 central_152".split()
HOLD2 = "central_032 central_069 central_066 central_044 shandong_003".split()
SETS = {
    1: dict(salt="hold1-", at="3d8322c^", bounds=[(1500, 9000)], exclude=[]),
    2: dict(salt="hold2-", at="713db71^", bounds=[(3000, 12000), (1500, 3000)], exclude=HOLD1),
    3: dict(salt="hold3-", at="9f69c0b", bounds=[(1000, 20000), (400, 1000)], exclude=HOLD1 + HOLD2,
            sparse=(2, (1000, 20000))),
    4: dict(salt="hold4-", testpool=True, bounds=[(1000, 10**9)], take=4),
}
GOLD = "bench/slogans/gold/"


def gold_files(at):
    names = subprocess.run(["git", "ls-tree", "--name-only", at, GOLD], capture_output=True, text=True,
                           check=True).stdout.split()
    return {n: subprocess.run(["git", "show", f"{at}:{n}"], capture_output=True, text=True, check=True).stdout
            for n in names}


def main():
    which = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    if which not in SETS:
        sys.exit("usage: hold_pick.py 1|2|3|4")
    cfg = SETS[which]
    if cfg.get("testpool"):
        return pick_test(cfg)
    D = "../shared/corpus/ministry_provincial_notices"
    split = open("/work/brief/SPLIT.md").read() if os.path.exists("/work/brief/SPLIT.md") else ""
    test = set(re.findall(r"(central_\d+|shandong_\d+)", split.split("ministry_provincial_notices")[1].split("gwr/")[0])) if split else set()
    files = gold_files(cfg["at"])
    used, named, nrows = set(), set(), {}
    for n, text in files.items():
        base = os.path.basename(n)
        if base.startswith("precision_dev") and base.endswith(".tsv"):
            for line in text.splitlines():
                p = line.split("\t")
                if len(p) > 1:
                    used.add(p[1])
                    nrows[p[1]] = nrows.get(p[1], 0) + 1
        if base.endswith(".md"):
            named |= set(re.findall(r"(central_\d+|shandong_\d+)", text))
    texts = {os.path.basename(p)[:-4]: open(p).read() for p in sorted(glob.glob(D + "/*.txt"))}

    def sh(t):
        t = re.sub(r"\s+", "", t)
        return {t[i:i + 12] for i in range(len(t) - 11)}

    shs = {n: sh(t) for n, t in texts.items()}
    cands = [n for n in texts if n not in test and n not in used and n not in named and n not in cfg["exclude"]]
    cands.sort(key=lambda n: hashlib.sha256((cfg["salt"] + n).encode()).hexdigest())
    kept = []
    for lo, hi in cfg["bounds"]:
        for n in cands:
            if n in kept:
                continue
            L = len(re.sub(r"\s+", "", texts[n]))
            s = shs[n]
            worst = max(((len(s & shs[m]) / max(1, len(s)), m) for m in texts if m != n), default=(0, ""))
            ok = lo <= L <= hi and worst[0] <= 0.10
            print(n, L, "%.2f" % worst[0], worst[1], "KEEP" if ok and len(kept) < 5 else ("skip" if not ok else "-"))
            if ok and len(kept) < 5:
                kept.append(n)
            if len(kept) == 5:
                break
    if "sparse" in cfg and len(kept) < 5:
        most, (lo, hi) = cfg["sparse"]
        more = [n for n in texts if n not in test and n in used and nrows.get(n, 0) <= most and n not in named
                and n not in cfg["exclude"] and n not in kept]
        more.sort(key=lambda n: hashlib.sha256((cfg["salt"] + n).encode()).hexdigest())
        print("fallback: sampled in at most", most, "rows:", len(more))
        for n in more:
            L = len(re.sub(r"\s+", "", texts[n]))
            s = shs[n]
            worst = max(((len(s & shs[m]) / max(1, len(s)), m) for m in texts if m != n), default=(0, ""))
            ok = lo <= L <= hi and worst[0] <= 0.10
            print(n, L, nrows[n], "%.2f" % worst[0], worst[1], "KEEP" if ok else "skip")
            if ok:
                kept.append(n)
            if len(kept) == 5:
                break
    print("eligible", len(cands), "of DEV", len([n for n in texts if n not in test]), "used", len(used), "named", len(named))
    print(f"HOLD{which}:", " ".join(kept))


def pick_test(cfg):
    """HOLD4: TEST notices (sha256(file name)[0] < 77) with no row in any gold/precision_*.tsv."""
    D = "../shared/corpus/ministry_provincial_notices"
    sampled = set()
    for p in glob.glob(GOLD + "precision_*.tsv"):
        for line in open(p):
            f = line.split("\t")
            if len(f) > 1:
                sampled.add(f[1])
    names = [os.path.basename(p)[:-4] for p in sorted(glob.glob(D + "/*.txt"))]
    test = [n for n in names if hashlib.sha256((n + ".txt").encode()).digest()[0] < 77]
    cands = sorted((n for n in test if n not in sampled),
                   key=lambda n: hashlib.sha256((cfg["salt"] + n).encode()).hexdigest())
    kept = []
    for n in cands:
        L = len(open(f"{D}/{n}.txt").read())
        ok = cfg["bounds"][0][0] <= L <= cfg["bounds"][0][1] and len(kept) < cfg["take"]
        print(n, L, "KEEP" if ok else "-")
        if ok:
            kept.append(n)
    print("TEST notices", len(test), "unsampled", len(cands))
    print("HOLD4:", " ".join(kept))


main()
