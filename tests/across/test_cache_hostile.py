"""The index cache holds under poisoned and planted entries (issue 29, items 15 and 16): every
entry is validated on load (a bad one is ignored and rebuilt), and cache files are opened only
when they are regular files of a bounded size — never through a link to a FIFO or /dev/zero."""

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from gxlint import __version__, synth
from gxlint.across.index import SCHEMA, BadEntry, Cache, JsonCache, build, content_hash, validate_entry

from .test_across import ROOT


def _cli(*args, env_extra=None, timeout=300):
    env = dict(os.environ, PYTHONPATH=ROOT, **(env_extra or {}))
    return subprocess.run(
        [sys.executable, "-m", "gxlint", *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=timeout
    )


def _reports(tmp_path):
    reps = synth.series(15, (2022, 2023))
    paths = []
    for r in reps:
        p = tmp_path / f"{r.year}.txt"
        p.write_text(r.render().text, encoding="utf-8")
        paths.append(str(p))
    return paths


POISON = [
    lambda d: {**d, "year": "2022"},
    lambda d: {**d, "cells": list(d["cells"].values())},
    lambda d: {**d, "cells": {"t3.r4.np": ["x"] * 9}},
    lambda d: {**d, "figures": [{"kind": "count", "subject": "received", "value": 1, "ref": [1, 2]}]},
    lambda d: {**d, "anchor": [[[[]]]]},
    lambda d: {**d, "sha": 5},
    lambda d: "[" * 100_000 + "]" * 100_000,  # deep nesting: a RecursionError in json
    lambda d: "not json",
    lambda d: [d],
]


def _poisoned(d, k):
    v = POISON[k](d)
    return v if isinstance(v, str) else json.dumps(v)


@pytest.mark.parametrize("k", range(len(POISON)))
def test_a_poisoned_sqlite_entry_is_ignored_and_rebuilt(tmp_path, k):
    paths = _reports(tmp_path)
    cache = Cache(str(tmp_path / "c"))
    st: dict = {}
    good = build(paths, cache=cache, stats=st)
    cache.close()
    db = sqlite3.connect(cache.file)
    for sha, data in db.execute("SELECT sha, data FROM entries").fetchall():
        db.execute("UPDATE entries SET data = ? WHERE sha = ?", (_poisoned(json.loads(data), k), sha))
    db.commit()
    db.close()
    again = build(paths, cache=Cache(str(tmp_path / "c")), stats=st)
    assert st == {"files": 2, "cached": 0, "parsed": 2}  # both rebuilt
    assert {p: e.to_dict() for p, e in again.entries.items()} == {p: e.to_dict() for p, e in good.entries.items()}
    build(paths, cache=Cache(str(tmp_path / "c")), stats=st)
    assert st == {"files": 2, "cached": 2, "parsed": 0}  # and stored anew


@pytest.mark.parametrize("k", range(len(POISON)))
def test_a_poisoned_json_entry_is_ignored(tmp_path, k):
    paths = _reports(tmp_path)
    cache = JsonCache(str(tmp_path / "j"))
    build(paths, cache=cache)
    sha = content_hash(open(paths[0], "rb").read())
    f = cache._file(sha)
    d = json.load(open(f, encoding="utf-8"))
    with open(f, "w", encoding="utf-8") as fh:
        fh.write(_poisoned(d, k))
    assert cache.get(sha, paths[0]) is None


def test_the_validator_takes_what_entries_write(tmp_path):
    paths = _reports(tmp_path)
    ix = build(paths, cache=Cache(str(tmp_path / "c")))
    for e in ix.entries.values():
        assert validate_entry(json.loads(json.dumps(e.to_dict()))) is not None
    with pytest.raises(BadEntry):
        validate_entry({**e.to_dict(), "year": True})


def test_cli_history_survives_a_poisoned_cache_every_run(tmp_path):
    (tmp_path / "now").mkdir()
    (tmp_path / "old").mkdir()
    reps = synth.series(21, (2022, 2023))
    (tmp_path / "old" / "a2022.txt").write_text(reps[0].render().text, encoding="utf-8")
    (tmp_path / "now" / "a2023.txt").write_text(reps[1].render().text, encoding="utf-8")
    env = {"GXLINT_CACHE_DIR": str(tmp_path / "cache")}
    args = ("check", str(tmp_path / "now"), "--history", str(tmp_path / "old"), "--select", "GX7", "--format", "json")
    first = _cli(*args, env_extra=env)
    assert first.returncode == 0, first.stderr
    db = sqlite3.connect(os.path.join(tmp_path, "cache", "across", f"v{__version__}-{SCHEMA}", "index.sqlite3"))
    db.execute("UPDATE entries SET data = ?", (json.dumps({"year": "2022", "cells": []}),))
    db.commit()
    db.close()
    for _ in range(2):
        p = _cli(*args, env_extra=env)
        assert p.returncode == 0 and "Traceback" not in p.stderr, p.stderr
        assert json.loads(p.stdout)["carry_over"] == json.loads(first.stdout)["carry_over"]


# --- item 16: links to FIFOs and devices -----------------------------------------------------


@pytest.mark.parametrize("target", ["fifo", "/dev/zero", "dir"])
@pytest.mark.parametrize("which", ["", "-wal"])
def test_a_cache_database_that_is_not_a_regular_file_is_not_opened(tmp_path, target, which):
    (tmp_path / "now").mkdir()
    (tmp_path / "old").mkdir()
    reps = synth.series(21, (2022, 2023))
    (tmp_path / "old" / "a2022.txt").write_text(reps[0].render().text, encoding="utf-8")
    (tmp_path / "now" / "a2023.txt").write_text(reps[1].render().text, encoding="utf-8")
    folder = tmp_path / "cache" / "across" / f"v{__version__}-{SCHEMA}"
    folder.mkdir(parents=True)
    if target == "fifo":
        os.mkfifo(tmp_path / "fifo")
        target = str(tmp_path / "fifo")
    elif target == "dir":
        (tmp_path / "d").mkdir()
        target = str(tmp_path / "d")
    os.symlink(target, folder / f"index.sqlite3{which}")
    p = _cli(
        "check",
        str(tmp_path / "now"),
        "--history",
        str(tmp_path / "old"),
        "--select",
        "GX7",
        "--format",
        "json",
        env_extra={"GXLINT_CACHE_DIR": str(tmp_path / "cache")},
        timeout=120,
    )
    assert p.returncode == 0 and "Traceback" not in p.stderr, p.stderr
    assert [x["year"] for x in json.loads(p.stdout)["carry_over"]] == [2023]
    assert os.path.islink(folder / f"index.sqlite3{which}")  # left alone


@pytest.mark.parametrize("target", ["fifo", "/dev/zero"])
def test_a_json_entry_linked_to_a_fifo_or_a_device_is_not_read(tmp_path, target):
    cache = JsonCache(str(tmp_path / "j"))
    sha = content_hash(b"x")
    f = cache._file(sha)
    os.makedirs(os.path.dirname(f))
    if target == "fifo":
        os.mkfifo(tmp_path / "fifo")
        target = str(tmp_path / "fifo")
    os.symlink(target, f)
    assert cache.get(sha, "x.txt") is None
