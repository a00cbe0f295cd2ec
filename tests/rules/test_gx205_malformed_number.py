"""GX205 malformed-number (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

from gx2_template import CLEAN, V2019, codes

from gxlint.config import Settings
from gxlint.engine import lint
from gxlint.fixes import apply_fixes
from gxlint.testing import RuleTester
from seedutil import read_seed as seed


def test_gx205_leading_zero_and_its_safe_fix():
    text = CLEAN.replace("（七）总计 | 39 | 3 | 1 | 0 | 2 | 1 | 46 |", "（七）总计 | 39 | 03 | 1 | 0 | 2 | 1 | 46 |")
    RuleTester("GX205").invalid(
        text,
        [
            ("bad", (46, 14), (46, 16), "“（七）总计”的“03”不是规范的数字：多余的前导零"),
        ],
        output=[(" 03 ", " 3 ")],
    )
    res = lint(text, None, Settings.from_options(None, select="GX205"))
    assert all(d.fix.safe for d in res.diagnostics)
    fixed, n = apply_fixes(text, res.diagnostics)
    assert n == 1 and fixed == CLEAN
    # the value is still read (3): the identities hold, no GX3 finding built on a typo
    assert codes(text) == [("GX205", 46)]


def test_gx205_seed_001():
    RuleTester("GX205").invalid(seed("001"), [("bad", (258, 1), (258, 3), "“00”")], output=[("\n00 ", "\n0 ")])


def test_gx205_other_malformed_cells():
    t = RuleTester("GX205")
    cases = [
        ("—", "用横线或斜线代替数字"),
        ("1,2", "不是规范的数字"),
        ("2.0", "件数不能是小数"),
        ("-1", "件数不能为负"),
        ("+1", "件数不应带符号"),
        ("/", "用横线或斜线代替数字"),
    ]
    # letters among the digits (l0) in a text table may be a scan misread by OCR: GX207, a warning
    # (tests/test_certainty.py); in a document's own cell an error
    for raw, why in cases:
        text = CLEAN.replace("2.重复申请 | 1 | 0 |", f"2.重复申请 | 1 | {raw} |")
        t.invalid(
            text, [("bad", (39, 14), (39, 14 + len(raw)), f"“（五）不予处理 2.重复申请”的“{raw}”不是规范的数字：{why}")]
        )
    # no fix offered where the intended number is unknown
    res = lint(
        CLEAN.replace("行政许可 | 126 |", "行政许可 | 1,26 |"), None, Settings.from_options(None, select="GX205")
    )
    assert [d.fix for d in res.diagnostics] == [None]


def test_gx205_silent():
    t = RuleTester("GX205")
    t.valid(V2019)  # 增1 减2 +3 -1 in 本年增/减; 56.8 in 采购总金额
    t.valid(CLEAN)  # 1.2345 in 本年收费金额
    t.valid(CLEAN.replace("行政许可 | 126 |", "行政许可 | 1,126 |"))  # thousands separator
    t.valid(CLEAN.replace("行政许可 | 126 |", "行政许可 | １２６ |"))  # full-width digits
    t.valid(seed("002"))
    t.valid(seed("003"))
