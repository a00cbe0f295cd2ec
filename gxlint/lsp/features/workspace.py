"""The workspace's reports read together (:class:`gxlint.lsp.workspace.Workspace`, the server's
``across``): ``workspace/diagnostic`` lists every report of the workspace, open or not (the files
changed on disk since they were read are read again first: their stamps);
``workspace/didChangeWatchedFiles`` indexes a file changed on disk again (the server registers the
watcher, :func:`register_watchers`); the command ``gxlint.server.checkWorkspace`` checks the whole
workspace again and lets the server's own diagnostics show it (the editor's "Check Workspace")."""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import time
from typing import TYPE_CHECKING

from lsprotocol import types as lsp

from ..documents import path_of, uri_of
from ..workspace import watch_globs

if TYPE_CHECKING:  # pragma: no cover
    from ..server import GxLanguageServer

log = logging.getLogger("gxlint.lsp")

CHECK_WORKSPACE = "gxlint.server.checkWorkspace"
GONE = "gone"  # the result id of the empty report of a file no longer in the workspace


def register(server: "GxLanguageServer") -> None:
    @server.feature(lsp.WORKSPACE_DIAGNOSTIC)
    async def workspace_diagnostic(ls: "GxLanguageServer", params: lsp.WorkspaceDiagnosticParams):
        ws, loop = await _index_ready(ls, 60)
        t0 = time.perf_counter()
        # a file changed on disk without an event reaching the server (a watcher that missed it, a
        # client that has none) is read again before it is answered for
        organs = await loop.run_in_executor(None, ws.check_stamps)  # not the lint pool
        if organs:  # the open reports of those organs linted again, the client asked to pull again
            ws._organ_changed(organs, None)
        previous = {p.uri: p.value for p in (params.previous_result_ids or [])}
        items: list = []
        now: dict[str, str] = {}  # path → URI of each file listed in this answer
        for st in list(ls.docs.values()):
            if not st.open or not ls.wants(st):
                continue
            out = await ls.outcome(st)
            if st.path:
                now[st.path] = st.uri
            items.append(_report(st.uri, out.lsp_diagnostics, out.result_id, st.version, previous))
        for path in ws.report_paths():
            if path in now:
                continue
            diags = await loop.run_in_executor(ls.pool, ws.closed_report_diagnostics, path)
            now[path] = uri_of(path)
            items.append(_report(now[path], diags, _result_id(ls, path, diags), None, previous))
        # a file listed in the previous answer and not in this one (deleted; closed and not a
        # report; gone from the folder): an empty report, once — the client keeps a closed file's
        # last findings until a workspace answer says otherwise, and forgets its result id on close
        for path, uri in ws.listed.items():
            if path not in now:
                items.append(lsp.WorkspaceFullDocumentDiagnosticReport(uri=uri, items=[], result_id=GONE, version=None))
        ws.listed = now
        if ls.options.log_timing:
            full = sum(1 for i in items if i.kind == "full")
            ls.log_info(
                f"gxlint timing: workspace/diagnostic {len(items)} report(s), {full} changed, "
                f"{(time.perf_counter() - t0) * 1000:.1f} ms",
                lsp.MessageType.Log,
            )
        return lsp.WorkspaceDiagnosticReport(items=items)

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: "GxLanguageServer", params: lsp.DidChangeWatchedFilesParams):
        paths = [p for p in (path_of(c.uri) for c in params.changes) if p]
        ls.across.files_changed(paths)

    @server.command(CHECK_WORKSPACE)
    async def check_workspace(ls, *args):  # (no annotations: pygls structures the arguments by them)
        """Checks every report of the workspace again (the folders listed again, each file read
        again if its stamp changed) and shows the findings through the server's own diagnostics:
        a workspace/diagnostic/refresh (pull) or a publish of the closed reports (push, kept up to
        date from then on). Returns ``{"files": reports, "problems": findings}``: what the
        Problems panel shows once the client has them (it leaves hints out)."""
        ws, loop = await _index_ready(ls, 600)
        organs = await loop.run_in_executor(None, ws.rescan)
        if organs:
            ws._organ_changed(organs, None)
        files = problems = 0
        seen = set()
        for st in list(ls.docs.values()):
            if not st.open or not ls.wants(st):
                continue
            out = await ls.outcome(st)
            seen.add(st.path)
            if not out.quiet:
                files += 1
                problems += sum(1 for d in out.lsp_json if d.get("severity") != lsp.DiagnosticSeverity.Hint)
        for path in ws.report_paths():
            if path in seen:
                continue
            diags = await loop.run_in_executor(ls.pool, ws.closed_report_diagnostics, path)
            files += 1
            problems += sum(1 for d in diags if d.severity != lsp.DiagnosticSeverity.Hint)
        if ls.pull_mode:
            if ls._cap("workspace.diagnostics.refresh_support"):
                ls.workspace_diagnostic_refresh(None)
        else:
            ws.show_closed = True
            ws._refresh_closed(None)
        log.info("check workspace: %d problem(s) in %d report(s)", problems, files)
        return {"files": files, "problems": problems}


async def register_watchers(ls: "GxLanguageServer") -> None:
    """Asks the client to watch the files the workspace index reads (dynamic registration of
    workspace/didChangeWatchedFiles), when it can."""
    if not ls._cap("workspace.did_change_watched_files.dynamic_registration"):
        return
    try:
        await asyncio.wait_for(
            ls.client_register_capability_async(
                lsp.RegistrationParams(
                    registrations=[
                        lsp.Registration(
                            id="gxlint-watched-files",
                            method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                            register_options=lsp.DidChangeWatchedFilesRegistrationOptions(
                                watchers=[lsp.FileSystemWatcher(glob_pattern=g) for g in watch_globs()]
                            ),
                        )
                    ]
                )
            ),
            5.0,
        )
    except Exception as exc:
        log.warning("could not register the file watcher: %s", exc)


_RIDS: dict = {}  # path → (the diagnostics list it was computed for, its result id)


def _result_id(ls: "GxLanguageServer", path: str, diags: list) -> str:
    """The result id of a closed report's diagnostics, computed once per list (the workspace's
    cache keeps the list until the report or its organ change): the client pulls the workspace
    every 2 s, and hashing every report's findings each time held up the keystrokes' answers."""
    got = _RIDS.get(path)
    if got is not None and got[0] is diags:
        return got[1]
    rid = hashlib.sha1(
        json.dumps([ls.protocol.unstructure(d) for d in diags], sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()[:16]
    _RIDS[path] = (diags, rid)
    return rid


def _report(uri: str, items: list, rid: str, version, previous: dict):
    if previous.get(uri) == rid:
        return lsp.WorkspaceUnchangedDocumentDiagnosticReport(uri=uri, result_id=rid, version=version)
    return lsp.WorkspaceFullDocumentDiagnosticReport(uri=uri, items=items, result_id=rid, version=version)


async def _index_ready(ls: "GxLanguageServer", timeout: float):
    """The workspace index, built (or started and waited for up to ``timeout`` s) once the
    client's settings are in; returns it and the running loop."""
    ws = ls.across
    loop = asyncio.get_running_loop()
    ws.loop = loop
    if ls.config_ready is not None:
        await ls.config_ready.wait()
    ws.ensure_index()
    await loop.run_in_executor(None, ws.ready.wait, timeout)
    return ws, loop
