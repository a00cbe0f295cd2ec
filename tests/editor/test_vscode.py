"""gxlint in a real VS Code: code-server (npm) on 127.0.0.1 with the extension's .vsix installed,
driven through headless Chromium (Debian's ``chromium``, Playwright's Python API).

Set up by ``scripts/setup-vscode-tests.sh`` (``scripts/test.sh`` runs it); skipped, with the
reason, when that set-up is missing or ``GXLINT_SKIP_EDITOR_TESTS`` is set.  Screenshots go to
``test-artefacts/vscode/`` (gitignored).
"""

from __future__ import annotations

import json

import pytest
from codeserver import SEED1, why_skip, workspace
from codeserver import command as _command
from codeserver import goto as _goto
from codeserver import json_cli as _json_cli
from codeserver import open_file as _open
from codeserver import problems as _problems
from codeserver import shot as _shot
from test_vscode_latency import _errors_js, _latency, _to_the_nine

pytestmark = pytest.mark.skipif(why_skip() is not None, reason=why_skip() or "")


@pytest.fixture(scope="module")
def vscode(tmp_path_factory):
    base = tmp_path_factory.mktemp("vscode")
    files = {
        "report.txt": open(SEED1, encoding="utf-8").read(),
        "notes.txt": "购物清单\n苹果 | 3 |\n梨 | 4 |\n会议纪要：下周一上午开会。\n",
    }
    with workspace(base, files) as vs:
        yield vs


def _count(page, sel: str) -> int:
    return page.locator(sel).count()


def test_report_in_real_vscode(vscode):
    page = vscode["page"]
    _open(page, "report.txt")
    text = (vscode["ws"] / "report.txt").read_text(encoding="utf-8")
    row = next(i for i, l in enumerate(text.split("\n")) if "予以公开" in l) + 1
    page.locator(".monaco-editor .view-lines").first.click()
    _goto(page, row + 8)
    _goto(page, row)
    try:
        # squiggles: the server starts, lints, the editor decorates the 予以公开 row
        page.wait_for_selector(".view-overlays .squiggly-error", timeout=120_000)
    except Exception:
        _shot(page, "failed-squiggles")
        raise
    page.wait_for_timeout(1500)
    errors = _count(page, ".view-overlays .squiggly-error")
    warnings = _count(page, ".view-overlays .squiggly-warning")
    _shot(page, "01-report-squiggles")
    assert errors >= 1
    # the Problems panel lists what `gxlint check --format json` finds
    cli = _json_cli(str(vscode["ws"] / "report.txt"))["files"][0]["diagnostics"]
    rows = _problems(page)
    badge = page.locator(".panel .composite-bar .badge-content").first.inner_text().strip()
    # collapse the related-information rows and maximise the panel: one row per finding
    page.locator(".markers-panel-container, .panel").first.locator(".codicon-collapse-all").first.click()
    _command(page, "View: Toggle Maximized Panel")
    page.locator(".markers-panel .monaco-list-row").first.click()  # the file row: expand it only
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(800)
    rows = page.locator(".markers-panel .monaco-list-row").all_inner_texts()
    _shot(page, "02-problems-panel")
    codes_panel = sorted(
        c
        for r in rows
        for c in [next((w for w in r.replace("(", " ").replace(")", " ").split() if w.startswith("GX")), None)]
        if c
    )
    print(
        f"\nVS Code: {errors} error and {warnings} warning squiggles visible on the 予以公开 row's screen; "
        f"Problems panel badge {badge}, codes {codes_panel}; CLI {len(cli)}"
    )
    assert badge == str(len(cli))
    assert sorted(d["code"] for d in cli) == codes_panel, rows
    _command(page, "View: Toggle Maximized Panel")
    page.keyboard.press("Control+Shift+M")  # hide the panel again


def _badge(page) -> str:
    loc = page.locator(".panel .composite-bar .badge-content, .part.panel .badge .badge-content")
    return loc.first.inner_text().strip() if loc.count() else ""


def test_hover_quick_fix_and_latency(vscode):
    page = vscode["page"]
    text = (vscode["ws"] / "report.txt").read_text(encoding="utf-8")
    _to_the_nine(page, text)
    # hover (editor.action.showHover): the arithmetic of the cell
    _command(page, "Show or Focus Hover")
    hover = page.locator(".monaco-hover:not(.hidden)").first
    hover.wait_for(timeout=30_000)
    page.wait_for_timeout(500)
    htext = hover.inner_text()
    _shot(page, "03-hover")
    assert "0 + 9 + 0 + 0 + 0 + 0 = 9" in htext, htext
    page.keyboard.press("Escape")
    before = page.evaluate(_errors_js())
    # the quick fix through the light bulb (Ctrl+.), the preferred one first
    page.keyboard.press("Control+.")
    menu = page.locator(".action-widget").first
    menu.wait_for(timeout=30_000)
    page.wait_for_timeout(400)
    _shot(page, "04-quick-fix-menu")
    assert "GX301" in menu.inner_text()
    page.keyboard.press("Enter")
    page.wait_for_function(f"{_errors_js()} < {before}", timeout=30_000)
    _shot(page, "05-after-quick-fix")
    assert page.locator(".view-overlays .squiggly-error").count() < before
    _latency(vscode, "report.txt", len(text.encode("utf-8")), 20)


def test_settings_change_and_non_report(vscode):
    page = vscode["page"]
    # gxlint.select changes the findings without a reload
    cli = _json_cli(str(vscode["ws"] / "report.txt"), "--select", "GX5")["files"][0]["diagnostics"]
    settings = json.loads((vscode["data"] / "User" / "settings.json").read_text(encoding="utf-8"))
    settings["gxlint.select"] = ["GX5"]
    # as a person does: the user settings (JSON) editor, edited and saved
    _command(page, "Preferences: Open User Settings (JSON)")
    page.wait_for_selector(".tab[aria-label*='settings.json']", timeout=30_000)
    page.locator(".editor-instance .monaco-editor .view-lines").first.click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(json.dumps(settings, indent=2))
    page.keyboard.press("Control+Shift+End")  # whatever auto-closing added after it
    page.keyboard.press("Delete")
    page.keyboard.press("Control+S")
    page.wait_for_timeout(1000)
    _open(page, "report.txt")
    _command(page, "View: Focus Problems")
    try:
        page.wait_for_function(
            "(() => { const r = [...document.querySelectorAll('.markers-panel .monaco-list-row')]"
            ".map(e => e.textContent).filter(t => /GX\\d{3}/.test(t));"
            f" return r.length === {len(cli)} && r.every(t => t.includes('GX5')); }})()",
            timeout=60_000,
        )
    except Exception:
        _shot(page, "failed-settings")
        raise
    _shot(page, "06-select-GX5")
    rows = page.locator(".markers-panel .monaco-list-row").all_inner_texts()
    assert all("GX5" in r for r in rows if "GX" in r), rows
    # a file that is not a report stays clean.  What proves it is an answer of the server for its
    # text, not a moment that passed without one: with a report's title and statistics period typed
    # at the top it is a report (GX501: the period is not the title's year; gxlint.select is GX5 here)
    # and gets a squiggle; those two lines deleted again, the squiggle goes
    _open(page, "notes.txt")
    any_squiggle = "document.querySelectorAll(\".editor-instance .view-overlays [class*='squiggly-']\").length"
    page.locator(".editor-instance .monaco-editor .view-lines").first.click()
    page.keyboard.press("Control+Home")
    page.keyboard.insert_text(
        "某某局2023年政府信息公开工作年度报告\n本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。\n"
    )
    try:
        page.wait_for_function(f"{any_squiggle} > 0", timeout=60_000)
        page.keyboard.press("Control+Home")
        page.keyboard.press("Shift+ArrowDown")
        page.keyboard.press("Shift+ArrowDown")
        page.keyboard.press("Delete")
        page.wait_for_function(f"{any_squiggle} === 0", timeout=60_000)
        page.wait_for_function(
            "![...document.querySelectorAll('.markers-panel .monaco-list-row')]"
            ".some(e => e.textContent.includes('GX501'))",
            timeout=30_000,
        )
    except Exception:
        _shot(page, "failed-non-report")
        raise
    _shot(page, "07-non-report")
    assert page.locator(".tab.active[aria-label*='notes.txt']").count() == 1
    text = page.locator(".editor-instance .monaco-editor .view-lines").first.inner_text()
    assert text.replace("\u00a0", " ").split("\n")[0] == "购物清单"  # the notes as they were
