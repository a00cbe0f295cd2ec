"""GX301–GX306 (arithmetic identities) with RuleTester: fire at the cell (exact line, column,
message with the numbers), stay silent on clean reports; one root cause gives one error."""

import pytest

from gxlint.config import Settings
from gxlint.engine import lint
from gxlint.fixes import apply_fixes
from gxlint.parse import parse
from gxlint.testing import RuleTester
from seedutil import read_seed as seed, read_layout as layout

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
S002 = seed("002")      # traditional + pinyin, one cell per line, every identity holds, real numbers
S000 = seed("000")


# --- clean reports: silent ---------------------------------------------------------------------

@pytest.mark.parametrize("code", ["GX301", "GX302", "GX303", "GX304", "GX305", "GX306"])
def test_silent_on_clean_reports(code):
    t = RuleTester(code)
    for name in ("pipe.txt", "pdf.txt", "markdown.txt", "tabs.txt", "cell_per_line_blank.txt", "trad_pinyin_pdf.txt",
                 "eight_columns.txt", "v2019_signed.txt", "prose_numbers_pdf.txt"):
        t.valid(layout(name))
        t.valid(layout(name).replace("\n", " "))
    for p in ("000", "002", "004"):
        t.valid(seed(p))


# --- GX301 row-total-mismatch -----------------------------------------------------------------

def test_gx301_total_cell_wrong():
    text = CLEAN.replace("（一）予以公开 | 20 | 2 | 0 | 0 | 1 | 0 | 23 |", "（一）予以公开 | 20 | 2 | 0 | 0 | 1 | 0 | 24 |")
    # the outcome sum of the 总计 column fails too, with the same correction at this cell
    RuleTester("GX301").invalid(text, [
        ("rowsum", (25, 48), (25, 50), "“（一）予以公开”行：各申请人列之和为 23，总计列为 24"),
    ], output=[(" 24 ", " 23 ")])


def test_gx301_applicant_cell_wrong_is_found_at_that_cell():
    text = CLEAN.replace("（一）予以公开 | 20 | 2 |", "（一）予以公开 | 20 | 5 |")
    got = RuleTester("GX301").invalid(text, [
        ("rowsum_cell", (25, 28), (25, 29), "各申请人列之和为 26，总计列为 23；商业企业列的合计也对不上，两处都指向这一格：商业企业 5，按勾稽关系应为 2"),
    ], output=[("0 | 5 | 0", "0 | 2 | 0")])
    res = lint(text, None, Settings.from_options(None, select="GX301"))
    (d,) = res.diagnostics
    assert not d.fix.safe
    fixed, _ = apply_fixes(text, res.diagnostics, unsafe=True)
    assert fixed == CLEAN
    # related information: the total and the other cells of the sum
    assert res.doc.text[d.related[0].span.start:d.related[0].span.end] == "23"
    assert len(d.related) == 6


def test_gx301_row_alone_points_at_total():
    """Only the row sum fails (two cells changed so that the column sums still hold): the
    diagnostic stays at the total, with related information on every part."""
    text = CLEAN.replace("（一）予以公开 | 20 | 2 | 0 | 0 | 1 | 0 | 23 |", "（一）予以公开 | 21 | 2 | 0 | 0 | 1 | 0 | 23 |").replace(
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 5 |", "（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 4 |")
    RuleTester("GX301").invalid(text, [
        ("rowsum", (25, 48), (25, 50), "各申请人列之和为 24，总计列为 23"),
        ("rowsum", (26, 56), (26, 57), "各申请人列之和为 5，总计列为 6"),
    ], output=[(" 23 ", " 24 "), ("0 | 6 | |", "0 | 5 | |")])
    res = lint(text, None, Settings.from_options(None, select="GX301"))
    assert all(len(d.related) == 6 for d in res.diagnostics)
    assert not findings(text, "GX302,GX303")


def test_gx301_seed_001():
    RuleTester("GX301").invalid(seed("001"), [
        ("rowsum_cell", (98, 1), (98, 2), "“（一）予以公开”行：各申请人列之和为 9，总计列为 0"),
        ("rowsum", (144, 1), (144, 2), "各申请人列之和为 0，总计列为 1"),
    ], output=[("\n9 ", "\n0 "), ("\n1 ", "\n0 ")])


def test_gx301_subtotal_column():
    text = layout("eight_columns.txt").replace("| 2 | 1 | 7 | 47 |", "| 2 | 1 | 8 | 47 |")
    RuleTester("GX301").invalid(text, [
        ("subtotal", (23, 45), (23, 46), "“一、本年新收政府信息公开申请数量”行：五类法人或其他组织之和为 7，小计列为 8"),
    ], output=[("1 | 8 | 4", "1 | 7 | 4")])


def test_gx301_english():
    text = CLEAN.replace("（一）予以公开 | 20 | 2 | 0 | 0 | 1 | 0 | 23 |", "（一）予以公开 | 20 | 2 | 0 | 0 | 1 | 0 | 24 |")
    RuleTester("GX301", lang="en").invalid(text, [
        ("rowsum", (25, 48), (25, 50), "the applicant columns add up to 23, the total column says 24"),
    ], output=[(" 24 ", " 23 ")])


def test_gx301_silent_on_misread_and_blank_rows():
    t = RuleTester("GX301")
    # a row with 6 numbers: GX204, not a row sum built on a misread
    t.valid(CLEAN.replace("（一）予以公开 | 20 | 2 | 0 | 0 | 1 | 0 | 23 |", "（一）予以公开 | 20 | 2 | 0 | 0 | 1 | 24 |"))
    # a blank cell: GX206, the row sum is skipped
    t.valid(CLEAN.replace("（一）予以公开 | 20 | 2 |", "（一）予以公开 | 20 |  |"))
    t.valid(seed("003"))


# --- GX302 outcome-total-mismatch -------------------------------------------------------------

def test_gx302_seed_001_per_column():
    RuleTester("GX302").invalid(seed("001"), [
        ("outsum_cell", (253, 1), (253, 2), "（七）总计 商业企业列为 0，但各办理结果之和为 9；“（一）予以公开”行的合计也对不上"),
        ("outsum_cell", (258, 1), (258, 3), "（七）总计 总计列为 0，但各办理结果之和为 1"),
    ])


def test_gx302_only_total_row_wrong_and_gx303_suppressed():
    text = CLEAN.replace("（七）总计 | 39 |", "（七）总计 | 38 |")
    RuleTester("GX302").invalid(text, [
        ("outsum", (46, 9), (46, 11), "（七）总计 自然人列为 38，但各办理结果之和为 39"),
    ], output=[(" 38 ", " 39 ")])
    # （七）总计 alone is wrong: the balance 一+二 = （七）+四 fails only because of it — no GX303
    RuleTester("GX303").valid(text)
    assert findings(text) == [("GX301", 46, 9), ("GX302", 46, 9)]
    res = lint(text, None, Settings.from_options(None, select="GX302"))
    (d,) = res.diagnostics
    assert [res.doc.text[r.span.start:r.span.end] for r in d.related] == ["20", "5", "1", "2", "6", "1", "2", "1", "1"]
    fixed, _ = apply_fixes(text, res.diagnostics, unsafe=True)
    assert fixed == CLEAN


def test_gx302_skipped_when_an_outcome_row_is_missing_or_misread():
    line = "2.没有现成信息需要另行制作 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | ||\n"
    RuleTester("GX302").valid(CLEAN.replace(line, ""))
    RuleTester("GX302").valid(CLEAN.replace("2.重复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |", "2.重复申请 | 1 | 0 | 0 | 0 | 0 | 1 |"))


# --- GX303 balance-mismatch ------------------------------------------------------------------

def test_gx303_carried_forward_wrong():
    text = CLEAN.replace("四、结转下年度继续办理 | 3 | 1 |", "四、结转下年度继续办理 | 3 | 2 |")
    RuleTester("GX303").invalid(text, [
        ("balance", (47, 19), (47, 20), "商业企业列：一、本年新收 + 二、上年结转 = 4，而（七）总计 + 四、结转下年度 = 5"),
    ])
    assert findings(text) == [("GX301", 47, 19), ("GX303", 47, 19)]


def test_gx303_new_applications_wrong_names_the_cell():
    text = CLEAN.replace("一、本年新收政府信息公开申请数量 | 40 |", "一、本年新收政府信息公开申请数量 | 41 |")
    RuleTester("GX303").invalid(text, [
        ("balance_cell", (47, 15), (47, 16), "自然人列：一、本年新收 + 二、上年结转 = 43，而（七）总计 + 四、结转下年度 = 42；“一、本年新收政府信息公开申请数量”行的合计也对不上"),
    ])
    RuleTester("GX301").invalid(text, [
        ("rowsum_cell", (23, 20), (23, 22), "两处都指向这一格：自然人 41，按勾稽关系应为 40"),
    ], output=[(" 41 ", " 40 ")])


def test_gx303_silent_when_blank():
    RuleTester("GX303").valid(CLEAN.replace("四、结转下年度继续办理 | 3 | 1 |", "四、结转下年度继续办理 | 3 |  |"))
    RuleTester("GX303").valid(seed("001"))      # 一+二 = （七）+四 holds as written


# --- GX304 / GX305 (table 四) ---------------------------------------------------------------

def test_gx304_review_total():
    text = set_line(S002, 562, "7")
    RuleTester("GX304").invalid(text, [("sum", (562, 1), (562, 2), "行政复议：结果维持、结果纠正、其他结果、尚未审结之和为 6，总计为 7")])
    res = lint(text, None, Settings.from_options(None, select="GX304"))
    assert [res.doc.text[r.span.start:r.span.end] for r in res.diagnostics[0].related] == ["6", "0", "0", "0"]


def test_gx304_part_changed_reported_at_the_total():
    text = CLEAN.replace("1 | 0 | 0 | 1 | 2 | 0 | 1 |", "1 | 0 | 3 | 1 | 2 | 0 | 1 |")
    RuleTester("GX304").invalid(text, [("sum", (52, 17), (52, 18), "之和为 5，总计为 2")])
    RuleTester("GX305").valid(text)


def test_gx305_litigation_groups():
    row = "1 | 0 | 0 | 1 | 2 | 0 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |"
    text = CLEAN.replace(row, "1 | 0 | 0 | 1 | 2 | 0 | 1 | 0 | 0 | 2 | 0 | 0 | 1 | 0 | 0 |")
    RuleTester("GX305").invalid(text, [
        ("sum", (52, 37), (52, 38), "行政诉讼（未经复议直接起诉）：结果维持、结果纠正、其他结果、尚未审结之和为 1，总计为 2"),
        ("sum", (52, 57), (52, 58), "行政诉讼（复议后起诉）：结果维持、结果纠正、其他结果、尚未审结之和为 1，总计为 0"),
    ])
    RuleTester("GX304").valid(text)


def test_gx304_gx305_silent_when_table_four_misread():
    row = "1 | 0 | 0 | 1 | 2 | 0 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |"
    text = CLEAN.replace(row, "1 | 0 | 0 | 1 | 0 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |")
    RuleTester("GX304").valid(text)
    RuleTester("GX305").valid(text)
    assert findings(text) == [("GX204", 52, 1)]


# --- a clean report with one changed cell is caught at that cell --------------------------------

def _cells(text):
    """For every row of table 三: one applicant cell (the column rotating from row to row, so every
    column is met) and its 总计 (or 小计) cell."""
    doc = parse(text)
    for k, row in enumerate(doc.tables["t3"].rows.values()):
        applicants = [c for c in row.cells if c.column not in ("tot", "sub")]
        yield row.id, applicants[k % len(applicants)]
        yield row.id, row.cells[-1 - (k % 2 if len(row.cells) == 8 else 0)]


@pytest.mark.parametrize("source", ["002", "000", "pipe.txt", "pdf.txt", "tabs.txt", "markdown.txt", "eight_columns.txt"])
def test_a_single_changed_cell_of_table_three_is_found_at_that_cell(source):
    text = seed(source) if source[0] == "0" else layout(source)
    assert findings(text, "GX3") == []
    missed = []
    for rid, c in _cells(text):
        new = str(int(c.value) + 1)
        changed = text[:c.span.start] + new + text[c.span.end:]
        res = lint(changed, None, GX3)
        at = [d for d in res.diagnostics if d.span.start == c.span.start]
        if not at or any(d.code[:3] != "GX3" for d in res.diagnostics):
            missed.append((rid, c.column))
    assert missed == []


@pytest.mark.parametrize("line,code,elsewhere", [
    # r3_4_1 自然人 27 → 28: GX301 at the cell; the 自然人 column sum at （七）总计 names it
    (304, "GX301", {("GX302", 484, 1)}),
    (484, "GX302", set()),      # （七）总计 自然人 162 → 163 (GX301 there too; no GX303: same cause)
    (500, "GX303", set()),      # 四、结转下年度 自然人 0 → 1
    (562, "GX304", set()),      # 行政复议 总计 6 → 7
    (572, "GX305", set()),      # 行政诉讼（未经复议直接起诉）总计 0 → 1
])
def test_seed_002_one_changed_cell_per_identity(line, code, elsewhere):
    old = S002.split("\n")[line - 1]
    text = set_line(S002, line, str(int(old) + 1))
    got = findings(text, "GX3")
    assert (code, line, 1) in got, got
    assert {x for x in got if x[1] != line} == elsewhere, got


def test_gx303_suppressed_only_total_row_wrong_seed_002():
    text = set_line(S002, 484, "161")
    assert sorted(findings(text, "GX3")) == [("GX301", 484, 1), ("GX302", 484, 1)]


# --- GX306 implausible-count ------------------------------------------------------------------

def test_gx306_valid_less_than_made_minus_repealed():
    text = CLEAN.replace("行政规范性文件 | 5 | 2 | 31 |", "行政规范性文件 | 5 | 0 | 3 |")
    RuleTester("GX306").invalid(text, [("valid", (8, 19), (8, 20), "“行政规范性文件”现行有效件数为 3，少于本年制发 5 减本年废止 0（= 5），请核对")])
    res = lint(text, None, Settings.from_options(None, select="GX306"))
    assert res.diagnostics[0].severity.label == "warning"


def test_gx306_v2019_total_public_and_negative_items():
    text = V2019_NEG = layout("v2019_signed.txt").replace("规范性文件 | 3 | 3 | 45 |", "规范性文件 | 3 | 3 | 2 |").replace(
        "行政强制 | 5 | -1 | 6 |", "行政强制 | 0 | -1 | 6 |")
    RuleTester("GX306").invalid(V2019_NEG, [
        ("public_total", (8, 17), (8, 18), "“规范性文件”对外公开总数量 2 少于本年新公开数量 3，请核对"),
        ("negative_items", (16, 12), (16, 14), "“行政强制”上一年项目数量 0 加本年增/减 -1 小于 0，请核对"),
    ])
    assert text


def test_gx306_says_the_difference_and_allows_none_left():
    text = CLEAN.replace("行政规范性文件 | 5 | 2 | 31 |", "行政规范性文件 | 5 | 1 | 3 |")
    RuleTester("GX306").invalid(text, [("valid", (8, 19), (8, 20), "现行有效件数为 3，少于本年制发 5 减本年废止 1（= 4），请核对")])
    # no item left (0 + -1 … 1 + -1 = 0) is possible: only below 0 is implausible
    text = layout("v2019_signed.txt").replace("行政强制 | 5 | -1 | 6 |", "行政强制 | 1 | -1 | 6 |")
    assert [m for _l, _c, m in RuleTester("GX306").positions(text) if "上一年项目数量" in m] == []


def test_gx306_township_rules():
    text = CLEAN.replace("规章 | 0 | 0 | 0 |", "规章 | 1 | 0 | 1 |")
    RuleTester("GX306", organ_level="township").invalid(text, [
        ("rules_township", (7, 1), (7, 3), "乡镇、街道没有规章制定权，但“规章”一行为 1 / 0 / 1，请核对"),
    ])
    RuleTester("GX306").valid(text)                 # organ level unknown: nothing to say
    RuleTester("GX306", organ_level="department").valid(text)


def test_gx306_silent_on_unreliable_row():
    RuleTester("GX306").valid(CLEAN.replace("行政规范性文件 | 5 | 2 | 31 |", "行政规范性文件 | 5 | 0 |"))
