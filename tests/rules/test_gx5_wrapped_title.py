from gx56_sample import report

from gxlint.parse import parse


def test_an_issuer_line_above_a_complete_title_is_not_joined():
    text = report(title="某某县人民政府办公室\n某某县人民政府2023年政府信息公开工作年度报告")
    meta = parse(text).meta
    assert meta.title == "某某县人民政府2023年政府信息公开工作年度报告" and meta.organ == "某某县人民政府"


def test_a_sentence_above_a_year_first_title_is_not_joined():
    text = report(title="本报告由某某局编制。\n2023年政府信息公开工作年度报告")
    assert parse(text).meta.title == "2023年政府信息公开工作年度报告"
