"""GX304 review-total-mismatch (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

from gx3_arithmetic import CLEAN, S002, findings, set_line

from gxlint.config import Settings
from gxlint.engine import lint
from gxlint.testing import RuleTester


def test_gx304_review_total():
    text = set_line(S002, 562, "7")
    RuleTester("GX304").invalid(
        text, [("sum", (562, 1), (562, 2), "行政复议：结果维持、结果纠正、其他结果、尚未审结之和为 6，总计为 7")]
    )
    res = lint(text, None, Settings.from_options(None, select="GX304"))
    assert [res.doc.text[r.span.start : r.span.end] for r in res.diagnostics[0].related] == ["6", "0", "0", "0"]


def test_gx304_part_changed_reported_at_the_total():
    text = CLEAN.replace("1 | 0 | 0 | 1 | 2 | 0 | 1 |", "1 | 0 | 3 | 1 | 2 | 0 | 1 |")
    RuleTester("GX304").invalid(text, [("sum", (52, 17), (52, 18), "之和为 5，总计为 2")])
    RuleTester("GX305").valid(text)


def test_gx304_gx305_silent_when_table_four_misread():
    row = "1 | 0 | 0 | 1 | 2 | 0 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |"
    text = CLEAN.replace(row, "1 | 0 | 0 | 1 | 0 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |")
    RuleTester("GX304").valid(text)
    RuleTester("GX305").valid(text)
    assert findings(text) == [("GX204", 52, 1)]
