"""Reports and helpers shared by the tests of GX301, GX302, GX303, GX304, GX305, GX306 and test_gx3_arithmetic.py
(one test module per rule; they were test_gx3_arithmetic.py)."""

from gxlint.config import Settings
from gxlint.engine import lint
from gxlint.parse import parse
from seedutil import read_layout as layout
from seedutil import read_seed as seed

GX3 = Settings.from_options(None, select="GX3")


def set_line(text, lineno, new):
    """Replace the content of 1-based line `lineno` (a one-cell-per-line layout)."""
    lines = text.split("\n")
    lines[lineno - 1] = new
    return "\n".join(lines)


def findings(text, select="GX1,GX2,GX3"):
    res = lint(text, None, Settings.from_options(None, select=select))
    return [(d.code, *(x + 1 for x in res.doc.lines.position(d.span.start))) for d in res.diagnostics]


CLEAN = layout("pipe.txt")
S002 = seed("002")  # traditional + pinyin, one cell per line, every identity holds, real numbers
S000 = seed("000")


# --- a clean report with one changed cell is caught at that cell --------------------------------


def _cells(text):
    """For every row of table 三: one applicant cell (the column rotating from row to row, so every
    column is met) and its 总计 (or 小计) cell."""
    doc = parse(text)
    for k, row in enumerate(doc.tables["t3"].rows.values()):
        applicants = [c for c in row.cells if c.column not in ("tot", "sub")]
        yield row.id, applicants[k % len(applicants)]
        yield row.id, row.cells[-1 - (k % 2 if len(row.cells) == 8 else 0)]
