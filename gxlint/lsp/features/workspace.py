"""The workspace's reports read together (:class:`gxlint.lsp.workspace.Workspace`, the server's
``across``): ``workspace/diagnostic`` lists every report of the workspace, open or not;
``workspace/didChangeWatchedFiles`` indexes a file changed on disk again."""

from __future__ import annotations

import asyncio
import hashlib
import json
from typing import TYPE_CHECKING

from lsprotocol import types as lsp

from ..documents import path_of, uri_of

if TYPE_CHECKING:  # pragma: no cover
    from ..server import GxLanguageServer


def register(server: "GxLanguageServer") -> None:
    @server.feature(lsp.WORKSPACE_DIAGNOSTIC)
    async def workspace_diagnostic(ls: "GxLanguageServer", params: lsp.WorkspaceDiagnosticParams):
        ws = ls.across
        ws.loop = asyncio.get_running_loop()
        if ls.config_ready is not None:
            await ls.config_ready.wait()
        ws.ensure_index()
        await asyncio.get_running_loop().run_in_executor(None, ws.ready.wait, 60)
        previous = {p.uri: p.value for p in (params.previous_result_ids or [])}
        items: list = []
        seen = set()
        for st in list(ls.docs.values()):
            if not st.open or not ls.wants(st):
                continue
            out = await ls.outcome(st)
            seen.add(st.path)
            items.append(_report(st.uri, out.lsp_diagnostics, out.result_id, st.version, previous))
        for path in ws.report_paths():
            if path in seen:
                continue
            diags = await asyncio.get_running_loop().run_in_executor(ls.pool, ws.closed_report_diagnostics, path)
            rid = hashlib.sha1(
                json.dumps([ls.protocol.unstructure(d) for d in diags], sort_keys=True, ensure_ascii=False).encode()
            ).hexdigest()[:16]
            items.append(_report(uri_of(path), diags, rid, None, previous))
        return lsp.WorkspaceDiagnosticReport(items=items)

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: "GxLanguageServer", params: lsp.DidChangeWatchedFilesParams):
        paths = [p for p in (path_of(c.uri) for c in params.changes) if p]
        ls.across.files_changed(paths)


def _report(uri: str, items: list, rid: str, version, previous: dict):
    if previous.get(uri) == rid:
        return lsp.WorkspaceUnchangedDocumentDiagnosticReport(uri=uri, result_id=rid, version=version)
    return lsp.WorkspaceFullDocumentDiagnosticReport(uri=uri, items=items, result_id=rid, version=version)
