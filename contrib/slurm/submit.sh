#!/bin/bash
# Submit a zhpolicy corpus run to Slurm: a job array of SHARDS tasks, then
# a merge job that starts when every task has succeeded.
#
#   contrib/slurm/submit.sh SHARDS PARTS_DIR OUTPUT "MERGE ARGS" COMMAND ARGS...
#   contrib/slurm/submit.sh 64 /scratch/parts freq.txt "--top 50" freq --min-len 2 /data/corpus/
#
# Prints the two job IDs. ZHPOLICY names the binary if it is not on PATH.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shards=$1 parts=$2 out=$3 merge_args=$4
shift 4
array=$(sbatch --parsable --array="1-$shards" --export=ALL "$here/zhpolicy-shard.sbatch" "$parts" "$@")
# shellcheck disable=SC2086 # merge arguments are words
merge=$(sbatch --parsable --dependency="afterok:$array" --export=ALL "$here/zhpolicy-merge.sbatch" "$parts" "$out" $merge_args)
echo "array job $array, merge job $merge"
