"""A real editor: headless Neovim with its built-in LSP client runs ``python -m gxlint lsp`` on
seed 001.  What Neovim receives and stores must be exactly what ``gxlint check --format json``
says — before and after fixing a cell through the editor.  Skipped when nvim is not installed
(scripts/test.sh installs Debian's neovim in CI)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from .conftest import HERE, ROOT, cli_json, read, seed_file

NVIM = shutil.which("nvim")
pytestmark = [
    pytest.mark.nvim,
    pytest.mark.skipif(NVIM is None, reason="Neovim (nvim) is not installed"),
    pytest.mark.skipif(
        bool(os.environ.get("GXLINT_SKIP_EDITOR_TESTS")), reason="editor tests skipped: GXLINT_SKIP_EDITOR_TESTS is set"
    ),
]

SEV = {"error": 1, "warning": 2, "information": 3, "hint": 4}


def run_nvim(path: str, out: str) -> dict:
    env = {
        **os.environ,
        "GX_SEED": path,
        "GX_OUT": out,
        "GX_CMD": json.dumps([sys.executable, "-m", "gxlint", "lsp"]),
        "PYTHONPATH": ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""),
    }
    script = os.path.join(HERE, "nvim", "lsp_check.lua")
    proc = subprocess.run(
        [NVIM, "--headless", "--clean", "-n", "-c", f"luafile {script}"],
        env=env,
        cwd=os.path.dirname(path),
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert os.path.exists(out), f"nvim wrote nothing (exit {proc.returncode}): {proc.stderr[-2000:]}"
    with open(out, encoding="utf-8") as fh:
        rep = json.load(fh)
    assert "error" not in rep, rep["error"]
    return rep


def utf16_col(line: str, cp: int) -> int:
    return len(line[:cp].encode("utf-16-le")) // 2


def byte_col(line: str, cp: int) -> int:
    return len(line[:cp].encode("utf-8"))


def cli_view(path: str, text: str):
    """The CLI's diagnostics as (code, severity, message, line, utf-16 col, end line, utf-16 col)
    and as Neovim stores them (0-based line, byte columns)."""
    lines = text.split("\n")
    raw, stored = [], []
    for d in cli_json(path)["files"][0]["diagnostics"]:
        (l1, c1), (l2, c2) = (
            (d["start"]["line"] - 1, d["start"]["column"] - 1),
            (d["end"]["line"] - 1, d["end"]["column"] - 1),
        )
        raw.append(
            (
                d["code"],
                SEV[d["severity"]],
                d["message"],
                l1,
                utf16_col(lines[l1], c1),
                l2,
                utf16_col(lines[l2] if l2 < len(lines) else "", c2),
            )
        )
        stored.append(
            (
                d["code"],
                SEV[d["severity"]],
                d["message"],
                l1,
                byte_col(lines[l1], c1),
                l2,
                byte_col(lines[l2] if l2 < len(lines) else "", c2),
            )
        )
    return sorted(raw), sorted(stored)


def nvim_view(pub: dict):
    raw = sorted(
        (
            d["code"],
            d["severity"],
            d["message"],
            d["range"]["start"]["line"],
            d["range"]["start"]["character"],
            d["range"]["end"]["line"],
            d["range"]["end"]["character"],
        )
        for d in pub["raw"]["diagnostics"]
    )
    stored = sorted(
        (d["code"], d["severity"], d["message"], d["lnum"], d["col"], d["end_lnum"], d["end_col"])
        for d in pub["stored"]
    )
    return raw, stored


def test_neovim_receives_the_seed_diagnostics(tmp_path):
    src = seed_file("001")
    path = str(tmp_path / os.path.basename(src))
    shutil.copyfile(src, path)
    rep = run_nvim(path, str(tmp_path / "out.json"))
    assert rep["offset_encoding"] == "utf-16"
    first = rep["publishes"][0]
    assert first["raw"]["version"] == rep["opened_version"] != rep["version"]  # for the text as opened
    text = read(path)
    want_raw, want_stored = cli_view(path, text)
    got_raw, got_stored = nvim_view(first)
    assert got_raw == want_raw  # what the server sent
    assert got_stored == want_stored  # what the editor understood (byte columns)
    assert any(d[0] == "GX301" for d in got_raw)
    for d in first["stored"]:
        assert d["source"] == "gxlint"
        lsp = d["user_data"]["lsp"]
        assert lsp["codeDescription"]["href"].endswith(f"/docs/rules/{d['code']}.md")

    # after the fix made in the editor: the last publish is for the buffer's version and agrees
    # with `gxlint check` on the buffer's text
    last = rep["publishes"][-1]
    assert last["raw"]["version"] == rep["version"]
    fixed = str(tmp_path / "fixed.txt")
    with open(fixed, "w", encoding="utf-8", newline="") as fh:
        fh.write(rep["text"])
    want_raw2, want_stored2 = cli_view(fixed, rep["text"])
    got_raw2, got_stored2 = nvim_view(last)
    assert got_raw2 == want_raw2 and got_stored2 == want_stored2
    target = rep["fixed"]
    assert (target["code"], target["message"]) not in [(d[0], d[2]) for d in got_raw2]
    assert rep["text"] != text
