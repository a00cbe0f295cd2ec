"""Damaged documents never raise: a valid .docx with bytes overwritten or cut, HTML made of random
fragments — each gives findings or one GX002, never a traceback (GX001)."""

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gxlint.config import Settings
from gxlint.engine import lint_bytes

pytest.importorskip("lxml")

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx() -> bytes:
    body = (
        '<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>'
        '<w:p><w:r><w:t>申请人情况</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/>'
        "</w:tcPr><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>4</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:  # stored: overwritten bytes reach the XML
        zf.writestr("word/document.xml", f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>')
    return buf.getvalue()


DOCX = _docx()


def _ok(data: bytes, name: str) -> None:
    res = lint_bytes(data, name, Settings())
    assert all(d.code != "GX001" for d in res.diagnostics), res.diagnostics


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(DOCX) - 1), st.integers(0, 255)), max_size=6), st.integers(0, len(DOCX)))
def test_overwritten_or_cut_docx_never_raises(edits, cut):
    data = bytearray(DOCX)
    for pos, byte in edits:
        data[pos] = byte
    _ok(bytes(data[:cut] if cut > 4 else data), "x.docx")


FRAGMENTS = [
    "<table>",
    "</table>",
    "<tr>",
    "<td rowspan=3>",
    "<td colspan=0>",
    "</td>",
    "<br>",
    "&nbsp;",
    "<p>",
    "</p>",
    "<div class='nav'>",
    "</div>",
    "<o:p>",
    "<!--",
    "-->",
    "<![if !supportLists]>",
    "<script>",
    "</script>",
    "一、总体情况",
    "47",
    "\u3000",
    "<meta charset=gbk>",
    "<span style='mso-list:Ignore'>",
]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=5), max_size=40))
def test_html_from_random_fragments_never_raises(parts):
    _ok(("<html><body>" + "".join(parts)).encode("utf-8", "surrogatepass"), "x.html")
