"""RuleTester: valid/invalid cases for one rule with exact code, line and column.

    from gxlint.testing import RuleTester

    t = RuleTester("GX301")
    t.valid(TEXT_OK)                                  # the rule says nothing
    t.invalid(TEXT_BAD, [(96, 1)])                    # exactly these (1-based line, column) starts
    t.invalid(TEXT_BAD, [(96, 1, "总计列为 0")])       # … and the message contains this text

Only the rule under test runs (plus the parser), so a case is about that rule alone.

Cross-report rules (GX7) take a bundle: several reports in one text, each opened by a line
``=== FILE NAME ===``; the last one is the report under test (positions are in it), the others
are the reports read beside it (the index)::

    t.invalid("=== a-2022.txt ===\n…\n=== a-2023.txt ===\n…", [(3, 24)])
"""
from __future__ import annotations

import re
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
        files = split_bundle(text)
        index = None
        if files:
            from .across.index import Index, entry_from_document
            from .parse import parse

            index = Index(aliases=self.settings.organs)
            for p, t in files[:-1]:
                index.add(entry_from_document(parse(t, p), p))
            path, text = files[-1]
        res = lint(text, path, self.settings, index=index)
        own = [d for d in res.diagnostics if d.code == self.code]
        crashed = [d for d in res.diagnostics if d.code == "GX001"]
        if crashed:
            raise AssertionError(f"{self.code} crashed: {crashed[0].message}\n{crashed[0].data.get('traceback', '')}")
        return res, own

    def related(self, text: str) -> list:
        """(code, related) of each finding: for checking where related information points."""
        _res, own = self.diagnostics(text)
        return [(d, list(d.related)) for d in own]

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


_BUNDLE = re.compile(r"^=== (.+?) ===[ \t]*$", re.M)


def split_bundle(text: str) -> list[tuple[str, str]]:
    """``=== name ===`` sections of a bundle as (name, text); [] for a single report."""
    marks = list(_BUNDLE.finditer(text))
    if not marks or text[:marks[0].start()].strip():
        return []
    out = []
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        out.append((m.group(1).strip(), text[m.end() + 1:end]))
    return out
