"""The debounce is leading-edge: a change after a quiet spell is linted at once; changes that come
within ``debounceMs`` of each other wait until ``debounceMs`` after the last of them.  Checked on
the delay the server reports in its timing log (``logTiming``), not on the clock."""

from __future__ import annotations

import asyncio
import re

import pytest
from lsprotocol import types as lsp

from .conftest import initialize, open_doc, read, seed_file, uri_of, wait_diagnostics

pytestmark = pytest.mark.asyncio

TIMING = re.compile(r" v(\d+) .*excluding debounce (\d+) ms")


def _insert(uri: str, version: int, text: str) -> lsp.DidChangeTextDocumentParams:
    return lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[
            lsp.TextDocumentContentChangePartial(
                range=lsp.Range(start=lsp.Position(line=2, character=0), end=lsp.Position(line=2, character=0)),
                text=text,
            )
        ],
    )


async def _delay_of(client, version: int) -> int:
    async def loop():
        while True:
            for m in (TIMING.search(p.message) for p in client.log_messages):
                if m and int(m.group(1)) == version:
                    return int(m.group(2))
            await asyncio.sleep(0.02)

    return await asyncio.wait_for(loop(), 30)


async def test_a_change_after_a_pause_is_linted_at_once_a_burst_waits(client):
    await initialize(client, options={"debounceMs": 400, "logTiming": True})
    path = seed_file("001")
    uri = uri_of(path)
    open_doc(client, uri, read(path))
    await wait_diagnostics(client, uri, version=1)
    # one keystroke after a pause: no wait
    client.text_document_did_change(_insert(uri, 2, "一"))
    await wait_diagnostics(client, uri, version=2)
    assert await _delay_of(client, 2) == 0
    await asyncio.sleep(0.5)  # a quiet spell longer than debounceMs
    # three keystrokes in a row: the first is linted at once, the others wait debounceMs after the
    # last one (the second is never published)
    for v in (3, 4, 5):
        client.text_document_did_change(_insert(uri, v, "二"))
    p = await wait_diagnostics(client, uri, version=5)
    assert p.version == 5
    assert await _delay_of(client, 5) == 400
    assert not any(
        TIMING.search(m.message) and int(TIMING.search(m.message).group(1)) == 4 for m in client.log_messages
    )


async def test_run_on_save_publishes_at_save_only(client):
    """``run: onSave`` (push mode): a change publishes nothing; the save publishes the diagnostics
    of the saved version.  (A code action awaits the same lint a scheduled publish would, and
    asyncio resumes the publish first: had the change been linted, its diagnostics would be in.)"""
    result = await initialize(client, options={"run": "onSave"})
    sync = result.capabilities.text_document_sync
    assert sync.save is not None and sync.save is not False
    path = seed_file("001")
    uri = uri_of(path)
    open_doc(client, uri, read(path))
    first = await wait_diagnostics(client, uri, version=1)
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text="二、无关的文字\n")],
        )
    )
    await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=lsp.Range(start=lsp.Position(line=0, character=0), end=lsp.Position(line=0, character=0)),
            context=lsp.CodeActionContext(diagnostics=[]),
        )
    )
    assert client.diagnostics[uri] == first.diagnostics  # nothing published for version 2
    client.text_document_did_save(lsp.DidSaveTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=uri)))
    p = await wait_diagnostics(client, uri, version=2)
    assert p.diagnostics != first.diagnostics
