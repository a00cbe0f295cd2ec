"""The pre-commit hooks, for real: a temporary git repository whose .pre-commit-config.yaml is the one
docs/en/ci.md (and docs/zh/ci.md) give, with this checkout as the ``repo:`` and the ``rev:`` filled in
by ``pre-commit autoupdate --bleeding-edge`` as the docs say; pre-commit builds its own virtualenv and
pip-installs gxlint into it (this needs a package index, and takes a minute the first time)."""

import os
import re
import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT, seed_text

pytestmark = pytest.mark.slow

pytest.importorskip("pre_commit")


def _git(*args, cwd, check=True):
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.org",
    )
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, env=env, check=check, timeout=120)


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    head = _git("rev-parse", "HEAD", cwd=ROOT, check=False)
    if head.returncode != 0:
        pytest.skip("this checkout is not a git repository")
    listed = _git("ls-files", ".pre-commit-hooks.yaml", cwd=ROOT).stdout.strip()
    assert listed, ".pre-commit-hooks.yaml must be committed"
    home = tmp_path_factory.mktemp("pre-commit-home")
    d = tmp_path_factory.mktemp("reports-repo")
    _git("init", "-q", "-b", "main", cwd=d)
    _git("config", "commit.gpgsign", "false", cwd=d)
    config = documented_config()
    assert "rev: <commit-sha>" in config
    (d / ".pre-commit-config.yaml").write_text(config.replace(DOC_URL, ROOT), encoding="utf-8")
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never")
    env.pop("VIRTUAL_ENV", None)
    # "let pre-commit write it": the documented command fills in the latest commit
    p = subprocess.run(
        [sys.executable, "-m", "pre_commit", "autoupdate", "--bleeding-edge", "--repo", ROOT],
        cwd=d,
        capture_output=True,
        env=env,
        timeout=300,
    )
    assert p.returncode == 0, (p.stdout + p.stderr).decode()
    written = (d / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert re.search(r"^    rev: " + head.stdout.decode().strip() + r"\s", written, re.M), written
    _git("add", ".pre-commit-config.yaml", cwd=d)
    _git("commit", "-q", "-m", "config", "--no-verify", cwd=d)
    p = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"], cwd=d, capture_output=True, env=env, timeout=120
    )
    assert p.returncode == 0, p.stderr.decode()
    return d, env


DOC_URL = "https://github.com/<org>/gxlint"


def documented_config() -> str:
    """The .pre-commit-config.yaml of docs/en/ci.md (docs/zh/ci.md gives the same, with <组织>)."""
    blocks, verbatim = {}, {}
    for lang, url in (("en", DOC_URL), ("zh", "https://github.com/<组织>/gxlint")):
        with open(os.path.join(ROOT, "docs", lang, "ci.md"), encoding="utf-8") as fh:
            block = re.search(r"```yaml\n(repos:\n.*?)```", fh.read(), re.S).group(1)
        verbatim[lang] = block
        blocks[lang] = [line.split("#")[0].rstrip().replace(url, DOC_URL) for line in block.splitlines()]
    assert blocks["en"] == blocks["zh"], "the zh and en pre-commit examples differ"
    return verbatim["en"]


def _commit(d, env, name, text, msg):
    (d / name).write_text(text, encoding="utf-8")
    _git("add", name, cwd=d)
    e = dict(
        env,
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.org",
    )
    return subprocess.run(["git", "commit", "-m", msg], cwd=d, capture_output=True, env=e, timeout=900)


def test_hook_blocks_a_defective_report_and_passes_a_clean_one(repo):
    d, env = repo
    head0 = _git("rev-parse", "HEAD", cwd=d).stdout
    p = _commit(d, env, "2019-report.txt", seed_text("001"), "defective report")
    out = (p.stdout + p.stderr).decode()
    assert p.returncode != 0, out
    assert "gxlint" in out and "Failed" in out
    assert re.search(r"^2019-report\.txt:\d+:\d+: GX301 \[错误\] ", out, re.M), out  # gxlint's own message
    assert _git("rev-parse", "HEAD", cwd=d).stdout == head0  # nothing was committed
    _git("rm", "-q", "-f", "--cached", "2019-report.txt", cwd=d)
    os.remove(d / "2019-report.txt")

    with open(os.path.join(ROOT, "examples", "2023-clean-township.txt"), encoding="utf-8") as fh:
        clean = fh.read()
    p = _commit(d, env, "2023-report.txt", clean, "clean report")
    out = (p.stdout + p.stderr).decode()
    assert p.returncode == 0, out
    assert "gxlint" in out and "Passed" in out and "Failed" not in out
    assert _git("rev-parse", "HEAD", cwd=d).stdout != head0


def test_fix_hook_applies_safe_fixes(repo):
    d, env = repo
    (d / "fixme.txt").write_text(seed_text("001"), encoding="utf-8")
    _git("add", "fixme.txt", cwd=d)
    cmd = [sys.executable, "-m", "pre_commit", "run", "gxlint-fix", "--files", "fixme.txt"]
    p = subprocess.run(cmd, cwd=d, capture_output=True, env=env, timeout=900)
    out = (p.stdout + p.stderr).decode()
    assert p.returncode == 1 and "files were modified by this hook" in out, out
    fixed = (d / "fixme.txt").read_text(encoding="utf-8")
    assert "\n00 |" not in fixed and fixed == seed_text("001").replace("\n00 |", "\n0 |", 1)
    p = subprocess.run(cmd, cwd=d, capture_output=True, env=env, timeout=900)
    assert p.returncode == 0, (p.stdout + p.stderr).decode()  # idempotent: nothing left to fix
