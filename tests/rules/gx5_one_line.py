"""Reports and helpers shared by the tests of GX506, GX507 and test_gx5_one_line.py
(one test module per rule; they were test_gx5_one_line.py)."""

from gx56_sample import report

from gxlint.testing import RuleTester

gx506 = RuleTester("GX506")
gx507 = RuleTester("GX507")

HEADER = (
    "标题: 某某市某某局2023年度政府信息公开工作年度报告\n发布时间: 2024-01-22 09:30\n文号: \n发布机构: \n"
    "原文链接: https://www.example.gov.cn/zfxxgk/nb/202401/t20240122_1.htm\n"
    "本地目录: zfxxgk/nb/202401/1_某某市某某局2023年度政府信息公开工作年度报告\n"
    "==================== 正文 ====================\n"
)


def one_line(**kw) -> str:
    """The sample report with its lines joined by spaces (the signature's line break too)."""
    return report(**kw).replace("\n", " ").strip() + "\n"
