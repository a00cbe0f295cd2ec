"""The severity policy (gxlint.certainty; docs/zh/certainty.md): the same defect read as native,
delimited, recovered (the only split), recovered-ambiguous (several splits), certain by exhaustion
and guessed — and the severity each gets.

The defect: table 四's 行政复议 total.  The clean row reads 1 | 0 | 0 | 1 | 2 (1+0+0+1 = 2); the
defect makes its total 3.  Every other identity of the report holds."""

from __future__ import annotations

import pytest

from gxlint.api import Severity
from gxlint.config import Settings
from gxlint.engine import lint, lint_path
from gxlint.model import DELIMITED, GUESSED, NATIVE, RECOVERED
from seedutil import read_layout

CLEAN = read_layout("pipe.txt")
ROW = "1 | 0 | 0 | 1 | 2 | 0 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |"
T4_LINE = 52


def findings(text: str, select: str = "GX2,GX3"):
    res = lint(text, None, Settings.from_options(None, select=select))
    return res, [(d.code, d.severity, res.doc.lines.line_of(d.span.start) + 1) for d in res.diagnostics]


def _row(text: str):
    return lint(text).doc.tables["t4"].rows["t4"]


def test_the_clean_row_is_read_as_delimited_and_holds():
    assert ROW in CLEAN
    res, got = findings(CLEAN)
    assert got == []
    assert {c.certainty for c in res.doc.tables["t4"].rows["t4"].cells} == {DELIMITED}


def test_delimited_defect_is_an_error():
    text = CLEAN.replace(ROW, ROW.replace("1 | 2 | 0 | 1", "1 | 3 | 0 | 1", 1))
    _res, got = findings(text)
    assert got == [("GX304", Severity.ERROR, T4_LINE)]


def test_recovered_defect_the_only_split_is_an_error():
    # the row flattened, one digit per cell: the only split by the cell count alone
    text = CLEAN.replace(ROW, "100130100100000")
    row = _row(text)
    assert {c.certainty for c in row.cells} == {RECOVERED} and row.unreadable is None
    _res, got = findings(text)
    assert got == [("GX304", Severity.ERROR, T4_LINE)]


def test_recovered_ambiguous_defect_is_one_warning_not_an_error():
    # written 1|2|0|2|6 2|0|0|12|14 12|1|10|12|35 (行政复议 1+2+0+2 = 5, not 6), flattened: two
    # other splits of the digits make every total hold — the defect is not certain
    text = CLEAN.replace(ROW, "120262001214121101235")
    _res, got = findings(text)
    assert got == [("GX207", Severity.WARNING, T4_LINE)]


def test_certain_by_exhaustion_is_an_error_with_the_likeliest_reading():
    # 复议后起诉 …1324015 (pingtan-shehui-2024): no split into five cells makes 13+2+4+0 = 15 hold
    text = CLEAN.replace(ROW, "00202000001324015")
    res, got = findings(text)
    assert got == [("GX207", Severity.WARNING, T4_LINE), ("GX305", Severity.ERROR, T4_LINE)]
    d = next(d for d in res.diagnostics if d.code == "GX305")
    assert (
        d.data["exhausted"] is True
        and d.data["reading"] == "0 | 0 | 2 | 0 | 2 | 0 | 0 | 0 | 0 | 0 | 13 | 2 | 4 | 0 | 15"
    )
    assert "无论怎样拆分" in d.message and "13 | 2 | 4 | 0 | 15" in d.message


def test_exhaustion_needs_certain_run_boundaries():
    # the row's digits run on into the next line: where the row ends is not certain — no error
    text = CLEAN.replace(ROW, "0020200000132\n4015")
    _res, got = findings(text)
    assert all(sev != Severity.ERROR for _c, sev, _l in got), got


def test_guessed_defect_spaced_numbers_of_the_wrong_count_is_one_warning():
    # PDF text: numbers separated by spaces only, one too many (a digit wrapped in its cell?)
    text = CLEAN.replace(ROW, "1 0 0 1 3 0 1 0 0 1 0 0 0 0 0 7")
    row = _row(text)
    assert not row.delimited and {c.certainty for c in row.cells} == {GUESSED}
    _res, got = findings(text)
    assert got == [("GX207", Severity.WARNING, T4_LINE)]


def test_delimited_wrong_count_is_an_error():
    # between | separators the count is certain: GX204 is an error there
    text = CLEAN.replace(ROW, ROW + " 7 |")
    _res, got = findings(text)
    assert got == [("GX204", Severity.ERROR, T4_LINE)]


def test_spaced_numbers_of_the_right_count_are_delimited():
    text = CLEAN.replace(ROW, "1 0 0 1 3 0 1 0 0 1 0 0 0 0 0")
    row = _row(text)
    assert {c.certainty for c in row.cells} == {DELIMITED}
    _res, got = findings(text)
    assert got == [("GX304", Severity.ERROR, T4_LINE)]


def test_values_placed_by_position_are_guessed_and_their_failure_is_one_warning():
    # table 三's values above their labels (PDF text): placed by position; a row total broken there
    text = read_layout("pdf_labels_below.txt")
    res = lint(text)
    t3 = res.doc.tables["t3"]
    assert "placed" in t3.repairs
    placed = [r for r in t3.rows.values() if any(c.how == "placed" for c in r.cells)]
    assert placed and all(c.certainty == GUESSED for r in placed for c in r.cells)
    row = placed[1]
    broken = text[: row.cells[-1].span.start] + str(int(row.cells[-1].value) + 5) + text[row.cells[-1].span.end :]
    res2, got = findings(broken)
    assert [c for c, _s, _l in got] == ["GX207"], got
    d = res2.diagnostics[0]
    assert d.severity == Severity.WARNING and d.data["reason"] == "doubtful" and "placed" in d.data["why"]
    assert d.data["identities"]


def test_letters_in_a_text_cell_are_a_warning_in_a_document_cell_an_error(tmp_path):
    # 1O in a text table may be a scan misread by OCR; in a Word table it was typed
    text = CLEAN.replace("2.重复申请 | 1 | 0 |", "2.重复申请 | 1 | l0 |")
    _res, got = findings(text, "GX2")
    assert got == [("GX207", Severity.WARNING, 39)]
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for line in text.split("\n"):
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 2 and "重复申请" in line:
            t = d.add_table(rows=1, cols=8)
            for k, v in enumerate([c for c in cells if c][:8]):
                t.rows[0].cells[k].text = v
        else:
            d.add_paragraph(line)
    path = tmp_path / "r.docx"
    d.save(str(path))
    res = lint_path(str(path), Settings.from_options(None, select="GX205"))
    cell = next(c for r in res.doc.tables["t3"].rows.values() for c in r.cells if c.raw == "l0")
    assert cell.certainty == NATIVE
    assert [(x.code, x.severity) for x in res.diagnostics] == [("GX205", Severity.ERROR)]


def test_hover_says_how_a_guessed_cell_was_read():
    from gxlint.lsp.hover import hover_markdown
    from gxlint.parse import parse

    doc = parse(read_layout("pdf_labels_below.txt"))
    cell = next(c for r in doc.tables["t3"].rows.values() for c in r.cells if c.how == "placed")
    assert "按位置对应" in hover_markdown(doc, [], cell.span.start)
    assert "matched by position" in hover_markdown(doc, [], cell.span.start, lang="en")
    doc = parse(CLEAN.replace(ROW, "1 0 0 1 3 0 1 0 0 1 0 0 0 0 0 7"))
    cell = doc.tables["t4"].rows["t4"].cells[0]
    assert "个数与模板不符" in hover_markdown(doc, [], cell.span.start)
