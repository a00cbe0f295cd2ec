"""Peak memory of a large batch: `gxlint check` on N copies of the seed reports, once per output
format, each run in a fresh process; peak RSS of the largest process (the parent, which writes the
report) and the size of the report.

    python3 benchmarks/batch_memory.py                       # 5,000 reports, json sarif text
    python3 benchmarks/batch_memory.py --files 500 --formats json

Also a flood of blank lines (``--newlines`` MB after one line of text): RSS per input byte.
Outputs go to a file (``--output``), as a pipeline would keep them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "tests", "fixtures", "seeds")

_MEASURE = (
    "import resource, subprocess, sys\n"
    "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def peak(cmd: list[str]) -> tuple[int, int]:
    """(exit code, peak RSS in KB of the largest process of ``cmd``), measured in a fresh process."""
    env = dict(os.environ, PYTHONPATH=ROOT, GXLINT_NO_PROGRESS="1")
    # cwd=ROOT: `python -m` puts the working directory first on sys.path
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, *cmd], capture_output=True, text=True, env=env, check=True, cwd=ROOT
    )
    code, kb = out.stdout.split()
    return int(code), int(kb)


def batch_rows(files: int, formats: list[str], jobs: int) -> list[dict]:
    seeds = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt"))
    rows = []
    with tempfile.TemporaryDirectory(prefix="gxlint-mem-") as tmp:
        src = os.path.join(tmp, "reports")
        os.mkdir(src)
        for i in range(files):
            n = seeds[i % len(seeds)]
            os.link(os.path.join(SEEDS, n), os.path.join(src, f"r{i:05d}_{n}"))
        for fmt in formats:
            out = os.path.join(tmp, f"out.{fmt}")
            t0 = time.perf_counter()
            code, kb = peak(
                [
                    sys.executable,
                    "-m",
                    "gxlint",
                    "check",
                    "--isolated",
                    "-j",
                    str(jobs),
                    "--format",
                    fmt,
                    "--output",
                    out,
                    src,
                ]
            )
            rows.append(
                {
                    "case": f"batch {files} files",
                    "format": fmt,
                    "exit": code,
                    "peak_rss_mb": round(kb / 1024, 1),
                    "output_mb": round(os.path.getsize(out) / 1e6, 2) if os.path.exists(out) else None,
                    "wall_s": round(time.perf_counter() - t0, 1),
                }
            )
            print(json.dumps(rows[-1]), flush=True)
    return rows


def newline_rows(mb: float) -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="gxlint-mem-") as tmp:
        path = os.path.join(tmp, "blank.txt")
        n = int(mb * 1e6)
        with open(path, "w") as fh:
            fh.write("报告\n" + "\n" * n)
        t0 = time.perf_counter()
        code, kb = peak([sys.executable, "-m", "gxlint", "check", "--isolated", "--format", "json", path])
        row = {
            "case": f"{mb:g} MB of blank lines",
            "exit": code,
            "peak_rss_mb": round(kb / 1024, 1),
            "rss_bytes_per_input_byte": round(kb * 1024 / n, 1),
            "wall_s": round(time.perf_counter() - t0, 1),
        }
        print(json.dumps(row), flush=True)
        return [row]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=5000)
    ap.add_argument("--formats", nargs="+", default=["json", "sarif", "text"])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--newlines", type=float, default=0, help="also a file of this many MB of blank lines")
    a = ap.parse_args()
    print(f"cores: {os.cpu_count()}; load average: {os.getloadavg()[0]:.2f}", flush=True)
    if a.files:
        batch_rows(a.files, a.formats, a.jobs)
    if a.newlines:
        newline_rows(a.newlines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
