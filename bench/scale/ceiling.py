#!/usr/bin/env python3
"""What two CPUs of this machine give, beside what -j 2 gets.

    python3 bench/scale/ceiling.py BINARY [ROUNDS] > table.md    # from the repository root

-j 2 cannot be faster than two processes that share nothing. So, for every
command line of bench/scale/commands.txt (ZP_COMMANDS=FILE for others), over
the shared corpus (ZP_INPUT=DIR for another), this times in each round, in an
order that turns round by round:

  j1      the command with -j 1 over the whole corpus;
  j2      the command with -j 2 over the whole corpus;
  halves  two -j 1 processes of it, each over one half of the corpus (the
          files split into two halves of equal bytes, largest first into the
          lighter half), one after the other (wall: the sum) and side by side
          (wall: until both have ended).

The ceiling is halves one after the other over halves side by side: what a
second CPU gives two processes with no shared memory, no lock and no ordered
emit. It is below 2 wherever the two CPUs slow each other down (shared
caches, memory, the host). -j 1 / -j 2 is the command's speed-up, and its
share of the ceiling says how much of what the machine gives -j 2 leaves.
A calibration line times the same with a pure arithmetic loop (no memory
traffic): python3 itself, in two processes, so the CPUs are measured apart
from zhpolicy. Medians over ROUNDS (default 5); the load average is printed
before each command.
"""
import os, statistics, subprocess, sys, tempfile, shutil, time

if len(sys.argv) < 2:
    sys.exit(__doc__)
zp = os.path.abspath(sys.argv[1])
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
corpus = os.environ.get('ZP_INPUT') or os.path.join(
    os.environ.get('ZHPOLICY_SHARED', os.path.join(root, '..', 'shared')), 'corpus')
cmds = [l.split() for l in open(os.environ.get('ZP_COMMANDS') or
                                 os.path.join(root, 'bench/scale/commands.txt'), encoding='utf-8')
        if l.strip()]


def split(src, dst):
    """Copies the files of src into dst/a and dst/b, halves of equal bytes."""
    files = []
    for d, _, names in os.walk(src):
        for n in names:
            p = os.path.join(d, n)
            files.append((os.path.getsize(p), os.path.relpath(p, src)))
    files.sort(reverse=True)
    size = {'a': 0, 'b': 0}
    for n, rel in files:
        h = min(size, key=lambda k: (size[k], k))
        size[h] += n
        out = os.path.join(dst, h, rel)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        shutil.copyfile(os.path.join(src, rel), out)
    return [os.path.join(dst, 'a'), os.path.join(dst, 'b')], size


def start(argv):
    return subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def one(argv):
    t = time.monotonic()
    p = start(argv)
    os.wait4(p.pid, 0)
    return time.monotonic() - t


def both(a, b):
    t = time.monotonic()
    p, q = start(a), start(b)
    os.wait4(p.pid, 0)
    os.wait4(q.pid, 0)
    return time.monotonic() - t


def load():
    return open('/proc/loadavg').read().split()[0]


def measure(j1, j2, ha, hb):
    """Medians of j1, j2, halves in turn, halves side by side."""
    runs = {k: [] for k in ('j1', 'j2', 'seq', 'par')}
    steps = [('j1', lambda: one(j1)), ('j2', lambda: one(j2)),
             ('seq', lambda: one(ha) + one(hb)), ('par', lambda: both(ha, hb))]
    for r in range(rounds):
        for k in range(len(steps)):
            name, f = steps[(r + k) % len(steps)]
            if name == 'j2' and j2 is None:
                continue
            runs[name].append(f())
    return {k: statistics.median(v) if v else None for k, v in runs.items()}


with tempfile.TemporaryDirectory() as tmp:
    halves, size = split(corpus, tmp)
    print('%s, %d CPUs, %d rounds, input %s (%d bytes, halves %d and %d), load average at the start: %s' % (
        time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime()), os.cpu_count(), rounds, corpus,
        size['a'] + size['b'], size['a'], size['b'], load()))
    print()
    print('| command | -j 1 wall s | -j 2 wall s | speed-up | halves in turn s | halves side by side s | ceiling | speed-up / ceiling | load before |')
    print('|---|---|---|---|---|---|---|---|---|')
    loop = [sys.executable, '-c', 'n=0\nfor i in range(12000000): n+=i*i']
    m = measure(loop, None, loop, loop)
    print('| calibration: arithmetic loop, two processes | %.2f | | | %.2f | %.2f | %.2f | | %s |' % (
        m['j1'], m['seq'], m['par'], m['seq'] / m['par'], load()))
    for c in cmds:
        l = load()
        m = measure([zp] + c + ['-q', '-j', '1', corpus], [zp] + c + ['-q', '-j', '2', corpus],
                    [zp] + c + ['-q', '-j', '1', halves[0]], [zp] + c + ['-q', '-j', '1', halves[1]])
        s, ceil = m['j1'] / m['j2'], m['seq'] / m['par']
        print('| `%s` | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %s |' % (
            ' '.join(c), m['j1'], m['j2'], s, m['seq'], m['par'], ceil, s / ceil, l))
        sys.stdout.flush()
