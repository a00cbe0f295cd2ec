"""The editor's year-to-year index takes what ``gxlint check`` pairs (issue 26 item 7): last
year's report published as a web page (.html) is read beside this year's .txt, and the findings
that name another report name it as the workspace shows it (relative to the workspace folder), not
by its absolute path."""

from __future__ import annotations

import asyncio
import os
import shutil

import pytest
from lsprotocol import types as lsp
from pygls.uris import from_fs_path, to_fs_path

from gxlint import synth
from gxlint.positions import LineIndex
from read import docgen

from .conftest import initialize, open_doc, uri_of, wait_diagnostics

pytestmark = pytest.mark.asyncio


@pytest.fixture
def html_last_year(tmp_path):
    """2022 as a web page, 2023 as text with its carry-over changed by 3 (GX701 against the page),
    and a copy of 2023 in a subfolder (GX703 names it)."""
    reps = synth.series(21, (2022, 2023))
    r = reps[1]
    r.t3["r2"]["np"] += 3
    r.t3["r2"]["tot"] += 3
    r.t3["r1"]["np"] = max(0, r.t3["r1"]["np"] - 3)
    r.t3["r1"]["tot"] = sum(r.t3["r1"][c] for c in synth.APPLICANTS)
    old = tmp_path / f"{reps[0].organ}2022年报告.html"
    old.write_text(docgen.build_html(reps[0]), encoding="utf-8")
    new = tmp_path / f"{r.organ}2023年报告.txt"
    new.write_text(r.render().text, encoding="utf-8")
    (tmp_path / "送审稿").mkdir()
    copy = tmp_path / "送审稿" / "2023.txt"
    shutil.copyfile(new, copy)
    return tmp_path, str(old), str(new), str(copy)


async def _until(client, uri, pred, timeout=60.0):
    async def loop():
        while True:
            p = await wait_diagnostics(client, uri, timeout=timeout)
            if pred(p.diagnostics):
                return p

    return await asyncio.wait_for(loop(), timeout)


async def test_last_years_html_page_is_in_the_index(client, html_last_year):
    folder, old, new, _copy = html_last_year
    await initialize(client, root_uri=f"file://{folder}", options={"crossReport": True})
    u = uri_of(new)
    with open(new, encoding="utf-8") as fh:
        open_doc(client, u, fh.read())
    p = await _until(client, u, lambda ds: any(d.code == "GX701" for d in ds))
    (d,) = [d for d in p.diagnostics if d.code == "GX701"]
    assert "自然人列为 3，但 2022 年报告" in d.message
    assert d.related_information[0].location.uri == from_fs_path(old)


def _web_page_pair(tmp_path):
    """2022 as text, 2023 as a web page with its carry-over changed by 3."""
    reps = synth.series(21, (2022, 2023))
    r = reps[1]
    r.t3["r2"]["np"] += 3
    r.t3["r2"]["tot"] += 3
    r.t3["r1"]["np"] = max(0, r.t3["r1"]["np"] - 3)
    r.t3["r1"]["tot"] = sum(r.t3["r1"][c] for c in synth.APPLICANTS)
    old = tmp_path / "2022.txt"
    old.write_text(reps[0].render().text, encoding="utf-8")
    page = docgen.build_html(r)
    new = tmp_path / "2023.html"
    new.write_text(page, encoding="utf-8")
    return old, new, page, r


def _on_the_carry_over(d, page, r) -> None:
    """GX701 placed in the HTML source on the changed number of the carry-over row."""
    start = LineIndex(page).offset_at(d.range.start.line, d.range.start.character)
    end = LineIndex(page).offset_at(d.range.end.line, d.range.end.character)
    assert page[start:end] == str(r.t3["r2"]["np"])
    assert "上年结转" in page[page.rfind("<tr", 0, start) : start]  # the row of the carry-over


async def test_this_years_report_open_as_a_web_page_gets_the_carry_over(client, tmp_path):
    """The other way round, the .html open in the editor: its cross-report findings are there, placed
    in the HTML source on the changed cell's number, the related place in last year's .txt."""
    old, new, page, r = _web_page_pair(tmp_path)
    await initialize(client, root_uri=f"file://{tmp_path}", options={"crossReport": True})
    u = uri_of(str(new))
    open_doc(client, u, page, language="html")
    p = await _until(client, u, lambda ds: any(d.code == "GX701" for d in ds))
    (d,) = [d for d in p.diagnostics if d.code == "GX701"]
    assert "自然人列为 3，但 2022 年报告" in d.message
    _on_the_carry_over(d, page, r)
    assert d.related_information[0].location.uri == from_fs_path(str(old))


async def test_a_closed_web_page_s_findings_are_placed_in_its_html_source(client, tmp_path):
    """Workspace diagnostics of a web page that is not open: where the editor will show them when
    it is opened (the HTML source), not in its text view's lines."""
    old, new, page, r = _web_page_pair(tmp_path)
    await initialize(client, root_uri=f"file://{tmp_path}", pull=True, options={"crossReport": True})
    rep = await client.workspace_diagnostic_async(lsp.WorkspaceDiagnosticParams(previous_result_ids=[]))
    by_path = {to_fs_path(i.uri): i for i in rep.items}
    assert set(by_path) == {str(old), str(new)}
    (d,) = [d for d in by_path[str(new)].items if d.code == "GX701"]
    _on_the_carry_over(d, page, r)
    assert d.related_information[0].location.uri == from_fs_path(str(old))


async def test_messages_name_other_reports_relative_to_the_workspace(client, html_last_year):
    folder, _old, new, copy = html_last_year
    await initialize(client, root_uri=f"file://{folder}", options={"crossReport": True})
    u = uri_of(new)
    with open(new, encoding="utf-8") as fh:
        open_doc(client, u, fh.read())
    p = await _until(client, u, lambda ds: any(d.code == "GX703" for d in ds))
    (d,) = [d for d in p.diagnostics if d.code == "GX703"]
    rel = os.path.join("送审稿", "2023.txt")
    assert d.message == f"这份报告与 {rel} 内容完全相同（同一份报告出现了两次）"
    assert str(folder) not in d.message
    (r,) = d.related_information
    assert r.message == f"另一份：{rel}" and r.location.uri == from_fs_path(copy)  # the location stays the file's
