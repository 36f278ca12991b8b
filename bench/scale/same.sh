#!/usr/bin/env bash
# Same output whatever -j: every corpus command of jobs.sh over the shared
# corpus with -j 1, -j 2 and -j 3, in the table and JSON formats (where the
# command has them), compared byte for byte; with REF=path/to/zhpolicy also
# against that build at -j 1 (the output must not change with this work).
# Exits 1 on the first difference, naming it.
#
# ZP_COMMANDS=FILE: other command lines than bench/scale/commands.txt.
#
#   bash bench/scale/same.sh            # or REF=/tmp/zhpolicy-main bash bench/scale/same.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=${ZHPOLICY_SHARED:-$(pwd)/../shared}/corpus
[ -d "$corpus" ] || { echo "no $corpus" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/zhpolicy" ./cmd/zhpolicy
zp=$work/zhpolicy
fail=0
# the commands: bench/scale/commands.txt, one command line each
while IFS= read -r cmd; do
	[ -z "$cmd" ] && continue
	for fmt in "" "--format json"; do
		# shellcheck disable=SC2086 # the command line is words
		if [ -n "$fmt" ] && [[ $($zp $cmd --help 2>/dev/null) != *--format* ]]; then
			continue
		fi
		# shellcheck disable=SC2086
		$zp $cmd $fmt -q -j 1 "$corpus" >"$work/j1" 2>"$work/e1" || true
		for j in 2 3; do
			# shellcheck disable=SC2086
			$zp $cmd $fmt -q -j $j "$corpus" >"$work/j$j" 2>"$work/e$j" || true
			if ! cmp -s "$work/j1" "$work/j$j" || ! cmp -s "$work/e1" "$work/e$j"; then
				echo "DIFFERENT: $cmd $fmt -j 1 vs -j $j"
				fail=1
			fi
		done
		if [ -n "${REF:-}" ]; then
			# shellcheck disable=SC2086
			"$REF" $cmd $fmt -q -j 1 "$corpus" >"$work/ref" 2>/dev/null || true
			if ! cmp -s "$work/j1" "$work/ref"; then
				echo "DIFFERENT: $cmd $fmt from $REF"
				fail=1
			fi
		fi
		echo "same: $cmd $fmt ($(wc -c <"$work/j1") bytes)"
	done
done < <(if [ -n "${ZP_COMMANDS:-}" ]; then cat "$ZP_COMMANDS"; else cat bench/scale/commands.txt; echo "reuse --passages"; fi)
exit $fail
