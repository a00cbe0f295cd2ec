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
            os._exit(3)  # the file that kills its worker, checked alone
        if 5 in idx:
            os._exit(3)
        return [i * 10 for i in idx]

    p = pool.Pool(2, work)
    chunks = [list(range(i, i + 4)) for i in range(0, 40, 4)]
    got = list(p.results(chunks, on_lost=lambda i: "lost", on_error=lambda i, e: "error"))
    assert [i for i, _ in got] == list(range(40))  # every file, in order
    assert dict(got)[5] == "lost"
    assert all(r == i * 10 for i, r in got if i != 5)
    assert p.replaced == 2  # the chunk's worker, then the worker of file 5 checked alone


def test_a_chunk_that_raises_is_reported_per_file():
    def work(idx):
        if 3 in idx:
            raise ValueError("bad")
        return idx

    got = dict(
        pool.Pool(2, work).results([[0, 1], [2, 3], [4]], on_lost=lambda i: "lost", on_error=lambda i, e: f"error {e}")
    )
    assert got == {0: 0, 1: 1, 2: "error bad", 3: "error bad", 4: 4}


def _processes() -> dict[int, tuple[str, int, int]]:
    """pid → (state, parent pid, process group) of every process, from /proc."""
    out = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as fh:
                    rest = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            out[int(name)] = (rest[0], int(rest[1]), int(rest[2]))
    return out


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for p, (state, ppid, _pgrp) in _processes().items():
        if state != "Z":
            children.setdefault(ppid, []).append(p)
    out, todo = set(), [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            out.add(c)
            todo.append(c)
    return out


def _alive(pids) -> set[int]:
    procs = _processes()
    return {p for p in pids if p in procs and procs[p][0] != "Z"}


def _group_alive(pgid: int) -> set[int]:
    """The live (not zombie) processes of a process group."""
    return {p for p, (state, _ppid, pgrp) in _processes().items() if state != "Z" and pgrp == pgid}


def _default_signals() -> None:
    # the child under test gets the signals' default disposition: under nohup the test process
    # ignores SIGHUP, and an ignored disposition is inherited across exec
    for s in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(s, signal.SIG_DFL)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL], ids=lambda s: s.name)
def test_workers_end_with_their_parent(tmp_path, sig):
    text = read_seed("002")
    for i in range(400):
        (tmp_path / f"r{i:03}.txt").write_text(text, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    # a session of its own: every worker, replaced ones too, is in the parent's process group
    proc = subprocess.Popen(
        [sys.executable, "-m", "gxlint", "check", "--isolated", "-j", "2", "--fix", "--format", "json", str(tmp_path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=_default_signals,
    )
    kids: set[int] = set()
    end = time.monotonic() + 60
    while time.monotonic() < end and len(kids) < 2:
        kids = _descendants(proc.pid)
        time.sleep(0.05)
    assert len(kids) >= 2, "the workers did not start"
    os.kill(proc.pid, sig)
    # a pipeline reading gxlint's output sees its end: no worker holds stdout/stderr open
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == -sig, (
        f"the parent was to end by signal {sig.name}: {proc.returncode} {err.decode(errors='replace')[-300:]}"
    )
    # every process of the group ends: the workers (and any worker that replaced one), so nothing
    # writes a fix after the parent is gone
    end = time.monotonic() + 30
    while time.monotonic() < end and _group_alive(proc.pid):
        time.sleep(0.1)
    assert not _group_alive(proc.pid), f"workers still running after the parent got signal {sig}"
    assert kids and not _alive(kids)
