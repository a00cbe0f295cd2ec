"""GX303 balance-mismatch (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

from gx3_arithmetic import CLEAN, S002, findings, set_line

from gxlint.testing import RuleTester
from seedutil import read_seed as seed


def test_gx303_carried_forward_wrong():
    text = CLEAN.replace("四、结转下年度继续办理 | 3 | 1 |", "四、结转下年度继续办理 | 3 | 2 |")
    RuleTester("GX303").invalid(
        text,
        [
            (
                "balance",
                (47, 19),
                (47, 20),
                "商业企业列：一、本年新收 + 二、上年结转 = 4，而（七）总计 + 四、结转下年度 = 5",
            ),
        ],
    )
    assert findings(text) == [("GX301", 47, 19), ("GX303", 47, 19)]


def test_gx303_new_applications_wrong_names_the_cell():
    text = CLEAN.replace("一、本年新收政府信息公开申请数量 | 40 |", "一、本年新收政府信息公开申请数量 | 41 |")
    RuleTester("GX303").invalid(
        text,
        [
            (
                "balance_cell",
                (47, 15),
                (47, 16),
                "自然人列：一、本年新收 + 二、上年结转 = 43，而（七）总计 + 四、结转下年度 = 42；“一、本年新收政府信息公开申请数量”行的合计也对不上",
            ),
        ],
    )
    RuleTester("GX301").invalid(
        text,
        [
            ("rowsum_cell", (23, 20), (23, 22), "两处都指向这一格：自然人 41，按勾稽关系应为 40"),
        ],
        output=[(" 41 ", " 40 ")],
    )


def test_gx303_silent_when_blank():
    RuleTester("GX303").valid(CLEAN.replace("四、结转下年度继续办理 | 3 | 1 |", "四、结转下年度继续办理 | 3 |  |"))
    RuleTester("GX303").valid(seed("001"))  # 一+二 = （七）+四 holds as written


def test_gx303_suppressed_only_total_row_wrong_seed_002():
    text = set_line(S002, 484, "161")
    assert sorted(findings(text, "GX3")) == [("GX301", 484, 1), ("GX302", 484, 1)]
