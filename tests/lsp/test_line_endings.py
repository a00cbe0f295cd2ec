"""The language server reads a report with CRLF or CR line ends like the LF one: the same
diagnostics at the same LSP positions (LSP counts \\n, \\r\\n and a lone \\r as line breaks, as
gxlint.positions.LineIndex does), also after an incremental change."""

from __future__ import annotations

import pytest
from lsprotocol import types as lsp

from .conftest import initialize, lsp_keys, open_doc, read, seed_file, uri_of, wait_diagnostics

pytestmark = pytest.mark.asyncio


def _change(uri: str, version: int, line: int, a: int, b: int, new: str) -> lsp.DidChangeTextDocumentParams:
    rng = lsp.Range(start=lsp.Position(line=line, character=a), end=lsp.Position(line=line, character=b))
    return lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[lsp.TextDocumentContentChangePartial(range=rng, text=new)],
    )


async def test_crlf_and_cr_documents_get_the_lf_diagnostics(client):
    await initialize(client)
    path = seed_file("003")  # tab rows: with CRLF they ended in "0\r" (22 false GX204)
    lf = read(path).replace("\r\n", "\n")
    got = {}
    for name, nl in (("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")):
        uri = uri_of(path) + f".{name}.txt"
        open_doc(client, uri, lf.replace("\n", nl))
        got[name] = (uri, lsp_keys((await wait_diagnostics(client, uri, 1)).diagnostics))
    assert got["lf"][1], "seed 003 has findings"
    assert got["crlf"][1] == got["lf"][1]
    assert got["cr"][1] == got["lf"][1]

    # the same incremental edit (a cell of table 三 changed) on each: the same diagnostics again
    lines = lf.split("\n")
    k = next(i for i, ln in enumerate(lines) if ln.startswith("(七)") and "总计\t" in ln)
    row = lines[k].rstrip("\t")
    col, end = row.rindex("\t") + 1, len(row)  # the last cell of 表三 （七）总计
    after = {}
    for name, (uri, _keys) in got.items():
        client.text_document_did_change(_change(uri, 2, k, col, end, "9999"))
        after[name] = lsp_keys((await wait_diagnostics(client, uri, 2)).diagnostics)
    assert after["lf"] != got["lf"][1]
    assert after["crlf"] == after["lf"]
    assert after["cr"] == after["lf"]
