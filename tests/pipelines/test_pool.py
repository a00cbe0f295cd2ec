"""Worker processes of ``gxlint check -j N`` (gxlint/pool.py): a lost worker is replaced and the
pool goes on; workers end with their parent however it ends, and a pipeline reading gxlint's
output is not left hanging.  Bounds are generous limits, not timings."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from gxlint import pool
from seedutil import ROOT, read_seed

pytestmark = pytest.mark.skipif(not pool.available() or not os.path.isdir("/proc"), reason="needs fork and /proc")


def test_a_dead_worker_is_replaced_and_only_its_file_is_lost():
    def work(idx):
        if 5 in idx and len(idx) == 1:
            os._exit(3)                  # the file that kills its worker, checked alone
        if 5 in idx:
            os._exit(3)
        return [i * 10 for i in idx]

    p = pool.Pool(2, work)
    chunks = [list(range(i, i + 4)) for i in range(0, 40, 4)]
    got = list(p.results(chunks, on_lost=lambda i: "lost", on_error=lambda i, e: "error"))
    assert [i for i, _ in got] == list(range(40))                      # every file, in order
    assert dict(got)[5] == "lost"
    assert all(r == i * 10 for i, r in got if i != 5)
    assert p.replaced == 2          # the chunk's worker, then the worker of file 5 checked alone


def test_a_chunk_that_raises_is_reported_per_file():
    def work(idx):
        if 3 in idx:
            raise ValueError("bad")
        return idx

    got = dict(pool.Pool(2, work).results([[0, 1], [2, 3], [4]], on_lost=lambda i: "lost",
                                          on_error=lambda i, e: f"error {e}"))
    assert got == {0: 0, 1: 1, 2: "error bad", 3: "error bad", 4: 4}


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as fh:
                    rest = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if rest[0] != "Z":
                children.setdefault(int(rest[1]), []).append(int(name))
    out, todo = set(), [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            out.add(c)
            todo.append(c)
    return out


def _alive(pids) -> set[int]:
    live = set()
    for p in pids:
        try:
            with open(f"/proc/{p}/stat") as fh:
                if fh.read().rsplit(")", 1)[1].split()[0] != "Z":
                    live.add(p)
        except OSError:
            pass
    return live


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL])
def test_workers_end_with_their_parent(tmp_path, sig):
    text = read_seed("002")
    for i in range(400):
        (tmp_path / f"r{i:03}.txt").write_text(text, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.Popen([sys.executable, "-m", "gxlint", "check", "--isolated", "-j", "2", "--fix",
                             "--format", "json", str(tmp_path)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    kids: set[int] = set()
    end = time.monotonic() + 60
    while time.monotonic() < end and len(kids) < 2:
        kids = _descendants(proc.pid)
        time.sleep(0.05)
    assert len(kids) >= 2, "the workers did not start"
    os.kill(proc.pid, sig)
    proc.wait(30)
    # a pipeline reading gxlint's output sees its end: no worker holds stdout/stderr open
    out, err = proc.communicate(timeout=30)
    end = time.monotonic() + 20
    while time.monotonic() < end and _alive(kids):
        time.sleep(0.1)
    assert not _alive(kids), f"workers still running after the parent got signal {sig}"
    # and nothing is written after the parent is gone
    mtimes = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    time.sleep(1)
    assert mtimes == {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
