"""GX501 year-mismatch (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

from gx56_sample import line_of, report

from gxlint.testing import RuleTester

t = RuleTester("GX501")


def test_consistent_report_is_silent():
    t.valid(report())
    t.valid(report(title=None, head=None))  # only the opening sentence states the year


def test_period_of_last_year_is_reported_at_its_year():
    text = report(head="本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。")
    # the start year is reported; the end year is the same mistake, not a second finding
    t.invalid(text, [("mismatch", line_of(text, "2022"), (2, 19), "统计期限写的是 2022 年，但报告年度是 2023 年")])


def test_title_is_outvoted_by_period_opening_and_fee():
    text = report(title="某某市某某局2022年政府信息公开工作年度报告", part6="2023年度本单位未收取信息处理费。")
    res, own = t.diagnostics(text)
    assert res.doc.meta.year == 2023
    t.invalid(text, [("mismatch", line_of(text, "2022"), (1, 11), "标题写的是 2022 年")], output=[("2022", "2023")])
    assert own[0].related, "the places that say 2023 are attached"


def test_title_wins_a_tie_with_the_period():
    text = report(head="本报告数据统计期限为2022年1月1日至2022年12月31日。", opening="本年度，我局推进政务公开。")
    t.invalid(text, [("mismatch", line_of(text, "2022"), (2, 15), "以标题为准")])


def test_copied_fee_statement_of_last_year():
    text = report(part6="2022年度本单位未收取信息处理费。")
    t.invalid(text, [("mismatch", line_of(text, "2022"), (27, 5), "信息处理费说明")], output=[("2022", "2023")])


def test_period_spanning_two_years():
    text = report(head="本报告中所列数据的统计期限自2023年1月1日起至2024年12月31日止。")
    t.invalid(text, [("period_split", line_of(text, "2024年12"), (2, 30), "起于 2023 年，止于 2024 年")])


def test_signature_dated_inside_the_report_year():
    text = report(signature="某某市某某局\n2023年12月20日")
    t.invalid(text, [("early_date", line_of(text, "2023年12月20日"), (29, 12), "早于报告年度 2023 年结束")])


def test_malformed_dates():
    text = report(head="本报告中所列数据的统计期限为20231月1日至12月31日。")
    t.invalid(text, [("malformed", line_of(text, "20231月1日"), (2, 23), "缺少“年”字")])
    text = report(signature="某某市某某局\n2024年2月30日")
    t.invalid(text, [("malformed", line_of(text, "2024年2月30日"), (29, 11), "没有这一天")])


def test_configured_year_is_the_basis():
    text = report()
    got = RuleTester("GX501", year=2022).positions(text)
    assert got and all("以配置（--year）为准" in m for _, _, m in got)


def test_english_message():
    text = report(part6="2022年度本单位未收取信息处理费。")
    got = RuleTester("GX501", lang="en").positions(text)
    assert got and "the fee statement says 2022" in got[0][2]


def test_last_years_report_named_in_part_five_is_not_a_mismatch():
    text = report().replace("宣传力度还不够。", "针对2022年政府信息公开工作年度报告中指出的问题进行了整改。")
    t.valid(text)


def test_the_fee_measures_year_is_not_the_fee_statements():
    t.valid(report(part6="按照2020年印发的《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。"))
    text = report(part6="2022年度本机关共收取信息处理费0.01万元。")
    t.invalid(text, [("mismatch", line_of(text, "2022"), (27, 5))], output=[("2022", "2023")])


def test_a_table_heading_with_last_years_year():
    text = report().replace("二、主动公开政府信息情况", "二、2022年主动公开政府信息情况")
    t.invalid(text, [("mismatch", line_of(text, "2022"), (5, 7), "表格标题写的是 2022 年")], output=[("2022", "2023")])
    t.valid(report().replace("二、主动公开政府信息情况", "二、2023年度主动公开政府信息情况"))


def test_the_fix_to_review_writes_the_report_year():
    """A year written in one place (title, fee statement …) has a fix to review by hand; the
    statistics period's start year alone has none (its end year would be left behind)."""
    from gxlint.fixes import apply_fixes

    text = report(title="某某市某某局2022年政府信息公开工作年度报告", part6="2023年度本单位未收取信息处理费。")
    _res, own = t.diagnostics(text)
    (d,) = own
    assert d.fix is not None and not d.fix.safe and d.fix.message == "把 2022 改为报告年度 2023"
    start = text.index("2022")
    assert [(e.start, e.end, e.new_text) for e in d.fix.edits] == [(start, start + 4, "2023")]
    fixed, n = apply_fixes(text, own, unsafe=True)
    assert n == 1
    t.valid(fixed)
    text = report(head="本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。")
    _res, own = t.diagnostics(text)
    assert [d.fix for d in own] == [None]
