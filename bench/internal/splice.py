"""splice.py RESULTS.md NAME FILE: replace the text between <!-- NAME:begin -->
and <!-- NAME:end --> (markers included) with FILE, which holds both markers.
Fails when the markers are missing, so a section is never silently dropped."""
import sys

path, name, new = sys.argv[1], sys.argv[2], open(sys.argv[3], encoding="utf8").read().rstrip("\n")
text = open(path, encoding="utf8").read()
b, e = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
i, j = text.find(b), text.find(e)
if i < 0 or j < i:
    sys.exit(f"splice: {path} has no {b} … {e} section")
text = text[:i] + new + text[j + len(e):]
open(path, "w", encoding="utf8").write(text)
