# The start shared by jobs.sh and pinned.sh (sourced from the repository
# root after `set -euo pipefail`): ROUNDS from $1 (default 3), the input
# (ZP_INPUT, else the shared corpus), a work directory removed at exit, the
# binary built from this tree ($zp), and median (of numbers on stdin, two
# decimals).
rounds=${1:-3}
corpus=${ZP_INPUT:-${ZHPOLICY_SHARED:-$(pwd)/../shared}/corpus}
[ -d "$corpus" ] || { echo "no $corpus" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/zhpolicy" ./cmd/zhpolicy
zp=$work/zhpolicy
median() { sort -n | awk '{a[NR]=$1} END {printf "%.2f\n", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
