"""End-to-end tests of ``gxlint lsp`` through pytest-lsp: a real client talking JSON-RPC on stdio."""

from __future__ import annotations

import asyncio

import pytest
from lsprotocol import types as lsp

from gxlint.engine import lint
from gxlint.fixes import apply_edits, apply_fixes
from gxlint.lsp.options import project_settings
from gxlint.positions import LineIndex

from .conftest import initialize, lsp_keys, open_doc, read, seed_file, uri_of, wait_diagnostics

pytestmark = pytest.mark.asyncio

SEED1 = seed_file("001")


def expected_keys(text: str, path: str | None, enc: str = "utf-16", settings=None) -> list[tuple]:
    """What the engine says, converted the way an LSP client must see it."""
    if settings is None and path is not None:
        settings = project_settings(path)  # the project's config file, as CLI and server read it
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


def engine_diag_at(text: str, path, d: lsp.Diagnostic, enc: str = "utf-16"):
    """The engine's diagnostic that an LSP diagnostic stands for."""
    idx = LineIndex(text)
    start = idx.offset_at(d.range.start.line, d.range.start.character, enc)
    (g,) = [
        x for x in lint(text, path).diagnostics if x.code == d.code and x.span.start == start and x.message == d.message
    ]
    return g


def change_params(uri: str, version: int, edits) -> lsp.DidChangeTextDocumentParams:
    return lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[lsp.TextDocumentContentChangePartial(range=e.range, text=e.new_text) for e in edits],
    )


async def test_open_change_close(client):
    await initialize(client)
    text = read(SEED1)
    uri = uri_of(SEED1)
    open_doc(client, uri, text, version=1)
    pub = await wait_diagnostics(client, uri, 1)
    assert pub.version == 1
    assert lsp_keys(pub.diagnostics) == expected_keys(text, SEED1)
    gx301 = [d for d in pub.diagnostics if d.code == "GX301"]
    assert gx301, "seed 001 has a row whose total is wrong"
    d = gx301[0]
    g = engine_diag_at(text, SEED1, d)
    assert d.source == "gxlint"
    assert d.severity == lsp.DiagnosticSeverity.Error
    assert d.code_description.href == "https://github.com/gxlint/gxlint/blob/main/docs/rules/GX301.md"
    idx = LineIndex(text)
    assert [
        (r.message, r.location.uri, r.location.range.start.line, r.location.range.start.character)
        for r in d.related_information
    ] == [(r.message, uri, *idx.position_in(r.span.start)) for r in g.related]
    assert len(d.related_information) >= 2  # the cells of the sum
    assert d.data["name"] == "row-total-mismatch"
    assert d.data["fix"]["safe"] == g.fix.safe
    assert [e["newText"] for e in d.data["fix"]["edits"]] == [e.new_text for e in g.fix.edits]

    # apply the rule's own fix as an incremental change: the next publish is for version 2 and
    # says what the engine says about the new text
    edits = [
        lsp.TextEdit(
            range=lsp.Range(start=lsp.Position(**e["range"]["start"]), end=lsp.Position(**e["range"]["end"])),
            new_text=e["newText"],
        )
        for e in d.data["fix"]["edits"]
    ]
    new_text = apply_text_edits(text, edits)
    assert new_text == apply_edits(text, g.fix.edits)[0]
    client.text_document_did_change(change_params(uri, 2, edits))
    pub2 = await wait_diagnostics(client, uri)
    assert pub2.version == 2
    assert lsp_keys(pub2.diagnostics) == expected_keys(new_text, SEED1)
    assert len([x for x in pub2.diagnostics if x.code == "GX301"]) < len(gx301)

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
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text.replace("9 |", "7 |"))],
        )
    )
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=3),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text="不是报告")],
        )
    )
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=4),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    pub = await wait_diagnostics(client, uri)
    assert pub.version == 4
    assert lsp_keys(pub.diagnostics) == expected_keys(text, SEED1)
    # nothing else arrives for the superseded versions
    with pytest.raises(asyncio.TimeoutError):
        await wait_diagnostics(client, uri, timeout=0.6)


async def test_configuration_initialization_options_and_change(client):
    from gxlint.config import Settings

    client.set_configuration({"severity": {"GX202": "hint"}}, section="gxlint")
    await initialize(client, options={"lang": "en", "severity": {"GX3": "warning"}})
    text = read(SEED1)
    uri = uri_of(SEED1)
    open_doc(client, uri, text)
    pub = await wait_diagnostics(client, uri, 1)
    # initializationOptions and workspace/configuration merged (the client's configuration wins
    # key by key: its severity table replaces the one of the initialization options)
    want = Settings.from_options(None, lang="en", severity={"GX202": "hint"})
    assert lsp_keys(pub.diagnostics) == expected_keys(text, SEED1, settings=want)
    assert any(d.code == "GX202" for d in pub.diagnostics)
    assert all(d.severity == lsp.DiagnosticSeverity.Hint for d in pub.diagnostics if d.code == "GX202")
    assert any(d.code == "GX301" and d.severity == lsp.DiagnosticSeverity.Error for d in pub.diagnostics)
    assert lsp_keys(pub.diagnostics) != expected_keys(text, SEED1)  # English messages

    client.set_configuration({"ignore": ["GX3"], "lang": "zh"}, section="gxlint")
    client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(settings=None))
    pub2 = await wait_diagnostics(client, uri, 1)
    assert lsp_keys(pub2.diagnostics) == expected_keys(
        text, SEED1, settings=Settings.from_options(None, lang="zh", ignore=["GX3"], severity={"GX3": "warning"})
    )
    assert not any(d.code.startswith("GX3") for d in pub2.diagnostics)
    assert any(d.code == "GX202" for d in pub2.diagnostics)


async def test_code_action_quick_fix_and_fix_all_round_trip(client):
    await initialize(client)
    text = read(SEED1)
    uri = uri_of(SEED1)
    open_doc(client, uri, text)
    pub = await wait_diagnostics(client, uri, 1)
    d = [x for x in pub.diagnostics if x.code == "GX301"][0]
    g = engine_diag_at(text, SEED1, d)
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=d.range,
            context=lsp.CodeActionContext(diagnostics=[d]),
        )
    )
    quick = [
        a
        for a in actions
        if a.kind == lsp.CodeActionKind.QuickFix
        and a.diagnostics[0].code == "GX301"
        and a.diagnostics[0].range == d.range
    ]
    assert len(quick) == 1
    assert quick[0].is_preferred is g.fix.safe  # preferred only when the fix is safe
    assert g.fix.message in quick[0].title
    new_text = apply_text_edits(text, edits_of(quick[0], uri))
    assert new_text == apply_edits(text, g.fix.edits)[0] != text
    # send the edit back as the editor would: that GX301 goes away in the next publish
    client.text_document_did_change(change_params(uri, 2, edits_of(quick[0], uri)))
    pub2 = await wait_diagnostics(client, uri, 2)
    assert lsp_keys(pub2.diagnostics) == expected_keys(new_text, SEED1)
    assert (d.range, d.message) not in [(x.range, x.message) for x in pub2.diagnostics]

    # source.fixAll.gxlint: every safe fix, exactly as `gxlint` applies them
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=lsp.Range(start=lsp.Position(line=0, character=0), end=lsp.Position(line=0, character=0)),
            context=lsp.CodeActionContext(diagnostics=[], only=["source.fixAll.gxlint"]),
        )
    )
    assert [a.kind for a in actions] == ["source.fixAll.gxlint"]
    (tde,) = actions[0].edit.document_changes
    assert tde.text_document.version == 2
    fixed = apply_text_edits(new_text, tde.edits)
    assert fixed == apply_fixes(new_text, lint(new_text, SEED1).diagnostics)[0] != new_text
    # only=quickfix does not offer the source action, and vice versa
    qa = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=lsp.Range(start=lsp.Position(line=0, character=0), end=lsp.Position(line=400, character=0)),
            context=lsp.CodeActionContext(diagnostics=[], only=[lsp.CodeActionKind.QuickFix]),
        )
    )
    assert qa and all(a.kind == lsp.CodeActionKind.QuickFix for a in qa)


async def test_hover_cell_total_and_rule_docs(client):
    await initialize(client)
    text = read(SEED1)
    uri = uri_of(SEED1)
    open_doc(client, uri, text)
    pub = await wait_diagnostics(client, uri, 1)
    lines = text.split("\n")
    assert lines[97] == "9 |" and lines[102] == "0 | |"
    # the 商业企业 cell of （一）予以公开 (line 98 of the file): the row identity, with the numbers
    h = await client.text_document_hover_async(
        lsp.HoverParams(text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=97, character=0))
    )
    assert h is not None and h.contents.kind == lsp.MarkupKind.Markdown
    v = h.contents.value
    assert "商业企业" in v and "`9`" in v
    assert "✗ （一）予以公开（GX301）：`总计 = 0 + 9 + 0 + 0 + 0 + 0 = 9，表中为 0`" in v
    # the total of that row takes part in the same identity
    h1 = await client.text_document_hover_async(
        lsp.HoverParams(text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=102, character=0))
    )
    assert "**表三 · （一）予以公开 · 总计** = `0`" in h1.contents.value.replace("(一)", "（一）")
    assert "总计 = 0 + 9 + 0 + 0 + 0 + 0 = 9，表中为 0" in h1.contents.value
    # the （七）总计 商业企业 cell: the column identity
    h3 = await client.text_document_hover_async(
        lsp.HoverParams(text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=252, character=0))
    )
    assert "商业企业列（GX302）：`（七）总计 = 9 + 0" in h3.contents.value
    # a diagnostic under the cursor: its message, its related cells, the rule's docs and link
    d = [x for x in pub.diagnostics if x.code == "GX301"][0]
    g = engine_diag_at(text, SEED1, d)
    h2 = await client.text_document_hover_async(
        lsp.HoverParams(text_document=lsp.TextDocumentIdentifier(uri=uri), position=d.range.start)
    )
    v2 = h2.contents.value
    assert f"**GX301 row-total-mismatch** — {d.message}" in v2
    assert all(f"- {r.message}" in v2 for r in g.related)
    assert "## 检查内容" in v2 and "## 为什么" in v2 and "## 示例" not in v2
    assert "(https://github.com/gxlint/gxlint/blob/main/docs/rules/GX301.md)" in v2
    # the title line: no cell, no diagnostic, nothing to say
    h4 = await client.text_document_hover_async(
        lsp.HoverParams(text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=0, character=0))
    )
    assert h4 is None or "GX" in h4.contents.value


async def test_pull_diagnostics(client):
    result = await initialize(client, pull=True)
    assert result.capabilities.diagnostic_provider is not None
    text = read(SEED1)
    uri = uri_of(SEED1)
    open_doc(client, uri, text)
    rep = await client.text_document_diagnostic_async(
        lsp.DocumentDiagnosticParams(text_document=lsp.TextDocumentIdentifier(uri=uri))
    )
    assert rep.kind == "full"
    assert lsp_keys(rep.items) == expected_keys(text, SEED1)
    again = await client.text_document_diagnostic_async(
        lsp.DocumentDiagnosticParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), previous_result_id=rep.result_id
        )
    )
    assert again.kind == "unchanged" and again.result_id == rep.result_id
    d = [x for x in rep.items if x.code == "GX301"][0]
    edits = [
        lsp.TextEdit(
            range=lsp.Range(start=lsp.Position(**e["range"]["start"]), end=lsp.Position(**e["range"]["end"])),
            new_text=e["newText"],
        )
        for e in d.data["fix"]["edits"]
    ]
    client.text_document_did_change(change_params(uri, 2, edits))
    rep2 = await client.text_document_diagnostic_async(
        lsp.DocumentDiagnosticParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), previous_result_id=rep.result_id
        )
    )
    assert rep2.kind == "full" and rep2.result_id != rep.result_id
    assert lsp_keys(rep2.items) == expected_keys(apply_text_edits(text, edits), SEED1)
    # pull mode: nothing is pushed.  The server's own lint of version 2 (the one that would push)
    # ended before the pull was answered, and the server answers a request sent now after anything
    # it sent then (one ordered stream): no publish before this answer is none at all
    h = await client.text_document_hover_async(
        lsp.HoverParams(text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=97, character=0))
    )
    assert h is not None
    assert client.published == [] and uri not in client.diagnostics


ASTRAL_ROW = "三、本年度办理结果𠀀😀 | (一)予以公开 | 0 | 9 | 0 | 0 | 0 | 0 | 0 | |"
TOTAL_AT = 48  # code-point column of the 总计 cell (the last "0") on that row


def _astral_report() -> tuple[str, int]:
    """Seed 000 with 𠀀 (outside the BMP) and an emoji before a GX301 defect on the same line."""
    text = read(seed_file("000"))
    lines = text.split("\n")
    assert lines[33].startswith("三、本年度办理结果 | (一)予以公开 | 0 | 0 |")
    lines[33] = ASTRAL_ROW
    assert ASTRAL_ROW[TOTAL_AT] == "0" and ASTRAL_ROW[TOTAL_AT + 1 :] == " | |"
    return "\n".join(lines), 33


def _column(enc: str) -> int:
    prefix = ASTRAL_ROW[:TOTAL_AT]
    if enc == "utf-32":
        return len(prefix)
    if enc == "utf-8":
        return len(prefix.encode("utf-8"))
    return len(prefix.encode("utf-16-le")) // 2


@pytest.mark.parametrize(
    "offered,negotiated",
    [
        (None, "utf-16"),  # 𠀀 and 😀 are two UTF-16 code units each
        (["utf-32", "utf-16"], "utf-32"),
        (["utf-8"], "utf-8"),
    ],
)
async def test_position_encodings_with_astral_characters(client, offered, negotiated):
    result = await initialize(client, encodings=offered)
    assert (result.capabilities.position_encoding or "utf-16") == negotiated
    text, line = _astral_report()
    uri = "untitled:astral-report.txt"
    open_doc(client, uri, text)
    pub = await wait_diagnostics(client, uri, 1)
    assert lsp_keys(pub.diagnostics) == expected_keys(text, None, negotiated)
    # the engine's defects on the astral line, in code points, converted independently here
    idx = LineIndex(text)
    on_line = [g for g in lint(text, None).diagnostics if idx.line_of(g.span.start) == line]
    after = [g for g in on_line if g.span.start - idx.line_start(line) > ASTRAL_ROW.index("😀")]
    assert after, "a defect after 𠀀 and 😀 on the same line"
    g = after[0]
    cp = g.span.start - idx.line_start(line)
    prefix = ASTRAL_ROW[:cp]
    column = {"utf-16": len(prefix.encode("utf-16-le")) // 2, "utf-32": cp, "utf-8": len(prefix.encode("utf-8"))}[
        negotiated
    ]
    if negotiated == "utf-16":
        assert column == cp + 2
    (d,) = [x for x in pub.diagnostics if x.code == g.code and x.message == g.message]
    assert (d.range.start.line, d.range.start.character) == (line, column)
    # and back: a hover at that column finds it, an edit there changes the right character
    h = await client.text_document_hover_async(
        lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=line, character=column)
        )
    )
    assert g.code in h.contents.value
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[lsp.TextDocumentContentChangePartial(range=d.range, text="#")],
        )
    )
    pub2 = await wait_diagnostics(client, uri, 2)
    fixed = text[: g.span.start] + "#" + text[g.span.end :]
    assert lsp_keys(pub2.diagnostics) == expected_keys(fixed, None, negotiated)


async def test_hover_prose_number(client):
    await initialize(client)
    path = seed_file("002")
    text = read(path)
    uri = uri_of(path)
    open_doc(client, uri, text)
    await wait_diagnostics(client, uri, 1)
    at = text.index("162件")
    idx = LineIndex(text)
    line, col = idx.position_in(at)
    h = await client.text_document_hover_async(
        lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=line, character=col + 1)
        )
    )
    v = h.contents.value
    assert "`162件`" in v
    assert "✓ 表中：" in v and "总计 159 + " in v and "总计 3 = 162，正文为 162" in v
    # the text now says 163: the same hover shows the arithmetic that fails, and the diagnostic
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                lsp.TextDocumentContentChangePartial(
                    range=lsp.Range(
                        start=lsp.Position(line=line, character=col + 2), end=lsp.Position(line=line, character=col + 3)
                    ),
                    text="3",
                )
            ],
        )
    )
    pub = await wait_diagnostics(client, uri, 2)
    new_text = text[: at + 2] + "3" + text[at + 3 :]
    assert lsp_keys(pub.diagnostics) == expected_keys(new_text, path)
    h2 = await client.text_document_hover_async(
        lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=line, character=col + 1)
        )
    )
    v2 = h2.contents.value
    assert "`163件`" in v2 and "✗ 表中：" in v2 and "= 162，正文为 163" in v2
    on_claim = [
        d
        for d in pub.diagnostics
        if d.range.start.line == line and d.range.start.character <= col + 1 <= d.range.end.character
    ]
    assert on_claim and all(f"**{d.code} " in v2 for d in on_claim)


async def test_pull_mode_configuration_change_refreshes(client):
    await initialize(client, pull=True)
    text = read(SEED1)
    uri = uri_of(SEED1)
    open_doc(client, uri, text)
    rep = await client.text_document_diagnostic_async(
        lsp.DocumentDiagnosticParams(text_document=lsp.TextDocumentIdentifier(uri=uri))
    )
    assert any(d.code.startswith("GX3") for d in rep.items)
    client.set_configuration({"ignore": "GX3"}, section="gxlint")
    client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(settings=None))
    for _ in range(100):
        if client.diagnostic_refresh_count:
            break
        await asyncio.sleep(0.05)
    assert client.diagnostic_refresh_count >= 1  # the client is asked to pull again
    rep2 = await client.text_document_diagnostic_async(
        lsp.DocumentDiagnosticParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), previous_result_id=rep.result_id
        )
    )
    assert rep2.kind == "full" and not any(d.code.startswith("GX3") for d in rep2.items)


async def test_large_documents_are_linted_in_a_child_process_with_the_same_result(client):
    # every document counts as "large" here: the child-process path must agree with the engine
    await initialize(client, options={"largeDocumentBytes": 1000})
    text = read(SEED1)
    uri = uri_of(SEED1)
    open_doc(client, uri, text)
    pub = await wait_diagnostics(client, uri, 1)
    assert lsp_keys(pub.diagnostics) == expected_keys(text, SEED1)
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=lsp.Range(start=lsp.Position(line=0, character=0), end=lsp.Position(line=0, character=0)),
            context=lsp.CodeActionContext(diagnostics=[], only=["source.fixAll.gxlint"]),
        )
    )
    (tde,) = actions[0].edit.document_changes
    assert apply_text_edits(text, tde.edits) == apply_fixes(text, lint(text, SEED1).diagnostics)[0]
