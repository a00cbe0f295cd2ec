"""GX503 missing-statistics-period, GX504 outdated-basis, GX505 missing-fee-statement."""
from gxlint.fixes import apply_edits
from gxlint.testing import RuleTester

from gx56_sample import line_of, read_seed, report

gx503 = RuleTester("GX503")
gx504 = RuleTester("GX504")
gx505 = RuleTester("GX505")


# --- GX503 -------------------------------------------------------------------------------

def test_period_statement_present_in_any_form():
    gx503.valid(report())
    gx503.valid(report(head="报告中所列数据的统计期限为2023年1月1日起至12月31日。"))
    gx503.valid(report(head="本报告统计期间为二〇二三年一月一日至十二月三十一日。"))
    gx503.valid(report(head="本报告数据统计时间为2023年度。"))


def test_missing_period_is_information_at_the_title():
    text = report(head=None)
    res, own = gx503.diagnostics(text)
    assert [d.severity.label for d in own] == ["information"]
    gx503.invalid(text, [("missing", (1, 1), (1, 24), "统计期限自2023年1月1日")])


def test_missing_period_without_title_points_at_part_one():
    text = report(title=None, head=None)
    gx503.invalid(text, [("missing", line_of(text, "一、总体情况"), (1, 7))])


# --- GX504 -------------------------------------------------------------------------------

BASIS_60 = "本报告依据《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）编制。"
BASIS_30 = "本报告依据《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制。"


def test_60_hao_in_a_2023_report():
    text = report(head=BASIS_60)
    got = gx504.invalid(text, [
        ("outdated", line_of(text, "国办公开办函"), (2, 49), "2023 年度报告仍引用国办公开办函〔2019〕60号"),
    ], output=[("2019〕60", "2021〕30")])
    res, own = gx504.diagnostics(text)
    fix = own[0].fix
    assert fix is not None and not fix.safe
    fixed, n = apply_edits(text, fix.edits)
    assert "国办公开办函〔2021〕30号" in fixed and n == 2


def test_60_hao_is_right_for_2019_and_2020():
    gx504.valid(report(title="某某市某某局2020年政府信息公开工作年度报告", head=BASIS_60,
                       opening="2020年，我局推进政务公开。", signature="某某市某某局\n2021年1月20日"))


def test_60_hao_is_outdated_from_the_2021_report_on():
    # 〔2021〕30号 is the format of the 2021 reports (published in 2022) already
    text = report(title="某某市某某局2021年政府信息公开工作年度报告", head=BASIS_60, signature="某某市某某局\n2022年1月20日")
    gx504.invalid(text, [
        ("outdated", line_of(text, "国办公开办函"), (2, 49), "2021 年度报告仍引用国办公开办函〔2019〕60号"),
    ], output=[("2019〕60", "2021〕30")])


def test_30_hao_and_a_sentence_that_says_60_hao_was_replaced():
    gx504.valid(report(head=BASIS_30))
    gx504.valid(report(head="原国办公开办函〔2019〕60号已被国办公开办函〔2021〕30号取代，本报告按新格式编制。"))


def test_other_documents_numbered_60_are_not_the_basis():
    gx504.valid(report(head="根据某某市政府办〔2019〕60号文件要求开展工作。"))


# --- GX505 -------------------------------------------------------------------------------

def test_fee_statement_present():
    gx505.valid(report())
    gx505.valid(report(part6="按照《政府信息公开信息处理费管理办法》规定，本机关本年度收取信息处理费0.02万元。"))


def test_fee_statement_missing_points_at_the_content_of_part_six():
    text = report(part6="无其他需要报告的事项。")
    gx505.invalid(text, [("missing", line_of(text, "无其他需要报告的事项。"), (27, 12), "信息处理费")])


def test_empty_part_six_points_at_its_heading():
    text = report(part6="", signature=None)
    gx505.invalid(text, [("missing", line_of(text, "六、其他需要报告的事项"), (26, 12))])


def test_v2019_reports_are_not_asked_for_the_fee_statement():
    gx505.valid(report(title="某某市某某局2019年政府信息公开工作年度报告", head=None, part6="无。",
                       opening="2019年，我局推进政务公开。", signature="某某市某某局\n2020年1月20日"))


def test_seed_000_and_003_lack_it_seed_002_and_004_have_it():
    assert gx505.positions(read_seed("000"))[0][:2] == (69, 1)
    assert gx505.positions(read_seed("003"))[0][:2] == (82, 1)
    gx505.valid(read_seed("002"))      # 未收取信息處理費 (traditional)
    gx505.valid(read_seed("004"))


def test_fee_statement_in_another_part_is_information_pointing_there():
    text = report(opening="2023年，我局未收取信息处理费。", part6="无。")
    res, own = gx505.diagnostics(text)
    gx505.invalid(text, [("missing", line_of(text, "无。"), (27, 3))])
    assert own[0].severity.label == "information"
    assert own[0].related[0].span.start == text.index("信息处理费")
