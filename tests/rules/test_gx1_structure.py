from gx1_structure import SIX, TYPO4, doc_of

from gxlint.config import Settings
from gxlint.engine import lint
from gxlint.fixes import apply_fixes
from gxlint.testing import RuleTester


def test_misspelt_heading_gx202_not_gx101():
    heads = list(SIX)
    heads[3] = TYPO4
    text = doc_of(heads)
    RuleTester("GX101").valid(text)
    RuleTester("GX102").valid(text)
    RuleTester("GX202").invalid(
        text,
        [
            (
                "heading",
                (7, 1),
                (7, 21),
                "部分标题“四、政府信息公开行政法复议、行政诉讼情况”与格式规定的“四、政府信息公开行政复议、行政诉讼情况”不一致",
            ),
        ],
        output=[("四、政府信息公开行政法复议、行政诉讼情况", "四、政府信息公开行政复议、行政诉讼情况")],
    )
    RuleTester("GX202", lang="en").invalid(
        text,
        [
            ("heading", (7, 1), (7, 21), "section heading “四、政府信息公开行政法复议、行政诉讼情况” differs"),
        ],
        output=[("四、政府信息公开行政法复议、行政诉讼情况", "四、政府信息公开行政复议、行政诉讼情况")],
    )
    res = lint(text, None, Settings.from_options(None, select="GX202"))
    (d,) = res.diagnostics
    assert d.severity.name == "WARNING"
    assert (d.span.start, d.span.end) == (text.index(TYPO4), text.index(TYPO4) + len(TYPO4))
    assert d.fix is not None and not d.fix.safe
    assert apply_fixes(text, res.diagnostics) == (text, 0)  # not applied unasked
    fixed, n = apply_fixes(text, res.diagnostics, unsafe=True)
    assert n == 1 and fixed == doc_of(SIX)


def test_misspelt_heading_in_a_one_line_document():
    heads = list(SIX)
    heads[3] = TYPO4
    text = " ".join(f"{h} 内容内容内容。" for h in heads)
    RuleTester("GX101").valid(text)
    RuleTester("GX202").invalid(
        text,
        [
            ("heading", (1, 63), (1, 83), "部分标题"),
        ],
        output=[("四、政府信息公开行政法复议、行政诉讼情况", "四、政府信息公开行政复议、行政诉讼情况")],
    )


def test_own_numbering_one_gx202_no_gx101_no_gx102():
    heads = [
        "一、总体情况",
        "二、政府信息公开统计情况",
        "（一）主动公开情况",
        "（二）收到和处理政府信息公开申请情况",
        "（三）政府信息公开行政复议、行政诉讼情况",
        "三、存在的主要问题及改进情况",
        "四、其他需要报告的事项",
    ]
    text = doc_of(heads)
    RuleTester("GX101").valid(text)
    RuleTester("GX102").valid(text)  # the numerals follow from the report's own numbering: said once, by GX202
    RuleTester("GX202").invalid(
        text,
        [
            (
                "headings",
                (5, 1),
                (5, 10),
                "3 个部分的标题按报告自己的方式编写，与格式规定的不一致（“（一）主动公开情况”应为“二、主动公开政府信息情况”",
            ),
        ],
    )
    res = lint(text, None, Settings.from_options(None, select="GX202"))
    (d,) = res.diagnostics
    assert [res.doc.lines.position(r.span.start)[0] + 1 for r in d.related] == [7, 9]
    assert d.fix is None
