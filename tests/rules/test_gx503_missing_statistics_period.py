"""GX503 missing-statistics-period (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

from gx56_sample import line_of, report

from gxlint.testing import RuleTester

gx503 = RuleTester("GX503")


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
