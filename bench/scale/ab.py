"""A/B of build and setting variants of one zhpolicy command line, under a load.

    VARIANTS='j1::1:/tmp/zp;j2::2:/tmp/zp;j2gmp2:GOMAXPROCS=2:2:/tmp/zp;ref::2:/tmp/zp-ref' \
        python3 bench/scale/ab.py ROUNDS SESSIONS CMD [ARGS...]

Each variant is NAME:ENV=V,ENV=V:JOBS:BINARY. Per round, SESSIONS sessions of two
busy loops are started (setsid: a scheduling group each, as another user's
session), every variant runs once over the corpus (ZHPOLICY_SHARED/corpus or
../shared/corpus) in an order that turns round by round, and the loops are
stopped. Prints per variant the median wall seconds (wait4 timing), the first
variant's median over it, the median CPU seconds and every run; with
PAIR='old2/new2,old1/new1' also the median of the per-round ratios of those pairs.
"""
import os,sys,subprocess,time,statistics,signal,resource
rounds=int(sys.argv[1]); sessions=int(sys.argv[2]); cmd=sys.argv[3:]
variants=[]
for v in os.environ['VARIANTS'].split(';'):
    name,envs,j,binp=v.split(':')
    env=dict(os.environ)
    for e in filter(None,envs.split(',')):
        k,_,val=e.partition('='); env[k]=val
    variants.append((name,env,j,binp))
res={v[0]:[] for v in variants}; cpu={v[0]:[] for v in variants}
corpus=os.path.join(os.environ.get('ZHPOLICY_SHARED',os.path.join(os.path.dirname(os.path.abspath(__file__)),'../../../shared')),'corpus')
for r in range(rounds):
    loads=[subprocess.Popen(['setsid','bash','-c','for _ in 1 2; do while :; do :; done & done; wait'],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL) for _ in range(sessions)]
    time.sleep(0.3)
    n=len(variants)
    for k in range(n):
        name,env,j,binp=variants[(r+k)%n]
        t=time.monotonic()
        p=subprocess.Popen([binp]+cmd+['-q','-j',j,corpus],env=env,stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)
        _,st,ru=os.wait4(p.pid,0)
        res[name].append(time.monotonic()-t); cpu[name].append(ru.ru_utime+ru.ru_stime)
    for p in loads:
        try: os.killpg(p.pid,signal.SIGKILL)
        except Exception: pass
        p.wait()
base=variants[0][0]
print(' '.join(cmd), 'rounds',rounds,'sessions',sessions,'load',open('/proc/loadavg').read().split()[0])
for name,*_ in variants:
    m=statistics.median(res[name]); print('%-10s median %.3f s  (-j1/this %.2f)  cpu %.3f  all %s'%(name,m,statistics.median(res[base])/m,statistics.median(cpu[name]),' '.join('%.2f'%x for x in res[name])))
# paired (PAIR=a/b,...): a over b round by round
# (the same load), then the median of the ratios
pair=os.environ.get('PAIR','')
for spec in filter(None,pair.split(',')):
    a,_,b=spec.partition('/')
    r=[x/y for x,y in zip(res[a],res[b])]
    print('paired %s/%s median %.3f  (rounds: %s)'%(a,b,statistics.median(r),' '.join('%.3f'%x for x in r)))
