"""The regex time budget (gxlint/guard.py): a pattern that runs past it makes the file GX002
("timeout") instead of a hang; outside a lint there is no budget."""
from __future__ import annotations

import regex

from gxlint import engine, guard, synth
from gxlint.engine import lint


def test_spent_budget_reports_gx002_timeout(monkeypatch):
    monkeypatch.setattr(guard, "DEFAULT_SECONDS", 1e-9)
    res = lint(synth.sample(1).text, "r.txt")
    assert [d.code for d in res.diagnostics] == ["GX002"]
    assert "超时" in res.diagnostics[0].message


def test_timeout_in_a_rule_is_gx002_not_gx001(monkeypatch):
    """A rule whose pattern times out stops the lint as GX002 (not an internal error)."""
    from gxlint.api import Rule, Severity

    class Slow(Rule):
        code = "GX699"
        name = "slow-test-rule"
        family = "hygiene"
        severity = Severity.WARNING
        messages = {"x": {"zh": "x", "en": "x"}}

        def on_document(self, doc, ctx):
            regex.search(r"x", doc.text, timeout=0)

    res = lint(synth.sample(2).text, rules=[Slow(engine.Settings())])
    assert [d.code for d in res.diagnostics] == ["GX002"]


def test_no_budget_outside_a_lint():
    assert guard.left() is None
    with guard.budget(5):
        assert 0 < guard.left() <= 5
        with guard.budget(100):
            assert guard.left() <= 5     # the earlier deadline stays
    assert guard.left() is None


def test_normal_report_is_not_affected():
    res = lint(synth.sample(3).text)
    assert not [d for d in res.diagnostics if d.code in ("GX001", "GX002")]
