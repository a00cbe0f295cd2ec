"""The language server reads the workspace's reports together (gxlint/lsp/workspace.py): an open
report gets the cross-report findings (GX7) and they follow edits of either file; workspace
diagnostics list reports that are not open."""

from __future__ import annotations

import asyncio

import pytest
from lsprotocol import types as lsp
from pygls.uris import from_fs_path, to_fs_path

from gxlint import synth
from gxlint.lsp.workspace import ORGAN_DELAY_S

from .conftest import initialize, open_doc, uri_of, wait_diagnostics

pytestmark = pytest.mark.asyncio


@pytest.fixture
def organ_folder(tmp_path, monkeypatch):
    """Three consecutive years of one organ; 2023's report is not going to be opened."""
    reps = synth.series(31, (2021, 2022, 2023))
    paths = {}
    for r in reps:
        p = tmp_path / f"{r.organ}{r.year}年政府信息公开工作年度报告.txt"
        x = r.render()
        p.write_text(x.text, encoding="utf-8")
        paths[r.year] = (str(p), x, r)
    return tmp_path, paths


def _edit(uri, version, rendered, key, new):
    span = rendered.span(*key)
    from gxlint.positions import LineIndex

    idx = LineIndex(rendered.text)
    a, b = idx.position_in(span.start), idx.position_in(span.end)
    return lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[
            lsp.TextDocumentContentChangePartial(
                range=lsp.Range(
                    start=lsp.Position(line=a[0], character=a[1]), end=lsp.Position(line=b[0], character=b[1])
                ),
                text=new,
            )
        ],
    )


async def _until(client, uri, pred, timeout=60.0):
    """The first publish for uri, from the client's log in order, whose diagnostics satisfy pred."""

    async def loop():
        while True:
            p = await wait_diagnostics(client, uri, timeout=timeout)
            if pred(p.diagnostics):
                return p

    return await asyncio.wait_for(loop(), timeout)


def gx701(diags):
    return [d for d in diags if d.code == "GX701"]


async def test_editing_last_years_carry_over_updates_this_years_report(client, organ_folder, monkeypatch):
    folder, paths = organ_folder
    await initialize(client, root_uri=f"file://{folder}", options={"crossReport": True})
    p21, x21, r21 = paths[2021]
    p22, x22, r22 = paths[2022]
    u21, u22 = uri_of(p21), uri_of(p22)
    open_doc(client, u21, x21.text)
    open_doc(client, u22, x22.text)
    # (no "consistent: no GX701" here: the first publishes come before the workspace index exists,
    # and say nothing about it; the absence is proven at the end, once GX701 has shown the index)
    old = r21.t3["r4"]["np"]
    client.text_document_did_change(_edit(u21, 2, x21, ("cell", "t3", "r4", "np"), str(old + 5)))
    p = await _until(client, u22, lambda ds: bool(gx701(ds)))
    (d,) = gx701(p.diagnostics)
    span = x22.span("cell", "t3", "r2", "np")
    from gxlint.positions import LineIndex

    a = LineIndex(x22.text).position_in(span.start)
    assert (d.range.start.line, d.range.start.character) == a
    (rel,) = d.related_information
    assert rel.location.uri == u21
    b = LineIndex(x21.text).position_in(x21.span("cell", "t3", "r4", "np").start)
    assert (rel.location.range.start.line, rel.location.range.start.character) == b
    # and back: the finding goes away when last year's cell is restored (a publish without GX701
    # after one with it: made from the index, with last year's restored entry)
    client.text_document_did_change(
        _edit(u21, 3, x21, ("cell", "t3", "r4", "np"), str(old)).__class__(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=u21, version=3),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=x21.text)],
        )
    )
    await _until(client, u22, lambda ds: not gx701(ds))


async def test_workspace_diagnostics_list_a_closed_report(client, organ_folder):
    folder, paths = organ_folder
    p22, x22, r22 = paths[2022]
    p23, x23, r23 = paths[2023]
    # 2023's report on disk disagrees with 2022's carry-over (自然人 +4), and is never opened
    text = x23.text
    span = x23.span("cell", "t3", "r2", "np")
    text = text[: span.start] + str(r23.t3["r2"]["np"] + 4) + text[span.end :]
    with open(p23, "w", encoding="utf-8") as fh:
        fh.write(text)
    await initialize(client, root_uri=f"file://{folder}", pull=True, options={"crossReport": True})
    open_doc(client, uri_of(p22), x22.text)
    rep = await client.workspace_diagnostic_async(lsp.WorkspaceDiagnosticParams(previous_result_ids=[]))
    by_path = {to_fs_path(i.uri): i for i in rep.items}  # closed files: percent-encoded file URIs
    assert set(by_path) == {p for p, _x, _r in paths.values()}
    closed = by_path[p23]
    assert closed.kind == "full" and closed.version is None
    (d,) = gx701(closed.items)
    assert d.range.start.character == span.start - text.rfind("\n", 0, span.start) - 1
    assert d.related_information[0].location.uri == uri_of(p22)  # open: the URI the editor gave
    assert by_path[p22].kind == "full" and by_path[p22].version == 1 and not gx701(by_path[p22].items)


async def test_publish_closed_files_setting_pushes_a_closed_reports_findings(client, organ_folder):
    folder, paths = organ_folder
    p22, x22, r22 = paths[2022]
    p23, x23, r23 = paths[2023]
    text = x23.text
    span = x23.span("cell", "t3", "r2", "np")
    with open(p23, "w", encoding="utf-8") as fh:
        fh.write(text[: span.start] + str(r23.t3["r2"]["np"] + 1) + text[span.end :])
    await initialize(client, root_uri=f"file://{folder}", options={"crossReport": True, "publishClosedFiles": True})
    open_doc(client, uri_of(p22), x22.text)

    p = await _until(client, from_fs_path(p23), lambda ds: bool(gx701(ds)))  # percent-encoded
    assert [d.range.start.line for d in gx701(p.diagnostics)] == [x23.text[: span.start].count("\n")]


async def _pull(client, uri):
    return await client.text_document_diagnostic_async(
        lsp.DocumentDiagnosticParams(text_document=lsp.TextDocumentIdentifier(uri=uri))
    )


async def test_refresh_only_when_a_fact_other_reports_depend_on_changes(client, organ_folder):
    """Typing in a report does not make the editor pull every document again: the server asks for
    a refresh (workspace/diagnostic/refresh) only when a fact another report of the same organ
    depends on changes (a cell value), not when text typed above a table moves it."""
    folder, paths = organ_folder
    await initialize(client, root_uri=f"file://{folder}", pull=True, options={"crossReport": True})
    p21, x21, r21 = paths[2021]
    u21 = uri_of(p21)
    open_doc(client, u21, x21.text)
    await _pull(client, u21)
    # the index is built in the background and asks for one refresh when it is ready
    await asyncio.wait_for(_wait_for(lambda: client.diagnostic_refresh_count), 60)
    await _pull(client, u21)
    n = client.diagnostic_refresh_count
    # a line of prose typed at the start of the report: every cell moves, no value changes
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=u21, version=2),
            content_changes=[
                lsp.TextDocumentContentChangePartial(
                    range=lsp.Range(start=lsp.Position(line=1, character=0), end=lsp.Position(line=1, character=0)),
                    text="今年我们认真做好了各项工作。\n",
                )
            ],
        )
    )
    await _pull(client, u21)
    await asyncio.sleep(ORGAN_DELAY_S + 0.6)  # (the refresh waits for typing to pause: none came)
    assert client.diagnostic_refresh_count == n
    # a cell the next year's report carries over changes: the others are asked for again
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=u21, version=3),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=x21.text)],
        )
    )
    await _pull(client, u21)
    span = x21.span("cell", "t3", "r4", "np")
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=u21, version=4),
            content_changes=[
                lsp.TextDocumentContentChangeWholeDocument(
                    text=x21.text[: span.start] + str(r21.t3["r4"]["np"] + 5) + x21.text[span.end :]
                )
            ],
        )
    )
    await _pull(client, u21)
    # once typing pauses (ORGAN_DELAY_S): not at each keystroke
    await asyncio.wait_for(_wait_for(lambda: client.diagnostic_refresh_count > n), 30)
    await asyncio.sleep(ORGAN_DELAY_S + 0.6)
    assert client.diagnostic_refresh_count == n + 1


async def _wait_for(pred):
    while not pred():
        await asyncio.sleep(0.05)
