"""End-to-end tests of ``gxlint lsp`` through pytest-lsp: a real client talking JSON-RPC on stdio."""
from __future__ import annotations

import asyncio
import os

import pytest
from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException

from gxlint.engine import lint
from gxlint.fixes import apply_edits, apply_fixes
from gxlint.positions import LineIndex

from .conftest import (ROOT, SEEDS, initialize, lsp_keys, open_doc, read, seed_file, uri_of,
                       wait_diagnostics)

pytestmark = pytest.mark.asyncio

SEED1 = seed_file("001")


def expected_keys(text: str, path: str | None, enc: str = "utf-16", settings=None) -> list[tuple]:
    """What the engine says, converted the way an LSP client must see it."""
    res = lint(text, path, settings)
    idx = LineIndex(text)
    out = []
    for d in res.diagnostics:
        a = idx.position_in(d.span.start, enc)
        b = idx.position_in(d.span.end, enc)
        out.append((d.code, a[0], a[1], b[0], b[1], d.message))
    return sorted(out)


def apply_text_edits(text: str, edits, enc: str = "utf-16") -> str:
    """Apply LSP TextEdits the way a client does (all ranges refer to the original text)."""
    idx = LineIndex(text)
    spans = []
    for e in edits:
        a = idx.offset_at(e.range.start.line, e.range.start.character, enc)
        b = idx.offset_at(e.range.end.line, e.range.end.character, enc)
        spans.append((a, b, e.new_text))
    for a, b, new in sorted(spans, reverse=True):
        text = text[:a] + new + text[b:]
    return text


def edits_of(action: lsp.CodeAction, uri: str):
    we = action.edit
    if we.document_changes:
        (tde,) = we.document_changes
        assert tde.text_document.uri == uri
        return tde.edits
    return we.changes[uri]


def cell_range(text: str, start: int, end: int, enc: str = "utf-16") -> lsp.Range:
    idx = LineIndex(text)
    a, b = idx.position_in(start, enc), idx.position_in(end, enc)
    return lsp.Range(start=lsp.Position(line=a[0], character=a[1]), end=lsp.Position(line=b[0], character=b[1]))


def gx301_on(diags, line: int):
    return [d for d in diags if d.code == "GX301" and d.range.start.line == line]


async def test_open_change_close(client):
    await initialize(client)
    text = read(SEED1)
    uri = uri_of(SEED1)
    open_doc(client, uri, text, version=1)
    pub = await wait_diagnostics(client, uri, 1)
    assert lsp_keys(pub.diagnostics) == expected_keys(text, SEED1)
    # the 予以公开 row: 商业企业 9, 总计 0 — reported at the 总计 cell (line 103 of the file)
    (d,) = gx301_on(pub.diagnostics, 102)
    assert d.source == "gxlint"
    assert d.severity == lsp.DiagnosticSeverity.Error
    assert d.code_description.href.endswith("/docs/rules/GX301.md")
    assert d.code_description.href.startswith("https://")
    assert any(r.message == "商业企业：9" and r.location.range.start.line == 97 for r in d.related_information)
    assert d.data["fix"]["safe"] is False
    assert d.data["fix"]["edits"][0]["newText"] == "9"

    # fix the cell: an incremental change on line 103, column 0
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[lsp.TextDocumentContentChangePartial(
            range=lsp.Range(start=lsp.Position(line=102, character=0), end=lsp.Position(line=102, character=1)),
            text="9")]))
    pub2 = await wait_diagnostics(client, uri)
    assert pub2.version == 2
    new_text = text.splitlines(True)
    new_text[102] = "9" + new_text[102][1:]
    new_text = "".join(new_text)
    assert not gx301_on(pub2.diagnostics, 102)
    assert lsp_keys(pub2.diagnostics) == expected_keys(new_text, SEED1)

    client.text_document_did_close(lsp.DidCloseTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=uri)))
    pub3 = await wait_diagnostics(client, uri)
    assert list(pub3.diagnostics) == []


async def test_whole_document_changes_and_stale_versions(client):
    await initialize(client, options={"debounceMs": 150})
    text = read(SEED1)
    uri = uri_of(SEED1)
    open_doc(client, uri, "", version=1)
    await wait_diagnostics(client, uri, 1)
    # three quick whole-document replacements: only the last one is linted and published
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text.replace("9 |", "7 |"))]))
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=3),
        content_changes=[lsp.TextDocumentContentChangeWholeDocument(text="不是报告")]))
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=4),
        content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)]))
    pub = await wait_diagnostics(client, uri)
    assert pub.version == 4
    assert lsp_keys(pub.diagnostics) == expected_keys(text, SEED1)
    # nothing else arrives for the superseded versions
    with pytest.raises(asyncio.TimeoutError):
        await wait_diagnostics(client, uri, timeout=0.6)


async def test_configuration_initialization_options_and_change(client):
    client.set_configuration({"severity": {"GX202": "hint"}}, section="gxlint")
    await initialize(client, options={"lang": "en"})
    text = read(SEED1)
    uri = uri_of(SEED1)
    open_doc(client, uri, text)
    pub = await wait_diagnostics(client, uri, 1)
    codes = {d.code for d in pub.diagnostics}
    assert "GX301" in codes and "GX202" in codes
    gx202 = [d for d in pub.diagnostics if d.code == "GX202"]
    assert all(d.severity == lsp.DiagnosticSeverity.Hint for d in gx202)
    (d,) = gx301_on(pub.diagnostics, 102)
    assert "the applicant columns add up to 9" in d.message      # lang=en from initializationOptions

    client.set_configuration({"ignore": ["GX3"], "lang": "zh"}, section="gxlint")
    client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(settings=None))
    pub2 = await wait_diagnostics(client, uri, 1)
    codes2 = {d.code for d in pub2.diagnostics}
    assert not any(c.startswith("GX3") for c in codes2)
    assert "GX202" in codes2
    assert all("不一致" in d.message for d in pub2.diagnostics if d.code == "GX202")   # lang back to zh


async def test_code_action_quick_fix_and_fix_all_round_trip(client):
    await initialize(client)
    text = read(SEED1)
    uri = uri_of(SEED1)
    open_doc(client, uri, text)
    pub = await wait_diagnostics(client, uri, 1)
    (d,) = gx301_on(pub.diagnostics, 102)
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), range=d.range,
        context=lsp.CodeActionContext(diagnostics=[d])))
    quick = [a for a in actions if a.kind == lsp.CodeActionKind.QuickFix and a.diagnostics[0].code == "GX301"]
    assert len(quick) == 1
    assert quick[0].is_preferred is False             # changing a total is not a safe fix
    assert "9" in quick[0].title
    new_text = apply_text_edits(text, edits_of(quick[0], uri))
    res = lint(text, SEED1)
    (g,) = [x for x in res.diagnostics if x.code == "GX301" and x.span.start == LineIndex(text).offset_at(102, 0)]
    assert new_text == apply_edits(text, g.fix.edits)[0]
    assert new_text.splitlines()[102] == "9 | |"
    # send the edit back as the editor would: the GX301 goes away in the next publish
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[lsp.TextDocumentContentChangePartial(range=e.range, text=e.new_text)
                         for e in edits_of(quick[0], uri)]))
    pub2 = await wait_diagnostics(client, uri, 2)
    assert not gx301_on(pub2.diagnostics, 102)

    # source.fixAll.gxlint: every safe fix, exactly as `gxlint` applies them
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri),
        range=lsp.Range(start=lsp.Position(line=0, character=0), end=lsp.Position(line=0, character=0)),
        context=lsp.CodeActionContext(diagnostics=[], only=["source.fixAll.gxlint"])))
    assert [a.kind for a in actions] == ["source.fixAll.gxlint"]
    (tde,) = actions[0].edit.document_changes
    assert tde.text_document.version == 2
    fixed = apply_text_edits(new_text, tde.edits)
    assert fixed == apply_fixes(new_text, lint(new_text, SEED1).diagnostics)[0]
    assert fixed.splitlines()[257].startswith("0 |")     # the `00` of GX205


async def test_hover_cell_total_and_rule_docs(client):
    await initialize(client)
    text = read(SEED1)
    uri = uri_of(SEED1)
    open_doc(client, uri, text)
    await wait_diagnostics(client, uri, 1)
    # the 商业企业 cell of （一）予以公开 (line 98: "9 |")
    h = await client.text_document_hover_async(lsp.HoverParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=97, character=0)))
    assert h is not None and h.contents.kind == lsp.MarkupKind.Markdown
    v = h.contents.value
    assert "商业企业" in v and "`9`" in v
    assert "总计 = 0 + 9 + 0 + 0 + 0 + 0 = 9，表中为 0" in v and "✗" in v
    # the 总计 cell carries the diagnostic: the identity, the message, the related cells, the docs
    h2 = await client.text_document_hover_async(lsp.HoverParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=102, character=0)))
    v2 = h2.contents.value
    assert "GX301 row-total-mismatch" in v2
    assert "各申请人列之和为 9，总计列为 0" in v2
    assert "- 商业企业：9" in v2
    assert "## 检查内容" in v2 and "## 示例" not in v2
    assert "GX301.md" in v2
    # the （七）总计 商业企业 cell (GX302): the column identity
    h3 = await client.text_document_hover_async(lsp.HoverParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=252, character=0)))
    assert "（七）总计 = 9 + 0" in h3.contents.value
    # prose far from any cell or diagnostic: nothing
    h4 = await client.text_document_hover_async(lsp.HoverParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=0, character=0)))
    assert h4 is None


async def test_pull_diagnostics(client):
    result = await initialize(client, pull=True)
    assert result.capabilities.diagnostic_provider is not None
    text = read(SEED1)
    uri = uri_of(SEED1)
    open_doc(client, uri, text)
    rep = await client.text_document_diagnostic_async(lsp.DocumentDiagnosticParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri)))
    assert rep.kind == "full"
    assert lsp_keys(rep.items) == expected_keys(text, SEED1)
    again = await client.text_document_diagnostic_async(lsp.DocumentDiagnosticParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), previous_result_id=rep.result_id))
    assert again.kind == "unchanged" and again.result_id == rep.result_id
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[lsp.TextDocumentContentChangePartial(
            range=lsp.Range(start=lsp.Position(line=102, character=0), end=lsp.Position(line=102, character=1)),
            text="9")]))
    rep2 = await client.text_document_diagnostic_async(lsp.DocumentDiagnosticParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), previous_result_id=rep.result_id))
    assert rep2.kind == "full" and rep2.result_id != rep.result_id
    assert not gx301_on(rep2.items, 102)
    # pull mode: nothing is pushed
    assert uri not in client.diagnostics


ASTRAL_ROW = "三、本年度办理结果𠀀😀 | (一)予以公开 | 0 | 9 | 0 | 0 | 0 | 0 | 0 | |"
TOTAL_AT = 48     # code-point column of the 总计 cell (the last "0") on that row


def _astral_report() -> tuple[str, int]:
    """Seed 000 with 𠀀 (outside the BMP) and an emoji before a GX301 defect on the same line."""
    text = read(seed_file("000"))
    lines = text.split("\n")
    assert lines[33].startswith("三、本年度办理结果 | (一)予以公开 | 0 | 0 |")
    lines[33] = ASTRAL_ROW
    assert ASTRAL_ROW[TOTAL_AT] == "0" and ASTRAL_ROW[TOTAL_AT + 1:] == " | |"
    return "\n".join(lines), 33


def _column(enc: str) -> int:
    prefix = ASTRAL_ROW[:TOTAL_AT]
    if enc == "utf-32":
        return len(prefix)
    if enc == "utf-8":
        return len(prefix.encode("utf-8"))
    return len(prefix.encode("utf-16-le")) // 2


@pytest.mark.parametrize("offered,negotiated", [
    (None, "utf-16"),                      # 𠀀 and 😀 are two UTF-16 code units each
    (["utf-32", "utf-16"], "utf-32"),
    (["utf-8"], "utf-8"),
])
async def test_position_encodings_with_astral_characters(client, offered, negotiated):
    result = await initialize(client, encodings=offered)
    assert (result.capabilities.position_encoding or "utf-16") == negotiated
    text, line = _astral_report()
    column = _column(negotiated)
    assert column == {"utf-16": 50, "utf-32": 48, "utf-8": len(ASTRAL_ROW[:TOTAL_AT].encode())}[negotiated]
    uri = "untitled:astral-report.txt"
    open_doc(client, uri, text)
    pub = await wait_diagnostics(client, uri, 1)
    assert lsp_keys(pub.diagnostics) == expected_keys(text, None, negotiated)
    (d,) = gx301_on(pub.diagnostics, line)
    assert d.range.start.character == column and d.range.end.character == column + 1
    # and back: a hover at that column finds the cell, an edit there changes the right character
    h = await client.text_document_hover_async(lsp.HoverParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=line, character=column)))
    assert "GX301" in h.contents.value
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[lsp.TextDocumentContentChangePartial(range=d.range, text="9")]))
    pub2 = await wait_diagnostics(client, uri, 2)
    assert not gx301_on(pub2.diagnostics, line)
    fixed = text.split("\n")
    fixed[line] = ASTRAL_ROW[:TOTAL_AT] + "9" + ASTRAL_ROW[TOTAL_AT + 1:]
    assert lsp_keys(pub2.diagnostics) == expected_keys("\n".join(fixed), None, negotiated)
