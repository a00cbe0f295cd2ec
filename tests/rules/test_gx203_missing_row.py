"""GX203 missing-row (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

from gx2_template import CLEAN, LAYOUT_NAMES, codes

from gxlint.testing import RuleTester
from seedutil import read_layout as layout
from seedutil import read_seed as seed


def test_gx203_row_missing_in_the_middle():
    line = "2.没有现成信息需要另行制作 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | ||\n"
    assert line in CLEAN
    text = CLEAN.replace(line, "")
    RuleTester("GX203").invalid(text, [("missing", (36, 1), (36, 14), "表三缺少1行：2.没有现成信息需要另行制作")])


def test_gx203_table_cut_in_the_middle():
    i, j = CLEAN.index("（四）无法提供 | 1.本机关"), CLEAN.index("四、政府信息公开行政复议")
    text = CLEAN[:i] + "（四）无法提供 | 1.本机关不掌握相关政府信息 | 6 | 1 | 0\n" + CLEAN[j:]
    RuleTester("GX203").invalid(
        text,
        [("truncated", (35, 1), (35, 37), "表三在“（四）无法提供 1.本机关不掌握相关政府信息”之后中断，缺少其后的12行")],
    )
    # what is there is kept: the half row is GX204, no identity is built on the cut table
    assert sorted(set(codes(text))) == [("GX203", 35), ("GX204", 35)]


def test_gx203_table_two_row_missing():
    text = CLEAN.replace("行政强制 | 2 | ||\n", "")
    RuleTester("GX203").invalid(text, [("missing", (17, 1), (17, 8), "表二缺少1行：行政强制")])


def test_gx203_silent():
    t = RuleTester("GX203")
    for name in LAYOUT_NAMES:
        t.valid(layout(name))
    t.valid(seed("000"))
    t.valid(seed("004"))  # no table at all is GX103, not 25 missing rows
