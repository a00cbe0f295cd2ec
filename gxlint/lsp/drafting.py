"""Help while drafting a report, for every LSP client (handlers: :mod:`gxlint.lsp.features.drafting`).

- Inlay hints: after each total cell of tables 三 and 四, the sum of its parts (``= 162``); a total
  that differs from its parts is marked (``≠ 160``) and its tooltip gives the arithmetic.  The
  sums come from :mod:`gxlint.identities`, the same place the GX3 rules and the hover take them.
- Code lenses: above tables 三 and 四, how many of their identities hold (``表三：勾稽关系 42/42
  成立``) or which fail; the lens runs ``gxlint.showCell``, which asks the client to show the
  first failing cell (``window/showDocument``).  When last year's report of the organ is in the
  workspace, a lens above 表三 says how the new requests changed (``与上年相比：新收申请 +37（+40.7%）``)
  and shows last year's cell.
- Document symbols (the six sections, the tables inside them) and folding ranges per section
  and per table.
- ``gxlint.newReport`` (``workspace/executeCommand``, arguments ``[year, template]``, both
  optional): returns the official skeleton (:mod:`gxlint.templates.skeleton`) as a string; with a third
  argument, a file URI, it also creates that file with the skeleton and shows it.
"""

from __future__ import annotations

import logging
from typing import Any

from lsprotocol import types as lsp

from ..diagnostics import fmt_num
from . import convert
from .documents import uri_of

log = logging.getLogger("gxlint.lsp")

SHOW_CELL = "gxlint.showCell"
NEW_REPORT = "gxlint.newReport"
COMMANDS = [SHOW_CELL, NEW_REPORT]

TABLE_NAMES = {"t2": "表二", "t3": "表三", "t4": "表四"}
TABLE_NAMES_EN = {"t2": "Table 2", "t3": "Table 3", "t4": "Table 4"}
KIND_NAMES = {
    "T3.rowsum": "行合计",
    "T3.subtotal": "小计",
    "T3.outsum": "总计",
    "T3.balance": "结转平衡",
    "T4.sum": "总计",
}
KIND_NAMES_EN = {
    "T3.rowsum": "row total",
    "T3.subtotal": "subtotal",
    "T3.outsum": "column total",
    "T3.balance": "carry-over balance",
    "T4.sum": "total",
}
MAX_NAMED = 3


def _identities(doc) -> list:
    from ..identities import all_identities

    try:
        return all_identities(doc)
    except Exception:  # never let a hint break the editor
        log.exception("identities failed")
        return []


def _table_of(ident) -> str:
    return "t4" if ident.id.startswith("T4") else "t3"


# --- inlay hints ---------------------------------------------------------------------------


def inlay_hints(doc, lines, enc: str, start: int, end: int, lang: str = "zh") -> list[lsp.InlayHint]:
    """One hint after each total cell (one-cell total side) inside [start, end]."""
    en = lang == "en"
    by_cell: dict[int, tuple[Any, list]] = {}
    for ident in _identities(doc):
        if ident.skipped or len(ident.lhs) != 1:
            continue
        cell = ident.lhs[0].cell
        if cell is None or cell.span is None or ident.rhs_value is None:
            continue
        if not (start <= cell.span.end <= end):
            continue
        by_cell.setdefault(id(cell), (cell, []))[1].append(ident)
    hints = []
    for cell, idents in sorted(by_cell.values(), key=lambda x: x[0].span.end):
        sums: list[float] = []
        for i in idents:
            if i.rhs_value not in sums:
                sums.append(i.rhs_value)
        bad = [i for i in idents if i.holds is False]
        label = " / ".join(("≠ " if any(i.rhs_value == s for i in bad) else "= ") + fmt_num(s) for s in sums)
        tip = []
        for i in idents:
            mark = "✗" if i.holds is False else "✓"
            kind = (KIND_NAMES_EN if en else KIND_NAMES).get(i.id, i.id)
            tip.append(f"{mark} {i.where} {kind}: {i.arithmetic()}")
        hints.append(
            lsp.InlayHint(
                position=convert.position(lines, cell.span.end, enc),
                label=label,
                tooltip=lsp.MarkupContent(kind=lsp.MarkupKind.PlainText, value="\n".join(tip)),
                padding_left=True,
            )
        )
    return hints


# --- code lenses ---------------------------------------------------------------------------


def code_lenses(
    doc, lines, enc: str, uri: str, lang: str = "zh", previous=None, previous_uri=None
) -> list[lsp.CodeLens]:
    """``previous``: last year's index entry of this report's organ (the 与上年相比 lens), opened
    at ``previous_uri`` (default: its file's URI)."""
    en = lang == "en"
    idents = _identities(doc)
    lenses = []
    last = _last_year_lens(doc, lines, previous, en, previous_uri)
    if last is not None:
        lenses.append(last)
    for kind in ("t3", "t4"):
        table = doc.tables.get(kind)
        if table is None or table.span is None:
            continue
        mine = [i for i in idents if _table_of(i) == kind]
        checked = [i for i in mine if i.holds is not None]
        failing = [i for i in checked if i.holds is False]
        skipped = len(mine) - len(checked)
        tname = (TABLE_NAMES_EN if en else TABLE_NAMES)[kind]
        kinds = KIND_NAMES_EN if en else KIND_NAMES
        if en:
            title = f"{tname}: {len(checked) - len(failing)}/{len(checked)} identities hold"
        else:
            title = f"{tname}：勾稽关系 {len(checked) - len(failing)}/{len(checked)} 成立"
        if failing:
            names = [f"{i.where} {kinds.get(i.id, i.id)}" for i in failing[:MAX_NAMED]]
            more = len(failing) - len(names)
            if en:
                title += "; failing: " + ", ".join(names) + (f" and {more} more" if more else "")
            else:
                title += "；不成立：" + "、".join(names) + (f" 等 {len(failing)} 项" if more else "")
        if skipped:
            title += f" ({skipped} not checkable)" if en else f"（{skipped} 项无法核对）"
        target = (failing[0].culprit or failing[0].target) if failing else None
        if target is not None and target.span is not None:
            at = target.span
        else:
            at = table.span
        rng = convert.to_range(lines, at.start, at.end, enc)
        line = lines.line_of(table.span.start)
        lens_rng = lsp.Range(lsp.Position(line, 0), lsp.Position(line, 0))
        lenses.append(
            lsp.CodeLens(
                range=lens_rng,
                command=lsp.Command(
                    title=title,
                    command=SHOW_CELL,
                    arguments=[uri, rng.start.line, rng.start.character, rng.end.line, rng.end.character],
                ),
            )
        )
    return lenses


def _last_year_lens(doc, lines, previous, en: bool, uri=None):
    """Above 表三: 与上年相比：新收申请 +37（+40.7%）, showing last year's cell."""
    from ..across.compare import cell_key

    table = doc.tables.get("t3")
    dg = getattr(previous, "digest", None)
    if table is None or table.span is None or dg is None:
        return None
    row = table.rows.get("r1")
    cell = row.cell("tot") if row is not None else None
    key = cell_key("t3", "r1", "tot")
    old = dg.value(key)
    if cell is None or cell.value is None or old is None:
        return None
    if not cell.certain or not dg.certain(key):
        change = "read without certainty" if en else "读取不确定"
    else:
        d = cell.value - old
        change = ("+" if d > 0 else "−" if d < 0 else "±") + fmt_num(abs(d))
        if d and old:
            change += f" ({d / old * 100:+.1f}%)" if en else f"（{d / old * 100:+.1f}%）"
    title = f"Compared with {previous.year}: new requests {change}" if en else f"与上年相比：新收申请 {change}"
    line = lines.line_of(table.span.start)
    at = previous.cell(key) or previous.anchor
    args = [uri or uri_of(previous.path)]
    args += [at.line, at.col16, at.end_line, at.end_col16] if at is not None else [0, 0, 0, 0]
    return lsp.CodeLens(
        range=lsp.Range(lsp.Position(line, 0), lsp.Position(line, 0)),
        command=lsp.Command(title=title, command=SHOW_CELL, arguments=args),
    )


# --- symbols and folding -------------------------------------------------------------------


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\r\n\u3000":
        end -= 1
    return end


def document_symbols(doc, lines, enc: str, lang: str = "zh") -> list[lsp.DocumentSymbol]:
    en = lang == "en"
    text = doc.text
    tables = [t for t in doc.tables.values() if t.span is not None]
    used: set[int] = set()
    out = []
    for s in sorted(doc.sections, key=lambda s: s.span.start):
        end = _trim_end(text, s.span.start, max(s.body.end, s.span.end))
        end = max(end, s.span.end)
        children = []
        for t in tables:
            if s.span.start <= t.span.start < max(end, s.span.end + 1) and id(t) not in used:
                used.add(id(t))
                children.append(_table_symbol(t, lines, enc, en))
        title = (s.title or s.canonical).strip() or s.canonical
        out.append(
            lsp.DocumentSymbol(
                name=title,
                kind=lsp.SymbolKind.Namespace,
                range=convert.to_range(lines, s.span.start, end, enc),
                selection_range=convert.to_range(lines, s.span.start, s.span.end, enc),
                detail=s.canonical if s.canonical != title else None,
                children=children,
            )
        )
    for t in tables:  # a table outside every section still shows
        if id(t) not in used:
            out.append(_table_symbol(t, lines, enc, en))
    out.sort(key=lambda x: (x.range.start.line, x.range.start.character))
    return out


def _table_symbol(t, lines, enc: str, en: bool) -> lsp.DocumentSymbol:
    name = (TABLE_NAMES_EN if en else TABLE_NAMES).get(t.kind, t.kind)
    rng = convert.to_range(lines, t.span.start, max(t.span.end, t.span.start), enc)
    line_end = lines.line_end(lines.line_of(t.span.start))
    sel = convert.to_range(lines, t.span.start, max(t.span.start, min(line_end, t.span.end)), enc)
    return lsp.DocumentSymbol(
        name=name, kind=lsp.SymbolKind.Struct, range=rng, selection_range=sel, detail=t.version or None
    )


def folding_ranges(doc, lines) -> list[lsp.FoldingRange]:
    text = doc.text
    out = []
    for s in sorted(doc.sections, key=lambda s: s.span.start):
        a = lines.line_of(s.span.start)
        b = lines.line_of(max(s.span.start, _trim_end(text, s.span.start, max(s.body.end, s.span.end))))
        if b > a:
            out.append(lsp.FoldingRange(start_line=a, end_line=b, kind=lsp.FoldingRangeKind.Region))
    for t in doc.tables.values():
        if t.span is None:
            continue
        a = lines.line_of(t.span.start)
        b = lines.line_of(max(t.span.start, _trim_end(text, t.span.start, t.span.end)))
        if b > a:
            out.append(lsp.FoldingRange(start_line=a, end_line=b, kind=lsp.FoldingRangeKind.Region))
    return out
