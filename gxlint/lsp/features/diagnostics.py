"""Pulled diagnostics (``textDocument/diagnostic``): the lint of the document's current version,
with a result id (an unchanged result says so); the items are sent as serialised once
(:class:`gxlint.lsp.stdio.Raw`).  A large document whose lint runs in a child process gets the
early answer (:mod:`gxlint.lsp.partial`) at once and a ``workspace/diagnostic/refresh`` when the
full one is there."""

from __future__ import annotations

import asyncio
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
        cur = st.outcome
        if (
            (cur is None or cur.version != st.version)
            and ls.in_child(st)
            and ls._cap("workspace.diagnostics.refresh_support")
        ):
            # a large document whose lint runs: the early answer now (gxlint.lsp.partial), the
            # client asked to pull again once the full answer is there
            early = await asyncio.get_running_loop().run_in_executor(ls.pool, ls.early, st)
            if early is not None and early.version == st.version:
                asyncio.ensure_future(_refresh_when_linted(ls, st))
                return stdio.Raw.of({"kind": "full", "resultId": early.result_id, "items": stdio.Raw(early.items_json)})
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


async def _refresh_when_linted(ls: "GxLanguageServer", st) -> None:
    """After an early answer: once the full lint of that version is there, the client pulls again."""
    version = st.version
    try:
        out = await ls.outcome(st)
    except Exception:
        return
    if out.version == version == st.version and st.open and not out.stale:
        try:
            ls.workspace_diagnostic_refresh(None)
        except Exception:
            pass
