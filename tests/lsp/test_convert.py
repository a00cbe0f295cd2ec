"""Diagnostics → the JSON a client receives (gxlint/lsp/convert.py).

- :func:`convert.to_json` is exactly what lsprotocol's converter makes of the Diagnostic object
  (field names, omitted empty fields, the fix in ``data``): structured and unstructured again, it
  comes back unchanged.
- :func:`convert.convert_all` with the previous version's conversion reuses the findings the edit
  did not move; whatever the edit, the result is the one a conversion from scratch gives.
"""

from __future__ import annotations

import json
import os
import random

import pytest
from lsprotocol import types as lsp
from lsprotocol.converters import get_converter

from gxlint.engine import lint
from gxlint.lsp import convert
from gxlint.positions import LineIndex

SEEDS = os.path.join(os.path.dirname(os.path.dirname(__file__)), "fixtures", "seeds")
URI = "file:///tmp/report.txt"
DOCS = "https://example.invalid/rules/"


def _seed(prefix: str) -> str:
    name = next(n for n in sorted(os.listdir(SEEDS)) if n.startswith(prefix) and n.endswith(".txt"))
    with open(os.path.join(SEEDS, name), encoding="utf-8", newline="") as fh:
        return fh.read()


def _traditional() -> str:
    from gxlint import synth

    return synth.sample(
        3, size=8000, layout="pipe", defects=["change_cell"], script="traditional", pinyin=True, prose=True
    ).text


def _convert(text: str, enc: str = "utf-16", prev=None):
    res = lint(text, "report.txt")
    lines = res.doc.lines if res.doc is not None else LineIndex(text)
    return convert.convert_all(res.diagnostics, lines, URI, enc, DOCS, prev)


@pytest.mark.parametrize("enc", ["utf-16", "utf-8", "utf-32"])
def test_json_is_lsprotocols_json_of_the_diagnostic(enc):
    conv = get_converter()
    text = "𠀀" + _seed("001")
    _kept, c = _convert(text, enc)
    assert len(c.json_list) > 5
    for j in c.json_list:
        obj = conv.structure(j, lsp.Diagnostic)
        assert conv.unstructure(obj) == j
    assert json.loads(c.items_json) == c.json_list


def test_traditional_report_fixes_are_in_data():
    _kept, c = _convert(_traditional())
    with_edits = [j for j in c.json_list if (j["data"].get("fix") or {}).get("edits")]
    assert any(j["code"] == "GX601" for j in with_edits)
    assert any(j["data"]["fix"]["edits"] is None for j in c.json_list if j["data"].get("fix"))  # the whole-document fix


def _edits(text: str, rnd: random.Random):
    """Edits a drafter makes: a character typed or deleted, a digit changed, a line broken or joined."""
    for _ in range(40):
        i = rnd.randrange(len(text) + 1)
        kind = rnd.choice(["insert", "delete", "digit", "newline", "join", "crlf", "astral"])
        if kind == "insert":
            yield text[:i] + rnd.choice("的年1０件（") + text[i:]
        elif kind == "delete" and i < len(text):
            yield text[:i] + text[i + 1 :]
        elif kind == "digit":
            k = next((m for m in range(i, len(text)) if text[m].isdigit()), None)
            if k is not None:
                yield text[:k] + str((int(text[k]) + 1) % 10) + text[k + 1 :]
        elif kind == "newline":
            yield text[:i] + "\n" + text[i:]
        elif kind == "join":
            k = text.find("\n", i)
            if k >= 0:
                yield text[:k] + text[k + 1 :]
        elif kind == "crlf":
            k = text.find("\n", i)
            if k >= 0:
                yield text[:k] + "\r" + text[k + 1 :]
        elif kind == "astral":
            yield text[:i] + "𠀀" + text[i:]


@pytest.mark.parametrize("source", ["001", "003", "traditional", "crlf"])
@pytest.mark.parametrize("enc", ["utf-16", "utf-8"])
def test_reuse_gives_what_a_conversion_from_scratch_gives(source, enc):
    if source == "traditional":
        text = _traditional()
    elif source == "crlf":
        text = _seed("001").replace("\r\n", "\n").replace("\n", "\r\n")
    else:
        text = _seed(source)
    rnd = random.Random(f"{source}-{enc}")
    _kept, prev = _convert(text, enc)
    for new in _edits(text, rnd):
        kept, got = _convert(new, enc, prev)
        _k2, want = _convert(new, enc)
        assert got.json_list == want.json_list
        assert got.items_json == want.items_json
        prev, text = got, new


def test_a_keystroke_converts_only_the_findings_it_moved(monkeypatch):
    text = _traditional()
    _kept, prev = _convert(text)
    calls = []
    real = convert.to_json
    monkeypatch.setattr(convert, "to_json", lambda d, *a: calls.append(d.code) or real(d, *a))
    # a character typed at the end of the last line: nothing before it moves
    _kept, got = _convert(text + "。", prev=prev)
    assert len(got.json_list) > 30
    assert len(calls) <= 2, calls
    # typed at the very start: everything moves along its first line only
    calls.clear()
    _kept, got2 = _convert("。" + text, prev=prev)
    assert len(calls) < 10, calls
    assert got2.items_json == _convert("。" + text)[1].items_json


def test_edit_region():
    assert convert.edit_region("abcdef", "abXdef") == (2, 3, 3)
    assert convert.edit_region("abcdef", "abdef") == (2, 3, 2)
    assert convert.edit_region("aaaa", "aaaaa") == (4, 4, 5)
    assert convert.edit_region("", "x") == (0, 0, 1)
    assert convert.edit_region("same", "same") == (4, 4, 4)


def test_a_message_with_a_lone_surrogate_is_framed_as_json_writes_it():
    """A client may send a lone surrogate (JSON from a JavaScript string); text the server sends
    back can hold it: it goes out as its \\u escape, and Content-Length counts the bytes."""
    from gxlint.lsp import stdio

    framed = stdio.frame(stdio.notification("x", {"m": stdio.Raw(stdio.dumps(["a\ud800b", "中"]))}))
    head, body = framed.split(b"\r\n\r\n", 1)
    assert head.startswith(b"Content-Length: %d\r\n" % len(body))
    assert json.loads(body) == {"jsonrpc": "2.0", "method": "x", "params": {"m": ["a\ud800b", "中"]}}
    assert "中".encode("utf-8") in body  # characters as they are, not \u escapes
