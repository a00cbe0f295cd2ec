"""GX306 implausible-count (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

from gx3_arithmetic import CLEAN

from gxlint.config import Settings
from gxlint.engine import lint
from gxlint.testing import RuleTester
from seedutil import read_layout as layout


def test_gx306_valid_less_than_made_minus_repealed():
    text = CLEAN.replace("行政规范性文件 | 5 | 2 | 31 |", "行政规范性文件 | 5 | 0 | 3 |")
    RuleTester("GX306").invalid(
        text,
        [("valid", (8, 19), (8, 20), "“行政规范性文件”现行有效件数为 3，少于本年制发 5 减本年废止 0（= 5），请核对")],
    )
    res = lint(text, None, Settings.from_options(None, select="GX306"))
    assert res.diagnostics[0].severity.label == "warning"


def test_gx306_v2019_total_public_and_negative_items():
    text = V2019_NEG = (
        layout("v2019_signed.txt")
        .replace("规范性文件 | 3 | 3 | 45 |", "规范性文件 | 3 | 3 | 2 |")
        .replace("行政强制 | 5 | -1 | 6 |", "行政强制 | 0 | -1 | 6 |")
    )
    RuleTester("GX306").invalid(
        V2019_NEG,
        [
            ("public_total", (8, 17), (8, 18), "“规范性文件”对外公开总数量 2 少于本年新公开数量 3，请核对"),
            ("negative_items", (16, 12), (16, 14), "“行政强制”上一年项目数量 0 加本年增/减 -1 小于 0，请核对"),
        ],
    )
    assert text


def test_gx306_says_the_difference_and_allows_none_left():
    text = CLEAN.replace("行政规范性文件 | 5 | 2 | 31 |", "行政规范性文件 | 5 | 1 | 3 |")
    RuleTester("GX306").invalid(
        text, [("valid", (8, 19), (8, 20), "现行有效件数为 3，少于本年制发 5 减本年废止 1（= 4），请核对")]
    )
    # no item left (0 + -1 … 1 + -1 = 0) is possible: only below 0 is implausible
    text = layout("v2019_signed.txt").replace("行政强制 | 5 | -1 | 6 |", "行政强制 | 1 | -1 | 6 |")
    assert [m for _l, _c, m in RuleTester("GX306").positions(text) if "上一年项目数量" in m] == []


def test_gx306_township_rules():
    text = CLEAN.replace("规章 | 0 | 0 | 0 |", "规章 | 1 | 0 | 1 |")
    RuleTester("GX306", organ_level="township").invalid(
        text,
        [
            ("rules_township", (7, 1), (7, 3), "乡镇、街道没有规章制定权，但“规章”一行为 1 / 0 / 1，请核对"),
        ],
    )
    RuleTester("GX306").valid(text)  # organ level unknown: nothing to say
    RuleTester("GX306", organ_level="department").valid(text)


def test_gx306_silent_on_unreliable_row():
    RuleTester("GX306").valid(CLEAN.replace("行政规范性文件 | 5 | 2 | 31 |", "行政规范性文件 | 5 | 0 |"))
