"""Applying fixes: each fix is a list of edits on the original text, marked safe or unsafe.

``apply_fixes`` applies the chosen fixes of a lint result in one pass, skipping an edit that
overlaps one already taken (the next run picks it up), so that applying all safe fixes is
idempotent: a second pass finds nothing left to change.
"""

from __future__ import annotations

from typing import Iterable, Optional

from .diagnostics import Diagnostic, Edit


def chosen_edits(diagnostics: Iterable[Diagnostic], *, unsafe: bool = False) -> list[Edit]:
    edits: list[Edit] = []
    for d in diagnostics:
        if d.fix is None or (not d.fix.safe and not unsafe):
            continue
        edits.extend(d.fix.edits)
    return edits


def apply_edits(text: str, edits: Iterable[Edit], taken: Optional[set] = None) -> tuple[str, int]:
    """Apply non-overlapping edits (the first of overlapping ones wins).  Returns (text, applied);
    ``taken``, when given, receives the edits that were applied."""
    ordered = sorted(set(edits), key=lambda e: (e.start, e.end, e.new_text))
    out: list[str] = []
    pos = 0
    applied = 0
    last_end = -1
    for e in ordered:
        if e.start < last_end or e.start < pos:
            continue  # overlaps an edit already taken
        if e.start == e.end and e.start == last_end and applied:
            continue  # two inserts at one place: keep the first
        out.append(text[pos : e.start])
        out.append(e.new_text)
        pos = e.end
        last_end = e.end
        applied += 1
        if taken is not None:
            taken.add(e)
    out.append(text[pos:])
    return "".join(out), applied


def apply_fixes(text: str, diagnostics: Iterable[Diagnostic], *, unsafe: bool = False) -> tuple[str, int]:
    return apply_edits(text, chosen_edits(diagnostics, unsafe=unsafe))


def fixed_findings(diagnostics: Iterable[Diagnostic], taken: set, *, unsafe: bool = False) -> int:
    """How many findings had (some of) their fix applied: the number a user is told, not the
    number of edits (one finding's fix may be hundreds of edits)."""
    return sum(
        1 for d in diagnostics if d.fix is not None and (d.fix.safe or unsafe) and any(e in taken for e in d.fix.edits)
    )


def fix_text(text: str, settings=None, *, unsafe: bool = False, max_passes: int = 4) -> tuple[str, int]:
    """Lint and apply fixes until nothing changes (at most max_passes).  Returns (text, number of
    findings fixed)."""
    from .engine import lint

    total = 0
    for _ in range(max_passes):
        res = lint(text, None, settings)
        taken: set = set()
        new, n = apply_edits(text, chosen_edits(res.diagnostics, unsafe=unsafe), taken)
        if n == 0 or new == text:
            break
        text, total = new, total + fixed_findings(res.diagnostics, taken, unsafe=unsafe)
    return text, total
