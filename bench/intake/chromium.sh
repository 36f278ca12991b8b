#!/usr/bin/env bash
# PDFs from a producer the PDF reader was not developed on: documents of
# ../shared/corpus laid out as HTML (16 pt justified with a first-line
# indent, and 14 pt ragged right) and printed to PDF by headless Chromium
# (Skia/PDF: Type0 Identity-H TrueType fonts with ToUnicode maps). Each
# document's paragraphs are its expected lines. DEV documents were looked
# at while writing the reader, TEST documents only measured
# (/work/brief/SPLIT.md). Prints a Markdown table (the same columns as
# run.sh), pdftotext beside it.
#
#   bench/intake/chromium.sh        # needs chromium and a CJK font (Debian chromium fonts-wqy-zenhei)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
corpus=${SHARED:-$root/../shared}/corpus
say() { printf '%s\n' "$*" >&2; }
command -v chromium >/dev/null || { say "skip: chromium is not installed (apt-get install chromium fonts-wqy-zenhei)"; exit 0; }
[ -d "$corpus" ] || { say "skip: $corpus is absent"; exit 0; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
docs="DEV:ministry_provincial_notices/central_001 DEV:ministry_provincial_notices/central_002 DEV:provincial_gwr_2026/2026_北京市
TESTA:ministry_provincial_notices/central_008 TESTA:provincial_gwr_2026/2026_吉林省 TESTA:taiwan_presidential_office/2005-02-21_9221
TESTB:provincial_gwr_2026/2026_山西省 TESTB:provincial_gwr_2026/2026_广东省 TESTB:ministry_provincial_notices/central_010
TESTB:ministry_provincial_notices/shandong_001 TESTB:taiwan_presidential_office/2010-02-08_14057"
for d in $docs; do
	set=${d%%:*} path=${d#*:}
	for style in justified ragged dense; do
		name="${set}_$(basename "$path")_$style"
		python3 - "$corpus/$path.txt" "$work/$name.html" "$work/$name.txt" "$style" <<'PY'
import sys, html
src, out_html, out_txt, style = sys.argv[1:5]
lines = [l.strip() for l in open(src, encoding="utf-8") if l.strip()]
css = {"justified": "font-size:16pt;line-height:28pt;text-align:justify",
       "ragged": "font-size:14pt;line-height:24pt;text-align:left",
       "dense": "font-size:12pt;line-height:19pt;text-align:justify"}[style]
margin = "20mm" if style == "dense" else "37mm 26mm 35mm 28mm"
doc = ['<!doctype html><html><head><meta charset="utf-8"><style>@page{size:A4;margin:' + margin + '}'
       'body{font-family:"WenQuanYi Zen Hei";' + css + '} p{margin:0;text-indent:2em}</style></head><body>']
doc += ["<p>" + html.escape(l) + "</p>" for l in lines]
doc.append("</body></html>")
open(out_html, "w", encoding="utf-8").write("\n".join(doc))
open(out_txt, "w", encoding="utf-8").write("\n".join(lines) + "\n")
PY
		timeout 120 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
			--print-to-pdf="$work/$name.pdf" "$work/$name.html" >/dev/null 2>&1 || say "chromium failed on $name"
	done
done
go run ./bench/intake -pairs "$work"
