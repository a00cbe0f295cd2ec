"""GX301 row-total-mismatch (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

from gx3_arithmetic import CLEAN, findings

from gxlint.config import Settings
from gxlint.engine import lint
from gxlint.fixes import apply_fixes
from gxlint.testing import RuleTester
from seedutil import read_layout as layout
from seedutil import read_seed as seed


def test_gx301_total_cell_wrong():
    text = CLEAN.replace(
        "（一）予以公开 | 20 | 2 | 0 | 0 | 1 | 0 | 23 |", "（一）予以公开 | 20 | 2 | 0 | 0 | 1 | 0 | 24 |"
    )
    # the outcome sum of the 总计 column fails too, with the same correction at this cell
    RuleTester("GX301").invalid(
        text,
        [
            ("rowsum", (25, 48), (25, 50), "“（一）予以公开”行：各申请人列之和为 23，总计列为 24"),
        ],
        output=[(" 24 ", " 23 ")],
    )


def test_gx301_applicant_cell_wrong_is_found_at_that_cell():
    text = CLEAN.replace("（一）予以公开 | 20 | 2 |", "（一）予以公开 | 20 | 5 |")
    RuleTester("GX301").invalid(
        text,
        [
            (
                "rowsum_cell",
                (25, 28),
                (25, 29),
                "各申请人列之和为 26，总计列为 23；商业企业列的合计也对不上，两处都指向这一格：商业企业 5，按勾稽关系应为 2",
            ),
        ],
        output=[("0 | 5 | 0", "0 | 2 | 0")],
    )
    res = lint(text, None, Settings.from_options(None, select="GX301"))
    (d,) = res.diagnostics
    assert not d.fix.safe
    fixed, _ = apply_fixes(text, res.diagnostics, unsafe=True)
    assert fixed == CLEAN
    # related information: the total and the other cells of the sum
    assert res.doc.text[d.related[0].span.start : d.related[0].span.end] == "23"
    assert len(d.related) == 6


def test_gx301_row_alone_points_at_total():
    """Only the row sum fails (two cells changed so that the column sums still hold): the
    diagnostic stays at the total, with related information on every part."""
    text = CLEAN.replace(
        "（一）予以公开 | 20 | 2 | 0 | 0 | 1 | 0 | 23 |", "（一）予以公开 | 21 | 2 | 0 | 0 | 1 | 0 | 23 |"
    ).replace(
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 5 |",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 4 |",
    )
    RuleTester("GX301").invalid(
        text,
        [
            ("rowsum", (25, 48), (25, 50), "各申请人列之和为 24，总计列为 23"),
            ("rowsum", (26, 56), (26, 57), "各申请人列之和为 5，总计列为 6"),
        ],
        output=[(" 23 ", " 24 "), ("0 | 6 | |", "0 | 5 | |")],
    )
    res = lint(text, None, Settings.from_options(None, select="GX301"))
    assert all(len(d.related) == 6 for d in res.diagnostics)
    assert not findings(text, "GX302,GX303")


def test_gx301_seed_001():
    RuleTester("GX301").invalid(
        seed("001"),
        [
            ("rowsum_cell", (98, 1), (98, 2), "“（一）予以公开”行：各申请人列之和为 9，总计列为 0"),
            ("rowsum", (144, 1), (144, 2), "各申请人列之和为 0，总计列为 1"),
        ],
        output=[("\n9 ", "\n0 "), ("\n1 ", "\n0 ")],
    )


def test_gx301_subtotal_column():
    text = layout("eight_columns.txt").replace("| 2 | 1 | 7 | 47 |", "| 2 | 1 | 8 | 47 |")
    RuleTester("GX301").invalid(
        text,
        [
            (
                "subtotal",
                (23, 45),
                (23, 46),
                "“一、本年新收政府信息公开申请数量”行：五类法人或其他组织之和为 7，小计列为 8",
            ),
        ],
        output=[("1 | 8 | 4", "1 | 7 | 4")],
    )


def test_gx301_english():
    text = CLEAN.replace(
        "（一）予以公开 | 20 | 2 | 0 | 0 | 1 | 0 | 23 |", "（一）予以公开 | 20 | 2 | 0 | 0 | 1 | 0 | 24 |"
    )
    RuleTester("GX301", lang="en").invalid(
        text,
        [
            ("rowsum", (25, 48), (25, 50), "the applicant columns add up to 23, the total column says 24"),
        ],
        output=[(" 24 ", " 23 ")],
    )


def test_gx301_silent_on_misread_and_blank_rows():
    t = RuleTester("GX301")
    # a row with 6 numbers: GX204, not a row sum built on a misread
    t.valid(
        CLEAN.replace("（一）予以公开 | 20 | 2 | 0 | 0 | 1 | 0 | 23 |", "（一）予以公开 | 20 | 2 | 0 | 0 | 1 | 24 |")
    )
    # a blank cell: GX206, the row sum is skipped
    t.valid(CLEAN.replace("（一）予以公开 | 20 | 2 |", "（一）予以公开 | 20 |  |"))
    t.valid(seed("003"))
