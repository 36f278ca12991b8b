"""Glossary recall of `zhpolicy slogans` on the two glossary reports (../shared/bench/glossary_2026, TEST).

    python3 bench/slogans/glossary_eval.py BINARY [BINARY...]   # run from the repository root

Without arguments it reads /tmp/gl_main.jsonl and /tmp/gl_new.jsonl (outputs written earlier).
"""
import json,sys,re,subprocess,glob
strip=lambda s:re.sub(r'[“”「」『』‘’"《》\s]','',s)
gold={}
for l in open('../shared/bench/glossary_2026/glossary_terms.tsv').read().splitlines()[1:]:
    p,n,t,_=l.split('\t',3); gold.setdefault(p,[]).append(t)
def lines(b):
    if b.startswith('/tmp/gl_'):
        return open(b).read().splitlines()
    docs=sorted(glob.glob('../shared/bench/glossary_2026/2026_*_body_without_glossary.txt'))
    return subprocess.run([b,'slogans','-q','-f','jsonl']+docs,capture_output=True,text=True).stdout.splitlines()
for b in (sys.argv[1:] or ['/tmp/gl_main.jsonl','/tmp/gl_new.jsonl']):
    got={}
    for l in lines(b):
        d=json.loads(l); p=re.search(r'2026_(.+?)_body',d['file']).group(1)
        got.setdefault(p,[]).append(d)
    ex=ign=cont=newf=tot=0; fl=0
    for p,ts in gold.items():
        keys=[strip(d['key']) for d in got.get(p,[])]; texts=[d['text'] for d in got.get(p,[])]
        for t in ts:
            tot+=1; ts_=strip(t)
            if t in texts: ex+=1
            hit=[d for d in got.get(p,[]) if strip(d['key'])==ts_ or strip(d['text'])==ts_]
            if hit: ign+=1; newf+= any(d.get('new') for d in hit)
            if hit or any(ts_ in k or (k in ts_ and len(k)>=2) for k in keys): cont+=1
        fl+=len(got.get(p,[])); nn=sum(1 for d in got.get(p,[]) if d.get('new'))
    nnew=sum(1 for p in got for d in got[p] if d.get('new'))
    print(f"{b}: gold {tot}; exact(text) {ex}; ignoring quotes {ign} ({ign/tot:.3f}); containment {cont} ({cont/tot:.3f}); matched & new {newf}; formulations {fl}, new {nnew}; precision-proxy(matched/new) {newf/max(nnew,1):.3f}")
