"""Generated reports with known defects: gxlint reports exactly those (code and span), nothing
else of the families GX1–GX4; a clean report gets nothing of those families.

The ground truth comes from :mod:`gxlint.synth`, which computes it from the identities of the
spec (template.md §7), not from gxlint's code.  A failure shows the generator call that
reproduces it (``gxlint.synth.sample(seed, layout=…, …)``) and the expected/actual difference.

GX4 (prose vs tables) is compared too (``GXLINT_SYNTH_PROSE=0`` leaves it out, to tell a parser problem from a prose one).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import strategies as st

from gxlint import synth
from gxlint.engine import lint

PROSE = os.environ.get("GXLINT_SYNTH_PROSE", "1") == "1"
# GX4 is compared unless GXLINT_SYNTH_PROSE=0
FAMILIES = ("GX1", "GX2", "GX3", "GX4") if PROSE else ("GX1", "GX2", "GX3")
TABLE_DEFECTS = tuple(d for d in synth.DEFECTS if d != "change_prose_number")

COMMON = settings(
    max_examples=50,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
    suppress_health_check=[HealthCheck.too_slow],
)


def _diff(s: synth.Sample, got) -> str:
    def show(items):
        return "\n".join(f"  {c} {sp.start}-{sp.end} {s.text[sp.start : sp.end][:40]!r}" for c, sp in items)

    missing = [x for x in s.expected if x not in got]
    extra = [x for x in got if x not in s.expected]
    return (
        f"{s.describe()}\nreproduce: gxlint.synth.sample({s.report.seed}, layout={s.rendered.layout!r}, "
        f"script={s.rendered.script!r}, pinyin={s.rendered.pinyin}, defects=…)\n"
        f"expected but not reported:\n{show(missing)}\nreported but not expected:\n{show(extra)}"
    )


def check(s: synth.Sample, hyp: bool = True) -> None:
    if hyp:
        note(s.describe())
    res = lint(s.text)
    got = synth.families(res.diagnostics, FAMILIES)
    exp = [x for x in s.expected if x[0].startswith(FAMILIES)]
    assert got == exp, _diff(s, got)
    assert not [d for d in res.diagnostics if d.code == "GX001"], [d.message for d in res.diagnostics]


seeds = st.integers(min_value=0, max_value=2**20)
scripts = st.sampled_from(("simplified", "traditional"))
defect_lists = st.lists(st.sampled_from(TABLE_DEFECTS), min_size=0, max_size=3)


@pytest.mark.parametrize("layout", synth.LAYOUTS)
@COMMON
@given(seed=seeds, script=scripts, pinyin=st.booleans(), defects=defect_lists)
def test_defects_are_reported_exactly(layout, seed, script, pinyin, defects):
    check(synth.sample(seed, layout=layout, script=script, pinyin=pinyin, defects=defects))


@pytest.mark.parametrize("layout", synth.LAYOUTS)
@settings(max_examples=20, deadline=None, derandomize=True, database=None)
@given(
    seed=seeds,
    script=scripts,
    pinyin=st.booleans(),
    template=st.sampled_from(("v2019", "v2021")),
    level=st.sampled_from(("department", "government", "township")),
)
def test_clean_reports_are_silent(layout, seed, script, pinyin, template, level):
    s = synth.sample(seed, layout=layout, script=script, pinyin=pinyin, template=template, level=level)
    assert s.expected == []
    check(s)


@pytest.mark.skipif(not PROSE, reason="GXLINT_SYNTH_PROSE=0: prose ground truth left out")
@pytest.mark.parametrize("layout", ("pipe", "cells_blank", "oneline"))
@COMMON
@given(seed=seeds, script=scripts, defects=st.lists(st.sampled_from(synth.DEFECTS), max_size=3))
def test_prose_defects_are_reported_exactly(layout, seed, script, defects):
    check(synth.sample(seed, layout=layout, script=script, defects=defects, prose=True))


@pytest.mark.parametrize("size", [10_000, 100_000])
def test_large_generated_report_is_clean(size):
    s = synth.sample(3, size=size, layout="pipe")
    assert abs(len(s.text.encode("utf-8")) - size) < size * 0.1 + 2000
    check(s, hyp=False)
