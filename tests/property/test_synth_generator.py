"""The generator itself: its reports are consistent, and its ground truth follows the spec."""

from __future__ import annotations

import random

import pytest

from gxlint import synth
from gxlint.model import Span


def test_identities_hold_in_a_generated_report():
    for seed in range(30):
        rep = synth.generate(seed)
        t3 = rep.t3
        for rid, _ in rep.t3_rows:
            assert t3[rid]["tot"] == sum(t3[rid][c] for c in synth.APPLICANTS)
        for c in synth.T3_COLUMNS:
            assert t3["r3_7"][c] == sum(t3[o][c] for o in rep.outcomes)
            assert t3["r1"][c] + t3["r2"][c] == t3["r3_7"][c] + t3["r4"][c]
            assert all(t3[r][c] >= 0 for r in t3)
        for g in synth.T4_GROUPS:
            assert rep.t4[f"{g}.tot"] == sum(rep.t4[f"{g}.{p}"] for p in synth.T4_PARTS)


def test_report_has_all_parts_and_prose_restates_the_tables():
    s = synth.sample(4, layout="pipe")
    text = s.text
    for idx, title in synth.SECTION_TITLES.items():
        assert text.count(title) == 1
    y = s.report.year
    assert f"{y}年政府信息公开工作年度报告" in text.splitlines()[0]
    assert f"{y}年1月1日起至{y}年12月31日止" in text
    assert "信息处理费" in text.split("六、其他需要报告的事项")[1]
    sy, sm, sd = s.report.sign_date
    assert (sy, sm) <= (y + 1, 3) and text.rstrip().endswith(f"{sy}年{sm}月{sd}日")
    figs = s.report.prose_figures()
    for name, v in figs.items():
        assert s.rendered.span("prose", name).text(text) == str(v)


@pytest.mark.parametrize("layout", synth.LAYOUTS)
def test_spans_point_at_the_cells(layout):
    s = synth.sample(7, layout=layout, script="traditional", pinyin=True)
    for (kind, *rest), sp in s.rendered.spans.items():
        if kind == "cell" and rest[0] == "t3":
            assert sp.text(s.text) == str(s.report.t3[rest[1]][rest[2]])
        if kind == "heading":
            assert sp.text(s.text)[:2] == synth.SECTION_TITLES[rest[0]][:2]


def test_size_target():
    for size in (10_000, 30_000, 1_000_000):
        n = len(synth.sample(1, size=size).text.encode("utf-8"))
        assert 0.9 * size <= n <= 1.1 * size


def test_ground_truth_of_one_changed_applicant_cell():
    """Changing one applicant cell of an outcome row breaks that row's sum and the （七）总计 of
    its column: GX302 at （七）总计, and GX301 at the one cell both sums point at (the same
    correction mends both), not at the row's 总计."""
    rep = synth.generate(11, template="v2021")
    rep.t3["r3_1"]["ce"] += 3
    r = rep.render()
    assert synth.expected(rep, r) == sorted(
        [("GX301", r.span("cell", "t3", "r3_1", "ce")), ("GX302", r.span("cell", "t3", "r3_7", "ce"))],
        key=lambda x: x[1].start,
    )


def test_ground_truth_of_a_broken_row_total():
    """The 总计 cell of an outcome row changed: GX301 there, GX302 on （七）总计's 总计 column."""
    rep = synth.generate(11, template="v2021")
    rep.t3["r3_2"]["tot"] += 4
    r = rep.render()
    assert sorted(synth.expected(rep, r)) == sorted(
        [("GX301", r.span("cell", "t3", "r3_2", "tot")), ("GX302", r.span("cell", "t3", "r3_7", "tot"))]
    )


def test_ground_truth_of_a_changed_grand_total():
    """（七）总计 changed alone: GX301 on its row, GX302 on the column; the balance failure that
    follows from the same wrong cell is not a second error."""
    rep = synth.generate(11, template="v2021")
    rep.t3["r3_7"]["np"] += 1
    r = rep.render()
    codes = [c for c, _ in synth.expected(rep, r)]
    assert sorted(codes) == ["GX301", "GX302"]


def test_ground_truth_of_a_new_application_count():
    rep = synth.generate(11, template="v2021")
    rep.t3["r1"]["np"] += 1
    r = rep.render()
    assert sorted(synth.expected(rep, r), key=lambda x: x[0]) == [
        ("GX301", r.span("cell", "t3", "r1", "np")),
        ("GX303", r.span("cell", "t3", "r4", "np")),
    ]


def test_blank_cell_hides_its_identities():
    rep = synth.generate(2, template="v2021")
    rep.t3["r3_1"]["ce"] += 1  # would break r3_1 and （七）总计 商业企业
    rep.blank.add(("t3", "r3_1", "ce"))  # … but the cell is blank
    r = rep.render("pipe")
    assert synth.expected(rep, r) == [("GX206", r.span("cell", "t3", "r3_1", "ce"))]


def test_injected_defects_are_listed():
    rep = synth.generate(5)
    rep2, done = synth.inject(rep, ["drop_section", "swap_sections", "change_cell"], random.Random(1))
    assert [d.kind for d in done] == ["drop_section", "swap_sections", "change_cell"]
    assert len(rep2.sections) == 5 and rep.sections == [1, 2, 3, 4, 5, 6]


def test_blank_cells_need_separators():
    rep = synth.generate(5)
    _, done = synth.inject(rep, ["blank_cell"], random.Random(1), layout="cells_blank")
    assert done == []


def test_span_type():
    s = synth.sample(0)
    assert all(isinstance(sp, Span) for _, sp in s.expected)
