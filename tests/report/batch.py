"""The batch the report tests share: seeds + real corpus, written by ``gxlint report`` (html, xlsx,
docx) and checked by ``gxlint check --format json`` — the numbers every output must match."""

import functools
import json
import os
import subprocess
import sys
import tempfile

from seedutil import CORPUS_REAL, ROOT, SEEDS

PATHS = (SEEDS, CORPUS_REAL)
ARTEFACTS = os.path.join(ROOT, "tests", "artefacts")


def gx(*args, cwd=None):
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""), GXLINT_NO_PROGRESS="1")
    return subprocess.run(
        [sys.executable, "-m", "gxlint", *args], capture_output=True, timeout=300, env=env, cwd=cwd or ROOT
    )


@functools.lru_cache(maxsize=None)
def outdir() -> str:
    return tempfile.mkdtemp(prefix="gxlint-report-")


@functools.lru_cache(maxsize=None)
def built(kind: str, *extra: str) -> str:
    """The path of the batch written as ``kind`` (html/xlsx/docx) with the extra options."""
    name = f"review{abs(hash(extra))}.{kind}"
    out = os.path.join(outdir(), name)
    p = gx("report", *PATHS, "-o", out, "--isolated", *extra)
    assert p.returncode == 0, p.stderr.decode()
    return out


@functools.lru_cache(maxsize=None)
def check_json(*extra: str) -> dict:
    p = gx("check", *PATHS, "--format", "json", "--isolated", "--exit-zero", *extra)
    assert p.returncode == 0, p.stderr.decode()
    return json.loads(p.stdout)


def artefact(name: str) -> str:
    os.makedirs(ARTEFACTS, exist_ok=True)
    return os.path.join(ARTEFACTS, name)
