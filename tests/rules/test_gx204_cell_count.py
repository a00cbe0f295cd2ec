"""GX204 cell-count (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

from gx2_template import CLEAN, LAYOUT_NAMES, codes

from gxlint.testing import RuleTester
from seedutil import read_layout as layout
from seedutil import read_seed as seed


def test_gx204_seed_003_eight_numbers():
    RuleTester("GX204").invalid(
        seed("003"),
        [
            ("more", (57, 1), (57, 24), "有 8 个数字，模板为 7 个"),
            ("more", (58, 1), (58, 29), "有 8 个数字，模板为 7 个"),
        ],
    )


def test_gx204_fewer_numbers_one_root_cause():
    text = CLEAN.replace("（一）予以公开 | 20 | 2 | 0 | 0 | 1 | 0 | 23 |", "（一）予以公开 | 20 | 2 | 0 | 0 | 1 | 23 |")
    RuleTester("GX204").invalid(
        text, [("fewer", (25, 13), (25, 46), "“（一）予以公开”只有 6 个数字，模板为 7 个；这一行不参与勾稽核对")]
    )
    # the misread row gives GX204 only: no row/column identity is built on it
    assert codes(text) == [("GX204", 25)]


def test_gx204_short_row_after_an_empty_cell_is_not_shifted():
    """An empty cell between label and numbers is layout (tab/Markdown tables); when the row is then
    one number short, nobody knows which column is missing: GX204, never a shifted read."""
    text = CLEAN.replace(
        "（一）予以公开 | 20 | 2 | 0 | 0 | 1 | 0 | 23 |", "（一）予以公开 |  | 2 | 0 | 0 | 1 | 0 | 23 |"
    )
    RuleTester("GX204").invalid(text, [("fewer", (25, 13), (25, 48), "只有 6 个数字")])
    assert codes(text) == [("GX204", 25)]


def test_gx204_table_four():
    row = "1 | 0 | 0 | 1 | 2 | 0 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |"
    text = CLEAN.replace(row, "1 | 0 | 0 | 1 | 2 | 0 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 |")
    RuleTester("GX204").invalid(text, [("fewer", (52, 1), (52, 54), "“表四数据行”只有 14 个数字，模板为 15 个")])
    assert codes(text) == [("GX204", 52)]
    RuleTester("GX204", lang="en").invalid(
        text,
        [
            ("fewer", (52, 1), (52, 54), "“table 四 data row” has only 14 numbers; the template has 15"),
        ],
    )


def test_gx204_silent():
    t = RuleTester("GX204")
    for name in LAYOUT_NAMES + ["eight_columns.txt"]:
        t.valid(layout(name))
    for p in ("000", "001", "002", "004"):
        t.valid(seed(p))
