"""GX102 section-order (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

from gx1_structure import CLEAN, SIX, doc_of

from gxlint.config import Settings
from gxlint.engine import lint
from gxlint.fixes import apply_fixes
from gxlint.testing import RuleTester
from seedutil import read_layout as layout
from seedutil import read_seed as seed


def test_gx102_order():
    # titles swapped, numerals left in place: 二、收到… / 三、主动…
    heads = [SIX[0], "二、收到和处理政府信息公开申请情况", "三、主动公开政府信息情况"] + SIX[3:]
    text = doc_of(heads)
    # one root cause, one finding: the numerals of the two swapped headings are not reported again
    RuleTester("GX102").invalid(
        text, [("order", (5, 1), (5, 13), "“二、主动公开政府信息情况”应在“三、收到和处理政府信息公开申请情况”之前")]
    )


def test_gx102_order_with_numerals_kept():
    text = doc_of(["一、总体情况", "三、收到和处理政府信息公开申请情况", "二、主动公开政府信息情况"] + SIX[3:])
    RuleTester("GX102").invalid(
        text, [("order", (5, 1), (5, 13), "“二、主动公开政府信息情况”应在“三、收到和处理政府信息公开申请情况”之前")]
    )


def test_gx102_duplicate():
    text = doc_of(SIX) + "四、政府信息公开行政复议、行政诉讼情况\n再写一遍。\n"
    RuleTester("GX102").invalid(
        text,
        [("duplicate", (13, 1), (13, 20), "“四、政府信息公开行政复议、行政诉讼情况”部分出现了两次（第一次在第 7 行）")],
    )


def test_gx102_numeral_and_its_safe_fix():
    heads = list(SIX)
    heads[3] = "三、政府信息公开行政复议、行政诉讼情况"
    text = doc_of(heads)
    RuleTester("GX102").invalid(
        text,
        [
            ("numeral", (7, 1), (7, 2), "部分编号“三”与标题不符，应为“四”"),
        ],
        output=[("。\n三、政", "。\n四、政")],
    )
    res = lint(text, None, Settings.from_options(None, select="GX102"))
    (d,) = res.diagnostics
    assert d.fix is not None and d.fix.safe
    assert (d.span.start, d.span.end) == (
        text.index("三、政府信息公开行政复议"),
        text.index("三、政府信息公开行政复议") + 1,
    )
    fixed, n = apply_fixes(text, res.diagnostics)
    assert n == 1 and fixed == doc_of(SIX)
    RuleTester("GX102").valid(fixed)


def test_gx102_numeral_fix_in_indented_traditional_heading():
    heads = list(SIX)
    heads[4] = "\u3000\u3000四、存在的主要問題及改進情況"
    text = doc_of(heads)
    RuleTester("GX102").invalid(text, [("numeral", (9, 3), (9, 4), "应为“五”")], output=[("　四、", "　五、")])
    res = lint(text, None, Settings.from_options(None, select="GX102"))
    fixed, n = apply_fixes(text, res.diagnostics)
    assert n == 1 and "\u3000\u3000五、存在的主要問題及改進情況" in fixed


def test_gx102_silent():
    t = RuleTester("GX102")
    t.valid(CLEAN)  # 一、本年新收… 三、本年度办理结果 四、结转下年度… are row labels
    t.valid(layout("pdf.txt"))
    t.valid(layout("tabs.txt").replace("\n", " "))
    t.valid(layout("pre2019.txt"))  # old structure: GX104 only
    # a caption repeating a heading inside a line is not a second section
    t.valid(doc_of(SIX[:2]) + "表：二、主动公开政府信息情况（续）\n" + doc_of(SIX[2:]))
    for p in ("000", "001", "002", "003", "004"):
        t.valid(seed(p))


def test_gx102_sub_parts_numbered_anew_one_finding():
    heads = [
        "一、总体情况",
        "二、政府信息公开统计",
        "一、主动公开政府信息情况",
        "二、收到和处理政府信息公开申请情况",
        "三、政府信息公开行政复议、行政诉讼情况",
        "三、存在的主要问题及改进情况",
        "四、其他需要报告的事项",
    ]
    text = doc_of(heads)
    RuleTester("GX101").valid(text)
    RuleTester("GX102").invalid(
        text,
        [
            ("numerals", (5, 1), (5, 2), "5 个部分的编号与标题不符（“一”应为“二”"),
        ],
        output=[
            ("\n一、", "\n二、"),
            ("。\n二、收", "。\n三、收"),
            ("。\n三、政", "。\n四、政"),
            ("。\n三、存", "。\n五、存"),
            ("\n四、", "\n六、"),
        ],
    )
    res = lint(text, None, Settings.from_options(None, select="GX102"))
    (d,) = res.diagnostics
    assert [res.doc.lines.position(r.span.start)[0] + 1 for r in d.related] == [7, 9, 11, 13]
    assert d.fix is not None and not d.fix.safe
    assert apply_fixes(text, res.diagnostics) == (text, 0)
    fixed, n = apply_fixes(text, res.diagnostics, unsafe=True)
    assert n == 5 and fixed == doc_of(heads[:2] + SIX[1:])


def test_gx102_numeral_before_a_part_numbered_its_own_way_still_reported():
    heads = [
        "三、总体情况",
        "二、政府信息公开统计",
        "（一）主动公开情况",
        "（二）收到和处理政府信息公开申请情况",
        "（三）政府信息公开行政复议、行政诉讼情况",
        "三、存在的主要问题及改进情况",
        "四、其他需要报告的事项",
    ]
    RuleTester("GX102").invalid(
        doc_of(heads),
        [
            ("numeral", (1, 1), (1, 2), "部分编号“三”与标题不符，应为“一”"),
        ],
        output=[("三、总", "一、总")],
    )
