"""GX505 missing-fee-statement (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

from gx56_sample import line_of, read_seed, report

from gxlint.testing import RuleTester

gx505 = RuleTester("GX505")


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
    gx505.valid(
        report(
            title="某某市某某局2019年政府信息公开工作年度报告",
            head=None,
            part6="无。",
            opening="2019年，我局推进政务公开。",
            signature="某某市某某局\n2020年1月20日",
        )
    )


def test_seed_000_and_003_lack_it_seed_002_and_004_have_it():
    assert gx505.positions(read_seed("000"))[0][:2] == (69, 1)
    assert gx505.positions(read_seed("003"))[0][:2] == (82, 1)
    gx505.valid(read_seed("002"))  # 未收取信息處理費 (traditional)
    gx505.valid(read_seed("004"))


def test_fee_statement_in_another_part_is_information_pointing_there():
    text = report(opening="2023年，我局未收取信息处理费。", part6="无。")
    res, own = gx505.diagnostics(text)
    gx505.invalid(text, [("missing", line_of(text, "无。"), (27, 3))])
    assert own[0].severity.label == "information"
    assert own[0].related[0].span.start == text.index("信息处理费")
