"""GX404 prose-sum-mismatch (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

import os

from gx4_reports import at, report
from gx4_scope import FUNDS

from gxlint.testing import RuleTester
from seedutil import CORPUS_REAL
from seedutil import read_seed as seed

GX404 = RuleTester("GX404")
T = RuleTester("GX404")


def test_nested_breakdown_in_parentheses_is_not_added_to_the_total():
    GX404.valid(report(FUNDS))  # 152 + 197 + 27 + 4 = 380; 32 + 165 are parts of 197


def test_nested_breakdown_still_leaves_a_wrong_outer_sum_reported():
    text = report(FUNDS.replace("380条", "379条"))
    GX404.invalid(text, [("exceeds", at(text, "379"), (3, 9), "各分项之和为 380（152 + 197 + 27 + 4），超过总数 379")])


def test_the_outer_list_in_parentheses_still_reads_its_items():
    # pingtan-2019's 共公布政府信息2599条，(其中…其他应主动公开政府信息856条): the list itself is in parentheses
    text = report("我区共公布政府信息100条，(其中机构职能类信息20条，规划计划类信息30条，其他应主动公开政府信息49条)。")
    GX404.invalid(
        text, [("closed", at(text, "100"), (3, 13), "以“其他”结尾的各分项之和为 99（20 + 30 + 49），与总数 100 不符")]
    )


def test_a_list_closed_by_other_and_read_to_its_end_is_an_error_even_with_mixed_items():
    # 行政规范性文件 reads as a subject of its own (table 二), the others do not: still one partition
    text = report(
        "我区共公布政府信息100条(其中机构职能类信息20条，行政规范性文件30条，其他应主动公开政府信息51条)。",
        docs=(30, 0, 30),
    )
    GX404.invalid(text, [("exceeds", at(text, "100"), (3, 13), "各分项之和为 101（20 + 30 + 51），超过总数 100")])
    assert GX404.diagnostics(text)[1][0].severity.label == "error"
    # not closed: mixed dimensions exceeding stay a warning
    text = "一、总体情况\n本年度共收到申请100件，其中，网上申请70件，自然人申请50件。\n"
    assert GX404.diagnostics(text)[1][0].severity.label == "warning"


def test_pingtan_style_totals():
    path = os.path.join(CORPUS_REAL, "pingtan-2019.txt")
    text = open(path, encoding="utf-8").read()
    got = GX404.positions(text)
    assert [(l, c) for l, c, _ in got] == [(10, text.split("\n")[9].index("2599") + 1)]


def test_seed_004_line_13_holds():
    T.valid(seed("004"))  # 16 = 4 + 8 + 4, then 历年累计…516条 is not an item


def test_list_closed_by_other_must_sum_to_the_total():
    text = seed("004").replace("其他应当主动公开的政府信息4条", "其他应当主动公开的政府信息5条")
    T.invalid(text, [("exceeds", (13, 42), (13, 44), "各分项之和为 17（4 + 8 + 5），超过总数 16")])
    text = seed("004").replace("其他应当主动公开的政府信息4条", "其他应当主动公开的政府信息3条")
    T.invalid(text, [("closed", (13, 42), (13, 44), "以“其他”结尾的各分项之和为 15（4 + 8 + 3），与总数 16 不符")])


def test_open_list_may_be_short_but_never_exceed():
    T.valid(report("本年度共发布政府信息100条，其中，政策文件40条，工作动态30条。"))
    text = report("本年度共发布政府信息100条，其中，政策文件70条，工作动态40条。")
    T.invalid(text, [("exceeds", at(text, "100"), (3, 14), "各分项之和为 110（70 + 40），超过总数 100")])
    _res, own = T.diagnostics(text)
    assert own[0].severity.label == "error"
    assert [r.message for r in own[0].related] == ["分项：70", "分项：40"]


def test_list_stops_at_semicolon_next_qizhong_and_when_complete():
    T.valid(report("本年度共发布政府信息100条，其中，政策文件60条，工作动态40条，网站发布80条。"))
    T.valid(report("本年度共发布政府信息100条，其中政策文件60条；发布政策解读80篇，其中图解60篇。"))
    T.valid(report("本年度共发布政府信息100条，其中政策文件60条，其中规范性文件50条，工作动态40条。"))


def test_mixed_dimensions_exceeding_is_only_a_warning():
    text = "一、总体情况\n本年度共收到申请100件，其中，网上申请70件，自然人申请50件。\n"
    T.invalid(text, [("exceeds", at(text, "100"), (2, 12))])
    assert T.diagnostics(text)[1][0].severity.label == "warning"
    text = "一、总体情况\n本年度共收到申请100件，其中，网上申请70件，当面申请50件。\n"
    T.invalid(text, [("exceeds", at(text, "100"), (2, 12))])
    assert T.diagnostics(text)[1][0].severity.label == "error"


def test_included_part_larger_than_total():
    text = report("本年度共发布政府信息10条（含政策解读12条）。")
    T.invalid(text, [("incl", at(text, "10条"), (3, 13), "所含的 12条 大于总数")])


def test_approximate_parts_are_not_added():
    T.valid(report("本年度共发布政府信息100条，其中政策文件80余条，工作动态40条。"))


def test_channels_may_overlap_so_exceeding_is_a_warning():
    text = "一、总体情况\n本年度共公开政府信息500条，其中通过政府网站公开400条，通过微信公众号公开300条。\n"
    T.invalid(text, [("exceeds", at(text, "500"), (2, 14))])
    assert T.diagnostics(text)[1][0].severity.label == "warning"
