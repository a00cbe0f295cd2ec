"""GX201 template-version-mismatch (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

from gx2_template import CLEAN
from gx2_template_content import PDF, PIPE, T2_START, T3_START, V2019, VERTICAL, codes, rep, section, y2022

from gxlint.parse import parse
from gxlint.testing import RuleTester
from seedutil import read_layout as layout
from seedutil import read_seed as seed


def test_gx201_v2019_tables_in_a_2023_report():
    text = V2019.replace("2020年", "2023年").replace("2021年1月25日", "2024年1月25日")
    RuleTester("GX201").invalid(
        text,
        [
            (
                "mismatch",
                (7, 1),
                (7, 3),
                "2023 年度报告应使用国办公开办函〔2021〕30号格式的表格，表二使用的是国办公开办函〔2019〕60号试行格式",
            ),
        ],
    )


def test_gx201_v2021_tables_in_a_2020_report():
    text = CLEAN.replace("2023年", "2020年").replace("2024年1月20日", "2021年1月20日")
    RuleTester("GX201").invalid(
        text, [("mismatch", (7, 1), (7, 3), "2020 年度报告应使用国办公开办函〔2019〕60号试行格式的表格")]
    )


def test_gx201_silent():
    t = RuleTester("GX201")
    t.valid(CLEAN)
    t.valid(V2019)
    t.valid(seed("001"))  # 2019 report, v2019: right
    t.valid(layout("pre2019.txt"))
    # --template says which format to check against: no version complaint
    RuleTester("GX201", template="v2019").valid(CLEAN.replace("2023年", "2020年"))


def test_block_one_with_2019_columns_in_pdf_text():
    t2 = section(PDF, T2_START, T3_START)
    old = "信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 0 0 0\n行政规范性文件 5 2 31"
    new = "信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n规章 0 0 0\n规范性文件 5 5 31"
    text = y2022(PDF.replace(t2, rep(t2, old, new)))
    RuleTester("GX201").invalid(text, [("mismatch", (7, 1), (7, 3), "表二“第二十条第（一）项”")])
    assert codes(text) == [("GX201", 7)]


def test_vertical_pdf_layout_is_clean():
    assert codes(VERTICAL) == []
    RuleTester("GX201").valid(VERTICAL)


def test_template_override_silences_the_mismatch():
    text = y2022(
        rep(PIPE, "本年制发件数 | 本年废止件数 | 现行有效件数", "本年新制作数量 | 本年新公开数量 | 对外公开总数量")
    )
    RuleTester("GX201", template="v2021").valid(text)


def test_2021_block_in_a_2019_table_of_a_2020_report():
    """The other direction: a 2020 report (2019 format) whose 第二十条第（八）项 has the 2021 column
    本年收费金额（单位：万元）— GX201 once at that block, its amount read as the 2021 column."""
    old = "信息内容 | 上一年项目数量 | 本年增/减 |\n行政事业性收费 | 2 | 0 |"
    new = "信息内容 | 本年收费金额（单位：万元） |\n行政事业性收费 | 1.2345 |"
    text = rep(V2019, old, new)
    RuleTester("GX201").invalid(
        text,
        [
            (
                "mismatch",
                (19, 1),
                (19, 8),
                "2020 年度报告应使用国办公开办函〔2019〕60号试行格式的表格，表二“第二十条第（八）项”使用的是国办公开办函〔2021〕30号格式",
            ),
        ],
    )
    assert codes(text) == [("GX201", 19)]
    fees = parse(text).tables["t2"].rows["t2.fees"]
    assert [(c.column, c.value) for c in fees.cells] == [("amount", 1.2345)]
