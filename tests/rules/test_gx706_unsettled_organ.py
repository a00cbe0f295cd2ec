"""GX706 unsettled-organ (RuleTester): where it must fire — message id, start, end — and where it must
stay silent.  A report whose organ cannot be told apart from last year's report's organ."""

from gx7_bundles import bundle

from gxlint.testing import RuleTester

gx706 = RuleTester("GX706")

LAST_YEAR = (
    "洪泽区人民政府2022年政府信息公开工作年度报告.txt",
    "洪泽区人民政府2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我区收到申请5件。\n",
)
BODY = (
    "2023年政府信息公开工作年度报告\n本报告由洪泽区人民政府办公室根据《中华人民共和国政府信息公开条例》要求编制。\n"
    "一、总体情况\n2023年，我区收到申请6件。\n"
)


def test_a_report_that_names_its_organ_is_silent():
    gx706.valid(bundle(LAST_YEAR, ("2023年报告.txt", "淮安市洪泽区人民政府\n" + BODY)))


def test_the_government_and_its_office():
    gx706.invalid(
        bundle(LAST_YEAR, ("2023年报告.txt", BODY)),
        [
            ("office", (1, 1), (1, 18), "是“洪泽区人民政府”的报告，本报告是“洪泽区人民政府办公室”的"),
        ],
    )
