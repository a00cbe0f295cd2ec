"""A scripted assistant: a generated report with three injected defects (a row total, a number in
the prose, the title's year), ``check_report`` through the SDK's client, the suggested changes
applied mechanically — each change to review checked first against the "original records" (the
generator's report before the defects), as the server's instructions ask — and ``check_report``
again: clean, and the text is the report as it was before the defects."""

from __future__ import annotations

import pytest

from gxlint import synth

from . import mcputil

DEFECTS = ("break_row_total", "change_prose_number", "change_year")


def drafts(n: int, layout: str):
    """The first ``n`` generated reports where all three defects took (a row total of table 三:
    a broken total in table 四's one row has no single value to restore, and gxlint gives none)."""
    out = []
    seed = 0
    while len(out) < n:
        s = synth.sample(seed, layout=layout, defects=DEFECTS, prose=True)
        if len(s.defects) == 3 and s.defects[0].target[0] == "t3":
            clean = synth.generate(seed).render(layout=layout).text
            out.append((s, clean))
        seed += 1
    return out


def apply_changes(text: str, findings: list[dict], ledger: dict) -> tuple[str, list[str]]:
    """What an assistant does with the answer: every finding's change, its edits at their line and
    column (1-based, characters), the last first.  A change to review is applied only when the
    value it writes is in the original records."""
    lines = text.split("\n")
    starts = [0]
    for ln in lines:
        starts.append(starts[-1] + len(ln) + 1)
    edits, done = [], []
    for f in findings:
        ch = f["change"]
        if ch is None:
            continue
        assert ch["edits_total"] == len(ch["edits"]), f
        if not ch["safe"]:
            assert all(e["new"] in ledger for e in ch["edits"]), (f["code"], ch, ledger)
        for e in ch["edits"]:
            a = starts[e["line"] - 1] + e["column"] - 1
            b = starts[e["end_line"] - 1] + e["end_column"] - 1
            assert text[a:b] == e["old"], (f["code"], e)
            edits.append((a, b, e["new"]))
        done.append(f["code"])
    for a, b, new in sorted(edits, reverse=True):
        text = text[:a] + new + text[b:]
    return text, done


@pytest.mark.parametrize("layout", ["pipe", "markdown", "tab"])
def test_check_apply_the_changes_check_again_clean(layout):
    cases = drafts(3, layout)

    async def go():
        out = []
        async with mcputil.session("/tmp") as c:
            s = await mcputil.output_schemas(c)
            for sample, clean in cases:
                first = await mcputil.call(c, "check_report", {"text": sample.text}, s)
                ledger = {str(d.old) for d in sample.defects}
                fixed, done = apply_changes(sample.text, first.structured_content["findings"], ledger)
                again = await mcputil.call(c, "check_report", {"text": fixed}, s)
                out.append((sample, clean, first, fixed, done, again))
        return out

    for sample, clean, first, fixed, done, again in mcputil.run(go):
        a = first.structured_content
        why = sample.describe() + "\n" + mcputil.text_of(first)
        assert a["counts"]["error"] >= 2 and not a["clean"], why
        # one change for each defect: the row's total, the prose number, the title's year
        assert sorted(done) == ["GX301", "GX401", "GX501"], why
        assert "再次调用 check_report" in a["summary"]
        b = again.structured_content
        assert b["clean"] and b["total"] == 0, why + "\n--- after ---\n" + mcputil.text_of(again)
        assert fixed == clean, why
