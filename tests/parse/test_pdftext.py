"""Tables damaged by PDF text extraction and converters (issue 10, item 5): each damage read back
exactly, cells and labels pointing at what was written; and where the text allows more than one
reading, nothing is guessed."""

from layout_expect import assert_cells_point_into_text, assert_full_report, load, pos

from gxlint.config import Settings
from gxlint.engine import lint
from gxlint.parse import parse
from gxlint.parse.tables import NUM, TEXT, tokenize

PDF = load("pdf.txt")


def rep(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def findings(text: str, select: str = "GX1,GX2,GX3") -> list[tuple[str, int, int]]:
    res = lint(text, None, Settings.from_options(None, select=select))
    return [(d.code, *pos(res.doc, d.span.start)) for d in res.diagnostics]


def test_damaged_pdf_report_read_exactly():
    """pdf_damaged.txt: every damage of this module in one report (table 二's blocks out of order, a
    glued header, numbers glued to labels, value rows above and below their labels, labels broken
    around their numbers, a page number and a repeated page header inside table 三)."""
    assert_full_report(load("pdf_damaged.txt"))
    assert findings(load("pdf_damaged.txt")) == []


# --- a row's first number glued to its label --------------------------------------------------


def test_first_number_glued_to_its_label():
    text = rep(PDF, "4.无正当理由大量反复申请 0 0 0 0 0 0 0", "4.无正当理由大量反复申请3 0 0 0 0 0 3")
    text = rep(text, "（七）总计 39 3 1 0 2 1 46", "（七）总计 42 3 1 0 2 1 49")
    text = rep(text, "四、结转下年度继续办理 3 1 0 0 0 0 4", "四、结转下年度继续办理 0 1 0 0 0 0 1")
    doc = parse(text)
    row = doc.tables["t3"].rows["r3_5_4"]
    assert [c.value for c in row.cells] == [3, 0, 0, 0, 0, 0, 3] and row.label_exact and not row.unreliable
    assert row.cells[0].raw == "3" and pos(doc, row.cells[0].span.start) == (55, 14)
    assert row.written == "4.无正当理由大量反复申请" and pos(doc, row.label_span.end) == (55, 14)
    assert_cells_point_into_text(doc)
    assert findings(text) == []


def test_one_number_glued_to_a_one_column_label():
    text = rep(PDF, "行政许可 126", "行政许可126")
    doc = parse(text)
    row = doc.tables["t2"].rows["t2.permit"]
    assert [c.raw for c in row.cells] == ["126"] and pos(doc, row.cells[0].span.start) == (11, 5)
    assert row.label_exact
    assert findings(text) == []


def test_glued_digits_are_not_split_in_prose_or_flattened_rows():
    text = "受理申请21 件\n一、本年新收政府信息公开申请数量200 000121\n规章1 2 3 4\n"
    toks = tokenize(parse(text).norm, 0, len(text))
    words = [(t.kind, t.text) for t in toks]
    # "申请21" is followed by a unit, not by numbers: prose
    assert (TEXT, "受理申请21") in words
    # "000121" is not a plain number: the row is flattened (cells run together), not split here
    assert (TEXT, "一、本年新收政府信息公开申请数量200") in words
    # a first number glued to a label before well-formed numbers is split
    assert (TEXT, "规章") in words and (NUM, "1") in words


# --- two header cells glued together ------------------------------------------------------


def test_glued_header_cells():
    text = rep(PDF, "信息内容 本年处理决定数量\n行政许可", "信息内容本年处理决定数量\n行政许可")
    doc = parse(text)
    heads = [
        (h.written, h.expected, h.exact, pos(doc, h.span.start))
        for h in doc.tables["t2"].headers
        if pos(doc, h.span.start)[0] == 10
    ]
    assert heads == [("信息内容", "信息内容", True, (10, 1)), ("本年处理决定数量", "本年处理决定数量", True, (10, 5))]
    assert findings(text) == []


def test_glued_header_in_other_words_is_still_reported():
    text = rep(PDF, "信息内容 本年处理决定数量\n行政许可", "信息内容本年处理决定件数\n行政许可")
    assert findings(text, "GX202") == [("GX202", 10, 1)]


# --- labels broken around their numbers ---------------------------------------------------


def test_short_label_broken_around_its_numbers():
    text = rep(PDF, "予处理 2.重复申请 1 0 0 0 0 0 1", "予处理 2.重复申 1 0 0 0 0 0 1\n请")
    doc = parse(text)
    row = doc.tables["t3"].rows["r3_5_2"]
    assert row.label_exact and [c.value for c in row.cells] == [1, 0, 0, 0, 0, 0, 1]
    assert row.written == "2.重复申" and pos(doc, row.label_span.start) == (53, 5)
    assert doc.tables["t3"].rows["r3_5_3"].label_exact
    assert findings(text) == []


def test_short_label_cut_short_is_still_nonstandard():
    """The rest of the label is not what follows the numbers: a label in other words (GX202)."""
    text = rep(PDF, "予处理 2.重复申请 1 0 0 0 0 0 1", "予处理 2.重复申 1 0 0 0 0 0 1")
    assert findings(text, "GX202") == [("GX202", 53, 5)]


# --- value rows without a label -------------------------------------------------------------


def test_value_row_above_its_label():
    text = rep(
        PDF, "二、上年结转政府信息公开申请数量 2 1 0 0 0 0 3\n", "2 1 0 0 0 0 3\n二、上年结转政府信息公开申请数量\n"
    )
    doc = parse(text)
    t3 = doc.tables["t3"]
    assert [c.value for c in t3.rows["r1"].cells] == [40, 3, 1, 0, 2, 1, 47]
    r2 = t3.rows["r2"]
    assert [c.value for c in r2.cells] == [2, 1, 0, 0, 0, 0, 3] and not r2.unreliable
    assert pos(doc, r2.cells[0].span.start) == (32, 1) and pos(doc, r2.label_span.start) == (33, 1)
    assert [c.value for c in t3.rows["r3_1"].cells] == [20, 2, 0, 0, 1, 0, 23]
    assert_cells_point_into_text(doc)
    assert findings(text) == []


def test_value_row_below_its_label():
    text = rep(
        PDF,
        "（四）无 1.本机关不掌握相关政府信息 6 1 0 0 0 1 8\n法提供 2.没有现成信息需要另行制作 1 0 0 0 0 0 1\n",
        "（四）无 1.本机关不掌握相关政府信息\n法提供 2.没有现成信息需要另行制作 6 1 0 0 0 1 8\n1 0 0 0 0 0 1\n",
    )
    doc = parse(text)
    t3 = doc.tables["t3"]
    assert [c.value for c in t3.rows["r3_4_1"].cells] == [6, 1, 0, 0, 0, 1, 8]
    assert [c.value for c in t3.rows["r3_4_2"].cells] == [1, 0, 0, 0, 0, 0, 1]
    assert pos(doc, t3.rows["r3_4_2"].cells[0].span.start) == (48, 1)
    assert findings(text) == []


def test_last_row_value_line_above_its_label():
    text = rep(PDF, "四、结转下年度继续办理 3 1 0 0 0 0 4\n", "3 1 0 0 0 0 4\n四、结转下年度继续办理\n")
    doc = parse(text)
    t3 = doc.tables["t3"]
    assert [c.value for c in t3.rows["r3_7"].cells] == [39, 3, 1, 0, 2, 1, 46]
    assert [c.value for c in t3.rows["r4"].cells] == [3, 1, 0, 0, 0, 0, 4]
    assert t3.missing == [] and not t3.truncated
    assert findings(text) == []


def test_value_line_claimed_by_both_neighbours_is_not_guessed():
    """A label with no numbers between two rows that each read a line too many: which line is its
    own is unknown — the rows stay as read, nothing is moved.  Their numbers are only spaced apart,
    so how many cells they have is not certain: one GX207 (a warning) for the table, not GX204."""
    text = rep(
        PDF,
        "6.属于四类过程性信息 0 0 0 0 0 0 0\n7.属于行政执法案卷 0 0 0 0 0 0 0\n8.属于行政查询事项 0 0 0 0 0 0 0\n",
        "6.属于四类过程性信息 0 0 0 0 0 0 0\n0 0 0 0 0 0 0\n7.属于行政执法案卷\n"
        "8.属于行政查询事项 0 0 0 0 0 0 0\n0 0 0 0 0 0 0\n",
    )
    doc = parse(text)
    t3 = doc.tables["t3"]
    assert t3.rows["r3_3_6"].found == 14 and t3.rows["r3_3_8"].found == 14
    assert t3.rows["r3_3_7"].cells[0].blank
    assert findings(text, "GX204") == []
    assert findings(text, "GX207") == [("GX207", 43, 1)]


# --- blank cells -----------------------------------------------------------------------------


def test_blank_total_cell():
    """Six numbers that do not add up to the last one: the six applicant columns, 总计 left blank."""
    text = rep(PDF, "3.其他 0 0 0 0 1 0 1", "3.其他 0 0 0 0 1 0")
    doc = parse(text)
    row = doc.tables["t3"].rows["r3_6_3"]
    assert [c.value for c in row.cells] == [0, 0, 0, 0, 1, 0, None] and row.cells[-1].blank
    assert row.found == 7 and pos(doc, row.cells[-1].span.start) == (63, 17)
    assert findings(text) == [("GX206", 63, 17)]


def test_six_numbers_that_may_end_with_the_total_are_not_guessed():
    """1 0 0 0 0 0 1 written 1 0 0 0 0 1: the blank may be any organisation cell — the row cannot be
    read with certainty (spaces only between its numbers): GX207, a warning, not GX204."""
    text = rep(PDF, "3.其他 0 0 0 0 1 0 1", "3.其他 0 0 0 1 0 1")
    assert findings(text) == [("GX207", 63, 1)]


def test_blank_total_in_a_pipe_table_is_a_missing_cell():
    """With cell separators a cell left out is visible as such: GX204, no blank is invented."""
    text = rep(load("pipe.txt"), "3.其他 | 0 | 0 | 0 | 0 | 1 | 0 | 1 |", "3.其他 | 0 | 0 | 0 | 0 | 1 | 0 |")
    doc = parse(text)
    assert doc.tables["t3"].rows["r3_6_3"].found == 6


def test_one_column_row_with_no_number():
    text = rep(PDF, "行政许可 126", "行政许可")
    doc = parse(text)
    t2 = doc.tables["t2"]
    assert t2.missing == []
    permit = t2.rows["t2.permit"]
    assert permit.written == "行政许可" and permit.label_exact and permit.cells[0].blank
    assert [c.value for c in t2.rows["t2.penalty"].cells] == [37]
    assert findings(text) == [("GX206", 11, 5)]


def test_labels_glued_to_digits_are_not_blank_rows():
    """A flattened table (labels and digits run together) is not read as rows with no numbers."""
    text = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量0000000二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1\n"
    doc = parse(text)
    rows = doc.tables["t3"].rows
    assert not any(c.blank for r in rows.values() for c in r.cells)


# --- table 二's blocks out of order -------------------------------------------------------


def test_table_two_blocks_in_another_order():
    text = rep(
        PDF,
        "第二十条第（五）项\n信息内容 本年处理决定数量\n行政许可 126\n第二十条第（六）项\n信息内容 本年处理决定数量\n行政处罚 37\n行政强制 2\n",
        "第二十条第（六）项\n信息内容 本年处理决定数量\n行政处罚 37\n行政强制 2\n第二十条第（五）项\n信息内容 本年处理决定数量\n行政许可 126\n",
    )
    doc = parse(text)
    t2 = doc.tables["t2"]
    assert t2.missing == [] and list(t2.rows) == [
        "t2.rules",
        "t2.docs",
        "t2.permit",
        "t2.penalty",
        "t2.coercion",
        "t2.fees",
    ]
    assert [c.value for c in t2.rows["t2.permit"].cells] == [126]
    assert pos(doc, t2.rows["t2.permit"].cells[0].span.start) == (15, 6)
    assert all(h.exact for h in t2.headers)
    assert findings(text) == []


def test_table_two_block_really_missing_still_reported():
    text = rep(PDF, "第二十条第（五）项\n信息内容 本年处理决定数量\n行政许可 126\n", "")
    # reported where the block should end, before the next row found (行政处罚)
    assert findings(text, "GX203") == [("GX203", 11, 1)]


# --- PDF page furniture ----------------------------------------------------------------------


def test_page_number_and_repeated_header_inside_table_three():
    text = rep(PDF, "\n- 5 -\n", "\n- 5 -\n某某县某某局2023年政府信息公开工作年度报告\n")
    doc = parse(text)
    assert [c.value for c in doc.tables["t3"].rows["r3_5_1"].cells] == [2, 0, 0, 0, 0, 0, 2]
    assert doc.tables["t3"].rows["r3_5_1"].label_exact
    assert findings(text) == []


def test_bare_page_number_between_a_label_and_its_numbers():
    text = rep(PDF, "果 4.保护第三方合法权益 2 0 0 0 0 0 2", "果 4.保护第三方合法权益\n5\n2 0 0 0 0 0 2")
    doc = parse(text)
    row = doc.tables["t3"].rows["r3_3_4"]
    assert [c.value for c in row.cells] == [2, 0, 0, 0, 0, 0, 2] and pos(doc, row.cells[0].span.start) == (43, 1)
    assert findings(text) == []


def test_page_number_and_running_header_between_a_label_and_its_numbers():
    text = rep(
        PDF,
        "果 4.保护第三方合法权益 2 0 0 0 0 0 2",
        "果 4.保护第三方合法权益\n- 5 -\n某某县某某局2023年政府信息公开工作年度报告\n2 0 0 0 0 0 2",
    )
    doc = parse(text)
    row = doc.tables["t3"].rows["r3_3_4"]
    assert row.written == "4.保护第三方合法权益" and row.label_exact
    assert [c.value for c in row.cells] == [2, 0, 0, 0, 0, 0, 2]
    assert findings(text) == []


def test_a_line_like_the_title_away_from_page_numbers_is_not_dropped():
    """Only a line next to a page number is a running header: elsewhere it is read as written."""
    text = rep(
        PDF,
        "果 4.保护第三方合法权益 2 0 0 0 0 0 2",
        "果 4.保护第三方合法权益\n某某县某某局2023年政府信息公开工作年度报告\n2 0 0 0 0 0 2",
    )
    assert findings(text, "GX202") == [("GX202", 41, 3)]


def test_a_label_in_prose_is_not_a_row_with_blank_cells():
    """A row label named inside a sentence before the table is not a row without numbers: the row
    that is really left out is missing (GX203), no blank cell is invented."""
    text = rep(PDF, "第二十条第（一）项\n", "本局不制定规章\n第二十条第（一）项\n")
    text = rep(text, "规章 0 0 0\n", "")
    assert findings(text, "GX2") == [("GX203", 8, 1)]


# --- numbers before their labels ------------------------------------------------------------


def test_every_label_below_its_numbers():
    """pdf_labels_below.txt: table 三 with each row's numbers on the line above its label, and
    table 二's one-number rows the same way — read exactly, not shifted by a row."""
    doc = assert_full_report(load("pdf_labels_below.txt"))
    r1 = doc.tables["t3"].rows["r1"]
    assert pos(doc, r1.cells[0].span.start) == (33, 1) and pos(doc, r1.label_span.start) == (34, 1)
    assert pos(doc, doc.tables["t2"].rows["t2.permit"].cells[0].span.start) == (11, 1)
    assert findings(load("pdf_labels_below.txt")) == []


def test_labels_below_with_a_row_of_the_wrong_length():
    """One run with a number too many: still every label below its numbers — the long run is its
    own row's (GX207 there: spaced numbers, how many cells is not certain), the other rows are read
    right (no arithmetic finding)."""
    text = rep(load("pdf_labels_below.txt"), "20 2 0 0 1 0 23\n（一）予以公开", "20 2 0 0 1 0 0 23\n（一）予以公开")
    doc = parse(text)
    t3 = doc.tables["t3"]
    assert [c.value for c in t3.rows["r1"].cells] == [40, 3, 1, 0, 2, 1, 47]
    assert t3.rows["r3_1"].found == 8
    assert findings(text) == [("GX207", 37, 1)]


def test_numbers_before_the_first_label_without_a_trailing_label_are_not_shifted():
    """Numbers after the header and a last label that has its own numbers: not the labels-below
    layout — rows are read as they stand."""
    text = rep(
        PDF,
        "一、本年新收政府信息公开申请数量 40 3 1 0 2 1 47",
        "9 9 9 9 9 9 9\n一、本年新收政府信息公开申请数量 40 3 1 0 2 1 47",
    )
    doc = parse(text)
    assert [c.value for c in doc.tables["t3"].rows["r1"].cells] == [40, 3, 1, 0, 2, 1, 47]
    assert findings(text) == []


def test_one_number_before_its_label_in_table_two():
    text = rep(PDF, "信息内容 本年处理决定数量\n行政许可 126", "信息内容 本年处理决定数量\n126\n行政许可")
    doc = parse(text)
    permit = doc.tables["t2"].rows["t2.permit"]
    assert [c.value for c in permit.cells] == [126] and pos(doc, permit.cells[0].span.start) == (11, 1)
    assert findings(text) == []


def test_a_number_after_the_header_not_followed_by_a_label_is_not_taken():
    """A number after the header, then the caption of the next block: not a row's value.  The row
    is not there, but a number no row took is: whether the row is missing or its label was lost is
    not certain — GX207 (a warning, at the number), not GX203."""
    text = rep(PDF, "信息内容 本年处理决定数量\n行政许可 126", "信息内容 本年处理决定数量\n126")
    doc = parse(text)
    assert "t2.permit" not in doc.tables["t2"].rows
    assert findings(text, "GX2") == [("GX207", 11, 1)]


def test_blank_total_cell_in_a_markdown_row():
    """A Markdown row keeps every cell: the empty cell after the last number is the blank 总计."""
    text = rep(
        load("markdown.txt"), "|  | 3.其他 | 0 | 0 | 0 | 0 | 1 | 0 | 1 |", "|  | 3.其他 | 0 | 0 | 0 | 0 | 1 | 0 |  |"
    )
    doc = parse(text)
    row = doc.tables["t3"].rows["r3_6_3"]
    assert [c.value for c in row.cells] == [0, 0, 0, 0, 1, 0, None] and row.cells[-1].blank
    assert findings(text) == [("GX206", 59, 36)]  # the empty cell, right after its “|”


def test_a_markdown_row_one_cell_short_is_not_a_blank():
    text = rep(
        load("markdown.txt"), "|  | 3.其他 | 0 | 0 | 0 | 0 | 1 | 0 | 1 |", "|  | 3.其他 | 0 | 0 | 0 | 0 | 1 | 0 |"
    )
    assert findings(text) == [("GX204", 59, 6)]


def test_vertical_and_labels_below_layouts_on_one_line():
    """The same reports with every line break replaced by a space (a converter that loses them)."""
    for name in ("pdf_vertical.txt", "pdf_labels_below.txt"):
        text = load(name).replace("\n", " ")
        assert_full_report(text)
        assert findings(text) == [], name


def test_last_number_glued_to_the_next_label():
    """``0 1 0 1（七）总计``: the row's last number, then the next row's label."""
    text = rep(PDF, "3.其他 0 0 0 0 1 0 1\n（七）总计", "3.其他 0 0 0 0 1 0 1（七）总计")
    doc = parse(text)
    t3 = doc.tables["t3"]
    assert [c.value for c in t3.rows["r3_6_3"].cells] == [0, 0, 0, 0, 1, 0, 1]
    assert pos(doc, t3.rows["r3_6_3"].cells[-1].span.start) == (63, 18)
    assert t3.rows["r3_7"].written == "（七）总计" and pos(doc, t3.rows["r3_7"].label_span.start) == (63, 19)
    assert findings(text) == []


def test_total_glued_to_the_next_label_is_not_a_blank():
    """``0 0 0 0 0 13.补正后…``: the six numbers before it are not read as a row with a blank 总计 —
    the total is the glued digit, and the ``3.`` numbers the next label as the template does (the
    flattened reading, parse.tables.repairs.flatten: 1 | 3.补正后 is the only cut that gives the row its seven cells)."""
    text = rep(
        PDF, "2.没有现成信息需要另行制作 1 0 0 0 0 0 1\n3.补正后", "2.没有现成信息需要另行制作 1 0 0 0 0 0 13.补正后"
    )
    doc = parse(text)
    row = doc.tables["t3"].rows["r3_4_2"]
    assert not any(c.blank for c in row.cells)
    assert [c.int_value for c in row.cells] == [1, 0, 0, 0, 0, 0, 1]
    assert findings(text, "GX204") == []


def test_damaged_pdf_report_on_one_line():
    """pdf_damaged.txt with its line breaks lost: a value row without a label is then told by its
    count alone (a neighbour with exactly both rows' numbers)."""
    text = load("pdf_damaged.txt").replace("\n", " ")
    assert_full_report(text)
    assert findings(text) == []
