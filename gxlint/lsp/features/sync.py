"""Text sync: the server's own document store follows the client's (open, change, save, close);
each open or change schedules a lint (:meth:`gxlint.lsp.server.GxLanguageServer.schedule`)."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from lsprotocol import types as lsp

from ..documents import DocState, path_of

if TYPE_CHECKING:  # pragma: no cover
    from ..server import GxLanguageServer

log = logging.getLogger("gxlint.lsp")


def register(server: "GxLanguageServer") -> None:
    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: "GxLanguageServer", params: lsp.DidOpenTextDocumentParams):
        td = params.text_document
        old = ls.docs.get(td.uri)
        if old is not None:
            old.open = False
            if old.task:
                old.task.cancel()
        st = DocState(td.uri, path_of(td.uri), td.language_id or "", td.text, td.version)
        st.changed_at = time.perf_counter()
        st.changed_wall = time.time()
        ls.docs[td.uri] = st
        if ls.wants(st):
            ls.schedule(st, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: "GxLanguageServer", params: lsp.DidChangeTextDocumentParams):
        st = ls.docs.get(params.text_document.uri)
        if st is None:
            # VS Code sends the change of a revert, or of an untitled document being saved, after
            # closing it: nothing to do, and not worth a line on stderr (which the extension's output
            # shows as an [error])
            log.debug("didChange for a document that is not open: %s", params.text_document.uri)
            return
        enc = ls.enc
        for change in params.content_changes:
            st.apply(change, enc)
        st.version = params.text_document.version
        st.changed_at = time.perf_counter()
        st.changed_wall = time.time()
        if ls.wants(st) and (ls.options.run != "onSave" or ls.pull_mode):
            ls.schedule(st)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: "GxLanguageServer", params: lsp.DidSaveTextDocumentParams):
        st = ls.docs.get(params.text_document.uri)
        if st is not None and ls.options.run == "onSave" and not ls.pull_mode and ls.wants(st):
            ls.schedule(st, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: "GxLanguageServer", params: lsp.DidCloseTextDocumentParams):
        st = ls.docs.pop(params.text_document.uri, None)
        if st is not None:
            st.open = False
            if st.task is not None:
                st.task.cancel()
            ls.across.closed_doc(st)
        if not ls.pull_mode:
            ls.text_document_publish_diagnostics(
                lsp.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
            )
