"""Documents above the large-document threshold (``largeDocumentBytes``: linted in a child process,
:mod:`gxlint.lsp.worker`) keep their drafting aids: the child sends the model back, and inlay hints,
code lenses, the outline, folding and the arithmetic hover read it as they read a thread's lint
(issue 26 item 8)."""

from __future__ import annotations

import pytest
from lsprotocol import types as lsp

from .conftest import initialize, open_doc, read, seed_file, uri_of, wait_diagnostics

pytestmark = pytest.mark.asyncio

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
