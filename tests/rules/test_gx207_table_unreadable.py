"""GX207 table-unreadable: once per table that cannot be read with certainty, and then no
GX103/GX203/GX204/GX205 on it."""

from __future__ import annotations

from gxlint.engine import lint
from gxlint.testing import RuleTester

t = RuleTester("GX207")

HEAD = "三、收到和处理政府信息公开申请情况\n"
AMBIGUOUS = HEAD + "一、本年新收政府信息公开申请数量270020130二、上年结转政府信息公开申请数量0000000\n"
UNIQUE = HEAD + "一、本年新收政府信息公开申请数量801000081二、上年结转政府信息公开申请数量0000000\n"


def test_ambiguous_glued_row_once():
    got = t.invalid(AMBIGUOUS, [("glued", (2, 1), (2, 26), "相邻单元格的数字连在一起（270020130）")])
    assert "无法确定各单元格的数值" in got[0][2]


def test_several_ambiguous_rows_are_one_finding():
    text = HEAD + (
        "一、本年新收政府信息公开申请数量270020130二、上年结转政府信息公开申请数量220000325"
        "三、本年度办理结果（一）予以公开0000000\n"
    )
    t.invalid(text, [("glued", (2, 1), (2, 26), "另有 1 行同样无法拆分")])
    res, own = t.diagnostics(text)
    assert len(own[0].related) == 1


def test_silent_when_the_split_is_unique_or_the_table_is_ordinary():
    t.valid(UNIQUE)
    t.valid(HEAD + "一、本年新收政府信息公开申请数量 | 27 | 0 | 0 | 2 | 0 | 1 | 30\n")


def test_no_cascade_on_an_unreadable_table():
    codes = [d.code for d in lint(AMBIGUOUS).diagnostics]
    assert codes.count("GX207") == 1
    assert not {"GX103", "GX203", "GX204", "GX205"} & set(codes), codes


def test_table_two_without_totals():
    text = (
        "二、主动公开政府信息情况\n第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000"
        "行政规范性文件693665第二十条第（五）项信息内容本年处理决定数量行政许可2293\n"
    )
    t.invalid(text, [("glued", (2, 37), (2, 50), "表二“行政规范性文件”")])
    codes = [d.code for d in lint(text).diagnostics]
    assert not {"GX103", "GX203", "GX204", "GX205"} & set(codes), codes


def test_labels_without_values_are_unreadable_not_missing():
    text = (
        "四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计 "
        "未经复议直接起诉 复议后起诉 结果维持 结果纠正 其他结果 尚未审结 总计\n五、存在的主要问题及改进情况\n无。\n"
    )
    t.invalid(text, [("no_values", (2, 1), (3, 1), "读不出其中的数值")])
    codes = [d.code for d in lint(text).diagnostics]
    assert "GX103" not in codes


def test_english():
    en = RuleTester("GX207", lang="en")
    got = en.positions(AMBIGUOUS)
    assert got and "run together" in got[0][2]
