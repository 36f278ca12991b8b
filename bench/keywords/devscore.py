#!/usr/bin/env python3
"""DEV score of the keyword defaults (issue 17, session 3): the top 10 of every
labelled DEV document, counted with the DEV labels (gold/dev_judgements.tsv,
gold/dev_judgements2.tsv: judged by the engineer who tuned on them, not blind),
by kind of document. Items without a label are counted as '?'.

    python3 bench/keywords/devscore.py            # this tree
    python3 bench/keywords/devscore.py -v         # and every list, each item with its label
"""
import collections, os, re, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
corpus = os.path.join(root, '..', 'shared', 'corpus')
lab = {}
for f in ('dev_judgements.tsv', 'dev_judgements2.tsv', 'dev_judgements3.tsv', 'dev_judgements4.tsv', 'dev_judgements5.tsv', 'dev_judgements9.tsv', 'dev_judgements10.tsv'):
    for line in open(os.path.join(here, 'gold', f), encoding='utf-8'):
        x = line.rstrip('\n').split('\t')
        if x[0] == 'document':
            continue
        if len(x) == 4:  # document, rank, "(score) rank.item", label
            d, it, lb = x[0], re.sub(r'^\d+\) \d+\.', '', x[2]), x[3]
        else:
            d, it, lb = x
        lab[(d, it)] = lb
docs = sorted({d for d, _ in lab})
paths = []
for d in docs:
    for sub in ('ministry_provincial_notices', 'provincial_gwr_2026', 'taiwan_presidential_office'):
        p = os.path.join(corpus, sub, d + '.txt')
        if os.path.exists(p):
            paths.append(p)
out = subprocess.run(['go', 'run', './bench/keywords/lists', '-k', '10'] + paths, cwd=root,
                     capture_output=True, text=True, check=True).stdout
lists, cur = {}, None
for line in out.splitlines():
    if line.startswith('== '):
        cur = line[3:]
    elif cur and not line.startswith('   names:') and re.match(r'^1\.', line):
        lists[cur] = [re.sub(r'^\d+\.(.*)\(\d+,[-0-9.]+\)$', r'\1', x) for x in line.split()]


def kind(d):
    return 'provincial' if d.startswith('2026') else 'speech' if d[:2] == '20' else 'notice'


tot = collections.defaultdict(collections.Counter)
unknown = []
for d, items in lists.items():
    c = collections.Counter()
    for it in items[:10]:
        lb = lab.get((d, it), '?')
        c[lb] += 1
        if lb == '?':
            unknown.append(d + '\t' + it)
    if '-v' in sys.argv:
        print(d, ' '.join('%s/%s' % (it, lab.get((d, it), '?')[0]) for it in items[:10]))
    for k in (kind(d), 'all'):
        tot[k] += c
        tot[k]['documents'] += 1
        tot[k]['meeting the target'] += c['fragment'] == 0 and c['generic'] <= 2
print('| kind | documents | useful | generic | fragment | unlabelled | meeting the target |')
print('| --- | ---: | ---: | ---: | ---: | ---: | ---: |')
for k in ('provincial', 'notice', 'speech', 'all'):
    t = tot[k]
    print('| %s | %d | %d | %d | %d | %d | %d |' % (k, t['documents'], t['useful'], t['generic'], t['fragment'], t['?'], t['meeting the target']))
if unknown:
    print('unlabelled:', file=sys.stderr)
    print('\n'.join(unknown), file=sys.stderr)
