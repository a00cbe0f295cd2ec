"""The server survives what editors and users throw at it: failing rules, huge pastes,
malformed messages, documents that are not reports."""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import sys
import uuid

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException
from pytest_lsp import ClientServerConfig, LanguageClient

from .conftest import (
    HERE,
    ROOT,
    initialize,
    make_client,
    open_doc,
    read,
    seed_file,
    shut_down,
    uri_of,
    wait_diagnostics,
)

pytestmark = pytest.mark.asyncio

SEED1 = seed_file("001")


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=[sys.executable, os.path.join(HERE, "boom_server.py")],
        server_env={**os.environ, "PYTHONPATH": ROOT},
        client_factory=make_client,
    )
)
async def boom_client(lsp_client: LanguageClient):
    yield
    await shut_down(lsp_client)


async def raw_request(client: LanguageClient, method: str, params):
    """Send a request exactly as given (no client-side validation) and await the response."""
    msg_id = str(uuid.uuid4())
    fut: concurrent.futures.Future = concurrent.futures.Future()
    client.protocol._request_futures[msg_id] = fut
    client.protocol._send_data({"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params})
    return await asyncio.wait_for(asyncio.wrap_future(fut), 20)


def raw_notify(client: LanguageClient, method: str, params) -> None:
    client.protocol._send_data({"jsonrpc": "2.0", "method": method, "params": params})


async def hover_alive(client, uri: str) -> None:
    h = await client.text_document_hover_async(
        lsp.HoverParams(text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=97, character=0))
    )
    assert h is not None and "商业企业" in h.contents.value


async def test_a_rule_that_raises_is_gx001_and_the_server_lives(boom_client):
    client = boom_client
    await initialize(client)
    uri = uri_of(SEED1)
    open_doc(client, uri, read(SEED1))
    pub = await wait_diagnostics(client, uri, 1)
    codes = [d.code for d in pub.diagnostics]
    assert "GX301" not in codes
    (g,) = [d for d in pub.diagnostics if d.code == "GX001"]
    assert "GX301" in g.message and "boom from a test rule" in g.message
    assert "GX302" in codes  # the other rules still ran
    await hover_alive(client, uri)


async def test_malformed_params_get_an_error_response(client):
    await initialize(client)
    uri = uri_of(SEED1)
    open_doc(client, uri, read(SEED1))
    await wait_diagnostics(client, uri, 1)
    with pytest.raises(JsonRpcException) as exc:
        await raw_request(client, "textDocument/hover", {"textDocument": 5, "position": "x"})
    assert exc.value.code == -32602  # InvalidParams
    with pytest.raises(JsonRpcException) as exc:
        await raw_request(client, "textDocument/codeAction", {"textDocument": {"uri": uri}})
    assert exc.value.code == -32602
    # malformed notifications cannot be answered: they are ignored, and the server carries on
    raw_notify(client, "textDocument/didChange", {"textDocument": {"uri": uri}, "contentChanges": 7})
    raw_notify(client, "textDocument/didOpen", {"textDocument": None})
    raw_notify(
        client,
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 9}, "contentChanges": [{"range": {"start": {"line": -4}}, "text": 1}]},
    )
    # a change to a document that was never opened, a range past the end
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri="file:///nowhere.txt", version=3),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text="x")],
        )
    )
    await hover_alive(client, uri)
    assert (
        await client.text_document_hover_async(
            lsp.HoverParams(
                text_document=lsp.TextDocumentIdentifier(uri="file:///nowhere.txt"),
                position=lsp.Position(line=0, character=0),
            )
        )
        is None
    )


async def test_a_huge_paste_is_skipped_with_a_reason_and_the_server_lives(client):
    await initialize(client)
    uri = uri_of(SEED1)
    text = read(SEED1)
    open_doc(client, uri, text)
    await wait_diagnostics(client, uri, 1)
    paste = text * (5_200_000 // len(text.encode()) + 1)  # > 5 MB
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                lsp.TextDocumentContentChangePartial(
                    range=lsp.Range(start=lsp.Position(line=0, character=0), end=lsp.Position(line=0, character=0)),
                    text=paste,
                )
            ],
        )
    )
    pub = await wait_diagnostics(client, uri, 2, timeout=30)
    (d,) = pub.diagnostics
    assert d.code == "GX002" and "MB" in d.message and "未检查" in d.message
    # back to the normal text: linted again
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=3),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    pub = await wait_diagnostics(client, uri, 3)
    assert "GX301" in {d.code for d in pub.diagnostics}
    await hover_alive(client, uri)


async def test_documents_that_are_not_reports_stay_quiet_unless_asked(client):
    await initialize(client)
    readme = "# My notes\n\nSome text about 2023 and a list:\n\n- 1\n- 2\n"
    uri = "file:///tmp/notes.md"
    open_doc(client, uri, readme, language="markdown")
    pub = await wait_diagnostics(client, uri, 1)
    assert list(pub.diagnostics) == []
    # other languages are not linted at all
    open_doc(client, "file:///tmp/x.py", "print(1)\n", language="python")
    with pytest.raises(asyncio.TimeoutError):
        await wait_diagnostics(client, "file:///tmp/x.py", timeout=0.5)
    # a report typed from scratch: as soon as it has a title it is linted
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                lsp.TextDocumentContentChangeWholeDocument(
                    text="某某区人民政府2023年政府信息公开工作年度报告\n\n一、总体情况\n"
                )
            ],
        )
    )
    pub = await wait_diagnostics(client, uri, 2)
    assert "GX101" in {d.code for d in pub.diagnostics}


async def test_the_report_language_is_linted_like_plain_text(client):
    """The VS Code extension's report language (``gxreport``), saved or untitled: the same findings
    as the same text in plain text."""
    await initialize(client)
    text = read(SEED1)
    plain = uri_of(SEED1)
    open_doc(client, plain, text)
    expected = sorted((d.code, d.range.start.line) for d in (await wait_diagnostics(client, plain, 1)).diagnostics)
    assert any(code == "GX301" for code, _ in expected)
    for uri in ("untitled:Untitled-1", "file:///tmp/%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.txt"):
        open_doc(client, uri, text, language="gxreport")
        pub = await wait_diagnostics(client, uri, 1)
        assert sorted((d.code, d.range.start.line) for d in pub.diagnostics) == expected, uri


async def test_lint_all_documents_setting(client):
    await initialize(client, options={"lintAllDocuments": True})
    uri = "file:///tmp/notes.txt"
    open_doc(client, uri, "随便写的一段文字。\n")
    pub = await wait_diagnostics(client, uri, 1)
    assert pub.diagnostics, "lintAllDocuments lints a document that does not look like a report"
