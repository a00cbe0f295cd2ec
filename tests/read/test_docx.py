"""The .docx reader on hand-written WordprocessingML: body order, merged cells, numbering, tracked
changes, text boxes, fields, headers/footers — and damaged or hostile files (GX002, no traceback)."""

import io
import zipfile

import pytest

from gxlint.config import Settings
from gxlint.engine import lint_bytes
from gxlint.io import DecodeError
from gxlint.read import EXTENSIONS, read, sniff
from gxlint.read.blocks import Para, TableBlock
from gxlint.read.docx import format_number, read_docx

pytest.importorskip("lxml")

W = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)

CT = """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="xml" ContentType="application/xml"/></Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""


def make_docx(body: str, *, numbering: str = "", styles: str = "", header: str = "", footer: str = "") -> bytes:
    rels = [
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    ]
    parts = {}
    if numbering:
        rels.append(
            '<Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
        )
        parts["word/numbering.xml"] = f"<w:numbering {W}>{numbering}</w:numbering>"
    if styles:
        rels.append(
            '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        )
        parts["word/styles.xml"] = f"<w:styles {W}>{styles}</w:styles>"
    if header:
        rels.append(
            '<Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
        )
        parts["word/header1.xml"] = f"<w:hdr {W}>{header}</w:hdr>"
    if footer:
        rels.append(
            '<Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
        )
        parts["word/footer1.xml"] = f"<w:ftr {W}>{footer}</w:ftr>"
    rels.append("</Relationships>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CT)
        zf.writestr("_rels/.rels", ROOT_RELS)
        zf.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>',
        )
        zf.writestr("word/_rels/document.xml.rels", "".join(rels))
        for name, xml in parts.items():
            zf.writestr(name, xml)
    return buf.getvalue()


def p(text: str, ppr: str = "") -> str:
    return f'<w:p>{"<w:pPr>" + ppr + "</w:pPr>" if ppr else ""}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def view(data: bytes) -> str:
    return read(data, "x.docx").text


def test_paragraphs_and_tables_in_body_order_with_merges_expanded():
    tbl = (
        """<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
      <w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>"""
        + p("申请人情况")
        + """</w:tc><w:tc>"""
        + p("总计")
        + """</w:tc></w:tr>
      <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>"""
        + p("三、本年度办理结果")
        + """</w:tc><w:tc>"""
        + p("（一）予以公开")
        + """</w:tc><w:tc>"""
        + p("5")
        + """</w:tc></w:tr>
      <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc>"""
        + p("（二）部分公开")
        + """</w:tc><w:tc>"""
        + p("6")
        + """</w:tc></w:tr>
    </w:tbl>"""
    )
    data = make_docx(p("标题") + tbl + p("结尾"))
    blocks = read_docx(data)
    assert isinstance(blocks[0], Para) and isinstance(blocks[1], TableBlock) and blocks[2].text == "结尾"
    assert view(data) == (
        "标题\n| 申请人情况 |  | 总计 |\n| 三、本年度办理结果 | （一）予以公开 | 5 |\n|  | （二）部分公开 | 6 |\n结尾\n"
    )
    src = read(data, "x.docx")
    at = src.text.index("6 |")
    assert src.locate(at) == {"table": 1, "row": 3, "col": 3}
    assert src.locate(src.text.index("结尾")) == {"para": 2}


NUMBERING = """
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num>
"""


def numbered(text, ilvl=0, num=7):
    return p(text, f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>')


def test_word_numbering_is_rendered_as_word_shows_it():
    body = (
        numbered("总体情况")
        + numbered("主动公开", 1)
        + numbered("依申请公开", 1)
        + numbered("细项", 2)
        + numbered("主动公开政府信息情况")
        + numbered("第一项", 1)
        + p("正文")
    )
    text = view(make_docx(body, numbering=NUMBERING))
    assert text.splitlines() == [
        "一、总体情况",
        "（一）主动公开",
        "（二）依申请公开",
        "1.细项",
        "二、主动公开政府信息情况",
        "（一）第一项",
        "正文",
    ]


def test_numbering_from_the_paragraph_style_and_a_start_override():
    styles = """<w:style w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="8"/></w:numPr></w:pPr></w:style>
                <w:style w:styleId="H1b"><w:basedOn w:val="H1"/></w:style>"""
    numbering = (
        NUMBERING
        + """<w:num w:numId="8"><w:abstractNumId w:val="1"/>
        <w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>"""
    )
    body = p("收到和处理政府信息公开申请情况", '<w:pStyle w:val="H1b"/>') + p("复议诉讼", '<w:pStyle w:val="H1"/>')
    assert view(make_docx(body, numbering=numbering, styles=styles)).splitlines() == [
        "三、收到和处理政府信息公开申请情况",
        "四、复议诉讼",
    ]


@pytest.mark.parametrize(
    "n,fmt,out",
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (21, "chineseCounting", "二十一"),
        (105, "chineseCounting", "一百零五"),
        (3, "ideographTraditional", "丙"),
        (3, "decimalEnclosedCircle", "③"),
        (4, "upperRoman", "IV"),
        (28, "lowerLetter", "bb"),
        (3, "decimalFullWidth", "３"),
        (2, "chineseLegalSimplified", "贰"),
        (7, "decimal", "7"),
    ],
)
def test_number_formats(n, fmt, out):
    assert format_number(n, fmt) == out


def test_tracked_changes_read_as_the_current_text():
    body = """<w:p><w:r><w:t>本年新收申请</w:t></w:r><w:del><w:r><w:delText>40</w:delText></w:r></w:del>
              <w:ins><w:r><w:t>47</w:t></w:r></w:ins><w:r><w:t>件。</w:t></w:r></w:p>
              <w:p><w:pPr><w:rPr><w:del/></w:rPr></w:pPr><w:r><w:t>上一段</w:t></w:r></w:p>""" + p("接着")
    assert view(make_docx(body)).splitlines() == ["本年新收申请47件。", "上一段接着"]


def test_text_boxes_fields_and_breaks():
    body = """<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>
              <w:txbxContent><w:p><w:r><w:t>文本框里的话</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>
              <mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>文本框里的话</w:t></w:r></w:p></w:txbxContent>
              </v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
              <w:p><w:r><w:t>共</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> NUMPAGES </w:instrText></w:r>
              <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>12</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
              <w:r><w:t>页</w:t></w:r><w:fldSimple w:instr=" DATE "><w:r><w:t>2024年1月5日</w:t></w:r></w:fldSimple></w:p>
              <w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>"""
    src = read(make_docx(body), "x.docx")
    assert src.text.splitlines() == ["正文", "文本框里的话", "共12页2024年1月5日", "第一行", "第二行"]
    assert src.locate(src.text.index("文本框"))["part"] == "textbox"


def test_headers_and_footers_before_the_body_without_page_numbers():
    # before the body: after it they would stand where the signature must come last (GX506)
    header = p("某某县人民政府办公室")
    footer = p("第 1 页 共 3 页") + p("- 2 -")
    src = read(make_docx(p("正文"), header=header, footer=footer), "x.docx")
    assert src.text.splitlines() == ["某某县人民政府办公室", "正文"]
    assert src.locate(src.text.index("某某县"))["part"] == "header"


def gx002(data: bytes, path: str):
    res = lint_bytes(data, path, Settings())
    assert [d.code for d in res.diagnostics] == ["GX002"], res.diagnostics
    return res.diagnostics[0]


def test_truncated_docx_is_gx002():
    data = make_docx(p("正文") * 200)
    d = gx002(data[: len(data) // 2], "report.docx")
    assert "损坏或不完整" in d.message


def test_renamed_zip_is_gx002():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("report.txt", "hello")
    d = gx002(buf.getvalue(), "report.docx")
    assert "ZIP 压缩包" in d.message and "不是 Word 文档" in d.message
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("xl/workbook.xml", "<x/>")
    assert "Excel" in gx002(buf.getvalue(), "report.docx").message


def test_zip_bomb_inside_a_docx_is_refused_before_it_is_unpacked():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("_rels/.rels", ROOT_RELS)
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b"\0" * (1 << 20)
            for _ in range(200):  # 200 MB of zeros: ~200 KB compressed
                fh.write(chunk)
    data = buf.getvalue()
    assert len(data) < 2_000_000
    import tracemalloc

    tracemalloc.start()
    try:
        d = gx002(data, "bomb.docx")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "压缩炸弹" in d.message
    assert peak < 64 * 1024 * 1024  # nowhere near the 200 MB it would unpack to


def test_xml_entity_expansion_is_not_performed():
    lol = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
        f"<w:document {W}><w:body><w:p><w:r><w:t>&d;&d;&d;&d;&d;&d;&d;</w:t></w:r></w:p></w:body></w:document>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("_rels/.rels", ROOT_RELS)
        zf.writestr("word/document.xml", lol)
    res = lint_bytes(buf.getvalue(), "lol.docx", Settings())
    assert all(d.code != "GX001" for d in res.diagnostics)
    assert res.text is None or len(res.text) < 10_000


def test_old_binary_word_and_wps_say_save_as_docx():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    for name in ("report.doc", "REPORT.WPS", "report.txt"):
        d = gx002(ole, name)
        assert "另存为 .docx" in d.message


def test_docx_by_content_whatever_the_extension():
    data = make_docx(p("正文"))
    assert sniff(data, "report.TXT") == "zip"
    assert read(data, "report.TXT").format == "docx"
    assert read(data, "REPORT.DOCX").text == "正文\n"


def test_extensions_constant_covers_the_formats():
    for ext in (".txt", ".md", ".docx", ".html", ".htm", ".shtml", ".pdf", ".doc", ".wps"):
        assert ext in EXTENSIONS


def test_empty_and_garbage_docx_never_raise():
    for data in (b"", b"PK\x03\x04", b"PK\x03\x04" + b"\xff" * 100, make_docx("")):
        res = lint_bytes(data, "x.docx", Settings())
        assert all(d.code != "GX001" for d in res.diagnostics)
    with pytest.raises(DecodeError):
        read_docx(b"not a zip")


def test_cells_stay_one_line_and_a_bar_in_a_cell_does_not_split_it():
    tbl = (
        '<w:tbl><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc>' + p("a|b") + p("第二段") + "</w:tc></w:tr>"
        "<w:tr><w:tc>" + p("x") + "</w:tc><w:tc>" + p("1") + "</w:tc></w:tr></w:tbl>"
    )
    assert view(make_docx(tbl)) == "|  | a｜b 第二段 |\n| x | 1 |\n"


def test_numbering_through_a_numbering_style_link():
    numbering = (
        NUMBERING
        + """<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="ListH"/></w:abstractNum>
        <w:num w:numId="9"><w:abstractNumId w:val="2"/></w:num>"""
    )
    styles = '<w:style w:styleId="ListH"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>'
    body = numbered("总体情况", 0, 9) + numbered("主动公开政府信息情况", 0, 9)
    assert view(make_docx(body, numbering=numbering, styles=styles)).splitlines() == [
        "一、总体情况",
        "二、主动公开政府信息情况",
    ]


def test_strict_open_xml_namespaces():
    data = make_docx(numbered("总体情况"), numbering=NUMBERING)
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(buf, "w") as zout:
        for info in zin.infolist():
            raw = zin.read(info).replace(
                b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                b"http://purl.oclc.org/ooxml/wordprocessingml/main",
            )
            zout.writestr(info, raw)
    assert view(buf.getvalue()) == "一、总体情况\n"


def test_password_protected_docx_says_so():
    # Word stores an encrypted .docx as an OLE container with an EncryptedPackage stream
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 500
    d = gx002(data, "report.docx")
    assert "密码" in d.message


def test_hidden_text_is_not_read():
    body = (
        "<w:p><w:r><w:t>本年新收申请</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>（隐藏的批注）</w:t></w:r>"
        '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>47件。</w:t></w:r></w:p>'
    )
    assert view(make_docx(body)) == "本年新收申请47件。\n"


def _tc(text: str, span: int = 1) -> str:
    tcpr = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
    return f"<w:tc>{tcpr}{p(text)}</w:tc>"


def test_a_sliver_grid_column_left_by_a_converter_is_no_column():
    """LibreOffice saving a .doc as .docx: cell widths that do not add up leave a 1-twip grid column
    where a merged cell starts; read as a column it shifted every row below by one."""
    grid = (
        "<w:tblGrid>"
        + '<w:gridCol w:w="576"/>' * 2
        + '<w:gridCol w:w="1"/>'
        + '<w:gridCol w:w="576"/>' * 2
        + "</w:tblGrid>"
    )
    rows = [
        _tc("行政复议", 2) + _tc("行政诉讼", 3),
        _tc("维持") + _tc("纠正", 2) + _tc("维持") + _tc("纠正"),
        _tc("1") + _tc("2", 2) + _tc("3") + _tc("4"),
    ]
    body = f"<w:tbl>{grid}" + "".join(f"<w:tr>{r}</w:tr>" for r in rows) + "</w:tbl>"
    (t,) = read_docx(make_docx(body))
    assert [[c.text for c in r] for r in t.rows] == [
        ["行政复议", "", "行政诉讼", ""],
        ["维持", "纠正", "维持", "纠正"],
        ["1", "2", "3", "4"],
    ]
    assert [c.loc["col"] for c in t.rows[2]] == [1, 2, 3, 4]
    # a narrow column with text of its own is kept
    rows[2] = _tc("1") + _tc("2") + _tc("x") + _tc("3") + _tc("4")
    body = f"<w:tbl>{grid}" + "".join(f"<w:tr>{r}</w:tr>" for r in rows) + "</w:tbl>"
    (t,) = read_docx(make_docx(body))
    assert len(t.rows[0]) == 5
