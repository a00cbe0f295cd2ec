"""GX704 prior-year-figure (RuleTester): where it must fire — message id, start, end — and where it
must stay silent.  Last year's figures quoted in this year's prose, against last year's 表三."""

from gx7_bundles import TABLE_3, two_years

from gxlint.testing import RuleTester

gx704 = RuleTester("GX704")

LAST_YEAR = TABLE_3 + "| 一、本年新收政府信息公开申请数量 | 80 | 0 | 0 | 0 | 0 | 0 | 80 |\n"


def prose(sentence: str) -> str:
    return two_years(LAST_YEAR, "一、总体情况\n" + sentence + "\n")


def test_figures_that_agree_are_silent():
    gx704.valid(prose("本年度收到政府信息公开申请100件，上年度收到政府信息公开申请80件。"))
    gx704.valid(prose("本年度收到政府信息公开申请100件，同比增长25%。"))
    gx704.valid(prose("本年度收到政府信息公开申请100件，上年度收到政府信息公开申请约90件。"))  # a round figure


def test_last_years_count():
    gx704.invalid(
        prose("本年度收到政府信息公开申请100件，上年度收到政府信息公开申请90件。"),
        [
            ("count", (3, 32), (3, 34), "正文说上一年度本年新收申请 90 件，但 2022 年报告表三为 80 件"),
        ],
    )


def test_the_change_from_last_year():
    gx704.invalid(
        prose("本年度收到政府信息公开申请100件，同比增长50%。"),
        [
            ("change", (3, 23), (3, 25), "比上年增长 50%，但按 2022 年报告的 80 件和本年的 100 件，实际增长 25.0%"),
        ],
    )
