"""Issue 7 point 4: the language server under 2,000 random edits (inserts, deletes, whole-document
replacements, a 1 MB paste, emptying) and a few malformed messages.  It must stay up, and the last
diagnostics it publishes must be exactly what ``gxlint check`` says about the final text."""

from __future__ import annotations

import asyncio
import os
import random

import pytest
from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException

from gxlint.positions import LineIndex

from .conftest import cli_json, initialize, open_doc, read, seed_file, uri_of, wait_diagnostics
from .test_resilience import raw_notify, raw_request

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

N_EDITS = int(os.environ.get("GXLINT_STRESS_EDITS", "2000"))
SNIPPETS = [
    "0",
    "9",
    " | ",
    "\n",
    "件",
    "（一）予以公开",
    "一、总体情况\n",
    "二、",
    "““",
    "”",
    "(",
    "𠀀",
    "😀",
    "政府信息公开",
    "2023年",
    "\t",
    "  ",
    "12",
    "四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n",
]


def _rand_edit(rng: random.Random, text: str) -> tuple[int, int, str]:
    n = len(text)
    kind = rng.random()
    if kind < 0.5 or n == 0:  # insert
        at = rng.randint(0, n)
        return at, at, rng.choice(SNIPPETS) * rng.randint(1, 3)
    if kind < 0.85:  # delete a short run
        a = rng.randint(0, n - 1)
        return a, min(n, a + rng.randint(1, 12)), ""
    a = rng.randint(0, n - 1)  # replace
    return a, min(n, a + rng.randint(1, 6)), rng.choice(SNIPPETS)


def _range(text: str, a: int, b: int) -> lsp.Range:
    idx = LineIndex(text)
    (l1, c1), (l2, c2) = idx.position_in(a, "utf-16"), idx.position_in(b, "utf-16")
    return lsp.Range(start=lsp.Position(line=l1, character=c1), end=lsp.Position(line=l2, character=c2))


async def test_two_thousand_random_edits(client, tmp_path):
    await initialize(client, options={"debounceMs": 5})
    seeds = [read(seed_file(p)) for p in ("000", "001", "002", "003", "004")]
    path = tmp_path / "report.txt"
    path.write_text("", encoding="utf-8")
    uri = uri_of(str(path))
    rng = random.Random(20240117)
    text = seeds[1]
    version = 1
    open_doc(client, uri, text, version)
    big = "\n".join(seeds[2] for _ in range(1_000_000 // len(seeds[2]) + 1))  # ≥ 1 MB paste
    assert len(big.encode()) > 1_000_000
    specials = {
        150: "whole",
        400: "paste",
        430: "empty",
        431: "whole",
        900: "whole",
        1500: "empty",
        1501: "whole",
        1200: "malformed",
        1700: "malformed",
    }
    for i in range(N_EDITS):
        version += 1
        kind = specials.get(i, "random")
        if kind == "whole":
            text = rng.choice(seeds)
            change = lsp.TextDocumentContentChangeWholeDocument(text=text)
        elif kind == "empty":
            change = lsp.TextDocumentContentChangePartial(range=_range(text, 0, len(text)), text="")
            text = ""
        elif kind == "paste":
            at = rng.randint(0, len(text))
            change = lsp.TextDocumentContentChangePartial(range=_range(text, at, at), text=big)
            text = text[:at] + big + text[at:]
        else:
            if kind == "malformed":
                raw_notify(client, "textDocument/didChange", {"textDocument": {"uri": uri}, "contentChanges": "x"})
                raw_notify(client, "textDocument/didOpen", {"textDocument": {"uri": 3}})
                with pytest.raises(JsonRpcException):
                    await raw_request(client, "textDocument/hover", {"textDocument": {"uri": uri}, "position": {}})
            a, b, new = _rand_edit(rng, text)
            change = lsp.TextDocumentContentChangePartial(range=_range(text, a, b), text=new)
            text = text[:a] + new + text[b:]
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=[change]
            )
        )
        if os.environ.get("GXLINT_STRESS_TRACE"):
            print(i, kind, version, len(text), flush=True)
        if i % 250 == 0:
            # let some intermediate versions be linted and published (and check they are current)
            pub = await wait_diagnostics(client, uri, version, timeout=60)
            assert pub.version == version
        elif i % 50 == 0:
            await asyncio.sleep(0.02)

    pub = await wait_diagnostics(client, uri, version, timeout=60)
    assert pub.version == version
    # the server is still up and agrees with the command line on the final text
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    data = cli_json(str(path))
    idx = LineIndex(text)

    def cli_key(d):
        a = idx.position_in(d["start"]["offset"], "utf-16")
        b = idx.position_in(d["end"]["offset"], "utf-16")
        return (d["code"], a[0], a[1], b[0], b[1], d["message"], d["severity"])

    sev = {1: "error", 2: "warning", 3: "information", 4: "hint"}
    want = sorted(cli_key(d) for d in data["files"][0]["diagnostics"])
    got = sorted(
        (
            d.code,
            d.range.start.line,
            d.range.start.character,
            d.range.end.line,
            d.range.end.character,
            d.message,
            sev[int(d.severity)],
        )
        for d in pub.diagnostics
    )
    assert got == want
    assert len(want) > 0
    h = await client.text_document_hover_async(
        lsp.HoverParams(text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=0, character=0))
    )
    assert h is None or h.contents.value
