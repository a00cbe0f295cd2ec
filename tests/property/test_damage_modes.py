"""Damage modes modelled on real published text (:data:`gxlint.synth.DAMAGES`): a flattened web
archive (its cells now and then, or every other time, spaced apart), a one-line document, PDF line
wraps, label-less value rows, glued header cells, broken labels; a PDF converter's Markdown
(invented header rows, tables split at page breaks, detached labels, merged rows, enumerators in
cells of their own), LibreOffice's spacer column, numbers wrapped inside their cells (in a grid and
in PDF text).

Properties, in every damage mode:

1. a report whose data is consistent gets **no error** (warnings such as GX207 “this table cannot
   be read with certainty” are allowed: they are the honest answer for a damaged table);
2. an injected cell defect is still found — its finding as the spec computes it — wherever the
   damaged table remains readable; where it does not, the table is GX207, and any error that is
   reported lies on a row the defect touched (or the （七）总计 / 四、结转 rows its column's identities
   point at), never elsewhere.

Every damage mode holds (a mode whose reading the parser lacks would be marked xfail in ``NEEDS``,
with the part it needs).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from gxlint import synth
from gxlint.api import Severity
from gxlint.certainty import doubts
from gxlint.engine import lint
from gxlint.model import Span

NEEDS: dict[str, str] = {}


def _mode(mode: str):
    if mode in NEEDS:
        return pytest.param(mode, marks=pytest.mark.xfail(strict=False, reason=NEEDS[mode]))
    return mode


MODES = [_mode(m) for m in synth.DAMAGES]
SETTINGS = settings(
    max_examples=15, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow]
)
seeds = st.integers(min_value=0, max_value=2**20)
CELL_DEFECTS = ("change_cell", "break_row_total")


def _errors(res):
    return [d for d in res.diagnostics if d.severity == Severity.ERROR]


def _show(s, diags) -> str:
    return "\n".join(f"  {d.code} {s.text[d.span.start : d.span.end][:30]!r}: {d.message[:100]}" for d in diags)


@pytest.mark.parametrize("mode", MODES)
@SETTINGS
@given(
    seed=seeds,
    template=st.sampled_from(("v2019", "v2021")),
    level=st.sampled_from(("department", "government", "township")),
)
def test_consistent_reports_get_no_error(mode, seed, template, level):
    s = synth.sample(seed, layout=mode, template=template, level=level)
    note(s.describe())
    res = lint(s.text)
    errs = _errors(res)
    assert not errs, f"{s.describe()}\nerrors on a consistent report:\n{_show(s, errs)}"


def _row_extent(s, table: str, row: str) -> Span:
    sps = [sp for k, sp in s.rendered.spans.items() if k[0] == "cell" and k[1] == table and k[2] == row]
    lab = s.rendered.spans.get(("label", table, row))
    if lab is not None:
        sps.append(lab)
    return Span(min(x.start for x in sps), max(x.end for x in sps))


@pytest.mark.parametrize("mode", MODES)
@SETTINGS
@given(seed=seeds, defects=st.lists(st.sampled_from(CELL_DEFECTS), min_size=1, max_size=2))
def test_cell_defects_are_found_or_the_table_is_unreadable(mode, seed, defects):
    s = synth.sample(seed, layout=mode, defects=defects)
    note(s.describe())
    res = lint(s.text)
    got = synth.families(res.diagnostics, ("GX3",))
    exp = [x for x in s.expected if x[0].startswith("GX3")]
    unreadable = {k for k, t in res.doc.tables.items() if t.unreadable} | set(doubts(res.doc))
    g207 = {d.data.get("table") for d in res.diagnostics if d.code == "GX207"}
    assert unreadable == g207, f"{s.describe()}: unreadable or doubtful tables {unreadable}, GX207 on {g207}"
    touched = {d.target[0] for d in s.defects}
    # 1. each expected finding is there, unless its table could not be read
    for code, sp in exp:
        if (code, sp) in got:
            continue
        table = "t4" if code in ("GX304", "GX305") else "t3"
        assert table in unreadable, (
            f"{s.describe()}\nexpected {code} at {s.text[sp.start : sp.end]!r} "
            f"not reported and {table} is readable:\n{_show(s, res.diagnostics)}"
        )
    # 2. no table error elsewhere: an unexpected GX1–GX3 error lies on a row a defect touched (the
    #    prose restates the changed table, so GX4 may rightly follow the defect)
    allowed = [_row_extent(s, d.target[0], d.target[1]) for d in s.defects]
    if "t3" in touched:
        allowed += [_row_extent(s, "t3", r) for r in ("r3_7", "r4", "r1")]
    for d in _errors(res):
        if not d.code.startswith(("GX1", "GX2", "GX3")) or (d.code, Span(d.span.start, d.span.end)) in exp:
            continue
        assert d.code.startswith("GX3") and any(a.start <= d.span.start < a.end for a in allowed), (
            f"{s.describe()}\nunexpected error:\n{_show(s, [d])}"
        )
