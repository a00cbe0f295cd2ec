"""GX206 blank-cell (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

from gx2_template import CLEAN, LAYOUT_NAMES, codes

from gxlint.config import Settings
from gxlint.engine import lint
from gxlint.testing import RuleTester
from seedutil import read_layout as layout
from seedutil import read_seed as seed


def test_gx206_blank_cell_once_per_table_identities_skipped():
    text = CLEAN.replace("2.重复申请 | 1 | 0 | 0", "2.重复申请 | 1 |  | 0").replace(
        "3.要求提供公开出版物 | 0 | 0 |", "3.要求提供公开出版物 | 0 |  |"
    )
    RuleTester("GX206").invalid(
        text,
        [
            (
                "blank",
                (39, 13),
                (39, 15),
                "表三有 2 个单元格留空（（五）不予处理 2.重复申请、（五）不予处理 3.要求提供公开出版物）",
            ),
        ],
    )
    res = lint(text, None, Settings.from_options(None, select="GX206"))
    (d,) = res.diagnostics
    assert len(d.related) == 1 and res.doc.lines.position(d.related[0].span.start) == (39, 17)
    # blank, not 0: the identities that need these cells are skipped, the others still run
    assert codes(text) == [("GX206", 39)]
    bad = text.replace("（一）予以公开 | 20 |", "（一）予以公开 | 21 |")
    assert ("GX301", 25) in codes(bad)


def test_gx206_blank_in_tab_layout_and_table_two():
    text = layout("tabs.txt").replace("\t2.重复申请\t1\t0\t0", "\t2.重复申请\t1\t\t0")
    RuleTester("GX206").invalid(text, [("blank", (39, 12), (39, 12), "表三有 1 个单元格留空")])
    text = CLEAN.replace("行政规范性文件 | 5 | 2 | 31 |", "行政规范性文件 | 5 |  | 31 |")
    RuleTester("GX206").invalid(text, [("blank", (8, 14), (8, 16), "表二有 1 个单元格留空（行政规范性文件）")])


def test_gx206_silent():
    t = RuleTester("GX206")
    for name in LAYOUT_NAMES + ["eight_columns.txt"]:
        t.valid(layout(name))
    for p in ("000", "001", "002", "003"):
        t.valid(seed(p))
