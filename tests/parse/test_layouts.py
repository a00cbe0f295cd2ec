"""Tables 二/三/四 in every layout of issue 2 (point 5): exact row ids, values, spans, labels."""

import pytest
from layout_expect import LAYOUTS as LAYOUTS_DIR
from layout_expect import T3, T3_IDS, T4, Z, assert_cells_point_into_text, assert_full_report, load, pos

from gxlint.parse import parse
from gxlint.parse.tables import tokenize
from seedutil import FULL_LAYOUTS

SEED_003 = "003_7293952701c65ca5.txt"

FULL = FULL_LAYOUTS


@pytest.mark.parametrize("name", FULL)
def test_full_report_read_exactly(name):
    assert_full_report(load(name))


@pytest.mark.parametrize(
    "name",
    [
        "pipe.txt",
        "pdf.txt",
        "markdown.txt",
        "tabs.txt",
        "cell_per_line_bar.txt",
        "cell_per_line_blank.txt",
        "trad_pinyin_pdf.txt",
    ],
)
def test_whole_report_on_one_line(name):
    """The same report with every line break replaced by a space: headings inline, rows inline."""
    text = load(name).replace("\n", " ")
    doc = assert_full_report(text)
    assert all(s.inline for s in doc.sections[1:])
    assert doc.lines.position(doc.tables["t3"].rows["r4"].cell("tot").span.start)[0] == 0


# --- ` | ` rows with padding ------------------------------------------------------------


def test_pipe_positions():
    text = load("pipe.txt")
    doc = parse(text)
    t3 = doc.tables["t3"]
    r31 = t3.rows["r3_1"]
    # "三、本年度办理结果 | （一）予以公开 | 20 | 2 | …": the block label is not part of the row label
    assert r31.written == "（一）予以公开"
    assert pos(doc, r31.label_span.start) == (25, 13)
    assert pos(doc, r31.cell("np").span.start) == (25, 23) and r31.cell("np").raw == "20"
    assert pos(doc, r31.cell("tot").span.start) == (25, 48) and r31.cell("tot").raw == "23"
    # the trailing "||" padding is neither a cell nor a blank
    assert all(not c.blank for r in t3.rows.values() for c in r.cells)
    r4 = doc.tables["t4"].rows["t4"]
    assert pos(doc, r4.cells[0].span.start) == (52, 1) and pos(doc, r4.cells[-1].span.start) == (52, 57)
    # header cells split inside a word (商业 企业) do not disturb the read
    assert t3.columns == ["np", "ce", "ri", "sw", "ls", "ot", "tot"] and t3.variant == ""


def test_row_broken_across_lines():
    """Seed 000 lines 52–53: six numbers, then the seventh and the padding on the next line."""
    text = (
        "三、收到和处理政府信息公开申请情况\n"
        "（五）不予处理 | 1.信访举报投诉类申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2 | |\n"
        "（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 1 | 0 | 0 | 0 | 0 | 0 |\n"
        "1 | |\n"
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n"
    )
    doc = parse(text)
    t3 = doc.tables["t3"]
    row = t3.rows["r3_6_1"]
    assert [c.value for c in row.cells] == [1, 0, 0, 0, 0, 0, 1]
    assert row.found == 7 and not row.unreliable and row.label_exact
    assert pos(doc, row.cell("tot").span.start) == (4, 1)
    assert [c.value for c in t3.rows["r3_6_2"].cells] == Z
    assert_cells_point_into_text(doc)


# --- one cell per line -------------------------------------------------------------------


def test_cell_per_line_with_bar_positions():
    doc = parse(load("cell_per_line_bar.txt"))
    r1 = doc.tables["t3"].rows["r1"]
    assert pos(doc, r1.label_span.start) == (46, 1)
    assert [pos(doc, c.span.start) for c in r1.cells] == [(47 + k, 1) for k in range(7)]
    assert r1.cells[0].raw == "40"


def test_cell_per_line_blank_separated_positions():
    doc = parse(load("cell_per_line_blank.txt"))
    r4 = doc.tables["t3"].rows["r4"]
    starts = [pos(doc, c.span.start)[0] for c in r4.cells]
    assert starts == [starts[0] + 2 * k for k in range(7)]
    assert [c.raw for c in r4.cells] == ["3", "1", "0", "0", "0", "0", "4"]


# --- tab-separated, empty cells shifting columns ---------------------------------------------


def test_tabs_labels_in_column_two_or_three():
    text = load("tabs.txt")
    doc = parse(text)
    t3 = doc.tables["t3"]
    # "\t（三）不予公开\t1.属于国家秘密\t1\t0…": label in column 3
    r = t3.rows["r3_3_1"]
    assert text.splitlines()[26].split("\t")[1:3] == ["（三）不予公开", "1.属于国家秘密"]
    assert pos(doc, r.label_span.start) == (27, 10) and r.written == "1.属于国家秘密"
    # "\t\t2.其他法律行政法规禁止公开\t0…": label in column 3 after two empty cells
    r = t3.rows["r3_3_2"]
    assert pos(doc, r.label_span.start) == (28, 3)
    # "一、本年新收…\t\t40\t3…": an empty cell between the label and the numbers is layout, not a blank
    r = t3.rows["r1"]
    assert all(not c.blank for c in r.cells) and r.cells[0].raw == "40"
    assert pos(doc, r.cells[0].span.start) == (23, 19)


# --- Markdown ----------------------------------------------------------------------------


def test_markdown_table_rules_are_not_cells():
    text = load("markdown.txt")
    doc = parse(text)
    r = doc.tables["t3"].rows["r3_2"]
    assert r.label_span is not None and pos(doc, r.label_span.start) == (40, 6)
    assert [c.raw for c in r.cells] == ["5", "0", "1", "0", "0", "0", "6"]
    # "| | | 自然人 | 法人或其他组织 | | | | | 总计 |": empty header cells are not blank data cells
    assert all(not c.blank for t in doc.tables.values() for r in t.rows.values() for c in r.cells)
    assert [s.title for s in doc.sections][:1] == ["一、总体情况"]


# --- PDF-extracted text ------------------------------------------------------------------


def test_pdf_vertical_block_label_and_wrapped_labels():
    text = load("pdf.txt")
    doc = parse(text)
    t3 = doc.tables["t3"]
    # "三 （一）予以公开 20 2 0 0 1 0 23" — the vertical 三、本年度办理结果 shares the line
    r = t3.rows["r3_1"]
    assert r.written == "（一）予以公开" and pos(doc, r.label_span.start) == (33, 3)
    # "本 （二）部分公开（区分处理的，只计这一" / "年 情形，不计其他情形） 5 0 1 0 0 0 6"
    r = t3.rows["r3_2"]
    assert pos(doc, r.label_span.start) == (35, 3) and r.label_exact
    assert [c.raw for c in r.cells] == ["5", "0", "1", "0", "0", "0", "6"]
    assert pos(doc, r.cells[0].span.start)[0] == 36
    # "（四）无 1.本机关不掌握相关政府信息 6 1 0 0 0 1 8" / "法提供 2.没有现成信息需要另行制作 1 0 …"
    r = t3.rows["r3_4_1"]
    assert text[r.label_span.start : r.label_span.end] == "1.本机关不掌握相关政府信息"
    assert [c.value for c in r.cells] == [6, 1, 0, 0, 0, 1, 8]
    r = t3.rows["r3_4_2"]
    assert text[r.label_span.start : r.label_span.end] == "2.没有现成信息需要另行制作"
    assert pos(doc, r.label_span.start) == (47, 5) and r.label_exact
    # a long label wrapped over three lines, numbers after the last fragment
    r = t3.rows["r3_6_2"]
    assert r.label_exact and pos(doc, r.label_span.start) == (60, 1) and pos(doc, r.cells[0].span.start) == (62, 4)
    # "（六）其 1.申请人…行政" / "他处理 机关不再处理…申请 1 0 0 0 0 0 1": block fragment inside the label
    assert t3.rows["r3_6_1"].label_exact


def test_pdf_page_numbers_inside_the_table_are_not_cells():
    text = load("pdf.txt")
    assert "- 5 -" in text and "- 6 -" in text
    doc = parse(text)
    t3 = doc.tables["t3"]
    assert [c.raw for c in t3.rows["r3_4_3"].cells] == ["0"] * 7
    assert [c.raw for c in t3.rows["r3_5_1"].cells] == ["2", "0", "0", "0", "0", "0", "2"]
    assert [c.value for c in doc.tables["t4"].rows["t4"].cells] == T4
    # inline page numbers (the same report on one line) are dropped too
    one = parse(text.replace("\n", " "))
    assert one.tables["t3"].rows["r3_4_3"].found == 7
    words = [t.text for t in tokenize(one.norm, 0, len(one.norm.text))]
    assert "5" not in words[words.index("3.补正后申请内容仍不明确") : words.index("1.信访举报投诉类申请")]


def test_pdf_header_run_together_and_broken_inside_words():
    text = load("pdf.txt")
    assert "总计商 业 企\n业" in text
    t3 = parse(text).tables["t3"]
    assert t3.columns == ["np", "ce", "ri", "sw", "ls", "ot", "tot"]
    assert [c.value for c in t3.rows["r1"].cells] == T3["r1"]


def test_pdf_fee_header_wrapped_is_exact():
    doc = parse(load("pdf.txt"))
    fee = [h for h in doc.tables["t2"].headers if h.expected and h.expected.startswith("本年收费金额")]
    assert len(fee) == 1 and fee[0].exact and fee[0].written == "本年收费金额（单位：万 元）"


# --- traditional script + pinyin -------------------------------------------------------------


def test_traditional_with_pinyin_positions_point_into_original():
    text = load("trad_pinyin_pdf.txt")
    doc = parse(text)
    r = doc.tables["t3"].rows["r2"]
    assert text[r.label_span.start : r.label_span.end] == "二、上年結(jié)轉(zhuǎn)政府信息公開(kāi)申請(qǐng)數(shù)量"
    assert [c.raw for c in r.cells] == ["2", "1", "0", "0", "0", "0", "3"]
    assert text[r.cells[-1].span.start : r.cells[-1].span.end] == "3"
    assert doc.sections[2].title == "三、收到和處(chǔ)理政府信息公開(kāi)申請(qǐng)情況"


# --- prose with numbers around the tables ------------------------------------------------


def test_prose_numbers_before_and_after_tables_are_not_rows():
    text = load("prose_numbers_pipe.txt")
    assert "其中行政规范性文件 5 件" in text and "本年度发生行政复议 2 件" in text
    doc = parse(text)
    t2 = doc.tables["t2"]
    assert [c.value for c in t2.rows["t2.docs"].cells] == [5, 2, 31]
    assert pos(doc, t2.rows["t2.docs"].label_span.start) == (9, 1)
    assert [c.value for c in doc.tables["t4"].rows["t4"].cells] == T4


@pytest.mark.parametrize(
    "header",
    [
        "本年收费金额（单位：万元，保留 4 位小数）",
        "本年收费金额（单位：万元，保留4位小数）",
        "本年收费金额（单位：万元，保留\n4 位小数）",
    ],
)
@pytest.mark.parametrize("name", ["pipe.txt", "tabs.txt", "cell_per_line_blank.txt"])
def test_fee_header_with_decimals_note(name, header):
    text = load(name).replace("本年收费金额（单位：万元）", header)
    doc = parse(text)
    t2 = doc.tables["t2"]
    assert [c.value for c in t2.rows["t2.fees"].cells] == [1.2345]
    assert all(h.exact for h in t2.headers), [(h.written, h.expected) for h in t2.headers if not h.exact]


def test_fee_header_in_other_words_is_flagged():
    doc = parse(load("pipe.txt").replace("本年收费金额（单位：万元）", "本年收费金额（万元）"))
    bad = [h for h in doc.tables["t2"].headers if not h.exact]
    assert [(h.written, h.expected) for h in bad] == [("本年收费金额（万元）", "本年收费金额(单位:万元)")]


# --- 8 columns, blank cells, signed values, versions -------------------------------------------


def test_eight_column_subtotal_variant():
    text = load("eight_columns.txt")
    doc = parse(text)
    t3 = doc.tables["t3"]
    assert t3.variant == "subtotal"
    assert t3.columns == ["np", "ce", "ri", "sw", "ls", "ot", "sub", "tot"]
    r = t3.rows["r1"]
    assert [c.value for c in r.cells] == [40, 3, 1, 0, 2, 1, 7, 47] and not r.unreliable
    assert r.cell("sub").raw == "7" and pos(doc, r.cell("sub").span.start) == (23, 45)
    assert [(h.written, h.expected) for h in t3.headers] == [("小计", None)]
    assert_cells_point_into_text(doc)


def test_eight_column_subtotal_first():
    text = (
        "三、收到和处理政府信息公开申请情况\n"
        "申请人情况 | 自然人 | 法人或其他组织 | 总计\n"
        "小计 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他\n"
        "一、本年新收政府信息公开申请数量 | 40 | 7 | 3 | 1 | 0 | 2 | 1 | 47\n"
    )
    t3 = parse(text).tables["t3"]
    assert t3.columns == ["np", "sub", "ce", "ri", "sw", "ls", "ot", "tot"]
    assert t3.rows["r1"].cell("sub").value == 7 and t3.rows["r1"].cell("ot").value == 1


def test_blank_cells_are_missing_not_zero():
    text = load("pipe.txt").replace("2.重复申请 | 1 | 0 | 0", "2.重复申请 | 1 |  | 0")
    doc = parse(text)
    r = doc.tables["t3"].rows["r3_5_2"]
    c = r.cell("ce")
    assert c.blank and c.value is None and c.raw == "  "
    assert pos(doc, c.span.start) == (39, 13)
    assert r.found == 7 and not r.unreliable
    assert [x.column for x in r.cells] == ["np", "ce", "ri", "sw", "ls", "ot", "tot"]


def test_blank_cell_in_tab_layout():
    text = load("tabs.txt").replace("\t2.重复申请\t1\t0\t0", "\t2.重复申请\t1\t\t0")
    r = parse(text).tables["t3"].rows["r3_5_2"]
    assert [c.blank for c in r.cells] == [False, True, False, False, False, False, False]


def test_v2019_signed_values():
    text = load("v2019_signed.txt")
    doc = parse(text)
    t2 = doc.tables["t2"]
    assert t2.version == "v2019" and doc.tables["t3"].version == "v2019" and doc.template == "v2019"
    vals = {rid: [(c.raw, c.value, c.malformed) for c in r.cells] for rid, r in t2.rows.items()}
    assert vals["t2.permit"] == [("12", 12, None), ("增1", 1, None), ("230", 230, None)]
    assert vals["t2.other_services"] == [("4", 4, None), ("减2", -2, None), ("17", 17, None)]
    assert vals["t2.penalty"] == [("30", 30, None), ("+3", 3, None), ("88", 88, None)]
    assert vals["t2.coercion"] == [("5", 5, None), ("-1", -1, None), ("6", 6, None)]
    assert vals["t2.procurement"] == [("3", 3, None), ("56.8", 56.8, None)]
    t3 = doc.tables["t3"]
    assert "r3_6" in t3.rows and "r3_6_1" not in t3.rows and t3.missing == []
    assert [c.value for c in t3.rows["r3_6"].cells] == [1, 0, 0, 0, 1, 0, 2]
    assert [c.value for c in t3.rows["r3_7"].cells] == T3["r3_7"]


def test_signed_value_in_a_count_is_malformed():
    text = load("pipe.txt").replace("行政许可 | 126 |", "行政许可 | +126 |")
    c = parse(text).tables["t2"].rows["t2.permit"].cells[0]
    assert c.value == 126 and c.malformed == "件数不应带符号"


def test_version_detected_from_labels_not_year():
    # v2021 labels in a report that says 2020: the tables are read as v2021 (GX201 reports it)
    text = load("pipe.txt").replace("2023年", "2020年")
    doc = parse(text)
    assert doc.expected_template == "v2019"
    assert doc.tables["t2"].version == "v2021" and doc.tables["t3"].version == "v2021"
    assert doc.tables["t3"].missing == []
    # v2019 labels in a 2023 report
    text = load("v2019_signed.txt").replace("2020年", "2023年")
    doc = parse(text)
    assert doc.expected_template == "v2021"
    assert doc.tables["t2"].version == "v2019" and doc.tables["t3"].version == "v2019"


# --- half-typed tables ---------------------------------------------------------------------


def test_table_cut_in_the_middle_of_a_row():
    text = load("pipe.txt")
    i, j = text.index("（四）无法提供 | 1.本机关"), text.index("四、政府信息公开行政复议")
    doc = parse(text[:i] + "（四）无法提供 | 1.本机关不掌握相关政府信息 | 6 | 1 | 0\n" + text[j:])
    t3 = doc.tables["t3"]
    assert t3.truncated
    k = T3_IDS.index("r3_4_1")
    assert t3.missing == T3_IDS[k + 1 :]
    for rid in T3_IDS[:k]:
        assert [c.value for c in t3.rows[rid].cells] == T3[rid], rid
    cut = t3.rows["r3_4_1"]
    assert [c.value for c in cut.cells] == [6, 1, 0] and cut.unreliable and cut.found == 3
    # table 四 after the cut is read on its own
    assert [c.value for c in doc.tables["t4"].rows["t4"].cells] == T4


def test_table_cut_between_rows_one_cell_per_line():
    text = load("cell_per_line_bar.txt")
    i, j = text.index("（四）无法提供 |"), text.index("四、政府信息公开行政复议")
    t3 = parse(text[:i] + text[j:]).tables["t3"]
    assert t3.truncated and t3.missing == T3_IDS[T3_IDS.index("r3_4_1") :]
    assert not any(r.unreliable for r in t3.rows.values())
    assert [c.value for c in t3.rows["r3_3_8"].cells] == Z


def test_a_missing_row_in_the_middle_is_not_filled_from_its_neighbour():
    text = load("pipe.txt")
    line = next(ln for ln in text.splitlines() if ln.startswith("2.没有现成信息"))
    t3 = parse(text.replace(line + "\n", "")).tables["t3"]
    assert t3.missing == ["r3_4_2"] and not t3.truncated
    assert [c.value for c in t3.rows["r3_4_3"].cells] == Z
    assert [c.value for c in t3.rows["r3_4_1"].cells] == T3["r3_4_1"]


def test_t4_header_detected_with_words_split():
    text = load("pipe.txt")
    doc = parse(text)
    t4 = doc.tables["t4"]
    assert t4.rows["t4"].found == 15
    # a t4 with only part of its numbers is read as it is, and marked
    short = text.replace("1 | 0 | 0 | 1 | 2 | 0 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |", "1 | 0 | 0 | 1 | 2 |")
    row = parse(short).tables["t4"].rows["t4"]
    assert row.found == 5 and row.unreliable


# --- PDF: header cells wrapped inside their columns, labels and numbers on separate lines --------


def test_pdf_headers_wrapped_inside_their_columns():
    text = (
        load("pdf.txt")
        .replace(
            "信息内容 本年制发件数 本年废止件数 现行有效件数", "信息内容 本年制发 本年废止 现行有\n件数 件数 效件数"
        )
        .replace("信息内容 本年处理决定数量\n行政许可", "信息内 本年处理决\n容 定数量\n行政许可")
    )
    doc = parse(text)
    t2 = doc.tables["t2"]
    assert all(h.exact for h in t2.headers)
    made = next(h for h in t2.headers if h.expected == "本年制发件数")
    assert made.written == "本年制发 件数" and pos(doc, made.span.start) == (6, 6)
    assert [c.value for c in t2.rows["t2.docs"].cells] == [5, 2, 31]


def test_pdf_wrapped_header_in_other_words_is_one_header():
    text = load("pdf.txt").replace(
        "信息内容 本年制发件数 本年废止件数 现行有效件数", "信息内容 本年制发 本年作废 现行有效\n件数 件数 件数"
    )
    bad = [h for h in parse(text).tables["t2"].headers if not h.exact]
    assert [(h.written, h.expected) for h in bad] == [("本年作废 件数", "本年废止件数")]


def test_pdf_label_and_numbers_on_separate_lines():
    text = (
        load("pdf.txt")
        .replace("一、本年新收政府信息公开申请数量 40", "一、本年新收政府信息公开申请\n数量\n40")
        .replace("（七）总计 39", "（七）总计\n39")
    )
    doc = assert_full_report(text)
    r = doc.tables["t3"].rows["r1"]
    assert r.written == "一、本年新收政府信息公开申请 数量" and pos(doc, r.cells[0].span.start) == (33, 1)


@pytest.mark.parametrize("page", ["5", "第 5 页 共 8 页", "- 5 -", "—5—", "5/8"])
def test_pdf_bare_page_number_line_inside_table(page):
    text = load("pdf.txt").replace("\n- 5 -\n", f"\n{page}\n").replace("1 0 0 0 0 0\n- 6 -\n", f"1 0 0 0 0 0\n{page}\n")
    doc = assert_full_report(text)
    assert doc.tables["t3"].rows["r3_4_3"].found == 7


def test_a_bare_number_after_a_one_cell_per_line_row_is_a_cell():
    """In a one-cell-per-line layout every number has its own line: an eighth number is a cell
    (GX204), never silently dropped as a page number."""
    text = load("cell_per_line_bar.txt").replace(
        "四、结转下年度继续办理 |\n3 |\n1 |\n0 |\n0 |\n0 |\n0 |\n4 |\n",
        "四、结转下年度继续办理 |\n3 |\n1 |\n0 |\n0 |\n0 |\n0 |\n4 |\n5 |\n",
    )
    row = parse(text).tables["t3"].rows["r4"]
    assert row.found == 8 and row.unreliable


def test_pdf_label_wrapped_around_its_numbers():
    text = (
        load("pdf.txt")
        .replace(
            "本 （二）部分公开（区分处理的，只计这一\n年 情形，不计其他情形） 5 0 1 0 0 0 6",
            "本 （二）部分公开（区分处理的，只计这一 5 0 1 0 0 0 6\n年 情形，不计其他情形）",
        )
        .replace(
            "5.要求行政机关确认或重新出具已获取\n信息 0 0 0 0 0 0 0",
            "5.要求行政机关确认或重新出具已获取 0 0 0 0 0 0 0\n信息",
        )
    )
    doc = assert_full_report(text)
    assert doc.tables["t3"].rows["r3_2"].written == "（二）部分公开（区分处理的，只计这一"


def test_pdf_running_header_inside_table():
    text = load("pdf.txt").replace("\n- 5 -\n", "\n- 5 -\n某某县某某局2023年政府信息公开工作年度报告\n")
    assert_full_report(text)


def test_v2019_signed_values_written_with_a_space():
    text = load("v2019_signed.txt").replace("| 增1 |", "| 增 1 |").replace(" | ", " ").replace(" |", "")
    doc = parse(text)
    vals = [(c.raw, c.value, c.malformed) for c in doc.tables["t2"].rows["t2.permit"].cells]
    assert vals == [("12", 12, None), ("增 1", 1, None), ("230", 230, None)]
    assert [(c.raw, c.value) for c in doc.tables["t2"].rows["t2.other_services"].cells] == [
        ("4", 4),
        ("减2", -2),
        ("17", 17),
    ]
    assert doc.tables["t3"].missing == [] and doc.tables["t3"].version == "v2019"


def _redraw(text, row, rule_before, rule_after):
    import re

    out = []
    for ln in text.split("\n"):
        if " | " in ln or ln.endswith(" |"):
            cells = [c.strip() for c in re.sub(r"\|+\s*$", "", ln).split(" | ")]
            out.extend(x for x in (rule_before(cells), row(cells), rule_after(cells)) if x is not None)
        else:
            out.append(ln)
    return "\n".join(out)


def test_box_drawing_table():
    text = _redraw(
        load("pipe.txt"),
        lambda c: "│" + "│".join(c) + "│",
        lambda c: None,
        lambda c: "├" + "┼".join("──" for _ in c) + "┤",
    )
    assert "│（一）予以公开│20│2│0│0│1│0│23│" in text
    doc = assert_full_report(text)
    c = doc.tables["t3"].rows["r3_1"].cell("tot")
    assert text[c.span.start : c.span.end] == "23"


def test_grid_table():
    text = _redraw(
        load("pipe.txt"),
        lambda c: "| " + " | ".join(c) + " |",
        lambda c: "+" + "+".join("-----" for _ in c) + "+",
        lambda c: None,
    )
    assert_full_report(text)


def test_eight_columns_without_subtotal_header_recognised_from_the_numbers():
    text = load("eight_columns.txt").replace(" | 小计 |", " |")
    t3 = parse(text).tables["t3"]
    assert t3.variant == "subtotal" and t3.columns == ["np", "ce", "ri", "sw", "ls", "ot", "sub", "tot"]
    assert all(not r.unreliable for r in t3.rows.values())
    # seed 003: two rows of 8 among 25 are two misread rows, not a variant
    assert (
        parse(open(__import__("os").path.join(LAYOUTS_DIR, "..", "seeds", SEED_003), encoding="utf-8").read())
        .tables["t3"]
        .variant
        == ""
    )


def test_table_four_without_its_header():
    text = load("pdf.txt")
    i = text.index("行政复议 行政诉讼")
    j = text.index("1 0 0 1 2 0 1 0 0 1 0 0 0 0 0")
    doc = parse(text[:i] + text[j:])
    assert [c.value for c in doc.tables["t4"].rows["t4"].cells] == T4
