"""What the real-VS-Code tests share: where code-server and Chromium are (set up by
``scripts/setup-vscode-tests.sh``), why the tests are skipped when they are not, code-server started
on 127.0.0.1 with Chromium on it, and the small page and log helpers."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from typing import Iterator, Optional, Sequence

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
