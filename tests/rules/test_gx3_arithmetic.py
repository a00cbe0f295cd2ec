import pytest
from gx3_arithmetic import GX3, S002, _cells, findings, set_line

from gxlint.engine import lint
from gxlint.testing import RuleTester
from seedutil import read_layout as layout
from seedutil import read_seed as seed


@pytest.mark.parametrize("code", ["GX301", "GX302", "GX303", "GX304", "GX305", "GX306"])
def test_silent_on_clean_reports(code):
    t = RuleTester(code)
    for name in (
        "pipe.txt",
        "pdf.txt",
        "markdown.txt",
        "tabs.txt",
        "cell_per_line_blank.txt",
        "trad_pinyin_pdf.txt",
        "eight_columns.txt",
        "v2019_signed.txt",
        "prose_numbers_pdf.txt",
    ):
        t.valid(layout(name))
        t.valid(layout(name).replace("\n", " "))
    for p in ("000", "002", "004"):
        t.valid(seed(p))


@pytest.mark.parametrize(
    "source", ["002", "000", "pipe.txt", "pdf.txt", "tabs.txt", "markdown.txt", "eight_columns.txt"]
)
def test_a_single_changed_cell_of_table_three_is_found_at_that_cell(source):
    text = seed(source) if source[0] == "0" else layout(source)
    assert findings(text, "GX3") == []
    missed = []
    for rid, c in _cells(text):
        new = str(int(c.value) + 1)
        changed = text[: c.span.start] + new + text[c.span.end :]
        res = lint(changed, None, GX3)
        at = [d for d in res.diagnostics if d.span.start == c.span.start]
        if not at or any(d.code[:3] != "GX3" for d in res.diagnostics):
            missed.append((rid, c.column))
    assert missed == []


@pytest.mark.parametrize(
    "line,code,elsewhere",
    [
        # r3_4_1 自然人 27 → 28: GX301 at the cell; the 自然人 column sum at （七）总计 names it
        (304, "GX301", {("GX302", 484, 1)}),
        (484, "GX302", set()),  # （七）总计 自然人 162 → 163 (GX301 there too; no GX303: same cause)
        (500, "GX303", set()),  # 四、结转下年度 自然人 0 → 1
        (562, "GX304", set()),  # 行政复议 总计 6 → 7
        (572, "GX305", set()),  # 行政诉讼（未经复议直接起诉）总计 0 → 1
    ],
)
def test_seed_002_one_changed_cell_per_identity(line, code, elsewhere):
    old = S002.split("\n")[line - 1]
    text = set_line(S002, line, str(int(old) + 1))
    got = findings(text, "GX3")
    assert (code, line, 1) in got, got
    assert {x for x in got if x[1] != line} == elsewhere, got
