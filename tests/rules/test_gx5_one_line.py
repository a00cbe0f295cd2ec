from gx5_one_line import HEADER, one_line

from gxlint.config import Settings
from gxlint.engine import lint
from gxlint.parse import parse


def test_title_between_spaces_in_page_chrome():
    text = (
        "当前位置： 首页 政务公开 年报 某某市某某局2023年度政府信息公开工作年度报告 来源：某某市某某局 时间：2024-01-22 "
        + one_line(title=None)
    )
    doc = parse(text)
    assert doc.meta.title == "某某市某某局2023年度政府信息公开工作年度报告"
    assert doc.meta.title_span.start == text.index("某某市某某局2023年度")


def test_one_line_report_whole_lint_no_structure_findings():
    text = HEADER + one_line()
    res = lint(text, None, Settings.from_options(None, select="GX101,GX102,GX104,GX202,GX506,GX507"))
    assert [d.code for d in res.diagnostics] == []
