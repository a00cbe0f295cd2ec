"""Documents above the large-document threshold (``largeDocumentBytes``: linted in a child process,
:mod:`gxlint.lsp.worker`) keep their drafting aids: the child sends the model back, and inlay hints,
code lenses, the outline, folding and the arithmetic hover read it as they read a thread's lint
(issue 26 item 8)."""

from __future__ import annotations

import asyncio

import pytest
from lsprotocol import types as lsp

from .conftest import initialize, open_doc, read, seed_file, uri_of, wait_diagnostics

SEED1 = seed_file("001")


def _whole(text: str) -> lsp.Range:
    return lsp.Range(lsp.Position(0, 0), lsp.Position(text.count("\n") + 1, 0))


async def _aids(client, uri: str, text: str) -> dict:
    doc = lsp.TextDocumentIdentifier(uri=uri)
    hints = await client.text_document_inlay_hint_async(lsp.InlayHintParams(text_document=doc, range=_whole(text)))
    lenses = await client.text_document_code_lens_async(lsp.CodeLensParams(text_document=doc))
    syms = await client.text_document_document_symbol_async(lsp.DocumentSymbolParams(text_document=doc))
    folds = await client.text_document_folding_range_async(lsp.FoldingRangeParams(text_document=doc))
    lines = text.split("\n")
    row = next(i for i, l in enumerate(lines) if "予以公开" in l)
    nine = next(i for i in range(row, row + 9) if lines[i].startswith("9"))
    hover = await client.text_document_hover_async(
        lsp.HoverParams(text_document=doc, position=lsp.Position(line=nine, character=0))
    )
    return {
        "hints": [(h.position.line, h.position.character, h.label) for h in hints or []],
        "lenses": [(c.range.start.line, c.command.title) for c in lenses or []],
        "symbols": [(s.name, s.range.start.line, s.range.end.line, len(s.children or [])) for s in syms or []],
        "folds": sorted((f.start_line, f.end_line) for f in folds or []),
        "hover": hover.contents.value if hover else None,
    }


@pytest.mark.asyncio
@pytest.mark.parametrize("threshold", [None, 1000])
async def test_drafting_aids_above_the_large_document_threshold(client, threshold):
    """With ``largeDocumentBytes`` 1000 seed 001 is linted in a child process; its aids are the
    ones a thread's lint gives (the first parameter), the hover's arithmetic included."""
    opts = {"largeDocumentBytes": threshold} if threshold else {}
    await initialize(client, options=opts)
    text = read(SEED1)
    uri = uri_of(SEED1)
    open_doc(client, uri, text)
    await wait_diagnostics(client, uri, 1)
    aids = await _aids(client, uri, text)
    assert aids["hints"] and any(label == "≠ 9" for _l, _c, label in aids["hints"])
    assert [t for _l, t in aids["lenses"]] and all("勾稽关系" in t for _l, t in aids["lenses"])
    assert [n[:2] for n, *_ in aids["symbols"]] == ["一、", "二、", "三、", "四、", "五、", "六、"]
    assert aids["folds"]
    assert aids["hover"] and "0 + 9 + 0 + 0 + 0 + 0 = 9" in aids["hover"]
    if threshold:
        # the same as in a thread: the expectations of the first parameter, made again here
        from gxlint.engine import lint
        from gxlint.lsp.drafting import document_symbols, inlay_hints

        doc = lint(text, SEED1).doc
        want = inlay_hints(doc, doc.lines, "utf-16", 0, len(text))
        assert aids["hints"] == [(h.position.line, h.position.character, h.label) for h in want]
        assert [s[0] for s in aids["symbols"]] == [s.name for s in document_symbols(doc, doc.lines, "utf-16")]


# --- the early answer of a large document (gxlint.lsp.partial) ------------------------------


def _keys(diags) -> set:
    return {(d.code, d.span.start, d.span.end, d.message) for d in diags}


def _carry(text: str, edits: list[tuple[int, int, str]]):
    """(previous findings, the early answer, the full answer of the edited text, the edited text)."""
    from gxlint.engine import lint
    from gxlint.lsp.partial import carry

    res = lint(text, SEED1)
    tables = [t.span for t in res.doc.tables.values() if t.span is not None]
    recs, new = [], text
    for a, b, s in edits:
        new = new[:a] + s + new[b:]
        recs.append((a, b, len(s)))
    return res.diagnostics, carry(res.diagnostics, tables, recs, new), lint(new, SEED1).diagnostics, new


@pytest.mark.parametrize("seed", ["000", "001", "002", "004"])
def test_the_early_answer_never_has_a_finding_the_full_one_lacks(seed):
    """Random edits (a digit typed, a character typed, a line break, one to three characters
    deleted) anywhere in four seeds, one or two at a time: every finding of the early answer is a
    finding of the full answer of the edited text, at the same place with the same message."""
    import random

    text = read(seed_file(seed))
    rnd = random.Random(int(seed) + 26)
    checked = kept_total = 0
    for _ in range(60):
        edits, cur = [], text
        for _k in range(rnd.choice((1, 1, 2))):
            a = rnd.randrange(len(cur))
            kind = rnd.choice(("digit", "han", "nl", "del"))
            b = min(len(cur), a + rnd.randrange(1, 4)) if kind == "del" else a
            s = {"digit": str(rnd.randrange(10)), "han": "年", "nl": "\n", "del": ""}[kind]
            edits.append((a, b, s))
            cur = cur[:a] + s + cur[b:]
        _prev, early, full, _new = _carry(text, edits)
        assert early is not None
        extra = _keys(early) - _keys(full)
        assert not extra, (edits, sorted(extra))
        checked += 1
        kept_total += len(early)
    assert checked == 60 and kept_total > 0


def test_the_early_answer_keeps_the_findings_elsewhere_at_their_shifted_places():
    text = read(SEED1)
    lines = text.split("\n")
    # a character typed in the first line of prose: every finding after it moves by one
    at = len(lines[0]) + 1 + 3
    prev, early, full, new = _carry(text, [(at, at, "年")])
    line_end = new.index("\n", at)
    moved = {
        (d.code, d.span.start + (1 if d.span.start > at else 0), d.span.end + (1 if d.span.start > at else 0))
        for d in prev
        if not (d.span.start <= line_end and d.span.end >= new.rfind("\n", 0, at))
    }
    assert moved and moved == {(d.code, d.span.start, d.span.end) for d in early}
    assert _keys(early) <= _keys(full)
    # the quick fix of the 予以公开 row typed into table 三: the whole table is the typed region
    # (its findings wait for the full answer), the findings of the other tables and prose stay
    (fix,) = [d for d in prev if d.code == "GX301" and d.fix is not None and "予以公开" in d.message][:1] or [
        next(d for d in prev if d.code == "GX301" and d.fix is not None)
    ]
    (e,) = fix.fix.edits
    from gxlint.engine import lint

    t3 = lint(text, SEED1).doc.tables["t3"].span
    prev, early, full, new = _carry(text, [(e.start, e.end, e.new_text)])
    assert not [d for d in early if t3.start <= d.span.start <= t3.end]
    assert [d for d in prev if not (t3.start <= d.span.start <= t3.end)] and _keys(early) <= _keys(full)
    outside = {
        (d.code, d.span.start, d.message)
        for d in prev
        if (d.span.end < t3.start - 1 and "\n" in text[d.span.end : t3.start]) or d.span.start > t3.end + 1
        if not any(r.path is None and r.span.start <= t3.end and t3.start <= r.span.end for r in d.related)
    }
    assert outside
    shift = len(e.new_text) - (e.end - e.start)
    assert {(c, s + (shift if s > t3.end else 0), m) for c, s, m in outside} <= {
        (d.code, d.span.start, d.message) for d in early
    }


@pytest.mark.asyncio
async def test_a_large_document_gets_the_early_answer_then_the_full_one(client):
    """Pushed: a change to a document linted in a child process gets two publishes of its version —
    the early answer at once, then the full one; the early one has nothing the full one lacks."""
    await initialize(client, options={"largeDocumentBytes": 1000, "debounceMs": 0})
    text = read(SEED1)
    uri = uri_of(SEED1)
    open_doc(client, uri, text)
    await wait_diagnostics(client, uri, 1)
    lines = text.split("\n")
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                lsp.TextDocumentContentChangePartial(range=lsp.Range(lsp.Position(1, 2), lsp.Position(1, 2)), text="年")
            ],
        )
    )
    early = await wait_diagnostics(client, uri, 2)
    full = await wait_diagnostics(client, uri, 2)

    def key(d):
        return (d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character)

    assert early.diagnostics and {key(d) for d in early.diagnostics} <= {key(d) for d in full.diagnostics}
    assert len(full.diagnostics) >= len(early.diagnostics)
    assert lines[1]  # (the edit is in the prose of section 一)


@pytest.mark.asyncio
async def test_a_large_document_pulled_gets_the_early_answer_and_a_refresh(client):
    """Pulled: the early answer (its result id says so) while the child process lints, then a
    ``workspace/diagnostic/refresh``; pulled again, the full answer of the same version."""
    await initialize(client, options={"largeDocumentBytes": 1000, "debounceMs": 0}, pull=True)
    text = read(SEED1)
    uri = uri_of(SEED1)
    ident = lsp.TextDocumentIdentifier(uri=uri)
    open_doc(client, uri, text)
    first = await client.text_document_diagnostic_async(lsp.DocumentDiagnosticParams(text_document=ident))
    n = client.diagnostic_refresh_count
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                lsp.TextDocumentContentChangePartial(range=lsp.Range(lsp.Position(1, 2), lsp.Position(1, 2)), text="年")
            ],
        )
    )
    early = await client.text_document_diagnostic_async(lsp.DocumentDiagnosticParams(text_document=ident))
    assert early.result_id.startswith("early-") and early.items
    for _ in range(600):
        if client.diagnostic_refresh_count > n:
            break
        await asyncio.sleep(0.05)
    assert client.diagnostic_refresh_count > n
    full = await client.text_document_diagnostic_async(
        lsp.DocumentDiagnosticParams(text_document=ident, previous_result_id=early.result_id)
    )
    assert full.kind == "full" and not full.result_id.startswith("early-")

    def key(d):
        return (d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character)

    assert {key(d) for d in early.items} <= {key(d) for d in full.items}
    assert len(first.items) == len(full.items)
