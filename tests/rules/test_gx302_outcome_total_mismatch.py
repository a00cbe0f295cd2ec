"""GX302 outcome-total-mismatch (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

from gx3_arithmetic import CLEAN, findings

from gxlint.config import Settings
from gxlint.engine import lint
from gxlint.fixes import apply_fixes
from gxlint.testing import RuleTester
from seedutil import read_seed as seed


def test_gx302_seed_001_per_column():
    RuleTester("GX302").invalid(
        seed("001"),
        [
            (
                "outsum_cell",
                (253, 1),
                (253, 2),
                "（七）总计 商业企业列为 0，但各办理结果之和为 9；“（一）予以公开”行的合计也对不上",
            ),
            ("outsum_cell", (258, 1), (258, 3), "（七）总计 总计列为 0，但各办理结果之和为 1"),
        ],
    )


def test_gx302_only_total_row_wrong_and_gx303_suppressed():
    text = CLEAN.replace("（七）总计 | 39 |", "（七）总计 | 38 |")
    RuleTester("GX302").invalid(
        text,
        [
            ("outsum", (46, 9), (46, 11), "（七）总计 自然人列为 38，但各办理结果之和为 39"),
        ],
        output=[(" 38 ", " 39 ")],
    )
    # （七）总计 alone is wrong: the balance 一+二 = （七）+四 fails only because of it — no GX303
    RuleTester("GX303").valid(text)
    assert findings(text) == [("GX301", 46, 9), ("GX302", 46, 9)]
    res = lint(text, None, Settings.from_options(None, select="GX302"))
    (d,) = res.diagnostics
    assert [res.doc.text[r.span.start : r.span.end] for r in d.related] == [
        "20",
        "5",
        "1",
        "2",
        "6",
        "1",
        "2",
        "1",
        "1",
    ]
    fixed, _ = apply_fixes(text, res.diagnostics, unsafe=True)
    assert fixed == CLEAN


def test_gx302_skipped_when_an_outcome_row_is_missing_or_misread():
    line = "2.没有现成信息需要另行制作 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | ||\n"
    RuleTester("GX302").valid(CLEAN.replace(line, ""))
    RuleTester("GX302").valid(
        CLEAN.replace("2.重复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |", "2.重复申请 | 1 | 0 | 0 | 0 | 0 | 1 |")
    )
