#!/bin/sh
# Builds the zhpolicy binary of the keyword defaults before issue 17
# (commit b3e655c) into ${TMPDIR:-/tmp}, once, and prints its path: the
# "before" system of bench/keywords/glossary and bench/keywords/annotate.
set -eu
cd "$(dirname "$0")/../.."
rev=b3e655c
bin=${TMPDIR:-/tmp}/zhpolicy-$rev
if [ ! -x "$bin" ]; then
	src=$(mktemp -d)
	git archive "$rev" | tar -x -C "$src"
	(cd "$src" && go build -o "$bin" ./cmd/zhpolicy)
	rm -rf "$src"
fi
echo "$bin"
