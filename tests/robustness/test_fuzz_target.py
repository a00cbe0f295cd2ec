"""The atheris fuzz target (gxlint/fuzz.py): the same function under hypothesis, and a short
coverage-guided run when atheris is installed."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gxlint import fuzz


def test_seed_corpus_passes():
    corpus = fuzz.seed_corpus()
    assert len(corpus) >= 7
    for data in corpus:
        fuzz.check_one(data)


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=3000),
        st.builds(
            lambda b, k: fuzz.seed_corpus()[k % 12][: len(b) * 40] + b, st.binary(max_size=64), st.integers(0, 11)
        ),
    )
)
def test_target_under_hypothesis(data):
    fuzz.check_one(data)


def test_target_detects_a_broken_span(monkeypatch):
    """The target is not vacuous: a diagnostic pointing outside the text fails it."""
    from gxlint import engine
    from gxlint.api import Span

    real = engine.lint_bytes

    def broken(data, path=None, settings=None):
        res = real(data, path, settings)
        if res.diagnostics:
            res.diagnostics[0].span = Span(0, 10**9)
        return res

    monkeypatch.setattr(engine, "lint_bytes", broken)
    with pytest.raises(fuzz.FuzzFailure):
        fuzz.check_one("三、收到和处理政府信息公开申请情况\n".encode())


def test_short_atheris_run(tmp_path):
    pytest.importorskip("atheris")
    proc = subprocess.run(
        [sys.executable, "-m", "gxlint.fuzz", "-runs=300", "-max_len=8192", f"-artifact_prefix={tmp_path}{os.sep}"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Done 300 runs" in proc.stderr


def test_message_without_atheris(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "atheris", None)
    assert fuzz.main(["gxlint.fuzz"]) == 2
    assert "atheris is not installed" in capsys.readouterr().err
