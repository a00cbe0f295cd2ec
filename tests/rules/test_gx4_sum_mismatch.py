"""GX404 prose-sum-mismatch: 共N…其中a、b、c."""

from gx4_reports import CITY_PROSE, at, city, report

from gxlint.testing import RuleTester
from seedutil import read_seed as seed

T = RuleTester("GX404")


def test_seed_004_line_13_holds():
    T.valid(seed("004"))        # 16 = 4 + 8 + 4, then 历年累计…516条 is not an item


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


def test_a_part_that_contradicts_the_table_is_left_to_gx401():
    T.valid(city())
    T.valid(city(CITY_PROSE.replace("结果维持 17 件", "结果维持 18 件")))   # GX401 reports the 18


def test_approximate_parts_are_not_added():
    T.valid(report("本年度共发布政府信息100条，其中政策文件80余条，工作动态40条。"))


def test_channels_may_overlap_so_exceeding_is_a_warning():
    text = "一、总体情况\n本年度共公开政府信息500条，其中通过政府网站公开400条，通过微信公众号公开300条。\n"
    T.invalid(text, [("exceeds", at(text, "500"), (2, 14))])
    assert T.diagnostics(text)[1][0].severity.label == "warning"
