"""The year-to-year index in a real VS Code (issue 26 item 7): last year's report published as a web
page (.html) is paired with this year's .txt as ``gxlint check`` pairs them, and the findings that
name another report name it relative to the workspace folder, as the Explorer shows it.

One code-server workspace for the module (tests/editor/codeserver.py); skipped like the others."""

from __future__ import annotations

import json
import os
import sys

import pytest
from codeserver import ROOT, why_skip, workspace
from codeserver import open_file as _open
from codeserver import shot as _shot

pytestmark = pytest.mark.skipif(why_skip() is not None, reason=why_skip() or "")

sys.path.insert(0, os.path.join(ROOT, "tests"))

DRAFT = "送审稿/2023.txt"


def _files() -> dict:
    """2022 as a web page, 2023 as text with its carry-over changed by 3 (a GX701 against the page),
    and the same 2023 text again in a subfolder (a GX703 that names it)."""
    from gxlint import synth
    from read import docgen

    reps = synth.series(21, (2022, 2023))
    r = reps[1]
    r.t3["r2"]["np"] += 3
    r.t3["r2"]["tot"] += 3
    r.t3["r1"]["np"] = max(0, r.t3["r1"]["np"] - 3)
    r.t3["r1"]["tot"] = sum(r.t3["r1"][c] for c in synth.APPLICANTS)
    text = r.render().text
    # another organ the other way round: last year's as text, this year's as a web page, changed by 5
    q = synth.series(33, (2022, 2023), organ="青云县司法局")
    q[1].t3["r2"]["np"] += 5
    q[1].t3["r2"]["tot"] += 5
    q[1].t3["r1"]["np"] = max(0, q[1].t3["r1"]["np"] - 5)
    q[1].t3["r1"]["tot"] = sum(q[1].t3["r1"][c] for c in synth.APPLICANTS)
    return {
        "2022年报告.html": docgen.build_html(reps[0]),
        "2023年报告.txt": text,
        DRAFT: text,
        "司法局2022.txt": q[0].render().text,
        "司法局2023.html": docgen.build_html(q[1]),
    }


@pytest.fixture(scope="module")
def vscode(tmp_path_factory):
    base = tmp_path_factory.mktemp("vscode-index")
    with workspace(base, _files()) as vs:
        yield vs


ROWS_JS = "[...document.querySelectorAll('.markers-panel .monaco-list-row')].map(r => r.innerText)"


def test_last_years_html_pairs_and_messages_name_files_relative_to_the_workspace(vscode):
    page, ws = vscode["page"], vscode["ws"]
    _open(page, "2023年报告.txt")
    page.keyboard.press("Control+Shift+M")
    page.wait_for_selector(".markers-panel", timeout=20_000)
    try:
        # the carry-over against last year's web page, and the copy in 送审稿/
        page.wait_for_function(
            f"(() => {{ const t = {ROWS_JS}.join('\\n'); return t.includes('GX701') && t.includes('GX703'); }})()",
            timeout=180_000,
        )
    except Exception:
        _shot(page, "index-failed")
        raise
    page.wait_for_timeout(800)
    rows = page.evaluate(ROWS_JS)
    _shot(page, "index-problems")
    carry = [r for r in rows if "GX701" in r]
    assert carry and "自然人列为 3，但 2022 年报告" in carry[0], rows
    # its related information is the web page's cell (VS Code names the file of the location)
    assert any("2022年报告.html" in r and "2022 年报告中" in r for r in rows), rows
    dup = [r for r in rows if "GX703" in r]
    assert dup and f"这份报告与 {DRAFT} 内容完全相同" in dup[0], rows
    assert not any(str(ws) in r for r in rows), rows  # no absolute path in any message
    # the CLI run in the folder finds the same pair
    proc = __import__("subprocess").run(
        [sys.executable, "-m", "gxlint", "check", "--format", "json", "--exit-zero", "--select", "GX7", "."],
        capture_output=True,
        text=True,
        cwd=str(ws),
        env=dict(os.environ, PYTHONPATH=ROOT),
        timeout=120,
    )
    cli = {f["path"]: sorted(d["code"] for d in f["diagnostics"]) for f in json.loads(proc.stdout)["files"]}
    assert "GX701" in cli["./2023年报告.txt"], cli


def test_this_years_report_open_as_a_web_page_gets_the_carry_over(vscode):
    """The .html open in the editor: its year-to-year finding is there, on the carry-over row of the
    HTML source (before: an open web page had no GX7 finding at all)."""
    page, ws = vscode["page"], vscode["ws"]
    source = (ws / "司法局2023.html").read_text(encoding="utf-8")
    row = next(i for i, line in enumerate(source.split("\n")) if "<td" in line and "二、上年结转" in line) + 1
    _open(page, "司法局2023.html")
    page.keyboard.press("Control+Shift+M")
    page.wait_for_selector(".markers-panel", timeout=20_000)
    want = f"[Ln {row},"
    try:
        page.wait_for_function(
            f"{ROWS_JS}.some(t => t.includes('相差 5') && t.includes('GX701') && t.includes({json.dumps(want)}))",
            timeout=180_000,
        )
    except Exception:
        _shot(page, "index-html-failed")
        raise
    _shot(page, "index-html-problems")
