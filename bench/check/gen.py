#!/usr/bin/env python3
"""Generate a corpus of N documents for the `zhpolicy check` benchmark.

    python3 bench/check/gen.py OUTDIR [--files 10000] [--source ../shared/corpus] [--seed 1]

Documents are runs of consecutive paragraphs (about 0.5-8 KB) cut from the texts under
--source (the team's shared corpus); without it, synthetic policy-like text is used. About
80% are .txt, 15% .md, 5% .html, spread over 100 directories. A share of them get the
problems the linter looks for, so every rule has work: pinyin annotations, half-width
punctuation, full-width digits, Traditional characters in Simplified text, zero-width spaces,
unclosed brackets; 1% are exact copies and 1% near-copies of earlier documents; a few are
empty or GB18030-encoded. Deterministic for a given seed and source. Prints a one-line summary.
"""
import argparse
import os
import random
import sys

SYNTH = (
    "坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。",
    "更好统筹发展和安全，全面深化改革开放，推动经济实现质的有效提升和量的合理增长。",
    "各地区各部门要结合实际抓好贯彻落实，重大情况及时报告。",
    "加快建设现代化产业体系，推动传统产业高端化、智能化、绿色化，大力发展战略性新兴产业。",
    "深入实施科教兴国战略、人才强国战略、创新驱动发展战略，强化国家战略科技力量。",
    "持续用力推进乡村振兴，稳定粮食播种面积，加强高标准农田建设，确保粮食安全。",
)


def paragraphs(source):
    paras = []
    if source and os.path.isdir(source):
        for root, _, files in sorted(os.walk(source)):
            for name in sorted(files):
                if not name.endswith(".txt"):
                    continue
                try:
                    with open(os.path.join(root, name), encoding="utf-8") as f:
                        text = f.read()
                except (UnicodeDecodeError, OSError):
                    continue
                paras.extend(p.strip() for p in text.split("\n") if len(p.strip()) >= 10)
    if len(paras) < 100:
        rnd = random.Random(0)
        paras = ["".join(rnd.choice(SYNTH) for _ in range(rnd.randint(1, 5))) for _ in range(5000)]
        return paras, "synthetic"
    return paras, source


def damage(text, rnd):
    """Insert one problem the linter reports."""
    kind = rnd.randrange(7)
    i = rnd.randrange(len(text))
    if kind == 0:
        return text.replace("会", "會(huì)", 1) if "会" in text else text[:i] + "會(huì)" + text[i:]
    if kind == 1:
        return text.replace("，", ",", 3)
    if kind == 2:
        return text[:i] + "２０２５年" + text[i:]
    if kind == 3:
        return text.replace("发展", "發展", 2)
    if kind == 4:
        return text[:i] + "\u200b" + text[i:]
    if kind == 5:
        return text[:i] + "《" + text[i:]
    return text.replace("。", ".", 2)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--files", type=int, default=10000)
    ap.add_argument("--source", default="../shared/corpus")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    paras, origin = paragraphs(a.source)
    docs = []
    total = 0
    for n in range(a.files):
        d = f"{a.out}/d{n % 100:02d}"
        os.makedirs(d, exist_ok=True)
        r = rnd.random()
        if r < 0.80:
            ext = ".txt"
        elif r < 0.95:
            ext = ".md"
        else:
            ext = ".html"
        path = f"{d}/doc{n:05d}{ext}"
        roll = rnd.random()
        if docs and roll < 0.01:
            text = rnd.choice(docs)  # exact copy
        elif docs and roll < 0.02:
            src = rnd.choice(docs)
            cut = rnd.randrange(len(src))
            text = src[:cut] + "有关要求如下。" + src[cut:]  # near copy
        else:
            size = int(rnd.lognormvariate(7.6, 0.7))  # median about 2 KB
            start = rnd.randrange(len(paras))
            parts, got = [], 0
            while got < size:
                p = paras[start % len(paras)]
                parts.append(p)
                got += len(p.encode())
                start += 1
            text = "\n\n".join(parts) + "\n"
            if rnd.random() < 0.3:
                text = damage(text, rnd)
        if len(docs) < 2000:
            docs.append(text)
        if ext == ".md":
            body = "# 文件 %d\n\n%s" % (n, text)
        elif ext == ".html":
            body = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>文件</title></head><body>\n%s</body></html>\n" % (
                "".join("<p>%s</p>\n" % p for p in text.split("\n") if p))
        else:
            body = text
        enc = "utf-8"
        if rnd.random() < 0.002:
            body = ""
        elif ext == ".txt" and rnd.random() < 0.003:
            enc = "gb18030"
        data = body.encode(enc, errors="replace")
        with open(path, "wb") as f:
            f.write(data)
        total += len(data)
    print(f"{a.files} files, {total / 1e6:.1f} MB, from {origin}")


if __name__ == "__main__":
    sys.exit(main())
