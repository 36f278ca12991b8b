"""Pick NAT1, the held-out set of national documents for slogans (round 16), and cut its stretches.

    python3 bench/slogans/nat_pick.py [OUTDIR]    # from the repository root; OUTDIR default /tmp/nat1

The rule, fixed and committed before any candidate was opened (no earlier precision set was drawn
from these three collections of ../shared/corpus):
- Pool: the TEST documents of SPLIT (sha256(file name)[0] < 77) of gwr (the national government work
  reports), cpc_congress (the CPC congress reports) and npc_resolutions (the NPC resolutions on the
  government work report). DEV documents of these kinds are for tuning.
- Order: ascending sha256(file name) (hex digest), within each collection.
- gwr: four eras by the year of the file name, <=1978, 1979-1997, 1998-2012, 2013-2025; the first
  TEST report of each era in that order.
- cpc_congress: the first TEST report in that order.
- npc_resolutions: every TEST resolution, whole.
- Stretch: a work report or congress report is cut at the first line end at or after its 2,500th
  character (whitespace and line ends counted, the text as decoded, UTF-8); a resolution is whole.
  The gold list (gold/nat1_list.md) covers the stretches and is written before the tool runs on them;
  the tool runs on the cut files this script writes (OUTDIR/<collection>__<file name>), and every
  output row of those runs is labelled (gold/precision_nat1.tsv) against gold/CRITERIA.md.
"""
import hashlib, os, sys

CORPUS = os.path.join("..", "shared", "corpus")
CUT = 2500
ERAS = [(0, 1978), (1979, 1997), (1998, 2012), (2013, 2025)]


def key(name):
    return hashlib.sha256(name.encode()).hexdigest()


def test_names(coll):
    names = [n for n in os.listdir(os.path.join(CORPUS, coll)) if n.endswith(".txt")]
    return sorted((n for n in names if hashlib.sha256(n.encode()).digest()[0] < 77), key=key)


def cut(text):
    if len(text) <= CUT:
        return text
    end = text.find("\n", CUT - 1)
    return text if end < 0 else text[:end + 1]


def pick():
    out = []
    gwr = test_names("gwr")
    for lo, hi in ERAS:
        era = [n for n in gwr if lo <= int(n[:4]) <= hi]
        if era:
            out.append(("gwr", era[0], True))
    cpc = test_names("cpc_congress")
    if cpc:
        out.append(("cpc_congress", cpc[0], True))
    for n in test_names("npc_resolutions"):
        out.append(("npc_resolutions", n, False))
    return out


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else "/tmp/nat1"
    os.makedirs(outdir, exist_ok=True)
    for coll, name, is_cut in pick():
        text = open(os.path.join(CORPUS, coll, name), encoding="utf-8").read()
        part = cut(text) if is_cut else text
        with open(os.path.join(outdir, coll + "__" + name), "w", encoding="utf-8") as fh:
            fh.write(part)
        print("%s\t%s\t%d of %d characters" % (coll, name, len(part), len(text)))


if __name__ == "__main__":
    main()
