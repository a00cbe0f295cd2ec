import pytest
from gx56_sample import report

from gxlint.engine import lint
from gxlint.parse.meta import find_dates


@pytest.mark.parametrize(
    "written,date,form",
    [
        ("2024年1月17日", (2024, 1, 17), "cn"),
        ("2024 年 1 月 17 日", (2024, 1, 17), "cn"),
        ("2024-01-14", (2024, 1, 14), "iso"),
        ("2024.1.17", (2024, 1, 17), "dot"),
        ("2024/1/17", (2024, 1, 17), "slash"),
        ("二〇二四年一月十七日", (2024, 1, 17), "hanzi"),
        ("二○二四年元月三十一日", (2024, 1, 31), "hanzi"),
        ("二零二三年十二月二十日", (2023, 12, 20), "hanzi"),
    ],
)
def test_dates_in_every_written_form(written, date, form):
    found, bad = find_dates("落款 " + written + " 。")
    assert [(d, f) for _, _, d, f in found] == [(date, form)]
    assert not bad


@pytest.mark.parametrize(
    "written,reason",
    [
        ("20231月1日", "missing-nian"),
        ("20233年12月31日", "bad-year"),
        ("2023年13月1日", "invalid"),
        ("2023-02-30", "invalid"),
    ],
)
def test_malformed_date_forms(written, reason):
    found, bad = find_dates(written)
    assert not found
    assert [r for _, _, r in bad] == [reason]


def test_date_positions_point_into_traditional_text_with_pinyin():
    text = report(title="某某市某某局2023年政府信息公開(kāi)工作年度報(bào)告", signature="某某市某某局\n2024年1月20日")
    doc = lint(text).doc
    dm = doc.meta.dates.found[-1]
    assert text[dm.span.start : dm.span.end] == "2024年1月20日"
    assert doc.meta.year == 2023 and doc.meta.title.endswith("報(bào)告")
