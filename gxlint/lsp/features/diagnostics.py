"""Pulled diagnostics (``textDocument/diagnostic``): the lint of the document's current version,
with a result id (an unchanged result says so); the items are sent as serialised once
(:class:`gxlint.lsp.stdio.Raw`)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from lsprotocol import types as lsp

from .. import stdio

if TYPE_CHECKING:  # pragma: no cover
    from ..server import GxLanguageServer


def register(server: "GxLanguageServer") -> None:
    @server.feature(
        lsp.TEXT_DOCUMENT_DIAGNOSTIC,
        lsp.DiagnosticOptions(identifier="gxlint", inter_file_dependencies=True, workspace_diagnostics=True),
    )
    async def pull_diagnostics(ls: "GxLanguageServer", params: lsp.DocumentDiagnosticParams):
        # every lint is answered, a quiet one (not a report) with no items: not current_outcome's
        st = ls.docs.get(params.text_document.uri)
        if st is None or not ls.wants(st):
            return lsp.RelatedFullDocumentDiagnosticReport(items=[], result_id="none")
        if ls.config_ready is not None:
            await ls.config_ready.wait()
        t_req = time.perf_counter()
        out = await ls.outcome(st)
        if ls.options.log_timing and st.changed_at and out.version == st.version and st.timed != st.version:
            st.timed = st.version  # the first answer for this version: what the user waited for
            now = time.perf_counter()
            ls.log_info(
                f"gxlint timing: {st.uri} v{st.version} lint {out.lint_ms:.1f} ms, "
                f"change→publish {(now - st.changed_at) * 1000:.1f} ms (pulled; request came "
                f"{(t_req - st.changed_at) * 1000:.1f} ms after the change; epoch ms: change "
                f"{st.changed_wall * 1000:.1f}, answer {time.time() * 1000:.1f})",
                lsp.MessageType.Log,
            )
        if params.previous_result_id and params.previous_result_id == out.result_id:
            return lsp.RelatedUnchangedDocumentDiagnosticReport(result_id=out.result_id)
        return stdio.Raw.of({"kind": "full", "resultId": out.result_id, "items": stdio.Raw(out.items_json)})
