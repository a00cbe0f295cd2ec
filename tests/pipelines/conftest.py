import os
import subprocess
import sys

import pytest

from seedutil import ROOT, SEEDS  # noqa: F401 (re-exported)
from seedutil import read_seed as seed_text
from seedutil import seed_path as seed  # noqa: F401 (re-exported)

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")


def gx(*args, cwd=None, input=None, env=None, timeout=300):
    """Run the CLI as a user would (a separate process)."""
    e = dict(os.environ)
    e.pop("NO_COLOR", None)
    if env:
        e.update(env)
    return subprocess.run(
        [sys.executable, "-m", "gxlint", *args], capture_output=True, cwd=cwd, input=input, env=e, timeout=timeout
    )


@pytest.fixture
def report_dir(tmp_path):
    """A folder with a defective report (seed 001) and a report with fewer findings (seed 004)."""
    (tmp_path / "a.txt").write_text(seed_text("001"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(seed_text("004"), encoding="utf-8")
    return tmp_path
