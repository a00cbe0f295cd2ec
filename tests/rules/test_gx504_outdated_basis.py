"""GX504 outdated-basis (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

from gx5_period_basis_fee import BASIS_30, BASIS_60
from gx56_sample import line_of, report

from gxlint.fixes import apply_edits
from gxlint.testing import RuleTester

gx504 = RuleTester("GX504")


def test_60_hao_in_a_2023_report():
    text = report(head=BASIS_60)
    gx504.invalid(
        text,
        [
            ("outdated", line_of(text, "国办公开办函"), (2, 49), "2023 年度报告仍引用国办公开办函〔2019〕60号"),
        ],
        output=[("2019〕60", "2021〕30")],
    )
    res, own = gx504.diagnostics(text)
    fix = own[0].fix
    assert fix is not None and not fix.safe
    fixed, n = apply_edits(text, fix.edits)
    assert "国办公开办函〔2021〕30号" in fixed and n == 2


def test_60_hao_is_right_for_2019_and_2020():
    gx504.valid(
        report(
            title="某某市某某局2020年政府信息公开工作年度报告",
            head=BASIS_60,
            opening="2020年，我局推进政务公开。",
            signature="某某市某某局\n2021年1月20日",
        )
    )


def test_60_hao_is_outdated_from_the_2021_report_on():
    # 〔2021〕30号 is the format of the 2021 reports (published in 2022) already
    text = report(
        title="某某市某某局2021年政府信息公开工作年度报告", head=BASIS_60, signature="某某市某某局\n2022年1月20日"
    )
    gx504.invalid(
        text,
        [
            ("outdated", line_of(text, "国办公开办函"), (2, 49), "2021 年度报告仍引用国办公开办函〔2019〕60号"),
        ],
        output=[("2019〕60", "2021〕30")],
    )


def test_30_hao_and_a_sentence_that_says_60_hao_was_replaced():
    gx504.valid(report(head=BASIS_30))
    gx504.valid(report(head="原国办公开办函〔2019〕60号已被国办公开办函〔2021〕30号取代，本报告按新格式编制。"))


def test_other_documents_numbered_60_are_not_the_basis():
    gx504.valid(report(head="根据某某市政府办〔2019〕60号文件要求开展工作。"))
