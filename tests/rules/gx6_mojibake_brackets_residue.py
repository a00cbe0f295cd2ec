"""Reports and helpers shared by the tests of GX603, GX604 and test_gx6_mojibake_brackets_residue.py
(one test module per rule; they were test_gx6_mojibake_brackets_residue.py)."""

from gxlint.testing import RuleTester

gx603 = RuleTester("GX603")
gx604 = RuleTester("GX604")
gx605 = RuleTester("GX605")

SRC = "政府信息公开工作年度报告"


# --- GX604 -------------------------------------------------------------------------------


def _bracket_of(text):
    """The text each GX604 finding covers."""
    _res, own = gx604.diagnostics(text)
    return [text[d.span.start : d.span.end] for d in own]
