"""Title and signature (GX506/GX507) when a whole report sits on one line, as in a web archive's
text (a metadata header, then the report on one line): found where they are, never a false
finding, and a missing 落款 points at the last sentence, not at the whole report."""
from gxlint.config import Settings
from gxlint.engine import lint
from gxlint.parse import parse
from gxlint.testing import RuleTester

from gx56_sample import report

gx506 = RuleTester("GX506")
gx507 = RuleTester("GX507")

HEADER = ("标题: 某某市某某局2023年度政府信息公开工作年度报告\n发布时间: 2024-01-22 09:30\n文号: \n发布机构: \n"
          "原文链接: https://www.example.gov.cn/zfxxgk/nb/202401/t20240122_1.htm\n"
          "本地目录: zfxxgk/nb/202401/1_某某市某某局2023年度政府信息公开工作年度报告\n"
          "==================== 正文 ====================\n")


def one_line(**kw) -> str:
    """The sample report with its lines joined by spaces (the signature's line break too)."""
    return report(**kw).replace("\n", " ").strip() + "\n"


def test_title_opening_a_one_line_report():
    text = one_line()
    doc = parse(text)
    assert doc.meta.title == "某某市某某局2023年政府信息公开工作年度报告"
    assert doc.meta.title_span.start == 0 and doc.meta.organ == "某某市某某局"
    gx507.valid(text)
    # a nonstandard title there is reported, at the title only
    bad = one_line(title="某某市某某局2023年政府信息公开工作报告")
    gx507.invalid(bad, [("missing_words", (1, 1), (1, 22), "缺少“年度”")], output=[("工作报告", "工作年度报告")])
    (d,) = gx507.diagnostics(bad)[1]
    assert bad[d.span.start:d.span.end] == "某某市某某局2023年政府信息公开工作报告"


def test_report_title_preferred_to_the_archive_metadata():
    text = HEADER + one_line()
    doc = parse(text)
    assert doc.meta.title == "某某市某某局2023年政府信息公开工作年度报告"
    assert doc.lines.position(doc.meta.title_span.start) == (7, 0)
    # the 本地目录 path and 原文链接 are never the title; without a title of its own, the 标题: line
    # is the title, without its label
    text = HEADER + one_line(title=None)
    doc = parse(text)
    assert doc.meta.title == "某某市某某局2023年度政府信息公开工作年度报告"
    assert doc.lines.position(doc.meta.title_span.start) == (0, 4)
    assert doc.meta.organ == "某某市某某局"
    gx507.valid(text)


def test_title_between_spaces_in_page_chrome():
    text = ("当前位置： 首页 政务公开 年报 某某市某某局2023年度政府信息公开工作年度报告 来源：某某市某某局 时间：2024-01-22 "
            + one_line(title=None))
    doc = parse(text)
    assert doc.meta.title == "某某市某某局2023年度政府信息公开工作年度报告"
    assert doc.meta.title_span.start == text.index("某某市某某局2023年度")


def test_prose_naming_the_report_is_not_its_title():
    text = one_line(title=None, head="现将某某市某某局2023年政府信息公开工作年度报告公布如下。")
    assert parse(text).meta.title is None
    gx507.valid(text)


def test_signature_at_the_end_of_a_one_line_report():
    for sig in ("某某市某某局\n2024年1月20日", "某某市某某局\n二〇二四年一月二十日"):
        text = one_line(signature=sig)
        doc = parse(text)
        assert doc.meta.signature.date == (2024, 1, 20)
        assert doc.meta.signature.organ == "某某市某某局"
        assert text[doc.meta.signature.span.start:doc.meta.signature.span.end] == sig.replace("\n", " ")
        gx506.valid(text)
    text = one_line(signature="某某县人民政府")          # organ only, set off by a space
    assert parse(text).meta.signature.organ == "某某县人民政府"
    gx506.invalid(text, [("no_date", (1, 456), (1, 463), "落款没有日期")])
    text = one_line(signature="2024年1月20日")
    gx506.invalid(text, [("no_organ", (1, 456), (1, 466), "落款只有日期")])


def test_no_signature_in_a_one_line_report_points_at_the_last_sentence():
    text = one_line(signature=None)
    last = "无其他需要报告的事项。"
    gx506.invalid(text, [("missing", (1, 444), (1, 455), "报告末尾没有落款")])
    res, own = gx506.diagnostics(text)
    assert text[own[0].span.start:own[0].span.end] == last
    # a date glued to a sentence is not a 落款
    text = one_line(signature=None, part6="本年度未收取信息处理费。下一步将于2024年1月20日")
    assert parse(text).meta.signature.date is None


def test_one_line_report_whole_lint_no_structure_findings():
    text = HEADER + one_line()
    res = lint(text, None, Settings.from_options(None, select="GX101,GX102,GX104,GX202,GX506,GX507"))
    assert [d.code for d in res.diagnostics] == []


def test_one_line_layouts_keep_their_signature():
    from seedutil import read_layout
    for name, organ in (("oneline_pipe.txt", "某某市某某局"), ("oneline_pdf.txt", "某某县某某局")):
        text = read_layout(name)
        gx506.valid(text)
        meta = parse(text).meta
        assert meta.signature.date == (2024, 1, 20) and meta.signature.organ == organ
