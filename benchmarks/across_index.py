"""Cross-report index (GX7): index a workspace of N reports the first time (empty cache) and again
(cached), then run the GX7 rules over it.

    python3 benchmarks/across_index.py                  # 2000 reports: 400 organs × 5 years, 2 processes
    python3 benchmarks/across_index.py --organs 50 --jobs 1 2

The reports are generated (gxlint.synth.series: consistent consecutive years of one organ, the
real seeds' size ranges from 3 KB to 30 KB: ``--size`` pads them with filler paragraphs).  Prints
wall-clock and CPU time; the target is under 30 s for 2,000 reports on 2 cores the first time.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def cpu() -> float:
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def main() -> int:
    from gxlint import synth
    from gxlint.across.index import Cache, build
    from gxlint.config import Settings
    from gxlint.engine import run_index_rules

    ap = argparse.ArgumentParser()
    ap.add_argument("--organs", type=int, default=400)
    ap.add_argument("--years", type=int, default=5)
    ap.add_argument("--size", type=int, default=8000, help="target size of a report in bytes")
    ap.add_argument("--jobs", type=int, nargs="+", default=[2])
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="gxlint-across-")
    try:
        paths = []
        t0 = time.perf_counter()
        for k in range(a.organs):
            reps = synth.series(k, tuple(range(2024 - a.years + 1, 2025)), organ=f"青云{k}县司法局")
            for r in reps:
                if a.size:
                    r.filler = max(0, a.size // 400)
                p = os.path.join(tmp, "reports", f"o{k:04d}", f"{r.year}.txt")
                os.makedirs(os.path.dirname(p), exist_ok=True)
                with open(p, "w", encoding="utf-8") as fh:
                    fh.write(r.render().text)
                paths.append(p)
        size = sum(os.path.getsize(p) for p in paths) / len(paths)
        print(
            f"{len(paths)} reports ({size / 1024:.1f} KB on average) written in {time.perf_counter() - t0:.1f} s; "
            f"load average {os.getloadavg()[0]:.2f}"
        )
        for jobs in a.jobs:
            cache = Cache(os.path.join(tmp, f"cache-{jobs}"))
            for run in ("first", "cached"):
                st: dict = {}
                c0, t0 = cpu(), time.perf_counter()
                ix = build(paths, cache=cache, jobs=jobs, stats=st)
                wall, used = time.perf_counter() - t0, cpu() - c0
                print(
                    f"jobs={jobs} {run:6s}: {wall:6.2f} s wall, {used:6.2f} s CPU "
                    f"({st['parsed']} parsed, {st['cached']} from the cache, {len(ix.organs())} organs)"
                )
            settings = Settings.from_options(None, select="GX7")
            t0 = time.perf_counter()
            n = sum(len(run_index_rules(e, ix, settings, e.path)) for e in ix.entries.values())
            print(f"jobs={jobs} GX7 over the index: {time.perf_counter() - t0:.2f} s, {n} findings (expected 0)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
