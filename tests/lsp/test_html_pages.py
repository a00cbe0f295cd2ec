"""The language server on an .html page open in the editor: the page's text is linted, the ranges
are in the HTML source (on the figures inside their <td>), and fixes are not offered."""

from __future__ import annotations

import os
import random
import sys

import pytest

from gxlint import synth
from gxlint.positions import LineIndex

from .conftest import ROOT, initialize, open_doc, wait_diagnostics

pytestmark = pytest.mark.asyncio
pytest.importorskip("lxml")
sys.path.insert(0, os.path.join(ROOT, "tests", "read"))


async def test_html_page_diagnostics_point_into_the_html_source(client, tmp_path):
    from docgen import build_html

    rep = synth.generate(5, template="v2021")
    rep, (defect,) = synth.inject(rep, ["change_cell"], random.Random(1))
    source = build_html(rep)
    await initialize(client)
    uri = "file://" + str(tmp_path / "report.html")
    open_doc(client, uri, source, version=1, language="html")
    pub = await wait_diagnostics(client, uri, 1)
    arith = [d for d in pub.diagnostics if str(d.code).startswith("GX3")]
    assert arith, pub.diagnostics
    idx = LineIndex(source)
    for d in arith:
        a = idx.offset_at(d.range.start.line, d.range.start.character, "utf-16")
        b = idx.offset_at(d.range.end.line, d.range.end.character, "utf-16")
        assert source.rfind("<td>", 0, a) > source.rfind("</td>", 0, a)  # inside a cell
        assert source[a:b].isdigit()
        assert not (d.data or {}).get("fix")
    # the changed cell itself is among them
    value = str(rep.t3[defect.target[1]][defect.target[2]]) if defect.target[0] == "t3" else None
    if value is not None:
        assert any(
            source[
                idx.offset_at(d.range.start.line, d.range.start.character, "utf-16") : idx.offset_at(
                    d.range.end.line, d.range.end.character, "utf-16"
                )
            ]
            == value
            for d in arith
        )
