"""What the real-VS-Code tests share: where code-server and Chromium are (set up by
``scripts/setup-vscode-tests.sh``), why the tests are skipped when they are not, code-server started
on 127.0.0.1 with Chromium on it, and the small page and log helpers."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from typing import Iterator, Mapping, Optional, Sequence

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXT = os.path.join(ROOT, "vscode-extension")
ART = os.path.join(ROOT, "test-artefacts", "vscode")
CACHE = os.environ.get("GXLINT_EDITOR_CACHE", os.path.expanduser("~/.cache/gxlint-editor"))
VERSION = os.environ.get("GXLINT_CODE_SERVER_VERSION", "4.100.3")
ENTRY = os.path.join(CACHE, f"code-server-{VERSION}", "node_modules", "code-server", "out", "node", "entry.js")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SEEDS = os.path.join(ROOT, "tests", "fixtures", "seeds")
SEED1 = next(os.path.join(SEEDS, f) for f in sorted(os.listdir(SEEDS)) if f.startswith("001_"))


def why_skip() -> Optional[str]:
    if os.environ.get("GXLINT_SKIP_EDITOR_TESTS"):
        return "GXLINT_SKIP_EDITOR_TESTS is set"
    if not os.path.isfile(ENTRY):
        return f"code-server is not set up ({ENTRY} missing): run scripts/setup-vscode-tests.sh"
    if not os.path.isfile(CHROMIUM):
        return "chromium is missing: run scripts/setup-vscode-tests.sh"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright's Python API is missing: run scripts/setup-vscode-tests.sh"
    if not shutil.which("npm"):
        return "npm is missing (needed to build the .vsix)"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running(base, data, exts, ws, env: dict, extra_args: Sequence[str] = (), cwd=None) -> Iterator:
    """code-server on a free port of 127.0.0.1 (user data ``data``, extensions ``exts``, folder
    ``ws``) and a headless Chromium page on it, the workbench loaded; both stopped afterwards."""
    port = free_port()
    log = open(base / "code-server.log", "w")
    proc = subprocess.Popen(
        [
            "node",
            ENTRY,
            "--auth",
            "none",
            "--bind-addr",
            f"127.0.0.1:{port}",
            "--user-data-dir",
            str(data),
            "--extensions-dir",
            str(exts),
            *extra_args,
            "--disable-telemetry",
            "--disable-update-check",
            "--disable-workspace-trust",
            "--disable-getting-started-override",
            "--config",
            str(base / "config.yaml"),
            str(ws),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
        cwd=cwd,
    )
    pw = browser = None
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except Exception:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError("code-server did not start: " + (base / "code-server.log").read_text()[-2000:])
                time.sleep(0.5)
        from playwright.sync_api import sync_playwright

        pw = sync_playwright().start()
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1500, "height": 950}, locale="zh-CN")
        page.goto(f"http://127.0.0.1:{port}/?folder={ws}")
        page.wait_for_selector(".monaco-workbench", timeout=120_000)
        yield page
    finally:
        if browser is not None:
            browser.close()
        if pw is not None:
            pw.stop()
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def shot(page, name: str) -> None:
    """A screenshot into test-artefacts/vscode/<name>.png."""
    os.makedirs(ART, exist_ok=True)
    page.screenshot(path=os.path.join(ART, name + ".png"))


def goto(page, line: int) -> None:
    """Go to Line (Ctrl+G), 1-based."""
    page.keyboard.press("Control+G")
    page.wait_for_selector(".quick-input-widget input", timeout=20_000)
    page.keyboard.type(str(line))
    page.keyboard.press("Enter")
    page.wait_for_timeout(500)


def command(page, title: str) -> None:
    """Run a command from the command palette (F1) by its title."""
    page.keyboard.press("F1")
    page.wait_for_selector(".quick-input-widget input", timeout=20_000)
    page.keyboard.type(title)
    page.wait_for_timeout(700)
    page.keyboard.press("Enter")
    page.wait_for_timeout(700)


def output_log(data) -> str:
    """The extension's output channel, as VS Code logs it to disk under the user-data folder."""
    out = []
    for dirpath, _dirs, files in os.walk(data / "logs"):
        for f in sorted(files):
            if "gxlint" in f.lower() and f.endswith(".log"):
                with open(os.path.join(dirpath, f), encoding="utf-8", errors="replace") as fh:
                    out.append(fh.read())
    return "\n".join(out)


# -- what the real-VS-Code modules share: the .vsix, a workspace with the extension in it, the page --

_VSIX: Optional[str] = None

# the settings every workspace of the suite starts from (a module adds or overrides its own)
BASE_SETTINGS = {
    "gxlint.interpreter": sys.executable,
    "gxlint.lang": "zh",
    "workbench.startupEditor": "none",
    "security.workspace.trust.enabled": False,
    "workbench.tips.enabled": False,
    "editor.inlayHints.enabled": "on",
    "editor.hover.delay": 100,
    "telemetry.telemetryLevel": "off",
    "extensions.autoCheckUpdates": False,
    "extensions.autoUpdate": False,
    "window.restoreWindows": "none",
    "gxlint.logTiming": True,  # the server's side of the latency, in the output log
}


def path_without_gxlint(base, *first: str) -> str:
    """A PATH of ``first``, then this one's folders that hold no ``gxlint`` command (a pip install of
    the tests' own gxlint puts one there, e.g. a pyenv shim), for a test of a machine without it;
    ``node`` stays reachable (a link in ``base``/node-bin when its folder had to go)."""
    rest = [
        d for d in os.environ.get("PATH", "").split(os.pathsep) if d and not os.path.exists(os.path.join(d, "gxlint"))
    ]
    extra = []
    node = shutil.which("node")
    if node and not shutil.which("node", path=os.pathsep.join(rest)):
        keep = os.path.join(str(base), "node-bin")
        os.makedirs(keep, exist_ok=True)
        if not os.path.exists(os.path.join(keep, "node")):
            os.symlink(os.path.realpath(node), os.path.join(keep, "node"))
        extra.append(keep)
    return os.pathsep.join([*first, *rest, *extra])


def vsix() -> str:
    """The extension packaged from this checkout (``vsce package``, no bundled wheel: the tests run
    gxlint from the checkout), built once per test session."""
    global _VSIX
    if _VSIX is None:
        out = os.path.join(ART, "gxlint-test.vsix")
        os.makedirs(ART, exist_ok=True)
        if not os.path.isdir(os.path.join(EXT, "node_modules")):
            subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=EXT, check=True)
        subprocess.run(
            ["npx", "vsce", "package", "--no-dependencies", "-o", out], cwd=EXT, check=True, capture_output=True
        )
        _VSIX = out
    return _VSIX


@contextlib.contextmanager
def workspace(base, files: Mapping[str, str], settings: Optional[Mapping] = None, env: Optional[Mapping] = None):
    """code-server with this checkout's extension installed, a folder holding ``files`` (name → text,
    UTF-8) and the user settings ``BASE_SETTINGS`` updated with ``settings``; yields
    ``{"page", "ws", "data", "base", "env"}``."""
    data, exts, ws = base / "data", base / "exts", base / "ws"
    (data / "User").mkdir(parents=True)
    ws.mkdir()
    for name, text in files.items():
        (ws / name).parent.mkdir(parents=True, exist_ok=True)
        (ws / name).write_text(text, encoding="utf-8")
    (data / "User" / "settings.json").write_text(json.dumps({**BASE_SETTINGS, **(settings or {})}), encoding="utf-8")
    run_env = {**os.environ, "PYTHONPATH": ROOT, **(env or {})}  # env may replace PYTHONPATH too
    subprocess.run(
        ["node", ENTRY, "--extensions-dir", str(exts), "--user-data-dir", str(data), "--install-extension", vsix()],
        check=True,
        capture_output=True,
        env=run_env,
        timeout=300,
    )
    with running(base, data, exts, ws, run_env) as page:
        yield {"page": page, "ws": ws, "data": data, "base": base, "env": run_env}


def json_cli(path: str, *extra: str) -> dict:
    """``gxlint check --format json`` of this checkout on ``path``."""
    proc = subprocess.run(
        [sys.executable, "-m", "gxlint", "check", "--format", "json", "--exit-zero", *extra, path],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=ROOT),
    )
    return json.loads(proc.stdout)


def open_file(page, name: str) -> None:
    """Open a workspace file by clicking it in the Explorer."""
    try:
        item = page.locator(f".explorer-folders-view .monaco-list-row[aria-label*='{name}']").first
        try:
            item.wait_for(timeout=15_000)
        except Exception:  # a file written while VS Code runs: its watcher may not have told it yet
            command(page, "File: Refresh Explorer")
            item.wait_for(timeout=45_000)
        item.click()
        page.wait_for_selector(f".tab[aria-label*='{name}']", timeout=30_000)
    except Exception:
        shot(page, f"failed-open-{name}")
        raise


def problems(page) -> list[str]:
    """The Problems panel's rows (the panel opened with Ctrl+Shift+M)."""
    page.keyboard.press("Control+Shift+M")
    page.wait_for_selector(".markers-panel", timeout=20_000)
    page.wait_for_timeout(800)
    return page.locator(".markers-panel .monaco-list-row").all_inner_texts()
