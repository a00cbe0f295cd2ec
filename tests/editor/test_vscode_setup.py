"""The one-click set-up in a real VS Code: no gxlint anywhere, the extension's Chinese notification,
then 安装到独立环境 (a private environment under the extension's global storage) or 安装到当前解释器
(pip into gxlint.interpreter), a progress notification, and squiggles once the bundled wheel is
installed; the server starts once.

code-server (npm) on 127.0.0.1 with the .vsix that ``npm run package`` builds (it carries gxlint's
wheel in ``bundled/``), driven through headless Chromium (Debian's ``chromium``, Playwright's Python
API), as in ``test_vscode.py``: same set-up (``scripts/setup-vscode-tests.sh``), same skip logic.

No gxlint can be found: ``gxlint.interpreter`` is an empty virtual environment made for the test,
which is also first on code-server's PATH (so ``python3``/``python`` on PATH are that environment,
even where gxlint is pip-installed system-wide), and code-server's environment has no PYTHONPATH.

VS Code shows its UI in Chinese only with a language pack for zh-cn installed: the test installs a
minimal one it builds (it declares the language, with no translations of VS Code's own strings), so
that VS Code's display language is zh-cn and the extension's notification (vscode.l10n) is Chinese;
VS Code's own menus stay in English.

pip installs the wheel's dependencies from the configured index (or pip's cache). Screenshots go to
``test-artefacts/vscode/setup-*.png`` (gitignored).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
import zipfile

import pytest
from codeserver import ART, ENTRY, EXT, SEED1, command, output_log, path_without_gxlint, running, shot, why_skip
from codeserver import goto as _goto

NOTICE = "未找到 gxlint。要安装本扩展自带的 gxlint 吗？"
BUTTONS = ["安装到当前解释器", "安装到独立环境", "显示输出"]
SETUP_TIMEOUT_MS = 420_000  # venv + pip install of the wheel's dependencies (from the index or pip's cache)


pytestmark = pytest.mark.skipif(why_skip() is not None, reason=why_skip() or "")


def _npm_env() -> dict:
    # the wheel is built by the Python running the tests (build-wheel.mjs honours $PYTHON)
    return dict(os.environ, PYTHON=sys.executable)


def _package_vsix(out: str) -> list[str]:
    """``npm run package`` (builds the wheel into bundled/, then vsce), into ``out``."""
    if not os.path.isdir(os.path.join(EXT, "node_modules")):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=EXT, check=True)
    proc = subprocess.run(
        ["npm", "run", "package", "--", "-o", out], cwd=EXT, capture_output=True, text=True, env=_npm_env(), timeout=600
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    with zipfile.ZipFile(out) as z:
        return z.namelist()


def _zh_language_pack(base) -> str:
    """A minimal VS Code language pack for zh-cn (no translations of VS Code's strings), as a .vsix."""
    src = base / "langpack"
    (src / "translations").mkdir(parents=True)
    (src / "translations" / "main.i18n.json").write_text(
        json.dumps({"version": "1.0.0", "contents": {}}), encoding="utf-8"
    )
    (src / "README.md").write_text("zh-cn display language for gxlint's tests\n", encoding="utf-8")
    (src / "LICENSE").write_text("MIT\n", encoding="utf-8")
    (src / "package.json").write_text(
        json.dumps(
            {
                "name": "gxlint-test-language-pack-zh-cn",
                "publisher": "gxlint-tests",
                "version": "1.0.0",
                "license": "MIT",
                "engines": {"vscode": "^1.91.0"},
                "categories": ["Language Packs"],
                "contributes": {
                    "localizations": [
                        {
                            "languageId": "zh-cn",
                            "languageName": "Chinese Simplified",
                            "localizedLanguageName": "中文(简体)",
                            "translations": [{"id": "vscode", "path": "./translations/main.i18n.json"}],
                        }
                    ]
                },
            }
        ),
        encoding="utf-8",
    )
    out = str(base / "gxlint-test-language-pack-zh-cn.vsix")
    vsce = os.path.join(EXT, "node_modules", ".bin", "vsce")
    proc = subprocess.run(
        [vsce, "package", "--allow-missing-repository", "--skip-license", "-o", out],
        cwd=src,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    return out


def _register_language_pack(data, exts) -> None:
    """What VS Code does when a language pack is installed from its UI (``languagepacks.json`` in the
    user-data dir; ``--install-extension`` on the command line does not write it)."""
    ext_id = "gxlint-tests.gxlint-test-language-pack-zh-cn"
    folder = next(exts / d for d in os.listdir(exts) if d.startswith(ext_id + "-"))
    version = json.loads((folder / "package.json").read_text(encoding="utf-8"))["version"]
    (data / "languagepacks.json").write_text(
        json.dumps(
            {
                "zh-cn": {
                    "hash": hashlib.md5((ext_id + version).encode()).hexdigest(),
                    "extensions": [{"extensionIdentifier": {"id": ext_id}, "version": version}],
                    "translations": {"vscode": str(folder / "translations" / "main.i18n.json")},
                    "label": "中文(简体)",
                }
            }
        ),
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """One build per module: the .vsix as ``npm run package`` makes it (it must carry the wheel) and
    the zh-cn language pack."""
    base = tmp_path_factory.mktemp("vscode-setup-builds")
    os.makedirs(ART, exist_ok=True)
    for f in os.listdir(ART):
        if f.startswith("setup-") and f.endswith(".png"):
            os.remove(os.path.join(ART, f))
    vsix = os.path.join(ART, "setup-gxlint.vsix")
    names = _package_vsix(vsix)
    wheels = [n for n in names if n.startswith("extension/bundled/gxlint-") and n.endswith(".whl")]
    assert len(wheels) == 1, names
    return {"vsix": vsix, "langpack": _zh_language_pack(base)}


@contextlib.contextmanager
def _vscode_without_gxlint(base, builds, *, with_pip: bool):
    """code-server + Chromium, the report open-able in the workspace, ``gxlint.interpreter`` an empty
    virtual environment (with pip or without) that is also first on PATH."""
    data, exts, ws = base / "data", base / "exts", base / "ws"
    (data / "User").mkdir(parents=True)
    ws.mkdir()
    shutil.copy(SEED1, ws / "report.txt")

    # a Python without gxlint, that does not see the repository
    nogx = base / "nogx"
    subprocess.run(
        [sys.executable, "-m", "venv", *([] if with_pip else ["--without-pip"]), str(nogx)],
        check=True,
        timeout=300,
        capture_output=True,
    )
    nopy = str(nogx / "bin" / "python")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    # a Python without gxlint first; no gxlint command (the tests' own install leaves one on PATH)
    env["PATH"] = path_without_gxlint(base, str(nogx / "bin"))
    # the extension host gets this environment, not the login shell's (whose PATH may lead to a
    # Python with gxlint): VS Code skips resolving the shell environment when VSCODE_CLI is 1
    env["VSCODE_CLI"] = "1"
    for py in (nopy, "python3", "python"):
        probe = subprocess.run([py, "-c", "import gxlint"], env=env, cwd=str(base), capture_output=True)
        assert probe.returncode != 0, f"{py} must not find gxlint for this test"
    # nor a gxlint command on PATH (the extension tries it before python3/python)
    gx = shutil.which("gxlint", path=env["PATH"])
    if gx:
        probe = subprocess.run([gx, "--version"], env=env, cwd=str(base), capture_output=True)
        assert probe.returncode != 0, f"{gx} must not run for this test"

    settings = {
        "gxlint.interpreter": nopy,
        "gxlint.lang": "zh",
        "workbench.startupEditor": "none",
        "security.workspace.trust.enabled": False,
        "workbench.tips.enabled": False,
        "telemetry.telemetryLevel": "off",
        "extensions.autoCheckUpdates": False,
        "extensions.autoUpdate": False,
        "extensions.ignoreRecommendations": True,
        "window.restoreWindows": "none",
    }
    (data / "User" / "settings.json").write_text(json.dumps(settings, indent=2), encoding="utf-8")
    subprocess.run(
        [
            "node",
            ENTRY,
            "--extensions-dir",
            str(exts),
            "--user-data-dir",
            str(data),
            "--install-extension",
            builds["vsix"],
            "--install-extension",
            builds["langpack"],
        ],
        check=True,
        capture_output=True,
        env=env,
        timeout=300,
    )
    _register_language_pack(data, exts)
    with running(base, data, exts, ws, env, ["--locale", "zh-cn"], cwd=str(base)) as page:
        yield {"page": page, "ws": ws, "data": data, "base": base, "python": nopy}


def _shot(page, name: str) -> None:
    shot(page, "setup-" + name)


def _output_text(data, tail: int | None = 4000) -> str:
    """The extension's output channel (for failure messages): its last ``tail`` characters."""
    text = output_log(data)
    return text[-tail:] if tail else text


def _dismiss_and_restart(page, toast, prefix: str) -> None:
    """Close the question without answering, then run "gxlint: 重启服务器": it is asked again (once)."""
    toast.hover()
    toast.locator(".codicon-notifications-clear").first.click()
    page.wait_for_function(
        "document.querySelectorAll('.notifications-toasts .notification-toast').length == 0", timeout=10_000
    )
    command(page, "gxlint: 重启服务器")
    again = page.locator(".notifications-toasts .notification-toast", has_text="未找到 gxlint").first
    try:
        again.wait_for(timeout=60_000)
    except Exception:
        _shot(page, f"{prefix}failed-asked-again")
        raise AssertionError("dismissed, then 重启服务器: the set-up was not offered again")


def _answer_and_wait(vs, button: str, prefix: str, dismiss_first: bool = False) -> float:
    """Open the report, check the notification, click ``button``, see the progress, wait for the
    squiggles; returns the seconds from the click to the squiggles.  ``dismiss_first``: close the
    first question unanswered and restart the server by its command, which asks again."""
    page, data = vs["page"], vs["data"]
    text = (vs["ws"] / "report.txt").read_text(encoding="utf-8")
    row = next(i for i, l in enumerate(text.split("\n")) if "予以公开" in l) + 1

    # open the report: the extension activates, finds no gxlint, and asks once, in Chinese
    item = page.locator(".explorer-folders-view .monaco-list-row[aria-label*='report.txt']").first
    item.wait_for(timeout=60_000)
    item.click()
    page.wait_for_selector(".tab[aria-label*='report.txt']", timeout=30_000)
    toast = page.locator(".notifications-toasts .notification-toast", has_text="未找到 gxlint").first
    try:
        toast.wait_for(timeout=90_000)
    except Exception:
        _shot(page, f"{prefix}failed-notification")
        raise AssertionError("no set-up notification; the extension's output:\n" + _output_text(data))
    if dismiss_first:
        _dismiss_and_restart(page, toast, prefix)
    page.locator(".editor-instance .monaco-editor .view-lines").first.click()
    _goto(page, row + 8)
    _goto(page, row)
    toast.hover()  # a toast under the mouse stays
    page.wait_for_timeout(300)
    _shot(page, f"{prefix}01-notification")
    message = toast.locator(".notification-list-item-message").inner_text().strip()
    buttons = [
        b.strip() for b in toast.locator(".notification-list-item-buttons-container .monaco-button").all_inner_texts()
    ]
    assert message == NOTICE, message
    assert buttons == BUTTONS, buttons
    assert page.locator(".notifications-toasts .notification-toast", has_text="gxlint").count() == 1

    toast.locator(".monaco-button", has_text=button).click()
    t0 = time.monotonic()
    # while pip runs: a progress notification says so
    progress = page.locator(".notifications-toasts .notification-toast", has_text="正在安装 gxlint")
    try:
        progress.first.wait_for(timeout=30_000)
    except Exception:
        _shot(page, f"{prefix}failed-progress")
        raise AssertionError("no progress notification; the extension's output:\n" + _output_text(data))
    page.wait_for_timeout(700)  # the toast slides in
    _shot(page, f"{prefix}02-installing")
    try:
        page.wait_for_selector(".view-overlays .squiggly-error", timeout=SETUP_TIMEOUT_MS)
    except Exception:
        _shot(page, f"{prefix}failed-squiggles")
        raise AssertionError("no squiggles after the set-up; the extension's output:\n" + _output_text(data))
    took = time.monotonic() - t0
    page.wait_for_timeout(1500)
    errors = page.locator(".view-overlays .squiggly-error").count()
    warnings = page.locator(".view-overlays .squiggly-warning").count()
    _shot(page, f"{prefix}03-squiggles-after-setup")
    print(f"\n{button}: click to squiggles {took:.0f} s; {errors} error and {warnings} warning squiggles on screen")
    assert errors >= 1
    # the question and the progress are gone
    assert page.locator(".notifications-toasts .notification-toast", has_text="未找到 gxlint").count() == 0
    assert progress.count() == 0
    return took


def _gxlint_in(python: str, prefix, cwd) -> None:
    """``python`` imports gxlint from its own environment (``prefix``), not from the repository."""
    clean_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    probe = subprocess.run(
        [python, "-c", "import gxlint, sys; print(gxlint.__file__); print(sys.prefix)"],
        capture_output=True,
        text=True,
        env=clean_env,
        cwd=str(cwd),
        timeout=60,
    )
    assert probe.returncode == 0, probe.stderr
    where, sys_prefix = probe.stdout.split("\n")[:2]
    assert where.startswith(str(prefix)), where
    assert os.path.realpath(sys_prefix) == os.path.realpath(prefix)
    version = subprocess.run(
        [python, "-m", "gxlint", "--version"], capture_output=True, text=True, env=clean_env, cwd=str(cwd), timeout=60
    )
    assert version.returncode == 0 and "gxlint" in version.stdout, version


def _starts(data) -> list[str]:
    """The server starts the extension logged; none was stopped while starting."""
    output = _output_text(data, tail=None)
    assert "Stopping server failed" not in output and "Traceback" not in output, output[-3000:]
    return [l for l in output.splitlines() if "Starting: " in l]


def _interpreter_settings(data) -> dict:
    """gxlint.interpreter as written in the user's settings and (in a remote window such as
    code-server's, where VS Code keeps a machine-overridable setting of ConfigurationTarget.Global)
    the remote machine's settings, data/Machine/settings.json, which wins."""
    written = {}
    for where in ("Machine", "User"):
        f = data / where / "settings.json"
        if f.is_file():
            written[where] = json.loads(f.read_text(encoding="utf-8")).get("gxlint.interpreter")
    return written


def test_one_click_setup_into_a_private_environment(tmp_path, builds):
    with _vscode_without_gxlint(tmp_path, builds, with_pip=False) as vs:
        _answer_and_wait(vs, "安装到独立环境", "")
        data = vs["data"]
        # the private environment under the extension's global storage, with gxlint from the wheel
        storage = data / "User" / "globalStorage" / "gxlint.gxlint"
        venv_py = storage / "venv" / "bin" / "python"
        assert venv_py.is_file(), sorted(os.listdir(storage)) if storage.is_dir() else f"{storage} missing"
        _gxlint_in(str(venv_py), storage / "venv", vs["base"])
        # the extension now uses it, and started the server once, from there
        written = _interpreter_settings(data)
        assert str(venv_py) in (written.get("Machine"), written.get("User")), written
        starts = _starts(data)
        assert len(starts) == 1 and str(venv_py) in starts[0], starts


def test_one_click_setup_into_the_current_interpreter(tmp_path, builds):
    with _vscode_without_gxlint(tmp_path, builds, with_pip=True) as vs:
        _answer_and_wait(vs, "安装到当前解释器", "interp-", dismiss_first=True)
        data = vs["data"]
        # pip installed the wheel into gxlint.interpreter's environment; no private environment
        _gxlint_in(vs["python"], vs["base"] / "nogx", vs["base"])
        assert not (data / "User" / "globalStorage" / "gxlint.gxlint" / "venv").exists()
        # the setting is left as it was, and the server started once, with that interpreter
        written = _interpreter_settings(data)
        assert written.get("User") == vs["python"] and written.get("Machine") in (None, vs["python"]), written
        starts = _starts(data)
        assert len(starts) == 1 and vs["python"] in starts[0], starts
