from gx2_template_content import (
    MISMATCH_T2,
    PIPE,
    T2_START,
    T3_START,
    T4_START,
    V2019,
    VERTICAL,
    codes,
    rep,
    section,
    y2022,
)

from gxlint.parse import parse
from gxlint.testing import RuleTester


def test_block_one_with_2019_columns_in_a_2022_report():
    text = y2022(
        rep(PIPE, "本年制发件数 | 本年废止件数 | 现行有效件数", "本年新制作数量 | 本年新公开数量 | 对外公开总数量")
    )
    RuleTester("GX201").invalid(
        text,
        [
            (
                "mismatch",
                (7, 1),
                (7, 3),
                "2022 年度报告应使用国办公开办函〔2021〕30号格式的表格，表二“第二十条第（一）项”使用的是国办公开办函〔2019〕60号试行格式",
            ),
        ],
    )
    # the headers are the 2019 template's own: no GX202; nothing else either
    assert codes(text) == [("GX201", 7)]
    t2 = parse(text).tables["t2"]
    assert t2.version == "v2021" and t2.block_versions == {"第二十条第(一)项": "v2019"}
    assert [c.column for c in t2.rows["t2.docs"].cells] == ["new_made", "new_public", "total_public"]


def test_block_five_with_2019_columns_in_a_2022_report():
    """Three numbers where the 2021 block has one column: read with the 2019 block's columns, not
    GX204; the 2019 block's 其他对外管理服务事项 row is not required in 2022 (no GX203)."""
    text = y2022(
        rep(
            PIPE,
            "信息内容 | 本年处理决定数量 |\n行政许可 | 126 |",
            "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n行政许可 | 12 | 增1 | 126 |",
        )
    )
    RuleTester("GX201").invalid(
        text, [("mismatch", (11, 1), (11, 5), "表二“第二十条第（五）项”使用的是国办公开办函〔2019〕60号试行格式")]
    )
    assert codes(text) == [("GX201", 11)]
    permit = parse(text).tables["t2"].rows["t2.permit"]
    assert [(c.column, c.value) for c in permit.cells] == [("prev_items", 12), ("delta", 1), ("decisions", 126)]


def test_block_headers_in_other_words_are_not_the_other_template():
    """Headers that are neither template's wording stay GX202, and no GX201 is invented."""
    text = rep(PIPE, "本年制发件数 | 本年废止件数 | 现行有效件数", "本年新制作数量 | 本年废止数量 | 现行有效件数")
    assert ("GX201", 6) not in codes(text) and all(c != "GX201" for c, _ in codes(text))
    assert parse(text).tables["t2"].block_versions == {}


def test_2019_table_two_without_its_ninth_block_in_a_2022_report():
    """第二十条第（九）项 is a 2019 block the 2021 format does not have: GX201 once, no GX203."""
    t2 = section(V2019, T2_START, T3_START)
    t2 = t2[: t2.index("第二十条第（九）项")]
    text = y2022(PIPE.replace(section(PIPE, T2_START, T3_START), t2))
    RuleTester("GX201").invalid(text, [("mismatch", (7, 1), (7, 3), MISMATCH_T2)])
    assert codes(text) == [("GX201", 7)]


def test_2019_table_two_missing_a_row_both_templates_have():
    t2 = section(V2019, T2_START, T3_START)
    t2 = rep(t2[: t2.index("第二十条第（九）项")], "行政强制 | 5 | -1 | 6 |\n", "")
    text = y2022(PIPE.replace(section(PIPE, T2_START, T3_START), t2))
    assert codes(text) == [("GX201", 7), ("GX203", 18)]
    RuleTester("GX203").invalid(text, [("missing", (18, 1), (18, 8), "表二缺少1行：行政强制")])


def test_single_other_processing_row_in_a_2023_pdf_report():
    """hongze-2023's table 三: the 2019 template's single （六）其他处理 row in PDF text with a
    row-group label printed one character per line — GX201 once, at the table's first row; no
    GX203 for the three 2021 rows the 2019 table does not have."""
    old = section(VERTICAL, "（六）其他处理\n", "（七）总计")
    text = rep(VERTICAL, old, "（六）其他处理 1 0 0 0 1 0 2\n")
    RuleTester("GX201").invalid(
        text,
        [
            (
                "mismatch",
                (38, 1),
                (38, 17),
                "2023 年度报告应使用国办公开办函〔2021〕30号格式的表格，表三使用的是国办公开办函〔2019〕60号试行格式",
            ),
        ],
    )
    assert codes(text) == [("GX201", 38)]
    t3 = parse(text).tables["t3"]
    assert t3.version == "v2019" and t3.missing == []
    assert [c.value for c in t3.rows["r3_6"].cells] == [1, 0, 0, 0, 1, 0, 2]


def test_table_three_without_any_other_processing_row_in_2023():
    """No （六）其他处理 row at all: nothing in the table is the 2019 template's, so the year's
    template is read and its three rows are missing — one GX203, no GX201."""
    t3 = section(V2019, T3_START, T4_START)
    t3 = rep(t3, "（六）其他处理 | 1 | 0 | 0 | 0 | 1 | 0 | 2 |\n", "")
    text = PIPE.replace(section(PIPE, T3_START, T4_START), t3)
    assert codes(text, "GX2") == [("GX203", 43)]
    RuleTester("GX203").invalid(text, [("missing", (43, 1), (43, 6), "表三缺少3行：1.申请人无正当理由逾期不补正")])
