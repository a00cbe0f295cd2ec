"""GX507 nonstandard-title (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

from gx5_one_line import HEADER, one_line
from gx56_sample import report

from gxlint.fixes import apply_edits
from gxlint.parse import parse
from gxlint.testing import RuleTester

gx507 = RuleTester("GX507")


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
    assert bad[d.span.start : d.span.end] == "某某市某某局2023年政府信息公开工作报告"


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


def test_prose_naming_the_report_is_not_its_title():
    text = one_line(title=None, head="现将某某市某某局2023年政府信息公开工作年度报告公布如下。")
    assert parse(text).meta.title is None
    gx507.valid(text)


def test_standard_titles():
    gx507.valid(report())
    gx507.valid(report(title="某某市某某局2023年度政府信息公开工作年度报告"))
    gx507.valid(report(title="# 某某市某某局 2023 年政府信息公开工作年度报告"))
    gx507.valid(report(title="啟東市政府辦2023年政府信息公開(kāi)工作年度報(bào)告"))
    gx507.valid(report(title=None))  # no title line: nothing to judge


def test_work_report_instead_of_annual_report():
    text = report(title="某某市某某局2023年政府信息公开工作报告")
    gx507.invalid(text, [("missing_words", (1, 1), (1, 22), "缺少“年度”")], output=[("工作报告", "工作年度报告")])
    res, own = gx507.diagnostics(text)
    assert own[0].fix is not None and not own[0].fix.safe
    fixed, _ = apply_edits(text, own[0].fix.edits)
    assert fixed.splitlines()[0] == "某某市某某局2023年政府信息公开工作年度报告"


def test_missing_gong_zuo():
    text = report(title="某某市某某局2023年政府信息公开年度报告")
    gx507.invalid(text, [("missing_words", (1, 1), (1, 22), "缺少“工作”")], output=[("公开年度", "公开工作年度")])
    res, own = gx507.diagnostics(text)
    fixed, _ = apply_edits(text, own[0].fix.edits)
    assert fixed.splitlines()[0] == "某某市某某局2023年政府信息公开工作年度报告"


def test_no_year_and_other_forms():
    gx507.invalid(
        report(title="某某市某某局政府信息公开工作年度报告"), [("no_year", (1, 1), (1, 19), "没有写报告年度")]
    )
    gx507.invalid(report(title="某某市某某局2023年政务公开工作年度报告"), [("other", (1, 1), (1, 22), "不是规范形式")])


def test_title_year_in_chinese_numerals():
    text = report(title="某某市某某局二〇二三年度政府信息公开工作年度报告")
    gx507.valid(text)
    res, _ = gx507.diagnostics(text)
    assert res.doc.meta.year == 2023
    gx507.invalid(
        report(title="某某市某某局二〇二三年政府信息公开工作报告"),
        [
            ("missing_words", (1, 1), (1, 22), "缺少“年度”"),
        ],
        output=[("工作报告", "工作年度报告")],
    )


def test_organ_on_the_line_above_a_year_first_title_line():
    text = report(title="洪泽区人民政府\n2023 年政府信息公开工作年度报告")
    meta = parse(text).meta
    assert meta.title == "洪泽区人民政府\n2023 年政府信息公开工作年度报告"
    assert meta.organ == "洪泽区人民政府" and meta.organ_level == "government" and meta.year == 2023
    assert text[meta.title_span.start : meta.title_span.end] == meta.title
    gx507.valid(text)


def test_last_words_of_the_title_on_the_next_line():
    text = report(title="某某市某某局2023年政府信息公开工\n作年度报告")
    meta = parse(text).meta
    assert meta.title == "某某市某某局2023年政府信息公开工\n作年度报告" and meta.organ == "某某市某某局"
    gx507.valid(text)


def test_a_wrapped_nonstandard_title_is_reported_once_and_fixed_across_the_break():
    text = report(title="某某市某某局2023年政府信息公开\n工作报告")
    gx507.invalid(text, [("missing_words", (1, 1), (2, 5), "标题缺少“年度”")], output=[("工作报告", "工作年度报告")])
    _res, own = gx507.diagnostics(text)
    fixed, _ = apply_edits(text, own[0].fix.edits)
    assert fixed.startswith("某某市某某局2023年政府信息公开\n工作年度报告\n")
