#!/usr/bin/env python3
"""Does the notices' own document frequency tell their procedural words from
their topics? (issue 17, session 4). For every item of the top 10 of the
labelled DEV notices (labels: gold/dev_judgements*.tsv, not blind), its
document frequency in the DEV notices of ../shared/corpus and in the DEV
documents of the other kinds (reports, congress and NPC texts), by label.

    python3 bench/keywords/genredf.py
"""
import collections, hashlib, os, re, statistics, subprocess

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
corpus = os.path.join(root, '..', 'shared', 'corpus')


def test(name):
    return hashlib.sha256(name.encode()).digest()[0] < 77 or name == '2026_海南省.txt'


def texts(sub):
    d = os.path.join(corpus, sub)
    return [open(os.path.join(d, f), encoding='utf-8').read() for f in sorted(os.listdir(d)) if f.endswith('.txt') and not test(f)]


lab = {}
for f in ('dev_judgements.tsv', 'dev_judgements2.tsv'):
    for line in open(os.path.join(here, 'gold', f), encoding='utf-8'):
        x = line.rstrip('\n').split('\t')
        if x[0] == 'document':
            continue
        if len(x) == 4:
            d, it, lb = x[0], re.sub(r'^\d+\) \d+\.', '', x[2]), x[3]
        else:
            d, it, lb = x[:3]
        lab[(d, it)] = lb
docs = sorted({d for d, _ in lab if d.startswith(('central', 'shandong'))})
paths = [os.path.join(corpus, 'ministry_provincial_notices', d + '.txt') for d in docs]
out = subprocess.run(['go', 'run', './bench/keywords/lists', '-k', '10'] + paths, cwd=root,
                     capture_output=True, text=True, check=True).stdout
notices = texts('ministry_provincial_notices')
others = [t for s in ('gwr', 'cpc_congress', 'npc_resolutions', 'provincial_gwr_2026') for t in texts(s)]
by = collections.defaultdict(list)
cur = None
for line in out.splitlines():
    if line.startswith('== '):
        cur = line[3:]
    elif cur and not line.startswith('   names:'):
        for m in re.finditer(r'\d+\.(\S+?)\(\d+,[-0-9.]+\)', line):
            w = m.group(1)
            lb = lab.get((cur, w))
            if lb:
                by[lb].append((sum(w in t for t in notices), sum(w in t for t in others)))
print('DEV notices: %d, DEV documents of other kinds: %d' % (len(notices), len(others)))
print('| label | items | median df in notices | in ≥ 5 notices | in ≥ 5 notices and ≤ 2 others |')
print('| --- | ---: | ---: | ---: | ---: |')
for lb in ('useful', 'generic', 'fragment'):
    xs = by[lb]
    print('| %s | %d | %g | %.0f%% | %.0f%% |' % (lb, len(xs), statistics.median(a for a, _ in xs),
          100 * sum(a >= 5 for a, _ in xs) / len(xs), 100 * sum(a >= 5 and b <= 2 for a, b in xs) / len(xs)))
