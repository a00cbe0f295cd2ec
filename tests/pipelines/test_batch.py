"""Batch runs: --jobs with a process pool, deterministic output, a progress bar only on a terminal,
a per-file failure never stops the run."""

import json
import os
import pty
import select
import subprocess
import sys

import pytest

from gxlint import batch
from gxlint.config import Settings

from .conftest import SEEDS, gx, seed_text


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """30 reports (6 copies of each seed) in nested folders."""
    d = tmp_path_factory.mktemp("many")
    seeds = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt"))
    for i in range(6):
        sub = d / f"batch{i % 3}"
        sub.mkdir(exist_ok=True)
        for n in seeds:
            (sub / f"{i:02d}-{n}").write_bytes((open(os.path.join(SEEDS, n), "rb").read()))
    return d


def test_jobs_output_is_identical_and_sorted(many):
    one = gx("check", "--isolated", "--jobs", "1", "--format", "json", ".", cwd=many)
    two = gx("check", "--isolated", "--jobs", "3", "--format", "json", ".", cwd=many)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    paths = [f["path"] for f in json.loads(one.stdout)["files"]]
    assert len(paths) == 30 and paths == sorted(paths)
    t1 = gx("check", "--isolated", "-j", "1", ".", cwd=many).stdout
    t2 = gx("check", "--isolated", "-j", "2", ".", cwd=many).stdout
    assert t1 == t2
    s1 = gx("check", "--isolated", "-j", "2", "--format", "sarif", ".", cwd=many).stdout
    s2 = gx("check", "--isolated", "-j", "1", "--format", "sarif", ".", cwd=many).stdout
    assert s1 == s2


def _tasks(d, names):
    return [batch.Task(str(d / n), n, Settings()) for n in names]


def test_a_failing_file_does_not_stop_the_run(tmp_path, monkeypatch):
    names = [f"r{i}.txt" for i in range(8)]
    for n in names:
        (tmp_path / n).write_text(seed_text("004"), encoding="utf-8")
    import gxlint.engine as engine

    real = engine.lint_path

    def flaky(path, settings=None, display_path=None):
        if path.endswith("r3.txt"):
            raise RuntimeError("simulated crash in one file")
        return real(path, settings, display_path)

    monkeypatch.setattr(engine, "lint_path", flaky)  # inherited by the forked workers
    for jobs in (1, 2):
        results = batch.run(_tasks(tmp_path, names), jobs)
        assert [r.path for r in results] == names
        bad = results[3]
        assert [d.code for d in bad.diagnostics] == ["GX001"]
        assert "simulated crash" in bad.diagnostics[0].message
        good = [r for i, r in enumerate(results) if i != 3]
        assert all(r.diagnostics and "GX001" not in {d.code for d in r.diagnostics} for r in good)
        assert all(r.doc is None and r.text for r in good)  # results cross the process boundary light


def test_a_dying_worker_does_not_stop_the_run(tmp_path, monkeypatch):
    names = [f"r{i}.txt" for i in range(6)]
    for n in names:
        (tmp_path / n).write_text(seed_text("004"), encoding="utf-8")
    import gxlint.engine as engine

    real = engine.lint_path

    def dying(path, settings=None, display_path=None):
        if path.endswith("r2.txt"):
            os._exit(3)
        return real(path, settings, display_path)

    monkeypatch.setattr(engine, "lint_path", dying)
    results = batch.run(_tasks(tmp_path, names), 2)
    assert [r.path for r in results] == names
    assert [d.code for d in results[2].diagnostics] == ["GX001"]
    assert "worker process died" in results[2].diagnostics[0].message
    others = [r for i, r in enumerate(results) if i != 2]
    assert all(r.diagnostics and "GX001" not in {d.code for d in r.diagnostics} for r in others)


def _run_on_pty(args, cwd):
    """Run gxlint with stdout and stderr on a pseudo-terminal; returns everything it wrote."""
    master, slave = pty.openpty()
    env = dict(os.environ, COLUMNS="120")
    env.pop("GXLINT_NO_PROGRESS", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "gxlint", *args], stdout=slave, stderr=slave, stdin=subprocess.DEVNULL, cwd=cwd, env=env
    )
    os.close(slave)
    chunks = []
    while True:
        r, _, _ = select.select([master], [], [], 120)
        if not r:
            proc.kill()
            raise AssertionError("no output for 120 s")
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(master)
    return proc.returncode, b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_only(many):
    code, out = _run_on_pty(["check", "--isolated", "-j", "2", "--no-source", "."], many)
    assert code == 1
    assert "检查中 [" in out and "/30 个文件" in out and "\r" in out and "checking" not in out  # one language
    assert "30/30" in out
    code, out = _run_on_pty(["check", "--isolated", "--lang", "en", "-j", "2", "--no-source", "."], many)
    assert "checking [" in out and "/30 files" in out and "检查中" not in out
    code, out = _run_on_pty(["check", "--isolated", "-j", "2", "--quiet", "."], many)
    assert "检查中 [" not in out  # --quiet: no bar
    piped = gx("check", "--isolated", "-j", "2", ".", cwd=many)  # a pipe: nothing extra
    assert piped.stderr == b""
    assert "检查中 [".encode() not in piped.stdout and b"\r" not in piped.stdout.replace(b"\r\n", b"")
    # few files: no bar even on a terminal
    code, out = _run_on_pty(
        ["check", "--isolated", os.path.join("batch0", sorted(os.listdir(many / "batch0"))[0])], many
    )
    assert "检查中 [" not in out


def test_jobs_argument_errors(many):
    p = gx("check", "--jobs", "-1", ".", cwd=many)
    assert p.returncode == 2
