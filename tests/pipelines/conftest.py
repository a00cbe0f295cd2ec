import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SEEDS = os.path.join(ROOT, "tests", "fixtures", "seeds")
DATA = os.path.join(HERE, "data")


def seed(prefix: str) -> str:
    for name in sorted(os.listdir(SEEDS)):
        if name.startswith(prefix) and name.endswith(".txt"):
            return os.path.join(SEEDS, name)
    raise FileNotFoundError(prefix)


def seed_text(prefix: str) -> str:
    with open(seed(prefix), encoding="utf-8") as fh:
        return fh.read()


def gx(*args, cwd=None, input=None, env=None, timeout=300):
    """Run the CLI as a user would (a separate process)."""
    e = dict(os.environ)
    e.pop("NO_COLOR", None)
    if env:
        e.update(env)
    return subprocess.run([sys.executable, "-m", "gxlint", *args], capture_output=True, cwd=cwd,
                          input=input, env=e, timeout=timeout)


@pytest.fixture
def report_dir(tmp_path):
    """A folder with a defective report (seed 001) and a report with fewer findings (seed 004)."""
    (tmp_path / "a.txt").write_text(seed_text("001"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(seed_text("004"), encoding="utf-8")
    return tmp_path
