"""The arithmetic identities of tables 三 and 四 (the template's 勾稽关系), evaluated on a Document.

One place computes them; the GX3 rules report the ones that fail and the language server's
hover shows the arithmetic of the one under the cursor.  An identity names the check it is
(:attr:`Identity.check`: ``T3.rowsum``, ``T4.sum:rv`` …); each rule names the checks it reports
(``Rule.checks``), so nothing here knows a rule's code.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Iterator, Optional

from . import templates
from .diagnostics import fmt_num
from .model import Cell, Document, Row, Table

COLUMN_NAMES = {
    "np": "自然人",
    "ce": "商业企业",
    "ri": "科研机构",
    "sw": "社会公益组织",
    "ls": "法律服务机构",
    "ot": "其他",
    "sub": "小计",
    "tot": "总计",
}
COLUMN_NAMES_EN = {
    "np": "natural persons",
    "ce": "commercial enterprises",
    "ri": "research institutions",
    "sw": "social welfare organisations",
    "ls": "legal service institutions",
    "ot": "others",
    "sub": "subtotal",
    "tot": "total",
}
APPLICANTS = ("np", "ce", "ri", "sw", "ls", "ot")
ORGS = ("ce", "ri", "sw", "ls", "ot")


@dataclass
class Term:
    label: str  # 行/列的名称 (Chinese), for messages
    cell: Optional[Cell]

    @property
    def value(self) -> Optional[float]:
        return None if self.cell is None else self.cell.value


@dataclass
class Identity:
    id: str  # T3.rowsum, T3.subtotal, T3.outsum, T3.balance, T4.sum
    where: str  # 行/列, e.g. "（一）予以公开" or "商业企业列"
    lhs: list[Term]  # the total side
    rhs: list[Term]  # the parts
    check: str  # the check it is: its id, and for T4.sum the group (T4.sum:rv)
    target: Optional[Cell]  # the cell a failure is reported at
    skipped: Optional[str] = None  # why it cannot be checked (blank, unreadable, missing rows)
    extra: dict = field(default_factory=dict)
    culprit: Optional[Cell] = None  # the one cell a second failing identity also points at (see _triangulate)

    # computed once: the cells do not change once the document is parsed, and every GX3 rule,
    # GX207 and the hover ask
    @functools.cached_property
    def lhs_value(self) -> Optional[float]:
        vals = [t.value for t in self.lhs]
        return None if any(v is None for v in vals) else sum(v for v in vals if v is not None)

    @functools.cached_property
    def rhs_value(self) -> Optional[float]:
        vals = [t.value for t in self.rhs]
        return None if any(v is None for v in vals) else sum(v for v in vals if v is not None)

    @functools.cached_property
    def holds(self) -> Optional[bool]:
        if self.skipped:
            return None
        a, b = self.lhs_value, self.rhs_value
        if a is None or b is None:
            return None
        return abs(a - b) < 1e-9

    @functools.cached_property
    def certain(self) -> bool:
        """Every cell it adds up was read with certainty (gxlint.certainty)."""
        return all(t.cell is not None and t.cell.certain for t in self.lhs) and all(
            t.cell is not None and t.cell.certain for t in self.rhs
        )

    def cells(self) -> list[Cell]:
        return [t.cell for t in self.lhs + self.rhs if t.cell is not None]

    def arithmetic(self) -> str:
        """（七）总计 商业企业 = 9 + 0 + … = 9，表中为 0"""
        parts = " + ".join(fmt_num(t.value) for t in self.rhs)
        lhs = " + ".join(fmt_num(t.value) for t in self.lhs)
        return f"{' + '.join(t.label for t in self.lhs)} = {parts} = {fmt_num(self.rhs_value)}，表中为 {lhs}"


def _short(row: Row) -> str:
    lab = row.label
    if lab.startswith("(") and ")" in lab:
        i = lab.index(")")
        head, rest = lab[: i + 1], lab[i + 1 :]
        lab = head.replace("(", "（").replace(")", "）") + rest.split("(")[0]
    return lab


def row_name(row: Row) -> str:
    lab = _short(row)
    blocks = {"r3_3": "（三）不予公开", "r3_4": "（四）无法提供", "r3_5": "（五）不予处理", "r3_6": "（六）其他处理"}
    parts = row.id.split("_")
    if len(parts) == 3:
        return f"{blocks.get('_'.join(parts[:2]), '')} {lab}"
    return lab


ASSUMED = "表格的数字连在一起，按这一关系才拆分出各单元格，不能再用它核对"


def _assumed(t: Table, rows: list[Row], ident: str, column: Optional[str] = None) -> Optional[str]:
    """Why an identity is not checked because the reading of a flattened table relied on it
    (parse.tables.repairs.flatten): it holds by construction."""
    if column is not None and (ident, column) in t.assumed:
        return ASSUMED
    if column is None and any(ident in r.assumed for r in rows):
        return ASSUMED
    return None


def _why_not(cells: list[Optional[Cell]], rows: list[Row]) -> Optional[str]:
    for r in rows:
        if r.unreadable:
            return f"无法确定“{row_name(r)}”各单元格的数值"
        if r.unreliable:
            return f"“{row_name(r)}”的单元格数目不对"
    for c in cells:
        if c is None:
            return "缺少单元格"
        if c.blank:
            return "有空白单元格"
        if c.value is None:
            return f"“{c.raw}”不是数字"
    return None


def t3_identities(doc: Document) -> Iterator[Identity]:
    t = doc.tables.get("t3")
    if t is None:
        return
    yield from _rowsums(t)
    yield from _outsums(t)
    yield from _balance(t)


def _exhausted(row: Row, ident: str):
    """(cell lookup, extra) for an identity that fails under every split of a row that could not be
    split with certainty (its cells: the most likely split), or None."""
    if not (row.unreadable and ident in row.impossible and row.likely):
        return None
    by_col = {c.column: c for c in row.likely}
    reading = " | ".join(c.raw for c in row.likely)
    return by_col.get, {"exhausted": True, "reading": reading, "written": " ".join(c.raw for c in row.cells)}


def _rowsums(t: Table) -> Iterator[Identity]:
    for row in t.rows.values():
        name = row_name(row)
        ex = _exhausted(row, "T3.rowsum")
        cell = ex[0] if ex else row.cell
        lhs_cell = cell("tot")
        parts = [Term(COLUMN_NAMES[c], cell(c)) for c in APPLICANTS]
        cells = [lhs_cell] + [p.cell for p in parts]
        skipped = None if ex else _why_not(cells, [row]) or _assumed(t, [row], "T3.rowsum")
        yield Identity(
            "T3.rowsum",
            name,
            [Term("总计", lhs_cell)],
            parts,
            "T3.rowsum",
            lhs_cell,
            skipped,
            {"row": row.id, **(ex[1] if ex else {})},
        )
        if t.variant == "subtotal":
            sub = row.cell("sub")
            orgs = [Term(COLUMN_NAMES[c], row.cell(c)) for c in ORGS]
            yield Identity(
                "T3.subtotal",
                name,
                [Term("小计", sub)],
                orgs,
                "T3.subtotal",
                sub,
                _why_not([sub] + [o.cell for o in orgs], [row]) or _assumed(t, [row], "T3.subtotal"),
                {"row": row.id},
            )


def _outcome_ids(t: Table) -> list[str]:
    return list(templates.version(t.version or "v2021")["t3"]["outcomes"])


def _outsums(t: Table) -> Iterator[Identity]:
    total = t.rows.get("r3_7")
    if total is None:
        return
    ids = _outcome_ids(t)
    missing = [i for i in ids if i not in t.rows]
    for col in t.columns:
        cname = COLUMN_NAMES.get(col, col)
        lhs = total.cell(col)
        rows = [t.rows[i] for i in ids if i in t.rows]
        parts = [Term(row_name(r), r.cell(col)) for r in rows]
        skipped = "缺少办理结果行" if missing else _why_not([lhs] + [p.cell for p in parts], [total] + rows)
        skipped = skipped or _assumed(t, rows, "T3.outsum", col)
        yield Identity(
            "T3.outsum", f"{cname}列", [Term("（七）总计", lhs)], parts, "T3.outsum", lhs, skipped, {"column": col}
        )


def _balance(t: Table) -> Iterator[Identity]:
    r1, r2, r7, r4 = (t.rows.get(k) for k in ("r1", "r2", "r3_7", "r4"))
    if not (r1 and r2 and r7 and r4):
        return
    for col in t.columns:
        cname = COLUMN_NAMES.get(col, col)
        lhs = [Term("一、本年新收", r1.cell(col)), Term("二、上年结转", r2.cell(col))]
        rhs = [Term("（七）总计", r7.cell(col)), Term("四、结转下年度", r4.cell(col))]
        skipped = _why_not([x.cell for x in lhs + rhs], [r1, r2, r7, r4]) or _assumed(
            t, [r1, r2, r7, r4], "T3.balance", col
        )
        yield Identity("T3.balance", f"{cname}列", lhs, rhs, "T3.balance", r4.cell(col), skipped, {"column": col})


T4_GROUPS = (("rv", "行政复议"), ("ld", "行政诉讼（未经复议直接起诉）"), ("lr", "行政诉讼（复议后起诉）"))
T4_PARTS = (("keep", "结果维持"), ("fix", "结果纠正"), ("oth", "其他结果"), ("pend", "尚未审结"))


def t4_identities(doc: Document) -> Iterator[Identity]:
    t = doc.tables.get("t4")
    if t is None:
        return
    row = t.rows.get("t4")
    if row is None:
        return
    for g, name in T4_GROUPS:
        ex = _exhausted(row, f"T4.sum:{g}")
        cell = ex[0] if ex else row.cell
        tot = cell(f"{g}.tot")
        parts = [Term(lab, cell(f"{g}.{p}")) for p, lab in T4_PARTS]
        skipped = None if ex else _why_not([tot] + [p.cell for p in parts], [row]) or _assumed(t, [row], f"T4.sum:{g}")
        yield Identity(
            "T4.sum",
            name,
            [Term("总计", tot)],
            parts,
            f"T4.sum:{g}",
            tot,
            skipped,
            {"group": g, **(ex[1] if ex else {})},
        )


def all_identities(doc: Document) -> list[Identity]:
    cache = doc.cache.get("identities")
    if cache is None:
        cache = list(t3_identities(doc)) + list(t4_identities(doc))
        _triangulate(doc, cache)
        doc.cache["identities"] = cache
    return cache


def _fix_value(ident: Identity, cell: Cell) -> Optional[float]:
    """The value this cell would need for the identity to hold (the other cells as written)."""
    a, b = ident.lhs_value, ident.rhs_value
    if a is None or b is None:
        return None
    v = cell.value
    assert v is not None  # a and b are sums over the identity's cells, this one among them
    if any(t.cell is cell for t in ident.lhs):
        return v + (b - a)
    return v + (a - b)


def _triangulate(doc: Document, idents: list[Identity]) -> None:
    """Find the one cell two failing identities of table 三 have in common (a row's sum and a
    column's sum) when both would hold with the same corrected value there: that cell, not the
    total, is the likely error.  Sets ``culprit`` (the cell), ``extra["culprit_fix"]`` (the value that
    balances both) and ``extra["culprit_row"]``/``["culprit_column"]`` (names)."""
    failing = [i for i in idents if i.holds is False and i.id.startswith("T3.") and i.certain]
    if len(failing) < 2:
        return
    t = doc.tables.get("t3")
    where: dict[int, tuple[Row, str]] = {}
    if t is not None:
        for row in t.rows.values():
            for c in row.cells:
                where[id(c)] = (row, c.column)
    # the failing identities each cell is in (in their order): one pass, not a search per cell
    holding: dict[int, list[Identity]] = {}
    for o in failing:
        for c in o.cells():
            lst = holding.setdefault(id(c), [])
            if not lst or lst[-1] is not o:
                lst.append(o)
    for ident in failing:
        best: Optional[tuple[Optional[Cell], Optional[float], int]] = None
        for cell in ident.cells():
            fix = _fix_value(ident, cell)
            if fix is None:
                continue
            others = [o for o in holding.get(id(cell), ()) if o is not ident]
            agree = [o for o in others if (f := _fix_value(o, cell)) is not None and abs(f - fix) < 1e-9]
            if agree and (best is None or len(agree) > best[2]):
                best = (cell, fix, len(agree))
            elif agree and best is not None and len(agree) == best[2]:
                best = (None, None, len(agree))  # two equally good cells: do not guess
        if best is None or best[0] is None:
            continue
        cell, fix = best[0], best[1]
        ident.culprit = cell
        ident.extra["culprit_fix"] = fix
        in_row, col = where.get(id(cell), (None, cell.column))
        ident.extra["culprit_row"] = row_name(in_row) if in_row is not None else ""
        ident.extra["culprit_column"] = COLUMN_NAMES.get(col, col)
