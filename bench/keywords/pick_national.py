#!/usr/bin/env python3
"""Round 16 of the keyword annotation (issue 17, session 14): a held-out set of the
national documents no keyword round has judged: the State Council's government work
reports of 1954-2025 (../shared/corpus/gwr), the CPC congress reports (cpc_congress)
and the NPC resolutions on the work report (npc_resolutions).

Rule, fixed and committed before any of these documents was opened: among the TEST
documents of the team's split (sha256(file name)[0] < 77, COMMON.md) of the three
folders, in order of sha256(file name) ascending (hex digest), take
  - 4 work reports, the first of each era by the year of the file name (YYYY.txt):
    <= 1978, 1979-1997, 1998-2012, 2013-2025;
  - the first 2 congress reports;
  - the first 2 NPC resolutions.
Only file names are read. No overlap guard: these folders were never judged, and the
rule is the one the brief (kw14) states.

Round 17 (session 15), fixed and committed before any of its documents was opened: by
the same order, the TEST documents after round 16's: the second work report of
2013-2025, the third congress report, the third and fourth NPC resolutions (with the 8
DEV documents `pick.py 17` gives: 6 notices, 2 Traditional speeches; no provincial 2026
report is left unused).

    python3 bench/keywords/pick_national.py     # prints round 16's 8 picks (folder/file, sha256 prefix)
    python3 bench/keywords/pick_national.py 17  # round 17's 4
    python3 bench/keywords/pick_national.py 18  # round 18's 5
    python3 bench/keywords/pick_national.py 19  # round 19's 4
    python3 bench/keywords/pick_national.py 20  # round 20's 4
    python3 bench/keywords/pick_national.py 21  # round 21's 4

Round 18 (session 15), fixed and committed before any of its documents was opened, TEST
only (the DEV notices and speeches no round named were read in bulk by this session's
keyword helpers): by the same order, the next three NPC resolutions after round 17's, the
last congress report and the second work report of 1998-2012 (no third TEST one of
2013-2025 exists).

Round 19 (session 15), fixed and committed before any of its documents was opened, TEST
only: the last two NPC resolutions (the 8th and 9th by the same order) and the second work
report of <= 1978 and of 1979-1997.

Round 20 (session 16), fixed and committed before any of its documents was opened, with
the 6 DEV notices and 2 speeches `pick.py 20` gives: the third TEST work report of each era
that has one (<= 1978, 1979-1997, 1998-2012) and the fourth of 1998-2012 (2013-2025 has
only two TEST reports, both used).

Round 21 (session 16), fixed and committed before any of its documents was opened, TEST
only (the DEV notices no round named were read by this session's keyword helpers): the
fourth TEST work report of <= 1978 and of 1979-1997 and the fifth and sixth of 1998-2012.
"""
import hashlib, os, re, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
corpus = os.path.join(root, '..', 'shared', 'corpus')


def digest(name):
    return hashlib.sha256(name.encode('utf-8')).hexdigest()


def is_test(name):
    return hashlib.sha256(name.encode('utf-8')).digest()[0] < 77


def tests(sub):
    names = [n for n in os.listdir(os.path.join(corpus, sub)) if n.endswith('.txt') and is_test(n)]
    return sorted(names, key=digest)


eras = [(0, 1978), (1979, 1997), (1998, 2012), (2013, 2025)]


def era(lo, hi):
    """The TEST work reports of the years lo-hi, in sha256 order."""
    return [n for n in tests('gwr') if re.match(r'\d{4}', n) and lo <= int(n[:4]) <= hi]


picks = []
if sys.argv[1:] == ['17']:
    picks = [('gwr', era(2013, 2025)[1]), ('cpc_congress', tests('cpc_congress')[2])]
    picks += [('npc_resolutions', n) for n in tests('npc_resolutions')[2:4]]
elif sys.argv[1:] == ['18']:
    picks = [('npc_resolutions', n) for n in tests('npc_resolutions')[4:7]]
    picks += [('cpc_congress', tests('cpc_congress')[3]), ('gwr', era(1998, 2012)[1])]
elif sys.argv[1:] == ['19']:
    picks = [('npc_resolutions', n) for n in tests('npc_resolutions')[7:9]]
    picks += [('gwr', era(lo, hi)[1]) for lo, hi in eras[:2]]
elif sys.argv[1:] == ['20']:
    picks = [('gwr', era(lo, hi)[2]) for lo, hi in eras[:3]] + [('gwr', era(1998, 2012)[3])]
elif sys.argv[1:] == ['21']:
    picks = [('gwr', era(lo, hi)[3]) for lo, hi in eras[:2]] + [('gwr', n) for n in era(1998, 2012)[4:6]]
elif sys.argv[1:]:
    sys.exit('usage: pick_national.py [17|18|19|20|21]')
else:
    for lo, hi in eras:
        if reports := era(lo, hi):
            picks.append(('gwr', reports[0]))
        else:
            print(f'# no TEST work report of {lo}-{hi}')
    picks += [('cpc_congress', n) for n in tests('cpc_congress')[:2]]
    picks += [('npc_resolutions', n) for n in tests('npc_resolutions')[:2]]
for sub, n in picks:
    print(f'{sub}/{n}\t{digest(n)[:12]}')
