"""The year-to-year index cache: one JSON file per report (JsonCache) against one SQLite database
in WAL mode (Cache), on 2,000 and 20,000 reports' entries.

    python3 benchmarks/across_cache.py                 # 2000 and 20000
    python3 benchmarks/across_cache.py --sizes 2000

For each backend and size, in a fresh process: **build** (store every entry: what a first run
adds to the parse), **load** (a second run: every entry read back and validated), **re-check one
organ** (a run where one organ's five reports changed: all read, five stored anew), the peak
memory of the process and the cache's size on disk.  The entries are real: 100 generated
reports (gxlint.synth) parsed once, repeated under new hashes, paths and organ names.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def _entries(n: int):
    from gxlint import synth
    from gxlint.across.index import Entry, content_hash, entry_from_document
    from gxlint.parse import parse

    base = []
    for k in range(20):
        for r in synth.series(k, (2020, 2021, 2022, 2023, 2024), organ=f"青云{k}县司法局"):
            text = r.render().text
            base.append(entry_from_document(parse(text, "x.txt"), "x.txt", content_hash(text)).to_dict())
    out = []
    for i in range(n):
        d = dict(base[i % len(base)])
        d["sha"] = content_hash(f"{i}")
        d["path"] = f"/reports/o{i // 5:05d}/{d['year']}.txt"
        d["organ_written"] = f"青云{i // 5}县司法局"
        out.append((d["sha"], Entry.from_dict(d)))
    return out


def _rss_mb() -> float:
    """Peak resident memory of this process (VmHWM: getrusage's maxrss keeps the parent's peak
    across exec on Linux)."""
    try:
        with open("/proc/self/status") as fh:
            return next(int(ln.split()[1]) for ln in fh if ln.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one(backend: str, n: int, folder: str) -> dict:
    from gxlint.across import index

    entries = _entries(n)
    rss0 = _rss_mb()
    cls = index.Cache if backend == "sqlite" else index.JsonCache
    cache = cls(folder)
    t = time.perf_counter()
    if hasattr(cache, "put_many"):
        cache.put_many(entries)
    else:
        for k, e in entries:
            cache.put(k, e)
    build = time.perf_counter() - t
    cache.close()

    cache = cls(folder)
    t = time.perf_counter()
    got = [cache.get(k, e.path) for k, e in entries]
    load = time.perf_counter() - t
    assert all(g is not None for g in got), "an entry did not come back"
    cache.close()

    cache = cls(folder)
    t = time.perf_counter()
    for k, e in entries[:-5]:
        cache.get(k, e.path)
    fresh = [(index.content_hash(f"new{j}"), e) for j, (_k, e) in enumerate(entries[-5:])]
    if hasattr(cache, "put_many"):
        cache.put_many(fresh)
    else:
        for k, e in fresh:
            cache.put(k, e)
    recheck = time.perf_counter() - t
    cache.close()
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _s, fs in os.walk(folder) for f in fs)
    files = sum(len(fs) for _d, _s, fs in os.walk(folder))
    return {
        "backend": backend,
        "n": n,
        "build": build,
        "load": load,
        "recheck": recheck,
        "peak_mb": _rss_mb(),
        "entries_mb": _rss_mb() - rss0,
        "disk_mb": size / 1e6,
        "files": files,
    }


def rows(sizes=(2000, 20000)) -> list[tuple[str, str, str]]:
    out = []
    for n in sizes:
        for backend in ("json", "sqlite"):
            tmp = tempfile.mkdtemp(prefix="gxlint-cache-")
            try:
                p = subprocess.run(
                    [sys.executable, __file__, "--one", backend, str(n), tmp],
                    capture_output=True,
                    text=True,
                    timeout=1800,
                )
                if p.returncode:
                    out.append((f"index cache {backend} {n}", "failed", p.stderr.strip()[-200:]))
                    continue
                r = json.loads(p.stdout)
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
            out.append(
                (
                    f"index cache ({backend}) build, {n} reports",
                    f"{r['build']:.2f} s",
                    f"{r['files']} file(s), {r['disk_mb']:.0f} MB on disk",
                )
            )
            out.append(
                (
                    f"index cache ({backend}) load, {n} reports",
                    f"{r['load']:.2f} s",
                    f"every entry read and validated; peak RSS {r['peak_mb']:.0f} MB",
                )
            )
            out.append(
                (f"index cache ({backend}) re-check one organ, {n}", f"{r['recheck']:.2f} s", "all read, 5 stored anew")
            )
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    ap.add_argument("--one", nargs=3, metavar=("BACKEND", "N", "FOLDER"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one:
        print(json.dumps(one(a.one[0], int(a.one[1]), a.one[2])))
        return 0
    rs = rows(tuple(a.sizes))
    w = max(len(r[0]) for r in rs)
    for r in rs:
        print(f"{r[0]:<{w}}  {r[1]:>9}  {r[2]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
