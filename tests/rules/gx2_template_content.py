"""Reports and helpers shared by the tests of GX201 and test_gx2_template_content.py
(one test module per rule; they were test_gx2_template_content.py)."""

from gxlint.config import Settings
from gxlint.engine import lint
from seedutil import read_layout as layout

PIPE = layout("pipe.txt")  # 2023, v2021, every identity holds
PDF = layout("pdf.txt")
VERTICAL = layout("pdf_vertical.txt")  # PDF text: header words and 三、本年度办理结果 one per line
V2019 = layout("v2019_signed.txt")  # 2020, v2019


def rep(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def codes(text: str, select: str = "GX1,GX2,GX3") -> list[tuple[str, int]]:
    res = lint(text, None, Settings.from_options(None, select=select))
    return [(d.code, res.doc.lines.line_of(d.span.start) + 1) for d in res.diagnostics]


def section(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end)]


def y2022(text: str) -> str:
    return text.replace("2023年", "2022年").replace("2024年", "2023年")


T2_START, T3_START, T4_START = (
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议",
)
MISMATCH_T2 = "2022 年度报告应使用国办公开办函〔2021〕30号格式的表格，表二使用的是国办公开办函〔2019〕60号试行格式"
