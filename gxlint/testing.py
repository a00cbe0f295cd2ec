"""RuleTester: valid and invalid cases of one rule, as strict as ESLint's.

    from gxlint.testing import RuleTester

    t = RuleTester("GX301")
    t.valid(TEXT_OK)                                  # the rule says nothing
    t.invalid(TEXT_BAD, [
        ("row_sum", (96, 1), (96, 3), "总计列为 0"),   # message id, start, end (1-based line, column)
    ], output=[("| 0 |", "| 9 |")])                   # the text after the rule's fixes

An invalid case states every finding the rule makes there, each with its message id (a key of the
rule's ``messages``), where it starts and where it ends (1-based line and column, the end
exclusive, columns in characters); a fourth item, when given, is text the message must contain.
Where the rule fixes (any of its findings has a fix, safe or not), the case states ``output``:
the text after every fix of the rule is applied (as ``gxlint --fix --unsafe-fixes`` would), either
whole or as ``(old, new)`` replacements, each ``old`` occurring exactly once in the case's text.
``output=None`` (the default) says the rule fixes nothing there.  A case that leaves any of this
out fails, as ESLint's RuleTester fails an invalid case without ``messageId`` or ``output``.

:func:`where` gives the start and end of a piece of the text (``("word", *where(text, "的的"))``).

Only the rule under test runs (plus the parser), so a case is about that rule alone.

Cross-report rules (GX7) take a bundle: several reports in one text, each opened by a line
``=== FILE NAME ===``; the last one is the report under test (positions and output are in it),
the others are the reports read beside it (the index)::

    t.invalid("=== a-2022.txt ===\n…\n=== a-2023.txt ===\n…", [("carry_over", (3, 24), (3, 25))])
"""

from __future__ import annotations

import re
from typing import Iterable, Optional, Sequence, Union

from .config import Settings
from .engine import lint, registry

Position = tuple[int, int]
Expected = Union[tuple[str, Position, Position], tuple[str, Position, Position, str]]
Output = Union[str, Sequence[tuple[str, str]], None]


class RuleTester:
    def __init__(self, code: str, **settings) -> None:
        if code not in registry():
            raise KeyError(f"no rule {code}")
        self.code = code
        self.settings = Settings.from_options(
            None, select=code, **{k: v for k, v in settings.items() if k != "severity"}
        )
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
        """(line, column, message) of each finding, 1-based."""
        res, own = self.diagnostics(text)
        out = []
        for d in own:
            line, col = res.doc.lines.position(d.span.start)
            out.append((line + 1, col + 1, d.message))
        return out

    def findings(self, text: str) -> list[tuple[str, Position, Position, str]]:
        """(message id, start, end, message) of each finding, positions 1-based."""
        res, own = self.diagnostics(text)
        out = []
        for d in own:
            a = res.doc.lines.position(d.span.start)
            b = res.doc.lines.position(d.span.end)
            out.append((str(d.data.get("message_id", "")), (a[0] + 1, a[1] + 1), (b[0] + 1, b[1] + 1), d.message))
        return out

    def valid(self, text: str) -> None:
        got = self.positions(text)
        assert not got, f"{self.code} should stay silent, but said:\n" + "\n".join(f"  {l}:{c}: {m}" for l, c, m in got)

    def invalid(self, text: str, expected: Sequence[Expected], *, output: Output = None) -> list:
        """Exactly the findings ``expected`` (message id, start, end[, text in the message]), and
        after the rule's fixes exactly ``output`` (None: the rule fixes nothing here)."""
        if not expected:
            raise TypeError(f"{self.code}: an invalid case states at least one finding")
        for e in expected:
            if not (
                isinstance(e, tuple)
                and len(e) in (3, 4)
                and isinstance(e[0], str)
                and all(isinstance(p, tuple) and len(p) == 2 and all(isinstance(x, int) for x in p) for p in e[1:3])
                and (len(e) == 3 or isinstance(e[3], str))
            ):
                raise TypeError(
                    f"{self.code}: a finding is (message id, (line, column), (end line, end column)"
                    f"[, text in the message]), not {e!r}"
                )
        res, own = self.diagnostics(text)
        got = self.findings(text)
        shown = "\n".join(f"  {mid} {a[0]}:{a[1]}-{b[0]}:{b[1]}: {m}" for mid, a, b, m in got)
        want = sorted((e[0], e[1], e[2]) for e in expected)
        have = sorted((mid, a, b) for mid, a, b, _m in got)
        assert have == want, f"{self.code}: expected findings {want}, got:\n{shown}"
        unknown = sorted({e[0] for e in expected} - set(registry()[self.code].messages))
        assert not unknown, f"{self.code}: no message id {unknown}"
        for e in expected:
            if len(e) == 4:
                msgs = [m for (mid, a, b, m) in got if (mid, a, b) == e[:3]]
                assert any(e[3] in m for m in msgs), (
                    f"{self.code} {e[0]} at {e[1]}: no message containing {e[3]!r} in {msgs}"
                )
        source = res.text if res.text is not None else text
        self._check_output(source, own, output)
        return [(a[0], a[1], m) for _mid, a, _b, m in got]

    def _check_output(self, source: str, own: list, output: Output) -> None:
        from .fixes import apply_fixes

        fixes = any(d.fix is not None and d.fix.edits for d in own)
        if output is None:
            assert not fixes, (
                f"{self.code} fixes this case: state the text after the fix (output=…); "
                f"it is:\n{apply_fixes(source, own, unsafe=True)[0]}"
            )
            return
        assert fixes, f"{self.code} does not fix this case, but the case states an output"
        if isinstance(output, str):
            want = output
        else:
            want = replace_once(source, output)
        fixed = apply_fixes(source, own, unsafe=True)[0]
        assert fixed == want, f"{self.code}: after the fix the text is not the stated output:\n{_diff(want, fixed)}"

    def run(
        self,
        valid: Iterable[str] = (),
        invalid: Iterable[Union[tuple[str, Sequence[Expected]], tuple[str, Sequence[Expected], Output]]] = (),
    ) -> None:
        for v in valid:
            self.valid(v)
        for case in invalid:
            text, exp, *out = case
            self.invalid(text, exp, output=out[0] if out else None)


def where(text: str, needle: str, nth: int = 0) -> tuple[Position, Position]:
    """Start and end (1-based line and column, the end exclusive) of the ``nth`` occurrence of
    ``needle`` in ``text``: ``("word", *where(text, "的的"))`` is a finding on those two characters."""
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)

    def pos(k: int) -> Position:
        return text.count("\n", 0, k) + 1, k - (text.rfind("\n", 0, k) + 1) + 1

    return pos(i), pos(i + len(needle))


def replace_once(text: str, pairs: Sequence[tuple[str, str]]) -> str:
    """``text`` with each ``old`` of ``pairs`` (found exactly once in ``text``, none overlapping another)
    replaced by its ``new``."""
    spans = []
    for old, new in pairs:
        n = text.count(old) if old else 0
        assert n == 1, f"the output's {old!r} occurs {n} times in the case's text (once, please)"
        a = text.index(old)
        spans.append((a, a + len(old), new))
    spans.sort()
    out, pos = [], 0
    for a, b, new in spans:
        assert a >= pos, f"the output's replacements overlap at {text[a:b]!r}"
        out += [text[pos:a], new]
        pos = b
    return "".join(out + [text[pos:]])


def _diff(want: str, got: str) -> str:
    import difflib

    return "\n".join(
        difflib.unified_diff(want.splitlines(), got.splitlines(), "output (stated)", "after the fix", lineterm="", n=1)
    )


_BUNDLE = re.compile(r"^=== (.+?) ===[ \t]*$", re.M)


def split_bundle(text: str) -> list[tuple[str, str]]:
    """``=== name ===`` sections of a bundle as (name, text); [] for a single report."""
    marks = list(_BUNDLE.finditer(text))
    if not marks or text[: marks[0].start()].strip():
        return []
    out = []
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        out.append((m.group(1).strip(), text[m.end() + 1 : end]))
    return out
