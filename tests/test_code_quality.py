"""The tools that keep the code in shape (issue 24, item 7): ``python -m mypy`` as ``[tool.mypy]``
in pyproject.toml says (gxlint/ and rules/, Python 3.10) finds no error; ``ruff check`` and ``ruff
format --check`` as ``[tool.ruff]`` says find nothing.  Both are in the ``test`` extra: nothing is
skipped when they are missing — the test fails, as it should."""

from __future__ import annotations

import os
import re
import subprocess
import sys

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from seedutil import ROOT


def _mypy_config() -> dict:
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as fh:
        return tomllib.load(fh)["tool"]["mypy"]


def test_mypy_finds_no_error():
    """Run with no arguments, so the files checked and every option are the configuration's (the
    same command a developer types); its cache is mypy's own .mypy_cache at the repository root."""
    proc = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", errors="replace"
    )
    errors = [ln for ln in proc.stdout.splitlines() if re.search(r": error: ", ln)]
    assert proc.returncode == 0 and not errors, (
        f"mypy exited with {proc.returncode}, {len(errors)} error(s):\n"
        + "\n".join(errors[:60])
        + ("\n…" if len(errors) > 60 else "")
        + (f"\n{proc.stderr}" if proc.stderr.strip() else "")
    )
    assert re.search(r"^Success: no issues found in \d+ source files", proc.stdout, re.M), proc.stdout


def test_mypy_checks_all_of_our_code_and_excuses_none_of_it():
    """The configuration checks gxlint/ and rules/ at requires-python's floor, and excuses only
    third-party libraries: no module of ours has its errors or its missing imports ignored."""
    cfg = _mypy_config()
    assert cfg["files"] == ["gxlint", "rules"]
    assert cfg["python_version"] == "3.10"
    assert "ignore_errors" not in cfg and "ignore_missing_imports" not in cfg, "a blanket ignore for every module"
    for override in cfg.get("overrides", []):
        modules = override["module"] if isinstance(override["module"], list) else [override["module"]]
        ours = [m for m in modules if m.split(".")[0] in ("gxlint", "rules")]
        assert not ours, f"an override for our own modules: {ours}"
        assert "ignore_errors" not in override, f"errors ignored in {modules}"


def _ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
    )


def test_ruff_finds_nothing():
    """`ruff check` with no arguments: every Python file of the repository, the configuration's rules."""
    proc = _ruff("check", "--no-cache", "--output-format", "concise")
    assert proc.returncode == 0, f"ruff check:\n{proc.stdout}{proc.stderr}"


def test_ruff_format_leaves_everything_as_it_is():
    proc = _ruff("format", "--check", "--no-cache")
    assert proc.returncode == 0, f"ruff format --check (run `ruff format` to fix):\n{proc.stdout}{proc.stderr}"


def test_ruff_checks_the_whole_repository():
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as fh:
        cfg = tomllib.load(fh)["tool"]["ruff"]
    assert cfg["line-length"] == 120 and cfg["target-version"] == "py310"
    assert set(cfg["lint"]["select"]) >= {"F", "E", "W", "I"}
    assert not any(
        x.startswith(("gxlint", "rules", "tests/")) and x != "tests/fixtures" for x in cfg.get("extend-exclude", [])
    ), "our own code is excluded"
