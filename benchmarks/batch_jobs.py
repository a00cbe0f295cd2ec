"""Batch throughput: `gxlint check` on N copies of the seed reports with --jobs 1 and --jobs 2.

    python3 benchmarks/batch_jobs.py            # 500 reports (100 copies of each of the 5 seeds)
    python3 benchmarks/batch_jobs.py --copies 20 --jobs 1 2 4

Prints wall-clock and CPU time (parent + workers) per run, and checks that the outputs are identical.
Wall-clock time depends on what else the machine is doing: the load average is printed too.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "tests", "fixtures", "seeds")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=100, help="copies of each seed (5 seeds)")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    a = ap.parse_args()
    seeds = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt"))
    tmp = tempfile.mkdtemp(prefix="gxlint-bench-")
    try:
        for i in range(a.copies):
            for n in seeds:
                shutil.copyfile(os.path.join(SEEDS, n), os.path.join(tmp, f"r{i:04d}_{n}"))
        total = a.copies * len(seeds)
        outputs = {}
        print(f"{total} reports; cores: {os.cpu_count()}; load average: {os.getloadavg()[0]:.2f}")
        for j in a.jobs:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            p = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "gxlint",
                    "check",
                    "--isolated",
                    "--jobs",
                    str(j),
                    "--quiet",
                    "--exit-zero",
                    tmp,
                ],
                capture_output=True,
            )
            wall = time.perf_counter() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            outputs[j] = p.stdout
            print(
                f"--jobs {j}: wall {wall:6.2f} s  cpu {cpu:6.2f} s  {total / wall:6.1f} reports/s  "
                f"exit {p.returncode}  {len(p.stdout.splitlines())} lines"
            )
        same = len(set(outputs.values())) == 1
        print("outputs identical across --jobs:", same)
        return 0 if same else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
