# HOLD2 pick rule (round 13; same as hold1_pick.py with a new salt "hold2-", 3,000..12,000 characters,
# HOLD1 excluded), fixed before opening any candidate. Only 9 DEV notices are left unsampled and unnamed,
# and one of them meets 3,000..12,000 characters; so (fallback, fixed before any was opened) the rest of
# the five are the next in the same hash order with HOLD1's bounds, 1,500..3,000 characters.
# DEV notices (ministry_provincial_notices, not TEST in SPLIT.md); no row in any
# bench/slogans/gold/precision_dev*.tsv; not named anywhere in bench/slogans/gold/README.md
# or the blind lists; ordered by ascending sha256("hold2-"+file name); kept when
# (a) its text has 3,000..12,000 characters, and (b) no other notice of the corpus shares
# more than 10% of its 12-character shingles (both directions checked: share of this doc's shingles
# found in the other); first 5 kept.
import hashlib, os, glob, re
D = "../shared/corpus/ministry_provincial_notices"
split = open("/work/brief/SPLIT.md").read()
test = set(re.findall(r"(central_\d+|shandong_\d+)", split.split("ministry_provincial_notices")[1].split("gwr/")[0]))
used = set()
for f in glob.glob("bench/slogans/gold/precision_dev*.tsv"):
    for line in open(f):
        p = line.split("\t")
        if len(p) > 1: used.add(p[1])
named = set()
for f in ["bench/slogans/gold/README.md"] + glob.glob("bench/slogans/gold/*.md"):
    named |= set(re.findall(r"(central_\d+|shandong_\d+)", open(f).read()))
texts = {}
for p in sorted(glob.glob(D + "/*.txt")):
    n = os.path.basename(p)[:-4]
    texts[n] = open(p).read()
def sh(t):
    t = re.sub(r"\s+", "", t)
    return {t[i:i+12] for i in range(len(t) - 11)}
shs = {n: sh(t) for n, t in texts.items()}
HOLD1 = set("central_053 central_023 central_026 central_013 central_152".split())
cands = [n for n in texts if n not in test and n not in used and n not in named and n not in HOLD1]
cands.sort(key=lambda n: hashlib.sha256(("hold2-" + n).encode()).hexdigest())
kept = []
def pick(lo, hi):
  for n in cands:
    if n in kept: continue
    L = len(re.sub(r"\s+", "", texts[n]))
    s = shs[n]
    worst = max(((len(s & shs[m]) / max(1, len(s)), m) for m in texts if m != n), default=(0, ""))
    ok = lo <= L <= hi and worst[0] <= 0.10
    print(n, L, "%.2f" % worst[0], worst[1], "KEEP" if ok and len(kept) < 5 else ("skip" if not ok else "-"))
    if ok and len(kept) < 5: kept.append(n)
    if len(kept) == 5: break
pick(3000, 12000)
pick(1500, 3000)
print("eligible", len(cands), "of DEV", len([n for n in texts if n not in test]), "used", len(used), "named", len(named))
print("HOLD2:", " ".join(kept))
