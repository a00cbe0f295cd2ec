"""scripts/test.sh (the README's test command) says one line per stage and keeps pip's, apt's and
npm's noise in log files, shown when a stage fails.  Run here on a copy of the script with stand-in
programs (python3, npm, nvim, soffice) that print what the real ones print."""

import os
import shutil
import stat
import subprocess

import pytest

from seedutil import ROOT

PIP_NOISE = "WARNING: Running pip as the 'root' user can result in broken permissions"

FAKE_PYTHON = f"""#!/bin/sh
if [ "$1 $2" = "-m pip" ]; then
  echo "{PIP_NOISE}"
  echo "Obtaining file:///somewhere"
  [ -n "$FAKE_PIP_FAILS" ] && {{ echo "ERROR: No matching distribution found for lsprotocol" >&2; exit 1; }}
  exit 0
fi
if [ "$1 $2" = "-m pytest" ]; then
  echo "....                                                                     [100%]"
  echo "4 passed in 0.1s"
  exit 0
fi
exit 3
"""

FAKE_NPM = """#!/bin/sh
if [ "$1" = "ci" ]; then echo "added 388 packages in 20s"; exit 0; fi
if [ "$1" = "test" ]; then
  echo "> tsc --noEmit -p . && eslint ."
  echo "ok 1 - launch"
  if [ -n "$FAKE_NPM_TEST_FAILS" ]; then
    echo "not ok 2 - settings"
    echo "  error: 'expected zh'"
    printf '# tests 2\\n# pass 1\\n# fail 1\\n# skipped 0\\n'
    exit 1
  fi
  printf '# tests 2\\n# pass 2\\n# fail 0\\n# skipped 0\\n'
  exit 0
fi
exit 3
"""


def _exe(path, text):
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


@pytest.fixture
def sandbox(tmp_path):
    repo = tmp_path / "repo"
    (repo / "scripts").mkdir(parents=True)
    (repo / "vscode-extension").mkdir()
    (repo / "vscode-extension" / "package.json").write_text("{}", encoding="utf-8")
    shutil.copy(os.path.join(ROOT, "scripts", "test.sh"), repo / "scripts" / "test.sh")
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    _exe(bin_ / "python3", FAKE_PYTHON)
    _exe(bin_ / "npm", FAKE_NPM)
    for tool in ("nvim", "soffice", "chromium", "pdftoppm"):  # present: nothing to apt-get
        _exe(bin_ / tool, "#!/bin/sh\nexit 0\n")
    env = dict(
        os.environ,
        PATH=f"{bin_}{os.pathsep}{os.environ['PATH']}",
        TMPDIR=str(tmp_path),
        GXLINT_SKIP_EDITOR_TESTS="1",
        GXLINT_SKIP_REPORT_TOOLS="1",
    )
    return repo, env


def _run(repo, env, **extra):
    p = subprocess.run(
        ["bash", str(repo / "scripts" / "test.sh")],
        cwd=repo,
        env=dict(env, **extra),
        capture_output=True,
        text=True,
        timeout=120,
    )
    return p.returncode, p.stdout + p.stderr


def test_one_line_per_stage_and_no_pip_noise(sandbox):
    repo, env = sandbox
    rc, out = _run(repo, env)
    assert rc == 0, out
    said = [l for l in out.splitlines() if l.startswith("test.sh: ") and not l.startswith("test.sh: installing")]
    assert said == [
        "test.sh: gxlint and its test dependencies (pip install -e '.[test]'): ok",
        "test.sh: GXLINT_SKIP_EDITOR_TESTS is set: the editor tests (tests/lsp/test_nvim.py, tests/editor/) are skipped",
        "test.sh: the VS Code extension's npm packages (npm ci): ok",
        "test.sh: the VS Code extension's tests (npm test): 2 passed, 0 skipped",
        "test.sh: the Python tests (pytest):",
        "test.sh: all passed",
    ]
    assert PIP_NOISE not in out and "added 388 packages" not in out and "ok 1 - launch" not in out
    assert "4 passed in 0.1s" in out  # pytest's own output is shown
    assert not [p for p in os.listdir(env["TMPDIR"]) if p.startswith("gxlint-test.")]  # no logs left


def test_a_failing_stage_shows_its_log(sandbox):
    repo, env = sandbox
    rc, out = _run(repo, env, FAKE_PIP_FAILS="1")
    assert rc == 1
    assert "test.sh: gxlint and its test dependencies (pip install -e '.[test]'): FAILED (exit 1)" in out
    assert "    ERROR: No matching distribution found for lsprotocol" in out
    assert "the Python tests" not in out and "4 passed" not in out  # the install failed: nothing after it


def test_failing_extension_tests_are_shown_and_the_python_tests_still_run(sandbox):
    repo, env = sandbox
    rc, out = _run(repo, env, FAKE_NPM_TEST_FAILS="1")
    assert rc == 1
    assert "test.sh: the VS Code extension's tests (npm test): FAILED (exit 1; 1 failed)" in out
    assert "    not ok 2 - settings" in out and "    ok 1 - launch" not in out
    assert "4 passed in 0.1s" in out
    assert out.rstrip().splitlines()[-1].startswith("test.sh: FAILED: the extension's tests (logs in ")


def test_the_documented_commands_not_run_are_listed_once_at_the_end():
    import sys

    p = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            os.path.join(ROOT, "tests", "test_docs_commands.py"),
            "-k",
            "listed or extraction or every",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert p.returncode == 0, p.stdout[-2000:]
    lines = p.stdout.splitlines()
    heads = [i for i, l in enumerate(lines) if "documentation commands not run here" in l]
    assert len(heads) == 1, p.stdout
    progress = max(i for i, l in enumerate(lines) if l.rstrip().endswith("[100%]"))
    assert heads[0] > progress  # after the tests, not among their dots
    assert any(l.startswith("  npm ci  — needs the npm registry") for l in lines[heads[0] :])
