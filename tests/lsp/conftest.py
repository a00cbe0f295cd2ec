"""Shared helpers of the language-server tests: a pytest-lsp client on ``python -m gxlint lsp``."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from typing import Optional

import pytest_lsp
from lsprotocol import types as lsp
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

from seedutil import ROOT, SEEDS  # noqa: F401 (re-exported)
from seedutil import seed_path as seed_file  # noqa: F401 (re-exported)

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER_CMD = [sys.executable, "-m", "gxlint", "lsp"]


def read(path: str) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def capabilities(
    *, encodings=None, pull: bool = False, configuration: bool = True, document_changes: bool = True
) -> lsp.ClientCapabilities:
    td = lsp.TextDocumentClientCapabilities(
        synchronization=lsp.TextDocumentSyncClientCapabilities(dynamic_registration=False),
        publish_diagnostics=lsp.PublishDiagnosticsClientCapabilities(
            related_information=True, version_support=True, code_description_support=True, data_support=True
        ),
        hover=lsp.HoverClientCapabilities(content_format=[lsp.MarkupKind.Markdown, lsp.MarkupKind.PlainText]),
        code_action=lsp.CodeActionClientCapabilities(
            code_action_literal_support=lsp.ClientCodeActionLiteralOptions(
                code_action_kind=lsp.ClientCodeActionKindOptions(
                    value_set=[lsp.CodeActionKind.QuickFix, lsp.CodeActionKind.Source, lsp.CodeActionKind.SourceFixAll]
                )
            ),
            is_preferred_support=True,
            data_support=True,
        ),
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


async def initialize(
    client: LanguageClient, *, options: Optional[dict] = None, root_uri: Optional[str] = None, **caps
) -> lsp.InitializeResult:
    # crossReport off: the repository holds copies of seeds (examples/), which GX703 would
    # rightly report; tests/lsp/test_workspace.py turns it on in a workspace of its own
    opts = {"debounceMs": 10, "crossReport": False}
    opts.update(options or {})
    return await client.initialize_session(
        lsp.InitializeParams(
            capabilities=capabilities(**caps), initialization_options=opts, root_uri=root_uri or f"file://{ROOT}"
        )
    )


def uri_of(path: str) -> str:
    return "file://" + os.path.abspath(path)


def open_doc(client: LanguageClient, uri: str, text: str, version: int = 1, language: str = "plaintext") -> None:
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)
        )
    )


class RecordingClient(LanguageClient):
    """pytest-lsp's client that keeps every publishDiagnostics it receives, in order.

    pytest-lsp itself keeps only the last diagnostics of each URI (without their version), and its
    ``wait_for_notification`` has one waiting slot per method: a publish that arrives while no one
    waits — two documents open, two publishes in one read — is lost to it. ``wait_diagnostics``
    reads this log instead, so no publish is missed whatever the order or timing."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.published: list[lsp.PublishDiagnosticsParams] = []
        self._handed: dict[str, int] = {}  # uri -> index in published after the last one handed out
        self._arrived = asyncio.Event()

    def record(self, params: lsp.PublishDiagnosticsParams) -> None:
        self.published.append(params)
        self.diagnostics[params.uri] = params.diagnostics
        self._arrived.set()

    async def next_publish(self, uri: str, version: Optional[int] = None) -> lsp.PublishDiagnosticsParams:
        while True:
            self._arrived.clear()
            start = self._handed.get(uri, 0)
            for i in range(start, len(self.published)):
                p = self.published[i]
                if p.uri == uri and (version is None or p.version == version):
                    self._handed[uri] = i + 1
                    return p
            await self._arrived.wait()


def make_client() -> RecordingClient:
    """The client factory of every server fixture of these tests (pytest-lsp's own, recording)."""
    client = RecordingClient(converter_factory=default_converter)
    features = dict(DEFAULT_CLIENT_FEATURES)
    features[lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = lambda ls, params: ls.record(params)
    register_lsp_features(client, features)
    return client


async def wait_diagnostics(
    client: LanguageClient, uri: str, version: Optional[int] = None, timeout: float = 30.0
) -> lsp.PublishDiagnosticsParams:
    """The first publishDiagnostics for uri (and version, when given) that no earlier call returned
    or passed over: publishes are read from the client's log in the order they arrived, so one that
    came before the call (or together with another document's) is not missed."""
    if not isinstance(client, RecordingClient):
        raise TypeError("the client does not record its publishes: make it with conftest.make_client")
    return await asyncio.wait_for(client.next_publish(uri, version), timeout)


def cli_json(path: str, *extra: str) -> dict:
    """What ``gxlint check --format json`` says about a file."""
    proc = subprocess.run(
        [sys.executable, "-m", "gxlint", "check", "--format", "json", "--exit-zero", *extra, path],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def cli_keys(path: str) -> list[tuple]:
    """(code, start line, start col, end line, end col, message) of the CLI, 0-based code-point columns."""
    data = cli_json(path)
    out = []
    for d in data["files"][0]["diagnostics"]:
        out.append(
            (
                d["code"],
                d["start"]["line"] - 1,
                d["start"]["column"] - 1,
                d["end"]["line"] - 1,
                d["end"]["column"] - 1,
                d["message"],
            )
        )
    return sorted(out)


def lsp_keys(diags) -> list[tuple]:
    return sorted(
        (d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.message)
        for d in diags
    )


async def shut_down(client: LanguageClient) -> None:
    """The end of a test's session: shutdown and exit, answered in time.  A server that does not
    answer (it crashed, or hangs) fails the test here: the error is not swallowed."""
    await asyncio.wait_for(client.shutdown_session(), 20)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER_CMD, client_factory=make_client))
async def client(lsp_client: LanguageClient):
    yield
    await shut_down(lsp_client)
