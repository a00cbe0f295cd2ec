"""The early answer for a large document (issue 26: a keystroke in a 1 MB report): while its lint
runs in a child process (hundreds of milliseconds), the last full answer, carried through the edits
typed since, is published at once.

It never says more than the last full answer did:

- a finding the edits touch (its range, a related range in this report, or a fix's range) is left
  out;
- so is every finding in the *typed region* — the table an edit falls in (its whole span: a cell
  typed changes the sums of the whole table), and the lines the edit is on with the paragraph
  they belong to (the neighbouring short or blank lines, which the text rules read as one
  paragraph, and one line more each way);
- every other finding keeps its place, shifted by what was typed before it;
- a fix is left out of the early answer (the quick fixes read the full answer).

The full answer replaces it when the lint is done, as it would have replaced the last one.
"""

from __future__ import annotations

import dataclasses
from typing import Iterable, Optional, Sequence

from ..diagnostics import Diagnostic, Span

# one edit of the text: [start, end) of the text before it replaced by ``length`` characters
EditRec = tuple[int, int, int]


def _touch(s: int, e: int, a: int, b: int) -> bool:
    """Whether [s, e] and [a, b] meet (touching counts: a digit typed right after a number
    changes the number)."""
    return s <= b and a <= e


def _shift(s: int, e: int, a: int, b: int, delta: int) -> tuple[int, int]:
    """[s, e] (not touching [a, b]) in the text after the edit."""
    if s > b:
        return s + delta, e + delta
    return s, e


_BLANK = " \t\u3000\u00a0|\r"


def _short(line: str) -> bool:
    """A line the text rules join with its neighbours into one paragraph (a run of short lines
    without a sentence end: :func:`gxlint.parse.queries.paragraph_keys`), or a blank one."""
    s = line.strip(_BLANK)
    return not s or (len(s) <= 40 and not s.endswith(("。", "；", ";", "！", "？")))


def _block(text: str, a: int, b: int, tables: list[tuple[int, int]]) -> tuple[int, int]:
    """[a, b] out to whole lines, then over the neighbouring short or blank lines and one line
    more each way, up to a table (whose lines are no paragraph's): what an edit there can change
    for the rules that read a paragraph."""
    size = len(text)

    def tabled(pos: int) -> bool:
        return any(ta <= pos <= tb for ta, tb in tables)

    la = text.rfind("\n", 0, a) + 1
    while la > 0:
        ps = text.rfind("\n", 0, la - 1) + 1
        if tabled(ps) or tabled(la - 1):
            break
        line = text[ps : la - 1]
        la = ps
        if not _short(line):
            break
    lb = text.find("\n", b)
    lb = size if lb < 0 else lb
    while lb < size:
        ne = text.find("\n", lb + 1)
        ne = size if ne < 0 else ne
        if tabled(lb + 1) or tabled(ne):
            break
        line = text[lb + 1 : ne]
        lb = ne
        if not _short(line):
            break
    return la, lb


def carry(
    diagnostics: Sequence[Diagnostic], tables: Iterable[Span], edits: Sequence[EditRec], text: str
) -> Optional[list[Diagnostic]]:
    """The findings of the last full answer that the early answer keeps, in the positions of
    ``text`` (the text after ``edits``, which were made in order to the text the findings were
    found in; ``tables``: its tables' spans).  None when the edits cannot be followed."""
    # (diagnostic, [start, end], [[start, end] of each related place, None: in another report])
    items: list[tuple[Diagnostic, list[int], list[Optional[list[int]]]]] = []
    for d in diagnostics:
        rel: list[Optional[list[int]]] = [None if r.path else [r.span.start, r.span.end] for r in d.related]
        items.append((d, [d.span.start, d.span.end], rel))
    regions: list[list[int]] = []
    spans = [[t.start, t.end] for t in tables]
    for a, b, n in edits:
        if a < 0 or b < a:
            return None
        delta = n - (b - a)
        ra, rb = a, b
        for t in spans:
            if _touch(t[0], t[1], a, b):
                ra, rb = min(ra, t[0]), max(rb, t[1])
        kept: list[tuple[Diagnostic, list[int], list[Optional[list[int]]]]] = []
        for it in items:
            d, sp, rel = it
            if _touch(sp[0], sp[1], a, b) or any(r is not None and _touch(r[0], r[1], a, b) for r in rel):
                continue
            if d.fix is not None and any(_touch(x.start, x.end, a, b) for x in d.fix.edits):
                continue
            sp[0], sp[1] = _shift(sp[0], sp[1], a, b, delta)
            for r in rel:
                if r is not None:
                    r[0], r[1] = _shift(r[0], r[1], a, b, delta)
            kept.append(it)
        items = kept
        for reg in regions:  # the regions of earlier edits, carried through this one
            if _touch(reg[0], reg[1], a, b):
                reg[0], reg[1] = min(reg[0], a), max(reg[1] + delta, a + n)
            else:
                reg[0], reg[1] = _shift(reg[0], reg[1], a, b, delta)
        regions.append([ra, rb + delta])  # (rb >= b: everything after the edit moved)
        for t in spans:
            if _touch(t[0], t[1], a, b):
                t[0], t[1] = min(t[0], a), max(t[1] + delta, a + n)
            else:
                t[0], t[1] = _shift(t[0], t[1], a, b, delta)
    size = len(text)
    tabled = [(t[0], t[1]) for t in spans]
    lines = [_block(text, max(0, min(ra, size)), max(0, min(rb, size)), tabled) for ra, rb in regions]
    out = []
    for d, sp, rel in items:
        if any(_touch(sp[0], sp[1], la, lb) for la, lb in lines):
            continue
        if any(r is not None and _touch(r[0], r[1], la, lb) for r in rel for la, lb in lines):
            continue
        if sp[1] > size:
            return None  # the edits did not lead to this text
        related = [
            dataclasses.replace(r0, span=Span(r[0], r[1])) if r is not None else r0 for r0, r in zip(d.related, rel)
        ]
        out.append(dataclasses.replace(d, span=Span(sp[0], sp[1]), related=related, fix=None))
    return out
