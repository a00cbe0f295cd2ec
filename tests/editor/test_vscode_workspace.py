"""The workspace's reports in a real VS Code (code-server, the extension's .vsix): a report that
is not open follows its file on disk — opened, closed, rewritten on disk, the Problems panel follows
within a bounded wait, and so does a closed next-year report's carry-over finding when last year's
file changes; a report created shows, one deleted goes; "gxlint: Check Workspace" shows the server's findings once (the Problems count is the
server's, no copies), and after "gxlint: Restart Server" no frozen copy remains.

The Problems panel's count (its badge) is compared with ``gxlint check --format json`` of the
folder (hints left out: the panel does not list them), which pairs the reports of one organ as the
server does."""

from __future__ import annotations

import re

import pytest
from codeserver import SEED1, command, json_cli, open_file, output_log, shot, why_skip, workspace

from gxlint import synth

pytestmark = pytest.mark.skipif(why_skip() is not None, reason=why_skip() or "")

# one organ's three years (the carry-over: 2022's 表三 row 四 is 2023's row 二) and another organ's two
SERIES = synth.series(31, (2021, 2022, 2023)) + synth.series(32, (2022, 2023), organ="青云县司法局")
REPORTS = {f"{r.organ}{r.year}年政府信息公开工作年度报告.txt": r for r in SERIES}
FIRST = SERIES[0].organ


def _name(year: int, organ: str = FIRST) -> str:
    return f"{organ}{year}年政府信息公开工作年度报告.txt"


@pytest.fixture(scope="module")
def vs(tmp_path_factory):
    base = tmp_path_factory.mktemp("vscode-workspace")
    files = {name: r.render().text for name, r in REPORTS.items()}
    files["seed-001.txt"] = open(SEED1, encoding="utf-8").read()  # a report with findings of its own
    # (gxlint.logTiming, on in the suite's settings: each workspace pull answered is in the output log)
    with workspace(base, files) as v:
        yield v


def _with_cell(r, table: str, row: str, col: str, delta: int) -> str:
    x = r.render()
    span = x.span("cell", table, row, col)
    return x.text[: span.start] + str(getattr(r, table)[row][col] + delta) + x.text[span.end :]


def _shown(ws) -> tuple[int, dict]:
    """What the Problems panel must show for the folder: the CLI's findings (not hints), and the
    codes by file name."""
    files = json_cli(str(ws))["files"]
    codes = {f["path"].replace("\\", "/").split("/")[-1]: [d["code"] for d in f["diagnostics"]] for f in files}
    return sum(1 for f in files for d in f["diagnostics"] if d["severity"] != "hint"), codes


_BADGE = (
    "(() => { const b = document.querySelector('.panel .composite-bar .badge-content');"
    " return b ? b.textContent.trim() : ''; })()"
)


def _badge(page) -> str:
    return page.evaluate(_BADGE)


def _wait_badge(page, want: int, timeout: int, what: str) -> None:
    try:
        page.wait_for_function(f"{_BADGE} === '{want or ''}'", timeout=timeout)
    except Exception:
        shot(page, f"failed-workspace-{what}")
        raise AssertionError(f"{what}: the Problems panel shows {_badge(page)!r}, the server's count is {want}")


def _pulls(data) -> int:
    """Workspace pulls the server has answered (gxlint.logTiming's lines in the output log)."""
    return output_log(data).count("gxlint timing: workspace/diagnostic")


def _wait_pulls(page, data, n: int, timeout_s: float = 90) -> None:
    """Until the server has answered ``n`` more workspace pulls than now: the Problems panel then
    holds what the first of them said (the client applies an answer before it asks again)."""
    start = _pulls(data)
    deadline = page.evaluate("Date.now()") + timeout_s * 1000
    while _pulls(data) < start + n:
        if page.evaluate("Date.now()") > deadline:
            raise AssertionError(f"no {n} workspace pulls in {timeout_s} s")
        page.wait_for_timeout(250)


def _close_editor(page, name: str) -> None:
    command(page, "View: Close Editor")
    page.wait_for_function(f"!document.querySelector(\".tab[aria-label*='{name}']\")", timeout=20_000)


def _problems_panel(page) -> None:
    command(page, "View: Focus Problems")
    page.wait_for_selector(".markers-panel", timeout=20_000)


def test_a_closed_report_follows_its_file_on_disk(vs):
    page, ws = vs["page"], vs["ws"]
    _problems_panel(page)
    want, _codes = _shown(ws)
    _wait_badge(page, want, 180_000, "start")  # the server has started and pulled the workspace
    # this year's report opened, then closed; rewritten on disk afterwards (自然人 +4: its carry-over
    # from last year no longer holds — GX701 — and its own table no longer adds up)
    this_year = _name(2023)
    open_file(page, this_year)
    _close_editor(page, this_year)
    _problems_panel(page)
    _wait_pulls(page, vs["data"], 2)
    (ws / this_year).write_text(_with_cell(REPORTS[this_year], "t3", "r2", "np", 4), encoding="utf-8")
    changed, codes = _shown(ws)
    assert changed != want and "GX701" in codes[this_year]
    _wait_badge(page, changed, 20_000, "closed report rewritten on disk")
    shot(page, "workspace-01-closed-report-rewritten")
    # restored; then last year's report opened, closed, and its row 四 changed on disk: the closed
    # next-year report's carry-over finding follows last year's file
    (ws / this_year).write_text(REPORTS[this_year].render().text, encoding="utf-8")
    _wait_badge(page, want, 20_000, "closed report restored on disk")
    last_year = _name(2022)
    open_file(page, last_year)
    _close_editor(page, last_year)
    _problems_panel(page)
    _wait_pulls(page, vs["data"], 2)
    (ws / last_year).write_text(_with_cell(REPORTS[last_year], "t3", "r4", "np", 5), encoding="utf-8")
    changed, codes = _shown(ws)
    assert "GX701" in codes[this_year], codes  # the next year's report: carried over from the old figure
    _wait_badge(page, changed, 20_000, "last year's report rewritten on disk")
    shot(page, "workspace-02-last-year-rewritten")
    (ws / last_year).write_text(REPORTS[last_year].render().text, encoding="utf-8")
    _wait_badge(page, want, 20_000, "last year's report restored on disk")
    # a report created on disk shows; opened, closed and deleted, its findings go
    extra = "seed-001-copy.txt"
    (ws / extra).write_text(open(SEED1, encoding="utf-8").read(), encoding="utf-8")
    more, _codes = _shown(ws)
    _wait_badge(page, more, 20_000, "a report created on disk")
    open_file(page, extra)
    _close_editor(page, extra)
    _problems_panel(page)
    (ws / extra).unlink()
    _wait_badge(page, want, 20_000, "a closed report deleted")


def test_check_workspace_shows_the_servers_findings_once_and_none_survive_a_restart(vs):
    page, ws, data = vs["page"], vs["ws"], vs["data"]
    want, _codes = _shown(ws)
    _problems_panel(page)
    _wait_badge(page, want, 120_000, "before Check Workspace")
    done = output_log(data).count("Check workspace:")
    command(page, "gxlint: Check Workspace")
    page.wait_for_function("true")  # (the command runs in the extension host)
    deadline = page.evaluate("Date.now()") + 120_000
    while output_log(data).count("Check workspace:") <= done:  # its last line: what it found
        assert page.evaluate("Date.now()") < deadline, "Check Workspace did not finish"
        page.wait_for_timeout(250)
    line = output_log(data).split("Check workspace:")[-1].split("\n")[0]
    said = re.search(r"the server shows (\d+) problem", line)
    _wait_pulls(page, data, 2)
    _problems_panel(page)
    _wait_badge(page, want, 20_000, "after Check Workspace")
    shot(page, "workspace-03-check-workspace")
    assert said and int(said.group(1)) == want, line  # the command's count is the server's
    # a restart: the server's findings go with it and come back; nothing else stays
    running = output_log(data).count("Server running")
    command(page, "gxlint: Restart Server")
    deadline = page.evaluate("Date.now()") + 120_000
    while output_log(data).count("Server running") <= running:
        assert page.evaluate("Date.now()") < deadline, "the server did not restart"
        page.wait_for_timeout(250)
    _wait_pulls(page, data, 2)
    _problems_panel(page)
    _wait_badge(page, want, 20_000, "after Restart Server")
    shot(page, "workspace-04-after-restart")
