"""The regex time budget (gxlint/guard.py): a pattern that runs past it makes the file GX002
("timeout") instead of a hang; outside a lint there is no budget."""

from __future__ import annotations

import time

import pytest
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
            assert guard.left() <= 5  # the earlier deadline stays
    assert guard.left() is None


def test_normal_report_is_not_affected():
    res = lint(synth.sample(3).text)
    assert not [d for d in res.diagnostics if d.code in ("GX001", "GX002")]


# --- every pattern on user text runs under the budget ---------------------------------------


def _pattern_modules():
    import importlib
    import pkgutil
    import sys

    import gxlint.parse as parse_pkg

    engine.registry()
    mods = [importlib.import_module(i.name) for i in pkgutil.iter_modules(parse_pkg.__path__, "gxlint.parse.")]
    mods += [m for name, m in sys.modules.items() if name.startswith("gxlint.rules.") and m is not None]
    return mods


def test_every_compiled_pattern_of_the_parser_and_rules_is_guarded():
    import re

    from gxlint.parse import claims

    mods = _pattern_modules()
    assert any(m.__name__ == "gxlint.parse.claims" for m in mods)
    assert sum(m.__name__.startswith("gxlint.rules.") for m in mods) >= 20
    raw = [
        f"{m.__name__}.{k}"
        for m in mods
        for k, v in vars(m).items()
        if isinstance(v, (regex.Pattern, re.Pattern)) and k not in getattr(m, "BOUNDED_USE", ())
    ]
    assert raw == []
    guarded = [v for m in mods for v in vars(m).values() if isinstance(v, guard.Pattern)]
    assert len(guarded) >= 40
    # the claim reader's unwrapped patterns see one sentence at most: never a long string
    assert claims.MAX_SENTENCE <= guard.SHORT
    assert isinstance(claims._NUM_RE, guard.Pattern) and isinstance(claims._QUOTED, guard.Pattern)


def test_guarded_pattern_under_a_spent_budget():
    import time

    p = guard.compile(r"\d+x")
    long = "1" * (guard.SHORT + 10)
    with guard.budget(1e-9):
        time.sleep(0.001)  # the budget is spent: left() == 0
        assert guard.left() == 0
        for call in (
            lambda: p.search(long),
            lambda: list(p.finditer(long)),
            lambda: p.sub("", long),
            lambda: p.match(long),
            lambda: p.findall(long),
            lambda: p.split(long),
            lambda: p.fullmatch(long),
            lambda: p.subn("", long),
        ):
            with pytest.raises(TimeoutError):
                call()
        # calls on short strings check the deadline one time in 64: a run of sentences stops
        with pytest.raises(TimeoutError):
            for _ in range(guard._EVERY + 1):
                p.search("11x")
        # an explicit timeout is the caller's
        assert p.search(long, timeout=None) is None
    # no budget outside a lint
    assert p.search(long) is None and p.search("11x").group() == "11x"
    assert p.pattern == r"\d+x" and p.groups == 0


def test_lazy_pattern_compiles_on_first_use_and_is_guarded():
    """guard.lazy (issue 24, import cost): nothing compiled until the first call; then the same
    pattern as guard.compile's, under the same budget, with nothing added per call."""
    p = guard.lazy(r"(?P<n>\d+)件", regex.IGNORECASE)
    with pytest.raises(AttributeError):
        object.__getattribute__(p, "_p")  # not compiled yet
    assert p.search("收到12件").group("n") == "12"
    assert isinstance(object.__getattribute__(p, "_p"), regex.Pattern)
    assert guard.bare(p) is object.__getattribute__(p, "_p")
    assert (p.pattern, p.flags & regex.IGNORECASE, p.groupindex) == (r"(?P<n>\d+)件", regex.IGNORECASE, {"n": 1})
    # a never-used lazy pattern: bare() compiles it, a bad pattern fails at its first use
    assert isinstance(guard.bare(guard.lazy(r"a+")), regex.Pattern)
    bad = guard.lazy(r"(")
    with pytest.raises(regex.error):
        bad.search("x")
    long = "1" * (guard.SHORT + 10)
    q = guard.lazy(r"\d+x")
    with guard.budget(1e-9):
        time.sleep(0.001)
        with pytest.raises(TimeoutError):
            q.search(long)
    with pytest.raises(TypeError):
        guard.Pattern()


def test_timeout_only_for_long_windows(monkeypatch):
    seen = []

    class Spy:
        pattern = "spy"

        def search(self, string, *a, **k):
            seen.append(k.get("timeout"))

    p = guard.Pattern(Spy())
    long = "1" * (guard.SHORT + 10)
    with guard.budget(100):
        p.search("short")
        p.search(long)
        p.search(long, 10, 30)  # a short window of a long string
        p.search(long, pos=0, endpos=guard.SHORT + 5)
    assert seen[0] is None and 0 < seen[1] <= 100 and seen[2] is None and 0 < seen[3] <= 100


def test_claims_stop_when_the_budget_is_spent():
    """A line of 2,000,000 digits is 1,334 sentences of short strings: the claim reader stops
    at the first one after the budget is spent (it ran 13 minutes and exited 0)."""
    import time

    from gxlint.parse import parse
    from gxlint.parse.claims import extract_claims

    doc = parse("一、总体情况\n" + "1" * 200_000 + "件\n")
    with guard.budget(1e-9):
        time.sleep(0.001)
        with pytest.raises(TimeoutError):
            extract_claims(doc)


def test_stdlib_patterns_are_recompiled_with_regex():
    import re

    ns = {"A": re.compile(r"(?P<y>\d{4})年", re.I), "B": regex.compile("x"), "C": "not a pattern"}
    assert guard.protect(ns) == 2
    assert isinstance(ns["A"], guard.Pattern) and isinstance(ns["B"], guard.Pattern) and ns["C"] == "not a pattern"
    assert ns["A"].search("于2023年发布").group("y") == "2023"
