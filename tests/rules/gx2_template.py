"""Reports and helpers shared by the tests of GX201, GX202, GX203, GX204, GX205, GX206 and test_gx2_template.py
(one test module per rule; they were test_gx2_template.py)."""

from gxlint.config import Settings
from gxlint.engine import lint
from seedutil import FULL_LAYOUTS
from seedutil import read_layout as layout


def codes(text, select="GX1,GX2,GX3"):
    res = lint(text, None, Settings.from_options(None, select=select))
    return [(d.code, res.doc.lines.line_of(d.span.start) + 1) for d in res.diagnostics]


CLEAN = layout("pipe.txt")  # a complete v2021 report for 2023, every identity holds
V2019 = layout("v2019_signed.txt")  # a complete v2019 report for 2020
LAYOUT_NAMES = [*FULL_LAYOUTS, "v2019_signed.txt"]
