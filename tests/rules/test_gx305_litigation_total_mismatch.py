"""GX305 litigation-total-mismatch (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

from gx3_arithmetic import CLEAN

from gxlint.testing import RuleTester


def test_gx305_litigation_groups():
    row = "1 | 0 | 0 | 1 | 2 | 0 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |"
    text = CLEAN.replace(row, "1 | 0 | 0 | 1 | 2 | 0 | 1 | 0 | 0 | 2 | 0 | 0 | 1 | 0 | 0 |")
    RuleTester("GX305").invalid(
        text,
        [
            (
                "sum",
                (52, 37),
                (52, 38),
                "行政诉讼（未经复议直接起诉）：结果维持、结果纠正、其他结果、尚未审结之和为 1，总计为 2",
            ),
            (
                "sum",
                (52, 57),
                (52, 58),
                "行政诉讼（复议后起诉）：结果维持、结果纠正、其他结果、尚未审结之和为 1，总计为 0",
            ),
        ],
    )
    RuleTester("GX304").valid(text)
