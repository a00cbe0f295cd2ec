"""The severity policy: an error rests only on what was read with certainty.

The table reader grades every cell (:data:`gxlint.model.GRADES`: native, delimited, recovered,
guessed), marks the rows whose cells stand between explicit separators (``Row.delimited``) and
records what it had to infer (``Table.repairs``, ``Table.strays``).  What follows from that is
decided here, in one place, for every rule (the policy is written for reviewers in
docs/zh/certainty.md and docs/en/certainty.md):

- **structure** (GX203 missing row, GX204 cell count, GX205 malformed number, GX206 blank cell):
  GX204 only on a row whose cells stand between explicit separators (how many there are is then
  certain); GX205/GX206 only on a cell read with certainty; GX203 only on a table none of whose
  rows was placed by inference and where no number was left without a row;
- **identities** (GX301–GX305): an error only when every cell the identity adds up was read with
  certainty — or when the identity fails under *every* admissible reading of a row that could not
  be split with certainty (:func:`exhausted`);
- **prose** (GX401–GX404) is compared only with cells read with certainty (gxlint.parse.claims);
- whatever could not be said for want of certainty is said **once per table**: GX207, with why
  (:func:`doubts`).  A table whose reading needed no inference, or whose inferences contradict
  nothing, gets no GX207.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from .model import Cell, Document, Row, Span, Table

if TYPE_CHECKING:  # pragma: no cover
    from .identities import Identity

INFERENCES = ("placed", "merged", "page", "blank", "letters")
"""Repairs (``Cell.how``) that rest on the layout, not on the text alone: what they give is a guess."""


def cell_certain(cell: Optional[Cell]) -> bool:
    """The cell was read with certainty (native, delimited or recovered)."""
    return cell is not None and cell.certain


def count_certain(row: Row) -> bool:
    """How many cells the row has is certain: its cells stand between explicit separators."""
    return row.delimited


def inferred(table: Table) -> list[str]:
    """The inferences (:data:`INFERENCES`) the reading of this table rests on, in the order met."""
    return [r for r in table.repairs if r in INFERENCES]


def shape_certain(table: Table) -> bool:
    """Which rows the table has is certain: no row was placed by inference, no number left over."""
    return not inferred(table) and not table.strays


def identity_certain(ident: "Identity") -> bool:
    """Every cell the identity adds up was read with certainty."""
    return ident.certain


def exhausted(ident: "Identity") -> bool:
    """The identity fails under every admissible reading of the row it lies on (a row whose digits
    could not be split with certainty, but where no split makes the identity hold)."""
    return bool(ident.extra.get("exhausted"))


def reportable(ident: "Identity") -> bool:
    """A failing identity is reported (as the error its rule gives) — it fails on certain cells, or
    under every reading."""
    return ident.holds is False and identity_certain(ident) or exhausted(ident)


@dataclass
class Doubt:
    """What could not be said of a table for want of certainty (reported once, by GX207)."""

    table: Table
    why: list[str] = field(default_factory=list)  # inferences, "count", "strays"
    counts: list[Row] = field(default_factory=list)  # rows with too many / too few numbers
    malformed: list[tuple[Row, Cell]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # template rows not found
    failing: list["Identity"] = field(default_factory=list)  # identities failing on guessed cells
    spans: list[Span] = field(default_factory=list)  # where: the rows in doubt, first first

    @property
    def any(self) -> bool:
        return bool(self.counts or self.malformed or self.missing or self.failing)


def doubts(doc: Document) -> dict[str, Doubt]:
    """Per table kind, what its rules leave unsaid for want of certainty and GX207 says instead.
    Tables already unreadable (``Table.unreadable``) are not here: GX207 says that already."""
    cached = doc.cache.get("doubts")
    if cached is not None:
        return cached
    from .identities import all_identities

    out: dict[str, Doubt] = {}
    failing = [i for i in all_identities(doc) if i.holds is False and not reportable(i)]
    for kind, table in doc.tables.items():
        if table.unreadable:
            continue
        d = Doubt(table, why=list(inferred(table)))
        if table.strays:
            d.why.append("strays")
            d.spans.extend(table.strays[:1])
        for row in table.rows.values():
            if row.found != row.expected and not count_certain(row):
                d.counts.append(row)
                d.spans.append(row.span)
            for c in row.cells:
                if c.malformed and not c.blank and not c.certain and row.found == row.expected:
                    d.malformed.append((row, c))
                    d.spans.append(c.span)
        if d.counts and "count" not in d.why:
            d.why.append("count")
        if table.missing and table.rows and not shape_certain(table):
            d.missing = list(table.missing)
        if failing:
            cells = {id(c) for r in table.rows.values() for c in r.cells}
            for ident in failing:
                if any(t.cell is not None and id(t.cell) in cells for t in ident.lhs + ident.rhs):
                    d.failing.append(ident)
                    if ident.target is not None:
                        d.spans.append(ident.target.span)
        if d.any:
            d.spans.sort(key=lambda sp: sp.start)
            out[kind] = d
    doc.cache["doubts"] = out
    return out
