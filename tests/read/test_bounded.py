"""Bounded time and memory in the readers (issue 29, items 5–10, 17–19): a few KB of hostile
markup may not cost gigabytes; a table or list beyond any report's size is GX002 with the reason,
and nothing is silently lost."""
from __future__ import annotations

from readbounds import check, codes
from test_docx import make_docx, p


def _gx002(diags, needle: str) -> dict:
    hits = [d for d in diags if d["code"] == "GX002"]
    assert hits, codes(diags)
    assert needle in hits[0]["message"], hits[0]["message"]
    return hits[0]


# --- item 5: .docx grids and list numbers ------------------------------------------------------

def _row(cells: str, trpr: str = "") -> str:
    return f"<w:tr>{'<w:trPr>' + trpr + '</w:trPr>' if trpr else ''}{cells}</w:tr>"


def _tc(text: str = "0", span: int = 1) -> str:
    pr = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
    return f"<w:tc>{pr}{p(text)}</w:tc>"


def test_docx_huge_grid_before_is_gx002(tmp_path):
    body = p("某县2023年政府信息公开工作年度报告") + "<w:tbl>" + \
        _row(_tc("总计"), '<w:gridBefore w:val="2000000000"/>') + "</w:tbl>"
    f = tmp_path / "gb.docx"
    f.write_bytes(make_docx(body))
    _gx002(check(f), "table 1 is too large")


def test_docx_rows_of_wide_spans_are_gx002(tmp_path):
    row = _row(_tc("1", 64) * 4)            # 256 columns: allowed per row, but not 600 such rows
    body = p("某县2023年政府信息公开工作年度报告") + "<w:tbl>" + row * 600 + "</w:tbl>"
    f = tmp_path / "span.docx"
    f.write_bytes(make_docx(body))
    assert f.stat().st_size < 20_000
    _gx002(check(f), "table 1 is too large")
    wide = p("报告") + "<w:tbl>" + _row(_tc("1", 64) * 5) + "</w:tbl>"     # 320 columns in one row
    f.write_bytes(make_docx(wide))
    _gx002(check(f), "320 columns")


def test_docx_list_numbers_past_words_limit_are_gx002(tmp_path):
    numbering = """<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="4000000000"/>
      <w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>"""
    item = p("事项", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
    f = tmp_path / "num.docx"
    f.write_bytes(make_docx(p("某县2023年政府信息公开工作年度报告") + item * 50, numbering=numbering))
    _gx002(check(f), "4,000,000,000")


def test_a_real_sized_docx_table_and_list_still_read():
    from gxlint.read import read

    tbl = "<w:tbl>" + _row(_tc("a", 2) + _tc("b") * 10, '<w:gridBefore w:val="1"/>') * 40 + "</w:tbl>"
    numbering = """<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="27"/>
      <w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>"""
    item = p("事项", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
    text = read(make_docx(tbl + item, numbering=numbering), "x.docx").text
    assert "aa.事项" in text and text.count("| b") >= 400
