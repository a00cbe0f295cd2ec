"""GX702 in-force-drift (RuleTester): where it must fire — message id, start, end — and where it must
stay silent.  Last year's 现行有效件数 + this year's 制发 − 废止 = this year's 现行有效件数."""

from gx7_bundles import TABLE_2, this_year_alone, two_years

from gxlint.testing import RuleTester

gx702 = RuleTester("GX702")


def test_the_count_in_force_that_follows_is_silent():
    gx702.valid(two_years(TABLE_2 + "| 行政规范性文件 | 3 | 1 | 20 |\n", TABLE_2 + "| 行政规范性文件 | 4 | 2 | 22 |\n"))
    gx702.valid(this_year_alone(TABLE_2 + "| 行政规范性文件 | 4 | 2 | 20 |\n"))


def test_normative_documents_drift():
    text = two_years(TABLE_2 + "| 行政规范性文件 | 3 | 1 | 20 |\n", TABLE_2 + "| 行政规范性文件 | 4 | 2 | 20 |\n")
    gx702.invalid(
        text,
        [
            ("drift", (4, 21), (4, 23), "现行有效件数为 20，但 2022 年的 20 件加本年制发 4 件、减本年废止 2 件应为 22"),
        ],
    )


def test_rules_drift():
    text = two_years(TABLE_2 + "| 规章 | 0 | 0 | 5 |\n", TABLE_2 + "| 规章 | 1 | 0 | 5 |\n")
    gx702.invalid(text, [("drift", (4, 16), (4, 17), "表二“规章”现行有效件数为 5，但 2022 年的 5 件加本年制发 1 件")])
