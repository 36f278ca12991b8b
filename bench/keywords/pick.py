#!/usr/bin/env python3
"""A held-out DEV set for a round of the keyword annotation (issue 17): round 8
(session 7), round 9 (session 8) and round 10 (session 9): the same rule, with the
earlier rounds' documents counted as used.

Rule, fixed before any document was opened: among the DEV documents of SPLIT.md
that no keyword work has used (not in bench/keywords/gold/dev_judgements*.tsv,
lists*.tsv, gold*.tsv, devscore.py's set, nor named anywhere else under
bench/keywords, pkg/analysis/keywords, pkg/cmd/keywords, dict/keywords/gen, the
README or the keywords sections of bench/RESULTS.md), of each kind in order of
sha256(file name) ascending, skip a document sharing more than a tenth of its
8-character runs with a used document or with an earlier pick (a fifth for the
provincial reports: every 2026 report shares 10-15% of its runs, the 十五五
formulas, with the others), and take the
first 6 notices, 2 provincial 2026 reports and 2 Traditional speeches.

    python3 bench/keywords/pick.py ROUND      # prints round ROUND's picks, with the rule's numbers

The files of the round itself (bench/keywords/roundROUND/) do not count as use,
nor do later mentions of its picks (roundROUND/picks.tsv), and the files are read
as they stood just before the round's gold was committed (git show), so that the
script gives the same picks after the round, and after later rounds, as before it.
"""
import glob, hashlib, os, re, subprocess, sys

if len(sys.argv) != 2 or not sys.argv[1].isdigit():
    sys.exit('usage: pick.py ROUND')
rnd = sys.argv[1]
here = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'round' + rnd)
root = os.path.dirname(os.path.dirname(os.path.dirname(here)))
corpus = os.path.join(root, '..', 'shared', 'corpus')

def first_byte(name):
    return hashlib.sha256(name.encode('utf-8')).digest()[0]

def is_test(name):
    return first_byte(name) < 77 or name == '2026_海南省.txt'

pat = re.compile(r'(?:central|shandong)_\d{3}|\d{4}-\d{2}-\d{2}_\d+|2026_[^\s.\t"/,)_：:，。、；]{2,8}')
# The tree is read as it stood just before the round's gold was committed (the commit that
# added bench/keywords/gold/goldROUND.tsv, git show): later rounds name more documents, and
# the same rule over today's files would pick another set. A round with no gold yet reads
# the working tree.
def git(*args):
    return subprocess.run(['git', '-C', root, *args], capture_output=True, check=True).stdout

added = git('log', '--diff-filter=A', '--format=%H', '--', 'bench/keywords/gold/gold%s.tsv' % rnd).split()
at = added[-1].decode() + '^' if added else None

def tree_files(place):
    """(path, text) of the files under place (a file or a directory), at `at` or on disk."""
    if at is None:
        p = os.path.join(root, place)
        paths = [p] if os.path.isfile(p) else [f for f in glob.glob(p + '/**', recursive=True) if os.path.isfile(f)]
        for f in paths:
            yield os.path.relpath(f, root), open(f, 'rb').read()
        return
    for name in git('ls-tree', '-r', '--name-only', at, '--', place).decode().split('\n'):
        if name:
            yield name, git('show', '%s:%s' % (at, name))

used = set()
for place in ('bench/keywords', 'pkg/analysis/keywords', 'pkg/cmd/keywords', 'dict/keywords/gen', 'README.md'):
    for f, data in tree_files(place):
        if '/round%s/' % rnd in '/' + f:
            continue
        try:
            used.update(pat.findall(data.decode('utf-8')))
        except UnicodeDecodeError:
            pass
res = next(tree_files('bench/RESULTS.md'))[1].decode('utf-8')
for sec in re.split(r'\n(?=## )', res):
    if sec.startswith('## Keywords'):
        used.update(pat.findall(sec))

# the picks themselves are named by later work on the round (annotate, goldN.tsv, RESULTS):
# those mentions do not count, so that the script gives the same picks after the round
picked = os.path.join(here, 'picks.tsv')
if os.path.exists(picked):
    for line in open(picked, encoding='utf-8'):
        if not line.startswith('#') and '/' in line:
            used.discard(line.split('\t')[0].split('/')[1][:-4])

kinds = [('ministry_provincial_notices', 6, 0.10), ('provincial_gwr_2026', 2, 0.20), ('taiwan_presidential_office', 2, 0.10)]

def text(path):
    return open(path, encoding='utf-8', errors='replace').read()

def runs(t):
    t = re.sub(r'\s+', '', t)
    return {t[i:i + 8] for i in range(len(t) - 7)}

usedruns = set()
for sub, _, _ in kinds:
    for f in glob.glob(os.path.join(corpus, sub, '*.txt')):
        if os.path.basename(f)[:-4] in used:
            usedruns |= runs(text(f))

picks = []
for sub, n, lim in kinds:
    cands = [os.path.basename(f) for f in glob.glob(os.path.join(corpus, sub, '*.txt'))]
    cands = [c for c in cands if not is_test(c) and c[:-4] not in used]
    cands.sort(key=lambda c: hashlib.sha256(c.encode('utf-8')).hexdigest())
    got = 0
    for c in cands:
        r = runs(text(os.path.join(corpus, sub, c)))
        share = len(r & usedruns) / max(1, len(r))
        if share > lim:
            print(f'# passed over {sub}/{c}: {share:.2f} of its 8-character runs in used documents')
            continue
        print(f'{sub}/{c}\t{hashlib.sha256(c.encode("utf-8")).hexdigest()[:12]}\t{share:.3f}')
        usedruns |= r
        got += 1
        if got == n:
            break
