"""Huge and degenerate documents finish: each is linted in a subprocess under a generous hang
guard (never a speed assertion: the timeout only catches a hang or a quadratic blow-up, which at
these sizes would take hours).  Speed itself is measured by benchmarks/run.py."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from pathological import NAMES

HERE = os.path.dirname(os.path.abspath(__file__))
HANG_GUARD_SECONDS = 300


@pytest.mark.parametrize("name", NAMES)
def test_finishes_without_error(name):
    proc = subprocess.run(
        [sys.executable, os.path.join(HERE, "pathological.py"), name],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_SECONDS,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("ok"), proc.stdout
