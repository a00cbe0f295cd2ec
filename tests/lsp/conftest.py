"""Shared helpers of the language-server tests: a pytest-lsp client on ``python -m gxlint lsp``."""
from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from typing import Any, Optional

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient
from seedutil import ROOT, SEEDS, seed_path as seed_file  # noqa: F401 (re-exported)

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER_CMD = [sys.executable, "-m", "gxlint", "lsp"]


def read(path: str) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def capabilities(*, encodings=None, pull: bool = False, configuration: bool = True,
                 document_changes: bool = True) -> lsp.ClientCapabilities:
    td = lsp.TextDocumentClientCapabilities(
        synchronization=lsp.TextDocumentSyncClientCapabilities(dynamic_registration=False),
        publish_diagnostics=lsp.PublishDiagnosticsClientCapabilities(
            related_information=True, version_support=True, code_description_support=True, data_support=True),
        hover=lsp.HoverClientCapabilities(content_format=[lsp.MarkupKind.Markdown, lsp.MarkupKind.PlainText]),
        code_action=lsp.CodeActionClientCapabilities(
            code_action_literal_support=lsp.ClientCodeActionLiteralOptions(
                code_action_kind=lsp.ClientCodeActionKindOptions(value_set=[
                    lsp.CodeActionKind.QuickFix, lsp.CodeActionKind.Source, lsp.CodeActionKind.SourceFixAll])),
            is_preferred_support=True, data_support=True),
        diagnostic=lsp.DiagnosticClientCapabilities(related_document_support=False) if pull else None,
    )
    ws = lsp.WorkspaceClientCapabilities(
        configuration=configuration,
        did_change_configuration=lsp.DidChangeConfigurationClientCapabilities(dynamic_registration=False),
        workspace_edit=lsp.WorkspaceEditClientCapabilities(document_changes=document_changes),
        diagnostics=lsp.DiagnosticWorkspaceClientCapabilities(refresh_support=True) if pull else None,
    )
    general = lsp.GeneralClientCapabilities(position_encodings=encodings) if encodings else None
    return lsp.ClientCapabilities(text_document=td, workspace=ws, general=general)


async def initialize(client: LanguageClient, *, options: Optional[dict] = None, root_uri: Optional[str] = None,
                     **caps) -> lsp.InitializeResult:
    # crossReport off: the repository holds copies of seeds (examples/), which GX703 would
    # rightly report; tests/lsp/test_workspace.py turns it on in a workspace of its own
    opts = {"debounceMs": 10, "crossReport": False}
    opts.update(options or {})
    return await client.initialize_session(lsp.InitializeParams(
        capabilities=capabilities(**caps), initialization_options=opts, root_uri=root_uri or f"file://{ROOT}"))


def uri_of(path: str) -> str:
    return "file://" + os.path.abspath(path)


def open_doc(client: LanguageClient, uri: str, text: str, version: int = 1, language: str = "plaintext") -> None:
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(
        text_document=lsp.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)))


async def wait_diagnostics(client: LanguageClient, uri: str, version: Optional[int] = None,
                           timeout: float = 30.0) -> lsp.PublishDiagnosticsParams:
    """The next publishDiagnostics for uri (and version, when given)."""

    async def loop():
        while True:
            p = await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            if p.uri == uri and (version is None or p.version == version):
                return p

    return await asyncio.wait_for(loop(), timeout)


def cli_json(path: str, *extra: str) -> dict:
    """What ``gxlint check --format json`` says about a file."""
    proc = subprocess.run([sys.executable, "-m", "gxlint", "check", "--format", "json", "--exit-zero",
                           *extra, path], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def cli_keys(path: str) -> list[tuple]:
    """(code, start line, start col, end line, end col, message) of the CLI, 0-based code-point columns."""
    data = cli_json(path)
    out = []
    for d in data["files"][0]["diagnostics"]:
        out.append((d["code"], d["start"]["line"] - 1, d["start"]["column"] - 1,
                    d["end"]["line"] - 1, d["end"]["column"] - 1, d["message"]))
    return sorted(out)


def lsp_keys(diags) -> list[tuple]:
    return sorted((d.code, d.range.start.line, d.range.start.character, d.range.end.line,
                   d.range.end.character, d.message) for d in diags)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER_CMD))
async def client(lsp_client: LanguageClient):
    yield
    try:
        await asyncio.wait_for(lsp_client.shutdown_session(), 20)
    except Exception:
        pass
