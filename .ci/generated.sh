#!/usr/bin/env bash
# Generated data is what its generator writes today: every file under dict/ (and the entity
# tables' snapshot) that a program derives from ../shared, gse's or gocc's published data is
# generated again, in a copy of the tree, and compared byte for byte with the committed file.
# A rule change in keywords, slogans or entities that changes what their generator counts fails
# here until the data is regenerated (the command to run is printed).
#
#   bash .ci/generated.sh            check every generator
#   bash .ci/generated.sh NAME...    check some: zhdict opencc hanzi slogansnat slogans slogansmodel background procedure entities tradforms
#
# Needs ../shared (the public corpus): skips without it on a user's clone, fails in CI (CI=true).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
shared=$root/../shared
if [ ! -d "$shared/corpus" ]; then
	if [ "${CI:-}" = true ]; then
		echo "generated.sh: $shared/corpus is missing (CI needs the public data)" >&2
		exit 1
	fi
	echo "generated.sh: skip: $shared/corpus is absent" >&2
	exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/repo"
git ls-files -z | (cd "$root" && xargs -0 cp --parents -t "$work/repo")
ln -s "$(cd "$shared" && pwd)" "$work/shared"

# name | directory to run in | command | files it writes (relative to the repository)
generators='zhdict|dict|go run ./gen|dict/zhdict.bin
opencc|dict/opencc|go run ./gen -root ../..|dict/opencc/tables
hanzi|dict/hanzi|go run ./gen -o tables.go|dict/hanzi/tables.go
slogansnat|dict/slogans|go run ./gennat -root ../..|dict/slogans/national.tsv
slogans|dict/slogans|go run ./gen -root ../..|dict/slogans/baseline.tsv dict/slogans/refwords.txt
slogansmodel|.|go run ./bench/slogans/learn -weights pkg/analysis/slogans/model.go|pkg/analysis/slogans/model.go
background|.|go run ./dict/keywords/gen -corpus ../shared/corpus -o dict/keywords/background.tsv|dict/keywords/background.tsv dict/keywords/background.bin dict/keywords/background_docs.txt
procedure|.|go run ./dict/keywords/genproc -corpus ../shared/corpus|dict/keywords/procedure.tsv dict/keywords/genre.tsv
entities|pkg/analysis/entities|go generate .|dict/entities/tables.bin
tradforms|pkg/normalize|go generate .|pkg/normalize/tradforms.go'

want=" $* "
failed=0
while IFS='|' read -r name dir cmd outs; do
	[ $# -eq 0 ] || [[ $want == *" $name "* ]] || continue
	start=$(date +%s)
	if ! (cd "$work/repo/$dir" && $cmd) >"$work/$name.log" 2>&1; then
		echo "FAIL $name: '$cmd' in $dir failed:" >&2
		tail -20 "$work/$name.log" >&2
		failed=1
		continue
	fi
	stale=""
	for f in $outs; do
		diff -rq "$root/$f" "$work/repo/$f" >/dev/null 2>&1 || stale="$stale $f"
	done
	if [ -n "$stale" ]; then
		echo "FAIL $name: the committed$stale differ from what '$cmd' (in $dir) writes today; run it and commit" >&2
		failed=1
	else
		echo "ok   $name ($(($(date +%s) - start)) s)"
	fi
done <<<"$generators"
exit $failed
