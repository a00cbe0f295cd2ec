"""Help while drafting (:mod:`gxlint.lsp.drafting` makes it): inlay hints, code lenses, document
symbols, folding ranges, and the commands ``gxlint.showCell`` and ``gxlint.newReport``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types as lsp

from .. import convert
from ..documents import current_outcome
from ..drafting import NEW_REPORT, SHOW_CELL, code_lenses, document_symbols, folding_ranges, inlay_hints

if TYPE_CHECKING:  # pragma: no cover
    from ..server import GxLanguageServer


def register(server: "GxLanguageServer") -> None:
    @server.feature(lsp.TEXT_DOCUMENT_INLAY_HINT, lsp.InlayHintOptions(resolve_provider=False))
    async def inlay_hint(ls: "GxLanguageServer", params: lsp.InlayHintParams):
        st, out = await current_outcome(ls, params.text_document.uri)
        if out is None or out.doc is None:
            return None
        enc = ls.enc
        a = convert.offset_of(out.lines, params.range.start, enc)
        b = convert.offset_of(out.lines, params.range.end, enc)
        return inlay_hints(out.doc, out.lines, enc, a, b, ls.options.settings.lang)

    @server.feature(lsp.TEXT_DOCUMENT_CODE_LENS, lsp.CodeLensOptions(resolve_provider=False))
    async def code_lens(ls: "GxLanguageServer", params: lsp.CodeLensParams):
        st, out = await current_outcome(ls, params.text_document.uri)
        if st is None or out is None or out.doc is None:  # (an outcome comes with its state)
            return None
        prev = ls.across.previous_entry(st.path)  # last year's report in the workspace (GX7 index)
        prev_uri = next(
            (s.uri for s in list(ls.docs.values()) if prev is not None and s.open and s.path == prev.path), None
        )
        return code_lenses(
            out.doc, out.lines, ls.enc, params.text_document.uri, ls.options.settings.lang, prev, prev_uri
        )

    @server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    async def document_symbol(ls: "GxLanguageServer", params: lsp.DocumentSymbolParams):
        st, out = await current_outcome(ls, params.text_document.uri)
        if out is None or out.doc is None:
            return None
        return document_symbols(out.doc, out.lines, ls.enc, ls.options.settings.lang)

    @server.feature(lsp.TEXT_DOCUMENT_FOLDING_RANGE)
    async def folding_range(ls: "GxLanguageServer", params: lsp.FoldingRangeParams):
        st, out = await current_outcome(ls, params.text_document.uri)
        if out is None or out.doc is None:
            return None
        return folding_ranges(out.doc, out.lines)

    @server.command(SHOW_CELL)
    async def show_cell(ls, *args):  # (no annotations: pygls structures a command's arguments by them)
        try:
            uri = str(args[0])
            l1, c1, l2, c2 = (int(x) for x in args[1:5])
        except (IndexError, TypeError, ValueError):
            raise ValueError("gxlint.showCell: arguments are [uri, line, character, endLine, endCharacter]")
        sel = lsp.Range(lsp.Position(l1, c1), lsp.Position(l2, c2))
        if ls._cap("window.show_document.support"):
            res = await ls.window_show_document_async(lsp.ShowDocumentParams(uri=uri, take_focus=True, selection=sel))
            return bool(getattr(res, "success", False))
        return False

    @server.command(NEW_REPORT)
    async def new_report(ls, *args):
        from ... import templates
        from ...templates.skeleton import skeleton

        year = args[0] if len(args) > 0 else None
        tpl = args[1] if len(args) > 1 else None
        target = args[2] if len(args) > 2 else None
        try:
            year = None if year in (None, "") else int(year)
        except (TypeError, ValueError):
            raise ValueError(f"gxlint.newReport: year {year!r} is not a year")
        if year is not None and not 2008 <= year <= 2100:
            raise ValueError(f"gxlint.newReport: year {year} is out of range")
        if tpl in ("", None):
            tpl = None
        elif tpl not in templates.VERSIONS:
            raise ValueError(f"gxlint.newReport: unknown template {tpl!r} ({', '.join(templates.VERSIONS)})")
        text = skeleton(year, tpl)
        if isinstance(target, str) and target:
            edit = lsp.WorkspaceEdit(
                document_changes=[
                    lsp.CreateFile(uri=target, options=lsp.CreateFileOptions(overwrite=False, ignore_if_exists=True)),
                    lsp.TextDocumentEdit(
                        text_document=lsp.OptionalVersionedTextDocumentIdentifier(uri=target, version=None),
                        edits=[lsp.TextEdit(range=lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0)), new_text=text)],
                    ),
                ]
            )
            res = await ls.workspace_apply_edit_async(
                lsp.ApplyWorkspaceEditParams(edit=edit, label="gxlint: 新建年度报告")
            )
            if getattr(res, "applied", False) and ls._cap("window.show_document.support"):
                await ls.window_show_document_async(lsp.ShowDocumentParams(uri=target, take_focus=True))
        return text
