"""The OFD reader (gxlint/read/ofd.py): OFD files written from a PDF's characters and ruling lines
(ofdmake.py, GB/T 33190's structure) read as the PDF is read — same text, same findings, on the same
pages — whether the text is in runs spaced by DeltaX, one object per character, or glyph numbers
the embedded font maps; and every kind of bad OFD turned into one GX002 reason."""

import io
import os
import zipfile

import pytest

from gxlint.engine import lint, lint_bytes
from gxlint.io import DecodeError
from gxlint.read.blocks import Para, TableBlock, render
from gxlint.read.ofd import PT, deltas, read_ofd
from gxlint.read.pdf import read_pdf
from read import ofdmake, pdfmake
from seedutil import CORPUS_REAL

HONGZE = os.path.join(CORPUS_REAL, "hongze-2023.pdf")
MODES = ["runs", "chars", "glyphs"]


@pytest.fixture(scope="module")
def hongze():
    with open(HONGZE, "rb") as fh:
        pdf = fh.read()
    blocks = read_pdf(pdf)
    text = render(blocks)[0]
    return pdf, text, lint(text, "hongze.pdf").diagnostics


@pytest.mark.parametrize("mode", MODES)
def test_an_ofd_of_the_published_report_reads_as_its_pdf(hongze, mode):
    pdf, text, _ = hongze
    assert render(read_ofd(ofdmake.from_pdf(pdf, mode)))[0] == text


@pytest.mark.parametrize("mode", MODES)
def test_the_same_findings_on_the_same_pages(hongze, mode):
    pdf, _, pdf_diags = hongze
    res = lint_bytes(ofdmake.from_pdf(pdf, mode), "hongze.ofd")
    assert res.meta["format"] == "ofd"
    ofd = sorted((d.code, d.message, d.data.get("source", {}).get("page")) for d in res.diagnostics)
    want = sorted((d.code, d.message, None) for d in pdf_diags)
    assert [(c, m) for c, m, _ in ofd] == [(c, m) for c, m, _ in want] and ofd
    # the PDF's findings point at its pages; the OFD's at the same pages, boxes in millimetres
    from gxlint.engine import lint_path

    pdf_res = lint_path(HONGZE)
    pages = sorted((d.code, d.message, d.data.get("source", {}).get("page")) for d in pdf_res.diagnostics)
    assert ofd == pages
    for d in res.diagnostics:
        box = d.data.get("source", {}).get("bbox")
        if box:
            assert 0 <= box[0] < box[2] <= 210 and 0 <= box[1] < box[3] <= 297


def test_native_locations_are_pages_and_boxes_in_millimetres(hongze):
    pdf, _, _ = hongze
    ofd_blocks, pdf_blocks = read_ofd(ofdmake.from_pdf(pdf)), read_pdf(pdf)
    assert len(ofd_blocks) == len(pdf_blocks)
    for a, b in zip(ofd_blocks, pdf_blocks):
        assert a.loc["page"] == b.loc["page"]
        assert all(abs(u * PT - v) < 3 for u, v in zip(a.loc["bbox"], b.loc["bbox"])), (a.loc, b.loc)


def test_deltax_lists():
    assert deltas("g 3 4.2 2.1", 5) == [4.2, 4.2, 4.2, 2.1]
    assert deltas("3", 4) == [3.0, 3.0, 3.0]  # a short list repeats its last value
    assert deltas("1 2 3 4 5", 3) == [1.0, 2.0]
    assert deltas("g x 1", 3) is None and deltas("", 3) is None and deltas("1", 1) is None


def _one_page(objects):
    return ofdmake.package(
        {
            "OFD.xml": ofdmake.ofd_xml(),
            "Doc_0/Document.xml": ofdmake.document_xml(1),
            "Doc_0/PublicRes.xml": ofdmake.public_res(),
            "Doc_0/Pages/Page_0/Content.xml": ofdmake.page_xml(objects),
        }
    )


def test_text_in_separate_runs_spaced_by_deltax():
    """One line written as three TextCodes: X/Y and a `g` run, a run that starts elsewhere, and one
    without X that goes on where the previous one ended; a space character is a gap, not text."""
    line = (
        '<ofd:TextObject ID="1" Boundary="20 20 170 10" Font="2" Size="4.2">'
        '<ofd:TextCode X="0" Y="5" DeltaX="g 5 4.2">本年新收申请</ofd:TextCode>'
        '<ofd:TextCode X="31" Y="5" DeltaX="2.1">12</ofd:TextCode>'
        '<ofd:TextCode DeltaX="4.2">件，办结</ofd:TextCode>'
        '<ofd:TextCode X="60" Y="5" DeltaX="2.1 2.1 1.6 2.4">Ab cd</ofd:TextCode></ofd:TextObject>'
    )
    (para,) = read_ofd(_one_page([line]))
    assert para.text == "本年新收申请 12件，办结 Ab cd"
    assert para.loc["page"] == 1


def test_ruled_table_across_a_page_break_is_one_table():
    """A ruled table ends page 1 and goes on at the top of page 2 under a repeat of its header row:
    the OFD of that PDF gives one table, the header once, the rows in order, on their pages."""
    xs = [72, 300, 400, 500]

    def rows(y0, cells):
        return [(x + 4, y0 + 20 * k + 14, t) for k, row in enumerate(cells) for x, t in zip(xs, row)]

    def grid(ys):
        return [(xs[0], y, xs[-1], y) for y in ys] + [(x, ys[0], x, ys[-1]) for x in xs]

    head = ["Item", "Applied", "Done"]
    page1 = [(72, 100, "Some text before the table")] + rows(700, [head, ["first", "1", "2"], ["second", "3", "4"]])
    page2 = rows(80, [head, ["third", "5", "6"], ["fourth", "7", "8"]]) + [(72, 200, "Text after it")]
    pdf = pdfmake.placed_text_pdf([page1, page2], rules=[grid([700, 720, 740, 760]), grid([80, 100, 120, 140])])
    blocks = read_ofd(ofdmake.from_pdf(pdf))
    assert [type(b).__name__ for b in blocks] == ["Para", "TableBlock", "Para"]
    assert [[c.text for c in r] for r in blocks[1].rows] == [
        head,
        ["first", "1", "2"],
        ["second", "3", "4"],
        ["third", "5", "6"],
        ["fourth", "7", "8"],
    ]
    assert [r[0].loc["page"] for r in blocks[1].rows] == [1, 1, 1, 2, 2]
    # without its ruling lines the same text is no ruled table
    no_rules = read_ofd(ofdmake.from_pdf(pdfmake.placed_text_pdf([page1, page2])))
    assert not any(isinstance(b, TableBlock) and len(b.rows) == 5 for b in no_rules)


def test_glyph_numbers_are_read_through_the_font_map(hongze):
    """The text is private-use codes: the embedded font's cmap tells the characters; without the
    font file they cannot be told, and the file gets one reason, not a report 'missing' every part."""
    pdf, text, _ = hongze
    data = ofdmake.from_pdf(pdf, "glyphs")
    assert render(read_ofd(data))[0] == text
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = {n: zf.read(n) for n in zf.namelist() if not n.endswith(".ttf")}
    assert _reason(ofdmake.package(parts)) == ("ofd_unmapped_text", {"share": "100%"})


# ----------------------------------------------------------------------------- bad OFDs → one GX002 reason


def _reason(data):
    with pytest.raises(DecodeError) as exc:
        read_ofd(data)
    from gxlint.engine import registry

    msg = registry()["GX002"].messages[exc.value.message_id]
    for lang in ("zh", "en"):
        msg[lang].format(**exc.value.kwargs)
    res = lint_bytes(data, "report.ofd")  # and through the engine: one GX002, no traceback
    assert [d.code for d in res.diagnostics] == ["GX002"]
    return exc.value.message_id, exc.value.kwargs


@pytest.fixture(scope="module")
def small():
    pdf = pdfmake.placed_text_pdf(
        [
            [(72, 100, "Page one of the report")],
            [(72, 100, "Page two of the report")],
            [(72, 100, "Page three of the report")],
        ]
    )
    return ofdmake.from_pdf(pdf)


def test_a_whole_small_ofd_reads(small):
    assert [b.text for b in read_ofd(small)] == [
        "Page one of the report",
        "Page two of the report",
        "Page three of the report",
    ]


def test_truncated_ofd(small):
    for cut in (len(small) // 3, len(small) - 30, 100):
        assert _reason(small[:cut])[0] == "damaged_ofd"


def test_ofd_with_a_page_missing():
    pdf = pdfmake.placed_text_pdf([[(72, 100, f"Page {n} of the report")] for n in range(1, 4)])
    assert _reason(ofdmake.from_pdf(pdf, skip_pages=(1,))) == (
        "ofd_missing_page",
        {"page": 2, "part": "Doc_0/Pages/Page_1/Content.xml"},
    )


def test_ofd_without_its_document():
    assert _reason(ofdmake.package({"OFD.xml": ofdmake.ofd_xml()}))[0] == "ofd_missing_part"
    assert _reason(ofdmake.package({"OFD.xml": "<ofd:OFD xmlns:ofd='x'><unclosed"}))[0] == "damaged_ofd"


def test_encrypted_ofd(small):
    with zipfile.ZipFile(io.BytesIO(small)) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts["Encryptions.xml"] = b"<ofd:Encryptions xmlns:ofd='http://www.ofdspec.org/2016'/>"
    assert _reason(ofdmake.package(parts)) == ("encrypted_ofd", {})
    # an entry in OFD.xml that says the document is encrypted
    parts = dict(parts)
    del parts["Encryptions.xml"]
    parts["OFD.xml"] = ofdmake.ofd_xml().replace(
        "<ofd:DocRoot>", "<ofd:Encryptions>E.xml</ofd:Encryptions><ofd:DocRoot>"
    )
    assert _reason(ofdmake.package(parts)) == ("encrypted_ofd", {})


def test_zip_bomb_ofd(small):
    with zipfile.ZipFile(io.BytesIO(small)) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    page = parts["Doc_0/Pages/Page_0/Content.xml"].decode()
    parts["Doc_0/Pages/Page_0/Content.xml"] = page.replace("<ofd:Content>", "<ofd:Content>" + " " * (200 << 20), 1)
    data = ofdmake.package(parts)
    assert len(data) < 2 << 20
    assert _reason(data) == ("ofd_bomb", {"part": "Doc_0/Pages/Page_0/Content.xml"})


def test_deep_xml_ofd():
    deep = "<ofd:PageBlock>" * 5000 + "</ofd:PageBlock>" * 5000
    assert _reason(_one_page([deep]))[0] in ("ofd_too_complex", "damaged_ofd")
    blocks = (
        "<ofd:PageBlock>" * 40
        + '<ofd:TextObject ID="1" Boundary="0 0 50 10" Size="4"><ofd:TextCode X="0" Y="4">深</ofd:TextCode></ofd:TextObject>'
        + "</ofd:PageBlock>" * 40
    )
    assert _reason(_one_page([blocks]))[0] == "ofd_too_complex"


def test_ofd_of_images_only_and_of_nothing():
    img = '<ofd:ImageObject ID="5" Boundary="0 0 210 297" CTM="210 0 0 297 0 0" ResourceID="9"/>'
    assert _reason(_one_page([img])) == ("scanned_ofd", {"pages": 1})
    assert _reason(_one_page([])) == ("empty_ofd", {"pages": 1})


def test_hostile_numbers_do_not_break_the_reader():
    objs = [
        '<ofd:TextObject ID="1" Boundary="nan inf 1 1" CTM="x" Size="-3" HScale="1e309">'
        '<ofd:TextCode X="1e400" Y="abc" DeltaX="g 99999999999 1">年度报告正文</ofd:TextCode></ofd:TextObject>',
        '<ofd:PathObject ID="2" Boundary="0 0 10 10"><ofd:AbbreviatedData>M 0 0 L nan 5 L 1e999 4 Q 1 C'
        "</ofd:AbbreviatedData></ofd:PathObject>",
        '<ofd:TextObject ID="3" Boundary="20 40 100 10" Size="4"><ofd:TextCode X="0" Y="4">第二段文字</ofd:TextCode>'
        "</ofd:TextObject>",
    ]
    texts = [b.text for b in read_ofd(_one_page(objs)) if isinstance(b, Para)]
    assert "第二段文字" in texts


def test_the_engine_names_an_ofd_whatever_it_is_called(small):
    for name in ("r.ofd", "r.docx", "r.zip", "r.txt"):
        res = lint_bytes(small, name)
        assert res.meta["format"] == "ofd", name
    (d,) = lint_bytes(b"not a zip at all", "r.ofd").diagnostics
    assert d.code == "GX002" and d.message.startswith("OFD 版式文档已损坏")


def test_the_year_to_year_index_reads_an_ofd_as_its_pdf(hongze, tmp_path):
    """The cross-report index goes through the same reader: an OFD gets the PDF's entry."""
    from gxlint.across.index import read_entry

    pdf, _, _ = hongze
    from_pdf, why_pdf = read_entry(pdf, "hongze.pdf")
    from_ofd, why_ofd = read_entry(ofdmake.from_pdf(pdf), "hongze.ofd")
    assert why_pdf is None and why_ofd is None
    assert (from_ofd.organ, from_ofd.year, from_ofd.sha) == (from_pdf.organ, from_pdf.year, from_pdf.sha)
    assert from_ofd.organ_written and from_ofd.year == 2023
    from gxlint.files import collect_files

    (tmp_path / "a.ofd").write_bytes(ofdmake.from_pdf(pdf))
    assert collect_files([str(tmp_path)]) == [str(tmp_path / "a.ofd")]
