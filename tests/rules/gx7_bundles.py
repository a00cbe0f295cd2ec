"""Two years' reports of one organ, for the tests of the cross-report rules (GX7).

RuleTester reads a bundle: sections opened by ``=== FILE NAME ===``; the last one is the report under
test (positions are in it), the others are the reports read beside it.
"""

TITLE_2022 = "青云县司法局2022年政府信息公开工作年度报告\n"
TITLE_2023 = "青云县司法局2023年政府信息公开工作年度报告\n"
TABLE_2 = "二、主动公开政府信息情况\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
TABLE_3 = "三、收到和处理政府信息公开申请情况\n"
NAME_2022 = "青云县司法局2022年政府信息公开工作年度报告.txt"
NAME_2023 = "青云县司法局2023年政府信息公开工作年度报告.txt"


def bundle(*files: tuple[str, str]) -> str:
    """The ``(file name, text)`` pairs as one bundle, the last the report under test."""
    return "".join(f"=== {name} ===\n{text}" for name, text in files)


def two_years(last_year: str, this_year: str) -> str:
    """Last year's report (title + ``last_year``) beside this year's (title + ``this_year``)."""
    return bundle((NAME_2022, TITLE_2022 + last_year), (NAME_2023, TITLE_2023 + this_year))


def this_year_alone(this_year: str) -> str:
    return bundle((NAME_2023, TITLE_2023 + this_year))
