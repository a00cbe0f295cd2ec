"""GX701 carry-over-mismatch (RuleTester): where it must fire — message id, start, end — and where it
must stay silent.  This year's 二、上年结转 against last year's 四、结转下年度继续办理, column by column."""

from gx7_bundles import TABLE_3, this_year_alone, two_years

from gxlint.testing import RuleTester

gx701 = RuleTester("GX701")

CARRIED_OUT = TABLE_3 + "| 四、结转下年度继续办理 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |\n"


def carried_in(row: str) -> str:
    return TABLE_3 + f"| 二、上年结转政府信息公开申请数量 | {row} |\n"


def test_the_carry_over_that_holds_is_silent():
    gx701.valid(two_years(CARRIED_OUT, carried_in("3 | 1 | 0 | 0 | 0 | 0 | 4")))
    gx701.valid(this_year_alone(carried_in("3 | 0 | 0 | 0 | 0 | 0 | 3")))  # nothing to compare with


def test_one_column_differs_the_total_following_it():
    gx701.invalid(
        two_years(CARRIED_OUT, carried_in("3 | 0 | 0 | 0 | 0 | 0 | 3")),
        [
            (
                "mismatch",
                (3, 26),
                (3, 27),
                "商业企业列为 0，但 2022 年报告“四、结转下年度继续办理”商业企业列为 1（相差 1）",
            ),
        ],
    )


def test_each_differing_column_is_a_finding():
    gx701.invalid(
        two_years(CARRIED_OUT, carried_in("2 | 0 | 0 | 0 | 0 | 0 | 2")),
        [
            ("mismatch", (3, 22), (3, 23), "自然人列为 2，但 2022 年报告“四、结转下年度继续办理”自然人列为 3"),
            ("mismatch", (3, 26), (3, 27), "商业企业列为 0"),
        ],
    )


def test_the_total_alone():
    gx701.invalid(
        two_years(CARRIED_OUT, carried_in("3 | 1 | 0 | 0 | 0 | 0 | 5")),
        [
            ("mismatch", (3, 46), (3, 47), "总计列为 5，但 2022 年报告“四、结转下年度继续办理”总计列为 4（相差 1）"),
        ],
    )
