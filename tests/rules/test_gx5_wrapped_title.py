"""A title wrapped over two lines is one title (meta.title, the organ, the year; GX507 on the whole)."""
from gxlint.fixes import apply_edits
from gxlint.parse import parse
from gxlint.testing import RuleTester

from gx56_sample import report

gx507 = RuleTester("GX507")


def test_organ_on_the_line_above_a_year_first_title_line():
    text = report(title="洪泽区人民政府\n2023 年政府信息公开工作年度报告")
    meta = parse(text).meta
    assert meta.title == "洪泽区人民政府\n2023 年政府信息公开工作年度报告"
    assert meta.organ == "洪泽区人民政府" and meta.organ_level == "government" and meta.year == 2023
    assert text[meta.title_span.start:meta.title_span.end] == meta.title
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


def test_an_issuer_line_above_a_complete_title_is_not_joined():
    text = report(title="某某县人民政府办公室\n某某县人民政府2023年政府信息公开工作年度报告")
    meta = parse(text).meta
    assert meta.title == "某某县人民政府2023年政府信息公开工作年度报告" and meta.organ == "某某县人民政府"


def test_a_sentence_above_a_year_first_title_is_not_joined():
    text = report(title="本报告由某某局编制。\n2023年政府信息公开工作年度报告")
    assert parse(text).meta.title == "2023年政府信息公开工作年度报告"
