"""Issue 26 item 6 in a real VS Code (code-server): gxlint installed only as a command on PATH
(pipx style — ``gxlint`` runs, ``python3`` lacks the module, gxlint.interpreter unset) is found and
serves the report, without the set-up notification. A module of its own: its code-server has its
own PATH and no PYTHONPATH.

Skipped like the other real-VS-Code modules (see codeserver.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig

import pytest
from codeserver import ROOT, SEED1, output_log, path_without_gxlint, why_skip, workspace
from codeserver import open_file as _open
from codeserver import shot as _shot

pytestmark = pytest.mark.skipif(why_skip() is not None, reason=why_skip() or "")

# the errors VS Code holds for the workspace (the status bar's problems item)
PROBLEMS_JS = (
    "(() => { const e = document.querySelector(\"[id='status.problems']\");"
    " const m = e && /(\\d+)/.exec(e.textContent); return m ? Number(m[1]) : 0; })()"
)


def _pipx_style(base):
    """A gxlint that is only a command: a virtual environment that imports this checkout's gxlint
    (and its dependencies) through a .pth file, with only its ``gxlint`` script in a folder of its
    own (as pipx links it into ~/.local/bin), and a Python without gxlint first on PATH."""
    gx = base / "gxvenv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(gx)], check=True, timeout=300)
    gxpy = gx / "bin" / "python"
    site = subprocess.run(
        [str(gxpy), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    with open(os.path.join(site, "gxlint-deps.pth"), "w", encoding="utf-8") as f:
        f.write(ROOT + "\n" + sysconfig.get_paths()["purelib"] + "\n")
    bindir = base / "pipx-bin"
    bindir.mkdir()
    script = bindir / "gxlint"
    script.write_text(f"#!{gxpy}\nimport sys\nfrom gxlint.cli import main\nsys.exit(main())\n", encoding="utf-8")
    script.chmod(0o755)
    nogx = base / "nogx"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(nogx)], check=True, timeout=300)
    # PATH: the gxlint command, then a Python without gxlint; no other gxlint anywhere on it
    path = path_without_gxlint(base, str(bindir), str(nogx / "bin"))
    env = {"PATH": path, "PYTHONPATH": "", "VIRTUAL_ENV": "", "VSCODE_CLI": "1"}
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    clean["PATH"] = path
    for py in ("python3", "python"):
        probe = subprocess.run([py, "-c", "import gxlint"], env=clean, cwd=str(base), capture_output=True)
        assert probe.returncode != 0, f"{py} must not find gxlint for this test"
    assert shutil.which("gxlint", path=path) == str(script)
    ok = subprocess.run(["gxlint", "--version"], env=clean, cwd=str(base), capture_output=True, text=True)
    assert ok.returncode == 0 and "gxlint" in ok.stdout, ok
    return env


def test_gxlint_only_on_path_is_found(tmp_path):
    env = _pipx_style(tmp_path)
    files = {"report.txt": open(SEED1, encoding="utf-8").read()}
    with workspace(tmp_path / "cs", files, settings={"gxlint.interpreter": ""}, env=env) as vs:
        page = vs["page"]
        _open(page, "report.txt")
        try:
            page.wait_for_function(f"{PROBLEMS_JS} > 0", timeout=120_000)
        except Exception:
            _shot(page, "failed-items-pipx")
            raise AssertionError("no squiggles with gxlint only on PATH; output:\n" + output_log(vs["data"])[-3000:])
        _shot(page, "items-05-pipx")
        log = output_log(vs["data"])
        assert "Using gxlint from PATH: gxlint " in log, log[-3000:]
        assert page.locator(".notifications-toasts .notification-toast", has_text="gxlint").count() == 0
