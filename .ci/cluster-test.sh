#!/usr/bin/env bash
# The two cluster recipes, run for real on this machine: a Dask scheduler and
# two workers on 127.0.0.1, then Slurm (munged, slurmctld and slurmd on
# localhost) running the job array and the merge job. Each splits the
# shared corpus in 4 shards; the merged result must be byte for byte the
# result of one zhpolicy run over the whole corpus. Everything started here
# is stopped on exit.
#
#   bash .ci/cluster-test.sh          (CI calls it from .ci/run; needs root and apt-get
#                                      to install python3-distributed, slurm-wlm and munge)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
corpus=${ZHPOLICY_SHARED:-$root/../shared}/corpus
if [ ! -d "$corpus" ]; then
	if [ "${CI:-}" = true ]; then
		echo "cluster test: $corpus is missing" >&2
		exit 1
	fi
	echo "cluster test: skipped ($corpus is missing)"
	exit 0
fi
work=$(mktemp -d)
pids=()
# stop NAME: SIGTERM to the daemon, then wait until it is gone (it may still
# be writing its state under $work), SIGKILL after 10 s
stop() {
	pkill -x "$1" 2>/dev/null || return 0
	for _ in $(seq 50); do
		pgrep -x "$1" >/dev/null || return 0
		sleep 0.2
	done
	pkill -9 -x "$1" 2>/dev/null || true
}
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
	if [ -n "${slurm_up:-}" ]; then
		stop slurmd
		stop slurmctld
		stop munged
	fi
	rm -rf "$work"
}
trap cleanup EXIT

need=()
/usr/bin/python3 -c 'import distributed' 2>/dev/null || need+=(python3-distributed)
command -v slurmctld >/dev/null || need+=(slurm-wlm)
command -v munged >/dev/null || need+=(munge)
if [ ${#need[@]} -gt 0 ]; then
	if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
		echo "cluster test: skipped (needs ${need[*]}, and root with apt-get to install them)"
		exit 0
	fi
	echo "== installing ${need[*]}"
	export DEBIAN_FRONTEND=noninteractive
	{ apt-get update -qq && apt-get install -y -qq "${need[@]}"; } >"$work/apt.log" 2>&1 || {
		tail -20 "$work/apt.log"
		exit 1
	}
fi

go build -o "$work/bin/zhpolicy" ./cmd/zhpolicy
export PATH="$work/bin:$PATH"

# the reference: one run over the whole corpus (jobs write their logs in
# the directory they are submitted from: the work directory, never ../shared)
cd "$work"
zhpolicy freq --quiet --top 0 --format tsv "$corpus/" >"$work/freq.want"
zhpolicy analyze --quiet --format json "$corpus/" >"$work/analyze.want"

echo "== Dask: a scheduler and two workers on 127.0.0.1"
/usr/bin/python3 -m distributed.cli.dask_scheduler --host 127.0.0.1 --port 8786 --no-dashboard >"$work/scheduler.log" 2>&1 &
pids+=($!)
for i in 1 2; do
	/usr/bin/python3 -m distributed.cli.dask_worker tcp://127.0.0.1:8786 --nthreads 1 --no-dashboard \
		--local-directory "$work/w$i" >"$work/worker$i.log" 2>&1 &
	pids+=($!)
done
start=$(date +%s)
/usr/bin/python3 "$root/contrib/dask/zhpolicy_dask.py" --scheduler tcp://127.0.0.1:8786 --shards 4 \
	--merge-args "--top 0 --format tsv" freq "$corpus/" >"$work/freq.dask"
/usr/bin/python3 "$root/contrib/dask/zhpolicy_dask.py" --scheduler tcp://127.0.0.1:8786 --shards 4 \
	--merge-args "--format json" analyze "$corpus/" >"$work/analyze.dask"
echo "dask: $(($(date +%s) - start)) s"
cmp "$work/freq.want" "$work/freq.dask"
cmp "$work/analyze.want" "$work/analyze.dask"
echo "dask: the merged freq and analyze equal one run over the whole corpus"
for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
pids=()

echo "== Slurm: munged, slurmctld and slurmd on localhost"
host=$(hostname -s)
conf=$work/slurm
mkdir -p "$conf/spool" "$conf/state" "$work/parts"
cpus=$(nproc)
mem=$(awk '/MemTotal/ {print int($2/1024/2)}' /proc/meminfo)
cat >"$conf/slurm.conf" <<CONF
ClusterName=zhpolicy-ci
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$conf/state
SlurmdSpoolDir=$conf/spool
SlurmctldPidFile=$conf/slurmctld.pid
SlurmdPidFile=$conf/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=ci Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$conf/slurm.conf
# munged runs as the munge user, with its own key and socket directory
mkdir -p /etc/munge /run/munge /var/lib/munge /var/log/munge
[ -s /etc/munge/munge.key ] || dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 2>/dev/null
chown -R munge:munge /etc/munge /run/munge /var/lib/munge /var/log/munge
chmod 0700 /etc/munge && chmod 0400 /etc/munge/munge.key
slurm_up=1
su -s /bin/sh munge -c munged
slurmctld
slurmd
for _ in $(seq 1 30); do
	sinfo -h -o %T 2>/dev/null | grep -qE 'idle|mixed' && break
	sleep 1
done
sinfo
start=$(date +%s)
ids=$(ZHPOLICY="$work/bin/zhpolicy" bash "$root/contrib/slurm/submit.sh" 4 "$work/parts" "$work/freq.slurm" "--top 0 --format tsv" freq "$corpus/")
echo "$ids"
merge=${ids##* }
for _ in $(seq 1 120); do
	state=$(sacct -n -X -j "$merge" -o State 2>/dev/null | head -1 | tr -d ' ' || true)
	[ -z "$state" ] && state=$(squeue -h -j "$merge" -o %T 2>/dev/null || true)
	[ -s "$work/freq.slurm" ] && break
	case "$state" in FAILED* | CANCELLED* | TIMEOUT*) break ;; esac
	sleep 1
done
echo "slurm: $(($(date +%s) - start)) s"
if [ ! -s "$work/freq.slurm" ]; then
	echo "slurm: the merge job wrote nothing"
	tail -20 "$work"/slurm*.log ./zhpolicy-*.log 2>/dev/null || true
	exit 1
fi
cmp "$work/freq.want" "$work/freq.slurm"
ls "$work/parts"
echo "slurm: the job array and its merge equal one run over the whole corpus"
