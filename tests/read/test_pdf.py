"""The PDF reader (gxlint/read/pdf.py): real and LibreOffice-made reports read by geometry, and every
kind of bad PDF turned into one GX002 reason (never a traceback, a hang or lost text)."""

import collections
import json
import os
import re

import pytest

from gxlint.engine import lint
from gxlint.io import DecodeError
from gxlint.read.blocks import Para, TableBlock, render
from gxlint.read.pdf import read_pdf
from read import pdfmake
from seedutil import CORPUS_REAL, HERE

FIXTURES = os.path.join(HERE, "fixtures", "pdf")
HONGZE = os.path.join(CORPUS_REAL, "hongze-2023.pdf")


def _bytes(path):
    with open(path, "rb") as fh:
        return fh.read()


def _lint_pdf(data, path="report.pdf"):
    text, locator = render(read_pdf(data, path))
    return text, locator, lint(text, path).diagnostics


# ----------------------------------------------------------------------------- hongze-2023.pdf


@pytest.fixture(scope="module")
def hongze():
    return _lint_pdf(_bytes(HONGZE), HONGZE)


def _expectations(name):
    with open(os.path.join(CORPUS_REAL, "expected.json"), encoding="utf-8") as fh:
        return json.load(fh)["files"][name]


def test_hongze_meets_its_expectations(hongze):
    """The real published PDF: what expected.json says must and must not be found."""
    _, _, diags = hongze
    codes = [d.code for d in diags]
    exp = _expectations("hongze-2023.pdf")
    for e in exp["must"]:
        assert any(c.startswith(tuple(e["codes"])) for c in codes), (e, codes)
    for e in exp["must_not"]:
        assert not [c for c in codes if c.startswith(tuple(e["codes"]))], (e, codes)


def test_hongze_findings_point_at_their_cells(hongze):
    text, locator, diags = hongze
    by_code = {d.code: d for d in diags}
    # the misprinted row label, on page 3, inside table 三
    d = by_code["GX202"]
    assert text[d.span.start : d.span.end] == "2.其他法律行政止公开"
    assert locator.locate(d.span.start)["page"] == 3
    # table 四's 行政复议 总计 (0 against parts adding up to 11) on page 4
    d = by_code["GX304"]
    assert text[d.span.start : d.span.end] == "0"
    assert locator.locate(d.span.start)["page"] == 4


def test_hongze_table_three_is_one_table_across_the_page_break(hongze):
    blocks = read_pdf(_bytes(HONGZE))
    t3 = [b for b in blocks if isinstance(b, TableBlock) and "申请人情况" in [c.text for c in b.rows[0]]]
    assert len(t3) == 1
    rows = [[c.text for c in r] for r in t3[0].rows]
    pages = sorted({c.loc.get("page") for r in t3[0].rows for c in r})
    assert pages == [3, 4]
    labels = [next((c for c in r[:3] if c), "") for r in rows]
    # the rows on both sides of the break, in order, each with its seven numbers
    i = labels.index("2.没有现成信息需要另行制作")
    assert labels[i + 1] == "3.补正后申请内容仍不明确"
    assert rows[i][3:] == ["3", "0", "0", "0", "0", "0", "3"]
    assert rows[i + 1][3:] == ["0"] * 7
    # merged cells expanded to the grid: the vertical group label in its first row only
    assert "三、本年度办理结果" in rows[labels.index("三、本年度办理结果")]
    # a label wrapped inside its cell is one label
    assert "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" in [c for r in rows for c in r]
    assert "5.要求行政机关确认或重新出具已获取信息" in [c for r in rows for c in r]


def test_hongze_paragraphs_are_joined_and_page_numbers_dropped(hongze):
    text = hongze[0]
    lines = text.split("\n")
    # a sentence wrapped over five lines in the PDF is one paragraph line
    intro = [ln for ln in lines if ln.startswith("本报告由淮安市洪泽区人民政府办公室")]
    assert len(intro) == 1 and intro[0].endswith("hzzwgk@126.com）。")
    assert "自2023年1月1日起至2023年12月31日止" in intro[0]
    # a paragraph across the page 1 → 2 break
    assert any("严格执行“分级审核、先审后发”程序" in ln for ln in lines)
    # no page number (- 1 - … - 5 -) survives
    assert not [ln for ln in lines if re.fullmatch(r"[-\s]*\d+[-\s]*", ln)]
    for heading in (
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ):
        assert heading in lines


def test_native_locations_are_pages_and_boxes():
    blocks = read_pdf(_bytes(HONGZE))
    for b in blocks:
        assert 1 <= b.loc["page"] <= 5
        x0, top, x1, bottom = b.loc["bbox"]
        assert 0 <= x0 < x1 <= 595 and 0 <= top < bottom <= 842
    assert isinstance(blocks[0], Para) and blocks[0].loc["page"] == 1


# ----------------------------------------------------------------------------- LibreOffice-made reports


def _row_label(text, offset):
    """The row label (first non-numeric cell) of the line holding ``offset``, spaces removed."""
    line = text[text.rfind("\n", 0, offset) + 1 : text.find("\n", offset) if text.find("\n", offset) >= 0 else None]
    cells = [c.strip() for c in line.strip().strip("|").split("|")] if "|" in line else [line]
    label = next((c for c in cells if c and not re.fullmatch(r"[\d.+\-]+", c)), "")
    return re.sub(r"\s+", "", label)[:40]


def _findings(text, path):
    return sorted(
        (d.code, text[d.span.start : d.span.end].strip(), _row_label(text, d.span.start))
        for d in lint(text, path).diagnostics
    )


def _assert_same_findings(txt, pdf_bytes):
    view = render(read_pdf(pdf_bytes))[0]
    assert _findings(txt, "report.txt") == _findings(view, "report.pdf")


def test_libreoffice_report_gives_the_findings_of_its_text():
    """A generated report (one defective cell) printed to PDF by LibreOffice, table 三 across a page
    break: the same findings on the same numbers in the same rows as its .txt."""
    with open(os.path.join(FIXTURES, "synth-1-change_cell.txt"), encoding="utf-8") as fh:
        txt = fh.read()
    data = _bytes(os.path.join(FIXTURES, "synth-1-change_cell.pdf"))
    blocks = read_pdf(data)
    crossing = [
        b for b in blocks if isinstance(b, TableBlock) and len({c.loc.get("page") for r in b.rows for c in r}) > 1
    ]
    assert crossing, "the fixture's table should run across a page break"
    codes = collections.Counter(f[0] for f in _findings(txt, "r.txt"))
    assert codes == {"GX301": 1, "GX302": 1}
    _assert_same_findings(txt, data)


def test_unruled_table_read_by_aligned_columns():
    """The same report printed with tables that have no lines at all: table 三 is cut into cells by
    its aligned number columns (across the page break too), wrapped row labels joined, and the
    findings are those of the .txt."""
    with open(os.path.join(FIXTURES, "synth-1-change_cell.txt"), encoding="utf-8") as fh:
        txt = fh.read()
    data = _bytes(os.path.join(FIXTURES, "synth-1-change_cell-unruled.pdf"))
    tables = [b for b in read_pdf(data) if isinstance(b, TableBlock)]
    t3 = [t for t in tables if t.rows[0][0].text == "一、本年新收政府信息公开申请数量"]
    assert len(t3) == 1
    rows = [[c.text for c in r] for r in t3[0].rows]
    assert len({c.loc.get("page") for r in t3[0].rows for c in r}) == 2
    assert ["（三）不予公开", "1.属于国家秘密", "0", "1", "0", "0", "0", "0", "1"] in rows
    assert ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "", "51", "0", "0", "2", "0", "3", "56"] in rows
    assert ["（四）无法提供", "1.本机关不掌握相关政府信息", "2", "0", "0", "0", "1", "0", "3"] in rows
    _assert_same_findings(txt, data)


def test_prose_is_never_an_aligned_table(hongze):
    """Paragraphs with numbers (justified lines, dates, phone numbers) stay paragraphs."""
    blocks = read_pdf(_bytes(HONGZE))
    assert sum(isinstance(b, TableBlock) for b in blocks) == 3  # 二, 三 and 四, all ruled
    for b in blocks:
        if isinstance(b, TableBlock):
            assert len(b.rows[0]) in (4, 10, 15)


@pytest.mark.skipif(pdfmake.soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_reports_freshly_made():
    from gxlint import synth

    cases = [(2, ["break_row_total"], 20000), (4, ["change_year"], 16000), (5, ["drop_section"], 12000), (9, [], None)]
    texts = [synth.sample(seed, defects=d, size=size, layout="pipe").text for seed, d, size in cases]
    pdfs = pdfmake.texts_to_pdfs(texts) + pdfmake.texts_to_pdfs(texts, ruled=False)
    assert all(pdfs)
    for text, data in zip(texts + texts, pdfs):
        _assert_same_findings(text, data)


def _grid(x_cols, y_rows):
    return [(x_cols[0], y, x_cols[-1], y) for y in y_rows] + [(x, y_rows[0], x, y_rows[-1]) for x in x_cols]


def test_table_across_pages_with_its_header_row_repeated_is_one_table():
    """A ruled table ends page 1 and goes on at the top of page 2 under a repeat of its header row
    (Word's "repeat as header row"): one table, the header once, the rows in order."""
    xs = [72, 300, 400, 500]

    def rows(y0, cells):
        return [(x + 4, y0 + 20 * k + 14, t) for k, row in enumerate(cells) for x, t in zip(xs, row)]

    head = ["Item", "Applied", "Done"]
    page1 = [(72, 100, "Some text before the table")] + rows(700, [head, ["first", "1", "2"], ["second", "3", "4"]])
    page2 = rows(80, [head, ["third", "5", "6"], ["fourth", "7", "8"]]) + [(72, 200, "Text after it")]
    data = pdfmake.placed_text_pdf(
        [page1, page2], rules=[_grid(xs, [700, 720, 740, 760]), _grid(xs, [80, 100, 120, 140])]
    )
    blocks = read_pdf(data)
    assert [type(b).__name__ for b in blocks] == ["Para", "TableBlock", "Para"]
    assert [[c.text for c in r] for r in blocks[1].rows] == [
        head,
        ["first", "1", "2"],
        ["second", "3", "4"],
        ["third", "5", "6"],
        ["fourth", "7", "8"],
    ]
    assert [r[0].loc["page"] for r in blocks[1].rows] == [1, 1, 1, 2, 2]


def test_row_cut_by_the_page_break_is_one_row_and_a_caption_row_stays_a_row():
    """LibreOffice/Word let a row break across pages: a wrapped label goes on at the top of the next
    page with its numbers all above — one row. A full-width caption row there is a row of its own."""
    xs = [72, 300, 400, 500]

    def rows(y0, cells):
        return [(x + 4, y0 + 20 * k + 14, t) for k, row in enumerate(cells) for x, t in zip(xs, row) if t]

    page1 = rows(700, [["Item", "Applied", "Done"], ["first", "1", "2"], ["second part", "3", "4"]])
    page2 = (
        rows(80, [["of the label", "", ""], ["third", "5", "6"]])
        + [(76, 134, "Caption over all")]
        + rows(140, [["fourth", "7", "8"]])
    )
    grid2 = (
        _grid(xs, [80, 100, 120])
        + [(72, 140, 500, 140), (72, 160, 500, 160), (72, 120, 72, 160), (500, 120, 500, 160)]
        + [(x, 140, x, 160) for x in xs[1:3]]
    )
    data = pdfmake.placed_text_pdf([page1, page2], rules=[_grid(xs, [700, 720, 740, 760]), grid2])
    tables = [b for b in read_pdf(data) if isinstance(b, TableBlock)]
    assert len(tables) == 1
    assert [[c.text for c in r] for r in tables[0].rows] == [
        ["Item", "Applied", "Done"],
        ["first", "1", "2"],
        ["second part of the label", "3", "4"],
        ["third", "5", "6"],
        ["Caption over all", "", ""],
        ["fourth", "7", "8"],
    ]


# ----------------------------------------------------------------------------- geometry on small files


def test_running_header_and_page_numbers_dropped_repeated_body_lines_kept():
    body = "the same sentence opens a paragraph on every page"
    pages = []
    for n in range(1, 4):
        pages.append(
            [
                (72, 30, "Annual report of the county office"),  # running header
                (72, 70, body),
                (72, 84, f"and page {n} goes on with its own words"),  # in the top tenth
                (280, 800, f"- {n} -"),
            ]
        )  # page number
    texts = [b.text for b in read_pdf(pdfmake.placed_text_pdf(pages))]
    assert not [t for t in texts if "county office" in t or re.fullmatch(r"- \d -", t)]
    assert sum(body in t for t in texts) == 3


def test_landscape_page_drawn_sideways_reads_left_to_right():
    """/Rotate 90 with the content turned a quarter: lines, and a ruled table's cells, in reading order."""
    rules = [(100, y, 400, y) for y in (200, 220, 240)] + [(x, 200, x, 240) for x in (100, 250, 400)]
    lines = [
        (100, 100, "Annual report of the county office"),
        (100, 114, "drawn on a landscape page"),
        (105, 215, "Label one"),
        (255, 215, "12"),
        (105, 235, "Label two"),
        (255, 235, "34"),
    ]
    blocks = read_pdf(pdfmake.sideways_pdf(lines, rules))
    assert isinstance(blocks[0], Para) and blocks[0].text == "Annual report of the county office"
    assert blocks[1].text == "drawn on a landscape page"
    assert [[c.text for c in r] for r in blocks[2].rows] == [["Label one", "12"], ["Label two", "34"]]


def test_text_drawn_twice_is_read_once():
    """Fake bold: the same line drawn again 0.3 pt to the right."""
    texts = [
        b.text
        for b in read_pdf(pdfmake.placed_text_pdf([[(72, 100, "Bold 2023 title"), (72.3, 100, "Bold 2023 title")]]))
    ]
    assert texts == ["Bold 2023 title"]


def test_single_page_number_dropped_but_body_kept():
    texts = [b.text for b in read_pdf(pdfmake.placed_text_pdf([[(72, 100, "Only page"), (290, 810, "1")]]))]
    assert texts == ["Only page"]


def test_latin_lines_keep_their_spaces_and_short_lines_stay_apart():
    blocks = read_pdf(pdfmake.text_pdf(["Annual report 2023", "second line"]))
    assert [b.text for b in blocks] == ["Annual report 2023", "second line"]


# ----------------------------------------------------------------------------- bad PDFs → one GX002 reason


def _reason(data):
    with pytest.raises(DecodeError) as exc:
        read_pdf(data)
    from gxlint.engine import registry

    msg = registry()["GX002"].messages[exc.value.message_id]
    # the message exists in both languages and takes exactly the reader's parameters
    for lang in ("zh", "en"):
        msg[lang].format(**exc.value.kwargs)
    return exc.value.message_id, exc.value.kwargs


def test_scanned_pdf():
    assert _reason(pdfmake.image_pdf(pages=3)) == ("scanned_pdf", {"pages": 3})


def test_text_without_unicode_map():
    """Glyph numbers are not text: one reason, not a report 'missing' every section."""
    assert _reason(pdfmake.unmapped_text_pdf()) == ("pdf_unmapped_text", {"share": "100%"})


def test_pdf_without_any_text_or_image():
    assert _reason(pdfmake.page_count_lie(count=10_000_000))[0] == "empty_pdf"


def test_encrypted_pdf():
    assert _reason(_bytes(os.path.join(FIXTURES, "encrypted.pdf"))) == ("encrypted_pdf", {})


def test_truncated_pdf():
    data = _bytes(HONGZE)
    for cut in (len(data) // 2, len(data) - 100, 2000):
        assert _reason(data[:cut]) == ("truncated_pdf", {})


def test_not_a_pdf_and_damaged_pdf():
    assert _reason(b"PK\x03\x04 a zip renamed to .pdf" * 10)[0] == "not_pdf"
    assert _reason(b"%PDF-1.4\n" + bytes(range(256)) * 100 + b"\n%%EOF\n")[0] == "damaged_pdf"


def test_pdf_bombs_are_refused_in_bounded_time():
    # a Flate stream inflating to 256 MB of drawing operators (PDFium alone: minutes and GBs)
    assert _reason(pdfmake.inflate_bomb(256)) == ("pdf_inflate_bomb", {"limit": "4 MB"})
    # just under the cap: PDFium parses it, the reader stops at its object limit
    assert _reason(pdfmake.inflate_bomb(3))[0] == "pdf_too_complex"
    # more pages than any report
    assert _reason(pdfmake.many_pages(1500)) == ("pdf_too_many_pages", {"pages": 1500, "limit": 1000})
    # a page tree whose nodes all point at the same child (10**7 pages in a few KB)
    assert _reason(pdfmake.page_count_bomb(levels=7, fan=10))[0] in ("damaged_pdf", "pdf_too_many_pages")


def test_damaged_bytes_give_blocks_or_one_reason():
    """Random damage to a real PDF (bytes changed, runs cut out): the reader returns blocks or raises
    DecodeError with a known message — nothing else, whatever PDFium recovers."""
    import random

    from gxlint.engine import registry

    messages = registry()["GX002"].messages
    data = _bytes(HONGZE)
    rng = random.Random(20261130)
    for _ in range(80):
        b = bytearray(data)
        for _ in range(rng.choice([1, 5, 50, 500])):
            b[rng.randrange(len(b))] = rng.randrange(256)
        if rng.random() < 0.3:
            k = rng.randrange(len(b))
            b = b[:k] + b[k + rng.randrange(1, 5000) :]
        try:
            blocks = read_pdf(bytes(b))
        except DecodeError as exc:
            assert exc.message_id in messages
        else:
            render(blocks)


def test_deeply_nested_objects_do_not_break_the_reader():
    blocks = read_pdf(pdfmake.deep_nesting_bomb(depth=200_000))
    assert [b.text for b in blocks] == ["text"]
    blocks = read_pdf(pdfmake.object_stream_chain(5000))
    assert [b.text for b in blocks] == ["text"]


def test_pdf_messages_are_at_the_end_under_their_comment():
    with open(os.path.join(os.path.dirname(HERE), "rules", "engine", "unreadable_input.py"), encoding="utf-8") as fh:
        src = fh.read()
    assert "# pdf" in src
    for mid in (
        "scanned_pdf",
        "encrypted_pdf",
        "truncated_pdf",
        "damaged_pdf",
        "pdf_inflate_bomb",
        "pdf_too_many_pages",
        "pdf_too_complex",
        "not_pdf",
        "empty_pdf",
        "pdf_unmapped_text",
        "damaged_pdf_page",
    ):
        assert src.index(f'"{mid}"') > src.index("# pdf")
