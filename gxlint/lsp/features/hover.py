"""Hover: the identity a table cell takes part in, with the numbers; a prose number; the message
and documentation of a diagnostic under the cursor (:mod:`gxlint.lsp.hover` writes them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types as lsp

from .. import convert
from ..documents import current_outcome

if TYPE_CHECKING:  # pragma: no cover
    from ..server import GxLanguageServer


def register(server: "GxLanguageServer") -> None:
    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    async def hover(ls: "GxLanguageServer", params: lsp.HoverParams):
        from ..hover import hover_markdown

        st, out = await current_outcome(ls, params.text_document.uri)
        if st is None or out is None:  # (an outcome comes with its state)
            return None
        offset = convert.offset_of(out.lines, params.position, ls.enc)
        docs_base = ls.options.docs_base_url
        md = hover_markdown(
            out.doc,
            out.diagnostics,
            offset,
            ls.options.settings.lang,
            docs_href=lambda code: convert.docs_href(docs_base, code),
            previous=ls.across.previous_entry(st.path),
        )  # last year's report (GX7 index)
        if md is None:
            return None
        fmt = ls._cap("text_document.hover.content_format") or []
        kind = lsp.MarkupKind.Markdown if (not fmt or lsp.MarkupKind.Markdown in fmt) else lsp.MarkupKind.PlainText
        return lsp.Hover(contents=lsp.MarkupContent(kind=kind, value=md))
