#!/usr/bin/env python3
"""Run a zhpolicy corpus command on a Dask cluster and merge the results.

Each of --shards tasks runs, on some worker,

    zhpolicy COMMAND --emit partial --shard i/n ARGS...

and returns its partial counts as bytes (the workers need to see the input
files, not a shared place to write); the partials are then added up here by
`zhpolicy merge`, which prints what one run over the whole corpus would
have printed (the same numbers, whatever the split).

    # a cluster you already run (the script starts nothing then)
    python3 zhpolicy_dask.py --scheduler tcp://10.0.0.1:8786 --shards 64 -- freq --top 50 /data/corpus/

    # no scheduler given: a local cluster of --workers processes
    python3 zhpolicy_dask.py --workers 2 --shards 4 -- analyze --format json /data/corpus/

Options after COMMAND ARGS are zhpolicy's own; --merge-args are given to
`zhpolicy merge` (for example "--format csv --top 100"). The zhpolicy binary
must be on the workers' PATH, or named with --zhpolicy. Use Debian's
python3-distributed (/usr/bin/python3).
"""
import argparse
import shlex
import subprocess
import sys


def run_shard(zhpolicy, command, args, i, n):
    """Runs one shard on a worker and returns its partial (bytes)."""
    cmd = [zhpolicy, command, "--quiet", "--emit", "partial", "--shard", f"{i}/{n}", *args]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # 0: every input read; 3: some inputs skipped, each named on stderr
    if proc.returncode not in (0, 3):
        raise RuntimeError(f"shard {i}/{n}: {shlex.join(cmd)} exited {proc.returncode}: "
                           + proc.stderr.decode(errors="replace"))
    return proc.stdout, proc.returncode, proc.stderr.decode(errors="replace")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--scheduler", help="address of a running Dask scheduler (default: start a local cluster)")
    p.add_argument("--workers", type=int, default=2, help="local cluster: worker processes (default 2)")
    p.add_argument("--shards", type=int, default=4, help="tasks: the corpus is split in this many shards (default 4)")
    p.add_argument("--zhpolicy", default="zhpolicy", help="the zhpolicy binary on the workers (default: zhpolicy on PATH)")
    p.add_argument("--merge-args", default="", help="arguments of zhpolicy merge, e.g. \"--format json --top 50\"")
    p.add_argument("command", help="the zhpolicy command: freq, analyze … (any that has --emit partial)")
    p.add_argument("args", nargs=argparse.REMAINDER, help="its arguments and paths")
    o = p.parse_args()
    if o.shards < 1:
        p.error("--shards must be at least 1")

    from dask.distributed import Client, LocalCluster

    cluster = None
    if o.scheduler:
        client = Client(o.scheduler)
    else:
        cluster = LocalCluster(n_workers=o.workers, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    try:
        futures = [client.submit(run_shard, o.zhpolicy, o.command, o.args, i, o.shards, pure=False)
                   for i in range(1, o.shards + 1)]
        results = client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    skipped = False
    for _, code, err in results:
        if err:
            sys.stderr.write(err)
        skipped = skipped or code == 3
    partials = b"".join(out for out, _, _ in results)
    merge = subprocess.run([o.zhpolicy, "merge", *shlex.split(o.merge_args), "-"], input=partials)
    if merge.returncode != 0:
        sys.exit(merge.returncode)
    sys.exit(3 if skipped else 0)


if __name__ == "__main__":
    main()
