"""GX703 duplicate-report (RuleTester): where it must fire — message id, start, end — and where it
must stay silent.  Two files of one organ's report of one year."""

from gx7_bundles import NAME_2023, TITLE_2022, TITLE_2023, bundle

from gxlint.testing import RuleTester

gx703 = RuleTester("GX703")

BODY_5 = "一、总体情况\n2023年，我局收到申请5件。\n"
BODY_6 = "一、总体情况\n2023年，我局收到申请6件。\n"


def test_two_years_are_not_duplicates():
    gx703.valid(
        bundle(
            ("青云县司法局2022年报告.txt", TITLE_2022 + "一、总体情况\n2022年，我局收到申请5件。\n"),
            (NAME_2023, TITLE_2023 + BODY_6),
        )
    )


def test_two_different_files_of_one_year():
    gx703.invalid(
        bundle(("旧版/" + NAME_2023, TITLE_2023 + BODY_5), (NAME_2023, TITLE_2023 + BODY_6)),
        [
            ("year", (1, 1), (1, 24), "青云县司法局的 2023 年度报告有两份内容不同的文件：这一份和 旧版/"),
        ],
    )


def test_the_same_file_twice():
    gx703.invalid(
        bundle(("副本/" + NAME_2023, TITLE_2023 + BODY_6), (NAME_2023, TITLE_2023 + BODY_6)),
        [
            ("same", (1, 1), (1, 24), "这份报告与 副本/青云县司法局2023年政府信息公开工作年度报告.txt 内容完全相同"),
        ],
    )
