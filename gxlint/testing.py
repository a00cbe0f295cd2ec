"""RuleTester: valid/invalid cases for one rule with exact code, line and column.

    from gxlint.testing import RuleTester

    t = RuleTester("GX301")
    t.valid(TEXT_OK)                                  # the rule says nothing
    t.invalid(TEXT_BAD, [(96, 1)])                    # exactly these (1-based line, column) starts
    t.invalid(TEXT_BAD, [(96, 1, "总计列为 0")])       # … and the message contains this text

Only the rule under test runs (plus the parser), so a case is about that rule alone.
"""
from __future__ import annotations

from typing import Iterable, Optional, Sequence, Union

from .config import Settings
from .engine import lint, registry

Expected = Union[tuple[int, int], tuple[int, int, str]]


class RuleTester:
    def __init__(self, code: str, **settings) -> None:
        if code not in registry():
            raise KeyError(f"no rule {code}")
        self.code = code
        self.settings = Settings.from_options(None, select=code, **{k: v for k, v in settings.items() if k != "severity"})
        if "severity" in settings:
            self.settings = Settings.from_options(self.settings, severity=settings["severity"])

    def diagnostics(self, text: str, path: Optional[str] = None):
        res = lint(text, path, self.settings)
        own = [d for d in res.diagnostics if d.code == self.code]
        crashed = [d for d in res.diagnostics if d.code == "GX001"]
        if crashed:
            raise AssertionError(f"{self.code} crashed: {crashed[0].message}\n{crashed[0].data.get('traceback', '')}")
        return res, own

    def positions(self, text: str) -> list[tuple[int, int, str]]:
        res, own = self.diagnostics(text)
        out = []
        for d in own:
            line, col = res.doc.lines.position(d.span.start)
            out.append((line + 1, col + 1, d.message))
        return out

    def valid(self, text: str) -> None:
        got = self.positions(text)
        assert not got, f"{self.code} should stay silent, but said:\n" + "\n".join(f"  {l}:{c}: {m}" for l, c, m in got)

    def invalid(self, text: str, expected: Sequence[Expected]) -> list:
        got = self.positions(text)
        want = sorted((e[0], e[1]) for e in expected)
        have = sorted((g[0], g[1]) for g in got)
        assert have == want, (
            f"{self.code}: expected findings at {want}, got:\n" + "\n".join(f"  {l}:{c}: {m}" for l, c, m in got)
        )
        for e in expected:
            if len(e) == 3:
                msgs = [m for (l, c, m) in got if (l, c) == (e[0], e[1])]
                assert any(e[2] in m for m in msgs), f"{self.code} at {e[0]}:{e[1]}: no message containing {e[2]!r} in {msgs}"
        return got

    def run(self, valid: Iterable[str] = (), invalid: Iterable[tuple[str, Sequence[Expected]]] = ()) -> None:
        for v in valid:
            self.valid(v)
        for text, exp in invalid:
            self.invalid(text, exp)
