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
    body = (
        p("某县2023年政府信息公开工作年度报告")
        + "<w:tbl>"
        + _row(_tc("总计"), '<w:gridBefore w:val="2000000000"/>')
        + "</w:tbl>"
    )
    f = tmp_path / "gb.docx"
    f.write_bytes(make_docx(body))
    _gx002(check(f), "table 1 is too large")


def test_docx_rows_of_wide_spans_are_gx002(tmp_path):
    row = _row(_tc("1", 64) * 4)  # 256 columns: allowed per row, but not 600 such rows
    body = p("某县2023年政府信息公开工作年度报告") + "<w:tbl>" + row * 600 + "</w:tbl>"
    f = tmp_path / "span.docx"
    f.write_bytes(make_docx(body))
    assert f.stat().st_size < 20_000
    _gx002(check(f), "table 1 is too large")
    wide = p("报告") + "<w:tbl>" + _row(_tc("1", 64) * 5) + "</w:tbl>"  # 320 columns in one row
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


# --- item 6: HTML spans and source anchoring -------------------------------------------------

TITLE = "<p>某县2023年政府信息公开工作年度报告</p>"


def _page(body: str) -> bytes:
    return f"<html><head><meta charset='utf-8'></head><body>{TITLE}{body}</body></html>".encode()


def test_html_row_and_column_spans_are_bounded(tmp_path):
    row = "<tr>" + '<td rowspan="200" colspan="200">1</td>' * 6 + "</tr>\n"
    f = tmp_path / "spans.html"
    f.write_bytes(_page("<table>" + row * 1200 + "</table>"))
    assert 200_000 < f.stat().st_size < 300_000
    _gx002(check(f), "table 1 is too large")


def anchoring_page(size: int = 220_000) -> bytes:
    """Cells whose text is written as character references while their attributes repeat it:
    every search for the text meets the attributes (this took 70 s at 220 KB)."""
    row = '<tr><td class="1 1 1 1 1 1 1 1 1 1">&#49;</td><td title="1111111111">&#49;&#50;</td></tr>\n'
    return _page("<table>" + row * (size // len(row)) + "</table>")


def test_html_source_anchoring_is_linear(tmp_path):
    from gxlint.read.html import ANCHOR_BUDGET, _anchor, read_html_str

    page = anchoring_page().decode()
    blocks = read_html_str(page)
    assert sum(len(b.rows) for b in blocks if hasattr(b, "rows")) > 2000
    assert _anchor(blocks, page) <= ANCHOR_BUDGET * len(page) + (1 << 20)
    f = tmp_path / "anchor.html"
    f.write_bytes(page.encode())
    assert check(f, timeout=120) is not None  # was 70 s of CPU: a generous bound, not a timing


def test_html_anchoring_still_finds_every_block():
    from gxlint.read.html import read_html_str

    page = _page(
        '<p class="x1">本年<b>新收</b>申请1件。</p><table><tr><td width="1">行</td><td>1</td></tr></table>'
    ).decode()
    blocks = read_html_str(page)
    cells = [c for b in blocks if hasattr(b, "rows") for r in b.rows for c in r]
    for b in [x for x in blocks if not hasattr(x, "rows")] + cells:
        off = b.loc["offset"]
        assert page[off] == b.text[0], (b.text, page[off : off + 10])


# --- item 9: HTML nested deeper than the parser's default ------------------------------------


def _deep(n: int) -> bytes:
    paras = "".join(f"<div><p>第{k}段 本年共收到申请{k}件。</p>\n" for k in range(n))
    return _page(paras + "<p>六、其他需要报告的事项 结尾</p>")


def test_html_nested_past_256_levels_loses_no_text():
    from gxlint.read import read

    text = read(_deep(1500), "x.html").text
    assert "第1499段" in text and "结尾" in text


def test_html_nested_past_the_parser_limit_is_gx002_not_a_partial_report(tmp_path):
    f = tmp_path / "deep.html"
    f.write_bytes(_deep(3000))
    diags = check(f)
    _gx002(diags, "levels deep")
    assert codes(diags) == ["GX002"]


# --- item 7: PDF filter chains -------------------------------------------------------------------


def test_pdf_inflate_bomb_behind_a_filter_chain_is_refused(tmp_path):
    import pdfmake

    for outer in ("hex", "a85"):
        f = tmp_path / f"chain-{outer}.pdf"
        f.write_bytes(pdfmake.inflate_bomb(512, outer=outer))
        assert f.stat().st_size < 8 << 20
        _gx002(check(f), "inflates past 4 MB")


def _lzw_encode(data: bytes) -> bytes:
    """LZW as PDF writes it (9–12-bit codes, early change), for the decoder's round trip: the
    codes first, then each one's width as a reader's table (one entry behind) dictates."""
    table = {bytes([i]): i for i in range(256)}
    codes, w = [256], b""
    for ch in data:
        wc = w + bytes([ch])
        if wc in table:
            w = wc
            continue
        codes.append(table[w])
        table[wc] = len(table) + 2
        if len(table) + 2 >= 4000:
            codes.append(256)
            table = {bytes([i]): i for i in range(256)}
        w = bytes([ch])
    codes += [table[w], 257]
    bits, width, size, first = [], 9, 258, True
    for c in codes:
        bits.append(format(c, f"0{width}b"))
        if c == 256:
            width, size, first = 9, 258, True
            continue
        size += 0 if first else 1
        first = False
        if size + 1 >= (1 << width) and width < 12:
            width += 1
    s = "".join(bits)
    s += "0" * (-len(s) % 8)
    return int(s, 2).to_bytes(len(s) // 8, "big")


def test_each_pdf_filter_stage_decodes_and_is_capped():
    import base64
    import binascii
    import zlib

    from gxlint.read.pdf import _stage

    text = b"BT /F1 12 Tf (hello 2023) Tj ET\n" * 300
    z = zlib.compress(text)
    assert _stage("flate", z, 1 << 20) == text
    assert _stage("hex", binascii.hexlify(z) + b">", 1 << 20) == z
    assert _stage("a85", base64.a85encode(b"\0" * 64 + z) + b"~>", 1 << 20) == b"\0" * 64 + z
    assert _stage("rl", bytes([257 - 100]) + b"x" + bytes([2]) + b"abc" + b"\x80", 1 << 20) == b"x" * 100 + b"abc"
    assert _stage("lzw", _lzw_encode(text), 1 << 20) == text
    # every stage stops one byte past its cap
    assert len(_stage("flate", zlib.compress(b"\0" * 10_000), 1000)) == 1001
    assert len(_stage("a85", b"z" * 10_000, 1000)) == 1001
    assert len(_stage("rl", bytes([129, 0]) * 1000, 1000)) == 1001
    assert len(_stage("lzw", _lzw_encode(b"\0" * 50_000), 1000)) == 1001


# --- item 18: a .docx's images do not count against the size limit ----------------------------


def test_a_docx_large_because_of_images_is_read(tmp_path):
    import io
    import os
    import zipfile

    body = p("某县2023年政府信息公开工作年度报告") + p("一、总体情况") + p("本年共收到申请3件。")
    buf = io.BytesIO(make_docx(body))
    with zipfile.ZipFile(buf, "a", zipfile.ZIP_STORED) as zf:
        zf.writestr("word/media/image1.png", os.urandom(21 * 1024 * 1024))  # incompressible
    f = tmp_path / "photos.docx"
    f.write_bytes(buf.getvalue())
    assert f.stat().st_size > 20 * 1024 * 1024
    diags = check(f)
    assert "GX002" not in codes(diags), [d["message"] for d in diags]
    assert any(d["code"] == "GX101" for d in diags)  # read: its text is checked
    # a text file of that size is still refused, and so is a package past 16 times the limit
    t = tmp_path / "big.txt"
    t.write_bytes(b"a" * (21 * 1024 * 1024))
    _gx002(check(t), "too large")
    _gx002(check(f, "--max-bytes", str(1024 * 1024)), "too large")


# --- item 19: w:altChunk is read, or said to be there ------------------------------------------


def _with_chunk(body: str, name: str, data: bytes) -> bytes:
    import io
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(make_docx(body)))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            raw = src.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                raw = raw.replace(
                    b"</Relationships>",
                    (
                        b'<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" '
                        b'Target="' + name.encode() + b'"/></Relationships>'
                    ),
                )
            zf.writestr(info, raw)
        zf.writestr("word/" + name, data)
    return buf.getvalue()


CHUNK = '<w:altChunk r:id="rIdC"/>'


def test_an_html_alt_chunk_is_read_in_place():
    from gxlint.read import read

    page = (
        "<html><body><p>一、总体情况</p><p>本年共收到申请3件。</p>"
        "<table><tr><td>（一）予以公开</td><td>3</td></tr></table></body></html>"
    ).encode("utf-8")
    data = _with_chunk(p("某县2023年政府信息公开工作年度报告") + CHUNK + p("六、其他需要报告的事项"), "chunk.htm", page)
    src = read(data, "x.docx")
    t = src.text
    assert t.index("年度报告") < t.index("本年共收到申请3件") < t.index("六、其他")
    assert "| （一）予以公开 | 3 |" in t
    assert src.locate(t.index("本年共收到"))["part"] == "word/chunk.htm"


def test_a_docx_alt_chunk_is_read_and_an_rtf_one_is_gx002(tmp_path):
    from gxlint.read import read

    inner = make_docx(p("本年共收到申请5件。"))
    t = read(_with_chunk(p("报告") + CHUNK, "sub.docx", inner), "x.docx").text
    assert "本年共收到申请5件。" in t
    f = tmp_path / "rtf.docx"
    f.write_bytes(_with_chunk(p("某县2023年政府信息公开工作年度报告") + CHUNK, "chunk.rtf", b"{\\rtf1\\ansi hello}"))
    diags = check(f)
    _gx002(diags, "RTF")
    assert codes(diags) == ["GX002"]  # never the GX101 of a report read in part


# --- item 10: PDF fonts without a ToUnicode map (after ghostscript pdfwrite) ---------------------


def _without_tounicode(tmp_path):
    import os
    import shutil
    import subprocess

    import pytest

    gs = shutil.which("gs")
    if gs is None:
        pytest.skip("ghostscript (gs) is not installed")
    src = os.path.join(os.path.dirname(os.path.dirname(__file__)), "fixtures", "pdf", "synth-1-change_cell.pdf")
    out = tmp_path / "gs.pdf"
    subprocess.run(
        [gs, "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite", "-dCompressPages=false", f"-sOutputFile={out}", src],
        check=True,
        timeout=120,
        capture_output=True,
    )
    data = out.read_bytes()
    assert b"/ToUnicode" in data
    nomap = tmp_path / "nomap.pdf"
    nomap.write_bytes(data.replace(b"/ToUnicode", b"/ToUnicodX"))  # same length: the xref holds
    return out, nomap


def test_pdf_without_unicode_maps_is_gx002_not_mojibake(tmp_path):
    with_map, nomap = _without_tounicode(tmp_path)
    diags = check(nomap)
    _gx002(diags, "cannot be extracted")
    assert codes(diags) == ["GX002"]  # not GX101 and fifty bogus warnings
    assert "GX002" not in codes(check(with_map))  # the same file with its maps reads


def test_glyph_order_tells_glyph_numbers_from_text():
    from gxlint.read.layout import glyph_order as _glyph_order

    assert _glyph_order("! \"#$%&'()*+,-./0 ,-.12 34 56,-. 7 8 9 7 :;,-.<=#/$>?@AB,-.CDE$ #FGHIJKLMN")
    assert not _glyph_order(
        "西秀区人民政府2019年政府信息公开工作年度报告本报告根据《中华人民共和国政府信息公开条例》和国办公开办函"
    )
    assert not _glyph_order("abcdefghijklmnopqrstuvwxyz")  # too few to tell
    assert not _glyph_order("The quick brown fox jumps over the lazy dog, 1234567890 times: PACKING BOX WITH JUGS")
