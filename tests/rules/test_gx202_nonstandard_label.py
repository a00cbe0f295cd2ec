"""GX202 nonstandard-label (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

from gx1_structure import SIX, doc_of
from gx2_template import CLEAN, LAYOUT_NAMES

from gxlint.config import Settings
from gxlint.engine import lint
from gxlint.fixes import apply_fixes
from gxlint.testing import RuleTester
from seedutil import read_layout as layout
from seedutil import read_seed as seed


def test_gx202_headings_silent():
    t = RuleTester("GX202")
    t.valid(doc_of(SIX))
    t.valid(doc_of(SIX).replace("\n", " "))
    # accepted variants of the format's wording are not nonstandard
    heads = list(SIX)
    heads[1] = "二、行政机关主动公开政府信息情况"
    heads[3] = "四、政府信息公开行政复议和行政诉讼情况"
    t.valid(doc_of(heads))
    t.valid(layout("old_structure_2020.txt"))  # GX104 only


def test_gx202_row_label_in_other_words():
    text = CLEAN.replace("2.其他法律行政法规禁止公开 |", "2.其他法律法规禁止公开 |")
    RuleTester("GX202").invalid(
        text,
        [
            ("row", (28, 1), (28, 13), "行标签“2.其他法律法规禁止公开”与模板“2.其他法律行政法规禁止公开”不一致"),
        ],
        output=[("2.其他法律法规禁止公开", "2.其他法律行政法规禁止公开")],
    )


def test_gx202_seed_003_and_seed_001():
    RuleTester("GX202").invalid(
        seed("003"),
        [
            ("row", (39, 3), (39, 15), "2.其他法律法规禁止公开"),
        ],
        output=[("2.其他法律法规禁止公开", "2.其他法律行政法规禁止公开")],
    )
    RuleTester("GX202").invalid(
        seed("001"),
        [
            ("header", (17, 1), (17, 4), "列标题“本年新”与模板“本年新制作数量”不一致"),
            ("header", (18, 1), (18, 4), "列标题“本年新”与模板“本年新公开数量”不一致"),
        ],
        output=[("本年新 |\n本年新", "本年新制作数量 |\n本年新公开数量")],
    )


def test_gx202_header_fix_is_unsafe_and_uses_template_wording():
    text = CLEAN.replace("本年收费金额（单位：万元）", "本年收费金额（万元）")
    RuleTester("GX202").invalid(
        text,
        [
            ("header", (17, 8), (17, 18), "列标题“本年收费金额（万元）”与模板“本年收费金额（单位：万元）”不一致"),
        ],
        output=[("本年收费金额（万元）", "本年收费金额（单位：万元）")],
    )
    res = lint(text, None, Settings.from_options(None, select="GX202"))
    (d,) = res.diagnostics
    assert not d.fix.safe
    fixed, _ = apply_fixes(text, res.diagnostics, unsafe=True)
    assert fixed == CLEAN


def test_gx202_wrapped_pdf_header_once_without_an_edit():
    text = layout("pdf.txt").replace(
        "信息内容 本年制发件数 本年废止件数 现行有效件数", "信息内容 本年制发 本年作废 现行有效\n件数 件数 件数"
    )
    RuleTester("GX202").invalid(text, [("header", (6, 11), (6, 15), "列标题“本年作废 件数”与模板“本年废止件数”不一致")])
    res = lint(text, None, Settings.from_options(None, select="GX202"))
    assert res.diagnostics[0].fix is None  # the pieces share their lines with other headers


def test_gx202_subtotal_column():
    RuleTester("GX202").invalid(
        layout("eight_columns.txt"), [("subtotal", (22, 40), (22, 42), "表三多出“小计”列（8 列的地方变体）")]
    )


def test_gx202_silent():
    t = RuleTester("GX202")
    for name in LAYOUT_NAMES:
        t.valid(layout(name))
    t.valid(seed("000"))
    t.valid(seed("002"))
    # punctuation, width, enumerator, quotes, spaces and script are not wording
    variant = (
        CLEAN.replace("1.属于国家秘密", "1、属于国家秘密")
        .replace("（一）予以公开", "(一) 予以公开")
        .replace("3.危及“三安全一稳定”", '3.危及"三安全一稳定"')
        .replace("商业 企业", "商業企業")
        .replace("本年收费金额（单位：万元）", "本年收费金额（单位：万元，保留4位小数）")
    )
    t.valid(variant)
    t.valid(CLEAN.replace("本年收费金额（单位：万元）", "本年收费金额（单位：万元，保留 4 位小数）"))
