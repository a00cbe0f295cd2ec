"""Last year's report in the workspace, in the editor (gxlint/lsp/hover.py, drafting.py): hovering a
table cell gives last year's value and the change; a code lens above 表三 says how the new
requests changed (与上年相比：新收申请 +37（+40.7%）) and shows last year's cell; GX705 follows an
edit of last year's section 五."""

from __future__ import annotations

import asyncio

import pytest
from lsprotocol import types as lsp
from pygls.uris import to_fs_path

from gxlint import synth
from gxlint.positions import LineIndex

from .conftest import initialize, open_doc, uri_of, wait_diagnostics

pytestmark = pytest.mark.asyncio


@pytest.fixture
def pair(tmp_path):
    reps = synth.series(33, (2022, 2023), organ="青云县司法局")
    out = {}
    for r in reps:
        p = tmp_path / f"{r.organ}{r.year}年政府信息公开工作年度报告.txt"
        x = r.render()
        p.write_text(x.text, encoding="utf-8")
        out[r.year] = (str(p), x, r)
    return tmp_path, out


async def _ready(client, uri, pred=lambda ds: True, timeout=60.0):
    async def loop():
        while True:
            p = await wait_diagnostics(client, uri, timeout=timeout)
            if pred(p.diagnostics):
                return p

    return await asyncio.wait_for(loop(), timeout)


async def _hover(client, uri, x, key):
    span = x.span(*key)
    line, col = LineIndex(x.text).position_in(span.start)
    h = await client.text_document_hover_async(
        lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=line, character=col)
        )
    )
    return h.contents.value if h is not None else ""


async def _until_hover(client, uri, x, key, want, timeout=60.0):
    """The index is built in the background: ask until last year's value is there."""

    async def loop():
        while True:
            md = await _hover(client, uri, x, key)
            if want in md:
                return md
            await asyncio.sleep(0.2)

    return await asyncio.wait_for(loop(), timeout)


async def test_hover_gives_last_years_value_and_the_change(client, pair):
    folder, paths = pair
    p22, x22, r22 = paths[2022]
    p23, x23, r23 = paths[2023]
    await initialize(client, root_uri=f"file://{folder}", options={"crossReport": True})
    u23 = uri_of(p23)
    open_doc(client, u23, x23.text)
    await _ready(client, u23)
    old, new = r22.t3["r1"]["tot"], r23.t3["r1"]["tot"]
    assert old != new and old
    d = new - old
    want = f"上年（2022）：`{old}` → 本年 `{new}`（{'+' if d > 0 else '−'}{abs(d)}，{d / old * 100:+.1f}%）"
    md = await _until_hover(client, u23, x23, ("cell", "t3", "r1", "tot"), "上年（2022）")
    assert want in md
    same = [
        (rid, c)
        for rid in ("r3_1", "r3_7", "r4")
        for c in ("np", "ce", "ri", "sw", "ls", "ot")
        if r22.t3[rid][c] == r23.t3[rid][c]
    ]
    rid, c = same[0]
    md = await _hover(client, u23, x23, ("cell", "t3", rid, c))
    assert f"上年（2022）：`{r22.t3[rid][c]}`，与上年相同" in md


async def test_code_lens_above_table_three_compares_new_requests(client, pair):
    folder, paths = pair
    p22, x22, r22 = paths[2022]
    p23, x23, r23 = paths[2023]
    await initialize(client, root_uri=f"file://{folder}", options={"crossReport": True})
    u23 = uri_of(p23)
    open_doc(client, u23, x23.text)
    await _ready(client, u23)
    await _until_hover(client, u23, x23, ("cell", "t3", "r1", "tot"), "上年（2022）")  # the index is in
    lenses = await client.text_document_code_lens_async(
        lsp.CodeLensParams(text_document=lsp.TextDocumentIdentifier(uri=u23))
    )
    old, new = r22.t3["r1"]["tot"], r23.t3["r1"]["tot"]
    d = new - old
    title = f"与上年相比：新收申请 {'+' if d > 0 else '−'}{abs(d)}（{d / old * 100:+.1f}%）"
    (lens,) = [x for x in lenses if x.command.title.startswith("与上年相比")]
    assert lens.command.title == title
    heading = x23.span("heading", 3)
    assert lens.range.start.line == LineIndex(x23.text).position(x23.text.index("|", heading.end))[0]
    uri, l1, c1 = lens.command.arguments[:3]
    assert to_fs_path(uri) == p22  # not open: its file (percent-encoded URI)
    assert (l1, c1) == LineIndex(x22.text).position_in(x22.span("cell", "t3", "r1", "tot").start)


async def test_gx705_follows_last_years_section_five(client, pair):
    folder, paths = pair
    p22, x22, r22 = paths[2022]
    p23, x23, r23 = paths[2023]
    await initialize(client, root_uri=f"file://{folder}", options={"crossReport": True})
    u22, u23 = uri_of(p22), uri_of(p23)
    open_doc(client, u23, x23.text)
    open_doc(client, u22, x22.text)
    await _ready(client, u23, lambda ds: not [d for d in ds if d.code == "GX705"])
    # last year's 五 made the same as this year's: this year's is now a copy
    five = x22.span("five", 0).start, x22.span("five", 1).end
    text = x22.text[: five[0]] + synth.five_text(r23) + x22.text[five[1] :]
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=u22, version=2),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    p = await _ready(client, u23, lambda ds: bool([d for d in ds if d.code == "GX705"]))
    (d,) = [d for d in p.diagnostics if d.code == "GX705"]
    lines = LineIndex(x23.text)
    assert (d.range.start.line, d.range.start.character) == lines.position_in(x23.span("five", 0).start)
    assert d.severity == lsp.DiagnosticSeverity.Warning
    assert d.related_information[0].location.uri == u22
