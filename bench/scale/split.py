"""Where -j 1's CPU goes, per command: user and system CPU seconds of the
process (wait4), and the share of the CPU profile's samples taken on the
worker, the ordered emit and the producer goroutines of the corpus loop
(pprof labels set by pkg/corpus), the rest being the runtime's own threads
(the collector, the scheduler) and the code before and after the loop.

    python3 bench/scale/split.py [-j N] [CMD ...]   # default: bench/scale/commands.txt

Builds ./cmd/zhpolicy and ./bench/scale/profile into a temporary directory;
prints a markdown table and the load average before each command.
"""
import os, re, subprocess, sys, tempfile, time

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
os.chdir(root)
args = sys.argv[1:]
jobs = '1'
if args[:1] == ['-j']:
    jobs, args = args[1], args[2:]
cmds = [' '.join(args)] if args else [l.strip() for l in open('bench/scale/commands.txt') if l.strip()]
corpus = os.path.join(os.environ.get('ZHPOLICY_SHARED', os.path.join(root, '..', 'shared')), 'corpus')
tmp = tempfile.mkdtemp()
zp, prof = os.path.join(tmp, 'zhpolicy'), os.path.join(tmp, 'profile')
subprocess.run(['go', 'build', '-o', zp, './cmd/zhpolicy'], check=True)
subprocess.run(['go', 'build', '-o', prof, './bench/scale/profile'], check=True)

def secs(s):
    m = re.match(r'([\d.]+)(ms|s|us|µs)', s)
    v = float(m.group(1))
    return {'s': v, 'ms': v / 1e3, 'us': v / 1e6, 'µs': v / 1e6}[m.group(2)]

print('%s UTC, -j %s, input %s, load average at the start: %s' % (
    time.strftime('%Y-%m-%d %H:%M', time.gmtime()), jobs, corpus, ' '.join(open('/proc/loadavg').read().split()[:3])))
print()
print('| command | wall s | user s | system s | cores used | worker | emit | producer | other | load before |')
print('|---|---|---|---|---|---|---|---|---|---|')
for cmd in cmds:
    load = open('/proc/loadavg').read().split()[0]
    t = time.monotonic()
    p = subprocess.Popen([zp] + cmd.split() + ['-q', '-j', jobs, corpus], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t
    cpu = os.path.join(tmp, 'cpu.out')
    subprocess.run([prof, '-cpu', cpu, '--'] + cmd.split() + ['-q', '-j', jobs, corpus],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = subprocess.run(['go', 'tool', 'pprof', '-tags', cpu], capture_output=True, text=True).stdout
    total, roles = None, {}
    inblock = False
    for line in out.splitlines():
        m = re.match(r'\s*corpus: Total (\S+) of (\S+)', line)
        if m:
            total, inblock = secs(m.group(2)), True
            continue
        if inblock:
            m = re.match(r'\s*(\S+) \(\s*[\d.]+%\): (\w+)', line)
            if m:
                roles[m.group(2)] = secs(m.group(1))
            elif line.strip() == '' or ':' in line and 'corpus' not in line:
                inblock = False
    if not total:
        print('| `%s` | %.2f | %.2f | %.2f | | no profile | | | | %s |' % (cmd, wall, ru.ru_utime, ru.ru_stime, load))
        continue
    sh = {k: 100 * roles.get(k, 0) / total for k in ('worker', 'emit', 'producer')}
    other = 100 - sum(sh.values())
    print('| `%s` | %.2f | %.2f | %.2f | %.2f | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %s |' % (
        cmd, wall, ru.ru_utime, ru.ru_stime, (ru.ru_utime + ru.ru_stime) / wall,
        sh['worker'], sh['emit'], sh['producer'], other, load))
