"""The format-neutral content a document reader produces, and its text view.

A reader (.docx, .html, .pdf) knows no rules and no Document: it turns bytes into a list of
:class:`Para` and :class:`TableBlock` in reading order, each carrying its *native location*
(``loc``: .docx paragraph/table/row/cell, PDF page and box, HTML source line/column …).
:func:`render` lays them out as the text view that positions point into — paragraphs as lines,
tables as ``| a | b | c |`` rows, one table row per line, merged cells expanded to the grid
(the merged text in the first row/column it covers, the rest left empty) — and a
:class:`Locator` that maps any offset of that text back to the native location.

The parser then reads the text view like any other report: a table row is a ``|`` row, so cell
boundaries are never guessed.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any, Iterator, Optional, Union


@dataclass(slots=True)
class CellBlock:
    text: str
    loc: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Para:
    text: str
    loc: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class TableBlock:
    rows: list[list[CellBlock]]  # the grid after merged cells are expanded
    loc: dict[str, Any] = field(default_factory=dict)


Block = Union[Para, TableBlock]


class Locator:
    """Offset of the text view → native location (the innermost span that contains it)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._items: list[tuple[int, int, dict[str, Any]]] = []
        self.cells: list[tuple[int, int]] = []  # the text of each table cell (in order): the parser
        # grades what it reads there "native"

    def add(self, start: int, end: int, loc: dict[str, Any]) -> None:
        if not loc:
            return
        self._starts.append(start)
        self._items.append((start, end, loc))

    def locate(self, offset: int) -> Optional[dict[str, Any]]:
        """The native location of ``offset``; merged from the table/paragraph and cell levels."""
        i = bisect.bisect_right(self._starts, offset) - 1
        found: dict[str, Any] = {}
        # items are added outer (table) before inner (cell); walk back over the few that may contain it
        j = i
        hits = []
        while j >= 0 and i - j < 64:
            s, e, loc = self._items[j]
            if s <= offset < e or s == e == offset:
                hits.append(loc)
            j -= 1
        for loc in reversed(hits):
            found.update(loc)
        return found or None

    def entry(self, offset: int) -> Optional[tuple[int, int, dict[str, Any]]]:
        """The innermost (start, end, loc) that contains ``offset`` (a cell before its table)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        best = None
        j = i
        while j >= 0 and i - j < 64:
            s, e, loc = self._items[j]
            if s <= offset < e or s == e == offset:
                if best is None or (e - s) < (best[1] - best[0]):
                    best = (s, e, loc)
            j -= 1
        return best

    def __len__(self) -> int:
        return len(self._items)


def locations(blocks: list[Block]) -> Iterator[dict]:
    """Each location of ``blocks`` once: a paragraph's, a table's and its cells' (a merged cell's
    location is shared by the cells it covers)."""
    seen: set[int] = set()
    for b in blocks:
        locs = [b.loc] if isinstance(b, Para) else [b.loc] + [cell.loc for row in b.rows for cell in row]
        for loc in locs:
            if id(loc) not in seen:
                seen.add(id(loc))
                yield loc


def _clean(text: str) -> str:
    # one block, one line: line breaks inside a cell or paragraph become spaces in a cell, and
    # stay line breaks in a paragraph (a paragraph with soft breaks is several lines)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def render(blocks: list[Block]) -> tuple[str, Locator]:
    """The text view of ``blocks`` and its locator."""
    out: list[str] = []
    pos = 0
    locator = Locator()

    def put(s: str) -> None:
        nonlocal pos
        out.append(s)
        pos += len(s)

    for b in blocks:
        if isinstance(b, Para):
            text = _clean(b.text)
            start = pos
            put(text)
            locator.add(start, pos, b.loc)
            put("\n")
        else:
            tstart = pos
            inner: list[tuple[int, int, dict]] = []
            for row in b.rows:
                put("|")
                for cell in row:
                    # one cell, one line; a "|" inside a cell must not split it (full-width bar)
                    text = " ".join(_clean(cell.text).split("\n")).strip().replace("|", "｜")
                    put(" ")
                    cs = pos
                    put(text)
                    inner.append((cs, pos, cell.loc))
                    put(" |")
                put("\n")
            locator.add(tstart, pos, b.loc)
            for s, e, loc in inner:
                locator.add(s, max(e, s + 1) if e == s else e, loc)
                locator.cells.append((s, e))
    return "".join(out), locator
