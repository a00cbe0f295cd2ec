"""The same report with any line endings — LF, CRLF (saved on Windows), CR (old Mac), or a mix —
gets the same findings at the same line and column, with the same messages and the same fixes;
``--fix`` keeps the file's line endings.

Over every fixture (tests/fixtures/**: the seeds and the layouts) and generated reports
(gxlint.synth, every layout, with defects).  Lines are counted as LSP and the CLI count them
(\\n, \\r\\n and a lone \\r each end a line: gxlint.positions.LineIndex).
"""

from __future__ import annotations

import functools
import glob
import os
import random

import pytest
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import strategies as st

from gxlint import synth
from gxlint.batch import FixMode, fix_result
from gxlint.config import Settings
from gxlint.engine import lint, lint_bytes
from gxlint.positions import LineIndex

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = sorted(
    p
    for p in glob.glob(os.path.join(HERE, "..", "fixtures", "**", "*"), recursive=True)
    if os.path.isfile(p) and p.endswith((".txt", ".md"))
)
STYLES = ("\n", "\r\n", "\r")


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def with_endings(text: str, choose) -> str:
    """The LF text with each line break replaced by choose(i) (\\n, \\r\\n or \\r).  A \\r right
    before an empty line's \\n would make the two breaks one \\r\\n: that \\r is written \\r\\n."""
    parts = _lf(text).split("\n")
    seps = [choose(i) for i in range(len(parts) - 1)] + [""]
    for i in range(len(parts) - 1):
        if seps[i] == "\r" and not parts[i + 1] and seps[i + 1].startswith("\n"):
            seps[i] = "\r\n"
    return "".join(p + sep for p, sep in zip(parts, seps))


def findings(text: str) -> list:
    """(code, (line, column) of start, of end, message, fix edits as line/column ranges)."""
    res = lint(text)
    li = LineIndex(text)
    out = []
    for d in res.diagnostics:
        fix = None
        if d.fix is not None:
            fix = [(li.position(e.start), li.position(e.end), _lf(e.new_text)) for e in d.fix.edits]
        out.append((d.code, li.position(d.span.start), li.position(d.span.end), d.message, fix))
    return out


def fixed(text: str, unsafe: bool = True) -> str:
    res = lint_bytes(text.encode("utf-8"), None, Settings())
    return fix_result(res, None, Settings(), FixMode(fix=True, unsafe=unsafe)).text


def _read(path: str) -> str:
    with open(path, encoding="utf-8-sig") as fh:
        return _lf(fh.read())


@functools.lru_cache(maxsize=None)
def lf_findings(path: str) -> list:
    return findings(_read(path))


@functools.lru_cache(maxsize=None)
def lf_fixed(path: str) -> str:
    return fixed(_read(path))


def _id(path: str) -> str:
    return os.path.relpath(path, os.path.join(HERE, "..", "fixtures"))


def test_fixtures_found():
    assert len(FIXTURES) >= 20
    assert any("seeds" in p for p in FIXTURES) and any("layouts" in p for p in FIXTURES)


@pytest.mark.parametrize("style", ["\r\n", "\r"], ids=["crlf", "cr"])
@pytest.mark.parametrize("path", FIXTURES, ids=_id)
def test_fixture_same_findings(path, style):
    text = with_endings(_read(path), lambda i: style)
    assert findings(text) == lf_findings(path)


@pytest.mark.parametrize("style", ["\r\n", "\r"], ids=["crlf", "cr"])
@pytest.mark.parametrize("path", FIXTURES, ids=_id)
def test_fixture_same_fixes_and_line_endings_kept(path, style):
    text = with_endings(_read(path), lambda i: style)
    out = fixed(text)
    assert out == lf_fixed(path).replace("\n", style)


COMMON = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
    suppress_health_check=[HealthCheck.too_slow],
)


@COMMON
@given(path=st.sampled_from(FIXTURES), mix=st.integers(0, 2**32 - 1))
def test_fixture_mixed_line_endings(path, mix):
    rng = random.Random(mix)
    text = with_endings(_read(path), lambda i: rng.choice(STYLES))
    note(f"{_id(path)} mix={mix}")
    assert findings(text) == lf_findings(path)


@COMMON
@given(
    seed=st.integers(0, 2**20),
    layout=st.sampled_from(synth.LAYOUTS),
    script=st.sampled_from(("simplified", "traditional")),
    pinyin=st.booleans(),
    defects=st.lists(st.sampled_from(synth.DEFECTS), max_size=2),
    style=st.sampled_from(("\r\n", "\r", "mixed")),
    mix=st.integers(0, 2**32 - 1),
)
def test_generated_reports(seed, layout, script, pinyin, defects, style, mix):
    s = synth.sample(seed, layout=layout, script=script, pinyin=pinyin, defects=defects)
    base = _lf(s.text)
    rng = random.Random(mix)
    text = with_endings(base, (lambda i: rng.choice(STYLES)) if style == "mixed" else (lambda i: style))
    note(s.describe())
    assert findings(text) == findings(base)


def test_with_endings_keeps_line_count():
    text = "a\n\nb\nc\n\n"
    for style in STYLES:
        out = with_endings(text, lambda i: style)
        assert LineIndex(out).count == LineIndex(text).count
    out = with_endings(text, lambda i: "\r")
    assert with_endings(text, lambda i: "\r") == "a\r\rb\rc\r\r"
    assert with_endings(text, lambda i: "\r" if i == 0 else "\n") == "a\r\n\nb\nc\n\n"


@pytest.mark.parametrize("style", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_cli_fix_removes_the_web_residue_and_keeps_line_endings(tmp_path, style):
    """Seeds 002 and 004 saved on Windows lost the GX605 of their web-residue line, so --fix left it."""
    import subprocess
    import sys

    root = os.path.dirname(os.path.dirname(HERE))
    for prefix in ("002", "004"):
        (path,) = [p for p in FIXTURES if os.path.basename(p).startswith(prefix)]
        lf = _read(path)
        target = tmp_path / f"{prefix}.txt"
        target.write_bytes(lf.replace("\n", style).encode("utf-8"))
        env = dict(os.environ, PYTHONPATH=root)
        subprocess.run(
            [sys.executable, "-m", "gxlint", "check", "--fix", str(target)],
            cwd=root,
            env=env,
            capture_output=True,
            timeout=300,
        )
        out = target.read_bytes().decode("utf-8")
        assert out == fixed(lf, unsafe=False).replace("\n", style)
        assert out != lf.replace("\n", style)  # the residue line was deleted
