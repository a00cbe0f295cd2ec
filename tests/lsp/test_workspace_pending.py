"""Watched-file changes that arrive while the server builds its first index are applied once it
is built (issue 29, item 12): a report deleted meanwhile leaves the index, one created is added."""

from __future__ import annotations

import os
import threading
import time
from types import SimpleNamespace

from gxlint import synth
from gxlint.across import index as index_mod
from gxlint.lsp.workspace import Workspace


def _server(root):
    ws = SimpleNamespace(folders={}, root_path=str(root))
    return SimpleNamespace(
        workspace=ws,
        options=SimpleNamespace(settings=SimpleNamespace(organs={}), cross_report=True),
        docs={},
        pull_mode=False,
        _cap=lambda *_a: False,
    )


def test_changes_during_the_first_build_are_not_dropped(tmp_path, monkeypatch):
    monkeypatch.setenv("GXLINT_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "ws"
    root.mkdir()
    reps = synth.series(31, (2021, 2022, 2023))
    paths = []
    for r in reps[:2]:
        p = root / f"{r.year}.txt"
        p.write_text(r.render().text, encoding="utf-8")
        paths.append(str(p))
    real_build = index_mod.build
    started, release = threading.Event(), threading.Event()

    def slow_build(files, **kw):
        out = real_build(files, **kw)  # the folder as it was when the build read it
        started.set()
        release.wait(60)
        return out

    monkeypatch.setattr(index_mod, "build", slow_build)
    w = Workspace(_server(root))
    w.ensure_index()
    assert started.wait(60)
    os.unlink(paths[0])  # deleted while the index is being built
    new = root / "2023.txt"
    new.write_text(reps[2].render().text, encoding="utf-8")
    w.files_changed([paths[0], str(new)])
    release.set()
    assert w.ready.wait(60)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with w.lock:
            have = set(w.index.entries)
        if have == {paths[1], str(new)}:
            break
        time.sleep(0.05)
    assert have == {paths[1], str(new)}
