"""Reports and helpers shared by the tests of GX601 and test_gx6_script_pinyin.py
(one test module per rule; they were test_gx6_script_pinyin.py)."""

from gxlint.config import Settings
from gxlint.engine import lint
from gxlint.testing import RuleTester

gx601 = RuleTester("GX601")
gx602 = RuleTester("GX602")


def with_gx605(code, text):
    """The rule as it runs in a full check: GX605 on, so web residue lines are left to it."""
    res = lint(text, None, Settings.from_options(None, select=f"{code},GX605"))
    return res, [d for d in res.diagnostics if d.code == code]
